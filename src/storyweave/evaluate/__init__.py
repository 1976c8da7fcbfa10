"""`storyweave evaluate`: run summarizers over clusters with references, score them with ROUGE.

Speed is summarizer time only: data loading and scoring are outside the clock, and every
system is warmed up first (its `warm_up()` if it has one, which loads the dense model, then a
tiny invented cluster), so clusters/second measures steady-state work.

Peak memory is the growth of the process's peak resident set size while a system runs,
warm-up (model loading) included, in MiB. On Linux the kernel's peak counter is reset before
each system (`/proc/self/clear_refs`), so each system gets its own figure; tracemalloc would
miss torch's native allocations. Where the reset is not possible the figure is the growth of
`getrusage` ru_maxrss, which shows only what a system needed beyond every earlier peak: run
one system at a time for a fair number.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError, StoryweaveError
from .datasets import Cluster, load
from .systems import DEFAULT_SYSTEM, SYSTEMS, fit_budget, get_system

__all__ = [
    "DEFAULT_SYSTEM",
    "SYSTEMS",
    "Cluster",
    "Report",
    "SystemResult",
    "evaluate",
    "fit_budget",
    "format_table",
    "load",
    "score",
]

DEFAULT_WORDS = 260
BASELINE = "lexrank"
# Clusters handed at once to a system that summarizes many (`many`): storyweave encodes their
# sentences in one batch, as a user briefing a day's stories would.
BATCH = 64  # the "speed vs" column divides by this system's clusters/second

# An invented cluster for the untimed warm-up: imports, model loading, first-call caches.
_WARM_UP = [
    "The harbour bridge reopened on Monday after repairs. Engineers replaced two cables.",
    "Traffic returned to the harbour bridge on Monday. The repairs took three weeks.",
]


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system's scores over the clusters, with its speed and memory."""

    system: str
    clusters: int
    scores: dict[str, float]  # metric -> mean F1 over clusters
    intervals: dict[str, tuple[float, float]]  # metric -> 95% bootstrap interval of the mean
    seconds: float  # summarizer time over all clusters
    clusters_per_second: float
    peak_mib: float
    speed_vs_baseline: float | None = None  # clusters/second over lexrank's, when it ran
    per_cluster: dict[str, list[float]] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, slots=True)
class Report:
    """Every system's result on one data set."""

    data: str
    words: int
    clusters: int
    results: list[SystemResult]
    skipped: list[str] = field(default_factory=list)
    baseline: str = BASELINE

    def to_dict(self, per_cluster: bool = False) -> dict[str, Any]:
        """Plain data for JSON; per-cluster scores only when asked."""
        out = asdict(self)
        for r in out["results"]:
            if not per_cluster:
                r.pop("per_cluster")
            r["intervals"] = {m: list(v) for m, v in r["intervals"].items()}
        return out

    def to_json(self, per_cluster: bool = False) -> str:
        return json.dumps(self.to_dict(per_cluster), indent=2)


# --- memory --------------------------------------------------------------------------------


def _status_kib(field_name: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS counter of this process (Linux >= 4.0); False if not."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _maxrss_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


class _PeakMemory:
    """Peak RSS growth between start() and stop(), in MiB."""

    def start(self) -> None:
        self.reset = _reset_peak()
        current = _status_kib("VmRSS") if self.reset else None
        self.base = current if current is not None else _maxrss_kib()

    def stop(self) -> float:
        peak = (_status_kib("VmHWM") if self.reset else None) or _maxrss_kib()
        return max(0, peak - self.base) / 1024


# --- runner --------------------------------------------------------------------------------


def _run_system(
    name: str, clusters: Sequence[Cluster], words: int
) -> tuple[list[list[str]], float, float]:
    system = get_system(name)
    memory = _PeakMemory()
    memory.start()
    warm_up = getattr(system, "warm_up", None)
    if callable(warm_up):
        warm_up()
    system(list(_WARM_UP), 20)
    outputs: list[list[str]] = []
    seconds = 0.0
    many = getattr(system, "many", None)
    step = BATCH if callable(many) else 1
    for at in range(0, len(clusters), step):
        chunk = [list(c.documents) for c in clusters[at : at + step]]
        start = time.perf_counter()
        if callable(many):
            outputs.extend(many(chunk, words))
        else:
            try:
                outputs.append(system(chunk[0], words))
            except StoryweaveError:  # e.g. nothing usable left after cleaning: an empty summary
                outputs.append([])
        seconds += time.perf_counter() - start
    return outputs, seconds, memory.stop()


def evaluate(
    data: str | Path | Iterable[Cluster],
    systems: Sequence[str] = (DEFAULT_SYSTEM,),
    words: int = DEFAULT_WORDS,
    limit: int | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Summarize every cluster with each system, score with ROUGE, time it; one Report."""
    for name in systems:
        get_system(name)  # an unknown name fails before any data is read
    from .rouge import METRICS, bootstrap_interval, score  # numpy: not for `storyweave --help`

    if words < 1:
        raise ConfigError(f"the word budget must be at least 1, not {words}")
    skipped: list[str] = []

    def note(error: InputError) -> None:
        skipped.append(str(error))
        if progress:
            progress(f"skipped: {error}")

    if isinstance(data, (str, Path)):
        label = str(data)
        clusters = list(load(data, limit, on_error=note))
    else:
        label = "<clusters>"
        clusters = list(data)[:limit] if limit is not None else list(data)
    if not clusters:
        raise InputError("no usable cluster", input=label, hint="see the skipped records above")

    results: list[SystemResult] = []
    for name in dict.fromkeys(systems):
        if progress:
            progress(f"{name}: {len(clusters)} clusters")
        outputs, seconds, peak = _run_system(name, clusters, words)
        per_cluster: dict[str, list[float]] = {m: [] for m in METRICS}
        for c, summary in zip(clusters, outputs, strict=True):
            for m, value in score(summary, c.references).items():
                per_cluster[m].append(value)
        results.append(
            SystemResult(
                system=name,
                clusters=len(clusters),
                scores={m: sum(v) / len(v) for m, v in per_cluster.items()},
                intervals={m: bootstrap_interval(v) for m, v in per_cluster.items()},
                seconds=seconds,
                clusters_per_second=len(clusters) / seconds if seconds > 0 else float("inf"),
                peak_mib=peak,
                per_cluster=per_cluster,
            )
        )
    base = next((r for r in results if r.system == BASELINE), None)
    if base is not None:
        results = [
            replace(r, speed_vs_baseline=r.clusters_per_second / base.clusters_per_second)
            for r in results
        ]
    return Report(label, words, len(clusters), results, skipped)


# --- output --------------------------------------------------------------------------------


def format_table(report: Report) -> str:
    """The report as a Markdown table: ROUGE F1 x100 with 95% intervals, speed, memory."""
    from .rouge import LABELS, METRICS

    head = ["system"] + [LABELS[m] for m in METRICS]
    head += ["clusters/s", f"speed vs {report.baseline}", "peak MiB"]
    rows = [head]
    for r in report.results:
        cells = [r.system]
        for m in METRICS:
            low, high = r.intervals[m]
            cells.append(f"{100 * r.scores[m]:.2f} [{100 * low:.2f}, {100 * high:.2f}]")
        cells.append(f"{r.clusters_per_second:.2f}")
        cells.append("-" if r.speed_vs_baseline is None else f"{r.speed_vs_baseline:.1f}x")
        cells.append(f"{r.peak_mib:.0f}")
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 1) + ":" if i else ":" + "-" * (w + 1) for i, w in enumerate(widths))
        + "|"
    )
    title = (
        f"{report.data}: {report.clusters} clusters, budget {report.words} words, "
        "ROUGE F1 x100 [95% bootstrap interval]"
    )
    lines = [title, "", line(rows[0]), rule, *(line(r) for r in rows[1:])]
    if report.skipped:
        lines += ["", f"{len(report.skipped)} record(s) skipped (reported on stderr)"]
    return "\n".join(lines)
