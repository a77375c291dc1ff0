package io.github.agoratoken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service of a token built by {@link TokenBuilder#services}: its type,
 * its privileges (id to expire in seconds after the issue time) and the
 * fields of its type. For the services the official Java jar has no builder
 * for: Streaming, FCDN, RTM 2.x; any other type works too. token-core
 * checks that every field of the type is set and no other.
 */
public final class Service {
    /** RTC. */
    public static final int RTC = 1;
    /** RTM. */
    public static final int RTM = 2;
    /** Streaming. */
    public static final int STREAMING = 3;
    /** FPA. */
    public static final int FPA = 4;
    /** Chat. */
    public static final int CHAT = 5;
    /** Fusion CDN. */
    public static final int FCDN = 6;
    /** APaaS. */
    public static final int APAAS = 7;
    /** RTM 2.x. */
    public static final int RTM2 = 8;
    /** ConvoAI. */
    public static final int CONVOAI = 9;
    /** Speech to text. */
    public static final int STT = 10;

    final int type;
    final Map<Integer, Long> privileges = new TreeMap<>();
    // channel_name, uid, account, user_id, room_uuid, user_uuid: the order of Native.services.
    final String[] texts = new String[6];
    int role;
    final List<Permission> permissions = new ArrayList<>();

    private Service(int type) {
        this.type = type;
    }

    /**
     * @param type a service type number
     * @return a service of that type with no privilege and no field
     */
    public static Service of(int type) {
        return new Service(type);
    }

    /**
     * @param channelName channel
     * @param account the uid as text or the account
     * @return a Streaming service (add privileges with {@link #privilege})
     */
    public static Service streaming(String channelName, String account) {
        return of(STREAMING).channelName(channelName).account(account);
    }

    /**
     * @param channelName channel
     * @param account the uid as text or the account
     * @return a Fusion CDN service
     */
    public static Service fcdn(String channelName, String account) {
        return of(FCDN).channelName(channelName).account(account);
    }

    /**
     * @param userId the RTM user
     * @param permissions resource permissions
     * @return an RTM 2.x service
     */
    public static Service rtm2(String userId, List<Permission> permissions) {
        Service s = of(RTM2).userId(userId);
        s.permissions.addAll(permissions);
        return s;
    }

    /**
     * @param id privilege id
     * @param expire seconds after the issue time (0: no limit of its own)
     * @return this
     */
    public Service privilege(int id, long expire) {
        privileges.put(id, expire);
        return this;
    }

    /** @param v channel name (RTC, Streaming, FCDN) @return this */
    public Service channelName(String v) {
        texts[0] = v;
        return this;
    }

    /** @param v uid text or account, "" for any (RTC) @return this */
    public Service uid(String v) {
        texts[1] = v;
        return this;
    }

    /** @param v uid text or account (Streaming, FCDN) @return this */
    public Service account(String v) {
        texts[2] = v;
        return this;
    }

    /** @param v user ID (RTM, Chat, RTM 2.x) @return this */
    public Service userId(String v) {
        texts[3] = v;
        return this;
    }

    /** @param v room UUID (APaaS) @return this */
    public Service roomUuid(String v) {
        texts[4] = v;
        return this;
    }

    /** @param v user UUID (APaaS) @return this */
    public Service userUuid(String v) {
        texts[5] = v;
        return this;
    }

    /** @param v role, -1 for none (APaaS) @return this */
    public Service role(int v) {
        role = v;
        return this;
    }

    /** @param p a permission (RTM 2.x) @return this */
    public Service permission(Permission p) {
        permissions.add(p);
        return this;
    }
}
