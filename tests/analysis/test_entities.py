"""Entity chunking and cross-document resolution, on invented articles."""

from __future__ import annotations

import pytest

from storyweave.analysis.entities import find_entities, fold
from storyweave.model import Article, Entity
from storyweave.text.segment import segment, segment_all


def _story(*texts: str) -> tuple[list[Article], dict]:
    arts = [
        Article(f"a{i}", f"outlet{i}.example", f"Title {i}", t, cleaned=True)
        for i, t in enumerate(texts, 1)
    ]
    return arts, segment_all(arts)


def _by_name(ents: list[Entity], name: str) -> Entity:
    for e in ents:
        if e.name == name:
            return e
    raise AssertionError(f"{name!r} not in {[e.name for e in ents]}")


def _owner(ents: list[Entity], surface: str) -> Entity:
    hits = [e for e in ents if surface in e.variants]
    assert len(hits) == 1, (surface, [(e.name, e.variants) for e in ents])
    return hits[0]


BRIDGE = (
    "The mayor of Riverton, Marta Kowalczyk, closed the Alder Street bridge on Monday. "
    "Kowalczyk said engineers from the Harbor Point Foundation found cracks in two piers.\n\n"
    "Meanwhile, residents of Ohio and Berlin wrote to Bank of America about the loans. "
    "Kowalczyk's deputy, Peter Lang, met engineers in Toledo.",
    "Mayor Marta Kowalcyzk said the bridge would stay shut. Her son Tobías was at the meeting. "
    "Celebs weighed in. Marta Kowalczyk has led the city since 2019.",
    "Marta Kowalczyk met Paul Lang, the brother of Peter Lang. Tobias and his sister Tamsin "
    "joined them. The Riverton City Council voted on Tuesday.",
)


def test_variant_and_surname_mentions_merge() -> None:
    arts, sents = _story(*BRIDGE)
    ents = find_entities(arts, sents)
    marta = _by_name(ents, "Marta Kowalczyk")
    assert marta.kind == "person"
    assert {"Marta Kowalczyk", "Marta Kowalcyzk", "Kowalczyk"} <= set(marta.variants)
    assert marta.variants[0] == marta.name
    assert set(marta.articles) == {"a1", "a2", "a3"}
    # the most-mentioned entity gets the first id
    assert ents[0] is marta and marta.id == "e1"
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]


def test_accents_fold_but_variants_keep_every_form() -> None:
    arts, sents = _story(*BRIDGE)
    ents = find_entities(arts, sents)
    tobias = _owner(ents, "Tobias")
    assert "Tobías" in tobias.variants
    assert tobias.kind == "person"
    assert fold("Tobías") == fold("TOBIAS") == "tobias"


def test_similar_but_different_names_stay_apart() -> None:
    arts, sents = _story(*BRIDGE)
    ents = find_entities(arts, sents)
    assert _owner(ents, "Tobias") is not _owner(ents, "Tamsin")
    peter = _by_name(ents, "Peter Lang")
    paul = _by_name(ents, "Paul Lang")
    assert peter is not paul
    # "Lang" alone is ambiguous between them and is not attached to either
    assert "Lang" not in peter.variants and "Lang" not in paul.variants


def test_sentence_start_words_and_possessives() -> None:
    arts, sents = _story(*BRIDGE)
    ents = find_entities(arts, sents)
    names = {v for e in ents for v in e.variants}
    assert not names & {"Meanwhile", "Celebs", "The", "Her", "Mayor"}
    assert "Kowalczyk's" not in names
    marta = _by_name(ents, "Marta Kowalczyk")
    for m in marta.mentions:
        assert "'" not in m.text
    # the title is evidence, not part of the name; the titled form is one a reader meets
    assert marta.name == "Marta Kowalczyk" and "Mayor Marta Kowalcyzk" in marta.variants
    assert not [m for m in marta.mentions if m.text.startswith("Mayor")]


def test_places_and_organizations() -> None:
    arts, sents = _story(*BRIDGE)
    ents = find_entities(arts, sents)
    kinds = {e.name: e.kind for e in ents}
    assert kinds["Ohio"] == "place"
    assert kinds["Berlin"] == "place"
    assert kinds["Toledo"] == "place"
    assert kinds["Bank of America"] == "organization"
    assert kinds["Harbor Point Foundation"] == "organization"
    assert kinds["Riverton City Council"] == "organization"


def test_mentions_point_into_clean_text() -> None:
    arts, sents = _story(*BRIDGE)
    texts = {a.id: a.text for a in arts}
    for e in find_entities(arts, sents):
        for m in e.mentions:
            assert texts[m.article_id][m.start : m.end] == m.text
            s = sents[m.article_id][m.sentence]
            assert s.start <= m.start and m.end <= s.end


def test_deterministic() -> None:
    arts, sents = _story(*BRIDGE)
    assert find_entities(arts, sents) == find_entities(arts, sents)


def test_country_aliases_merge() -> None:
    arts, sents = _story(
        "The envoy flew back to the U.S. on Friday. Officials in the United States agreed.",
        "Talks in America stalled before the US delegation left Geneva.",
    )
    us = _owner(find_entities(arts, sents), "U.S.")
    assert us.kind == "place"
    assert {"U.S.", "United States", "America", "US"} <= set(us.variants)


def test_organisation_possessive_inside_name() -> None:
    arts, sents = _story("She founded the Children's Rights Campaign with her sister in 2014.")
    ents = find_entities(arts, sents)
    assert _by_name(ents, "Children's Rights Campaign").kind == "organization"


def test_all_caps_and_all_lower_text() -> None:
    arts, sents = _story(
        "MAYOR MARTA KOWALCZYK CLOSED THE BRIDGE. KOWALCZYK SAID IT WAS UNSAFE.",
        "marta kowalczyk said the bridge in riverton would reopen in may.",
    )
    assert find_entities(arts, sents) == []  # no case, no evidence: nothing invented
    arts, sents = _story(
        BRIDGE[0], "MAYOR MARTA KOWALCZYK CLOSED THE BRIDGE.", "kowalczyk said it was unsafe."
    )
    marta = _by_name(find_entities(arts, sents), "Marta Kowalczyk")
    assert {"a1", "a2", "a3"} == set(marta.articles)


def test_headline_case_matches_only_known_names() -> None:
    arts, sents = _story(
        "Marta Kowalczyk closed the bridge.\n\nWATCH: Marta Kowalczyk Says The Bridge Will "
        "Stay Closed For Good"
    )
    ents = find_entities(arts, sents)
    names = {v for e in ents for v in e.variants}
    assert names == {"Marta Kowalczyk"}
    assert len(ents[0].mentions) == 2


def test_empty_inputs() -> None:
    assert find_entities([], {}) == []
    arts, sents = _story("it rained all day and nobody came.")
    assert find_entities(arts, sents) == []


def test_the_ner_models_labels_vote_on_kinds() -> None:
    from storyweave.text.annotate import Annotations

    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Marta Kowalczyk"},
            {"label": "PERSON", "pattern": "Marta Kowalcyzk"},
            {"label": "PERSON", "pattern": "Kowalczyk"},
            {"label": "ORG", "pattern": "Harbor Point Foundation"},
            {"label": "GPE", "pattern": "Ohio"},
        ]
    )
    arts, sents = _story(*BRIDGE)
    ann = Annotations({a.id: nlp(a.text) for a in arts}, {})
    ents = find_entities(arts, sents, annotations=ann)
    marta = _by_name(ents, "Marta Kowalczyk")
    assert marta.kind == "person"
    assert {"Marta Kowalcyzk", "Kowalczyk"} <= set(marta.variants)
    assert _by_name(ents, "Harbor Point Foundation").kind == "organization"
    assert _by_name(ents, "Ohio").kind == "place"


def test_many_articles_go_through() -> None:
    arts, sents = _story(*(BRIDGE * 67))
    ents = find_entities(arts, sents)
    assert len(_by_name(ents, "Marta Kowalczyk").articles) == len(arts)


def test_seeds_general_properties(seed_articles: list[Article]) -> None:
    arts = seed_articles
    sents = {a.id: segment(a) for a in arts}
    ents = find_entities(arts, sents)
    persons = [e for e in ents if e.kind == "person"]
    assert persons
    top = persons[0]
    # one person named by every outlet; surname-only mentions join the full name
    assert len(top.articles) == len(arts)
    assert any(len(v.split()) == 1 for v in top.variants)
    # a misspelling by one outlet merges into the right person, not into a new one
    multi = [e for e in persons if len({fold(v).split()[-1] for v in e.variants}) >= 2]
    assert multi, [(e.name, e.variants) for e in persons]
    surnames = [fold(e.name).split()[-1] for e in persons if len(e.name.split()) >= 2]
    assert len(surnames) == len(set(surnames))
    for e in ents:
        assert len(set(e.variants)) == len(e.variants)
        assert e.name in e.variants


def test_outlets_connectors_and_place_tails() -> None:
    arts = [
        Article(
            "a1",
            "Harbour Ledger",
            "t",
            "The Ostbury Fire and Rescue Service said the blaze started on Mill Lane, the "
            "Harbour Ledger reported. Crews from Ostbury District and from Europe helped.",
            cleaned=True,
        )
    ]
    ents = find_entities(arts, segment_all(arts))
    kinds = {e.name: e.kind for e in ents}
    assert kinds["Ostbury Fire and Rescue Service"] == "organization"
    assert kinds["Harbour Ledger"] == "organization"  # an outlet of the story
    assert kinds["Mill Lane"] == "place"
    assert kinds["Ostbury District"] == "place"
    assert kinds["Europe"] == "place"


def test_surname_that_is_also_a_town_stays_a_person() -> None:
    arts, sents = _story(
        "Striker Mateo Arriaga signed on Monday. Arriaga said he was delighted.",
        "ARRIAGA SIGNS FOR KINGSFORD ATHLETIC. THE CLUB CONFIRMED THE DEAL ON MONDAY.",
        "Kingsford Athletic paid a record fee. Kingsford had wanted Arriaga for years.",
    )
    ents = find_entities(arts, sents)
    mateo = _by_name(ents, "Mateo Arriaga")
    assert mateo.kind == "person"
    assert {"Arriaga", "ARRIAGA"} <= set(mateo.variants)
    club = _by_name(ents, "Kingsford Athletic")
    assert club.kind == "organization" and "Kingsford" in club.variants


def test_a_surname_two_people_share_goes_to_the_one_the_story_is_about() -> None:
    arts, sents = _story(
        "State senator Wendy Davis will publish her memoir on Tuesday. Davis wrote the book "
        "over two years. Her former husband, Jeff Davis, did not comment. Davis said the "
        "book was the hardest thing she had written.",
        "Wendy Davis signed copies in Fort Worth on Monday. Davis thanked her readers.",
    )
    ents = find_entities(arts, sents)
    wendy = _by_name(ents, "Wendy Davis")
    jeff = _by_name(ents, "Jeff Davis")
    # every bare "Davis", even the one right after Jeff's name, is Wendy
    assert sum(m.text == "Davis" for m in wendy.mentions) == 3
    assert not any(m.text == "Davis" for m in jeff.mentions)
    assert not [e for e in ents if e.name == "Davis"]  # no stray "Davis" entity (a town too)


def test_a_company_named_for_what_it_makes_is_an_organization() -> None:
    arts, sents = _story(
        "Veldmark Robotics said it would cut 300 jobs. Ostrava Packaging, a supplier, said "
        "orders had fallen. Analyst Helena Carvalho of Tagus Research said the cuts were "
        "expected. Veldmark Robotics shares fell 4 percent."
    )
    kinds = {e.name: e.kind for e in find_entities(arts, sents)}
    assert kinds["Veldmark Robotics"] == "organization"
    assert kinds["Ostrava Packaging"] == "organization"
    assert kinds["Tagus Research"] == "organization"
    assert kinds["Helena Carvalho"] == "person"


def test_a_misspelt_given_name_with_the_same_surname_is_one_person() -> None:
    arts, sents = _story(
        "Kwame Mensah of the safety office said the recall was right. Mensah said more "
        "checks would follow.",
        "Kwami Mensah, who leads the office, said owners should stop charging the scooters.",
    )
    ents = find_entities(arts, sents)
    kwame = _owner(ents, "Kwami Mensah")
    assert kwame is _owner(ents, "Kwame Mensah")
    assert {m.article_id for m in kwame.mentions} == {"a1", "a2"}


ONE_ROW = {
    # a surname with two letters swapped after one given name is one person
    "swapped letters": (
        (
            "Dimitri Olivares, 18, was on the roof with his friend when he slipped, police said.",
            "His friend Dimitri Oliveras called for help from the catwalk.",
        ),
        "Dimitri Olivares",
        "Dimitri Oliveras",
    ),
    # a family name three people share tells no gender ("Kim" is also a woman's given name)
    "shared family name": (
        (
            "Kim Jong-nam, the half-brother of Kim Jong-un, died at the airport. He was the "
            "eldest grandson of the late Mr Kim Il-sung. Mr Kim had lived in Macau for years.",
            "Malaysian police said Kim Jong-nam was attacked at the check-in desk. Mr Kim asked "
            "airport staff for help.",
        ),
        "Mr Kim",
        "Kim Jong-nam",
    ),
    # a person who shares his thoughts is no company with shares
    "shares as a verb": (
        (
            "Salon executive Fabio Marchetti died on Monday, police said. In this interview, "
            "Marchetti shares his thoughts on the industry. Marchetti joined the firm in 1998.",
            "Marchetti was a mentor to many stylists, his colleagues said.",
        ),
        "Marchetti",
        "Fabio Marchetti",
    ),
    # a nickname and the full given name with one surname are one person
    "nickname": (
        (
            "Steve Vogelsang, 41, was charged on Friday, police said. Vogelsang appeared in court.",
            "Stephen Vogelsang of Medicine Hat was arrested on Thursday.",
        ),
        "Steve Vogelsang",
        "Stephen Vogelsang",
    ),
}


@pytest.mark.parametrize("case", sorted(ONE_ROW))
def test_two_forms_of_one_name_are_one_row(case: str) -> None:
    texts, a, b = ONE_ROW[case]
    ents = find_entities(*_story(*texts))
    assert _owner(ents, a) is _owner(ents, b)


def test_given_names_of_different_genders_stay_two_people() -> None:
    arts, sents = _story(
        "Mario Lopez said the shop would close. His sister Maria Lopez said it would not."
    )
    ents = find_entities(arts, sents)
    assert _owner(ents, "Mario Lopez") is not _owner(ents, "Maria Lopez")


def test_a_company_short_name_goes_to_the_company_not_its_product() -> None:
    arts, sents = _story(
        "Veldmark Robotics is recalling its Veldmark Arm 2 after three fires. Veldmark said the "
        "fault was in the battery.",
        "Veldmark Robotics said owners should stop using the Veldmark Arm. Veldmark has hired "
        "an outside lab.",
    )
    ents = find_entities(arts, sents)
    assert _owner(ents, "Veldmark") is _owner(ents, "Veldmark Robotics")


def test_a_misspelt_surname_opening_a_sentence_is_the_same_person() -> None:
    # each misspelling occurs once, as the first word of a sentence: no other mention attests it
    arts, sents = _story(
        "Dr. Ingrid Vandermeer of Lowfield Hospital treated the climbers. Union leader "
        "Tomasz Wrzesniak praised the crews, and the pilot Anouk Halvorsen landed twice.",
        "Vandermer said both climbers were stable. Wrzesnaik, the union leader, said so too.",
        "Halvorson said the weather had cleared by noon. Sunshine returned on Tuesday.",
    )
    ents = find_entities(arts, sents)
    assert "Vandermer" in _by_name(ents, "Ingrid Vandermeer").variants
    assert _by_name(ents, "Tomasz Wrzesniak").kind == "person"  # "union leader" before it
    assert "Wrzesnaik" in _by_name(ents, "Tomasz Wrzesniak").variants
    assert "Halvorson" in _by_name(ents, "Anouk Halvorsen").variants
    assert not [e for e in ents if e.name == "Sunshine"]  # a word of the language opening a line


def test_a_plural_noun_before_said_is_no_name() -> None:
    arts, sents = _story(
        "Prosecutors said the treasurer moved the money abroad. Investigators said so too.",
        "Auditors told the court the accounts were false. The auditor was named Ruth Gale.",
    )
    names = {e.name for e in find_entities(arts, sents)}
    assert not names & {"Prosecutors", "Investigators", "Auditors"}


def test_acronyms_and_short_names_are_the_organisation() -> None:
    arts, sents = _story(
        "The Dunmore Education Authority closed Ashby Road Primary School on Friday. "
        "Teachers from the National Union of Nursery Staff protested outside the Dunmore "
        "Town Council offices, and Harrowgate Electric Cooperative cut the power.",
        "The DEA said pupils at Ashby Road Primary would move to Kestrel Primary School. "
        "The NUNS called the decision rushed. Harrowgate Electric said the cut was planned.",
        "A spokesman for the DEA said there was no other building in Dunmore. Kestrel "
        "Primary will take 200 children from Dunmore.",
    )
    ents = find_entities(arts, sents)
    assert "DEA" in _by_name(ents, "Dunmore Education Authority").variants
    assert "NUNS" in _by_name(ents, "National Union of Nursery Staff").variants
    assert "Ashby Road Primary" in _by_name(ents, "Ashby Road Primary School").variants
    assert "Kestrel Primary" in _by_name(ents, "Kestrel Primary School").variants
    assert "Harrowgate Electric" in _by_name(ents, "Harrowgate Electric Cooperative").variants
    # the town stays a place of its own, not the council or the authority named after it
    town = _owner(ents, "Dunmore")
    assert town.kind == "place" and "Dunmore Town Council" not in town.variants


def test_titles_portfolios_and_gendered_titles() -> None:
    arts, sents = _story(
        "Minister for Transport Oonagh Farrelly met Sandra Whitcombe and her husband Graham "
        "Whitcombe, who run the ferry. Fire Chief Roberta Salas said the fire was out.",
        "Minister Farrelly said the ferry would be inspected. Mrs Whitcombe said she was "
        "relieved. Chief Salas thanked the crews.",
    )
    ents = find_entities(arts, sents)
    farrelly = _by_name(ents, "Oonagh Farrelly")  # not "for Transport Oonagh Farrelly"
    assert {"Farrelly", "Minister Farrelly"} <= set(farrelly.variants)
    assert "Mrs Whitcombe" in _by_name(ents, "Sandra Whitcombe").variants
    assert "Mrs Whitcombe" not in _by_name(ents, "Graham Whitcombe").variants
    salas = _by_name(ents, "Roberta Salas")
    assert {"Fire Chief Roberta Salas", "Chief Salas"} <= set(salas.variants)


def test_outlets_unions_and_trade_names_are_organisations() -> None:
    arts, sents = _story(
        "A senior official told The Marrow Weekly that the school would close. The head met "
        "The Mayor on Monday.",
        "The National Union of Harbour Pilots and Kestrel Ferries said the crossing was safe. "
        "Dunlin Generics makes the drug.",
    )
    ents = find_entities(arts, sents)
    weekly = _owner(ents, "The Marrow Weekly")
    assert weekly.kind == "organization"
    assert _by_name(ents, "National Union of Harbour Pilots").kind == "organization"
    assert _by_name(ents, "Kestrel Ferries").kind == "organization"  # not one name with the union
    assert _by_name(ents, "Dunlin Generics").kind == "organization"
    assert not [e for e in ents if "Mayor" in e.variants or "The Mayor" in e.variants]


def test_a_gendered_role_before_a_surname_picks_the_person_of_that_gender() -> None:
    arts, sents = _story(
        "Ana Reyes and her brother Tomas Reyes run the ferry company on Marrow Island.",
        "The company's spokeswoman Reyes said the crossing would resume on Friday.",
    )
    ents = find_entities(arts, sents)
    ana, tomas = _by_name(ents, "Ana Reyes"), _by_name(ents, "Tomas Reyes")
    assert any(m.article_id == "a2" for m in ana.mentions)
    assert not any(m.article_id == "a2" for m in tomas.mentions)


def _parsed(*texts: str) -> list[Entity]:
    from storyweave.text.annotate import annotate

    arts, sents = _story(*texts)
    return find_entities(arts, sents, annotations=annotate(arts, sents))


def test_a_verbless_list_of_names_is_content_but_a_photo_credit_is_not() -> None:
    ents = _parsed(
        "The selectors named their squad for the match against Wales on Friday.\n\n"
        "Squad: Tom Abbott, Dmitri Vasquez, Oliver Penrose, Harry Kettering.\n\n"
        "Gerard Julien / AFP / Getty Images\n\n"
        "The coach said the players were ready."
    )
    names = {v for e in ents for v in e.variants}
    assert {"Dmitri Vasquez", "Oliver Penrose"} <= names
    assert "Gerard Julien" not in names


def test_a_wire_dateline_names_a_place_and_table_figures_are_no_part_of_a_name() -> None:
    ents = _parsed(
        "Cricket results on Friday.\n\nKARAGANDA, Upper Lowland 1996-08-22\n\n"
        "The home side won the match by six wickets after a long day.\n\n"
        "Batting: Dmitri Vasquez 117, Oliver Penrose 4-28, Harry Kettering 63"
    )
    kinds = {v: e.kind for e in ents for v in e.variants}
    assert kinds.get("KARAGANDA") == "place" and kinds.get("Upper Lowland") == "place"
    assert not any(ch.isdigit() for v in kinds for ch in v), sorted(kinds)
    assert "Oliver Penrose" in kinds


def test_a_city_that_plays_a_match_is_its_team_and_a_country_stays_a_place() -> None:
    ents = _parsed(
        "Leeds beat Newcastle 2-1 on Saturday to go top of the table.\n\n"
        "Japan beat Syria 2-1 in the Asian Cup in Dubai.\n\n"
        "Results on Saturday:\n\nBristol 3 Coventry 0\n\n"
        "The European Union said the tournament would go ahead."
    )
    kinds = {v: e.kind for e in ents for v in e.variants}
    assert kinds.get("Leeds") == "organization" and kinds.get("Coventry") == "organization"
    assert kinds.get("Japan") == "place" and kinds.get("Dubai") == "place"
    assert kinds.get("European Union") == "organization"


def test_initials_belong_to_the_surname_and_the_model_completes_a_known_place() -> None:
    ents = _parsed(
        "Zimbabwe lost the match by 125 runs on Friday after a poor start.\n\n"
        "The opener G. Kettering was out for 7 and A. Kettering made 12.\n\n"
        "The umpire was Li Feng (New Zealand), who also stood in the final."
    )
    names = {v for e in ents for v in e.variants}
    assert {"G. Kettering", "A. Kettering"} <= names, sorted(names)
    assert "New Zealand" in names and "Zealand" not in names


def test_a_contest_is_no_organisation_and_a_standings_line_names_teams() -> None:
    ents = _parsed(
        "BASEBALL - MAJOR LEAGUE STANDINGS\n\n"
        "Dmitri Vasquez won the Carrow Open on Sunday and will play in the Davis Cup.\n\n"
        "Standings after Sunday's games:\n\nCINCINNATI 74 55 .574\n\nSEATTLE 70 59 .543"
    )
    kinds = {v: e.kind for e in ents for v in e.variants}
    assert kinds.get("Carrow Open") in (None, "other") and kinds.get("Davis Cup") in (None, "other")
    assert kinds.get("CINCINNATI") == "organization" and kinds.get("SEATTLE") == "organization"
    assert not any(" - " in v for v in kinds), sorted(kinds)


def test_a_common_word_given_name_stays_and_a_person_who_loses_a_footing_is_no_team() -> None:
    ents = _parsed(
        "U.S. President Bill Clinton visited the resort on Monday.\n\n"
        "Police said Connor Cummings lost his footing on the roof of the hotel in Chicago.\n\n"
        "Cummings lost his footing and fell, a spokesman said."
    )
    kinds = {v: e.kind for e in ents for v in e.variants}
    assert kinds.get("Bill Clinton") == "person", sorted(kinds)
    assert kinds.get("Cummings") == "person"


def test_a_name_ending_in_a_number_keeps_it_outside_a_table() -> None:
    ents = _parsed(
        "Channel 7 reported on Monday that the bridge was closed after an inspection.\n\n"
        '"I would rather explain a closure than an accident," the engineer told Channel 7.\n\n'
        "Channel 7 could not confirm the report on Tuesday."
    )
    names = {v for e in ents for v in e.variants}
    assert any(n.startswith("Channel 7") for n in names), sorted(names)
    assert "Channel" not in names


def test_a_title_with_a_dot_stays_on_the_name_after_other_words() -> None:
    arts, sents = _story(
        "The roof was wet, Harbor Police Sgt. Tomas Wrenfield said on Monday. "
        '"We are watching closely," Gov. Ilse Marrow wrote.',
        "Wrenfield said the climber fell nine stories. Marrow thanked the crews.",
    )
    ents = find_entities(arts, sents)
    assert "Sgt. Tomas Wrenfield" in _by_name(ents, "Tomas Wrenfield").variants
    assert "Gov. Ilse Marrow" in _by_name(ents, "Ilse Marrow").variants


def test_a_building_is_a_place_by_its_head_and_its_short_name_joins_it() -> None:
    ents = _parsed(
        "A climber fell from the 40-story Four Larches Hotel in Brackley on Monday. "
        "Hotel officials said they were helping the police.",
        "The man who fell at the Four Larches was 24, police said. The hotel was closed.",
    )
    hotel = _owner(ents, "Four Larches Hotel")
    assert hotel.kind == "place"
    assert "Four Larches" in hotel.variants
    names = {v for e in ents for v in e.variants}
    assert not names & {"Larches", "Hotel", "Larches Hotel"}, sorted(names)


def test_a_number_word_opens_a_name_the_story_writes_whole() -> None:
    ents = _parsed(
        "Three Mile Island was shut in 2019, the operator said. Workers left Three Mile Island "
        "on Friday.",
        "The plant at Three Mile Island had run since 1974. Four engineers stayed behind.",
    )
    island = _owner(ents, "Three Mile Island")
    assert island.kind == "place" and len(island.mentions) == 3
    assert "Mile Island" not in {v for e in ents for v in e.variants}


def test_hyphens_and_particles_do_not_split_a_person() -> None:
    arts, sents = _story(
        "Pak Sol-jin was detained at the airport on Monday. Shipping chief Pieter van Drunen "
        "said the port would reopen.",
        "Police said Pak Sol Jin had travelled alone. Mr van Drunen thanked the crews, and "
        "van Drunen said cargo would move on Friday.",
    )
    ents = find_entities(arts, sents)
    pak = _owner(ents, "Pak Sol-jin")
    assert "Pak Sol Jin" in pak.variants
    drunen = _owner(ents, "Pieter van Drunen")
    assert {"van Drunen", "Mr van Drunen"} <= set(drunen.variants), drunen.variants


def test_a_misspelt_word_of_a_long_name_and_an_organisations_own_last_word_join_it() -> None:
    ents = _parsed(
        "Detectives in Los Angeles said on Monday that Royal Dutch Shell had paid the fine.",
        "Los Angles police said Shell would appeal. The Muslim Brotherhood and the Brotherhood "
        "youth wing said nothing.",
    )
    assert "Los Angles" in _owner(ents, "Los Angeles").variants
    assert "Shell" in _owner(ents, "Royal Dutch Shell").variants
    assert "Brotherhood" in _owner(ents, "Muslim Brotherhood").variants


def test_a_contest_named_for_a_town_is_no_persons_name() -> None:
    arts, sents = _story(
        "Two bombs went off near the finish of the Kestwick Marathon on Monday.",
        "Police in Kestwick said the Marathon would go ahead next year. Kestwick mourned.",
    )
    ents = find_entities(arts, sents)
    race = _owner(ents, "Kestwick Marathon")
    assert race.kind != "person"
    assert "Kestwick" not in race.variants


def test_a_town_is_not_the_building_named_after_it() -> None:
    ents = _parsed(
        "A gunman wounded four people at the Tiverton Borough Municipal Center on Monday.",
        "The shooting in Tiverton happened outside a judge's office, police said.",
    )
    assert "Tiverton" not in _owner(ents, "Tiverton Borough Municipal Center").variants
    assert _owner(ents, "Tiverton").kind == "place"


def test_a_one_word_body_is_not_the_short_name_of_a_longer_one() -> None:
    ents = _parsed(
        "Senate Republicans blocked the bill on Tuesday, and Senate Republicans said so.",
        "The Senate will vote again next week, an aide said.",
    )
    assert "Senate" not in _owner(ents, "Senate Republicans").variants


def test_a_possessive_after_in_is_no_place() -> None:
    arts, sents = _story(
        "Chief executive Bob Dudley received a pay rise. Mr Dudley declined to comment.",
        "Shareholders objected to the increase in Dudley's pay on Thursday.",
    )
    ents = find_entities(arts, sents)
    assert len([e for e in ents if "Dudley" in e.variants]) == 1
    assert _owner(ents, "Dudley").kind == "person"


def test_a_photo_credit_before_a_name_is_no_title() -> None:
    ents = _parsed(
        "Pope Clement prays at the cathedral. Getty Images Pope Clement blesses the crowd at "
        "the cathedral in Brackley on Sunday.",
        "Marrow said she would run again. Clement agreed.",
    )
    clement = _owner(ents, "Pope Clement")
    assert not [v for v in clement.variants if "Getty" in v], clement.variants


def test_a_rank_in_initials_is_a_title_of_the_person_who_holds_it() -> None:
    ents = _parsed(
        "His father, SSP Thomas Okello Wandera, said the boy Peter Wandera was playing outside.",
        '"We found his shoes," SSP Wandera said on Sunday. DC Lomax and Tim Lomax searched.',
        "Detective Constable Tim Lomax said the search went on. DC Lomax thanked the village.",
    )
    father = _owner(ents, "Thomas Okello Wandera")
    assert {"SSP Wandera", "SSP Thomas Okello Wandera"} <= set(father.variants), father.variants
    assert "SSP Wandera" not in _owner(ents, "Peter Wandera").variants
    assert "DC Lomax" in _owner(ents, "Tim Lomax").variants


def test_a_newspaper_is_an_organisation_by_its_last_word() -> None:
    arts, sents = _story(
        "The shooting was first reported by the Carrow City Star on Friday.",
        "A reporter for the Brackley Inquirer said police had not named the man.",
    )
    ents = find_entities(arts, sents)
    assert _owner(ents, "Carrow City Star").kind == "organization"
    assert _owner(ents, "Brackley Inquirer").kind == "organization"


def test_a_law_or_a_treaty_is_no_organisation() -> None:
    ents = _parsed(
        "The nerve agent is banned under the Chemical Agents Convention, officials said.",
        "Lawyers said the Clean Harbours Act applied to the spill in Brackley.",
    )
    assert _owner(ents, "Chemical Agents Convention").kind == "other"
    assert _owner(ents, "Clean Harbours Act").kind == "other"


def test_a_bodys_initials_with_a_possessive_are_the_body() -> None:
    ents = _parsed(
        "The Brackley Police Department said the driver had fled.",
        "Detective Ann Moss of BPD’s Harbour Division Homicide Unit said the car was found. "
        "Call the BPD’s Homicide Bureau with information.",
    )
    force = _owner(ents, "Brackley Police Department")
    assert "BPD" in force.variants, force.variants


def test_a_name_met_only_in_a_reporters_line_is_no_entity() -> None:
    ents = _parsed(
        "Dmitri Vasquez was arrested in Brackley on Monday, police said.\n\n"
        "Associated Press writers Oliver Penrose in Carrowby and Ann Moss contributed to this "
        "report.\n\nWrite to Harry Kettering at harry.kettering@example.com"
    )
    names = {v for e in ents for v in e.variants}
    assert "Dmitri Vasquez" in names
    assert not names & {"Oliver Penrose", "Ann Moss", "Harry Kettering"}, sorted(names)


def test_a_share_price_is_no_part_of_a_name() -> None:
    ents = _parsed(
        "Brixton Oil said on Thursday that profits fell.\n\n"
        "BRX BRX., +0.88% BRX, +0.60% Chairman Carl Lindqvist defended the pay package."
    )
    names = {v for e in ents for v in e.variants}
    assert not [n for n in names if "%" in n], sorted(names)


def test_a_middle_initial_keeps_the_title_on_the_whole_name() -> None:
    arts, sents = _story(
        "The order was signed by Harbor County Sheriff Jeffrey R. Tallow on Monday.",
        "Jeffrey Tallow said the road would reopen. Tallow thanked the crews.",
    )
    ents = find_entities(arts, sents)
    tallow = _owner(ents, "Jeffrey R. Tallow")
    assert "Harbor County Sheriff Jeffrey R. Tallow" in tallow.variants, tallow.variants
    assert not [v for v in tallow.variants if v.endswith(" R")]
    assert {"Jeffrey Tallow", "Tallow"} <= set(tallow.variants)


def test_a_streets_number_is_part_of_its_name() -> None:
    arts, sents = _story(
        "Two men climbed the scaffolding of a hotel on 57th Street on Monday.",
        "Police closed 84th Street and Harbor Avenue for the night.",
    )
    names = {v for e in find_entities(arts, sents) for v in e.variants}
    assert {"57th Street", "84th Street"} <= names, sorted(names)
    assert "Street" not in names


def test_a_thing_the_model_calls_a_person_is_no_person() -> None:
    # a game's name used only as a modifier ("Tuesday's Lucky Riches jackpot", "a Lucky
    # Riches drawing"), which the small model reads as a person's name
    ents = _parsed(
        "Dana Whitlock posted a video on her Glimmer Story on Monday. Whitlock said the ad was "
        "wrong. She said it again on Tuesday.",
        "Tuesday's $400 million Lucky Riches jackpot drew crowds, said Whitlock. A Lucky Riches "
        "drawing is held twice a week.",
    )
    kinds = {e.name: e.kind for e in ents}
    assert kinds["Dana Whitlock"] == "person"
    assert kinds["Lucky Riches"] != "person", kinds


def test_a_plural_noun_opening_a_sentence_before_say_is_no_name() -> None:
    ents = _parsed(
        "The gunman fled on foot. Authorities say he targeted guards at the gate. Officer Ray "
        "Mendel said the gate was closed. Authorities say he had two rifles."
    )
    names = {v for e in ents for v in e.variants}
    assert "Ray Mendel" in names
    assert "Authorities" not in names, sorted(names)


def test_the_models_span_over_a_verb_is_two_names() -> None:
    ents = _parsed(
        "Isaiah claims Frances has upwards of $100 mil in her dad's estate. Isaiah Moore married "
        "Frances Holt in 2014."
    )
    assert not [e for e in ents if "claims" in e.name], [e.name for e in ents]
    assert "Isaiah" in _owner(ents, "Isaiah Moore").variants
    assert "Frances" in _owner(ents, "Frances Holt").variants


def test_a_companys_last_word_alone_is_the_company() -> None:
    # the model reads "Neiman Marcus said" as two organisations; "Marcus" is the company
    ents = _parsed(
        "Shoppers who used cards at Neiman Marcus in the autumn were warned on Friday.\n\n"
        "Neiman Marcus said on Friday that it saw “no sign of a link” to the other theft.\n\n"
        "A spokesman for Neiman Marcus, Owen Tarrant, said letters would go out soon."
    )
    assert "Marcus" in _owner(ents, "Neiman Marcus").variants
    assert not [e for e in ents if e.name == "Marcus"]


def test_a_firm_in_camel_case_or_after_its_trade_is_an_organisation() -> None:
    ents = _parsed(
        "The audit, from security firm vTrace, went to regulators on Monday. The vTrace audit "
        "found malware on the tills. Shares of the retailer Kessler Vantix fell 4% on Monday."
    )
    kinds = {e.name: e.kind for e in ents}
    assert kinds.get("vTrace") == "organization", kinds
    assert kinds.get("Kessler Vantix") == "organization", kinds


def test_a_firm_the_model_calls_a_person_is_an_organisation_by_its_trade() -> None:
    ents = _parsed(
        "Investors should vote against the pay plan, proxy advisory firm Brass Hollis said in a "
        "note. It is not the first time Brass Hollis has objected to the bonus. Brass Hollis "
        "also questioned the audit."
    )
    assert _owner(ents, "Brass Hollis").kind == "organization"


def test_a_name_with_a_seat_is_an_organisation() -> None:
    ents = _parsed(
        "Thieves took a propane truck on Friday. Liberty-based Harrow Mercer announced on "
        "Saturday that it had found the truck. Liberty-based Harrow Mercer has offered a reward "
        "of $2,000. Harrow Mercer said the driver was not hurt."
    )
    assert _owner(ents, "Harrow Mercer").kind == "organization"


def test_a_street_a_clock_zone_and_an_ap_state_abbreviation_read_as_what_they_are() -> None:
    ents = _parsed(
        "Officers were seen along Mayberry Drive on Thursday. Deputies were dispatched at 9:09 "
        "a.m. ET, the sheriff said. Four people were shot in Middleton, Wis., and two more in "
        "a town in Wisconsin. A source told ET the singer would return."
    )
    kinds = {e.name: e.kind for e in ents}
    assert kinds.get("Mayberry Drive") == "place"
    wisconsin = [e for e in ents if "Wisconsin" in e.variants]
    assert len(wisconsin) == 1 and "Wis." in wisconsin[0].variants  # one row for one state
    assert [m.text for e in ents if e.name == "ET" for m in e.mentions] == ["ET"]  # the outlet only


def test_a_party_tag_names_the_state_and_a_people_is_no_entity() -> None:
    ents = _parsed(
        "Sen. Dana Quillfeather, D-Mass., questioned the bank's chief on Tuesday. Palestinians "
        "and Israelis watched the hearing. Pope Francis wrote to Cardinal Sean Maloney on Monday."
    )
    assert _owner(ents, "Mass").kind == "place"
    assert not [e for e in ents if e.name in ("Palestinians", "Israelis", "D-Mass")]
    assert _owner(ents, "Cardinal Sean Maloney").kind == "person"


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    ents = _parsed(
        "The council voted to tax sweet drinks in Harbourton on Monday. \"It's a good idea. Sugar "
        'is one of the worst things we eat," said Dana Quill. Groups like the Harbour Heart '
        "Association backed the tax, and sugar sales fell."
    )
    names = {e.name for e in ents}
    assert "Sugar" not in names and "Groups" not in names
    assert "Harbour Heart Association" in names


def test_a_possessive_cut_from_the_name_before_is_not_part_of_the_next() -> None:
    ents = _parsed(
        "A sign alerts Harbourmart customers to the price change and also lets them know that "
        "they can go to the company’s Tukwila or Shoreline stores to buy it. Her friend, Karen "
        'Rand, was hurt. “I said, ‘That’s not my daughter, that’s Karen! Where’s my daughter?’" '
        "Patty Campbell said."
    )
    assert not [e.name for e in ents if e.name.startswith(("’s", "'s"))]


def test_a_trade_noun_in_apposition_or_a_firms_spokesman_makes_an_organisation() -> None:
    ents = _parsed(
        "Four people were shot at a software company, Quarrel Paradigm, in Harbourton. "
        "Shareholders at Vexmoor, the mining company, rebelled four years ago."
    )
    assert _owner(ents, "Quarrel Paradigm").kind == "organization"
    assert _owner(ents, "Vexmoor").kind == "organization"


def test_the_webs_platforms_are_organisations_wherever_the_model_reads_them() -> None:
    ents = _parsed(
        "The singer asked fans for money on Twitter on Sunday. She later posted a video on "
        "Instagram, and a fan opened a GoFundMe page for her."
    )
    assert {_owner(ents, n).kind for n in ("Twitter", "Instagram")} == {"organization"}


def test_a_word_met_only_inside_a_longer_capitalised_name_is_no_row_of_its_own() -> None:
    ents = _parsed(
        "A fan opened a page called Get Kanye Out of Debt on Sunday. The debt is large, the "
        "page says. He won the Heisman Trophy in 1968, and the trophy sits in a museum."
    )
    names = {e.name for e in ents}
    assert "Debt" not in names and "Trophy" not in names


def test_initials_of_common_words_are_no_name_but_an_agencys_are() -> None:
    ents = _parsed(
        "Coronary heart disease (CHD) is the most common heart disease, the Harbour Health "
        "Agency (HHA) said on Monday. The chief executive's long-term incentive plans, LTIPs, "
        "were cut. People with CHD should see a doctor, the HHA said, and the CEO agreed."
    )
    names = {e.name for e in ents}
    assert not names & {"CHD", "LTIPs", "LTIP", "CEO"}
    djs = _parsed(
        'The two DJs at the centre of a prank call to the hospital have spoken. "We are '
        'shattered."\n\nThe two DJs were speaking for the first time. Asked by Channel 9 whose '
        "idea the prank call was, the DJs said it had come up at a team meeting."
    )
    assert "DJs" not in {e.name for e in djs}
    assert "HHA" in {v for e in ents for v in e.variants}


def test_a_politicians_spokesman_keeps_the_politician_a_person() -> None:
    ents = _parsed(
        "Davis is running for governor against Attorney General Greg Abbott. She trails in the "
        "polls behind Abbott, who is favored. Abbott spokesman Matt Hirsch did not return calls."
    )
    abbott = _owner(ents, "Greg Abbott")
    assert abbott.kind == "person" and "Abbott" in abbott.variants


def test_the_states_is_the_united_states() -> None:
    ents = _parsed(
        "She wants the children returned to the States. The United States has no say, the "
        "court said."
    )
    assert "States" in _owner(ents, "United States").variants


def test_a_word_the_story_also_writes_in_lower_case_is_no_name() -> None:
    ents = _parsed(
        "Caltrans said the crash barrier had been damaged in an earlier crash.\n\n"
        '"Once our Maintenance team has been notified, the goal is to repair damaged '
        'barriers," Caltrans told KGO. "These are guidelines that our Maintenance staff '
        'follow."\n\nThe maintenance of the barrier had been delayed for weeks.\n\n'
        "Shawn Price, a friend of the driver, said the price of the repair was not the point. "
        '"He loved his family," Price said.'
    )
    names = {e.name for e in ents}
    assert "Maintenance" not in names and "Caltrans" in names
    assert "Shawn Price" in names  # "price" in lower case does not unmake a surname


def test_no_persons_name_runs_over_a_possessive() -> None:
    ents = _parsed(
        "Bill Cosby was sentenced on Tuesday. His spokesman, Andrew Wyatt, spoke outside the "
        "court. “Not saying Mr. Cosby’s Jesus, but we know what this country has done,” Wyatt "
        "said."
    )
    cosby = _by_name(ents, "Bill Cosby")
    assert not any("Jesus" in v for v in cosby.variants)
    assert not any("’s Jesus" in e.name or "'s Jesus" in e.name for e in ents)


def test_a_firms_product_is_no_persons_full_name() -> None:
    from collections import Counter

    from storyweave.analysis.entities.resolve import _Forms, _full_names

    def forms(*rows: tuple[str, str]) -> _Forms:
        keys = [k for k, _ in rows]
        kinds = [kind for _, kind in rows]
        n = len(rows)
        return _Forms(
            keys,
            [Counter()] * n,
            [Counter()] * n,
            [[i] for i in range(n)],
            [k.split() for k in keys],
            kinds,
            kinds,  # type: ignore[arg-type]
        )

    # "Tesla" (a firm), "Tesla Autopilot" and "Autopilot" alone: a product, not Mr Autopilot
    tesla = forms(("tesla", "organization"), ("tesla autopilot", "other"), ("autopilot", "other"))
    assert _full_names(tesla, {}) == []
    # "Mateo Arriaga" with "Arriaga" alone elsewhere: a name used by its surname
    mateo = forms(("mateo arriaga", "other"), ("arriaga", "other"))
    assert _full_names(mateo, {}) == [0]
    # a given name and the surname of a person of the story, whatever the model called it
    steve = forms(("steve vogelsang", "person"), ("stephen vogelsang", "organization"))
    assert _full_names(steve, {"stephen": "m", "steve": "m"}) == [0, 1]
    assert _full_names(steve, {}) == [0]


def test_an_apostrophe_inside_a_surname_is_no_possessive() -> None:
    ents = _parsed(
        "Conor O’Brien, a lawyer for the family, said the case was closed. O’Brien spoke to "
        "reporters outside the court on Monday."
    )
    assert "Conor O’Brien" in {e.name for e in ents}


def test_a_shouted_line_of_common_words_is_no_name() -> None:
    ents = _parsed(
        "The forecaster Robert Ricks wrote a warning on Sunday night.\n\n"
        "MOST OF THE AREA WILL BE UNINHABITABLE FOR WEEKS. WATER SHORTAGES WILL MAKE HUMAN "
        "SUFFERING INCREDIBLE BY MODERN STANDARDS.\n\nThe storm reached New Orleans on Monday."
    )
    names = {e.name for e in ents}
    assert not any("SHORTAGES" in n for n in names)
    assert {"Robert Ricks", "New Orleans"} <= names


def test_a_given_name_from_the_nickname_table_makes_a_person() -> None:
    from storyweave.analysis.entities import given_name_gender

    assert given_name_gender("Meghan") == "u"  # in the table, no word of English
    assert given_name_gender("Hope") is None  # a word of English too: not taken from the table


def test_a_possessive_written_with_an_opening_quote_mark_is_cut_off() -> None:
    ents = _parsed(
        "Modern Family ends this year. The cast of Modern Family‘s last season met on Monday, "
        "and Ariel Winter said the show had changed her life."
    )
    assert not any("‘" in v for e in ents for v in e.variants)


def test_a_name_before_a_word_the_model_calls_a_person_is_no_title() -> None:
    # the model reads "Road" as a person; "Perryman" is no title to take off it
    ents = _parsed(
        '"This happened inside the warehouse (on Perryman Road)," the witness said. "They '
        'called a bunch of EMS and they carried out five victims."'
    )
    rows = {e.name: e.variants for e in ents}
    assert rows.get("Perryman Road") == ("Perryman Road",), rows
    assert "Road" not in rows


def test_a_home_town_after_a_name_is_no_part_of_it() -> None:
    ents = _parsed(
        "The thrill-seeker and his buddy Dimitri Oliveras took the hotel elevator to the top "
        "floor, police sources said.\n\nOliveras of Dover, NJ, went back to the Midtown hotel "
        "where he called his mom, sources said."
    )
    rows = {e.name: e.variants for e in ents if e.kind == "person"}
    assert rows == {"Dimitri Oliveras": ("Dimitri Oliveras", "Oliveras")}, rows


def test_a_state_that_plays_a_match_is_its_team_and_a_postal_code_is_its_state() -> None:
    ents = _parsed(
        "Results on Sunday:\n\nMinnesota 5 Seattle 3\n\nMinnesota beat Seattle 5-3 on Sunday.\n\n"
        "The climber, of Rockaway, NJ, fell from the hotel in New Jersey on Wednesday night."
    )
    kinds = {v: e.kind for e in ents for v in e.variants}
    assert kinds.get("Minnesota") == "organization", sorted(kinds.items())
    assert kinds.get("NJ") == "place" and kinds.get("Rockaway") == "place"


def test_an_office_named_by_its_fields_is_one_name_and_a_list_of_firms_is_not() -> None:
    ents = _parsed(
        "The Bureau of Alcohol, Tobacco, Firearms and Explosives sent agents from Baltimore.\n\n"
        "Shares of Bank of America, Wells Fargo and Citigroup fell on Monday in New York."
    )
    kinds = {e.name: e.kind for e in ents}
    assert kinds.get("Bureau of Alcohol, Tobacco, Firearms and Explosives") == "organization"
    assert not {"Tobacco", "Firearms", "Bureau of Alcohol"} & set(kinds), sorted(kinds)
    assert {"Bank of America", "Wells Fargo", "Citigroup"} <= set(kinds), sorted(kinds)


def test_half_of_a_hyphenated_word_is_no_name() -> None:
    ents = _parsed(
        "Dana Quill told the Gazette I-Team that the pier was unsafe. Teeny-tiny cracks ran "
        "along the deck, she said. The I-Team reported it on Monday."
    )
    names = {e.name for e in ents}
    assert "Team" not in names and "Teeny" not in names
    assert _owner(ents, "Dana Quill").kind == "person"


def test_the_numbers_of_a_series_are_no_names() -> None:
    ents = _parsed(
        "Engineer Dana Quill graded the piers as Level I, II and III in a report to the "
        "Riverton council, which met on Monday."
    )
    assert not {"II", "III"} & {e.name for e in ents}


def test_a_quoted_title_keeps_its_first_word() -> None:
    ents = _parsed(
        'Dana Quill wrote the novel "Star Harbour" in 1937. The crew saw a star over the pier. '
        'In the 1992 "Star Voyage: The Long Crossing" episode, the ship reached the harbour.'
    )
    names = {e.name for e in ents}
    assert "Star Harbour" in names and "Harbour" not in names
    assert "Voyage" not in names


def test_a_role_or_a_participle_opening_a_sentence_is_not_part_of_the_name() -> None:
    ents = _parsed(
        "Dana Quill built the pier in 1962. Astrophysicist Nikolai Ferrand studied it. "
        "Recalling Ferrand's study, Quill rebuilt the deck in 1970. Ferrand later retired."
    )
    assert _owner(ents, "Nikolai Ferrand").name == "Nikolai Ferrand"
    variants = {v for e in ents for v in e.variants}
    assert not {"Astrophysicist Nikolai Ferrand", "Recalling Ferrand"} & variants


def test_initials_of_common_things_and_eras_are_no_names_and_a_vale_is_a_place() -> None:
    ents = _parsed(
        "Officers performed CPR on Dana Quill at the Riverton pier. The henge was built around "
        "2400 BC by farmers in the Vale of Pewsey. Thieves stole PINs from POS terminals at "
        "Harbourmart stores, the FBI said."
    )
    names = {e.name for e in ents}
    assert not names & {"CPR", "BC", "PINs", "POS"}
    assert {"Dana Quill", "FBI", "Vale of Pewsey"} <= names


def test_an_organisation_named_with_and_stays_one_row_where_the_model_reads_two() -> None:
    ents = _parsed(
        "The project is a partnership between the University of Reading, Historic England, the "
        "Arts and Humanities Research Council and Wiltshire Council."
    )
    names = {e.name for e in ents}
    assert "Arts and Humanities Research Council" in names
    assert not {"Arts", "Humanities Research Council"} & names


def _names(*texts: str) -> set[str]:
    """Every surface form of every row of the parsed story's entity table."""
    return {v for e in _parsed(*texts) for v in e.variants}


def test_a_live_blogs_clock_times_are_no_part_of_a_name() -> None:
    names = _names(
        "11:03 P.M. Norway will be required to take responsibility for the displaced, the "
        "agency's chief said.\n\n"
        "10:40 A.M. Rocket fire hit the south again. A rocket struck a house in Belmira.\n\n"
        "8:00 P.M. Kessaran said it fired the rockets."
    )
    assert {"Norway", "Kessaran", "Belmira"} <= names
    assert not any("P.M." in n or "A.M." in n or n == "Rocket" for n in names), names


def test_a_name_the_model_completes_past_an_initialism_takes_its_heads_kind() -> None:
    ents = _parsed(
        "The ballots were mailed through the U.S. Postal Service on Monday, officials said. "
        "The U.S. Secret Service is investigating the threat."
    )
    assert _by_name(ents, "U.S. Postal Service").kind == "organization"
    assert _by_name(ents, "U.S. Secret Service").kind == "organization"


def test_a_country_s_initials_that_end_a_sentence_join_no_word_after_them() -> None:
    names = _names(
        "The federal judge will not compel the children back to the U.S. Period, the insider "
        "says. Dana K. Quill, a lawyer, disagreed."
    )
    assert "Dana K. Quill" in names
    assert not any("Period" in n for n in names), names


def test_two_names_joined_by_and_are_two_rows() -> None:
    names = _names(
        "She appeared on CNN and Fox News on Sunday. The dossier by Steele and Fusion GPS was "
        "paid for by the campaign, and Christopher Steele wrote it."
    )
    assert {"CNN", "Fox News", "Fusion GPS"} <= names
    assert not any(" and " in n for n in names), names


def test_first_inside_a_sentence_opens_the_name_after_it() -> None:
    names = _names(
        "It is an attack on the First Amendment by someone sworn to defend it, Dana Quill said. "
        "First, the police came. They met the First Nations chiefs of the valley."
    )
    assert {"First Amendment", "First Nations"} <= names
    assert "Amendment" not in names
    assert not any(n.startswith("First,") or n == "First" for n in names)


def test_a_firm_of_partners_joined_by_an_ampersand_is_one_row() -> None:
    names = _names(
        "Companies also make a regulatory filing, said Andrew M Calamari, a partner at the law "
        "firm Finn Dixon & Herling and former director of the regulator's New York office."
    )
    assert "Finn Dixon & Herling" in names
    assert not {"Finn", "Dixon & Herling"} & names


def test_a_titles_portfolio_is_no_part_of_the_name_after_it() -> None:
    names = _names(
        "The fighting went on. UN High Commissioner for Human Rights Navi Pillay says that "
        "militants broke the law. Pillay also criticised the army."
    )
    assert "Navi Pillay" in names
    assert not any(n.startswith("Human Rights") for n in names), names


def test_a_row_that_is_only_a_title_is_no_name() -> None:
    names = _names(
        "The President said the Deputy Director would testify on Tuesday. Director Chris Wray "
        "agreed, and Vice President Mike Pence spoke. The Chairman was absent, Judge Rita Moss "
        "said."
    )
    assert {"Chris Wray", "Mike Pence", "Rita Moss"} <= names
    assert not names & {"President", "Deputy Director", "Chairman", "Director"}, names


def test_surnames_with_particles_stay_whole_behind_a_title() -> None:
    ents = _parsed(
        "European Commission President Ursula von der Leyen spoke on Monday. Mayor Bill de "
        "Blasio of New York met her. Von der Leyen and de Blasio agreed on a plan."
    )
    leyen = _by_name(ents, "Ursula von der Leyen")
    assert leyen.kind == "person"
    assert _by_name(ents, "Bill de Blasio").kind == "person"
    assert "European Commission" in {e.name for e in ents}
    assert not {"Ursula von", "Leyen", "Blasio", "York"} & {e.name for e in ents}


def test_a_generational_suffix_keeps_the_surname_and_the_family_apart() -> None:
    ents = _parsed(
        "Robert F. Kennedy Jr. announced his campaign on Monday. Kennedy spoke in Boston. "
        "Donald Trump Jr. met donors in Ohio, where President Donald Trump spoke."
    )
    assert "Kennedy" in _by_name(ents, "Robert F. Kennedy Jr.").variants
    assert _by_name(ents, "Donald Trump Jr.") is not _by_name(ents, "Donald Trump")
    war = _parsed("Many veterans served in World War II and the Korean War.")
    assert _by_name(war, "World War II").kind != "person"


def test_a_name_with_a_spokeswoman_or_a_ceo_is_an_organisation() -> None:
    ents = _parsed(
        "A temporary employee opened fire at a Rite Aid distribution center on Thursday. "
        "Rite Aid spokeswoman Susan Henderson said about 1,000 people work there. Rite Aid "
        "CEO John Standley visited the site, and a Rite Aid spokesman said it would reopen."
    )
    assert _by_name(ents, "Rite Aid").kind == "organization"
    assert _by_name(ents, "Susan Henderson").kind == "person"


def test_a_reporters_contact_or_sign_in_line_is_no_entity() -> None:
    ents = _parsed(
        "Police Chief Tom Ruiz said the road was closed on Monday after the crash.\n\n"
        "Tami Abdollah can be reached at http://www.twitter.com/latams\n\n"
        "A number of these surviving vets live in the city. April Baer reports.\n\n"
        "Mayor Ann Lee reports that crime fell."
    )
    names = {e.name for e in ents}
    assert "Tami Abdollah" not in names and "April Baer" not in names
    assert {"Tom Ruiz", "Ann Lee"} <= names


def test_a_peoples_adjective_joined_to_a_word_is_no_entity() -> None:
    ents = _parsed(
        "The malware was sold in the Russian-language underground, the report said. Over "
        "6,000 Japanese-Americans served in the war. The Mexican-American community marched "
        "in Chicago."
    )
    names = {e.name for e in ents}
    assert not {"Russian-language", "Japanese-Americans", "Mexican-American"} & names
    assert "Chicago" in names


def test_a_peers_title_and_place_are_one_person() -> None:
    ents = _parsed(
        "The Duke of Sussex visited the clinic. The Duchess of Cambridge and the Prince of "
        "Wales did not attend. The University of Wales sent a delegation."
    )
    for name in ("Duke of Sussex", "Duchess of Cambridge", "Prince of Wales"):
        assert _by_name(ents, name).kind == "person"
    assert _by_name(ents, "University of Wales").kind == "organization"
    assert not {"Duke", "Duchess", "Sussex", "Wales"} & {e.name for e in ents}


def test_a_name_the_text_says_someone_goes_by_is_that_one() -> None:
    ents = _parsed(
        "Kanye West, who now goes by Ye, released an album on Friday. Ye said it was his best. "
        "Sean Combs, better known as Diddy, attended. Diddy praised it."
    )
    assert "Ye" in _by_name(ents, "Kanye West").variants
    assert "Diddy" in _by_name(ents, "Sean Combs").variants
    assert not {"Ye", "Diddy"} & {e.name for e in ents}
    site = _parsed("The site, north of Adelaide, is known as the Warratyi rock shelter.")
    assert "Adelaide" in {e.name for e in site}


def test_a_wire_dateline_is_one_place_and_does_not_mislead_the_model() -> None:
    ents = _parsed(
        "ST. PAUL, Minn. (AP) — Aleksi Nurmi scored 2:14 into overtime, and the Minnesota Wild "
        'beat the Winnipeg Jets 4-3 on Thursday night.\n\n"I was trying to pass it," Nurmi said.'
    )
    nurmi = _by_name(ents, "Aleksi Nurmi")
    assert nurmi.kind == "person" and "Nurmi" in nurmi.variants
    assert _by_name(ents, "ST. PAUL").kind == "place"
    assert not {"ST", "PAUL"} & {e.name for e in ents}
    wire = _parsed("NEW YORK (Reuters) - Wall Street rose on Wednesday as oil prices fell.")
    assert "NEW YORK" in {e.name for e in wire} and "YORK" not in {e.name for e in wire}
    assert _by_name(wire, "Reuters").kind == "organization"


def test_a_chair_or_an_mp_before_a_name_is_a_title() -> None:
    ents = _parsed(
        "Markets rose after Federal Reserve Chair Eleanor Vance spoke. Vance said inflation was "
        "cooling. Tory MP Simon Ashworth agreed."
    )
    assert "Vance" in _by_name(ents, "Eleanor Vance").variants
    assert _by_name(ents, "Simon Ashworth").kind == "person"
    assert _by_name(ents, "Federal Reserve").kind == "organization"
    place = _parsed(
        "Jane, 53, a librarian at the University of Manchester who was also known as Jane "
        "Marshall, went ahead."
    )
    assert _by_name(place, "University of Manchester").kind == "organization"


def test_a_citys_team_is_an_organisation_and_its_plural_is_the_team() -> None:
    ents = _parsed(
        "The Denver Broncos have placed Malik Jennings on injured reserve, the team announced "
        'Wednesday. "Malik is a huge part of who we are," the Broncos said in a statement.'
    )
    team = _by_name(ents, "Denver Broncos")
    assert team.kind == "organization" and "Broncos" in team.variants
    assert _by_name(_parsed("Tourists crowd Laurel Highlands every fall."), "Laurel Highlands")
