// Package convoaitokenbuilder is a drop-in for Agora's Go package of the same
// name: BuildToken with the official signature, over libagora_token.
package convoaitokenbuilder

import (
	"github.com/agora-token/agora-token/bindings/go/internal/dropin"
	rtctokenbuilder "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

// BuildToken builds a token with an RTC service for rtcAccount in
// channelName (the publish privileges for RolePublisher), an RTM login for
// rtmUserId and a ConvoAI service; expires are seconds from now, the whole
// token lasting rtcTokenExpire. It returns ("", err) for a bad app ID or
// certificate, as the official builder.
func BuildToken(appId string, appCertificate string, channelName string, rtcAccount string, rtcRole rtctokenbuilder.Role, rtcTokenExpire uint32,
	joinChannelPrivilegeExpire uint32, pubAudioPrivilegeExpire uint32, pubVideoPrivilegeExpire uint32, pubDataStreamPrivilegeExpire uint32,
	rtmUserId string, rtmTokenExpire uint32) (string, error) {
	return dropin.Lenient(appId, appCertificate).ConvoAI(dropin.RTCWithRTM(channelName, rtcAccount, uint16(rtcRole), rtcTokenExpire,
		joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire))
}
