# frozen_string_literal: true

# FFI cost of the Ruby gem: us per RTC 007 build and per parse + verify
# through Ruby FFI and libagora_token, next to token-core's own time for the
# same operation (crates/token-core/examples/bench_ops.rs, same inputs).
# There is no official Ruby peer here (RubyGems is not reachable), so the
# difference is what Ruby + FFI + making Ruby values cost, not a comparison
# with Agora's gem.
#
#   ruby -Ilib bench/bench.rb [BENCH_OPS_BINARY]       a table (scripts/test-ruby)
#   ruby -Ilib bench/bench.rb --json RUNS MIN_MS TOKEN  JSON for scripts/bench-report
require 'json'
require 'open3'
require 'dynamic_key2'
require 'dynamic_key'

APP_ID = '970CA35de60c44645bbae8a215061b33'
CERT = '5CFd2fd1755d40ecb72977518be15d3b'
CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
UID = 2_882_341_273

# ns/op of each of +runs+ runs of at least +min_s+ seconds, after a warm-up.
def time_runs(runs, min_s)
  200.times { yield }
  Array.new(runs) do
    n = 0
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    elapsed = 0.0
    while elapsed < min_s
      100.times { yield }
      n += 100
      elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0
    end
    elapsed * 1e9 / n
  end
end

# The operations of scripts/bench-report, through the drop-ins (the 007 and
# 006 builders) and AgoraToken.verify (the parsed token as frozen Structs).
def operations(verify_token)
  {
    'build007' => -> { AgoraDynamicKey2::RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600) },
    'verify007' => -> { AgoraToken.verify(verify_token, CERT) },
    'build006' => lambda do
      AgoraDynamicKey::RTCTokenBuilder.build_token_with_uid(app_id: APP_ID, app_certificate: CERT, channel_name: CHANNEL,
                                                            role: 1, uid: UID, privilege_expired_ts: 2_000_000_000)
    end
  }
end

if ARGV[0] == '--json'
  runs, min_ms, verify_token = Integer(ARGV[1]), Integer(ARGV[2]), ARGV[3]
  ops = operations(verify_token)
  ns = ops.transform_values { |op| time_runs(runs, min_ms / 1000.0) { op.call } }
  puts JSON.generate(
    language: 'Ruby', runtime: "ruby #{RUBY_VERSION}, ffi #{FFI::VERSION}",
    ours: { name: 'agora_token gem (AgoraDynamicKey2 / AgoraDynamicKey drop-ins, AgoraToken.verify)', ns: ns,
            samples: { build007: ops['build007'].call, build006: ops['build006'].call } },
    peer: { name: 'none (no official Ruby gem: RubyGems is not reachable here)', ns: {} },
    notes: { 'verify007' => '`AgoraToken.verify` makes the frozen `Token`/`ParsedService`/`ParsedPrivilege` ' \
                            "Structs from libagora_token's `AgoraTokenParsed`; the difference to token-core is the FFI cost" }
  )
  exit
end

runs = Integer(ENV.fetch('RUNS', '5'))
min_s = Float(ENV.fetch('MIN_MS', '300')) / 1000
bench_ops = ARGV[0]
core = {}
verify_token = nil
if bench_ops && File.executable?(bench_ops)
  verify_token = Open3.capture2(bench_ops, 'verify-token').first.strip
  out = Open3.capture2(bench_ops, 'time', '--runs', runs.to_s, '--min-ms', (min_s * 1000).round.to_s).first
  core = JSON.parse(out)['ns'].transform_values { |v| v.min / 1000.0 }
end
verify_token ||= AgoraToken::Builder.new(APP_ID, CERT, issue_ts: 1_700_000_000, salt: 12_345_678)
                                    .rtc_with_uid(CHANNEL, UID, AgoraToken::Role::PUBLISHER, 3600, 3600)
ops = operations(verify_token)
names = { 'build007' => 'RTC 007 build (AgoraDynamicKey2 build_token_with_uid)',
          'verify007' => 'parse + verify 007 (AgoraToken.verify, frozen Token)' }
puts format('%-56s %10s %10s %12s %9s', 'operation (us/op)', 'Ruby best', 'median', 'token-core', 'FFI cost')
names.each do |op, name|
  best, median = time_runs(runs, min_s) { ops[op].call }.sort.then { |r| [r.first / 1000, r[r.size / 2] / 1000] }
  own = core[op]
  puts format('%-56s %10.2f %10.2f %12s %9s', name, best, median, own ? format('%.2f', own) : 'n/a',
              own ? format('%+.1f', best - own) : 'n/a')
end
puts "(#{runs} runs of >= #{(min_s * 1000).round} ms each; token-core: best run of bench_ops time; " \
     "FFI cost = Ruby best - token-core best: the FFI call, argument conversion and Ruby objects; ruby #{RUBY_VERSION})"
