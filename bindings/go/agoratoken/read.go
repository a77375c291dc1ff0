package agoratoken

// Token is a parsed 007 or 006 token, read from libagora_token's
// AgoraTokenParsed struct. Fields of the other version are zero. Every
// ExpiresAt is absolute (Unix seconds), 0 for no limit.
type Token struct {
	Version            string          // "007" or "006"
	AppID              string          //
	Salt               uint32          // 007 and 006
	ExpiresAt          int64           // when the token ends
	IssueTs            uint32          // 007
	Expire             uint32          // 007, seconds after IssueTs
	Services           []ParsedService // 007, in token order
	UnknownServiceType *uint16         // 007: parsing stopped at this type
	Ts                 uint32          // 006 expiry timestamp
	CRCChannelName     uint32          // 006
	CRCUID             uint32          // 006
	Privileges         []Privilege     // 006, absolute expires
}

// Privilege is a privilege of a parsed token.
type Privilege struct {
	ID        uint16 // for example 1: join channel in RTC
	Name      string // "join_channel", ...; "" for an id the library does not name
	Expire    uint32 // as in the token: 007 seconds after the issue time, 006 absolute; 0: no limit of its own
	ExpiresAt int64  // when the privilege ends, 0 for no limit
}

// ParsedService is one service of a parsed 007 token. Text fields of other
// service types are "".
type ParsedService struct {
	Type        string      // "rtc", "rtm", ...
	TypeID      uint16      // ServiceRTC, ...
	Privileges  []Privilege // in id order
	ChannelName string      // RTC, Streaming, FCDN
	UID         string      // RTC: the uid as text, "" for any user
	UserID      string      // RTM, Chat, RTM2
	Account     string      // Streaming, FCDN
	RoomUUID    string      // APaaS
	UserUUID    string      // APaaS
	Role        int16       // APaaS; -1 for other services
	Permissions []Permission
}

// PrivilegeMap returns the privileges as id to expire.
func (s ParsedService) PrivilegeMap() map[uint16]uint32 {
	m := make(map[uint16]uint32, len(s.Privileges))
	for _, p := range s.Privileges {
		m[p.ID] = p.Expire
	}
	return m
}

// Parse reads a 007 or 006 token without checking its signature.
func Parse(token string) (*Token, error) { return parse(token) }

// ParseJSON is Parse giving libagora_token's JSON text (keys sorted; the
// agora-token CLI's `inspect --json`).
func ParseJSON(token string) (string, error) { return parseJSON(token) }

// Verify checks a 007 token's signature against appCertificate and returns
// the parsed token. Expiry is not checked (see Check). A wrong certificate
// gives an error of kind KindSignatureMismatch.
func Verify(token, appCertificate string) (*Token, error) {
	return verify007Token(token, appCertificate)
}

// Verify006 checks a 006 token against the certificate, channel name and
// uid it was built for (uid as decimal text or the account, "" for uid 0;
// for an RTM token the user account as channel and "" as uid).
func Verify006(token, appCertificate, channel, uid string) (*Token, error) {
	return verify006Token(token, appCertificate, channel, uid)
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
