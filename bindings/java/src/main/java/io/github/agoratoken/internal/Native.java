package io.github.agoratoken.internal;

/**
 * The native methods of libagora_token_java (bindings/java/native), one per
 * function of that crate. Not API: use {@link io.github.agoratoken.TokenBuilder},
 * {@link io.github.agoratoken.Tokens} or the drop-in classes in
 * {@code io.agora.*}.
 *
 * <p>Builders return the token; readers return token-core's JSON form. A
 * {@code null} string where a value is needed throws
 * {@link NullPointerException}; any other error throws
 * {@link io.github.agoratoken.AgoraTokenException}. The last three
 * arguments of a builder are its options: {@code flags} ({@link #FIXED_ISSUE},
 * {@link #LENIENT}) and the issue time and salt (007) or the salt and ts (006).
 */
public final class Native {
    static {
        NativeLoader.load();
    }

    private Native() {}

    /** Option flag: the issue time and salt (006: salt and ts) are given. */
    public static final int FIXED_ISSUE = 1;
    /** Option flag: accept what the official builders accept. */
    public static final int LENIENT = 2;

    /** RTC kind: a role's privileges (buildTokenWithUid). */
    public static final int RTC_ROLE = 0;
    /** RTC kind: an expire per privilege. */
    public static final int RTC_PRIVILEGES = 1;
    /** RTC kind: RTC plus RTM login for the same account (buildTokenWithRtm). */
    public static final int RTC_WITH_RTM = 2;
    /** RTC kind: RTC plus RTM login for another user (buildTokenWithRtm2). */
    public static final int RTC_WITH_RTM2 = 3;
    /** RTC kind: the RTM2 token plus ConvoAI. */
    public static final int RTC_CONVOAI = 4;
    /** RTC kind: the RTM2 token plus STT. */
    public static final int RTC_STT = 5;

    /** APaaS kind: room user. */
    public static final int APAAS_ROOM_USER = 0;
    /** APaaS kind: user. */
    public static final int APAAS_USER = 1;
    /** APaaS kind: app. */
    public static final int APAAS_APP = 2;

    /**
     * Every RTC 007 builder by {@code kind}; the user is {@code account}, or
     * the unsigned {@code uid} when it is null; {@code privileges} holds the
     * four expires (join, audio, video, data; join is the privilege expire
     * of the role kinds).
     */
    public static native String rtc(int kind, String appId, String appCertificate, String channelName, String account,
            int uid, int role, int tokenExpire, int[] privileges, String rtmUserId, int rtmTokenExpire, int flags,
            int issueTs, int salt);

    /** RTM login, or RTM 2.x with permissions when the header is not null. */
    public static native String rtm(String appId, String appCertificate, String userId, int expire,
            int[] permissionHeader, String[] resources, int flags, int issueTs, int salt);

    /** Chat user token, or app token when {@code userId} is null. */
    public static native String chat(String appId, String appCertificate, String userId, int expire, int flags,
            int issueTs, int salt);

    /** FPA login token valid 24 hours. */
    public static native String fpa(String appId, String appCertificate, int flags, int issueTs, int salt);

    /** APaaS / Education tokens by {@code kind}. */
    public static native String apaas(int kind, String appId, String appCertificate, String roomUuid, String userUuid,
            int role, int expire, int flags, int issueTs, int salt);

    /** A 007 token from explicit services (see the crate's documentation for the layout). */
    public static native String services(String appId, String appCertificate, int expire, int[] header,
            int[] privileges, String[] texts, int[] permissionHeader, String[] resources, int flags, int issueTs,
            int salt);

    /** A 006 RTC token. */
    public static native String rtc006(String appId, String appCertificate, String channelName, String account, int uid,
            int role, int privilegeExpiredTs, int flags, int salt, int ts);

    /** A 006 RTM token. */
    public static native String rtm006(String appId, String appCertificate, String userAccount,
            int privilegeExpiredTs, int flags, int salt, int ts);

    /** Parses a 007 or 006 token to JSON, signature unchecked. */
    public static native String parse(String token);

    /** Verifies a 007 token; its JSON when {@code wantJson}, else null. */
    public static native String verify007(String token, String appCertificate, boolean wantJson);

    /** Verifies a 007 or 006 token (006 needs channel and uid text); its JSON. */
    public static native String verify(String token, String appCertificate, String channelName, String uid);

    /** The decoded content of a 007 token as lowercase hex. */
    public static native String contentHex(String token);

    /** The check engine: the report for a JSON request at {@code now}. */
    public static native String check(String token, String appCertificate, String request, long now);

    /** A salt as token-core draws it: uniform in [1, 99999999] from the OS CSPRNG. */
    public static native int randomSalt();

    /** The account text of a uid: "" for 0, else the unsigned decimal. */
    public static native String uidStr(int uid);
}
