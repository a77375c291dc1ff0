"""Drop-in for ``agoraiotools.RtcTokenBuilder2``: RTC tokens (AccessToken2, "007").

``from agora_token.RtcTokenBuilder2 import RtcTokenBuilder, Role_Publisher``
works as with ``agoraiotools``: same class and method names, argument order
and defaults, and the same leniency (a uid may be an int or a string, 0
means any user; any role other than `Role_Publisher` joins only; numbers are
converted with ``int()``; ``''`` is returned for an app ID or certificate
that is not 32 hex characters). `RtcTokenBuilder` and `RtcTokenBuilder2`
both have every method (``agoraiotools`` 0.3.4 puts the last four on
`RtcTokenBuilder2` only, and its ``build_token_with_uid_and_privilege`` fails
with ``AttributeError``; this one works).

The methods are also module-level functions, so code that did
``from agoraiotools import RtcTokenBuilder2`` (which gives the class there)
and calls ``RtcTokenBuilder2.build_token_with_uid(...)`` works unchanged.
"""

from __future__ import annotations

from typing import Any

from . import _agora_token as _ext
from .AccessToken2 import (  # agoraiotools re-exports these here too
    VERSION_LENGTH,
    get_version,
    Service,
    ServiceRtc,
    ServiceRtm,
    ServiceStreaming,
    ServiceFpa,
    ServiceChat,
    ServiceFCdn,
    ServiceApaas,
    ServiceRtm2,
    Rtm2Permissions,
    ServiceConvoAI,
    ServiceStt,
    AccessToken,
    AccessToken2,
)

__all__ = [
    "Role_Publisher",
    "Role_Subscriber",
    "RtcTokenBuilder",
    "RtcTokenBuilder2",
    "build_token_with_uid",
    "build_token_with_user_account",
    "build_token_with_uid_and_privilege",
    "build_token_with_user_account_and_privilege",
    "build_token_with_rtm",
    "build_token_with_rtm2",
]
__all__ += [
    "VERSION_LENGTH",
    "get_version",
    "Service",
    "ServiceRtc",
    "ServiceRtm",
    "ServiceStreaming",
    "ServiceFpa",
    "ServiceChat",
    "ServiceFCdn",
    "ServiceApaas",
    "ServiceRtm2",
    "Rtm2Permissions",
    "ServiceConvoAI",
    "ServiceStt",
    "AccessToken",
    "AccessToken2",
]

Role_Publisher = 1
"""Join and publish (recommended for calls and live broadcasts)."""

Role_Subscriber = 2
"""Join only; takes effect only with co-host authentication enabled."""


class RtcTokenBuilder:
    """Builds RTC tokens (AccessToken2). All expires are in seconds from now."""

    @staticmethod
    def build_token_with_uid(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: Any,
        role: int,
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """An RTC token for a uid (0: any user).

        `token_expire` is the token's lifetime; `privilege_expire` that of the
        join (and, for `Role_Publisher`, publish) privileges, 0 meaning
        limited by the token only. Returns ``''`` if the app ID or certificate
        is not 32 hex characters.
        """
        return _ext.official_rtc_token(
            app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire
        )

    @staticmethod
    def build_token_with_user_account(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: Any,
        role: int,
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """An RTC token for a user account; as `build_token_with_uid`."""
        return _ext.official_rtc_token(
            app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire
        )

    @staticmethod
    def build_token_with_uid_and_privilege(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        uid: Any,
        token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
    ) -> str:
        """An RTC token for a uid with an expire per privilege (all four
        privileges are set). Returns ``''`` for a bad app ID or certificate."""
        return _ext.official_rtc_token_with_privileges(
            app_id,
            app_certificate,
            channel_name,
            uid,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
        )

    @staticmethod
    def build_token_with_user_account_and_privilege(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: Any,
        token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
    ) -> str:
        """An RTC token for a user account with an expire per privilege."""
        return _ext.official_rtc_token_with_privileges(
            app_id,
            app_certificate,
            channel_name,
            account,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
        )

    @staticmethod
    def build_token_with_rtm(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        account: Any,
        role: int,
        token_expire: int,
        privilege_expire: int = 0,
    ) -> str:
        """An RTC token that also logs `account` in to RTM; the RTM login
        lasts `token_expire`. Returns ``''`` for a bad app ID or certificate."""
        return _ext.official_rtc_token_with_rtm(
            app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire
        )

    @staticmethod
    def build_token_with_rtm2(
        app_id: str,
        app_certificate: str,
        channel_name: str,
        rtc_account: Any,
        rtc_role: int,
        rtc_token_expire: int,
        join_channel_privilege_expire: int,
        pub_audio_privilege_expire: int,
        pub_video_privilege_expire: int,
        pub_data_stream_privilege_expire: int,
        rtm_user_id: str,
        rtm_token_expire: int,
    ) -> str:
        """An RTC token plus an RTM login for `rtm_user_id`, each with its own
        expiry; the publish privileges apply to `Role_Publisher` only.
        Returns ``''`` for a bad app ID or certificate."""
        return _ext.official_rtc_rtm_token(
            0,
            app_id,
            app_certificate,
            channel_name,
            rtc_account,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            rtm_user_id,
            rtm_token_expire,
        )


class RtcTokenBuilder2(RtcTokenBuilder):
    """The same builder under its ``agoraiotools`` 0.3.4 name."""


build_token_with_uid = RtcTokenBuilder.build_token_with_uid
build_token_with_user_account = RtcTokenBuilder.build_token_with_user_account
build_token_with_uid_and_privilege = RtcTokenBuilder.build_token_with_uid_and_privilege
build_token_with_user_account_and_privilege = RtcTokenBuilder.build_token_with_user_account_and_privilege
build_token_with_rtm = RtcTokenBuilder.build_token_with_rtm
build_token_with_rtm2 = RtcTokenBuilder.build_token_with_rtm2
