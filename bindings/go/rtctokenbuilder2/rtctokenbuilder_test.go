package rtctokenbuilder2_test

import (
	"errors"
	"testing"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	"github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
)

func TestOfficialLeniency(t *testing.T) {
	// The official builder signs any channel name and any account.
	tok, err := rtctokenbuilder2.BuildTokenWithUserAccount(appID, cert, "chan*nel", "", rtctokenbuilder2.RoleSubscriber, 60, 60)
	if err != nil || tok == "" {
		t.Fatal(tok, err)
	}
	p, err := agoratoken.Verify(tok, cert)
	if err != nil || p.Services[0].ChannelName != "chan*nel" || len(p.Services[0].Privileges) != 1 {
		t.Fatalf("%+v %v", p, err)
	}
	// ... but not a bad app ID or certificate: ("", err), as the official one.
	tok, err = rtctokenbuilder2.BuildTokenWithUid(appID, cert[:31], "demo", 42, rtctokenbuilder2.RolePublisher, 60, 60)
	var e *agoratoken.Error
	if tok != "" || !errors.As(err, &e) || e.Field != "app_certificate" || !errors.Is(err, agoratoken.KindInvalidInput) {
		t.Fatalf("%q %v", tok, err)
	}
}

func TestEveryFunction(t *testing.T) {
	for name, call := range map[string]func() (string, error){
		"uid": func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUid(appID, cert, "demo", 0, rtctokenbuilder2.RolePublisher, 60, 60)
		},
		"uidpriv": func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUidAndPrivilege(appID, cert, "demo", 1, 60, 60, 60, 60, 60)
		},
		"accpriv": func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithUserAccountAndPrivilege(appID, cert, "demo", "a", 60, 60, 60, 60, 60)
		},
		"rtm": func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithRtm(appID, cert, "demo", "a", rtctokenbuilder2.RolePublisher, 60, 60)
		},
		"rtm2": func() (string, error) {
			return rtctokenbuilder2.BuildTokenWithRtm2(appID, cert, "demo", "a", rtctokenbuilder2.RolePublisher, 60, 60, 60, 60, 60, "b", 60)
		},
	} {
		tok, err := call()
		if err != nil {
			t.Fatal(name, err)
		}
		if _, err := agoratoken.Verify(tok, cert); err != nil {
			t.Fatal(name, err)
		}
	}
}
