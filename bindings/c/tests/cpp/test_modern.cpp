// The modern C++ API (agora::token) against the official vectors, byte for
// byte (007: decompressed content), and its errors.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "agora_token.hpp"
#include "cases.h"

namespace tk = agora::token;

namespace {

bool starts_with(const char* s, const char* prefix) { return s && std::strncmp(s, prefix, std::strlen(prefix)) == 0; }

std::string uid_text(const AgtCase& c) {
  if (!c.has_uid) return c.account;
  return c.uid == 0 ? std::string() : std::to_string(c.uid);
}

std::vector<tk::Rtm2Permission> permissions(const AgoraTokenRtm2Permission* p, size_t n) {
  std::vector<tk::Rtm2Permission> out;
  for (size_t i = 0; i < n; i++) {
    tk::Rtm2Permission e;
    e.resource_type = p[i].resource_type;
    e.permission_type = p[i].permission_type;
    for (size_t j = 0; j < p[i].resource_count; j++) e.resources.emplace_back(p[i].resources[j]);
    out.push_back(e);
  }
  return out;
}

std::vector<tk::v007::Service> services(const AgtCase& c) {
  std::vector<tk::v007::Service> out;
  for (size_t i = 0; i < c.service_count; i++) {
    const AgoraTokenService& s = c.services[i];
    tk::v007::Service x;
    x.service_type = s.service_type;
    for (size_t j = 0; j < s.privilege_count; j++) x.privileges.emplace_back(s.privileges[j].id, s.privileges[j].expire);
    x.channel_name = s.channel_name;
    x.uid = s.uid;
    x.user_id = s.user_id;
    x.account = s.account;
    x.room_uuid = s.room_uuid;
    x.user_uuid = s.user_uuid;
    x.role = s.role;
    x.permissions = permissions(s.permissions, s.permission_count);
    out.push_back(x);
  }
  return out;
}

tk::legacy::KeyKind key_kind(const std::string& builder) {
  const std::string k = builder.substr(builder.find('.') + 1);
  if (k == "recording") return tk::legacy::KeyKind::Recording;
  if (k == "public_sharing") return tk::legacy::KeyKind::PublicSharing;
  if (k == "in_channel_permission") return tk::legacy::KeyKind::InChannelPermission;
  return tk::legacy::KeyKind::MediaChannel;
}

/// The case's token through the modern API.
std::string build(const AgtCase& c, bool lenient) {
  const std::string b = c.builder, id = c.app_id, cert = c.app_certificate;
  const tk::Options o007 = tk::Options::fixed(c.issue_ts, c.salt).with_lenient(lenient);
  const tk::Options o006 = tk::Options::fixed006(c.salt, c.ts).with_lenient(lenient);
  const auto role = static_cast<tk::RtcRole>(c.role);
  if (b == "rtc.with_uid") return tk::rtc::build_with_uid(id, cert, c.channel_name, c.uid, role, c.token_expire, c.privilege_expire, o007);
  if (b == "rtc.with_user_account")
    return tk::rtc::build_with_user_account(id, cert, c.channel_name, c.account, role, c.token_expire, c.privilege_expire, o007);
  if (b == "rtc.with_uid_and_privilege")
    return tk::rtc::build_with_uid_and_privilege(id, cert, c.channel_name, c.uid, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data,
                                                 o007);
  if (b == "rtc.with_user_account_and_privilege")
    return tk::rtc::build_with_user_account_and_privilege(id, cert, c.channel_name, c.account, c.token_expire, c.join, c.pub_audio, c.pub_video,
                                                          c.pub_data, o007);
  if (b == "rtc.with_rtm") return tk::rtc::build_with_rtm(id, cert, c.channel_name, c.account, role, c.token_expire, c.privilege_expire, o007);
  if (b == "rtc.with_rtm2")
    return tk::rtc::build_with_rtm2(id, cert, c.channel_name, c.account, role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data,
                                    c.rtm_user_id, c.rtm_token_expire, o007);
  if (b == "convoai.token")
    return tk::convoai::build(id, cert, c.channel_name, c.account, role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data,
                              c.rtm_user_id, c.rtm_token_expire, o007);
  if (b == "stt.token")
    return tk::stt::build(id, cert, c.channel_name, c.account, role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data, c.rtm_user_id,
                          c.rtm_token_expire, o007);
  if (b == "rtm.token") return tk::rtm::build(id, cert, c.user_id, c.expire, o007);
  if (b == "rtm.token_with_permissions")
    return tk::rtm::build_with_permissions(id, cert, c.user_id, permissions(c.permissions, c.permission_count), c.expire, o007);
  if (b == "chat.user") return tk::chat::build_user_token(id, cert, c.user_id, c.expire, o007);
  if (b == "chat.app") return tk::chat::build_app_token(id, cert, c.expire, o007);
  if (b == "fpa.token") return tk::fpa::build(id, cert, o007);
  if (b == "apaas.room_user")
    return tk::apaas::build_room_user_token(id, cert, c.room_uuid, c.user_uuid, static_cast<int16_t>(c.role), c.expire, o007);
  if (b == "apaas.user") return tk::apaas::build_user_token(id, cert, c.user_uuid, c.expire, o007);
  if (b == "apaas.app") return tk::apaas::build_app_token(id, cert, c.expire, o007);
  if (b == "education.room_user")
    return tk::education::build_room_user_token(id, cert, c.room_uuid, c.user_uuid, static_cast<int16_t>(c.role), c.expire, o007);
  if (b == "education.user") return tk::education::build_user_token(id, cert, c.user_uuid, c.expire, o007);
  if (b == "education.app") return tk::education::build_app_token(id, cert, c.expire, o007);
  if (b == "access_token2.services") return tk::v007::build(id, cert, c.expire, services(c), o007);
  const auto role006 = static_cast<tk::Rtc006Role>(c.role);
  if (b == "rtc006.with_uid") return tk::v006::rtc_build_with_uid(id, cert, c.channel_name, c.uid, role006, c.privilege_expired_ts, o006);
  if (b == "rtc006.with_user_account")
    return tk::v006::rtc_build_with_user_account(id, cert, c.channel_name, c.account, role006, c.privilege_expired_ts, o006);
  if (b == "rtm006.token") return tk::v006::rtm_build(id, cert, c.account, c.privilege_expired_ts, o006);
  if (b.rfind("dk3.", 0) == 0) return tk::legacy::dynamic_key3_generate(id, cert, c.channel_name, c.unix_ts, c.random_int, c.uid, c.expired_ts);
  if (b.rfind("dk4.", 0) == 0)
    return tk::legacy::dynamic_key4_generate(key_kind(b), id, cert, c.channel_name, c.unix_ts, c.random_int, c.uid, c.expired_ts);
  if (b.rfind("dk5.", 0) == 0) {
    std::optional<std::string> permission;
    if (c.permission) permission = c.permission;
    return tk::legacy::dynamic_key5_generate(key_kind(b), id, cert, c.channel_name, c.unix_ts, c.random_int, c.uid, c.expired_ts, permission);
  }
  if (b == "signaling.token") return tk::legacy::signaling_generate(c.account, id, cert, c.expired_ts);
  ADD_FAILURE() << c.name << ": no mapping for " << b;
  return {};
}

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
    tk::legacy::dynamic_key4_verify(t, key_kind(b), cert, c.channel_name, c.uid);
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
