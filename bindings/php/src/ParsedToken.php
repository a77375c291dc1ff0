<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI\CData;

/**
 * A parsed 007 or 006 token (Token::parse, Token::verify); the fields of the
 * other version are 0, null or empty.
 */
final class ParsedToken
{
    /**
     * @param int $version 7 or 6
     * @param int $expiresAt when the token ends, Unix seconds; 0 for no limit
     * @param int $issueTs 007: issue time
     * @param int $expire 007: seconds after the issue time the token lasts
     * @param list<ParsedService> $services 007, in token order
     * @param ?int $unknownServiceType 007: the service type at which parsing stopped, null for none
     * @param int $ts 006: the expiry timestamp
     * @param list<Privilege> $privileges 006
     */
    public function __construct(
        public readonly int $version,
        public readonly string $appId,
        public readonly int $salt,
        public readonly int $expiresAt,
        public readonly int $issueTs,
        public readonly int $expire,
        public readonly array $services,
        public readonly ?int $unknownServiceType,
        public readonly int $ts,
        public readonly int $crcChannelName,
        public readonly int $crcUid,
        public readonly array $privileges,
    ) {
    }

    /** The first service of $type (an `AGORA_TOKEN_SERVICE_*` number), or null. */
    public function service(int $type): ?ParsedService
    {
        foreach ($this->services as $s) {
            if ($s->type === $type) {
                return $s;
            }
        }
        return null;
    }

    /** @internal */
    public static function fromC(CData $p): self
    {
        $services = [];
        for ($k = 0; $k < $p->service_count; $k++) {
            $services[] = ParsedService::fromC($p->services[$k]);
        }
        return new self(
            $p->version,
            (string) Call::text($p->app_id),
            $p->salt,
            $p->expires_at,
            $p->issue_ts,
            $p->expire,
            $services,
            $p->unknown_service_type < 0 ? null : $p->unknown_service_type,
            $p->ts,
            $p->crc_channel_name,
            $p->crc_uid,
            Privilege::listFromC($p->privileges, $p->privilege_count),
        );
    }
}
