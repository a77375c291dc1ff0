# frozen_string_literal: true

# Agora access tokens (AccessToken2 "007" and AccessToken "006") for Ruby,
# over libagora_token's C ABI. The idiomatic API is AgoraToken::Builder,
# AgoraToken.parse/verify/verify006/check; the official gem's names are in
# dynamic_key2 (AgoraDynamicKey2) and dynamic_key (AgoraDynamicKey).
require_relative 'agora_token/version'
require_relative 'agora_token/errors'
require_relative 'agora_token/native'
require_relative 'agora_token/convert'
require_relative 'agora_token/types'
require_relative 'agora_token/builder'
require_relative 'agora_token/reading'
