package io.github.agoratoken.bench;

import io.github.agoratoken.Official;
import io.github.agoratoken.Tokens;
import io.github.agoratoken.internal.Native;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ours vs io.agora:authentication 2.1.3, same JVM, same inputs: RTC 007
 * build ({@code buildTokenWithUid} of each RtcTokenBuilder2) and 007 parse +
 * signature check (ours: {@code Tokens.verifySignature}; official: its
 * {@code AccessToken2.parse}, then its {@code getSign} key over the
 * decompressed content, as its jar has no verify), plus the bare JNI round
 * trip. Run by {@code JAVA_BENCH=1 scripts/test-java}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBench {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";

    io.agora.media.RtcTokenBuilder2 ours;
    Object official;
    Method officialBuild;
    Object officialRole;
    Constructor<?> officialToken;
    Method officialParse;
    Method officialSign;
    Method decompress;
    Method base64Decode;
    Field appCert;
    String token;

    @Setup
    public void setup() throws Exception {
        ours = new io.agora.media.RtcTokenBuilder2();
        Class<?> c = Official.cls("io.agora.media.RtcTokenBuilder2");
        official = c.getConstructor().newInstance();
        Class<?> role = Official.cls("io.agora.media.RtcTokenBuilder2$Role");
        officialBuild = c.getMethod("buildTokenWithUid", String.class, String.class, String.class, int.class, role,
                int.class, int.class);
        officialRole = Official.constant("io.agora.media.RtcTokenBuilder2$Role", "ROLE_PUBLISHER");
        Class<?> at = Official.cls("io.agora.media.AccessToken2");
        officialToken = at.getConstructor();
        officialParse = at.getMethod("parse", String.class);
        officialSign = at.getMethod("getSign");
        appCert = at.getField("appCert");
        Class<?> utils = Official.cls("io.agora.media.Utils");
        decompress = utils.getMethod("decompress", byte[].class);
        base64Decode = utils.getMethod("base64Decode", String.class);
        token = ours.buildTokenWithUid(APP_ID, CERT, CHANNEL, 42,
                io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
    }

    @Benchmark
    public String buildOurs() {
        return ours.buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                3600, 3600);
    }

    @Benchmark
    public Object buildOfficial() throws Exception {
        return officialBuild.invoke(official, APP_ID, CERT, CHANNEL, 42, officialRole, 3600, 3600);
    }

    @Benchmark
    public boolean parseVerifyOurs() {
        return Tokens.verifySignature(token, CERT);
    }

    @Benchmark
    public boolean parseVerifyOfficial() throws Exception {
        Object t = officialToken.newInstance();
        if (!(Boolean) officialParse.invoke(t, token)) {
            return false;
        }
        appCert.set(t, CERT);
        byte[] key = (byte[]) officialSign.invoke(t);
        byte[] data = (byte[]) decompress.invoke(null, base64Decode.invoke(null, token.substring(3)));
        int n = (data[0] & 0xff) | (data[1] & 0xff) << 8;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Arrays.equals(Arrays.copyOfRange(data, 2, 2 + n), mac.doFinal(Arrays.copyOfRange(data, 2 + n,
                data.length)));
    }

    /** The JNI round trip alone: one int in, one short Java string made and returned. */
    @Benchmark
    public String jniCall() {
        return Native.uidStr(42);
    }
}
