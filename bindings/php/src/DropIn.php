<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * What the drop-in classes (dropin/, Agora's global class names) share: the
 * conversion of the official untyped arguments, and the official "" for a
 * bad app ID or certificate. The builders are token-core's lenient ones,
 * which accept what the official builders accept.
 *
 * @internal
 */
final class DropIn
{
    /** A lenient builder for the official arguments. */
    public static function builder(mixed $appId, #[\SensitiveParameter] mixed $appCertificate): TokenBuilder
    {
        // The last app's builder is kept: a server builds for one app, and a
        // builder holds the options the library reads.
        static $key = null, $builder = null;
        $appId = self::str('appId', $appId);
        $appCertificate = self::str('appCertificate', $appCertificate);
        if ($key !== [$appId, $appCertificate]) {
            $builder = new TokenBuilder($appId, $appCertificate, lenient: true);
            $key = [$appId, $appCertificate];
        }
        return $builder;
    }

    /**
     * Runs a 007 build; a refused app ID or certificate gives "" as
     * AccessToken2::build does (the lenient builders check nothing else).
     */
    public static function token007(callable $build): string
    {
        try {
            return $build();
        } catch (InvalidInputException $e) {
            if (str_starts_with($e->getMessage(), 'app_id:') || str_starts_with($e->getMessage(), 'app_certificate:')) {
                return '';
            }
            throw $e;
        }
    }

    /** A value the official code uses as a string (packString takes its strlen). */
    public static function str(string $field, mixed $value): string
    {
        if (is_string($value)) {
            return $value;
        }
        if (is_int($value) || is_float($value) || is_bool($value) || $value === null || $value instanceof \Stringable) {
            return (string) $value;
        }
        throw Errors::invalidInput("$field: must be a string or a number (got " . get_debug_type($value) . ')');
    }

    /** A value the official code packs as a number: an int or a decimal string. */
    public static function int(string $field, mixed $value): int
    {
        if (is_int($value)) {
            return $value;
        }
        if (is_string($value) && preg_match('/^-?[0-9]+$/', $value) === 1) {
            return (int) $value;
        }
        throw Errors::invalidInput("$field: must be an integer (got " . get_debug_type($value) . ')');
    }

    /**
     * A 007 RTC role as the official `$role == self::ROLE_PUBLISHER` reads
     * it (PHP's loose comparison: "1" and 1.0 are the publisher too);
     * token-core gives every other role the subscriber's privileges.
     */
    public static function role007(mixed $role): int
    {
        return $role == 1 ? 1 : 2;
    }

    /** A 006 RTC role as the official loose comparisons with 0, 1 and 101 read it. */
    public static function role006(mixed $role): int
    {
        foreach ([0, 1, 101] as $publisher) {
            if ($role == $publisher) {
                return $publisher;
            }
        }
        return 2;
    }

    /** The official 006 uid: AccessToken::setUid makes the integer 0 "" and anything else its text. */
    public static function uid006(mixed $uid): string
    {
        return $uid === 0 ? '' : self::str('uid', $uid);
    }
}
