<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/**
 * Drop-in for Agora's PHP RtmTokenBuilder (AccessToken "006"); bad app IDs
 * and certificates throw as in RtcTokenBuilder.
 */
final class RtmTokenBuilder
{
    const RoleRtmUser = 1;

    /** 006 RTM login token; $role is ignored, as by the official class. */
    public static function buildToken($appID, $appCertificate, $userAccount, $role, $privilegeExpireTs)
    {
        return DropIn::builder($appID, $appCertificate)->rtm006(DropIn::str('userAccount', $userAccount),
            DropIn::int('privilegeExpireTs', $privilegeExpireTs));
    }
}
