"""Drop-in for ``agoraiotools.utils``."""

from __future__ import annotations

from . import _agora_token as _ext

__all__ = ["get_md5"]


def get_md5(data: str) -> str:
    """Lowercase hex MD5 of the UTF-8 text `data` (the Chat user ID the APaaS
    room-user token gives `data` as user UUID)."""
    if not isinstance(data, str):
        raise TypeError("data: expected str, got %s" % type(data).__name__)
    return _ext.chat_user_id(data)
