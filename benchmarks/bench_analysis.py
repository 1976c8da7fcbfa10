#!/usr/bin/env python
"""Score storyweave's cross-source analysis against the labelled stories.

Usage::

    python benchmarks/bench_analysis.py                  # every story, one table per split
    python benchmarks/bench_analysis.py --split dev      # tuning stories only
    python benchmarks/bench_analysis.py --json           # machine-readable
    python benchmarks/bench_analysis.py --check          # validate the gold data, no brief()

Each story in ``benchmarks/data/analysis/*.json`` (format: that folder's README) is turned into
``storyweave.model.Article`` objects and passed to ``storyweave.brief.brief``. The Brief is then
scored part by part. Matching is deliberately lenient; every rule is listed here.

Normalisation (``norm``): Unicode NFKD with accents dropped, lower case, curly quotes, primes and
guillemets mapped to straight quotes, dashes to "-", runs of white space to one space.

Keywords (``has_kw``): a keyword matches when its normalised form occurs in the normalised text
with no letter or digit right before it; if it ends in a digit no digit may follow ("120" does
not match "1200", "12.5" or "1,200"), otherwise any letters may follow ("evacuat" matches
"evacuated").

entities
    A gold entity is found when some predicted Entity has the right kind and its name or one of
    its variants equals (normalised) one of the gold variants. A predicted entity is correct when
    it matches some gold entity that way. Several predicted entities may match one gold entity
    (a split is punished by the merge score, not here). ``entities (any kind)`` ignores kind.
entity merge pairs
    Pairwise clustering over the gold surface forms: gold pairs are two forms of one gold entity;
    predicted pairs are two gold forms that appear together (name or variant) in one predicted
    entity. Precision and recall over those pairs.
quotes
    A predicted Quote matches a gold quote when it is from the same article and its normalised
    text contains the gold ``text_contains``. One to one, first match wins.
quote speakers (accuracy over matched quotes)
    named gold speaker: the predicted speaker contains, as a word, the gold speaker's last word or
    any variant of the gold entity of that name. unnamed: the predicted speaker_kind is
    "unnamed" and the speakers share a content word. null: the prediction has no speaker or is
    "unresolved".
agreements
    A predicted Agreement matches a gold one when, for at least two of the gold articles, some
    evidence sentence from that article contains every gold keyword. One to one.
agreement outlets (accuracy over matched agreements)
    ``claim.outlets`` equals the gold ``independent_outlets`` (syndicated copies count once).
conflicts
    A predicted Conflict matches a gold one when two different predicted sides match the two
    gold sides. A side matches when it has evidence from one of the gold side's articles, and
    that evidence sentence (or the side's value) contains every gold keyword. One to one.
conflict kind (accuracy over matched conflicts)
    The predicted kind equals the gold kind.
events
    A predicted Event matches a gold one when date and precision are equal, the evidence article
    is the gold article and at least one gold keyword occurs in the event text, its expression or
    its evidence sentence. Events with date None are not counted as predictions (reported apart
    as ``unresolved``). One to one.

Precision = matched predictions / predictions, recall = matched gold / gold, micro-averaged over
the stories of a split. Gold lists are as complete as we could make them, but a prediction that
is true and unlabelled counts against precision: read precision as a lower bound.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, permutations
from pathlib import Path
from typing import Any

from storyweave.model import (
    Agreement,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Event,
    Evidence,
    Quote,
)

DATA = Path(__file__).resolve().parent / "data" / "analysis"
SPLITS = ("dev", "test")
KINDS = {"person", "organization", "place", "other"}
CONFLICT_KINDS = {"number", "polarity", "date", "denial"}
PRECISIONS = {"year": 4, "month": 7, "day": 10}
STOPWORDS = {"a", "an", "the", "to", "of", "for", "in", "on", "at", "by", "with", "and", "from"}

COUNT_PARTS = (
    "entities",
    "entities (any kind)",
    "entity merge pairs",
    "quotes",
    "agreements",
    "conflicts",
    "events",
)
ACC_PARTS = ("quote speakers", "agreement outlets", "conflict kind")

Story = dict[str, Any]

# ---------------------------------------------------------------------------------------------
# normalisation and keyword matching

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u00ad": "",
    }
)


def norm(text: str | None) -> str:
    """Accent-folded, lower-case text with straight quotes and single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.lower()).strip()


def _kw_pattern(keyword: str) -> re.Pattern[str]:
    k = norm(keyword)
    tail = r"(?![0-9]|[.,][0-9])" if k[-1:].isdigit() else ""
    return re.compile(r"(?<![a-z0-9])(?<![0-9][.,])" + re.escape(k) + tail)


def has_kw(text: str, keyword: str) -> bool:
    """Whether a normalised keyword occurs in text (see the module docstring)."""
    return bool(_kw_pattern(keyword).search(norm(text)))


def has_all(text: str, keywords: Iterable[str]) -> bool:
    return all(has_kw(text, k) for k in keywords)


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", norm(text)) if w not in STOPWORDS}


def crude_sentences(text: str) -> list[str]:
    """Paragraphs split after . ! ? (optionally followed by a closing quote): for gold checks."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        out.extend(s for s in re.split(r"(?<=[.!?][\"'\u201d\u2019])\s+|(?<=[.!?])\s+", para) if s)
    return out


# ---------------------------------------------------------------------------------------------
# scores


@dataclass
class Counts:
    """Precision/recall counts: matched gold, matched predictions, totals."""

    gold_hit: int = 0
    pred_hit: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def add(self, other: Counts) -> None:
        self.gold_hit += other.gold_hit
        self.pred_hit += other.pred_hit
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred

    @property
    def precision(self) -> float:
        return self.pred_hit / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "matched_gold": self.gold_hit,
            "matched_pred": self.pred_hit,
        }


@dataclass
class Acc:
    correct: int = 0
    total: int = 0

    def add(self, other: Acc) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.accuracy, 4), "n": self.total, "correct": self.correct}


@dataclass
class StoryScore:
    counts: dict[str, Counts]
    accs: dict[str, Acc]
    unresolved_events: int = 0

    @classmethod
    def empty(cls) -> StoryScore:
        return cls({p: Counts() for p in COUNT_PARTS}, {p: Acc() for p in ACC_PARTS})

    def add(self, other: StoryScore) -> None:
        for p in COUNT_PARTS:
            self.counts[p].add(other.counts[p])
        for p in ACC_PARTS:
            self.accs[p].add(other.accs[p])
        self.unresolved_events += other.unresolved_events


def _one_to_one(
    gold: Sequence[Any], pred: Sequence[Any], match: Callable[[Any, Any], bool]
) -> list[tuple[Any, Any]]:
    """Greedy one-to-one pairs (gold order, first unused prediction that matches)."""
    used: set[int] = set()
    pairs: list[tuple[Any, Any]] = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and match(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _counts(n_hit: int, n_gold: int, n_pred: int) -> Counts:
    return Counts(n_hit, n_hit, n_gold, n_pred)


def _forms(e: Entity) -> set[str]:
    return {norm(v) for v in (e.name, *e.variants) if v and norm(v)}


def score_entities(gold: list[dict[str, Any]], pred: Sequence[Entity]) -> dict[str, Counts]:
    gforms = [{norm(v) for v in g["variants"]} | {norm(g["name"])} for g in gold]
    pforms = [_forms(e) for e in pred]

    def hit(gi: int, pi: int, typed: bool) -> bool:
        return bool(gforms[gi] & pforms[pi]) and (not typed or gold[gi]["kind"] == pred[pi].kind)

    out: dict[str, Counts] = {}
    for part, typed in (("entities", True), ("entities (any kind)", False)):
        g_hit = sum(any(hit(gi, pi, typed) for pi in range(len(pred))) for gi in range(len(gold)))
        p_hit = sum(any(hit(gi, pi, typed) for gi in range(len(gold))) for pi in range(len(pred)))
        out[part] = Counts(g_hit, p_hit, len(gold), len(pred))

    owner: dict[str, int] = {}
    for gi, forms in enumerate(gforms):
        for f in forms:
            owner.setdefault(f, gi)
    gold_pairs = {frozenset(p) for forms in gforms for p in combinations(sorted(forms), 2)}
    pred_pairs = {
        frozenset(p)
        for forms in pforms
        for p in combinations(sorted(f for f in forms if f in owner), 2)
    }
    n_hit = len(gold_pairs & pred_pairs)
    out["entity merge pairs"] = Counts(n_hit, n_hit, len(gold_pairs), len(pred_pairs))
    return out


def _speaker_ok(g: dict[str, Any], q: Quote, gold_entities: list[dict[str, Any]]) -> bool:
    speaker = g.get("speaker")
    if speaker is None:
        return q.speaker is None or q.speaker_kind == "unresolved"
    if not q.speaker:
        return False
    if g.get("kind") == "unnamed":
        return q.speaker_kind == "unnamed" and bool(_words(speaker) & _words(q.speaker))
    names = {speaker.split()[-1]}
    for e in gold_entities:
        if norm(e["name"]) == norm(speaker):
            names.update(e["variants"])
    return any(has_kw(q.speaker, n) for n in names)


def score_quotes(
    gold: list[dict[str, Any]], pred: Sequence[Quote], gold_entities: list[dict[str, Any]]
) -> tuple[Counts, Acc]:
    pairs = _one_to_one(
        gold,
        pred,
        lambda g, q: q.article_id == g["article"] and norm(g["text_contains"]) in norm(q.text),
    )
    acc = Acc(sum(_speaker_ok(g, q, gold_entities) for g, q in pairs), len(pairs))
    return _counts(len(pairs), len(gold), len(pred)), acc


def _articles_with(
    evidence: Iterable[Evidence], articles: Iterable[str], kws: list[str]
) -> set[str]:
    wanted = set(articles)
    return {ev.article_id for ev in evidence if ev.article_id in wanted and has_all(ev.text, kws)}


def score_agreements(gold: list[dict[str, Any]], pred: Sequence[Agreement]) -> tuple[Counts, Acc]:
    pairs = _one_to_one(
        gold,
        pred,
        lambda g, a: len(_articles_with(a.claim.evidence, g["articles"], g["keywords"])) >= 2,
    )
    acc = Acc(
        sum(a.claim.outlets == g.get("independent_outlets", len(g["articles"])) for g, a in pairs),
        len(pairs),
    )
    return _counts(len(pairs), len(gold), len(pred)), acc


def _side_ok(g: dict[str, Any], side: ConflictSide) -> bool:
    if _articles_with(side.evidence, g["articles"], g["keywords"]):
        return True
    from_gold = any(ev.article_id in g["articles"] for ev in side.evidence)
    return from_gold and has_all(side.value, g["keywords"])


def _conflict_ok(g: dict[str, Any], c: Conflict) -> bool:
    a, b = g["sides"][0], g["sides"][1]
    return any(_side_ok(a, s1) and _side_ok(b, s2) for s1, s2 in permutations(c.sides, 2))


def score_conflicts(gold: list[dict[str, Any]], pred: Sequence[Conflict]) -> tuple[Counts, Acc]:
    pairs = _one_to_one(gold, pred, _conflict_ok)
    acc = Acc(sum(c.kind == g["kind"] for g, c in pairs), len(pairs))
    return _counts(len(pairs), len(gold), len(pred)), acc


def _event_ok(g: dict[str, Any], e: Event) -> bool:
    if e.date != g["date"] or e.precision != g["precision"]:
        return False
    if e.evidence.article_id != g["article"]:
        return False
    text = " ".join((e.text, e.expression, e.evidence.text))
    return any(has_kw(text, k) for k in g["keywords"])


def score_events(gold: list[dict[str, Any]], pred: Sequence[Event]) -> tuple[Counts, int]:
    dated = [e for e in pred if e.date is not None]
    pairs = _one_to_one(gold, dated, _event_ok)
    return _counts(len(pairs), len(gold), len(dated)), len(pred) - len(dated)


def score_story(story: Story, brief: Brief) -> StoryScore:
    """Score one Brief against one story's gold labels."""
    gold = story["gold"]
    s = StoryScore.empty()
    s.counts.update(score_entities(gold["entities"], brief.entities))
    s.counts["quotes"], s.accs["quote speakers"] = score_quotes(
        gold["quotes"], brief.quotes, gold["entities"]
    )
    s.counts["agreements"], s.accs["agreement outlets"] = score_agreements(
        gold["agreements"], brief.agreements
    )
    s.counts["conflicts"], s.accs["conflict kind"] = score_conflicts(
        gold["conflicts"], brief.conflicts
    )
    s.counts["events"], s.unresolved_events = score_events(gold["events"], brief.timeline)
    return s


# ---------------------------------------------------------------------------------------------
# data


def load_stories(split: str = "all", data: Path = DATA) -> list[Story]:
    stories = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(data.glob("*.json"))]
    return [s for s in stories if split == "all" or s["split"] == split]


def to_articles(story: Story) -> list[Article]:
    return [
        Article(
            id=a["id"],
            source=a["source"],
            title=a["title"],
            text=a["text"],
            raw=a["text"],
            published=a.get("published"),
            origin=f"{story['id']}/{a['id']}",
            cleaned=False,
        )
        for a in story["articles"]
    ]


def _sentence_with(story: Story, article: str, keywords: list[str], any_kw: bool = False) -> str:
    text = next(a["text"] for a in story["articles"] if a["id"] == article)
    for sent in crude_sentences(text):
        if (any(has_kw(sent, k) for k in keywords)) if any_kw else has_all(sent, keywords):
            return sent
    return ""


def oracle_brief(story: Story) -> Brief:
    """A Brief built from the gold labels: scores 1.0 everywhere if the gold data is coherent."""
    gold = story["gold"]
    source = {a["id"]: a["source"] for a in story["articles"]}

    def ev(article: str, keywords: list[str], any_kw: bool = False) -> Evidence:
        return Evidence(
            article, source[article], 0, _sentence_with(story, article, keywords, any_kw)
        )

    entities = tuple(
        Entity(f"e{i}", g["name"], g["kind"], tuple(g["variants"]))
        for i, g in enumerate(gold["entities"])
    )
    quotes = tuple(
        Quote(q["text_contains"], q["speaker"], q["kind"], q["article"], source[q["article"]], 0)
        for q in gold["quotes"]
    )
    agreements = tuple(
        Agreement(
            Claim(
                f"c{i}",
                g["fact"],
                tuple(ev(a, g["keywords"]) for a in g["articles"]),
                g.get("independent_outlets", len(g["articles"])),
            )
        )
        for i, g in enumerate(gold["agreements"])
    )
    conflicts = tuple(
        Conflict(
            g["kind"],
            g["topic"],
            tuple(
                ConflictSide(
                    " ".join(s["keywords"]), tuple(ev(a, s["keywords"]) for a in s["articles"])
                )
                for s in g["sides"]
            ),
        )
        for g in gold["conflicts"]
    )
    timeline = tuple(
        Event(e["date"], e["precision"], "", s.text, s)
        for e in gold["events"]
        for s in [ev(e["article"], e["keywords"], any_kw=True)]
    )
    return Brief(
        story["id"],
        (),
        tuple(to_articles(story)),
        agreements=agreements,
        conflicts=conflicts,
        quotes=quotes,
        entities=entities,
        timeline=timeline,
    )


def check_story(story: Story) -> list[str]:
    """Problems in one story's data and gold labels (empty when it is coherent)."""
    sid = story.get("id", "?")
    bad: list[str] = []

    def say(msg: str) -> None:
        bad.append(f"{sid}: {msg}")

    if story.get("split") not in SPLITS:
        say(f"split {story.get('split')!r}")
    arts = {a["id"]: a for a in story["articles"]}
    if len(arts) != len(story["articles"]):
        say("duplicate article ids")
    if not 3 <= len(arts) <= 6:
        say(f"{len(arts)} articles")
    for a in story["articles"]:
        n = len(a["text"].split())
        if not 200 <= n <= 500:
            say(f"{a['id']} has {n} words")
        if a.get("published"):
            date.fromisoformat(a["published"])
    all_text = " ".join(a["title"] + "\n" + a["text"] for a in story["articles"])
    gold = story["gold"]

    def sentence_has(article: str, keywords: list[str]) -> bool:
        return article in arts and any(
            has_all(s, keywords) for s in crude_sentences(arts[article]["text"])
        )

    seen: dict[str, str] = {}
    for e in gold["entities"]:
        if e["kind"] not in KINDS:
            say(f"entity {e['name']}: kind {e['kind']!r}")
        if e["name"] not in e["variants"]:
            say(f"entity {e['name']}: name not among its variants")
        for v in e["variants"]:
            if not has_kw(all_text, v):
                say(f"entity {e['name']}: variant {v!r} not in any article")
            if norm(v) in seen and seen[norm(v)] != e["name"]:
                say(f"variant {v!r} in two entities")
            seen[norm(v)] = e["name"]
    for q in gold["quotes"]:
        if q["article"] not in arts or norm(q["text_contains"]) not in norm(
            arts[q["article"]]["text"]
        ):
            say(f"quote {q['text_contains']!r} not in {q['article']}")
        if q["kind"] not in ("named", "unnamed"):
            say(f"quote {q['text_contains']!r}: kind {q['kind']!r} speaker {q['speaker']!r}")
    for g in gold["agreements"]:
        if len(g["articles"]) < 2:
            say(f"agreement {g['fact']!r} has fewer than 2 articles")
        if not 1 <= g.get("independent_outlets", 0) <= len(g["articles"]):
            say(f"agreement {g['fact']!r}: independent_outlets")
        for a in g["articles"]:
            if not sentence_has(a, g["keywords"]):
                say(f"agreement {g['fact']!r}: {g['keywords']} not in one sentence of {a}")
    for c in gold["conflicts"]:
        if c["kind"] not in CONFLICT_KINDS or len(c["sides"]) != 2:
            say(f"conflict {c['topic']!r}: kind or sides")
        for side in c["sides"]:
            for a in side["articles"]:
                if not sentence_has(a, side["keywords"]):
                    say(f"conflict {c['topic']!r}: {side['keywords']} not in one sentence of {a}")
    for e in gold["events"]:
        width = PRECISIONS.get(e["precision"])
        if width is None or len(e["date"]) != width:
            say(f"event {e['date']!r}: precision {e['precision']!r}")
        elif not _sentence_with(story, e["article"], e["keywords"], any_kw=True):
            say(f"event {e['date']} in {e['article']}: no sentence with {e['keywords']}")
    return bad


# ---------------------------------------------------------------------------------------------
# running


def _import_brief() -> Callable[..., Brief]:
    try:
        from storyweave.brief import brief
    except Exception as exc:  # noqa: BLE001 - any import failure means the pipeline is not ready
        print(
            f"bench_analysis: cannot import storyweave.brief.brief ({type(exc).__name__}: {exc}).\n"
            "The analysis pipeline is not importable yet; nothing was scored.",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    return brief


@dataclass
class SplitResult:
    total: StoryScore
    stories: int = 0
    articles: int = 0
    seconds: float = 0.0
    errors: dict[str, str] = field(default_factory=dict)
    per_story: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, other: SplitResult) -> None:
        self.total.add(other.total)
        self.stories += other.stories
        self.articles += other.articles
        self.seconds += other.seconds
        self.errors.update(other.errors)
        self.per_story.update(other.per_story)

    def as_dict(self) -> dict[str, Any]:
        return {
            "stories": self.stories,
            "articles": self.articles,
            "seconds": round(self.seconds, 2),
            "parts": {p: self.total.counts[p].as_dict() for p in COUNT_PARTS},
            "accuracy": {p: self.total.accs[p].as_dict() for p in ACC_PARTS},
            "unresolved_events": self.total.unresolved_events,
            "errors": self.errors,
            "per_story": self.per_story,
        }


def run_split(stories: list[Story], brief_fn: Callable[[list[Article]], Brief]) -> SplitResult:
    """Brief and score every story; a crash on one story is reported and scored as empty."""
    res = SplitResult(StoryScore.empty(), len(stories), sum(len(s["articles"]) for s in stories))
    start = time.perf_counter()
    for story in stories:
        t0 = time.perf_counter()
        try:
            score = score_story(story, brief_fn(to_articles(story)))
        except Exception as exc:  # noqa: BLE001 - one bad story must not hide the others
            res.errors[story["id"]] = f"{type(exc).__name__}: {exc}"
            score = score_story(story, Brief(story["id"], (), ()))
        res.total.add(score)
        res.per_story[story["id"]] = {
            "seconds": round(time.perf_counter() - t0, 2),
            "f1": {p: round(score.counts[p].f1, 4) for p in COUNT_PARTS},
        }
    res.seconds = time.perf_counter() - start
    return res


def format_table(name: str, res: dict[str, Any]) -> str:
    lines = [
        f"== split {name}: {res['stories']} stories, {res['articles']} articles, "
        f"{res['seconds']:.1f}s",
        f"{'part':<24} | {'precision':>9} | {'recall':>6} | {'F1':>6} | "
        f"{'n_gold':>6} | {'n_pred':>6}",
        "-" * 73,
    ]
    for p in COUNT_PARTS:
        c = res["parts"][p]
        lines.append(
            f"{p:<24} | {c['precision']:>9.3f} | {c['recall']:>6.3f} | {c['f1']:>6.3f} | "
            f"{c['n_gold']:>6} | {c['n_pred']:>6}"
        )
    for p in ACC_PARTS:
        a = res["accuracy"][p]
        lines.append(
            f"{p + ' (acc)':<24} | {a['accuracy']:>9.3f} | {'-':>6} | {'-':>6} | "
            f"{a['n']:>6} | {'-':>6}"
        )
    lines.append(f"unresolved events (not scored): {res['unresolved_events']}")
    for sid, err in res["errors"].items():
        lines.append(f"ERROR {sid}: {err} (scored as an empty brief)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--check", action="store_true", help="only validate the gold data")
    ap.add_argument("--oracle", action="store_true", help="score the gold-built Brief (sanity)")
    ap.add_argument("--embedder", help="Config.embedder, e.g. tfidf (default: Config's)")
    ap.add_argument("--data", type=Path, default=DATA, help="folder of story JSON files")
    args = ap.parse_args(argv)

    stories = load_stories(args.split, args.data)
    if not stories:
        print(
            f"bench_analysis: no stories for split {args.split!r} in {args.data}", file=sys.stderr
        )
        return 1
    if args.check:
        problems = [p for s in stories for p in check_story(s)]
        print("\n".join(problems) or f"{len(stories)} stories OK")
        return 1 if problems else 0

    by_text = {s["articles"][0]["text"]: s for s in stories}
    brief_fn: Callable[[list[Article]], Brief]
    if args.oracle:

        def brief_fn(articles: list[Article]) -> Brief:
            return oracle_brief(by_text[articles[0].text])
    else:
        real = _import_brief()
        config = None
        if args.embedder:
            from storyweave.config import Config

            config = Config(embedder=args.embedder)

        def brief_fn(articles: list[Article]) -> Brief:
            return real(articles, config)

    splits = SPLITS if args.split == "all" else (args.split,)
    parts = {sp: run_split([s for s in stories if s["split"] == sp], brief_fn) for sp in splits}
    if args.split == "all":
        merged = SplitResult(StoryScore.empty())
        for r in parts.values():
            merged.add(r)
        parts["all"] = merged
    results = {sp: r.as_dict() for sp, r in parts.items()}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n\n".join(format_table(sp, res) for sp, res in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
