#!/usr/bin/env bash
# Data-path benchmark (issue 3, item 8): pgdump4j against real pg_dump 18 on pgbench data, in the same run.
#
#   bench/run.sh                       # scales 10 and 50, 3 runs each (median)
#   bench/run.sh --scales "1 5" --runs 3
#
# See bench/README.md. Environment:
#   PGDUMP4J            command that runs our dump tool (default: <repo>/pgdump4j); e.g. "java -jar x.jar"
#   BUILD_DIR           Maven build folder name (default target): where the jar and test classes are
#   PG_REFERENCE_BIN_18 real PostgreSQL 18 clients (default: installed with bin/reference-clients 18)
#   BENCH_WORK          scratch folder for the dumps (default: a new folder under /tmp; removed at the end)
#   BENCH_USE_SERVER=1  use the server in PGHOST/PGPORT/PGUSER instead of starting an embedded PostgreSQL 18
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scales="10 50"
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) scales="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

bench_name=bench
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
"${psql[@]}" -d postgres -c "SELECT 1" >/dev/null
server_version="$("${psql[@]}" -d postgres -Atc "SHOW server_version")"

# ---- data -------------------------------------------------------------------------------------------------
pgbench=""
for candidate in "$(command -v pgbench || true)" "$refbin/pgbench" /usr/lib/postgresql/*/bin/pgbench; do
  [[ -n "$candidate" && -x "$candidate" ]] && { pgbench="$candidate"; break; }
done

load() {  # load DB SCALE: pgbench -i -s SCALE, or the same tables and rows generated in SQL
  local db="$1" scale="$2"
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  if [[ -n "$pgbench" ]]; then
    echo "== loading scale $scale with $pgbench -i -s $scale" >&2
    "$pgbench" -i -q -s "$scale" "$db" >/dev/null 2>"$work/pgbench.err" || { cat "$work/pgbench.err" >&2; exit 1; }
  else
    # pgbench's own server-side generation (pgbench -i -I dtGvp): same tables, rows and keys
    echo "== loading scale $scale with SQL (no pgbench found): pgbench -I dtGvp equivalent" >&2
    "${psql[@]}" -d "$db" -v scale="$scale" -f "$root/bench/pgbench-init.sql" >/dev/null
  fi
}

# ---- measuring --------------------------------------------------------------------------------------------
# run NAME CMD...: runs CMD under /usr/bin/time; appends "wall-seconds peak-RSS-kB user-s system-s" to $work/NAME.times
run() {
  local name="$1"; shift
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/cmd.err" || {
    echo "bench/run.sh: $name failed:" >&2; tail -n 5 "$work/cmd.err" >&2; exit 1; }
  tail -n 1 "$work/time.txt" >>"$work/$name.times"
  rm -rf "$work/out"
}

cpu_median() {  # cpu_median FILE: of user + system seconds (the client's CPU, less sensitive to others' load)
  awk '{print $3 + $4}' "$1" | sort -n | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'
}

median() {  # median FILE: of the first column
  sort -n -k1,1 "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# The raw COPY ... TO STDOUT of the four tables into /dev/null, one psql session (C, libpq): the physical limit.
copy_cmd() {
  cmd=("${psql[@]}" -d "$1" -c "COPY public.pgbench_accounts TO STDOUT" -c "COPY public.pgbench_branches TO STDOUT"
       -c "COPY public.pgbench_tellers TO STDOUT" -c "COPY public.pgbench_history TO STDOUT")
}

# The same four COPYs in binary, which ours uses for integer and string columns: the server's cheapest way out.
copy_bin_cmd() {
  cmd=("${psql[@]}" -d "$1" -c "COPY public.pgbench_accounts TO STDOUT (FORMAT binary)"
       -c "COPY public.pgbench_branches TO STDOUT (FORMAT binary)" -c "COPY public.pgbench_tellers TO STDOUT (FORMAT binary)"
       -c "COPY public.pgbench_history TO STDOUT (FORMAT binary)")
}

# The same rows as two half-table COPYs (ctid ranges, TID range scans: PostgreSQL 14+) in two concurrent psql
# sessions: what reading one table through several connections could gain on this machine.
pages=""
split_cmd() {
  local half=$(( (pages + 1) / 2 ))
  cmd=(bash -c "\"\$@\" -d $1 -c \"COPY (SELECT * FROM ONLY public.pgbench_accounts WHERE ctid < '($half,0)') TO STDOUT\" \
        >/dev/null & \"\$@\" -d $1 -c \"COPY (SELECT * FROM ONLY public.pgbench_accounts WHERE ctid >= '($half,0)') TO STDOUT\" \
        -c 'COPY public.pgbench_branches TO STDOUT' -c 'COPY public.pgbench_tellers TO STDOUT' \
        -c 'COPY public.pgbench_history TO STDOUT' >/dev/null; wait" split "${psql[@]}")
}
split_ok="$("${psql[@]}" -d postgres -Atc "SELECT current_setting('server_version_num')::int >= 140000")"

# Ours through the CLI; if it cannot write archives yet, through the library (InteropBenchMain dump): probed once.
ours_mode=cli
# Both sync their output by default (pg_dump: fsync of the file, or of every file and the folder for -Fd); a 4th
# argument "nosync" passes --no-sync to both, so each pair compares like with like.
ours_cmd() {  # ours_cmd DB FORMAT COMPRESSION(default|-Z spec) [nosync|sync] [JOBS]
  local zargs=(); [[ "$3" != default ]] && zargs=(-Z "$3")
  [[ "${4:-}" == nosync ]] && zargs+=(--no-sync)
  [[ -n "${5:-}" ]] && zargs+=(-j "$5")
  if [[ "$ours_mode" == cli ]]; then
    cmd=("${ours[@]}" dump -F "$2" "${zargs[@]}" -f "$work/out" "$1")
  else
    cmd=(env PGDATABASE="$1" "${helper[@]}" dump "$2" "$3" "$work/out")
  fi
}
ref_cmd() {
  local zargs=(); [[ "$3" != default ]] && zargs=(-Z "$3")
  [[ "${4:-}" == nosync ]] && zargs+=(--no-sync)
  [[ -n "${5:-}" ]] && zargs+=(-j "$5")
  cmd=("$refbin/pg_dump" -F "$2" "${zargs[@]}" -f "$work/out" "$1")
}

report="$work/report.txt"
{
  echo "pgdump4j data-path benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, server PostgreSQL $server_version"
  echo "ours: ${ours[*]} | real: $("$refbin/pg_dump" --version) | runs per cell: $runs (median)"
} >"$report"

for scale in $scales; do
  db="bench_s$scale"
  load "$db" "$scale"
  "${psql[@]}" -d "$db" -c "VACUUM ANALYZE" >/dev/null
  if [[ "$ours_mode" == cli ]]; then
    ours_cmd "$db" c default
    if ! "${cmd[@]}" >/dev/null 2>"$work/probe.err"; then  # a full dump: it also records the launcher's CDS archive
      echo "== our CLI cannot write archives yet: $(head -n 1 "$work/probe.err")" >&2
      echo "== measuring our library instead (InteropBenchMain dump, same engine, same JVM start-up)" >&2
      ours_mode=library
    fi
    rm -rf "$work/out"
  fi
  size="$("${psql[@]}" -d "$db" -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c WHERE relname LIKE 'pgbench_%' AND relkind = 'r'")"
  rm -f "$work"/*.times
  echo "== scale $scale ($size): $runs runs of each case" >&2
  pages="$("${psql[@]}" -d "$db" -Atc "SELECT pg_relation_size('public.pgbench_accounts') / 8192")"
  for ((i = 1; i <= runs; i++)); do
    copy_cmd "$db"; run copy "${cmd[@]}"
    copy_bin_cmd "$db"; run copy_bin "${cmd[@]}"
    if [[ "$split_ok" == t ]]; then split_cmd "$db"; run split "${cmd[@]}"; fi
    ref_cmd "$db" c default; run real_fc "${cmd[@]}"
    ours_cmd "$db" c default; run ours_fc "${cmd[@]}"
    ref_cmd "$db" d 0; run real_fd0 "${cmd[@]}"
    ours_cmd "$db" d 0; run ours_fd0 "${cmd[@]}"
    ref_cmd "$db" c zstd; run real_fczstd "${cmd[@]}"
    ours_cmd "$db" c zstd; run ours_fczstd "${cmd[@]}"
    ref_cmd "$db" c default nosync; run real_fc_ns "${cmd[@]}"
    ours_cmd "$db" c default nosync; run ours_fc_ns "${cmd[@]}"
    ref_cmd "$db" d 0 nosync; run real_fd0_ns "${cmd[@]}"
    ours_cmd "$db" d 0 nosync; run ours_fd0_ns "${cmd[@]}"
    ref_cmd "$db" d default sync 2; run real_fdj2 "${cmd[@]}"
    ours_cmd "$db" d default sync 2; run ours_fdj2 "${cmd[@]}"
  done
  m() { median "$work/$1.times"; }
  rss() { sort -n "$work/$1.times" -k2,2 | tail -n 1 | awk '{printf "%.0f", $2 / 1024}'; }
  cpu() { cpu_median "$work/$1.times"; }
  {
    echo
    echo "scale $scale ($size in tables), ours via $ours_mode"
    printf '  %-30s %10s %12s %12s\n' case "wall s" "ratio" "peak RSS MB"
    printf '  %-30s %10s %12s %12s\n' "raw COPY TO STDOUT (psql)" "$(m copy)" "1.00 (limit)" "-"
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fc" "$(m real_fc)" "" "$(rss real_fc)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fc" "$(m ours_fc)" \
      "$(awk -v a="$(m ours_fc)" -v b="$(m real_fc)" 'BEGIN {printf "%.2f x pg_dump", a / b}')" "$(rss ours_fc)"
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fd -Z0" "$(m real_fd0)" \
      "$(awk -v a="$(m copy)" -v b="$(m real_fd0)" 'BEGIN {printf "%.2f x COPY", a / b}')" "$(rss real_fd0)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fd -Z0" "$(m ours_fd0)" \
      "$(awk -v a="$(m copy)" -v b="$(m ours_fd0)" 'BEGIN {printf "%.2f x COPY", a / b}')" "$(rss ours_fd0)"
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fc -Z zstd" "$(m real_fczstd)" "" "$(rss real_fczstd)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fc -Z zstd" "$(m ours_fczstd)" \
      "$(awk -v a="$(m ours_fczstd)" -v b="$(m real_fczstd)" 'BEGIN {printf "%.2f x pg_dump", a / b}')" \
      "$(rss ours_fczstd)"
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fc --no-sync" "$(m real_fc_ns)" "" "$(rss real_fc_ns)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fc --no-sync" "$(m ours_fc_ns)" \
      "$(awk -v a="$(m ours_fc_ns)" -v b="$(m real_fc_ns)" 'BEGIN {printf "%.2f x pg_dump", a / b}')" "$(rss ours_fc_ns)"
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fd -Z0 --no-sync" "$(m real_fd0_ns)" \
      "$(awk -v a="$(m copy)" -v b="$(m real_fd0_ns)" 'BEGIN {printf "%.2f x COPY", a / b}')" "$(rss real_fd0_ns)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fd -Z0 --no-sync" "$(m ours_fd0_ns)" \
      "$(awk -v a="$(m copy)" -v b="$(m ours_fd0_ns)" 'BEGIN {printf "%.2f x COPY", a / b}')" "$(rss ours_fd0_ns)"
    printf '  %-30s %10s %12s %12s\n' "raw COPY, binary format" "$(m copy_bin)" \
      "$(awk -v a="$(m copy)" -v b="$(m copy_bin)" 'BEGIN {printf "%.2f x COPY", a / b}')" "-"
    if [[ "$split_ok" == t ]]; then
      printf '  %-30s %10s %12s %12s\n' "same rows, 2 parallel streams" "$(m split)" \
        "$(awk -v a="$(m copy)" -v b="$(m split)" 'BEGIN {printf "%.2f x COPY", a / b}')" "-"
    fi
    printf '  %-30s %10s %12s %12s\n' "pg_dump 18 -Fd -j 2" "$(m real_fdj2)" "" "$(rss real_fdj2)"
    printf '  %-30s %10s %12s %12s\n' "ours -Fd -j 2" "$(m ours_fdj2)" \
      "$(awk -v a="$(m ours_fdj2)" -v b="$(m real_fdj2)" 'BEGIN {printf "%.2f x pg_dump", a / b}')" "$(rss ours_fdj2)"
    echo "  client CPU seconds (user + system, median), ours / pg_dump 18:"
    for pair in "fc:-Fc" "fd0:-Fd -Z0" "fczstd:-Fc -Z zstd" "fdj2:-Fd -j 2"; do
      k="${pair%%:*}"
      printf '    %-26s %8s / %-8s %s\n' "${pair#*:}" "$(cpu "ours_$k")" "$(cpu "real_$k")" \
        "$(awk -v a="$(cpu "ours_$k")" -v b="$(cpu "real_$k")" 'BEGIN {if (b > 0) printf "(%.2f x)", a / b}')"
    done
    fc=$(awk -v a="$(m ours_fc)" -v b="$(m real_fc)" 'BEGIN {print (a / b <= 0.8) ? "met" : "NOT met"}')
    fd=$(awk -v a="$(m copy)" -v b="$(m ours_fd0)" 'BEGIN {print (a / b >= 0.9) ? "met" : "NOT met"}')
    rs=$(awk -v r="$(rss ours_fc)" 'BEGIN {print (r <= 300) ? "met" : "NOT met"}')
    echo "  targets: -Fc wall <= 0.8 x pg_dump 18: $fc; -Fd -Z0 throughput >= 0.9 x raw COPY: $fd; peak RSS <= 300 MB: $rs"
    sp=""; [[ "$split_ok" == t ]] && sp="$(m split)"
    awk -v f="$(m real_fc)" -v c="$(m copy)" -v b="$(m copy_bin)" -v p="$sp" 'BEGIN {
      printf "  floor: 0.8 x pg_dump -Fc = %.2f s; the server sends these rows in %.2f s over one connection (%.2f s in binary)", 0.8 * f, c, b
      if (p != "") printf ", %.2f s over two", p
      print "" }'
  } | tee -a "$report" >&2
  "${psql[@]}" -d postgres -c "DROP DATABASE $db" >/dev/null
done

echo >&2
cat "$report"
