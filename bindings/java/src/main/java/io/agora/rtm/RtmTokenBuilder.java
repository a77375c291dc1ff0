package io.agora.rtm;

import io.github.agoratoken.AgoraTokenException;
import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/**
 * Drop-in for the 006 {@code io.agora.rtm.RtmTokenBuilder} of
 * {@code io.agora:authentication} 2.1.3: {@code buildToken} returns
 * {@code ""} for a bad app ID or certificate and throws
 * {@link NullPointerException} for a null argument, as the official class
 * does. Its {@code mTokenCreator}, {@code setPrivilege} and
 * {@code initTokenBuilder} (which expose the 006 {@code AccessToken}
 * internals) are not offered.
 */
public class RtmTokenBuilder {
    /** The RTM role. */
    public enum Role {
        /** An RTM user. */
        Rtm_User(1);

        int value;

        Role(int value) {
            this.value = value;
        }
    }

    /** A builder; it holds no state. */
    public RtmTokenBuilder() {}

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param uid the RTM user account
     * @param role ignored, as by the official class
     * @param privilegeTs absolute expiry, Unix seconds (0: none)
     * @return the token, or "" for a bad app ID or certificate
     * @throws Exception as declared by the official method (a null argument throws NullPointerException)
     */
    public String buildToken(String appId, String appCertificate, String uid, Role role, int privilegeTs)
            throws Exception {
        try {
            return Native.rtm006(appId, appCertificate, uid, privilegeTs, DropIn.FLAGS, 0, 0);
        } catch (AgoraTokenException e) {
            return "";
        }
    }
}
