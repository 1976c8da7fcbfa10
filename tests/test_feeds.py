"""RSS and Atom feeds, from files and from a local HTTP server on 127.0.0.1, into Articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyweave.errors import InputError
from storyweave.read import read
from storyweave.read.feeds import looks_like_feed, read_feed, read_url
from test_fetch import Server, quick  # the local server the fetch tests use

FEED_HEADERS = {"Content-Type": "application/rss+xml; charset=utf-8"}
ATOM_HEADERS = {"Content-Type": "application/atom+xml"}


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def page(headline: str, sentence: str) -> str:
    """An article page with enough main text for trafilatura to keep it."""
    body = "".join(
        f"<p>{sentence} Paragraph {i} adds the detail residents of the harbour town asked "
        f"about at the council meeting on Tuesday evening.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>{headline}</title></head><body><nav>Home | Sport</nav>"
        f"<article><h1>{headline}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def rss(items: list[str], title: str | None = "Harbour Gazette") -> str:
    head = f"<title>{title}</title>" if title else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"{head}<link>http://gazette.example/</link>{''.join(items)}</channel></rss>"
    )


def item(title: str, link: str | None, summary: str | None, date: str | None = None) -> str:
    parts = [f"<title>{title}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if summary:
        parts.append(f"<description><![CDATA[{summary}]]></description>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    return f"<item>{''.join(parts)}</item>"


def test_rss_entries_become_articles_with_their_pages_text(server):
    one = server.add("/news/1", page("Bridge closes", "The old bridge closed on Monday."))
    two = server.add("/news/2", page("Ferry resumes", "The ferry sailed again at noon."))
    feed = rss(
        [
            item("Bridge closes", one, "Short teaser.", "Mon, 02 Mar 2026 09:30:00 +0100"),
            item("Ferry resumes", two, "Another teaser."),
        ]
    )
    url = server.add("/feed.rss", feed, headers=FEED_HEADERS)
    with quick() as fetcher:
        batch = read_feed(url, fetcher=fetcher)
    assert batch.skipped == []
    first, second = batch
    assert (first.title, first.source, first.url) == ("Bridge closes", "Harbour Gazette", one)
    assert first.published == "2026-03-02T08:30:00+00:00"
    assert "The old bridge closed on Monday." in first.text and "Home | Sport" not in first.text
    assert "Short teaser" not in first.text
    assert second.published is None and "The ferry sailed again at noon." in second.text


def test_atom_entries_with_content_and_no_page_fetching(server):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Courier</title><id>urn:x</id><updated>2026-03-02T10:00:00Z</updated>"
        "<entry><title>Dam inspected</title><id>urn:1</id>"
        f'<link href="{server.url("/dam")}"/><updated>2026-03-02T10:00:00Z</updated>'
        '<summary>Short.</summary><content type="html">&lt;p&gt;Engineers inspected the dam.'
        "&lt;/p&gt;&lt;p&gt;They found no &lt;b&gt;leaks&lt;/b&gt;.&lt;/p&gt;</content></entry>"
        "</feed>"
    )
    url = server.add("/atom", atom, headers=ATOM_HEADERS)
    with quick() as fetcher:
        (article,) = read_feed(url, fetcher=fetcher, fetch_pages=False)
    assert article.text == "Engineers inspected the dam.\nThey found no leaks."
    assert (article.title, article.source) == ("Dam inspected", "Valley Courier")
    assert article.published == "2026-03-02T10:00:00+00:00"
    assert server.hits("/dam") == 0


def test_a_feed_that_is_not_xml_is_skipped_naming_it(server, tmp_path):
    url = server.add("/broken.rss", "this is {not xml at all", headers=FEED_HEADERS)
    with quick() as fetcher:
        batch = read_feed(url, fetcher=fetcher)
    assert list(batch) == []
    (skip,) = batch.skipped
    assert skip.input == url and "is not an RSS or Atom feed" in skip.reason
    path = tmp_path / "broken.rss"
    path.write_text("{not: xml}")
    (skip,) = read_feed(path).skipped
    assert skip.input == str(path) and "not an RSS or Atom feed" in skip.reason


def test_one_broken_entry_among_good_ones(server):
    good = server.add("/good", page("Good", "The good page says the road reopened."))
    feed = rss(
        [
            item("Good", good, None),
            item("Nothing here", None, None),
            item("Gone", server.url("/gone"), "<p>The summary says the mill burned.</p>"),
            item("Gone too", server.url("/gone2"), None),
        ]
    )
    url = server.add("/feed.rss", feed, headers=FEED_HEADERS)
    with quick() as fetcher:
        batch = read_feed(url, fetcher=fetcher)
    assert [a.title for a in batch] == ["Good", "Gone"]
    assert batch[1].text == "The summary says the mill burned."
    reasons = {s.input: s.reason for s in batch.skipped}
    assert reasons[f"{url} entry 2"] == "has no link and no text; nothing to read"
    assert reasons[server.url("/gone")].startswith("page not read: HTTP 404")
    assert reasons[server.url("/gone")].endswith("the feed's own text was used")
    assert "has no summary or content" in reasons[f"{url} entry 4"]
    assert server.url("/gone2") in reasons


def test_a_page_that_times_out_falls_back_to_the_summary(server):
    slow = server.add("/slow", page("Slow", "Too late."), delay=1.5)
    url = server.add(
        "/feed.rss", rss([item("Slow", slow, "Storm hits coast.")]), headers=FEED_HEADERS
    )
    with quick(read_timeout=0.3) as fetcher:
        batch = read_feed(url, fetcher=fetcher)
    assert [a.text for a in batch] == ["Storm hits coast."]
    (skip,) = batch.skipped
    assert skip.input == slow and "read timeout" in skip.reason


def test_pages_robots_txt_disallows_are_not_fetched(server):
    server.add("/robots.txt", "User-agent: *\nDisallow: /paywall/\n", headers={})
    locked = server.add("/paywall/1", page("Locked", "Secret."))
    url = server.add("/feed.rss", rss([item("Locked", locked, "Teaser.")]), headers=FEED_HEADERS)
    with quick() as fetcher:
        batch = read_feed(url, fetcher=fetcher)
    assert [a.text for a in batch] == ["Teaser."]
    assert "robots.txt disallows" in batch.skipped[0].reason
    assert server.hits("/paywall/1") == 0


def test_a_page_in_a_legacy_encoding_keeps_its_accents(server):
    html = page("Caf\u00e9 fire", "The caf\u00e9 on the quay burned down.").encode("cp1252")
    link = server.add("/cafe", html, headers={"Content-Type": "text/html; charset=windows-1252"})
    url = server.add("/feed.rss", rss([item("Café", link, None)]), headers=FEED_HEADERS)
    with quick() as fetcher:
        (article,) = read_feed(url, fetcher=fetcher)
    assert "The café on the quay burned down." in article.text


def test_outlet_falls_back_to_the_links_domain(server):
    link = server.url("/x", host="localhost")
    feed = rss([item("No title feed", link, "Text of the entry.")], title=None)
    url = server.add("/feed.rss", feed, headers=FEED_HEADERS)
    with quick() as fetcher:
        (article,) = read_feed(url, fetcher=fetcher, fetch_pages=False)
    assert article.source == "localhost"


def test_watch_rounds_skip_unchanged_feeds_and_known_pages(server):
    pages = [server.add(f"/n{i}", page(f"N{i}", f"Story number {i} happened.")) for i in range(2)]
    tracked = server.add("/track/1", status=302, headers={"Location": "/n1"})
    feed = rss([item("N0", pages[0], None), item("N1", tracked, None)])
    headers = {**FEED_HEADERS, "ETag": '"r1"'}
    url = server.add("/feed.rss", feed, headers=headers)
    with quick() as fetcher:
        (first,) = read_url(url, fetcher=fetcher, known_urls={pages[0]})
        assert first.url == pages[1]  # where the tracking link led
        assert server.hits("/n0") == 0 and server.hits("/n1") == 1
        assert list(read_url(url, fetcher=fetcher)) == []  # 304: nothing new
        server.add("/feed.rss", feed, headers={**FEED_HEADERS, "ETag": '"r2"'})
        # the feed changed; the tracked entry's page is stored under the URL it led to
        assert list(read_url(url, fetcher=fetcher, known_urls=set(pages))) == []
    assert server.hits("/n1") == 1 and server.hits("/track/1") == 1


def test_read_takes_a_feed_url_a_page_url_and_feed_files(server, tmp_path):
    link = server.add("/story", page("Quay works", "Works on the quay start in May."))
    feed_url = server.add("/feed.xml", rss([item("Quay works", link, None)]), headers=FEED_HEADERS)
    (tmp_path / "gazette.rss").write_text(rss([item("Quay works", link, None)]))
    (tmp_path / "notes.xml").write_text("<notes>\nWorks start in May.\n</notes>\n")
    assert looks_like_feed(tmp_path / "gazette.rss")
    assert not looks_like_feed(tmp_path / "notes.xml")
    with quick() as fetcher:
        from_url = read(feed_url, fetcher=fetcher)
        from_page = read(link, fetcher=fetcher)
        from_folder = read(tmp_path, fetcher=fetcher)
    assert [a.title for a in from_url] == ["Quay works"]
    assert from_page[0].url == link and "start in May" in from_page[0].text
    # an .xml file that is no feed still goes to the plain-text reader
    assert sorted(a.title for a in from_folder) == ["<notes>", "Quay works"]
    assert from_folder.skipped == []


def test_read_strict_fails_on_an_unreachable_url(server):
    with quick() as fetcher, pytest.raises(InputError, match="HTTP 404"):
        read(server.url("/missing.rss"), strict=True, fetcher=fetcher)


def test_a_feed_in_a_legacy_encoding(server):
    feed = rss([item("Caf\u00e9 reopens", None, "The caf\u00e9 on the quay reopened.")])
    data = feed.replace('encoding="utf-8"', 'encoding="windows-1252"').encode("cp1252")
    url = server.add("/legacy.rss", data, headers={"Content-Type": "application/rss+xml"})
    with quick() as fetcher:
        (article,) = read_feed(url, fetcher=fetcher)
    assert (article.title, article.text) == ("Café reopens", "The café on the quay reopened.")


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-rss+xml",
        "application/x-atom+xml; charset=utf-8",
        "text/rss+xml",
        "text/atom+xml",
        "application/rdf+xml",
        "text/xml; charset=utf-8",
    ],
)
def test_a_feed_served_under_any_common_feed_type_is_read(server, content_type):
    feed = rss([item("Pier reopens", None, "The pier reopened on Saturday.")])
    url = server.add("/feed", feed, headers={"Content-Type": content_type})
    with quick() as fetcher:
        batch = read(url, fetcher=fetcher)
    assert batch.skipped == []
    assert [(a.title, a.text) for a in batch] == [
        ("Pier reopens", "The pier reopened on Saturday.")
    ]


def test_a_url_serving_neither_a_page_nor_a_feed_is_skipped_saying_so(server):
    url = server.add("/data", b'{"a": 1}', headers={"Content-Type": "application/json"})
    with quick() as fetcher:
        batch = read(url, fetcher=fetcher)
    assert list(batch) == []
    (skip,) = batch.skipped
    assert skip.input == url and "is application/json" in skip.reason


def test_ingest_of_a_feed_url_again_fetches_only_pages_not_yet_stored(
    server, tmp_path, monkeypatch, capsys
):
    import functools

    from storyweave import Store
    from storyweave.cli import main
    from storyweave.read import fetch

    monkeypatch.setattr(fetch, "FetchConfig", functools.partial(fetch.FetchConfig, min_interval=0))
    pages = [
        server.add(f"/n{i}", page(f"Story {i}", f"Event number {i} shook the harbour town."))
        for i in range(3)
    ]
    feed_url = server.add("/feed.rss", rss([item("S0", pages[0], None)]), headers=FEED_HEADERS)
    db = str(tmp_path / "s.db")
    assert main(["ingest", feed_url, "--db", db]) == 0
    server.add("/feed.rss", rss([item(f"S{i}", p, None) for i, p in enumerate(pages)]),
               headers=FEED_HEADERS)  # fmt: skip
    assert main(["ingest", feed_url, pages[0], "--db", db]) == 0
    assert "2 stored" in capsys.readouterr().err
    assert [server.hits(f"/n{i}") for i in range(3)] == [1, 1, 1]  # the stored page not again
    assert Store(db).counts()["articles"] == 3
