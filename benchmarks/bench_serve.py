#!/usr/bin/env python
"""Load test of `storyweave serve` on loopback: throughput, latency, and no article lost or doubled.

    nice .venv/bin/python benchmarks/bench_serve.py [--ingest 1000] [--clients 4] [--requests 300]
        [--at 10000] [--store PATH] [--max-seconds 120] [--phases ingest,list]

Articles are Multi-News validation documents (`validation.jsonl.gz`, fixed shuffled order, the
first words as title, a made-up outlet, as `bench_ingest.py` makes them). The server is a real
`storyweave serve` (uvicorn) in its own process; clients are threads with one HTTP connection
each. Every phase stops after its request count or `--max-seconds`, whichever comes first.

1. `Store.ingest` (what `storyweave ingest` calls) stores `--ingest` articles in batches of 50:
   articles per second, the baseline.
2. The same articles through `POST /articles`, batches of 50, `--clients` at once, into a fresh
   store; then a tenth of the batches again (a client retrying): sent against stored, duplicates
   and rejected, read back from the store: zero lost, zero doubled. The ratio to (1) is printed.
3. `GET /stories/{id}/brief` (tf-idf, full analysis) for the largest stories: the first request
   of each builds the brief (uncached), the rest are served from the store's cache.
4. `GET /stories` (the first page, and with a word filter) on a store of `--at` articles, built
   by `Store.ingest` (or reused from `--store PATH` when it exists: building takes minutes).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import DATA, articles, validation  # noqa: E402

BATCH = 50


def as_json(docs: list[tuple[str, str]]) -> list[dict[str, str]]:
    """The documents as POST /articles takes them, with the fields `bench_ingest.articles` gives."""
    return [{"title": a.title, "source": a.source, "text": a.text} for a in articles(docs)]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`storyweave serve` in a subprocess, stopped on exit."""

    def __init__(self, db: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "storyweave.cli", "serve", "--db", str(db),
               "--port", str(self.port), "--embedder", "tfidf", *extra]  # fmt: skip
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("bench_serve: the server did not start in 120 s")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (Linux /proc), 0 where unknown."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """Stop the server process (it is ours: by its own id)."""
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def load(
    url: str, jobs: list[Any], send: Callable[[httpx.Client, Any], httpx.Response],
    clients: int, max_seconds: float,
) -> tuple[list[float], list[httpx.Response], float]:  # fmt: skip
    """Run jobs with `clients` threads; latencies (ms), responses, and the wall time."""
    todo: queue.Queue[Any] = queue.Queue()
    for job in jobs:
        todo.put(job)
    lat: list[float] = []
    answers: list[httpx.Response] = []
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=300) as client:
            while time.monotonic() < deadline:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                t = time.perf_counter()
                r = send(client, job)
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    lat.append(ms)
                    answers.append(r)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return lat, answers, time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of values, nearest rank."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q / 100 * len(s)) - 1))] if s else float("nan")


def row(name: str, clients: int, lat: list[float], wall: float, target: str = "") -> str:
    """One line of the table."""
    rps = len(lat) / wall if wall else 0.0
    return (f"| {name} | {clients} | {len(lat)} | {rps:.1f} | {pct(lat, 50):.1f} | "
            f"{pct(lat, 95):.1f} | {pct(lat, 99):.1f} | {target} |")  # fmt: skip


def baseline(docs: list[dict[str, str]], db: Path) -> tuple[float, float, int]:
    """Articles per second, and per CPU-second, through Store.ingest (as `ingest` reads JSONL)."""
    from storyweave.read.jsonl import jsonl_articles
    from storyweave.stream.store import Store

    with Store(db) as store:
        store.counts()  # the store's modules are loaded before the clock starts, as the server's
        t, cpu = time.perf_counter(), time.process_time()
        lines = [json.dumps(d) for d in docs]
        arts, _ = jsonl_articles(lines, prefix="bench", default_source="unknown outlet")
        report = store.ingest(arts, batch_size=BATCH)
        wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    return len(docs) / wall, len(docs) / cpu, len(report.stored)


def api_ingest(
    docs: list[dict[str, str]], db: Path, clients: int, max_seconds: float
) -> tuple[list[str], dict[str, Any]]:
    """POST the articles in batches, retry a tenth of the batches; table rows and counts."""
    from storyweave.stream.store import Store

    batches = [docs[i : i + BATCH] for i in range(0, len(docs), BATCH)]
    post = lambda c, b: c.post("/articles", json={"articles": b})  # noqa: E731
    with Server(db) as server:
        cpu = server.cpu_seconds()
        lat, answers, wall = load(server.url, batches, post, clients, max_seconds)
        cpu = server.cpu_seconds() - cpu
        again = batches[::10]
        lat2, answers2, wall2 = load(server.url, again, post, clients, max_seconds)
    bodies = [r.json() for r in answers if r.status_code == 200]
    retried = [r.json() for r in answers2 if r.status_code == 200]
    sent = sum(len(b) for b in batches[: len(answers)])
    with Store(db) as store:
        in_store = store.counts()["articles"]
    counts = {
        "sent": sent,
        "stored": sum(b["stored"] for b in bodies),
        "duplicates": sum(b["duplicates"] for b in bodies),
        "rejected": sum(b["rejected"] for b in bodies),
        "errors": sum(r.status_code != 200 for r in answers + answers2),
        "in_store": in_store,
        "retried": sum(len(b) for b in again[: len(answers2)]),
        "retried_stored": sum(b["stored"] for b in retried),
        "api_rate": sent / wall,
        "api_cpu_rate": sent / cpu if cpu else float("nan"),
    }
    rows = [
        row(f"POST /articles ({BATCH} a batch)", clients, lat, wall),
        row("POST /articles, a batch sent again", clients, lat2, wall2),
    ]
    return rows, counts


def briefs(db: Path, stories: int, clients: int, requests: int, max_seconds: float) -> list[str]:
    """Uncached then cached GET /stories/{id}/brief for the largest stories."""
    from storyweave.stream.store import Store

    with Store(db) as store:
        found = store.stories(limit=0)
    ids = [s.id for s in sorted(found, key=lambda s: -s.articles)[:stories]]
    get = lambda c, sid: c.get(f"/stories/{sid}/brief", params={"format": "json"})  # noqa: E731
    with Server(db) as server:
        lat1, a1, w1 = load(server.url, ids, get, min(clients, 2), max_seconds * 3)
        jobs = [ids[i % len(ids)] for i in range(requests)]
        lat2, a2, w2 = load(server.url, jobs, get, clients, max_seconds)
    bad = sum(r.status_code != 200 for r in a1 + a2)
    note = f" ({bad} failed)" if bad else ""
    return [
        row(f"GET brief, uncached ({len(ids)} stories){note}", min(clients, 2), lat1, w1),
        row("GET brief, cached", clients, lat2, w2, "p99 < 50 ms"),
    ]


def listing(db: Path, clients: int, requests: int, max_seconds: float) -> list[str]:
    """GET /stories, first page and filtered by a word, on a large store."""
    from storyweave.stream.store import Store

    with Store(db) as store:
        n = store.counts()["articles"]
    rows = []
    with Server(db) as server:
        for name, params in (("", {}), (" ?q=police", {"q": "police"}),
                             (" ?since=1w", {"since": "1w"})):  # fmt: skip
            get = lambda c, _, p=params: c.get("/stories", params=p)  # noqa: E731
            lat, answers, wall = load(server.url, list(range(requests)), get, clients,
                                      max_seconds)  # fmt: skip
            assert all(r.status_code == 200 for r in answers), answers[0].text
            rows.append(row(f"GET /stories{name} at {n:,} articles", clients, lat, wall,
                            "p99 < 100 ms"))  # fmt: skip
    return rows


def build(db: Path, n: int) -> None:
    """A store of n Multi-News articles through Store.ingest (minutes at 10,000)."""
    from storyweave.stream.store import Store

    t = time.perf_counter()
    with Store(db) as store:
        report = store.ingest(articles(validation(DATA)[:n]), batch_size=200)
    print(f"built {db}: {report.summary()} in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the phases and print one table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ingest", type=int, default=1000, help="articles for the ingest phases")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=300, help="requests per read phase")
    ap.add_argument("--stories", type=int, default=6, help="stories whose brief is built")
    ap.add_argument("--at", type=int, default=10_000, help="articles in the listing store")
    ap.add_argument("--store", type=Path, help="the listing store: reused when it exists")
    ap.add_argument("--max-seconds", type=float, default=120, help="time limit of each phase")
    ap.add_argument("--phases", default="ingest,list", help="ingest (with briefs), list, or both")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"bench_serve: {DATA} is missing (see shared/data/README.md)", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    rows: list[str] = []
    if "ingest" in args.phases:
        docs = as_json(validation(DATA)[: args.ingest])
        cli_rate, cli_cpu_rate, cli_stored = baseline(docs, tmp / "cli.db")
        rows, counts = api_ingest(docs, tmp / "api.db", args.clients, args.max_seconds)
        rows += briefs(tmp / "api.db", args.stories, args.clients, args.requests, args.max_seconds)
    if "list" in args.phases:
        big = args.store or tmp / "big.db"
        if not big.exists():
            build(big, args.at)
        rows += listing(big, args.clients, args.requests, args.max_seconds)
    table(rows)
    if "ingest" in args.phases:
        report(counts, (cli_rate, cli_cpu_rate), cli_stored)
    return 0


def table(rows: list[str]) -> None:
    """Print the latency table."""
    print(f"bench_serve: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print("| request | clients | requests | req/s | p50 ms | p95 ms | p99 ms | target |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


def report(c: dict[str, Any], cli: tuple[float, float], cli_stored: int) -> None:
    """Print the ingest comparison and the lost/doubled count."""
    print(f"\ningest, articles/s: Store.ingest {cli[0]:.1f}, POST /articles {c['api_rate']:.1f} "
          f"(API/CLI {c['api_rate'] / cli[0]:.2f}); per CPU-second of the ingesting process: "
          f"{cli[1]:.1f} and {c['api_cpu_rate']:.1f} (API/CLI {c['api_cpu_rate'] / cli[1]:.2f}); "
          "target API/CLI >= 0.80")  # fmt: skip
    lost = c["sent"] - c["stored"] - c["duplicates"] - c["rejected"]
    lost += max(0, c["stored"] - c["in_store"])  # answered stored, not in the store
    doubled = max(0, c["in_store"] - c["stored"]) + c["retried_stored"]
    print(f"articles: sent {c['sent']}, stored {c['stored']} (Store.ingest stored {cli_stored}), "
          f"duplicates {c['duplicates']}, rejected {c['rejected']}, in the store {c['in_store']}; "
          f"sent again {c['retried']}, stored again {c['retried_stored']}; "
          f"lost {lost}, doubled {doubled}, HTTP errors {c['errors']}")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
