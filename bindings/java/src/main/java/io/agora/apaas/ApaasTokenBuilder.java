package io.agora.apaas;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/**
 * Drop-in for {@code io.agora.apaas.ApaasTokenBuilder} of {@code io.agora:authentication}
 * 2.1.3. The room-user token's Chat service carries the Chat user
 * privilege, as in Agora's other builders (the official Java one leaves it
 * empty; see the binding's README).
 */
public class ApaasTokenBuilder {
    /** A builder; it holds no state. */
    public ApaasTokenBuilder() {}

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param roomUuid room
     * @param userUuid user
     * @param role the user's role (null gives "", as the official builder)
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid, Short role,
            int expire) {
        return DropIn.orEmpty(() -> Native.apaas(Native.APAAS_ROOM_USER, appId, appCertificate, roomUuid, userUuid,
                role.shortValue(), expire, DropIn.FLAGS, 0, 0));
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param userUuid user
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildUserToken(String appId, String appCertificate, String userUuid, int expire) {
        return DropIn.orEmpty(() -> Native.apaas(Native.APAAS_USER, appId, appCertificate, null, userUuid, -1, expire,
                DropIn.FLAGS, 0, 0));
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return DropIn.orEmpty(() -> Native.apaas(Native.APAAS_APP, appId, appCertificate, null, null, -1, expire,
                DropIn.FLAGS, 0, 0));
    }
}
