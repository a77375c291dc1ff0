// The official vectors' builders (the "builder" of tests/vectors and
// tests/conformance/bad_inputs.json) as calls of include/agora_token.hpp:
// agora::tools (the official names) and agora::token (the modern API). One
// table for the C++ tests (test_tools.cpp, test_modern.cpp) and the
// conformance runner (tests/conformance/cpp/runner.cpp).
#ifndef AGT_VECTOR_CALLS_HPP
#define AGT_VECTOR_CALLS_HPP

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "agora_token.hpp"
#include "cases.h"

namespace agt {

namespace tools = agora::tools;
namespace tk = agora::token;

/// A case's string field; "" for NULL (a field the case does not have).
inline std::string s(const char* p) { return p ? p : ""; }

/// True when the case's builder is `b`.
inline bool is(const AgtCase& c, const char* b) { return std::strcmp(c.builder, b) == 0; }

/// The RTC user of an RTC + RTM builder as the account string the official
/// BuildTokenWithRtm2 takes: a uid is its decimal text ("" for 0), as every
/// builder packs it.
inline std::string rtc_account(const AgtCase& c) {
  if (c.has_uid) return c.uid == 0 ? "" : std::to_string(c.uid);
  return s(c.account);
}

/// The agora::tools call of a case; false when agora::tools has none.
inline bool tools_build(const AgtCase& c, std::string& token) {
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
    token = tools::RtcTokenBuilder2::BuildTokenWithRtm2(id, cert, ch, rtc_account(c), role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data,
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



/// RTM2 permissions of the C data.
inline std::vector<tk::Rtm2Permission> permissions(const AgoraTokenRtm2Permission* p, size_t n) {
  std::vector<tk::Rtm2Permission> out;
  for (size_t i = 0; i < n; i++) {
    out.push_back(tk::Rtm2Permission{p[i].resource_type, p[i].permission_type,
                                     std::vector<std::string>(p[i].resources, p[i].resources + p[i].resource_count)});
  }
  return out;
}

/// The key kind of a legacy key builder ("dk4.recording", ...).
inline tk::legacy::KeyKind key_kind(const char* builder) {
  const char* k = std::strchr(builder, '.') + 1;
  if (!std::strcmp(k, "recording")) return tk::legacy::KeyKind::Recording;
  if (!std::strcmp(k, "public_sharing")) return tk::legacy::KeyKind::PublicSharing;
  if (!std::strcmp(k, "in_channel_permission")) return tk::legacy::KeyKind::InChannelPermission;
  return tk::legacy::KeyKind::MediaChannel;
}

/// The case's token through agora::token, pinned to its issue ts and salt
/// (006: salt and ts), lenient when asked; throws agora::token::Error (with
/// AGORA_TOKEN_STATUS_INTERNAL for a builder it does not know). Not for
/// "parse" and "verify".
inline std::string modern_build(const AgtCase& c, bool lenient) {
  const std::string id = s(c.app_id), cert = s(c.app_certificate), ch = s(c.channel_name);
  const bool v006 = std::strncmp(c.builder, "rtc006.", 7) == 0 || is(c, "rtm006.token");
  tk::Options o = v006 ? tk::Options::fixed006(c.salt, c.ts) : tk::Options::fixed(c.issue_ts, c.salt);
  o = o.with_lenient(lenient);
  const auto role = static_cast<tk::RtcRole>(c.role);
  const std::string b = c.builder;
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
    auto f = b == "rtc.with_rtm2" ? tk::rtc::build_with_rtm2 : b == "convoai.token" ? tk::convoai::build : tk::stt::build;
    return f(id, cert, ch, rtc_account(c), role, c.token_expire, c.join, c.pub_audio, c.pub_video, c.pub_data, s(c.rtm_user_id), c.rtm_token_expire, o);
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

}  // namespace agt

#endif
