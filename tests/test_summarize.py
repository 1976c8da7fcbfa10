"""The summarizer contract, checked for every registered summarizer and embedder."""

from __future__ import annotations

import numpy as np
import pytest

from storyweave.analysis.quotes import quote_roles, unattributed_quotes
from storyweave.embed import EMBEDDERS, Embedder, similarity
from storyweave.model import Article, Sentence, SummarySentence
from storyweave.summarize import (
    DEFAULT_WEIGHTS,
    FEATURES,
    SUMMARIZERS,
    Summarizer,
    _citations,
    _misshapen,
    _select,
    _Story,
    _story,
    is_junk,
    summarize,
)
from storyweave.text.segment import segment

# Invented story: a fire at a fictional library. The fact "the fire destroyed about 12,000
# books" is told by a1, a2 and a3 in different words; "the mayor of Ellerby pledged ..." only
# by a2.
TEXTS = {
    "a1": (
        "A fire swept through the Ellerby Public Library on Tuesday night and destroyed "
        "about 12,000 books in the old reading room. "
        "Firefighters from three stations fought the blaze for nearly four hours before "
        "bringing it under control. "
        "Nobody was inside the building when the fire started, officials said. "
        "Investigators believe faulty wiring in the basement caused the fire. "
        "The library had been scheduled to reopen next month after a renovation."
    ),
    "a2": (
        "Roughly 12,000 books were lost when flames tore through the Ellerby Public Library "
        "late on Tuesday evening. "
        "Mayor Rosalind Okafor pledged two million dollars to rebuild the historic building "
        "within three years. "
        "Local residents gathered outside on Wednesday morning to watch the smoke rise. "
        "The building, which opened in 1911, was the oldest public library in the county."
    ),
    "a3": (
        "The Ellerby Public Library lost some 12,000 of its books to a blaze that broke out "
        "on Tuesday night. "
        "A fire department spokesman said crews kept the flames from spreading to the "
        "neighbouring bakery. "
        "Electrical problems in the basement are the suspected cause of the fire, according "
        "to the fire marshal. "
        "Volunteers have already offered to help sort the books that survived the smoke."
    ),
}
FACT_ALL = ("a1", "a2", "a3")


def _articles(texts: dict[str, str] = TEXTS) -> tuple[list[Article], dict[str, list[Sentence]]]:
    arts = [
        Article(id=k, source=f"{k}.example", title="", text=v, cleaned=True)
        for k, v in texts.items()
    ]
    return arts, {a.id: segment(a) for a in arts}


@pytest.fixture(params=sorted(EMBEDDERS))
def embedder(request: pytest.FixtureRequest) -> Embedder:
    """Every registered embedder, through the session fixtures that load the real model."""
    emb: Embedder = request.getfixturevalue(request.param)
    return emb


@pytest.fixture(params=sorted(SUMMARIZERS))
def summarizer(request: pytest.FixtureRequest) -> Summarizer:
    return SUMMARIZERS[request.param]


def _words(summary: list[SummarySentence]) -> int:
    return sum(len(s.text.split()) for s in summary)


def test_registry_holds_the_default() -> None:
    assert SUMMARIZERS["storyweave"] is summarize


@pytest.mark.parametrize("words", [0, 5, 20, 40, 60, 250])
def test_budget_is_never_exceeded(summarizer: Summarizer, embedder: Embedder, words: int) -> None:
    arts, sents = _articles()
    summary = summarizer(arts, sents, words=words, embedder=embedder)
    assert _words(summary) <= words
    if words >= 40:
        assert summary


def test_sentences_are_complete_and_verbatim(summarizer: Summarizer, embedder: Embedder) -> None:
    arts, sents = _articles()
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    assert summary
    for s in summary:
        source = sents[s.article_id][s.sentence]
        assert s.text == source.text.strip()
        assert s.article_id in s.citations
    ids = [a.id for a in arts]
    for s in summary:
        assert list(s.citations) == sorted(s.citations, key=ids.index)


def test_no_near_duplicates(summarizer: Summarizer, embedder: Embedder, minilm: Embedder) -> None:
    arts, sents = _articles()
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    texts = [s.text for s in summary]
    # The 12,000-books fact is in all three articles; it must be said once.
    assert sum("12,000" in t for t in texts) == 1
    # Judged by the dense model for every embedder: no pair reads as the same sentence.
    sim = similarity(minilm.encode(texts))
    np.fill_diagonal(sim, 0.0)
    assert float(sim.max()) < 0.85


def test_shared_fact_cites_every_article(summarizer: Summarizer, embedder: Embedder) -> None:
    arts, sents = _articles()
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    fact = [s for s in summary if "12,000" in s.text]
    assert len(fact) == 1
    assert fact[0].citations == FACT_ALL


def test_single_source_fact_cites_one_article(summarizer: Summarizer, embedder: Embedder) -> None:
    arts, sents = _articles()
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    mayor = [s for s in summary if "Okafor" in s.text]
    assert len(mayor) == 1
    assert mayor[0].citations == ("a2",)


def test_deterministic(summarizer: Summarizer, embedder: Embedder) -> None:
    arts, sents = _articles()
    first = summarizer(arts, sents, words=60, embedder=embedder)
    for _ in range(2):
        assert summarizer(arts, sents, words=60, embedder=embedder) == first


def test_single_article(summarizer: Summarizer, embedder: Embedder) -> None:
    arts, sents = _articles({"a1": TEXTS["a1"]})
    summary = summarizer(arts, sents, words=40, embedder=embedder)
    assert summary
    assert _words(summary) <= 40
    assert all(s.citations == ("a1",) for s in summary)
    # Reading order: positions in the article increase.
    assert [s.sentence for s in summary] == sorted(s.sentence for s in summary)


def test_junk_is_skipped(summarizer: Summarizer, embedder: Embedder) -> None:
    junk = (
        "Photo: Ellerby fire department handout\n\n"
        "Click here to sign up for our free morning newsletter about the library fire.\n\n"
        "Have you ever visited the Ellerby Public Library with your family?\n\n"
        "Smoke rising above the Ellerby Public Library on Tuesday night\n\n"
    )
    texts = {k: (junk + v if k == "a1" else v) for k, v in TEXTS.items()}
    arts, sents = _articles(texts)
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    bad = ("Photo", "Click here", "Have you", "Smoke rising")
    assert not [s.text for s in summary if s.text.startswith(bad)]


def test_empty_input(summarizer: Summarizer, embedder: Embedder) -> None:
    assert summarizer([], {}, words=100, embedder=embedder) == []


@pytest.mark.parametrize(
    "text, junk",
    [
        ("This article was originally published on an invented news site in 2019.", True),
        ("Photo: a volunteer sorts wet books outside the Ellerby library", True),
        ("Sign up for our newsletter to get the latest Ellerby news every day.", True),
        ("What would you save if your own library caught fire tonight?", True),
        ("Losing every book you ever loved in one night?!", True),
        ("Too short to say much.", True),
        ('"We will rebuild it.', True),
        ("The Ellerby library lost about 12,000 books in the fire on Tuesday night.", False),
        ('"We will rebuild it stone by stone," the mayor told reporters on Wednesday.', False),
        # a headline left in the text: no end punctuation
        (
            "Oldest known evidence of a library in the arid north found in Ellerby rock shelter",
            True,
        ),
        # cut off by the page: a teaser or a truncated quotation
        ("“On that day, when I read the first report of the fire in the library …”", True),
    ],
)
def test_is_junk(text: str, junk: bool) -> None:
    assert is_junk(text) is junk


def test_an_article_giving_another_number_does_not_back_a_sentence(embedder: Embedder) -> None:
    texts = {
        "n1": "Inspectors found 12 cracks in the welds of the harbour footbridge on Tuesday.",
        "n2": "Inspectors found 12 cracks in the welds of the harbour footbridge on Tuesday "
        "morning.",
        "n3": "Inspectors found 17 cracks in the welds of the harbour footbridge on Tuesday.",
    }
    arts, sents = _articles(texts)
    out = summarize(arts, sents, words=40, embedder=embedder)
    for s in out:
        if "12 cracks" in s.text:
            assert "n3" not in s.citations
        if "17 cracks" in s.text:
            assert s.citations == ("n3",)


def test_an_article_repeating_a_fact_without_its_figure_backs_it(embedder: Embedder) -> None:
    # real outlets often leave a figure out; they still say the same thing
    texts = {
        "w1": "Inspectors found 12 cracks in the welds of the harbour footbridge on Tuesday.",
        "w2": "Inspectors found cracks in the welds of the harbour footbridge on Tuesday.",
        "w3": "The ferry timetable for the summer was published by the port office.",
    }
    arts, sents = _articles(texts)
    out = summarize(arts, sents, words=40, embedder=embedder)
    twelve = [s for s in out if "12 cracks" in s.text]
    assert twelve and twelve[0].citations == ("w1", "w2")


# Outlets that tell the same fact in other words: the same person, place and age.
FACTS = {
    "k1": "Detectives said on Friday that the woman who drove the stolen van into the crowded "
    "market was Marta Kowalczyk, 41, a nurse from Leeds.",
    "k2": "Kowalczyk had lived alone in a rented flat in Leeds since her divorce, and neighbours "
    "described her as quiet, 41 years old and devoted to her garden.",
    "k3": "A cousin, Anna Kowalczyk, 39, who also lives in Leeds, told reporters she had not "
    "spoken to her family for months about the van or the market.",
    "k4": "The ferry timetable for the summer was published by the port office on Monday, with "
    "extra sailings on weekends.",
}


def test_an_outlet_repeating_the_facts_of_a_sentence_is_cited(embedder: Embedder) -> None:
    from storyweave.text.annotate import annotate

    arts, sents = _articles(FACTS)
    out = summarize(arts, sents, words=120, embedder=embedder, annotations=annotate(arts, sents))
    driver = [s for s in out if s.article_id == "k1"]
    # k2 names her and her town and gives her age; k3 names a Kowalczyk of Leeds aged 39
    assert driver and driver[0].citations == ("k1", "k2")


def test_an_article_giving_another_figure_elsewhere_does_not_back_a_sentence(
    embedder: Embedder,
) -> None:
    # c2 leaves the count out of its first sentence but gives another one in its next
    texts = {
        "c1": "Inspectors found 12 cracks in the welds of the harbour footbridge on Tuesday, "
        "and the city closed it to walkers the same evening.",
        "c2": "Inspectors found cracks in the welds of the harbour footbridge on Tuesday. "
        "The report counted 17 cracks along the footbridge welds.",
        "c3": "Inspectors found cracks in the welds of the harbour footbridge on Tuesday. "
        "The ferry timetable for the summer was published by the port office.",
    }
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    w = DEFAULT_WEIGHTS
    cite = (w.cite_dense, w.near_dense) if story.dense else (w.cite_sparse, w.near_sparse)
    floor = w.facts_dense if story.dense else w.facts_sparse
    k = next(i for i, t in enumerate(story.texts) if "12 cracks" in t)
    cited = _citations(story, k, cite, floor=floor)
    assert [story.order[d] for d in cited] == ["c1", "c3"]


def test_weight_presets_match_the_features_the_summarizer_computes(tmp_path) -> None:
    import json

    from storyweave.summarize import _WEIGHTS_FILE, FEATURES, load_weights

    presets = load_weights()
    assert set(presets) == {"dense", "sparse"}
    assert all(len(w.features) == len(FEATURES) for w in presets.values())
    # a feature added to the code without a refit is caught, naming the script that refits
    data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    del data["presets"]["sparse"]["features"]["depth"]
    stale = tmp_path / "weights.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="fit_summary_weights"):
        load_weights(stale)


def _toy_story(
    n_words: list[int],
    dangling: list[bool],
    prev: list[int],
    carried: list[bool] | None = None,
) -> _Story:
    """A story of unrelated sentences for the selector alone (no two alike)."""
    n = len(n_words)
    return _Story(
        order=["a"],
        sentences=[],
        texts=[f"s{i}" for i in range(n)],
        doc=np.zeros(n, dtype=int),
        n_words=np.array(n_words, dtype=np.float32),
        features=np.zeros((n, len(FEATURES)), dtype=np.float32),
        sim=np.eye(n, dtype=np.float32),
        same=np.eye(n, dtype=bool),
        dense=True,
        prev=np.array(prev),
        dangling=np.array(dangling),
        carried=np.array(carried if carried is not None else [False] * n),
        specific=np.zeros((n, n), dtype=np.float32),
    )


# s0 opens the article; s1 reads "He ..." and scores highest; s2 stands alone.
SCORES = np.array([0.1, 0.9, 0.5], dtype=np.float32)


def test_a_sentence_opening_on_a_pronoun_comes_with_the_one_before() -> None:
    story = _toy_story([10, 10, 10], [False, True, False], [-1, 0, 1])
    assert _select(story, SCORES, 20, 0.2) == [0, 1]


def test_a_pronoun_sentence_is_passed_over_when_its_context_does_not_fit() -> None:
    story = _toy_story([15, 10, 10], [False, True, False], [-1, 0, 1])
    # s0 + s1 need 25 words; s1 alone would fit 20 but would point at nobody.
    assert _select(story, SCORES, 20, 0.2) == [2]
    assert _select(story, SCORES, 20, 0.2, context=False) == [1, 2]


def test_a_quotation_opened_in_one_sentence_comes_with_the_sentence_closing_it() -> None:
    # s1 opens a quotation that s2 closes; s1 scores highest
    scores = np.array([0.5, 0.9, 0.1], dtype=np.float32)
    story = _toy_story([10, 10, 10], [False, False, True], [-1, 0, 1], [False, True, False])
    assert _select(story, scores, 20, 0.2) == [1, 2]
    # both do not fit: s1 is passed over rather than left open
    story = _toy_story([10, 10, 15], [False, False, True], [-1, 0, 1], [False, True, False])
    assert _select(story, scores, 20, 0.2) == [0]


def test_summaries_hold_no_orphaned_pronoun_sentence(embedder: Embedder) -> None:
    texts = dict(TEXTS)
    texts["a4"] = (
        "The county archive stood next door to the burned building. "
        "It lost about 12,000 books of the Ellerby Public Library to the fire on Tuesday night, "
        "the fire marshal said. "
        "Crews will inspect the roof next week."
    )
    arts, sents = _articles(texts)
    for words in (30, 45, 60, 120):
        summary = summarize(arts, sents, words=words, embedder=embedder)
        picked = {(s.article_id, s.sentence) for s in summary}
        for s in summary:
            if s.sentence > 0 and s.text.split()[0] in ("It", "He", "But", "They", "This"):
                assert (s.article_id, s.sentence - 1) in picked, (words, s.text)


def test_words_of_a_speaker_named_only_she_need_the_sentence_before(embedder: Embedder) -> None:
    texts = {
        "a1": "Librarian Ada Moss watched the 12,000 books of the Ellerby Public Library burn. "
        '"We lost the whole collection in one night," she said. '
        '"The town will raise the money," Mayor Rosalind Okafor said on Wednesday.'
    }
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    assert story.dangling.tolist() == [False, True, False]


QUOTE_ARTICLE = (
    "The Ellerby council met on Monday to discuss the library fire.\n\n"
    '"We owe the town a new library. The old one was the heart of Ellerby," Mayor Rosalind '
    "Okafor said after the meeting.\n\n"
    '"Every child here learned to read in that building. The fire took about 12,000 books '
    "from them.\n\n"
    '"We will rebuild it within three years."\n\n'
    'The fire chief told reporters: "The wiring in the basement was more than fifty years old. '
    'The library had no sprinklers in the reading room or the stacks."\n\n'
    'A 12" water main under the library was not damaged, the fire marshal said. '
    "Crews finished clearing the reading room on Tuesday."
)


def test_quote_continuations_without_a_speaker_are_flagged() -> None:
    article = Article(id="q", source="q.example", title="", text=QUOTE_ARTICLE, cleaned=True)
    sentences = segment(article)
    flags = {s.text: f for s, f in zip(sentences, unattributed_quotes(sentences), strict=True)}
    assert flags["The Ellerby council met on Monday to discuss the library fire."] is False
    # the speaker is named in the next sentence, which therefore stays usable
    assert flags['"We owe the town a new library.'] is True
    assert (
        flags[
            'The old one was the heart of Ellerby," Mayor Rosalind Okafor said after the meeting.'
        ]
        is False
    )
    # a quotation opened and left open, then carried on, with nobody named
    assert flags['"Every child here learned to read in that building.'] is True
    assert flags["The fire took about 12,000 books from them."] is True
    # an inch mark is not a quotation, and the quote does not leak past its paragraph
    assert (
        flags['A 12" water main under the library was not damaged, the fire marshal said.'] is False
    )
    assert flags["Crews finished clearing the reading room on Tuesday."] is False


OPENER = 'The fire chief told reporters: "The wiring in the basement was more than fifty years old.'
CARRIED = 'The library had no sprinklers in the reading room or the stacks."'


def test_a_quote_carried_on_from_a_sentence_that_names_its_speaker_is_continued() -> None:
    article = Article(id="q", source="q.example", title="", text=QUOTE_ARTICLE, cleaned=True)
    sentences = segment(article)
    roles = {s.text: r for s, r in zip(sentences, quote_roles(sentences), strict=True)}
    assert roles[OPENER] is None
    assert roles[CARRIED] == "continued"
    # carried on from a sentence that names nobody: still nobody's words
    assert roles["The fire took about 12,000 books from them."] == "unattributed"
    # a quotation whose speaker comes in the sentence that closes it: read as a pair
    assert roles['"We owe the town a new library.'] == "opener"
    closing = 'The old one was the heart of Ellerby," Mayor Rosalind Okafor said after the meeting.'
    assert roles[closing] == "closing"


def test_a_speech_verb_inside_the_quotation_names_no_speaker() -> None:
    text = (
        '"We asked the council for the inspection data on Monday. We are still waiting."\n\n'
        '"What we asked for is simple, and the council said no," the builder told reporters.'
    )
    article = Article(id="q", source="q.example", title="", text=text, cleaned=True)
    sentences = segment(article)
    assert quote_roles(sentences) == ["unattributed", "unattributed", None]


def test_a_continued_quote_comes_only_with_the_sentence_naming_its_speaker(
    embedder: Embedder,
) -> None:
    texts = dict(TEXTS)
    texts["a4"] = QUOTE_ARTICLE
    arts, sents = _articles(texts)
    seen = 0
    for words in (40, 80, 160, 400):
        out = [s.text for s in summarize(arts, sents, words=words, embedder=embedder)]
        if CARRIED in out:
            seen += 1
            assert out[out.index(CARRIED) - 1] == OPENER, words
    assert seen  # with room for everything, the pair is in


def test_summaries_do_not_present_a_speakers_words_as_fact(embedder: Embedder) -> None:
    texts = dict(TEXTS)
    texts["a4"] = QUOTE_ARTICLE
    arts, sents = _articles(texts)
    summary = summarize(arts, sents, words=400, embedder=embedder)
    chosen = " ".join(s.text for s in summary)
    assert "The fire took about 12,000 books from them." not in chosen
    assert "Every child here" not in chosen


def _flagged(text: str, bad: bool = True) -> list[str]:
    """The sentences of an article that `_misshapen` flags (or, with bad=False, keeps)."""
    article = Article(id="m", source="m.example", title="", text=text, cleaned=True)
    sentences = segment(article)
    return [x.text for x, b in zip(sentences, _misshapen(sentences), strict=True) if b == bad]


def test_capitals_and_broken_sentence_starts_are_not_summary_material() -> None:
    flagged = _flagged(
        "The county said the bridge would reopen on Monday after repairs.\n\n"
        "A NEWBORN BABY IS NOW IN STATE CUSTODY AFTER POLICE SAY HER MOTHER REFUSED CARE.\n\n"
        "which is attached to the letter sent by the committee on Friday.\n\n"
        "Engineers found cracks in two of the steel supports last spring.\n\n"
        "eBay listed the old bridge lamps for sale on Tuesday."
    )
    assert flagged == [
        "A NEWBORN BABY IS NOW IN STATE CUSTODY AFTER POLICE SAY HER MOTHER REFUSED CARE.",
        "which is attached to the letter sent by the committee on Friday.",
    ]


def test_a_lower_cased_corpus_keeps_its_sentences() -> None:
    flagged = _flagged(
        "the county said the bridge would reopen on monday after repairs. "
        "engineers found cracks in two of the steel supports last spring."
    )
    assert flagged == []


def test_transcript_turns_and_promo_labels_are_not_narration() -> None:
    kept = _flagged(
        bad=False,
        text="The mayor took questions after the vote on Monday evening.\n\n"
        "REPORTER: Will the bridge open on time? MAYOR: We expect it to. The crews are ready.\n\n"
        "The council will meet again in June to approve the budget.\n\n"
        "WATCH: See the mayor answer questions about the bridge repairs here.",
    )
    assert kept == [
        "The mayor took questions after the vote on Monday evening.",
        "The council will meet again in June to approve the budget.",
    ]
    # one capital label is a dateline, not a transcript
    flagged = _flagged("NEW DELHI: The government approved the budget on Monday.")
    assert flagged == []


def test_a_paragraph_without_a_full_stop_before_the_article_goes_on_is_not_a_sentence() -> None:
    flagged = _flagged(
        "The council approved the harbour budget on Monday after a long debate.\n\n"
        "If fixing the bridge means closing the harbour road for a whole winter then I am "
        "happy to take the blame for it Councillor Jo Reyes, Port Aldous\n\n"
        "Work on the bridge starts in March and is due to end before the summer holidays.\n\n"
        "The last paragraph of a page cut short by the dataset keeps its words for the reader"
    )
    assert flagged == [
        "If fixing the bridge means closing the harbour road for a whole winter then I am "
        "happy to take the blame for it Councillor Jo Reyes, Port Aldous"
    ]


def test_a_quotation_closed_with_its_speaker_in_the_next_sentence_is_a_pair(
    embedder: Embedder,
) -> None:
    texts = {
        "a1": "The Ellerby Public Library burned down on Tuesday night.\n\n"
        '"We lost about 12,000 books in one night. The town will help us rebuild the library," '
        "librarian Ada Moss said on Wednesday.\n\n"
        "The fire marshal said the cause was old wiring in the basement."
    }
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    pair = [t.startswith(('"We lost', "The town")) for t in story.texts]
    assert pair == [False, True, True, False]
    assert story.carried.tolist() == [False, True, False, False]
    assert story.dangling.tolist() == [False, False, True, False]


def test_a_quotation_running_past_the_sentence_carrying_it_on_is_not_shown_in_part(
    embedder: Embedder,
) -> None:
    # three sentences of one quotation: the opener and the sentence carrying it on would leave
    # it open without the third, which a summary cannot take alone
    quoted = (
        'Librarian Ada Moss told the council, "I can tell you how often I think about it. '
        "I can tell you how it feels to walk past the empty shelves every single morning. "
        'Not being able to hand a child a book, not being able to read aloud to them."'
    )
    texts = {
        "a1": "The Ellerby Public Library burned down on Tuesday night.\n\n"
        + quoted
        + "\n\nThe fire marshal said the cause was old wiring in the basement.",
    }
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    assert not any("I can tell you" in t for t in story.texts)
    assert any(t.startswith("The fire marshal") for t in story.texts)
    # closed in the sentence carrying it on, the same quotation is a usable pair
    texts["a1"] = texts["a1"].replace(
        "single morning. Not being able to hand a child a book, not being able to read aloud "
        'to them."',
        'single morning."',
    )
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    assert sum("I can tell you" in t for t in story.texts) == 2


def test_a_sentence_cut_off_at_the_end_of_its_paragraph_is_a_teaser() -> None:
    flagged = _flagged(
        "The council approved the harbour budget on Monday after a long debate.\n\n"
        "Crews kept working on the bridge on Thursday, with witnesses saying...\n\n"
        "The mayor is now telling friends the bridge will open early ... The council has "
        "learned that the steel arrived on Friday."
    )
    assert flagged == ["Crews kept working on the bridge on Thursday, with witnesses saying..."]


def test_lexrank_puts_the_sentence_others_echo_first() -> None:
    from storyweave.summarize import _lexrank

    # s0 is echoed by s1, s2 and s3; those three share nothing with each other; s4 is alone
    sim = np.eye(5, dtype=np.float32)
    for k in (1, 2, 3):
        sim[0, k] = sim[k, 0] = 0.4
    rank = _lexrank(sim, threshold=0.1)
    assert rank.argmax() == 0
    assert rank[4] == rank.min()
    assert rank.mean() == pytest.approx(1.0, abs=1e-5)
    # below the threshold, a cosine is no link: every sentence ranks the same
    assert np.allclose(_lexrank(sim, threshold=0.5), 1.0)


def test_function_words_tell_prose_from_a_label(embedder: Embedder) -> None:
    texts = {
        "p1": "Harbour Authority Chief Executive Mirela Dovant Quayside Terminal Expansion Plan "
        "Budget Review Committee Meeting. The harbour authority said it would open the new "
        "terminal to ships in the spring if the work on the quay was finished in time.",
        "p2": "The harbour authority said that the new terminal would be open to the first "
        "ships in the spring.",
    }
    arts, sents = _articles(texts)
    story = _story(arts, sents, embedder, DEFAULT_WEIGHTS)
    assert story is not None
    column = story.features[:, FEATURES.index("function_words")]
    share = dict(zip(story.texts, column, strict=True))
    label = next(v for t, v in share.items() if t.startswith("Harbour Authority"))
    prose = [v for t, v in share.items() if not t.startswith("Harbour Authority")]
    assert label < 0.2 < min(prose)


@pytest.mark.parametrize(
    "phrase",
    [
        "Click here for the full list of closures",
        "Sign up for our morning briefing about the harbour",
        "Subscribe to get the latest on the harbour works",
        "Our newsletter brings you the harbour news every morning",
        "This piece originally appeared in the Harbour Gazette last week",
        "Harbour Gazette, all rights reserved, reproduced with permission today",
        "Copyright holders were asked before the harbour pictures were shown",
        "© Harbour Gazette: the harbour works were delayed again this week",
        "Photos: the harbour works as they looked on the first day",
        "Photo by Mara Quist of the harbour works on the first day",
        "The harbour works on the first day (Getty Images for the council).",
        "The harbour works on the first day, in an AP Photo from the council.",
        "Follow us for more on the harbour works and the new bridge",
        "Share this story with a friend who uses the harbour bridge",
        "Read more about the harbour works and the new bridge",
        "Related: the harbour works were delayed again this week",
        "Advertisement for the harbour works was printed in the paper",
        "Mara Quist contributed to this report about the harbour works.",
        "This article was updated to correct the cost of the harbour works.",
        "This story has been corrected to show the harbour works were delayed.",
        "E-mail us your pictures of the harbour works on the first day.",
        "Email me your pictures of the harbour works on the first day.",
        "Pictures of the harbour works are at https://example.org/harbour today.",
        "Pictures of the harbour works are at www.example.org/harbour today.",
        "Pictures of the harbour works were posted by @harbourgazette today.",
    ],
)
def test_each_junk_phrase_gets_past_its_keyword_gate(phrase: str) -> None:
    from storyweave.summarize import _junk_phrase

    assert _junk_phrase(phrase)
    assert is_junk(phrase if phrase.endswith(".") else phrase + ".")


# Outlets paraphrase a fact in their own words; the summary cites each that states it.
LOOSE = {
    "p1": (
        "The mayor of Dunmore resigned on Friday after a long row over the harbour contract. "
        "Councillors will choose a caretaker leader next week. "
        "The ferry timetable for the summer was published by the port office."
    ),
    "p2": (
        "Dunmore's mayor resigned on Friday, ending weeks of dispute about the port deal. "
        "Fishermen on the quay said they had expected the news for days. "
        "A new bakery opened beside the lifeboat station."
    ),
    "p3": (
        "Heavy rain flooded the coast road near Kilbride overnight. "
        "Drivers were told to use the inland route until the water drains. "
        "The county engineer said the drains would be cleared by Monday."
    ),
}


def test_a_paraphrase_is_cited_and_an_unrelated_article_is_not(
    summarizer: Summarizer, embedder: Embedder
) -> None:
    arts, sents = _articles(LOOSE)
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    resigned = [s for s in summary if "resigned" in s.text or "quit" in s.text]
    assert resigned and all(s.citations == ("p1", "p2") for s in resigned)


def test_no_summary_sentence_shows_half_a_quotation(
    summarizer: Summarizer, embedder: Embedder
) -> None:
    # a quotation closed by a sentence too short to stand in a summary: neither half is shown
    texts = {
        "q1": (
            "Engineers closed the Dunmore harbour footbridge on Monday after finding twelve "
            "cracks in its welds.\n\n"
            "The Dunmore harbour trust posted on its website: “We are heartbroken that the "
            "footbridge our volunteers restored is closed again. It is sad.”\n\n"
            "Repairs are expected to take three months."
        ),
        "q2": (
            "The Dunmore harbour footbridge was shut on Monday when twelve cracks were found in "
            "its welds.\n\n"
            "Commuters will take the ferry while the footbridge is repaired."
        ),
    }
    arts, sents = _articles(texts)
    summary = summarizer(arts, sents, words=250, embedder=embedder)
    assert summary
    for s in summary:
        assert s.text.count("“") == s.text.count("”"), s.text


def test_the_citer_weighs_a_dense_cosine_with_shared_words(minilm: Embedder) -> None:
    """With a dense embedder, citations read DENSE_SHARE of the embedding cosine and the
    rest of the TF-IDF cosine: sentences on one topic that share no words count as less alike."""
    from storyweave.embed import DENSE_SHARE, get_embedder
    from storyweave.summarize import _citing

    arts, sents = _articles()
    story = _story(arts, sents, minilm, DEFAULT_WEIGHTS)
    assert story is not None and story.dense
    lex = similarity(get_embedder("tfidf").encode(story.texts))
    want = DENSE_SHARE * story.sim + (1 - DENSE_SHARE) * lex
    assert _citing(story).sim == pytest.approx(want, abs=1e-5)
    assert 0 < DENSE_SHARE < 1


def test_the_summary_opens_on_what_most_outlets_say(
    summarizer: Summarizer, embedder: Embedder
) -> None:
    # a1 now opens on one outlet's detail; in reading order the summary opened on it
    texts = dict(TEXTS)
    texts["a1"] = "A source close to the inquiry said a heater had been left on. " + TEXTS["a1"]
    arts, sents = _articles(texts)
    summary = summarizer(arts, sents, words=120, embedder=embedder)
    detail = next(i for i, s in enumerate(summary) if s.text.startswith("A source close"))
    assert detail > 0, [s.text[:40] for s in summary]
    assert set(summary[0].citations) == set(FACT_ALL), summary[0]
    # the rest keep their reading order
    rest = [(s.article_id, s.sentence) for s in summary[1:]]
    assert rest == sorted(rest, key=lambda x: (sorted(texts).index(x[0]), x[1]))
