package io.github.agoratoken;

/**
 * An RTC token with an RTM login, as {@code buildTokenWithRtm2} of the
 * official builders (and the ConvoAI and STT tokens, which add their
 * service to it).
 *
 * @param channelName channel
 * @param rtcAccount the RTC account, or null to use {@code rtcUid}
 * @param rtcUid the RTC uid (0: any user) when {@code rtcAccount} is null
 * @param rtcRole the RTC role
 * @param rtcTokenExpire the token's lifetime, seconds
 * @param privileges RTC privilege expires (publish ones apply to publishers only)
 * @param rtmUserId the RTM user
 * @param rtmTokenExpire the RTM login expire, seconds after the issue time
 */
public record RtcRtm(String channelName, String rtcAccount, long rtcUid, Role rtcRole, long rtcTokenExpire,
        Privileges privileges, String rtmUserId, long rtmTokenExpire) {
    /**
     * @param channelName channel
     * @param uid RTC uid
     * @param role RTC role
     * @param tokenExpire token lifetime
     * @param privileges RTC privilege expires
     * @param rtmUserId RTM user
     * @param rtmTokenExpire RTM login expire
     * @return the inputs for a uid
     */
    public static RtcRtm withUid(String channelName, long uid, Role role, long tokenExpire, Privileges privileges,
            String rtmUserId, long rtmTokenExpire) {
        return new RtcRtm(channelName, null, uid, role, tokenExpire, privileges, rtmUserId, rtmTokenExpire);
    }

    /**
     * @param channelName channel
     * @param account RTC account
     * @param role RTC role
     * @param tokenExpire token lifetime
     * @param privileges RTC privilege expires
     * @param rtmUserId RTM user
     * @param rtmTokenExpire RTM login expire
     * @return the inputs for an account
     */
    public static RtcRtm withAccount(String channelName, String account, Role role, long tokenExpire,
            Privileges privileges, String rtmUserId, long rtmTokenExpire) {
        return new RtcRtm(channelName, account, 0, role, tokenExpire, privileges, rtmUserId, rtmTokenExpire);
    }
}
