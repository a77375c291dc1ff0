// Package rtctokenbuilder2 is a drop-in for Agora's Go package of the same
// name (github.com/AgoraIO/Tools/DynamicKey/AgoraDynamicKey/go/src/rtctokenbuilder2):
// the same functions, signatures, constants and leniency, over
// libagora_token. Errors are *agoratoken.Error values (errors.Is with
// agoratoken.KindInvalidInput, ...).
package rtctokenbuilder2

import (
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	"github.com/agora-token/agora-token/bindings/go/internal/dropin"
)

// Role is an RTC role.
type Role uint16

// RTC roles, as the official package.
const (
	RolePublisher  = 1 // for live broadcaster
	RoleSubscriber = 2 // default, for live audience
)

var lenient = dropin.Lenient

// BuildTokenWithUid builds an RTC token for a uid (0: any user); expires
// are seconds from now. It returns ("", err) for a bad app ID or
// certificate, as the official builder.
func BuildTokenWithUid(appId string, appCertificate string, channelName string, uid uint32, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithUID(channelName, uid, agoratoken.Role(role), tokenExpire, privilegeExpire)
}

// BuildTokenWithUserAccount builds an RTC token for a user account.
func BuildTokenWithUserAccount(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithAccount(channelName, account, agoratoken.Role(role), tokenExpire, privilegeExpire)
}

// BuildTokenWithUidAndPrivilege builds an RTC token for a uid with an
// expire per privilege (seconds from now).
func BuildTokenWithUidAndPrivilege(appId string, appCertificate string, channelName string, uid uint32,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithUIDAndPrivileges(channelName, uid, tokenExpire, agoratoken.Privileges{
		JoinChannel: joinChannelPrivilegeExpire, PublishAudio: pubAudioPrivilegeExpire,
		PublishVideo: pubVideoPrivilegeExpire, PublishData: pubDataStreamPrivilegeExpire,
	})
}

// BuildTokenWithUserAccountAndPrivilege builds an RTC token for an account
// with an expire per privilege.
func BuildTokenWithUserAccountAndPrivilege(appId string, appCertificate string, channelName string, account string,
	tokenExpire uint32, joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithAccountAndPrivileges(channelName, account, tokenExpire, agoratoken.Privileges{
		JoinChannel: joinChannelPrivilegeExpire, PublishAudio: pubAudioPrivilegeExpire,
		PublishVideo: pubVideoPrivilegeExpire, PublishData: pubDataStreamPrivilegeExpire,
	})
}

// BuildTokenWithRtm builds an RTC token that also logs account in to RTM
// (login lasting tokenExpire).
func BuildTokenWithRtm(appId string, appCertificate string, channelName string, account string, role Role, tokenExpire uint32, privilegeExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithRTM(channelName, account, agoratoken.Role(role), tokenExpire, privilegeExpire)
}

// BuildTokenWithRtm2 builds an RTC token for rtcAccount plus an RTM login
// for rtmUserId, each with its own expiry.
func BuildTokenWithRtm2(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32) (string, error) {
	return lenient(appId, appCertificate).RTCWithRTM2(dropin.RTCWithRTM(channelName, rtcAccount, uint16(rtcRole), rtcTokenExpire,
		joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire))
}
