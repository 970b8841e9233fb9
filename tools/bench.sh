#!/usr/bin/env bash
# Benchmark: `ehelse compute` on an NHN-style look-up log of N rows (default
# 10 million), against DuckDB on the same figures when it is available.
#
#   tools/bench.sh [ROWS]
#
# Writes the log to bench-data/ (git-ignored; regenerated when ROWS changes),
# builds the release binary, and prints wall time and peak memory (max RSS)
# per run. With an empty cache folder: the first run on the files parses the
# CSV and hashes the files (SHA-256, remembered); the second parses the CSV and
# fills the extract cache; the third (warm) reads the cached Arrow IPC
# columns; "cache off" parses the CSV with the hashes remembered
# (EHELSE_NO_CACHE=1), the like of DuckDB's run. Each run's figures are
# checked to exit 0; DuckDB prints the latest quarter's figure to compare. Figures go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000000}"
DATA=bench-data
export EHELSE_CACHE="${EHELSE_CACHE:-$PWD/$DATA/.cache}"

if [ "$(cat "$DATA/.rows" 2>/dev/null)" != "$ROWS" ]; then
  rm -rf "$DATA"
  python3 tools/generate_sample_data.py --only nhn-pjd-logg,brreg-enheter --pjd-rows "$ROWS" --out "$DATA"
  echo "$ROWS" > "$DATA/.rows"
fi
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/ehelse"
SIZE=$(du -sh "$DATA/nhn" | cut -f1)
echo "log: $ROWS rows, $SIZE in $DATA/nhn"
echo

measure() { # label, command...
  local label="$1"; shift
  local out
  if ! out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 ); then
    printf '%s failed:\n%s\n' "$label" "$out" >&2
    exit 1
  fi
  out=$(tail -1 <<<"$out")
  printf '%-62s %8s s %8d MB\n' "$label" "${out% *}" "$(( ${out#* } / 1024 ))"
}

for ind in pjd-virksomheter-naeringskode pjd-legevakt-virksomheter dokumentdeling-konsumenter; do
  rm -rf "$EHELSE_CACHE"
  measure "ehelse $ind (1st run: CSV, files hashed)" "$BIN" compute --indicator "$ind" --data "$DATA" --format csv
  measure "ehelse $ind (2nd run: CSV + fill cache)" "$BIN" compute --indicator "$ind" --data "$DATA" --format csv
  measure "ehelse $ind (3rd run: warm cache)" "$BIN" compute --indicator "$ind" --data "$DATA" --format csv
  EHELSE_NO_CACHE=1 measure "ehelse $ind (cache off: CSV)" "$BIN" compute --indicator "$ind" --data "$DATA" --format csv
done
measure "ehelse all three, --by region (warm)" "$BIN" compute --indicator pjd-virksomheter-naeringskode \
  --indicator pjd-legevakt-virksomheter --indicator dokumentdeling-konsumenter --by region --data "$DATA" --format csv

if python3 -c 'import duckdb' 2>/dev/null; then
  cat > "$DATA/duck.py" <<'PY'
import sys, duckdb
q = sys.argv[1]
src = """read_csv('bench-data/nhn/pjd_oppslag_*.csv', delim=';', header=true,
  columns={'dato':'DATE','orgnr':'BIGINT','kommunenr':'VARCHAR',
           'virksomhetstype':'VARCHAR','dokumenttype':'VARCHAR'})"""
where = {"all": "", "legevakt": "AND virksomhetstype = 'legevakt'"}[q]
# Same figures as ehelse: distinct valid (MOD11) organisation numbers per quarter.
mod11 = """(11 - ((orgnr//100000000%10*3 + orgnr//10000000%10*2 + orgnr//1000000%10*7
  + orgnr//100000%10*6 + orgnr//10000%10*5 + orgnr//1000%10*4 + orgnr//100%10*3
  + orgnr//10%10*2) % 11)) % 11 = orgnr % 10"""
print(duckdb.sql(f"""SELECT year(dato)*10+quarter(dato) k, count(DISTINCT orgnr)
  FROM {src} WHERE orgnr BETWEEN 100000000 AND 999999999 AND {mod11} {where}
  GROUP BY 1 ORDER BY 1""").fetchall()[-1])
PY
  echo
  echo "latest quarter, ehelse vs DuckDB (period, value):"
  for ind in pjd-virksomheter-naeringskode pjd-legevakt-virksomheter; do
    printf '  ehelse %-32s %s\n' "$ind" "$("$BIN" compute --indicator "$ind" --data "$DATA" --format csv | tail -1 | cut -d, -f3,6)"
  done
  printf '  duckdb %-32s %s\n' all "$(python3 "$DATA/duck.py" all)" legevakt "$(python3 "$DATA/duck.py" legevakt)"
  echo
  measure "duckdb distinct orgnr per quarter (all)" python3 "$DATA/duck.py" all
  measure "duckdb distinct orgnr per quarter (legevakt)" python3 "$DATA/duck.py" legevakt
else
  echo "(DuckDB not installed: pip install duckdb to compare)"
fi
