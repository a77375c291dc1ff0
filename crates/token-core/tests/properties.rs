//! Property tests: build -> parse gives the same fields, verify refuses any
//! other certificate, no input makes a parser panic, and the zlib encoder
//! writes what zlib 1.2.13's `compress` writes at level 6.

use proptest::prelude::*;
use token_core::codec;
use token_core::service::{self, Privileges, Rtm2Permissions, Service};
use token_core::v006;
use token_core::v007::{self, AccessToken2};
use token_core::{legacy, ErrorKind};

/// Stock zlib's `compress2(.., 6)` (flate2 over the system zlib or libz-sys'
/// bundled one): a single deflate call with Z_FINISH.
fn zlib_level6(data: &[u8]) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::new(6), true);
    let mut out = Vec::with_capacity(data.len() + data.len() / 1000 + 64);
    let status = c
        .compress_vec(data, &mut out, flate2::FlushCompress::Finish)
        .unwrap();
    assert_eq!(status, flate2::Status::StreamEnd);
    out
}

fn hex32() -> impl Strategy<Value = String> {
    "[0-9a-fA-F]{32}"
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, short enough for the u16 length prefix.
    proptest::collection::vec(any::<char>(), 0..40).prop_map(|v| v.into_iter().collect())
}

fn privileges() -> impl Strategy<Value = Privileges> {
    proptest::collection::vec((any::<u16>(), any::<u32>()), 0..6).prop_map(|v| {
        let mut p = Privileges::default();
        for (k, e) in v {
            p.add(k, e);
        }
        p
    })
}

fn permissions() -> impl Strategy<Value = Rtm2Permissions> {
    proptest::collection::vec(
        (0u16..6, 0u16..3, proptest::collection::vec(text(), 0..3)),
        0..5,
    )
    .prop_map(|v| {
        let mut p = Rtm2Permissions::default();
        for (r, q, res) in v {
            p.add(r, q, res);
        }
        p
    })
}

fn a_service() -> impl Strategy<Value = Service> {
    (
        1u16..=10,
        text(),
        text(),
        any::<i16>(),
        privileges(),
        permissions(),
    )
        .prop_map(|(t, a, b, role, privileges, permissions)| match t {
            1 => Service::Rtc(service::Rtc {
                channel_name: a,
                uid: b,
                privileges,
            }),
            2 => Service::Rtm(service::Rtm {
                user_id: a,
                privileges,
            }),
            3 => Service::Streaming(service::Streaming {
                channel_name: a,
                account: b,
                privileges,
            }),
            4 => Service::Fpa(service::Fpa { privileges }),
            5 => Service::Chat(service::Chat {
                user_id: a,
                privileges,
            }),
            6 => Service::Fcdn(service::Fcdn {
                channel_name: a,
                account: b,
                privileges,
            }),
            7 => Service::Apaas(service::Apaas {
                room_uuid: a,
                user_uuid: b,
                role,
                privileges,
            }),
            8 => Service::Rtm2(service::Rtm2 {
                user_id: a,
                permissions,
                privileges,
            }),
            9 => Service::ConvoAi(service::ConvoAi { privileges }),
            _ => Service::Stt(service::Stt { privileges }),
        })
}

fn a_token() -> impl Strategy<Value = AccessToken2> {
    (
        hex32(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        proptest::collection::vec(a_service(), 1..5),
    )
        .prop_map(|(app_id, issue_ts, expire, salt, services)| {
            let mut t = AccessToken2::new(app_id, expire).with_issue(issue_ts, salt);
            t.services = services;
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn build_then_parse_gives_the_same_fields(token in a_token(), cert in hex32()) {
        let text = token.build(&cert).unwrap();
        let parsed = v007::verify(&text, &cert).unwrap();
        let mut expected = token.clone();
        expected.services.sort_by_key(Service::service_type);
        prop_assert_eq!(parsed.token, expected);
        prop_assert_eq!(parsed.unknown_service_type, None);
    }

    #[test]
    fn verify_refuses_any_other_certificate(token in a_token(), cert in hex32(), other in hex32()) {
        prop_assume!(cert != other);
        let text = token.build(&cert).unwrap();
        prop_assert_eq!(v007::verify(&text, &other).unwrap_err().kind(), ErrorKind::SignatureMismatch);
    }

    #[test]
    fn v006_round_trip(app_id in hex32(), cert in hex32(), channel in text(), uid in text(),
                       salt in any::<u32>(), ts in any::<u32>(), p in privileges()) {
        let t = v006::AccessToken { app_id, channel_name: channel.clone(), uid: uid.clone(), salt, ts, privileges: p.clone() };
        let parsed = v006::verify(&t.build(&cert).unwrap(), &cert, &channel, &uid).unwrap();
        prop_assert_eq!((parsed.salt, parsed.ts, parsed.privileges), (salt, ts, p));
    }

    #[test]
    fn parsers_never_panic_on_strings(s in ".{0,300}") {
        let _ = token_core::parse(&s);
        let _ = v007::parse(&format!("007{s}"));
        let _ = v006::parse(&format!("006{s}"));
        let _ = legacy::dynamic_key3::parse(&s);
        let _ = legacy::dynamic_key4::parse(&s);
        let _ = legacy::dynamic_key5::parse(&format!("005{s}"));
        let _ = legacy::signaling::verify(&s, "a", "5CFd2fd1755d40ecb72977518be15d3b");
    }

    #[test]
    fn deflate_round_trips_through_the_inflater(
        bytes in proptest::collection::vec(prop_oneof![any::<u8>(), 0u8..4], 0..3000)
    ) {
        prop_assert_eq!(codec::inflate(&codec::deflate(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn deflate_writes_what_zlib_writes(
        bytes in proptest::collection::vec(prop_oneof![any::<u8>(), 0u8..4, b'a'..b'g'], 1..=4096)
    ) {
        prop_assert_eq!(codec::deflate(&bytes), zlib_level6(&bytes));
    }

    #[test]
    fn token_text_is_what_zlib_writes(token in a_token(), cert in hex32()) {
        let text = token.build(&cert).unwrap();
        let compressed = codec::base64_decode(&text[3..]).unwrap();
        prop_assert_eq!(compressed, zlib_level6(&token.content(&cert).unwrap()));
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        // Wrapped so the inner parsers (not only base64/zlib) see the bytes.
        let _ = v007::parse(&format!("007{}", codec::base64_encode(&codec::deflate(&bytes))));
        let _ = v006::parse(&format!("006{}{}", "0".repeat(32), codec::base64_encode(&bytes)));
        let _ = legacy::dynamic_key5::parse(&format!("005{}", codec::base64_encode(&bytes)));
    }

    #[test]
    fn flipping_a_content_byte_never_panics_and_never_verifies_as_is(token in a_token(), cert in hex32(), at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut content = token.content(&cert).unwrap();
        let i = at.index(content.len());
        content[i] ^= 1 << bit;
        let text = format!("007{}", codec::base64_encode(&codec::deflate(&content)));
        if let Ok(parsed) = v007::parse(&text) {
            prop_assert!(parsed.verify(&cert).is_err());
        }
    }
}
