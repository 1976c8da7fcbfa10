"""Ingest: articles in, stories out. Clean, deduplicate, vectorize, cluster, store.

The slow part of a batch (cleaning, shingling, vectorizing) runs before the store's write lock
is taken; the rest (duplicate lookups, clustering, every insert) runs in one transaction holding
it, so a batch is stored whole or not at all and concurrent ingests never see half of another's.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, case, func, select
from sqlalchemy.exc import OperationalError, StatementError

from ..model import Article, Skipped
from ..text.clean import clean_articles
from . import schema as t
from .cluster import (
    DocVector,
    Params,
    StoryState,
    StreamClusterer,
    batch_cluster,
    published_at,
    vectorize_many,
)
from .dedupe import (
    Fingerprint,
    best_copy,
    fingerprint,
    hashes_from_bytes,
    shingle_hashes,
    shingles,
)
from .store import Store, chunks, utcnow

BATCH_SIZE = 200
# articles reclustered at once: their vectors and a clusterer holding all their stories
# (~40 MB a thousand articles), so `recluster` of a whole store stays bounded
PERIOD_ARTICLES = 5_000
MAX_TEXT_CHARS = 2_000_000  # about 300,000 words: no news article is near it


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article not stored because the store already holds it."""

    input: str
    article_id: str
    existing_id: str
    reason: str  # "same URL" or "same text"


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A stored article that is a copy of an earlier one (syndicated, lightly edited)."""

    article_id: str
    duplicate_of: str
    jaccard: float


@dataclass
class IngestReport:
    """What an ingest did with each input: stored, duplicate, copy, or skipped with a reason."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)  # stories created or changed

    def add(self, other: IngestReport) -> None:
        """Take in another report's outcomes (a later batch, a later round of watch)."""
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.near_duplicates += other.near_duplicates
        self.skipped += other.skipped
        self.stories |= other.stories

    def summary(self) -> str:
        """One line for a person: counts of each outcome."""
        return (
            f"{len(self.stored)} stored ({len(self.near_duplicates)} of them copies of earlier "
            f"articles), {len(self.duplicates)} already in the store, {len(self.skipped)} "
            f"skipped; {len(self.stories)} stories changed"
        )


@dataclass
class _Item:
    """One article on its way in, with everything computed before the lock."""

    article: Article
    fp: Fingerprint
    vec: DocVector
    seen_at: datetime
    input: str
    copy_of: tuple[str, float] | None = None


@dataclass
class _Cached:
    """The clusterer a process keeps between batches, valid while nobody else writes."""

    generation: int
    newest: datetime  # the latest article time it has seen: it closed stories older than that
    params: Params
    clusterer: StreamClusterer


def ingest(
    articles: Iterable[Article],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    params: Params | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int = 0,
) -> IngestReport:
    """Store articles in batches (one transaction each) and report what became of every one."""
    # workers > 0: that many processes clean and vectorize the next batches while this one
    # clusters and stores the current one, so a big ingest uses a second core
    params = params or Params()
    report = IngestReport()
    for n, (items, skipped) in _prepared(_batches(articles, batch_size), params, workers):
        report.skipped += skipped
        if items:
            _store_or_split(items, store, report, params)
        if progress is not None:
            progress(n)
    # what the reader skipped, read last: a lazy reader (`read.stream`) fills it as it goes
    report.skipped[:0] = getattr(articles, "skipped", ())
    return report


def _prepared(
    batches: Iterator[list[Article]], params: Params, workers: int
) -> Iterator[tuple[int, tuple[list[_Item], list[Skipped]]]]:
    """(batch size, prepared batch) in order, prepared here or ahead in worker processes."""
    if workers <= 0:
        for batch in batches:
            yield len(batch), _prepare_part(batch, params)
        return
    # fork: the workers start at once with everything imported (nothing of the store is used)
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        ahead: deque[tuple[int, Future[tuple[list[_Item], list[Skipped]]]]] = deque()
        for batch in batches:
            ahead.append((len(batch), pool.submit(_prepare_part, batch, params)))
            if len(ahead) > workers:
                n, done = ahead.popleft()
                yield n, done.result()
        while ahead:
            n, done = ahead.popleft()
            yield n, done.result()


def _prepare_part(batch: list[Article], params: Params) -> tuple[list[_Item], list[Skipped]]:
    """A prepared batch and what it skipped (the shape a worker process sends back)."""
    part = IngestReport()
    return _prepare(batch, part, params), part.skipped


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of at most `size` articles, read lazily from the input."""
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _name(a: Any) -> str:
    """How an input is named in a report: where it was read from, else its id."""
    return str(getattr(a, "origin", "") or getattr(a, "id", "") or repr(a)[:80])


def _problem(a: Any) -> str | None:
    """Why an input cannot be ingested at all, or None."""
    if not isinstance(a, Article):
        return f"is a {type(a).__name__}, not an Article; read inputs with storyweave.read"
    body = a.raw or a.text
    if not isinstance(body, str) or not body.strip():
        return "has no text"
    for name in ("title", "text", "raw", "url", "source", "published", "origin"):
        value = getattr(a, name)
        if isinstance(value, str) and not _storable(value):
            return (
                f'field "{name}" holds characters no text can (NUL, or half of a UTF-16 pair); '
                "fix the encoding of the source"
            )
    if len(body) > MAX_TEXT_CHARS:
        return (
            f"has {len(body) / 1e6:.0f} million characters of text; no news article is near "
            f"{MAX_TEXT_CHARS // 1_000_000} million, so it was left out (split it if it is many)"
        )
    return None


def _storable(value: str) -> bool:
    """Whether a string can be written to SQLite and PostgreSQL text columns."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clean(batch: list[Article], report: IngestReport) -> list[Article]:
    """Clean a batch together (repeated lines are junk); one at a time if one breaks it."""
    try:
        return clean_articles(batch)
    except Exception:  # one bad article must not sink the batch: find it
        out = []
        for a in batch:
            try:
                out.extend(clean_articles([a]))
            except Exception as exc:
                report.skipped.append(Skipped(_name(a), f"could not be cleaned ({exc})"))
        return out


def _prepare(batch: list[Article], report: IngestReport, params: Params) -> list[_Item]:
    """Check, clean, fingerprint and vectorize a batch; the bad ones go to report.skipped."""
    good = []
    for a in batch:
        problem = _problem(a)
        if problem:
            report.skipped.append(Skipped(_name(a), problem))
        else:
            good.append(a)
    now = utcnow()
    kept = []
    for a in _clean(good, report):
        if not a.text.strip():
            report.skipped.append(
                Skipped(_name(a), "no text left after cleaning (it read as page furniture)")
            )
            continue
        kept.append(a)
    # one batch through the dense embedder for the whole batch of articles
    vecs = vectorize_many([(a.title, a.text, a.published) for a in kept], params)
    return [
        _Item(
            article=a,
            fp=fingerprint(a.raw or a.text, a.text),
            vec=vec,
            seen_at=_seen_at(a.published) or now,
            input=_name(a),
        )
        for a, vec in zip(kept, vecs, strict=True)
    ]


def _seen_at(published: str | None) -> datetime | None:
    """The published time as naive UTC, or None when absent or unreadable."""
    d = published_at(published)
    return None if d is None else d.replace(tzinfo=None)


# --- inside the write lock -------------------------------------------------------------


def _store_or_split(
    items: list[_Item], store: Store, report: IngestReport, params: Params
) -> None:
    """Store a batch; when the database refuses it, store its articles one at a time."""
    try:
        _store_batch(items, store, report, params)
    except OperationalError:  # locked, full, gone: no article's fault, so no article is skipped
        raise
    except StatementError as exc:
        if len(items) > 1:
            for item in items:
                _store_or_split([item], store, report, params)
            return
        reason = (str(exc.orig or exc).strip().splitlines() or ["?"])[0][:200]
        report.skipped.append(Skipped(items[0].input, f"the store refused it: {reason}"))


def _store_batch(items: list[_Item], store: Store, report: IngestReport, params: Params) -> None:
    """Deduplicate, cluster and insert one batch in one transaction."""
    part = IngestReport()  # taken into the report only once the batch is committed
    try:
        with store.write() as conn:
            fresh = _drop_known(conn, items, part)
            if fresh:
                _find_copies(conn, fresh)
                times = [i.seen_at for i in fresh]
                cached = _clusterer(store, conn, (min(times), max(times)), params)
                story_of, merged = _assign(conn, cached.clusterer, fresh)
                changed = cached.clusterer.changed()
                _insert(conn, fresh, changed, story_of, merged)
                part.stories = set(story_of.values()) | {s.story_id for s in changed}
                _refresh_stories(conn, part.stories)
                cached.generation = _bump(conn)
                store._ingest_state = cached
    except BaseException:
        store._ingest_state = None  # its stories may hold what was rolled back
        raise
    part.stored = [i.article.id for i in fresh]
    part.near_duplicates = [NearDuplicate(i.article.id, *i.copy_of) for i in fresh if i.copy_of]
    report.add(part)


def _in(conn: Connection, column: Any, values: Sequence[Any], *cols: Any) -> list[Any]:
    """Rows whose column is one of the values, asked in chunks."""
    rows: list[Any] = []
    for chunk in chunks(list(values), 500):
        rows.extend(conn.execute(select(*cols).where(column.in_(chunk))).all())
    return rows


def _drop_known(conn: Connection, items: list[_Item], report: IngestReport) -> list[_Item]:
    """Items whose URL, text or id the store (or this batch) does not hold yet."""
    a = t.articles.c
    cols = (a.id, a.url, a.content_hash)
    rows = (
        _in(conn, a.url, [i.article.url for i in items if i.article.url], *cols)
        + _in(conn, a.content_hash, [i.fp.content_hash for i in items], *cols)
        + _in(conn, a.id, [i.article.id for i in items], *cols)
    )
    by_url = {r.url: r.id for r in rows if r.url}
    by_hash = {r.content_hash: r.id for r in rows}
    ids = {r.id for r in rows}
    fresh = []
    for i in items:
        art = i.article
        if art.url and art.url in by_url:
            report.duplicates.append(Duplicate(i.input, art.id, by_url[art.url], "same URL"))
        elif i.fp.content_hash in by_hash:
            existing = by_hash[i.fp.content_hash]
            report.duplicates.append(Duplicate(i.input, art.id, existing, "same text"))
        elif art.id in ids:
            report.skipped.append(
                Skipped(i.input, f"its id {art.id!r} is taken by a different article; rename it")
            )
        else:
            fresh.append(i)
            if art.url:
                by_url[art.url] = art.id
            by_hash[i.fp.content_hash] = art.id
            ids.add(art.id)
    return fresh


def _find_copies(conn: Connection, items: list[_Item]) -> None:
    """Link each item that copies an earlier article (stored or in this batch) to the first one."""
    b, d = t.minhash_bands.c, t.duplicates.c
    keys = {k for i in items for k in i.fp.keys}
    stored: dict[int, set[str]] = {}
    for key, aid in _in(conn, b.key, sorted(keys), b.key, b.article_id):
        stored.setdefault(key, set()).add(aid)
    wanted = sorted({aid for ids in stored.values() for aid in ids})
    hashes = _stored_hashes(conn, wanted)
    roots = {r.article_id: r.duplicate_of for r in _in(conn, d.article_id, wanted, *d)}
    batch_keys: dict[int, set[str]] = {}
    batch: dict[str, _Item] = {}
    for i in items:
        i.copy_of = None  # a batch retried article by article is looked at afresh
        ids = set().union(*(stored.get(k, ()) for k in i.fp.keys))
        near = set().union(*(batch_keys.get(k, ()) for k in i.fp.keys))
        cands: list[tuple[str, np.ndarray]] = [(c, hashes[c]) for c in ids if c in hashes]
        cands += [(c, batch[c].fp.hashes) for c in near]
        best = best_copy(i.fp, cands)
        if best is not None:
            i.copy_of = (_first_copy(best[0], roots, batch), best[1])
        batch[i.article.id] = i
        for k in i.fp.keys:
            batch_keys.setdefault(k, set()).add(i.article.id)


def _stored_hashes(conn: Connection, ids: Sequence[str]) -> dict[str, np.ndarray]:
    """Shingle hashes of stored articles; those stored before schema 3 are shingled and kept."""
    h, a = t.shingle_hashes.c, t.articles.c
    found = {r.article_id: hashes_from_bytes(r.hashes) for r in _in(conn, h.article_id, ids, *h)}
    missing = [aid for aid in ids if aid not in found]
    # kept in this batch's transaction, so an old article is shingled once, not at every lookup
    old = {r.id: shingle_hashes(shingles(r.clean)) for r in _in(conn, a.id, missing, a.id, a.clean)}
    if old:
        conn.execute(
            t.shingle_hashes.insert(),
            [{"article_id": aid, "hashes": _blob(v)} for aid, v in old.items()],
        )
    return found | old


def _blob(hashes: np.ndarray) -> bytes:
    """Shingle hashes as the store keeps them: sorted little-endian uint64."""
    return hashes.astype("<u8", copy=False).tobytes()


def _first_copy(article_id: str, roots: dict[str, str], batch: dict[str, _Item]) -> str:
    """The first copy of an article: itself, unless it is a copy of another."""
    if article_id in roots:
        return roots[article_id]
    copy_of = batch[article_id].copy_of if article_id in batch else None
    return copy_of[0] if copy_of else article_id


def _clusterer(
    store: Store, conn: Connection, period: tuple[datetime, datetime], params: Params
) -> _Cached:
    """The process's clusterer when still current, else one loaded with the open stories."""
    window = timedelta(days=params.window_days)
    generation = conn.execute(select(t.schema_version.c.generation)).scalar_one()
    cached = store._ingest_state
    if (
        isinstance(cached, _Cached)
        and cached.generation == generation
        and cached.params == params
        # a batch with no article in the clusterer's window is a backfill: load its own stories
        and cached.newest - window <= period[1]
    ):
        cached.newest = max(cached.newest, period[1])
        return cached
    # open = within the window of the batch's period, so a backfill of old articles meets the
    # stories of its own time, not this week's
    s = t.stories.c
    rows = conn.execute(
        select(s.state)
        .where(s.last_seen >= period[0] - window, s.first_seen <= period[1] + window)
        .order_by(s.last_seen.desc(), s.id)
        .limit(params.max_open)
    ).scalars()
    states = [StoryState.from_bytes(r) for r in rows]
    return _Cached(generation, period[1], params, StreamClusterer(states, params))


def _assign(
    conn: Connection, clusterer: StreamClusterer, items: list[_Item]
) -> tuple[dict[str, str], dict[str, str]]:
    """Story of every item (copies join their first copy's story) and the merges made."""
    story_of: dict[str, str] = {}
    merged: dict[str, str] = {}
    for i in items:
        if i.copy_of is None:
            got = clusterer.add(i.article.id, i.vec)
            story_of[i.article.id] = got.story_id
            merged.update(got.merged)
    roots = [i.copy_of[0] for i in items if i.copy_of and i.copy_of[0] not in story_of]
    m = t.memberships.c
    stored = dict(_in(conn, m.article_id, roots, m.article_id, m.story_id))
    for i in items:
        if i.copy_of is not None:
            root = i.copy_of[0]
            story_of[i.article.id] = story_of.get(root) or stored[root]
    return {aid: _final(sid, merged) for aid, sid in story_of.items()}, merged


def _final(story_id: str, merged: dict[str, str]) -> str:
    """Follow merges to the story that survived."""
    seen = set()
    while story_id in merged and story_id not in seen:
        seen.add(story_id)
        story_id = merged[story_id]
    return story_id


def _insert(
    conn: Connection,
    items: list[_Item],
    changed: list[StoryState],
    story_of: dict[str, str],
    merged: dict[str, str],
) -> None:
    """Write the batch's articles, stories, links and bands; fold merged stories away."""
    _upsert_states(conn, changed)
    conn.execute(t.articles.insert(), [_article_row(i) for i in items])
    conn.execute(
        t.article_vectors.insert(),
        [{"article_id": i.article.id, "vector": i.vec.to_bytes()} for i in items],
    )
    conn.execute(
        t.shingle_hashes.insert(),
        [{"article_id": i.article.id, "hashes": _blob(i.fp.hashes)} for i in items],
    )
    copies = [
        {"article_id": i.article.id, "duplicate_of": i.copy_of[0], "jaccard": i.copy_of[1]}
        for i in items
        if i.copy_of
    ]
    if copies:
        conn.execute(t.duplicates.insert(), copies)
    bands = [{"key": k, "article_id": i.article.id} for i in items for k in set(i.fp.keys)]
    if bands:
        conn.execute(t.minhash_bands.insert(), bands)
    conn.execute(
        t.memberships.insert(),
        [{"article_id": aid, "story_id": sid} for aid, sid in story_of.items()],
    )
    _fold_merged(conn, merged)


def _article_row(i: _Item) -> dict[str, Any]:
    """The articles-table row of an item."""
    a = i.article
    return {
        "id": a.id,
        "url": a.url or None,  # "" is no URL, not one more article at the same address
        "content_hash": i.fp.content_hash,
        "outlet": a.source,
        "title": a.title,
        "published": a.published,
        "seen_at": i.seen_at,
        "raw": a.raw or a.text,
        "clean": a.text,
        "removed": json.dumps([[r.line, r.text, r.reason] for r in a.removed]),
        "origin": a.origin,
        "ingested_at": utcnow(),
    }


def _upsert_states(conn: Connection, states: list[StoryState]) -> None:
    """Insert new stories (figures filled in by _refresh_stories) and update known ones."""
    s = t.stories.c
    ids = [st.story_id for st in states]
    known = {r[0] for r in _in(conn, s.id, ids, s.id)}
    now = utcnow()
    new = [
        {
            "id": st.story_id, "headline": "", "first_seen": now, "last_seen": now,
            "updated_at": now, "version": 0, "article_count": 0, "outlet_count": 0,
            "state": st.to_bytes(),
        }  # fmt: skip
        for st in states
        if st.story_id not in known
    ]
    if new:
        conn.execute(t.stories.insert(), new)
    for st in states:
        if st.story_id in known:
            conn.execute(t.stories.update().where(s.id == st.story_id).values(state=st.to_bytes()))


def _fold_merged(conn: Connection, merged: dict[str, str]) -> None:
    """Move the articles of stories merged away to the survivor and drop the old rows."""
    s, m, b = t.stories.c, t.memberships.c, t.briefs.c
    for old in merged:
        new = _final(old, merged)
        conn.execute(t.memberships.update().where(m.story_id == old).values(story_id=new))
        conn.execute(t.briefs.delete().where(b.story_id == old))
        conn.execute(t.stories.delete().where(s.id == old))
    _alias(conn, {old: _final(old, merged) for old in merged})


def _alias(conn: Connection, moved: dict[str, str]) -> None:
    """Remember where stories went; aliases of a story that goes follow it."""
    a = t.story_aliases.c
    now = utcnow()
    for old, new in moved.items():
        if old == new:
            continue
        conn.execute(t.story_aliases.update().where(a.new_id == old).values(new_id=new))
        # an id that is a story again (recluster reuses article ids) is no alias any more
        conn.execute(t.story_aliases.delete().where(a.old_id.in_([old, new])))
        conn.execute(t.story_aliases.insert().values(old_id=old, new_id=new, at=now))


def _refresh_stories(conn: Connection, story_ids: Iterable[str]) -> None:
    """Recount the figures of changed stories from their members; copies add no outlet."""
    a, m, d, s = t.articles.c, t.memberships.c, t.duplicates.c, t.stories.c
    now = utcnow()
    update = (
        t.stories.update()
        .where(s.id == bindparam("b_id"))
        .values(
            headline=bindparam("b_headline"), article_count=bindparam("b_n"),
            outlet_count=bindparam("b_outlets"), first_seen=bindparam("b_first"),
            last_seen=bindparam("b_last"), updated_at=now, version=s.version + 1,
        )  # fmt: skip
    )
    for chunk in chunks(sorted(story_ids), 500):
        rows = conn.execute(
            select(
                m.story_id,
                func.count(),
                func.count(func.distinct(case((d.article_id.is_(None), a.outlet)))),
                func.min(a.seen_at),
                func.max(a.seen_at),
            )
            .join(t.articles, a.id == m.article_id)
            .outerjoin(t.duplicates, d.article_id == a.id)
            .where(m.story_id.in_(chunk))
            .group_by(m.story_id)
        ).all()
        titles = _headlines(conn, chunk)
        params = [
            {"b_id": sid, "b_headline": titles.get(sid, "Untitled story"), "b_n": n,
             "b_outlets": outlets, "b_first": first, "b_last": last}  # fmt: skip
            for sid, n, outlets, first, last in rows
        ]
        if params:
            conn.execute(update, params)


def _headlines(conn: Connection, story_ids: Sequence[str]) -> dict[str, str]:
    """Each story's headline: the title of its first article that has one."""
    a, m = t.articles.c, t.memberships.c
    ranked = (
        select(
            m.story_id,
            a.title,
            func.row_number().over(partition_by=m.story_id, order_by=(a.seen_at, a.id)).label("k"),
        )
        .join(t.articles, a.id == m.article_id)
        .where(m.story_id.in_(story_ids), a.title != "")
        .subquery()
    )
    rows = conn.execute(select(ranked.c.story_id, ranked.c.title).where(ranked.c.k == 1))
    return {sid: title for sid, title in rows}


def _bump(conn: Connection) -> int:
    """Count one more write, so other processes know their clusterers are stale."""
    g = t.schema_version.c.generation
    conn.execute(t.schema_version.update().values(generation=g + 1))
    return int(conn.execute(select(g)).scalar_one())


# --- recluster ---------------------------------------------------------------------------


def recluster(
    store: Store,
    since: datetime | None,
    params: Params | None = None,
    period_articles: int = PERIOD_ARTICLES,
) -> int:
    """Recluster every story active since a time (all when None); returns how many result.

    Period by period, so memory stays bounded whatever the store holds: the stories not yet
    redone, least recently active first, until they hold `period_articles` articles (a bigger
    story alone), each period in one transaction. Then each new story is merged with a story
    of an earlier period that it is one with (`StreamClusterer.join_stories`: an index of the
    earlier periods' stories, bounded as ingest's clusterer is by `max_open` and time)."""
    params = params or Params()
    started = utcnow()  # stories redone by this run are updated after it, so never met twice
    total = 0
    earlier = StreamClusterer(params=params)
    generation: int | None = None
    while True:
        with store.write() as conn:
            old = _next_period(conn, since, started, max(1, period_articles))
            if not old:
                break
            if conn.execute(select(t.schema_version.c.generation)).scalar_one() != generation:
                earlier = StreamClusterer(params=params)  # another process wrote in between
            states = _recluster_period(conn, old, params)
            total += len(states) - len(_join_periods(conn, earlier, states))
            generation = _bump(conn)
        store._ingest_state = None
    return total


def _join_periods(
    conn: Connection, earlier: StreamClusterer, states: list[StoryState]
) -> dict[str, str]:
    """Merge a period's new stories into the earlier periods' stories they are one with;
    returns the merges made (old id -> surviving id)."""
    merged = earlier.join_stories(sorted(states, key=lambda st: (st.last or 0.0, st.story_id)))
    survivors = earlier.changed()
    if merged:
        _fold_merged(conn, merged)
        _upsert_states(conn, survivors)
        _refresh_stories(conn, {st.story_id for st in survivors})
    return merged


def _next_period(
    conn: Connection, since: datetime | None, started: datetime, size: int
) -> list[str]:
    """The next stories to redo: least recently active first, up to `size` articles."""
    s = t.stories.c
    q = select(s.id, s.article_count).where(s.updated_at < started)
    if since is not None:
        q = q.where(s.last_seen >= since)
    ids: list[str] = []
    held = 0
    for sid, count in conn.execute(q.order_by(s.last_seen, s.id).limit(size)):
        if ids and held + count > size:
            break
        ids.append(sid)
        held += count
    return ids


def _recluster_period(conn: Connection, old: list[str], params: Params) -> list[StoryState]:
    """Recluster the articles of some stories in one batch; returns the stories that result."""
    m, d, v, a = t.memberships.c, t.duplicates.c, t.article_vectors.c, t.articles.c
    rows: list[Any] = []
    for chunk in chunks(old, 500):
        rows += conn.execute(
            select(m.article_id, m.story_id, v.vector, d.duplicate_of, a.seen_at, a.content_hash)
            .join(t.article_vectors, v.article_id == m.article_id)
            .join(t.articles, a.id == m.article_id)
            .outerjoin(t.duplicates, d.article_id == m.article_id)
            .where(m.story_id.in_(chunk))
        ).all()
    if not rows:
        return []
    # arrival order across the chunks; articles of one batch share an arrival time and are
    # taken in the order of their text's hash, so the same texts recluster alike anywhere
    # (an article's id also hashes the path it was read from)
    rows.sort(key=lambda r: (r.seen_at, r.content_hash))
    items = [(r.article_id, DocVector.from_bytes(r.vector)) for r in rows if not r.duplicate_of]
    story_of = _fresh_ids(conn, batch_cluster(items, params), old)
    for r in rows:
        if r.duplicate_of:
            story_of[r.article_id] = story_of.get(r.duplicate_of) or _story_of(
                conn, r.duplicate_of
            )
    states = _states(items, story_of)
    _replace_stories(conn, old, story_of, states)
    # an old story lives on in the story its first article went to
    firsts: dict[str, str] = {}
    for r in rows:
        firsts.setdefault(r.story_id, story_of[r.article_id])
    _alias(conn, firsts)
    _refresh_stories(conn, set(story_of.values()))
    return states


def _fresh_ids(conn: Connection, story_of: dict[str, str], old: list[str]) -> dict[str, str]:
    """New story ids renamed where a story outside the period already has them."""
    s = t.stories.c
    mine = set(old)
    taken = {r[0] for r in _in(conn, s.id, sorted(set(story_of.values())), s.id)} - mine
    if not taken:
        return story_of
    rename: dict[str, str] = {}
    used = taken | set(story_of.values())
    for sid in sorted(taken):
        k = 2
        while f"{sid}~{k}" in used or _in(conn, s.id, [f"{sid}~{k}"], s.id):
            k += 1
        rename[sid] = f"{sid}~{k}"
        used.add(rename[sid])
    return {aid: rename.get(sid, sid) for aid, sid in story_of.items()}


def _story_of(conn: Connection, article_id: str) -> str:
    """The story a stored article belongs to."""
    m = t.memberships.c
    return conn.execute(select(m.story_id).where(m.article_id == article_id)).scalar_one()


def _states(items: Sequence[tuple[str, DocVector]], story_of: dict[str, str]) -> list[StoryState]:
    """Clusterer states rebuilt from member vectors: summed terms, name counts, time span."""
    states: dict[str, StoryState] = {}
    for aid, vec in items:
        sid = story_of[aid]
        st = states.setdefault(sid, StoryState(sid))
        for term, w in zip(vec.terms.tolist(), vec.weights.tolist(), strict=True):
            st.terms[term] = st.terms.get(term, 0.0) + w
        for e in vec.entities.tolist():
            st.entities[e] = st.entities.get(e, 0) + 1
        st.n += 1
        if vec.time is not None:
            st.first = vec.time if st.first is None else min(st.first, vec.time)
            st.last = vec.time if st.last is None else max(st.last, vec.time)
    return list(states.values())


def _replace_stories(
    conn: Connection, old: list[str], story_of: dict[str, str], states: list[StoryState]
) -> None:
    """Swap the old stories for the reclustered ones, memberships included."""
    s, m, b = t.stories.c, t.memberships.c, t.briefs.c
    for chunk in chunks(old, 500):
        conn.execute(t.briefs.delete().where(b.story_id.in_(chunk)))
        conn.execute(t.memberships.delete().where(m.story_id.in_(chunk)))
        conn.execute(t.stories.delete().where(s.id.in_(chunk)))
    _upsert_states(conn, states)
    conn.execute(
        t.memberships.insert(),
        [{"article_id": aid, "story_id": sid} for aid, sid in story_of.items()],
    )


__all__ = ["BATCH_SIZE", "Duplicate", "IngestReport", "NearDuplicate", "ingest", "recluster"]
