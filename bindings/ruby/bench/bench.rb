# frozen_string_literal: true

# FFI cost of the Ruby gem: us per RTC 007 build and per parse + verify
# through Ruby FFI and libagora_token, next to token-core's own time for the
# same operation (crates/token-core/examples/bench_ops.rs, same inputs).
# There is no official Ruby peer here (RubyGems is not reachable), so the
# difference is what Ruby + FFI + making Ruby values cost, not a comparison
# with Agora's gem.
#
#   ruby -Ilib bench/bench.rb [BENCH_OPS_BINARY]     (scripts/test-ruby runs it)
require 'json'
require 'open3'
require 'dynamic_key2'

APP_ID = '970CA35de60c44645bbae8a215061b33'
CERT = '5CFd2fd1755d40ecb72977518be15d3b'
CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
UID = 2_882_341_273
RUNS = Integer(ENV.fetch('RUNS', '5'))
MIN_S = Float(ENV.fetch('MIN_MS', '300')) / 1000

# Best and median us/op of RUNS runs of at least MIN_S each.
def time_op
  200.times { yield }
  runs = Array.new(RUNS) do
    n = 0
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    elapsed = 0.0
    while elapsed < MIN_S
      100.times { yield }
      n += 100
      elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0
    end
    elapsed * 1e6 / n
  end.sort
  [runs.first, runs[runs.size / 2]]
end

bench_ops = ARGV[0]
core = {}
verify_token = nil
if bench_ops && File.executable?(bench_ops)
  verify_token = Open3.capture2(bench_ops, 'verify-token').first.strip
  out = Open3.capture2(bench_ops, 'time', '--runs', RUNS.to_s, '--min-ms', (MIN_S * 1000).round.to_s).first
  core = JSON.parse(out)['ns'].transform_values { |v| v.min / 1000.0 }
end
verify_token ||= AgoraToken::Builder.new(APP_ID, CERT, issue_ts: 1_700_000_000, salt: 12_345_678)
                                    .rtc_with_uid(CHANNEL, UID, AgoraToken::Role::PUBLISHER, 3600, 3600)

rtc = AgoraDynamicKey2::RtcTokenBuilder
rows = {
  'RTC 007 build (AgoraDynamicKey2 build_token_with_uid)' =>
    [time_op { rtc.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600) }, core['build007']],
  'parse + verify 007 (AgoraToken.verify, frozen Token)' =>
    [time_op { AgoraToken.verify(verify_token, CERT) }, core['verify007']]
}
puts format('%-56s %10s %10s %12s %9s', 'operation (us/op)', 'Ruby best', 'median', 'token-core', 'FFI cost')
rows.each do |name, ((best, median), own)|
  cost = own ? format('%+.1f', best - own) : 'n/a'
  puts format('%-56s %10.2f %10.2f %12s %9s', name, best, median, own ? format('%.2f', own) : 'n/a', cost)
end
puts "(#{RUNS} runs of >= #{(MIN_S * 1000).round} ms each; token-core: best run of bench_ops time; " \
     "FFI cost = Ruby best - token-core best: the FFI call, argument conversion and Ruby objects; ruby #{RUBY_VERSION})"
