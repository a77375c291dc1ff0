package io.agora.rtm;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/** Drop-in for {@code io.agora.rtm.RtmTokenBuilder2} of {@code io.agora:authentication} 2.1.3. */
public class RtmTokenBuilder2 {
    /** A builder; it holds no state. */
    public RtmTokenBuilder2() {}

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @param userId RTM user
     * @param expire seconds after now
     * @return the token, or "" on bad input
     */
    public String buildToken(String appId, String appCertificate, String userId, int expire) {
        return DropIn.orEmpty(() -> Native.rtm(appId, appCertificate, userId, expire, null, null, DropIn.FLAGS, 0, 0));
    }
}
