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
// pinned with Options::fixed / fixed006 (see run_modern). The calls of both
// APIs are bindings/c/tests/cpp/vector_calls.hpp, the C++ tests' table.
#include <cstdio>
#include <cstring>
#include <string>

#include "agora_token.hpp"
#include "cpp/vector_calls.hpp"

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

using agt::is;
using agt::s;
namespace tk = agora::token;

// ---------------------------------------------------------------------------
// agora::token, the modern API of the same header: every builder, with
// Options (fixed issue ts and salt, leniency); failures throw
// agora::token::Error with the C status.

static std::string modern(const AgtCase& c, bool lenient) {
  const std::string cert = s(c.app_certificate), b = c.builder;
  if (b == "parse") return tk::parse(s(c.token)), "";
  if (b == "verify") {
    if (std::strncmp(s(c.token).c_str(), "006", 3) == 0)
      return tk::v006::verify(s(c.token), cert, s(c.channel_name), c.has_uid && c.uid ? std::to_string(c.uid) : ""), "";
    return tk::v007::verify(s(c.token), cert), "";
  }
  return agt::modern_build(c, lenient);
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
      if (agt::tools_build(c, token)) {
        line += ", \"offered\": true, \"ok\": true, \"token\": " + json_string(token.c_str());
      } else {
        line += ", \"offered\": false";
      }
    }
    std::printf("%s}\n", line.c_str());
  }
  return 0;
}
