package io.github.agoratoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.apaas.ApaasTokenBuilder;
import io.agora.chat.ChatTokenBuilder2;
import io.agora.media.AccessToken2;
import io.agora.media.FpaTokenBuilder;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import io.agora.rtm.RtmTokenBuilder;
import io.agora.rtm.RtmTokenBuilder2;
import org.junit.jupiter.api.Test;

/**
 * The official artifact's public-API behaviour, on our drop-in classes. The
 * sources jar of io.agora:authentication 2.1.3 holds no tests, so these are
 * written from its documented behaviour and the facts of the AgoraIO/Tools
 * Java tests (inputs and expected tokens; compared by content, since zlib
 * output may differ).
 */
class OfficialApiTest {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final String UID = "2882341273";
    // AgoraIO/Tools' Java tests: RTC (join, 600 s) for CHANNEL/UID, issue ts 1111111, salt 1.
    static final String RTC_TOKEN = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";
    static final String CHAT_APP_TOKEN = "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr";

    static AccessToken2 pinned() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.issueTs = 1111111;
        t.salt = 1;
        return t;
    }

    @Test
    void accessToken2BuildsTheOfficialTestTokens() throws Exception {
        AccessToken2 t = pinned();
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(CHANNEL, UID);
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        t.addService(rtc);
        assertEquals(Tokens.contentHex(RTC_TOKEN), Tokens.contentHex(t.build()));
        AccessToken2 c = pinned();
        AccessToken2.ServiceChat chat = new AccessToken2.ServiceChat();
        chat.addPrivilegeChat(AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_APP, 600);
        c.addService(chat);
        assertEquals(Tokens.contentHex(CHAT_APP_TOKEN), Tokens.contentHex(c.build()));
    }

    @Test
    void accessToken2Parses() {
        AccessToken2 t = new AccessToken2();
        assertTrue(t.parse(RTC_TOKEN));
        assertEquals(APP_ID, t.appId);
        assertEquals(600, t.expire);
        assertEquals(1111111, t.issueTs);
        assertEquals(1, t.salt);
        AccessToken2.ServiceRtc rtc = (AccessToken2.ServiceRtc) t.services.get(AccessToken2.SERVICE_TYPE_RTC);
        assertEquals(CHANNEL, rtc.getChannelName());
        assertEquals(UID, rtc.getUid());
        assertEquals(600, (int) rtc.getPrivileges().get(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue));
        AccessToken2 c = new AccessToken2();
        assertTrue(c.parse(CHAT_APP_TOKEN));
        assertEquals("", ((AccessToken2.ServiceChat) c.services.get(AccessToken2.SERVICE_TYPE_CHAT)).getUserId());
        assertFalse(new AccessToken2().parse("006" + RTC_TOKEN.substring(3)));
        assertFalse(new AccessToken2().parse("007garbage!"));
        // The official parse reads the prefix before anything else.
        assertThrows(StringIndexOutOfBoundsException.class, () -> new AccessToken2().parse("00"));
        assertEquals("", AccessToken2.getUidStr(0));
        assertEquals("123", AccessToken2.getUidStr(123));
        assertEquals("4294967295", AccessToken2.getUidStr(-1));
        assertThrows(IllegalArgumentException.class, () -> new AccessToken2().getService((short) 3));
    }

    /** Known difference, pinned: the official class signs a token with no service; ours refuses it. */
    @Test
    void accessToken2WithoutServiceIsRefused() {
        AgoraTokenException e = assertThrows(AgoraTokenException.class, () -> pinned().build());
        assertEquals(AgoraTokenException.Kind.NO_SERVICE, e.kind());
    }

    @Test
    void buildersReturnEmptyStringWhereTheOfficialOnesDo() throws Exception {
        RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
        assertEquals("", rtc.buildTokenWithUid("bad", CERT, "c", 1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 1, 1));
        assertEquals("", rtc.buildTokenWithUid(APP_ID, "bad", "c", 1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 1, 1));
        assertEquals("", rtc.buildTokenWithUid(APP_ID, CERT, null, 1, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 1, 1));
        assertEquals("", rtc.buildTokenWithUserAccount(APP_ID, CERT, "c", null, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                1, 1));
        assertEquals("", new RtmTokenBuilder2().buildToken(APP_ID, CERT, null, 1));
        assertEquals("", new ChatTokenBuilder2().buildUserToken(APP_ID, CERT, null, 1));
        assertEquals("", new FpaTokenBuilder().buildToken(null, CERT));
        assertEquals("", new ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, "r", "u", null, 1));
        assertEquals("", new RtcTokenBuilder().buildTokenWithUid("bad", CERT, "c", 1,
                RtcTokenBuilder.Role.Role_Publisher, 0));
        assertEquals("", new RtmTokenBuilder().buildToken("bad", CERT, "u", RtmTokenBuilder.Role.Rtm_User, 0));
        assertThrows(NullPointerException.class,
                () -> new RtmTokenBuilder().buildToken(APP_ID, CERT, null, RtmTokenBuilder.Role.Rtm_User, 0));
        // Leniency: what the checked API refuses, the drop-ins build.
        String t = rtc.buildTokenWithUserAccount(APP_ID, CERT, "a 64-byte channel name ...........................",
                "", null, 1, 1);
        assertTrue(t.startsWith("007"));
        assertEquals(1, Tokens.parse(t).services().get(0).privileges().size(), "a null role joins only");
    }

    /**
     * Known difference, pinned: the official Java MD5 text pads at most one
     * leading zero; "user-316" hashes to 001fd039..., whose official Chat
     * user ID has 31 characters. Ours keeps 32, as Agora's other builders.
     */
    @Test
    void roomUserChatIdKeepsEveryLeadingZero() {
        String t = new ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, "room", "user-316", (short) 1, 600);
        assertEquals("001fd03972726e18e32426122f82c8fc", DifferentialTest.chat(Tokens.parse(t)).userId());
        Object official = Official.make("io.agora.apaas.ApaasTokenBuilder");
        String o = (String) Official.call(official, "buildRoomUserToken", APP_ID, CERT, "room", "user-316",
                (short) 1, 600);
        assertEquals("01fd03972726e18e32426122f82c8fc", DifferentialTest.chat(Tokens.parse(o)).userId());
    }
}
