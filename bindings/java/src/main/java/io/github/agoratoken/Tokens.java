package io.github.agoratoken;

import io.github.agoratoken.internal.Json;
import io.github.agoratoken.internal.Native;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading tokens: parse, verify (007 and 006), the decoded content, and
 * {@code check} (would Agora admit this request with this token, and why
 * not). Every method is safe from many threads.
 */
public final class Tokens {
    private Tokens() {}

    private static Token token(String json) {
        return new Token(json);
    }

    /**
     * Parses a 007 or 006 token without checking its signature.
     *
     * @param token the token
     * @return its fields
     * @throws AgoraTokenException {@code WRONG_VERSION} or {@code MALFORMED}
     */
    public static Token parse(String token) {
        return token(Native.parse(token));
    }

    /**
     * Parses a 007 token and checks its signature.
     *
     * @param token the token
     * @param appCertificate the app certificate
     * @return its fields
     * @throws AgoraTokenException {@code SIGNATURE_MISMATCH}, {@code MALFORMED}, ...
     */
    public static Token verify(String token, String appCertificate) {
        return token(Native.verify007(token, appCertificate, true));
    }

    /**
     * Checks a 007 token's signature without making Java objects of its
     * fields (the fast path).
     *
     * @param token the token
     * @param appCertificate the app certificate
     * @return true when the signature matches, false when it does not
     * @throws AgoraTokenException {@code MALFORMED}, {@code WRONG_VERSION}, or {@code INVALID_INPUT} for the certificate
     */
    public static boolean verifySignature(String token, String appCertificate) {
        try {
            Native.verify007(token, appCertificate, false);
            return true;
        } catch (AgoraTokenException e) {
            if (e.kind() == AgoraTokenException.Kind.SIGNATURE_MISMATCH) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Verifies a 006 token: its signature covers the channel name (RTM: the
     * user account) and the uid text (empty for uid 0 and RTM), which the
     * token holds only as CRC32.
     *
     * @param token the token
     * @param appCertificate the app certificate
     * @param channelName the channel, or the RTM user account
     * @param uid the uid text or account ("" for uid 0 and RTM)
     * @return its fields
     */
    public static Token verify006(String token, String appCertificate, String channelName, String uid) {
        return token(Native.verify(token, appCertificate, channelName, uid));
    }

    /**
     * The decoded content of a 007 token (signature and signed fields, after
     * base64 and zlib) as lowercase hex: two tokens with the same content are
     * the same token even when their zlib streams differ.
     *
     * @param token the token
     * @return lowercase hex
     */
    public static String contentHex(String token) {
        return Native.contentHex(token);
    }

    /**
     * Would Agora admit this request with this token at {@code now}? A
     * request is token-core's JSON request form; {@link #rtcJoin} and the
     * other factories below make one.
     *
     * @param token the token
     * @param appCertificate the app certificate
     * @param request the request
     * @param now Unix seconds, from 0 to 2^53 - 1
     * @return the report
     * @throws AgoraTokenException {@code INVALID_INPUT}, naming the field, for
     *     the certificate, the request, or {@code now} out of range
     */
    @SuppressWarnings("unchecked")
    public static CheckReport check(String token, String appCertificate, Map<String, Object> request, long now) {
        return new CheckReport((Map<String, Object>) Json.parse(
                Native.check(token, appCertificate, Json.write(request), now)));
    }

    private static Map<String, Object> request(String service, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    /**
     * @param channelName channel
     * @param uid the uid text or account the client joins with ("0": Agora assigns one)
     * @param publish what it publishes: {@code "audio"}, {@code "video"}, {@code "data"}
     * @return an RTC join request
     */
    public static Map<String, Object> rtcJoin(String channelName, String uid, String... publish) {
        return request("rtc", "channel_name", channelName, "uid", uid, "publish", List.of(publish));
    }

    /** @param userId the user @return an RTM login request */
    public static Map<String, Object> rtmLogin(String userId) {
        return request("rtm", "user_id", userId);
    }

    /** @param userId the user, or null for the app @return a Chat request */
    public static Map<String, Object> chat(String userId) {
        return userId == null ? request("chat") : request("chat", "user_id", userId);
    }

    /** @return an FPA login request */
    public static Map<String, Object> fpa() {
        return request("fpa");
    }

    /**
     * @param roomUuid room, or null
     * @param userUuid user, or null for the app
     * @return an APaaS request
     */
    public static Map<String, Object> apaas(String roomUuid, String userUuid) {
        Map<String, Object> m = request("apaas");
        if (roomUuid != null) {
            m.put("room_uuid", roomUuid);
        }
        if (userUuid != null) {
            m.put("user_uuid", userUuid);
        }
        return m;
    }
}
