package agoratoken

import (
	"encoding/json"
	"time"
)

// Request describes a client for Check: the service it uses and who it is.
// Empty fields are left out of the request.
type Request struct {
	Service     string   `json:"service"`                // "rtc", "rtm", "chat", "fpa" or "apaas"
	ChannelName string   `json:"channel_name,omitempty"` // rtc
	UID         string   `json:"uid,omitempty"`          // rtc: the uid as text or the account
	Publish     []string `json:"publish,omitempty"`      // rtc: "audio", "video", "data"
	UserID      string   `json:"user_id,omitempty"`      // rtm, chat (none: the Chat app)
	RoomUUID    string   `json:"room_uuid,omitempty"`    // apaas
	UserUUID    string   `json:"user_uuid,omitempty"`    // apaas
	AppID       string   `json:"app_id,omitempty"`       // the app ID the client uses
}

// Report is Check's answer: allowed, or every reason for a denial.
type Report struct {
	Allowed    bool              `json:"allowed"`
	Version    string            `json:"version"`
	AppID      string            `json:"app_id"`
	Now        int64             `json:"now"`
	IssuedAt   *int64            `json:"issued_at"`
	ExpiresAt  *int64            `json:"expires_at"`
	Signature  string            `json:"signature"`
	Reasons    []Reason          `json:"reasons"`
	Privileges []PrivilegeStatus `json:"privileges"`
}

// Reason is one reason for a denial: a stable code ("channel_mismatch",
// "token_expired", ...) and a message.
type Reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// PrivilegeStatus is one privilege the request needs and its state.
type PrivilegeStatus struct {
	Service   string `json:"service"`
	Privilege string `json:"privilege"`
	ExpiresAt *int64 `json:"expires_at"`
	Status    string `json:"status"`
}

// Check answers "would Agora admit this client with this token at time
// now?" (the zero time means the current time; otherwise now must be after
// the Unix epoch and at most 2^53 - 1 seconds past it). A malformed, forged
// or expired token is a denial in the report, not an error; the errors are
// a bad certificate, request or now (KindInvalidInput, naming the field).
func Check(token, appCertificate string, r Request, now time.Time) (*Report, error) {
	req, err := json.Marshal(r)
	if err != nil {
		return nil, &Error{Kind: KindInvalidInput, Field: "request", Rule: err.Error()}
	}
	text, err := CheckJSON(token, appCertificate, string(req), now)
	if err != nil {
		return nil, err
	}
	var rep Report
	if err := json.Unmarshal([]byte(text), &rep); err != nil {
		return nil, &Error{Kind: KindInternal, Rule: "cannot read libagora_token's JSON: " + err.Error()}
	}
	return &rep, nil
}

// CheckJSON is the check engine with JSON in and out, as agora_token_check:
// requestJSON is e.g. {"service":"rtc","channel_name":"demo","uid":42}.
func CheckJSON(token, appCertificate, requestJSON string, now time.Time) (string, error) {
	var secs uint64 // 0: the current time, for libagora_token
	if !now.IsZero() {
		if now.Unix() <= 0 {
			return "", &Error{Kind: KindInvalidInput, Field: "now",
				Rule: "must be after 1970-01-01T00:00:00Z, got " + now.UTC().Format(time.RFC3339)}
		}
		secs = uint64(now.Unix())
	}
	return checkJSON(token, appCertificate, requestJSON, secs)
}
