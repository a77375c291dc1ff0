package io.github.agoratoken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.agoratoken.internal.Json;

/**
 * A parsed token ("007" or "006"), read from token-core's JSON form. 007
 * fields: app ID, issue time, expire, salt, services. 006 fields: app ID,
 * salt, ts, the CRC32 of the channel and uid, privileges (absolute
 * expiries).
 */
public final class Token {
    private final String text;
    private volatile Fields fields;

    /** The JSON form as maps and lists, made on first use. */
    private static final class Fields {
        final Map<String, Object> json;
        final List<TokenService> services = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Fields(String text) {
            json = Collections.unmodifiableMap((Map<String, Object>) Json.parse(text));
            Object list = json.get("services");
            if (list instanceof List) {
                for (Object s : (List<Object>) list) {
                    services.add(new TokenService((Map<String, Object>) s));
                }
            }
        }
    }

    /**
     * @param text token-core's JSON form of the token; read into maps on the
     *     first call of an accessor, so a caller that only needs to know the
     *     token is valid pays for no Java objects
     */
    Token(String text) {
        this.text = text;
    }

    private Fields fields() {
        Fields f = fields;
        if (f == null) {
            // Two threads may both read the text; the results are equal and
            // immutable, so either may win.
            f = new Fields(text);
            fields = f;
        }
        return f;
    }

    private Map<String, Object> map() {
        return fields().json;
    }

    static long num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<Integer, Long> idMap(Object v) {
        Map<Integer, Long> out = new TreeMap<>();
        if (v instanceof Map) {
            ((Map<String, Object>) v).forEach((k, e) -> out.put(Integer.valueOf(k), ((Number) e).longValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return {@code "007"} or {@code "006"} */
    public String version() {
        return (String) map().get("version");
    }

    /** @return the app ID */
    public String appId() {
        return (String) map().get("app_id");
    }

    /** @return 007: the issue time, Unix seconds (0 for 006) */
    public long issueTs() {
        return num(map(), "issue_ts");
    }

    /** @return 007: the lifetime, seconds after the issue time (0: no limit) */
    public long expire() {
        return num(map(), "expire");
    }

    /** @return the salt */
    public long salt() {
        return num(map(), "salt");
    }

    /** @return 006: the token expiry timestamp */
    public long ts() {
        return num(map(), "ts");
    }

    /** @return when the token stops being valid (Unix seconds), or null for never */
    public Long expiresAt() {
        Object v = map().get("expires_at");
        return v == null ? null : ((Number) v).longValue();
    }

    /** @return 007: the services, in token order */
    public List<TokenService> services() {
        return Collections.unmodifiableList(fields().services);
    }

    /** @return 007: a service type this library does not know, after the services read; or null */
    public Integer unknownServiceType() {
        Object v = map().get("unknown_service_type");
        return v == null ? null : ((Number) v).intValue();
    }

    /** @return 006: privilege id to absolute expiry */
    public Map<Integer, Long> privileges() {
        return idMap(map().get("privileges"));
    }

    /** @return 006: CRC32 of the channel name */
    public long crcChannelName() {
        return num(map(), "crc_channel_name");
    }

    /** @return 006: CRC32 of the uid text */
    public long crcUid() {
        return num(map(), "crc_uid");
    }

    /** @return token-core's JSON form, as maps and lists */
    public Map<String, Object> json() {
        return map();
    }

    @Override
    public String toString() {
        return "Token" + text;
    }

    /** One service of a 007 token. */
    public static final class TokenService {
        private final Map<String, Object> json;

        TokenService(Map<String, Object> json) {
            this.json = Collections.unmodifiableMap(json);
        }

        /** @return the type's name ({@code "rtc"}, {@code "rtm"}, ...) */
        public String type() {
            return (String) json.get("type");
        }

        /** @return the type number */
        public int typeId() {
            return (int) num(json, "type_id");
        }

        /** @return privilege id to expire (seconds after the issue time) */
        public Map<Integer, Long> privileges() {
            return idMap(json.get("privileges"));
        }

        /**
         * @param name a field of token-core's JSON form ({@code "channel_name"}, {@code "uid"},
         *     {@code "user_id"}, {@code "account"}, {@code "room_uuid"}, {@code "user_uuid"})
         * @return its text, or null when the service has no such field
         */
        public String text(String name) {
            Object v = json.get(name);
            return v instanceof String ? (String) v : null;
        }

        /** @return RTC, Streaming, FCDN: the channel name */
        public String channelName() {
            return text("channel_name");
        }

        /** @return RTC: the uid text or account ("" for any user) */
        public String uid() {
            return text("uid");
        }

        /** @return RTM, Chat, RTM 2.x: the user ID */
        public String userId() {
            return text("user_id");
        }

        /** @return APaaS: the role */
        public int role() {
            return (int) num(json, "role");
        }

        /** @return token-core's JSON form of this service */
        public Map<String, Object> json() {
            return json;
        }
    }
}
