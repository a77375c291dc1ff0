<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;
use FFI\CData;

/**
 * Calls of libagora_token and the conversion of PHP values to C arguments:
 * nothing here knows a token rule, only C types.
 *
 * @internal
 */
final class Call
{
    /** Calls $fn(...$args, &out, &error) and returns the string it wrote. */
    public static function string(string $fn, mixed ...$args): string
    {
        // The out-parameters are reused: PHP runs one call at a time per
        // process, and the library overwrites both on every call.
        static $ffi, $out, $error, $outAddr, $errorAddr;
        if ($ffi === null) {
            $ffi = Native::ffi();
            $out = $ffi->new('char *');
            $error = $ffi->new('char *');
            $outAddr = FFI::addr($out);
            $errorAddr = FFI::addr($error);
        }
        $args[] = $outAddr;
        $args[] = $errorAddr;
        $status = $ffi->$fn(...$args);
        if ($status !== 0) {
            Errors::raise($ffi, $status, $error);
        }
        $text = FFI::string($out);
        $ffi->agora_token_string_free($out);
        return $text;
    }

    /** Calls $fn(...$args, &parsed, &error) and returns the parsed token it wrote. */
    public static function parsed(string $fn, mixed ...$args): ParsedToken
    {
        $ffi = Native::ffi();
        $out = $ffi->new('AgoraTokenParsed *');
        $error = $ffi->new('char *');
        $status = $ffi->$fn(...[...$args, FFI::addr($out), FFI::addr($error)]);
        if ($status !== 0) {
            Errors::raise($ffi, $status, $error);
        }
        try {
            return ParsedToken::fromC($out[0]);
        } finally {
            $ffi->agora_token_parsed_free($out);
        }
    }

    /** A `const char *` the library returned (FFI gives a string, null or a CData). */
    public static function text(mixed $p): ?string
    {
        return $p === null || is_string($p) ? $p : FFI::string($p);
    }

    /** A string argument: C strings end at the first NUL byte, so one inside is refused. */
    public static function str(string $field, string $value): string
    {
        if (str_contains($value, "\0")) {
            throw Errors::invalidInput("$field: must not contain a NUL byte (a C string ends there)");
        }
        return $value;
    }

    /** A uint32_t argument. */
    public static function u32(string $field, int $value): int
    {
        return self::range($field, $value, 0, 0xFFFFFFFF, 'uint32');
    }

    /** A uint16_t argument. */
    public static function u16(string $field, int $value): int
    {
        return self::range($field, $value, 0, 0xFFFF, 'uint16');
    }

    /** An int16_t argument. */
    public static function i16(string $field, int $value): int
    {
        return self::range($field, $value, -0x8000, 0x7FFF, 'int16');
    }

    /** An int32_t argument. */
    public static function i32(string $field, int $value): int
    {
        return self::range($field, $value, -0x80000000, 0x7FFFFFFF, 'int32');
    }

    private static function range(string $field, int $value, int $min, int $max, string $type): int
    {
        if ($value < $min || $value > $max) {
            throw Errors::invalidInput("$field: must be in $min..$max, a C $type (got $value)");
        }
        return $value;
    }

    /**
     * A C array of $count $type, NULL when empty; $fill($array) fills it.
     */
    public static function array(string $type, int $count, callable $fill): ?CData
    {
        if ($count === 0) {
            return null;
        }
        $array = Native::ffi()->new("{$type}[$count]");
        $fill($array);
        return $array;
    }

    /**
     * A NUL-terminated copy of $value as a `char *` pointing into $keep's
     * last element (the caller keeps $keep alive for the call).
     *
     * @param list<CData> $keep
     */
    public static function cString(string $field, string $value, array &$keep): CData
    {
        $value = self::str($field, $value);
        $buffer = Native::ffi()->new('char[' . (strlen($value) + 1) . ']');
        FFI::memcpy($buffer, $value, strlen($value));
        $keep[] = $buffer;
        return Native::ffi()->cast('char *', FFI::addr($buffer));
    }
}
