# frozen_string_literal: true

require_relative 'lib/agora_token/version'

Gem::Specification.new do |s|
  s.name = 'agora_token'
  s.version = AgoraToken::VERSION
  s.summary = 'Agora access tokens (007 and 006) over libagora_token, with drop-ins for AgoraDynamicKey2'
  s.description = 'Builds, parses, verifies and checks Agora access tokens through the agora-token C library ' \
                  '(one Rust implementation for every language). lib/dynamic_key2.rb and lib/dynamic_key.rb keep ' \
                  "the official Ruby gem's names."
  s.authors = ['agora-token contributors']
  s.license = 'MIT'
  s.homepage = 'https://github.com/agora-token/agora-token/tree/main/bindings/ruby'
  s.required_ruby_version = '>= 3.0'
  s.files = Dir['lib/**/*.rb'] + ['README.md']
  s.require_paths = ['lib']
  s.add_dependency 'ffi', '~> 1.15'
  s.requirements << 'libagora_token.so (scripts/install-c), or AGORA_TOKEN_LIBRARY=/path/to/libagora_token.so'
end
