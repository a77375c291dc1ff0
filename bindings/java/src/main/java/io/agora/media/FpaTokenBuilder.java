package io.agora.media;

import io.github.agoratoken.internal.DropIn;
import io.github.agoratoken.internal.Native;

/** Drop-in for {@code io.agora.media.FpaTokenBuilder} of {@code io.agora:authentication} 2.1.3. */
public class FpaTokenBuilder {
    /** A builder; it holds no state. */
    public FpaTokenBuilder() {}

    /**
     * @param appId app ID
     * @param appCertificate app certificate
     * @return an FPA token valid 24 hours, or "" on bad input
     */
    public String buildToken(String appId, String appCertificate) {
        return DropIn.orEmpty(() -> Native.fpa(appId, appCertificate, DropIn.FLAGS, 0, 0));
    }
}
