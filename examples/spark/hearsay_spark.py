"""Quotes and speakers of a news archive on Apache Spark, with hearsay as a
pipe stage.

Every article is independent of every other, so the quotes are a map: each
partition of JSONL lines is piped through `hearsay quotes --format jsonl -`
(RDD.pipe), and hearsay's output lines are written as they are, one JSONL
part per partition. The only step that needs all articles at once is merging
the speakers, done as a reduce over (speaker, counts) pairs.

    spark-submit --files target/release/hearsay examples/spark/hearsay_spark.py \
        --hearsay ./hearsay IN_DIR OUT_DIR

reads every JSONL part under IN_DIR (anything `textFile` reads: a folder, a
glob, HDFS or S3 paths) and writes
    OUT_DIR/quotes/part-*      one line per article, as `hearsay quotes` prints it
    OUT_DIR/speakers/part-*    {"speaker", "quotes", "articles"} per name
The speaker names are those `hearsay quotes` gives each quotation (direct
and embedded quotes), counted by exact name; `hearsay speakers` also folds
names that differ only in case or accents, which this reduce does not.

Run locally with `--master 'local[2]'` (examples/spark/run-local.sh does).
"""

import argparse
import json
import shlex
import sys
import time

from pyspark import SparkConf, SparkContext

# An empty partition (an empty part file, or a split that holds no line
# start) would reach hearsay as an empty standard input, which it reports as
# an error: this wrapper runs hearsay only on a partition with a line in it.
# hearsay exits 2 when it skipped a line it could not read (a broken line in
# an archive) and wrote every other article; it named the line on stderr,
# which lands in the executor's log. That is a success for the stage; any
# other non-zero status is a real failure, and `checkCode=True` stops the job.
STAGE = (
    'IFS= read -r first || exit 0; '
    '{ printf "%s\\n" "$first"; exec cat; } | "$0" quotes --format jsonl -; '
    'status=$?; [ "$status" -eq 2 ] && exit 0; exit "$status"'
)

COUNTED_KINDS = ("direct", "embedded")


def stage_command(hearsay):
    """The pipe command: the wrapper above with hearsay's path as $0."""
    return shlex.join(["/bin/sh", "-c", STAGE, hearsay])


def speaker_pairs(line):
    """(speaker, (quotes, articles)) for each speaker quoted in one article."""
    article = json.loads(line)
    counts = {}
    for q in article["quotes"]:
        if q["speaker"] is not None and q["kind"] in COUNTED_KINDS:
            counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
    return [(name, (n, 1)) for name, n in counts.items()]


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def speaker_line(pair):
    name, (quotes, articles) = pair
    return json.dumps(
        {"speaker": name, "quotes": quotes, "articles": articles},
        ensure_ascii=False,
    )


def run(sc, hearsay, source, out, partitions=None):
    """Runs the job; returns (articles, bytes read, seconds)."""
    started = time.monotonic()
    read = sc.accumulator(0)
    articles = sc.accumulator(0)

    def count_bytes(line):
        read.add(len(line.encode("utf-8")) + 1)
        return line

    def count_article(line):
        articles.add(1)
        return line

    # Only a fixed PATH reaches hearsay: RDD.pipe gives the command the
    # environment it is handed, nothing of the executor's.
    (
        sc.textFile(source, minPartitions=partitions)
        .map(count_bytes)
        .pipe(stage_command(hearsay), env={"PATH": "/usr/bin:/bin"}, checkCode=True)
        .map(count_article)
        .saveAsTextFile(f"{out}/quotes")
    )
    # The merge reads the quotes back rather than keeping them in memory:
    # a second pass over the output costs less than running hearsay twice.
    (
        sc.textFile(f"{out}/quotes")
        .flatMap(speaker_pairs)
        .reduceByKey(add)
        .map(speaker_line)
        .saveAsTextFile(f"{out}/speakers")
    )
    return articles.value, read.value, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="JSONL parts: a folder, a glob, any textFile path")
    parser.add_argument("out", help="output folder (must not exist)")
    parser.add_argument("--hearsay", required=True, help="the hearsay binary, as executors see it")
    parser.add_argument("--master", help="Spark master, such as 'local[2]' (else spark-submit's)")
    parser.add_argument("--partitions", type=int, help="at least this many input partitions")
    args = parser.parse_args()

    conf = SparkConf().setAppName("hearsay quotes").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        articles, read, seconds = run(sc, args.hearsay, args.source, args.out, args.partitions)
    finally:
        sc.stop()
    print(
        f"spark: {articles} articles, {read / 1e6:.1f} MB in {seconds:.1f} s: "
        f"{read / 1e6 / seconds:.1f} MB/s, {articles / seconds:.0f} articles/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
