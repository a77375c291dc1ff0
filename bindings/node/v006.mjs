// agora-token-rs/v006 as an ES module: the exports of agora-access-token.
import { createRequire } from 'node:module'

const v006 = createRequire(import.meta.url)('./v006.js')

export const { RtcTokenBuilder, RtcRole, RtmTokenBuilder, RtmRole } = v006

export default v006
