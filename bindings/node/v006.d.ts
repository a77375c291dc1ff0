// agora-token-rs/v006: the `v006` namespace of index.d.ts (generated from the
// Rust sources) under the export names of agora-access-token.
import { v006 } from './index'

export import RtcTokenBuilder = v006.RtcTokenBuilder
export import RtcRole = v006.RtcRole
export import RtmTokenBuilder = v006.RtmTokenBuilder
export import RtmRole = v006.RtmRole
