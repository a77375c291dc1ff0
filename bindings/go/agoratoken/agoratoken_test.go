package agoratoken_test

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
)

var fixed = agoratoken.New(appID, cert).WithIssue(1700000000, 12345)

func TestPinnedBuildIsReproducibleAndVerifies(t *testing.T) {
	a, err := fixed.RTCWithUID("demo", 42, agoratoken.RolePublisher, 3600, 3600)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := fixed.RTCWithUID("demo", 42, agoratoken.RolePublisher, 3600, 3600)
	if a != b {
		t.Fatalf("pinned tokens differ: %s %s", a, b)
	}
	tok, err := agoratoken.Verify(a, cert)
	if err != nil {
		t.Fatal(err)
	}
	if tok.IssueTs != 1700000000 || tok.Salt != 12345 || tok.Services[0].ChannelName != "demo" || tok.Services[0].UID != "42" {
		t.Fatalf("parsed %+v", tok)
	}
	if len(tok.Services[0].Privileges) != 4 {
		t.Fatalf("publisher privileges %v", tok.Services[0].Privileges)
	}
}

func TestErrorsNameFieldAndKind(t *testing.T) {
	_, err := fixed.RTCWithUID("chan*nel", 42, agoratoken.RolePublisher, 3600, 3600)
	var e *agoratoken.Error
	if !errors.As(err, &e) || e.Field != "channel_name" || !errors.Is(err, agoratoken.KindInvalidInput) {
		t.Fatalf("got %v", err)
	}
	if errors.Is(err, agoratoken.KindMalformed) {
		t.Fatal("Is matched another kind")
	}
	_, err = agoratoken.New(appID[:31], cert).RTCWithUID("demo", 42, agoratoken.RolePublisher, 1, 1)
	if !errors.As(err, &e) || e.Field != "app_id" {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), cert) {
		t.Fatal("message holds the certificate")
	}
	_, err = fixed.RTM("a\x00b", 60)
	if !errors.As(err, &e) || e.Field != "user_id" || e.Kind != agoratoken.KindInvalidInput {
		t.Fatalf("NUL: got %v", err)
	}
	_, err = agoratoken.Verify("007eJx!!", cert)
	if !errors.Is(err, agoratoken.KindMalformed) {
		t.Fatalf("malformed: got %v", err)
	}
	tok, _ := fixed.ChatApp(600)
	_, err = agoratoken.Verify(tok, "0123456789abcdef0123456789abcdef")
	if !errors.Is(err, agoratoken.KindSignatureMismatch) {
		t.Fatalf("mismatch: got %v", err)
	}
	if _, err = fixed.Services(600); !errors.Is(err, agoratoken.KindNoService) {
		t.Fatalf("no service: got %v", err)
	}
}

func TestLenientAcceptsWhatOfficialBuildersAccept(t *testing.T) {
	if _, err := fixed.Lenient().RTCWithAccount("chan*nel", "", agoratoken.RoleSubscriber, 60, 60); err != nil {
		t.Fatal(err)
	}
}

func TestEveryBuilder(t *testing.T) {
	r := agoratoken.RTCWithRTM{Channel: "demo", RTCAccount: "42", RTCRole: agoratoken.RolePublisher, RTCTokenExpire: 600,
		Privileges: agoratoken.Privileges{JoinChannel: 600, PublishAudio: 600, PublishVideo: 600, PublishData: 600}, RTMUserID: "alice", RTMTokenExpire: 600}
	perms := []agoratoken.Permission{{ResourceType: agoratoken.ResourceMessageChannels, PermissionType: agoratoken.PermissionRead, Resources: []string{"news", "chat"}}}
	calls := map[string]func() (string, error){
		"rtc account":  func() (string, error) { return fixed.RTCWithAccount("demo", "bob", agoratoken.RoleSubscriber, 60, 60) },
		"rtc uid priv": func() (string, error) { return fixed.RTCWithUIDAndPrivileges("demo", 1, 60, r.Privileges) },
		"rtc acc priv": func() (string, error) { return fixed.RTCWithAccountAndPrivileges("demo", "bob", 60, r.Privileges) },
		"rtc rtm":      func() (string, error) { return fixed.RTCWithRTM("demo", "bob", agoratoken.RolePublisher, 60, 60) },
		"rtc rtm2":     func() (string, error) { return fixed.RTCWithRTM2(r) },
		"convoai":      func() (string, error) { return fixed.ConvoAI(r) },
		"stt":          func() (string, error) { return fixed.STT(r) },
		"rtm":          func() (string, error) { return fixed.RTM("alice", 60) },
		"rtm2":         func() (string, error) { return fixed.RTMWithPermissions("alice", perms, 60) },
		"chat user":    func() (string, error) { return fixed.ChatUser("alice", 60) },
		"fpa":          func() (string, error) { return fixed.FPA() },
		"apaas room":   func() (string, error) { return fixed.APaaSRoomUser("room", "user", 1, 60) },
		"apaas user":   func() (string, error) { return fixed.APaaSUser("user", 60) },
		"apaas app":    func() (string, error) { return fixed.APaaSApp(60) },
		"edu room":     func() (string, error) { return fixed.EducationRoomUser("room", "user", 1, 60) },
		"edu user":     func() (string, error) { return fixed.EducationUser("user", 60) },
		"edu app":      func() (string, error) { return fixed.EducationApp(60) },
		"services": func() (string, error) {
			return fixed.Services(60,
				agoratoken.Service{Type: agoratoken.ServiceStreaming, ChannelName: "live", Account: "7", Privileges: map[uint16]uint32{1: 60, 2: 0}},
				agoratoken.Service{Type: agoratoken.ServiceFCDN, ChannelName: "live", Account: "7", Privileges: map[uint16]uint32{2: 60}},
				agoratoken.Service{Type: agoratoken.ServiceRTM2, UserID: "alice", Permissions: perms, Privileges: map[uint16]uint32{1: 60}})
		},
	}
	for name, call := range calls {
		tok, err := call()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := agoratoken.Verify(tok, cert); err != nil {
			t.Fatalf("%s: verify: %v", name, err)
		}
	}
	tok, err := fixed.RTC006WithUID("demo", 42, agoratoken.Role006Admin, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := agoratoken.Verify006(tok, cert, "demo", "42"); err != nil {
		t.Fatal(err)
	}
	if _, err := agoratoken.Verify006(tok, cert, "other", "42"); !errors.Is(err, agoratoken.KindSignatureMismatch) {
		t.Fatalf("006 other channel: %v", err)
	}
	p, err := agoratoken.Parse(tok)
	if err != nil || p.Version != "006" || len(p.Privileges) != 4 {
		t.Fatalf("006 parse %+v %v", p, err)
	}
}

func TestCheck(t *testing.T) {
	tok, _ := agoratoken.New(appID, cert).RTCWithUID("demo", 42, agoratoken.RoleSubscriber, 3600, 3600)
	rep, err := agoratoken.Check(tok, cert, agoratoken.Request{Service: "rtc", ChannelName: "demo", UID: "42"}, time.Time{})
	if err != nil || !rep.Allowed {
		t.Fatalf("%+v %v", rep, err)
	}
	rep, err = agoratoken.Check(tok, cert, agoratoken.Request{Service: "rtc", ChannelName: "other", UID: "42", Publish: []string{"audio"}}, time.Time{})
	if err != nil || rep.Allowed || len(rep.Reasons) == 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	codes := []string{}
	for _, r := range rep.Reasons {
		codes = append(codes, r.Code)
	}
	if !strings.Contains(strings.Join(codes, ","), "channel_mismatch") {
		t.Fatalf("reasons %v", codes)
	}
	_, err = agoratoken.CheckJSON(tok, cert, `{"service":"mail"}`, time.Time{})
	var e *agoratoken.Error
	if !errors.As(err, &e) || e.Field != "service" {
		t.Fatalf("bad request: %v", err)
	}
	// now: after the epoch (0 would read as "the current time" in the C
	// ABI) and at most 2^53 - 1 seconds (token-core's rule).
	for _, bad := range []time.Time{time.Unix(0, 0), time.Unix(-5, 0), time.Unix(1<<53, 0)} {
		_, err = agoratoken.Check(tok, cert, agoratoken.Request{Service: "fpa"}, bad)
		if !errors.As(err, &e) || e.Field != "now" {
			t.Fatalf("now %v: %v", bad, err)
		}
	}
}

// Many goroutines at once (run with -race): the library has no shared
// state, and neither has this package.
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			b := agoratoken.New(appID, cert).WithIssue(1700000000+uint32(g), uint32(g+1))
			for i := 0; i < 200; i++ {
				tok, err := b.RTCWithUID("c"+strconv.Itoa(g), uint32(i), agoratoken.RolePublisher, 600, 600)
				if err != nil {
					t.Error(err)
					return
				}
				p, err := agoratoken.Verify(tok, cert)
				if err != nil || p.Services[0].ChannelName != "c"+strconv.Itoa(g) {
					t.Errorf("%v %v", p, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func rssKiB(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc/self/statm")
	}
	pages, _ := strconv.Atoi(strings.Fields(string(data))[1])
	return pages * os.Getpagesize() / 1024
}

// No C memory is leaked: every string the library returns is freed, every
// argument copy too. RSS stays flat over many builds, verifies and errors.
func TestNoCMemoryLeak(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("long; and the race detector's own memory would hide the signal")
	}
	round := func(n int) {
		for i := 0; i < n; i++ {
			tok, _ := fixed.RTCWithUID("demo", uint32(i), agoratoken.RolePublisher, 600, 600)
			_, _ = agoratoken.Verify(tok, cert)
			_, _ = fixed.RTCWithUID("bad*", 1, 1, 1, 1) // an error message to free
		}
		runtime.GC()
	}
	round(20000)
	before := rssKiB(t)
	round(100000)
	after := rssKiB(t)
	t.Logf("RSS %d KiB -> %d KiB after 100k builds, verifies and errors", before, after)
	if after-before > 4096 {
		t.Fatalf("RSS grew by %d KiB", after-before)
	}
}
