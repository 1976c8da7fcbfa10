"""Fixtures of the story store tests: invented stories, and a store on SQLite or PostgreSQL.

The PostgreSQL server is a throwaway one on loopback: initdb into a temporary folder (as the
`postgres` user when the tests run as root, as PostgreSQL refuses root), pg_ctl start on a free
port, one fresh database per test. The PostgreSQL cases skip, saying why, where no server starts.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave.model import Article

# Three invented stories; each article takes four of its story's sentences, so two articles
# of one story share at most one sentence (related, never copies of each other).
STORIES = {
    "bridge": (
        "Linnet Street footbridge closed in Port Aldous",
        [
            "The Linnet Street footbridge in Port Aldous was closed on Tuesday after inspectors "
            "found cracks in its welded joints.",
            "Mayor Renee Castellano said the Port Aldous footbridge would stay shut until "
            "engineers finish a full survey.",
            "Commuters crossing the harbour now face a detour of two kilometres around the "
            "closed Linnet Street bridge.",
            "The builder, Halvorsen Steel, said its welds on the footbridge met every standard "
            "when the bridge opened.",
            "Engineers counted twelve cracks in the footbridge joints, the inspection report "
            "published by the council shows.",
            "Castellano promised a temporary ferry across the harbour while the Linnet Street "
            "bridge is closed.",
            "Halvorsen Steel chief executive Dag Halvorsen called the footbridge closure in Port "
            "Aldous an overreaction.",
            "Shop owners near the closed footbridge on Linnet Street said trade fell by half on "
            "the first day.",
            "The Port Aldous council will meet on Friday to decide whether the footbridge can be "
            "repaired or must be rebuilt.",
            "Inspectors first flagged corrosion on the Linnet Street footbridge two years ago, "
            "council papers show.",
            "A petition asking Castellano to reopen the footbridge gathered four thousand names "
            "in Port Aldous.",
            "The footbridge carries about nine thousand people across the Port Aldous harbour "
            "every weekday.",
        ],
    ),
    "wildfire": (
        "Wildfire forces Cedar Hollow evacuation",
        [
            "A wildfire driven by strong winds forced the evacuation of Cedar Hollow on Sunday "
            "night.",
            "Fire chief Roberta Salazar said crews in Cedar Hollow were fighting the blaze on "
            "three fronts.",
            "About four thousand residents of Cedar Hollow spent the night in shelters set up in "
            "school gyms.",
            "The wildfire has burned more than six thousand acres of forest east of Cedar "
            "Hollow, Salazar said.",
            "Tamsin County opened the fairground to take in horses and livestock from farms near "
            "the wildfire.",
            "Salazar warned that dry lightning could start new fires around Cedar Hollow by "
            "Tuesday.",
            "Smoke from the Cedar Hollow wildfire closed the interstate highway for most of "
            "Monday.",
            "Firefighting aircraft dropped retardant along the ridge above Cedar Hollow as the "
            "wind eased.",
            "Residents returning to Cedar Hollow found several homes on Pine Ridge Road "
            "destroyed by the wildfire.",
            "The Tamsin County sheriff said nobody was missing after the Cedar Hollow "
            "evacuation.",
            "Salazar said the wildfire was twenty percent contained by Wednesday morning in "
            "Cedar Hollow.",
            "Power lines downed by the wildfire left much of Cedar Hollow without electricity.",
        ],
    ),
    "strike": (
        "Ashcombe teachers walk out over pay",
        [
            "Teachers across Ashcombe walked out on Monday in a strike over pay and class sizes.",
            "Union leader Mira Fairweather said Ashcombe teachers had not had a real pay rise "
            "in a decade.",
            "The Ashcombe Education Authority said the teachers strike closed forty schools.",
            "Parents in Ashcombe scrambled to find childcare as the teachers strike shut "
            "classrooms.",
            "Fairweather told a rally outside the Ashcombe town hall that the strike would "
            "last three days.",
            "The education authority offered Ashcombe teachers a two percent raise, which the "
            "union rejected.",
            "Secondary pupils in Ashcombe preparing for exams were given work to do at home "
            "during the strike.",
            "Fairweather said classes of thirty five pupils were making Ashcombe schools "
            "impossible to teach in.",
            "Talks between the Ashcombe teachers union and the authority are set to resume on "
            "Thursday.",
            "Striking teachers picketed the gates of Ashcombe Grammar in the rain on Monday "
            "morning.",
            "The authority said pay for Ashcombe teachers already rose faster than inflation "
            "last year.",
            "Some Ashcombe head teachers joined the strike, Fairweather said, for the first "
            "time.",
        ],
    ),
}
OUTLETS = ["Harbour Ledger", "Metro Wire", "Channel 7", "Regional Post", "Coast Courier"]


def story_article(
    story: str, k: int, *, published: str | None = None, outlet: str | None = None
) -> Article:
    """The k-th invented article of a story (k < 3 share no more than one sentence)."""
    title, pool = STORIES[story]
    body = " ".join(pool[(k * 3 + j) % len(pool)] for j in range(4))
    aid = f"{story}-{k}"
    return Article(
        id=aid,
        source=outlet or OUTLETS[k % len(OUTLETS)],
        title=f"{title} ({OUTLETS[k % len(OUTLETS)]})",
        text=body,
        raw=body,
        url=f"https://news.example/{aid}",
        published=published,
        origin=f"invented {aid}",
    )


def syndicated_copy(a: Article, outlet: str, suffix: str = "copy") -> Article:
    """A wire copy of an article run by another outlet: own URL and headline, one line added."""
    body = a.text + " Reporting by the wire service; edited for our readers."
    return Article(
        id=f"{a.id}-{suffix}",
        source=outlet,
        title=a.title.upper(),
        text=body,
        raw=body,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{a.id}",
        published=a.published,
        origin=f"invented {a.id}-{suffix}",
    )


def pile() -> list[Article]:
    """Three stories of three articles each, arriving interleaved."""
    return [story_article(s, k) for k in range(3) for s in STORIES]


@pytest.fixture
def invent():
    """The invented-article makers: .story(name, k), .copy(article, outlet), .pile()."""
    import types

    return types.SimpleNamespace(
        story=story_article, copy=syndicated_copy, pile=pile, stories=list(STORIES)
    )


# --- PostgreSQL --------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    """Run as `postgres` when we are root (the server refuses to run as root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL on 127.0.0.1; yields the URL of its `postgres` database."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; `make test` tries)")
    root = Path(tempfile.mkdtemp(prefix="storyweave-pg-"))
    data, port = root / "data", _free_port()
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        run = {"check": True, "capture_output": True, "timeout": 120}
        subprocess.run(
            _as_owner([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
            **run,  # type: ignore[arg-type]
        )
        options = f"-k {root} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                       "-l", str(root / "log"), "-w", "start"]),  # fmt: skip
            **run,  # type: ignore[arg-type]
        )
    except (subprocess.SubprocessError, OSError, LookupError) as exc:
        err = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"cannot start a throwaway PostgreSQL: {exc} {err.decode()[-300:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


_DB_NUMBER = itertools.count()


def fresh_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_DB_NUMBER)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "stories.db")
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(store_url: str) -> Iterator[object]:
    """An empty Store on each backend."""
    from storyweave import Store

    s = Store(store_url)
    yield s
    s.close()
