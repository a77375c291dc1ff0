<?php

declare(strict_types=1);

namespace AgoraToken;

/** The signature does not match the certificate (or the channel name or uid). */
final class SignatureMismatchException extends TokenException
{
}
