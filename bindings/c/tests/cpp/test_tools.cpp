// The drop-in layer (agora::tools, the official C++ API's names) against the
// official vectors. Its signatures cannot fix the issue time and salt, so each
// token is checked the way a server would see it: it verifies with the
// certificate, and parses to the official token's fields except issue time,
// salt and (006) ts. Plus the official failure behaviour: "" for a bad app ID
// or certificate, and acceptance of inputs the checked API refuses.
#include <gtest/gtest.h>

#include <cstring>
#include <regex>
#include <string>

#include "agora_token.hpp"
#include "cases.h"
#include "cpp/vector_calls.hpp"

using namespace agora::tools;
namespace tk = agora::token;

namespace {

bool starts_with(const char* s, const char* prefix) { return s && std::strncmp(s, prefix, std::strlen(prefix)) == 0; }

/// Parsed JSON with the per-build values (issue time, salt, 006 ts) zeroed.
std::string normalized(const std::string& token) {
  // The issue time, the salt and the absolute expiry times that follow
  // from the issue time differ per build.
  static const std::regex per_build("\"(issue_ts|salt|ts|expires_at)\":[0-9]+");
  static const std::regex expiries("\"privilege_expires_at\":\\{[^}]*\\}");
  return std::regex_replace(std::regex_replace(tk::parse(token), per_build, "\"$1\":0"), expiries, "\"privilege_expires_at\":{}");
}

std::string uid_text(const AgtCase& c) {
  if (!c.has_uid) return c.account;
  return c.uid == 0 ? std::string() : std::to_string(c.uid);
}

const std::string kAppId = "970CA35de60c44645bbae8a215061b33";
const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";

}  // namespace

TEST(Tools, EveryOfficialBuilderMatchesTheVectors) {
  int checked = 0;
  for (size_t i = 0; i < AGT_CASE_COUNT; i++) {
    const AgtCase& c = AGT_CASES[i];
    if (starts_with(c.file, "divergent_")) continue;
    SCOPED_TRACE(c.name);
    std::string token;
    if (!agt::tools_build(c, token)) continue;
    ASSERT_FALSE(token.empty()) << "the drop-in refused what the official builder accepted";
    if (starts_with(c.token, "007")) {
      EXPECT_NO_THROW(tk::v007::verify(token, c.app_certificate));
    } else {
      const bool rtm = std::string(c.builder) == "rtm006.token";
      EXPECT_NO_THROW(tk::v006::verify(token, c.app_certificate, rtm ? c.account : c.channel_name, rtm ? "" : uid_text(c)));
    }
    EXPECT_EQ(normalized(token), normalized(c.token));
    checked++;
  }
  EXPECT_GE(checked, 120);
}

TEST(Tools, BadAppIdOrCertificateGivesEmptyString) {
  const std::string bad_id = "not-an-app-id", bad_cert = "5CFd2fd1755d40ecb72977518be15d3z";
  EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(bad_id, kCert, "demo", 1, UserRole::kRolePublisher, 600, 600), "");
  EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(kAppId, bad_cert, "demo", 1, UserRole::kRolePublisher, 600, 600), "");
  EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUserAccount(kAppId, "", "demo", "a", 600, 1, 2, 3, 4), "");
  EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithRtm(bad_id, kCert, "demo", "a", UserRole::kRolePublisher, 600), "");
  EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithRtm2(kAppId, bad_cert, "demo", "a", UserRole::kRolePublisher, 600, 1, 2, 3, 4, "b", 600), "");
  EXPECT_EQ(RtmTokenBuilder2::BuildToken(bad_id, kCert, "u", 600), "");
  EXPECT_EQ(ChatTokenBuilder2::BuildUserToken(kAppId, bad_cert, "u", 600), "");
  EXPECT_EQ(ChatTokenBuilder2::BuildAppToken(bad_id, kCert), "");
  EXPECT_EQ(FpaTokenBuilder::BuildToken(kAppId, bad_cert), "");
  EXPECT_EQ(ApaasTokenBuilder::BuildRoomUserToken(bad_id, kCert, "r", "u", 1, 600), "");
  EXPECT_EQ(ApaasTokenBuilder::BuildUserToken(kAppId, bad_cert, "u", 600), "");
  EXPECT_EQ(ApaasTokenBuilder::BuildAppToken(bad_id, kCert, 600), "");
  EXPECT_EQ(EducationTokenBuilder2::BuildRoomUserToken(kAppId, bad_cert, "r", "u", 1, 600), "");
  EXPECT_EQ(EducationTokenBuilder2::BuildUserToken(bad_id, kCert, "u", 600), "");
  EXPECT_EQ(EducationTokenBuilder2::BuildAppToken(kAppId, bad_cert, 600), "");
  EXPECT_EQ(RtcTokenBuilder::buildTokenWithUid(bad_id, kCert, "demo", 1, Role_Publisher, 0), "");
  EXPECT_EQ(RtcTokenBuilder::buildTokenWithUserAccount(kAppId, bad_cert, "demo", "a", Role_Publisher), "");
  EXPECT_EQ(RtmTokenBuilder::buildToken(bad_id, kCert, "a", Rtm_User), "");
  // Not UTF-8, or a NUL inside: also "" (the official builder would sign the bytes).
  EXPECT_EQ(RtmTokenBuilder2::BuildToken(kAppId, kCert, "\xff\xfe", 600), "");
  EXPECT_EQ(RtmTokenBuilder2::BuildToken(kAppId, kCert, std::string("a\0b", 3), 600), "");
}

TEST(Tools, AcceptsWhatTheOfficialBuildersAccept) {
  // Inputs the checked API refuses but the official builders sign.
  const std::string long_channel(100, '/');
  EXPECT_NE(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, long_channel, 0, UserRole::kRolePublisher, 600), "");
  EXPECT_NE(RtcTokenBuilder2::BuildTokenWithUserAccount(kAppId, kCert, "", "", UserRole::kRoleSubscriber, 600), "");
  EXPECT_NE(RtmTokenBuilder2::BuildToken(kAppId, kCert, std::string(300, 'u')), "");
  EXPECT_NE(ChatTokenBuilder2::BuildUserToken(kAppId, kCert, ""), "");
  EXPECT_NE(RtcTokenBuilder::buildTokenWithUserAccount(kAppId, kCert, "", "", Role_Admin), "");
  // Any role value but publisher joins only, as in the official 007 builder;
  // in 006 everything but subscriber publishes.
  const std::string t007 = RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "c", 1, static_cast<UserRole>(0), 600, 60);
  EXPECT_NE(tk::parse(t007).find("\"privileges\":{\"1\":60}"), std::string::npos) << tk::parse(t007);
  const std::string t006 = RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, "c", 1, static_cast<UserRole>(7), 60);
  EXPECT_NE(tk::parse(t006).find("\"privileges\":{\"1\":60}"), std::string::npos) << tk::parse(t006);
  const std::string t006_admin = RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, "c", 1, Role_Admin, 60);
  EXPECT_NE(tk::parse(t006_admin).find("\"4\":60"), std::string::npos) << tk::parse(t006_admin);
}
