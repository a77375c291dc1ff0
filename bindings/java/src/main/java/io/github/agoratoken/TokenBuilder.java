package io.github.agoratoken;

import io.github.agoratoken.internal.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds Agora access tokens for one app: every 007 builder of token-core
 * (RTC, RTM and RTM 2.x, Chat, FPA, APaaS, Education, ConvoAI, STT,
 * explicit services such as Streaming and FCDN) and the 006 RTC and RTM
 * builders.
 *
 * <pre>{@code
 * TokenBuilder b = TokenBuilder.of(appId, appCertificate);
 * String token = b.rtcWithUid("demo", 42, Role.PUBLISHER, 3600, 3600);
 * }</pre>
 *
 * <p>Every input is checked; a bad one throws {@link AgoraTokenException}
 * naming the field and the rule. {@link #lenient()} accepts what the official
 * builders accept. Seconds and uids are unsigned 32-bit values taken as
 * {@code long}. Instances are immutable and safe to share between threads.
 */
public final class TokenBuilder {
    private final String appId;
    private final String appCertificate;
    private final int flags;
    private final int issueTs;
    private final int salt;

    private TokenBuilder(String appId, String appCertificate, int flags, int issueTs, int salt) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appCertificate = Objects.requireNonNull(appCertificate, "appCertificate");
        this.flags = flags;
        this.issueTs = issueTs;
        this.salt = salt;
    }

    /**
     * @param appId the app ID (32 hex digits)
     * @param appCertificate the app certificate (32 hex digits)
     * @return a builder issuing tokens now, with a random salt, checking every input
     */
    public static TokenBuilder of(String appId, String appCertificate) {
        return new TokenBuilder(appId, appCertificate, 0, 0, 0);
    }

    /**
     * A copy whose 007 tokens have this issue time and salt, and whose 006
     * tokens have this salt and expire at {@code issueTs} + 24 h: reproducible
     * tokens.
     *
     * @param issueTs issue time, Unix seconds
     * @param salt salt
     * @return the copy
     */
    public TokenBuilder withIssue(long issueTs, long salt) {
        return new TokenBuilder(appId, appCertificate, flags | Native.FIXED_ISSUE, u32("issue_ts", issueTs),
                u32("salt", salt));
    }

    /**
     * A copy that accepts what the official builders accept: no checks of
     * channel names, accounts, user IDs or RTM 2.x permissions. App ID and
     * certificate are still checked.
     *
     * @return the copy
     */
    public TokenBuilder lenient() {
        return new TokenBuilder(appId, appCertificate, flags | Native.LENIENT, issueTs, salt);
    }

    /** A {@code long} holding an unsigned 32-bit value, as the {@code int} the library reads. */
    static int u32(String field, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw AgoraTokenException.invalid(field, "must be in [0, 4294967295], got " + v);
        }
        return (int) v;
    }

    private String rtc(int kind, String channel, String account, long uid, Role role, long tokenExpire,
            Privileges p, String rtmUserId, long rtmTokenExpire) {
        return Native.rtc(kind, appId, appCertificate, channel, account, u32("uid", uid),
                Objects.requireNonNull(role, "role").value(), u32("token_expire", tokenExpire), p.toArray(),
                rtmUserId, u32("rtm_token_expire", rtmTokenExpire), flags, issueTs, salt);
    }

    /**
     * An RTC token for a uid; {@code buildTokenWithUid}.
     *
     * @param channelName channel (under 64 bytes, Agora's character set)
     * @param uid the uid, 0 for any user
     * @param role publisher or subscriber
     * @param tokenExpire token lifetime, seconds after issue
     * @param privilegeExpire privileges' expire, seconds after issue
     * @return the token
     */
    public String rtcWithUid(String channelName, long uid, Role role, long tokenExpire, long privilegeExpire) {
        return rtc(Native.RTC_ROLE, channelName, null, uid, role, tokenExpire, Privileges.all(privilegeExpire), null, 0);
    }

    /**
     * An RTC token for a user account; {@code buildTokenWithUserAccount}.
     *
     * @param channelName channel
     * @param account the account (1 to 255 bytes)
     * @param role publisher or subscriber
     * @param tokenExpire token lifetime, seconds after issue
     * @param privilegeExpire privileges' expire, seconds after issue
     * @return the token
     */
    public String rtcWithAccount(String channelName, String account, Role role, long tokenExpire,
            long privilegeExpire) {
        Objects.requireNonNull(account, "account");
        return rtc(Native.RTC_ROLE, channelName, account, 0, role, tokenExpire, Privileges.all(privilegeExpire),
                null, 0);
    }

    /**
     * An RTC token for a uid with an expire per privilege (all four set).
     *
     * @param channelName channel
     * @param uid the uid, 0 for any user
     * @param tokenExpire token lifetime
     * @param privileges the four expires
     * @return the token
     */
    public String rtcWithUidAndPrivileges(String channelName, long uid, long tokenExpire, Privileges privileges) {
        return rtc(Native.RTC_PRIVILEGES, channelName, null, uid, Role.PUBLISHER, tokenExpire, privileges, null, 0);
    }

    /**
     * An RTC token for an account with an expire per privilege.
     *
     * @param channelName channel
     * @param account the account
     * @param tokenExpire token lifetime
     * @param privileges the four expires
     * @return the token
     */
    public String rtcWithAccountAndPrivileges(String channelName, String account, long tokenExpire,
            Privileges privileges) {
        Objects.requireNonNull(account, "account");
        return rtc(Native.RTC_PRIVILEGES, channelName, account, 0, Role.PUBLISHER, tokenExpire, privileges, null, 0);
    }

    /**
     * An RTC token that also logs {@code account} in to RTM (for
     * {@code tokenExpire}); {@code buildTokenWithRtm}.
     *
     * @param channelName channel
     * @param account RTC account and RTM user
     * @param role publisher or subscriber
     * @param tokenExpire token lifetime
     * @param privilegeExpire RTC privileges' expire
     * @return the token
     */
    public String rtcWithRtm(String channelName, String account, Role role, long tokenExpire, long privilegeExpire) {
        Objects.requireNonNull(account, "account");
        return rtc(Native.RTC_WITH_RTM, channelName, account, 0, role, tokenExpire, Privileges.all(privilegeExpire),
                null, 0);
    }

    private String rtcRtm(int kind, RtcRtm r) {
        return rtc(kind, r.channelName(), r.rtcAccount(), r.rtcUid(), r.rtcRole(), r.rtcTokenExpire(),
                r.privileges(), r.rtmUserId(), r.rtmTokenExpire());
    }

    /**
     * An RTC token plus an RTM login, each with its own expiry;
     * {@code buildTokenWithRtm2}.
     *
     * @param r the inputs
     * @return the token
     */
    public String rtcWithRtm2(RtcRtm r) {
        return rtcRtm(Native.RTC_WITH_RTM2, r);
    }

    /**
     * A ConvoAI token: the {@link #rtcWithRtm2} token plus a ConvoAI service.
     *
     * @param r the inputs
     * @return the token
     */
    public String convoAi(RtcRtm r) {
        return rtcRtm(Native.RTC_CONVOAI, r);
    }

    /**
     * A speech-to-text token: the {@link #rtcWithRtm2} token plus an STT service.
     *
     * @param r the inputs
     * @return the token
     */
    public String stt(RtcRtm r) {
        return rtcRtm(Native.RTC_STT, r);
    }

    /**
     * An RTM login token.
     *
     * @param userId the user
     * @param expire seconds after issue
     * @return the token
     */
    public String rtm(String userId, long expire) {
        return Native.rtm(appId, appCertificate, userId, u32("expire", expire), null, null, flags, issueTs, salt);
    }

    /**
     * An RTM 2.x token with resource permissions.
     *
     * @param userId the user
     * @param permissions the permissions
     * @param expire seconds after issue
     * @return the token
     */
    public String rtmWithPermissions(String userId, List<Permission> permissions, long expire) {
        List<String> resources = new ArrayList<>();
        int[] header = Permission.header(permissions, resources);
        return Native.rtm(appId, appCertificate, userId, u32("expire", expire), header,
                resources.toArray(new String[0]), flags, issueTs, salt);
    }

    /**
     * A Chat user token.
     *
     * @param userId the user
     * @param expire seconds after issue
     * @return the token
     */
    public String chatUser(String userId, long expire) {
        Objects.requireNonNull(userId, "userId");
        return Native.chat(appId, appCertificate, userId, u32("expire", expire), flags, issueTs, salt);
    }

    /**
     * A Chat app token.
     *
     * @param expire seconds after issue
     * @return the token
     */
    public String chatApp(long expire) {
        return Native.chat(appId, appCertificate, null, u32("expire", expire), flags, issueTs, salt);
    }

    /** @return an FPA login token valid 24 hours */
    public String fpa() {
        return Native.fpa(appId, appCertificate, flags, issueTs, salt);
    }

    private String apaas(int kind, String roomUuid, String userUuid, int role, long expire) {
        return Native.apaas(kind, appId, appCertificate, roomUuid, userUuid, role, u32("expire", expire), flags,
                issueTs, salt);
    }

    /**
     * An APaaS room-user token: APaaS room user, RTM login as the user UUID,
     * Chat user as the MD5 of the user UUID.
     *
     * @param roomUuid room
     * @param userUuid user
     * @param role the user's role in the room
     * @param expire seconds after issue
     * @return the token
     */
    public String apaasRoomUser(String roomUuid, String userUuid, short role, long expire) {
        return apaas(Native.APAAS_ROOM_USER, roomUuid, userUuid, role, expire);
    }

    /**
     * An APaaS user token.
     *
     * @param userUuid user
     * @param expire seconds after issue
     * @return the token
     */
    public String apaasUser(String userUuid, long expire) {
        return apaas(Native.APAAS_USER, null, userUuid, -1, expire);
    }

    /**
     * An APaaS app token.
     *
     * @param expire seconds after issue
     * @return the token
     */
    public String apaasApp(long expire) {
        return apaas(Native.APAAS_APP, null, null, -1, expire);
    }

    /**
     * An Education room-user token (the APaaS one).
     *
     * @param roomUuid room
     * @param userUuid user
     * @param role the user's role in the room
     * @param expire seconds after issue
     * @return the token
     */
    public String educationRoomUser(String roomUuid, String userUuid, short role, long expire) {
        return apaasRoomUser(roomUuid, userUuid, role, expire);
    }

    /**
     * An Education user token (the APaaS one).
     *
     * @param userUuid user
     * @param expire seconds after issue
     * @return the token
     */
    public String educationUser(String userUuid, long expire) {
        return apaasUser(userUuid, expire);
    }

    /**
     * An Education app token (the APaaS one).
     *
     * @param expire seconds after issue
     * @return the token
     */
    public String educationApp(long expire) {
        return apaasApp(expire);
    }

    /**
     * A 007 token from explicit services (packed sorted by type). Only the
     * app ID, the certificate, the fields of each type and "at least one
     * service" are checked.
     *
     * @param expire token lifetime, seconds after issue
     * @param services the services
     * @return the token
     */
    public String services(long expire, Service... services) {
        int[] header = new int[services.length * 4];
        List<Integer> privileges = new ArrayList<>();
        String[] texts = new String[services.length * 6];
        List<Permission> permissions = new ArrayList<>();
        for (int k = 0; k < services.length; k++) {
            Service s = services[k];
            header[4 * k] = s.type;
            header[4 * k + 1] = s.privileges.size();
            header[4 * k + 2] = s.role;
            header[4 * k + 3] = s.permissions.size();
            s.privileges.forEach((id, e) -> {
                privileges.add(id);
                privileges.add(u32("privileges", e));
            });
            System.arraycopy(s.texts, 0, texts, 6 * k, 6);
            permissions.addAll(s.permissions);
        }
        List<String> resources = new ArrayList<>();
        int[] permissionHeader = Permission.header(permissions, resources);
        return Native.services(appId, appCertificate, u32("expire", expire), header,
                privileges.stream().mapToInt(Integer::intValue).toArray(), texts, permissionHeader,
                resources.toArray(new String[0]), flags, issueTs, salt);
    }

    private int[] options006() {
        // 006 reads (salt, ts): the salt, and the issue time + 24 h as the official builders do.
        return new int[] {salt, issueTs + 24 * 3600};
    }

    /**
     * A 006 RTC token for a uid.
     *
     * @param channelName channel
     * @param uid the uid, 0 for any user
     * @param role the 006 role
     * @param privilegeExpiredTs absolute Unix time (0: no expiry)
     * @return the token
     */
    public String rtc006WithUid(String channelName, long uid, Role006 role, long privilegeExpiredTs) {
        int[] o = options006();
        return Native.rtc006(appId, appCertificate, channelName, null, u32("uid", uid),
                Objects.requireNonNull(role, "role").value(), u32("privilege_expired_ts", privilegeExpiredTs),
                flags, o[0], o[1]);
    }

    /**
     * A 006 RTC token for an account.
     *
     * @param channelName channel
     * @param account the account
     * @param role the 006 role
     * @param privilegeExpiredTs absolute Unix time (0: no expiry)
     * @return the token
     */
    public String rtc006WithAccount(String channelName, String account, Role006 role, long privilegeExpiredTs) {
        Objects.requireNonNull(account, "account");
        int[] o = options006();
        return Native.rtc006(appId, appCertificate, channelName, account, 0,
                Objects.requireNonNull(role, "role").value(), u32("privilege_expired_ts", privilegeExpiredTs),
                flags, o[0], o[1]);
    }

    /**
     * A 006 RTM login token.
     *
     * @param userAccount the user
     * @param privilegeExpiredTs absolute Unix time (0: no expiry)
     * @return the token
     */
    public String rtm006(String userAccount, long privilegeExpiredTs) {
        int[] o = options006();
        return Native.rtm006(appId, appCertificate, userAccount, u32("privilege_expired_ts", privilegeExpiredTs),
                flags, o[0], o[1]);
    }

    /**
     * A copy whose 006 tokens have this salt and expiry timestamp {@code ts}
     * (the conformance vectors pin both).
     *
     * @param salt salt
     * @param ts token expiry timestamp
     * @return the copy
     */
    public TokenBuilder with006Issue(long salt, long ts) {
        // options006 adds 24 h to the issue time: store ts - 24 h (mod 2^32).
        return new TokenBuilder(appId, appCertificate, flags | Native.FIXED_ISSUE,
                u32("ts", ts) - 24 * 3600, u32("salt", salt));
    }

    /** Never shows the certificate. */
    @Override
    public String toString() {
        return "TokenBuilder[appId=" + appId + ", fixedIssue=" + ((flags & Native.FIXED_ISSUE) != 0) + ", lenient="
                + ((flags & Native.LENIENT) != 0) + "]";
    }
}
