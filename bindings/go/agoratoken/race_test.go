//go:build race

package agoratoken_test

const raceEnabled = true
