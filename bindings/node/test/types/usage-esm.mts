// The ES module entry points, type-checked as an ES module.
import agoraToken, { RtcRole, RtcTokenBuilder } from 'agora-token-rs'
import { RtmTokenBuilder } from 'agora-token-rs/v006'

const appId = '970CA35de60c44645bbae8a215061b33'
const cert = '5CFd2fd1755d40ecb72977518be15d3b'

export const tokens: string[] = [
  RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', 42, RtcRole.PUBLISHER, 600),
  agoraToken.FpaTokenBuilder.buildToken(appId, cert),
  RtmTokenBuilder.buildToken(appId, cert, 'alice', 1, 0),
]
