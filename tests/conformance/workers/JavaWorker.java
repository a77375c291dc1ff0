// The Java surface of scripts/test-conformance: the idiomatic API
// (io.github.agoratoken, checked, pinned to the case's issue ts and salt).
// The drop-in classes (io.agora.*) are compared with the official jar itself
// by bindings/java's differential tests.
//
//   java -cp agora-token-0.1.0.jar tests/conformance/workers/JavaWorker.java < requests.jsonl
//
// Reads {"id", "builder", "inputs", "token"}; writes {"id", "offered": false,
// "reason"}, {"id", "offered": true, "ok": true, "token", "pinned": true} or
// {"id", "offered": true, "ok": false, "kind", "message"} (the
// AgoraTokenException's kind name).

import io.github.agoratoken.AgoraTokenException;
import io.github.agoratoken.Permission;
import io.github.agoratoken.Privileges;
import io.github.agoratoken.Role;
import io.github.agoratoken.Role006;
import io.github.agoratoken.RtcRtm;
import io.github.agoratoken.Service;
import io.github.agoratoken.TokenBuilder;
import io.github.agoratoken.Tokens;
import io.github.agoratoken.internal.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class JavaWorker {
    static final class NotOffered extends RuntimeException {
        NotOffered(String why) {
            super(why);
        }
    }

    final Map<String, Object> in;

    JavaWorker(Map<String, Object> in) {
        this.in = in;
    }

    String s(String k) {
        Object v = in.get(k);
        return v instanceof String ? (String) v : "";
    }

    boolean has(String k) {
        return in.containsKey(k);
    }

    long n(String k) {
        Object v = in.get(k);
        if (!(v instanceof Number)) {
            throw new NotOffered(k + "=" + v + ": the parameter is a number in Java");
        }
        return ((Number) v).longValue();
    }

    Role role(String k) {
        long v = n(k);
        if (v == 1) {
            return Role.PUBLISHER;
        }
        if (v == 2) {
            return Role.SUBSCRIBER;
        }
        throw new NotOffered(k + "=" + v + ": the role is a Role enum in Java");
    }

    Role006 role006() {
        long v = n("role");
        for (Role006 r : Role006.values()) {
            if (r.value() == v) {
                return r;
            }
        }
        throw new NotOffered("role=" + v + ": the role is a Role006 enum in Java");
    }

    Privileges privileges() {
        return new Privileges(n("join_channel_privilege_expire"), n("pub_audio_privilege_expire"),
                n("pub_video_privilege_expire"), n("pub_data_stream_privilege_expire"));
    }

    @SuppressWarnings("unchecked")
    static List<Permission> permissions(Object list) {
        List<Permission> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Object o : (List<Object>) list) {
            JavaWorker m = new JavaWorker((Map<String, Object>) o);
            List<String> res = new ArrayList<>();
            for (Object r : (List<Object>) m.in.get("resources")) {
                res.add((String) r);
            }
            out.add(new Permission((int) m.n("resource_type"), (int) m.n("permission_type"), res));
        }
        return out;
    }

    RtcRtm rtcRtm() {
        Role r = role("rtc_role");
        return has("rtc_uid")
                ? RtcRtm.withUid(s("channel_name"), n("rtc_uid"), r, n("rtc_token_expire"), privileges(),
                        s("rtm_user_id"), n("rtm_token_expire"))
                : RtcRtm.withAccount(s("channel_name"), s("rtc_account"), r, n("rtc_token_expire"), privileges(),
                        s("rtm_user_id"), n("rtm_token_expire"));
    }

    @SuppressWarnings("unchecked")
    Service[] services() {
        List<Service> out = new ArrayList<>();
        for (Object o : (List<Object>) in.get("services")) {
            JavaWorker m = new JavaWorker((Map<String, Object>) o);
            Service s = Service.of((int) m.n("type"));
            ((Map<String, Object>) m.in.get("privileges")).forEach(
                    (id, e) -> s.privilege(Integer.parseInt(id), ((Number) e).longValue()));
            for (String f : new String[] {"channel_name", "uid", "account", "user_id", "room_uuid", "user_uuid"}) {
                if (m.has(f)) {
                    String v = m.s(f);
                    switch (f) {
                        case "channel_name": s.channelName(v); break;
                        case "uid": s.uid(v); break;
                        case "account": s.account(v); break;
                        case "user_id": s.userId(v); break;
                        case "room_uuid": s.roomUuid(v); break;
                        default: s.userUuid(v);
                    }
                }
            }
            if (m.has("role")) {
                s.role((int) m.n("role"));
            }
            permissions(m.in.get("permissions")).forEach(s::permission);
            out.add(s);
        }
        return out.toArray(new Service[0]);
    }

    String run(String b, String token) {
        if (b.startsWith("dk") || b.startsWith("signaling")) {
            throw new NotOffered("the Java binding has no legacy DynamicKey/Signaling builders");
        }
        TokenBuilder o = TokenBuilder.of(s("app_id"), s("app_certificate"));
        if (b.startsWith("rtc006.") || b.equals("rtm006.token")) {
            o = o.with006Issue(n("salt"), n("ts"));
        } else if (!b.equals("parse") && !b.equals("verify")) {
            o = o.withIssue(n("issue_ts"), n("salt"));
        }
        switch (b) {
            case "parse":
                Tokens.parse(token);
                return "";
            case "verify":
                if (token.startsWith("006")) {
                    String uid = has("uid") ? Long.toString(n("uid")) : s("account");
                    Tokens.verify006(token, s("app_certificate"), s("channel_name"), "0".equals(uid) ? "" : uid);
                } else {
                    Tokens.verify(token, s("app_certificate"));
                }
                return "";
            case "rtc.with_uid":
            case "rtc.with_user_account":
                return has("uid")
                        ? o.rtcWithUid(s("channel_name"), n("uid"), role("role"), n("token_expire"), n("privilege_expire"))
                        : o.rtcWithAccount(s("channel_name"), s("account"), role("role"), n("token_expire"),
                                n("privilege_expire"));
            case "rtc.with_uid_and_privilege":
            case "rtc.with_user_account_and_privilege":
                return has("uid") ? o.rtcWithUidAndPrivileges(s("channel_name"), n("uid"), n("token_expire"), privileges())
                        : o.rtcWithAccountAndPrivileges(s("channel_name"), s("account"), n("token_expire"), privileges());
            case "rtc.with_rtm":
                return o.rtcWithRtm(s("channel_name"), s("account"), role("role"), n("token_expire"), n("privilege_expire"));
            case "rtc.with_rtm2":
                return o.rtcWithRtm2(rtcRtm());
            case "convoai.token":
                return o.convoAi(rtcRtm());
            case "stt.token":
                return o.stt(rtcRtm());
            case "rtm.token":
                return o.rtm(s("user_id"), n("expire"));
            case "rtm.token_with_permissions":
                return o.rtmWithPermissions(s("user_id"), permissions(in.get("permissions")), n("expire"));
            case "chat.user":
                return o.chatUser(s("user_id"), n("expire"));
            case "chat.app":
                return o.chatApp(n("expire"));
            case "fpa.token":
                return o.fpa();
            case "apaas.room_user":
            case "education.room_user":
                return o.apaasRoomUser(s("room_uuid"), s("user_uuid"), (short) n("role"), n("expire"));
            case "apaas.user":
            case "education.user":
                return o.apaasUser(s("user_uuid"), n("expire"));
            case "apaas.app":
            case "education.app":
                return o.apaasApp(n("expire"));
            case "access_token2.services":
                return o.services(n("expire"), services());
            case "rtc006.with_uid":
            case "rtc006.with_user_account":
                return has("uid") ? o.rtc006WithUid(s("channel_name"), n("uid"), role006(), n("privilege_expired_ts"))
                        : o.rtc006WithAccount(s("channel_name"), s("account"), role006(), n("privilege_expired_ts"));
            case "rtm006.token":
                return o.rtm006(s("user_account"), n("privilege_expired_ts"));
            default:
                throw new NotOffered("no io.github.agoratoken call for " + b);
        }
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = r.readLine()) != null;) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> req = (Map<String, Object>) Json.parse(line);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("id", req.get("id"));
            try {
                Object inputs = req.get("inputs");
                String t = new JavaWorker(inputs == null ? Map.of() : (Map<String, Object>) inputs)
                        .run((String) req.get("builder"), req.get("token") == null ? "" : (String) req.get("token"));
                reply.put("offered", true);
                reply.put("ok", true);
                reply.put("token", t);
                reply.put("pinned", true);
            } catch (NotOffered e) {
                reply.put("offered", false);
                reply.put("reason", e.getMessage());
            } catch (AgoraTokenException e) {
                reply.put("offered", true);
                reply.put("ok", false);
                reply.put("kind", e.kind().wireName());
                reply.put("message", e.getMessage());
            } catch (NullPointerException e) {
                reply.put("offered", true);
                reply.put("ok", false);
                reply.put("kind", "null");
                reply.put("message", String.valueOf(e.getMessage()));
            }
            out.append(Json.write(reply)).append('\n');
        }
        System.out.print(out);
    }
}
