// The Go surface of scripts/test-conformance: the idiomatic package
// (agoratoken, checked, pinned to the case's issue ts and salt) and the
// drop-in packages (the official Go names; not pinned, re-pinned by the
// driver, except accesstoken2 whose IssueTs and Salt are fields).
//
//	go_worker < requests.jsonl
//
// Reads {"id", "api": "idiomatic"|"dropin", "builder", "inputs", "token"};
// writes {"id", "offered": false, "reason"},
// {"id", "offered": true, "ok": true, "token", "pinned"[, "value"]} or
// {"id", "offered": true, "ok": false, "kind", "message"} (the
// *agoratoken.Error's kind name).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	rtc006 "github.com/agora-token/agora-token/bindings/go/RtcTokenBuilder"
	rtm006 "github.com/agora-token/agora-token/bindings/go/RtmTokenBuilder"
	accesstoken "github.com/agora-token/agora-token/bindings/go/accesstoken2"
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	apaas "github.com/agora-token/agora-token/bindings/go/apaastokenbuilder"
	chat "github.com/agora-token/agora-token/bindings/go/chatTokenBuilder"
	convoai "github.com/agora-token/agora-token/bindings/go/convoaitokenbuilder"
	education "github.com/agora-token/agora-token/bindings/go/educationtokenbuilder"
	fpa "github.com/agora-token/agora-token/bindings/go/fpatokenbuilder"
	rtc "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
	rtm "github.com/agora-token/agora-token/bindings/go/rtmtokenbuilder2"
	stt "github.com/agora-token/agora-token/bindings/go/stttokenbuilder"
)

type notOffered string

// in reads a case's inputs; a number that does not fit the Go parameter
// makes the case "not offered" (the type cannot hold it).
type in map[string]any

func (i in) s(k string) string { v, _ := i[k].(string); return v }

func (i in) has(k string) bool { _, ok := i[k]; return ok }

func (i in) n(k string, max float64) float64 {
	v, _ := i[k].(float64)
	if v < 0 || v > max || v != math.Trunc(v) {
		panic(notOffered(fmt.Sprintf("%s=%v: the parameter is a uint32 in Go", k, i[k])))
	}
	return v
}

func (i in) i32(k string) int32 {
	v, _ := i[k].(float64)
	if v < math.MinInt32 || v > math.MaxInt32 {
		panic(notOffered(k + ": the parameter is an int32 in Go"))
	}
	return int32(v)
}

func (i in) u32(k string) uint32 { return uint32(i.n(k, math.MaxUint32)) }

func (i in) i16(k string) int16 {
	v, _ := i[k].(float64)
	if v < math.MinInt16 || v > math.MaxInt16 {
		panic(notOffered(k + ": the parameter is an int16 in Go"))
	}
	return int16(v)
}

func (i in) privileges() agoratoken.Privileges {
	return agoratoken.Privileges{JoinChannel: i.u32("join_channel_privilege_expire"), PublishAudio: i.u32("pub_audio_privilege_expire"),
		PublishVideo: i.u32("pub_video_privilege_expire"), PublishData: i.u32("pub_data_stream_privilege_expire")}
}

func (i in) permissions(key string) []agoratoken.Permission {
	var out []agoratoken.Permission
	list, _ := i[key].([]any)
	for _, e := range list {
		m := in(e.(map[string]any))
		var res []string
		for _, r := range m["resources"].([]any) {
			res = append(res, r.(string))
		}
		out = append(out, agoratoken.Permission{ResourceType: uint16(m.n("resource_type", 65535)), PermissionType: uint16(m.n("permission_type", 65535)), Resources: res})
	}
	return out
}

// rtcUser is the uid (a number) or the account (text) of key uidKey or accountKey.
func (i in) rtcUser(uidKey, accountKey string) (uint32, string, bool) {
	if i.has(uidKey) {
		return i.u32(uidKey), "", true
	}
	return 0, i.s(accountKey), false
}

func (i in) rtcAccount() string {
	if i.has("rtc_uid") {
		return accesstoken.GetUidStr(i.u32("rtc_uid"))
	}
	return i.s("rtc_account")
}

func (i in) rtcRTM() agoratoken.RTCWithRTM {
	return agoratoken.RTCWithRTM{Channel: i.s("channel_name"), RTCAccount: i.rtcAccount(), RTCRole: agoratoken.Role(i.i32("rtc_role")),
		RTCTokenExpire: i.u32("rtc_token_expire"), Privileges: i.privileges(), RTMUserID: i.s("rtm_user_id"), RTMTokenExpire: i.u32("rtm_token_expire")}
}

func services(i in) []agoratoken.Service {
	var out []agoratoken.Service
	for _, e := range i["services"].([]any) {
		m := in(e.(map[string]any))
		privs := map[uint16]uint32{}
		for k, v := range m["privileges"].(map[string]any) {
			id, _ := strconv.Atoi(k)
			privs[uint16(id)] = uint32(v.(float64))
		}
		out = append(out, agoratoken.Service{Type: uint16(m.n("type", 65535)), Privileges: privs, ChannelName: m.s("channel_name"), UID: m.s("uid"),
			UserID: m.s("user_id"), Account: m.s("account"), RoomUUID: m.s("room_uuid"), UserUUID: m.s("user_uuid"), Role: m.i16("role"),
			Permissions: m.permissions("permissions")})
	}
	return out
}

func legacy(b string) bool {
	f := strings.Split(b, ".")[0]
	return f == "dk3" || f == "dk4" || f == "dk5" || f == "signaling"
}

// idiomatic: agoratoken, checked, pinned.
func idiomatic(b string, i in, token string) (string, any) {
	if legacy(b) {
		panic(notOffered("agoratoken has no legacy DynamicKey/Signaling builders"))
	}
	o := agoratoken.Builder{AppID: i.s("app_id"), AppCertificate: i.s("app_certificate")}
	if strings.HasPrefix(b, "rtc006.") || b == "rtm006.token" {
		o.Options = agoratoken.Options{Fixed: true, Salt: i.u32("salt"), Ts: i.u32("ts")}
	} else if b != "parse" && b != "verify" {
		o.Options = agoratoken.Options{Fixed: true, IssueTs: i.u32("issue_ts"), Salt: i.u32("salt")}
	}
	var t string
	var err error
	switch b {
	case "parse":
		_, err = agoratoken.Parse(token)
	case "verify":
		if strings.HasPrefix(token, "006") {
			uid := i.s("account")
			if i.has("uid") {
				uid = accesstoken.GetUidStr(i.u32("uid"))
			}
			_, err = agoratoken.Verify006(token, i.s("app_certificate"), i.s("channel_name"), uid)
		} else {
			_, err = agoratoken.Verify(token, i.s("app_certificate"))
		}
	case "rtc.with_uid", "rtc.with_user_account":
		uid, account, isUID := i.rtcUser("uid", "account")
		role := agoratoken.Role(i.i32("role"))
		if isUID {
			t, err = o.RTCWithUID(i.s("channel_name"), uid, role, i.u32("token_expire"), i.u32("privilege_expire"))
		} else {
			t, err = o.RTCWithAccount(i.s("channel_name"), account, role, i.u32("token_expire"), i.u32("privilege_expire"))
		}
	case "rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege":
		uid, account, isUID := i.rtcUser("uid", "account")
		if isUID {
			t, err = o.RTCWithUIDAndPrivileges(i.s("channel_name"), uid, i.u32("token_expire"), i.privileges())
		} else {
			t, err = o.RTCWithAccountAndPrivileges(i.s("channel_name"), account, i.u32("token_expire"), i.privileges())
		}
	case "rtc.with_rtm":
		t, err = o.RTCWithRTM(i.s("channel_name"), i.s("account"), agoratoken.Role(i.i32("role")), i.u32("token_expire"), i.u32("privilege_expire"))
	case "rtc.with_rtm2":
		t, err = o.RTCWithRTM2(i.rtcRTM())
	case "convoai.token":
		t, err = o.ConvoAI(i.rtcRTM())
	case "stt.token":
		t, err = o.STT(i.rtcRTM())
	case "rtm.token":
		t, err = o.RTM(i.s("user_id"), i.u32("expire"))
	case "rtm.token_with_permissions":
		t, err = o.RTMWithPermissions(i.s("user_id"), i.permissions("permissions"), i.u32("expire"))
	case "chat.user":
		t, err = o.ChatUser(i.s("user_id"), i.u32("expire"))
	case "chat.app":
		t, err = o.ChatApp(i.u32("expire"))
	case "fpa.token":
		t, err = o.FPA()
	case "apaas.room_user":
		t, err = o.APaaSRoomUser(i.s("room_uuid"), i.s("user_uuid"), i.i16("role"), i.u32("expire"))
	case "apaas.user":
		t, err = o.APaaSUser(i.s("user_uuid"), i.u32("expire"))
	case "apaas.app":
		t, err = o.APaaSApp(i.u32("expire"))
	case "education.room_user":
		t, err = o.EducationRoomUser(i.s("room_uuid"), i.s("user_uuid"), i.i16("role"), i.u32("expire"))
	case "education.user":
		t, err = o.EducationUser(i.s("user_uuid"), i.u32("expire"))
	case "education.app":
		t, err = o.EducationApp(i.u32("expire"))
	case "access_token2.services":
		t, err = o.Services(i.u32("expire"), services(i)...)
	case "rtc006.with_uid", "rtc006.with_user_account":
		uid, account, isUID := i.rtcUser("uid", "account")
		role := agoratoken.Role006(i.i32("role"))
		if isUID {
			t, err = o.RTC006WithUID(i.s("channel_name"), uid, role, i.u32("privilege_expired_ts"))
		} else {
			t, err = o.RTC006WithAccount(i.s("channel_name"), account, role, i.u32("privilege_expired_ts"))
		}
	case "rtm006.token":
		t, err = o.RTM006(i.s("user_account"), i.u32("privilege_expired_ts"))
	default:
		panic(notOffered("no agoratoken call for " + b))
	}
	if err != nil {
		panic(err)
	}
	return t, nil
}

// dropin: the official Go names. Returns the token, and for verify the
// drop-in's boolean.
func dropin(b string, i in, token string) (string, any) {
	if legacy(b) {
		panic(notOffered("the Go binding has no drop-in for the official DynamicKey/Signaling packages"))
	}
	appID, cert := i.s("app_id"), i.s("app_certificate")
	var t string
	var err error
	switch b {
	case "parse":
		_, err = accesstoken.CreateAccessToken().Parse(token)
	case "verify":
		if strings.HasPrefix(token, "006") {
			panic(notOffered("the official Go 006 packages have no verify"))
		}
		p := accesstoken.CreateAccessToken()
		if _, err = p.Parse(token); err == nil {
			var ok bool
			if ok, err = p.VerifySignature(cert); err == nil {
				return "", ok
			}
		}
	case "rtc.with_uid", "rtc.with_user_account":
		uid, account, isUID := i.rtcUser("uid", "account")
		role := rtc.Role(i.n("role", 65535))
		if isUID {
			t, err = rtc.BuildTokenWithUid(appID, cert, i.s("channel_name"), uid, role, i.u32("token_expire"), i.u32("privilege_expire"))
		} else {
			t, err = rtc.BuildTokenWithUserAccount(appID, cert, i.s("channel_name"), account, role, i.u32("token_expire"), i.u32("privilege_expire"))
		}
	case "rtc.with_uid_and_privilege", "rtc.with_user_account_and_privilege":
		uid, account, isUID := i.rtcUser("uid", "account")
		p := i.privileges()
		if isUID {
			t, err = rtc.BuildTokenWithUidAndPrivilege(appID, cert, i.s("channel_name"), uid, i.u32("token_expire"), p.JoinChannel, p.PublishAudio, p.PublishVideo, p.PublishData)
		} else {
			t, err = rtc.BuildTokenWithUserAccountAndPrivilege(appID, cert, i.s("channel_name"), account, i.u32("token_expire"), p.JoinChannel, p.PublishAudio, p.PublishVideo, p.PublishData)
		}
	case "rtc.with_rtm":
		t, err = rtc.BuildTokenWithRtm(appID, cert, i.s("channel_name"), i.s("account"), rtc.Role(i.n("role", 65535)), i.u32("token_expire"), i.u32("privilege_expire"))
	case "rtc.with_rtm2", "convoai.token", "stt.token":
		r := i.rtcRTM()
		p := r.Privileges
		build := map[string]func(string, string, string, string, rtc.Role, uint32, uint32, uint32, uint32, uint32, string, uint32) (string, error){
			"rtc.with_rtm2": rtc.BuildTokenWithRtm2, "convoai.token": convoai.BuildToken, "stt.token": stt.BuildToken,
		}[b]
		t, err = build(appID, cert, r.Channel, r.RTCAccount, rtc.Role(i.n("rtc_role", 65535)), r.RTCTokenExpire,
			p.JoinChannel, p.PublishAudio, p.PublishVideo, p.PublishData, r.RTMUserID, r.RTMTokenExpire)
	case "rtm.token":
		t, err = rtm.BuildToken(appID, cert, i.s("user_id"), i.u32("expire"))
	case "rtm.token_with_permissions":
		perms := accesstoken.NewRtm2Permissions()
		for _, p := range i.permissions("permissions") {
			perms.Add(p.ResourceType, p.PermissionType, p.Resources)
		}
		t, err = rtm.BuildTokenWithPermissions(appID, cert, i.s("user_id"), perms, i.u32("expire"))
	case "chat.user":
		t, err = chat.BuildChatUserToken(appID, cert, i.s("user_id"), i.u32("expire"))
	case "chat.app":
		t, err = chat.BuildChatAppToken(appID, cert, i.u32("expire"))
	case "fpa.token":
		t, err = fpa.BuildToken(appID, cert)
	case "apaas.room_user":
		t, err = apaas.BuildRoomUserToken(appID, cert, i.s("room_uuid"), i.s("user_uuid"), i.i16("role"), i.u32("expire"))
	case "apaas.user":
		t, err = apaas.BuildUserToken(appID, cert, i.s("user_uuid"), i.u32("expire"))
	case "apaas.app":
		t, err = apaas.BuildAppToken(appID, cert, i.u32("expire"))
	case "education.room_user":
		t, err = education.BuildRoomUserToken(appID, cert, i.s("room_uuid"), i.s("user_uuid"), i.i16("role"), i.u32("expire"))
	case "education.user":
		t, err = education.BuildUserToken(appID, cert, i.s("user_uuid"), i.u32("expire"))
	case "education.app":
		t, err = education.BuildAppToken(appID, cert, i.u32("expire"))
	case "access_token2.services":
		a := accesstoken.NewAccessToken(appID, cert, i.u32("expire"))
		a.IssueTs, a.Salt = i.u32("issue_ts"), i.u32("salt")
		for _, s := range services(i) {
			a.AddService(dropinService(s))
		}
		t, err = a.Build()
		if err != nil {
			panic(err)
		}
		return t, "pinned"
	case "rtc006.with_uid", "rtc006.with_user_account":
		uid, account, isUID := i.rtcUser("uid", "account")
		role := rtc006.Role(i.n("role", 65535))
		if isUID {
			t, err = rtc006.BuildTokenWithUID(appID, cert, i.s("channel_name"), uid, role, i.u32("privilege_expired_ts"))
		} else {
			t, err = rtc006.BuildTokenWithUserAccount(appID, cert, i.s("channel_name"), account, role, i.u32("privilege_expired_ts"))
		}
	case "rtm006.token":
		t, err = rtm006.BuildToken(appID, cert, i.s("user_account"), rtm006.RoleRtmUser, i.u32("privilege_expired_ts"))
	default:
		panic(notOffered("the official Go packages have no builder for " + b))
	}
	if err != nil {
		panic(err)
	}
	return t, nil
}

func dropinService(s agoratoken.Service) accesstoken.IService {
	var v accesstoken.IService
	var base *accesstoken.Service
	switch s.Type {
	case accesstoken.ServiceTypeRtc:
		x := accesstoken.NewServiceRtc(s.ChannelName, s.UID)
		v, base = x, x.Service
	case accesstoken.ServiceTypeRtm:
		x := accesstoken.NewServiceRtm(s.UserID)
		v, base = x, x.Service
	case accesstoken.ServiceTypeStreaming:
		x := accesstoken.NewServiceStreaming(s.ChannelName, s.Account)
		v, base = x, x.Service
	case accesstoken.ServiceTypeFpa:
		x := accesstoken.NewServiceFpa()
		v, base = x, x.Service
	case accesstoken.ServiceTypeChat:
		x := accesstoken.NewServiceChat(s.UserID)
		v, base = x, x.Service
	case accesstoken.ServiceTypeFCdn:
		x := accesstoken.NewServiceFCdn(s.ChannelName, s.Account)
		v, base = x, x.Service
	case accesstoken.ServiceTypeApaas:
		x := accesstoken.NewServiceApaas(s.RoomUUID, s.UserUUID, s.Role)
		v, base = x, x.Service
	case accesstoken.ServiceTypeRtm2:
		perms := accesstoken.NewRtm2Permissions()
		for _, p := range s.Permissions {
			perms.Add(p.ResourceType, p.PermissionType, p.Resources)
		}
		x := accesstoken.NewServiceRtm2(s.UserID, perms)
		v, base = x, x.Service
	default:
		panic(notOffered(fmt.Sprintf("the official accesstoken2 package has no service type %d", s.Type)))
	}
	for id, e := range s.Privileges {
		base.AddPrivilege(id, e)
	}
	return v
}

func run(req map[string]any) (out map[string]any) {
	api, _ := req["api"].(string)
	b, _ := req["builder"].(string)
	token, _ := req["token"].(string)
	i, _ := req["inputs"].(map[string]any)
	defer func() {
		switch r := recover().(type) {
		case nil:
		case notOffered:
			out = map[string]any{"offered": false, "reason": string(r)}
		case error:
			var e *agoratoken.Error
			kind := "untyped error"
			if errors.As(r, &e) {
				kind = e.Kind.String()
			}
			out = map[string]any{"offered": true, "ok": false, "kind": kind, "message": r.Error()}
		default:
			panic(r)
		}
	}()
	var t string
	var extra any
	if api == "idiomatic" {
		t, extra = idiomatic(b, in(i), token)
		out = map[string]any{"offered": true, "ok": true, "token": t, "pinned": true}
	} else {
		t, extra = dropin(b, in(i), token)
		out = map[string]any{"offered": true, "ok": true, "token": t, "pinned": extra == "pinned"}
		if v, ok := extra.(bool); ok {
			out["value"] = v
		}
	}
	return out
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var req map[string]any
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "go_worker:", err)
			os.Exit(2)
		}
		out := run(req)
		out["id"] = req["id"]
		line, _ := json.Marshal(out)
		w.Write(append(line, '\n'))
	}
}
