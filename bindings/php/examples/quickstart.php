<?php

// The README's example: one require, no Composer. Run with
//   AGORA_TOKEN_LIBRARY=/path/to/libagora_token.so php -d ffi.enable=1 quickstart.php

declare(strict_types=1);

require __DIR__ . '/../autoload.php';

$appId = '970CA35de60c44645bbae8a215061b33';
$appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';

// Drop-in: Agora's own class and method names.
$token = RtcTokenBuilder2::buildTokenWithUid($appId, $appCertificate, 'demo', 42, RtcTokenBuilder2::ROLE_PUBLISHER, 3600, 3600);
echo "RtcTokenBuilder2: $token\n";

// Idiomatic: checked inputs, exceptions that name the field and the rule.
$builder = new AgoraToken\TokenBuilder($appId, $appCertificate);
$rtm = $builder->rtm('alice', 3600);
echo "TokenBuilder::rtm: $rtm\n";

$parsed = AgoraToken\Token::verify($token, $appCertificate);
printf("verified: app %s, services %s, expires at %d\n", $parsed->appId,
    implode(',', array_map(fn ($s) => $s->typeName, $parsed->services)), $parsed->expiresAt);

$report = AgoraToken\Token::check($token, $appCertificate, ['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42']);
echo 'check: ', $report['allowed'] ? 'allowed' : 'denied', "\n";

echo 'RtcTokenBuilder (006): ', RtcTokenBuilder::buildTokenWithUid($appId, $appCertificate, 'demo', 42, RtcTokenBuilder::RolePublisher,
    time() + 3600), "\n";
