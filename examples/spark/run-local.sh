#!/usr/bin/env bash
# hearsay_spark.py on local Spark (local[2]) over an N-article corpus made
# from ../shared, checked against `hearsay quotes` on one machine.
#
#   examples/spark/run-local.sh [N]        # N defaults to 100000
#
# Needs java (17: openjdk-17-jre-headless, installed here when run as root)
# and python3; pyspark goes into a venv under target/, never the system.
# Everything it writes is under target/spark (HEARSAY_SPARK_WORK to move it).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd -P)
n=${1:-100000}
work=${HEARSAY_SPARK_WORK:-$repo/target/spark}
venv=$repo/target/spark-venv
# Spark 4.0 runs on Java 17 and 21; 4.0.5 is the newest 4.0 release.
pyspark_version=4.0.5

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "spark: java is missing: install openjdk-17-jre-headless" >&2
    exit 1
  fi
fi
java -version 2>&1 | head -n 1

if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "pyspark==$pyspark_version"
fi

cargo build --release --bin hearsay --example make-corpus
hearsay=$repo/target/release/hearsay

rm -rf "$work"
mkdir -p "$work/parts" "$work/tmp"
target/release/examples/make-corpus "$work/corpus.jsonl" "$n"
# Eight parts cut at line ends, as an earlier job would leave them, and the
# cases a real archive has: an empty part, a one-line part, a part with a
# blank line, a broken line and no newline at its end.
split -n l/8 -d -a 5 --additional-suffix=.jsonl "$work/corpus.jsonl" "$work/parts/part-"
rm "$work/corpus.jsonl"
: >"$work/parts/part-empty.jsonl"
cp tests/fixtures/spark/*.jsonl "$work/parts/"

export SPARK_LOCAL_DIRS=$work/tmp PYSPARK_PYTHON=$venv/bin/python
# More partitions than parts, so that some parts are split inside.
"$venv/bin/python" examples/spark/hearsay_spark.py --master 'local[2]' --partitions 16 \
  --hearsay "$hearsay" "$work/parts" "$work/out"
"$venv/bin/python" examples/spark/check.py --hearsay "$hearsay" "$work/parts" "$work/out"
