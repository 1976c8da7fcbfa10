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


def to_markdown(b: Brief) -> str:
    """The brief as a Markdown document."""
    outlets = len({a.source for a in b.articles})
    out: list[str] = [f"# {_md(b.title)}", ""]
    out.append(f"_Brief of {len(b.articles)} articles from {outlets} outlets._")
    out += ["", "## Summary", ""]
    for s in b.summary:
        out.append(f"{_md(s.text)} {_cite(b, s.citations)}{_disputed(b, s.disputed)}")
        out.append("")
    if b.agreements:
        out += ["## Agreed by several outlets", ""]
        for agreement in b.agreements:
            c = agreement.claim
            outlets_list = ", ".join(
                dict.fromkeys(f"[{b.number(e.article_id)}] {e.source}" for e in c.evidence)
            )
            out.append(f"- {_md(c.text)} — **{c.outlets} outlets**: {outlets_list}")
        out.append("")
    if b.conflicts:
        out += ["## Where outlets differ", ""]
        for conflict in b.conflicts:
            out.append(f"- **{_md(conflict.topic)}** ({conflict.kind})")
            for side in conflict.sides:
                for ev in side.evidence:
                    out.append(f"  - {_md(side.value)} — {_md(_ev(b, ev))}")
        out.append("")
    if b.single_source:
        out += ["## Said by one outlet only", ""]
        for single in b.single_source:
            cited = _cite(b, [e.article_id for e in single.evidence])
            out.append(f"- {_md(single.text)} {cited}")
        out.append("")
    if b.quotes:
        out += ["## Who said what", ""]
        for q in b.quotes:
            who = q.speaker or "unattributed"
            verb = f" ({q.verb})" if q.verb else ""
            words = f"“{q.text}”" if q.direct else f"{q.text} (reported)"
            src = f"[{b.number(q.article_id)}] {q.source}"
            out.append(f"- **{_md(who)}**{_md(verb)}, {src}: {_md(words)}")
        out.append("")
    if b.entities:
        out += ["## People and organisations", "", "| name | kind | also written | articles |"]
        out.append("|---|---|---|---|")
        for e in b.entities:
            others = ", ".join(v for v in e.variants if v != e.name)
            out.append(
                f"| {_md(e.name)} | {e.kind} | {_md(others)} | {_cite(b, list(e.articles))} |"
            )
        out.append("")
    if b.timeline:
        out += ["## Timeline", ""]
        for event in b.timeline:
            when = event.date if event.date else f"undated ({event.expression})"
            out.append(
                f"- **{when}** — {_md(event.text)} [{b.number(event.evidence.article_id)}]"
                + ("" if event.resolved else " _(relative date, not resolved)_")
            )
        out.append("")
    out += ["## Sources", ""]
    for i, art in enumerate(b.articles, 1):
        extra = " · ".join(x for x in (art.published, art.url) if x)
        line = f"{i}. **{_md(art.source)}** — {_md(art.title)}"
        out.append(line + (f" ({extra})" if extra else ""))
    out.append("")
    removed = [(i, art) for i, art in enumerate(b.articles, 1) if art.removed]
    if removed:
        out += ["## Removed as boilerplate", ""]
        for i, art in removed:
            out.append(f"### [{i}] {_md(art.source)}")
            out.append("")
            for r in art.removed:
                shown = r.text.replace("`", "'")
                where = f"line {r.line}" if r.line else "title line"
                out.append(f"- {where}: `{shown}` ({r.reason})")
            out.append("")
    if b.skipped:
        out += ["## Skipped inputs", ""]
        for skip in b.skipped:
            out.append(f"- {_md(skip.input)}: {_md(skip.reason)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
