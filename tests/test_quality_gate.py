"""Quality gate: storyweave's ROUGE on a pinned Multi-News subset must not fall below its floors.

The floors live in src/storyweave/evaluate/floors.json (measured minus a margin). Raising one
is always welcome; lowering one needs a written reason in the commit and in its "_comment".
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from storyweave.evaluate import evaluate
from storyweave.evaluate.rouge import METRICS
from storyweave.evaluate.systems import SYSTEMS

MULTINEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews"


def _floors() -> dict[str, Any]:
    text = resources.files("storyweave.evaluate").joinpath("floors.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


FLOORS = _floors()


def test_floors_file_is_well_formed() -> None:
    assert FLOORS["_comment"]
    assert FLOORS["words"] > 0 and FLOORS["data"].endswith(".jsonl.gz")
    assert {"storyweave", "storyweave-tfidf"} <= set(FLOORS["systems"])
    for entry in FLOORS["lowered"]:  # every lowering says why
        assert {"system", "metric", "from", "to", "reason"} <= set(entry) and entry["reason"]
    for name, entry in FLOORS["systems"].items():
        assert name in SYSTEMS
        assert entry["clusters"] > 0
        for m in METRICS:
            assert 0.0 < entry["floors"][m] <= entry["measured"][m] <= 1.0, (name, m)


@pytest.mark.slow
@pytest.mark.parametrize("system", sorted(FLOORS["systems"]))
def test_rouge_is_not_below_its_floor(system: str) -> None:
    data = MULTINEWS / FLOORS["data"].split("/")[-1]
    if not data.is_file():
        pytest.skip(f"{data} is not present")
    entry = FLOORS["systems"][system]
    report = evaluate(data, systems=[system], words=FLOORS["words"], limit=entry["clusters"])
    assert report.clusters == entry["clusters"]
    (result,) = report.results
    below = {
        m: f"{result.scores[m]:.4f} < floor {entry['floors'][m]:.4f}"
        for m in METRICS
        if result.scores[m] < entry["floors"][m]
    }
    assert not below, f"{system} on the first {entry['clusters']} clusters: {below}"
