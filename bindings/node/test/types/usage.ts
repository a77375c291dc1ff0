// Type-checked with `tsc --noEmit -p test/types` (never run): the calls a
// user of agora-token 2.0.6 makes, against index.d.ts as generated from the
// Rust sources. `@ts-expect-error` lines must stay errors.
import {
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
  parse,
  verify,
  v006,
  type ParsedToken006,
  type ParsedToken007,
} from 'agora-token-rs'
import * as accessToken006 from 'agora-token-rs/v006'

const appId = '970CA35de60c44645bbae8a215061b33'
const cert = '5CFd2fd1755d40ecb72977518be15d3b'

const tokens: string[] = [
  RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', 42, RtcRole.PUBLISHER, 600, 600),
  RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', '42', RtcRole.SUBSCRIBER, 600),
  RtcTokenBuilder.buildTokenWithUserAccount(appId, cert, 'ch', 'alice', 1, 600),
  RtcTokenBuilder.buildTokenWithUidAndPrivilege(appId, cert, 'ch', 42, 600, 1, 2, 3, 4),
  RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(appId, cert, 'ch', 'alice', 600, 1, 2, 3, 4),
  RtcTokenBuilder.buildTokenWithRtm(appId, cert, 'ch', 'alice', RtcRole.PUBLISHER, 600),
  RtcTokenBuilder.buildTokenWithRtm2(appId, cert, 'ch', 42, RtcRole.PUBLISHER, 600, 1, 2, 3, 4, 'bob', 600),
  RtmTokenBuilder.buildToken(appId, cert, 'bob', 600),
  ChatTokenBuilder.buildUserToken(appId, cert, 'bob', 600),
  ChatTokenBuilder.buildAppToken(appId, cert, 600),
  FpaTokenBuilder.buildToken(appId, cert),
  ApaasTokenBuilder.buildRoomUserToken(appId, cert, 'room', 'user', 1, 600),
  ApaasTokenBuilder.buildUserToken(appId, cert, 'user', 600),
  ApaasTokenBuilder.buildAppToken(appId, cert, 600),
  EducationTokenBuilder.buildRoomUserToken(appId, cert, 'room', 'user', 1, 600),
  EducationTokenBuilder.buildUserToken(appId, cert, 'user', 600),
  EducationTokenBuilder.buildAppToken(appId, cert, 600),
  ConvoAITokenBuilder.buildToken(appId, cert, 'ch', 'agent', RtcRole.PUBLISHER, 600, 600, 600, 600, 600, 'agent', 600),
  SttTokenBuilder.buildToken(appId, cert, 'ch', 'agent', RtcRole.SUBSCRIBER, 600, 600, 600, 600, 600, 'agent', 600),
  v006.RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', 42, v006.RtcRole.PUBLISHER, 0),
  accessToken006.RtcTokenBuilder.buildTokenWithAccount(appId, cert, 'ch', 'alice', accessToken006.RtcRole.ADMIN, 0),
  accessToken006.RtmTokenBuilder.buildToken(appId, cert, 'alice', accessToken006.RtmRole.Rtm_User, 0),
]

const permissions = new Rtm2Permissions()
permissions.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby'])
permissions.add(Rtm2Permissions.kUsers, Rtm2Permissions.kWrite, ['bob'])
const details: Record<number, Record<number, string[]>> = permissions.details
tokens.push(RtmTokenBuilder.buildTokenWithPermissions(appId, cert, 'bob', permissions, 600))
tokens.push(RtmTokenBuilder.buildTokenWithPermissions(appId, cert, 0, { details }, 600))
tokens.push(RtmTokenBuilder.buildTokenWithPermissions(appId, cert, 0, null, 600))

const parsed: ParsedToken007 | ParsedToken006 = parse(tokens[0] ?? '')
if (parsed.version === '007') {
  const expiresAt: number = parsed.issueTs + parsed.expire
  for (const service of parsed.services) {
    const name: string = service.type
    const joinExpire: number | undefined = service.privileges['1']
    const channel: string | undefined = service.channelName
    void [name, joinExpire, channel, expiresAt, service.permissions?.[0]?.resources]
  }
} else {
  const crc: number = parsed.crcChannelName
  void crc
}
verify(tokens[0] ?? '', cert)
verify(tokens[19] ?? '', cert, 'ch', 42)

// @ts-expect-error a channel name is a string
RtcTokenBuilder.buildTokenWithUid(appId, cert, { name: 'ch' }, 42, 1, 600)
// @ts-expect-error tokenExpire is required
RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', 42, 1)
// @ts-expect-error roles are numbers
RtcTokenBuilder.buildTokenWithUid(appId, cert, 'ch', 42, 'publisher', 600)
// @ts-expect-error resources are an array of strings
permissions.add(Rtm2Permissions.kUsers, Rtm2Permissions.kRead, 'bob')
// @ts-expect-error the constants are read-only
Rtm2Permissions.kRead = 3
