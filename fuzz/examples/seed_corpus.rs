//! Writes the seed corpora of the fuzz targets: valid tokens of every kind
//! token-core knows, made at run time (nothing official is stored).
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example seed_corpus -- fuzz/corpus
//!
//! Writes `<dir>/parse/*` (token text: 007, 006 and legacy keys) and
//! `<dir>/content/*` (the decompressed content of each 007 token, also the
//! seeds of `<dir>/deflate/*`).

use std::path::Path;

use token_core::builder::rtc::{self, Role};
use token_core::codec;
use token_core::legacy::{dynamic_key3, dynamic_key4, dynamic_key5, signaling};
use token_core::service::{
    Apaas, Chat, ConvoAi, Fcdn, Fpa, Privileges, Rtc, Rtm, Rtm2, Rtm2Permissions, Service,
    Streaming, Stt,
};
use token_core::v006;
use token_core::v007::{self, AccessToken2};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";
const TS: u32 = 1_700_000_000;

fn privileges(ids: &[u16]) -> Privileges {
    let mut p = Privileges::default();
    for (i, &id) in ids.iter().enumerate() {
        p.add(id, 600 * (i as u32 + 1));
    }
    p
}

/// One service of each of the ten types.
fn services() -> Vec<Service> {
    let mut perms = Rtm2Permissions::default();
    perms
        .add(1, 1, ["channel-a", "channel-*"])
        .add(2, 3, ["user"]);
    vec![
        Rtc {
            channel_name: CHANNEL.into(),
            uid: "2882341273".into(),
            privileges: privileges(&[1, 2, 3, 4]),
        }
        .into(),
        Rtm {
            user_id: "alice".into(),
            privileges: privileges(&[1]),
        }
        .into(),
        Streaming {
            channel_name: "live".into(),
            account: "bob".into(),
            privileges: privileges(&[1, 2]),
        }
        .into(),
        Fpa {
            privileges: privileges(&[1]),
        }
        .into(),
        Chat {
            user_id: "carol".into(),
            privileges: privileges(&[1, 2]),
        }
        .into(),
        Fcdn {
            channel_name: "cdn".into(),
            account: "dave".into(),
            privileges: privileges(&[1]),
        }
        .into(),
        Apaas {
            room_uuid: "room".into(),
            user_uuid: "erin".into(),
            role: 2,
            privileges: privileges(&[1, 2, 3]),
        }
        .into(),
        Rtm2 {
            user_id: "frank".into(),
            permissions: perms,
            privileges: privileges(&[1]),
        }
        .into(),
        ConvoAi {
            privileges: privileges(&[1]),
        }
        .into(),
        Stt {
            privileges: privileges(&[1]),
        }
        .into(),
    ]
}

fn tokens_007() -> Vec<String> {
    let mut out = Vec::new();
    let all = services();
    for (i, s) in all.iter().enumerate() {
        let mut t = AccessToken2::new(APP_ID, 3600).with_issue(TS, i as u32 + 1);
        t.add_service(s.clone());
        out.push(t.build(CERT).expect("seed token builds"));
    }
    let mut every = AccessToken2::new(APP_ID, 86400).with_issue(TS, 99);
    for s in all.iter().rev() {
        every.add_service(s.clone());
    }
    out.push(every.build(CERT).unwrap());
    out.push(
        rtc::with_uid(APP_ID, CHANNEL, 2882341273, Role::Publisher, 3600, 3600)
            .unwrap()
            .build(CERT)
            .unwrap(),
    );
    out.push(
        rtc::with_user_account(APP_ID, "c", "user@example.com", Role::Subscriber, 60, 0)
            .unwrap()
            .build(CERT)
            .unwrap(),
    );
    out
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/corpus".into());
    let dir = Path::new(&dir);
    let (parse_dir, content_dir) = (dir.join("parse"), dir.join("content"));
    let inflate_dir = dir.join("inflate");
    std::fs::create_dir_all(&inflate_dir).unwrap();
    let deflate_dir = dir.join("deflate");
    std::fs::create_dir_all(&deflate_dir).unwrap();
    std::fs::create_dir_all(&parse_dir).unwrap();
    std::fs::create_dir_all(&content_dir).unwrap();

    let t007 = tokens_007();
    let mut text: Vec<String> = t007.clone();
    text.push(
        v006::rtc::with_uid(
            APP_ID,
            CHANNEL,
            2882341273,
            v006::rtc::Role::Publisher,
            TS + 3600,
        )
        .unwrap()
        .build(CERT)
        .unwrap(),
    );
    text.push(
        v006::rtm::token(APP_ID, "alice", 0)
            .unwrap()
            .build(CERT)
            .unwrap(),
    );
    text.push(
        dynamic_key3::generate(APP_ID, CERT, CHANNEL, TS, 58964981, 2882341273, TS + 3600).unwrap(),
    );
    text.push(
        dynamic_key4::generate(
            dynamic_key4::Kind::MediaChannel,
            APP_ID,
            CERT,
            CHANNEL,
            TS,
            58964981,
            2882341273,
            0,
        )
        .unwrap(),
    );
    text.push(
        dynamic_key5::generate(
            dynamic_key5::Kind::MediaChannel,
            APP_ID,
            CERT,
            CHANNEL,
            TS,
            58964981,
            2882341273,
            0,
            None,
        )
        .unwrap(),
    );
    text.push(
        dynamic_key5::generate(
            dynamic_key5::Kind::InChannelPermission,
            APP_ID,
            CERT,
            CHANNEL,
            TS,
            58964981,
            0,
            TS + 60,
            Some(dynamic_key5::AUDIO_VIDEO_UPLOAD),
        )
        .unwrap(),
    );
    let sig = signaling::token("alice", APP_ID, CERT, TS + 3600).unwrap();
    text.push(format!("alice\n{sig}"));
    text.push(sig);

    for (i, t) in text.iter().enumerate() {
        std::fs::write(parse_dir.join(format!("seed-{i:02}")), t).unwrap();
    }
    for (i, t) in t007.iter().enumerate() {
        let content = v007::decode_content(t).unwrap();
        std::fs::write(content_dir.join(format!("seed-{i:02}")), &content).unwrap();
        // The deflate target compresses any bytes; token contents first.
        std::fs::write(deflate_dir.join(format!("seed-{i:02}")), &content).unwrap();
        // The inflate target: token-core's encoding and zlib's at levels 1,
        // 6 and 9 (stored, fixed and dynamic blocks between them).
        std::fs::write(
            inflate_dir.join(format!("seed-{i:02}-ours")),
            codec::deflate(&content),
        )
        .unwrap();
        for level in [0, 1, 6, 9] {
            let mut z =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
            std::io::Write::write_all(&mut z, &content).unwrap();
            std::fs::write(
                inflate_dir.join(format!("seed-{i:02}-l{level}")),
                z.finish().unwrap(),
            )
            .unwrap();
        }
    }
    println!(
        "seed_corpus: {} token(s) in {}, {} content(s) in {}",
        text.len(),
        parse_dir.display(),
        t007.len(),
        content_dir.display()
    );
}
