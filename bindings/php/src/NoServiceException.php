<?php

declare(strict_types=1);

namespace AgoraToken;

/** A token was built without any service. */
final class NoServiceException extends TokenException
{
}
