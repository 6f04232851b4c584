#!/usr/bin/env bash
# Start-up benchmark (issue 10): the dump of an empty database (plain, to /dev/null) by real pg_dump 18 and by ours,
# in the same run, median of N. What it measures is fixed cost: starting the program, connecting, reading an empty
# catalog; for us that is mostly the JVM starting and loading our classes.
#
#   bench/startup.sh            # 11 runs of each (median)
#   bench/startup.sh --runs 21
#
# Rows: real pg_dump 18; ours through ./pgdump4j (class-data sharing on, the default; and off: PGDUMP4J_CDS=0);
# ours as bin/pg_dump of the distribution (dist/target/*.tar.gz, unpacked into the scratch folder); the same on
# Java 25 when /usr/lib/jvm/temurin-25-jdk-amd64 (or JAVA25_HOME) exists, with ./pgdump4j's class-data sharing on
# and off; and `java -version` with the launcher's JVM options on each: the floor no Java program goes under.
# JAVA_HOME selects the first JVM (default: java on PATH). Environment as bench/run.sh (PG_REFERENCE_BIN_18,
# BENCH_WORK, BENCH_USE_SERVER, BUILD_DIR).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=11
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

bench_name=startup
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS startup_empty" -c "CREATE DATABASE startup_empty"

tarball="$(ls "$root"/dist/"$build"/pgdump4j-*.tar.gz 2>/dev/null | head -n 1 || true)"
dist_bin=""
if [[ -n "$tarball" ]]; then
  mkdir -p "$work/dist"
  tar xzf "$tarball" -C "$work/dist"
  dist_bin="$(echo "$work"/dist/pgdump4j-*/bin)"
fi
jdk25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java17="$(readlink -f "$(command -v java)")"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java17="$JAVA_HOME/bin/java"

# label|environment|command: one row each
rows=("real pg_dump 18|-|$refbin/pg_dump -d startup_empty -f /dev/null"
      "ours: ./pgdump4j dump (CDS on)|-|$root/pgdump4j dump -d startup_empty -f /dev/null"
      "ours: ./pgdump4j dump (CDS off)|PGDUMP4J_CDS=0|$root/pgdump4j dump -d startup_empty -f /dev/null")
if [[ -n "$dist_bin" ]]; then
  rows+=("ours: distribution's bin/pg_dump|-|$dist_bin/pg_dump -d startup_empty -f /dev/null")
  if [[ -x "$jdk25/bin/java" ]]; then
    rows+=("ours: distribution's bin/pg_dump, Java 25|JAVA_HOME=$jdk25|$dist_bin/pg_dump -d startup_empty -f /dev/null")
  fi
fi
if [[ -x "$jdk25/bin/java" ]]; then
  rows+=("ours: ./pgdump4j dump, Java 25 (CDS on)|JAVA_HOME=$jdk25|$root/pgdump4j dump -d startup_empty -f /dev/null"
         "ours: ./pgdump4j dump, Java 25 (CDS off)|JAVA_HOME=$jdk25 PGDUMP4J_CDS=0|$root/pgdump4j dump -d startup_empty \
-f /dev/null")
fi
floor_opts="-Xshare:auto -Xms64m -Xmx192m -XX:NewRatio=5 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version"
rows+=("floor: java -version (launcher's options, the JDK's own CDS)|-|$java17 $floor_opts")
[[ -x "$jdk25/bin/java" ]] && rows+=("floor: Java 25 -version (the same)|-|$jdk25/bin/java $floor_opts")

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
run_row() {  # run_row ENV COMMAND: one timed run, milliseconds on stdout
  local env="$1" cmd="$2" t0 t1
  t0=$(now_ms)
  if [[ "$env" == - ]]; then
    $cmd >/dev/null 2>&1
  else
    env $env $cmd >/dev/null 2>&1  # ENV: one or more NAME=VALUE words
  fi
  t1=$(now_ms)
  echo $((t1 - t0))
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warming up (the first run of our launchers records their class-data archives)" >&2
for row in "${rows[@]}"; do
  IFS='|' read -r _ env cmd <<<"$row"
  run_row "$env" "$cmd" >/dev/null
  run_row "$env" "$cmd" >/dev/null
done

for i in "${!rows[@]}"; do : >"$work/times.$i"; done
echo "== $runs runs of each, interleaved" >&2
for _ in $(seq 1 "$runs"); do
  for i in "${!rows[@]}"; do
    IFS='|' read -r _ env cmd <<<"${rows[$i]}"
    run_row "$env" "$cmd" >>"$work/times.$i"
  done
done

real_ms="$(median <"$work/times.0")"
echo "Dump of an empty database (plain, to /dev/null), median of $runs, $(date -u +%Y-%m-%d), $(nproc) cores,"\
  "load average before: $load"
echo
echo "| command | wall ms | x pg_dump 18 |"
echo "|---|---|---|"
for i in "${!rows[@]}"; do
  IFS='|' read -r label _ _ <<<"${rows[$i]}"
  ms="$(median <"$work/times.$i")"
  echo "| $label | $ms | $(awk -v a="$ms" -v b="$real_ms" 'BEGIN {printf "%.1f", a / b}') |"
done
