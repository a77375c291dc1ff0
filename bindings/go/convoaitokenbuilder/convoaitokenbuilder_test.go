package convoaitokenbuilder_test

import (
	"errors"
	"testing"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	convoai "github.com/agora-token/agora-token/bindings/go/convoaitokenbuilder"
	rtc "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
)

func TestBuildTokenCarriesRTCRTMAndItsService(t *testing.T) {
	for role, privileges := range map[rtc.Role]int{rtc.RolePublisher: 4, rtc.RoleSubscriber: 1} {
		token, err := convoai.BuildToken(appID, cert, "demo", "alice", role, 600, 600, 500, 400, 300, "bob", 200)
		if err != nil {
			t.Fatal(err)
		}
		p, err := agoratoken.Verify(token, cert)
		if err != nil || len(p.Services) != 3 || p.Expire != 600 {
			t.Fatalf("%v %+v", err, p)
		}
		r, m, s := p.Services[0], p.Services[1], p.Services[2]
		if r.TypeID != 1 || r.ChannelName != "demo" || r.UID != "alice" || len(r.Privileges) != privileges {
			t.Fatalf("rtc service %+v", r)
		}
		if m.TypeID != 2 || m.UserID != "bob" || len(m.Privileges) != 1 || m.Privileges[0].Expire != 200 {
			t.Fatalf("rtm service %+v", m)
		}
		if s.TypeID != 9 {
			t.Fatalf("third service %+v", s)
		}
	}
}

func TestBuildTokenRefusesABadAppID(t *testing.T) {
	token, err := convoai.BuildToken("not-an-app-id", cert, "demo", "alice", rtc.RolePublisher, 600, 600, 600, 600, 600, "bob", 600)
	if token != "" || !errors.Is(err, agoratoken.KindInvalidInput) {
		t.Fatalf("%q %v", token, err)
	}
}
