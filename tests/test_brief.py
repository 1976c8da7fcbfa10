"""brief() end to end: the promises a reader relies on, on the bundled examples and edge cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyweave import Config, brief, read
from storyweave.errors import InputError
from storyweave.model import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


@pytest.fixture(scope="module")
def example_brief(minilm):
    if not EXAMPLES.is_dir():
        pytest.skip("examples not present")
    return brief(read(EXAMPLES), Config(words=250), embedder=minilm)


def _words(text: str) -> int:
    return len(text.split())


def test_every_summary_sentence_is_verbatim_and_cites_its_source(example_brief) -> None:
    b = example_brief
    texts = {a.id: a.text for a in b.articles}
    assert b.summary
    for s in b.summary:
        assert s.article_id in s.citations
        assert s.text in texts[s.article_id]
    assert sum(_words(s.text) for s in b.summary) <= 250


def test_facts_told_by_several_outlets_cite_them_all(example_brief) -> None:
    assert max(len(s.citations) for s in example_brief.summary) >= 3


def test_boilerplate_is_removed_and_kept_for_the_reader(example_brief) -> None:
    removed = [r for a in example_brief.articles for r in a.removed]
    assert len(removed) >= 10
    for a in example_brief.articles:
        assert "Share" not in a.text.splitlines()
        assert not re.search(r"^(Read More|Advertisement)", a.text, re.M)


def test_analysis_sections_are_filled(example_brief) -> None:
    b = example_brief
    assert b.agreements and any(a.outlets >= 3 for a in b.agreements)
    assert b.conflicts and all(len(c.sides) >= 2 for c in b.conflicts)
    assert b.quotes and b.entities and b.timeline
    numbers = {b.number(a.id) for a in b.articles}
    for c in b.conflicts:
        sides = [{e.article_id for e in s.evidence} for s in c.sides]
        assert sides[0] != sides[1]
        for s in c.sides:
            assert all(b.number(e.article_id) in numbers for e in s.evidence)


def test_a_misspelled_name_is_merged(example_brief) -> None:
    people = [e for e in example_brief.entities if e.kind == "person"]
    assert any(len({v.lower() for v in e.variants if " " not in v}) >= 2 for e in people), [
        (e.name, e.variants) for e in people[:8]
    ]


def _article(i: int, text: str, source: str | None = None) -> Article:
    return Article(f"t{i}", source or f"Outlet {i}", f"Title {i}", text, raw=text)


def test_one_article_only(tfidf) -> None:
    b = brief(
        [_article(1, "The council approved the budget on Monday. It passed 7 to 2.")],
        embedder=tfidf,
    )
    assert b.summary and not b.agreements


def test_an_article_with_nothing_left_is_skipped_with_a_reason(tfidf) -> None:
    good = _article(1, "The council approved the budget on Monday after a long debate.")
    junk = _article(2, "Share\nTweet\nRead More >")
    b = brief([good, junk], embedder=tfidf)
    assert [a.id for a in b.articles] == ["t1"]
    assert b.skipped and "no sentences" in b.skipped[0].reason


def test_nothing_usable_raises_input_error(tfidf) -> None:
    with pytest.raises(InputError):
        brief([_article(1, "Share\nTweet")], embedder=tfidf)


@pytest.mark.parametrize("transform", [str.upper, str.lower])
def test_all_caps_or_lower_case_degrades_without_crashing(transform, tfidf) -> None:
    texts = [
        'Mayor Ana Ruiz said on Tuesday that the library will close in May. "We have no '
        'money left," Ruiz said. The closure affects 40 staff.',
        "The city library will shut in May, Mayor Ana Ruiz announced Tuesday. The closure "
        "affects 45 staff, according to the union.",
    ]
    b = brief([_article(i, transform(t)) for i, t in enumerate(texts)], embedder=tfidf)
    assert b.summary


def test_the_title_is_a_headline_not_a_first_sentence(tfidf) -> None:
    body = "The council approved the harbour budget on Monday after a long debate. It passed."
    sentence_first = Article(
        "s",
        "wire",
        "PORT ALDOUS (Wire) - The council approved the harbour budget on Monday "
        "after a long and bitter debate that ran past midnight, officials said.",
        body,
    )
    headline = Article("h", "paper", "Council passes harbour budget", body + " Seven voted yes.")
    assert (
        brief([sentence_first, headline], embedder=tfidf).title == "Council passes harbour budget"
    )
    alone = brief([sentence_first], embedder=tfidf).title
    # a lead sentence standing in for the headline reads without its wire dateline
    assert alone.startswith("The council approved") and "Wire" not in alone
    assert len(alone.split()) <= 20


def test_summary_and_agreements_read_without_the_wire_dateline(tfidf) -> None:
    lead = (
        "KESTON BAY (Wire) — The Keston Bay lifeboat station will close in March after "
        "the charity that runs it lost its main grant."
    )
    other = (
        "The lifeboat station at Keston Bay is to close in March because the charity "
        "running it lost its main grant."
    )
    b = brief(
        [
            _article(0, lead + " Volunteers plan a protest on Saturday."),
            _article(1, other + " The nearest station is 40 miles away."),
        ],
        embedder=tfidf,
    )
    shown = [s.text for s in b.summary] + [a.claim.text for a in b.agreements]
    assert any("lifeboat station" in t for t in shown)
    assert not any("KESTON BAY (Wire)" in t for t in shown)
    # the evidence still quotes the article word for word
    evidence = [e.text for a in b.agreements for e in a.claim.evidence]
    assert lead in evidence


def test_a_summary_sentence_cites_the_articles_agreeing_with_it_but_not_a_disputer() -> None:
    """The outlets an agreement pairs with a summary sentence are cited for it, unless it is
    disputed, or the outlet gives another value of its figure somewhere in its article; an
    outlet on the other side of a conflict the sentence states is never cited for it."""
    from storyweave.brief import _citations
    from storyweave.model import Conflict, ConflictSide, Evidence, Sentence, SummarySentence

    text = "Inspectors found 17 cracks in the bridge, which was closed on Monday."
    s = SummarySentence(text, "a", 0, ("a",))
    says = {
        "a": [Sentence("a", 0, text, 0, len(text))],
        "b": [Sentence("b", 0, "The bridge was closed on Monday after an inspection.", 0, 52)],
        "c": [
            Sentence("c", 0, "The harbour bridge was closed on Monday.", 0, 40),
            Sentence("c", 1, "Inspectors found 12 cracks in its welds.", 41, 81),
        ],
    }
    backers = {("a", 0): {"a", "b", "c"}}
    order = {"a": 0, "b": 1, "c": 2}
    assert _citations(s, backers, says, order, []) == ("a", "b")
    assert _citations(s, {}, says, order, []) == ("a",)
    # disputed: no agreeing article is added, and one giving the other side is never cited,
    # even when the summarizer found it close enough to cite
    cracks = Conflict(
        "number",
        "cracks",
        (
            ConflictSide("17", (Evidence("a", "", 0, text),)),
            ConflictSide("12", (Evidence("c", "", 1, "Inspectors found 12 cracks in its welds."),)),
        ),
    )
    loose = SummarySentence(text, "a", 0, ("a", "b", "c"))
    assert _citations(loose, backers, says, order, [cracks]) == ("a", "b")
    assert _citations(s, backers, says, order, [cracks]) == ("a",)


def test_a_denial_says_who_denies_when_the_text_names_the_speaker(tfidf) -> None:
    body = (
        "Kelly Rutherford has fought for custody of her children for three years. Her ex-husband, "
        "Daniel Giersch, lives in Monaco with the children. Giersch's lawyer, Dana Quillfeather, "
        "issued a statement on Thursday. \"Kelly's statement that Daniel was deported from the US "
        'is false and should not be used against the children," Quillfeather said.'
    )
    b = brief([Article("k1", "Harbour News", "Custody fight", body)], embedder=tfidf)
    (denial,) = [c for c in b.conflicts if c.kind == "denial"]
    values = [s.value for s in denial.sides]
    assert values[0].startswith("Kelly Rutherford: Daniel was deported")
    assert values[1] == "Dana Quillfeather: is false"


def test_one_remark_given_to_two_speakers_is_a_dispute_not_an_agreement(tfidf) -> None:
    opening = "A stolen engagement ring was replaced at Port Elling General Hospital on Monday."
    remark = "A promise kept for sixty years is worth something, and we all saw it that day"
    arts = [
        _article(1, f'{opening} "{remark}," Officer Dana Quill said.'),
        _article(2, f'{opening} "{remark}," Arthur Wendell said.'),
        _article(3, f"{opening} Nurses on the ward helped the officer find the new ring."),
    ]
    b = brief(arts, embedder=tfidf)
    who = [c for c in b.conflicts if c.topic.startswith("who said")]
    assert [sorted(s.value for s in c.sides) for c in who] == [["Arthur Wendell", "Dana Quill"]]
    for a in b.agreements:  # the remark is no agreement of the two: that would hide the dispute
        assert not any(remark in e.text for e in a.claim.evidence), a.claim.text


def test_the_brief_never_lists_as_one_outlets_only_what_its_summary_cites_to_several() -> None:
    from storyweave.brief import _one_outlet_only
    from storyweave.model import Claim, Evidence, SummarySentence

    said = Evidence("a1", "Harbour News", 3, "The ferry left port two hours late.")
    alone = Evidence("a1", "Harbour News", 5, "The captain had worked the route for a decade.")
    single = [Claim("c1", said.text, (said,), 1), Claim("c2", alone.text, (alone,), 1)]
    summary = [
        SummarySentence(said.text, "a1", 3, ()),
        SummarySentence(alone.text, "a1", 5, ()),
    ]
    kept = _one_outlet_only(single, summary, [("a1", "a2"), ("a1",)])
    assert [c.id for c in kept] == ["c2"]
