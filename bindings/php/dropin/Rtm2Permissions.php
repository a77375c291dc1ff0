<?php

declare(strict_types=1);

/**
 * Drop-in for the official Rtm2Permissions (AccessToken2.php): resource
 * permissions of an RTM 2.x token for RtmTokenBuilder2::buildTokenWithPermissions.
 * add() replaces the resources of a (resource type, permission type) pair.
 */
final class Rtm2Permissions
{
    const MESSAGE_CHANNELS = 0;
    const STREAM_CHANNELS = 1;
    const GROUP_CHANNELS = 2;
    const SERVER_GROUPS = 3;
    const USERS = 4;

    const READ = 0;
    const WRITE = 1;

    /** @var array<int, array<int, list<string>>> resource type => permission type => resources */
    public $details = [];

    /** Sets the resources of one (resource type, permission type) pair. */
    public function add($resourceType, $permissionType, $resources)
    {
        if (!isset($this->details[$resourceType])) {
            $this->details[$resourceType] = [];
        }
        $this->details[$resourceType][$permissionType] = array_values($resources);
    }
}
