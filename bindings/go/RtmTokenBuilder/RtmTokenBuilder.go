// Package rtmtokenbuilder is a drop-in for Agora's 006 Go package
// RtmTokenBuilder (package rtmtokenbuilder): RTM AccessToken ("006")
// login tokens over libagora_token.
package rtmtokenbuilder

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// Role is a 006 RTM role.
type Role uint16

// RoleRtmUser is the only RTM role.
const (
	RoleRtmUser = 1
)

// RtmTokenBuilder is the official package's empty type, kept so code
// naming it compiles.
type RtmTokenBuilder struct{}

// BuildToken builds a 006 RTM login token for userAccount;
// privilegeExpiredTs is an absolute Unix timestamp (0: none). The role is
// not written into the token, as in the official builder.
func BuildToken(appID string, appCertificate string, userAccount string, role Role, privilegeExpiredTs uint32) (string, error) {
	return agoratoken.New(appID, appCertificate).Lenient().RTM006(userAccount, privilegeExpiredTs)
}
