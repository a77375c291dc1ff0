package difftest

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"fmt"
	"io"
	"math/rand"
	"strconv"
	"testing"

	theiraccess "github.com/AgoraIO-Community/go-tokenbuilder/accesstoken"
	theirchat "github.com/AgoraIO-Community/go-tokenbuilder/chatTokenBuilder"
	theirrtc "github.com/AgoraIO-Community/go-tokenbuilder/rtctokenbuilder"
	theirrtm "github.com/AgoraIO-Community/go-tokenbuilder/rtmtokenbuilder"

	ouraccess "github.com/agora-token/agora-token/bindings/go/accesstoken2"
	"github.com/agora-token/agora-token/bindings/go/agoratoken"
	ourchat "github.com/agora-token/agora-token/bindings/go/chatTokenBuilder"
	ourrtc "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
	ourrtm "github.com/agora-token/agora-token/bindings/go/rtmtokenbuilder2"
)

const (
	appID = "970CA35de60c44645bbae8a215061b33"
	cert  = "5CFd2fd1755d40ecb72977518be15d3b"
	cases = 300 // generated inputs per builder
)

// content is what Agora reads of a 007 token: the zlib-inflated bytes
// (compressed bytes may differ between zlib implementations).
func content(t testing.TB, token string) []byte {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(token[3:])
	if err != nil {
		t.Fatalf("base64 of %q: %v", token, err)
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("zlib of %q: %v", token, err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflate of %q: %v", token, err)
	}
	return data
}

// issue reads a token's issue time and salt with the community parser:
// their builders take none, so ours is re-pinned to theirs.
func issue(t testing.TB, token string) (uint32, uint32) {
	t.Helper()
	p := theiraccess.CreateAccessToken()
	if ok, err := p.Parse(token); !ok || err != nil {
		t.Fatalf("community Parse of %q: %v %v", token, ok, err)
	}
	return p.IssueTs, p.Salt
}

// theyAccept requires the community parser to read our token with its
// issue time, salt and expire.
func theyAccept(t testing.TB, token string, issueTs, salt, expire uint32) {
	t.Helper()
	p := theiraccess.CreateAccessToken()
	if ok, err := p.Parse(token); !ok || err != nil {
		t.Fatalf("community Parse refuses our %q: %v %v", token, ok, err)
	}
	if p.AppId != appID || p.IssueTs != issueTs || p.Salt != salt || p.Expire != expire {
		t.Fatalf("community Parse of our token: %+v", p)
	}
}

func same(t testing.TB, what, ours, theirs string) {
	t.Helper()
	if !bytes.Equal(content(t, ours), content(t, theirs)) {
		t.Fatalf("%s: content differs\nours   %s\ntheirs %s", what, ours, theirs)
	}
}

const channelAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,"

func text(r *rand.Rand, alphabet string, max int) string {
	n := 1 + r.Intn(max)
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.Intn(len(alphabet))]
	}
	return string(b)
}

type input struct {
	channel, account string
	uid, expire      uint32
	role             int
}

func inputs(seed int64) []input {
	r := rand.New(rand.NewSource(seed))
	out := make([]input, cases)
	for i := range out {
		uid := r.Uint32()
		if i%10 == 0 {
			uid = 0
		}
		out[i] = input{channel: text(r, channelAlphabet, 63), account: text(r, channelAlphabet, 255),
			uid: uid, expire: uint32(r.Intn(200000)), role: 1 + r.Intn(2)}
	}
	return out
}

func TestRTCWithUID(t *testing.T) {
	for _, in := range inputs(1) {
		theirs, err := theirrtc.BuildTokenWithUid(appID, cert, in.channel, in.uid, theirrtc.Role(in.role), in.expire)
		if err != nil {
			t.Fatal(err)
		}
		ts, salt := issue(t, theirs)
		ours, err := agoratoken.New(appID, cert).Lenient().WithIssue(ts, salt).RTCWithUID(in.channel, in.uid, agoratoken.Role(in.role), in.expire, in.expire)
		if err != nil {
			t.Fatal(err)
		}
		same(t, fmt.Sprintf("%+v", in), ours, theirs)
		theyAccept(t, ours, ts, salt, in.expire)
	}
}

func TestRTCWithAccount(t *testing.T) {
	for _, in := range inputs(2) {
		theirs, err := theirrtc.BuildTokenWithAccount(appID, cert, in.channel, in.account, theirrtc.Role(in.role), in.expire)
		if err != nil {
			t.Fatal(err)
		}
		ts, salt := issue(t, theirs)
		ours, err := agoratoken.New(appID, cert).Lenient().WithIssue(ts, salt).RTCWithAccount(in.channel, in.account, agoratoken.Role(in.role), in.expire, in.expire)
		if err != nil {
			t.Fatal(err)
		}
		same(t, fmt.Sprintf("%+v", in), ours, theirs)
	}
}

func TestRTMAndChat(t *testing.T) {
	for _, in := range inputs(3) {
		theirs, err := theirrtm.BuildToken(appID, cert, in.account, in.expire, "")
		if err != nil {
			t.Fatal(err)
		}
		ts, salt := issue(t, theirs)
		b := agoratoken.New(appID, cert).Lenient().WithIssue(ts, salt)
		ours, _ := b.RTM(in.account, in.expire)
		same(t, "rtm "+in.account, ours, theirs)

		theirs, _ = theirchat.BuildChatUserToken(appID, cert, in.account, in.expire)
		ts, salt = issue(t, theirs)
		ours, _ = b.WithIssue(ts, salt).ChatUser(in.account, in.expire)
		same(t, "chat user "+in.account, ours, theirs)

		theirs, _ = theirchat.BuildChatAppToken(appID, cert, in.expire)
		ts, salt = issue(t, theirs)
		ours, _ = b.WithIssue(ts, salt).ChatApp(in.expire)
		same(t, "chat app", ours, theirs)
	}
}

// The AccessToken types of both take the issue time and salt as fields:
// pinned on both sides, with the services the community module knows
// (RTC, RTM, FPA, Chat, Education/APaaS).
func TestAccessTokenPinned(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for i, in := range inputs(4) {
		ts, salt := r.Uint32(), 1+uint32(r.Intn(99999999))
		theirs := theiraccess.NewAccessToken(appID, cert, in.expire)
		theirs.IssueTs, theirs.Salt = ts, salt
		ours := ouraccess.NewAccessToken(appID, cert, in.expire)
		ours.IssueTs, ours.Salt = ts, salt

		uid := strconv.FormatUint(uint64(in.uid), 10)
		tr, or := theiraccess.NewServiceRtc(in.channel, uid), ouraccess.NewServiceRtc(in.channel, uid)
		for p := uint16(1); p <= uint16(1+i%4); p++ {
			tr.AddPrivilege(p, in.expire+uint32(p))
			or.AddPrivilege(p, in.expire+uint32(p))
		}
		theirs.AddService(tr)
		ours.AddService(or)
		if i%2 == 0 {
			tm, om := theiraccess.NewServiceRtm(in.account), ouraccess.NewServiceRtm(in.account)
			tm.AddPrivilege(theiraccess.PrivilegeLogin, in.expire)
			om.AddPrivilege(ouraccess.PrivilegeLogin, in.expire)
			theirs.AddService(tm)
			ours.AddService(om)
		}
		if i%3 == 0 {
			tf, of := theiraccess.NewServiceFpa(), ouraccess.NewServiceFpa()
			tf.AddPrivilege(theiraccess.PrivilegeLogin, 0)
			of.AddPrivilege(ouraccess.PrivilegeLogin, 0)
			theirs.AddService(tf)
			ours.AddService(of)
		}
		if i%5 == 0 {
			tc, oc := theiraccess.NewServiceChat(in.account), ouraccess.NewServiceChat(in.account)
			tc.AddPrivilege(theiraccess.PrivilegeChatUser, in.expire)
			oc.AddPrivilege(ouraccess.PrivilegeChatUser, in.expire)
			theirs.AddService(tc)
			ours.AddService(oc)
		}
		if i%7 == 0 {
			role := int16(r.Intn(3)) - 1
			te, oe := theiraccess.NewServiceEducation(in.channel, in.account, role), ouraccess.NewServiceApaas(in.channel, in.account, role)
			te.AddPrivilege(theiraccess.PrivilegeEducationRoomUser, in.expire)
			oe.AddPrivilege(ouraccess.PrivilegeApaasRoomUser, in.expire)
			theirs.AddService(te)
			ours.AddService(oe)
		}
		a, err := ours.Build()
		if err != nil {
			t.Fatal(err)
		}
		b, err := theirs.Build()
		if err != nil {
			t.Fatal(err)
		}
		same(t, fmt.Sprintf("case %d", i), a, b)
		theyAccept(t, a, ts, salt, in.expire)

		// And our parser reads theirs back.
		p := ouraccess.CreateAccessToken()
		if ok, err := p.Parse(b); !ok || err != nil || p.IssueTs != ts || p.Salt != salt || len(p.Services) != len(theirs.Services) {
			t.Fatalf("our Parse of theirs: %v %v %+v", ok, err, p)
		}
		if ok, err := p.VerifySignature(cert); !ok || err != nil {
			t.Fatalf("our VerifySignature of theirs: %v %v", ok, err)
		}
	}
}

// The drop-in packages (no pinning, as the official ones): the community
// parser accepts their tokens.
func TestDropInTokensParseWithCommunity(t *testing.T) {
	for _, in := range inputs(5)[:50] {
		for _, build := range []func() (string, error){
			func() (string, error) {
				return ourrtc.BuildTokenWithUid(appID, cert, in.channel, in.uid, ourrtc.Role(in.role), in.expire, in.expire)
			},
			func() (string, error) { return ourrtm.BuildToken(appID, cert, in.account, in.expire) },
			func() (string, error) { return ourchat.BuildChatUserToken(appID, cert, in.account, in.expire) },
		} {
			tok, err := build()
			if err != nil {
				t.Fatal(err)
			}
			p := theiraccess.CreateAccessToken()
			if ok, err := p.Parse(tok); !ok || err != nil || p.Expire != in.expire {
				t.Fatalf("community Parse: %v %v %+v", ok, err, p)
			}
		}
	}
}
