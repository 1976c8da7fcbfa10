"""The story store: articles, their vectors, stories, near-duplicate links and cached briefs.

SQLite by default (a path), any SQLAlchemy URL when asked (PostgreSQL through psycopg 3).
Writers take the store's one write lock for a whole ingest batch (SQLite `BEGIN IMMEDIATE`,
a PostgreSQL transaction-level advisory lock), so several processes can ingest at once: each
batch sees every article committed before it, and a killed process leaves no half batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url

from .. import __version__
from ..errors import ConfigError, InputError
from ..model import SCHEMA_VERSION, Article, RemovedLine
from . import schema as t

if TYPE_CHECKING:
    from ..config import Config
    from ..embed import Embedder
    from .ingest import IngestReport

SQLITE_BUSY_SECONDS = 120  # a writer waits this long for another process's batch
_PG_LOCK_KEY = 0x5354_5259  # "STRY": the advisory lock every writer takes
BRIEF_FORMATS = ("json", "md", "html")


def utcnow() -> datetime:
    """Now in UTC, naive: the store keeps every time naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """'2d', '5h', '30m', '1w' ago, or an ISO date/time, as naive UTC."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", value)
    if m:
        unit = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[m.group(2)]
        return (now or utcnow()) - timedelta(seconds=float(m.group(1)) * unit)
    try:
        d = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(
            f"cannot read the time {value!r}",
            hint="give an age such as 30m, 12h, 2d, 1w or a date such as 2024-05-01",
        ) from None
    return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the story listing shows it."""

    id: str
    url: str | None
    outlet: str
    title: str
    seen_at: datetime
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """One line of the story listing: counts, times, and (when asked) its articles."""

    id: str
    headline: str
    articles: int
    outlets: int
    first_seen: datetime
    last_seen: datetime
    updated_at: datetime
    version: int
    members: tuple[StoredArticle, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields; times in ISO 8601 UTC."""
        return {
            "id": self.id,
            "headline": self.headline,
            "article_count": self.articles,
            "outlet_count": self.outlets,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "updated_at": _iso(self.updated_at),
            "version": self.version,
            "articles": [
                {
                    "id": a.id,
                    "url": a.url,
                    "outlet": a.outlet,
                    "title": a.title,
                    "seen_at": _iso(a.seen_at),
                    "duplicate_of": a.duplicate_of,
                }
                for a in self.members
            ],
        }


def _iso(d: datetime) -> str:
    """A stored time as ISO 8601 UTC with a Z."""
    return d.replace(microsecond=0).isoformat() + "Z"


def engine_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a path (SQLite) or a URL; postgresql:// means psycopg 3."""
    s = str(target)
    if "://" not in s:
        return f"sqlite:///{Path(s).expanduser()}"
    url = make_url(s)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _sqlite_engine(url: str) -> Engine:
    """A SQLite engine: WAL, foreign keys, busy timeout, and BEGIN IMMEDIATE for writers."""
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's own BEGIN handling is off so the "begin" hook below decides the lock
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SECONDS * 1000}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        # NORMAL is crash-safe in WAL mode; only a power cut may lose the last batch
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("storyweave_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Store:
    """A story store at a path (SQLite) or a SQLAlchemy URL; created and migrated on open."""

    def __init__(self, target: str | Path = "stories.db", *, create: bool = True) -> None:
        """Open the store; `create=False` (commands that only read) refuses a SQLite path with
        no store, which a mistyped path would otherwise answer from a new, empty one."""
        self.url = engine_url(target)
        self.dialect = make_url(self.url).get_backend_name()
        if self.dialect == "sqlite":
            path = make_url(self.url).database
            if path and not create and not Path(path).exists():
                raise InputError(
                    "no story store here", input=str(target), hint="store articles first: "
                    f"storyweave ingest SOURCE... --db {target}, or give --db the store's path"
                )  # fmt: skip
            if path and not Path(path).parent.exists():
                raise InputError(
                    "its folder does not exist", input=str(target), hint="create the folder first"
                )
            self.engine = _sqlite_engine(self.url)
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True)
        self._ingest_state: Any = None  # the ingest's cached clusterer (see ingest.py)
        self._migrate(str(target))

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction holding the store's write lock; committed on success."""
        with self.engine.connect() as conn:
            conn.execution_options(storyweave_write=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot in WAL mode)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _migrate(self, target: str) -> None:
        """Create the store or bring an older one up to the latest schema version."""
        try:
            if self._version() == t.LATEST:
                return  # the common case takes no write lock: a running ingest does not block it
            with self.write() as conn:
                t.metadata.create_all(conn, tables=[t.schema_version], checkfirst=True)
                row = conn.execute(select(t.schema_version.c.version)).first()
                version = row[0] if row else 0
                if version > t.LATEST:
                    raise InputError(
                        f"was written by a newer storyweave (schema {version}, this one "
                        f"knows up to {t.LATEST})",
                        input=target,
                        hint="upgrade storyweave",
                    )
                for n in range(version, t.LATEST):
                    t.MIGRATIONS[n](conn)
                if row is None:
                    conn.execute(
                        t.schema_version.insert().values(id=1, version=t.LATEST, generation=0)
                    )
                elif version < t.LATEST:
                    conn.execute(t.schema_version.update().values(version=t.LATEST))
        except InputError:
            raise
        except Exception as exc:  # a file that is not a database, a server that refuses
            raise InputError(
                f"cannot be opened as a story store ({type(exc).__name__}: {_first_line(exc)})",
                input=target,
                hint="give a new or existing .db path, or a postgresql:// URL that accepts logins",
            ) from exc

    def _version(self) -> int | None:
        """The schema version the store has now; None for a new one."""
        with self.read() as conn:
            if not inspect(conn).has_table(t.schema_version.name):
                return None
            return conn.execute(select(t.schema_version.c.version)).scalar_one_or_none()

    # --- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many articles, stories, duplicates and cached briefs the store holds."""
        with self.read() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("articles", t.articles),
                    ("stories", t.stories),
                    ("duplicates", t.duplicates),
                    ("briefs", t.briefs),
                )
            }

    def has_url(self, url: str) -> bool:
        """Whether an article with this URL is stored."""
        with self.read() as conn:
            found = conn.execute(select(t.articles.c.id).where(t.articles.c.url == url)).first()
        return found is not None

    def stories(
        self,
        since: datetime | str | None = None,
        *,
        limit: int | None = None,
        members: bool = False,
        text: str | None = None,
        offset: int = 0,
    ) -> list[StoryInfo]:
        """Stories changed since a time (all when None), most recently updated first.

        `text` keeps stories whose headline, or an article's title or outlet, holds every word
        of it (any case); `offset` skips that many, for paging.
        """
        if isinstance(since, str):
            since = parse_since(since)
        s = t.stories.c
        q = select(
            s.id, s.headline, s.article_count, s.outlet_count, s.first_seen, s.last_seen,
            s.updated_at, s.version,
        ).order_by(s.updated_at.desc(), s.id)  # fmt: skip
        if since is not None:
            q = q.where(s.updated_at >= since)
        for word in (text or "").split():
            q = q.where(_mentions(word, self.dialect))
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.read() as conn:
            rows = conn.execute(q).all()
            found = _members(conn, [r.id for r in rows]) if members else {}
        return [StoryInfo(*r, members=tuple(found.get(r.id, ()))) for r in rows]

    def count_stories(self, since: datetime | str | None = None) -> int:
        """How many stories changed since a time (all when None)."""
        if isinstance(since, str):
            since = parse_since(since)
        q = select(func.count()).select_from(t.stories)
        if since is not None:
            q = q.where(t.stories.c.updated_at >= since)
        with self.read() as conn:
            return int(conn.execute(q).scalar_one())

    def story(self, story_id: str) -> StoryInfo:
        """One story with its articles (a merged story's id finds the story it went into)."""
        s = t.stories.c
        with self.read() as conn:
            live = _live_id(conn, story_id)
            row = conn.execute(
                select(
                    s.id, s.headline, s.article_count, s.outlet_count, s.first_seen, s.last_seen,
                    s.updated_at, s.version,
                ).where(s.id == live)  # fmt: skip
            ).first()
            if row is None or live is None:
                raise _no_story(story_id)
            found = _members(conn, [live])
        return StoryInfo(*row, members=tuple(found.get(live, ())))

    def articles(self, story_id: str, *, copies: bool = False) -> list[Article]:
        """A story's articles as cleaned Articles, oldest first; copies only when asked."""
        a, m, d = t.articles.c, t.memberships.c, t.duplicates.c
        q = (
            select(a.id, a.outlet, a.title, a.clean, a.raw, a.url, a.published, a.origin, a.removed)
            .join(t.memberships, m.article_id == a.id)
            .outerjoin(t.duplicates, d.article_id == a.id)
            .order_by(a.seen_at, a.id)
        )
        if not copies:
            q = q.where(d.article_id.is_(None))
        with self.read() as conn:
            live = _live_id(conn, story_id) or story_id
            rows = conn.execute(q.where(m.story_id == live)).all()
        return [
            Article(
                id=r.id, source=r.outlet, title=r.title, text=r.clean, raw=r.raw, url=r.url,
                published=r.published, origin=r.origin, cleaned=True,
                removed=tuple(RemovedLine(*x) for x in json.loads(r.removed)),
            )  # fmt: skip
            for r in rows
        ]

    # --- briefs --------------------------------------------------------------------------

    def brief(
        self,
        story_id: str,
        format: str = "json",
        *,
        config: Config | None = None,
        embedder: Embedder | None = None,
    ) -> str:
        """The story's brief, rendered; cached until the story changes."""
        if format not in BRIEF_FORMATS:
            raise ConfigError(
                f"no brief format {format!r}. Available: {', '.join(BRIEF_FORMATS)}"
            )
        from ..config import Config

        config = config or Config()
        # a brief built by another release is rebuilt: the analysis changes between releases
        key = (format, f"{__version__}/{SCHEMA_VERSION} {config!r}"[:200])
        story_id, version = self._story_version(story_id)
        cached = self._cached_brief(story_id, key, version)
        if cached is not None:
            return cached
        from ..brief import brief as build
        from ..render import render

        body = render(build(self.articles(story_id), config, embedder=embedder), format)
        self._cache_brief(story_id, key, version, body)
        return body

    def _story_version(self, story_id: str) -> tuple[str, int]:
        """The story's live id and version now; InputError when there is no such story."""
        with self.read() as conn:
            live = _live_id(conn, story_id)
            v = conn.execute(
                select(t.stories.c.version).where(t.stories.c.id == live)
            ).scalar_one_or_none()
        if v is None or live is None:
            raise _no_story(story_id)
        return live, int(v)

    def _cached_brief(self, story_id: str, key: tuple[str, str], version: int) -> str | None:
        """The cached brief of this version, format and config, if any."""
        b = t.briefs.c
        with self.read() as conn:
            return conn.execute(
                select(b.body).where(
                    b.story_id == story_id,
                    b.format == key[0],
                    b.options == key[1],
                    b.story_version == version,
                )
            ).scalar_one_or_none()

    def _cache_brief(self, story_id: str, key: tuple[str, str], version: int, body: str) -> None:
        """Keep a built brief, unless the story changed or went while it was being built."""
        b = t.briefs.c
        format, options = key
        with self.write() as conn:
            now_version = conn.execute(
                select(t.stories.c.version).where(t.stories.c.id == story_id)
            ).scalar_one_or_none()
            if now_version != version:
                return
            # briefs of older versions go: only the current one is ever served
            conn.execute(
                t.briefs.delete().where(
                    b.story_id == story_id,
                    (b.story_version != version) | ((b.format == format) & (b.options == options)),
                )
            )
            conn.execute(
                t.briefs.insert().values(
                    story_id=story_id, format=format, options=options, story_version=version,
                    built_at=utcnow(), body=body,
                )  # fmt: skip
            )

    # --- writing -------------------------------------------------------------------------

    def ingest(self, articles: Iterable[Article], **kwargs: Any) -> IngestReport:
        """Clean, deduplicate, cluster and store articles (see `stream.ingest.ingest`)."""
        from .ingest import ingest

        return ingest(articles, self, **kwargs)

    def recluster(self, since: datetime | str | None = None, **kwargs: Any) -> int:
        """Redo the stories active since a time (all when None), a period of them at a time;
        returns how many stories result (see `stream.ingest.recluster`)."""
        from .ingest import recluster

        if isinstance(since, str):
            since = parse_since(since)
        return recluster(self, since, **kwargs)

    # --- checking ------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems with the store's consistency; an empty list when all is well."""
        with self.read() as conn:
            return [msg for q, msg in _checks() if conn.execute(text(q)).scalar_one()]


def _members(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[StoredArticle]]:
    """Articles of each story, oldest first, with their duplicate links."""
    a, m, d = t.articles.c, t.memberships.c, t.duplicates.c
    out: dict[str, list[StoredArticle]] = {}
    for chunk in chunks(story_ids, 500):
        rows = conn.execute(
            select(m.story_id, a.id, a.url, a.outlet, a.title, a.seen_at, d.duplicate_of)
            .join(t.articles, a.id == m.article_id)
            .outerjoin(t.duplicates, d.article_id == a.id)
            .where(m.story_id.in_(chunk))
            .order_by(a.seen_at, a.id)
        ).all()
        for r in rows:
            out.setdefault(r.story_id, []).append(StoredArticle(*r[1:]))
    return out


def _mentions(word: str, dialect: str) -> Any:
    """Stories whose headline, or one of whose articles' title or outlet, contains a word."""
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"

    def has(column: Any) -> Any:
        # SQLite's LIKE already ignores ASCII case; ilike's lower() on every row costs 2.5x
        if dialect == "sqlite":
            return column.like(pattern, escape="\\")
        return column.ilike(pattern, escape="\\")

    a, m = t.articles.c, t.memberships.c
    in_articles = (
        select(m.story_id)
        .join(t.articles, a.id == m.article_id)
        .where(has(a.title) | has(a.outlet))
    )
    return has(t.stories.c.headline) | t.stories.c.id.in_(in_articles)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Slices of at most `size` items, so an IN list stays under the driver's limits."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _live_id(conn: Connection, story_id: str) -> str | None:
    """The id the story has now: itself, or the story it was merged into; None if unknown."""
    s, a = t.stories.c, t.story_aliases.c
    if conn.execute(select(s.id).where(s.id == story_id)).first() is not None:
        return story_id
    return conn.execute(select(a.new_id).where(a.old_id == story_id)).scalar_one_or_none()


def _no_story(story_id: str) -> InputError:
    """The error for a story id the store does not hold."""
    return InputError(
        "no such story in the store",
        input=f"story {story_id}",
        hint="list them with `storyweave stories`",
    )


def _first_line(exc: Exception) -> str:
    """The first line of an error message, for a one-line report."""
    return (str(exc).strip().splitlines() or [""])[0][:200]


def _checks() -> list[tuple[str, str]]:
    """SQL counting each kind of inconsistency, with what it means."""
    return [
        (
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM memberships m WHERE m.article_id = a.id)",
            "articles in no story",
        ),
        (
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_vectors v WHERE v.article_id = a.id)",
            "articles without a vector",
        ),
        (
            "SELECT count(*) FROM stories s WHERE s.article_count <> "
            "(SELECT count(*) FROM memberships m WHERE m.story_id = s.id)",
            "stories whose article count is wrong",
        ),
        (
            "SELECT count(*) FROM stories s WHERE NOT EXISTS "
            "(SELECT 1 FROM memberships m WHERE m.story_id = s.id)",
            "stories with no article",
        ),
        (
            "SELECT count(*) FROM duplicates d JOIN duplicates e ON e.article_id = d.duplicate_of",
            "copies linked to a copy instead of the first one",
        ),
    ]
