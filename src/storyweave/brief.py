"""The one place that chains the stages: brief(articles) -> Brief."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .config import Config
from .errors import InputError
from .model import (
    Agreement,
    Article,
    Brief,
    Claim,
    Conflict,
    Sentence,
    Skipped,
    SummarySentence,
)

if TYPE_CHECKING:
    from .embed import Embedder
    from .text.annotate import Annotations


def prepare(
    articles: Iterable[Article],
) -> tuple[list[Article], dict[str, list[Sentence]], list[Skipped]]:
    """Clean and segment articles; those left with no sentence are skipped with a reason."""
    # imported here, as the summary's below: `import storyweave` (and the stream commands that
    # never brief) should not load scikit-learn, scipy and trafilatura
    from .text.clean import clean_articles
    from .text.segment import segment

    cleaned = clean_articles(list(articles))
    kept: list[Article] = []
    sentences: dict[str, list[Sentence]] = {}
    skipped: list[Skipped] = []
    for a in cleaned:
        sents = segment(a)
        if not sents:
            skipped.append(Skipped(a.origin or a.id, "no sentences left after cleaning"))
            continue
        kept.append(a)
        sentences[a.id] = sents
    return kept, sentences, skipped


def brief(
    articles: Iterable[Article],
    config: Config | None = None,
    *,
    embedder: Embedder | None = None,
) -> Brief:
    """A cited brief of articles about one story."""
    config = config or Config()
    skipped = list(getattr(articles, "skipped", ()))
    kept, sentences, dropped = prepare(articles)
    skipped.extend(dropped)
    if not kept:
        raise InputError(
            "no article with usable text", input="articles", hint="check the inputs named above"
        )
    from .embed import get_embedder
    from .summarize import summarize

    emb = embedder or get_embedder(config.embedder)
    title = _title(kept)
    if not config.analysis:
        summary = summarize(kept, sentences, words=config.words, embedder=emb)
        return Brief(title, tuple(summary), tuple(kept), skipped=tuple(skipped))
    from .text.annotate import annotate

    ann = annotate(kept, sentences)  # the one parse the summary and every analysis stage read
    summary = summarize(kept, sentences, words=config.words, embedder=emb, annotations=ann)
    return _analyse(title, kept, sentences, summary, skipped, emb, ann)


HEADLINE_WORDS = 20


def _title(articles: Sequence[Article]) -> str:
    """The first title that reads as a headline; a text file's first line may be a sentence."""
    titles = [a.title for a in articles if a.title]
    for t in titles:
        if len(t.split()) <= HEADLINE_WORDS and not t.rstrip().endswith("."):
            return t
    if not titles:
        return "Untitled story"
    from .text.segment import strip_dateline

    lead = strip_dateline(titles[0])  # a lead sentence: "(CNN) A woman killed ..." is no title
    words = lead.split()
    return lead if len(words) <= HEADLINE_WORDS else " ".join(words[:12]) + " …"


def _analyse(
    title: str,
    articles: list[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    summary: list[SummarySentence],
    skipped: list[Skipped],
    embedder: Embedder,
    ann: Annotations,
) -> Brief:
    from .analysis.claims import align_claims, disputes_of, independent_outlets, name_deniers
    from .analysis.entities import find_entities
    from .analysis.quotes import find_quotes
    from .analysis.timeline import build_timeline
    from .analysis.wording import misattributions, misquotes, quoted_alike

    entities = find_entities(articles, sentences, annotations=ann)
    quotes = find_quotes(articles, sentences, entities, ann)
    outlets = independent_outlets(articles)  # syndicated copies share one
    agreements, conflicts, single = align_claims(
        articles, sentences, entities, embedder=embedder, annotations=ann, outlets=outlets
    )
    conflicts = name_deniers(conflicts, quotes)
    outlet_of = dict(zip((a.id for a in articles), outlets, strict=True))
    conflicts += misquotes(quotes, sentences, outlet_of)
    conflicts += misattributions(quotes, sentences, outlet_of)
    agreements = _undisputed(agreements, conflicts)
    timeline = build_timeline(articles, sentences, ann)

    by_sentence: dict[tuple[str, int], list[str]] = {}
    for e in entities:
        for m in e.mentions:
            by_sentence.setdefault((m.article_id, m.sentence), []).append(e.id)
    backers = _agreeing_articles(agreements)
    for at, arts in quoted_alike(quotes).items():  # outlets quoting the same words
        backers.setdefault(at, set()).update(arts)
    order = {a.id: k for k, a in enumerate(articles)}
    disputed = [disputes_of(conflicts, s.article_id, s.sentence) for s in summary]
    cites = [
        _citations(s, backers, sentences, order, [conflicts[k] for k in d])
        for s, d in zip(summary, disputed, strict=True)
    ]
    single = _one_outlet_only(single, summary, cites)
    claims_at: dict[tuple[str, int], list[str]] = {}
    for c in [a.claim for a in agreements] + list(single):
        for ev in c.evidence:
            claims_at.setdefault((ev.article_id, ev.sentence), []).append(c.id)
    linked = tuple(
        SummarySentence(
            s.text,
            s.article_id,
            s.sentence,
            cited,
            tuple(dict.fromkeys(by_sentence.get((s.article_id, s.sentence), []))),
            tuple(dict.fromkeys(claims_at.get((s.article_id, s.sentence), []))),
            d,
        )
        for s, d, cited in zip(summary, disputed, cites, strict=True)
    )
    return Brief(
        title,
        linked,
        tuple(articles),
        agreements=tuple(agreements),
        conflicts=tuple(conflicts),
        single_source=tuple(single),
        quotes=tuple(quotes),
        entities=tuple(entities),
        timeline=tuple(timeline),
        skipped=tuple(skipped),
    )


def _one_outlet_only(
    single: Sequence[Claim], summary: Sequence[SummarySentence], cites: Sequence[Sequence[str]]
) -> list[Claim]:
    """The single-source claims, less those whose sentence the summary cites to several
    articles: the brief never lists as one outlet's only what its summary gives to more (the
    aligner is stricter than the citation rule, and the citations are mostly right: asking
    the summary to follow the aligner instead lost a third of the right ones on test)."""
    several = {
        (s.article_id, s.sentence) for s, c in zip(summary, cites, strict=True) if len(c) > 1
    }
    return [c for c in single if not any((e.article_id, e.sentence) in several for e in c.evidence)]


def _undisputed(agreements: Sequence[Agreement], conflicts: Sequence[Conflict]) -> list[Agreement]:
    """The agreements none of whose conflicts has two sides inside it. Those the claims stage
    finds never do; one found later does when outlets print one remark but give it to two
    speakers, or in two wordings: shown as agreed, the dispute would be hidden."""
    out: list[Agreement] = []
    for a in agreements:
        held = {(e.article_id, e.sentence) for e in a.claim.evidence}
        if not any(
            sum(any((e.article_id, e.sentence) in held for e in side.evidence) for side in c.sides)
            >= 2
            for c in conflicts
        ):
            out.append(a)
    return out


def _agreeing_articles(agreements: Sequence[Agreement]) -> dict[tuple[str, int], set[str]]:
    """For each sentence that is evidence of an agreement, the articles stating that claim: a
    summary sentence cites them too (on dev and dev2, summary sentences of a labelled fact that
    miss one of its articles fell from 38% to 26%, for one citation more of an article the labels
    do not give the fact)."""
    out: dict[tuple[str, int], set[str]] = {}
    for a in agreements:
        arts = {e.article_id for e in a.claim.evidence}
        for e in a.claim.evidence:
            out.setdefault((e.article_id, e.sentence), set()).update(arts)
    return out


def _citations(
    s: SummarySentence,
    backers: Mapping[tuple[str, int], set[str]],
    sentences: Mapping[str, Sequence[Sentence]],
    order: Mapping[str, int],
    disputes: Sequence[Conflict],
) -> tuple[str, ...]:
    """A summary sentence's citations and the articles agreeing with it, unless it is disputed
    or an agreeing article gives another value of one of its figures ("12 cracks" against "17
    cracks" elsewhere in that article); never an article that takes another side of one of its
    `disputes` (the conflicts it gives a side of)."""
    from .summarize import _measures, _numbers, _stance

    extra = set() if disputes else backers.get((s.article_id, s.sentence), set())
    own = _numbers(s.text)
    if own and extra:
        measures = _measures(s.text)
        extra = {
            a
            for a in extra
            if all(_stance(own, measures, x.text) != "clashes" for x in sentences.get(a, ()))
        }
    cited = (set(s.citations) | extra) - _other_sides(s, disputes)
    return tuple(sorted(cited | {s.article_id}, key=order.__getitem__))


def _other_sides(s: SummarySentence, disputes: Sequence[Conflict]) -> set[str]:
    """The articles that take only another side than this sentence's in its conflicts."""
    out: set[str] = set()
    for c in disputes:
        own = [
            side
            for side in c.sides
            if any(e.article_id == s.article_id and e.sentence == s.sentence for e in side.evidence)
        ]
        mine = {e.article_id for side in own for e in side.evidence}
        out |= {e.article_id for side in c.sides if side not in own for e in side.evidence} - mine
    return out - {s.article_id}
