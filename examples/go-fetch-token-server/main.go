// The token server of Agora's authentication guide (POST /fetch_rtc_token)
// on the drop-in package: the same request and response shapes.
//
//	request:  {"uid": 42, "ChannelName": "demo", "role": 1}   (role 1 publisher, else subscriber)
//	response: {"token": "007...", "code": "200"}
//
// APP_ID and APP_CERTIFICATE come from the environment; ADDR (default
// 127.0.0.1:8082) is where it listens. Tokens and privileges last
// EXPIRE seconds (default 40, as the guide's demo).
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	rtctokenbuilder "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

type tokenRequest struct {
	Uid         uint32 `json:"uid"`
	ChannelName string `json:"ChannelName"`
	Role        uint32 `json:"role"`
}

type tokenReply struct {
	Token string `json:"token"`
	Code  string `json:"code"`
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	appID := os.Getenv("APP_ID")
	appCertificate := os.Getenv("APP_CERTIFICATE")
	if appID == "" || appCertificate == "" {
		log.Fatal("set APP_ID and APP_CERTIFICATE")
	}
	expire64, err := strconv.ParseUint(env("EXPIRE", "40"), 10, 32)
	if err != nil {
		log.Fatalf("EXPIRE: %v", err)
	}
	expire := uint32(expire64)

	reply := func(w http.ResponseWriter, status int, token string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(tokenReply{Token: token, Code: strconv.Itoa(status)})
	}
	http.HandleFunc("/fetch_rtc_token", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			reply(w, http.StatusMethodNotAllowed, "use POST")
			return
		}
		var req tokenRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&req); err != nil {
			reply(w, http.StatusBadRequest, "bad request: "+err.Error())
			return
		}
		role := rtctokenbuilder.Role(rtctokenbuilder.RoleSubscriber)
		if req.Role == rtctokenbuilder.RolePublisher {
			role = rtctokenbuilder.RolePublisher
		}
		token, err := rtctokenbuilder.BuildTokenWithUid(appID, appCertificate, req.ChannelName, req.Uid, role, expire, expire)
		if err != nil {
			reply(w, http.StatusInternalServerError, err.Error())
			return
		}
		reply(w, http.StatusOK, token)
	})

	addr := env("ADDR", "127.0.0.1:8082")
	srv := &http.Server{Addr: addr, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	log.Printf("listening on %s", addr)
	log.Fatal(srv.ListenAndServe())
}
