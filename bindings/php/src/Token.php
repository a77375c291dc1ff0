<?php

declare(strict_types=1);

namespace AgoraToken;

/**
 * Reading tokens: parse (no signature check), verify (signature), check
 * (would Agora admit this client?).
 */
final class Token
{
    /** Parses a 007 or 006 token (chosen by its prefix) without checking its signature. */
    public static function parse(string $token): ParsedToken
    {
        return Call::parsed('agora_token_parse_struct', Call::str('token', $token));
    }

    /**
     * Checks a 007 token's signature against the certificate and returns it
     * parsed; a SignatureMismatchException when it does not match. Expiry is
     * not checked (see check()).
     */
    public static function verify(string $token, #[\SensitiveParameter] string $appCertificate): ParsedToken
    {
        return Call::parsed('agora_token_v007_verify_struct', Call::str('token', $token),
            Call::str('app_certificate', $appCertificate));
    }

    /**
     * Checks a 006 token against the certificate, channel name and uid
     * ($uid: the uid as decimal text or the account, '' for uid 0; for an
     * RTM token the user account as $channelName and '' as $uid).
     */
    public static function verify006(string $token, #[\SensitiveParameter] string $appCertificate, string $channelName, string $uid): ParsedToken
    {
        return Call::parsed('agora_token_v006_verify_struct', Call::str('token', $token),
            Call::str('app_certificate', $appCertificate), Call::str('channel_name', $channelName), Call::str('uid', $uid));
    }

    /**
     * Would Agora admit this client with this token at $now (Unix seconds,
     * 0: the current time)? $request describes the client, e.g.
     * `['service' => 'rtc', 'channel_name' => 'demo', 'uid' => '42', 'publish' => ['audio']]`.
     * Returns the report: `allowed`, `reasons` (`code`, `message`),
     * `privileges`, `expires_at`, ... (docs/guide/parameters.md). A bad or
     * expired token is a denial in the report, not an exception; a malformed
     * certificate or request throws an InvalidInputException.
     *
     * @param array<string, mixed> $request
     * @return array<string, mixed>
     */
    public static function check(string $token, #[\SensitiveParameter] string $appCertificate, array $request, int $now = 0): array
    {
        $json = json_encode((object) $request, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        if ($now < 0) {
            throw Errors::invalidInput("now: must be 0 or more, a C uint64 (got $now)");
        }
        $report = Call::string('agora_token_check', Call::str('token', $token), Call::str('app_certificate', $appCertificate),
            $json, $now);
        return json_decode($report, true, 512, JSON_THROW_ON_ERROR);
    }
}
