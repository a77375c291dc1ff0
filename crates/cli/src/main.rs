//! `agora-token`: build, inspect and verify Agora access tokens.
//!
//! A thin front end over `token-core`: this file holds the command line
//! (clap types) and the dispatch; [`build`], [`inspect`], [`verify`] and
//! [`check`] turn parsed arguments into token-core calls and text; [`fail`]
//! maps failures to messages and exit statuses. No token logic lives here.

mod build;
mod check;
mod fail;
mod inspect;
mod verify;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use fail::{exit, Failure, Outcome};
use token_core::builder::rtc::Role;

/// Exit statuses, shown at the end of `agora-token --help`.
const EXIT_STATUS: &str = "\
Exit status:
  0   success
  1   verify: the signature does not match
  2   the token is malformed or of another version
  3   verify: the signature holds but the token has expired
  64  usage: unknown, missing or conflicting options, or a value that
      token-core rejects (app ID, certificate, channel name, account, ...)
  70  internal error

Credentials come from --app-id/--app-certificate or from the environment
variables APP_ID/APP_CERTIFICATE (the names the official Docker token service
uses). The certificate is never printed, not even in error messages.";

/// Build, inspect and verify Agora access tokens (AccessToken2 "007" and
/// AccessToken "006").
#[derive(Debug, Parser)]
#[command(
    name = "agora-token",
    version,
    after_help = EXIT_STATUS,
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands. Build commands print the token alone on stdout.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build an RTC token: join a channel and publish streams (RtcTokenBuilder2;
    /// with --format 006 the legacy RtcTokenBuilder).
    #[command(after_help = "\
Examples:
  agora-token rtc --channel demo --uid 42 --role publisher --expire 3600 --privilege-expire 3600
  agora-token rtc --channel demo --account alice --with-rtm
  agora-token rtc --channel demo --uid 42 --rtm-user-id alice --rtm-expire 600
  agora-token rtc --channel demo --uid 42 --join-expire 3600 --audio-expire 600
  agora-token rtc --format 006 --channel demo --uid 42 --role subscriber --privilege-expire 3600

Variants (official builder in brackets):
  plain                         [BuildTokenWithUid / BuildTokenWithUserAccount]
  any --*-expire per privilege  [BuildTokenWithUidAndPrivilege / ...UserAccountAndPrivilege]
  --with-rtm                    [BuildTokenWithRtm]
  --rtm-user-id                 [BuildTokenWithRtm2]
  --format 006                  [006 RtcTokenBuilder.buildTokenWithUid / ...WithAccount]")]
    Rtc(RtcArgs),
    /// Build an RTM (Signaling) login token (RtmTokenBuilder2); with
    /// --permission an RTM 2.x token with resource permissions; with --format
    /// 006 the legacy RtmTokenBuilder.
    #[command(after_help = "\
Examples:
  agora-token rtm --user-id alice --expire 3600
  agora-token rtm --user-id alice --permission message_channels:read:news,chat
  agora-token rtm --user-id alice --permission users:write:bob --permission users:read:carol
  agora-token rtm --format 006 --user-id alice --expire 3600")]
    Rtm(RtmArgs),
    /// Build a Chat token for a user or for the app (ChatTokenBuilder2).
    #[command(after_help = "\
Examples:
  agora-token chat --user-id bob --expire 3600
  agora-token chat --app --expire 600")]
    Chat(ChatArgs),
    /// Build an FPA (full-path acceleration) token, valid 24 hours
    /// (FpaTokenBuilder).
    #[command(after_help = "\
Example:
  agora-token fpa --app-id 970CA35de60c44645bbae8a215061b33 --app-certificate ...")]
    Fpa(FpaArgs),
    /// Build an APaaS (Flexible Classroom) token: room user, user or app
    /// (ApaasTokenBuilder).
    #[command(after_help = "\
Examples:
  agora-token apaas --room-uuid room-1 --user-uuid user-1 --role 2 --expire 3600
  agora-token apaas --user-uuid user-1
  agora-token apaas --app

A room-user token carries APaaS (room user), RTM login as the user UUID and
Chat user as the MD5 of the user UUID.")]
    Apaas(ApaasArgs),
    /// Build an Education token: room user, user or app (EducationTokenBuilder2;
    /// the same tokens as `apaas`).
    #[command(after_help = "\
Examples:
  agora-token education --room-uuid room-1 --user-uuid user-1 --role 2 --expire 3600
  agora-token education --user-uuid user-1
  agora-token education --app")]
    Education(ApaasArgs),
    /// Build a Conversational AI engine token: RTC plus RTM login plus the
    /// ConvoAI service (ConvoAITokenBuilder).
    #[command(after_help = "\
Example:
  agora-token convoai --channel demo --uid 1000 --rtm-user-id agent --expire 3600")]
    Convoai(RtcRtmArgs),
    /// Build a speech-to-text token: RTC plus RTM login plus the STT service
    /// (SttTokenBuilder).
    #[command(after_help = "\
Example:
  agora-token stt --channel demo --uid 2000 --rtm-user-id stt-bot --expire 3600")]
    Stt(RtcRtmArgs),
    /// Print what a 007 or 006 token contains. Needs no certificate and does
    /// not check the signature (use `verify`).
    #[command(after_help = "\
Text output: one aligned `key: value` line per field; times as UTC dates
(2026-11-26T10:30:00Z). A 007 privilege expire is in seconds after issue_ts
and shown with the date it ends (0: no own limit); a 006 privilege expire is
an absolute timestamp (0: no expiry). Strings are quoted.

JSON output (--json), 007:
  {version, app_id, issue_ts, expire, expires_at, salt, unknown_service_type
   (number or null), services: [{type, type_id, privileges: {\"<id>\":
   seconds}, privilege_names: {\"<id>\": name}, privilege_expires_at:
   {\"<id>\": timestamp or null}, <the service's own fields>}]}
  Service fields: rtc: channel_name, uid; rtm/chat: user_id; streaming/fcdn:
  channel_name, account; apaas: room_uuid, user_uuid, role; rtm2: user_id,
  permissions: [{resource_type, permission_type, resources}] (types by name,
  or the number when unknown). privilege_names lists only known ids.
JSON output, 006:
  {version, app_id, salt, ts, expires_at, crc_channel_name, crc_uid,
   privileges: {\"<id>\": timestamp}, privilege_names: {\"<id>\": name},
   privilege_expires_at: {\"<id>\": timestamp or null}}
  expires_at values are absolute (seconds since the Unix epoch), null for
  no limit.

Examples:
  agora-token inspect 007eJxTYHj7...
  agora-token rtc --channel demo --uid 42 | agora-token inspect --json -")]
    Inspect(InspectArgs),
    /// Check a token's signature with the app certificate, and its expiry.
    #[command(after_help = "\
Prints `valid until <date>` (or `valid (no expiry)`) on stdout and exits 0, or
prints `invalid: <reason>` on stderr and exits 1 (signature mismatch),
2 (malformed or other version) or 3 (expired: the signature holds but
issue_ts + expire, or the 006 ts, is not in the future; a 007 expire of 0
never expires). Usage errors print `error: ...` and exit 64.

A 006 token does not carry its channel name and uid (only their CRC32), so
verifying one needs --channel with --uid or --account, or --user-id for a 006
RTM token. These options are refused for 007 tokens, which carry their own.

Examples:
  agora-token verify 007eJxTYHj7... --app-certificate 5CFd...
  APP_CERTIFICATE=5CFd... agora-token verify 006970CA... --channel demo --uid 42
  agora-token verify TOKEN --now 1700000000   # as if it were that time")]
    Verify(VerifyArgs),
    /// Would Agora admit this client with this token? Checks signature, app
    /// ID, expiry, channel, user and privileges, and lists every reason for a
    /// denial.
    #[command(after_help = "\
Prints `allowed` or `denied:` with one line per reason, then the token's
version, signature state and expiry and each privilege the request needs, on
stdout. Exits 0 when allowed, 1 when denied (also for a malformed token: that
is a reason too), 64 for usage errors. --json prints the report as JSON:
  {allowed, version, app_id, now, issued_at, expires_at, signature,
   reasons: [{code, message}], privileges: [{service, privilege, expires_at,
   status}]}
Reason codes: malformed, wrong_app_id, bad_signature, token_expired,
privilege_expired, channel_mismatch, user_mismatch, room_mismatch,
service_missing, privilege_missing.

Rules: a token for uid 0 admits any uid; a client joining with uid 0 (Agora
assigns one) needs such a token. 007 expiries count from the issue time, 006
expiries are absolute; 0 means no limit. Chat without --user-id is the app;
APaaS with --room-uuid and --user-uuid is a room user, with --user-uuid a
user, with neither the app.

Examples:
  agora-token check TOKEN --service rtc --channel demo --uid 42 --publish audio,video
  agora-token check TOKEN --service rtm --user-id alice --app-id 970CA35de60c44645bbae8a215061b33
  agora-token check TOKEN --service chat --json")]
    Check(CheckArgs),
    /// Run the token server: the official and community token-service
    /// endpoints plus a native API, with authentication, limits and metrics
    /// (crate agora-token-server). `serve --demo` tries it with throw-away
    /// credentials.
    #[cfg(feature = "server")]
    Serve(Box<agora_token_server::cli::ServeArgs>),
}

/// What a checked client does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckService {
    /// Join an RTC channel (--channel, --uid or --account, --publish).
    Rtc,
    /// Log in to RTM (--user-id).
    Rtm,
    /// Use Chat as a user (--user-id) or as the app.
    Chat,
    /// Log in to FPA.
    Fpa,
    /// Use APaaS as a room user, a user or the app.
    Apaas,
}

impl CheckService {
    /// The `service` value of a JSON check request.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckService::Rtc => "rtc",
            CheckService::Rtm => "rtm",
            CheckService::Chat => "chat",
            CheckService::Fpa => "fpa",
            CheckService::Apaas => "apaas",
        }
    }
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The token and the certificate.
    #[command(flatten)]
    pub checked: TokenAndCertificate,
    /// The app ID the client uses; the token must be for it (not checked when
    /// absent).
    #[arg(long, value_name = "HEX32")]
    pub app_id: Option<String>,
    /// What the client does.
    #[arg(long, value_enum)]
    pub service: CheckService,
    /// rtc: the channel it joins.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// rtc: the uid it joins as (0: Agora assigns one).
    #[arg(long, value_name = "N", conflicts_with = "account")]
    pub uid: Option<u32>,
    /// rtc: the user account it joins as.
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// rtc: the streams it publishes.
    #[arg(long, value_delimiter = ',', value_parser = ["audio", "video", "data"])]
    pub publish: Vec<String>,
    /// rtm, chat: the user ID.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// apaas: the room UUID.
    #[arg(long, value_name = "UUID")]
    pub room_uuid: Option<String>,
    /// apaas: the user UUID.
    #[arg(long, value_name = "UUID")]
    pub user_uuid: Option<String>,
    /// Check as if it were this time (seconds since the Unix epoch).
    #[arg(long, value_name = "TS")]
    pub now: Option<u64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// App ID and certificate of a build command.
#[derive(Debug, Args)]
#[command(next_help_heading = "Credentials")]
pub struct Credentials {
    /// App ID: 32 hexadecimal characters (Agora Console). Required; falls back
    /// to the environment variable APP_ID.
    #[arg(long, env = "APP_ID", value_name = "HEX32")]
    pub app_id: Option<String>,
    /// App certificate: 32 hexadecimal characters. Required; falls back to the
    /// environment variable APP_CERTIFICATE. Never printed.
    #[arg(
        long,
        env = "APP_CERTIFICATE",
        value_name = "HEX32",
        hide_env_values = true
    )]
    pub app_certificate: Option<Certificate>,
}

/// Fixed issue time and salt, for reproducible tokens.
#[derive(Debug, Args)]
#[command(next_help_heading = "Reproducible output (for tests and fixtures only)")]
pub struct Fixed {
    /// Issue time in seconds since the Unix epoch instead of now (for tests:
    /// a real token should be issued now). For 006 tokens it is the "now"
    /// that expiries in seconds count from, and the token's ts becomes it +
    /// 24 h.
    #[arg(long, value_name = "TS")]
    pub issue_ts: Option<u32>,
    /// Salt instead of a random one (for tests: with --issue-ts it makes the
    /// same arguments give the same token).
    #[arg(long, value_name = "N")]
    pub salt: Option<u32>,
}

/// The user an RTC token is for.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct RtcUser {
    /// Numeric user ID (0 to 4294967295; 0 means any user may use the token).
    /// Exactly one of --uid and --account.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub uid: Option<u32>,
    /// User account (1 to 255 bytes). Exactly one of --uid and --account.
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
}

/// Role of an RTC token: a 007 role, named as token-core names it
/// ([`Role::from_name`]), or one of the roles that exist in 006 tokens only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtcRole {
    /// Publisher (may join and publish audio, video and data) or subscriber
    /// (may join only).
    Rtc(Role),
    /// 006 only (deprecated; as publisher).
    Attendee,
    /// 006 only (deprecated; as publisher).
    Admin,
}

/// Parses `--role`: token-core's role names, and `attendee` and `admin` for
/// 006 tokens.
fn parse_role(name: &str) -> Result<RtcRole, String> {
    match name {
        "attendee" => Ok(RtcRole::Attendee),
        "admin" => Ok(RtcRole::Admin),
        _ => Role::from_name(name)
            .map(RtcRole::Rtc)
            .map_err(|e| format!("{e}; attendee and admin exist in 006 tokens only")),
    }
}

/// Token format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// AccessToken2 (current).
    #[value(name = "007")]
    V007,
    /// AccessToken (legacy).
    #[value(name = "006")]
    V006,
}

/// Options shared by `rtc`, `convoai` and `stt`.
#[derive(Debug, Args)]
pub struct RtcCommon {
    /// Channel name: 1 to 63 bytes of a-z A-Z 0-9 space and
    /// !#$%&()+-:;<=.>?@[]^_{}|~,
    #[arg(long, value_name = "NAME")]
    pub channel: String,
    /// Who the token is for.
    #[command(flatten)]
    pub user: RtcUser,
    /// Role: publisher may join and publish; subscriber may only join
    /// (attendee and admin exist in 006 tokens only). [default: publisher]
    #[arg(long, value_name = "ROLE", value_parser = parse_role)]
    pub role: Option<RtcRole>,
    /// Token lifetime in seconds after issue (0: the token itself does not
    /// expire). Not for --format 006, whose tokens last 24 hours.
    /// [default: 3600]
    #[arg(long, value_name = "SECONDS")]
    pub expire: Option<u32>,
    /// Expire of the RTC privileges in seconds (007: after issue, 0 = no own
    /// limit; 006: seconds from now, stored as the absolute timestamp now +
    /// SECONDS, 0 = never). [default: --expire, or 3600 for 006]
    #[arg(long, value_name = "SECONDS")]
    pub privilege_expire: Option<u32>,
    /// Expire of the join-channel privilege (seconds, as --privilege-expire).
    /// Any of the four per-privilege options sets all four privileges, each
    /// defaulting to --privilege-expire, whatever the role.
    #[arg(long, value_name = "SECONDS", help_heading = "Per-privilege expiries")]
    pub join_expire: Option<u32>,
    /// Expire of the publish-audio privilege (seconds, as --privilege-expire).
    #[arg(long, value_name = "SECONDS", help_heading = "Per-privilege expiries")]
    pub audio_expire: Option<u32>,
    /// Expire of the publish-video privilege (seconds, as --privilege-expire).
    #[arg(long, value_name = "SECONDS", help_heading = "Per-privilege expiries")]
    pub video_expire: Option<u32>,
    /// Expire of the publish-data-stream privilege (seconds, as
    /// --privilege-expire).
    #[arg(long, value_name = "SECONDS", help_heading = "Per-privilege expiries")]
    pub data_expire: Option<u32>,
}

/// Arguments of `rtc`.
#[derive(Debug, Args)]
pub struct RtcArgs {
    /// Channel, user, role and expiries.
    #[command(flatten)]
    pub rtc: RtcCommon,
    /// Token format: 007 (AccessToken2) or 006 (legacy AccessToken; no RTM
    /// options, no --expire).
    #[arg(long, value_enum, default_value_t = Format::V007, value_name = "VERSION")]
    pub format: Format,
    /// Also log --account in to RTM with the same token; the RTM login lasts
    /// --expire (BuildTokenWithRtm). Needs --account.
    #[arg(
        long,
        conflicts_with_all = ["rtm_user_id", "join_expire", "audio_expire", "video_expire", "data_expire"],
        help_heading = "RTM login"
    )]
    pub with_rtm: bool,
    /// Also log this RTM user ID in to RTM (may differ from the RTC user;
    /// BuildTokenWithRtm2).
    #[arg(long, value_name = "ID", help_heading = "RTM login")]
    pub rtm_user_id: Option<String>,
    /// Expire of the RTM login in seconds after issue, with --rtm-user-id.
    /// [default: --expire]
    #[arg(
        long,
        value_name = "SECONDS",
        requires = "rtm_user_id",
        help_heading = "RTM login"
    )]
    pub rtm_expire: Option<u32>,
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// Arguments of `convoai` and `stt`: RTC plus an RTM login.
#[derive(Debug, Args)]
pub struct RtcRtmArgs {
    /// Channel, user, role and expiries.
    #[command(flatten)]
    pub rtc: RtcCommon,
    /// RTM user ID to log in (may differ from the RTC user).
    #[arg(long, value_name = "ID", help_heading = "RTM login")]
    pub rtm_user_id: String,
    /// Expire of the RTM login in seconds after issue. [default: --expire]
    #[arg(long, value_name = "SECONDS", help_heading = "RTM login")]
    pub rtm_expire: Option<u32>,
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// One `--permission RESOURCE:PERMISSION:names` value of `rtm`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionSpec {
    /// Resource type number (`Rtm2Permissions::MESSAGE_CHANNELS`, ...).
    pub resource_type: u16,
    /// Permission type number (`Rtm2Permissions::READ` or `WRITE`).
    pub permission_type: u16,
    /// Resource names.
    pub resources: Vec<String>,
}

/// Arguments of `rtm`.
#[derive(Debug, Args)]
pub struct RtmArgs {
    /// RTM user ID (1 to 255 bytes).
    #[arg(long, value_name = "ID")]
    pub user_id: String,
    /// Token lifetime in seconds after issue (0: no expiry). With --format
    /// 006: seconds from now until the login privilege expires, stored as an
    /// absolute timestamp (0 = never); the 006 token itself lasts 24 hours.
    /// [default: 3600]
    #[arg(long, value_name = "SECONDS")]
    pub expire: Option<u32>,
    /// RTM 2.x resource permission, repeatable: RESOURCE:PERMISSION:NAME[,NAME...]
    /// with RESOURCE one of message_channels, stream_channels,
    /// group_channels, server_groups, users and PERMISSION read or write.
    /// Names are comma-separated; repeating a RESOURCE:PERMISSION pair adds
    /// names to it. Any --permission builds an RTM2 (service type 8) token
    /// (buildTokenWithPermissions); 007 only.
    #[arg(long, value_name = "RESOURCE:PERMISSION:NAMES", value_parser = parse_permission)]
    pub permission: Vec<PermissionSpec>,
    /// Token format: 007 (AccessToken2) or 006 (legacy AccessToken).
    #[arg(long, value_enum, default_value_t = Format::V007, value_name = "VERSION")]
    pub format: Format,
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// Parses `RESOURCE:PERMISSION:name1,name2`. The names of resource and
/// permission types are token-core's; whether the names are acceptable (none
/// empty, ...) is left to token-core's checked builder.
fn parse_permission(text: &str) -> Result<PermissionSpec, String> {
    use token_core::service::Rtm2Permissions as P;
    let mut parts = text.splitn(3, ':');
    let (Some(resource), Some(permission), Some(names)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err("expected RESOURCE:PERMISSION:NAME[,NAME...]".into());
    };
    Ok(PermissionSpec {
        resource_type: P::resource_type_from_name(resource).map_err(|e| e.to_string())?,
        permission_type: P::permission_type_from_name(permission).map_err(|e| e.to_string())?,
        resources: names.split(',').map(str::to_string).collect(),
    })
}

/// Arguments of `chat`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("chat_kind").required(true).args(["user_id", "app"])))]
pub struct ChatArgs {
    /// Chat user ID (1 to 255 bytes): a user token. Exactly one of --user-id
    /// and --app.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// An app token (for server-side REST calls) instead of a user token.
    #[arg(long)]
    pub app: bool,
    /// Token lifetime in seconds after issue (0: no expiry).
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub expire: u32,
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// Arguments of `fpa`.
#[derive(Debug, Args)]
pub struct FpaArgs {
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// Arguments of `apaas` and `education`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("apaas_kind").required(true).args(["user_uuid", "app"])))]
pub struct ApaasArgs {
    /// Room UUID (1 to 255 bytes): with --user-uuid and --role, a room-user
    /// token.
    #[arg(long, value_name = "UUID", requires_all = ["user_uuid", "role"])]
    pub room_uuid: Option<String>,
    /// User UUID (1 to 255 bytes): alone, a user token; with --room-uuid and
    /// --role, a room-user token.
    #[arg(long, value_name = "UUID")]
    pub user_uuid: Option<String>,
    /// Role of the user in the room (a number, e.g. 1 teacher, 2 student,
    /// 3 assistant), with --room-uuid.
    #[arg(
        long,
        value_name = "N",
        requires = "room_uuid",
        allow_negative_numbers = true
    )]
    pub role: Option<i16>,
    /// An app token (no room, no user).
    #[arg(long, conflicts_with_all = ["room_uuid", "user_uuid", "role"])]
    pub app: bool,
    /// Token lifetime in seconds after issue (0: no expiry).
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub expire: u32,
    /// App ID and certificate.
    #[command(flatten)]
    pub creds: Credentials,
    /// Issue time and salt.
    #[command(flatten)]
    pub fixed: Fixed,
}

/// Arguments of `inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The token (007 or 006); `-` reads it from standard input.
    #[arg(value_name = "TOKEN")]
    pub token: String,
    /// Print JSON instead of text (keys: see below).
    #[arg(long)]
    pub json: bool,
}

/// A token and the certificate to check it with (`verify`, `check`).
#[derive(Debug, Args)]
pub struct TokenAndCertificate {
    /// The token (007 or 006); `-` reads it from standard input.
    #[arg(value_name = "TOKEN")]
    pub token: String,
    /// App certificate: 32 hexadecimal characters. Required; falls back to the
    /// environment variable APP_CERTIFICATE. Never printed.
    #[arg(
        long,
        env = "APP_CERTIFICATE",
        value_name = "HEX32",
        hide_env_values = true
    )]
    pub app_certificate: Option<Certificate>,
}

/// Arguments of `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The token and the certificate.
    #[command(flatten)]
    pub checked: TokenAndCertificate,
    /// 006 only: the channel name the token was built for.
    #[arg(long, value_name = "NAME", help_heading = "006 tokens")]
    pub channel: Option<String>,
    /// 006 only: the uid the token was built for (0: any user), with --channel.
    #[arg(
        long,
        value_name = "N",
        requires = "channel",
        conflicts_with = "account",
        help_heading = "006 tokens"
    )]
    pub uid: Option<u32>,
    /// 006 only: the user account the token was built for, with --channel.
    #[arg(
        long,
        value_name = "NAME",
        requires = "channel",
        help_heading = "006 tokens"
    )]
    pub account: Option<String>,
    /// 006 RTM tokens only: the user account the RTM token was built for
    /// (instead of --channel and --uid/--account).
    #[arg(
        long,
        value_name = "ID",
        conflicts_with_all = ["channel", "uid", "account"],
        help_heading = "006 tokens"
    )]
    pub user_id: Option<String>,
    /// Check expiry as if it were this time (seconds since the Unix epoch)
    /// instead of now; for tests.
    #[arg(long, value_name = "TS")]
    pub now: Option<u64>,
}

impl Credentials {
    /// The app ID and certificate, or a usage error naming the missing one.
    /// Their format is left to token-core, whose messages never contain the
    /// certificate.
    /// An empty value (as from `APP_ID=`) counts as missing.
    pub fn get(&self) -> Outcome<(&str, &str)> {
        let app_id = non_empty(&self.app_id).ok_or_else(|| {
            Failure::usage("missing app ID: pass --app-id or set the environment variable APP_ID")
        })?;
        Ok((app_id, certificate(&self.app_certificate)?))
    }
}

/// The value of an optional argument, `None` when absent or empty.
fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// An app certificate as given on the command line or in the environment.
/// Its `Debug` never shows the value, so no debug print of the parsed
/// arguments can leak it.
#[derive(Clone)]
pub struct Certificate(String);

impl std::str::FromStr for Certificate {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Certificate(s.to_string()))
    }
}

impl std::fmt::Debug for Certificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Certificate(<redacted>)")
    }
}

/// The app certificate, or a usage error when it is absent or empty.
pub fn certificate(value: &Option<Certificate>) -> Outcome<&str> {
    value
        .as_ref()
        .map(|c| c.0.as_str())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
        Failure::usage(
            "missing app certificate: pass --app-certificate or set the environment variable APP_CERTIFICATE",
        )
    })
}

/// Reads a token argument: `-` means standard input. Surrounding whitespace
/// (such as the newline a build command prints) is ignored.
pub fn read_token(arg: &str) -> Outcome<String> {
    if arg == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map_err(|e| {
            Failure::usage(format!("cannot read the token from standard input: {e}"))
        })?;
        Ok(text.trim().to_string())
    } else {
        Ok(arg.trim().to_string())
    }
}

/// How a command that did not fail ends.
enum Done {
    /// Print this on stdout and exit with this status (0, or
    /// [`check::DENIED`] for a denied check).
    Print(String, u8),
    /// The command wrote its own output; exit with this status.
    #[cfg(feature = "server")]
    Exit(ExitCode),
}

/// Runs a parsed command.
fn run(cli: Cli) -> Outcome<Done> {
    let out = match cli.command {
        Command::Rtc(a) => build::rtc(&a),
        Command::Rtm(a) => build::rtm(&a),
        Command::Chat(a) => build::chat(&a),
        Command::Fpa(a) => build::fpa(&a),
        Command::Apaas(a) => build::apaas(&a, build::Classroom::Apaas),
        Command::Education(a) => build::apaas(&a, build::Classroom::Education),
        Command::Convoai(a) => build::rtc_rtm(&a, build::RtcRtm::ConvoAi),
        Command::Stt(a) => build::rtc_rtm(&a, build::RtcRtm::Stt),
        Command::Inspect(a) => inspect::run(&read_token(&a.token)?, a.json),
        Command::Verify(a) => verify::run(&a),
        Command::Check(a) => {
            let (out, allowed) = check::run(&a)?;
            return Ok(Done::Print(out, if allowed { 0 } else { check::DENIED }));
        }
        #[cfg(feature = "server")]
        Command::Serve(a) => return Ok(Done::Exit(agora_token_server::cli::run(*a))),
    }?;
    Ok(Done::Print(out, 0))
}

/// Every value the user gave as an app certificate, to be masked in clap's
/// messages (which echo argument values, e.g. for an unexpected argument).
fn certificate_values() -> Vec<String> {
    let mut out: Vec<String> = std::env::var_os("APP_CERTIFICATE")
        .map(|v| v.to_string_lossy().into_owned())
        .into_iter()
        .collect();
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, arg) in args.iter().enumerate() {
        if let Some(v) = arg.strip_prefix("--app-certificate=") {
            out.push(v.to_string());
        } else if arg == "--app-certificate" {
            out.extend(args.get(i + 1).cloned());
        }
    }
    out.retain(|v| !v.is_empty());
    out
}

/// Shorter values are not masked: they cannot be a certificate (32
/// characters), and masking them would garble the message (`-` or `a`).
const MIN_REDACTED_LEN: usize = 8;

/// Replaces every occurrence of a secret (of at least [`MIN_REDACTED_LEN`]
/// bytes) in `text`.
fn redact(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .filter(|s| s.len() >= MIN_REDACTED_LEN)
        .fold(text.to_string(), |t, s| t.replace(s.as_str(), "<redacted>"))
}

/// Prints a clap error (or help/version) and returns the exit status:
/// 0 for help and version, 64 for usage errors.
fn clap_exit(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help shows no certificate: its env value is hidden.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        _ => {
            let text = redact(&err.render().to_string(), &certificate_values());
            let _ = write!(io::stderr(), "{text}");
            ExitCode::from(exit::USAGE)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return clap_exit(err),
    };
    match run(cli) {
        #[cfg(feature = "server")]
        Ok(Done::Exit(code)) => code,
        Ok(Done::Print(out, code)) => {
            let mut stdout = io::stdout().lock();
            // A closed pipe (`| head`) is not worth a panic.
            let _ = writeln!(stdout, "{out}");
            let _ = stdout.flush();
            ExitCode::from(code)
        }
        Err(failure) => {
            let message = redact(&failure.to_string(), &certificate_values());
            let _ = writeln!(io::stderr(), "{message}");
            ExitCode::from(failure.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn debug_of_parsed_arguments_never_shows_the_certificate() {
        let secret = "5CFd2fd1755d40ecb72977518be15d3b";
        let cli =
            Cli::try_parse_from(["agora-token", "verify", "007x", "--app-certificate", secret])
                .unwrap();
        let shown = format!("{cli:?}");
        assert!(!shown.contains(secret), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn permission_values() {
        let p = parse_permission("users:write:a,b:c").unwrap();
        assert_eq!((p.resource_type, p.permission_type), (4, 1));
        assert_eq!(p.resources, ["a", "b:c"]);
        assert!(parse_permission("users:write").is_err());
        assert!(parse_permission("user:write:a").is_err());
        assert!(parse_permission("users:admin:a")
            .unwrap_err()
            .starts_with("permission_type: unknown name \"admin\""));
        // Empty names are the checked builder's to refuse, with its message.
        assert_eq!(
            parse_permission("users:read:a,,b").unwrap().resources,
            ["a", "", "b"]
        );
    }

    #[test]
    fn role_names() {
        assert_eq!(parse_role("subscriber"), Ok(RtcRole::Rtc(Role::Subscriber)));
        assert_eq!(parse_role("admin"), Ok(RtcRole::Admin));
        for role in Role::ALL {
            assert_eq!(parse_role(role.as_str()), Ok(RtcRole::Rtc(role)));
        }
        assert_eq!(
            parse_role("host").unwrap_err(),
            "role: unknown role \"host\" (publisher or subscriber); attendee and admin exist in 006 tokens only"
        );
    }

    #[test]
    fn redaction() {
        let secret = vec!["5CFd2fd1755d40ecb72977518be15d3b".to_string()];
        assert_eq!(
            redact("unexpected '5CFd2fd1755d40ecb72977518be15d3b'", &secret),
            "unexpected '<redacted>'"
        );
    }
}
