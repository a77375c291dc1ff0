// Go side of scripts/bench-report: our Go module (bindings/go, cgo over the
// static libagora_token) and an AccessToken2 Go module of Agora's in ONE
// process, runs interleaved.
//
//	go run . RUNS MIN_MS VERIFY_TOKEN
//
// Copied at run time into a temporary module whose go.mod requires the token
// module and ours (a replace to this checkout); TOKEN_MODULE below is
// replaced with the module's accesstoken package and RTC_BUILDER with its RTC
// 007 builder package; the official builder takes a privilege expire after
// the token expire (PRIVILEGE_EXPIRE becomes `, expire`), the community one
// has only one expire. Only the token module is third-party; this file is
// ours. Prints one JSON object like the other harnesses.
//
// Operations (inputs as in crates/token-core/examples/bench_ops.rs):
//   - build007: BuildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RolePublisher,
//     3600[, 3600]) of each module (ours: rtctokenbuilder2, the drop-in);
//   - verify007: ours agoratoken.Verify (the parsed token as Go values) and,
//     an extra row, agoratoken.VerifySignature (no Go values made); theirs:
//     the module's parse, AccessToken.Parse, plus a signature check written
//     here with crypto/hmac as the module's getSign does: Parse keeps
//     neither the signature nor the signed bytes, so the check decodes the
//     token (base64 + inflate) a second time;
//   - build006: ours RtcTokenBuilder.BuildTokenWithUID(APP_ID, CERT, CHANNEL,
//     UID, RolePublisher, 2000000000); the module has no 006 builder.
package main

import (
	"bytes"
	"compress/zlib"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"time"

	rtc "RTC_BUILDER"
	accesstoken "TOKEN_MODULE"

	our006 "github.com/agora-token/agora-token/bindings/go/RtcTokenBuilder"
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	ourrtc "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

const (
	appID     = "970CA35de60c44645bbae8a215061b33"
	cert      = "5CFd2fd1755d40ecb72977518be15d3b"
	otherCert = "0123456789abcdef0123456789abcdef"
	channel   = "7d72365eb983485397e3e3f9d460bdda"
	uid       = 2882341273
	expire    = 3600
)

func build007() string {
	t, err := rtc.BuildTokenWithUid(appID, cert, channel, uid, rtc.RolePublisher, expire /* PRIVILEGE_EXPIRE */)
	if err != nil {
		panic(err)
	}
	return t
}

func ourBuild007() string {
	t, err := ourrtc.BuildTokenWithUid(appID, cert, channel, uid, ourrtc.RolePublisher, expire, expire)
	if err != nil {
		panic(err)
	}
	return t
}

func ourBuild006() string {
	t, err := our006.BuildTokenWithUID(appID, cert, channel, uid, our006.RolePublisher, 2000000000)
	if err != nil {
		panic(err)
	}
	return t
}

func ourVerify007(token, certificate string) error {
	_, err := agoratoken.Verify(token, certificate)
	return err
}

func verify007(token, certificate string) error {
	parsed := accesstoken.CreateAccessToken()
	if ok, err := parsed.Parse(token); !ok || err != nil {
		return fmt.Errorf("Parse refused the token: %v", err)
	}
	raw, err := base64.StdEncoding.DecodeString(token[3:])
	if err != nil {
		return err
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	content, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if len(content) < 2 {
		return errors.New("short token")
	}
	n := int(binary.LittleEndian.Uint16(content))
	if len(content) < 2+n {
		return errors.New("short token")
	}
	signature, signingInfo := content[2:2+n], content[2+n:]
	var ts, salt [4]byte
	binary.LittleEndian.PutUint32(ts[:], parsed.IssueTs)
	binary.LittleEndian.PutUint32(salt[:], parsed.Salt)
	h := hmac.New(sha256.New, ts[:])
	h.Write([]byte(certificate))
	key := h.Sum(nil)
	h = hmac.New(sha256.New, salt[:])
	h.Write(key)
	key = h.Sum(nil)
	h = hmac.New(sha256.New, key)
	h.Write(signingInfo)
	if !hmac.Equal(h.Sum(nil), signature) {
		return errors.New("signature mismatch")
	}
	return nil
}

var sink int

func run(fn func() int, limit time.Duration) float64 {
	start := time.Now()
	n := 0
	for {
		for i := 0; i < 32; i++ {
			sink += fn()
		}
		n += 32
		if elapsed := time.Since(start); elapsed >= limit {
			return float64(elapsed.Nanoseconds()) / float64(n)
		}
	}
}

type op struct {
	side, name string
	fn         func() int
}

func main() {
	runs, _ := strconv.Atoi(os.Args[1])
	minMs, _ := strconv.Atoi(os.Args[2])
	token := os.Args[3]
	verifiers := map[string]func(string, string) error{
		"ours": ourVerify007, "peer": verify007, "extra": agoratoken.VerifySignature,
	}
	// Each side must accept the token, and refuse it with another certificate.
	for side, verify := range verifiers {
		if err := verify(token, cert); err != nil {
			panic(side + ": " + err.Error())
		}
		if verify(token, otherCert) == nil {
			panic(side + ": the token verified with another certificate")
		}
	}
	verifyOp := func(side string) op {
		return op{side, "verify007", func() int {
			if err := verifiers[side](token, cert); err != nil {
				panic(err)
			}
			return 1
		}}
	}
	// Interleaved: each operation ours, then the peer's, then the extra row.
	ops := []op{
		{"ours", "build007", func() int { return len(ourBuild007()) }},
		{"peer", "build007", func() int { return len(build007()) }},
		verifyOp("ours"), verifyOp("peer"), verifyOp("extra"),
		{"ours", "build006", func() int { return len(ourBuild006()) }},
	}
	warmUp := time.Duration(math.Min(300, math.Max(100, float64(minMs)))) * time.Millisecond
	for _, o := range ops {
		run(o.fn, warmUp)
	}
	ns := map[string]map[string][]float64{"ours": {}, "peer": {}, "extra": {}}
	for r := 0; r < runs; r++ {
		for _, o := range ops {
			ns[o.side][o.name] = append(ns[o.side][o.name], math.Round(run(o.fn, time.Duration(minMs)*time.Millisecond)*10)/10)
		}
	}
	out, _ := json.Marshal(map[string]any{
		"language": "Go",
		"runtime":  runtime.Version(),
		"ours": map[string]any{
			"name":    "agora-token Go module (bindings/go, cgo, static libagora_token)",
			"ns":      ns["ours"],
			"samples": map[string]string{"build007": ourBuild007(), "build006": ourBuild006()},
		},
		"peer": map[string]any{
			"name":    os.Getenv("TOKEN_MODULE_NAME"),
			"ns":      ns["peer"],
			"samples": map[string]string{"build007": build007()},
		},
		"extra": []map[string]any{{"op": "verify007", "ns": ns["extra"]["verify007"],
			"name": "agoratoken.VerifySignature (no Go values made)"}},
		"notes": map[string]string{
			"verify007": "the Go module has no verify: its AccessToken.Parse plus a signature check with crypto/hmac (decodes the token a second time)",
			"build006":  "the Go module has no 006 builder",
		},
	})
	fmt.Println(string(out))
	if sink == 0 {
		panic("unreachable")
	}
}
