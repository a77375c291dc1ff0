<?php

/*
 * The PHP binding's tests (PHPUnit is not reachable here): a small assertion
 * runner. Run by scripts/test-php:
 *
 *   AGORA_TOKEN_LIBRARY=.../libagora_token.so AGORA_TOKEN_NPM_DIR=DIR php -d ffi.enable=1 tests/run.php
 *
 * AGORA_TOKEN_NPM_DIR is a folder with npm agora-token@2.0.6 installed (the
 * cross-check); without it that test fails, since it is part of the suite.
 */

declare(strict_types=1);

require_once __DIR__ . '/../autoload.php';
require_once __DIR__ . '/../../../tests/conformance/workers/php_worker.php';

use AgoraToken\InvalidInputException;
use AgoraToken\MalformedTokenException;
use AgoraToken\Native;
use AgoraToken\ParsedToken;
use AgoraToken\RtcRole;
use AgoraToken\Rtm2Permission;
use AgoraToken\Service;
use AgoraToken\SignatureMismatchException;
use AgoraToken\Token;
use AgoraToken\TokenBuilder;
use AgoraToken\TokenException;
use AgoraToken\WrongVersionException;

const ROOT = __DIR__ . '/../../..';
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const BAD_ID = '970CA35de60c44645bbae8a215061b3'; // 31 characters

$tests = [];
function test(string $name, callable $fn): void
{
    $GLOBALS['tests'][$name] = $fn;
}

function check(bool $ok, string $what): void
{
    if (!$ok) {
        throw new RuntimeException($what);
    }
}

function eq(mixed $want, mixed $got, string $what = ''): void
{
    if ($want !== $got) {
        throw new RuntimeException(sprintf("%s\n  want: %s\n  got:  %s", $what, var_export($want, true), var_export($got, true)));
    }
}

/** @return TokenException the exception of $fn, which must be a $class */
function throws(string $class, callable $fn, string $what = ''): Throwable
{
    try {
        $fn();
    } catch (Throwable $e) {
        check($e instanceof $class, "$what: expected $class, got " . get_class($e) . ': ' . $e->getMessage());
        return $e;
    }
    throw new RuntimeException("$what: expected $class, nothing thrown");
}

/** What Agora reads of a token (007: decompressed; 006: prefix and decoded rest), as driver.py's content(). */
function content(string $token): string
{
    if (str_starts_with($token, '007')) {
        return '007' . zlib_decode(base64_decode(substr($token, 3), true));
    }
    return substr($token, 0, 35) . base64_decode(substr($token, 35), true);
}

/** @return list<array<string, mixed>> the official vectors (not the divergent file) */
function vectors(): array
{
    $cases = [];
    foreach (glob(ROOT . '/tests/vectors/*.json') as $file) {
        if (!str_starts_with(basename($file), 'divergent_')) {
            foreach (json_decode(file_get_contents($file), true, 512, JSON_THROW_ON_ERROR) as $c) {
                $cases[] = $c;
            }
        }
    }
    return $cases;
}

function legacy(array $c): bool
{
    return preg_match('/^(dk3|dk4|dk5|signaling)\./', $c['builder']) === 1;
}

/** A parsed token without the fields a drop-in draws itself (issue time, salt, 006 ts). */
function shape(ParsedToken $p): array
{
    $a = json_decode(json_encode($p), true);
    unset($a['issueTs'], $a['salt'], $a['expiresAt'], $a['ts']);
    foreach ($a['services'] as &$s) {
        foreach ($s['privileges'] as &$priv) {
            unset($priv['expiresAt']);
        }
    }
    return $a;
}

// ---------------------------------------------------------------------------

test('FFI declarations match include/agora_token.h', function () {
    $norm = static fn (string $c) => trim(preg_replace('/\s+/', ' ', $c));
    $header = file_get_contents(ROOT . '/include/agora_token.h');
    $header = preg_replace(['#/\*.*?\*/#s', '#//[^\n]*#', '/^#.*$/m'], '', $header);
    $header = $norm($header);
    $n = 0;
    foreach (preg_split('/;\s*\n/', Native::CDEF) as $decl) {
        $decl = $norm($decl);
        if ($decl === '') {
            continue;
        }
        $decl = rtrim($decl, ';') . ';';
        check(str_contains($header, $decl), "not in the header (regenerate Native::CDEF): $decl");
        $n++;
    }
    check($n > 30, "only $n declarations");
});

test('every official vector: idiomatic API identical (checked, else lenient), parse and verify', function () {
    $n = ['identical' => 0, 'lenient' => 0, 'verified' => 0];
    foreach (vectors() as $c) {
        if (legacy($c)) {
            continue;
        }
        $i = $c['inputs'];
        $r = php_worker_run(['api' => 'idiomatic', 'builder' => $c['builder'], 'inputs' => $i]);
        if (!$r['ok']) {
            // token-core's checked builders refuse some official inputs (an
            // empty account, ...): the lenient builder must give the official token.
            eq('invalid_input', $r['kind'], $c['name']);
            $lenient = new TokenBuilder($i['app_id'], $i['app_certificate'], issueTs: $i['issue_ts'], salt: $i['salt'], lenient: true);
            $r = ['token' => php_worker_idiomatic_with($lenient, $c)];
            $n['lenient']++;
        } else {
            $n['identical']++;
        }
        eq(content($c['token']), content($r['token']), $c['name']);
        $p = Token::parse($c['token']);
        if (str_starts_with($c['token'], '007')) {
            eq([$i['issue_ts'], $i['salt'], $i['app_id']], [$p->issueTs, $p->salt, $p->appId], $c['name']);
            eq(shape($p), shape(Token::verify($c['token'], $i['app_certificate'])), $c['name']);
        } else {
            eq([$i['ts'], $i['salt']], [$p->ts, $p->salt], $c['name']);
            $uid = array_key_exists('uid', $i) ? ($i['uid'] === 0 ? '' : (string) $i['uid']) : ($i['account'] ?? '');
            $channel = $c['builder'] === 'rtm006.token' ? $i['user_account'] : $i['channel_name'];
            Token::verify006($c['token'], $i['app_certificate'], $channel, $uid);
        }
        $n['verified']++;
    }
    check($n['identical'] > 140 && $n['verified'] > 160, json_encode($n));
    return json_encode($n);
});

/** A vector built with another TokenBuilder: php_worker_idiomatic with $t swapped in. */
function php_worker_idiomatic_with(TokenBuilder $t, array $c): string
{
    $i = $c['inputs'];
    return match ($c['builder']) {
        'rtc.with_user_account' => $t->rtcWithAccount($i['channel_name'], $i['account'], $i['role'], $i['token_expire'], $i['privilege_expire']),
        'rtc.with_user_account_and_privilege' => $t->rtcWithAccountAndPrivileges($i['channel_name'], $i['account'], $i['token_expire'],
            $i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
            $i['pub_data_stream_privilege_expire']),
        'rtc.with_rtm' => $t->rtcWithRtm($i['channel_name'], $i['account'], $i['role'], $i['token_expire'], $i['privilege_expire']),
        'rtc.with_rtm2', 'convoai.token', 'stt.token' => $t->{['rtc.with_rtm2' => 'rtcWithRtm2', 'convoai.token' => 'convoai',
            'stt.token' => 'stt'][$c['builder']]}($i['channel_name'], php_worker_rtc_account($i), $i['rtc_role'], $i['rtc_token_expire'],
            $i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
            $i['pub_data_stream_privilege_expire'], $i['rtm_user_id'], $i['rtm_token_expire']),
        'chat.user' => $t->chatUser($i['user_id'], $i['expire']),
        'apaas.room_user' => $t->apaasRoomUser($i['room_uuid'], $i['user_uuid'], $i['role'], $i['expire']),
        'education.room_user' => $t->educationRoomUser($i['room_uuid'], $i['user_uuid'], $i['role'], $i['expire']),
        'rtm.token_with_permissions' => $t->rtmWithPermissions($i['user_id'], php_worker_permissions($i['permissions']), $i['expire']),
        default => throw new RuntimeException('no lenient form for ' . $c['builder']),
    };
}

test('every official vector a drop-in offers: same token as the official one but for issue time and salt', function () {
    $n = 0;
    foreach (vectors() as $c) {
        if (legacy($c)) {
            continue;
        }
        $r = php_worker_run(['api' => 'dropin', 'builder' => $c['builder'], 'inputs' => $c['inputs']]);
        if (!$r['offered']) {
            continue;
        }
        check($r['ok'] && $r['token'] !== '', $c['name'] . ': ' . json_encode($r));
        $ours = Token::parse($r['token']);
        eq(shape(Token::parse($c['token'])), shape($ours), $c['name']);
        if (str_starts_with($c['token'], '007')) {
            Token::verify($r['token'], $c['inputs']['app_certificate']);
            check(abs($ours->issueTs - time()) < 60, 'issued now');
        }
        $n++;
    }
    check($n > 120, "only $n drop-in vectors");
    return "$n vectors";
});

test('drop-in signatures are the official ones', function () {
    $official = [
        'RtcTokenBuilder2::buildTokenWithUid' => '$appId, $appCertificate, $channelName, $uid, $role, $tokenExpire, $privilegeExpire = 0',
        'RtcTokenBuilder2::buildTokenWithUserAccount' => '$appId, $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0',
        'RtcTokenBuilder2::buildTokenWithUidAndPrivilege' => '$appId, $appCertificate, $channelName, $uid, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire',
        'RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege' => '$appId, $appCertificate, $channelName, $account, $tokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire',
        'RtcTokenBuilder2::buildTokenWithRtm' => '$appId, $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0',
        'RtcTokenBuilder2::buildTokenWithRtm2' => '$appId, $appCertificate, $channelName, $rtcAccount, $rtcRole, $rtcTokenExpire, $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire, $rtmUserId, $rtmTokenExpire',
        'RtmTokenBuilder2::buildToken' => '$appId, $appCertificate, $userId, $expire',
        'RtmTokenBuilder2::buildTokenWithPermissions' => '$appId, $appCertificate, $userId, $permissions, $expire',
        'ChatTokenBuilder2::buildUserToken' => '$appId, $appCertificate, $userId, $expire',
        'ChatTokenBuilder2::buildAppToken' => '$appId, $appCertificate, $expire',
        'FpaTokenBuilder::buildToken' => '$appId, $appCertificate',
        'ApaasTokenBuilder::buildRoomUserToken' => '$appId, $appCertificate, $roomUuid, $userUuid, $role, $expire',
        'ApaasTokenBuilder::buildUserToken' => '$appId, $appCertificate, $userUuid, $expire',
        'ApaasTokenBuilder::buildAppToken' => '$appId, $appCertificate, $expire',
        'EducationTokenBuilder::buildRoomUserToken' => '$appId, $appCertificate, $roomUuid, $userUuid, $role, $expire',
        'EducationTokenBuilder::buildUserToken' => '$appId, $appCertificate, $userUuid, $expire',
        'EducationTokenBuilder::buildAppToken' => '$appId, $appCertificate, $expire',
        'RtcTokenBuilder::buildTokenWithUid' => '$appID, $appCertificate, $channelName, $uid, $role, $privilegeExpireTs',
        'RtcTokenBuilder::buildTokenWithUserAccount' => '$appID, $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs',
        'RtmTokenBuilder::buildToken' => '$appID, $appCertificate, $userAccount, $role, $privilegeExpireTs',
        'Rtm2Permissions::add' => '$resourceType, $permissionType, $resources',
    ];
    foreach ($official as $method => $want) {
        $m = new ReflectionMethod($method);
        check($m->isPublic() && ($m->isStatic() || $method === 'Rtm2Permissions::add'), "$method: public static");
        $got = implode(', ', array_map(static fn (ReflectionParameter $p) => '$' . $p->getName()
            . ($p->isDefaultValueAvailable() ? ' = ' . var_export($p->getDefaultValue(), true) : ''), $m->getParameters()));
        eq($want, $got, $method);
    }
    eq([1, 2], [RtcTokenBuilder2::ROLE_PUBLISHER, RtcTokenBuilder2::ROLE_SUBSCRIBER]);
    eq([0, 1, 2, 101], [RtcTokenBuilder::RoleAttendee, RtcTokenBuilder::RolePublisher, RtcTokenBuilder::RoleSubscriber, RtcTokenBuilder::RoleAdmin]);
    eq(1, RtmTokenBuilder::RoleRtmUser);
    eq([0, 1, 2, 3, 4, 0, 1], [Rtm2Permissions::MESSAGE_CHANNELS, Rtm2Permissions::STREAM_CHANNELS, Rtm2Permissions::GROUP_CHANNELS,
        Rtm2Permissions::SERVER_GROUPS, Rtm2Permissions::USERS, Rtm2Permissions::READ, Rtm2Permissions::WRITE]);
});

test('drop-ins: "" for a bad app ID or certificate, as AccessToken2::build', function () {
    foreach ([[BAD_ID, CERT], [APP_ID, BAD_ID], [str_repeat('g', 32), CERT], [APP_ID, ''], ['', CERT]] as [$id, $cert]) {
        $calls = [
            fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'demo', 42, 1, 3600),
            fn () => RtcTokenBuilder2::buildTokenWithUserAccount($id, $cert, 'demo', 'alice', 1, 3600),
            fn () => RtcTokenBuilder2::buildTokenWithUidAndPrivilege($id, $cert, 'demo', 42, 3600, 1, 2, 3, 4),
            fn () => RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege($id, $cert, 'demo', 'a', 3600, 1, 2, 3, 4),
            fn () => RtcTokenBuilder2::buildTokenWithRtm($id, $cert, 'demo', 'alice', 1, 3600),
            fn () => RtcTokenBuilder2::buildTokenWithRtm2($id, $cert, 'demo', 'alice', 1, 3600, 1, 2, 3, 4, 'bob', 60),
            fn () => RtmTokenBuilder2::buildToken($id, $cert, 'alice', 60),
            fn () => RtmTokenBuilder2::buildTokenWithPermissions($id, $cert, 'alice', new Rtm2Permissions(), 60),
            fn () => ChatTokenBuilder2::buildUserToken($id, $cert, 'alice', 60),
            fn () => ChatTokenBuilder2::buildAppToken($id, $cert, 60),
            fn () => FpaTokenBuilder::buildToken($id, $cert),
            fn () => ApaasTokenBuilder::buildRoomUserToken($id, $cert, 'room', 'user', 1, 60),
            fn () => ApaasTokenBuilder::buildUserToken($id, $cert, 'user', 60),
            fn () => ApaasTokenBuilder::buildAppToken($id, $cert, 60),
            fn () => EducationTokenBuilder::buildRoomUserToken($id, $cert, 'room', 'user', 1, 60),
            fn () => EducationTokenBuilder::buildUserToken($id, $cert, 'user', 60),
            fn () => EducationTokenBuilder::buildAppToken($id, $cert, 60),
        ];
        foreach ($calls as $k => $call) {
            eq('', $call(), "call $k with app ID '$id'");
        }
    }
});

test('drop-ins accept what the official classes accept, with their quirks', function () {
    $rtc = static fn (string $t) => Token::verify($t, CERT)->service(1);
    $ids = static fn (?AgoraToken\ParsedService $s) => array_map(static fn ($p) => $p->id, $s->privileges);
    // uid 0 is packed as "0" by the official PHP (ServiceRtc keeps the value
    // and packString takes its text), not "" as by the other packages.
    eq('0', $rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 0, 1, 3600))->uid);
    eq('0', $rtc(RtcTokenBuilder2::buildTokenWithUidAndPrivilege(APP_ID, CERT, 'demo', 0, 3600, 1, 1, 1, 1))->uid);
    eq('', $rtc((new TokenBuilder(APP_ID, CERT))->rtcWithUid('demo', 0, RtcRole::Publisher, 3600))->uid);
    eq('42', $rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 42, 1, 3600))->uid);
    // $role == ROLE_PUBLISHER with PHP's loose comparison; anything else is a subscriber.
    eq([1, 2, 3, 4], $ids($rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 42, '1', 3600))));
    eq([1], $ids($rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 42, 3, 3600))));
    eq([1], $ids($rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 42, 'host', 3600))));
    // Inputs token-core's checked builders refuse, the official ones accept.
    check(RtcTokenBuilder2::buildTokenWithUserAccount(APP_ID, CERT, 'chan*nel', '', 1, 3600) !== '', 'lenient');
    check(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, str_repeat('a', 64), 4294967296, 1, 3600) !== '', 'lenient');
    eq('4294967296', $rtc(RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 4294967296, 1, 3600))->uid);
    // Documented difference: the official pack('V') wraps an expire past 2^32; this throws.
    throws(InvalidInputException::class, fn () => RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 1, 1, 4294967296));
    // RTM 2.x permissions: add() replaces a pair, as the official class.
    $p = new Rtm2Permissions();
    $p->add(Rtm2Permissions::USERS, Rtm2Permissions::READ, ['x']);
    $p->add(Rtm2Permissions::USERS, Rtm2Permissions::READ, ['bob', 'carol']);
    $s = Token::verify(RtmTokenBuilder2::buildTokenWithPermissions(APP_ID, CERT, 'alice', $p, 60), CERT)->service(8);
    eq([[4, 0, ['bob', 'carol']]], array_map(static fn ($e) => [$e->resourceType, $e->permissionType, $e->resources], $s->permissions));
    // Chat user of an APaaS room-user token: md5 of the user UUID.
    $t = Token::verify(ApaasTokenBuilder::buildRoomUserToken(APP_ID, CERT, 'room', 'user', 1, 60), CERT);
    eq(md5('user'), $t->service(5)->userId);
    eq(86400, Token::parse(FpaTokenBuilder::buildToken(APP_ID, CERT))->expire);
});

test('006 drop-ins: uid 0 is "", roles 0, 1 and 101 publish, bad app IDs throw', function () {
    $t = RtcTokenBuilder::buildTokenWithUid(APP_ID, CERT, 'demo', 0, RtcTokenBuilder::RoleSubscriber, 1900000000);
    eq(sprintf('%u', crc32('')), (string) Token::verify006($t, CERT, 'demo', '')->crcUid);
    foreach ([0 => 4, 1 => 4, 101 => 4, 2 => 1, '1' => 4, 7 => 1] as $role => $count) {
        $t = RtcTokenBuilder::buildTokenWithUserAccount(APP_ID, CERT, 'demo', 'alice', $role, 1900000000);
        eq($count, count(Token::verify006($t, CERT, 'demo', 'alice')->privileges), "role $role");
    }
    $t = RtmTokenBuilder::buildToken(APP_ID, CERT, 'alice', 99, 1900000000);
    eq([1000], array_map(static fn ($p) => $p->id, Token::verify006($t, CERT, 'alice', '')->privileges));
    check(abs(Token::parse($t)->ts - (time() + 86400)) < 60, 'ts is now + 24 h');
    // The official class echoes "appID check failed" and then fails on null; this throws, naming the field.
    $e = throws(InvalidInputException::class, fn () => RtcTokenBuilder::buildTokenWithUid('', CERT, 'demo', 1, 1, 0));
    check(str_starts_with($e->getMessage(), 'app_id'), $e->getMessage());
    throws(InvalidInputException::class, fn () => RtmTokenBuilder::buildToken(BAD_ID, CERT, 'alice', 1, 0));
});

test('idiomatic errors: kind, field and rule; the certificate never shown', function () {
    $b = new TokenBuilder(APP_ID, CERT);
    $e = throws(InvalidInputException::class, fn () => $b->rtcWithUid('chan*nel', 1, RtcRole::Publisher, 60));
    eq('invalid_input', $e->kind);
    check(str_starts_with($e->getMessage(), 'channel_name:'), $e->getMessage());
    $secret = '5CFd2fd1755d40ecb72977518be15d3Z';
    $e = throws(InvalidInputException::class, fn () => (new TokenBuilder(APP_ID, $secret))->rtm('alice', 60));
    check(!str_contains($e->getMessage(), $secret) && str_starts_with($e->getMessage(), 'app_certificate:'), $e->getMessage());
    check(!str_contains(print_r($b, true), CERT) && !str_contains(var_export((array) [$b], true), 'x' . CERT), 'print_r hides the certificate');
    $e = throws(InvalidInputException::class, fn () => $b->rtm("al\0ice", 60));
    check(str_contains($e->getMessage(), 'NUL'), $e->getMessage());
    throws(InvalidInputException::class, fn () => $b->rtcWithUid('demo', -1, 1, 60));
    throws(InvalidInputException::class, fn () => $b->rtcWithUid('demo', 1, 1, 1 << 32));
    throws(AgoraToken\NoServiceException::class, fn () => $b->services(60));
    throws(MalformedTokenException::class, fn () => Token::parse('007!!not-base64!!'));
    throws(WrongVersionException::class, fn () => Token::parse('005abc'));
    $t = $b->rtm('alice', 60);
    throws(SignatureMismatchException::class, fn () => Token::verify($t, '0123456789abcdef0123456789abcdef'));
    $e = throws(SignatureMismatchException::class, fn () => Token::verify006(
        RtcTokenBuilder::buildTokenWithUid(APP_ID, CERT, 'demo', 1, 1, 0), CERT, 'other', '1'));
    eq('signature_mismatch', $e->kind);
});

test('idiomatic builders: fixed issue, services, parse fields', function () {
    $b = new TokenBuilder(APP_ID, CERT, issueTs: 1700000000, salt: 7);
    eq($b->rtcWithUid('demo', 42, RtcRole::Subscriber, 600), $b->rtcWithUid('demo', 42, 2, 600));
    $p = Token::verify($b->services(600, new Service(1, [1 => 0], channelName: 'demo', uid: '42'),
        new Service(7, [1 => 600], roomUuid: 'r', userUuid: 'u', role: 2)), CERT);
    eq([1700000000, 7, 600, 1700000600, null], [$p->issueTs, $p->salt, $p->expire, $p->expiresAt, $p->unknownServiceType]);
    eq(['rtc', 'apaas'], array_map(static fn ($s) => $s->typeName, $p->services));
    eq(['r', 'u', 2], [$p->services[1]->roomUuid, $p->services[1]->userUuid, $p->services[1]->role]);
    eq('join_channel', $p->services[0]->privileges[0]->name);
    $p = Token::parse((new TokenBuilder(APP_ID, CERT, salt: 5, ts: 1800000000))->rtc006WithUid('demo', 42, 1, 1750000000));
    eq([6, 5, 1800000000, 4], [$p->version, $p->salt, $p->ts, count($p->privileges)]);
    eq(1750000000, $p->privileges[0]->expire);
});

test('check: the report of agora_token_check', function () {
    $t = (new TokenBuilder(APP_ID, CERT, issueTs: 1700000000, salt: 7))->rtcWithUid('demo', 42, RtcRole::Subscriber, 600);
    $ok = Token::check($t, CERT, ['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42'], 1700000001);
    eq(true, $ok['allowed']);
    $r = Token::check($t, CERT, ['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42', 'publish' => ['audio']], 1700000001);
    eq(false, $r['allowed']);
    check(count($r['reasons']) > 0, 'a reason');
    eq(false, Token::check($t, CERT, ['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42'], 1700000601)['allowed']);
    eq(false, Token::check($t, '0123456789abcdef0123456789abcdef', ['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42'])['allowed']);
    throws(InvalidInputException::class, fn () => Token::check($t, CERT, ['service' => 'nope']));
    // now: 0 to 2^53 - 1 (token-core's rule past the PHP int's own sign).
    foreach ([-1, 2 ** 53] as $bad) {
        $e = throws(InvalidInputException::class, fn () => Token::check($t, CERT, ['service' => 'fpa'], $bad), "now $bad");
        check(str_starts_with($e->getMessage(), 'now: must be'), $e->getMessage());
    }
});

test('library lookup: a clear error naming AGORA_TOKEN_LIBRARY or ffi.enable', function () {
    $run = static function (array $env, string $ini): string {
        $code = 'require ' . var_export(realpath(__DIR__ . '/../autoload.php'), true) . ';'
            . 'try { AgoraToken\Token::parse("x"); } catch (AgoraToken\LibraryException $e) { echo "LibraryException: ", $e->getMessage(); }';
        $p = proc_open([PHP_BINARY, '-n', '-d', "ffi.enable=$ini", '-d', 'extension=ffi', '-r', $code], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes, null, $env + ['PATH' => getenv('PATH')]);
        $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        proc_close($p);
        return $out;
    };
    $out = $run(['AGORA_TOKEN_LIBRARY' => '/nonexistent/libagora_token.so'], '1');
    check(str_contains($out, 'LibraryException') && str_contains($out, 'AGORA_TOKEN_LIBRARY') && str_contains($out, '/nonexistent/'), $out);
    $out = $run([], '1');
    check(str_contains($out, 'LibraryException') && str_contains($out, 'AGORA_TOKEN_LIBRARY') && str_contains($out, 'libagora_token.so'), $out);
    $out = $run(['AGORA_TOKEN_LIBRARY' => (string) getenv('AGORA_TOKEN_LIBRARY')], '0');
    check(str_contains($out, 'LibraryException') && str_contains($out, 'ffi.enable=1'), $out);
});

test('cross-check: tokens made by PHP read back by npm agora-token@2.0.6', function () {
    $dir = getenv('AGORA_TOKEN_NPM_DIR');
    check(is_string($dir) && is_dir("$dir/node_modules/agora-token"), 'set AGORA_TOKEN_NPM_DIR to a folder with npm agora-token@2.0.6');
    $b = new TokenBuilder(APP_ID, CERT);
    $perm = [new Rtm2Permission(0, 1, ['news']), new Rtm2Permission(4, 0, ['bob'])];
    $tokens = [
        $b->rtcWithUid('demo', 42, RtcRole::Publisher, 3600, 600), $b->rtcWithAccount('demo', 'alice', RtcRole::Subscriber, 3600),
        $b->rtcWithUidAndPrivileges('demo', 42, 3600, 10, 20, 30, 40), $b->rtcWithRtm('demo', 'alice', 1, 3600),
        $b->rtcWithRtm2('demo', 'alice', 1, 3600, 1, 2, 3, 4, 'bob', 60), $b->rtm('alice', 60), $b->rtmWithPermissions('alice', $perm, 60),
        $b->chatUser('alice', 60), $b->chatApp(60), $b->fpa(), $b->apaasRoomUser('room', 'user', 1, 60), $b->apaasUser('user', 60),
        $b->apaasApp(60), $b->educationRoomUser('room', 'user', 2, 60),
        RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, 'demo', 0, RtcTokenBuilder2::ROLE_PUBLISHER, 3600, 3600),
        RtcTokenBuilder2::buildTokenWithRtm2(APP_ID, CERT, 'demo', 'alice', 2, 3600, 1, 2, 3, 4, 'bob', 60),
        RtmTokenBuilder2::buildToken(APP_ID, CERT, 'alice', 60), ChatTokenBuilder2::buildAppToken(APP_ID, CERT, 60),
        FpaTokenBuilder::buildToken(APP_ID, CERT), EducationTokenBuilder::buildAppToken(APP_ID, CERT, 60),
    ];
    $input = array_map(static fn ($t) => ['token' => $t, 'cert' => CERT], $tokens);
    $v006 = [[RtcTokenBuilder::buildTokenWithUid(APP_ID, CERT, 'demo', 42, 1, 1900000000), 'demo', 42],
        [RtcTokenBuilder::buildTokenWithUserAccount(APP_ID, CERT, 'demo', 'alice', 2, 0), 'demo', 'alice'],
        [(new TokenBuilder(APP_ID, CERT))->rtc006WithUid('demo', 0, 1, 1900000000), 'demo', 0],
        [RtmTokenBuilder::buildToken(APP_ID, CERT, 'alice', 1, 1900000000), 'alice', '']];
    foreach ($v006 as [$t, $channel, $uid]) {
        $input[] = ['token' => $t, 'cert' => CERT, 'app_id' => APP_ID, 'channel' => $channel, 'uid' => $uid];
    }
    $p = proc_open(['node', __DIR__ . '/official_check.js', $dir], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], json_encode($input));
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    eq(0, proc_close($p), "node: $err");
    $results = json_decode($out, true, 512, JSON_THROW_ON_ERROR);
    foreach ($input as $k => $c) {
        $r = $results[$k];
        check($r['ok'], "token $k: " . ($r['why'] ?? ''));
        $ours = Token::parse($c['token']);
        eq($ours->appId, $r['app_id'], "token $k");
        eq($ours->salt, $r['salt'], "token $k");
        if ($ours->version === 7) {
            eq([$ours->issueTs, $ours->expire], [$r['issue_ts'], $r['expire']], "token $k");
            $theirs = array_map(static fn ($s) => [$s['type'], array_map('intval', $s['privileges'])], $r['services']);
            $mine = array_map(static fn ($s) => [$s->type, array_combine(array_map(static fn ($p) => $p->id, $s->privileges),
                array_map(static fn ($p) => $p->expire, $s->privileges))], $ours->services);
            eq($mine, $theirs, "token $k services");
            foreach ($r['services'] as $j => $s) {
                $f = $s['fields'];
                $o = $ours->services[$j];
                foreach (['channel_name' => $o->channelName, 'uid' => $o->uid, 'user_id' => $o->userId,
                    'room_uuid' => $o->roomUuid, 'user_uuid' => $o->userUuid] as $key => $value) {
                    if (array_key_exists($key, $f)) {
                        eq($value, $f[$key], "token $k service $j $key");
                    }
                }
            }
        } else {
            eq($ours->ts, $r['ts'], "token $k");
            eq(array_map(static fn ($p) => $p->expire, $ours->privileges), array_values($r['privileges']), "token $k privileges");
        }
    }
    return count($input) . ' tokens';
});

// ---------------------------------------------------------------------------

$failed = 0;
$started = microtime(true);
foreach ($tests as $name => $fn) {
    try {
        $note = $fn();
        printf("ok    %s%s\n", $name, is_string($note) ? " ($note)" : '');
    } catch (Throwable $e) {
        $failed++;
        printf("FAIL  %s\n      %s\n      at %s:%d\n", $name, str_replace("\n", "\n      ", $e->getMessage()), $e->getFile(), $e->getLine());
    }
}
printf("%d tests, %d failed, %.1f s\n", count($tests), $failed, microtime(true) - $started);
exit($failed === 0 ? 0 : 1);
