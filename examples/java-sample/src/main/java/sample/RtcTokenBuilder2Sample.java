package sample;

import io.agora.media.RtcTokenBuilder2;
import io.agora.media.RtcTokenBuilder2.Role;
import io.github.agoratoken.Tokens;

/**
 * The flow of Agora's RtcTokenBuilder2Sample (every RtcTokenBuilder2 call,
 * credentials from AGORA_APP_ID / AGORA_APP_CERTIFICATE) on agora-token;
 * each token is then verified with the certificate, and the program exits
 * 1 if one is empty or does not verify.
 */
public final class RtcTokenBuilder2Sample {
    private RtcTokenBuilder2Sample() {}

    public static void main(String[] args) {
        String appId = System.getenv("AGORA_APP_ID");
        String appCertificate = System.getenv("AGORA_APP_CERTIFICATE");
        if (appId == null || appId.isEmpty() || appCertificate == null || appCertificate.isEmpty()) {
            System.out.println("Need to set environment variable AGORA_APP_ID and AGORA_APP_CERTIFICATE");
            System.exit(2);
        }
        String channel = "7d72365eb983485397e3e3f9d460bdda";
        String account = "2082341273";
        int uid = 2082341273;
        int expire = 3600;

        RtcTokenBuilder2 builder = new RtcTokenBuilder2();
        String[][] tokens = {
            {"uid", builder.buildTokenWithUid(appId, appCertificate, channel, uid, Role.ROLE_PUBLISHER, expire, expire)},
            {"account", builder.buildTokenWithUserAccount(appId, appCertificate, channel, account,
                    Role.ROLE_PUBLISHER, expire, expire)},
            {"uid and privilege", builder.buildTokenWithUid(appId, appCertificate, channel, uid, expire, expire,
                    expire, expire, expire)},
            {"account and privilege", builder.buildTokenWithUserAccount(appId, appCertificate, channel, account,
                    expire, expire, expire, expire, expire)},
            {"RTM", builder.buildTokenWithRtm(appId, appCertificate, channel, account, Role.ROLE_PUBLISHER, expire,
                    expire)},
            {"RTM2", builder.buildTokenWithRtm2(appId, appCertificate, channel, account, Role.ROLE_PUBLISHER, expire,
                    expire, expire, expire, expire, account, expire)},
        };
        boolean ok = true;
        for (String[] t : tokens) {
            boolean valid = !t[1].isEmpty() && Tokens.verifySignature(t[1], appCertificate);
            System.out.printf("Token with %s: %s (%s)%n", t[0], t[1], valid ? "verified" : "INVALID");
            ok &= valid;
        }
        System.exit(ok ? 0 : 1);
    }
}
