"""The Markdown form of a Brief: cited summary, analysis sections, sources, removed boilerplate."""

from __future__ import annotations

from ..model import Brief, Evidence


def _cite(b: Brief, ids: tuple[str, ...] | list[str]) -> str:
    return "".join(f"[{b.number(a)}]" for a in dict.fromkeys(ids))


def _ev(b: Brief, ev: Evidence) -> str:
    return f"[{b.number(ev.article_id)}] {ev.source}: “{ev.text}”"


def _md(text: str) -> str:
    """Escape the few characters that would turn plain text into Markdown markup."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def _disputed(b: Brief, conflicts: tuple[int, ...]) -> str:
    """A summary sentence's disputes, each side's value with the articles giving it."""
    parts = []
    for k in conflicts:
        sides = b.conflicts[k].sides
        shown = [f"{_md(s.value)} {_cite(b, [e.article_id for e in s.evidence])}" for s in sides]
        parts.append(" against ".join(shown))
    return f" _(disputed: {'; '.join(parts)})_" if parts else ""


def _summary(b: Brief) -> list[str]:
    out = ["## Summary", ""]
    for s in b.summary:
        out += [f"{_md(s.text)} {_cite(b, s.citations)}{_disputed(b, s.disputed)}", ""]
    return out


def _agreements(b: Brief) -> list[str]:
    out = ["## Agreed by several outlets", ""]
    for agreement in b.agreements:
        c = agreement.claim
        named = dict.fromkeys(f"[{b.number(e.article_id)}] {e.source}" for e in c.evidence)
        out.append(f"- {_md(c.text)} — **{c.outlets} outlets**: {', '.join(named)}")
    return out + [""]


def _conflicts(b: Brief) -> list[str]:
    out = ["## Where outlets differ", ""]
    for conflict in b.conflicts:
        out.append(f"- **{_md(conflict.topic)}** ({conflict.kind})")
        for side in conflict.sides:
            out += [f"  - {_md(side.value)} — {_md(_ev(b, ev))}" for ev in side.evidence]
    return out + [""]


def _single(b: Brief) -> list[str]:
    out = ["## Said by one outlet only", ""]
    for single in b.single_source:
        out.append(f"- {_md(single.text)} {_cite(b, [e.article_id for e in single.evidence])}")
    return out + [""]


def _quotes(b: Brief) -> list[str]:
    out = ["## Who said what", ""]
    for q in b.quotes:
        who = q.speaker or "unattributed"
        verb = f" ({q.verb})" if q.verb else ""
        words = f"“{q.text}”" if q.direct else f"{q.text} (reported)"
        src = f"[{b.number(q.article_id)}] {q.source}"
        out.append(f"- **{_md(who)}**{_md(verb)}, {src}: {_md(words)}")
    return out + [""]


def _entities(b: Brief) -> list[str]:
    out = ["## People, organisations and places", ""]
    out += ["| name | kind | also written | articles |", "|---|---|---|---|"]
    for e in b.entities:
        others = ", ".join(v for v in e.variants if v != e.name)
        out.append(f"| {_md(e.name)} | {e.kind} | {_md(others)} | {_cite(b, list(e.articles))} |")
    return out + [""]


def _timeline(b: Brief) -> list[str]:
    out = ["## Timeline", ""]
    for event in b.timeline:
        when = event.date if event.date else f"undated ({event.expression})"
        unresolved = "" if event.resolved else " _(relative date, not resolved)_"
        if event.anchored_by:
            unresolved = f" _(dated by the page date of [{b.number(event.anchored_by)}])_"
        cite = f"[{b.number(event.evidence.article_id)}]"
        out.append(f"- **{when}** — {_md(event.text)} {cite}{unresolved}")
    return out + [""]


def _sources(b: Brief) -> list[str]:
    out = ["## Sources", ""]
    for i, art in enumerate(b.articles, 1):
        extra = " · ".join(x for x in (art.published, art.url) if x)
        line = f"{i}. **{_md(art.source)}** — {_md(art.title)}"
        out.append(line + (f" ({extra})" if extra else ""))
    return out + [""]


def _removed(b: Brief) -> list[str]:
    out = ["## Removed as boilerplate", ""]
    for i, art in enumerate(b.articles, 1):
        if not art.removed:
            continue
        out += [f"### [{i}] {_md(art.source)}", ""]
        for r in art.removed:
            where = f"line {r.line}" if r.line else "title line"
            shown = r.text.replace("`", "'")
            out.append(f"- {where}: `{shown}` ({r.reason})")
        out.append("")
    return out


def _skipped(b: Brief) -> list[str]:
    out = ["## Skipped inputs", ""]
    out += [f"- {_md(skip.input)}: {_md(skip.reason)}" for skip in b.skipped]
    return out + [""]


def to_markdown(b: Brief) -> str:
    """The brief as a Markdown document."""
    outlets = len({a.source for a in b.articles})
    out: list[str] = [f"# {_md(b.title)}", ""]
    out += [f"_Brief of {len(b.articles)} articles from {outlets} outlets._", ""]
    out += _summary(b)
    sections = (
        (b.agreements, _agreements),
        (b.conflicts, _conflicts),
        (b.single_source, _single),
        (b.quotes, _quotes),
        (b.entities, _entities),
        (b.timeline, _timeline),
    )
    for present, section in sections:
        out += section(b) if present else []
    out += _sources(b)
    out += _removed(b) if any(a.removed for a in b.articles) else []
    out += _skipped(b) if b.skipped else []
    return "\n".join(out).rstrip() + "\n"
