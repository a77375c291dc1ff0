<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI\CData;

/** A service of a parsed 007 token; the fields of other service types are null. */
final class ParsedService
{
    /**
     * @param int $type service type (1 RTC, 2 RTM, 3 Streaming, 4 FPA, 5 Chat, 6 FCDN, 7 APaaS, 8 RTM2, 9 ConvoAI, 10 STT)
     * @param string $typeName `rtc`, `rtm`, ...
     * @param list<Privilege> $privileges in id order
     * @param ?int $role APaaS role (-1 for none); null for other services
     * @param list<Rtm2Permission> $permissions RTM2 only
     */
    public function __construct(
        public readonly int $type,
        public readonly string $typeName,
        public readonly array $privileges,
        public readonly ?string $channelName,
        public readonly ?string $uid,
        public readonly ?string $userId,
        public readonly ?string $account,
        public readonly ?string $roomUuid,
        public readonly ?string $userUuid,
        public readonly ?int $role,
        public readonly array $permissions,
    ) {
    }

    /** @internal */
    public static function fromC(CData $s): self
    {
        $text = Call::text(...);
        return new self(
            $s->service_type,
            (string) $text($s->type_name),
            Privilege::listFromC($s->privileges, $s->privilege_count),
            $text($s->channel_name),
            $text($s->uid),
            $text($s->user_id),
            $text($s->account),
            $text($s->room_uuid),
            $text($s->user_uuid),
            $s->service_type === 7 ? $s->role : null,
            Rtm2Permission::listFromC($s->permissions, $s->permission_count),
        );
    }
}
