"""What `convoai_token_builder` and `stt_token_builder` share: the RTC + RTM
token of ``RtcTokenBuilder2.build_token_with_rtm2`` plus one more service."""

from __future__ import annotations

from typing import Any

from . import _agora_token as _ext


class _RtcRtmServiceTokenBuilder:
    """The base of `ConvoAITokenBuilder` and `SttTokenBuilder`; `_KIND` is
    the service the token carries besides RTC and RTM (1 ConvoAI, 2 STT)."""

    _KIND = 0

    @classmethod
    def build_token(
        cls,
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
        """An RTC token for `rtc_account` (a uid or account; the publish
        privileges apply to `Role_Publisher` only), an RTM login for
        `rtm_user_id` valid `rtm_token_expire`, and the builder's service
        (ConvoAI for `ConvoAITokenBuilder`, STT for `SttTokenBuilder`)."""
        return _ext.official_rtc_rtm_token(
            cls._KIND,
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
