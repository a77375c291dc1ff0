/* Times building one RTC 007 token with a uid through the C API: the same
 * inputs and defaults (issued now, random salt) as token-core's example
 * bench_rtc007, so scripts/bench-c can compare the two.
 *
 *   bench_rtc007 [--runs N] [--min-ms MS]
 *
 * Prints one JSON line:
 * {"impl":"c-api","ns_per_token":[per run...],"best_ns":B,"sample":"007..."} */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agora_token.h"

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";
static const char *CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
static const uint32_t UID = 2882341273u;
static const uint32_t EXPIRE = 3600;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* One token, as a user would make it: build, use, free. */
static int build_one(char **keep) {
  char *token = NULL;
  AgoraTokenStatus s = agora_token_rtc_build_with_uid(APP_ID, CERT, CHANNEL, UID, 1, EXPIRE, EXPIRE, NULL, &token, NULL);
  if (s != AGORA_TOKEN_STATUS_OK) return 0;
  if (keep) {
    *keep = token;
  } else {
    agora_token_string_free(token);
  }
  return 1;
}

static double run(double min_ns) {
  double start = now_ns(), elapsed;
  uint64_t n = 0;
  for (;;) {
    for (int i = 0; i < 256; i++) {
      if (!build_one(NULL)) {
        fprintf(stderr, "bench_rtc007: build failed\n");
        exit(1);
      }
    }
    n += 256;
    elapsed = now_ns() - start;
    if (elapsed >= min_ns) return elapsed / (double)n;
  }
}

int main(int argc, char **argv) {
  long runs = 5, min_ms = 500;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--runs")) runs = strtol(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--min-ms")) min_ms = strtol(argv[i + 1], NULL, 10);
  }
  if (runs <= 0 || min_ms <= 0 || runs > 1000) {
    fprintf(stderr, "usage: bench_rtc007 [--runs N] [--min-ms MS]\n");
    return 2;
  }
  char *sample = NULL;
  if (!build_one(&sample)) return 1;
  run(300e6 < min_ms * 1e6 ? 300e6 : min_ms * 1e6); /* warm-up */
  double best = 1e300;
  printf("{\"impl\":\"c-api\",\"ns_per_token\":[");
  for (long r = 0; r < runs; r++) {
    double ns = run((double)min_ms * 1e6);
    if (ns < best) best = ns;
    printf("%s%.1f", r ? "," : "", ns);
  }
  printf("],\"best_ns\":%.1f,\"sample\":\"%s\"}\n", best, sample);
  agora_token_string_free(sample);
  return 0;
}
