"""Speed and peak memory of the whole brief, dense vs TF-IDF, against sumy LexRank on the same pile.

Each configuration runs in its own process so peak memory (ru_maxrss) is its own.
    python benchmarks/bench_speed.py [--sizes examples,1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from storyweave import Config, brief, read
from storyweave.embed import get_embedder
load, system = {load!r}, {system!r}
if load == "examples":
    arts = list(read({examples!r}))
else:
    from synthetic import synthetic_articles
    arts = synthetic_articles(int(load))
if system == "lexrank":
    from storyweave.evaluate.systems import SYSTEMS
    fn = SYSTEMS["lexrank"]
    # sumy LexRank is quadratic in pure Python: past 100 articles it runs for hours, so the
    # peer briefs the first 100 (which flatters its articles/s on the larger load)
    arts = arts[:100]
    docs = [a.text for a in arts]
    fn(docs[:2], 100)  # warm-up
    t = time.perf_counter(); fn(docs, 250); dt = time.perf_counter() - t
else:
    emb = get_embedder(system)
    emb.encode(["warm up the model"])
    cfg = Config(embedder=system, analysis={analysis!r})
    t = time.perf_counter(); brief(arts, cfg, embedder=emb); dt = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"n": len(arts), "seconds": dt, "peak_mb": rss}}))
"""


def run(load: str, system: str, analysis: bool) -> dict[str, float]:
    code = CHILD.format(
        bench=str(ROOT / "benchmarks"),
        load=load,
        system=system,
        examples=str(ROOT / "examples/harbour-bridge"),
        analysis=analysis,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{load}/{system} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="examples,1000")
    args = ap.parse_args()
    rows = []
    print("| load | system | articles | seconds | articles/s | peak MB | vs lexrank |")
    print("|---|---|---:|---:|---:|---:|---:|", flush=True)
    for load in args.sizes.split(","):
        peer = run(load, "lexrank", False)
        peer_rate = peer["n"] / peer["seconds"]
        rows.append((load, "sumy lexrank (summary only)", peer, 1.0))
        for system, analysis, label in (
            ("minilm", False, "storyweave dense, summary only"),
            ("tfidf", False, "storyweave tfidf, summary only"),
            ("minilm", True, "storyweave dense, full brief"),
            ("tfidf", True, "storyweave tfidf, full brief"),
        ):
            r = run(load, system, analysis)
            rows.append((load, label, r, (r["n"] / r["seconds"]) / peer_rate))
        for load_, label, r, ratio in rows:
            print(
                f"| {load_} | {label} | {r['n']:.0f} | {r['seconds']:.2f} | "
                f"{r['n'] / r['seconds']:.1f} | {r['peak_mb']:.0f} | {ratio:.1f}x |",
                flush=True,
            )
        rows.clear()


if __name__ == "__main__":
    main()
