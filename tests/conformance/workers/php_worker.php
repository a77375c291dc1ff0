<?php

/*
 * The PHP surface of scripts/test-conformance: the idiomatic API
 * (AgoraToken\TokenBuilder, checked, pinned to the case's issue ts and salt)
 * and the drop-in classes (Agora's global PHP names; not pinned, re-pinned by
 * the driver). bindings/php/tests/run.php runs the same calls.
 *
 *   php php_worker.php < requests.jsonl
 *
 * Reads {"id", "api": "idiomatic"|"dropin", "builder", "inputs", "token"};
 * writes {"id", "offered": false, "reason"},
 * {"id", "offered": true, "ok": true, "token", "pinned"[, "value"]} or
 * {"id", "offered": true, "ok": false, "kind", "message"} (the
 * AgoraToken\TokenException's kind).
 */

declare(strict_types=1);

require_once __DIR__ . '/../../../bindings/php/autoload.php';

use AgoraToken\Rtm2Permission;
use AgoraToken\Service;
use AgoraToken\Token;
use AgoraToken\TokenBuilder;
use AgoraToken\TokenException;

final class PhpWorkerNotOffered extends Exception
{
}

/** The reply to one request. */
function php_worker_run(array $req): array
{
    $b = $req['builder'];
    $i = $req['inputs'];
    try {
        if (preg_match('/^(dk3|dk4|dk5|signaling)\./', $b)) {
            throw new PhpWorkerNotOffered('the PHP binding has no legacy DynamicKey/Signaling builders');
        }
        if ($req['api'] === 'idiomatic') {
            return ['offered' => true, 'ok' => true, 'token' => php_worker_idiomatic($b, $i, $req['token'] ?? ''), 'pinned' => true];
        }
        $value = php_worker_dropin($b, $i);
        return ['offered' => true, 'ok' => true, 'token' => $value, 'pinned' => false];
    } catch (PhpWorkerNotOffered $e) {
        return ['offered' => false, 'reason' => $e->getMessage()];
    } catch (TokenException $e) {
        return ['offered' => true, 'ok' => false, 'kind' => $e->kind, 'message' => $e->getMessage()];
    }
}

function php_worker_role(mixed $role): int
{
    if (!is_int($role)) {
        throw new PhpWorkerNotOffered('the role is an AgoraToken\RtcRole or an int');
    }
    return $role;
}

/** @return list<Rtm2Permission> */
function php_worker_permissions(array $list): array
{
    return array_map(static function (array $p): Rtm2Permission {
        if (!is_int($p['resource_type']) || !is_int($p['permission_type'])) {
            throw new PhpWorkerNotOffered('Rtm2Permission takes resource and permission type numbers');
        }
        return new Rtm2Permission($p['resource_type'], $p['permission_type'], $p['resources']);
    }, $list);
}

/** The RTC user of rtc_uid/rtc_account as the text rtcWithRtm2 takes (uid 0: any user, ""). */
function php_worker_rtc_account(array $i): string
{
    return array_key_exists('rtc_uid', $i) ? ($i['rtc_uid'] === 0 ? '' : (string) $i['rtc_uid']) : $i['rtc_account'];
}

function php_worker_idiomatic(string $b, array $i, string $token): string
{
    if ($b === 'parse') {
        Token::parse($token);
        return '';
    }
    if ($b === 'verify') {
        if (str_starts_with($token, '006')) {
            $uid = array_key_exists('uid', $i) ? ($i['uid'] === 0 ? '' : (string) $i['uid']) : $i['account'];
            Token::verify006($token, $i['app_certificate'], $i['channel_name'], $uid);
        } else {
            Token::verify($token, $i['app_certificate']);
        }
        return '';
    }
    $v006 = str_starts_with($b, 'rtc006.') || $b === 'rtm006.token';
    $t = $v006
        ? new TokenBuilder($i['app_id'], $i['app_certificate'], salt: $i['salt'], ts: $i['ts'])
        : new TokenBuilder($i['app_id'], $i['app_certificate'], issueTs: $i['issue_ts'], salt: $i['salt']);
    $rtm2 = static fn (string $method) => $t->$method($i['channel_name'], php_worker_rtc_account($i), php_worker_role($i['rtc_role']),
        $i['rtc_token_expire'], $i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
        $i['pub_data_stream_privilege_expire'], $i['rtm_user_id'], $i['rtm_token_expire']);
    return match ($b) {
        'rtc.with_uid' => $t->rtcWithUid($i['channel_name'], $i['uid'], php_worker_role($i['role']), $i['token_expire'], $i['privilege_expire']),
        'rtc.with_user_account' => $t->rtcWithAccount($i['channel_name'], $i['account'], php_worker_role($i['role']), $i['token_expire'],
            $i['privilege_expire']),
        'rtc.with_uid_and_privilege' => $t->rtcWithUidAndPrivileges($i['channel_name'], $i['uid'], $i['token_expire'],
            $i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
            $i['pub_data_stream_privilege_expire']),
        'rtc.with_user_account_and_privilege' => $t->rtcWithAccountAndPrivileges($i['channel_name'], $i['account'], $i['token_expire'],
            $i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
            $i['pub_data_stream_privilege_expire']),
        'rtc.with_rtm' => $t->rtcWithRtm($i['channel_name'], $i['account'], php_worker_role($i['role']), $i['token_expire'], $i['privilege_expire']),
        'rtc.with_rtm2' => $rtm2('rtcWithRtm2'),
        'convoai.token' => $rtm2('convoai'),
        'stt.token' => $rtm2('stt'),
        'rtm.token' => $t->rtm($i['user_id'], $i['expire']),
        'rtm.token_with_permissions' => $t->rtmWithPermissions($i['user_id'], php_worker_permissions($i['permissions']), $i['expire']),
        'chat.user' => $t->chatUser($i['user_id'], $i['expire']),
        'chat.app' => $t->chatApp($i['expire']),
        'fpa.token' => $t->fpa(),
        'apaas.room_user' => $t->apaasRoomUser($i['room_uuid'], $i['user_uuid'], $i['role'], $i['expire']),
        'apaas.user' => $t->apaasUser($i['user_uuid'], $i['expire']),
        'apaas.app' => $t->apaasApp($i['expire']),
        'education.room_user' => $t->educationRoomUser($i['room_uuid'], $i['user_uuid'], $i['role'], $i['expire']),
        'education.user' => $t->educationUser($i['user_uuid'], $i['expire']),
        'education.app' => $t->educationApp($i['expire']),
        'access_token2.services' => $t->services($i['expire'], ...array_map(static fn (array $s) => new Service(
            $s['type'], array_map('intval', $s['privileges'] ?? []), $s['channel_name'] ?? '', $s['uid'] ?? '', $s['user_id'] ?? '',
            $s['account'] ?? '', $s['room_uuid'] ?? '', $s['user_uuid'] ?? '', $s['role'] ?? -1,
            php_worker_permissions($s['permissions'] ?? [])), $i['services'])),
        'rtc006.with_uid' => $t->rtc006WithUid($i['channel_name'], $i['uid'], $i['role'], $i['privilege_expired_ts']),
        'rtc006.with_user_account' => $t->rtc006WithAccount($i['channel_name'], $i['account'], $i['role'], $i['privilege_expired_ts']),
        'rtm006.token' => $t->rtm006($i['user_account'], $i['privilege_expired_ts']),
        default => throw new PhpWorkerNotOffered("no AgoraToken call for $b"),
    };
}

function php_worker_dropin(string $b, array $i): string
{
    if ($b === 'parse' || $b === 'verify' || $b === 'access_token2.services') {
        throw new PhpWorkerNotOffered('the PHP drop-ins are the official builder classes (no AccessToken2 class)');
    }
    // The official PHP packs the RTC uid as its text, uid 0 as "0" where the
    // official Node/Python/Go packages (the vectors) pack "": pinned in
    // bindings/php/tests/run.php instead.
    if (($i['uid'] ?? null) === 0 && str_starts_with($b, 'rtc.') || ($i['rtc_uid'] ?? null) === 0) {
        throw new PhpWorkerNotOffered('the official PHP RtcTokenBuilder2 packs uid 0 as "0" (the vectors: ""); pinned in bindings/php/tests');
    }
    [$id, $cert] = [$i['app_id'], $i['app_certificate']];
    $user = $i['uid'] ?? $i['account'] ?? null;
    $privileges = static fn () => [$i['join_channel_privilege_expire'], $i['pub_audio_privilege_expire'], $i['pub_video_privilege_expire'],
        $i['pub_data_stream_privilege_expire']];
    return match ($b) {
        'rtc.with_uid' => RtcTokenBuilder2::buildTokenWithUid($id, $cert, $i['channel_name'], $i['uid'], $i['role'], $i['token_expire'],
            $i['privilege_expire']),
        'rtc.with_user_account' => RtcTokenBuilder2::buildTokenWithUserAccount($id, $cert, $i['channel_name'], $i['account'], $i['role'],
            $i['token_expire'], $i['privilege_expire']),
        'rtc.with_uid_and_privilege' => RtcTokenBuilder2::buildTokenWithUidAndPrivilege($id, $cert, $i['channel_name'], $i['uid'],
            $i['token_expire'], ...$privileges()),
        'rtc.with_user_account_and_privilege' => RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege($id, $cert, $i['channel_name'],
            $i['account'], $i['token_expire'], ...$privileges()),
        'rtc.with_rtm' => RtcTokenBuilder2::buildTokenWithRtm($id, $cert, $i['channel_name'], $i['account'], $i['role'], $i['token_expire'],
            $i['privilege_expire']),
        'rtc.with_rtm2' => RtcTokenBuilder2::buildTokenWithRtm2($id, $cert, $i['channel_name'], php_worker_rtc_account($i), $i['rtc_role'],
            $i['rtc_token_expire'], ...[...$privileges(), $i['rtm_user_id'], $i['rtm_token_expire']]),
        'rtm.token' => RtmTokenBuilder2::buildToken($id, $cert, $i['user_id'], $i['expire']),
        'rtm.token_with_permissions' => RtmTokenBuilder2::buildTokenWithPermissions($id, $cert, $i['user_id'],
            php_worker_rtm2_permissions($i['permissions']), $i['expire']),
        'chat.user' => ChatTokenBuilder2::buildUserToken($id, $cert, $i['user_id'], $i['expire']),
        'chat.app' => ChatTokenBuilder2::buildAppToken($id, $cert, $i['expire']),
        'fpa.token' => FpaTokenBuilder::buildToken($id, $cert),
        'apaas.room_user' => ApaasTokenBuilder::buildRoomUserToken($id, $cert, $i['room_uuid'], $i['user_uuid'], $i['role'], $i['expire']),
        'apaas.user' => ApaasTokenBuilder::buildUserToken($id, $cert, $i['user_uuid'], $i['expire']),
        'apaas.app' => ApaasTokenBuilder::buildAppToken($id, $cert, $i['expire']),
        'education.room_user' => EducationTokenBuilder::buildRoomUserToken($id, $cert, $i['room_uuid'], $i['user_uuid'], $i['role'],
            $i['expire']),
        'education.user' => EducationTokenBuilder::buildUserToken($id, $cert, $i['user_uuid'], $i['expire']),
        'education.app' => EducationTokenBuilder::buildAppToken($id, $cert, $i['expire']),
        'rtc006.with_uid' => RtcTokenBuilder::buildTokenWithUid($id, $cert, $i['channel_name'], $i['uid'], $i['role'],
            $i['privilege_expired_ts']),
        'rtc006.with_user_account' => RtcTokenBuilder::buildTokenWithUserAccount($id, $cert, $i['channel_name'], $user, $i['role'],
            $i['privilege_expired_ts']),
        'rtm006.token' => RtmTokenBuilder::buildToken($id, $cert, $i['user_account'], RtmTokenBuilder::RoleRtmUser, $i['privilege_expired_ts']),
        default => throw new PhpWorkerNotOffered("the official PHP classes have no builder for $b"),
    };
}

function php_worker_rtm2_permissions(array $list): Rtm2Permissions
{
    $p = new Rtm2Permissions();
    foreach ($list as $e) {
        $p->add($e['resource_type'], $e['permission_type'], $e['resources']);
    }
    return $p;
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    while (($line = fgets(STDIN)) !== false) {
        if (trim($line) === '') {
            continue;
        }
        $req = json_decode($line, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        $out = ['id' => $req['id']] + php_worker_run($req);
        echo json_encode($out, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES), "\n";
    }
}
