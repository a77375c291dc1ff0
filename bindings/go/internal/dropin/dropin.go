// Package dropin holds what several drop-in packages share: the lenient
// builder of the official packages and the argument list of their RTC + RTM
// builders (rtctokenbuilder2.BuildTokenWithRtm2, convoaitokenbuilder and
// stttokenbuilder take the same twelve arguments).
package dropin

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// Lenient is the builder of the official packages: as lenient as they are.
func Lenient(appID, appCertificate string) agoratoken.Builder {
	return agoratoken.New(appID, appCertificate).Lenient()
}

// RTCWithRTM gathers the arguments of the official RTC + RTM builders.
func RTCWithRTM(channelName, rtcAccount string, rtcRole uint16, rtcTokenExpire,
	joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire uint32,
	rtmUserID string, rtmTokenExpire uint32) agoratoken.RTCWithRTM {
	return agoratoken.RTCWithRTM{
		Channel: channelName, RTCAccount: rtcAccount, RTCRole: agoratoken.Role(rtcRole), RTCTokenExpire: rtcTokenExpire,
		Privileges: agoratoken.Privileges{
			JoinChannel: joinChannelPrivilegeExpire, PublishAudio: pubAudioPrivilegeExpire,
			PublishVideo: pubVideoPrivilegeExpire, PublishData: pubDataStreamPrivilegeExpire,
		},
		RTMUserID: rtmUserID, RTMTokenExpire: rtmTokenExpire,
	}
}
