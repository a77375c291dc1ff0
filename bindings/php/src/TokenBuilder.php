<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;
use FFI\CData;

/**
 * Builds tokens for one app: every product builder of token-core, checked
 * (a bad input throws an InvalidInputException naming the field and the
 * rule). Expires of 007 tokens are seconds after the issue time; those of
 * 006 tokens are timestamps.
 *
 * ```php
 * $builder = new AgoraToken\TokenBuilder($appId, $appCertificate);
 * $token = $builder->rtcWithUid('demo', 42, AgoraToken\RtcRole::Publisher, 3600);
 * ```
 */
final class TokenBuilder
{
    /** AGORA_TOKEN_OPTION_FIXED_ISSUE. */
    private const FIXED_ISSUE = 1;
    /** AGORA_TOKEN_OPTION_LENIENT. */
    private const LENIENT = 2;

    private readonly ?CData $options;

    /**
     * @param ?int $issueTs 007: a fixed issue time (with $salt: reproducible tokens); null: now
     * @param ?int $salt a fixed salt (007 and 006); null: random from the OS
     * @param ?int $ts 006: a fixed token expiry timestamp; null: now + 24 h
     * @param bool $lenient accept what the official builders accept (only the app ID and certificate are checked)
     */
    public function __construct(
        private readonly string $appId,
        #[\SensitiveParameter] private readonly string $appCertificate,
        ?int $issueTs = null,
        ?int $salt = null,
        ?int $ts = null,
        bool $lenient = false,
    ) {
        $fixed = $issueTs !== null || $salt !== null || $ts !== null;
        if (!$fixed && !$lenient) {
            $this->options = null;
            return;
        }
        $options = Native::ffi()->new('AgoraTokenOptions');
        $options->flags = ($fixed ? self::FIXED_ISSUE : 0) | ($lenient ? self::LENIENT : 0);
        $options->issue_ts = Call::u32('issue_ts', $issueTs ?? 0);
        $options->salt = Call::u32('salt', $salt ?? 0);
        $options->ts = Call::u32('ts', $ts ?? 0);
        $this->options = $options;
    }

    /** Keeps the certificate out of var_dump and print_r. */
    public function __debugInfo(): array
    {
        return ['appId' => $this->appId, 'appCertificate' => '(hidden)'];
    }

    /** RTC token for a uid (0: any user); `BuildTokenWithUid`. */
    public function rtcWithUid(string $channelName, int $uid, RtcRole|int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return $this->build('agora_token_rtc_build_with_uid', Call::str('channel_name', $channelName), Call::u32('uid', $uid),
            self::role($role), Call::u32('token_expire', $tokenExpire), Call::u32('privilege_expire', $privilegeExpire));
    }

    /** RTC token for a user account; `BuildTokenWithUserAccount`. */
    public function rtcWithAccount(string $channelName, string $account, RtcRole|int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return $this->build('agora_token_rtc_build_with_user_account', Call::str('channel_name', $channelName),
            Call::str('account', $account), self::role($role), Call::u32('token_expire', $tokenExpire),
            Call::u32('privilege_expire', $privilegeExpire));
    }

    /** RTC token for a uid with an expire per privilege; `BuildTokenWithUidAndPrivilege`. */
    public function rtcWithUidAndPrivileges(string $channelName, int $uid, int $tokenExpire, int $joinChannelPrivilegeExpire,
        int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire): string
    {
        return $this->build('agora_token_rtc_build_with_uid_and_privilege', Call::str('channel_name', $channelName),
            Call::u32('uid', $uid), Call::u32('token_expire', $tokenExpire),
            ...self::privileges($joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire));
    }

    /** RTC token for an account with an expire per privilege; `BuildTokenWithUserAccountAndPrivilege`. */
    public function rtcWithAccountAndPrivileges(string $channelName, string $account, int $tokenExpire, int $joinChannelPrivilegeExpire,
        int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire, int $pubDataStreamPrivilegeExpire): string
    {
        return $this->build('agora_token_rtc_build_with_user_account_and_privilege', Call::str('channel_name', $channelName),
            Call::str('account', $account), Call::u32('token_expire', $tokenExpire),
            ...self::privileges($joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire));
    }

    /** RTC and RTM login for one account; `BuildTokenWithRtm`. */
    public function rtcWithRtm(string $channelName, string $account, RtcRole|int $role, int $tokenExpire, int $privilegeExpire = 0): string
    {
        return $this->build('agora_token_rtc_build_with_rtm', Call::str('channel_name', $channelName), Call::str('account', $account),
            self::role($role), Call::u32('token_expire', $tokenExpire), Call::u32('privilege_expire', $privilegeExpire));
    }

    /** RTC with per-privilege expires plus RTM login for another user ID; `BuildTokenWithRtm2`. */
    public function rtcWithRtm2(string $channelName, string $rtcAccount, RtcRole|int $rtcRole, int $rtcTokenExpire,
        int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire,
        int $pubDataStreamPrivilegeExpire, string $rtmUserId, int $rtmTokenExpire): string
    {
        return $this->rtcRtm('agora_token_rtc_build_with_rtm2', func_get_args());
    }

    /** ConvoAI token (arguments as rtcWithRtm2); `ConvoAITokenBuilder.buildToken`. */
    public function convoai(string $channelName, string $rtcAccount, RtcRole|int $rtcRole, int $rtcTokenExpire,
        int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire,
        int $pubDataStreamPrivilegeExpire, string $rtmUserId, int $rtmTokenExpire): string
    {
        return $this->rtcRtm('agora_token_convoai_build', func_get_args());
    }

    /** Speech-to-text token (arguments as rtcWithRtm2); `SttTokenBuilder.buildToken`. */
    public function stt(string $channelName, string $rtcAccount, RtcRole|int $rtcRole, int $rtcTokenExpire,
        int $joinChannelPrivilegeExpire, int $pubAudioPrivilegeExpire, int $pubVideoPrivilegeExpire,
        int $pubDataStreamPrivilegeExpire, string $rtmUserId, int $rtmTokenExpire): string
    {
        return $this->rtcRtm('agora_token_stt_build', func_get_args());
    }

    /** RTM login token; `RtmTokenBuilder2::buildToken`. */
    public function rtm(string $userId, int $expire): string
    {
        return $this->build('agora_token_rtm_build', Call::str('user_id', $userId), Call::u32('expire', $expire));
    }

    /**
     * RTM 2.x token with resource permissions (applied in order, a later
     * entry for the same pair replacing an earlier one).
     *
     * @param list<Rtm2Permission> $permissions
     */
    public function rtmWithPermissions(string $userId, array $permissions, int $expire): string
    {
        $keep = [];
        $array = Rtm2Permission::toC($permissions, $keep);
        return $this->build('agora_token_rtm_build_with_permissions', Call::str('user_id', $userId), $array, count($permissions),
            Call::u32('expire', $expire));
    }

    /** Chat user token; `ChatTokenBuilder2::buildUserToken`. */
    public function chatUser(string $userId, int $expire): string
    {
        return $this->build('agora_token_chat_build_user_token', Call::str('user_id', $userId), Call::u32('expire', $expire));
    }

    /** Chat app token; `ChatTokenBuilder2::buildAppToken`. */
    public function chatApp(int $expire): string
    {
        return $this->build('agora_token_chat_build_app_token', Call::u32('expire', $expire));
    }

    /** FPA login token, valid 24 hours; `FpaTokenBuilder::buildToken`. */
    public function fpa(): string
    {
        return $this->build('agora_token_fpa_build');
    }

    /** APaaS room-user token (APaaS, RTM and Chat services); `ApaasTokenBuilder::buildRoomUserToken`. */
    public function apaasRoomUser(string $roomUuid, string $userUuid, int $role, int $expire): string
    {
        return $this->build('agora_token_apaas_build_room_user_token', Call::str('room_uuid', $roomUuid),
            Call::str('user_uuid', $userUuid), Call::i16('role', $role), Call::u32('expire', $expire));
    }

    /** APaaS user token; `ApaasTokenBuilder::buildUserToken`. */
    public function apaasUser(string $userUuid, int $expire): string
    {
        return $this->build('agora_token_apaas_build_user_token', Call::str('user_uuid', $userUuid), Call::u32('expire', $expire));
    }

    /** APaaS app token; `ApaasTokenBuilder::buildAppToken`. */
    public function apaasApp(int $expire): string
    {
        return $this->build('agora_token_apaas_build_app_token', Call::u32('expire', $expire));
    }

    /** Education room-user token; `EducationTokenBuilder::buildRoomUserToken`. */
    public function educationRoomUser(string $roomUuid, string $userUuid, int $role, int $expire): string
    {
        return $this->build('agora_token_education_build_room_user_token', Call::str('room_uuid', $roomUuid),
            Call::str('user_uuid', $userUuid), Call::i16('role', $role), Call::u32('expire', $expire));
    }

    /** Education user token; `EducationTokenBuilder::buildUserToken`. */
    public function educationUser(string $userUuid, int $expire): string
    {
        return $this->build('agora_token_education_build_user_token', Call::str('user_uuid', $userUuid), Call::u32('expire', $expire));
    }

    /** Education app token; `EducationTokenBuilder::buildAppToken`. */
    public function educationApp(int $expire): string
    {
        return $this->build('agora_token_education_build_app_token', Call::u32('expire', $expire));
    }

    /**
     * A 007 token from explicit services (any type, packed sorted by type),
     * valid $expire seconds; only the app ID, certificate and at least one
     * service are checked.
     */
    public function services(int $expire, Service ...$services): string
    {
        $keep = [];
        $array = Call::array('AgoraTokenService', count($services), function (CData $a) use ($services, &$keep) {
            foreach ($services as $k => $s) {
                $s->fill($a[$k], $keep);
            }
        });
        return $this->build('agora_token_v007_build', Call::u32('expire', $expire), $array, count($services));
    }

    /**
     * 006 RTC token for a uid; `RtcTokenBuilder::buildTokenWithUid`. $role:
     * 0 attendee, 1 publisher, 2 subscriber, 101 admin;
     * $privilegeExpiredTs a timestamp (0: none).
     */
    public function rtc006WithUid(string $channelName, int $uid, int $role, int $privilegeExpiredTs): string
    {
        return $this->build('agora_token_v006_rtc_build_with_uid', Call::str('channel_name', $channelName), Call::u32('uid', $uid),
            Call::i32('role', $role), Call::u32('privilege_expired_ts', $privilegeExpiredTs));
    }

    /** 006 RTC token for an account; `RtcTokenBuilder::buildTokenWithUserAccount`. */
    public function rtc006WithAccount(string $channelName, string $account, int $role, int $privilegeExpiredTs): string
    {
        return $this->build('agora_token_v006_rtc_build_with_user_account', Call::str('channel_name', $channelName),
            Call::str('account', $account), Call::i32('role', $role), Call::u32('privilege_expired_ts', $privilegeExpiredTs));
    }

    /** 006 RTM login token; `RtmTokenBuilder::buildToken`. */
    public function rtm006(string $userAccount, int $privilegeExpiredTs): string
    {
        return $this->build('agora_token_v006_rtm_build', Call::str('user_account', $userAccount),
            Call::u32('privilege_expired_ts', $privilegeExpiredTs));
    }

    private function build(string $fn, mixed ...$args): string
    {
        $options = $this->options === null ? null : FFI::addr($this->options);
        return Call::string($fn, Call::str('app_id', $this->appId), Call::str('app_certificate', $this->appCertificate),
            ...[...$args, $options]);
    }

    /** @param list<mixed> $a the arguments of rtcWithRtm2 */
    private function rtcRtm(string $fn, array $a): string
    {
        return $this->build($fn, Call::str('channel_name', $a[0]), Call::str('rtc_account', $a[1]), self::role($a[2]),
            Call::u32('rtc_token_expire', $a[3]), ...[...self::privileges($a[4], $a[5], $a[6], $a[7]),
            Call::str('rtm_user_id', $a[8]), Call::u32('rtm_token_expire', $a[9])]);
    }

    private static function role(RtcRole|int $role): int
    {
        return $role instanceof RtcRole ? $role->value : Call::i32('role', $role);
    }

    /** @return list<int> */
    private static function privileges(int $join, int $audio, int $video, int $data): array
    {
        return [Call::u32('join_channel_privilege_expire', $join), Call::u32('pub_audio_privilege_expire', $audio),
            Call::u32('pub_video_privilege_expire', $video), Call::u32('pub_data_stream_privilege_expire', $data)];
    }
}
