"""Entities and quote speakers read through the shared spaCy parse (annotate.py)."""

from storyweave.analysis.entities import find_entities
from storyweave.brief import prepare
from storyweave.model import Article, Entity, Quote
from storyweave.text.annotate import annotate


def _read(*texts: str) -> tuple[list[Entity], list[Quote]]:
    from storyweave.analysis.quotes import find_quotes

    arts = [Article(f"a{i}", f"Outlet {i}", "", t, raw=t) for i, t in enumerate(texts)]
    kept, sents, _ = prepare(arts)
    ann = annotate(kept, sents)
    ents = find_entities(kept, sents, annotations=ann)
    return ents, find_quotes(kept, sents, ents, ann)


def _speaker(quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if words in q.text)


def test_a_participle_clause_speaks_with_its_sentences_subject() -> None:
    _, quotes = _read(
        "Park spokesman Bashir Hangi described the attack as tragic.\n\n"
        "He was not specific about compensation, saying: \"We have an arrangement for staff "
        'who lose loved ones in the line of duty."'
    )
    assert _speaker(quotes, "arrangement for staff").speaker == "Bashir Hangi"


def test_a_common_noun_that_speaks_is_an_unnamed_source() -> None:
    _, quotes = _read(
        "Shareholders of Calder Oil voted against the pay deal on Thursday.\n\n"
        "One senior corporate governance investor said: \"The company has ignored warnings. "
        'They really need to get this right next time."'
    )
    q = _speaker(quotes, "ignored warnings")
    assert q.speaker_kind == "unnamed" and q.speaker is not None and "investor" in q.speaker


def test_he_is_the_subject_of_the_last_sentence_not_the_last_name() -> None:
    _, quotes = _read(
        "Detective Constable Tim Bird told the inquest that Mr Gary Wilson had been using a "
        "phone app to find the path.\n\n"
        'He said: "The image would have been small and not as detailed as on a proper map."'
    )
    assert _speaker(quotes, "image would have been small").speaker == "Tim Bird"


def test_the_head_word_decides_a_compound_names_kind() -> None:
    ents, _ = _read(
        "A leopard killed a toddler in Queen Elizabeth National Park on Friday, rangers said. "
        "The boy's family lives on Victoria Road near the park gate."
    )
    kinds = {e.name: e.kind for e in ents}
    assert kinds.get("Elizabeth National Park", kinds.get("Queen Elizabeth National Park")) == (
        "place"
    )
    assert kinds.get("Victoria Road") == "place"


def test_a_name_met_only_in_a_photo_credit_is_no_entity() -> None:
    ents, _ = _read(
        "The Shroud of Turin was displayed in the cathedral in 2015, when crowds queued for "
        "hours to see it.\n\nGerard Julien / AFP / Getty Images\n\n"
        "Researchers said the stains did not match a body on a cross."
    )
    names = {v for e in ents for v in e.variants}
    assert "Gerard Julien" not in names
    assert any("Turin" in n for n in names)


def test_a_given_name_cut_short_is_the_same_person() -> None:
    ents, _ = _read(
        "Dr Raymond Fang, a trauma surgeon, treated the wounded.\n\n"
        "Ray Fang said two of the patients were in a serious condition."
    )
    fang = [e for e in ents if "Fang" in e.name]
    assert len(fang) == 1 and {"Raymond Fang", "Ray Fang"} <= set(fang[0].variants)


def test_a_photo_credit_does_not_stretch_a_name() -> None:
    ents, _ = _read(
        "Chemist Luigi Garlaschelli repeated the experiment in his laboratory last year.\n\n"
        "Luigi Garlaschelli / Via youtube.com\n\nThe results were published on Monday."
    )
    assert not any("/" in v for e in ents for v in e.variants)


def test_an_all_capitals_article_gives_readable_speakers() -> None:
    _, quotes = _read(
        "STORM HITS COAST\n\nA STORM HIT THE COAST ON MONDAY, OFFICIALS SAID. "
        '"WE ARE READY FOR THE NEXT ONE," SAID THE MAYOR.'
    )
    speakers = {q.speaker for q in quotes if q.speaker}
    assert speakers and all(not (s[:1].islower() and any(c.isupper() for c in s)) for s in speakers)


def test_reported_words_whose_subject_stands_before_the_verb_are_no_quote() -> None:
    _, quotes = _read(
        "The bridge won an award for its twin arches, which many residents say have become "
        "a symbol of the town.\n\nPolice say the shooting may be connected to a robbery."
    )
    assert [q.text for q in quotes] == ["the shooting may be connected to a robbery"]
