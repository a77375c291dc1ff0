<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;
use FFI\CData;

/**
 * The one place where C status codes and messages become PHP exceptions.
 *
 * @internal
 */
final class Errors
{
    /** Exception class by C status number; others are a plain TokenException. */
    private const CLASSES = [
        1 => InvalidInputException::class, // null_pointer: a PHP null where a string is needed
        2 => InvalidInputException::class, // invalid_utf8
        3 => InvalidInputException::class,
        4 => NoServiceException::class,
        5 => WrongVersionException::class,
        6 => MalformedTokenException::class,
        7 => SignatureMismatchException::class,
    ];

    /**
     * Throws the exception of a failed call: $status is the C status, $error
     * the `char *` the library wrote to out_error (freed here).
     */
    public static function raise(FFI $ffi, int $status, CData $error): never
    {
        $message = FFI::isNull($error) ? '' : FFI::string($error);
        $ffi->agora_token_string_free($error);
        $kind = (string) Call::text($ffi->agora_token_status_name($status));
        throw self::make($kind, $message === '' ? $kind : $message, $status);
    }

    /** An exception of the binding's own argument conversion (a PHP value C cannot take). */
    public static function invalidInput(string $message): InvalidInputException
    {
        return new InvalidInputException('invalid_input', $message, 3);
    }

    private static function make(string $kind, string $message, int $status): TokenException
    {
        $class = self::CLASSES[$status] ?? TokenException::class;
        return new $class($kind, $message, $status);
    }
}
