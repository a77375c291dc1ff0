package io.github.agoratoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The idiomatic API: every builder, errors, threads, memory. */
class BindingTest {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final TokenBuilder FIXED = TokenBuilder.of(APP_ID, CERT).withIssue(1_700_000_000L, 12345);

    @Test
    void pinnedBuildIsReproducibleAndVerifies() {
        String a = FIXED.rtcWithUid("demo", 42, Role.PUBLISHER, 3600, 3600);
        assertEquals(a, FIXED.rtcWithUid("demo", 42, Role.PUBLISHER, 3600, 3600));
        Token t = Tokens.verify(a, CERT);
        assertEquals("007", t.version());
        assertEquals(1_700_000_000L, t.issueTs());
        assertEquals(12345, t.salt());
        assertEquals("demo", t.services().get(0).channelName());
        assertEquals("42", t.services().get(0).uid());
        assertEquals(4, t.services().get(0).privileges().size());
        assertTrue(Tokens.verifySignature(a, CERT));
        assertFalse(Tokens.verifySignature(a, "0123456789abcdef0123456789abcdef"));
    }

    /** Strings cross by UTF-16 copies, through a stack buffer up to 2048 units (text.rs): both paths, any text. */
    @Test
    void stringsCrossIntactInBothDirections() {
        TokenBuilder b = TokenBuilder.of(APP_ID, CERT).lenient().withIssue(1_700_000_000L, 12345);
        StringBuilder noise = new StringBuilder();
        for (int k = 0, x = 1; k < 2100; k++, x = x * 1103515245 + 12345) {
            noise.append((char) ('0' + ((x >>> 16) % 75)));
        }
        String longAscii = noise.toString(); // incompressible: its token is longer than the stack buffer too
        String longMixed = "\u00e9\u4e2d\ud83d\ude00".repeat(600);
        for (String user : List.of("alice", "caf\u00e9", "\u4e2d\u6587", "emoji \ud83d\ude00", "nul\u0000inside",
                longAscii, longMixed)) {
            String token = b.rtm(user, 60);
            assertEquals(user, Tokens.verify(token, CERT).services().get(0).userId());
            assertEquals(token, b.rtm(user, 60));
        }
        assertTrue(b.rtm(longAscii, 60).length() > 2048);
        // An unpaired surrogate is not text: it reads as U+FFFD.
        assertEquals("a\ufffdb", Tokens.verify(b.rtm("a\ud800b", 60), CERT).services().get(0).userId());
    }

    @Test
    void errorsCarryKindFieldAndRuleButNeverTheCertificate() {
        AgoraTokenException e = assertThrows(AgoraTokenException.class,
                () -> FIXED.rtcWithUid("chan*nel", 42, Role.PUBLISHER, 60, 60));
        assertEquals(AgoraTokenException.Kind.INVALID_INPUT, e.kind());
        assertEquals("channel_name", e.field());
        assertTrue(e.getMessage().startsWith("channel_name: "), e.getMessage());
        e = assertThrows(AgoraTokenException.class, () -> TokenBuilder.of(APP_ID, "5CFd2fd1755d40ecb72977518be15d3")
                .rtm("alice", 60));
        assertEquals("app_certificate", e.field());
        assertFalse(e.getMessage().contains("5CFd2fd1755d40ecb72977518be15d3"), e.getMessage());
        assertFalse(TokenBuilder.of(APP_ID, CERT).toString().contains(CERT));
        io.agora.media.AccessToken2 official = new io.agora.media.AccessToken2(APP_ID, CERT, 60);
        assertFalse(official.toString().contains(CERT));
        e = assertThrows(AgoraTokenException.class, () -> FIXED.rtcWithAccount("demo", "", Role.PUBLISHER, 1, 1));
        assertEquals("account", e.field());
        assertEquals("must not be empty", e.rule());
        assertEquals(AgoraTokenException.Kind.MALFORMED,
                assertThrows(AgoraTokenException.class, () -> Tokens.parse("007eJx!!")).kind());
        assertEquals(AgoraTokenException.Kind.WRONG_VERSION,
                assertThrows(AgoraTokenException.class, () -> Tokens.parse("005abc")).kind());
        assertEquals(AgoraTokenException.Kind.SIGNATURE_MISMATCH, assertThrows(AgoraTokenException.class,
                () -> Tokens.verify(FIXED.chatApp(60), "0123456789abcdef0123456789abcdef")).kind());
        assertEquals(AgoraTokenException.Kind.NO_SERVICE,
                assertThrows(AgoraTokenException.class, () -> FIXED.services(60)).kind());
        assertEquals("uid", assertThrows(AgoraTokenException.class,
                () -> FIXED.rtcWithUid("demo", 1L << 32, Role.PUBLISHER, 1, 1)).field());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> FIXED.rtm(null, 60));
        assertEquals("user_id: must not be null", npe.getMessage());
    }

    @Test
    void lenientAcceptsWhatTheOfficialBuildersAccept() {
        FIXED.lenient().rtcWithAccount("chan*nel", "", Role.SUBSCRIBER, 60, 60);
    }

    @Test
    void everyBuilder() {
        Privileges p = Privileges.all(600);
        RtcRtm r = RtcRtm.withUid("demo", 42, Role.PUBLISHER, 600, p, "alice", 600);
        List<Permission> perms = List.of(Permission.of(Permission.RESOURCE_MESSAGE_CHANNELS, Permission.READ, "news"));
        List<String> tokens = List.of(
                FIXED.rtcWithAccount("demo", "bob", Role.SUBSCRIBER, 60, 60),
                FIXED.rtcWithUidAndPrivileges("demo", 1, 60, p),
                FIXED.rtcWithAccountAndPrivileges("demo", "bob", 60, p),
                FIXED.rtcWithRtm("demo", "bob", Role.PUBLISHER, 60, 60),
                FIXED.rtcWithRtm2(r), FIXED.convoAi(r), FIXED.stt(r),
                FIXED.rtm("alice", 60), FIXED.rtmWithPermissions("alice", perms, 60),
                FIXED.chatUser("alice", 60), FIXED.chatApp(60), FIXED.fpa(),
                FIXED.apaasRoomUser("room", "user", (short) 1, 60), FIXED.apaasUser("user", 60), FIXED.apaasApp(60),
                FIXED.educationRoomUser("room", "user", (short) 1, 60), FIXED.educationUser("u", 60),
                FIXED.educationApp(60),
                FIXED.services(60, Service.streaming("live", "7").privilege(1, 60),
                        Service.fcdn("live", "7").privilege(2, 60), Service.rtm2("alice", perms).privilege(1, 60)));
        for (String t : tokens) {
            Tokens.verify(t, CERT);
        }
        assertEquals(List.of("rtc", "rtm", "convoai"),
                Tokens.parse(FIXED.convoAi(r)).services().stream().map(Token.TokenService::type).toList());
        String t006 = FIXED.rtc006WithUid("demo", 42, Role006.ADMIN, 0);
        Token p006 = Tokens.verify006(t006, CERT, "demo", "42");
        assertEquals("006", p006.version());
        assertEquals(4, p006.privileges().size());
        assertEquals(AgoraTokenException.Kind.SIGNATURE_MISMATCH, assertThrows(AgoraTokenException.class,
                () -> Tokens.verify006(t006, CERT, "other", "42")).kind());
        Tokens.verify006(FIXED.rtm006("alice", 0), CERT, "alice", "");
    }

    @Test
    void check() {
        String t = TokenBuilder.of(APP_ID, CERT).rtcWithUid("demo", 42, Role.SUBSCRIBER, 3600, 3600);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Tokens.check(t, CERT, Tokens.rtcJoin("demo", "42"), now).allowed());
        CheckReport r = Tokens.check(t, CERT, Tokens.rtcJoin("other", "42", "audio"), now);
        assertFalse(r.allowed());
        assertTrue(r.reasons().stream().anyMatch(x -> x.code().equals("channel_mismatch")), r.reasons().toString());
        assertEquals("service", assertThrows(AgoraTokenException.class,
                () -> Tokens.check(t, CERT, Map.of("service", "mail"), now)).field());
        // now: from 0 to 2^53 - 1 (it is echoed in the JSON report).
        for (long bad : new long[] {-1, 1L << 53}) {
            assertEquals("now", assertThrows(AgoraTokenException.class,
                    () -> Tokens.check(t, CERT, Tokens.rtcJoin("demo", "42"), bad)).field());
        }
    }

    @Test
    void manyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int g = 0; g < 16; g++) {
                int n = g;
                done.add(pool.submit(() -> {
                    TokenBuilder b = TokenBuilder.of(APP_ID, CERT).withIssue(1_700_000_000L + n, n + 1);
                    io.agora.media.RtcTokenBuilder2 d = new io.agora.media.RtcTokenBuilder2();
                    for (int k = 0; k < 500; k++) {
                        String tok = b.rtcWithUid("c" + n, k, Role.PUBLISHER, 600, 600);
                        assertEquals("c" + n, Tokens.verify(tok, CERT).services().get(0).channelName());
                        String drop = d.buildTokenWithUid(APP_ID, CERT, "c" + n, k,
                                io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
                        assertTrue(Tokens.verifySignature(drop, CERT));
                        assertThrows(AgoraTokenException.class, () -> b.rtm("", 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static long rssKiB() throws Exception {
        String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
        return Long.parseLong(f[1]) * 4;
    }

    /**
     * No native memory growth: RSS stays flat over a million builds,
     * verifies and errors (the JNI layer frees every string it makes, and
     * every local reference of a loop).
     */
    @Test
    void noNativeMemoryGrowth() throws Exception {
        int rounds = Integer.getInteger("leak.calls", 1_000_000);
        Runnable batch = () -> {
            for (int k = 0; k < 10_000; k++) {
                String t = FIXED.rtcWithUid("demo", k, Role.PUBLISHER, 600, 600);
                Tokens.verifySignature(t, CERT);
                try {
                    FIXED.rtm("", 1);
                } catch (AgoraTokenException expected) {
                    // an error message made and thrown
                }
            }
        };
        for (int k = 0; k < 20; k++) {
            batch.run();
        }
        System.gc();
        long before = rssKiB();
        for (int k = 0; k < rounds / 10_000; k++) {
            batch.run();
        }
        System.gc();
        long after = rssKiB();
        System.out.printf("RSS %d KiB -> %d KiB after %d builds, verifies and errors%n", before, after, rounds);
        assertTrue(after - before < 16 * 1024, "RSS grew by " + (after - before) + " KiB");
    }
}
