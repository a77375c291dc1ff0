package agoratoken

import (
	"encoding/json"
	"strconv"
)

// Token is a parsed 007 or 006 token: the JSON form of libagora_token's
// agora_token_parse (the agora-token CLI's `inspect --json`). Fields of the
// other version are zero. Every ExpiresAt is absolute (Unix seconds), nil
// for no limit.
type Token struct {
	Version            string            `json:"version"`
	AppID              string            `json:"app_id"`
	IssueTs            uint32            `json:"issue_ts"`             // 007
	Expire             uint32            `json:"expire"`               // 007, seconds after IssueTs
	Salt               uint32            `json:"salt"`                 // 007 and 006
	ExpiresAt          *int64            `json:"expires_at"`           // absolute expiry of the token
	Services           []ParsedService   `json:"services"`             // 007
	UnknownServiceType *uint16           `json:"unknown_service_type"` // 007: parsing stopped at this type
	Ts                 uint32            `json:"ts"`                   // 006 expiry timestamp
	CRCChannelName     uint32            `json:"crc_channel_name"`     // 006
	CRCUID             uint32            `json:"crc_uid"`              // 006
	Privileges         map[string]uint32 `json:"privileges"`           // 006: id to absolute expire
	PrivilegeNames     map[string]string `json:"privilege_names"`      // 006
	PrivilegeExpiresAt map[string]*int64 `json:"privilege_expires_at"` // 006
}

// ParsedService is one service of a parsed 007 token.
type ParsedService struct {
	Type               string             `json:"type"`    // "rtc", "rtm", ...
	TypeID             uint16             `json:"type_id"` // ServiceRTC, ...
	Privileges         map[string]uint32  `json:"privileges"`
	PrivilegeNames     map[string]string  `json:"privilege_names"`
	PrivilegeExpiresAt map[string]*int64  `json:"privilege_expires_at"`
	ChannelName        string             `json:"channel_name"`
	UID                string             `json:"uid"`
	UserID             string             `json:"user_id"`
	Account            string             `json:"account"`
	RoomUUID           string             `json:"room_uuid"`
	UserUUID           string             `json:"user_uuid"`
	Role               int16              `json:"role"`
	Permissions        []ParsedPermission `json:"permissions"`
}

// PrivilegeMap returns the privileges keyed by their numeric id.
func (s ParsedService) PrivilegeMap() map[uint16]uint32 {
	m := make(map[uint16]uint32, len(s.Privileges))
	for k, v := range s.Privileges {
		if id, err := strconv.ParseUint(k, 10, 16); err == nil {
			m[uint16(id)] = v
		}
	}
	return m
}

// ParsedPermission is an RTM 2.x permission entry of a parsed token; the
// types are names ("message_channels", "read") or, for a number the
// library does not name, the number.
type ParsedPermission struct {
	ResourceType   json.RawMessage `json:"resource_type"`
	PermissionType json.RawMessage `json:"permission_type"`
	Resources      []string        `json:"resources"`
}

func decodeToken(text string) (*Token, error) {
	var t Token
	if err := json.Unmarshal([]byte(text), &t); err != nil {
		return nil, &Error{Kind: KindInternal, Rule: "cannot read libagora_token's JSON: " + err.Error()}
	}
	return &t, nil
}

// Parse reads a 007 or 006 token without checking its signature.
func Parse(token string) (*Token, error) {
	text, err := ParseJSON(token)
	if err != nil {
		return nil, err
	}
	return decodeToken(text)
}

// ParseJSON is Parse giving libagora_token's JSON text (keys sorted).
func ParseJSON(token string) (string, error) { return parseJSON(token) }

// Verify checks a 007 token's signature against appCertificate and returns
// the parsed token. Expiry is not checked (see Check). A wrong certificate
// gives an error of kind KindSignatureMismatch.
func Verify(token, appCertificate string) (*Token, error) {
	text, err := verify007JSON(token, appCertificate)
	if err != nil {
		return nil, err
	}
	return decodeToken(text)
}

// Verify006 checks a 006 token against the certificate, channel name and
// uid it was built for (uid as decimal text or the account, "" for uid 0;
// for an RTM token the user account as channel and "" as uid).
func Verify006(token, appCertificate, channel, uid string) (*Token, error) {
	text, err := verify006JSON(token, appCertificate, channel, uid)
	if err != nil {
		return nil, err
	}
	return decodeToken(text)
}

// ContentHex gives the decoded content of a 007 token (signature and
// signed fields, after base64 and zlib) as lowercase hex: two tokens with
// the same content are the same token even when their zlib streams differ.
func ContentHex(token string) (string, error) { return contentHex(token) }

// VerifySignature checks a 007 token's signature against appCertificate
// without converting the parsed token to Go values: nil when it matches,
// an error of kind KindSignatureMismatch when it does not, KindMalformed
// or KindWrongVersion for a token that is not one.
func VerifySignature(token, appCertificate string) error { return verify007(token, appCertificate) }
