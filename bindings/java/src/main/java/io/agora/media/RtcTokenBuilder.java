package io.agora.media;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/**
 * Drop-in for the 006 {@code io.agora.media.RtcTokenBuilder} of
 * {@code io.agora:authentication} 2.1.3, with the roles of Agora's other
 * official builders: attendee, publisher and admin may publish, a
 * subscriber only joins (the official Java class gives the subscriber the
 * publish privileges and the attendee none; see the binding's README). A
 * negative {@code int} uid is read unsigned, as the 007 builders of the same
 * jar read it.
 */
public class RtcTokenBuilder {
    /** The 006 roles. */
    public enum Role {
        /** Deprecated: the privileges of a publisher. */
        Role_Attendee(0),
        /** Join and publish. */
        Role_Publisher(1),
        /** Join only. */
        Role_Subscriber(2),
        /** Deprecated: the privileges of a publisher. */
        Role_Admin(101);

        /** The role's number. */
        public int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    /** A builder; it holds no state. */
    public RtcTokenBuilder() {}

    // A null role joins only, as any role the official class does not name.
    private static String build(String appId, String appCertificate, String channelName, String account, int uid,
            Role role, int privilegeTs) {
        int r = role == null ? -1 : role.initValue;
        return DropIn.orEmpty(() -> Native.rtc006(appId, appCertificate, channelName, account, uid, r, privilegeTs,
                DropIn.FLAGS, 0, 0));
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param uid uid (0: any user)
     * @param role role
     * @param privilegeTs absolute expiry, Unix seconds (0: none)
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
            int privilegeTs) {
        return build(appId, appCertificate, channelName, null, uid, role, privilegeTs);
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param channelName channel
     * @param account user account
     * @param role role
     * @param privilegeTs absolute expiry, Unix seconds (0: none)
     * @return the token, or "" on bad input
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
            Role role, int privilegeTs) {
        if (account == null) {
            return "";
        }
        return build(appId, appCertificate, channelName, account, 0, role, privilegeTs);
    }
}
