<?php

declare(strict_types=1);

use AgoraToken\DropIn;

/**
 * Drop-in for Agora's PHP RtcTokenBuilder (AccessToken "006"). The token
 * expires 24 hours after now; $privilegeExpireTs is a timestamp (0: none).
 * Where the official class echoes "... check failed" and then fails with an
 * Error (an empty app ID, certificate or channel name), or builds a token
 * from an app ID that is not 32 hex characters, this one throws an
 * AgoraToken\InvalidInputException naming the field.
 */
final class RtcTokenBuilder
{
    const RoleAttendee = 0;
    const RolePublisher = 1;
    const RoleSubscriber = 2;
    const RoleAdmin = 101;

    /** 006 RTC token for a uid (the integer 0: any user). */
    public static function buildTokenWithUid($appID, $appCertificate, $channelName, $uid, $role, $privilegeExpireTs)
    {
        return self::buildTokenWithUserAccount($appID, $appCertificate, $channelName, DropIn::uid006($uid), $role, $privilegeExpireTs);
    }

    /** 006 RTC token for a user account. */
    public static function buildTokenWithUserAccount($appID, $appCertificate, $channelName, $userAccount, $role, $privilegeExpireTs)
    {
        return DropIn::builder($appID, $appCertificate)->rtc006WithAccount(DropIn::str('channelName', $channelName),
            DropIn::uid006($userAccount), DropIn::role006($role), DropIn::int('privilegeExpireTs', $privilegeExpireTs));
    }
}
