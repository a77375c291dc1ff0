<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/** Drop-in for Agora's PHP FpaTokenBuilder (007, valid 24 hours); "" for a bad app ID or certificate. */
final class FpaTokenBuilder
{
    /** FPA login token. */
    public static function buildToken($appId, $appCertificate)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->fpa());
    }
}
