# Shared set-up of the benchmarks (sourced by run.sh and catalog.sh after their arguments are parsed): builds
# what is missing, finds our launcher and the real clients, makes the scratch folder, starts an embedded
# PostgreSQL 18 unless BENCH_USE_SERVER=1, and leaves psql=(...) ready. Needs root and bench_name set.
build="${BUILD_DIR:-target}"
jar="$root/cli/$build/pgdump4j.jar"
classes="$root/compat-tests/$build/test-classes"
if [[ ! -f "$jar" || ! -d "$classes/org/pgdump4j/compat" ]]; then
  echo "== building pgdump4j (mvn -q -DskipTests package)" >&2
  (cd "$root" && mvn -q -Dbuild.dir="$build" -DskipTests package)
fi
if [[ -n "${PGDUMP4J:-}" ]]; then
  read -r -a ours <<<"$PGDUMP4J"
elif [[ "$build" == target ]]; then
  ours=("$root/pgdump4j")
else
  ours=(java -jar "$jar")
fi
helper=(java -cp "$jar:$classes" org.pgdump4j.compat.InteropBenchMain)

if [[ -z "${PG_REFERENCE_BIN_18:-}" ]]; then
  eval "$("$root/bin/reference-clients" 18)"
fi
refbin="${PG_REFERENCE_BIN_18:?PG_REFERENCE_BIN_18 is not set and the reference clients could not be installed}"

work="${BENCH_WORK:-$(mktemp -d "/tmp/pgdump4j-$bench_name.XXXXXX")}"
mkdir -p "$work"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    exec 7>&-                       # closing its stdin stops the embedded server
    wait "$server_pid" 2>/dev/null || true
  fi
  [[ -z "${BENCH_WORK:-}" ]] && rm -rf "$work"
  return 0
}
trap cleanup EXIT

# ---- server -----------------------------------------------------------------------------------------------
export LC_ALL=C
if [[ "${BENCH_USE_SERVER:-}" != 1 ]]; then
  echo "== starting an embedded PostgreSQL 18" >&2
  mkfifo "$work/server.in"
  "${helper[@]}" server 18 <"$work/server.in" >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  exec 7>"$work/server.in"
  for _ in $(seq 1 600); do
    [[ -s "$work/server.out" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
    sleep 0.2
  done
  # shellcheck disable=SC2046  # the line is PGHOST=.. PGPORT=.. PGUSER=..
  export $(head -n 1 "$work/server.out")
fi
psql=("$refbin/psql" -X -q -v ON_ERROR_STOP=1)
