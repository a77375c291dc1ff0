package accesstoken2_test

import (
	"errors"
	"testing"
	"time"

	accesstoken "github.com/agora-token/agora-token/bindings/go/accesstoken2"
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
)

func TestBuildParseVerifyEveryService(t *testing.T) {
	tok := accesstoken.NewAccessToken(appID, cert, 600)
	tok.IssueTs, tok.Salt = 1700000000, 7
	rtc := accesstoken.NewServiceRtc("demo", accesstoken.GetUidStr(42))
	rtc.AddPrivilege(accesstoken.PrivilegeJoinChannel, 600)
	tok.AddService(rtc)
	s := accesstoken.NewServiceStreamingWithUid("live", 7)
	s.AddPrivilege(accesstoken.PrivilegeStreamingPublishMixStream, 0)
	tok.AddService(s)
	f := accesstoken.NewServiceFCdn("live", "acc")
	f.AddPrivilege(accesstoken.PrivilegeFCdnPlay, 60)
	tok.AddService(f)
	a := accesstoken.NewServiceApaas("room", "user", 1)
	a.AddPrivilege(accesstoken.PrivilegeApaasRoomUser, 60)
	tok.AddService(a)
	perms := accesstoken.NewRtm2Permissions()
	perms.Add(accesstoken.Rtm2ResourceUsers, accesstoken.Rtm2PermissionWrite, []string{"bob"})
	r2 := accesstoken.NewServiceRtm2("alice", perms)
	r2.AddPrivilege(accesstoken.PrivilegeLogin, 60)
	tok.AddService(r2)
	chat := accesstoken.NewServiceChat(accesstoken.Md5("user"))
	chat.AddPrivilege(accesstoken.PrivilegeChatUser, 60)
	tok.AddService(chat)
	text, err := tok.Build()
	if err != nil {
		t.Fatal(err)
	}

	parsed := accesstoken.CreateAccessToken()
	if ok, err := parsed.Parse(text); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if parsed.AppId != appID || parsed.IssueTs != 1700000000 || parsed.Salt != 7 || parsed.Expire != 600 || len(parsed.Services) != 6 {
		t.Fatalf("%+v", parsed)
	}
	got := parsed.GetServices(accesstoken.ServiceTypeRtm2)[0].(*accesstoken.ServiceRtm2)
	if got.UserId != "alice" || got.Permissions.Details[4][1][0] != "bob" {
		t.Fatalf("rtm2 %+v", got)
	}
	if got := parsed.GetServices(accesstoken.ServiceTypeStreaming)[0].(*accesstoken.ServiceStreaming); got.Account != "7" || got.ChannelName != "live" {
		t.Fatalf("streaming %+v", got)
	}
	if ok, err := parsed.VerifySignature(cert); !ok || err != nil {
		t.Fatal("verify", ok, err)
	}
	if ok, err := parsed.VerifySignature("0123456789abcdef0123456789abcdef"); ok || err != nil {
		t.Fatal("other certificate", ok, err)
	}
	// Same inputs, same token: the issue time and salt are the fields'.
	again, _ := tok.Build()
	if again != text {
		t.Fatal("not reproducible")
	}
}

func TestOfficialErrors(t *testing.T) {
	tok := accesstoken.NewAccessToken(appID, cert, 600)
	if res, err := tok.Build(); res != "" || !errors.Is(err, agoratoken.KindNoService) {
		t.Fatalf("no service: %q %v", res, err)
	}
	tok = accesstoken.NewAccessToken("nothex", cert, 600)
	tok.AddService(accesstoken.NewServiceFpa())
	if res, err := tok.Build(); res != "" || !errors.Is(err, agoratoken.KindInvalidInput) {
		t.Fatalf("bad app id: %q %v", res, err)
	}
	p := accesstoken.CreateAccessToken()
	if ok, err := p.Parse("006abc"); ok || !errors.Is(err, agoratoken.KindWrongVersion) {
		t.Fatal(ok, err)
	}
	if ok, err := p.VerifySignature(cert); ok || err == nil {
		t.Fatal("verify before parse", ok, err)
	}
}

func TestNewAccessTokenDrawsIssueTimeAndSaltAsTheLibrary(t *testing.T) {
	a, b := accesstoken.NewAccessToken(appID, cert, 600), accesstoken.NewAccessToken(appID, cert, 600)
	now := uint32(time.Now().Unix())
	for _, tok := range []*accesstoken.AccessToken{a, b} {
		if tok.IssueTs+1 < now || tok.IssueTs > now+1 || tok.Salt < 1 || tok.Salt > 99999999 {
			t.Fatalf("issue ts %d (now %d), salt %d", tok.IssueTs, now, tok.Salt)
		}
	}
	if a.Salt == b.Salt {
		t.Fatalf("two tokens drew the same salt %d", a.Salt)
	}
}
