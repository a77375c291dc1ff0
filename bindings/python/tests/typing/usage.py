"""Type-checked with ``mypy --strict`` against the installed package: the
stubs give real signatures (the ``type: ignore`` comments must be needed,
``--warn-unused-ignores`` is part of --strict)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import List, Optional, Union

import agora_token as at
from agora_token.AccessToken2 import AccessToken, Rtm2Permissions, ServiceRtc
from agora_token.RtcTokenBuilder2 import Role_Publisher, RtcTokenBuilder
from agora_token.RtmTokenBuilder2 import RtmTokenBuilder

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"

token: str = at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="c", uid=1, role=at.Role.PUBLISHER,
                                expire=timedelta(hours=1), issue_ts=datetime.now(timezone.utc))
parsed: Union[at.Token, at.Token006] = at.verify(token, CERT)
if isinstance(parsed, at.Token):
    expires: Optional[datetime] = parsed.expires_at
    rtc = parsed.service(at.ServiceType.RTC)
    if isinstance(rtc, at.RtcService):
        channel: str = rtc.channel_name
        first: Optional[datetime] = rtc.privileges[0].expires_at
services: List[at.Service] = [at.StreamingService("s", "a", {at.StreamingPrivilege.PUBLISH_MIX_STREAM: 60}),
                              at.Rtm2Service("u", [at.Rtm2Permission(0, 1, ("x",))])]
generic: str = at.build_token(app_id=APP_ID, app_certificate=CERT, expire=60, services=services)
try:
    at.parse("007")
except at.MalformedTokenError as e:
    field: Optional[str] = e.field
    kind: str = e.kind

dropin: str = RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "c", 1, Role_Publisher, 60)
perms = Rtm2Permissions()
perms.add(Rtm2Permissions.kUsers, Rtm2Permissions.kRead, ["u"])
rtm2: str = RtmTokenBuilder.build_token_with_permissions(APP_ID, CERT, "u", perms, 60)
t = AccessToken(APP_ID, CERT, expire=60)
t.add_service(ServiceRtc("c", 1))
built: str = t.build()
ok: bool = t.from_string(built)

# Wrong types are caught by the type checker.
at.build_rtc_token(app_id=1, app_certificate=CERT, channel="c", uid=1, expire=60)  # type: ignore[arg-type]
at.build_rtc_token(app_id=APP_ID, app_certificate=CERT, channel="c", uid="1", expire=60)  # type: ignore[arg-type]
at.build_rtm_token(app_id=APP_ID, app_certificate=CERT, user_id="u")  # type: ignore[call-arg]
number: int = at.parse(token)  # type: ignore[assignment]
