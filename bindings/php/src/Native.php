<?php

declare(strict_types=1);

namespace AgoraToken;

use FFI;

/**
 * The one place that declares libagora_token's C functions (a subset of
 * include/agora_token.h, copied verbatim without comments; tests/run.php
 * checks every declaration against the header) and loads the library.
 *
 * The library is `AGORA_TOKEN_LIBRARY` (a path to libagora_token.so) when that
 * environment variable is set, else `libagora_token.so` found by the dynamic
 * loader (a prefix installed by scripts/install-c, via ldconfig or
 * LD_LIBRARY_PATH).
 *
 * @internal Use TokenBuilder, Token and the drop-in classes.
 */
final class Native
{
    /** The C declarations handed to FFI::cdef. */
    public const CDEF = <<<'C'
typedef enum AgoraTokenStatus {
    AGORA_TOKEN_STATUS_OK = 0,
    AGORA_TOKEN_STATUS_NULL_POINTER = 1,
    AGORA_TOKEN_STATUS_INVALID_UTF8 = 2,
    AGORA_TOKEN_STATUS_INVALID_INPUT = 3,
    AGORA_TOKEN_STATUS_NO_SERVICE = 4,
    AGORA_TOKEN_STATUS_WRONG_VERSION = 5,
    AGORA_TOKEN_STATUS_MALFORMED = 6,
    AGORA_TOKEN_STATUS_SIGNATURE_MISMATCH = 7,
    AGORA_TOKEN_STATUS_INTERNAL = 8,
} AgoraTokenStatus;
typedef struct AgoraTokenOptions {
    uint32_t flags;
    uint32_t issue_ts;
    uint32_t salt;
    uint32_t ts;
} AgoraTokenOptions;
typedef struct AgoraTokenPrivilege {
    uint16_t id;
    uint32_t expire;
} AgoraTokenPrivilege;
typedef struct AgoraTokenRtm2Permission {
    uint16_t resource_type;
    uint16_t permission_type;
    const char *const *resources;
    size_t resource_count;
} AgoraTokenRtm2Permission;
typedef struct AgoraTokenService {
    uint16_t service_type;
    const struct AgoraTokenPrivilege *privileges;
    size_t privilege_count;
    const char *channel_name;
    const char *uid;
    const char *user_id;
    const char *account;
    const char *room_uuid;
    const char *user_uuid;
    int16_t role;
    const struct AgoraTokenRtm2Permission *permissions;
    size_t permission_count;
} AgoraTokenService;
typedef struct AgoraTokenParsedPrivilege {
    uint16_t id;
    uint32_t expire;
    uint64_t expires_at;
    const char *name;
} AgoraTokenParsedPrivilege;
typedef struct AgoraTokenParsedService {
    uint16_t service_type;
    const char *type_name;
    const struct AgoraTokenParsedPrivilege *privileges;
    size_t privilege_count;
    const char *channel_name;
    const char *uid;
    const char *user_id;
    const char *account;
    const char *room_uuid;
    const char *user_uuid;
    int16_t role;
    const struct AgoraTokenRtm2Permission *permissions;
    size_t permission_count;
} AgoraTokenParsedService;
typedef struct AgoraTokenParsed {
    uint32_t version;
    const char *app_id;
    uint32_t salt;
    uint64_t expires_at;
    uint32_t issue_ts;
    uint32_t expire;
    const struct AgoraTokenParsedService *services;
    size_t service_count;
    int32_t unknown_service_type;
    uint32_t ts;
    uint32_t crc_channel_name;
    uint32_t crc_uid;
    const struct AgoraTokenParsedPrivilege *privileges;
    size_t privilege_count;
} AgoraTokenParsed;
enum AgoraTokenStatus agora_token_check(const char *token, const char *app_certificate, const char *request_json, uint64_t now, char **out_report_json, char **out_error);
const char *agora_token_status_name(int32_t status);
void agora_token_string_free(char *s);
enum AgoraTokenStatus agora_token_rtc_build_with_uid(const char *app_id, const char *app_certificate, const char *channel_name, uint32_t uid, int32_t role, uint32_t token_expire, uint32_t privilege_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtc_build_with_user_account(const char *app_id, const char *app_certificate, const char *channel_name, const char *account, int32_t role, uint32_t token_expire, uint32_t privilege_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtc_build_with_uid_and_privilege(const char *app_id, const char *app_certificate, const char *channel_name, uint32_t uid, uint32_t token_expire, uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtc_build_with_user_account_and_privilege(const char *app_id, const char *app_certificate, const char *channel_name, const char *account, uint32_t token_expire, uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtc_build_with_rtm(const char *app_id, const char *app_certificate, const char *channel_name, const char *account, int32_t role, uint32_t token_expire, uint32_t privilege_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtc_build_with_rtm2(const char *app_id, const char *app_certificate, const char *channel_name, const char *rtc_account, int32_t rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const char *rtm_user_id, uint32_t rtm_token_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_convoai_build(const char *app_id, const char *app_certificate, const char *channel_name, const char *rtc_account, int32_t rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const char *rtm_user_id, uint32_t rtm_token_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_stt_build(const char *app_id, const char *app_certificate, const char *channel_name, const char *rtc_account, int32_t rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire, uint32_t pub_data_stream_privilege_expire, const char *rtm_user_id, uint32_t rtm_token_expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtm_build(const char *app_id, const char *app_certificate, const char *user_id, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_rtm_build_with_permissions(const char *app_id, const char *app_certificate, const char *user_id, const struct AgoraTokenRtm2Permission *permissions, size_t permission_count, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_chat_build_user_token(const char *app_id, const char *app_certificate, const char *user_id, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_chat_build_app_token(const char *app_id, const char *app_certificate, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_fpa_build(const char *app_id, const char *app_certificate, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_apaas_build_room_user_token(const char *app_id, const char *app_certificate, const char *room_uuid, const char *user_uuid, int16_t role, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_apaas_build_user_token(const char *app_id, const char *app_certificate, const char *user_uuid, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_apaas_build_app_token(const char *app_id, const char *app_certificate, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_education_build_room_user_token(const char *app_id, const char *app_certificate, const char *room_uuid, const char *user_uuid, int16_t role, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_education_build_user_token(const char *app_id, const char *app_certificate, const char *user_uuid, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_education_build_app_token(const char *app_id, const char *app_certificate, uint32_t expire, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_v007_build(const char *app_id, const char *app_certificate, uint32_t expire, const struct AgoraTokenService *services, size_t service_count, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_v006_rtc_build_with_uid(const char *app_id, const char *app_certificate, const char *channel_name, uint32_t uid, int32_t role, uint32_t privilege_expired_ts, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_v006_rtc_build_with_user_account(const char *app_id, const char *app_certificate, const char *channel_name, const char *account, int32_t role, uint32_t privilege_expired_ts, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_v006_rtm_build(const char *app_id, const char *app_certificate, const char *user_account, uint32_t privilege_expired_ts, const struct AgoraTokenOptions *options, char **out_token, char **out_error);
enum AgoraTokenStatus agora_token_parse_struct(const char *token, struct AgoraTokenParsed **out, char **out_error);
enum AgoraTokenStatus agora_token_v007_verify_struct(const char *token, const char *app_certificate, struct AgoraTokenParsed **out, char **out_error);
enum AgoraTokenStatus agora_token_v006_verify_struct(const char *token, const char *app_certificate, const char *channel_name, const char *uid, struct AgoraTokenParsed **out, char **out_error);
void agora_token_parsed_free(struct AgoraTokenParsed *parsed);
C;

    /** The library name the dynamic loader is asked for without AGORA_TOKEN_LIBRARY. */
    public const SONAME = 'libagora_token.so';

    private static ?FFI $ffi = null;

    /** The loaded library (loaded on first use, then shared). */
    public static function ffi(): FFI
    {
        return self::$ffi ??= self::load();
    }

    /**
     * Loads the library from $path, else AGORA_TOKEN_LIBRARY, else the
     * loader's search path; a LibraryException says what to set when FFI is
     * missing or disabled or the library cannot be loaded.
     */
    public static function load(?string $path = null): FFI
    {
        if (!extension_loaded('ffi')) {
            throw new LibraryException(
                'agora-token needs PHP\'s FFI extension (ext-ffi), which is not loaded: install it '
                . '(Debian: php8.2-cli ships it) and enable it with extension=ffi in php.ini'
            );
        }
        $env = getenv('AGORA_TOKEN_LIBRARY');
        $lib = $path ?? (is_string($env) && $env !== '' ? $env : self::SONAME);
        $setting = (string) ini_get('ffi.enable');
        if ($setting === '0' || strtolower($setting) === 'off' || strtolower($setting) === 'false'
            || ($setting === 'preload' && PHP_SAPI !== 'cli')) {
            throw new LibraryException(sprintf(
                'agora-token needs PHP FFI, which is disabled here (ffi.enable=%s): set ffi.enable=1 in php.ini '
                . '(or run php -d ffi.enable=1)',
                $setting
            ));
        }
        try {
            return FFI::cdef(self::CDEF, $lib);
        } catch (\FFI\Exception $e) {
            $where = $lib === self::SONAME
                ? 'the dynamic loader found no ' . self::SONAME . ' (install one with scripts/install-c --prefix DIR '
                    . 'and add DIR/lib to LD_LIBRARY_PATH or ldconfig)'
                : sprintf('cannot load %s', $lib);
            throw new LibraryException(sprintf(
                'agora-token: %s; set AGORA_TOKEN_LIBRARY to the path of libagora_token.so (%s)',
                $where,
                $e->getMessage()
            ), 0, $e);
        }
    }
}
