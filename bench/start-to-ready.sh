#!/usr/bin/env bash
# Start to ready (bench/README.md, "Start to ready (H2)"): starts the built jar on the embedded
# setup with a data directory and ports of its own, polls /actuator/health/readiness every 100 ms
# and prints the wall time from launch to the first 200 and the CPU time the JVM process spent
# until then (utime + stime of /proc/<pid>/stat, all threads). On a shared machine the CPU time
# is the figure to compare: the neighbours stretch the wall time, much less the CPU time.
#
#   bench/start-to-ready.sh [runs] [data-dir|new] [-- extra JVM options...]
#
# runs: how many starts (default 2). data-dir: "new" (default) gives each start an empty
# directory (schema, demo data, CA keys created); a path reuses that directory (a restart on an
# existing database; it is created by the first start). Extra JVM options go before -jar, e.g.
#   bench/start-to-ready.sh 2 new -- -XX:SharedArchiveFile=target/cds/app.jsa
# JAR (default target/ca-back-office-*.jar) names another jar, e.g. the extracted one of the CDS
# setup (docker/cds-train.sh). THREADS=1 also lists the CPU time by thread at readiness.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-2}
data=${2:-new}
shift $(( $# < 2 ? $# : 2 ))
[[ ${1:-} == -- ]] && shift
jar=${JAR:-$(ls target/ca-back-office-*.jar | grep -v -- -plain | head -1)}
tick=$(getconf CLK_TCK)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

for run in $(seq 1 "$runs"); do
  dir=$data
  if [[ $data == new ]]; then dir=$(mktemp -d /tmp/start-to-ready.XXXXXX); fi
  port=$(free_port); smtp=$(free_port)
  log=$(mktemp /tmp/start-to-ready-log.XXXXXX)
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  java -Xmx1g "$@" -jar "$jar" --server.port="$port" --backoffice.data-dir="$dir" \
      --backoffice.mail.catcher.smtp-port="$smtp" --spring.mail.port="$smtp" \
      --backoffice.mail.catcher.imap-port="$(free_port)" --backoffice.whois.dev-registry.port="$(free_port)" >"$log" 2>&1 &
  pid=$!
  status=""
  while kill -0 "$pid" 2>/dev/null; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true)
    [[ $status == 200 ]] && break
    sleep 0.1
  done
  end=$(date +%s.%N)
  if [[ $status != 200 ]]; then
    echo "run $run: the node did not become ready, log: $log" >&2
    exit 1
  fi
  read -r utime stime < <(awk '{print $14, $15}' "/proc/$pid/stat")
  if [[ -n ${THREADS:-} ]]; then
    # CPU-seconds by thread name (JIT compilers, GC, main...); threads that ended are not listed
    python3 -c '
import collections, glob, re, sys
pid, tick = sys.argv[1], int(sys.argv[2])
cpu = collections.Counter()
for stat in glob.glob(f"/proc/{pid}/task/*/stat"):
    text = open(stat).read()
    name = re.sub(r"[0-9]+$", "#", text[text.index("(") + 1:text.rindex(")")])
    fields = text[text.rindex(")") + 2:].split()
    cpu[name] += (int(fields[11]) + int(fields[12])) / tick
for name, seconds in cpu.most_common(10):
    print(f"  {seconds:8.2f}  {name}")
' "$pid" "$tick"
  fi
  started=$(grep -o 'Started BackOfficeApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1 || true)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v r="$run" -v s="$start" -v e="$end" -v u="$utime" -v k="$stime" -v t="$tick" -v l="$load" -v st="$started" \
    'BEGIN { printf "run %d: ready after %.1f s wall, %.1f CPU-s (Started in %s s), load at launch %s\n", r, e - s, (u + k) / t, st, l }'
  rm -f "$log"
  if [[ $data == new ]]; then rm -rf "$dir"; fi
done
