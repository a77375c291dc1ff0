'use strict'
// The Node surface of scripts/test-conformance: the drop-in API of
// agora-token-rs (the official agora-token 2.0.6 names, plus parse, verify
// and v006). Usage: node node_worker.js PACKAGE_DIR < requests.jsonl
//
// Reads {"id", "builder", "inputs", "token"} lines; writes
//   {"id", "offered": false, "reason"}
//   {"id", "offered": true, "ok": true, "token", "pinned": false}
//   {"id", "offered": true, "ok": false, "kind"}   (the error's `code`)
// The official builders take no issue ts or salt, and neither do these: the
// driver re-pins (reads them back from the token and compares with
// token-core built with the same ones).

const readline = require('node:readline')
const ours = require(process.argv[2])

function permissions (list) {
  const p = new ours.Rtm2Permissions()
  for (const { resource_type: r, permission_type: t, resources } of list) p.add(r, t, resources)
  return p
}
const rtcRtm = (i) => [
  i.app_id, i.app_certificate, i.channel_name, i.rtc_uid ?? i.rtc_account, i.rtc_role, i.rtc_token_expire,
  i.join_channel_privilege_expire, i.pub_audio_privilege_expire, i.pub_video_privilege_expire,
  i.pub_data_stream_privilege_expire, i.rtm_user_id, i.rtm_token_expire,
]
const privileges = (i) => [
  i.join_channel_privilege_expire, i.pub_audio_privilege_expire, i.pub_video_privilege_expire,
  i.pub_data_stream_privilege_expire,
]

const BUILDERS = {
  'rtc.with_uid': (i) => ours.RtcTokenBuilder.buildTokenWithUid(i.app_id, i.app_certificate, i.channel_name, i.uid, i.role, i.token_expire, i.privilege_expire),
  'rtc.with_user_account': (i) => ours.RtcTokenBuilder.buildTokenWithUserAccount(i.app_id, i.app_certificate, i.channel_name, i.account, i.role, i.token_expire, i.privilege_expire),
  'rtc.with_uid_and_privilege': (i) => ours.RtcTokenBuilder.buildTokenWithUidAndPrivilege(i.app_id, i.app_certificate, i.channel_name, i.uid, i.token_expire, ...privileges(i)),
  'rtc.with_user_account_and_privilege': (i) => ours.RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(i.app_id, i.app_certificate, i.channel_name, i.account, i.token_expire, ...privileges(i)),
  'rtc.with_rtm': (i) => ours.RtcTokenBuilder.buildTokenWithRtm(i.app_id, i.app_certificate, i.channel_name, i.account, i.role, i.token_expire, i.privilege_expire),
  'rtc.with_rtm2': (i) => ours.RtcTokenBuilder.buildTokenWithRtm2(...rtcRtm(i)),
  'convoai.token': (i) => ours.ConvoAITokenBuilder.buildToken(...rtcRtm(i)),
  'stt.token': (i) => ours.SttTokenBuilder.buildToken(...rtcRtm(i)),
  'rtm.token': (i) => ours.RtmTokenBuilder.buildToken(i.app_id, i.app_certificate, i.user_id, i.expire),
  'rtm.token_with_permissions': (i) => ours.RtmTokenBuilder.buildTokenWithPermissions(i.app_id, i.app_certificate, i.user_id, permissions(i.permissions), i.expire),
  'chat.user': (i) => ours.ChatTokenBuilder.buildUserToken(i.app_id, i.app_certificate, i.user_id, i.expire),
  'chat.app': (i) => ours.ChatTokenBuilder.buildAppToken(i.app_id, i.app_certificate, i.expire),
  'fpa.token': (i) => ours.FpaTokenBuilder.buildToken(i.app_id, i.app_certificate),
  'apaas.room_user': (i) => ours.ApaasTokenBuilder.buildRoomUserToken(i.app_id, i.app_certificate, i.room_uuid, i.user_uuid, i.role, i.expire),
  'apaas.user': (i) => ours.ApaasTokenBuilder.buildUserToken(i.app_id, i.app_certificate, i.user_uuid, i.expire),
  'apaas.app': (i) => ours.ApaasTokenBuilder.buildAppToken(i.app_id, i.app_certificate, i.expire),
  'education.room_user': (i) => ours.EducationTokenBuilder.buildRoomUserToken(i.app_id, i.app_certificate, i.room_uuid, i.user_uuid, i.role, i.expire),
  'education.user': (i) => ours.EducationTokenBuilder.buildUserToken(i.app_id, i.app_certificate, i.user_uuid, i.expire),
  'education.app': (i) => ours.EducationTokenBuilder.buildAppToken(i.app_id, i.app_certificate, i.expire),
  'rtc006.with_uid': (i) => ours.v006.RtcTokenBuilder.buildTokenWithUid(i.app_id, i.app_certificate, i.channel_name, i.uid, i.role, i.privilege_expired_ts),
  'rtc006.with_user_account': (i) => ours.v006.RtcTokenBuilder.buildTokenWithAccount(i.app_id, i.app_certificate, i.channel_name, i.account, i.role, i.privilege_expired_ts),
  'rtm006.token': (i) => ours.v006.RtmTokenBuilder.buildToken(i.app_id, i.app_certificate, i.user_account, i.role, i.privilege_expired_ts),
  parse: (i, token) => { ours.parse(token); return '' },
  verify: (i, token) => {
    if (token.startsWith('006')) ours.verify(token, i.app_certificate, i.channel_name ?? '', i.uid === 0 ? '' : String(i.uid ?? i.account ?? ''))
    else ours.verify(token, i.app_certificate)
    return ''
  },
}

// A role or RTM2 type given by name (a bad-input case for the surfaces that
// take names): the agora-token API takes numbers.
function namesANumber (i) {
  return [i.role, i.rtc_role].some((v) => typeof v === 'string') ||
    (i.permissions ?? []).some((p) => typeof p.resource_type === 'string' || typeof p.permission_type === 'string')
}

function run (req) {
  if (namesANumber(req.inputs ?? {})) return { offered: false, reason: 'roles and RTM2 types are numbers in agora-token' }
  const build = BUILDERS[req.builder]
  if (!build) {
    const why = req.builder === 'access_token2.services'
      ? 'agora-token 2.0.6 exports no AccessToken2 class for hand-assembled services'
      : 'agora-token 2.0.6 has no legacy DynamicKey/Signaling builders'
    return { offered: false, reason: why }
  }
  try {
    return { offered: true, ok: true, token: build(req.inputs, req.token ?? ''), pinned: false }
  } catch (e) {
    return { offered: true, ok: false, kind: e.code ?? `uncoded ${e.name}`, message: e.message }
  }
}

const rl = readline.createInterface({ input: process.stdin })
const out = []
rl.on('line', (line) => {
  if (!line.trim()) return
  const req = JSON.parse(line)
  out.push(JSON.stringify({ id: req.id, ...run(req) }))
})
rl.on('close', () => process.stdout.write(out.join('\n') + (out.length ? '\n' : '')))
