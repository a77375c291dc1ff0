'use strict'
// Test-vector generator, Node side. Driven by ../gen-vectors.
//
//   node node_vectors.js requests <npm-prefix> <requests.json>
//       Writes the list of cases that the Python script must build with the
//       official PyPI package (so both sources use exactly the same inputs).
//   node node_vectors.js write <npm-prefix> <py-results.json> <out-dir>
//       Builds the npm cases with the official npm packages, merges the PyPI
//       results, checks every token, then writes tests/vectors/*.json.
//
// The official packages live in <npm-prefix>/node_modules (a temp dir). This
// script only require()s them; it never contains their code. Randomness (salt)
// and the clock (issue ts / 006 ts) are pinned by wrapping the official
// classes, so the output is deterministic.

const crypto = require('crypto')
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const { createRequire } = require('module')

const SRC_TOKEN = 'npm:agora-token@2.0.6'
const SRC_ACCESS = 'npm:agora-access-token@2.0.4'
const SRC_PYPI = 'pypi:agoraiotools@0.3.4'

// ---------------------------------------------------------------------------
// Shared input values
// ---------------------------------------------------------------------------

// Mixed case pair is Agora's published sample; the others cover all-lowercase
// and all-UPPERCASE hex (007 packs the app id / signs with the certificate as
// text, so case matters there; DynamicKey5 hex-decodes them).
const MIXED = { app_id: '970CA35de60c44645bbae8a215061b33', app_certificate: '5CFd2fd1755d40ecb72977518be15d3b' }
const LOWER = { app_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', app_certificate: 'abcdef0123456789abcdef0123456789' }
const UPPER = { app_id: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', app_certificate: 'FEDCBA9876543210FEDCBA9876543210' }

const U32_MAX = 4294967295

// Documented channel-name alphabet: space plus 26 punctuation characters,
// padded with alphanumerics to the 63-byte maximum (must be < 64 bytes).
const CH_PUNCT = (() => {
    const punct = ' !#$%&()+-:;<=.>?@[]^_{}|~,'
    const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    return punct + alnum.slice(0, 63 - punct.length)
})()
const CH_STD = '7d72365eb983485397e3e3f9d460bdda'
const CH_ONE = 'x'

const ACC_255 = (() => {
    let s = ''
    for (let i = 0; s.length < 255; i++) s += `acct${i}-`
    return s.slice(0, 255)
})()
// Multi-byte UTF-8: 2-byte, 3-byte and 4-byte sequences.
const ACC_UNI = 'Ünïcødé-用户-ユーザー-🎉'
// 85 three-byte characters = exactly 255 bytes.
const ACC_UNI_255 = '测'.repeat(85)

function assertLen(label, s, n) {
    if (Buffer.byteLength(s) !== n) throw new Error(`${label}: expected ${n} bytes, got ${Buffer.byteLength(s)}`)
}
assertLen('CH_PUNCT', CH_PUNCT, 63)
assertLen('ACC_255', ACC_255, 255)
assertLen('ACC_UNI_255', ACC_UNI_255, 255)

// ---------------------------------------------------------------------------
// Case plan (pure data). Every case: {file, name, source, builder, inputs}.
// Input keys are written in the documented order; 007 cases end with
// issue_ts, salt; 006 cases end with salt, ts.
// ---------------------------------------------------------------------------

const SUFFIX = { [SRC_TOKEN]: 'npm', [SRC_ACCESS]: 'npm', [SRC_PYPI]: 'pypi' }

function plan() {
    const cases = []
    const add = (file, builder, base, sources, inputs) => {
        for (const source of sources) {
            cases.push({ file, name: `${base}_${SUFFIX[source]}`, source, builder, inputs })
        }
    }
    const NODE = [SRC_TOKEN]
    const BOTH = [SRC_TOKEN, SRC_PYPI]
    const BOTH006 = [SRC_ACCESS, SRC_PYPI]
    const PY = [SRC_PYPI]
    const t007 = (issue_ts, salt) => ({ issue_ts, salt })

    // ---- rtc007.json -------------------------------------------------------
    const F_RTC = 'rtc007.json'
    for (const [base, cred, channel_name, uid, role, token_expire, privilege_expire, its, salt] of [
        ['publisher_uid0', MIXED, CH_STD, 0, 1, 3600, 3600, 1700000000, 12345678],
        ['subscriber_uid1_one_byte_channel', LOWER, CH_ONE, 1, 2, 86400, 3600, 1111111, 1],
        ['publisher_uid_max_punct_channel_max_expire', UPPER, CH_PUNCT, U32_MAX, 1, U32_MAX, U32_MAX, U32_MAX, 99999999],
        ['publisher_expire0', MIXED, CH_STD, 2882341273, 1, 0, 0, 1700000000, 99999999],
        ['subscriber_privilege0', UPPER, CH_STD, 1234567890, 2, 3600, 0, U32_MAX, 1],
        ['publisher_privilege_longer_than_token', LOWER, CH_PUNCT, 42, 1, 600, 86400, 1111111, 12345678],
    ]) {
        add(F_RTC, 'rtc.with_uid', `rtc_with_uid_${base}`, BOTH,
            { ...cred, channel_name, uid, role, token_expire, privilege_expire, ...t007(its, salt) })
    }
    for (const [base, cred, channel_name, account, role, token_expire, privilege_expire, its, salt] of [
        ['publisher_ascii', MIXED, CH_STD, 'test_user', 1, 3600, 3600, 1700000000, 12345678],
        ['subscriber_empty_account', LOWER, CH_ONE, '', 2, 86400, 86400, 1111111, 1],
        ['publisher_account_255', UPPER, CH_PUNCT, ACC_255, 1, U32_MAX, 0, U32_MAX, 99999999],
        ['subscriber_unicode', MIXED, CH_STD, ACC_UNI, 2, 0, U32_MAX, 1700000000, 1],
        ['publisher_account_zero_string', LOWER, CH_STD, '0', 1, 3600, 3600, 1700000000, 99999999],
        ['publisher_unicode_255_bytes', UPPER, CH_ONE, ACC_UNI_255, 1, 86400, 3600, 1111111, 12345678],
    ]) {
        add(F_RTC, 'rtc.with_user_account', `rtc_with_user_account_${base}`, BOTH,
            { ...cred, channel_name, account, role, token_expire, privilege_expire, ...t007(its, salt) })
    }
    // PyPI 0.3.4's build_token_with_uid_and_privilege raises AttributeError
    // (it calls a method that only exists on the subclass), so npm only.
    for (const [base, cred, channel_name, uid, te, j, a, v, d, its, salt] of [
        ['uid0', MIXED, CH_STD, 0, 3600, 3600, 3600, 3600, 3600, 1700000000, 12345678],
        ['uid1_distinct_expiries', LOWER, CH_ONE, 1, 86400, 600, 1200, 1800, 2400, 1111111, 1],
        ['uid_max_extremes', UPPER, CH_PUNCT, U32_MAX, U32_MAX, 0, U32_MAX, 0, U32_MAX, U32_MAX, 99999999],
        ['all_zero', MIXED, CH_STD, 2882341273, 0, 0, 0, 0, 0, 1700000000, 99999999],
    ]) {
        add(F_RTC, 'rtc.with_uid_and_privilege', `rtc_with_uid_and_privilege_${base}`, NODE,
            { ...cred, channel_name, uid, token_expire: te, join_channel_privilege_expire: j,
              pub_audio_privilege_expire: a, pub_video_privilege_expire: v,
              pub_data_stream_privilege_expire: d, ...t007(its, salt) })
    }
    for (const [base, cred, channel_name, account, te, j, a, v, d, its, salt] of [
        ['ascii', MIXED, CH_STD, 'test_user', 3600, 3600, 3600, 3600, 3600, 1700000000, 12345678],
        ['unicode_distinct_expiries', LOWER, CH_ONE, ACC_UNI, 86400, 600, 1200, 1800, 2400, 1111111, 1],
        ['account_255_extremes', UPPER, CH_PUNCT, ACC_255, U32_MAX, U32_MAX, 0, U32_MAX, 0, U32_MAX, 99999999],
        ['empty_account_all_zero', MIXED, CH_STD, '', 0, 0, 0, 0, 0, 1700000000, 1],
    ]) {
        add(F_RTC, 'rtc.with_user_account_and_privilege', `rtc_with_user_account_and_privilege_${base}`, BOTH,
            { ...cred, channel_name, account, token_expire: te, join_channel_privilege_expire: j,
              pub_audio_privilege_expire: a, pub_video_privilege_expire: v,
              pub_data_stream_privilege_expire: d, ...t007(its, salt) })
    }
    for (const [base, cred, channel_name, account, role, token_expire, privilege_expire, its, salt] of [
        ['publisher', MIXED, CH_STD, 'rtm_user', 1, 3600, 3600, 1700000000, 12345678],
        ['subscriber_unicode', LOWER, CH_ONE, ACC_UNI, 2, 86400, 0, 1111111, 1],
        ['publisher_account_255_max', UPPER, CH_PUNCT, ACC_255, 1, U32_MAX, U32_MAX, U32_MAX, 99999999],
        ['subscriber_empty_account', MIXED, CH_STD, '', 2, 0, 3600, 1700000000, 99999999],
    ]) {
        add(F_RTC, 'rtc.with_rtm', `rtc_with_rtm_${base}`, BOTH,
            { ...cred, channel_name, account, role, token_expire, privilege_expire, ...t007(its, salt) })
    }
    // Same rows feed rtc.with_rtm2 (both sources) and convoai/stt (npm only).
    const RTM2_ROWS = [
        ['publisher', MIXED, CH_STD, 'rtc_user', 1, 3600, 3600, 3600, 3600, 3600, 'rtm_user', 3600, 1700000000, 12345678],
        ['subscriber_ignores_publish_expiries', LOWER, CH_ONE, 'rtc_user', 2, 86400, 600, 1200, 1800, 2400, 'rtm_user', 86400, 1111111, 1],
        ['publisher_unicode_extremes', UPPER, CH_PUNCT, ACC_UNI, 1, U32_MAX, 0, U32_MAX, 1, 86400, ACC_UNI_255, U32_MAX, U32_MAX, 99999999],
        ['publisher_empty_accounts_zero', MIXED, CH_STD, '', 1, 0, 0, 0, 0, 0, '', 0, 1700000000, 1],
    ]
    const rtm2Inputs = ([, cred, channel_name, rtc_account, rtc_role, rtc_token_expire, j, a, v, d, rtm_user_id, rtm_token_expire, its, salt]) => ({
        ...cred, channel_name, rtc_account, rtc_role, rtc_token_expire,
        join_channel_privilege_expire: j, pub_audio_privilege_expire: a,
        pub_video_privilege_expire: v, pub_data_stream_privilege_expire: d,
        rtm_user_id, rtm_token_expire, ...t007(its, salt),
    })
    for (const row of RTM2_ROWS) {
        add(F_RTC, 'rtc.with_rtm2', `rtc_with_rtm2_${row[0]}`, BOTH, rtm2Inputs(row))
    }

    // ---- rtm007.json -------------------------------------------------------
    const F_RTM = 'rtm007.json'
    for (const [base, cred, user_id, expire, its, salt] of [
        ['ascii', MIXED, 'rtm_user_1', 3600, 1700000000, 12345678],
        ['unicode', LOWER, ACC_UNI, 86400, 1111111, 1],
        ['user_255_max_expire', UPPER, ACC_255, U32_MAX, U32_MAX, 99999999],
        ['expire0', MIXED, 'u', 0, 1700000000, 99999999],
    ]) {
        add(F_RTM, 'rtm.token', `rtm_token_${base}`, BOTH, { ...cred, user_id, expire, ...t007(its, salt) })
    }
    const perm = (resource_type, permission_type, resources) => ({ resource_type, permission_type, resources })
    const allPerms = []
    for (let rt = 0; rt <= 4; rt++) {
        for (let pt = 0; pt <= 1; pt++) allPerms.push(perm(rt, pt, [`res${rt}${pt}-a`, `res${rt}${pt}-b`]))
    }
    for (const [base, cred, user_id, permissions, expire, its, salt] of [
        ['empty_set', MIXED, 'rtm2_user', [], 3600, 1700000000, 12345678],
        ['single_message_channel_read', LOWER, 'u1', [perm(0, 0, ['chan-a'])], 86400, 1111111, 1],
        ['all_resource_types_both_permissions', UPPER, 'u2', allPerms, U32_MAX, U32_MAX, 99999999],
        ['same_pair_twice_replaces', MIXED, 'u3',
            [perm(1, 1, ['old-1', 'old-2']), perm(0, 0, ['x']), perm(1, 1, ['new'])], 3600, 1700000000, 1],
        ['resource_types_out_of_order', LOWER, 'u4',
            [perm(4, 1, ['user-9']), perm(2, 0, ['group-1']), perm(0, 1, ['msg-1']), perm(3, 0, ['sg-1']),
             perm(1, 1, ['stream-1']), perm(0, 0, ['msg-0'])], 600, 1111111, 12345678],
        ['permission_types_out_of_order', UPPER, 'u5',
            [perm(2, 1, ['w']), perm(2, 0, ['r1', 'r2'])], 86400, 1700000000, 99999999],
        ['unicode_resources', MIXED, ACC_UNI,
            [perm(0, 0, ['频道-一', 'канал']), perm(4, 1, ['😀user', ACC_UNI_255])], 0, U32_MAX, 1],
        ['empty_resource_list', LOWER, '', [perm(2, 1, []), perm(3, 0, ['g'])], 3600, 1700000000, 12345678],
    ]) {
        add(F_RTM, 'rtm.token_with_permissions', `rtm_token_with_permissions_${base}`, NODE,
            { ...cred, user_id, permissions, expire, ...t007(its, salt) })
    }

    // ---- chat007.json ------------------------------------------------------
    const F_CHAT = 'chat007.json'
    for (const [base, cred, user_id, expire, its, salt] of [
        ['ascii', MIXED, 'chat_user', 3600, 1700000000, 12345678],
        ['unicode', LOWER, ACC_UNI, 86400, 1111111, 1],
        ['empty_user_max_expire', UPPER, '', U32_MAX, U32_MAX, 99999999],
    ]) {
        add(F_CHAT, 'chat.user', `chat_user_${base}`, BOTH, { ...cred, user_id, expire, ...t007(its, salt) })
    }
    for (const [base, cred, expire, its, salt] of [
        ['std', MIXED, 3600, 1700000000, 12345678],
        ['expire0', LOWER, 0, 1111111, 99999999],
        ['max', UPPER, U32_MAX, U32_MAX, 1],
    ]) {
        add(F_CHAT, 'chat.app', `chat_app_${base}`, BOTH, { ...cred, expire, ...t007(its, salt) })
    }

    // ---- fpa007.json -------------------------------------------------------
    for (const [base, cred, its, salt] of [
        ['mixed', MIXED, 1700000000, 12345678],
        ['lower', LOWER, 1111111, 1],
        ['upper', UPPER, U32_MAX, 99999999],
    ]) {
        add('fpa007.json', 'fpa.token', `fpa_token_${base}`, BOTH, { ...cred, ...t007(its, salt) })
    }

    // ---- apaas007.json (+ divergent npm room-user outputs) -----------------
    const ROOM_USER_ROWS = [
        ['role1', MIXED, 'room-123', 'user-456', 1, 3600, 1700000000, 12345678],
        ['role2_unicode', LOWER, '房间-α', 'ユーザー-β', 2, 86400, 1111111, 1],
        ['role0_max', UPPER, 'r', 'u', 0, U32_MAX, U32_MAX, 99999999],
        ['role3_empty_room_expire0', MIXED, '', 'user-uuid-only', 3, 0, 1700000000, 1],
        ['role_minus1', LOWER, 'room-x', ACC_255, -1, 600, 1700000000, 99999999],
    ]
    for (const family of ['apaas', 'education']) {
        for (const [base, cred, room_uuid, user_uuid, role, expire, its, salt] of ROOM_USER_ROWS) {
            const inputs = { ...cred, room_uuid, user_uuid, role, expire, ...t007(its, salt) }
            add('apaas007.json', `${family}.room_user`, `${family}_room_user_${base}`, PY, inputs)
            // npm 2.0.6 omits privilege 1 and maps role 0 to -1: record as data only.
            add('divergent_node_apaas_room_user.json', `${family}.room_user`,
                `${family}_room_user_${base}`, NODE, inputs)
        }
        for (const [base, cred, user_uuid, expire, its, salt] of [
            ['ascii', MIXED, 'user-456', 3600, 1700000000, 12345678],
            ['unicode_max', UPPER, 'ユーザー-β', U32_MAX, U32_MAX, 1],
        ]) {
            add('apaas007.json', `${family}.user`, `${family}_user_${base}`, BOTH,
                { ...cred, user_uuid, expire, ...t007(its, salt) })
        }
        for (const [base, cred, expire, its, salt] of [
            ['std', LOWER, 3600, 1111111, 99999999],
            ['expire0', MIXED, 0, 1700000000, 1],
        ]) {
            add('apaas007.json', `${family}.app`, `${family}_app_${base}`, BOTH,
                { ...cred, expire, ...t007(its, salt) })
        }
    }

    // ---- convoai_stt007.json (npm only) -----------------------------------
    for (const family of ['convoai', 'stt']) {
        for (const row of RTM2_ROWS) {
            add('convoai_stt007.json', `${family}.token`, `${family}_token_${row[0]}`, NODE, rtm2Inputs(row))
        }
    }

    // ---- services007.json (npm only, raw AccessToken2 + Service classes) ---
    // privileges are [key, value] pairs in insertion order; they are emitted as
    // a JSON object that keeps that order (see dump()).
    const P = (...pairs) => new Map(pairs.map(([k, v]) => [String(k), v]))
    const rtc = (channel_name, uid, privileges) => ({ type: 1, privileges, channel_name, uid })
    const rtm = (user_id, privileges) => ({ type: 2, privileges, user_id })
    const streaming = (channel_name, account, privileges) => ({ type: 3, privileges, channel_name, account })
    const fpa = (privileges) => ({ type: 4, privileges })
    const chat = (user_id, privileges) => ({ type: 5, privileges, user_id })
    const fcdn = (channel_name, account, privileges) => ({ type: 6, privileges, channel_name, account })
    const apaas = (room_uuid, user_uuid, role, privileges) => ({ type: 7, privileges, room_uuid, user_uuid, role })
    const rtm2 = (user_id, permissions, privileges) => ({ type: 8, privileges, user_id, permissions })
    const convoai = (privileges) => ({ type: 9, privileges })
    const stt = (privileges) => ({ type: 10, privileges })
    const E = 3600
    const allTen = () => [
        rtc('all-rtc', '1001', P([1, E], [2, E], [3, E], [4, E])),
        rtm('all-rtm', P([1, E])),
        streaming('all-stream', 'streamer', P([1, E], [2, E])),
        fpa(P([1, 0])),
        chat('all-chat', P([1, E])),
        fcdn('all-fcdn', '2002', P([1, E], [2, E])),
        apaas('room-1', 'user-1', 2, P([1, E])),
        rtm2('all-rtm2', [perm(0, 0, ['m']), perm(4, 1, ['u'])], P([1, E])),
        convoai(P()),
        stt(P()),
    ]
    for (const [base, cred, expire, its, salt, services] of [
        // Same inputs as the AccessToken2 unit test shipped with agora-token.
        ['rtc_alone_official_test_inputs', MIXED, 600, 1111111, 1, [rtc(CH_STD, '2882341273', P([1, 600]))]],
        ['rtc_alone', MIXED, 3600, 1700000000, 12345678, [rtc(CH_STD, '2882341273', P([1, E], [2, E], [3, E], [4, E]))]],
        ['rtc_alone_empty_uid', LOWER, 86400, 1111111, 1, [rtc(CH_ONE, '', P([1, 0]))]],
        ['rtm_alone', UPPER, U32_MAX, U32_MAX, 99999999, [rtm(ACC_UNI, P([1, U32_MAX]))]],
        ['streaming_alone', MIXED, 3600, 1700000000, 1, [streaming(CH_PUNCT, 'anchor-7', P([2, 600], [1, 300]))]],
        ['fpa_alone', LOWER, 86400, 1700000000, 99999999, [fpa(P([1, 0]))]],
        ['chat_alone', UPPER, 3600, 1111111, 12345678, [chat('chat-user', P([1, E], [2, 7200]))]],
        ['fcdn_alone', MIXED, 0, 1700000000, 12345678, [fcdn(CH_STD, '', P([1, 0], [2, 0]))]],
        ['apaas_alone', LOWER, 3600, 1700000000, 1, [apaas('room-9', ACC_UNI, 1, P([3, E], [1, E], [2, E]))]],
        ['rtm2_alone', UPPER, 3600, 4294967295, 12345678,
            [rtm2('rtm2-user', [perm(3, 1, ['z']), perm(1, 0, ['a', 'b']), perm(3, 1, ['z2'])], P([1, E]))]],
        ['convoai_alone_no_privileges', MIXED, 3600, 1700000000, 99999999, [convoai(P())]],
        ['stt_alone_no_privileges', LOWER, 3600, 1111111, 1, [stt(P())]],
        ['all_ten_in_type_order', MIXED, 3600, 1700000000, 12345678, allTen()],
        ['all_ten_reverse_insertion', UPPER, 86400, U32_MAX, 1, allTen().reverse()],
        ['two_rtc_around_rtm', MIXED, 3600, 1700000000, 12345678, [
            rtc('channel-a', '1', P([1, E])),
            rtm('rtm-user', P([1, E])),
            rtc('channel-b', '2', P([1, E + 100], [4, E + 100])),
        ]],
        ['repeats_out_of_type_order', LOWER, 86400, 1111111, 99999999, [
            chat('chat-b', P([1, 600])),
            rtm('rtm-a', P([1, 600])),
            chat('chat-a', P([2, 600])),
            fpa(P([1, 0])),
            rtm('rtm-b', P([1, 1200])),
        ]],
        ['three_streaming_then_rtc', UPPER, 3600, 1700000000, 1, [
            streaming('s', '3', P([1, 1])),
            streaming('s', '1', P([1, 2])),
            rtc('rtc-last', '0', P([1, 3])),
            streaming('s', '2', P([1, 3])),
        ]],
        ['privileges_out_of_key_order', MIXED, U32_MAX, 1700000000, 99999999, [
            rtc(CH_STD, '77', P([4, 400], [2, 200], [3, 300], [1, 100])),
            streaming('st', 'acc', P([2, 20], [1, 10])),
            fcdn('fc', 'acc', P([2, 0], [1, U32_MAX])),
        ]],
        ['service_without_privileges', LOWER, 3600, 1700000000, 12345678, [
            apaas('room', 'user', -1, P()),
            rtc('no-priv', '5', P()),
        ]],
    ]) {
        add('services007.json', 'access_token2.services', `services_${base}`, NODE,
            { ...cred, expire, issue_ts: its, salt, services })
    }

    // ---- rtc006.json / rtm006.json ----------------------------------------
    for (const [base, cred, channel_name, uid, role, privilege_expired_ts, salt, ts] of [
        ['attendee_uid0', MIXED, CH_STD, 0, 0, 1700003600, 1, 1700086400],
        ['publisher_uid1', LOWER, CH_ONE, 1, 1, 0, 12345678, 1111111],
        ['subscriber_uid_max', UPPER, CH_PUNCT, U32_MAX, 2, U32_MAX, 99999999, U32_MAX],
        ['admin', MIXED, CH_STD, 2882341273, 101, 1700086400, 12345678, 1700086400],
        ['subscriber_uid0', LOWER, CH_STD, 0, 2, 1700003600, 99999999, 1700086400],
    ]) {
        add('rtc006.json', 'rtc006.with_uid', `rtc006_with_uid_${base}`, BOTH006,
            { ...cred, channel_name, uid, role, privilege_expired_ts, salt, ts })
    }
    for (const [base, cred, channel_name, account, role, privilege_expired_ts, salt, ts] of [
        ['publisher_ascii', MIXED, CH_STD, 'test_user', 1, 1700003600, 12345678, 1700086400],
        ['subscriber_unicode', LOWER, CH_ONE, ACC_UNI, 2, 1111111, 1, 1111111],
        ['admin_account_255', UPPER, CH_PUNCT, ACC_255, 101, U32_MAX, 99999999, U32_MAX],
        ['attendee_account_zero_string', MIXED, CH_STD, '0', 0, 0, 1, 1700086400],
    ]) {
        add('rtc006.json', 'rtc006.with_user_account', `rtc006_with_user_account_${base}`, BOTH006,
            { ...cred, channel_name, account, role, privilege_expired_ts, salt, ts })
    }
    for (const [base, cred, user_account, privilege_expired_ts, salt, ts] of [
        ['ascii', MIXED, 'rtm_user', 1700003600, 12345678, 1700086400],
        ['unicode', LOWER, ACC_UNI, 0, 1, 1111111],
        ['account_255_max', UPPER, ACC_255, U32_MAX, 99999999, U32_MAX],
    ]) {
        add('rtm006.json', 'rtm006.token', `rtm006_token_${base}`, BOTH006,
            { ...cred, user_account, role: 1, privilege_expired_ts, salt, ts })
    }

    // ---- legacy.json -------------------------------------------------------
    // Agora's historical sample values first, then edge values.
    const LEGACY_ROWS = [
        ['sample', MIXED, CH_STD, 1446455472, 58964981, 2882341273, 1446455471],
        ['zeros_one_byte_channel', LOWER, CH_ONE, 1111111, 1, 0, 0],
        ['max_punct_channel', UPPER, CH_PUNCT, U32_MAX, U32_MAX, U32_MAX, U32_MAX],
    ]
    const legacyInputs = ([, cred, channel_name, unix_ts, random_int, uid, expired_ts]) =>
        ({ ...cred, channel_name, unix_ts, random_int, uid, expired_ts })
    for (const row of LEGACY_ROWS) add('legacy.json', 'dk3.media_channel', `dk3_media_channel_${row[0]}`, PY, legacyInputs(row))
    for (const kind of ['public_sharing', 'recording', 'media_channel']) {
        for (const row of [LEGACY_ROWS[0], LEGACY_ROWS[2]]) {
            add('legacy.json', `dk4.${kind}`, `dk4_${kind}_${row[0]}`, PY, legacyInputs(row))
        }
    }
    for (const kind of ['public_sharing', 'recording', 'media_channel']) {
        for (const row of [LEGACY_ROWS[0], LEGACY_ROWS[1]]) {
            add('legacy.json', `dk5.${kind}`, `dk5_${kind}_${row[0]}`, BOTH, legacyInputs(row))
        }
    }
    for (const [row, permission] of [[LEGACY_ROWS[0], '0'], [LEGACY_ROWS[2], '3']]) {
        add('legacy.json', 'dk5.in_channel_permission', `dk5_in_channel_permission_${permission}_${row[0]}`, BOTH,
            { ...legacyInputs(row), permission })
    }
    for (const [base, cred, account, expired_ts] of [
        ['ascii', MIXED, '2882341273', 1446455471],
        ['unicode', LOWER, ACC_UNI, 0],
        ['account_255_max', UPPER, ACC_255, U32_MAX],
    ]) {
        add('legacy.json', 'signaling.token', `signaling_token_${base}`, PY,
            { account, ...cred, expired_ts })
    }
    return cases
}

// ---------------------------------------------------------------------------
// JSON output: 2-space indent like JSON.stringify(v, null, 2), except that a
// Map is written as an object in insertion order (plain JS objects would put
// integer-like keys such as privilege ids in ascending order).
// ---------------------------------------------------------------------------
function dump(v, ind = '') {
    const inner = ind + '  '
    if (Array.isArray(v)) {
        if (v.length === 0) return '[]'
        return '[\n' + v.map(x => inner + dump(x, inner)).join(',\n') + '\n' + ind + ']'
    }
    if (v !== null && typeof v === 'object') {
        const entries = v instanceof Map ? [...v.entries()] : Object.entries(v)
        if (entries.length === 0) return '{}'
        return '{\n' + entries.map(([k, x]) => inner + JSON.stringify(String(k)) + ': ' + dump(x, inner)).join(',\n') +
            '\n' + ind + '}'
    }
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`non-integer number in output: ${v}`)
    return JSON.stringify(v)
}

// ---------------------------------------------------------------------------
// Official npm packages, with time and randomness pinned.
// ---------------------------------------------------------------------------
function loadNpm(prefix) {
    const req = createRequire(path.join(path.resolve(prefix), 'gen-vectors-anchor.js'))
    const versions = {
        'agora-token': req('agora-token/package.json').version,
        'agora-access-token': req('agora-access-token/package.json').version,
    }
    if (versions['agora-token'] !== '2.0.6' || versions['agora-access-token'] !== '2.0.4') {
        throw new Error(`unexpected npm package versions: ${JSON.stringify(versions)}`)
    }

    // 007: every builder ends with token.build(); set the pinned issue ts and
    // salt right before the original build() signs and packs them.
    const at2mod = req('agora-token/src/AccessToken2')
    const origBuild = at2mod.AccessToken2.prototype.build
    let forced007 = null
    at2mod.AccessToken2.prototype.build = function () {
        if (!forced007) throw new Error('AccessToken2.build called without pinned issue_ts/salt')
        this.issueTs = forced007.issue_ts
        this.salt = forced007.salt
        return origBuild.call(this)
    }

    // 006: AccessToken is a constructor function; builders capture the module
    // export when they are first required, so the export must be swapped
    // before the builder modules load. Its build() closure reads token.salt /
    // token.ts at build time, so overriding the fields afterwards is enough.
    const at006mod = req('agora-access-token/src/AccessToken')
    for (const m of ['agora-access-token/src/RtcTokenBuilder', 'agora-access-token/src/RtmTokenBuilder']) {
        if (req.cache[req.resolve(m)]) throw new Error(`${m} loaded before AccessToken was patched`)
    }
    const Orig006 = at006mod.AccessToken
    let forced006 = null
    function PinnedAccessToken(...args) {
        Orig006.apply(this, args)
        if (!forced006) throw new Error('006 AccessToken created without pinned salt/ts')
        this.salt = forced006.salt
        this.ts = forced006.ts
    }
    PinnedAccessToken.prototype = Orig006.prototype
    at006mod.AccessToken = PinnedAccessToken
    const rtc006 = req('agora-access-token/src/RtcTokenBuilder').RtcTokenBuilder
    const rtm006 = req('agora-access-token/src/RtmTokenBuilder').RtmTokenBuilder

    const agora = req('agora-token')
    const dk5 = req('agora-token/src/DynamicKey5')

    const with007 = (i, fn) => {
        forced007 = { issue_ts: i.issue_ts, salt: i.salt }
        try { return fn() } finally { forced007 = null }
    }
    const with006 = (i, fn) => {
        forced006 = { salt: i.salt, ts: i.ts }
        try { return fn() } finally { forced006 = null }
    }

    const makePermissions = list => {
        const p = new agora.Rtm2Permissions()
        for (const e of list) p.add(e.resource_type, e.permission_type, e.resources)
        return p
    }
    const makeService = s => {
        let svc
        switch (s.type) {
            case 1: svc = new at2mod.ServiceRtc(s.channel_name, s.uid); break
            case 2: svc = new at2mod.ServiceRtm(s.user_id); break
            case 3: svc = new at2mod.ServiceStreaming(s.channel_name, s.account); break
            case 4: svc = new at2mod.ServiceFpa(); break
            case 5: svc = new at2mod.ServiceChat(s.user_id); break
            case 6: svc = new at2mod.ServiceFCdn(s.channel_name, s.account); break
            case 7: svc = new at2mod.ServiceApaas(s.room_uuid, s.user_uuid, s.role); break
            case 8: svc = new at2mod.ServiceRtm2(s.user_id, makePermissions(s.permissions)); break
            case 9: svc = new at2mod.ServiceConvoAI(); break
            case 10: svc = new at2mod.ServiceStt(); break
            default: throw new Error(`unknown service type ${s.type}`)
        }
        for (const [k, v] of s.privileges) svc.add_privilege(Number(k), v)
        return svc
    }

    const R = agora.RtcTokenBuilder
    const rtm2Args = i => [i.app_id, i.app_certificate, i.channel_name, i.rtc_account, i.rtc_role, i.rtc_token_expire,
        i.join_channel_privilege_expire, i.pub_audio_privilege_expire, i.pub_video_privilege_expire,
        i.pub_data_stream_privilege_expire, i.rtm_user_id, i.rtm_token_expire]
    const privArgs = (i, who) => [i.app_id, i.app_certificate, i.channel_name, who, i.token_expire,
        i.join_channel_privilege_expire, i.pub_audio_privilege_expire, i.pub_video_privilege_expire,
        i.pub_data_stream_privilege_expire]
    const dk5Args = i => [i.app_id, i.app_certificate, i.channel_name, i.unix_ts, i.random_int, i.uid, i.expired_ts]

    const builders = {
        [SRC_TOKEN]: {
            'rtc.with_uid': i => with007(i, () => R.buildTokenWithUid(i.app_id, i.app_certificate, i.channel_name,
                i.uid, i.role, i.token_expire, i.privilege_expire)),
            'rtc.with_user_account': i => with007(i, () => R.buildTokenWithUserAccount(i.app_id, i.app_certificate,
                i.channel_name, i.account, i.role, i.token_expire, i.privilege_expire)),
            'rtc.with_uid_and_privilege': i => with007(i, () => R.buildTokenWithUidAndPrivilege(...privArgs(i, i.uid))),
            'rtc.with_user_account_and_privilege': i => with007(i,
                () => R.BuildTokenWithUserAccountAndPrivilege(...privArgs(i, i.account))),
            'rtc.with_rtm': i => with007(i, () => R.buildTokenWithRtm(i.app_id, i.app_certificate, i.channel_name,
                i.account, i.role, i.token_expire, i.privilege_expire)),
            'rtc.with_rtm2': i => with007(i, () => R.buildTokenWithRtm2(...rtm2Args(i))),
            'rtm.token': i => with007(i, () => agora.RtmTokenBuilder.buildToken(i.app_id, i.app_certificate,
                i.user_id, i.expire)),
            'rtm.token_with_permissions': i => with007(i, () => agora.RtmTokenBuilder.buildTokenWithPermissions(
                i.app_id, i.app_certificate, i.user_id, makePermissions(i.permissions), i.expire)),
            'chat.user': i => with007(i, () => agora.ChatTokenBuilder.buildUserToken(i.app_id, i.app_certificate,
                i.user_id, i.expire)),
            'chat.app': i => with007(i, () => agora.ChatTokenBuilder.buildAppToken(i.app_id, i.app_certificate, i.expire)),
            'fpa.token': i => with007(i, () => agora.FpaTokenBuilder.buildToken(i.app_id, i.app_certificate)),
            'convoai.token': i => with007(i, () => agora.ConvoAITokenBuilder.buildToken(...rtm2Args(i))),
            'stt.token': i => with007(i, () => agora.SttTokenBuilder.buildToken(...rtm2Args(i))),
            'access_token2.services': i => with007(i, () => {
                const token = new at2mod.AccessToken2(i.app_id, i.app_certificate, i.issue_ts, i.expire)
                for (const s of i.services) token.add_service(makeService(s))
                return token.build()
            }),
            'dk5.public_sharing': i => dk5.generatePublicSharingKey(...dk5Args(i)),
            'dk5.recording': i => dk5.generateRecordingKey(...dk5Args(i)),
            'dk5.media_channel': i => dk5.generateMediaChannelKey(...dk5Args(i)),
            'dk5.in_channel_permission': i => dk5.generateInChannelPermissionKey(...dk5Args(i), i.permission),
        },
        [SRC_ACCESS]: {
            'rtc006.with_uid': i => with006(i, () => rtc006.buildTokenWithUid(i.app_id, i.app_certificate,
                i.channel_name, i.uid, i.role, i.privilege_expired_ts)),
            'rtc006.with_user_account': i => with006(i, () => rtc006.buildTokenWithAccount(i.app_id,
                i.app_certificate, i.channel_name, i.account, i.role, i.privilege_expired_ts)),
            'rtm006.token': i => with006(i, () => rtm006.buildToken(i.app_id, i.app_certificate, i.user_account,
                i.role, i.privilege_expired_ts)),
        },
    }
    for (const family of ['apaas', 'education']) {
        const B = family === 'apaas' ? agora.ApaasTokenBuilder : agora.EducationTokenBuilder
        Object.assign(builders[SRC_TOKEN], {
            [`${family}.room_user`]: i => with007(i, () => B.buildRoomUserToken(i.app_id, i.app_certificate,
                i.room_uuid, i.user_uuid, i.role, i.expire)),
            [`${family}.user`]: i => with007(i, () => B.buildUserToken(i.app_id, i.app_certificate, i.user_uuid, i.expire)),
            [`${family}.app`]: i => with007(i, () => B.buildAppToken(i.app_id, i.app_certificate, i.expire)),
        })
    }
    return { builders, AccessToken2: at2mod.AccessToken2, Orig006, crc32: req('crc-32') }
}

// ---------------------------------------------------------------------------
// Checks. Every token is decoded again; a mismatch aborts the run.
// ---------------------------------------------------------------------------
const fail = (c, msg) => { throw new Error(`${c.name} (${c.source}, ${c.builder}): ${msg}`) }

// Service types a 007 builder is expected to emit, in packing order.
function expected007(c) {
    const i = c.inputs
    const fixed = {
        'rtc.with_uid': [[1], i.token_expire], 'rtc.with_user_account': [[1], i.token_expire],
        'rtc.with_uid_and_privilege': [[1], i.token_expire],
        'rtc.with_user_account_and_privilege': [[1], i.token_expire],
        'rtc.with_rtm': [[1, 2], i.token_expire], 'rtc.with_rtm2': [[1, 2], i.rtc_token_expire],
        'rtm.token': [[2], i.expire], 'rtm.token_with_permissions': [[8], i.expire],
        'chat.user': [[5], i.expire], 'chat.app': [[5], i.expire], 'fpa.token': [[4], 24 * 3600],
        'apaas.room_user': [[2, 5, 7], i.expire], 'apaas.user': [[7], i.expire], 'apaas.app': [[7], i.expire],
        'education.room_user': [[2, 5, 7], i.expire], 'education.user': [[7], i.expire],
        'education.app': [[7], i.expire],
        'convoai.token': [[1, 2, 9], i.rtc_token_expire], 'stt.token': [[1, 2, 10], i.rtc_token_expire],
    }
    if (c.builder === 'access_token2.services') {
        return [i.services.map(s => s.type).sort((a, b) => a - b), i.expire]
    }
    if (!fixed[c.builder]) return null
    return fixed[c.builder]
}

function check007(npm, c, exp) {
    const [types, expire] = exp
    const i = c.inputs
    const t = new npm.AccessToken2()
    if (!t.from_string(c.token)) fail(c, 'from_string failed')
    if (!t.verifySignature(i.app_certificate)) fail(c, 'verifySignature failed')
    if (t.issueTs !== i.issue_ts) fail(c, `issueTs ${t.issueTs} != ${i.issue_ts}`)
    if (t.salt !== i.salt) fail(c, `salt ${t.salt} != ${i.salt}`)
    if (t.appId.toString() !== i.app_id) fail(c, `appId ${t.appId} != ${i.app_id}`)
    if (t.expire !== expire) fail(c, `expire ${t.expire} != ${expire}`)
    const got = t.services.map(s => s.service_type())
    if (JSON.stringify(got) !== JSON.stringify(types)) fail(c, `service types ${got} != ${types}`)
    // A different certificate must not verify (guards against a no-op check).
    const wrong = i.app_certificate === LOWER.app_certificate ? MIXED.app_certificate : LOWER.app_certificate
    if (t.verifySignature(wrong)) fail(c, 'verifySignature accepted a wrong certificate')
}

function check006(npm, c) {
    const i = c.inputs
    const t = new npm.Orig006('', '', '', '')
    if (!c.token.startsWith('006' + i.app_id)) fail(c, 'bad 006 prefix')
    if (!t.fromString(c.token)) fail(c, 'fromString failed')
    if (t.salt !== i.salt) fail(c, `salt ${t.salt} != ${i.salt}`)
    if (t.ts !== i.ts) fail(c, `ts ${t.ts} != ${i.ts}`)
    // Independent signature check: HMAC-SHA256(cert, app_id | channel | uid | message).
    let channel, uid
    if (c.builder === 'rtm006.token') { channel = i.user_account; uid = '' }
    else { channel = i.channel_name; const who = c.builder === 'rtc006.with_uid' ? i.uid : i.account; uid = who === 0 ? '' : String(who) }
    const sig = crypto.createHmac('sha256', i.app_certificate)
        .update(Buffer.concat([Buffer.from(i.app_id), Buffer.from(channel), Buffer.from(uid), t.m])).digest()
    if (!sig.equals(t.signature)) fail(c, '006 signature mismatch')
    const crc = s => npm.crc32.str(s) >>> 0
    if (t.crc_channel_name !== crc(channel) || t.crc_uid !== crc(uid)) fail(c, '006 crc mismatch')
}

function checkLegacy(c) {
    const i = c.inputs
    const hex8 = (i.random_int >>> 0).toString(16).padStart(8, '0')
    const pad10 = n => String(n).padStart(10, '0')
    if (c.builder.startsWith('dk5.')) {
        const b = Buffer.from(c.token.slice(3), 'base64')
        if (!c.token.startsWith('005')) fail(c, 'bad dk5 prefix')
        let p = 2
        const sigLen = b.readUInt16LE(p); p += 2 + sigLen
        const idLen = b.readUInt16LE(p); p += 2
        if (b.subarray(p, p + idLen).toString('hex') !== i.app_id.toLowerCase()) fail(c, 'dk5 app id mismatch')
        p += idLen
        if (b.readUInt32LE(p) !== i.unix_ts || b.readUInt32LE(p + 4) !== i.random_int ||
            b.readUInt32LE(p + 8) !== i.expired_ts) fail(c, 'dk5 ts/salt/expired mismatch')
    } else if (c.builder === 'dk3.media_channel') {
        const want = i.app_id + pad10(i.unix_ts) + hex8 + pad10(i.uid) + pad10(i.expired_ts)
        if (!c.token.startsWith('003') || !c.token.endsWith(want)) fail(c, 'dk3 layout mismatch')
    } else if (c.builder.startsWith('dk4.')) {
        const want = i.app_id + pad10(i.unix_ts) + hex8 + pad10(i.expired_ts)
        if (!c.token.startsWith('004') || !c.token.endsWith(want)) fail(c, 'dk4 layout mismatch')
    } else if (c.builder === 'signaling.token') {
        if (!c.token.startsWith(`1:${i.app_id}:${i.expired_ts}:`)) fail(c, 'signaling layout mismatch')
    } else {
        fail(c, 'no check for this builder')
    }
}

function checkAll(npm, cases) {
    for (const c of cases) {
        if (typeof c.token !== 'string' || c.token === '') fail(c, 'empty token (official builder rejected inputs?)')
        const exp = expected007(c)
        if (exp) check007(npm, c, exp)
        else if (c.builder.startsWith('rtc006.') || c.builder.startsWith('rtm006.')) check006(npm, c)
        else checkLegacy(c)
    }
    // Same builder + same inputs from npm and PyPI must carry the same bytes.
    // 007 is compared after inflating (the two zlib builds may compress
    // differently); everything else is compared as text.
    const payload = c => c.token.startsWith('007') ? zlib.inflateSync(Buffer.from(c.token.slice(3), 'base64')).toString('hex') : c.token
    const groups = new Map()
    for (const c of cases) {
        if (c.file.startsWith('divergent_')) continue
        const key = c.builder + '\0' + JSON.stringify(c.inputs)
        if (!groups.has(key)) groups.set(key, [])
        groups.get(key).push(c)
    }
    let pairs = 0, sameText = 0
    for (const g of groups.values()) {
        if (g.length < 2) continue
        pairs++
        if (new Set(g.map(payload)).size !== 1) fail(g[0], `npm and PyPI disagree: ${g.map(x => x.name).join(', ')}`)
        if (new Set(g.map(x => x.token)).size === 1) sameText++
    }
    return { pairs, sameText }
}

// ---------------------------------------------------------------------------
function main() {
    const [mode, prefix, a, b] = process.argv.slice(2)
    const cases = plan()
    const names = new Set()
    for (const c of cases) {
        if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`)
        names.add(c.name)
    }

    if (mode === 'requests') {
        const reqs = cases.filter(c => c.source === SRC_PYPI).map(({ name, builder, inputs }) => ({ name, builder, inputs }))
        fs.writeFileSync(a, dump(reqs) + '\n')
        return
    }
    if (mode !== 'write') throw new Error('usage: node_vectors.js requests|write ...')

    const npm = loadNpm(prefix)
    const py = JSON.parse(fs.readFileSync(a, 'utf8'))
    for (const c of cases) {
        if (c.source === SRC_PYPI) {
            if (!(c.name in py.results)) fail(c, 'missing from PyPI results')
            c.token = py.results[c.name]
        } else {
            const fn = npm.builders[c.source][c.builder]
            if (!fn) fail(c, 'no npm builder mapping')
            c.token = fn(c.inputs)
        }
    }
    const { pairs, sameText } = checkAll(npm, cases)

    const outDir = b
    fs.mkdirSync(outDir, { recursive: true })
    const files = [...new Set(cases.map(c => c.file))].sort()
    for (const f of files) {
        const list = cases.filter(c => c.file === f)
            .map(({ name, source, builder, inputs, token }) => ({ name, source, builder, inputs, token }))
        const text = dump(list) + '\n'
        fs.writeFileSync(path.join(outDir, f), text)
        console.log(`${path.join(path.relative(process.cwd(), outDir) || '.', f)}: ${list.length} cases (${Buffer.byteLength(text)} bytes)`)
    }
    console.log(`total: ${cases.length} cases; ${pairs} npm/PyPI pairs agree on content (${sameText} byte-identical tokens)`)
}

main()
