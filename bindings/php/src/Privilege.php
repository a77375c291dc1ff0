<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI\CData;

/** A privilege of a parsed token. */
final class Privilege
{
    /**
     * @param int $id privilege id (1 = join channel in RTC, ...)
     * @param int $expire as in the token: seconds after the issue time (007) or a timestamp (006); 0 for none
     * @param int $expiresAt when the privilege ends, Unix seconds; 0 for no limit
     * @param ?string $name `join_channel`, ...; null for an id the library does not name
     */
    public function __construct(
        public readonly int $id,
        public readonly int $expire,
        public readonly int $expiresAt,
        public readonly ?string $name,
    ) {
    }

    /**
     * @internal
     * @return list<Privilege>
     */
    public static function listFromC(?CData $array, int $count): array
    {
        $out = [];
        for ($k = 0; $k < $count; $k++) {
            $p = $array[$k];
            $out[] = new self($p->id, $p->expire, $p->expires_at, Call::text($p->name));
        }
        return $out;
    }
}
