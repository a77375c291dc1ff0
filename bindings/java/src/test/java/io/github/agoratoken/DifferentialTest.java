package io.github.agoratoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ours against io.agora:authentication 2.1.3 in the same JVM, on generated
 * inputs per builder: the official token's issue time and salt (read back
 * with the official parser; its builders cannot be pinned) pin our checked
 * builder, and the decompressed content must be identical, signature
 * included; our drop-in's token, re-pinned the same way, must be identical
 * to our builder's; and the official parser and signature check must
 * accept every token of ours.
 */
class DifferentialTest {
    static final int N = Integer.getInteger("diff.cases", 300);
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,";
    final Random rnd = new Random(20261205);

    String text(String alphabet, int min, int max) {
        int n = min + rnd.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    String channel() {
        return text(CHANNEL_CHARS, 1, 63);
    }

    String account() {
        return text("abcdefghijklmnopqrstuvwxyz0123456789_-.@", 1, 128);
    }

    int seconds() {
        return rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(100_000);
    }

    /** Pins our builder with an official token's issue time and salt. */
    static TokenBuilder pinnedBy(String token) {
        Token t = Tokens.parse(token);
        return TokenBuilder.of(APP_ID, CERT).lenient().withIssue(t.issueTs(), t.salt());
    }

    /**
     * One case: the official token, our builder's for the same inputs
     * (pinned by the official token), our drop-in's.
     */
    static void same(String what, String official, Function<TokenBuilder, String> ours, Supplier<String> dropIn)
            throws Exception {
        Object parsed = Official.parse(official);
        assertTrue(parsed != null, what + ": official parse");
        TokenBuilder pin = TokenBuilder.of(APP_ID, CERT).lenient().withIssue(
                Official.intField(parsed, "issueTs") & 0xFFFFFFFFL, Official.intField(parsed, "salt") & 0xFFFFFFFFL);
        String mine = ours.apply(pin);
        assertEquals(Tokens.contentHex(official), Tokens.contentHex(mine), what + ": content");
        assertTrue(Official.verify(mine, CERT), what + ": the official code accepts ours");
        String drop = dropIn.get();
        assertTrue(Official.verify(drop, CERT), what + ": the official code accepts our drop-in's");
        assertEquals(Tokens.contentHex(ours.apply(pinnedBy(drop))), Tokens.contentHex(drop), what + ": drop-in");
    }

    @Test
    void rtcBuilders() throws Exception {
        Object off = Official.make("io.agora.media.RtcTokenBuilder2");
        io.agora.media.RtcTokenBuilder2 dropIn = new io.agora.media.RtcTokenBuilder2();
        for (int k = 0; k < N; k++) {
            String ch = channel();
            String acc = account();
            String rtmUser = account();
            int uid = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt();
            boolean pub = rnd.nextBoolean();
            Object offRole = Official.constant("io.agora.media.RtcTokenBuilder2$Role",
                    pub ? "ROLE_PUBLISHER" : "ROLE_SUBSCRIBER");
            io.agora.media.RtcTokenBuilder2.Role ourRole =
                    pub ? io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER
                            : io.agora.media.RtcTokenBuilder2.Role.ROLE_SUBSCRIBER;
            Role role = pub ? Role.PUBLISHER : Role.SUBSCRIBER;
            int te = seconds();
            int pe = seconds();
            int[] p = {seconds(), seconds(), seconds(), seconds()};
            Privileges privs = new Privileges(p[0], p[1], p[2], p[3]);
            long u = uid & 0xFFFFFFFFL;
            int rte = seconds();

            same("uid " + k, (String) Official.call(off, "buildTokenWithUid", APP_ID, CERT, ch, uid, offRole, te, pe),
                    b -> b.rtcWithUid(ch, u, role, te, pe),
                    () -> dropIn.buildTokenWithUid(APP_ID, CERT, ch, uid, ourRole, te, pe));
            same("account " + k,
                    (String) Official.call(off, "buildTokenWithUserAccount", APP_ID, CERT, ch, acc, offRole, te, pe),
                    b -> b.rtcWithAccount(ch, acc, role, te, pe),
                    () -> dropIn.buildTokenWithUserAccount(APP_ID, CERT, ch, acc, ourRole, te, pe));
            same("uid privileges " + k,
                    (String) Official.call(off, "buildTokenWithUid", APP_ID, CERT, ch, uid, te, p[0], p[1], p[2], p[3]),
                    b -> b.rtcWithUidAndPrivileges(ch, u, te, privs),
                    () -> dropIn.buildTokenWithUid(APP_ID, CERT, ch, uid, te, p[0], p[1], p[2], p[3]));
            same("account privileges " + k,
                    (String) Official.call(off, "buildTokenWithUserAccount", APP_ID, CERT, ch, acc, te, p[0], p[1],
                            p[2], p[3]),
                    b -> b.rtcWithAccountAndPrivileges(ch, acc, te, privs),
                    () -> dropIn.buildTokenWithUserAccount(APP_ID, CERT, ch, acc, te, p[0], p[1], p[2], p[3]));
            same("rtm " + k, (String) Official.call(off, "buildTokenWithRtm", APP_ID, CERT, ch, acc, offRole, te, pe),
                    b -> b.rtcWithRtm(ch, acc, role, te, pe),
                    () -> dropIn.buildTokenWithRtm(APP_ID, CERT, ch, acc, ourRole, te, pe));
            same("rtm2 " + k,
                    (String) Official.call(off, "buildTokenWithRtm2", APP_ID, CERT, ch, acc, offRole, te, p[0], p[1],
                            p[2], p[3], rtmUser, rte),
                    b -> b.rtcWithRtm2(RtcRtm.withAccount(ch, acc, role, te, privs, rtmUser, rte)),
                    () -> dropIn.buildTokenWithRtm2(APP_ID, CERT, ch, acc, ourRole, te, p[0], p[1], p[2], p[3],
                            rtmUser, rte));
        }
    }

    @Test
    void rtmChatFpaBuilders() throws Exception {
        Object rtm = Official.make("io.agora.rtm.RtmTokenBuilder2");
        Object chat = Official.make("io.agora.chat.ChatTokenBuilder2");
        Object fpa = Official.make("io.agora.media.FpaTokenBuilder");
        for (int k = 0; k < N; k++) {
            String user = account();
            int e = seconds();
            same("rtm " + k, (String) Official.call(rtm, "buildToken", APP_ID, CERT, user, e),
                    b -> b.rtm(user, e), () -> new io.agora.rtm.RtmTokenBuilder2().buildToken(APP_ID, CERT, user, e));
            same("chat user " + k, (String) Official.call(chat, "buildUserToken", APP_ID, CERT, user, e),
                    b -> b.chatUser(user, e),
                    () -> new io.agora.chat.ChatTokenBuilder2().buildUserToken(APP_ID, CERT, user, e));
            same("chat app " + k, (String) Official.call(chat, "buildAppToken", APP_ID, CERT, e),
                    b -> b.chatApp(e), () -> new io.agora.chat.ChatTokenBuilder2().buildAppToken(APP_ID, CERT, e));
            if (k < 20) {
                same("fpa " + k, (String) Official.call(fpa, "buildToken", APP_ID, CERT), TokenBuilder::fpa,
                        () -> new io.agora.media.FpaTokenBuilder().buildToken(APP_ID, CERT));
            }
        }
    }

    /** Without its Chat service's privileges, a room-user token's content. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutChatPrivileges(String token) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(Tokens.parse(token).json());
        List<Object> services = new java.util.ArrayList<>();
        for (Object s : (List<Object>) json.get("services")) {
            Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) s);
            if ("chat".equals(m.get("type"))) {
                m.keySet().removeIf(key -> key.startsWith("privilege"));
            }
            services.add(m);
        }
        json.put("services", services);
        return json;
    }

    int md5Padding;

    static Token.TokenService chat(Token t) {
        return t.services().stream().filter(s -> s.typeId() == Service.CHAT).findFirst().orElseThrow();
    }

    @Test
    void apaasAndEducationBuilders() throws Exception {
        for (String cls : new String[] {"io.agora.apaas.ApaasTokenBuilder", "io.agora.education.EducationTokenBuilder2"}) {
            Object off = Official.make(cls);
            boolean apaas = cls.contains("apaas");
            for (int k = 0; k < N; k++) {
                String room = account();
                String user = account();
                short r = (short) rnd.nextInt(4);
                int e = seconds();
                same(cls + " user " + k, (String) Official.call(off, "buildUserToken", APP_ID, CERT, user, e),
                        b -> b.apaasUser(user, e),
                        () -> apaas ? new io.agora.apaas.ApaasTokenBuilder().buildUserToken(APP_ID, CERT, user, e)
                                : new io.agora.education.EducationTokenBuilder2().buildUserToken(APP_ID, CERT, user, e));
                same(cls + " app " + k, (String) Official.call(off, "buildAppToken", APP_ID, CERT, e),
                        b -> b.apaasApp(e),
                        () -> apaas ? new io.agora.apaas.ApaasTokenBuilder().buildAppToken(APP_ID, CERT, e)
                                : new io.agora.education.EducationTokenBuilder2().buildAppToken(APP_ID, CERT, e));
                // Known difference, pinned: the official Java room-user token's
                // Chat service has no privilege (its builder adds the Chat user
                // privilege to the RTM service); token-core, with Agora's Go,
                // C++ and Python builders, gives the Chat service the Chat user
                // privilege. Everything else is identical.
                String official = (String) Official.call(off, "buildRoomUserToken", APP_ID, CERT, room, user, r, e);
                Token o = Tokens.parse(official);
                String mine = TokenBuilder.of(APP_ID, CERT).lenient().withIssue(o.issueTs(), o.salt())
                        .apaasRoomUser(room, user, r, e);
                assertTrue(Official.verify(mine, CERT));
                // Second known difference, pinned: the official Java MD5 text
                // of the user UUID (the Chat user ID) pads at most one leading
                // zero, so an MD5 starting "00" gives 31 characters; token-core
                // (and Agora's other builders) keep all 32.
                String offChat = chat(o).userId();
                String ourChat = chat(Tokens.parse(mine)).userId();
                if (!offChat.equals(ourChat)) {
                    assertTrue(ourChat.startsWith("00") && offChat.equals(ourChat.substring(1)), offChat);
                    md5Padding++;
                    continue;
                }
                assertEquals(withoutChatPrivileges(official), withoutChatPrivileges(mine));
                assertEquals(Map.of(), chat(o).privileges());
                assertEquals(Map.of(1, (long) e), chat(Tokens.parse(mine)).privileges());
                String drop = apaas ? new io.agora.apaas.ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, room, user, r, e)
                        : new io.agora.education.EducationTokenBuilder2().buildRoomUserToken(APP_ID, CERT, room, user, r, e);
                Token d = Tokens.parse(drop);
                assertEquals(Tokens.contentHex(TokenBuilder.of(APP_ID, CERT).withIssue(d.issueTs(), d.salt())
                        .lenient().apaasRoomUser(room, user, r, e)), Tokens.contentHex(drop));
            }
        }
    }

    @Test
    void rtc006FollowsTheMajorityRoles() {
        Object off = Official.make("io.agora.media.RtcTokenBuilder");
        io.agora.media.RtcTokenBuilder dropIn = new io.agora.media.RtcTokenBuilder();
        String[] names = {"Role_Attendee", "Role_Publisher", "Role_Subscriber", "Role_Admin"};
        for (int k = 0; k < N; k++) {
            String ch = channel();
            int uid = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(Integer.MAX_VALUE);
            int ts = rnd.nextInt(Integer.MAX_VALUE);
            String name = names[k % 4];
            String official = (String) Official.call(off, "buildTokenWithUid", APP_ID, CERT, ch, uid,
                    Official.constant("io.agora.media.RtcTokenBuilder$Role", name), ts);
            Token o = Tokens.parse(official);
            Role006 role = Role006.values()[k % 4];
            String mine = TokenBuilder.of(APP_ID, CERT).lenient().with006Issue(o.salt(), o.ts())
                    .rtc006WithUid(ch, uid, role, ts);
            Tokens.verify006(mine, CERT, ch, uid == 0 ? "" : Integer.toString(uid));
            Tokens.verify006(official, CERT, ch, uid == 0 ? "" : Integer.toString(uid));
            // Known difference, pinned: the official Java class gives
            // Role_Subscriber the publish privileges and Role_Attendee none;
            // Node, Python and Go (and token-core) do the opposite.
            Map<Integer, Long> four = Map.of(1, (long) ts, 2, (long) ts, 3, (long) ts, 4, (long) ts);
            Map<Integer, Long> join = Map.of(1, (long) ts);
            if (role == Role006.ATTENDEE || role == Role006.SUBSCRIBER) {
                assertEquals(role == Role006.ATTENDEE ? join : four, o.privileges(), name + " official");
                assertEquals(role == Role006.ATTENDEE ? four : join, Tokens.parse(mine).privileges(), name + " ours");
                assertNotEquals(official, mine);
            } else {
                assertEquals(official, mine, name);
            }
            String drop = dropIn.buildTokenWithUid(APP_ID, CERT, ch, uid,
                    io.agora.media.RtcTokenBuilder.Role.valueOf(name), ts);
            Token d = Tokens.parse(drop);
            assertEquals(TokenBuilder.of(APP_ID, CERT).lenient().with006Issue(d.salt(), d.ts())
                    .rtc006WithUid(ch, uid, role, ts), drop);
        }
    }

    @Test
    void rtm006() throws Exception {
        Object off = Official.make("io.agora.rtm.RtmTokenBuilder");
        Object role = Official.constant("io.agora.rtm.RtmTokenBuilder$Role", "Rtm_User");
        for (int k = 0; k < N; k++) {
            String user = account();
            int ts = rnd.nextInt(Integer.MAX_VALUE);
            String official = (String) Official.call(off, "buildToken", APP_ID, CERT, user, role, ts);
            Token o = Tokens.parse(official);
            assertEquals(official, TokenBuilder.of(APP_ID, CERT).with006Issue(o.salt(), o.ts()).rtm006(user, ts));
            String drop = new io.agora.rtm.RtmTokenBuilder().buildToken(APP_ID, CERT, user,
                    io.agora.rtm.RtmTokenBuilder.Role.Rtm_User, ts);
            Token d = Tokens.parse(drop);
            assertEquals(TokenBuilder.of(APP_ID, CERT).with006Issue(d.salt(), d.ts()).rtm006(user, ts), drop);
        }
    }

    @Test
    void accessToken2PinnedThroughItsFields() throws Exception {
        for (int k = 0; k < N; k++) {
            String ch = channel();
            String acc = account();
            int issue = rnd.nextInt();
            int salt = rnd.nextInt();
            int e = seconds();
            Object off = Official.cls("io.agora.media.AccessToken2").getConstructor(String.class, String.class,
                    int.class).newInstance(APP_ID, CERT, e);
            off.getClass().getField("issueTs").setInt(off, issue);
            off.getClass().getField("salt").setInt(off, salt);
            Object rtc = Official.cls("io.agora.media.AccessToken2$ServiceRtc").getConstructor(String.class,
                    String.class).newInstance(ch, acc);
            Official.call(rtc, "addPrivilegeRtc",
                    Official.constant("io.agora.media.AccessToken2$PrivilegeRtc", "PRIVILEGE_JOIN_CHANNEL"), e);
            Official.call(off, "addService", rtc);
            String official = (String) Official.call(off, "build");

            io.agora.media.AccessToken2 ours = new io.agora.media.AccessToken2(APP_ID, CERT, e);
            ours.issueTs = issue;
            ours.salt = salt;
            io.agora.media.AccessToken2.ServiceRtc s = new io.agora.media.AccessToken2.ServiceRtc(ch, acc);
            s.addPrivilegeRtc(io.agora.media.AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, e);
            ours.addService(s);
            String mine = ours.build();
            assertEquals(Tokens.contentHex(official), Tokens.contentHex(mine));

            io.agora.media.AccessToken2 back = new io.agora.media.AccessToken2();
            assertTrue(back.parse(official));
            assertEquals(issue, back.issueTs);
            assertEquals(salt, back.salt);
            assertEquals(ch, ((io.agora.media.AccessToken2.ServiceRtc) back.services.get((short) 1)).getChannelName());
        }
    }

    /**
     * Known difference, pinned: the official salts are any int
     * ({@code SecureRandom.nextInt()}); Agora's other implementations and
     * token-core draw from [1, 99999999].
     */
    @Test
    void saltRange() {
        Object off = Official.make("io.agora.rtm.RtmTokenBuilder2");
        int outside = 0;
        for (int k = 0; k < 2000; k++) {
            Object p = Official.parse((String) Official.call(off, "buildToken", APP_ID, CERT, "u", 60));
            int salt = Official.intField(p, "salt");
            if (salt < 1 || salt > 99_999_999) {
                outside++;
            }
            long ours = Tokens.parse(new io.agora.rtm.RtmTokenBuilder2().buildToken(APP_ID, CERT, "u", 60)).salt();
            assertTrue(ours >= 1 && ours <= 99_999_999, "our salt " + ours);
        }
        assertTrue(outside > 1900, "official salts outside [1, 99999999]: " + outside);
    }
}
