<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * A call of libagora_token failed. `kind` is the library's status name
 * (`invalid_input`, `no_service`, `wrong_version`, `malformed`,
 * `signature_mismatch`, `null_pointer`, `invalid_utf8`, `internal`), the code
 * its status number, and the message names the field and the rule. Messages
 * never contain the app certificate.
 */
class TokenException extends \RuntimeException
{
    /** The status name of the failure. */
    public readonly string $kind;

    /** @param string $kind the status name; $status the C status number */
    public function __construct(string $kind, string $message, int $status = 0)
    {
        parent::__construct($message, $status);
        $this->kind = $kind;
    }
}
