//! Gives the shared library a SONAME (`libagora_token.so.<major>`) on Linux,
//! so programs link against the ABI version, not the file name;
//! `scripts/install-c` installs the matching symlinks.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libagora_token.so.{major}");
    }
}
