<?php

declare(strict_types=1);

namespace AgoraToken;

/** The token text or its decoded bytes are not a valid token. */
final class MalformedTokenException extends TokenException
{
}
