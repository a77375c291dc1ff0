package dropin_test

import (
	"errors"
	"testing"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	"github.com/agora-token/agora-token/bindings/go/convoaitokenbuilder"
	rtc "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
	"github.com/agora-token/agora-token/bindings/go/stttokenbuilder"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
)

type rtcRTMBuilder func(string, string, string, string, rtc.Role, uint32, uint32, uint32, uint32, uint32, string, uint32) (string, error)

// The three drop-ins that take the RTC + RTM arguments, and the service
// each adds after RTC and RTM (0: none).
var builders = map[string]struct {
	build   rtcRTMBuilder
	service uint16
}{
	"rtctokenbuilder2.BuildTokenWithRtm2": {rtc.BuildTokenWithRtm2, 0},
	"convoaitokenbuilder.BuildToken":      {convoaitokenbuilder.BuildToken, agoratoken.ServiceConvoAI},
	"stttokenbuilder.BuildToken":          {stttokenbuilder.BuildToken, agoratoken.ServiceSTT},
}

func TestRTCRTMBuildersCarryTheirServices(t *testing.T) {
	for name, b := range builders {
		for role, privileges := range map[rtc.Role]int{rtc.RolePublisher: 4, rtc.RoleSubscriber: 1} {
			token, err := b.build(appID, cert, "demo", "alice", role, 600, 600, 500, 400, 300, "bob", 200)
			if err != nil {
				t.Fatal(name, err)
			}
			p, err := agoratoken.Verify(token, cert)
			if err != nil || p.Expire != 600 {
				t.Fatalf("%s: %v %+v", name, err, p)
			}
			want := 2
			if b.service != 0 {
				want = 3
			}
			if len(p.Services) != want {
				t.Fatalf("%s: services %+v", name, p.Services)
			}
			r, m := p.Services[0], p.Services[1]
			if r.TypeID != agoratoken.ServiceRTC || r.ChannelName != "demo" || r.UID != "alice" || len(r.Privileges) != privileges {
				t.Fatalf("%s: rtc service %+v", name, r)
			}
			if m.TypeID != agoratoken.ServiceRTM || m.UserID != "bob" || len(m.Privileges) != 1 || m.Privileges[0].Expire != 200 {
				t.Fatalf("%s: rtm service %+v", name, m)
			}
			if b.service != 0 && p.Services[2].TypeID != b.service {
				t.Fatalf("%s: third service %+v", name, p.Services[2])
			}
		}
	}
}

func TestRTCRTMBuildersRefuseABadAppID(t *testing.T) {
	for name, b := range builders {
		token, err := b.build("not-an-app-id", cert, "demo", "alice", rtc.RolePublisher, 600, 600, 600, 600, 600, "bob", 600)
		if token != "" || !errors.Is(err, agoratoken.KindInvalidInput) {
			t.Fatalf("%s: %q %v", name, token, err)
		}
	}
}
