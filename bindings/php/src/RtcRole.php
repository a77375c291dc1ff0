<?php

declare(strict_types=1);

namespace AgoraToken;

/** The role of an RTC 007 token (the numbers of the official builders). */
enum RtcRole: int
{
    /** May join and publish audio, video and data. */
    case Publisher = 1;
    /** May join only. */
    case Subscriber = 2;
}
