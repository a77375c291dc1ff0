// Package apaastokenbuilder is a drop-in for Agora's Go package of the
// same name: APaaS room-user, user and app tokens over libagora_token.
package apaastokenbuilder

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// BuildRoomUserToken builds a room-user token: APaaS room user, RTM login
// as userUuid and Chat user as the MD5 of userUuid.
func BuildRoomUserToken(appId string, appCertificate string, roomUuid string, userUuid string, role int16, expire uint32) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().APaaSRoomUser(roomUuid, userUuid, role, expire)
}

// BuildUserToken builds a user token (no room, role -1).
func BuildUserToken(appId string, appCertificate string, userUuid string, expire uint32) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().APaaSUser(userUuid, expire)
}

// BuildAppToken builds an app token.
func BuildAppToken(appId string, appCertificate string, expire uint32) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().APaaSApp(expire)
}
