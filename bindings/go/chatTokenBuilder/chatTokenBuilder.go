// Package chatTokenBuilder is a drop-in for Agora's Go package of the same
// name: Chat user and app tokens over libagora_token.
package chatTokenBuilder

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// BuildChatUserToken builds a Chat user token, valid expire seconds.
func BuildChatUserToken(appID string, appCertificate string, userUuid string, expire uint32) (string, error) {
	return agoratoken.New(appID, appCertificate).Lenient().ChatUser(userUuid, expire)
}

// BuildChatAppToken builds a Chat app token, valid expire seconds.
func BuildChatAppToken(appID string, appCertificate string, expire uint32) (string, error) {
	return agoratoken.New(appID, appCertificate).Lenient().ChatApp(expire)
}
