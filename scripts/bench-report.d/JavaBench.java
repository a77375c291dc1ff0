// Java side of scripts/bench-report: our jar (bindings/java, the JNI library
// over token-core) and the official io.agora:authentication 2.1.3 in ONE JVM,
// runs interleaved.
//
//     java -cp OUR_JAR JavaBench.java OFFICIAL_DIR RUNS MIN_MS VERIFY_TOKEN
//
// Launched as a single source file. OUR_JAR is the jar `mvn package` makes
// (it carries and loads libagora_token_java); OFFICIAL_DIR holds the
// official jar and commons-codec as Maven copies them into target/official
// (pom.xml), loaded here in their own URLClassLoader as the differential
// tests do (Official.java): the official classes share our io.agora.* names,
// so they are never on the class path and are called through reflection
// (Method.invoke, a few tens of ns against their tens of µs). Prints one
// JSON object like the other harnesses.
//
// Operations (inputs as in crates/token-core/examples/bench_ops.rs):
// - build007: RtcTokenBuilder2.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
//   ROLE_PUBLISHER, 3600, 3600) of each jar (ours: the drop-in class);
// - verify007: ours Tokens.verify(token, CERT) (the parsed token as Java
//   objects) and, an extra row, Tokens.verifySignature (no Java objects
//   made); the official jar has no verify: its AccessToken2.parse plus the
//   signature check of the differential tests, its getSign key over the
//   content decoded a second time (Utils.base64Decode, Utils.decompress), as
//   parse keeps neither the signature nor the signed bytes;
// - build006: RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
//   Role_Publisher, 2000000000) of each jar. The official 006 class writes
//   the int uid signed ((int) 2882341273 is "-1412626023"), so its sample is
//   checked here, with that uid text, instead of by bench_ops check006.

import io.github.agoratoken.AgoraTokenException;
import io.github.agoratoken.Token;
import io.github.agoratoken.Tokens;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class JavaBench {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String OTHER_CERT = "0123456789abcdef0123456789abcdef";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final int UID = (int) 2882341273L;
    static final int EXPIRE = 3600;
    static final int PRIVILEGE_EXPIRED_TS_006 = 2000000000;

    /** The official classes, called through reflection. */
    static final class Official {
        final ClassLoader loader;
        final Object rtc007;
        final Method build007;
        final Object publisher007;
        final Object rtc006;
        final Method build006;
        final Object publisher006;
        final Constructor<?> accessToken2;
        final Method parse;
        final Method getSign;
        final Field appCert;
        final Method decompress;
        final Method base64Decode;

        Official(File dir) throws Exception {
            File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
            if (jars == null || jars.length < 2) {
                throw new IllegalStateException("no official jars in " + dir);
            }
            List<URL> urls = new ArrayList<>();
            for (File f : jars) {
                urls.add(f.toURI().toURL());
            }
            // Parent: the platform loader, which never sees our io.agora.* classes.
            loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> c007 = cls("io.agora.media.RtcTokenBuilder2");
            Class<?> role007 = cls("io.agora.media.RtcTokenBuilder2$Role");
            rtc007 = c007.getConstructor().newInstance();
            build007 = c007.getMethod("buildTokenWithUid", String.class, String.class, String.class, int.class,
                    role007, int.class, int.class);
            publisher007 = constant(role007, "ROLE_PUBLISHER");
            Class<?> c006 = cls("io.agora.media.RtcTokenBuilder");
            Class<?> role006 = cls("io.agora.media.RtcTokenBuilder$Role");
            rtc006 = c006.getConstructor().newInstance();
            build006 = c006.getMethod("buildTokenWithUid", String.class, String.class, String.class, int.class,
                    role006, int.class);
            publisher006 = constant(role006, "Role_Publisher");
            Class<?> at = cls("io.agora.media.AccessToken2");
            accessToken2 = at.getConstructor();
            parse = at.getMethod("parse", String.class);
            getSign = at.getMethod("getSign");
            appCert = at.getField("appCert");
            Class<?> utils = cls("io.agora.media.Utils");
            decompress = utils.getMethod("decompress", byte[].class);
            base64Decode = utils.getMethod("base64Decode", String.class);
        }

        Class<?> cls(String name) throws ClassNotFoundException {
            return Class.forName(name, true, loader);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Object constant(Class<?> enumClass, String name) {
            return Enum.valueOf((Class<Enum>) enumClass, name);
        }

        String build007() throws Exception {
            return (String) build007.invoke(rtc007, APP_ID, CERT, CHANNEL, UID, publisher007, EXPIRE, EXPIRE);
        }

        String build006() throws Exception {
            return (String) build006.invoke(rtc006, APP_ID, CERT, CHANNEL, UID, publisher006,
                    PRIVILEGE_EXPIRED_TS_006);
        }

        /** The official parse, then its signing key over the decoded content. */
        boolean verify(String token, String cert) throws Exception {
            Object t = accessToken2.newInstance();
            if (!(Boolean) parse.invoke(t, token)) {
                return false;
            }
            appCert.set(t, cert);
            byte[] key = (byte[]) getSign.invoke(t);
            byte[] data = (byte[]) decompress.invoke(null, base64Decode.invoke(null, token.substring(3)));
            int n = (data[0] & 0xff) | (data[1] & 0xff) << 8;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.equals(Arrays.copyOfRange(data, 2, 2 + n),
                    mac.doFinal(Arrays.copyOfRange(data, 2 + n, data.length)));
        }

        String version() throws Exception {
            return pomVersion(loader, "io.agora", "authentication");
        }
    }

    interface Op {
        int call() throws Exception;
    }

    record Timed(String side, String op, Op fn) {}

    static long sink;

    /** ns per call over at least minNs. */
    static double run(Op fn, long minNs) throws Exception {
        long start = System.nanoTime();
        long n = 0;
        while (true) {
            for (int i = 0; i < 32; i++) {
                sink += fn.call();
            }
            n += 32;
            long elapsed = System.nanoTime() - start;
            if (elapsed >= minNs) {
                return (double) elapsed / n;
            }
        }
    }

    static String pomVersion(ClassLoader loader, String group, String artifact) throws Exception {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("JavaBench: " + what);
        }
    }

    static <T> boolean refuses(Supplier<T> verify) {
        try {
            verify.get();
            return false;
        } catch (AgoraTokenException e) {
            return e.kind() == AgoraTokenException.Kind.SIGNATURE_MISMATCH;
        }
    }

    public static void main(String[] args) throws Exception {
        Official official = new Official(new File(args[0]));
        int runs = Integer.parseInt(args[1]);
        long minMs = Long.parseLong(args[2]);
        String token = args[3];

        io.agora.media.RtcTokenBuilder2 ours007 = new io.agora.media.RtcTokenBuilder2();
        io.agora.media.RtcTokenBuilder ours006 = new io.agora.media.RtcTokenBuilder();
        Supplier<String> ourBuild007 = () -> ours007.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
                io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER, EXPIRE, EXPIRE);
        Supplier<String> ourBuild006 = () -> ours006.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
                io.agora.media.RtcTokenBuilder.Role.Role_Publisher, PRIVILEGE_EXPIRED_TS_006);

        // Each side must accept the token, and refuse it with another certificate.
        require(Tokens.verify(token, CERT).appId().equals(APP_ID), "ours: Tokens.verify");
        require(refuses(() -> Tokens.verify(token, OTHER_CERT)), "ours: verified with another certificate");
        require(Tokens.verifySignature(token, CERT), "ours: Tokens.verifySignature");
        require(!Tokens.verifySignature(token, OTHER_CERT), "ours: verifySignature with another certificate");
        require(official.verify(token, CERT), "official: verify");
        require(!official.verify(token, OTHER_CERT), "official: verified with another certificate");
        // The official 006 sample: signed for the uid text it writes.
        String official006 = official.build006();
        String signedUid = String.valueOf(UID);
        require(Tokens.verify006(official006, CERT, CHANNEL, signedUid).appId().equals(APP_ID),
                "official 006 sample does not verify with uid " + signedUid);

        List<Timed> ops = List.of(
                new Timed("ours", "build007", () -> ourBuild007.get().length()),
                new Timed("peer", "build007", () -> official.build007().length()),
                new Timed("ours", "verify007", () -> {
                    Token t = Tokens.verify(token, CERT);
                    return t.salt() == 0 ? 0 : 1;
                }),
                new Timed("peer", "verify007", () -> {
                    require(official.verify(token, CERT), "official verify refused the token");
                    return 1;
                }),
                new Timed("extra", "verify007", () -> {
                    require(Tokens.verifySignature(token, CERT), "verifySignature refused the token");
                    return 1;
                }),
                new Timed("ours", "build006", () -> ourBuild006.get().length()),
                new Timed("peer", "build006", () -> official.build006().length()));
        // The JIT needs seconds, not the other harnesses' 100-300 ms: the
        // official builder's first second averages ~20x its steady time
        // here. Three interleaved rounds of at least 300 ms per operation.
        long warmUp = Math.max(300, minMs) * 1_000_000L;
        for (int r = 0; r < 3; r++) {
            for (Timed o : ops) {
                run(o.fn(), warmUp);
            }
        }
        Map<String, Map<String, List<Double>>> ns = new LinkedHashMap<>();
        for (String side : List.of("ours", "peer", "extra")) {
            ns.put(side, new LinkedHashMap<>());
        }
        for (int r = 0; r < runs; r++) {
            for (Timed o : ops) {
                double v = run(o.fn(), minMs * 1_000_000L);
                ns.get(o.side()).computeIfAbsent(o.op(), k -> new ArrayList<>()).add(Math.round(v * 10) / 10.0);
            }
        }
        require(sink != 0, "unreachable");

        String ourVersion = pomVersion(JavaBench.class.getClassLoader(), "io.github.agora-token", "agora-token");
        StringBuilder out = new StringBuilder();
        out.append("{\"language\": \"Java\", \"runtime\": ")
                .append(q(System.getProperty("java.vm.name") + " " + Runtime.version()));
        out.append(", \"ours\": {\"name\": ").append(q("agora-token " + ourVersion + " jar (our JNI library)"))
                .append(", \"ns\": ").append(series(ns.get("ours")))
                .append(", \"samples\": {\"build007\": ").append(q(ourBuild007.get()))
                .append(", \"build006\": ").append(q(ourBuild006.get())).append("}}");
        out.append(", \"peer\": {\"name\": ").append(q("Maven io.agora:authentication " + official.version()))
                .append(", \"ns\": ").append(series(ns.get("peer")))
                .append(", \"samples\": {\"build007\": ").append(q(official.build007())).append("}}");
        out.append(", \"extra\": [{\"op\": \"verify007\", \"ns\": ").append(list(ns.get("extra").get("verify007")))
                .append(", \"name\": ").append(q("Tokens.verifySignature (no Java objects made)")).append("}]");
        out.append(", \"notes\": {\"verify007\": ").append(q("the official jar has no verify: its AccessToken2.parse "
                + "plus its getSign key over the content decoded a second time (Utils.base64Decode, "
                + "Utils.decompress) and javax.crypto HMAC, as the differential tests do"))
                .append(", \"build006\": ").append(q("the official 006 class writes the int uid signed (\""
                        + signedUid + "\"), so its token carries another uid; the harness checks its signature "
                        + "with that uid text instead of the common check"))
                .append("}}");
        System.out.println(out);
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String list(List<Double> v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(v.get(i));
        }
        return b.append("]").toString();
    }

    static String series(Map<String, List<Double>> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, List<Double>> e : m.entrySet()) {
            b.append(b.length() == 1 ? "" : ", ").append(q(e.getKey())).append(": ").append(list(e.getValue()));
        }
        return b.append("}").toString();
    }
}
