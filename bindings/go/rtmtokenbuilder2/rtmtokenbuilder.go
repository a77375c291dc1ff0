// Package rtmtokenbuilder2 is a drop-in for Agora's Go package of the same
// name: RTM login tokens and RTM 2.x tokens with resource permissions, over
// libagora_token.
package rtmtokenbuilder2

import (
	accesstoken "github.com/agora-token/agora-token/bindings/go/accesstoken2"
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
)

// BuildToken builds an RTM login token for userId, valid expire seconds.
func BuildToken(appId string, appCertificate string, userId string, expire uint32) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().RTM(userId, expire)
}

// BuildTokenWithPermissions builds an RTM 2.x token with resource
// permissions (nil: none).
func BuildTokenWithPermissions(appId string, appCertificate string, userId string, permissions *accesstoken.Rtm2Permissions, expire uint32) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().RTMWithPermissions(userId, permissions.List(), expire)
}
