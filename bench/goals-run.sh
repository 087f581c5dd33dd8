#!/usr/bin/env bash
# Issue 12's goals measured side by side in one run (bench/README.md, "Goals: where each stands"):
# start to ready on H2, the end-to-end load with the engine's floor on H2 and on PostgreSQL at one
# and four drivers, the CSR check and signing with lint against raw signing (JMH), the task list
# at 100,000 open tasks (PostgreSQL), and a bank statement of 1,000,000 lines against 100,000
# open invoices (-Xmx512m). One after the other on the same machine, each with the load average
# before and after, so the figures can be read together and against their neighbours.
#
#   bench/goals-run.sh [quick]
#
# "quick" runs the task list and bank steps smaller (a smoke test of the script: 10,000 tasks, unless
# the kept database has more, and 100,000 lines). The task list step times the filter's first page
# alone, the goal's figure; "all" instead of "pages" adds the count, Tasklist's list call and the
# board, linear in open tasks since the engine writes no per-task authorizations for the officers'
# processes (bench/README, "Task list at 100,000 open tasks"; a database filled before that loses
# its rows at the step's start).
# Needs what each step needs (bench/README.md, "Run it"): the repackaged jar at the root
# (mvn -B -q package -DskipTests; JAR= names another, e.g. a copy, because step 1 below replaces
# target/), the application's plain jar in the local repository (mvn -B -q -DskipTests
# -Dspring-boot.repackage.skip=true clean install), JMH in the local repository (one online run
# of this project), PostgreSQL on 127.0.0.1:5432 as postgres without a password. The task list's
# database (bench_tasklist) is kept between runs: only the first run fills it. Output:
# bench/target/goals-run/<step>.log and summary.txt (the lines each step ends with).
set -uo pipefail
cd "$(dirname "$0")"
quick=${1:-}
tasks=100000; lines=1000000; invoices=100000
if [[ $quick == quick ]]; then tasks=10000; lines=100000; invoices=10000; fi
export JAR=${JAR:-$(ls "$PWD"/../target/ca-back-office-*.jar | grep -v -- -plain | head -1)}
out=target/goals-run
rm -rf "$out"; mkdir -p "$out"
summary="$out/summary.txt"
{
  echo "goals run $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
    "$(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
} | tee "$summary"

step() {
  local name=$1; shift
  local before after t0 t1
  before=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%s)
  echo "== $name (load average $before)" | tee -a "$summary"
  "$@" >"$out/$name.log" 2>&1
  local rc=$?
  after=$(cut -d' ' -f1-3 /proc/loadavg); t1=$(date +%s)
  echo "   exit $rc after $((t1 - t0)) s, load average $after" | tee -a "$summary"
  return 0
}
keep() { grep -E "$2" "$out/$1.log" | sed 's/^/   /' | tee -a "$summary"; }

step start-to-ready bash start-to-ready.sh 2 new
keep start-to-ready '^run '

step e2e-h2 env WARMUP=10 DB=h2 OUT="$out/e2e-h2" bash pg-load-run.sh 1:20:20 4:40:40
keep e2e-h2 'applications/s|CPU-s during|: ratio|ready in'

step e2e-postgresql env WARMUP=10 OUT="$out/e2e-postgresql" bash pg-load-run.sh 1:20:20 4:40:40
keep e2e-postgresql 'applications/s|CPU-s during|: ratio|ready in'
for db in h2 postgresql; do
  grep -oE '^[0-9]+ applications, [0-9]+ drivers: [0-9.]+ s, [0-9.]+ applications/s' "$out/e2e-$db.log" \
    | awk -v db="$db" '{ rate[$3] = $(NF - 1) } END { if (rate[1] > 0) printf "   %s: four drivers / one = %.2fx\n", db, rate[4] / rate[1] }' \
    | tee -a "$summary"
done
psql -q -h 127.0.0.1 -U postgres -c 'drop database if exists bench_e2e' >/dev/null 2>&1

step jmh mvn -B -q -o compile exec:exec \
  -Djmh.args="CsrCheckBenchmark|SigningBenchmark|DepositMatchingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff $PWD/$out/jmh.json"
keep jmh '^(Benchmark |o\.c\.)'

step task-list mvn -B -q -o exec:exec -Dbench.main=org.cabackoffice.teamboard.camunda.TaskListScale \
  -Dbench.args="bench_tasklist $tasks 200 pages"
keep task-list 'open tasks|created|p50'

step bank-statement mvn -B -q -o exec:exec -Dbench.jvm=-Xmx512m \
  -Dbench.main=org.cabackoffice.payment.BankStatementScale -Dbench.args="$lines $invoices $PWD/target/bankscale-db"
keep bank-statement 'seeded|lines|heap|load average'
rm -rf target/bankscale-db

echo "summary: $summary"
