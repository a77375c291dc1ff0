package io.agora.chat;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/** Drop-in for {@code io.agora.chat.ChatTokenBuilder2} of {@code io.agora:authentication} 2.1.3. */
public class ChatTokenBuilder2 {
    /** A builder; it holds no state. */
    public ChatTokenBuilder2() {}

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param userId Chat user
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildUserToken(String appId, String appCertificate, String userId, int expire) {
        if (userId == null) {
            return "";
        }
        return DropIn.orEmpty(() -> Native.chat(appId, appCertificate, userId, expire, DropIn.FLAGS, 0, 0));
    }

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return DropIn.orEmpty(() -> Native.chat(appId, appCertificate, null, expire, DropIn.FLAGS, 0, 0));
    }
}
