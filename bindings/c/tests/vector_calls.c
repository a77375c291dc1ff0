/* The official vectors' builders (the "builder" of tests/vectors and
 * tests/conformance/bad_inputs.json) as libagora_token calls: one table for
 * the C test (c/test_c.c) and the conformance runner
 * (tests/conformance/c/runner.c). */
#include <string.h>

#include "cases.h"

static int starts_with(const char *s, const char *p) { return s && strncmp(s, p, strlen(p)) == 0; }

int32_t agt_key_kind(const char *builder) {
  const char *k = strchr(builder, '.') + 1;
  if (!strcmp(k, "recording")) return AGORA_TOKEN_KEY_RECORDING;
  if (!strcmp(k, "public_sharing")) return AGORA_TOKEN_KEY_PUBLIC_SHARING;
  if (!strcmp(k, "in_channel_permission")) return AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION;
  return AGORA_TOKEN_KEY_MEDIA_CHANNEL;
}

AgoraTokenStatus agt_build(const AgtCase *c, uint32_t flags, char **out, char **err) {
  const AgoraTokenOptions o = {flags | AGORA_TOKEN_OPTION_FIXED_ISSUE, c->issue_ts, c->salt, c->ts};
  const char *b = c->builder, *id = c->app_id, *cert = c->app_certificate;
  if (!strcmp(b, "rtc.with_uid"))
    return agora_token_rtc_build_with_uid(id, cert, c->channel_name, c->uid, c->role, c->token_expire, c->privilege_expire, &o, out, err);
  if (!strcmp(b, "rtc.with_user_account"))
    return agora_token_rtc_build_with_user_account(id, cert, c->channel_name, c->account, c->role, c->token_expire, c->privilege_expire, &o, out, err);
  if (!strcmp(b, "rtc.with_uid_and_privilege"))
    return agora_token_rtc_build_with_uid_and_privilege(id, cert, c->channel_name, c->uid, c->token_expire, c->join, c->pub_audio, c->pub_video, c->pub_data, &o, out, err);
  if (!strcmp(b, "rtc.with_user_account_and_privilege"))
    return agora_token_rtc_build_with_user_account_and_privilege(id, cert, c->channel_name, c->account, c->token_expire, c->join, c->pub_audio, c->pub_video, c->pub_data, &o, out, err);
  if (!strcmp(b, "rtc.with_rtm"))
    return agora_token_rtc_build_with_rtm(id, cert, c->channel_name, c->account, c->role, c->token_expire, c->privilege_expire, &o, out, err);
  if (!strcmp(b, "rtc.with_rtm2"))
    return agora_token_rtc_build_with_rtm2(id, cert, c->channel_name, c->account, c->role, c->token_expire, c->join, c->pub_audio, c->pub_video, c->pub_data, c->rtm_user_id, c->rtm_token_expire, &o, out, err);
  if (!strcmp(b, "convoai.token"))
    return agora_token_convoai_build(id, cert, c->channel_name, c->account, c->role, c->token_expire, c->join, c->pub_audio, c->pub_video, c->pub_data, c->rtm_user_id, c->rtm_token_expire, &o, out, err);
  if (!strcmp(b, "stt.token"))
    return agora_token_stt_build(id, cert, c->channel_name, c->account, c->role, c->token_expire, c->join, c->pub_audio, c->pub_video, c->pub_data, c->rtm_user_id, c->rtm_token_expire, &o, out, err);
  if (!strcmp(b, "rtm.token")) return agora_token_rtm_build(id, cert, c->user_id, c->expire, &o, out, err);
  if (!strcmp(b, "rtm.token_with_permissions"))
    return agora_token_rtm_build_with_permissions(id, cert, c->user_id, c->permissions, c->permission_count, c->expire, &o, out, err);
  if (!strcmp(b, "chat.user")) return agora_token_chat_build_user_token(id, cert, c->user_id, c->expire, &o, out, err);
  if (!strcmp(b, "chat.app")) return agora_token_chat_build_app_token(id, cert, c->expire, &o, out, err);
  if (!strcmp(b, "fpa.token")) return agora_token_fpa_build(id, cert, &o, out, err);
  if (!strcmp(b, "apaas.room_user"))
    return agora_token_apaas_build_room_user_token(id, cert, c->room_uuid, c->user_uuid, (int16_t)c->role, c->expire, &o, out, err);
  if (!strcmp(b, "apaas.user")) return agora_token_apaas_build_user_token(id, cert, c->user_uuid, c->expire, &o, out, err);
  if (!strcmp(b, "apaas.app")) return agora_token_apaas_build_app_token(id, cert, c->expire, &o, out, err);
  if (!strcmp(b, "education.room_user"))
    return agora_token_education_build_room_user_token(id, cert, c->room_uuid, c->user_uuid, (int16_t)c->role, c->expire, &o, out, err);
  if (!strcmp(b, "education.user")) return agora_token_education_build_user_token(id, cert, c->user_uuid, c->expire, &o, out, err);
  if (!strcmp(b, "education.app")) return agora_token_education_build_app_token(id, cert, c->expire, &o, out, err);
  if (!strcmp(b, "access_token2.services")) return agora_token_v007_build(id, cert, c->expire, c->services, c->service_count, &o, out, err);
  if (!strcmp(b, "rtc006.with_uid"))
    return agora_token_v006_rtc_build_with_uid(id, cert, c->channel_name, c->uid, c->role, c->privilege_expired_ts, &o, out, err);
  if (!strcmp(b, "rtc006.with_user_account"))
    return agora_token_v006_rtc_build_with_user_account(id, cert, c->channel_name, c->account, c->role, c->privilege_expired_ts, &o, out, err);
  if (!strcmp(b, "rtm006.token")) return agora_token_v006_rtm_build(id, cert, c->account, c->privilege_expired_ts, &o, out, err);
  if (starts_with(b, "dk3.")) return agora_token_dynamic_key3_generate(id, cert, c->channel_name, c->unix_ts, c->random_int, c->uid, c->expired_ts, out, err);
  if (starts_with(b, "dk4."))
    return agora_token_dynamic_key4_generate(agt_key_kind(b), id, cert, c->channel_name, c->unix_ts, c->random_int, c->uid, c->expired_ts, out, err);
  if (starts_with(b, "dk5."))
    return agora_token_dynamic_key5_generate(agt_key_kind(b), id, cert, c->channel_name, c->unix_ts, c->random_int, c->uid, c->expired_ts, c->permission, out, err);
  if (!strcmp(b, "signaling.token")) return agora_token_signaling_generate(c->account, id, cert, c->expired_ts, out, err);
  return AGORA_TOKEN_STATUS_INTERNAL;
}

