'use strict'
// agora-token-rs/v006: the 006 builders with the exports of
// agora-access-token (RtcTokenBuilder, RtcRole, RtmTokenBuilder, RtmRole).
module.exports = require('./index.js').v006
