package io.agora.media;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/**
 * Drop-in for {@code io.agora.media.RtcTokenBuilder2} of
 * {@code io.agora:authentication} 2.1.3: same methods, same leniency (any
 * channel name and account, {@code ""} for a bad app ID or certificate or a
 * null argument), tokens built by token-core.
 */
public class RtcTokenBuilder2 {
    /** The RTC roles. */
    public enum Role {
        /** May join and publish. */
        ROLE_PUBLISHER(1),
        /** May join only (when co-host authentication is enabled). */
        ROLE_SUBSCRIBER(2);

        /** The role's number. */
        public int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    /** A builder; it holds no state. */
    public RtcTokenBuilder2() {}

    // A null role gives the join privilege only, as the official `role == ROLE_PUBLISHER`.
    private static int role(Role role) {
        return role == null ? 0 : role.initValue;
    }

    private static String rtc(int kind, String appId, String appCertificate, String channelName, String account,
            int uid, Role role, int tokenExpire, int[] privileges, String rtmUserId, int rtmTokenExpire) {
        return DropIn.orEmpty(() -> Native.rtc(kind, appId, appCertificate, channelName, account, uid, role(role),
                tokenExpire, privileges, rtmUserId, rtmTokenExpire, DropIn.FLAGS, 0, 0));
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param uid uid (read unsigned; 0: any user)
     * @param role role
     * @param tokenExpire seconds after now
     * @param privilegeExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int tokenExpire, int privilegeExpire) {
        return rtc(Native.RTC_ROLE, appId, appCertificate, channelName, null, uid, role, tokenExpire,
                DropIn.all(privilegeExpire), null, 0);
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param account user account
     * @param role role
     * @param tokenExpire seconds after now
     * @param privilegeExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            Role role, int tokenExpire, int privilegeExpire) {
        if (account == null) {
            return "";
        }
        return rtc(Native.RTC_ROLE, appId, appCertificate, channelName, account, 0, role, tokenExpire,
                DropIn.all(privilegeExpire), null, 0);
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param uid uid (read unsigned; 0: any user)
     * @param tokenExpire seconds after now
     * @param joinChannelPrivilegeExpire seconds after now
     * @param pubAudioPrivilegeExpire seconds after now
     * @param pubVideoPrivilegeExpire seconds after now
     * @param pubDataStreamPrivilegeExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, int tokenExpire,
            int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire,
            int pubDataStreamPrivilegeExpire) {
        return rtc(Native.RTC_PRIVILEGES, appId, appCertificate, channelName, null, uid, Role.ROLE_PUBLISHER,
                tokenExpire, new int[] {joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                    pubDataStreamPrivilegeExpire}, null, 0);
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param account user account
     * @param tokenExpire seconds after now
     * @param joinChannelPrivilegeExpire seconds after now
     * @param pubAudioPrivilegeExpire seconds after now
     * @param pubVideoPrivilegeExpire seconds after now
     * @param pubDataStreamPrivilegeExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            int tokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire, int pubVideoPrivilegeExpire,
            int pubDataStreamPrivilegeExpire) {
        if (account == null) {
            return "";
        }
        return rtc(Native.RTC_PRIVILEGES, appId, appCertificate, channelName, account, 0, Role.ROLE_PUBLISHER,
                tokenExpire, new int[] {joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                    pubDataStreamPrivilegeExpire}, null, 0);
    }

    /**
     * RTC plus an RTM login for the same account (lasting {@code tokenExpire}).
     *
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param account RTC account and RTM user
     * @param role role
     * @param tokenExpire seconds after now
     * @param privilegeExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account, Role role,
            int tokenExpire, int privilegeExpire) {
        return rtc(Native.RTC_WITH_RTM, appId, appCertificate, channelName, account, 0, role, tokenExpire,
                DropIn.all(privilegeExpire), null, 0);
    }

    /**
     * RTC plus an RTM login for another user, each with its own expiry.
     *
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param rtcAccount RTC account
     * @param rtcRole RTC role
     * @param rtcTokenExpire seconds after now
     * @param joinChannelPrivilegeExpire seconds after now
     * @param pubAudioPrivilegeExpire seconds after now
     * @param pubVideoPrivilegeExpire seconds after now
     * @param pubDataStreamPrivilegeExpire seconds after now
     * @param rtmUserId RTM user
     * @param rtmTokenExpire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
            Role rtcRole, int rtcTokenExpire, int joinChannelPrivilegeExpire, int pubAudioPrivilegeExpire,
            int pubVideoPrivilegeExpire, int pubDataStreamPrivilegeExpire, String rtmUserId, int rtmTokenExpire) {
        if (rtcAccount == null) {
            return "";
        }
        return rtc(Native.RTC_WITH_RTM2, appId, appCertificate, channelName, rtcAccount, 0, rtcRole, rtcTokenExpire,
                new int[] {joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire,
                    pubDataStreamPrivilegeExpire}, rtmUserId, rtmTokenExpire);
    }
}
