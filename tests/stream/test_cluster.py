"""Story clustering of a stream, on invented articles: who joins which story, merges, state."""

from __future__ import annotations

import numpy as np
import pytest

from storyweave.errors import InputError
from storyweave.stream.cluster import (
    DocVector,
    Params,
    StoryState,
    StreamClusterer,
    batch_cluster,
    dense_lead,
    vectorize,
    vectorize_many,
)

BRIDGE = [
    (
        "Harbour bridge in Port Aldous closed after cracks found",
        "Engineers closed the Kestrel Harbour Bridge in Port Aldous on Monday after inspectors "
        "found cracks in its welded steel joints. The city transport office said ferries "
        "would run every ten minutes while the bridge stays shut.",
    ),
    (
        "Cracked Kestrel bridge to stay shut for weeks",
        "The Kestrel Harbour Bridge will stay closed for weeks while engineers repair cracks in "
        "the welded steel joints, Port Aldous officials said. Extra ferries are crossing the "
        "harbour and inspectors are checking the other steel bridges.",
    ),
    (
        "Port Aldous adds ferries as bridge repairs begin",
        "Repairs to the cracked joints of the Kestrel Harbour Bridge began on Wednesday. Port "
        "Aldous added night ferries across the harbour; inspectors found no cracks on the "
        "city's other steel bridges.",
    ),
]
ELECTION = [
    (
        "Vale mayor Imogen Tarrant wins second term",
        "Imogen Tarrant won a second term as mayor of Vale on Sunday, taking 58 percent of the "
        "vote against councillor Rufus Penhallow. Turnout in the mayoral election was the "
        "highest in twenty years.",
    ),
    (
        "Tarrant re-elected in Vale as turnout climbs",
        "Voters in Vale re-elected mayor Imogen Tarrant with 58 percent, ahead of Rufus "
        "Penhallow, in a mayoral election with record turnout. Penhallow conceded the election "
        "late on Sunday night.",
    ),
]
TRANSFER = [
    (
        "Striker Kwame Mensah joins Orwell Rovers",
        "Orwell Rovers signed striker Kwame Mensah from Dunmore Athletic for a club record fee "
        "on Friday. Mensah scored 31 goals last season and signed a four-year contract with "
        "the Rovers.",
    ),
    (
        "Record fee brings Mensah to Rovers",
        "Kwame Mensah completed his record transfer to Orwell Rovers, the club said, leaving "
        "Dunmore Athletic after scoring 31 goals. The striker signed a contract until 2030.",
    ),
]


def _vec(title: str, text: str, published: str | None = None) -> DocVector:
    return vectorize(title, text, published)


def _stream(articles: list[tuple[str, str, str]]) -> dict[str, str]:
    """Article id -> final story id, following merges, in arrival order."""
    clusterer = StreamClusterer()
    story_of: dict[str, str] = {}
    for aid, title, text in articles:
        got = clusterer.add(aid, _vec(title, text))
        story_of = {a: got.merged.get(s, s) for a, s in story_of.items()}
        story_of[aid] = got.story_id
    return story_of


def _groups(story_of: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for aid, sid in story_of.items():
        groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def _three_stories() -> list[tuple[str, str, str]]:
    """The three invented stories interleaved, as a stream brings them."""
    b, e, t = BRIDGE, ELECTION, TRANSFER
    order = [("b0", b[0]), ("e0", e[0]), ("t0", t[0]), ("b1", b[1]), ("e1", e[1])]
    order += [("t1", t[1]), ("b2", b[2])]
    return [(aid, title, text) for aid, (title, text) in order]


def test_three_interleaved_stories_are_found_in_arrival_order():
    story_of = _stream(_three_stories())
    assert _groups(story_of) == {
        frozenset({"b0", "b1", "b2"}),
        frozenset({"e0", "e1"}),
        frozenset({"t0", "t1"}),
    }
    assert story_of["b2"] == "b0"  # a story is named after the article that started it


def test_batch_cluster_finds_the_same_stories():
    items = [(aid, _vec(title, text)) for aid, title, text in _three_stories()]
    assert _groups(batch_cluster(items)) == _groups(_stream(_three_stories()))


def test_a_syndicated_copy_joins_its_original_story():
    title, text = ELECTION[0]
    copy = ("e-copy", "Tarrant wins again", "VALE (Wire) — " + text + " More follows.")
    story_of = _stream([*_three_stories(), copy])
    assert story_of["e-copy"] == story_of["e0"]


# the dam story and the flood story start apart; a report on both makes them one
DAM = (
    "Tamsin dam spillway opened",
    "Operators opened the spillway of the Tamsin reservoir dam after days of heavy "
    "rain, releasing water into the valley below the dam.",
)
FLOOD = (
    "Millbrook homes flooded",
    "Floodwater reached forty homes along Quay Street in Millbrook; residents were "
    "evacuated to the school hall overnight.",
)
BOTH = (
    "Dam release blamed for Millbrook flood",
    DAM[1] + " " + FLOOD[1] + " Millbrook residents blamed the dam spillway release "
    "for the floodwater.",
)


def test_an_article_that_shows_two_stories_are_one_merges_them():
    dam, flood, both = DAM, FLOOD, BOTH
    clusterer = StreamClusterer()
    a = clusterer.add("dam", _vec(*dam))
    b = clusterer.add("flood", _vec(*flood))
    assert a.story_id != b.story_id
    c = clusterer.add("both", _vec(*both))
    assert c.merged in ({"flood": "dam"}, {"dam": "flood"})
    assert c.story_id in {"dam", "flood"}
    assert len(clusterer) == 1
    assert [s.n for s in clusterer.changed()] == [3]


def test_states_round_trip_and_a_new_process_carries_on_the_same():
    clusterer = StreamClusterer()
    for aid, title, text in _three_stories()[:-1]:
        clusterer.add(aid, _vec(title, text))
    states = [StoryState.from_bytes(s.to_bytes()) for s in clusterer.changed()]
    assert sorted(s.story_id for s in states) == ["b0", "e0", "t0"]
    assert {s.story_id: s.n for s in states} == {"b0": 2, "e0": 2, "t0": 2}
    reopened = StreamClusterer(states)
    last = _vec(*BRIDGE[2])
    assert reopened.add("b2", last).story_id == clusterer.add("b2", last).story_id == "b0"
    kept, carried = clusterer.changed()[0], reopened.changed()[0]
    assert (carried.story_id, carried.n, sorted(carried.terms)) == (
        kept.story_id,
        kept.n,
        sorted(kept.terms),
    )


def test_vector_round_trip_keeps_terms_names_and_time():
    vec = _vec(*BRIDGE[0], published="2026-03-02T08:30:00Z")
    back = DocVector.from_bytes(vec.to_bytes())
    assert back.terms.tolist() == vec.terms.tolist()
    assert back.weights.tolist() == vec.weights.tolist()
    assert back.entities.tolist() == vec.entities.tolist() and len(vec.entities) > 0
    assert back.time == vec.time == pytest.approx(20514.354, abs=1e-3)
    assert DocVector.from_bytes(_vec(*BRIDGE[0]).to_bytes()).time is None


def test_vectorize_is_the_same_in_any_process_and_reads_only_the_lead():
    title, text = TRANSFER[0]
    again = vectorize(title, text, None)
    assert _vec(title, text).terms.tolist() == again.terms.tolist()
    lead = " ".join(text.split()[:20])
    short = vectorize(title, text + " Zebra" * 400, None, Params(lead_words=20))
    assert short.terms.tolist() == vectorize(title, lead, None).terms.tolist()


def test_articles_without_dates_cluster_and_dated_ones_weeks_apart_do_not():
    story_of = _stream(_three_stories())  # none of them has a date
    assert len(_groups(story_of)) == 3
    clusterer = StreamClusterer()
    first = clusterer.add("b0", _vec(*BRIDGE[0], published="2026-03-02"))
    same_week = clusterer.add("b1", _vec(*BRIDGE[1], published="2026-03-04"))
    weeks_later = clusterer.add("b2", _vec(*BRIDGE[2], published="2026-04-20"))
    assert same_week.story_id == first.story_id
    assert weeks_later.story_id != first.story_id
    assert [s.story_id for s in clusterer.stories()] == ["b2"]  # the quiet story was closed


def test_open_stories_are_capped():
    clusterer = StreamClusterer(params=Params(max_open=2))
    for aid, title, text in _three_stories():
        clusterer.add(aid, _vec(title, text))
    assert len(clusterer) == 2


def test_bytes_that_are_not_a_vector_or_a_story_are_refused_with_what_to_do():
    with pytest.raises(InputError, match="re-run ingest"):
        DocVector.from_bytes(b"not a vector")
    with pytest.raises(InputError, match="recluster"):
        StoryState.from_bytes(b"junk")
    whole = StoryState("s1", {1: 0.5, 2: 0.25}, {3: 1}, 1).to_bytes()
    with pytest.raises(InputError, match="cut short.*recluster"):
        StoryState.from_bytes(whole[:-6])
    with pytest.raises(InputError, match="cut short.*re-run ingest"):
        DocVector.from_bytes(_vec(*BRIDGE[0]).to_bytes()[:30])


def test_an_empty_article_starts_its_own_story():
    clusterer = StreamClusterer()
    clusterer.add("b0", _vec(*BRIDGE[0]))
    assert clusterer.add("empty", _vec("", "")).story_id == "empty"


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_paraphrase_sharing_no_words_joins_by_its_dense_vector_and_another_topic_does_not():
    clusterer = StreamClusterer()
    first = clusterer.add("b0", vectorize(*BRIDGE[0], None, dense=_unit(1, 0.1, 0)))
    reworded = vectorize("Span shut", "Crossing barred over fissures.", None, dense=_unit(1, 0, 0))
    assert clusterer.add("p", reworded).story_id == first.story_id
    other = vectorize("Vote count", "Ballots tallied overnight.", None, dense=_unit(0, 0, 1))
    assert clusterer.add("o", other).story_id == "o"


def test_dense_vectors_and_stories_round_trip_and_plain_vectors_still_cluster():
    clusterer = StreamClusterer()
    for i, (aid, title, text) in enumerate(_three_stories()[:-1]):
        dense = _unit(*(1.0 if j == "bet".index(aid[0]) else 0.05 * i for j in range(3)))
        vec = vectorize(title, text, None, dense=dense)
        back = DocVector.from_bytes(vec.to_bytes())
        assert back.dense is not None and np.allclose(back.dense, dense, atol=1e-3)
        clusterer.add(aid, back)
    states = [StoryState.from_bytes(s.to_bytes()) for s in clusterer.changed()]
    assert all(s.dense is not None and s.dense.shape == (3,) for s in states)
    reopened = StreamClusterer(states)
    # a vector made without the dense embedder is scored on words and names alone
    assert reopened.add("b2", _vec(*BRIDGE[2])).story_id == "b0"
    assert reopened.add("x", vectorize(*BRIDGE[2], None, dense=_unit(1, 0))).story_id == "b0"


def test_vectorize_many_embeds_title_and_lead_only_when_asked():
    arts = [(t, x, None) for t, x in (BRIDGE[0], ELECTION[0])]
    plain = vectorize_many(arts)  # the default: no dense vector
    assert [v.dense for v in plain] == [None, None]
    assert plain[0].terms.tolist() == vectorize(*arts[0]).terms.tolist()
    assert dense_lead("Title", "one two three four", Params(dense_words=2)) == "Title\none two"


def test_minilm_vectors_cluster_the_three_stories(minilm):
    arts = _three_stories()
    vecs = vectorize_many(
        [(title, text, None) for _, title, text in arts], Params(embedder="minilm")
    )
    assert all(v.dense is not None and abs(np.linalg.norm(v.dense) - 1) < 1e-3 for v in vecs)
    clusterer = StreamClusterer()
    story_of = {
        aid: clusterer.add(aid, v).story_id for (aid, _, _), v in zip(arts, vecs, strict=True)
    }
    assert _groups(story_of) == {
        frozenset({"b0", "b1", "b2"}),
        frozenset({"e0", "e1"}),
        frozenset({"t0", "t1"}),
    }


def test_the_closest_story_is_scored_however_many_share_the_articles_words() -> None:
    """Only the closest stories are scored in full (`max_candidates`); the best is among them
    even when it opened last and thirty others use every word of the article."""
    params = Params(max_candidates=3)
    clusterer = StreamClusterer(params=params)
    title, text = BRIDGE[1]
    for i in range(30):
        noise = " ".join(f"w{i}x{j}" for j in range(60))
        clusterer.place(f"s{i}", vectorize(title, f"{text} {noise}", None, params))
    clusterer.place("bridge", vectorize(title, text, None, params))
    found = clusterer.similarities(vectorize(title, text, None, params))
    assert "bridge" in found and len(found) <= 3
    assert max(found, key=lambda sid: found[sid][0]) == "bridge"


def test_stories_changed_every_way_score_as_the_same_stories_loaded_afresh() -> None:
    """Articles joined, merged, taken out and put back (batch refinement) and stories cut to
    their heaviest terms: an article scores the same against them as against the same stories read
    back in a new process (the index the clusterer keeps follows every change; a stored
    story keeps its weights in single precision, hence the tolerance)."""
    params = Params(max_story_terms=12)
    clusterer = StreamClusterer(params=params)
    stream = [*_three_stories(), ("dam", *DAM), ("flood", *FLOOD), ("both", *BOTH)]
    vecs = {aid: vectorize(title, text, None, params) for aid, title, text in stream}
    story_of: dict[str, str] = {}
    merges = 0
    for aid, vec in vecs.items():
        got = clusterer.add(aid, vec)
        merges += len(got.merged)
        story_of = {a: got.merged.get(s, s) for a, s in story_of.items()}
        story_of[aid] = got.story_id
    # a bridge report with a line of election news, filed under the election
    title, text = BRIDGE[1]
    text += " Turnout in the mayoral election in Vale was the highest in twenty years."
    vecs["stray"] = vectorize(title, text, None, params)
    clusterer.place(story_of["e0"], vecs["stray"])
    story_of["stray"] = story_of["e0"]
    # each article out of its story and into the one that scores it best
    moved = sum(clusterer.reassign(aid, vec, story_of) for aid, vec in vecs.items())
    assert merges and moved and story_of["stray"] == story_of["b0"]
    assert max(len(s.terms) for s in clusterer.stories()) <= 18  # cut to 12 past 18
    fresh = StreamClusterer(
        [StoryState.from_bytes(s.to_bytes()) for s in clusterer.stories()], params
    )
    for _, title, text in stream:
        probe = vectorize(title, text, None, params)
        got, want = clusterer.similarities(probe), fresh.similarities(probe)
        assert got.keys() == want.keys()
        for sid, (tfidf, _, names) in want.items():
            assert got[sid][0] == pytest.approx(tfidf, rel=1e-6) and got[sid][2] == names
