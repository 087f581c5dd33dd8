#!/usr/bin/env bash
# The end-to-end load on PostgreSQL (bench/README.md, "PostgreSQL"), one command: a new database,
# one node of the built jar on it (embedded settings otherwise, ports of its own), then LoadRun
# (engine floor + end to end) for each leg on that same node, one after the other, each leg with
# a JDK Flight Recorder recording of the node (settings=profile) for exactly that leg.
#
#   bench/pg-load-run.sh [K:N:FLOOR ...]        default: 1:20:20 4:40:40
#
# A leg may come twice (1:20:20 4:40:40 1:20:20 4:40:40) for the better of two on one node.
# K drivers, N applications, FLOOR engine-floor instances. Per leg it prints the load average
# before and after, and the CPU-seconds the node, PostgreSQL (all its processes) and the whole
# machine spent during the leg (/proc), so a figure can be read against its neighbours. Output in
# bench/target/pg-load-run/: <leg>.json (LoadRun's JSON), <leg>.jfr (the node's recording),
# node.log. Summarize a recording with bench/jfr-hot.py <leg>.jfr.
#
# Needs the repackaged jar (`mvn -B -o -q package -DskipTests` at the root; JAR= names another)
# and PostgreSQL on 127.0.0.1:5432 as user postgres without a password (DB= names the database,
# default bench_e2e; it is dropped and created anew; DB=h2 runs the node on its embedded H2).
# NODE_ARGS adds settings to the node's command line, e.g.
# NODE_ARGS=--backoffice.payment.unheard-look-interval=1s. WARMUP=N runs N untimed applications
# (and N floor instances) before each leg, default 1. OUT names the output directory. The driver's classes are compiled here
# with javac against the jar's own classes and libraries, so no Maven run of this project (and
# no JMH download) is needed for it.
set -euo pipefail
cd "$(dirname "$0")"
legs=("$@")
[[ ${#legs[@]} -eq 0 ]] && legs=(1:20:20 4:40:40)
jar=$(realpath "${JAR:-$(ls ../target/ca-back-office-*.jar | grep -v -- -plain | head -1)}")
db=${DB:-bench_e2e}
out=${OUT:-target/pg-load-run}
rm -rf "$out" target/pg-load-run-jar
mkdir -p "$out" target/pg-load-run-jar target/pg-load-run-classes

# The driver: the bench sources that need no JMH, against the jar's classes and libraries.
(cd target/pg-load-run-jar && unzip -q "$jar" 'BOOT-INF/*')
cp="target/pg-load-run-classes:target/pg-load-run-jar/BOOT-INF/classes:target/pg-load-run-jar/BOOT-INF/lib/*"
javac -nowarn -d target/pg-load-run-classes -cp "$cp" \
    src/main/java/org/cabackoffice/bench/{LoadRun,EndToEndLoad,EngineFloor,AcmeOrderLoad}.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tick=$(getconf CLK_TCK)
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_cpu() {
  local sum=0 p
  for p in $(pgrep -x postgres || true); do sum=$((sum + $(cpu_of "$p"))); done
  echo "$sum"
}
machine_busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
cores=$(nproc)

# DB=h2: the node on its embedded H2 database in the data directory instead (the same legs).
if [[ $db == h2 ]]; then
  datasource=()
else
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db" -c "create database $db"
  datasource=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db"
    --spring.datasource.username=postgres --spring.datasource.password=)
fi
port=$(free_port); smtp=$(free_port)
data=$(mktemp -d /tmp/pg-load-run.XXXXXX)
# Deep stacks (Spring Security, Tomcat, the engine's interceptors) pass JFR's default 64 frames.
java -Xmx1g -XX:FlightRecorderOptions=stackdepth=512 -jar "$jar" --server.port="$port" --backoffice.data-dir="$data" \
    --backoffice.base-url="http://127.0.0.1:$port" \
    "${datasource[@]}" \
    --backoffice.mail.catcher.smtp-port="$smtp" --spring.mail.port="$smtp" \
    --backoffice.mail.catcher.imap-port="$(free_port)" --backoffice.whois.dev-registry.port="$(free_port)" \
    ${NODE_ARGS:-} >"$out/node.log" 2>&1 &
node=$!
trap 'kill "$node" 2>/dev/null || true' EXIT
started=$(date +%s)
until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true) == 200 ]]; do
  kill -0 "$node" 2>/dev/null || { echo "the node stopped; $out/node.log" >&2; exit 1; }
  sleep 0.5
done
echo "node $node on port $port, database $db: ready in $(( $(date +%s) - started )) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"

i=0
for leg in "${legs[@]}"; do
  IFS=: read -r k n floor <<<"$leg"
  i=$((i + 1))
  name="$i-K$k-N$n"
  echo "== $name: $(uptime)"
  jcmd "$node" JFR.start name="$name" settings=profile >/dev/null
  node0=$(cpu_of "$node"); pg0=$(postgres_cpu); busy0=$(machine_busy); t0=$(date +%s.%N)
  java -Dbench.warmup="${WARMUP:-1}" -cp "$cp" org.cabackoffice.bench.LoadRun "http://127.0.0.1:$port" "$n" "$k" "$floor" \
    || echo "== $name: LoadRun failed (see above)"
  node1=$(cpu_of "$node"); pg1=$(postgres_cpu); busy1=$(machine_busy); t1=$(date +%s.%N)
  jcmd "$node" JFR.stop name="$name" filename="$PWD/$out/$name.jfr" >/dev/null
  [[ -f target/load-run.json ]] && mv target/load-run.json "$out/$name.json"
  awk -v a="$node0" -v b="$node1" -v c="$pg0" -v d="$pg1" -v e="$busy0" -v f="$busy1" -v s="$t0" -v t="$t1" -v hz="$tick" -v cores="$cores" \
    'BEGIN { printf "== %s CPU-s during the leg (%.1f s wall, floor included): node %.1f, PostgreSQL %.1f, whole machine %.1f of %.1f\n", \
      "'"$name"'", t - s, (b - a) / hz, (d - c) / hz, (f - e) / hz, cores * (t - s) }'
  echo "== $name: $(uptime)"
done
echo "payments recorded before their process waited (told again by the 30 s look):" \
  "$(grep -c 'no process waits for it' "$out/node.log" || true)," \
  "of which told on a later look: $(grep -c 'reached its process on a later look' "$out/node.log" || true)"
