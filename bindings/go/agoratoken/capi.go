package agoratoken

// The one file that declares the C calls of libagora_token. By default the
// static library is linked (pkg-config --static gives the include path, the
// library path and the system libraries it needs; -Bstatic picks
// libagora_token.a over the .so, and --as-needed drops the .so that the
// pkg-config line names too), so a program runs without LD_LIBRARY_PATH.
// Build with -tags agora_token_shared to link libagora_token.so instead.

/*
#cgo !agora_token_shared pkg-config: --static agora_token
#cgo !agora_token_shared LDFLAGS: -Wl,-Bstatic -lagora_token -Wl,-Bdynamic -Wl,--as-needed
#cgo agora_token_shared pkg-config: agora_token
#include <stdlib.h>
#include "agora_token.h"
*/
import "C"

import (
	"sort"
	"strings"
	"unsafe"
)

// cargs holds the C memory of one call: every C string and array made for
// it, freed together after the call.
type cargs struct {
	ptrs []unsafe.Pointer
	err  error
}

// str copies s into C memory. A NUL byte cannot cross the C ABI, so it
// becomes an invalid_input error naming the field (the call still runs on
// the truncated copy, and its result is dropped).
func (a *cargs) str(field, s string) *C.char {
	if a.err == nil && strings.IndexByte(s, 0) >= 0 {
		a.err = &Error{Kind: KindInvalidInput, Field: field, Rule: "must not contain a NUL byte"}
	}
	p := C.CString(s)
	a.ptrs = append(a.ptrs, unsafe.Pointer(p))
	return p
}

// arg gives s as a direct argument of the call: a NUL-terminated copy in
// Go memory, which C reads during the call and does not keep (cgo's pointer
// rules allow that for memory holding no Go pointers). No C allocation, so
// none of the cgo calls that malloc and free would cost. Strings that C
// structs point to (services, permission resources) use str instead: C
// memory must not hold Go pointers.
func (a *cargs) arg(field, s string) *C.char {
	if a.err == nil && strings.IndexByte(s, 0) >= 0 {
		a.err = &Error{Kind: KindInvalidInput, Field: field, Rule: "must not contain a NUL byte"}
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return (*C.char)(unsafe.Pointer(&b[0]))
}

// alloc returns zeroed C memory freed with the call's arguments.
func (a *cargs) alloc(size uintptr) unsafe.Pointer {
	if size == 0 {
		size = 1
	}
	p := C.calloc(1, C.size_t(size))
	a.ptrs = append(a.ptrs, p)
	return p
}

func (a *cargs) free() {
	for _, p := range a.ptrs {
		C.free(p)
	}
	a.ptrs = nil
}

// strs copies a list of strings into a C array of C strings.
func (a *cargs) strs(field string, list []string) (**C.char, C.size_t) {
	if len(list) == 0 {
		return nil, 0
	}
	arr := (*[1 << 28]*C.char)(a.alloc(uintptr(len(list)) * unsafe.Sizeof((*C.char)(nil))))[:len(list):len(list)]
	for i, s := range list {
		arr[i] = a.str(field, s)
	}
	return &arr[0], C.size_t(len(list))
}

// permissions copies RTM 2.x permissions into a C array.
func (a *cargs) permissions(list []Permission) (*C.AgoraTokenRtm2Permission, C.size_t) {
	if len(list) == 0 {
		return nil, 0
	}
	arr := (*[1 << 24]C.AgoraTokenRtm2Permission)(a.alloc(uintptr(len(list)) * C.sizeof_AgoraTokenRtm2Permission))[:len(list):len(list)]
	for i, p := range list {
		res, n := a.strs("permissions", p.Resources)
		arr[i] = C.AgoraTokenRtm2Permission{
			resource_type:   C.uint16_t(p.ResourceType),
			permission_type: C.uint16_t(p.PermissionType),
			resources:       res,
			resource_count:  n,
		}
	}
	return &arr[0], C.size_t(len(list))
}

// privileges copies a privilege map into a C array, sorted by id.
func (a *cargs) privileges(m map[uint16]uint32) (*C.AgoraTokenPrivilege, C.size_t) {
	if len(m) == 0 {
		return nil, 0
	}
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, int(id))
	}
	sort.Ints(ids)
	arr := (*[1 << 20]C.AgoraTokenPrivilege)(a.alloc(uintptr(len(ids)) * C.sizeof_AgoraTokenPrivilege))[:len(ids):len(ids)]
	for i, id := range ids {
		arr[i] = C.AgoraTokenPrivilege{id: C.uint16_t(id), expire: C.uint32_t(m[uint16(id)])}
	}
	return &arr[0], C.size_t(len(ids))
}

// services copies explicit services into a C array.
func (a *cargs) services(list []Service) (*C.AgoraTokenService, C.size_t) {
	if len(list) == 0 {
		return nil, 0
	}
	arr := (*[1 << 20]C.AgoraTokenService)(a.alloc(uintptr(len(list)) * C.sizeof_AgoraTokenService))[:len(list):len(list)]
	for i, s := range list {
		privs, np := a.privileges(s.Privileges)
		perms, nperm := a.permissions(s.Permissions)
		arr[i] = C.AgoraTokenService{
			service_type:     C.uint16_t(s.Type),
			privileges:       privs,
			privilege_count:  np,
			channel_name:     a.str("channel_name", s.ChannelName),
			uid:              a.str("uid", s.UID),
			user_id:          a.str("user_id", s.UserID),
			account:          a.str("account", s.Account),
			room_uuid:        a.str("room_uuid", s.RoomUUID),
			user_uuid:        a.str("user_uuid", s.UserUUID),
			role:             C.int16_t(s.Role),
			permissions:      perms,
			permission_count: nperm,
		}
	}
	return &arr[0], C.size_t(len(list))
}

// options converts Options to the C struct (nil for the defaults).
func (a *cargs) options(o Options) *C.AgoraTokenOptions {
	var flags C.uint32_t
	if o.Fixed {
		flags |= C.AGORA_TOKEN_OPTION_FIXED_ISSUE
	}
	if o.Lenient {
		flags |= C.AGORA_TOKEN_OPTION_LENIENT
	}
	if flags == 0 {
		return nil
	}
	// Go memory, as arg: the struct holds no pointers.
	return &C.AgoraTokenOptions{flags: flags, issue_ts: C.uint32_t(o.IssueTs), salt: C.uint32_t(o.Salt), ts: C.uint32_t(o.Ts)}
}

// call runs one C function with its out-parameter and out_error, and
// turns the result into a Go string or an *Error. Both C strings are freed
// here, right after copying.
func call(a *cargs, f func(out, outErr **C.char) C.enum_AgoraTokenStatus) (string, error) {
	defer a.free()
	var out, msg *C.char
	status := f(&out, &msg)
	defer freeString(out)
	defer freeString(msg)
	if a.err != nil { // an argument could not be converted; its result is dropped
		return "", a.err
	}
	if status != C.AGORA_TOKEN_STATUS_OK {
		return "", newError(Kind(status), C.GoString(msg))
	}
	return C.GoString(out), nil
}

// callParsed is call for the functions that give an AgoraTokenParsed: the
// struct is copied into Go values and freed here.
func callParsed(a *cargs, f func(out **C.AgoraTokenParsed, outErr **C.char) C.enum_AgoraTokenStatus) (*Token, error) {
	defer a.free()
	var out *C.AgoraTokenParsed
	var msg *C.char
	status := f(&out, &msg)
	if out != nil {
		defer C.agora_token_parsed_free(out)
	}
	defer freeString(msg)
	if a.err != nil {
		return nil, a.err
	}
	if status != C.AGORA_TOKEN_STATUS_OK {
		return nil, newError(Kind(status), C.GoString(msg))
	}
	return goToken(out), nil
}

func goToken(p *C.AgoraTokenParsed) *Token {
	t := &Token{
		Version:        "006",
		AppID:          C.GoString(p.app_id),
		Salt:           uint32(p.salt),
		ExpiresAt:      int64(p.expires_at),
		IssueTs:        uint32(p.issue_ts),
		Expire:         uint32(p.expire),
		Ts:             uint32(p.ts),
		CRCChannelName: uint32(p.crc_channel_name),
		CRCUID:         uint32(p.crc_uid),
		Privileges:     goPrivileges(p.privileges, p.privilege_count),
	}
	if p.version == 7 {
		t.Version = "007"
	}
	if p.unknown_service_type >= 0 {
		v := uint16(p.unknown_service_type)
		t.UnknownServiceType = &v
	}
	services := unsafe.Slice(p.services, int(p.service_count))
	if len(services) > 0 {
		t.Services = make([]ParsedService, len(services))
	}
	for i := range services {
		s := &services[i]
		t.Services[i] = ParsedService{
			Type:        C.GoString(s.type_name),
			TypeID:      uint16(s.service_type),
			Privileges:  goPrivileges(s.privileges, s.privilege_count),
			ChannelName: C.GoString(s.channel_name),
			UID:         C.GoString(s.uid),
			UserID:      C.GoString(s.user_id),
			Account:     C.GoString(s.account),
			RoomUUID:    C.GoString(s.room_uuid),
			UserUUID:    C.GoString(s.user_uuid),
			Role:        int16(s.role),
		}
		for _, e := range unsafe.Slice(s.permissions, int(s.permission_count)) {
			resources := make([]string, int(e.resource_count))
			for j, r := range unsafe.Slice(e.resources, int(e.resource_count)) {
				resources[j] = C.GoString(r)
			}
			t.Services[i].Permissions = append(t.Services[i].Permissions, Permission{
				ResourceType: uint16(e.resource_type), PermissionType: uint16(e.permission_type), Resources: resources,
			})
		}
	}
	return t
}

func goPrivileges(p *C.AgoraTokenParsedPrivilege, n C.size_t) []Privilege {
	if n == 0 {
		return nil
	}
	list := make([]Privilege, int(n))
	for i, c := range unsafe.Slice(p, int(n)) {
		list[i] = Privilege{ID: uint16(c.id), Name: C.GoString(c.name), Expire: uint32(c.expire), ExpiresAt: int64(c.expires_at)}
	}
	return list
}

func issue() (issueTs, salt uint32, err error) {
	var ts, s C.uint32_t
	var msg *C.char
	status := C.agora_token_v007_issue(&ts, &s, &msg)
	defer freeString(msg)
	if status != C.AGORA_TOKEN_STATUS_OK {
		return 0, 0, newError(Kind(status), C.GoString(msg))
	}
	return uint32(ts), uint32(s), nil
}

// freeString frees a string of the library; NULL costs no cgo call.
func freeString(s *C.char) {
	if s != nil {
		C.agora_token_string_free(s)
	}
}

func statusName(k Kind) string {
	return C.GoString(C.agora_token_status_name(C.int32_t(k)))
}

func cRole(r int32) C.int32_t { return C.int32_t(r) }

func u32(v uint32) C.uint32_t { return C.uint32_t(v) }

func (b Builder) rtcWithUID(channel string, uid uint32, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtc_build_with_uid(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), u32(uid), cRole(int32(role)), u32(tokenExpire), u32(privilegeExpire), a.options(b.Options), out, e)
	})
}

func (b Builder) rtcWithAccount(channel, account string, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtc_build_with_user_account(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), a.arg("account", account), cRole(int32(role)), u32(tokenExpire), u32(privilegeExpire), a.options(b.Options), out, e)
	})
}

func (b Builder) rtcWithUIDAndPrivileges(channel string, uid uint32, tokenExpire uint32, p Privileges) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtc_build_with_uid_and_privilege(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), u32(uid), u32(tokenExpire), u32(p.JoinChannel), u32(p.PublishAudio), u32(p.PublishVideo), u32(p.PublishData), a.options(b.Options), out, e)
	})
}

func (b Builder) rtcWithAccountAndPrivileges(channel, account string, tokenExpire uint32, p Privileges) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtc_build_with_user_account_and_privilege(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), a.arg("account", account), u32(tokenExpire), u32(p.JoinChannel), u32(p.PublishAudio), u32(p.PublishVideo), u32(p.PublishData), a.options(b.Options), out, e)
	})
}

func (b Builder) rtcWithRTM(channel, account string, role Role, tokenExpire, privilegeExpire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtc_build_with_rtm(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), a.arg("account", account), cRole(int32(role)), u32(tokenExpire), u32(privilegeExpire), a.options(b.Options), out, e)
	})
}

// rtcRTM2 builds the RTC + RTM token of kind "rtc" (BuildTokenWithRtm2),
// "convoai" or "stt".
func (b Builder) rtcRTM2(kind string, r RTCWithRTM) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		appID, cert := a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate)
		channel, account := a.arg("channel_name", r.Channel), a.arg("rtc_account", r.RTCAccount)
		user, opts := a.arg("rtm_user_id", r.RTMUserID), a.options(b.Options)
		p := r.Privileges
		switch kind {
		case "convoai":
			return C.agora_token_convoai_build(appID, cert, channel, account, cRole(int32(r.RTCRole)), u32(r.RTCTokenExpire),
				u32(p.JoinChannel), u32(p.PublishAudio), u32(p.PublishVideo), u32(p.PublishData), user, u32(r.RTMTokenExpire), opts, out, e)
		case "stt":
			return C.agora_token_stt_build(appID, cert, channel, account, cRole(int32(r.RTCRole)), u32(r.RTCTokenExpire),
				u32(p.JoinChannel), u32(p.PublishAudio), u32(p.PublishVideo), u32(p.PublishData), user, u32(r.RTMTokenExpire), opts, out, e)
		}
		return C.agora_token_rtc_build_with_rtm2(appID, cert, channel, account, cRole(int32(r.RTCRole)), u32(r.RTCTokenExpire),
			u32(p.JoinChannel), u32(p.PublishAudio), u32(p.PublishVideo), u32(p.PublishData), user, u32(r.RTMTokenExpire), opts, out, e)
	})
}

func (b Builder) rtm(userID string, expire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_rtm_build(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), a.arg("user_id", userID), u32(expire), a.options(b.Options), out, e)
	})
}

func (b Builder) rtmWithPermissions(userID string, perms []Permission, expire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		p, n := a.permissions(perms)
		return C.agora_token_rtm_build_with_permissions(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), a.arg("user_id", userID), p, n, u32(expire), a.options(b.Options), out, e)
	})
}

func (b Builder) chatUser(userID string, expire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_chat_build_user_token(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), a.arg("user_id", userID), u32(expire), a.options(b.Options), out, e)
	})
}

func (b Builder) chatApp(expire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_chat_build_app_token(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), u32(expire), a.options(b.Options), out, e)
	})
}

func (b Builder) fpa() (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_fpa_build(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), a.options(b.Options), out, e)
	})
}

// apaas builds the APaaS ("apaas") or Education ("education") token of
// kind "room_user", "user" or "app".
func (b Builder) apaas(product, kind, roomUUID, userUUID string, role int16, expire uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		appID, cert, opts := a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), a.options(b.Options)
		edu := product == "education"
		switch kind {
		case "room_user":
			room, user := a.arg("room_uuid", roomUUID), a.arg("user_uuid", userUUID)
			if edu {
				return C.agora_token_education_build_room_user_token(appID, cert, room, user, C.int16_t(role), u32(expire), opts, out, e)
			}
			return C.agora_token_apaas_build_room_user_token(appID, cert, room, user, C.int16_t(role), u32(expire), opts, out, e)
		case "user":
			user := a.arg("user_uuid", userUUID)
			if edu {
				return C.agora_token_education_build_user_token(appID, cert, user, u32(expire), opts, out, e)
			}
			return C.agora_token_apaas_build_user_token(appID, cert, user, u32(expire), opts, out, e)
		}
		if edu {
			return C.agora_token_education_build_app_token(appID, cert, u32(expire), opts, out, e)
		}
		return C.agora_token_apaas_build_app_token(appID, cert, u32(expire), opts, out, e)
	})
}

func (b Builder) services(expire uint32, list []Service) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		s, n := a.services(list)
		return C.agora_token_v007_build(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate), u32(expire), s, n, a.options(b.Options), out, e)
	})
}

func (b Builder) v006RTCWithUID(channel string, uid uint32, role Role006, privilegeExpiredTs uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v006_rtc_build_with_uid(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), u32(uid), cRole(int32(role)), u32(privilegeExpiredTs), a.options(b.Options), out, e)
	})
}

func (b Builder) v006RTCWithAccount(channel, account string, role Role006, privilegeExpiredTs uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v006_rtc_build_with_user_account(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("channel_name", channel), a.arg("account", account), cRole(int32(role)), u32(privilegeExpiredTs), a.options(b.Options), out, e)
	})
}

func (b Builder) v006RTM(userAccount string, privilegeExpiredTs uint32) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v006_rtm_build(a.arg("app_id", b.AppID), a.arg("app_certificate", b.AppCertificate),
			a.arg("user_account", userAccount), u32(privilegeExpiredTs), a.options(b.Options), out, e)
	})
}

func parseJSON(token string) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_parse(a.arg("token", token), out, e)
	})
}

func parse(token string) (*Token, error) {
	a := &cargs{}
	return callParsed(a, func(out **C.AgoraTokenParsed, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_parse_struct(a.arg("token", token), out, e)
	})
}

func verify007Token(token, appCertificate string) (*Token, error) {
	a := &cargs{}
	return callParsed(a, func(out **C.AgoraTokenParsed, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v007_verify_struct(a.arg("token", token), a.arg("app_certificate", appCertificate), out, e)
	})
}

func verify006Token(token, appCertificate, channel, uid string) (*Token, error) {
	a := &cargs{}
	return callParsed(a, func(out **C.AgoraTokenParsed, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v006_verify_struct(a.arg("token", token), a.arg("app_certificate", appCertificate),
			a.arg("channel_name", channel), a.arg("uid", uid), out, e)
	})
}

func contentHex(token string) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v007_content_hex(a.arg("token", token), out, e)
	})
}

func checkJSON(token, appCertificate, request string, now uint64) (string, error) {
	a := &cargs{}
	return call(a, func(out, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_check(a.arg("token", token), a.arg("app_certificate", appCertificate), a.arg("request", request), C.uint64_t(now), out, e)
	})
}

func verify007(token, appCertificate string) error {
	a := &cargs{}
	_, err := call(a, func(_, e **C.char) C.enum_AgoraTokenStatus {
		return C.agora_token_v007_verify(a.arg("token", token), a.arg("app_certificate", appCertificate), nil, e)
	})
	return err
}
