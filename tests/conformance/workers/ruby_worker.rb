# frozen_string_literal: true

# The Ruby surface of scripts/test-conformance: the idiomatic AgoraToken
# API (checked, pinned to the case's issue ts and salt) and the drop-ins
# (AgoraDynamicKey2 / AgoraDynamicKey: issued now, re-pinned by the driver;
# AccessToken with the case's issue ts and salt, parse/verify as booleans).
#
#   AGORA_TOKEN_LIBRARY=.../libagora_token.so ruby -Ibindings/ruby/lib ruby_worker.rb < requests.jsonl
#
# Reads {"id", "api": "idiomatic"|"dropin", "builder", "inputs", "token"};
# writes {"id", "offered": false, "reason"}, {"id", "offered": true, "ok":
# true, "token", "pinned"[, "value"]} or {"id", "offered": true, "ok": false, "kind",
# "message"} (the AgoraToken::Error's kind).
require 'json'
require_relative '../../../bindings/ruby/test/vector_calls'

$stdout.sync = true
$stdin.each_line do |line|
  next if line.strip.empty?

  req = JSON.parse(line)
  out = { 'id' => req['id'] }
  begin
    if req['api'] == 'idiomatic'
      value = VectorCalls.idiomatic(req['builder'], req['inputs'], req['token'])
      token = value.is_a?(String) ? value : ''
      out.merge!('offered' => true, 'ok' => true, 'token' => token, 'pinned' => true)
    else
      value = VectorCalls.dropin(req['builder'], req['inputs'], req['token'])
      if [true, false].include?(value)
        out.merge!('offered' => true, 'ok' => true, 'token' => '', 'value' => value)
      else
        out.merge!('offered' => true, 'ok' => true, 'token' => value, 'pinned' => VectorCalls.dropin_pinned?(req['builder']))
      end
    end
  rescue VectorCalls::NotOffered => e
    out.merge!('offered' => false, 'reason' => e.message)
  rescue AgoraToken::Error => e
    out.merge!('offered' => true, 'ok' => false, 'kind' => e.kind.to_s, 'message' => e.message)
  rescue TypeError, ArgumentError => e
    out.merge!('offered' => true, 'ok' => false, 'kind' => e.class.name, 'message' => e.message)
  end
  puts JSON.generate(out)
end
