// The C++ surface of scripts/test-conformance: the official-named drop-in
// API agora::tools of include/agora_token.hpp, over every case of a
// generated cases.c. Prints one JSON line per case:
//   {"name", "offered": false}                  no agora::tools builder for it
//   {"name", "offered": true, "token": "..."}   what the builder returned
//                                               ("" is the official failure value)
// agora::tools cannot be given an issue ts and salt (the official builders
// cannot either): the driver reads them back from the token and compares
// with token-core built with the same ones ("re-pinned").
//
// Builders "parse" and "verify" (bad inputs) have no agora::tools form; they
// go through agora::token (the modern API of the same header), whose error
// carries the status: {"name", "offered": true, "ok": false, "kind"}.
//
// `runner modern auto|checked` runs every case through agora::token instead,
// pinned with Options::fixed / fixed006 (see run_modern).
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "agora_token.hpp"

extern "C" {
#include "cases.h"
}

namespace tools = agora::tools;

static std::string json_string(const char* s) {
  std::string out = "\"";
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s ? s : ""); *p; p++) {
    if (*p == '"' || *p == '\\') {
      out += '\\';
      out += static_cast<char>(*p);
    } else if (*p < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", *p);
      out += buf;
    } else {
      out += static_cast<char>(*p);
    }
  }
  return out + "\"";
}

static std::string s(const char* p) { return p ? p : ""; }
static bool is(const AgtCase& c, const char* b) { return std::strcmp(c.builder, b) == 0; }

// The agora::tools call of a case; false when agora::tools has none.
static bool build(const AgtCase& c, std::string& token) {
  const std::string id = s(c.app_id), cert = s(c.app_certificate), ch = s(c.channel_name);
  const auto role = static_cast<tools::UserRole>(c.role);
  if (is(c, "rtc.with_uid")) {
    token = tools::RtcTokenBuilder2::BuildTokenWithUid(id, cert, ch, c.uid, role, c.token_expire, c.privilege_expire);
  } else if (is(c, "rtc.with_user_account")) {
    token = tools::RtcTokenBuilder2::BuildTokenWithUserAccount(id, cert, ch, s(c.account), role, c.token_expire, c.privilege_expire);
  } else if (is(c, "rtc.with_uid_and_privilege")) {
    token = tools::RtcTokenBuilder2::BuildTokenWithUid(id, cert, ch, c.uid, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data);
  } else if (is(c, "rtc.with_user_account_and_privilege")) {
    token = tools::RtcTokenBuilder2::BuildTokenWithUserAccount(id, cert, ch, s(c.account), c.token_expire, c.join, c.pub_audio, c.pub_video,
                                                               c.pub_data);
  } else if (is(c, "rtc.with_rtm")) {
    token = tools::RtcTokenBuilder2::BuildTokenWithRtm(id, cert, ch, s(c.account), role, c.token_expire, c.privilege_expire);
  } else if (is(c, "rtc.with_rtm2")) {
    // The official BuildTokenWithRtm2 takes the RTC user as an account
    // string; a uid is its decimal text ("" for 0) as every builder packs it.
    std::string account = s(c.account);
    if (c.has_uid) account = c.uid == 0 ? "" : std::to_string(c.uid);
    token = tools::RtcTokenBuilder2::BuildTokenWithRtm2(id, cert, ch, account, role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data,
                                                        s(c.rtm_user_id), c.rtm_token_expire);
  } else if (is(c, "rtm.token")) {
    token = tools::RtmTokenBuilder2::BuildToken(id, cert, s(c.user_id), c.expire);
  } else if (is(c, "rtm.token_with_permissions")) {
    tools::ServiceRtm2::Permissions p;
    for (size_t i = 0; i < c.permission_count; i++) {
      const AgoraTokenRtm2Permission& e = c.permissions[i];
      std::vector<std::string> resources(e.resources, e.resources + e.resource_count);
      p.Add(e.resource_type, e.permission_type, resources);
    }
    token = tools::RtmTokenBuilder2::BuildToken(id, cert, s(c.user_id), p, c.expire);
  } else if (is(c, "chat.user")) {
    token = tools::ChatTokenBuilder2::BuildUserToken(id, cert, s(c.user_id), c.expire);
  } else if (is(c, "chat.app")) {
    token = tools::ChatTokenBuilder2::BuildAppToken(id, cert, c.expire);
  } else if (is(c, "fpa.token")) {
    token = tools::FpaTokenBuilder::BuildToken(id, cert);
  } else if (is(c, "apaas.room_user")) {
    token = tools::ApaasTokenBuilder::BuildRoomUserToken(id, cert, s(c.room_uuid), s(c.user_uuid), static_cast<int16_t>(c.role), c.expire);
  } else if (is(c, "apaas.user")) {
    token = tools::ApaasTokenBuilder::BuildUserToken(id, cert, s(c.user_uuid), c.expire);
  } else if (is(c, "apaas.app")) {
    token = tools::ApaasTokenBuilder::BuildAppToken(id, cert, c.expire);
  } else if (is(c, "education.room_user")) {
    token = tools::EducationTokenBuilder2::BuildRoomUserToken(id, cert, s(c.room_uuid), s(c.user_uuid), static_cast<int16_t>(c.role), c.expire);
  } else if (is(c, "education.user")) {
    token = tools::EducationTokenBuilder2::BuildUserToken(id, cert, s(c.user_uuid), c.expire);
  } else if (is(c, "education.app")) {
    token = tools::EducationTokenBuilder2::BuildAppToken(id, cert, c.expire);
  } else if (is(c, "rtc006.with_uid")) {
    token = tools::RtcTokenBuilder::buildTokenWithUid(id, cert, ch, c.uid, role, c.privilege_expired_ts);
  } else if (is(c, "rtc006.with_user_account")) {
    token = tools::RtcTokenBuilder::buildTokenWithUserAccount(id, cert, ch, s(c.account), role, c.privilege_expired_ts);
  } else if (is(c, "rtm006.token")) {
    token = tools::RtmTokenBuilder::buildToken(id, cert, s(c.account), tools::Rtm_User, c.privilege_expired_ts);
  } else {
    return false;  // ConvoAI, STT, hand-assembled services, legacy keys: not in the official C++ headers
  }
  return true;
}

// ---------------------------------------------------------------------------
// agora::token, the modern API of the same header: every builder, with
// Options (fixed issue ts and salt, leniency); failures throw
// agora::token::Error with the C status.

namespace tk = agora::token;

static std::vector<tk::Rtm2Permission> permissions(const AgoraTokenRtm2Permission* p, size_t n) {
  std::vector<tk::Rtm2Permission> out;
  for (size_t i = 0; i < n; i++) {
    out.push_back(tk::Rtm2Permission{p[i].resource_type, p[i].permission_type,
                                     std::vector<std::string>(p[i].resources, p[i].resources + p[i].resource_count)});
  }
  return out;
}

static tk::legacy::KeyKind key_kind(const char* builder) {
  const char* k = std::strchr(builder, '.') + 1;
  if (!std::strcmp(k, "recording")) return tk::legacy::KeyKind::Recording;
  if (!std::strcmp(k, "public_sharing")) return tk::legacy::KeyKind::PublicSharing;
  if (!std::strcmp(k, "in_channel_permission")) return tk::legacy::KeyKind::InChannelPermission;
  return tk::legacy::KeyKind::MediaChannel;
}

static std::string modern(const AgtCase& c, bool lenient) {
  const std::string id = s(c.app_id), cert = s(c.app_certificate), ch = s(c.channel_name);
  const bool v006 = std::strncmp(c.builder, "rtc006.", 7) == 0 || is(c, "rtm006.token");
  tk::Options o = v006 ? tk::Options::fixed006(c.salt, c.ts) : tk::Options::fixed(c.issue_ts, c.salt);
  o = o.with_lenient(lenient);
  const auto role = static_cast<tk::RtcRole>(c.role);
  const std::string b = c.builder;
  if (b == "parse") return tk::parse(s(c.token)), "";
  if (b == "verify") {
    if (std::strncmp(s(c.token).c_str(), "006", 3) == 0)
      return tk::v006::verify(s(c.token), cert, ch, c.has_uid && c.uid ? std::to_string(c.uid) : ""), "";
    return tk::v007::verify(s(c.token), cert), "";
  }
  if (b == "rtc.with_uid") return tk::rtc::build_with_uid(id, cert, ch, c.uid, role, c.token_expire, c.privilege_expire, o);
  if (b == "rtc.with_user_account")
    return tk::rtc::build_with_user_account(id, cert, ch, s(c.account), role, c.token_expire, c.privilege_expire, o);
  if (b == "rtc.with_uid_and_privilege")
    return tk::rtc::build_with_uid_and_privilege(id, cert, ch, c.uid, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data, o);
  if (b == "rtc.with_user_account_and_privilege")
    return tk::rtc::build_with_user_account_and_privilege(id, cert, ch, s(c.account), c.token_expire, c.join, c.pub_audio, c.pub_video,
                                                          c.pub_data, o);
  if (b == "rtc.with_rtm") return tk::rtc::build_with_rtm(id, cert, ch, s(c.account), role, c.token_expire, c.privilege_expire, o);
  if (b == "rtc.with_rtm2" || b == "convoai.token" || b == "stt.token") {
    std::string account = s(c.account);
    if (c.has_uid) account = c.uid == 0 ? "" : std::to_string(c.uid);
    auto f = b == "rtc.with_rtm2" ? tk::rtc::build_with_rtm2 : b == "convoai.token" ? tk::convoai::build : tk::stt::build;
    return f(id, cert, ch, account, role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data, s(c.rtm_user_id), c.rtm_token_expire, o);
  }
  if (b == "rtm.token") return tk::rtm::build(id, cert, s(c.user_id), c.expire, o);
  if (b == "rtm.token_with_permissions")
    return tk::rtm::build_with_permissions(id, cert, s(c.user_id), permissions(c.permissions, c.permission_count), c.expire, o);
  if (b == "chat.user") return tk::chat::build_user_token(id, cert, s(c.user_id), c.expire, o);
  if (b == "chat.app") return tk::chat::build_app_token(id, cert, c.expire, o);
  if (b == "fpa.token") return tk::fpa::build(id, cert, o);
  if (b == "apaas.room_user")
    return tk::apaas::build_room_user_token(id, cert, s(c.room_uuid), s(c.user_uuid), static_cast<int16_t>(c.role), c.expire, o);
  if (b == "apaas.user") return tk::apaas::build_user_token(id, cert, s(c.user_uuid), c.expire, o);
  if (b == "apaas.app") return tk::apaas::build_app_token(id, cert, c.expire, o);
  if (b == "education.room_user")
    return tk::education::build_room_user_token(id, cert, s(c.room_uuid), s(c.user_uuid), static_cast<int16_t>(c.role), c.expire, o);
  if (b == "education.user") return tk::education::build_user_token(id, cert, s(c.user_uuid), c.expire, o);
  if (b == "education.app") return tk::education::build_app_token(id, cert, c.expire, o);
  if (b == "access_token2.services") {
    std::vector<tk::v007::Service> services;
    for (size_t i = 0; i < c.service_count; i++) {
      const AgoraTokenService& x = c.services[i];
      tk::v007::Service v;
      v.service_type = x.service_type;
      for (size_t k = 0; k < x.privilege_count; k++) v.privileges.emplace_back(x.privileges[k].id, x.privileges[k].expire);
      v.channel_name = s(x.channel_name);
      v.uid = s(x.uid);
      v.user_id = s(x.user_id);
      v.account = s(x.account);
      v.room_uuid = s(x.room_uuid);
      v.user_uuid = s(x.user_uuid);
      v.role = x.role;
      v.permissions = permissions(x.permissions, x.permission_count);
      services.push_back(v);
    }
    return tk::v007::build(id, cert, c.expire, services, o);
  }
  if (b == "rtc006.with_uid")
    return tk::v006::rtc_build_with_uid(id, cert, ch, c.uid, static_cast<tk::Rtc006Role>(c.role), c.privilege_expired_ts, o);
  if (b == "rtc006.with_user_account")
    return tk::v006::rtc_build_with_user_account(id, cert, ch, s(c.account), static_cast<tk::Rtc006Role>(c.role), c.privilege_expired_ts, o);
  if (b == "rtm006.token") return tk::v006::rtm_build(id, cert, s(c.account), c.privilege_expired_ts, o);
  if (b.rfind("dk3.", 0) == 0) return tk::legacy::dynamic_key3_generate(id, cert, ch, c.unix_ts, c.random_int, c.uid, c.expired_ts);
  if (b.rfind("dk4.", 0) == 0)
    return tk::legacy::dynamic_key4_generate(key_kind(c.builder), id, cert, ch, c.unix_ts, c.random_int, c.uid, c.expired_ts);
  if (b.rfind("dk5.", 0) == 0) {
    std::optional<std::string> permission;
    if (c.permission) permission = c.permission;
    return tk::legacy::dynamic_key5_generate(key_kind(c.builder), id, cert, ch, c.unix_ts, c.random_int, c.uid, c.expired_ts, permission);
  }
  if (b == "signaling.token") return tk::legacy::signaling_generate(s(c.account), id, cert, c.expired_ts);
  throw tk::Error(AGORA_TOKEN_STATUS_INTERNAL, "no mapping for " + b);
}

// `runner modern auto|checked`: every case through agora::token, pinned;
// auto retries with Options::with_lenient() when the checked call refuses.
static int run_modern(bool lenient_fallback) {
  for (size_t n = 0; n < AGT_CASE_COUNT; n++) {
    const AgtCase& c = AGT_CASES[n];
    std::string line = "{\"name\": " + json_string(c.name) + ", \"offered\": true";
    try {
      std::string token;
      bool lenient = false;
      try {
        token = modern(c, false);
      } catch (const tk::Error& e) {
        if (!lenient_fallback || e.status() != AGORA_TOKEN_STATUS_INVALID_INPUT) throw;
        lenient = true;
        token = modern(c, true);
      }
      line += std::string(", \"ok\": true, \"lenient\": ") + (lenient ? "true" : "false") + ", \"token\": " + json_string(token.c_str());
    } catch (const tk::Error& e) {
      line += ", \"ok\": false, \"kind\": " + json_string(e.status_name()) + ", \"message\": " + json_string(e.what());
    }
    std::printf("%s}\n", line.c_str());
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "modern")) return run_modern(argc > 2 && !std::strcmp(argv[2], "auto"));
  for (size_t n = 0; n < AGT_CASE_COUNT; n++) {
    const AgtCase& c = AGT_CASES[n];
    std::string line = "{\"name\": " + json_string(c.name);
    if (is(c, "parse") || is(c, "verify")) {
      try {
        if (is(c, "parse")) {
          agora::token::parse(s(c.token));
        } else if (std::strncmp(s(c.token).c_str(), "006", 3) == 0) {
          agora::token::v006::verify(s(c.token), s(c.app_certificate), s(c.channel_name), c.has_uid && c.uid ? std::to_string(c.uid) : "");
        } else {
          agora::token::v007::verify(s(c.token), s(c.app_certificate));
        }
        line += ", \"offered\": true, \"ok\": true, \"token\": \"\"";
      } catch (const agora::token::Error& e) {
        line += ", \"offered\": true, \"ok\": false, \"kind\": " + json_string(e.status_name());
      }
    } else {
      std::string token;
      if (build(c, token)) {
        line += ", \"offered\": true, \"ok\": true, \"token\": " + json_string(token.c_str());
      } else {
        line += ", \"offered\": false";
      }
    }
    std::printf("%s}\n", line.c_str());
  }
  return 0;
}
