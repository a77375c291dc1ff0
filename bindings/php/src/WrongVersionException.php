<?php

declare(strict_types=1);

namespace AgoraToken;

/** The token does not start with the expected version prefix. */
final class WrongVersionException extends TokenException
{
}
