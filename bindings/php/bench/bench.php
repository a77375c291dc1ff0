<?php

/*
 * Speed of the PHP binding, and its FFI cost: µs per RTC 007 build and per
 * parse + verify of one 007 token through PHP FFI, against token-core's own
 * time for the same operation (crates/token-core/examples/bench_ops, run as
 * a separate process just before; same inputs). The difference is the cost
 * of PHP, FFI and the conversion to PHP values; no official PHP package runs
 * here to compare with (Packagist is not reachable).
 *
 *   php -d ffi.enable=1 bench/bench.php [--core PATH/TO/bench_ops] [--runs N] [--min-ms MS]
 *
 * Each operation: a warm-up, then N runs of at least MS ms; the best and the
 * median run are reported.
 */

declare(strict_types=1);

require __DIR__ . '/../autoload.php';

use AgoraToken\RtcRole;
use AgoraToken\Token;
use AgoraToken\TokenBuilder;

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
const UID = 2882341273;

$opts = getopt('', ['core:', 'runs:', 'min-ms:']);
$runs = (int) ($opts['runs'] ?? 5);
$minMs = (int) ($opts['min-ms'] ?? 500);
$core = $opts['core'] ?? __DIR__ . '/../../../target/release/examples/bench_ops';

/** @return list<float> ns per call of $fn, one number per run */
function timed(callable $fn, int $runs, int $minMs): array
{
    for ($k = 0; $k < 200; $k++) {
        $fn();
    }
    $out = [];
    for ($r = 0; $r < $runs; $r++) {
        $n = 0;
        $start = hrtime(true);
        do {
            for ($k = 0; $k < 100; $k++) {
                $fn();
            }
            $n += 100;
            $elapsed = hrtime(true) - $start;
        } while ($elapsed < $minMs * 1e6);
        $out[] = $elapsed / $n;
    }
    return $out;
}

function median(array $v): float
{
    sort($v);
    return $v[intdiv(count($v), 2)];
}

// token-core first, its own process.
$coreNs = null;
if (is_executable($core)) {
    $json = shell_exec(escapeshellarg($core) . " time --runs $runs --min-ms $minMs");
    $coreNs = json_decode((string) $json, true)['ns'] ?? null;
}

$token = (new TokenBuilder(APP_ID, CERT, issueTs: 1700000000, salt: 12345678))->rtcWithUid(CHANNEL, UID, RtcRole::Publisher, 3600, 3600);
$builder = new TokenBuilder(APP_ID, CERT);
$ops = [
    ['RTC 007 build, drop-in RtcTokenBuilder2::buildTokenWithUid', 'build007',
        fn () => RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder2::ROLE_PUBLISHER, 3600, 3600)],
    ['RTC 007 build, TokenBuilder::rtcWithUid', 'build007', fn () => $builder->rtcWithUid(CHANNEL, UID, RtcRole::Publisher, 3600, 3600)],
    ['007 parse + verify, Token::verify (to a ParsedToken)', 'verify007', fn () => Token::verify($token, CERT)],
    ['RTC 006 build, drop-in RtcTokenBuilder::buildTokenWithUid', 'build006',
        fn () => RtcTokenBuilder::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder::RolePublisher, 2000000000)],
];
printf("PHP %s, FFI over %s; %d runs of >= %d ms, best (median) per operation\n", PHP_VERSION,
    getenv('AGORA_TOKEN_LIBRARY') ?: 'libagora_token.so', $runs, $minMs);
printf("%-60s %16s %16s %14s\n", 'operation', 'PHP FFI us', 'token-core us', 'FFI cost us');
foreach ($ops as [$name, $key, $fn]) {
    $ns = timed($fn, $runs, $minMs);
    $c = $coreNs[$key] ?? null;
    printf("%-60s %7.2f (%6.2f) %7s %8s %14s\n", $name, min($ns) / 1000, median($ns) / 1000,
        $c ? sprintf('%.2f', min($c) / 1000) : '-', $c ? sprintf('(%.2f)', median($c) / 1000) : '',
        $c ? sprintf('%+.2f', (min($ns) - min($c)) / 1000) : '-');
}
if ($coreNs === null) {
    echo "(token-core column empty: build it with cargo build --release -p token-core --example bench_ops)\n";
}
