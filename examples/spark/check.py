"""Checks a Spark run of hearsay_spark.py against `hearsay quotes` run on one
machine over the same input, and prints both throughputs.

    python check.py --hearsay target/release/hearsay IN_DIR OUT_DIR

Fails (exit 1) unless
- the quotes Spark wrote are, line for line, the lines `hearsay quotes
  --format jsonl IN_DIR` prints, both sorted by article id;
- the speaker counts Spark reduced are those counted here from the
  single-machine output;
and first makes sure that the comparison itself tells a changed, missing or
extra line from a match, so that a pass means something.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import time


def parts(folder):
    """The lines of every Spark output part under `folder`."""
    lines = []
    for path in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(path, encoding="utf-8") as f:
            lines.extend(line.rstrip("\n") for line in f)
    return lines


def by_id(lines):
    """Lines sorted by the article id in each (then by the whole line)."""
    return sorted(lines, key=lambda line: (json.loads(line)["id"], line))


def first_difference(expected, got):
    """None when equal, else a message naming the first difference."""
    for i, (e, g) in enumerate(zip(expected, got)):
        if e != g:
            return f"line {i + 1} of {len(expected)} differs:\n  hearsay: {e[:300]}\n  spark:   {g[:300]}"
    if len(expected) != len(got):
        return f"hearsay wrote {len(expected)} articles, spark {len(got)}"
    return None


def speaker_counts(lines):
    """{speaker: [quotes, articles]} over direct and embedded quotes."""
    counts = collections.defaultdict(lambda: [0, 0])
    for line in lines:
        names = collections.Counter(
            q["speaker"]
            for q in json.loads(line)["quotes"]
            if q["speaker"] is not None and q["kind"] in ("direct", "embedded")
        )
        for name, n in names.items():
            counts[name][0] += n
            counts[name][1] += 1
    return dict(counts)


def spark_speakers(lines):
    found = {}
    for line in lines:
        s = json.loads(line)
        if s["speaker"] in found:
            raise SystemExit(f"spark: speaker {s['speaker']!r} written twice")
        found[s["speaker"]] = [s["quotes"], s["articles"]]
    return found


def comparison_can_fail(lines):
    """The comparison must notice a change, a loss and an addition."""
    if len(lines) < 2:
        raise SystemExit("check: too few articles to test the comparison")
    changed = list(lines)
    changed[len(changed) // 2] = changed[len(changed) // 2].replace('"quotes":[', '"quotes":[ ', 1)
    broken = [changed, lines[:-1], lines + lines[-1:]]
    if any(first_difference(lines, b) is None for b in broken):
        raise SystemExit("check: the comparison missed a difference")
    if first_difference(lines, list(lines)) is not None:
        raise SystemExit("check: the comparison failed equal inputs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the folder of JSONL parts Spark read")
    parser.add_argument("out", help="the folder hearsay_spark.py wrote")
    parser.add_argument("--hearsay", required=True)
    args = parser.parse_args()

    started = time.monotonic()
    run = subprocess.run(
        [args.hearsay, "quotes", "--format", "jsonl", args.source],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # 2: a line could not be read and was skipped (the recipe's broken-line
    # fixture), every other article written; anything else is a failure.
    if run.returncode not in (0, 2):
        sys.stderr.write(run.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"check: hearsay quotes exited {run.returncode}")
    skipped = [l for l in run.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if run.returncode == 2 and not skipped:
        raise SystemExit("check: hearsay quotes exited 2 without naming what it skipped")
    seconds = time.monotonic() - started
    size = sum(
        os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.source) for f in fs
    )
    single = by_id(run.stdout.decode("utf-8").splitlines())
    print(
        f"one machine: {len(single)} articles, {size / 1e6:.1f} MB in {seconds:.1f} s: "
        f"{size / 1e6 / seconds:.1f} MB/s, {len(single) / seconds:.0f} articles/s",
        file=sys.stderr,
    )

    comparison_can_fail(single)
    failures = 0
    spark = by_id(parts(os.path.join(args.out, "quotes")))
    difference = first_difference(single, spark)
    if difference:
        print(f"FAIL quotes: {difference}", file=sys.stderr)
        failures += 1
    expected = speaker_counts(single)
    got = spark_speakers(parts(os.path.join(args.out, "speakers")))
    if got != expected:
        wrong = sorted(set(expected) ^ set(got)) or sorted(
            n for n in expected if expected[n] != got.get(n)
        )
        print(f"FAIL speakers: {len(wrong)} differ, such as {wrong[:5]}", file=sys.stderr)
        failures += 1
    passed = 2 - failures
    quotes = sum(c[0] for c in expected.values())
    print(
        f"check: {len(single)} articles and {len(expected)} speakers ({quotes} quotes) "
        f"{'match' if failures == 0 else 'do NOT match'}",
        file=sys.stderr,
    )
    print(f"spark: {passed} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
