//! Link settings for a Node addon (and the napi CLI's type-definition hooks).

fn main() {
    napi_build::setup();
}
