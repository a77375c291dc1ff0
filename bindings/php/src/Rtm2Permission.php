<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;
use FFI\CData;

/**
 * One (resource type, permission type) entry of an RTM 2.x token and the
 * resources it applies to: an input of TokenBuilder::rtmWithPermissions and
 * a field of a parsed RTM2 service.
 */
final class Rtm2Permission
{
    public const MESSAGE_CHANNELS = 0;
    public const STREAM_CHANNELS = 1;
    public const GROUP_CHANNELS = 2;
    public const SERVER_GROUPS = 3;
    public const USERS = 4;
    public const READ = 0;
    public const WRITE = 1;

    /**
     * @param int $resourceType 0 message channels, 1 stream channels, 2 group channels, 3 server groups, 4 users
     * @param int $permissionType 0 read, 1 write
     * @param list<string> $resources
     */
    public function __construct(
        public readonly int $resourceType,
        public readonly int $permissionType,
        public readonly array $resources,
    ) {
    }

    /**
     * A C array of AgoraTokenRtm2Permission for $permissions; $keep holds
     * the memory it points to for the call.
     *
     * @internal
     * @param list<Rtm2Permission> $permissions
     * @param list<CData> $keep
     */
    public static function toC(array $permissions, array &$keep): ?CData
    {
        $array = Call::array('AgoraTokenRtm2Permission', count($permissions), function (CData $a) use ($permissions, &$keep) {
            foreach (array_values($permissions) as $k => $p) {
                $a[$k]->resource_type = Call::u16('permissions.resource_type', $p->resourceType);
                $a[$k]->permission_type = Call::u16('permissions.permission_type', $p->permissionType);
                $names = array_values($p->resources);
                $pointers = Call::array('char *', count($names), function (CData $ptrs) use ($names, &$keep) {
                    foreach ($names as $j => $name) {
                        $ptrs[$j] = Call::cString('permissions.resources', $name, $keep);
                    }
                });
                if ($pointers !== null) {
                    $keep[] = $pointers;
                    $a[$k]->resources = Native::ffi()->cast('char **', FFI::addr($pointers));
                }
                $a[$k]->resource_count = count($names);
            }
        });
        if ($array !== null) {
            $keep[] = $array;
        }
        return $array;
    }

    /**
     * @internal
     * @return list<Rtm2Permission>
     */
    public static function listFromC(?CData $array, int $count): array
    {
        $out = [];
        for ($k = 0; $k < $count; $k++) {
            $p = $array[$k];
            $names = [];
            for ($j = 0; $j < $p->resource_count; $j++) {
                $names[] = (string) Call::text($p->resources[$j]);
            }
            $out[] = new self($p->resource_type, $p->permission_type, $names);
        }
        return $out;
    }
}
