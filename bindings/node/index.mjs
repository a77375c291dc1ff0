// agora-token-rs, ES module entry point: the same objects as the CommonJS
// entry point (index.js), as named exports.
import { createRequire } from 'node:module'

const native = createRequire(import.meta.url)('./index.js')

export const {
  ApaasTokenBuilder,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  FpaTokenBuilder,
  RtcRole,
  RtcTokenBuilder,
  Rtm2Permissions,
  RtmTokenBuilder,
  SttTokenBuilder,
  check,
  parse,
  verify,
  v006,
} = native

export default native
