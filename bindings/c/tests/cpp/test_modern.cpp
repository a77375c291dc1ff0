// The modern C++ API (agora::token) against the official vectors, byte for
// byte (007: decompressed content), and its errors.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "agora_token.hpp"
#include "cases.h"
#include "cpp/vector_calls.hpp"

namespace tk = agora::token;

namespace {

bool starts_with(const char* s, const char* prefix) { return s && std::strncmp(s, prefix, std::strlen(prefix)) == 0; }

std::string uid_text(const AgtCase& c) {
  if (!c.has_uid) return c.account;
  return c.uid == 0 ? std::string() : std::to_string(c.uid);
}

/// The case's token through the modern API (vector_calls.hpp).
std::string build(const AgtCase& c, bool lenient) { return agt::modern_build(c, lenient); }

void verify_official(const AgtCase& c) {
  const std::string b = c.builder, t = c.token, cert = c.app_certificate;
  if (starts_with(c.token, "007")) {
    EXPECT_EQ(tk::v007::verify(t, cert), tk::parse(t)) << c.name;
  } else if (starts_with(c.token, "006")) {
    const bool rtm = b.rfind("rtm006", 0) == 0;
    EXPECT_EQ(tk::v006::verify(t, cert, rtm ? c.account : c.channel_name, rtm ? std::string() : uid_text(c)), tk::parse(t)) << c.name;
  } else if (b.rfind("dk3.", 0) == 0) {
    tk::legacy::dynamic_key3_verify(t, cert, c.channel_name);
  } else if (b.rfind("dk4.", 0) == 0) {
    tk::legacy::dynamic_key4_verify(t, agt::key_kind(c.builder), cert, c.channel_name, c.uid);
  } else if (b.rfind("dk5.", 0) == 0) {
    tk::legacy::dynamic_key5_verify(t, cert, c.channel_name, c.uid);
  } else {
    EXPECT_EQ(tk::legacy::signaling_verify(t, c.account, cert), c.expired_ts) << c.name;
  }
}

}  // namespace

TEST(Modern, EveryVectorMatches) {
  int built = 0;
  for (size_t i = 0; i < AGT_CASE_COUNT; i++) {
    const AgtCase& c = AGT_CASES[i];
    SCOPED_TRACE(c.name);
    ASSERT_NO_THROW(verify_official(c));
    if (starts_with(c.file, "divergent_")) continue;
    std::string ours;
    try {
      ours = build(c, false);
    } catch (const tk::Error& e) {
      // Inputs only the official (lenient) builders accept.
      ASSERT_EQ(e.status(), AGORA_TOKEN_STATUS_INVALID_INPUT) << e.what();
      ASSERT_NO_THROW(ours = build(c, true));
    }
    if (starts_with(c.token, "007")) {
      EXPECT_EQ(tk::v007::content_hex(ours), tk::v007::content_hex(c.token));
    } else {
      EXPECT_EQ(ours, c.token);
    }
    built++;
  }
  EXPECT_GE(built, 150);
}

TEST(Modern, V006WithPrivilegesMatchesTheRoleBuilders) {
  for (size_t i = 0; i < AGT_CASE_COUNT; i++) {
    const AgtCase& c = AGT_CASES[i];
    if (std::string(c.builder).rfind("rtc006.", 0) != 0) continue;
    std::vector<std::pair<uint16_t, uint32_t>> p{{1, c.privilege_expired_ts}};
    if (c.role != 2)
      for (uint16_t id : {2, 3, 4}) p.emplace_back(id, c.privilege_expired_ts);
    EXPECT_EQ(tk::v006::rtc_build_with_privileges(c.app_id, c.app_certificate, c.channel_name, uid_text(c), p,
                                                  tk::Options::fixed006(c.salt, c.ts).with_lenient()),
              c.token)
        << c.name;
  }
}

namespace {
const std::string kAppId = "970CA35de60c44645bbae8a215061b33";
const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";

template <typename F>
tk::Error error_of(F&& f) {
  try {
    f();
  } catch (const tk::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no agora::token::Error thrown";
  return tk::Error(AGORA_TOKEN_STATUS_OK, "");
}
}  // namespace

TEST(Modern, ErrorsCarryStatusAndMessage) {
  auto e = error_of([] { tk::rtc::build_with_uid(kAppId, kCert, std::string(64, 'c'), 1, tk::RtcRole::Publisher, 1, 1); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_INVALID_INPUT);
  EXPECT_STREQ(e.status_name(), "invalid_input");
  EXPECT_STREQ(e.what(), "channel_name: must be shorter than 64 bytes (got 64 bytes)");

  e = error_of([] { tk::rtc::build_with_uid("abc", kCert, "demo", 1, tk::RtcRole::Publisher, 1, 1); });
  EXPECT_STREQ(e.what(), "app_id: must be 32 hexadecimal characters (got 3 bytes)");

  e = error_of([] { tk::rtc::build_with_uid(kAppId, kCert, std::string("de\0mo", 5), 1, tk::RtcRole::Publisher, 1, 1); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_INVALID_INPUT);
  EXPECT_STREQ(e.what(), "channel_name: must not contain a NUL byte");

  e = error_of([] { tk::rtm::build(kAppId, kCert, "\xff", 1); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_INVALID_UTF8);
  EXPECT_STREQ(e.what(), "user_id: must be valid UTF-8 (invalid byte at offset 0)");

  e = error_of([] { tk::rtc::build_with_uid(kAppId, kCert, "demo", 1, static_cast<tk::RtcRole>(7), 1, 1); });
  EXPECT_STREQ(e.what(), "role: must be 1 (publisher) or 2 (subscriber), got 7");

  e = error_of([] { tk::parse("garbage"); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_WRONG_VERSION);
  e = error_of([] { tk::parse("007AAAA"); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_MALFORMED);

  const std::string token = tk::chat::build_app_token(kAppId, kCert, 600);
  e = error_of([&] { tk::v007::verify(token, "5CFd2fd1755d40ecb72977518be15d3c"); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH);
  EXPECT_EQ(std::string(e.what()).find("5CFd2fd1755d40ecb72977518be15d3"), std::string::npos);

  e = error_of([] { tk::legacy::dynamic_key5_generate(tk::legacy::KeyKind::InChannelPermission, kAppId, kCert, "c", 1, 2, 3, 4); });
  EXPECT_EQ(std::string(e.what()).rfind("permission: must be", 0), 0u) << e.what();
  e = error_of([] { tk::v007::build(kAppId, kCert, 1, {}); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_NO_SERVICE);
}

TEST(Modern, DefaultsIssueNowWithARandomSalt) {
  const std::string a = tk::rtc::build_with_uid(kAppId, kCert, "demo", 42, tk::RtcRole::Publisher, 600, 600);
  const std::string b = tk::rtc::build_with_uid(kAppId, kCert, "demo", 42, tk::RtcRole::Publisher, 600, 600);
  EXPECT_NE(a, b);  // different salts (a 2^-32 chance of a false failure)
  EXPECT_NO_THROW(tk::v007::verify(a, kCert));
  EXPECT_NE(tk::parse(a).find("\"expire\":600"), std::string::npos);
}

TEST(Modern, CheckAnswersAllowedOrDeniedWithReasons) {
  const std::string token = tk::rtc::build_with_uid(kAppId, kCert, "demo", 42, tk::RtcRole::Subscriber, 600, 600);
  const std::string ok = tk::check(token, kCert, R"({"service":"rtc","channel_name":"demo","uid":42})");
  EXPECT_NE(ok.find("\"allowed\":true"), std::string::npos) << ok;
  const std::string denied = tk::check(token, kCert, R"({"service":"rtc","channel_name":"other","uid":42})");
  EXPECT_NE(denied.find("\"code\":\"channel_mismatch\""), std::string::npos) << denied;
  const std::string malformed = tk::check("garbage", kCert, R"({"service":"fpa"})");
  EXPECT_NE(malformed.find("\"code\":\"malformed\""), std::string::npos) << malformed;
  const tk::Error e = error_of([&] { tk::check(token, kCert, R"({"service":"mail"})"); });
  EXPECT_EQ(e.status(), AGORA_TOKEN_STATUS_INVALID_INPUT);
  EXPECT_EQ(std::string(e.what()).rfind("service:", 0), 0u) << e.what();
}
