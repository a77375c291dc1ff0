<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/** Drop-in for Agora's PHP EducationTokenBuilder (007); "" for a bad app ID or certificate, as the official class. */
final class EducationTokenBuilder
{
    /** Room-user token: APaaS room user, RTM login as $userUuid, Chat user md5($userUuid). */
    public static function buildRoomUserToken($appId, $appCertificate, $roomUuid, $userUuid, $role, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->educationRoomUser(
            DropIn::str('roomUuid', $roomUuid), DropIn::str('userUuid', $userUuid), DropIn::int('role', $role),
            DropIn::int('expire', $expire)));
    }

    /** User token (no room). */
    public static function buildUserToken($appId, $appCertificate, $userUuid, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->educationUser(
            DropIn::str('userUuid', $userUuid), DropIn::int('expire', $expire)));
    }

    /** App token (no room, no user). */
    public static function buildAppToken($appId, $appCertificate, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->educationApp(DropIn::int('expire', $expire)));
    }
}
