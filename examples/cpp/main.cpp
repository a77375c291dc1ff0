// Prints an RTC token and verifies it.
//
//   rtc_token [CHANNEL [UID]]
//
// The app ID and certificate come from AGORA_APP_ID and AGORA_APP_CERTIFICATE
// (defaults: Agora's published sample values, for trying it out).
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "agora_token.hpp"

namespace {
std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}
}  // namespace

int main(int argc, char** argv) {
  const std::string app_id = env_or("AGORA_APP_ID", "970CA35de60c44645bbae8a215061b33");
  const std::string app_certificate = env_or("AGORA_APP_CERTIFICATE", "5CFd2fd1755d40ecb72977518be15d3b");
  const std::string channel_name = argc > 1 ? argv[1] : "demo";
  const uint32_t uid = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 2882341273u;
  const uint32_t expire = 3600;

  // The official C++ API: an empty string means the inputs were refused.
  using namespace agora::tools;
  const std::string token =
      RtcTokenBuilder2::BuildTokenWithUid(app_id, app_certificate, channel_name, uid, UserRole::kRolePublisher, expire, expire);
  if (token.empty()) {
    std::cerr << "could not build a token (check the app ID and certificate)\n";
    return 1;
  }
  std::cout << token << "\n";

  // The modern API throws agora::token::Error with the status and a message.
  try {
    std::cout << "verified: " << agora::token::v007::verify(token, app_certificate) << "\n";
  } catch (const agora::token::Error& e) {
    std::cerr << "verify failed (" << e.status_name() << "): " << e.what() << "\n";
    return 1;
  }
  return 0;
}
