'use strict'
// Vector builder id (the "builder" of tests/vectors/*.json) -> the same call
// through the agora-token-named API of an agora-token-rs module: one table
// for this package's vector test (vectors.test.js) and the conformance
// worker (tests/conformance/workers/node_worker.js), which loads the packed
// addon instead of this checkout's.
//
//   const calls = require('./vector-calls')(require('..'))
//   const token = calls['rtc.with_uid'](vector.inputs)

module.exports = function vectorCalls (ours) {
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
  }
  return BUILDERS
}
