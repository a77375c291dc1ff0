<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/**
 * Drop-in for Agora's PHP RtcTokenBuilder2 (AccessToken2 "007"): the same
 * global class name, constants and static methods, built by token-core.
 * Like the official class it returns "" for an app ID or certificate that is
 * not 32 hex characters and accepts any other input; a uid is packed as its
 * text, so uid 0 gives the uid "0" exactly as the official PHP does (the
 * other official packages pack ""; use AgoraToken\TokenBuilder for that).
 */
final class RtcTokenBuilder2
{
    const ROLE_PUBLISHER = 1;
    const ROLE_SUBSCRIBER = 2;

    /** RTC token for a uid; expires are seconds after now. */
    public static function buildTokenWithUid($appId, $appCertificate, $channelName, $uid, $role, $tokenExpire, $privilegeExpire = 0)
    {
        return self::buildTokenWithUserAccount($appId, $appCertificate, $channelName, $uid, $role, $tokenExpire, $privilegeExpire);
    }

    /** RTC token for a user account. */
    public static function buildTokenWithUserAccount($appId, $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtcWithAccount(
            DropIn::str('channelName', $channelName), DropIn::str('account', $account), DropIn::role007($role),
            DropIn::int('tokenExpire', $tokenExpire), DropIn::int('privilegeExpire', $privilegeExpire)));
    }

    /** RTC token for a uid with an expire per privilege. */
    public static function buildTokenWithUidAndPrivilege($appId, $appCertificate, $channelName, $uid, $tokenExpire,
        $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire)
    {
        return self::buildTokenWithUserAccountAndPrivilege($appId, $appCertificate, $channelName, $uid, $tokenExpire,
            $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire);
    }

    /** RTC token for a user account with an expire per privilege. */
    public static function buildTokenWithUserAccountAndPrivilege($appId, $appCertificate, $channelName, $account, $tokenExpire,
        $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtcWithAccountAndPrivileges(
            DropIn::str('channelName', $channelName), DropIn::str('account', $account), DropIn::int('tokenExpire', $tokenExpire),
            DropIn::int('joinChannelPrivilegeExpire', $joinChannelPrivilegeExpire),
            DropIn::int('pubAudioPrivilegeExpire', $pubAudioPrivilegeExpire),
            DropIn::int('pubVideoPrivilegeExpire', $pubVideoPrivilegeExpire),
            DropIn::int('pubDataStreamPrivilegeExpire', $pubDataStreamPrivilegeExpire)));
    }

    /** RTC token plus RTM login for the same account (RTM expire: $tokenExpire). */
    public static function buildTokenWithRtm($appId, $appCertificate, $channelName, $account, $role, $tokenExpire, $privilegeExpire = 0)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtcWithRtm(
            DropIn::str('channelName', $channelName), DropIn::str('account', $account), DropIn::role007($role),
            DropIn::int('tokenExpire', $tokenExpire), DropIn::int('privilegeExpire', $privilegeExpire)));
    }

    /** RTC token with an expire per privilege plus RTM login for another user ID. */
    public static function buildTokenWithRtm2($appId, $appCertificate, $channelName, $rtcAccount, $rtcRole, $rtcTokenExpire,
        $joinChannelPrivilegeExpire, $pubAudioPrivilegeExpire, $pubVideoPrivilegeExpire, $pubDataStreamPrivilegeExpire,
        $rtmUserId, $rtmTokenExpire)
    {
        return DropIn::token007(fn () => DropIn::builder($appId, $appCertificate)->rtcWithRtm2(
            DropIn::str('channelName', $channelName), DropIn::str('rtcAccount', $rtcAccount), DropIn::role007($rtcRole),
            DropIn::int('rtcTokenExpire', $rtcTokenExpire), DropIn::int('joinChannelPrivilegeExpire', $joinChannelPrivilegeExpire),
            DropIn::int('pubAudioPrivilegeExpire', $pubAudioPrivilegeExpire),
            DropIn::int('pubVideoPrivilegeExpire', $pubVideoPrivilegeExpire),
            DropIn::int('pubDataStreamPrivilegeExpire', $pubDataStreamPrivilegeExpire),
            DropIn::str('rtmUserId', $rtmUserId), DropIn::int('rtmTokenExpire', $rtmTokenExpire)));
    }
}
