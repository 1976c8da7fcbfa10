from __future__ import annotations

import pytest

from storyweave.model import Article
from storyweave.text.segment import segment, split_sentences, split_spans, strip_dateline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. government said so. It agreed.", ["The U.S. government said so.", "It agreed."]),
        ("He left on Dec. 5 for Oslo. She stayed.", ["He left on Dec. 5 for Oslo.", "She stayed."]),
        (
            "It was over, she said. Mr. Hale disagreed.",
            ["It was over, she said.", "Mr. Hale disagreed."],
        ),
        (
            "Dr. Amara Lin spoke first. Then the board voted.",
            ["Dr. Amara Lin spoke first.", "Then the board voted."],
        ),
        ("“We are done.” The mayor left.", ["“We are done.”", "The mayor left."]),
        (
            "He met John F. Kennedy once. Nobody believed him.",
            ["He met John F. Kennedy once.", "Nobody believed him."],
        ),
        (
            'He wrote: "Who knew?" after a friend posted the photo. Then he left.',
            ['He wrote: "Who knew?" after a friend posted the photo.', "Then he left."],
        ),
    ],
)
def test_splits_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_paragraphs_split_first_even_without_final_punctuation() -> None:
    text = (
        "A headline without a stop\n\nThe first paragraph ends here. Another one.\nA caption line"
    )
    sents = split_sentences(text)
    assert sents[0] == "A headline without a stop"
    assert "A caption line" in sents
    assert all("\n" not in s for s in sents)


def test_offsets_index_the_clean_text_exactly() -> None:
    text = "  First one here.  Second one?\n\n“Third,” she said. Fourth!  "
    art = Article("a1", "Outlet", "T", text, cleaned=True)
    sents = segment(art)
    assert [s.index for s in sents] == list(range(len(sents)))
    for s in sents:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert sents[-1].paragraph == 1


def test_empty_and_blank_text_has_no_sentences() -> None:
    assert split_spans("") == []
    assert split_spans("\n \n\t") == []


def test_a_brand_with_a_bang_does_not_end_the_sentence() -> None:
    text = "A source tells E! News that the deal is off. Nobody else confirmed it."
    assert split_sentences(text) == [
        "A source tells E! News that the deal is off.",
        "Nobody else confirmed it.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII. Two sentences here.",
        "Café “naïve” résumé. Ünïcødé 😀 here! Next one?",
        "日本語の文。Another sentence. 😀😀 x.",
    ],
)
def test_offsets_match_blingfire_on_any_script(text: str) -> None:
    import blingfire

    from storyweave.text.segment import _blingfire_offsets

    expected = [tuple(o) for o in blingfire.text_to_sentences_and_offsets(text)[1]]
    assert _blingfire_offsets(text) == expected


def test_dateline_with_abbreviated_state_stays_with_its_sentence() -> None:
    text = "SYCAMORE, Ill. --A man was freed on Friday. He walked out at noon."
    assert split_sentences(text) == [
        "SYCAMORE, Ill. --A man was freed on Friday.",
        "He walked out at noon.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scraper dropped the space or newline between two sentences
        (
            "The crew kept the equipment it was using.The harbour master disagreed.",
            ["The crew kept the equipment it was using.", "The harbour master disagreed."],
        ),
        ("Is the pier safe?Nobody could say.", ["Is the pier safe?", "Nobody could say."]),
        # a straight quote at the glue opens the next sentence ...
        (
            "The ferry was late again.“We waited an hour,” one rider said.",
            ["The ferry was late again.", "“We waited an hour,” one rider said."],
        ),
        (
            'The ferry was late again."We waited an hour," one rider said.',
            ["The ferry was late again.", '"We waited an hour," one rider said.'],
        ),
        # an opening curly quote glued to the last word of a sentence with no full stop
        (
            "The ferry crews kept working through the night“We waited an hour,” one rider said.",
            ["The ferry crews kept working through the night", "“We waited an hour,” one rider said."],
        ),
        # ... or closes the one before it, when it pairs with an earlier quote
        (
            'She called it "a day for the town."The vote was close.',
            ['She called it "a day for the town."', "The vote was close."],
        ),
        # not glue: a title, a domain name, initials
        ("It was Mrs.Okafor who called.", ["It was Mrs.Okafor who called."]),
        (
            "Tickets are sold on harbourline.com and at the kiosk.",
            ["Tickets are sold on harbourline.com and at the kiosk."],
        ),
        ("The U.S.Navy ship docked.", ["The U.S.Navy ship docked."]),
    ],
)
def test_glued_sentences_are_split_where_the_scraper_lost_the_space(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PORT ALDOUS (Channel 7) — Ferry commuters wait.", "Ferry commuters wait."),
        ("SYCAMORE, Ill. -- A man was hurt.", "A man was hurt."),
        ("WASHINGTON (AP) - The Senate voted.", "The Senate voted."),
        ("NEW YORK, March 3 (Reuters) - Stocks fell.", "Stocks fell."),
        ("(CNN)The president spoke.", "The president spoke."),
        ("LONDON — “We will stay,” she said.", "“We will stay,” she said."),
        # not datelines: an acronym in running text, a pronoun, a hyphen joining two names
        ("NASA — the agency — said it would wait.", "NASA — the agency — said it would wait."),
        ("I — Like many others — stayed.", "I — Like many others — stayed."),
        ("US - China talks resumed.", "US - China talks resumed."),
        ("The FBI — which declined to comment — said.", "The FBI — which declined to comment — said."),
    ],
)
def test_strip_dateline(text: str, expected: str) -> None:
    assert strip_dateline(text) == expected
