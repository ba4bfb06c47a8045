#!/usr/bin/env python3
"""Place resolution speed, gazetteer ready time and memory (one process, one core).

    python benchmarks/geocode.py [--articles 2000] [--corpus ../shared/data/corpus/saudinewsnet.jsonl.gz]

1. Mention resolutions per second: the place mentions of corpus articles are
   found once, then resolved (candidate scoring, country focus, precision) and
   timed; finding them (gazetteer matching) is timed too.
2. Gazetteer ready time, each in a fresh interpreter: the shipped gazetteer;
   with a large user layer (the 41,000 Yemeni villages of ../shared/data/yemen_places,
   imported as an OCHA COD list into a temporary RASD_HOME) first cold (index
   built, then cached) and then warm (index read from the cache).
3. Peak resident memory of this process and of each fresh one.

Reads the research-only data from ../shared; exits with a message when it is absent.
"""

from __future__ import annotations

import csv
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT, load_articles, parse_args

VILLAGES = ROOT.parent / "shared/data/yemen_places/yemen_villages_yemen_info.tsv.gz"
READY = """
import resource, sys, time
t0 = time.perf_counter()
from rasd.knowledge.gazetteer import default_gazetteer
g = default_gazetteer()
t1 = time.perf_counter()
print(f"{t1 - t0:.3f} {len(g.entries)} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
"""


def ready(env: dict) -> tuple[float, int, float, float]:
    """(seconds to a usable gazetteer after imports start, entries, peak MiB, wall seconds with interpreter start)."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", READY], env=env, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    s, n, mib = out.split()
    return float(s), int(n), float(mib), wall


def villages_as_ocha_csv(path: Path) -> int:
    """The Yemeni village list as an OCHA COD populated-places CSV (admin1..admin4 columns)."""
    n = 0
    with gzip.open(VILLAGES, "rt", encoding="utf-8") as f, open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["admin0Pcode", "admin1Name_en", "admin1Name_ar", "admin1Pcode", "admin2Name_ar", "admin2Pcode",
                    "admin3Name_ar", "admin3Pcode", "admin4Name_en", "admin4Name_ar", "admin4Pcode",
                    "latitude", "longitude"])
        for r in csv.DictReader(f, delimiter="\t"):
            if not r["approx_lat"]:
                continue
            w.writerow(["YE", r["governorate_en"], r["governorate_ar"], r["cod_adm1_pcode"], r["district_ar"],
                        r["cod_adm2_pcode"], r["uzlah_ar"], r["cod_adm3_pcode"], r["village_en"], r["village_ar"],
                        f"YEV{r['village_id']}", r["approx_lat"], r["approx_lon"]])
            n += 1
    return n


def ready_times() -> None:
    """Gazetteer ready times, each the median of three fresh interpreters."""
    from statistics import median

    from rasd.knowledge.importers import import_file

    def measure(label: str, env: dict, runs: int = 3) -> None:
        got = [ready(env) for _ in range(runs)]
        s, n, mib, wall = (median(x[k] for x in got) for k in range(4))
        print(f"ready, {label}: {s:.2f} s ({int(n)} places, peak RSS {mib:.0f} MiB; {wall:.2f} s with "
              f"interpreter start; median of {runs})")

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "RASD_HOME": home}
        measure("shipped only", env)
        if not VILLAGES.exists():
            print(f"{VILLAGES} not found: user-layer ready times skipped", file=sys.stderr)
            return
        csv_path = Path(home) / "yem_villages_cod.csv"
        rows = villages_as_ocha_csv(csv_path)
        old = os.environ.get("RASD_HOME")
        os.environ["RASD_HOME"] = home
        try:
            t0 = time.perf_counter()
            report = import_file(csv_path)
            print(f"import: {rows} village rows (OCHA COD CSV) → {report.merge.total} places in "
                  f"{time.perf_counter() - t0:.2f} s")
        finally:
            if old is None:
                del os.environ["RASD_HOME"]
            else:
                os.environ["RASD_HOME"] = old
        cache = Path(home) / "cache"
        cold = []
        for _ in range(3):
            for p in cache.glob("*.pickle"):
                p.unlink()
            cold.append(ready(env))
        s, n, mib, wall = (median(x[k] for x in cold) for k in range(4))
        print(f"ready, + user layer, cold (index built and cached): {s:.2f} s ({int(n)} places, peak RSS {mib:.0f} MiB; "
              f"{wall:.2f} s with interpreter start; median of 3)")
        measure("+ user layer, warm (cached index)", env)


def main() -> int:
    a = parse_args(__doc__, articles=2000)
    records = load_articles(a.corpus, a.articles)
    print(f"machine: {os.cpu_count()} cores; one process")
    ready_times()  # first, in fresh interpreters started from a small parent

    from rasd.document import Doc
    from rasd.extract.places import find_place_mentions, resolve
    from rasd.knowledge.gazetteer import Gazetteer
    from rasd.pipeline import TextStage

    gazetteer = Gazetteer.load(user=False)
    text = TextStage()
    found = []
    find_s = 0.0
    for r in records:
        d = text(Doc(id=r["id"], title=r.get("title"), published=None, text=r["text"]))
        t0 = time.perf_counter()
        m = find_place_mentions(d, gazetteer)
        find_s += time.perf_counter() - t0
        found.append((d, m))
    mentions = sum(len(m) for _, m in found)
    candidates = sum(len(x.candidates) for _, m in found for x in m)
    rounds, t0 = 0, time.perf_counter()
    while True:  # resolution is fast: repeat for a stable figure
        for d, m in found:
            resolve(d, m)
        rounds += 1
        if time.perf_counter() - t0 >= 2.0:
            break
    resolve_s = (time.perf_counter() - t0) / rounds
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(records)}; place mentions: {mentions} ({candidates / max(mentions, 1):.2f} candidates each)")
    print(f"resolution: {mentions / resolve_s:,.0f} mention resolutions/s ({resolve_s * 1e3:.1f} ms per pass over "
          f"the sample, {rounds} passes)")
    print(f"finding (gazetteer matching): {mentions / find_s:,.0f} mentions/s; finding + resolving: "
          f"{mentions / (find_s + resolve_s):,.0f} mentions/s ({len(records) / (find_s + resolve_s):,.0f} articles/s "
          f"for the place stage after the text layer)")
    print(f"peak RSS (this process, articles and their mentions held): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
