package io.agora.media;

import io.github.agoratoken.AgoraTokenException;
import io.github.agoratoken.internal.Json;
import io.github.agoratoken.internal.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drop-in for {@code io.agora.media.AccessToken2} of
 * {@code io.agora:authentication} 2.1.3: the same public fields, services,
 * privilege enums, {@link #build()} (honouring {@link #issueTs} and
 * {@link #salt}, so a token can be pinned) and {@link #parse(String)}, with
 * token-core doing the packing, signing and reading. Differences (see the
 * binding's README): {@code getSign} and the services' {@code pack}/{@code
 * unpack} (the jar's {@code ByteBuf}) are not offered; {@link #build()}
 * throws {@link AgoraTokenException} for a token with no service (the
 * official class signs one); {@link #parse(String)} also reads the service
 * types the 2.1.3 class does not know (Streaming, FCDN, RTM 2.x, ConvoAI,
 * STT) as plain {@link Service}s.
 */
public class AccessToken2 {
    /** RTC privileges. */
    public enum PrivilegeRtc {
        /** Join channel. */
        PRIVILEGE_JOIN_CHANNEL(1),
        /** Publish audio. */
        PRIVILEGE_PUBLISH_AUDIO_STREAM(2),
        /** Publish video. */
        PRIVILEGE_PUBLISH_VIDEO_STREAM(3),
        /** Publish data streams. */
        PRIVILEGE_PUBLISH_DATA_STREAM(4);

        /** The privilege id. */
        public short intValue;

        PrivilegeRtc(int value) {
            intValue = (short) value;
        }
    }

    /** RTM privileges. */
    public enum PrivilegeRtm {
        /** Login. */
        PRIVILEGE_LOGIN(1);

        /** The privilege id. */
        public short intValue;

        PrivilegeRtm(int value) {
            intValue = (short) value;
        }
    }

    /** FPA privileges. */
    public enum PrivilegeFpa {
        /** Login. */
        PRIVILEGE_LOGIN(1);

        /** The privilege id. */
        public short intValue;

        PrivilegeFpa(int value) {
            intValue = (short) value;
        }
    }

    /** Chat privileges. */
    public enum PrivilegeChat {
        /** Chat user. */
        PRIVILEGE_CHAT_USER(1),
        /** Chat app. */
        PRIVILEGE_CHAT_APP(2);

        /** The privilege id. */
        public short intValue;

        PrivilegeChat(int value) {
            intValue = (short) value;
        }
    }

    /** APaaS privileges. */
    public enum PrivilegeApaas {
        /** Room user. */
        PRIVILEGE_ROOM_USER(1),
        /** User. */
        PRIVILEGE_USER(2),
        /** App. */
        PRIVILEGE_APP(3);

        /** The privilege id. */
        public short intValue;

        PrivilegeApaas(int value) {
            intValue = (short) value;
        }
    }

    private static final String VERSION = "007";
    /** RTC service type. */
    public static final short SERVICE_TYPE_RTC = 1;
    /** RTM service type. */
    public static final short SERVICE_TYPE_RTM = 2;
    /** FPA service type. */
    public static final short SERVICE_TYPE_FPA = 4;
    /** Chat service type. */
    public static final short SERVICE_TYPE_CHAT = 5;
    /** APaaS service type. */
    public static final short SERVICE_TYPE_APAAS = 7;

    /** The app certificate (never shown by {@link #toString()}). */
    public String appCert = "";
    /** The app ID. */
    public String appId = "";
    /** Lifetime, seconds after the issue time. */
    public int expire;
    /** Issue time, Unix seconds. */
    public int issueTs;
    /** Salt. */
    public int salt;
    /** Services by type. */
    public Map<Short, Service> services = new TreeMap<>();

    /** An empty token (for {@link #parse(String)}). */
    public AccessToken2() {}

    /**
     * A token issued now with a random salt in [1, 99999999].
     *
     * @param appId app ID
     * @param appCert app certificate
     * @param expire lifetime, seconds after the issue time
     */
    public AccessToken2(String appId, String appCert, int expire) {
        this.appCert = appCert;
        this.appId = appId;
        this.expire = expire;
        this.issueTs = (int) (System.currentTimeMillis() / 1000);
        this.salt = Native.randomSalt();
    }

    /**
     * Adds a service, replacing one of the same type.
     *
     * @param service the service
     */
    public void addService(Service service) {
        this.services.put(service.getServiceType(), service);
    }

    /**
     * Signs the token with {@link #appCert}, {@link #issueTs} and {@link #salt}.
     *
     * @return the token, or "" for an app ID or certificate that is not 32 hex digits
     * @throws Exception {@link AgoraTokenException} for no service or a service missing a field
     */
    public String build() throws Exception {
        int n = services.size();
        int[] header = new int[n * 4];
        List<Integer> privileges = new ArrayList<>();
        String[] texts = new String[n * 6];
        int k = 0;
        for (Service s : services.values()) {
            header[4 * k] = s.type;
            header[4 * k + 1] = s.privileges.size();
            s.privileges.forEach((id, e) -> {
                privileges.add((int) id);
                privileges.add(e);
            });
            s.texts(texts, 6 * k);
            if (s instanceof ServiceApaas) {
                Short role = ((ServiceApaas) s).role;
                header[4 * k + 2] = role.shortValue();
            }
            k++;
        }
        try {
            return Native.services(appId, appCert, expire, header,
                    privileges.stream().mapToInt(Integer::intValue).toArray(), texts, null, null, Native.FIXED_ISSUE,
                    issueTs, salt);
        } catch (AgoraTokenException e) {
            if ("app_id".equals(e.field()) || "app_certificate".equals(e.field())) {
                return "";
            }
            throw e;
        }
    }

    /**
     * @param serviceType a service type of this class
     * @return an empty service of that type
     * @throws IllegalArgumentException for another type
     */
    public Service getService(short serviceType) {
        switch (serviceType) {
            case SERVICE_TYPE_RTC:
                return new ServiceRtc();
            case SERVICE_TYPE_RTM:
                return new ServiceRtm();
            case SERVICE_TYPE_FPA:
                return new ServiceFpa();
            case SERVICE_TYPE_CHAT:
                return new ServiceChat();
            case SERVICE_TYPE_APAAS:
                return new ServiceApaas();
            default:
                throw new IllegalArgumentException(String.format("unknown service type: `%d`", serviceType));
        }
    }

    /**
     * @param uid a uid
     * @return "" for 0, else the unsigned decimal
     */
    public static String getUidStr(int uid) {
        return Native.uidStr(uid);
    }

    /** @return {@code "007"} */
    public static String getVersion() {
        return VERSION;
    }

    /**
     * Reads a token into this object's fields; the signature is not checked.
     *
     * @param token the token
     * @return false when the token is not a 007 token or cannot be read
     */
    @SuppressWarnings("unchecked")
    public boolean parse(String token) {
        // A token shorter than the prefix throws, as in the official class.
        if (!getVersion().equals(token.substring(0, VERSION.length()))) {
            return false;
        }
        Map<String, Object> t;
        try {
            t = (Map<String, Object>) Json.parse(Native.parse(token));
        } catch (AgoraTokenException e) {
            return false;
        }
        appId = (String) t.get("app_id");
        issueTs = ((Number) t.get("issue_ts")).intValue();
        expire = ((Number) t.get("expire")).intValue();
        salt = ((Number) t.get("salt")).intValue();
        for (Object o : (List<Object>) t.get("services")) {
            Map<String, Object> m = (Map<String, Object>) o;
            short type = ((Number) m.get("type_id")).shortValue();
            Service s = type == SERVICE_TYPE_RTC ? new ServiceRtc((String) m.get("channel_name"), (String) m.get("uid"))
                    : type == SERVICE_TYPE_RTM ? new ServiceRtm((String) m.get("user_id"))
                    : type == SERVICE_TYPE_FPA ? new ServiceFpa()
                    : type == SERVICE_TYPE_CHAT ? new ServiceChat((String) m.get("user_id"))
                    : type == SERVICE_TYPE_APAAS ? new ServiceApaas((String) m.get("room_uuid"),
                            (String) m.get("user_uuid"), ((Number) m.get("role")).shortValue())
                    : new Service(type);
            ((Map<String, Object>) m.get("privileges")).forEach(
                    (id, e) -> s.privileges.put(Short.valueOf(id), ((Number) e).intValue()));
            services.put(type, s);
        }
        return t.get("unknown_service_type") == null;
    }

    /** Never shows the certificate. */
    @Override
    public String toString() {
        return "AccessToken2[appId=" + appId + ", issueTs=" + issueTs + ", expire=" + expire + ", salt=" + salt
                + ", services=" + services.keySet() + "]";
    }

    /** A service: its type and privileges (id to expire, seconds after the issue time). */
    public static class Service {
        /** The service type. */
        public short type;
        /** Privileges by id. */
        public TreeMap<Short, Integer> privileges = new TreeMap<Short, Integer>();

        /** A service of type 0 (set {@link #type}). */
        public Service() {}

        /** @param serviceType the service type */
        public Service(short serviceType) {
            this.type = serviceType;
        }

        /** @param privilege privilege @param expire seconds after the issue time */
        public void addPrivilegeRtc(PrivilegeRtc privilege, int expire) {
            this.privileges.put(privilege.intValue, expire);
        }

        /** @param privilege privilege @param expire seconds after the issue time */
        public void addPrivilegeRtm(PrivilegeRtm privilege, int expire) {
            this.privileges.put(privilege.intValue, expire);
        }

        /** @param privilege privilege @param expire seconds after the issue time */
        public void addPrivilegeFpa(PrivilegeFpa privilege, int expire) {
            this.privileges.put(privilege.intValue, expire);
        }

        /** @param privilege privilege @param expire seconds after the issue time */
        public void addPrivilegeChat(PrivilegeChat privilege, int expire) {
            this.privileges.put(privilege.intValue, expire);
        }

        /** @param privilege privilege @param expire seconds after the issue time */
        public void addPrivilegeApaas(PrivilegeApaas privilege, int expire) {
            this.privileges.put(privilege.intValue, expire);
        }

        /** @return the privileges */
        public TreeMap<Short, Integer> getPrivileges() {
            return this.privileges;
        }

        /** @return the service type */
        public short getServiceType() {
            return this.type;
        }

        /** Writes this service's texts in the order of {@code Native.services}. */
        void texts(String[] out, int at) {}
    }

    /** RTC: channel name and uid text or account. */
    public static class ServiceRtc extends Service {
        /** Channel. */
        public String channelName;
        /** Uid text or account ("" for any user). */
        public String uid;

        /** An empty RTC service. */
        public ServiceRtc() {
            this.type = SERVICE_TYPE_RTC;
        }

        /** @param channelName channel @param uid uid text or account */
        public ServiceRtc(String channelName, String uid) {
            this.type = SERVICE_TYPE_RTC;
            this.channelName = channelName;
            this.uid = uid;
        }

        /** @return the channel */
        public String getChannelName() {
            return this.channelName;
        }

        /** @return the uid text or account */
        public String getUid() {
            return this.uid;
        }

        @Override
        void texts(String[] out, int at) {
            out[at] = channelName;
            out[at + 1] = uid;
        }
    }

    /** RTM: user ID. */
    public static class ServiceRtm extends Service {
        /** User. */
        public String userId;

        /** An empty RTM service. */
        public ServiceRtm() {
            this.type = SERVICE_TYPE_RTM;
        }

        /** @param userId user */
        public ServiceRtm(String userId) {
            this.type = SERVICE_TYPE_RTM;
            this.userId = userId;
        }

        /** @return the user */
        public String getUserId() {
            return this.userId;
        }

        @Override
        void texts(String[] out, int at) {
            out[at + 3] = userId;
        }
    }

    /** FPA: no field. */
    public static class ServiceFpa extends Service {
        /** An FPA service. */
        public ServiceFpa() {
            this.type = SERVICE_TYPE_FPA;
        }
    }

    /** Chat: user ID ("" for the app). */
    public static class ServiceChat extends Service {
        /** User. */
        public String userId;

        /** A Chat app service. */
        public ServiceChat() {
            this.type = SERVICE_TYPE_CHAT;
            this.userId = "";
        }

        /** @param userId user */
        public ServiceChat(String userId) {
            this.type = SERVICE_TYPE_CHAT;
            this.userId = userId;
        }

        /** @return the user */
        public String getUserId() {
            return this.userId;
        }

        @Override
        void texts(String[] out, int at) {
            out[at + 3] = userId;
        }
    }

    /** APaaS: room, user and role. */
    public static class ServiceApaas extends Service {
        /** Room. */
        public String roomUuid;
        /** User. */
        public String userUuid;
        /** Role (-1 for none). */
        public Short role;

        /** An APaaS app service. */
        public ServiceApaas() {
            this(null);
            this.userUuid = "";
        }

        /** @param roomUuid room @param userUuid user @param role role */
        public ServiceApaas(String roomUuid, String userUuid, Short role) {
            this.type = SERVICE_TYPE_APAAS;
            this.roomUuid = roomUuid;
            this.userUuid = userUuid;
            this.role = role;
        }

        /** @param userUuid user */
        public ServiceApaas(String userUuid) {
            this("", userUuid, (short) -1);
        }

        /** @return the room */
        public String getRoomUuid() {
            return this.roomUuid;
        }

        /** @return the user */
        public String getUserUuid() {
            return this.userUuid;
        }

        /** @return the role */
        public Short getRole() {
            return this.role;
        }

        @Override
        void texts(String[] out, int at) {
            out[at + 4] = roomUuid;
            out[at + 5] = userUuid;
        }
    }
}
