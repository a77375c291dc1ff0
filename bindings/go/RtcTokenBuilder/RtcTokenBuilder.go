// Package rtctokenbuilder is a drop-in for Agora's 006 Go package
// RtcTokenBuilder (package rtctokenbuilder): RTC AccessToken ("006")
// tokens over libagora_token. privilegeExpiredTs is an absolute Unix
// timestamp (0: no expiry); the token itself expires 24 hours after now.
package rtctokenbuilder

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// Role is a 006 RTC role.
type Role uint16

// 006 RTC roles, as the official package: all but RoleSubscriber may
// publish.
const (
	RoleAttendee   = 0
	RolePublisher  = 1
	RoleSubscriber = 2
	RoleAdmin      = 101
)

// RtcTokenBuilder is the official package's empty type, kept so code
// naming it compiles.
type RtcTokenBuilder struct{}

// BuildTokenWithUserAccount builds a 006 RTC token for a user account.
func BuildTokenWithUserAccount(appID string, appCertificate string, channelName string, userAccount string, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.New(appID, appCertificate).Lenient().RTC006WithAccount(channelName, userAccount, agoratoken.Role006(role), privilegeExpiredTs)
}

// BuildTokenWithUID builds a 006 RTC token for a uid (0: any user).
func BuildTokenWithUID(appID string, appCertificate string, channelName string, uid uint32, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.New(appID, appCertificate).Lenient().RTC006WithUID(channelName, uid, agoratoken.Role006(role), privilegeExpiredTs)
}
