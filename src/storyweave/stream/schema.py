"""The story store's tables and their migrations.

Migrations are a short versioned list of functions, not Alembic: the store creates and upgrades
itself when it is opened (no migration folder or `alembic upgrade` step for a user to run), and
six tables do not need autogeneration. Each function moves the schema up one version inside the
same transaction that records the new version, so a crash leaves the old version or the new one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: one row
    Column("version", Integer, nullable=False),
    # bumped by every ingest batch, so a process knows when its clusterer is stale
    Column("generation", BigInteger, nullable=False, default=0),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=True),
    Column("content_hash", String(40), nullable=False),
    Column("outlet", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("published", Text, nullable=True),  # as the source gave it
    Column("seen_at", DateTime, nullable=False),  # published in UTC, else when ingested
    Column("raw", Text, nullable=False),
    Column("clean", Text, nullable=False),
    Column("removed", Text, nullable=False),  # JSON list of [line, text, reason]
    Column("origin", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    UniqueConstraint("url", name="uq_articles_url"),
    UniqueConstraint("content_hash", name="uq_articles_hash"),
    Index("ix_articles_seen_at", "seen_at"),
)

article_vectors = Table(
    "article_vectors",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("headline", Text, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),  # +1 whenever its articles change
    Column("article_count", Integer, nullable=False),
    Column("outlet_count", Integer, nullable=False),  # copies count once
    Column("state", LargeBinary, nullable=False),  # the clusterer's StoryState
    Index("ix_stories_last_seen", "last_seen"),
    Index("ix_stories_updated_at", "updated_at"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(64), ForeignKey("stories.id"), nullable=False),
    Index("ix_memberships_story", "story_id"),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("duplicate_of", String(64), ForeignKey("articles.id"), nullable=False),
    Column("jaccard", Float, nullable=False),
    Index("ix_duplicates_of", "duplicate_of"),
)

# MinHash LSH bands on disk: a new process finds copies of old articles by key lookups
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),  # hash of (band number, band values)
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
)

briefs = Table(
    "briefs",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id"), primary_key=True),
    Column("format", String(16), primary_key=True),
    Column("options", String(200), primary_key=True),  # the Config it was built with
    Column("story_version", Integer, nullable=False),
    Column("built_at", DateTime, nullable=False),
    Column("body", Text, nullable=False),  # render(brief, format); "json" is the Brief's JSON
)

# version 2: where a story went when it was merged into another or reclustered, so an id a
# user saw yesterday still finds its articles (no foreign key: the target may go too, and its
# aliases are then pointed on)
story_aliases = Table(
    "story_aliases",
    metadata,
    Column("old_id", String(64), primary_key=True),
    Column("new_id", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_story_aliases_new", "new_id"),
)

# version 3: each article's shingle hashes (sorted little-endian uint64, `dedupe.shingle_hashes`),
# so a copy check reads ~1.6 KB instead of re-shingling the candidate's text. Articles stored
# before it have no row until they are first checked as a candidate (`ingest._stored_hashes`)
shingle_hashes = Table(
    "shingle_hashes",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("hashes", LargeBinary, nullable=False),
)

_V1_TABLES = [articles, article_vectors, stories, memberships, duplicates, minhash_bands, briefs]


def _v1(conn: Connection) -> None:
    """Version 1: every table of the first store."""
    metadata.create_all(conn, tables=_V1_TABLES, checkfirst=True)


def _v2(conn: Connection) -> None:
    """Version 2: story aliases."""
    metadata.create_all(conn, tables=[story_aliases], checkfirst=True)


def _v3(conn: Connection) -> None:
    """Version 3: stored shingle hashes (filled as articles are ingested or first compared)."""
    metadata.create_all(conn, tables=[shingle_hashes], checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)
