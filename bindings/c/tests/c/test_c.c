/* C tests of libagora_token, linked like a user links it (shared or static):
 *
 * - every function against the official vectors (tests/vectors): the same
 *   inputs with the same issue time and salt give the same token (007:
 *   byte-identical decompressed content; 006 and legacy keys: the same text),
 *   and every official token parses and verifies, and fails with another
 *   certificate;
 * - bad input: NULL in each pointer argument, invalid UTF-8 in each string,
 *   NULL out-parameters, overlong strings, bad options, roles and kinds,
 *   garbage tokens; each gives the documented status and a message that names
 *   the field (and never contains the certificate);
 * - threads: concurrent calls give the same tokens.
 *
 * Prints "N passed, N failed" and exits non-zero on any failure. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agora_token.h"
#include "cases.h"

static int g_passed, g_failed;

static int check_(int ok, const char *file, int line, const char *fmt, ...) {
  if (ok) {
    g_passed++;
    return 1;
  }
  g_failed++;
  fprintf(stderr, "FAIL %s:%d: ", file, line);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return 0;
}
#define CHECK(cond, ...) check_((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";
/* A certificate with one bad character: it must not appear in messages either. */
static const char *BAD_CERT = "5CFd2fd1755d40ecb72977518be15d3z";
static const char *BAD_UTF8 = "ab\xc3\x28" "cd"; /* invalid continuation byte at offset 2 */

static int starts_with(const char *s, const char *prefix) { return s && strncmp(s, prefix, strlen(prefix)) == 0; }
static const char *str_or(const char *s) { return s ? s : "(null)"; }

/* Checks a failed call: its status, that the message starts with `prefix`
 * (NULL: any non-empty message), that it contains no certificate, and that
 * the out-parameter (if any) was set to NULL. Frees the message. */
static void expect_error(const char *what, AgoraTokenStatus got, AgoraTokenStatus want, char *err, const char *prefix, char *const *out) {
  CHECK(got == want, "%s: status %s, want %s (message: %s)", what, agora_token_status_name(got), agora_token_status_name(want), str_or(err));
  CHECK(err != NULL && err[0] != '\0', "%s: no message", what);
  if (prefix) CHECK(starts_with(err, prefix), "%s: message \"%s\" does not start with \"%s\"", what, str_or(err), prefix);
  if (err) CHECK(!strstr(err, CERT) && !strstr(err, BAD_CERT), "%s: message contains a certificate: %s", what, err);
  if (out) CHECK(*out == NULL, "%s: out-parameter not NULL after failure", what);
  if (out && *out) agora_token_string_free(*out);
  agora_token_string_free(err);
}

/* ---------------------------------------------------------------- vectors */

/* Builds the case's token through the C function of its builder (vector_calls.c). */
static AgoraTokenStatus build_case(const AgtCase *c, uint32_t flags, char **out, char **err) {
  AgoraTokenStatus s = agt_build(c, flags, out, err);
  CHECK(s != AGORA_TOKEN_STATUS_INTERNAL || (err && *err), "%s: no mapping for builder %s", c->name, c->builder);
  return s;
}

/* The certificate with its last character changed. */
static void other_cert(const char *cert, char out[33]) {
  memcpy(out, cert, 32);
  out[31] = cert[31] == '0' ? '1' : '0';
  out[32] = '\0';
}

static char *content_hex(const char *token) {
  char *hex = NULL, *err = NULL;
  AgoraTokenStatus s = agora_token_v007_content_hex(token, &hex, &err);
  CHECK(s == AGORA_TOKEN_STATUS_OK, "content_hex: %s", str_or(err));
  agora_token_string_free(err);
  return hex;
}

/* The uid text a 006 RTC token was built for. */
static void uid006(const AgtCase *c, char buf[16], const char **uid) {
  if (!c->has_uid) {
    *uid = c->account;
  } else if (c->uid == 0) {
    *uid = "";
  } else {
    snprintf(buf, 16, "%u", (unsigned)c->uid);
    *uid = buf;
  }
}

/* The struct form of a parsed official token agrees with its JSON form
 * (app ID, version, salt, services, privilege ids), the verify twin gives the
 * same, and another certificate gives SIGNATURE_MISMATCH with *out NULL. */
static void check_parsed_struct(const AgtCase *c, const char *json, const char *channel, const char *uid, const char *other) {
  AgoraTokenParsed *p = NULL, *v = NULL;
  char *err = NULL, key[32];
  const char *t = c->token;
  int v7 = starts_with(t, "007");
  AgoraTokenStatus s = agora_token_parse_struct(t, &p, &err);
  if (!CHECK(s == AGORA_TOKEN_STATUS_OK && p, "%s: parse_struct: %s", c->name, str_or(err))) {
    agora_token_string_free(err);
    return;
  }
  CHECK(p->version == (v7 ? 7u : 6u) && !strcmp(p->app_id, c->app_id), "%s: struct version/app_id", c->name);
  snprintf(key, sizeof key, "\"salt\":%u", (unsigned)p->salt);
  CHECK(strstr(json, key) != NULL, "%s: struct salt %u not in the JSON", c->name, (unsigned)p->salt);
  const AgoraTokenParsedPrivilege *privs = p->privileges;
  size_t n = p->privilege_count;
  for (size_t i = 0; i < p->service_count; i++) {
    snprintf(key, sizeof key, "\"type_id\":%u", (unsigned)p->services[i].service_type);
    CHECK(strstr(json, key) != NULL, "%s: service type %s not in the JSON", c->name, key);
    privs = p->services[i].privileges;
    n = p->services[i].privilege_count;
  }
  for (size_t i = 0; i < n; i++) {
    snprintf(key, sizeof key, "\"%u\":%u", (unsigned)privs[i].id, (unsigned)privs[i].expire);
    CHECK(strstr(json, key) != NULL, "%s: privilege %s not in the JSON", c->name, key);
  }
  s = v7 ? agora_token_v007_verify_struct(t, c->app_certificate, &v, &err)
         : agora_token_v006_verify_struct(t, c->app_certificate, channel, uid, &v, &err);
  CHECK(s == AGORA_TOKEN_STATUS_OK && v && v->salt == p->salt && v->service_count == p->service_count && v->expires_at == p->expires_at,
        "%s: verify_struct: %s", c->name, str_or(err));
  agora_token_parsed_free(v);
  agora_token_string_free(err);
  err = NULL;
  v = (AgoraTokenParsed *)p; /* must become NULL */
  s = v7 ? agora_token_v007_verify_struct(t, other, &v, &err) : agora_token_v006_verify_struct(t, other, channel, uid, &v, &err);
  CHECK(s == AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH && v == NULL, "%s: verify_struct with another certificate", c->name);
  agora_token_string_free(err);
  agora_token_parsed_free(p);
}

static void verify_official(const AgtCase *c) {
  char other[33], *json = NULL, *json2 = NULL, *err = NULL;
  other_cert(c->app_certificate, other);
  const char *b = c->builder, *t = c->token;
  AgoraTokenStatus s, bad;
  if (starts_with(t, "007")) {
    s = agora_token_v007_verify(t, c->app_certificate, &json, &err);
    CHECK(s == AGORA_TOKEN_STATUS_OK, "%s: v007_verify: %s", c->name, str_or(err));
    agora_token_string_free(err);
    err = NULL;
    s = agora_token_parse(t, &json2, NULL);
    CHECK(s == AGORA_TOKEN_STATUS_OK && json && json2 && !strcmp(json, json2), "%s: parse JSON differs from verify JSON", c->name);
    CHECK(json && strstr(json, c->app_id) && strstr(json, "\"version\":\"007\""), "%s: JSON lacks app_id/version: %s", c->name, str_or(json));
    CHECK(agora_token_v007_verify(t, c->app_certificate, NULL, NULL) == AGORA_TOKEN_STATUS_OK, "%s: verify without out_json", c->name);
    agora_token_string_free(json2);
    if (json) check_parsed_struct(c, json, NULL, NULL, other);
    json2 = (char *)1; /* must become NULL */
    bad = agora_token_v007_verify(t, other, &json2, &err);
    expect_error(c->name, bad, AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, err, "signature: ", &json2);
  } else if (starts_with(t, "006")) {
    char buf[16];
    const char *channel = c->channel_name, *uid = "";
    if (starts_with(b, "rtm006")) channel = c->account;
    else uid006(c, buf, &uid);
    s = agora_token_v006_verify(t, c->app_certificate, channel, uid, &json, &err);
    CHECK(s == AGORA_TOKEN_STATUS_OK, "%s: v006_verify: %s", c->name, str_or(err));
    agora_token_string_free(err);
    err = NULL;
    s = agora_token_parse(t, &json2, NULL);
    CHECK(s == AGORA_TOKEN_STATUS_OK && json && json2 && !strcmp(json, json2), "%s: parse JSON differs from verify JSON", c->name);
    agora_token_string_free(json2);
    if (json) check_parsed_struct(c, json, channel, uid, other);
    bad = agora_token_v006_verify(t, other, channel, uid, NULL, &err);
    expect_error(c->name, bad, AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, err, "signature: ", NULL);
    bad = agora_token_v006_verify(t, c->app_certificate, "another channel", uid, NULL, &err);
    expect_error(c->name, bad, AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, err, "signature: the token was not built for this channel name", NULL);
  } else {
    AgoraTokenStatus good;
    if (starts_with(b, "dk3.")) {
      good = agora_token_dynamic_key3_verify(t, c->app_certificate, c->channel_name, &err);
      bad = agora_token_dynamic_key3_verify(t, other, c->channel_name, NULL);
    } else if (starts_with(b, "dk4.")) {
      good = agora_token_dynamic_key4_verify(t, agt_key_kind(b), c->app_certificate, c->channel_name, c->uid, &err);
      bad = agora_token_dynamic_key4_verify(t, agt_key_kind(b), other, c->channel_name, c->uid, NULL);
    } else if (starts_with(b, "dk5.")) {
      good = agora_token_dynamic_key5_verify(t, c->app_certificate, c->channel_name, c->uid, &err);
      bad = agora_token_dynamic_key5_verify(t, other, c->channel_name, c->uid, NULL);
    } else {
      uint32_t expired_ts = 1;
      good = agora_token_signaling_verify(t, c->account, c->app_certificate, &expired_ts, &err);
      CHECK(expired_ts == c->expired_ts, "%s: signaling expired_ts %u", c->name, (unsigned)expired_ts);
      bad = agora_token_signaling_verify(t, c->account, other, &expired_ts, NULL);
      CHECK(expired_ts == 0, "%s: out_expired_ts not 0 after failure", c->name);
    }
    CHECK(good == AGORA_TOKEN_STATUS_OK, "%s: verify: %s", c->name, str_or(err));
    CHECK(bad == AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, "%s: other certificate gives %s", c->name, agora_token_status_name(bad));
    agora_token_string_free(err);
  }
  agora_token_string_free(json);
}

/* 006 RTC cases again through the explicit-privilege builder. */
static void check_v006_with_privileges(const AgtCase *c) {
  char buf[16], *out = NULL, *err = NULL;
  const char *uid;
  uid006(c, buf, &uid);
  AgoraTokenPrivilege p[4] = {{1, c->privilege_expired_ts}, {2, c->privilege_expired_ts}, {3, c->privilege_expired_ts}, {4, c->privilege_expired_ts}};
  size_t n = c->role == 2 ? 1 : 4;
  const AgoraTokenOptions o = {AGORA_TOKEN_OPTION_FIXED_ISSUE | AGORA_TOKEN_OPTION_LENIENT, 0, c->salt, c->ts};
  AgoraTokenStatus s = agora_token_v006_rtc_build_with_privileges(c->app_id, c->app_certificate, c->channel_name, uid, p, n, &o, &out, &err);
  CHECK(s == AGORA_TOKEN_STATUS_OK && out && !strcmp(out, c->token), "%s: v006 with_privileges: %s", c->name, str_or(err));
  agora_token_string_free(out);
  agora_token_string_free(err);
}

static void test_vectors(void) {
  int built = 0, lenient = 0, divergent = 0;
  for (size_t i = 0; i < AGT_CASE_COUNT; i++) {
    const AgtCase *c = &AGT_CASES[i];
    verify_official(c);
    if (starts_with(c->file, "divergent_")) {
      divergent++; /* Node's own APaaS room-user tokens: verified above, not rebuilt. */
      continue;
    }
    char *out = (char *)1, *err = NULL;
    AgoraTokenStatus s = build_case(c, 0, &out, &err);
    if (s == AGORA_TOKEN_STATUS_INVALID_INPUT) {
      /* The official builders accept some inputs the checked ones refuse
       * (an empty account, say): those must build when lenient. */
      CHECK(out == NULL && err && err[0], "%s: checked failure without message or with out set", c->name);
      agora_token_string_free(err);
      err = NULL;
      lenient++;
      s = build_case(c, AGORA_TOKEN_OPTION_LENIENT, &out, &err);
    }
    if (!CHECK(s == AGORA_TOKEN_STATUS_OK && out != NULL, "%s (%s): build failed: %s: %s", c->name, c->builder, agora_token_status_name(s),
               str_or(err))) {
      agora_token_string_free(err);
      continue;
    }
    CHECK(err == NULL, "%s: out_error not NULL on success", c->name);
    built++;
    if (starts_with(c->token, "007")) {
      char *ours = content_hex(out), *theirs = content_hex(c->token);
      CHECK(ours && theirs && !strcmp(ours, theirs), "%s (%s): decompressed content differs", c->name, c->file);
      agora_token_string_free(ours);
      agora_token_string_free(theirs);
    } else {
      CHECK(!strcmp(out, c->token), "%s (%s): token differs:\n  ours   %s\n  theirs %s", c->name, c->file, out, c->token);
    }
    if (starts_with(c->builder, "rtc006.")) check_v006_with_privileges(c);
    agora_token_string_free(out);
  }
  CHECK(built >= 150, "only %d vectors built", built);
  printf("vectors: %d built and matched (%d through the lenient option), %d divergent verified\n", built, lenient, divergent);
}

/* -------------------------------------------------------------- bad input */

typedef AgoraTokenStatus (*Thunk)(const char *const *s, char **out, char **err);

typedef struct Api {
  const char *name;
  int nstr;
  const char *arg[6];      /* names of the string arguments, in order */
  const char *val[6];      /* valid values */
  Thunk call;
  const char *out_name;    /* the out-parameter, or NULL when there is none */
  int out_optional;        /* out may be NULL (verify's out_json) */
} Api;

static char *g_token007, *g_token006, *g_key3, *g_key4, *g_key5, *g_signaling;

#define T(fn) static AgoraTokenStatus fn(const char *const *s, char **out, char **err)
T(t_rtc_uid) { return agora_token_rtc_build_with_uid(s[0], s[1], s[2], 42, 1, 600, 600, NULL, out, err); }
T(t_rtc_account) { return agora_token_rtc_build_with_user_account(s[0], s[1], s[2], s[3], 1, 600, 600, NULL, out, err); }
T(t_rtc_uid_priv) { return agora_token_rtc_build_with_uid_and_privilege(s[0], s[1], s[2], 42, 600, 1, 2, 3, 4, NULL, out, err); }
T(t_rtc_account_priv) {
  return agora_token_rtc_build_with_user_account_and_privilege(s[0], s[1], s[2], s[3], 600, 1, 2, 3, 4, NULL, out, err);
}
T(t_rtc_rtm) { return agora_token_rtc_build_with_rtm(s[0], s[1], s[2], s[3], 1, 600, 600, NULL, out, err); }
T(t_rtc_rtm2) { return agora_token_rtc_build_with_rtm2(s[0], s[1], s[2], s[3], 1, 600, 1, 2, 3, 4, s[4], 600, NULL, out, err); }
T(t_convoai) { return agora_token_convoai_build(s[0], s[1], s[2], s[3], 1, 600, 1, 2, 3, 4, s[4], 600, NULL, out, err); }
T(t_stt) { return agora_token_stt_build(s[0], s[1], s[2], s[3], 1, 600, 1, 2, 3, 4, s[4], 600, NULL, out, err); }
T(t_rtm) { return agora_token_rtm_build(s[0], s[1], s[2], 600, NULL, out, err); }
T(t_rtm_perm) {
  const char *res[] = {"chan"};
  AgoraTokenRtm2Permission p = {0, 0, res, 1};
  return agora_token_rtm_build_with_permissions(s[0], s[1], s[2], &p, 1, 600, NULL, out, err);
}
T(t_chat_user) { return agora_token_chat_build_user_token(s[0], s[1], s[2], 600, NULL, out, err); }
T(t_chat_app) { return agora_token_chat_build_app_token(s[0], s[1], 600, NULL, out, err); }
T(t_fpa) { return agora_token_fpa_build(s[0], s[1], NULL, out, err); }
T(t_apaas_room) { return agora_token_apaas_build_room_user_token(s[0], s[1], s[2], s[3], 1, 600, NULL, out, err); }
T(t_apaas_user) { return agora_token_apaas_build_user_token(s[0], s[1], s[2], 600, NULL, out, err); }
T(t_apaas_app) { return agora_token_apaas_build_app_token(s[0], s[1], 600, NULL, out, err); }
T(t_edu_room) { return agora_token_education_build_room_user_token(s[0], s[1], s[2], s[3], 1, 600, NULL, out, err); }
T(t_edu_user) { return agora_token_education_build_user_token(s[0], s[1], s[2], 600, NULL, out, err); }
T(t_edu_app) { return agora_token_education_build_app_token(s[0], s[1], 600, NULL, out, err); }
T(t_v007_build) {
  AgoraTokenPrivilege p = {1, 600};
  AgoraTokenService svc = {0};
  svc.service_type = AGORA_TOKEN_SERVICE_RTC;
  svc.privileges = &p;
  svc.privilege_count = 1;
  svc.channel_name = s[2];
  svc.uid = s[3];
  return agora_token_v007_build(s[0], s[1], 600, &svc, 1, NULL, out, err);
}
T(t_v007_verify) { return agora_token_v007_verify(s[0], s[1], out, err); }
T(t_content_hex) { return agora_token_v007_content_hex(s[0], out, err); }
T(t_parse) { return agora_token_parse(s[0], out, err); }
T(t_check) { return agora_token_check(s[0], s[1], s[2], 0, out, err); }
T(t_v006_uid) { return agora_token_v006_rtc_build_with_uid(s[0], s[1], s[2], 42, 1, 0, NULL, out, err); }
T(t_v006_account) { return agora_token_v006_rtc_build_with_user_account(s[0], s[1], s[2], s[3], 1, 0, NULL, out, err); }
T(t_v006_priv) {
  AgoraTokenPrivilege p = {1, 0};
  return agora_token_v006_rtc_build_with_privileges(s[0], s[1], s[2], s[3], &p, 1, NULL, out, err);
}
T(t_v006_rtm) { return agora_token_v006_rtm_build(s[0], s[1], s[2], 0, NULL, out, err); }
T(t_v006_verify) { return agora_token_v006_verify(s[0], s[1], s[2], s[3], out, err); }
T(t_dk3) { return agora_token_dynamic_key3_generate(s[0], s[1], s[2], 1, 2, 3, 4, out, err); }
T(t_dk3_verify) {
  (void)out;
  return agora_token_dynamic_key3_verify(s[0], s[1], s[2], err);
}
T(t_dk4) { return agora_token_dynamic_key4_generate(AGORA_TOKEN_KEY_RECORDING, s[0], s[1], s[2], 1, 2, 3, 4, out, err); }
T(t_dk4_verify) {
  (void)out;
  return agora_token_dynamic_key4_verify(s[0], AGORA_TOKEN_KEY_RECORDING, s[1], s[2], 3, err);
}
T(t_dk5) { return agora_token_dynamic_key5_generate(AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION, s[0], s[1], s[2], 1, 2, 3, 4, s[3], out, err); }
T(t_dk5_verify) {
  (void)out;
  return agora_token_dynamic_key5_verify(s[0], s[1], s[2], 3, err);
}
T(t_signaling) { return agora_token_signaling_generate(s[0], s[1], s[2], 99, out, err); }
T(t_signaling_verify) {
  uint32_t ts;
  (void)out;
  return agora_token_signaling_verify(s[0], s[1], s[2], &ts, err);
}
#undef T

static void make_valid_tokens(void) {
  const AgoraTokenOptions o = {AGORA_TOKEN_OPTION_FIXED_ISSUE, 1700000000, 1, 1800000000};
  CHECK(agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 42, 1, 600, 600, &o, &g_token007, NULL) == AGORA_TOKEN_STATUS_OK, "token007");
  CHECK(agora_token_v006_rtc_build_with_uid(APP_ID, CERT, "demo", 42, 1, 0, &o, &g_token006, NULL) == AGORA_TOKEN_STATUS_OK, "token006");
  CHECK(agora_token_dynamic_key3_generate(APP_ID, CERT, "demo", 1, 2, 3, 4, &g_key3, NULL) == AGORA_TOKEN_STATUS_OK, "key3");
  CHECK(agora_token_dynamic_key4_generate(AGORA_TOKEN_KEY_RECORDING, APP_ID, CERT, "demo", 1, 2, 3, 4, &g_key4, NULL) == AGORA_TOKEN_STATUS_OK,
        "key4");
  CHECK(agora_token_dynamic_key5_generate(AGORA_TOKEN_KEY_MEDIA_CHANNEL, APP_ID, CERT, "demo", 1, 2, 3, 4, NULL, &g_key5, NULL) ==
            AGORA_TOKEN_STATUS_OK,
        "key5");
  CHECK(agora_token_signaling_generate("alice", APP_ID, CERT, 99, &g_signaling, NULL) == AGORA_TOKEN_STATUS_OK, "signaling");
}

static void test_every_pointer(void) {
  const Api apis[] = {
      {"rtc_build_with_uid", 3, {"app_id", "app_certificate", "channel_name"}, {APP_ID, CERT, "demo"}, t_rtc_uid, "out_token", 0},
      {"rtc_build_with_user_account", 4, {"app_id", "app_certificate", "channel_name", "account"}, {APP_ID, CERT, "demo", "alice"}, t_rtc_account,
       "out_token", 0},
      {"rtc_build_with_uid_and_privilege", 3, {"app_id", "app_certificate", "channel_name"}, {APP_ID, CERT, "demo"}, t_rtc_uid_priv, "out_token", 0},
      {"rtc_build_with_user_account_and_privilege", 4, {"app_id", "app_certificate", "channel_name", "account"}, {APP_ID, CERT, "demo", "alice"},
       t_rtc_account_priv, "out_token", 0},
      {"rtc_build_with_rtm", 4, {"app_id", "app_certificate", "channel_name", "account"}, {APP_ID, CERT, "demo", "alice"}, t_rtc_rtm, "out_token", 0},
      {"rtc_build_with_rtm2", 5, {"app_id", "app_certificate", "channel_name", "rtc_account", "rtm_user_id"}, {APP_ID, CERT, "demo", "alice", "bob"},
       t_rtc_rtm2, "out_token", 0},
      {"convoai_build", 5, {"app_id", "app_certificate", "channel_name", "rtc_account", "rtm_user_id"}, {APP_ID, CERT, "demo", "alice", "bob"},
       t_convoai, "out_token", 0},
      {"stt_build", 5, {"app_id", "app_certificate", "channel_name", "rtc_account", "rtm_user_id"}, {APP_ID, CERT, "demo", "alice", "bob"}, t_stt,
       "out_token", 0},
      {"rtm_build", 3, {"app_id", "app_certificate", "user_id"}, {APP_ID, CERT, "alice"}, t_rtm, "out_token", 0},
      {"rtm_build_with_permissions", 3, {"app_id", "app_certificate", "user_id"}, {APP_ID, CERT, "alice"}, t_rtm_perm, "out_token", 0},
      {"chat_build_user_token", 3, {"app_id", "app_certificate", "user_id"}, {APP_ID, CERT, "alice"}, t_chat_user, "out_token", 0},
      {"chat_build_app_token", 2, {"app_id", "app_certificate"}, {APP_ID, CERT}, t_chat_app, "out_token", 0},
      {"fpa_build", 2, {"app_id", "app_certificate"}, {APP_ID, CERT}, t_fpa, "out_token", 0},
      {"apaas_build_room_user_token", 4, {"app_id", "app_certificate", "room_uuid", "user_uuid"}, {APP_ID, CERT, "room", "user"}, t_apaas_room,
       "out_token", 0},
      {"apaas_build_user_token", 3, {"app_id", "app_certificate", "user_uuid"}, {APP_ID, CERT, "user"}, t_apaas_user, "out_token", 0},
      {"apaas_build_app_token", 2, {"app_id", "app_certificate"}, {APP_ID, CERT}, t_apaas_app, "out_token", 0},
      {"education_build_room_user_token", 4, {"app_id", "app_certificate", "room_uuid", "user_uuid"}, {APP_ID, CERT, "room", "user"}, t_edu_room,
       "out_token", 0},
      {"education_build_user_token", 3, {"app_id", "app_certificate", "user_uuid"}, {APP_ID, CERT, "user"}, t_edu_user, "out_token", 0},
      {"education_build_app_token", 2, {"app_id", "app_certificate"}, {APP_ID, CERT}, t_edu_app, "out_token", 0},
      {"v007_build", 4, {"app_id", "app_certificate", "services[0].channel_name", "services[0].uid"}, {APP_ID, CERT, "demo", "42"}, t_v007_build,
       "out_token", 0},
      {"v007_verify", 2, {"token", "app_certificate"}, {g_token007, CERT}, t_v007_verify, "out_json", 1},
      {"v007_content_hex", 1, {"token"}, {g_token007}, t_content_hex, "out_hex", 0},
      {"parse", 1, {"token"}, {g_token007}, t_parse, "out_json", 0},
      {"check", 3, {"token", "app_certificate", "request_json"}, {g_token007, CERT, "{\"service\":\"fpa\"}"}, t_check, "out_report_json", 0},
      {"v006_rtc_build_with_uid", 3, {"app_id", "app_certificate", "channel_name"}, {APP_ID, CERT, "demo"}, t_v006_uid, "out_token", 0},
      {"v006_rtc_build_with_user_account", 4, {"app_id", "app_certificate", "channel_name", "account"}, {APP_ID, CERT, "demo", "alice"},
       t_v006_account, "out_token", 0},
      {"v006_rtc_build_with_privileges", 4, {"app_id", "app_certificate", "channel_name", "user_account"}, {APP_ID, CERT, "demo", "42"},
       t_v006_priv, "out_token", 0},
      {"v006_rtm_build", 3, {"app_id", "app_certificate", "user_account"}, {APP_ID, CERT, "alice"}, t_v006_rtm, "out_token", 0},
      {"v006_verify", 4, {"token", "app_certificate", "channel_name", "uid"}, {g_token006, CERT, "demo", "42"}, t_v006_verify, "out_json", 1},
      {"dynamic_key3_generate", 3, {"app_id", "app_certificate", "channel_name"}, {APP_ID, CERT, "demo"}, t_dk3, "out_key", 0},
      {"dynamic_key3_verify", 3, {"key", "app_certificate", "channel_name"}, {g_key3, CERT, "demo"}, t_dk3_verify, NULL, 0},
      {"dynamic_key4_generate", 3, {"app_id", "app_certificate", "channel_name"}, {APP_ID, CERT, "demo"}, t_dk4, "out_key", 0},
      {"dynamic_key4_verify", 3, {"key", "app_certificate", "channel_name"}, {g_key4, CERT, "demo"}, t_dk4_verify, NULL, 0},
      {"dynamic_key5_generate", 4, {"app_id", "app_certificate", "channel_name", "permission"}, {APP_ID, CERT, "demo", "3"}, t_dk5, "out_key", 0},
      {"dynamic_key5_verify", 3, {"key", "app_certificate", "channel_name"}, {g_key5, CERT, "demo"}, t_dk5_verify, NULL, 0},
      {"signaling_generate", 3, {"account", "app_id", "app_certificate"}, {"alice", APP_ID, CERT}, t_signaling, "out_token", 0},
      {"signaling_verify", 3, {"token", "account", "app_certificate"}, {g_signaling, "alice", CERT}, t_signaling_verify, NULL, 0},
  };
  const size_t n = sizeof apis / sizeof apis[0];
  int calls = 0;
  for (size_t a = 0; a < n; a++) {
    const Api *api = &apis[a];
    const char *s[6];
    char what[160], want[160];
    char *out, *err;
    AgoraTokenStatus st;

    /* All valid: success, result written, out_error NULL. */
    memcpy(s, api->val, sizeof s);
    out = NULL;
    err = (char *)1;
    st = api->call(s, &out, &err);
    calls++;
    CHECK(st == AGORA_TOKEN_STATUS_OK, "%s: valid call gives %s", api->name, agora_token_status_name(st));
    CHECK(err == NULL, "%s: out_error not NULL on success", api->name);
    if (api->out_name) CHECK(out != NULL, "%s: no result", api->name);
    agora_token_string_free(out);
    if (st != AGORA_TOKEN_STATUS_OK && err != (char *)1) agora_token_string_free(err);

    for (int i = 0; i < api->nstr; i++) {
      /* A NULL string argument: the field is named. */
      memcpy(s, api->val, sizeof s);
      s[i] = NULL;
      out = (char *)1;
      err = NULL;
      st = api->call(s, &out, &err);
      calls++;
      snprintf(what, sizeof what, "%s(%s = NULL)", api->name, api->arg[i]);
      snprintf(want, sizeof want, "%s: must not be NULL", api->arg[i]);
      if (!strcmp(api->arg[i], "permission")) {
        /* NULL is allowed for permission, but an in-channel key needs one. */
        expect_error(what, st, AGORA_TOKEN_STATUS_INVALID_INPUT, err, "permission: must be \"0\"", api->out_name ? &out : NULL);
      } else {
        CHECK(err && !strcmp(err, want), "%s: message \"%s\", want \"%s\"", what, str_or(err), want);
        expect_error(what, st, AGORA_TOKEN_STATUS_NULL_POINTER, err, want, api->out_name ? &out : NULL);
      }

      /* Invalid UTF-8: the field and the offset are named, not the bytes. */
      memcpy(s, api->val, sizeof s);
      s[i] = BAD_UTF8;
      out = (char *)1;
      err = NULL;
      st = api->call(s, &out, &err);
      calls++;
      snprintf(what, sizeof what, "%s(%s = invalid UTF-8)", api->name, api->arg[i]);
      snprintf(want, sizeof want, "%s: must be valid UTF-8 (invalid byte at offset 2)", api->arg[i]);
      CHECK(err && !strcmp(err, want), "%s: message \"%s\", want \"%s\"", what, str_or(err), want);
      expect_error(what, st, AGORA_TOKEN_STATUS_INVALID_UTF8, err, want, api->out_name ? &out : NULL);
    }

    /* A NULL out-parameter. */
    memcpy(s, api->val, sizeof s);
    if (api->out_name) {
      err = NULL;
      st = api->call(s, NULL, &err);
      calls++;
      snprintf(what, sizeof what, "%s(%s = NULL)", api->name, api->out_name);
      if (api->out_optional) {
        CHECK(st == AGORA_TOKEN_STATUS_OK && err == NULL, "%s: optional out-parameter refused: %s", what, str_or(err));
        agora_token_string_free(err);
      } else {
        snprintf(want, sizeof want, "%s: must not be NULL", api->out_name);
        CHECK(err && !strcmp(err, want), "%s: message \"%s\", want \"%s\"", what, str_or(err), want);
        expect_error(what, st, AGORA_TOKEN_STATUS_NULL_POINTER, err, want, NULL);
      }
    }

    /* NULL out_error with a failing call: the status alone, no crash. */
    s[0] = NULL;
    out = NULL;
    st = api->call(s, &out, NULL);
    calls++;
    CHECK(st == AGORA_TOKEN_STATUS_NULL_POINTER, "%s: NULL out_error: %s", api->name, agora_token_status_name(st));
    CHECK(out == NULL, "%s: out set on failure", api->name);
  }
  CHECK(n == 37, "the table covers %d functions; the header has 37 with a status", (int)n);
  printf("bad input: %d functions, %d calls with a NULL, invalid UTF-8 or valid argument\n", (int)n, calls);
}

/* EXPECT(call using out_ and err_, status, message prefix); EXPECT0 for a
 * call without an out-parameter. */
#define EXPECT(call, status, prefix)                       \
  do {                                                     \
    char *out_ = (char *)1, *err_ = NULL;                  \
    AgoraTokenStatus st_ = call;                           \
    expect_error(#call, st_, status, err_, prefix, &out_); \
  } while (0)
#define EXPECT0(call, status, prefix)                     \
  do {                                                    \
    char *err_ = NULL;                                    \
    AgoraTokenStatus st_ = call;                          \
    expect_error(#call, st_, status, err_, prefix, NULL); \
  } while (0)

static char *repeat(char ch, size_t n) {
  char *s = malloc(n + 1);
  memset(s, ch, n);
  s[n] = '\0';
  return s;
}

/* The check engine: JSON request in, JSON report out; a bad token is a
 * denial in the report, a bad request an error naming the field. */
static void test_check(void) {
  char *tok = NULL, *report = NULL, *err = NULL;
  const AgoraTokenOptions fixed = {AGORA_TOKEN_OPTION_FIXED_ISSUE, 1700000000, 1, 0};
  CHECK(agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 42, 2, 600, 600, &fixed, &tok, NULL) == AGORA_TOKEN_STATUS_OK, "check: build");
  const char *join = "{\"service\":\"rtc\",\"channel_name\":\"demo\",\"uid\":42}";
  CHECK(agora_token_check(tok, CERT, join, 1700000001, &report, &err) == AGORA_TOKEN_STATUS_OK && err == NULL, "check: %s", str_or(err));
  CHECK(report && strstr(report, "\"allowed\":true") && strstr(report, "\"signature\":\"valid\""), "check allowed: %s", str_or(report));
  agora_token_string_free(report);
  report = NULL;
  const char *wrong = "{\"service\":\"rtc\",\"channel_name\":\"other\",\"uid\":\"42\",\"publish\":[\"audio\"]}";
  CHECK(agora_token_check(tok, CERT, wrong, 1700000600, &report, NULL) == AGORA_TOKEN_STATUS_OK, "check denied: status");
  CHECK(report && strstr(report, "\"allowed\":false") && strstr(report, "\"code\":\"token_expired\"") &&
            strstr(report, "\"code\":\"channel_mismatch\"") && strstr(report, "\"code\":\"privilege_missing\""),
        "check denied: %s", str_or(report));
  agora_token_string_free(report);
  report = NULL;
  CHECK(agora_token_check("007garbage", CERT, join, 0, &report, NULL) == AGORA_TOKEN_STATUS_OK && strstr(report, "\"code\":\"malformed\""),
        "check malformed: %s", str_or(report));
  agora_token_string_free(report);
  EXPECT(agora_token_check(tok, CERT, "{not json", 0, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "request: is not valid JSON");
  EXPECT(agora_token_check(tok, CERT, "{\"service\":\"rtm\"}", 0, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "user_id: is required");
  EXPECT(agora_token_check(tok, "nothex", join, 0, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "app_certificate");
  EXPECT(agora_token_check(tok, CERT, join, 9007199254740992ULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "now: must be at most 9007199254740991");
  agora_token_string_free(tok);
}

static void test_rules(void) {
  const AgoraTokenOptions lenient = {AGORA_TOKEN_OPTION_LENIENT, 0, 0, 0};
  const AgoraTokenOptions unknown = {4, 0, 0, 0};
  char *ch64 = repeat('c', 64), *acc256 = repeat('a', 256), *huge = repeat('x', 70000), *mib = repeat('y', 1 << 20);

  /* Options, roles, kinds. */
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 1, 1, 1, 1, &unknown, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "options.flags: unknown bits 0x4");
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 1, 3, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "role: must be 1 (publisher) or 2 (subscriber), got 3");
  EXPECT(agora_token_rtc_build_with_rtm2(APP_ID, CERT, "demo", "a", 0, 1, 1, 1, 1, 1, "b", 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "rtc_role: must be 1 (publisher) or 2 (subscriber), got 0");
  EXPECT(agora_token_v006_rtc_build_with_uid(APP_ID, CERT, "demo", 1, 5, 0, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "role: must be 0 (attendee), 1 (publisher), 2 (subscriber) or 101 (admin), got 5");
  EXPECT(agora_token_dynamic_key4_generate(4, APP_ID, CERT, "demo", 1, 2, 3, 4, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "kind: must be 1 (media channel), 2 (recording) or 3 (public sharing), got 4");
  EXPECT0(agora_token_dynamic_key4_verify(g_key4, 0, CERT, "demo", 3, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "kind: must be 1");
  EXPECT(agora_token_dynamic_key5_generate(9, APP_ID, CERT, "demo", 1, 2, 3, 4, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "kind: must be 1");
  EXPECT(agora_token_dynamic_key5_generate(AGORA_TOKEN_KEY_RECORDING, APP_ID, CERT, "demo", 1, 2, 3, 4, "3", &out_, &err_),
         AGORA_TOKEN_STATUS_INVALID_INPUT, "permission: only in-channel-permission keys carry a permission");
  {
    /* Lenient: any role is the official subscriber (join only). */
    char *tok = NULL, *json = NULL;
    CHECK(agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 1, 3, 600, 60, &lenient, &tok, NULL) == AGORA_TOKEN_STATUS_OK, "lenient role 3");
    CHECK(agora_token_parse(tok, &json, NULL) == AGORA_TOKEN_STATUS_OK && strstr(json, "\"privileges\":{\"1\":60}"),
          "lenient role 3 is join-only: %s", str_or(json));
    agora_token_string_free(tok);
    agora_token_string_free(json);
    tok = NULL;
    CHECK(agora_token_v006_rtc_build_with_uid(APP_ID, CERT, "demo", 1, 5, 0, &lenient, &tok, NULL) == AGORA_TOKEN_STATUS_OK, "lenient 006 role 5");
    agora_token_string_free(tok);
  }

  /* Lengths and alphabets. */
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, ch64, 1, 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "channel_name: must be shorter than 64 bytes (got 64 bytes)");
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, mib, 1, 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "channel_name: must be shorter than 64 bytes (got 1048576 bytes)");
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, "a/b", 1, 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "channel_name: character '/' is not allowed");
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, "", 1, 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "channel_name: must not be empty");
  EXPECT(agora_token_rtc_build_with_user_account(APP_ID, CERT, "demo", acc256, 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "account: must be at most 255 bytes (got 256 bytes)");
  EXPECT(agora_token_rtc_build_with_user_account(APP_ID, CERT, "demo", "", 1, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "account: must not be empty");
  EXPECT(agora_token_rtm_build(APP_ID, CERT, acc256, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "user_id: must be at most 255 bytes (got 256 bytes)");
  EXPECT(agora_token_rtc_build_with_rtm2(APP_ID, CERT, "demo", "a", 1, 1, 1, 1, 1, 1, "", 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "rtm_user_id: must not be empty");
  EXPECT(agora_token_apaas_build_room_user_token(APP_ID, CERT, "", "u", 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "room_uuid: must not be empty");
  EXPECT(agora_token_v006_rtm_build(APP_ID, CERT, acc256, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "user_account: must be at most 255 bytes");
  EXPECT(agora_token_signaling_generate("", APP_ID, CERT, 1, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "account: must not be empty");
  EXPECT(agora_token_fpa_build("970CA35de60c44645bbae8a215061b333", CERT, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "app_id: must be 32 hexadecimal characters (got 33 bytes)");
  EXPECT(agora_token_fpa_build(APP_ID, "5CFd2fd1755d40ecb72977518be15d3", NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "app_certificate: must be 32 hexadecimal characters (got 31 bytes)");
  EXPECT(agora_token_fpa_build(APP_ID, BAD_CERT, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "app_certificate: must be 32 hexadecimal characters (found a character outside");
  EXPECT(agora_token_dynamic_key3_generate(APP_ID, BAD_CERT, "demo", 1, 2, 3, 4, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "app_certificate: must be 32 hexadecimal");
  EXPECT0(agora_token_v007_verify(g_token007, BAD_CERT, NULL, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT, "app_certificate: must be 32 hexadecimal");
  /* Lenient skips the channel rules, but the wire format's u16 length still holds. */
  EXPECT(agora_token_rtc_build_with_uid(APP_ID, CERT, huge, 1, 1, 1, 1, &lenient, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
         "channel_name: at most 65535 bytes (got 70000)");
  {
    /* A 006 token carries only the CRC of the channel name: any length builds. */
    char *tok = NULL;
    CHECK(agora_token_v006_rtc_build_with_user_account(APP_ID, CERT, huge, "a", 1, 0, &lenient, &tok, NULL) == AGORA_TOKEN_STATUS_OK,
          "lenient 006 with a 70000-byte channel name");
    agora_token_string_free(tok);
  }

  /* Arrays and services. */
  {
    const char *res[2] = {"ok", NULL};
    const char *bad_res[1] = {BAD_UTF8};
    AgoraTokenRtm2Permission p = {0, 0, res, 2};
    EXPECT(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", NULL, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "permissions: must not be NULL when its count is 1");
    EXPECT(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", &p, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "permissions[0].resources[1]: must not be NULL");
    p.resources = NULL;
    EXPECT(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", &p, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "permissions[0].resources: must not be NULL when its count is 2");
    p.resources = bad_res;
    p.resource_count = 1;
    EXPECT(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", &p, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_UTF8,
           "permissions[0].resources[0]: must be valid UTF-8");
    p.resources = NULL;
    p.resource_count = 0;
    char *tok = NULL;
    CHECK(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", NULL, 0, 1, NULL, &tok, NULL) == AGORA_TOKEN_STATUS_OK, "no permissions");
    agora_token_string_free(tok);
    tok = NULL;
    /* A pair without resources grants nothing: the checked builder refuses
     * it (token-core's rule), the lenient one packs it as the official
     * builders do. */
    EXPECT(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", &p, 1, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
           "resources: each permission needs at least one resource name");
    const AgoraTokenOptions lenient_pair = {AGORA_TOKEN_OPTION_LENIENT, 0, 0, 0};
    CHECK(agora_token_rtm_build_with_permissions(APP_ID, CERT, "u", &p, 1, 1, &lenient_pair, &tok, NULL) == AGORA_TOKEN_STATUS_OK,
          "empty resource list, lenient");
    agora_token_string_free(tok);

    AgoraTokenService svc = {0};
    svc.service_type = 42;
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, NULL, 0, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NO_SERVICE,
           "services: a token needs at least one service");
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, NULL, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "services: must not be NULL when its count is 1");
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, &svc, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_INVALID_INPUT,
           "services[0].service_type: unknown service type 42");
    svc.service_type = AGORA_TOKEN_SERVICE_CHAT;
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, &svc, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "services[0].user_id: must not be NULL");
    svc.user_id = "u";
    svc.privilege_count = 2;
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, &svc, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "services[0].privileges: must not be NULL when its count is 2");
    svc.service_type = AGORA_TOKEN_SERVICE_RTM2;
    svc.privilege_count = 0;
    svc.permission_count = 1;
    EXPECT(agora_token_v007_build(APP_ID, CERT, 1, &svc, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "services[0].permissions: must not be NULL when its count is 1");
    svc.service_type = AGORA_TOKEN_SERVICE_FPA; /* no string field: the NULL ones are ignored */
    tok = NULL;
    CHECK(agora_token_v007_build(APP_ID, CERT, 1, &svc, 1, NULL, &tok, NULL) == AGORA_TOKEN_STATUS_OK, "FPA service ignores unused fields");
    agora_token_string_free(tok);
    EXPECT(agora_token_v006_rtc_build_with_privileges(APP_ID, CERT, "demo", "", NULL, 1, NULL, &out_, &err_), AGORA_TOKEN_STATUS_NULL_POINTER,
           "privileges: must not be NULL when its count is 1");
  }

  /* Garbage tokens. */
  {
    char *trunc = malloc(strlen(g_token007) + 1), *flipped = malloc(strlen(g_token007) + 1), *big = repeat('A', 1 << 20);
    strcpy(trunc, g_token007);
    trunc[strlen(trunc) - 12] = '\0';
    strcpy(flipped, g_token007);
    flipped[40] = flipped[40] == 'A' ? 'B' : 'A';
    big[0] = '0', big[1] = '0', big[2] = '7';
    const char *wrong_version[] = {"", "abc", "005abc", "\x01\x02\x03", "1:2:3"};
    for (size_t i = 0; i < sizeof wrong_version / sizeof *wrong_version; i++) {
      EXPECT(agora_token_parse(wrong_version[i], &out_, &err_), AGORA_TOKEN_STATUS_WRONG_VERSION, "token: expected version prefix");
      EXPECT(agora_token_v007_verify(wrong_version[i], CERT, &out_, &err_), AGORA_TOKEN_STATUS_WRONG_VERSION, "token: expected version prefix \"007\"");
      EXPECT(agora_token_v007_content_hex(wrong_version[i], &out_, &err_), AGORA_TOKEN_STATUS_WRONG_VERSION, "token: expected version prefix");
      EXPECT(agora_token_v006_verify(wrong_version[i], CERT, "c", "", &out_, &err_), AGORA_TOKEN_STATUS_WRONG_VERSION,
             "token: expected version prefix \"006\"");
    }
    const char *malformed[] = {"007", "007!!!!", "007AAAA", "006", "006970CA35de60c44645bbae8a215061b33!!", "006zz", trunc, big};
    for (size_t i = 0; i < sizeof malformed / sizeof *malformed; i++) {
      EXPECT(agora_token_parse(malformed[i], &out_, &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: ");
    }
    EXPECT(agora_token_v007_verify(trunc, CERT, &out_, &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: ");
    EXPECT(agora_token_v007_content_hex(big, &out_, &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: ");
    {
      char *err = NULL;
      AgoraTokenStatus st = agora_token_v007_verify(flipped, CERT, NULL, &err);
      CHECK(st == AGORA_TOKEN_STATUS_MALFORMED || st == AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, "altered token gives %s",
            agora_token_status_name(st));
      agora_token_string_free(err);
    }
    EXPECT0(agora_token_dynamic_key3_verify("garbage", CERT, "demo", &err_), AGORA_TOKEN_STATUS_WRONG_VERSION, "token: expected version prefix");
    EXPECT0(agora_token_dynamic_key3_verify("003xyz", CERT, "demo", &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: a 003 key is");
    EXPECT0(agora_token_dynamic_key4_verify("004", AGORA_TOKEN_KEY_RECORDING, CERT, "demo", 3, &err_), AGORA_TOKEN_STATUS_MALFORMED,
           "malformed token: ");
    EXPECT0(agora_token_dynamic_key5_verify("005!!", CERT, "demo", 3, &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: ");
    EXPECT0(agora_token_signaling_verify("1:2", "alice", CERT, NULL, &err_), AGORA_TOKEN_STATUS_MALFORMED, "malformed token: ");
    EXPECT0(agora_token_signaling_verify(g_signaling, "bob", CERT, NULL, &err_), AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH, "signature: ");
    free(trunc);
    free(flipped);
    free(big);
  }

  /* Status names; freeing NULL. */
  const char *names[] = {"ok", "null_pointer", "invalid_utf8", "invalid_input", "no_service", "wrong_version", "malformed", "signature_mismatch", "internal"};
  for (int i = 0; i <= 8; i++) CHECK(!strcmp(agora_token_status_name(i), names[i]), "status %d is named %s", i, agora_token_status_name(i));
  CHECK(!strcmp(agora_token_status_name(-1), "unknown") && !strcmp(agora_token_status_name(9), "unknown"), "unknown status name");
  agora_token_string_free(NULL);

  /* The header's version macros and the loaded library's version. */
  char version[32];
  snprintf(version, sizeof version, "%d.%d.%d", AGORA_TOKEN_VERSION_MAJOR, AGORA_TOKEN_VERSION_MINOR, AGORA_TOKEN_VERSION_PATCH);
  CHECK(!strcmp(version, AGORA_TOKEN_VERSION_STRING), "version macros %s, string %s", version, AGORA_TOKEN_VERSION_STRING);
  CHECK(!strcmp(agora_token_version(), AGORA_TOKEN_VERSION_STRING), "library %s, header %s", agora_token_version(), AGORA_TOKEN_VERSION_STRING);

  free(ch64);
  free(acc256);
  free(huge);
  free(mib);
}

/* ---------------------------------------------------------------- threads */

static void *thread_main(void *arg) {
  long *bad = arg;
  for (int i = 0; i < 200; i++) {
    char *tok = NULL, *json = NULL;
    const AgoraTokenOptions o = {AGORA_TOKEN_OPTION_FIXED_ISSUE, 1700000000, 1, 0};
    if (agora_token_rtc_build_with_uid(APP_ID, CERT, "demo", 42, 1, 600, 600, &o, &tok, NULL) != AGORA_TOKEN_STATUS_OK || strcmp(tok, g_token007))
      (*bad)++;
    if (agora_token_v007_verify(tok, CERT, &json, NULL) != AGORA_TOKEN_STATUS_OK) (*bad)++;
    agora_token_string_free(tok);
    agora_token_string_free(json);
  }
  return NULL;
}

static void test_threads(void) {
  pthread_t t[4];
  long bad[4] = {0};
  for (int i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, thread_main, &bad[i]) == 0, "pthread_create");
  for (int i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    CHECK(bad[i] == 0, "thread %d: %ld wrong results", i, bad[i]);
  }
  printf("threads: 4 x 200 concurrent builds and verifies\n");
}

int main(void) {
  make_valid_tokens();
  test_vectors();
  test_every_pointer();
  test_rules();
  test_check();
  test_threads();
  agora_token_string_free(g_token007);
  agora_token_string_free(g_token006);
  agora_token_string_free(g_key3);
  agora_token_string_free(g_key4);
  agora_token_string_free(g_key5);
  agora_token_string_free(g_signaling);
  printf("c: %d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
