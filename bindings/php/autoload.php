<?php

/*
 * One `require` for scripts without Composer: registers an autoloader for the
 * AgoraToken\ namespace (src/) and for the drop-in classes with Agora's
 * official global names (dropin/: RtcTokenBuilder2, RtmTokenBuilder2, ...).
 * Composer users get the same from composer.json (PSR-4 and a classmap).
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'AgoraToken\\')) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen('AgoraToken\\'))) . '.php';
    } elseif (!str_contains($class, '\\')) {
        $file = __DIR__ . '/dropin/' . $class . '.php';
    } else {
        return;
    }
    if (is_file($file)) {
        require $file;
    }
});
