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


def to_markdown(b: Brief) -> str:
    """The brief as a Markdown document."""
    outlets = len({a.source for a in b.articles})
    out: list[str] = [f"# {_md(b.title)}", ""]
    out.append(f"_Brief of {len(b.articles)} articles from {outlets} outlets._")
    out += ["", "## Summary", ""]
    for s in b.summary:
        out.append(f"{_md(s.text)} {_cite(b, s.citations)}")
        out.append("")
    if b.agreements:
        out += ["## Agreed by several outlets", ""]
        for a in b.agreements:
            c = a.claim
            outlets_list = ", ".join(
                dict.fromkeys(f"[{b.number(e.article_id)}] {e.source}" for e in c.evidence)
            )
            out.append(f"- {_md(c.text)} — **{c.outlets} outlets**: {outlets_list}")
        out.append("")
    if b.conflicts:
        out += ["## Where outlets differ", ""]
        for c in b.conflicts:
            out.append(f"- **{_md(c.topic)}** ({c.kind})")
            for side in c.sides:
                for ev in side.evidence:
                    out.append(f"  - {_md(side.value)} — {_md(_ev(b, ev))}")
        out.append("")
    if b.single_source:
        out += ["## Said by one outlet only", ""]
        for c in b.single_source:
            out.append(f"- {_md(c.text)} {_cite(b, [e.article_id for e in c.evidence])}")
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
        for ev in b.timeline:
            when = ev.date if ev.date else f"undated ({ev.expression})"
            out.append(
                f"- **{when}** — {_md(ev.text)} [{b.number(ev.evidence.article_id)}]"
                + ("" if ev.resolved else " _(relative date, not resolved)_")
            )
        out.append("")
    out += ["## Sources", ""]
    for i, a in enumerate(b.articles, 1):
        extra = " · ".join(x for x in (a.published, a.url) if x)
        out.append(f"{i}. **{_md(a.source)}** — {_md(a.title)}" + (f" ({extra})" if extra else ""))
    out.append("")
    removed = [(i, a) for i, a in enumerate(b.articles, 1) if a.removed]
    if removed:
        out += ["## Removed as boilerplate", ""]
        for i, a in removed:
            out.append(f"### [{i}] {_md(a.source)}")
            out.append("")
            for r in a.removed:
                shown = r.text.replace("`", "'")
                out.append(f"- line {r.line}: `{shown}` ({r.reason})")
            out.append("")
    if b.skipped:
        out += ["## Skipped inputs", ""]
        for s in b.skipped:
            out.append(f"- {_md(s.input)}: {_md(s.reason)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
