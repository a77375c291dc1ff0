<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/** Drop-in for Agora's PHP ChatTokenBuilder2 (007); "" for a bad app ID or certificate, as the official class. */
final class ChatTokenBuilder2
{
    /** Chat user token valid $expire seconds. */
    public static function buildUserToken($appId, $appCertificate, $userId, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->chatUser(
            DropIn::str('userId', $userId), DropIn::int('expire', $expire)));
    }

    /** Chat app token valid $expire seconds. */
    public static function buildAppToken($appId, $appCertificate, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->chatApp(DropIn::int('expire', $expire)));
    }
}
