// Package agoratoken builds, parses, verifies and checks Agora access
// tokens (AccessToken2 "007", AccessToken "006") through libagora_token, the
// C ABI of one Rust implementation. No token rule is written in Go: this
// package converts types and errors only.
//
// Builders check every input and return an *Error naming the field and
// the rule; Options.Lenient accepts what Agora's official builders accept
// (the drop-in packages beside this one use it). Everything here is safe
// to call from many goroutines.
package agoratoken

// Options changes how a token is issued. The zero value issues a token now,
// with a random salt from the operating system, checking every input.
type Options struct {
	// Fixed takes the issue time and salt (007) or the salt and ts (006)
	// from IssueTs, Salt and Ts: the token is then reproducible.
	Fixed bool
	// IssueTs is the 007 issue time (Unix seconds), with Fixed.
	IssueTs uint32
	// Salt is the salt (007 and 006), with Fixed.
	Salt uint32
	// Ts is the 006 token expiry timestamp, with Fixed (the official
	// builders use now + 24 h).
	Ts uint32
	// Lenient accepts what the official builders accept: no checks of
	// channel names, accounts, user IDs or roles. App ID and certificate
	// are still checked.
	Lenient bool
}

// Builder holds an app's credentials and the options of the tokens it
// builds. It is a value: copy it freely, share it between goroutines.
type Builder struct {
	AppID          string
	AppCertificate string
	Options        Options
}

// New returns a Builder for an app ID and app certificate (32 hex digits
// each), issuing tokens now with a random salt.
func New(appID, appCertificate string) Builder {
	return Builder{AppID: appID, AppCertificate: appCertificate}
}

// WithIssue returns a copy of b whose 007 tokens have this issue time and
// salt (and whose 006 tokens have this salt, expiring at issueTs + 24 h).
func (b Builder) WithIssue(issueTs, salt uint32) Builder {
	b.Options.Fixed, b.Options.IssueTs, b.Options.Salt, b.Options.Ts = true, issueTs, salt, issueTs+24*3600
	return b
}

// Lenient returns a copy of b that accepts what the official builders
// accept.
func (b Builder) Lenient() Builder {
	b.Options.Lenient = true
	return b
}

// Role is an RTC 007 role.
type Role int32

// RTC 007 roles: a publisher may publish audio, video and data; a
// subscriber only joins.
const (
	RolePublisher  Role = 1
	RoleSubscriber Role = 2
)

// Role006 is an RTC 006 role.
type Role006 int32

// RTC 006 roles: all but the subscriber may publish.
const (
	Role006Attendee   Role006 = 0
	Role006Publisher  Role006 = 1
	Role006Subscriber Role006 = 2
	Role006Admin      Role006 = 101
)

// Privileges are the expires of the four RTC privileges, in seconds after
// the issue time (0: no limit of its own).
type Privileges struct {
	JoinChannel  uint32
	PublishAudio uint32
	PublishVideo uint32
	PublishData  uint32
}

// RTCWithRTM describes an RTC token with an RTM login, as
// BuildTokenWithRtm2 of the official builders (and the ConvoAI and STT
// tokens, which add their service to it).
type RTCWithRTM struct {
	Channel        string
	RTCAccount     string // the uid as decimal text, or the account
	RTCRole        Role
	RTCTokenExpire uint32
	Privileges     Privileges // publish privileges apply to publishers only
	RTMUserID      string
	RTMTokenExpire uint32
}

// RTM 2.x resource types of Permission.
const (
	ResourceMessageChannels uint16 = 0
	ResourceStreamChannels  uint16 = 1
	ResourceGroupChannels   uint16 = 2
	ResourceServerGroups    uint16 = 3
	ResourceUsers           uint16 = 4
)

// RTM 2.x permission types of Permission.
const (
	PermissionRead  uint16 = 0
	PermissionWrite uint16 = 1
)

// Permission is one RTM 2.x (resource type, permission type) entry and
// the resources it applies to. A later entry for the same pair replaces an
// earlier one.
type Permission struct {
	ResourceType   uint16
	PermissionType uint16
	Resources      []string
}

// 007 service types of Service.
const (
	ServiceRTC       uint16 = 1
	ServiceRTM       uint16 = 2
	ServiceStreaming uint16 = 3
	ServiceFPA       uint16 = 4
	ServiceChat      uint16 = 5
	ServiceFCDN      uint16 = 6
	ServiceAPaaS     uint16 = 7
	ServiceRTM2      uint16 = 8
	ServiceConvoAI   uint16 = 9
	ServiceSTT       uint16 = 10
)

// Service is one service of a token built by Builder.Services: its type,
// its privileges (id to expire in seconds after the issue time) and the
// fields of its type (the others are ignored).
type Service struct {
	Type        uint16
	Privileges  map[uint16]uint32
	ChannelName string       // RTC, Streaming, FCDN
	UID         string       // RTC: the uid as text or the account, "" for any user
	UserID      string       // RTM, Chat, RTM2
	Account     string       // Streaming, FCDN
	RoomUUID    string       // APaaS
	UserUUID    string       // APaaS
	Role        int16        // APaaS (-1 for none)
	Permissions []Permission // RTM2
}

// RTCWithUID builds an RTC token for a uid (0: any user).
func (b Builder) RTCWithUID(channel string, uid uint32, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	return b.rtcWithUID(channel, uid, role, tokenExpire, privilegeExpire)
}

// RTCWithAccount builds an RTC token for a user account.
func (b Builder) RTCWithAccount(channel, account string, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	return b.rtcWithAccount(channel, account, role, tokenExpire, privilegeExpire)
}

// RTCWithUIDAndPrivileges builds an RTC token for a uid with an expire per
// privilege (all four are set).
func (b Builder) RTCWithUIDAndPrivileges(channel string, uid uint32, tokenExpire uint32, p Privileges) (string, error) {
	return b.rtcWithUIDAndPrivileges(channel, uid, tokenExpire, p)
}

// RTCWithAccountAndPrivileges builds an RTC token for an account with an
// expire per privilege.
func (b Builder) RTCWithAccountAndPrivileges(channel, account string, tokenExpire uint32, p Privileges) (string, error) {
	return b.rtcWithAccountAndPrivileges(channel, account, tokenExpire, p)
}

// RTCWithRTM builds an RTC token that also logs account in to RTM (login
// lasting tokenExpire).
func (b Builder) RTCWithRTM(channel, account string, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	return b.rtcWithRTM(channel, account, role, tokenExpire, privilegeExpire)
}

// RTCWithRTM2 builds an RTC token plus an RTM login, each with its own
// expiry.
func (b Builder) RTCWithRTM2(r RTCWithRTM) (string, error) { return b.rtcRTM2("rtc", r) }

// ConvoAI builds a ConvoAI token: the RTCWithRTM2 token plus a ConvoAI
// service.
func (b Builder) ConvoAI(r RTCWithRTM) (string, error) { return b.rtcRTM2("convoai", r) }

// STT builds a speech-to-text token: the RTCWithRTM2 token plus an STT
// service.
func (b Builder) STT(r RTCWithRTM) (string, error) { return b.rtcRTM2("stt", r) }

// RTM builds an RTM login token for userID.
func (b Builder) RTM(userID string, expire uint32) (string, error) { return b.rtm(userID, expire) }

// RTMWithPermissions builds an RTM 2.x token with resource permissions.
func (b Builder) RTMWithPermissions(userID string, permissions []Permission, expire uint32) (string, error) {
	return b.rtmWithPermissions(userID, permissions, expire)
}

// ChatUser builds a Chat user token.
func (b Builder) ChatUser(userID string, expire uint32) (string, error) {
	return b.chatUser(userID, expire)
}

// ChatApp builds a Chat app token.
func (b Builder) ChatApp(expire uint32) (string, error) { return b.chatApp(expire) }

// FPA builds an FPA login token valid 24 hours.
func (b Builder) FPA() (string, error) { return b.fpa() }

// APaaSRoomUser builds an APaaS room-user token (APaaS room user, RTM
// login as userUUID, Chat user as the MD5 of userUUID).
func (b Builder) APaaSRoomUser(roomUUID, userUUID string, role int16, expire uint32) (string, error) {
	return b.apaas("apaas", "room_user", roomUUID, userUUID, role, expire)
}

// APaaSUser builds an APaaS user token.
func (b Builder) APaaSUser(userUUID string, expire uint32) (string, error) {
	return b.apaas("apaas", "user", "", userUUID, 0, expire)
}

// APaaSApp builds an APaaS app token.
func (b Builder) APaaSApp(expire uint32) (string, error) {
	return b.apaas("apaas", "app", "", "", 0, expire)
}

// EducationRoomUser builds an Education room-user token (the APaaS one).
func (b Builder) EducationRoomUser(roomUUID, userUUID string, role int16, expire uint32) (string, error) {
	return b.apaas("education", "room_user", roomUUID, userUUID, role, expire)
}

// EducationUser builds an Education user token.
func (b Builder) EducationUser(userUUID string, expire uint32) (string, error) {
	return b.apaas("education", "user", "", userUUID, 0, expire)
}

// EducationApp builds an Education app token.
func (b Builder) EducationApp(expire uint32) (string, error) {
	return b.apaas("education", "app", "", "", 0, expire)
}

// Services builds a 007 token from explicit services (Streaming, FCDN and
// any other type), valid expire seconds. Only the app ID, the certificate
// and "at least one service" are checked.
func (b Builder) Services(expire uint32, services ...Service) (string, error) {
	return b.services(expire, services)
}

// RTC006WithUID builds a 006 RTC token for a uid; privilegeExpiredTs is an
// absolute timestamp (0: no expiry).
func (b Builder) RTC006WithUID(channel string, uid uint32, role Role006, privilegeExpiredTs uint32) (string, error) {
	return b.v006RTCWithUID(channel, uid, role, privilegeExpiredTs)
}

// RTC006WithAccount builds a 006 RTC token for a user account.
func (b Builder) RTC006WithAccount(channel, account string, role Role006, privilegeExpiredTs uint32) (string, error) {
	return b.v006RTCWithAccount(channel, account, role, privilegeExpiredTs)
}

// RTM006 builds a 006 RTM login token; privilegeExpiredTs is absolute.
func (b Builder) RTM006(userAccount string, privilegeExpiredTs uint32) (string, error) {
	return b.v006RTM(userAccount, privilegeExpiredTs)
}

// Issue returns the issue time (now) and salt (from the OS, in
// [1, 99999999]) that a 007 builder draws when Options does not fix them:
// for callers that must know them before building, such as the drop-in
// accesstoken2.NewAccessToken. An error only if the OS has no random source.
func Issue() (issueTs, salt uint32, err error) { return issue() }
