"""Timeline: date expressions found, resolved against anchors, and ordered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyweave.analysis.timeline import build_timeline, find_dates
from storyweave.model import Article, Event
from storyweave.text.segment import segment

FRIDAY = date(2015, 7, 10)


def _one(text: str, anchor: date | None = FRIDAY, previous_year: int | None = None):
    found = find_dates(text, anchor, previous_year)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "iso", "precision"),
    [
        ("The mill reopened in 2012.", "2012", "2012", "year"),
        ("The vote took place in April.", "in April", "2015-04", "month"),
        ("The ferry was launched in April 2013.", "April 2013", "2013-04", "month"),
        ("The hearing began on Dec. 5, 2014 in Oslo.", "Dec. 5, 2014", "2014-12-05", "day"),
        ("The hearing began on 5 December 2014.", "5 December 2014", "2014-12-05", "day"),
        ("The filing is dated 2014-12-05.", "2014-12-05", "2014-12-05", "day"),
        ("The mayor spoke on Thursday.", "on Thursday", "2015-07-09", "day"),
        ("The council met last Tuesday.", "last Tuesday", "2015-07-07", "day"),
        ("The boat sank yesterday.", "yesterday", "2015-07-09", "day"),
        ("The report came out last week.", "last week", "2015-07", "month"),
        ("The team will tour Japan this summer.", "this summer", "2015", "year"),
        ("Work will resume next spring.", "next spring", "2016", "year"),
        ("Earlier this month, the board resigned.", "Earlier this month", "2015-07", "month"),
        ("The shop closed two years ago.", "two years ago", "2013", "year"),
        ("Prices rose last year.", "last year", "2014", "year"),
    ],
)
def test_expression_resolved_against_published_date(
    text: str, expression: str, iso: str, precision: str
) -> None:
    found = _one(text)
    assert found.text == expression
    assert found.date == iso
    assert found.precision == precision
    assert found.resolved
    assert found.text in text


def test_following_year_resolves_against_a_year_in_the_same_sentence() -> None:
    found = find_dates("The pair separated in 2009 and the divorce was final the following year.")
    assert [(f.text, f.date) for f in found] == [("2009", "2009"), ("the following year", "2010")]


def test_relative_year_and_bare_month_use_the_previous_sentence() -> None:
    assert _one("The next year it moved to Bergen.", None, 1998).date == "1999"
    assert _one("In March the new owners fired the coach.", None, 2014).date == "2014-03"


def test_bare_month_after_publication_goes_to_the_previous_year() -> None:
    assert _one("The petition started in October.").date == "2014-10"
    assert _one("The petition starts next October.").date == "2015-10"


@pytest.mark.parametrize(
    "text",
    [
        "The petition passed 100,000 signatures.",
        "She was fined $2,500 by the club.",
        "The 46-year-old coach resigned.",
        "Organisers counted 2015 signatures at the gate.",
        "This may be the end of the affair.",
        "The school has 1500 pupils.",
    ],
)
def test_numbers_that_are_not_dates_are_skipped(text: str) -> None:
    assert find_dates(text, FRIDAY) == []


def test_unresolvable_relative_dates_are_kept_unresolved() -> None:
    found = _one("The club was sold last week.", None)
    assert found.date is None and found.precision is None and not found.resolved
    following = _one("The year after that, the following year, was quiet.", None)
    assert not following.resolved


def test_all_caps_text() -> None:
    found = find_dates("THE FIRM WAS SOLD IN MAY 2014 AND CLOSED LAST WEEK.", FRIDAY)
    assert [(f.date, f.precision) for f in found] == [("2014-05", "month"), ("2015-07", "month")]


def _article(aid: str, source: str, text: str, published: str | None = None) -> Article:
    return Article(aid, source, text.split(".")[0], text, published=published, cleaned=True)


def test_build_timeline_orders_by_date_with_unresolved_last_and_dedupes_copies() -> None:
    a = _article(
        "a",
        "harbour-news",
        "The ferry line opened in 2010. Its owner sold it last week. "
        "The new owner said fares would rise next spring.",
        published="2015-07-10T08:00:00Z",
    )
    b = _article(
        "b", "coast-daily", "The ferry line opened in 2010. Divers found a wreck last week."
    )
    copy = _article("c", "wire", a.text, published="2015-07-10")
    arts = [a, b, copy]
    events = build_timeline(arts, {x.id: segment(x) for x in arts})
    dates = [e.date for e in events]
    assert dates == ["2010", "2015-07", "2015-07", "2016"]
    assert events[0].evidence.article_id == "a"  # the other "opened in 2010" is the same sentence
    # b has no page date of its own: its "last week" is the week before a's page date
    (wreck,) = [e for e in events if e.evidence.article_id == "b"]
    assert (wreck.expression, wreck.anchored_by) == ("last week", "a")
    assert all(e.anchored_by is None for e in events if e is not wreck)
    for e in events:
        assert e.expression in e.evidence.text
        assert e.text == e.evidence.text


def test_a_pile_without_page_dates_lists_relative_dates_unresolved_and_last() -> None:
    a = _article("a", "harbour-news", "Its owner sold it last week. The line opened in 2010.")
    b = _article("b", "coast-daily", "Divers found a wreck on Monday.")
    events = build_timeline([a, b], {x.id: segment(x) for x in (a, b)})
    assert [e.date for e in events] == ["2010", None, None]
    assert [e.expression for e in events[1:]] == ["last week", "on Monday"]
    assert not any(e.resolved or e.anchored_by for e in events[1:])


def _story(b_text: str) -> list[Event]:
    a = _article("a", "wire", "A gunman opened fire at a warehouse on Thursday.", "2018-09-21")
    b = _article("b", "local", b_text)
    return build_timeline([a, b], {x.id: segment(x) for x in (a, b)})


def test_an_article_without_a_page_date_is_dated_by_the_storys() -> None:
    events = _story("Three workers were shot on Thursday morning. In June, another attack.")
    by_b = {e.expression: e for e in events if e.evidence.article_id == "b"}
    assert by_b["on Thursday"].date == "2018-09-20"
    assert by_b["In June"].date == "2018-06"
    assert by_b["on Thursday"].anchored_by == "a" and by_b["In June"].anchored_by == "a"
    # a day no dated article dates stays undated: b may have come out days after a, and its
    # "Monday" be the one after a's page date, not the one before
    (monday,) = [
        e for e in _story("Police named the gunman on Monday.") if e.evidence.article_id == "b"
    ]
    assert (monday.date, monday.anchored_by) == (None, None)
    # a year the article states itself needs no other page's date
    (own,) = [e for e in _story("The site opened in May 2011.") if e.evidence.article_id == "b"]
    assert (own.date, own.anchored_by) == ("2011-05", None)


@pytest.mark.parametrize(
    ("b_text", "c_published"),
    [
        # the story's page dates lie weeks apart: which of them would "Thursday" be near?
        ("Three workers were shot on Thursday.", "2018-10-30"),
        # the undated article tells of a day weeks after the dated one: a later report
        ("Three workers were shot on Thursday. The trial began on November 5, 2018.", None),
    ],
)
def test_no_story_date_where_it_would_be_a_guess(b_text: str, c_published: str | None) -> None:
    a = _article("a", "wire", "A gunman opened fire at a warehouse on Thursday.", "2018-09-21")
    b = _article("b", "local", b_text)
    c = _article("c", "late", "The warehouse reopened.", c_published)
    arts = [a, b, c]
    events = build_timeline(arts, {x.id: segment(x) for x in arts})
    (thursday,) = [e for e in events if e.evidence.article_id == "b" and "Thursday" in e.text]
    assert thursday.date is None and thursday.anchored_by is None


def test_seed_timeline(seeds_dir: Path) -> None:
    arts = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.strip())
        arts.append(Article(path.stem, path.stem, title.strip(), text, cleaned=True))
    events = build_timeline(arts, {a.id: segment(a) for a in arts})
    assert events
    for e in events:
        assert e.expression in e.evidence.text
        assert (e.date is None) == (not e.resolved)
    resolved = [e.date for e in events if e.date]
    assert resolved == sorted(resolved)
    assert "2010" in resolved  # "... in 2009 ... the following year"
    assert not any("100,000" in e.expression or "2.5" in e.expression for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that looks ahead names the next such day or month, not the last
        ("He will be sentenced on January 12.", ("2024-01-12", "day")),
        ("He was sentenced on January 12.", ("2023-01-12", "day")),
        ("Lessons will start on Monday.", ("2023-11-27", "day")),
        ("The fire broke out on Monday.", ("2023-11-20", "day")),
        ("The school will reopen in May.", ("2024-05", "month")),
        ("Results are due on 4 March.", ("2024-03-04", "day")),
        ("The flight was cancelled due to fog on Monday.", ("2023-11-20", "day")),
        # the day first, with or without "of"
        ("Inspectors visited the school on 11 February.", ("2023-02-11", "day")),
        ("It reopened on the 4th of November.", ("2023-11-04", "day")),
    ],
)
def test_future_sentences_and_day_first_dates(text: str, expected: tuple[str, str]) -> None:
    got = [(x.date, x.precision) for x in find_dates(text, date(2023, 11, 22))]
    assert got == [expected]


def test_a_lower_case_may_after_a_number_is_no_date() -> None:
    assert find_dates("The 3 may have left early.", date(2023, 11, 22)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday with no "on", US wire style
        ("The fire broke out Monday afternoon in a canyon.", "2024-08-12"),
        ("Officials said Tuesday that 40 homes had burned.", "2024-08-13"),
        ("Crews had it 10% contained by Wednesday morning.", "2024-08-14"),
        ("Orders will remain in place until at least Friday.", "2024-08-16"),
        # looking ahead, though an earlier sentence named another year
        ("The school year, due to start on September 3, would be delayed.", "2024-09-03"),
        ("The agency will report by the end of July.", "2025-07"),
    ],
)
def test_bare_weekdays_and_the_future_against_an_earlier_year(text: str, expected: str) -> None:
    got = [x.date for x in find_dates(text, date(2024, 8, 14), previous_year=2021)]
    assert got == [expected]


def test_the_pages_date_line_anchors_its_relative_dates() -> None:
    from storyweave.brief import prepare
    from storyweave.read import article_from_text

    raw = (
        "Updated: September 30, 2014\n\nThe harbour bridge reopened on Thursday after three "
        "months of repairs, the city council said in a statement.\n"
    )
    kept, sentences, _ = prepare([article_from_text(raw, source="s", origin="o", title="Bridge")])
    (event,) = build_timeline(kept, sentences)
    assert (event.date, event.expression) == ("2014-09-25", "on Thursday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year inside a clause that only describes a thing does not date the event
        ("Share prices fell on Monday to levels last seen in 1985.", [("2015-07-06", "on Monday")]),
        ("Share prices fell to levels last seen in 1985.", []),
        # nor does the year of a thing when the main verb has its own date
        (
            "On Friday, Mr Ostrander posted a photograph of his 1987 hairdressing diploma.",
            [("2015-07-10", "On Friday")],
        ),
        # without one, the thing's year is all the sentence says of when
        ("In a 2015 video, Mr Ostrander said he wanted to be remembered.", [("2015", "2015")]),
        ("Two workers were hurt in the October 2014 attack.", [("2014-10", "October 2014")]),
        # a clause saying what someone did dates that
        (
            "The board paid Ms Varga, who took over as chief executive in 2010, a bonus.",
            [("2010", "2010")],
        ),
        (
            "In 1994 and 1995, the group attacked three people.",
            [("1994", "1994"), ("1995", "1995")],
        ),
    ],
)
def test_a_date_dates_the_event_it_attaches_to(text: str, expected: list[tuple[str, str]]) -> None:
    art = _article("a", "s", text, published="2015-07-10")
    events = build_timeline([art], {art.id: segment(art)})
    assert [(e.date, e.expression) for e in events] == expected


def test_a_weekday_before_its_own_date_is_part_of_it() -> None:
    text = "The hairdresser died suddenly Monday evening January 23, 2017, at his home."
    assert [(x.text, x.date) for x in find_dates(text)] == [("January 23, 2017", "2017-01-23")]
    # a weekday that is not the date's stays apart (January 23, 2017 was a Monday)
    text = "Police said Friday that the hairdresser died on January 23, 2017."
    assert [x.text for x in find_dates(text)] == ["Friday", "January 23, 2017"]


def test_the_end_of_a_phone_number_is_no_year() -> None:
    assert find_dates("Call detectives at (818) 374-1925 with information.") == []


def test_a_sentence_of_the_time_of_writing_takes_no_year_from_the_one_before() -> None:
    # "In 1962 ... . Recently, a paper posted June 13 ...": not June 13, 1962
    assert _one("Recently, a paper posted June 13 revived the model.", None, 1962).date is None
    assert _one("Recently, a paper posted June 13 revived it.", FRIDAY, 1962).date == "2015-06-13"
    assert _one("In March the new owners fired the coach.", None, 2014).date == "2014-03"


def test_a_day_before_something_is_not_a_day_before_the_page() -> None:
    page = date(2024, 3, 7)
    assert not find_dates("We won't open that bridge a day before our engineer says so.", page)
    assert [x.date for x in find_dates("He had left two days before.", page)] == ["2024-03-05"]


def test_a_deadline_promised_by_a_weekday_is_the_coming_one() -> None:
    page = date(2024, 3, 7)  # a Thursday
    got = find_dates("The city had promised an answer by Friday.", page)
    assert [x.date for x in got] == ["2024-03-08"]
    assert [x.date for x in find_dates("The fire was contained by Wednesday.", page)] == [
        "2024-03-06"
    ]
