/* The C ABI surface of scripts/test-conformance: builds every case of a
 * generated cases.c (bindings/c/tests/gen_cases.py over tests/vectors or
 * tests/conformance/bad_inputs.json) through libagora_token and prints one
 * JSON line per case: {"name", "ok": true, "token", "lenient"} or
 * {"name", "ok": false, "kind": <status name>}.
 *
 *   runner auto      vectors: checked first, AGORA_TOKEN_OPTION_LENIENT when
 *                    the checked call refuses the input (as the core test)
 *   runner checked   bad inputs: checked only
 *
 * Builders "parse" and "verify" (bad inputs) call agora_token_parse and
 * agora_token_v007_verify / agora_token_v006_verify on the case's token; the
 * others are bindings/c/tests/vector_calls.c, the C test's table. */
#include <stdio.h>
#include <string.h>

#include "agora_token.h"
#include "cases.h"

static int starts_with(const char *s, const char *p) { return s && strncmp(s, p, strlen(p)) == 0; }

static void json_string(const char *s) {
  putchar('"');
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '"' || *p == '\\')
      printf("\\%c", *p);
    else if (*p < 0x20)
      printf("\\u%04x", *p);
    else
      putchar(*p);
  }
  putchar('"');
}

/* The uid text a 006 token is verified with: "" for uid 0. */
static const char *uid_text(const AgtCase *c, char buf[16]) {
  if (!c->has_uid) return c->account ? c->account : "";
  if (c->uid == 0) return "";
  snprintf(buf, 16, "%u", (unsigned)c->uid);
  return buf;
}

static AgoraTokenStatus run_case(const AgtCase *c, uint32_t flags, char **out, char **err) {
  const char *b = c->builder, *cert = c->app_certificate;
  char buf[16];
  if (!strcmp(b, "parse")) return agora_token_parse(c->token, out, err);
  if (!strcmp(b, "verify")) {
    if (starts_with(c->token, "006")) return agora_token_v006_verify(c->token, cert, c->channel_name ? c->channel_name : "", uid_text(c, buf), out, err);
    return agora_token_v007_verify(c->token, cert, out, err);
  }
  return agt_build(c, flags, out, err);
}

int main(int argc, char **argv) {
  int lenient_fallback = argc > 1 && !strcmp(argv[1], "auto");
  for (size_t n = 0; n < AGT_CASE_COUNT; n++) {
    const AgtCase *c = &AGT_CASES[n];
    char *out = NULL, *err = NULL;
    int lenient = 0;
    AgoraTokenStatus s = run_case(c, 0, &out, &err);
    if (s == AGORA_TOKEN_STATUS_INVALID_INPUT && lenient_fallback) {
      agora_token_string_free(err);
      err = NULL;
      lenient = 1;
      s = run_case(c, AGORA_TOKEN_OPTION_LENIENT, &out, &err);
    }
    printf("{\"name\": ");
    json_string(c->name);
    if (s == AGORA_TOKEN_STATUS_OK) {
      printf(", \"ok\": true, \"lenient\": %s, \"token\": ", lenient ? "true" : "false");
      /* parse/verify write JSON, not a token */
      json_string(strcmp(c->builder, "parse") && strcmp(c->builder, "verify") ? out : "");
    } else {
      printf(", \"ok\": false, \"kind\": ");
      json_string(agora_token_status_name(s));
      printf(", \"message\": ");
      json_string(err);
    }
    printf("}\n");
    agora_token_string_free(out);
    agora_token_string_free(err);
  }
  return 0;
}
