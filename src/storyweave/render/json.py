"""The JSON form of a Brief: a documented, versioned schema (schema.json beside this file)."""

from __future__ import annotations

import json
from typing import Any

from ..model import (
    Article,
    Brief,
    Claim,
    Conflict,
    Entity,
    Event,
    Evidence,
    Quote,
    SummarySentence,
)


def _evidence(b: Brief, ev: Evidence) -> dict[str, Any]:
    return {
        "article": b.number(ev.article_id),
        "article_id": ev.article_id,
        "source": ev.source,
        "sentence": ev.sentence,
        "text": ev.text,
    }


def _claim(b: Brief, c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "kind": c.kind,
        "outlets": c.outlets,
        "entities": list(c.entities),
        "evidence": [_evidence(b, e) for e in c.evidence],
    }


def _summary(b: Brief, s: SummarySentence) -> dict[str, Any]:
    return {
        "text": s.text,
        "citations": [b.number(a) for a in s.citations],
        "article_id": s.article_id,
        "sentence": s.sentence,
        "entities": list(s.entities),
        "claims": list(s.claims),
        "disputed": list(s.disputed),
    }


def _conflict(b: Brief, c: Conflict) -> dict[str, Any]:
    sides = [{"value": s.value, "evidence": [_evidence(b, e) for e in s.evidence]} for s in c.sides]
    return {"kind": c.kind, "topic": c.topic, "sides": sides}


def _quote(b: Brief, q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "speaker": q.speaker,
        "speaker_kind": q.speaker_kind,
        "entity": q.entity_id,
        "verb": q.verb,
        "direct": q.direct,
        "article": b.number(q.article_id),
        "source": q.source,
        "sentence": q.sentence,
    }


def _entity(b: Brief, e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "variants": list(e.variants),
        "articles": [b.number(a) for a in e.articles],
        "mentions": len(e.mentions),
    }


def _event(b: Brief, ev: Event) -> dict[str, Any]:
    return {
        "date": ev.date,
        "precision": ev.precision,
        "resolved": ev.resolved,
        "anchored_by": b.number(ev.anchored_by) if ev.anchored_by else None,
        "expression": ev.expression,
        "text": ev.text,
        "evidence": _evidence(b, ev.evidence),
    }


def _article(i: int, a: Article) -> dict[str, Any]:
    return {
        "number": i,
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "url": a.url,
        "published": a.published,
        "origin": a.origin,
        "text": a.text,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in a.removed],
    }


def to_dict(b: Brief) -> dict[str, Any]:
    """A plain dict following schema.json; article numbers are the [n] citation numbers."""
    return {
        "schema_version": b.schema_version,
        "title": b.title,
        "summary": [_summary(b, s) for s in b.summary],
        "agreements": [_claim(b, a.claim) for a in b.agreements],
        "conflicts": [_conflict(b, c) for c in b.conflicts],
        "single_source": [_claim(b, c) for c in b.single_source],
        "quotes": [_quote(b, q) for q in b.quotes],
        "entities": [_entity(b, e) for e in b.entities],
        "timeline": [_event(b, ev) for ev in b.timeline],
        "articles": [_article(i, a) for i, a in enumerate(b.articles, 1)],
        "skipped": [{"input": s.input, "reason": s.reason} for s in b.skipped],
        "meta": b.meta,
    }


def to_json(b: Brief) -> str:
    """The brief as indented JSON text."""
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"
