<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * libagora_token cannot be used: PHP's FFI extension is missing or disabled,
 * or the library was not found. The message names what to set
 * (`AGORA_TOKEN_LIBRARY`, `ffi.enable`).
 */
final class LibraryException extends \RuntimeException
{
}
