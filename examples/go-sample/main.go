// The flow of sample.go in Agora's token guide, on the drop-in package:
// print an RTC token for a uid and one for a user account. Only the import
// prefix differs from code written for Agora's Go package.
package main

import (
	"fmt"
	"os"

	rtctokenbuilder "github.com/agora-token/agora-token/bindings/go/rtctokenbuilder2"
)

func main() {
	appID := "970CA35de60c44645bbae8a215061b33"
	appCertificate := "5CFd2fd1755d40ecb72977518be15d3b"
	if v := os.Getenv("APP_ID"); v != "" {
		appID = v
	}
	if v := os.Getenv("APP_CERTIFICATE"); v != "" {
		appCertificate = v
	}
	channelName := "7d72365eb983485397e3e3f9d460bdda"
	uid := uint32(2882341273)
	account := "2882341273"
	tokenExpire := uint32(3600)     // seconds from now
	privilegeExpire := uint32(3600) // seconds from now

	token, err := rtctokenbuilder.BuildTokenWithUid(appID, appCertificate, channelName, uid,
		rtctokenbuilder.RolePublisher, tokenExpire, privilegeExpire)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("Token with uid: %s\n", token)

	token, err = rtctokenbuilder.BuildTokenWithUserAccount(appID, appCertificate, channelName, account,
		rtctokenbuilder.RolePublisher, tokenExpire, privilegeExpire)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("Token with user account: %s\n", token)
}
