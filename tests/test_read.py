"""Readers: formats, outlets, encodings, and what is skipped (with a reason) or refused."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from storyweave.errors import InputError
from storyweave.read import (
    MAX_BYTES,
    Batch,
    article_from_text,
    outlet_from_filename,
    outlet_from_url,
    read,
)

BODY = (
    "The harbour bridge reopened on Monday after three months of repairs, the city said.\n\n"
    "Crews replaced forty cables and repainted the deck before the first buses crossed.\n"
)
HTML = """<!doctype html><html><head><title>Bridge reopens | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
<link rel="canonical" href="https://www.harbourgazette.example/news/bridge">
</head><body><nav>Home | News | Sport</nav><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday after three months of repairs, the city council said
in a statement that thanked residents for their patience during the long closure.</p>
<p>Crews replaced forty steel cables and repainted the whole deck before the first buses crossed
the bridge shortly after six in the morning, according to the transport department.</p>
<p>The mayor said the repairs had cost twelve million dollars, less than the budget set aside
for the work last year, and that the bridge should not need major work for a decade.</p>
</article><footer>Copyright 2024 Harbour Gazette</footer></body></html>"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_text_title_body_and_outlet(tmp_path: Path) -> None:
    f = write(tmp_path / "01_coastline-courier.txt", "\nBridge reopens\n\n" + BODY)
    batch = read(f)
    assert isinstance(batch, Batch) and batch.skipped == []
    (a,) = batch
    assert a.title == "Bridge reopens"
    assert a.source == "Coastline Courier"
    assert "Bridge reopens" not in a.text and "forty cables" in a.text
    assert a.raw == a.text and not a.cleaned
    assert a.origin == str(f)
    assert len(a.id) == 12 and int(a.id, 16) >= 0


def test_id_is_stable_and_depends_on_origin() -> None:
    a = article_from_text("T\nbody text.", source="s", origin="x")
    b = article_from_text("T\nbody text.", source="s", origin="x")
    c = article_from_text("T\nbody text.", source="s", origin="y")
    assert a.id == b.id != c.id


def test_article_from_text_with_title_keeps_whole_body() -> None:
    a = article_from_text("First line.\nSecond.", source="s", origin="o", title="Given")
    assert a.title == "Given" and a.text == "First line.\nSecond."


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("01_coastline-courier.txt", "Coastline Courier"),
        ("000_09f52080431a1dd6.txt", "000_09f52080431a1dd6"),
        ("harbour_gazette_3f9a2c7d1e.txt", "Harbour Gazette"),
        ("BBC-news.txt", "BBC News"),
    ],
)
def test_outlet_from_filename(name: str, outlet: str) -> None:
    assert outlet_from_filename(name) == outlet


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.example.com/a/b") == "example.com"
    assert outlet_from_url("http://news.example.org:8080/x") == "news.example.org"
    assert outlet_from_url(None) is None


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (a,) = read(write(tmp_path / "page.html", HTML))
    assert a.source == "Harbour Gazette"
    assert "reopens" in a.title
    assert "forty steel cables" in a.text
    assert "Home | News" not in a.text
    assert a.published and a.published.startswith("2024-03-04")
    assert a.url and "harbourgazette.example" in a.url


def test_html_without_site_name_uses_url_domain(tmp_path: Path) -> None:
    page = HTML.replace('<meta property="og:site_name" content="Harbour Gazette">', "").replace(
        "| Harbour Gazette", ""
    )
    (a,) = read(write(tmp_path / "page.htm", page))
    assert a.source in {"harbourgazette.example", "Harbourgazette"}


def test_jsonl_outlets_and_bad_lines(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": "Title one\n" + BODY, "source": "Coast Daily"}),
        json.dumps({"text": BODY, "url": "https://www.bay-news.example/x", "title": "T2"}),
        json.dumps({"text": "Title three\n" + BODY, "published": "2024-03-04"}),
        "not json at all",
        "",
        json.dumps([1, 2]),
        json.dumps({"url": "https://x.example/"}),
        json.dumps({"html": HTML}),
    ]
    f = write(tmp_path / "wire_feed.jsonl", "\n".join(rows))
    batch = read(f)
    assert [a.source for a in batch] == [
        "Coast Daily",
        "bay-news.example",
        "wire_feed.jsonl:3",
        "Harbour Gazette",
    ]
    assert batch[1].title == "T2" and batch[1].text == BODY
    assert batch[2].published == "2024-03-04"
    assert batch[0].origin == f"{f} line 1"
    inputs = [s.input for s in batch.skipped]
    assert inputs == [f"{f} line 4", f"{f} line 6", f"{f} line 7"]
    reasons = [s.reason for s in batch.skipped]
    assert "not JSON" in reasons[0]
    assert "not an object" in reasons[1]
    assert '"text" is missing' in reasons[2]


def test_folder_recursive_sorted_hidden_ignored(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path / "b" / "02_second.txt", "Second\n" + BODY)
    write(tmp_path / "01_first.txt", "First\n" + BODY)
    write(tmp_path / ".hidden.txt", "Hidden\n" + BODY)
    write(tmp_path / ".git" / "x.txt", "Git\n" + BODY)
    write(tmp_path / "notes.md", "Notes\n" + BODY)  # unknown extension, read as text
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\x00")
    batch = read(tmp_path)
    assert [a.title for a in batch] == ["First", "Second", "Notes"]
    assert [Path(s.input).name for s in batch.skipped] == ["image.png"]
    assert "binary" in batch.skipped[0].reason


def test_a_list_of_sources_reads_as_those_sources(tmp_path: Path) -> None:
    write(tmp_path / "01_first.txt", "First\n" + BODY)
    write(tmp_path / "02_second.txt", "Second\n" + BODY)
    paths = sorted(tmp_path.iterdir())
    assert [a.title for a in read(paths)] == ["First", "Second"]
    assert [a.title for a in read([str(paths[1])], paths[0])] == ["Second", "First"]
    with pytest.raises(InputError, match="not int") as err:
        read([paths[0], 3])  # type: ignore[list-item]
    assert "3" in str(err.value)


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Stdin title\n" + BODY))
    (a,) = read("-")
    assert a.title == "Stdin title" and a.origin == "stdin"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": "A\n" + BODY, "source": "S"}), "{broken"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n  " + "\n".join(lines)))
    batch = read("-")
    assert [a.origin for a in batch] == ["stdin line 2"]
    assert batch.skipped[0].input == "stdin line 3"


def test_stdin_bytes_are_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("Café news\n" + BODY).encode("cp1252")
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")
    monkeypatch.setattr(sys, "stdin", stream)
    (a,) = read("-")
    assert a.title == "Café news"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig", "utf-8"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le café de Hermés rouvre\n\n"
        "Le café de la place, tenu par Hermés depuis vingt ans, a rouvert ses portes "
        "après des travaux qui ont duré tout l'été, à la grande joie des habitués.\n"
    )
    if encoding == "cp1252":
        text += "\n\u201cC'est formidable,\u201d dit-il \u2014 enfin.\n"
    (a,) = read(write(tmp_path / "f.txt", text, encoding))
    assert a.title == "Le café de Hermés rouvre"
    assert "Hermés depuis" in a.text and "à la grande joie" in a.text
    assert "\ufeff" not in a.title
    if encoding == "cp1252":
        assert "\u201cC'est formidable,\u201d" in a.text


def test_empty_and_whitespace_files_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", "  \n\n ")
    batch = read(tmp_path)
    assert list(batch) == []
    assert all("empty" in s.reason for s in batch.skipped) and len(batch.skipped) == 2


def test_title_only_skipped(tmp_path: Path) -> None:
    batch = read(write(tmp_path / "a.txt", "Just a title\n\n"))
    assert "no body" in batch.skipped[0].reason


def test_binary_file_skipped(tmp_path: Path) -> None:
    f = tmp_path / "data.txt"
    f.write_bytes(bytes(range(256)) * 8)
    batch = read(f)
    assert list(batch) == [] and batch.skipped[0].input == str(f)
    assert "binary" in batch.skipped[0].reason or "not text" in batch.skipped[0].reason


def test_huge_file_skipped_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written
    batch = read(f)
    (s,) = batch.skipped
    assert "is 200 MB" in s.reason and "up to 50 MB" in s.reason and "--max-bytes" in s.reason
    assert MAX_BYTES == 50 * 1024 * 1024


def test_max_bytes_argument(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "Title\n" + BODY)
    assert read(f, max_bytes=10).skipped
    assert len(read(f, max_bytes=10_000)) == 1


def test_missing_path_is_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as e:
        read(missing)
    assert str(missing) in str(e.value)


def test_strict_turns_skip_into_error(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "Title\n" + BODY)
    write(tmp_path / "empty.txt", "")
    assert len(read(tmp_path).skipped) == 1
    with pytest.raises(InputError) as e:
        read(tmp_path, strict=True)
    assert "empty.txt" in str(e.value)


def test_a_field_of_the_wrong_type_names_its_json_type(tmp_path: Path) -> None:
    rows = [json.dumps({"text": 42}), json.dumps({"html": ["<p>x</p>"]}), json.dumps(7)]
    batch = read(write(tmp_path / "typed.jsonl", "\n".join(rows)))
    assert [s.reason for s in batch.skipped] == [
        'field "text" is an integer, not a string',
        'field "html" is an array, not a string',
        'is an integer, not an object; each line must be one {"text": ...} object',
    ]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # a source "tells" the outlet; another outlet the page cites was only "told"
        (
            "A source close to the couple tells Harbour Gossip! that she is calm.\n\n"
            "She previously told Coast Radio that the case was closed.\n",
            "Harbour Gossip!",
        ),
        ("Ferries resume.\n\nMore from The Quayside: Ten more ferry stories\n", "The Quayside"),
        ("The bridge reopens.\n\nPORT ALDOUS (KVX) — The bridge reopened on Monday.\n", "KVX"),
        (
            "The bridge reopened.\n\nThe Ledger has reached out to the council for comment.\n\n"
            "Copyright 2024 The Ledger. All rights reserved.\n",
            "The Ledger",
        ),
        # a dateline in mixed case, or the wire's name alone, opening the story
        ("Port Aldous, Maine (KVX) The bridge reopened on Monday.\n", "KVX"),
        ("(Harbour Wire) The bridge reopened on Monday after repairs.\n", "Harbour Wire"),
        # the wire's own writers credited, and the reporter's address signing off
        (
            "The bridge reopened.\n\nHarbour Wire writers Jo Lee and Sam Reyes contributed "
            "to this report.\n",
            "Harbour Wire",
        ),
        ("The bridge reopened.\n\nMore from The Quayside\n", "The Quayside"),
        ("The bridge reopened on Monday.\n\nWrite to Jo Lee at jo.lee@quayside.com\n", "quayside.com"),
        # a dateline with a dash after the wire's name; one of its reporters credited; its own
        # columnist to follow; "More from" ending a page flattened into one line
        ("Port Aldous (KVX) -- The bridge reopened on Monday.\n", "KVX"),
        ("The bridge reopened.\n\nKVX's Jo Lee and Sam Reyes contributed to this report.\n", "KVX"),
        ("The bridge reopened.\n\nFollow Harbour Wire columnist Jo Lee on Twitter.\n", "Harbour Wire"),
        ("The bridge reopened, the council said. More from The Quayside\n", "The Quayside"),
        ("The bridge reopened.\n\nOriginally published on Harbour Science.\n", "Harbour Science"),
        ("The bridge reopened. Click for more from KVX.com\n", "KVX.com"),
        ("The bridge reopened. Stay with KVX.com for more on this story.\n", "KVX.com"),
        ("The bridge reopened. Stay with KVX Radio 1090 AM for developments.\n", "KVX Radio 1090 AM"),
        ("The bridge reopened. And make sure to visit KVX for all of our news.\n", "KVX"),
        ("(Photo by Jo Lee for The Quayside) The bridge reopened.\n", "The Quayside"),
        ("The bridge reopened.\n\nSubscribe to The Quayside's free Harbour Daily newsletter.\n", "The Quayside"),
        # a dateline indented as scraped pages indent their paragraphs; the writer's own line
        ("Bridge shut\n\n PORT ALDOUS (KVX) \u2014 The bridge reopened on Monday.\n", "KVX"),
        ("The author is a Harbour Wire columnist. The bridge reopened on Monday.\n", "Harbour Wire"),
    ],
)
def test_a_text_file_named_by_an_id_takes_the_outlet_its_text_names(
    tmp_path: Path, text: str, outlet: str
) -> None:
    (a,) = read(write(tmp_path / "000_09f52080431a1dd6.txt", "Bridge reopens\n" + text))
    assert a.source == outlet


def test_the_file_name_stays_when_the_text_names_no_outlet_or_the_file_name_is_one(
    tmp_path: Path,
) -> None:
    once = "Bridge\n\nThe mayor told Jo Reyes that the bridge was safe.\n"
    (a,) = read(write(tmp_path / "000_09f52080431a1dd6.txt", once))
    assert a.source == "000_09f52080431a1dd6"  # one weak "told" may be a person
    staff = "Bridge\n\nStaff writer Jo Lee contributed.\nMail tips to jo.lee@gmail.com\n"
    (s,) = read(write(tmp_path / "000_19f52080431a1dd6.txt", staff))
    assert s.source == "000_19f52080431a1dd6"  # the paper's staff, a personal mailbox
    (b,) = read(write(tmp_path / "01_coast-daily.txt", "Bridge\n\nA source tells KVX so.\n"))
    assert b.source == "Coast Daily"


def test_jsonl_without_source_or_url_takes_the_outlet_its_text_names(tmp_path: Path) -> None:
    row = {"text": "Bridge reopens\n\nA source tells The Quayside that the bridge is safe."}
    (a,) = read(write(tmp_path / "feed1.jsonl", json.dumps(row)))
    assert a.source == "The Quayside"


def test_stream_reads_one_file_at_a_time_and_reports_what_it_skipped(tmp_path):
    from storyweave.read import stream

    (tmp_path / "a.txt").write_text("Harbour Bridge closes\n\nThe bridge closed on Monday.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Ferry resumes\n\nThe ferry ran again on Tuesday.")
    articles = stream(tmp_path)
    it = iter(articles)
    first = next(it)
    # c.txt is not read yet: a file written now is still found
    (tmp_path / "d.txt").write_text("Council meets\n\nThe council met on Wednesday.")
    assert first.title == "Harbour Bridge closes" and articles.skipped == []
    rest = list(it)
    assert [a.title for a in rest] == ["Ferry resumes"]
    assert [s.input for s in articles.skipped] == [str(tmp_path / "b.txt")]


def test_stream_refuses_a_missing_path_before_reading_anything(tmp_path):
    from storyweave.read import stream

    with pytest.raises(InputError, match="no such file"):
        stream(tmp_path / "nowhere")


def test_a_reporter_or_a_source_told_something_is_no_outlet(tmp_path: Path) -> None:
    text = (
        "Bridge\n\nThe family tells Dana Quill that the car was faulty. The agency told Dana Quill "
        "it had the logs. Mayor John Stumpfer spoke first. Reporters told Stumpfer he should resign, "
        "and later told Stumpfer so again. A neighbour told Mrs Quill, and told Mrs Quill again.\n"
    )
    (a,) = read(write(tmp_path / "000_29f52080431a1dd6.txt", text))
    assert a.source == "000_29f52080431a1dd6"


def test_a_text_that_opens_on_its_lead_sentence_keeps_it_as_text(tmp_path: Path) -> None:
    lead = (
        "(KVX) A woman killed three people at a drugstore warehouse in Harbourton on Thursday, "
        "officials said."
    )
    (a,) = read(write(tmp_path / "lead.txt", lead + "\n\nThe shooter died later.\n"))
    assert a.text.startswith(lead) and a.title == lead
    (b,) = read(write(tmp_path / "head.txt", "Three killed at warehouse\n\nThe shooter died.\n"))
    assert "Three killed" not in b.text  # a headline stays the title alone


def test_jsonl_records_naming_no_outlet_are_each_an_outlet_of_their_own(tmp_path: Path) -> None:
    from storyweave.brief import brief
    from storyweave.config import Config

    told = [
        "The harbour bridge in Port Elling was closed to traffic on Monday after engineers found "
        "cracks in its main cable.",
        "Engineers discovered cracks in the main cable of the Port Elling harbour bridge, so "
        "officials closed it to traffic on Monday.",
        "Port Elling's harbour bridge was closed to traffic on Monday once engineers found cracks "
        "in the main cable.",
    ]
    rows = [json.dumps({"title": f"Bridge shut {i}", "text": t}) for i, t in enumerate(told)]
    batch = read(write(tmp_path / "story.jsonl", "\n".join(rows)))
    assert [a.source for a in batch] == ["story.jsonl:1", "story.jsonl:2", "story.jsonl:3"]
    b = brief(list(batch), Config(embedder="tfidf"))
    assert [a.claim.outlets for a in b.agreements] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "Bridge\n\n Harbour Safety Administration (HSA) Administrator Jo Lee testified on Monday.\n",
        "Bridge\n\nThe bridge reopened.\n\n More from expert Jo Lee\n\n Is the bridge safe?\n",
    ],
)
def test_an_acronym_spelled_out_or_a_person_after_more_from_is_no_outlet(
    tmp_path: Path, text: str
) -> None:
    (a,) = read(write(tmp_path / "000_09f52080431a1dd6.txt", text))
    assert a.source == "000_09f52080431a1dd6"
