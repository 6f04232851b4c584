#!/usr/bin/env bash
# Huge TOCs (issue 7, item 2): `restore -l` and `restore -f -` of a custom archive of a million large objects
# (pg_dump 15's shape: one BLOB entry each) through the launcher (its default 192 MB heap), against real
# pg_restore 18 in the same run; same output required. The archive (about 220 MB) is generated, never committed.
#
#   bench/huge-toc.sh [OBJECTS]        # default 1000000
#
# Needs `mvn -o -q -DskipTests package` and the cli test classes (`mvn -o -q -pl cli -am test-compile`).
# PG_REFERENCE_BIN_18 (default: bin/reference-clients 18); BENCH_WORK scratch folder (default: new under /tmp).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
objects="${1:-1000000}"
jar="$root/cli/target/pgdump4j.jar"
classes="$root/cli/target/test-classes"
[[ -f "$jar" && -f "$classes/org/pgdump4j/cli/BigArchives.class" ]] || {
  echo "bench/huge-toc.sh: build first: mvn -o -q -DskipTests package && mvn -o -q -pl cli -am test-compile" >&2
  exit 1
}
if [[ -z "${PG_REFERENCE_BIN_18:-}" ]]; then
  eval "$("$root/bin/reference-clients" 18)"
fi
work="${BENCH_WORK:-$(mktemp -d /tmp/huge-toc.XXXXXX)}"
[[ -n "${BENCH_WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
archive="$work/objects.dump"

java -cp "$classes:$jar" org.pgdump4j.cli.BigArchives objects "$archive" "$objects"
echo "archive: $objects large objects, $(du -h "$archive" | cut -f1)"

measure() {  # label command...: prints wall seconds and peak RSS, output to $work/<label>.out
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" > "$work/$label.out"
  read -r secs kb < "$work/$label.time"
  echo "$secs $kb"
}

"$root/pgdump4j" restore -l "$archive" >/dev/null  # untimed: records the launcher's CDS archive for restore
printf '%-8s %-26s %-26s %s\n' mode "pg_restore 18 (s, MB)" "pgdump4j (s, MB)" ratio
for mode in "-l" "-f -"; do
  # shellcheck disable=SC2086
  read -r rs rk <<< "$(TZ=UTC measure real "$PG_REFERENCE_BIN_18/pg_restore" $mode "$archive")"
  # shellcheck disable=SC2086
  read -r os ok <<< "$(TZ=UTC measure ours "$root/pgdump4j" restore $mode "$archive")"
  if ! diff -q <(grep -v restrict "$work/real.out") <(grep -v restrict "$work/ours.out") > /dev/null; then
    echo "bench/huge-toc.sh: $mode output differs from pg_restore's" >&2
    exit 1
  fi
  printf '%-8s %-26s %-26s %.2f x\n' "$mode" "$rs, $((rk / 1024))" "$os, $((ok / 1024))" "$(echo "$os / $rs" | bc -l)"
done
