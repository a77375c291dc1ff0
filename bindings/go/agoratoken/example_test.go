package agoratoken_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/agora-token/agora-token/bindings/go/agoratoken"
)

func ExampleBuilder_RTCWithUID() {
	b := agoratoken.New("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b")
	token, err := b.WithIssue(1700000000, 1).RTCWithUID("demo", 42, agoratoken.RolePublisher, 3600, 3600)
	if err != nil {
		panic(err)
	}
	t, _ := agoratoken.Verify(token, b.AppCertificate)
	fmt.Println(t.Version, t.IssueTs, t.Services[0].Type, t.Services[0].ChannelName, t.Services[0].UID)
	// Output: 007 1700000000 rtc demo 42
}

func ExampleError() {
	b := agoratoken.New("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b")
	_, err := b.RTCWithAccount("demo", "", agoratoken.RoleSubscriber, 600, 600)
	var e *agoratoken.Error
	if errors.As(err, &e) {
		fmt.Println(e.Kind.String(), e.Field, errors.Is(err, agoratoken.KindInvalidInput))
	}
	// Output: invalid_input account true
}

func ExampleCheck() {
	b := agoratoken.New("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b")
	token, _ := b.RTCWithUID("demo", 42, agoratoken.RoleSubscriber, 3600, 3600)
	report, _ := agoratoken.Check(token, b.AppCertificate,
		agoratoken.Request{Service: "rtc", ChannelName: "demo", UID: "42", Publish: []string{"audio"}}, time.Now())
	fmt.Println(report.Allowed)
	for _, r := range report.Reasons {
		fmt.Println(r.Code)
	}
	// Output:
	// false
	// privilege_missing
}

func ExampleBuilder_Services() {
	b := agoratoken.New("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b")
	token, _ := b.Services(600, agoratoken.Service{
		Type: agoratoken.ServiceStreaming, ChannelName: "live", Account: "7",
		Privileges: map[uint16]uint32{1: 600},
	})
	t, _ := agoratoken.Parse(token)
	fmt.Println(t.Services[0].Type, t.Services[0].Privileges[0].Name)
	// Output: streaming publish_mix_stream
}
