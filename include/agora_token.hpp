// agora_token.hpp: header-only C++17 layer over the C API of libagora_token
// (agora_token.h). Link with -lagora_token, or CMake agora_token::agora_token.
//
// Two APIs:
//
// 1. namespace agora::tools: a drop-in for Agora's official C++ token
//    builders (RtcTokenBuilder2, RtmTokenBuilder2, ChatTokenBuilder2,
//    FpaTokenBuilder, ApaasTokenBuilder, EducationTokenBuilder2, and the 006
//    RtcTokenBuilder and RtmTokenBuilder). Same class, method, enum and
//    parameter names, same defaults, same results: existing code compiles
//    unchanged and accepts what the official builders accept. Like them it
//    returns an empty string when a token cannot be built (bad app ID or
//    certificate). Differences: a string argument containing a NUL byte or
//    invalid UTF-8 also gives an empty string; and one `UserRole` enum serves
//    both the 007 names (kRolePublisher, kRoleSubscriber) and the 006 names
//    (Role_Attendee, Role_Publisher, Role_Subscriber, Role_Admin), so code
//    written for either official header compiles against this one.
//
// 2. namespace agora::token: the modern API. Every function of the C API,
//    with std::string in and out, an Options argument (fixed issue time and
//    salt for reproducible tokens, leniency), inputs checked by default, and
//    failures thrown as agora::token::Error carrying the status code and the
//    message that names the field and the rule.
//
// Both are thread-safe; nothing is cached or global.

#pragma once

#if !defined(__cplusplus) || (__cplusplus < 201703L && (!defined(_MSVC_LANG) || _MSVC_LANG < 201703L))
#error "agora_token.hpp needs C++17 (use agora_token.h from C)"
#endif

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "agora_token.h"

namespace agora {
namespace token {

/// A failed call: the C API's status and its message (which names the field
/// and the rule, and never contains the certificate).
class Error : public std::runtime_error {
 public:
  /// An error of `status` with `message`.
  Error(AgoraTokenStatus status, const std::string& message) : std::runtime_error(message), status_(status) {}
  /// The status code (never AGORA_TOKEN_STATUS_OK).
  AgoraTokenStatus status() const noexcept { return status_; }
  /// The status's stable name: "invalid_input", "malformed", ...
  const char* status_name() const noexcept { return agora_token_status_name(static_cast<int32_t>(status_)); }

 private:
  AgoraTokenStatus status_;
};

/// How a token is issued and how strictly its inputs are checked. The default
/// issues now with a random salt and checks every input.
struct Options {
  /// Use issue_ts and salt (007) or salt and ts (006) below.
  bool fixed_issue = false;
  /// 007: issue time, seconds since the Unix epoch.
  uint32_t issue_ts = 0;
  /// 007 and 006: salt.
  uint32_t salt = 0;
  /// 006: token expiry timestamp.
  uint32_t ts = 0;
  /// Accept what the official builders accept (no channel/account/role checks).
  bool lenient = false;

  /// Reproducible 007 tokens: this issue time and salt.
  static Options fixed(uint32_t issue_ts, uint32_t salt) {
    Options o;
    o.fixed_issue = true;
    o.issue_ts = issue_ts;
    o.salt = salt;
    return o;
  }
  /// Reproducible 006 tokens: this salt and expiry timestamp.
  static Options fixed006(uint32_t salt, uint32_t ts) {
    Options o;
    o.fixed_issue = true;
    o.salt = salt;
    o.ts = ts;
    return o;
  }
  /// The same options with leniency switched on (or off).
  Options with_lenient(bool on = true) const {
    Options o = *this;
    o.lenient = on;
    return o;
  }
  /// The C form.
  AgoraTokenOptions to_c() const {
    AgoraTokenOptions c{};
    c.flags = (fixed_issue ? AGORA_TOKEN_OPTION_FIXED_ISSUE : 0u) | (lenient ? AGORA_TOKEN_OPTION_LENIENT : 0u);
    c.issue_ts = issue_ts;
    c.salt = salt;
    c.ts = ts;
    return c;
  }
};

/// 007 RTC role.
enum class RtcRole : int32_t { Publisher = 1, Subscriber = 2 };

/// 006 RTC role (all but Subscriber may publish).
enum class Rtc006Role : int32_t { Attendee = 0, Publisher = 1, Subscriber = 2, Admin = 101 };

/// One RTM 2.x permission entry; later entries for the same pair replace earlier ones.
struct Rtm2Permission {
  /// 0 message channels, 1 stream channels, 2 group channels, 3 server groups, 4 users.
  uint16_t resource_type = 0;
  /// 0 read, 1 write.
  uint16_t permission_type = 0;
  /// The resources.
  std::vector<std::string> resources;
};

namespace detail {

struct StringFree {
  void operator()(char* p) const noexcept { agora_token_string_free(p); }
};
/// A string returned by the C API, freed on scope exit.
using CString = std::unique_ptr<char, StringFree>;

/// The C string of `s`; a NUL byte inside would silently cut it, so refuse it.
inline const char* arg(const std::string& s, const char* field) {
  if (s.find('\0') != std::string::npos) {
    throw Error(AGORA_TOKEN_STATUS_INVALID_INPUT, std::string(field) + ": must not contain a NUL byte");
  }
  return s.c_str();
}

/// Throws the error of a failed call; frees the message either way.
inline void check(AgoraTokenStatus status, char* error) {
  CString owned(error);
  if (status != AGORA_TOKEN_STATUS_OK) {
    throw Error(status, owned ? owned.get() : agora_token_status_name(static_cast<int32_t>(status)));
  }
}

/// Runs `call(&out, &error)` and returns `out` as a std::string.
template <typename Call>
std::string string_result(Call&& call) {
  char* out = nullptr;
  char* error = nullptr;
  AgoraTokenStatus status = call(&out, &error);
  CString owned(out);
  check(status, error);
  return owned ? std::string(owned.get()) : std::string();
}

/// C views of RTM2 permissions; the strings stay owned by the caller's vector.
struct Permissions {
  explicit Permissions(const std::vector<Rtm2Permission>& list) {
    pointers.reserve(list.size());
    entries.reserve(list.size());
    for (const auto& p : list) {
      // A moved vector keeps its buffer, so names.data() stays valid.
      auto& names = pointers.emplace_back();
      names.reserve(p.resources.size());
      for (const auto& r : p.resources) names.push_back(arg(r, "permissions.resources"));
      entries.push_back(AgoraTokenRtm2Permission{p.resource_type, p.permission_type, names.data(), names.size()});
    }
  }
  std::vector<std::vector<const char*>> pointers;
  std::vector<AgoraTokenRtm2Permission> entries;
};

/// Calls `build`, one of the C builders of RTC + RTM tokens (with RTM2,
/// ConvoAI, STT), with the arguments of rtc::build_with_rtm2.
template <typename Build>
std::string rtc_rtm(Build build, const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                    const std::string& rtc_account, RtcRole rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
                    uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire,
                    const std::string& rtm_user_id, uint32_t rtm_token_expire, const Options& options) {
  const AgoraTokenOptions o = options.to_c();
  return string_result([&](char** out, char** err) {
    return build(arg(app_id, "app_id"), arg(app_certificate, "app_certificate"), arg(channel_name, "channel_name"),
                 arg(rtc_account, "rtc_account"), static_cast<int32_t>(rtc_role), rtc_token_expire, join_channel_privilege_expire,
                 pub_audio_privilege_expire, pub_video_privilege_expire, pub_data_stream_privilege_expire, arg(rtm_user_id, "rtm_user_id"),
                 rtm_token_expire, &o, out, err);
  });
}

}  // namespace detail

/// Parses a 007 or 006 token (no signature check) to JSON; see agora_token_parse.
inline std::string parse(const std::string& token) {
  return detail::string_result([&](char** out, char** err) { return agora_token_parse(detail::arg(token, "token"), out, err); });
}

/// Would Agora admit this client with this token? Returns the report as JSON
/// (`{"allowed":...,"reasons":[{"code","message"}],...}`); a bad token is a
/// denial in the report, a bad certificate or request throws. `now` 0 is the
/// current time. See agora_token_check for the request form.
inline std::string check(const std::string& token, const std::string& app_certificate, const std::string& request_json, uint64_t now = 0) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_check(detail::arg(token, "token"), detail::arg(app_certificate, "app_certificate"),
                             detail::arg(request_json, "request_json"), now, out, err);
  });
}

/// RTC 007 builders (RtcTokenBuilder2).
namespace rtc {

/// A token for a uid (0: any user).
inline std::string build_with_uid(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name, uint32_t uid,
                                  RtcRole role, uint32_t token_expire, uint32_t privilege_expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtc_build_with_uid(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                          detail::arg(channel_name, "channel_name"), uid, static_cast<int32_t>(role), token_expire,
                                          privilege_expire, &o, out, err);
  });
}

/// A token for a user account.
inline std::string build_with_user_account(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                           const std::string& account, RtcRole role, uint32_t token_expire, uint32_t privilege_expire,
                                           const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtc_build_with_user_account(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                                   detail::arg(channel_name, "channel_name"), detail::arg(account, "account"),
                                                   static_cast<int32_t>(role), token_expire, privilege_expire, &o, out, err);
  });
}

/// A token for a uid with an expire per privilege.
inline std::string build_with_uid_and_privilege(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                                uint32_t uid, uint32_t token_expire, uint32_t join_channel_privilege_expire,
                                                uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire,
                                                uint32_t pub_data_stream_privilege_expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtc_build_with_uid_and_privilege(
        detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), detail::arg(channel_name, "channel_name"), uid,
        token_expire, join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire, pub_data_stream_privilege_expire, &o,
        out, err);
  });
}

/// A token for a user account with an expire per privilege.
inline std::string build_with_user_account_and_privilege(const std::string& app_id, const std::string& app_certificate,
                                                         const std::string& channel_name, const std::string& account, uint32_t token_expire,
                                                         uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                                         uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire,
                                                         const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtc_build_with_user_account_and_privilege(
        detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), detail::arg(channel_name, "channel_name"),
        detail::arg(account, "account"), token_expire, join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
        pub_data_stream_privilege_expire, &o, out, err);
  });
}

/// An RTC token that also logs `account` in to RTM.
inline std::string build_with_rtm(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                  const std::string& account, RtcRole role, uint32_t token_expire, uint32_t privilege_expire,
                                  const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtc_build_with_rtm(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                          detail::arg(channel_name, "channel_name"), detail::arg(account, "account"),
                                          static_cast<int32_t>(role), token_expire, privilege_expire, &o, out, err);
  });
}

/// An RTC token for `rtc_account` plus an RTM login for `rtm_user_id`.
inline std::string build_with_rtm2(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                   const std::string& rtc_account, RtcRole rtc_role, uint32_t rtc_token_expire,
                                   uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                   uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const std::string& rtm_user_id,
                                   uint32_t rtm_token_expire, const Options& options = {}) {
  return detail::rtc_rtm(agora_token_rtc_build_with_rtm2, app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire,
                         join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
                         pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire, options);
}

}  // namespace rtc

/// ConvoAI tokens.
namespace convoai {
/// The token of rtc::build_with_rtm2 plus a ConvoAI service.
inline std::string build(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                         const std::string& rtc_account, RtcRole rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
                         uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire,
                         const std::string& rtm_user_id, uint32_t rtm_token_expire, const Options& options = {}) {
  return detail::rtc_rtm(agora_token_convoai_build, app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire,
                         join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
                         pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire, options);
}
}  // namespace convoai

/// Speech-to-text tokens.
namespace stt {
/// The token of rtc::build_with_rtm2 plus an STT service.
inline std::string build(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                         const std::string& rtc_account, RtcRole rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
                         uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire,
                         const std::string& rtm_user_id, uint32_t rtm_token_expire, const Options& options = {}) {
  return detail::rtc_rtm(agora_token_stt_build, app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire,
                         join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
                         pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire, options);
}
}  // namespace stt

/// RTM 007 tokens (RtmTokenBuilder2).
namespace rtm {
/// An RTM login token.
inline std::string build(const std::string& app_id, const std::string& app_certificate, const std::string& user_id, uint32_t expire,
                         const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtm_build(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), detail::arg(user_id, "user_id"),
                                 expire, &o, out, err);
  });
}

/// An RTM 2.x token with resource permissions.
inline std::string build_with_permissions(const std::string& app_id, const std::string& app_certificate, const std::string& user_id,
                                          const std::vector<Rtm2Permission>& permissions, uint32_t expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  const detail::Permissions c(permissions);
  return detail::string_result([&](char** out, char** err) {
    return agora_token_rtm_build_with_permissions(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                                  detail::arg(user_id, "user_id"), c.entries.data(), c.entries.size(), expire, &o, out, err);
  });
}
}  // namespace rtm

/// Chat tokens (ChatTokenBuilder2).
namespace chat {
/// A Chat user token.
inline std::string build_user_token(const std::string& app_id, const std::string& app_certificate, const std::string& user_id, uint32_t expire,
                                    const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_chat_build_user_token(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                             detail::arg(user_id, "user_id"), expire, &o, out, err);
  });
}
/// A Chat app token.
inline std::string build_app_token(const std::string& app_id, const std::string& app_certificate, uint32_t expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_chat_build_app_token(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), expire, &o, out, err);
  });
}
}  // namespace chat

/// FPA tokens (FpaTokenBuilder).
namespace fpa {
/// An FPA login token valid 24 hours.
inline std::string build(const std::string& app_id, const std::string& app_certificate, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_fpa_build(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), &o, out, err);
  });
}
}  // namespace fpa

/// APaaS (Flexible Classroom) tokens (ApaasTokenBuilder).
namespace apaas {
/// A room-user token (APaaS room user + RTM login + Chat user).
inline std::string build_room_user_token(const std::string& app_id, const std::string& app_certificate, const std::string& room_uuid,
                                         const std::string& user_uuid, int16_t role, uint32_t expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_apaas_build_room_user_token(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                                   detail::arg(room_uuid, "room_uuid"), detail::arg(user_uuid, "user_uuid"), role, expire, &o,
                                                   out, err);
  });
}
/// A user token.
inline std::string build_user_token(const std::string& app_id, const std::string& app_certificate, const std::string& user_uuid,
                                    uint32_t expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_apaas_build_user_token(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                              detail::arg(user_uuid, "user_uuid"), expire, &o, out, err);
  });
}
/// An app token.
inline std::string build_app_token(const std::string& app_id, const std::string& app_certificate, uint32_t expire, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_apaas_build_app_token(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), expire, &o, out,
                                             err);
  });
}
}  // namespace apaas

/// Education tokens (EducationTokenBuilder2): the APaaS tokens.
namespace education {
/// A room-user token.
inline std::string build_room_user_token(const std::string& app_id, const std::string& app_certificate, const std::string& room_uuid,
                                         const std::string& user_uuid, int16_t role, uint32_t expire, const Options& options = {}) {
  return apaas::build_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire, options);
}
/// A user token.
inline std::string build_user_token(const std::string& app_id, const std::string& app_certificate, const std::string& user_uuid,
                                    uint32_t expire, const Options& options = {}) {
  return apaas::build_user_token(app_id, app_certificate, user_uuid, expire, options);
}
/// An app token.
inline std::string build_app_token(const std::string& app_id, const std::string& app_certificate, uint32_t expire, const Options& options = {}) {
  return apaas::build_app_token(app_id, app_certificate, expire, options);
}
}  // namespace education

/// AccessToken2 ("007") in general: explicit services, verify, content.
namespace v007 {

/// One service of v007::build; only the fields of its type are used.
struct Service {
  /// AGORA_TOKEN_SERVICE_*.
  uint16_t service_type = 0;
  /// (privilege id, expire in seconds after issue).
  std::vector<std::pair<uint16_t, uint32_t>> privileges;
  /// RTC, Streaming, FCDN.
  std::string channel_name;
  /// RTC: uid as text or account ("" for any user).
  std::string uid;
  /// RTM, Chat, RTM2.
  std::string user_id;
  /// Streaming, FCDN.
  std::string account;
  /// APaaS.
  std::string room_uuid;
  /// APaaS.
  std::string user_uuid;
  /// APaaS role (-1 for none).
  int16_t role = -1;
  /// RTM2 permissions.
  std::vector<Rtm2Permission> permissions;
};

/// A token of explicit services, valid `expire` seconds.
inline std::string build(const std::string& app_id, const std::string& app_certificate, uint32_t expire, const std::vector<Service>& services,
                         const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  // The C views point into these; a moved vector keeps its buffer.
  std::vector<std::vector<AgoraTokenPrivilege>> privileges;
  std::vector<detail::Permissions> permissions;
  std::vector<AgoraTokenService> c;
  privileges.reserve(services.size());
  permissions.reserve(services.size());
  c.reserve(services.size());
  for (const auto& s : services) {
    auto& p = privileges.emplace_back();
    p.reserve(s.privileges.size());
    for (const auto& [id, expire_s] : s.privileges) p.push_back(AgoraTokenPrivilege{id, expire_s});
    const auto& perms = permissions.emplace_back(s.permissions);
    AgoraTokenService cs{};
    cs.service_type = s.service_type;
    cs.privileges = p.data();
    cs.privilege_count = p.size();
    cs.channel_name = detail::arg(s.channel_name, "services.channel_name");
    cs.uid = detail::arg(s.uid, "services.uid");
    cs.user_id = detail::arg(s.user_id, "services.user_id");
    cs.account = detail::arg(s.account, "services.account");
    cs.room_uuid = detail::arg(s.room_uuid, "services.room_uuid");
    cs.user_uuid = detail::arg(s.user_uuid, "services.user_uuid");
    cs.role = s.role;
    cs.permissions = perms.entries.data();
    cs.permission_count = perms.entries.size();
    c.push_back(cs);
  }
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v007_build(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"), expire, c.data(), c.size(),
                                  &o, out, err);
  });
}

/// Checks the signature; returns the parsed token as JSON (see agora_token_parse).
inline std::string verify(const std::string& token, const std::string& app_certificate) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v007_verify(detail::arg(token, "token"), detail::arg(app_certificate, "app_certificate"), out, err);
  });
}

/// The decoded content (after base64 and zlib) as lowercase hex.
inline std::string content_hex(const std::string& token) {
  return detail::string_result([&](char** out, char** err) { return agora_token_v007_content_hex(detail::arg(token, "token"), out, err); });
}

}  // namespace v007

/// AccessToken ("006"): RtcTokenBuilder and RtmTokenBuilder.
namespace v006 {

/// An RTC token for a uid; `privilege_expired_ts` is absolute (0: none).
inline std::string rtc_build_with_uid(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                      uint32_t uid, Rtc006Role role, uint32_t privilege_expired_ts, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v006_rtc_build_with_uid(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                               detail::arg(channel_name, "channel_name"), uid, static_cast<int32_t>(role),
                                               privilege_expired_ts, &o, out, err);
  });
}

/// An RTC token for a user account.
inline std::string rtc_build_with_user_account(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                               const std::string& account, Rtc006Role role, uint32_t privilege_expired_ts,
                                               const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v006_rtc_build_with_user_account(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                                        detail::arg(channel_name, "channel_name"), detail::arg(account, "account"),
                                                        static_cast<int32_t>(role), privilege_expired_ts, &o, out, err);
  });
}

/// An RTC token with explicit (privilege id, absolute expiry) pairs;
/// `user_account` is the uid as text, the account, or "" for any user.
inline std::string rtc_build_with_privileges(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                             const std::string& user_account, const std::vector<std::pair<uint16_t, uint32_t>>& privileges,
                                             const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  std::vector<AgoraTokenPrivilege> c;
  c.reserve(privileges.size());
  for (const auto& [id, ts] : privileges) c.push_back(AgoraTokenPrivilege{id, ts});
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v006_rtc_build_with_privileges(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                                      detail::arg(channel_name, "channel_name"), detail::arg(user_account, "user_account"),
                                                      c.data(), c.size(), &o, out, err);
  });
}

/// An RTM login token; `privilege_expired_ts` is absolute (0: none).
inline std::string rtm_build(const std::string& app_id, const std::string& app_certificate, const std::string& user_account,
                             uint32_t privilege_expired_ts, const Options& options = {}) {
  const AgoraTokenOptions o = options.to_c();
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v006_rtm_build(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                      detail::arg(user_account, "user_account"), privilege_expired_ts, &o, out, err);
  });
}

/// Checks a 006 token for a channel name and uid text ("" for uid 0);
/// returns it as JSON.
inline std::string verify(const std::string& token, const std::string& app_certificate, const std::string& channel_name,
                          const std::string& uid) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_v006_verify(detail::arg(token, "token"), detail::arg(app_certificate, "app_certificate"),
                                   detail::arg(channel_name, "channel_name"), detail::arg(uid, "uid"), out, err);
  });
}

}  // namespace v006

/// DynamicKey v3/v4/v5 and Signaling.
namespace legacy {

/// Kind of a v4/v5 key.
enum class KeyKind : int32_t {
  MediaChannel = AGORA_TOKEN_KEY_MEDIA_CHANNEL,
  Recording = AGORA_TOKEN_KEY_RECORDING,
  PublicSharing = AGORA_TOKEN_KEY_PUBLIC_SHARING,
  InChannelPermission = AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION,
};

/// A DynamicKey v3 key.
inline std::string dynamic_key3_generate(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                         uint32_t unix_ts, uint32_t random_int, uint32_t uid, uint32_t expired_ts) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_dynamic_key3_generate(detail::arg(app_id, "app_id"), detail::arg(app_certificate, "app_certificate"),
                                             detail::arg(channel_name, "channel_name"), unix_ts, random_int, uid, expired_ts, out, err);
  });
}

/// Throws unless `key` is a v3 key for this certificate and channel.
inline void dynamic_key3_verify(const std::string& key, const std::string& app_certificate, const std::string& channel_name) {
  char* err = nullptr;
  AgoraTokenStatus s = agora_token_dynamic_key3_verify(detail::arg(key, "key"), detail::arg(app_certificate, "app_certificate"),
                                                       detail::arg(channel_name, "channel_name"), &err);
  detail::check(s, err);
}

/// A DynamicKey v4 key (kinds 1 to 3).
inline std::string dynamic_key4_generate(KeyKind kind, const std::string& app_id, const std::string& app_certificate,
                                         const std::string& channel_name, uint32_t unix_ts, uint32_t random_int, uint32_t uid,
                                         uint32_t expired_ts) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_dynamic_key4_generate(static_cast<int32_t>(kind), detail::arg(app_id, "app_id"),
                                             detail::arg(app_certificate, "app_certificate"), detail::arg(channel_name, "channel_name"),
                                             unix_ts, random_int, uid, expired_ts, out, err);
  });
}

/// Throws unless `key` is a v4 key of `kind` for these inputs.
inline void dynamic_key4_verify(const std::string& key, KeyKind kind, const std::string& app_certificate, const std::string& channel_name,
                                uint32_t uid) {
  char* err = nullptr;
  AgoraTokenStatus s = agora_token_dynamic_key4_verify(detail::arg(key, "key"), static_cast<int32_t>(kind),
                                                       detail::arg(app_certificate, "app_certificate"),
                                                       detail::arg(channel_name, "channel_name"), uid, &err);
  detail::check(s, err);
}

/// A DynamicKey v5 key; `permission` ("0" or "3") only for InChannelPermission.
inline std::string dynamic_key5_generate(KeyKind kind, const std::string& app_id, const std::string& app_certificate,
                                         const std::string& channel_name, uint32_t unix_ts, uint32_t random_int, uint32_t uid,
                                         uint32_t expired_ts, const std::optional<std::string>& permission = std::nullopt) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_dynamic_key5_generate(static_cast<int32_t>(kind), detail::arg(app_id, "app_id"),
                                             detail::arg(app_certificate, "app_certificate"), detail::arg(channel_name, "channel_name"),
                                             unix_ts, random_int, uid, expired_ts,
                                             permission ? detail::arg(*permission, "permission") : nullptr, out, err);
  });
}

/// Throws unless `key` is a v5 key for these inputs.
inline void dynamic_key5_verify(const std::string& key, const std::string& app_certificate, const std::string& channel_name, uint32_t uid) {
  char* err = nullptr;
  AgoraTokenStatus s = agora_token_dynamic_key5_verify(detail::arg(key, "key"), detail::arg(app_certificate, "app_certificate"),
                                                       detail::arg(channel_name, "channel_name"), uid, &err);
  detail::check(s, err);
}

/// A Signaling token.
inline std::string signaling_generate(const std::string& account, const std::string& app_id, const std::string& app_certificate,
                                      uint32_t expired_ts) {
  return detail::string_result([&](char** out, char** err) {
    return agora_token_signaling_generate(detail::arg(account, "account"), detail::arg(app_id, "app_id"),
                                          detail::arg(app_certificate, "app_certificate"), expired_ts, out, err);
  });
}

/// Checks a Signaling token; returns its expiry timestamp.
inline uint32_t signaling_verify(const std::string& token, const std::string& account, const std::string& app_certificate) {
  char* err = nullptr;
  uint32_t expired_ts = 0;
  AgoraTokenStatus s = agora_token_signaling_verify(detail::arg(token, "token"), detail::arg(account, "account"),
                                                    detail::arg(app_certificate, "app_certificate"), &expired_ts, &err);
  detail::check(s, err);
  return expired_ts;
}

}  // namespace legacy
}  // namespace token

// ---------------------------------------------------------------------------
// The drop-in layer: the official C++ API's names and signatures.
// ---------------------------------------------------------------------------
namespace tools {

/// RTC roles of both official headers: 007 (RtcTokenBuilder2.h) names them
/// kRolePublisher/kRoleSubscriber, 006 (RtcTokenBuilder.h) Role_*. Unscoped so
/// both `UserRole::kRolePublisher` and `Role_Publisher` compile.
enum UserRole : int {
  /// 006: deprecated, same privileges as publisher.
  Role_Attendee = 0,
  /// 006: join and publish.
  Role_Publisher = 1,
  /// 006: join only (with co-host authentication).
  Role_Subscriber = 2,
  /// 006: deprecated, same privileges as publisher.
  Role_Admin = 101,
  /// 007: join and publish.
  kRolePublisher = 1,
  /// 007: join only (with co-host authentication).
  kRoleSubscriber = 2,
};

/// The 006 RTM role (ignored by the builder, as in the official one).
enum RtmUserRole : int { Rtm_User = 1 };

/// The official ServiceRtm2, reduced to what RtmTokenBuilder2 takes.
class ServiceRtm2 {
 public:
  /// Service type and login privilege id.
  enum { kServiceType = 8, kPrivilegeLogin = 1 };
  /// resource type -> permission type -> resources.
  using PermissionsDetail = std::map<uint16_t, std::map<uint16_t, std::vector<std::string>>>;
  /// RTM 2.x resource permissions.
  struct Permissions {
    /// Resource types.
    enum { kMessageChannels = 0, kStreamChannels = 1, kGroupChannels = 2, kServerGroups = 3, kUsers = 4 };
    /// Permission types.
    enum { kRead = 0, kWrite = 1 };
    /// An empty permission set.
    Permissions() : details_() {}
    /// Sets (or replaces) the resources of a pair.
    void Add(uint16_t resource_type, uint16_t permission_type, const std::vector<std::string>& resources) {
      details_[resource_type][permission_type] = resources;
    }
    /// The permissions, as in the official struct.
    PermissionsDetail details_;
  };
};

namespace compat {
/// The official builders' failure value: an empty string.
template <typename Build>
std::string or_empty(Build&& build) {
  try {
    return build();
  } catch (const ::agora::token::Error&) {
    return std::string();
  }
}
/// Options of the drop-in: official leniency, issued now.
inline ::agora::token::Options lenient() { return ::agora::token::Options{}.with_lenient(); }
/// The role as the 007 C API takes it (any value; lenient reads it officially).
inline ::agora::token::RtcRole role007(UserRole r) { return static_cast<::agora::token::RtcRole>(static_cast<int32_t>(r)); }
/// The role as the 006 C API takes it.
inline ::agora::token::Rtc006Role role006(UserRole r) { return static_cast<::agora::token::Rtc006Role>(static_cast<int32_t>(r)); }
}  // namespace compat

/// RtcTokenBuilder2 (007 RTC).
class RtcTokenBuilder2 {
 public:
  /// An RTC token for a uid (0: any user); expires in seconds from now.
  static std::string BuildTokenWithUid(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                       uint32_t uid, UserRole role, uint32_t token_expire, uint32_t privilege_expire = 0) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_uid(app_id, app_certificate, channel_name, uid, compat::role007(role), token_expire, privilege_expire,
                                                 compat::lenient());
    });
  }

  /// An RTC token for a user account.
  static std::string BuildTokenWithUserAccount(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                               const std::string& user_account, UserRole role, uint32_t token_expire,
                                               uint32_t privilege_expire = 0) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_user_account(app_id, app_certificate, channel_name, user_account, compat::role007(role),
                                                          token_expire, privilege_expire, compat::lenient());
    });
  }

  /// An RTC token for a uid with an expire per privilege.
  static std::string BuildTokenWithUid(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                       uint32_t uid, uint32_t token_expire, uint32_t join_channel_privilege_expire = 0,
                                       uint32_t pub_audio_privilege_expire = 0, uint32_t pub_video_privilege_expire = 0,
                                       uint32_t pub_data_stream_privilege_expire = 0) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_uid_and_privilege(app_id, app_certificate, channel_name, uid, token_expire,
                                                               join_channel_privilege_expire, pub_audio_privilege_expire,
                                                               pub_video_privilege_expire, pub_data_stream_privilege_expire, compat::lenient());
    });
  }

  /// An RTC token for a user account with an expire per privilege.
  static std::string BuildTokenWithUserAccount(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                               const std::string& user_account, uint32_t token_expire, uint32_t join_channel_privilege_expire = 0,
                                               uint32_t pub_audio_privilege_expire = 0, uint32_t pub_video_privilege_expire = 0,
                                               uint32_t pub_data_stream_privilege_expire = 0) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_user_account_and_privilege(
          app_id, app_certificate, channel_name, user_account, token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
          pub_video_privilege_expire, pub_data_stream_privilege_expire, compat::lenient());
    });
  }

  /// An RTC token that also logs the account in to RTM.
  static std::string BuildTokenWithRtm(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                       const std::string& user_account, UserRole role, uint32_t token_expire, uint32_t privilege_expire = 0) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_rtm(app_id, app_certificate, channel_name, user_account, compat::role007(role), token_expire,
                                                 privilege_expire, compat::lenient());
    });
  }

  /// An RTC token plus an RTM login for another user, each with its own expiry.
  static std::string BuildTokenWithRtm2(const std::string& app_id, const std::string& app_certificate, const std::string& channel_name,
                                        const std::string& rtc_account, UserRole rtc_role, uint32_t rtc_token_expire,
                                        uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                        uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire,
                                        const std::string& rtm_user_id, uint32_t rtm_token_expire) {
    return compat::or_empty([&] {
      return ::agora::token::rtc::build_with_rtm2(app_id, app_certificate, channel_name, rtc_account, compat::role007(rtc_role),
                                                  rtc_token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                                                  pub_video_privilege_expire, pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire,
                                                  compat::lenient());
    });
  }
};

/// RtmTokenBuilder2 (007 RTM and RTM 2.x).
class RtmTokenBuilder2 {
 public:
  /// An RTM login token.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate, const std::string& user_id, uint32_t expire = 0) {
    return compat::or_empty([&] { return ::agora::token::rtm::build(app_id, app_certificate, user_id, expire, compat::lenient()); });
  }

  /// An RTM 2.x token with resource permissions.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate, const std::string& user_id,
                                const ServiceRtm2::Permissions& permissions, uint32_t expire = 0) {
    return compat::or_empty([&] {
      std::vector<::agora::token::Rtm2Permission> list;
      for (const auto& [resource_type, by_permission] : permissions.details_) {
        for (const auto& [permission_type, resources] : by_permission) {
          list.push_back(::agora::token::Rtm2Permission{resource_type, permission_type, resources});
        }
      }
      return ::agora::token::rtm::build_with_permissions(app_id, app_certificate, user_id, list, expire, compat::lenient());
    });
  }
};

/// ChatTokenBuilder2.
class ChatTokenBuilder2 {
 public:
  /// A Chat user token.
  static std::string BuildUserToken(const std::string& app_id, const std::string& app_certificate, const std::string& user_id,
                                    uint32_t expire = 0) {
    return compat::or_empty([&] { return ::agora::token::chat::build_user_token(app_id, app_certificate, user_id, expire, compat::lenient()); });
  }

  /// A Chat app token.
  static std::string BuildAppToken(const std::string& app_id, const std::string& app_certificate, uint32_t expire = 0) {
    return compat::or_empty([&] { return ::agora::token::chat::build_app_token(app_id, app_certificate, expire, compat::lenient()); });
  }
};

/// FpaTokenBuilder.
class FpaTokenBuilder {
 public:
  /// An FPA login token valid 24 hours.
  static std::string BuildToken(const std::string& app_id, const std::string& app_certificate) {
    return compat::or_empty([&] { return ::agora::token::fpa::build(app_id, app_certificate, compat::lenient()); });
  }
};

/// ApaasTokenBuilder.
class ApaasTokenBuilder {
 public:
  /// A room-user token (room user + RTM login + Chat user).
  static std::string BuildRoomUserToken(const std::string& app_id, const std::string& app_certificate, const std::string& room_uuid,
                                        const std::string& user_uuid, int16_t role, uint32_t expire) {
    return compat::or_empty([&] {
      return ::agora::token::apaas::build_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire, compat::lenient());
    });
  }

  /// A user token.
  static std::string BuildUserToken(const std::string& app_id, const std::string& app_certificate, const std::string& user_uuid,
                                    uint32_t expire) {
    return compat::or_empty([&] { return ::agora::token::apaas::build_user_token(app_id, app_certificate, user_uuid, expire, compat::lenient()); });
  }

  /// An app token.
  static std::string BuildAppToken(const std::string& app_id, const std::string& app_certificate, uint32_t expire) {
    return compat::or_empty([&] { return ::agora::token::apaas::build_app_token(app_id, app_certificate, expire, compat::lenient()); });
  }
};

/// EducationTokenBuilder2.
class EducationTokenBuilder2 {
 public:
  /// A room-user token (room user + RTM login + Chat user).
  static std::string BuildRoomUserToken(const std::string& app_id, const std::string& app_certificate, const std::string& room_uuid,
                                        const std::string& user_uuid, int16_t role, uint32_t expire) {
    return compat::or_empty([&] {
      return ::agora::token::education::build_room_user_token(app_id, app_certificate, room_uuid, user_uuid, role, expire, compat::lenient());
    });
  }

  /// A user token.
  static std::string BuildUserToken(const std::string& app_id, const std::string& app_certificate, const std::string& user_uuid,
                                    uint32_t expire) {
    return compat::or_empty(
        [&] { return ::agora::token::education::build_user_token(app_id, app_certificate, user_uuid, expire, compat::lenient()); });
  }

  /// An app token.
  static std::string BuildAppToken(const std::string& app_id, const std::string& app_certificate, uint32_t expire) {
    return compat::or_empty([&] { return ::agora::token::education::build_app_token(app_id, app_certificate, expire, compat::lenient()); });
  }
};

/// RtcTokenBuilder (006 RTC).
class RtcTokenBuilder {
 public:
  /// A 006 RTC token for a uid; privilegeExpiredTs is absolute (0: none).
  static std::string buildTokenWithUid(const std::string& appId, const std::string& appCertificate, const std::string& channelName,
                                       uint32_t uid, UserRole role, uint32_t privilegeExpiredTs = 0) {
    return compat::or_empty([&] {
      return ::agora::token::v006::rtc_build_with_uid(appId, appCertificate, channelName, uid, compat::role006(role), privilegeExpiredTs,
                                                      compat::lenient());
    });
  }

  /// A 006 RTC token for a user account.
  static std::string buildTokenWithUserAccount(const std::string& appId, const std::string& appCertificate, const std::string& channelName,
                                               const std::string& userAccount, UserRole role, uint32_t privilegeExpiredTs = 0) {
    return compat::or_empty([&] {
      return ::agora::token::v006::rtc_build_with_user_account(appId, appCertificate, channelName, userAccount, compat::role006(role),
                                                               privilegeExpiredTs, compat::lenient());
    });
  }
};

/// RtmTokenBuilder (006 RTM).
class RtmTokenBuilder {
 public:
  /// A 006 RTM login token; privilegeExpiredTs is absolute (0: none).
  static std::string buildToken(const std::string& appId, const std::string& appCertificate, const std::string& userAccount,
                                RtmUserRole userRole, uint32_t privilegeExpiredTs = 0) {
    (void)userRole;  // the official builder ignores it too
    return compat::or_empty(
        [&] { return ::agora::token::v006::rtm_build(appId, appCertificate, userAccount, privilegeExpiredTs, compat::lenient()); });
  }
};

}  // namespace tools
}  // namespace agora
