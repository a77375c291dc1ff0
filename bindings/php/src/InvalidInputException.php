<?php

declare(strict_types=1);

namespace AgoraToken;

/** An argument broke a rule (length, alphabet, range), or is not valid UTF-8 or holds a NUL byte. */
final class InvalidInputException extends TokenException
{
}
