<?php

declare(strict_types=1);

use AgoraToken\DropIn;
use AgoraToken\Rtm2Permission;

/** Drop-in for Agora's PHP RtmTokenBuilder2 (007); "" for a bad app ID or certificate, as the official class. */
final class RtmTokenBuilder2
{
    /** RTM login token valid $expire seconds. */
    public static function buildToken($appId, $appCertificate, $userId, $expire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtm(
            DropIn::str('userId', $userId), DropIn::int('expire', $expire)));
    }

    /** RTM 2.x token with the resource permissions of an Rtm2Permissions. */
    public static function buildTokenWithPermissions($appId, $appCertificate, $userId, $permissions, $expire)
    {
        $list = [];
        foreach (($permissions ?? new Rtm2Permissions())->details as $resourceType => $byPermission) {
            foreach ($byPermission as $permissionType => $resources) {
                $list[] = new Rtm2Permission(DropIn::int('resourceType', $resourceType),
                    DropIn::int('permissionType', $permissionType),
                    array_map(fn ($r) => DropIn::str('resources', $r), array_values($resources)));
            }
        }
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtmWithPermissions(
            DropIn::str('userId', $userId), $list, DropIn::int('expire', $expire)));
    }
}
