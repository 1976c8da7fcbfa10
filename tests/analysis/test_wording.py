"""Outlets quoting one remark in different words are a conflict a reader should see."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyweave.analysis.wording import misattributions, misquotes, quoted_alike, reworded
from storyweave.model import Quote, Sentence

HOPE = "We just hope that her family and friends are as good as they can be right now"
HOPE_CHANGED = "We just hope that her family and friends are being as well as they can be right now"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (HOPE, HOPE_CHANGED, True),
        # one outlet cut the remark short: the words it kept are the speaker's
        (
            "a tragic turn of events that nobody could have predicted",
            "It was a tragic turn of events that nobody could have predicted or expected at all",
            False,
        ),
        (HOPE, HOPE, False),
        # "four" is no British spelling of "for"
        (
            "Grit their teeth for four years and win the house",
            "grit their teeth for four years and win the house",
            False,
        ),
        ("We are shattered", "We are gutted", False),  # too short to tell
        (HOPE, "The station will review its procedures for every prank call it airs", False),
        # a lone "the" matching first is no anchor; the change sits between two longer runs
        (
            "The pushback I'm getting reminds me of the early days of the clergy abuse scandal",
            "The kind of pushback I'm seeing reminds me of the early days of the clergy abuse "
            "scandals in the Catholic Church",
            True,
        ),
        # a hyphen is house style, not a changed word
        (
            "Cancer is as old as multicellular life on earth and will probably never be "
            "completely eradicated",
            "Cancer is as old as multi-cellular life on earth and will probably never be "
            "completely eradicated",
            False,
        ),
        # so are a British spelling and a contraction written out
        (
            "President Ward agreed, at the request of President Okafor, to honour our "
            "one-island policy",
            "President Ward agreed, at the request of President Okafor, to honor our "
            "one-island policy",
            False,
        ),
        (
            "I am certain that she wouldn't have even known what hit her in the water",
            "I am certain that she would not have even known what hit her in the water",
            False,
        ),
        (
            "Air Force One is gonna be the top of the line and red, white and blue, he said",
            "Air Force One is going to be the top of the line and red, white and blue, he said",
            False,
        ),
        # a modal changed is a changed word ("would" / "could")
        (
            "If one of your tellers took the bills, they would probably be looking at charges",
            "If one of your tellers took the bills, they could probably be looking at charges",
            True,
        ),
        # a filler one transcript keeps and another drops is no changed word
        (
            "I've seen people where it rules their lives, you know, who want to be thinner",
            "I've seen people where it rules their lives, who want to be thinner or taller",
            False,
        ),
        # so are "it's" written out, a number in words or in digits, a hyphenated number and
        # a spelling of "judgement"
        (
            "You say it is not a shakeup but you guys are down by a lot this week",
            "You say it’s not a shake-up, but you guys are down by a lot this week",
            False,
        ),
        (
            "The aqueduct operated intermittently until about one hundred years ago, he said",
            "The aqueduct operated intermittently until about 100 years ago, he said",
            False,
        ),
        (
            "That's not something you would dial 9-1-1 for. 9-1-1 is for emergencies only",
            "That's not something you would dial 911 for. 911 is for emergencies only",
            False,
        ),
        (
            "The time has come for the judgement of this court to be enforced in full",
            "The time has come for the judgment of this court to be enforced in full",
            False,
        ),
        # another number is a changed word
        (
            "The aqueduct operated intermittently until about one hundred years ago, he said",
            "The aqueduct operated intermittently until about 200 years ago, he said",
            True,
        ),
        # words an editor set in brackets to fit the remark to the sentence are no change
        (
            "The ministry is aware of these reports and we are investigating the issue closely",
            "aware of these reports and [is] investigating the issue closely",
            False,
        ),
        # but a word changed outside the brackets is
        (
            "The ministry is aware of these reports and we are investigating the issue closely",
            "aware of these reports and [is] examining the issue closely",
            True,
        ),
        # a word a house stars out is no change
        (
            "Why do I not have a first draft of the script? What the f**k have you been doing?",
            "Why do I not have a first draft of the script? What the fuck have you been doing?",
            False,
        ),
        # so is an honorific
        (
            "However, we are investigating how Mr Phuge reached the open ground where he died",
            "Phuge and his son were invited to a party. However, we are investigating how Phuge "
            "reached the open ground where he died",
            False,
        ),
    ],
)
def test_reworded(a: str, b: str, expected: bool) -> None:
    assert reworded(a, b) is expected


def _quote(text: str, article: str, speaker: str | None, kind: str = "named") -> Quote:
    return Quote(text, speaker, kind, article, f"{article}-outlet", 0)  # type: ignore[arg-type]


def _sentences(*quotes: Quote) -> dict[str, list[Sentence]]:
    return {
        q.article_id: [
            Sentence(q.article_id, 0, f'"{q.text}," {q.speaker or "the host"} said.', 0, 9)
        ]
        for q in quotes
    }


def test_two_outlets_quoting_one_speaker_differently_conflict() -> None:
    a = _quote(HOPE, "a1", "Michael Christian")
    b = _quote(HOPE_CHANGED, "a2", "Christian")
    conflicts = misquotes([a, b], _sentences(a, b), {"a1": 0, "a2": 1})
    assert [(c.kind, [s.value for s in c.sides]) for c in conflicts] == [
        ("quote", [HOPE, HOPE_CHANGED])
    ]
    assert [s.evidence[0].text for s in conflicts[0].sides][0].startswith('"We just hope')
    assert conflicts[0].topic == "Michael Christian's words, quoted differently"


@pytest.mark.parametrize(
    ("speaker_b", "outlet_b"),
    [
        ("Mel Greig", 1),  # another speaker may say something alike
        ("Michael Christian", 0),  # one outlet (or its syndicated copy) is no dispute
    ],
)
def test_other_speakers_or_one_outlet_are_no_misquote(speaker_b: str, outlet_b: int) -> None:
    a = _quote(HOPE, "a1", "Michael Christian")
    b = _quote(HOPE_CHANGED, "a2", speaker_b)
    assert misquotes([a, b], _sentences(a, b), {"a1": 0, "a2": outlet_b}) == []


def test_an_unnamed_speaker_may_be_the_named_one() -> None:
    a = _quote(HOPE, "a1", "Michael Christian")
    b = _quote(HOPE_CHANGED, "a2", None, "unresolved")
    assert len(misquotes([a, b], _sentences(a, b), {"a1": 0, "a2": 1})) == 1


def _named(text: str, article: str, speaker: str) -> Quote:
    return replace(_quote(text, article, speaker), entity_id=f"e-{speaker}")


def test_one_remark_given_to_two_people_by_two_outlets_is_a_dispute_over_who_said_it() -> None:
    a = _named(HOPE, "a1", "Laurie Graber")
    b = _named(HOPE[:60], "a2", "Paula Otto")  # a cut of the same words
    same = _named(HOPE, "a3", "Graber")
    outlets = {"a1": 0, "a2": 1, "a3": 2}
    conflicts = misattributions([a, b, same], _sentences(a, b, same), outlets)
    assert [(c.kind, [s.value for s in c.sides]) for c in conflicts] == [
        ("quote", ["Laurie Graber", "Paula Otto"])
    ]
    assert [[e.article_id for e in s.evidence] for s in conflicts[0].sides] == [
        ["a1", "a3"],
        ["a2"],
    ]
    assert conflicts[0].topic == "who said “we just hope that her family …”"
    # other words, or one outlet, or a source left unnamed: no dispute
    other = _named(HOPE_CHANGED, "a2", "Paula Otto")
    assert misattributions([a, other], _sentences(a, other), outlets) == []
    assert misattributions([a, b], _sentences(a, b), {"a1": 0, "a2": 0}) == []
    unnamed = replace(b, speaker="a spokesman", speaker_kind="unnamed", entity_id=None)
    assert misattributions([a, unnamed], _sentences(a, unnamed), outlets) == []
    # words inside other words are no match: "he said ..." is not in "she said ..."
    he = _named("he said no more votes would be taken today", "a1", "Laurie Graber")
    she = _named("she said no more votes would be taken today", "a2", "Paula Otto")
    assert misattributions([he, she], _sentences(he, she), outlets) == []


def test_outlets_quoting_the_same_words_back_each_other() -> None:
    a = _named(HOPE, "a1", "Michael Christian")
    cut = replace(_quote(HOPE[:60], "a2", None, "unresolved"), sentence=3)  # a cut, unattributed
    other = _named(HOPE, "a3", "Mel Greig")  # the same words given to someone else
    reworded_ = _named(HOPE_CHANGED, "a4", "Michael Christian")
    alike = quoted_alike([a, cut, other, reworded_])
    assert alike[("a1", 0)] == {"a1", "a2"} and alike[("a2", 3)] == {"a1", "a2", "a3"}
    assert alike[("a3", 0)] == {"a2", "a3"} and ("a4", 0) not in alike


def test_a_speaker_found_away_from_the_remark_is_no_dispute_over_who_said_it() -> None:
    a = _named(HOPE, "a1", "Laurie Graber")
    b = replace(_named(HOPE, "a2", "Paula Otto"), sentence=2)
    outlets = {"a1": 0, "a2": 1}
    sents = _sentences(a)
    # the name two sentences up, and 'He continued:' before the remark: perhaps someone else
    sents["a2"] = [
        Sentence("a2", 0, "Paula Otto runs the lottery, which drew record sales.", 0, 9),
        Sentence("a2", 1, "Its chairman spoke first at the meeting on Monday.", 10, 19),
        Sentence("a2", 2, f'He continued: "{HOPE}."', 20, 30),
    ]
    assert misattributions([a, b], sents, outlets) == []
    # named in the sentence just before, as a quotation going on: a dispute
    sents["a2"][1] = Sentence("a2", 1, '"We are shattered," said Otto.', 10, 19)
    assert len(misattributions([a, b], sents, outlets)) == 1


def test_one_quotation_against_a_remark_split_in_two_is_one_misquote() -> None:
    a = _quote(HOPE + " and we are thinking of them tonight at home", "a1", "Christian")
    b1 = _quote(HOPE_CHANGED, "a2", "Christian")
    b2 = _quote(HOPE_CHANGED + " and we think of them tonight", "a2", "Christian")
    conflicts = misquotes([a, b1, b2], _sentences(a, b1, b2), {"a1": 0, "a2": 1})
    assert len(conflicts) == 1
