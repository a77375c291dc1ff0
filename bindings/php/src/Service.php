<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;
use FFI\CData;

/**
 * One service of a token built with TokenBuilder::services. Only the fields
 * of its type are read (RTC: channelName, uid; RTM, Chat, RTM2: userId;
 * Streaming, FCDN: channelName, account; APaaS: roomUuid, userUuid, role;
 * RTM2: permissions).
 */
final class Service
{
    /**
     * @param int $type service type (1 RTC ... 10 STT)
     * @param array<int, int> $privileges privilege id => expire (seconds after the issue time, 0: none)
     * @param list<Rtm2Permission> $permissions
     */
    public function __construct(
        public readonly int $type,
        public readonly array $privileges = [],
        public readonly string $channelName = '',
        public readonly string $uid = '',
        public readonly string $userId = '',
        public readonly string $account = '',
        public readonly string $roomUuid = '',
        public readonly string $userUuid = '',
        public readonly int $role = -1,
        public readonly array $permissions = [],
    ) {
    }

    /**
     * Fills an AgoraTokenService; $keep holds the memory it points to.
     *
     * @internal
     * @param list<CData> $keep
     */
    public function fill(CData $s, array &$keep): void
    {
        $s->service_type = Call::u16('services.type', $this->type);
        $privileges = $this->privileges;
        $array = Call::array('AgoraTokenPrivilege', count($privileges), function (CData $a) use ($privileges) {
            $k = 0;
            foreach ($privileges as $id => $expire) {
                $a[$k]->id = Call::u16('services.privileges id', (int) $id);
                $a[$k]->expire = Call::u32('services.privileges expire', $expire);
                $k++;
            }
        });
        if ($array !== null) {
            $keep[] = $array;
            $s->privileges = Native::ffi()->cast('AgoraTokenPrivilege *', FFI::addr($array));
        }
        $s->privilege_count = count($privileges);
        foreach (['channel_name' => $this->channelName, 'uid' => $this->uid, 'user_id' => $this->userId,
            'account' => $this->account, 'room_uuid' => $this->roomUuid, 'user_uuid' => $this->userUuid] as $field => $value) {
            $s->$field = Call::cString("services.$field", $value, $keep);
        }
        $s->role = Call::i16('services.role', $this->role);
        $permissions = Rtm2Permission::toC($this->permissions, $keep);
        if ($permissions !== null) {
            $s->permissions = Native::ffi()->cast('AgoraTokenRtm2Permission *', FFI::addr($permissions));
        }
        $s->permission_count = count($this->permissions);
    }
}
