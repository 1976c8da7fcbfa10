"""Quote finding and speaker attribution, on invented articles."""

from __future__ import annotations

from storyweave.analysis.entities import find_entities
from storyweave.analysis.quotes import find_quotes
from storyweave.model import Article, Quote
from storyweave.text.segment import segment, segment_all


def _quotes(*texts: str) -> list[Quote]:
    arts = [
        Article(f"a{i}", f"outlet{i}.example", f"Title {i}", t, cleaned=True)
        for i, t in enumerate(texts, 1)
    ]
    sents = segment_all(arts)
    return find_quotes(arts, sents, find_entities(arts, sents))


def _one(quotes: list[Quote], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert len(hits) == 1, (start, quotes)
    return hits[0]


INTRO = "Mayor Maria Torres closed the Alder Street bridge. Engineer Peter Lang inspected it.\n\n"


def test_named_speaker_after_and_before() -> None:
    qs = _quotes(
        INTRO + '"We will rebuild it within a year," Torres said.\n\n'
        '"The piers are cracked right through," said Lang.\n\n'
        'Torres told reporters: "Nobody will cross it until it is safe."'
    )
    q = _one(qs, "We will rebuild")
    assert (q.speaker, q.speaker_kind, q.verb, q.direct) == ("Maria Torres", "named", "said", True)
    assert q.entity_id is not None
    assert _one(qs, "The piers").speaker == "Peter Lang"
    q = _one(qs, "Nobody will cross")
    assert q.speaker == "Maria Torres" and q.verb == "told reporters"
    assert q.text == "Nobody will cross it until it is safe."


def test_curly_multi_sentence_and_appositive() -> None:
    qs = _quotes(
        INTRO + "“The bridge is old. It was built in 1931. Nobody maintained it,” Lang, an "
        "engineer for the county, said on Monday."
    )
    q = _one(qs, "The bridge is old.")
    assert q.speaker == "Peter Lang"
    assert "Nobody maintained it" in q.text
    assert q.sentence == 2  # the first sentence the quote touches


def test_pronoun_resolves_to_fitting_person() -> None:
    qs = _quotes(
        INTRO + "Torres met Lang on Monday.\n\n"
        '"I am not going to take any chances with this," she said.\n\n'
        '"The repairs will take at least eight months," he added.'
    )
    assert _one(qs, "I am not going").speaker == "Maria Torres"
    q = _one(qs, "The repairs")
    assert (q.speaker, q.verb) == ("Peter Lang", "added")


def test_they_and_unattributed_stay_unresolved() -> None:
    qs = _quotes(
        INTRO + '"We have waited far too long for an answer from the city," they said.\n\n'
        "The bridge carried 20,000 cars a day.\n\n"
        '"This is the worst closure the town has seen in decades."'
    )
    for start in ("We have waited", "This is the worst"):
        q = _one(qs, start)
        assert q.speaker is None and q.speaker_kind == "unresolved" and q.entity_id is None


def test_unnamed_sources_kept_verbatim() -> None:
    qs = _quotes(
        INTRO + '"The mayor knew about the cracks for months," a source close to the '
        "situation tells the Riverton Post.\n\n"
        '"She is furious about it," the insider says.\n\n'
        '"We expect a vote in June," a spokesperson for the council said.\n\n'
        'A city official said, "The budget has room for the repairs."'
    )
    q = _one(qs, "The mayor knew")
    assert (q.speaker, q.speaker_kind) == ("a source close to the situation", "unnamed")
    assert q.entity_id is None
    assert q.verb == "tells the Riverton Post" or q.verb.startswith("tells")
    assert _one(qs, "She is furious").speaker == "the insider"
    assert _one(qs, "We expect a vote").speaker == "a spokesperson for the council"
    assert _one(qs, "The budget").speaker == "a city official"


def test_source_close_to_a_person_is_not_that_person() -> None:
    qs = _quotes(INTRO + "A source close to Torres tells WRVT that the mayor will resign soon.")
    q = _one(qs, "the mayor will resign")
    assert (q.speaker, q.speaker_kind, q.direct) == ("a source close to Torres", "unnamed", False)


def test_quote_running_over_paragraphs() -> None:
    qs = _quotes(
        INTRO + '"It was a hard decision," Torres said. "We looked at every option.\n\n'
        '"In the end the engineers were clear. The bridge had to close."\n\n'
        "The council meets on Friday."
    )
    q = _one(qs, "We looked at every option.")
    assert q.text.endswith("The bridge had to close.")
    assert q.speaker == "Maria Torres"
    assert len(qs) == 2


def test_continuation_in_the_same_paragraph() -> None:
    qs = _quotes(
        INTRO + '"The piers are cracked," Lang said. "We will need divers to look at the '
        'foundations."'
    )
    assert _one(qs, "We will need divers").speaker == "Peter Lang"


def test_statements_and_attorneys() -> None:
    qs = _quotes(
        INTRO + "Torres's attorney said in a statement: \"My client followed every rule the "
        'state has."\n\n'
        "“The city ignored our warnings for years,” Lang’s statement reads. "
        "“We will say more in court.”\n\n"
        "“The engineers did their jobs,” the statement continues.",
        INTRO + "Torres's attorney Jonathan Reyes spoke on Friday.\n\n"
        'Torres\'s attorney said in a statement: "The mayor has nothing to hide from anyone."',
    )
    q = _one(qs, "My client")
    assert (q.speaker, q.speaker_kind, q.entity_id) == ("Torres's attorney", "unnamed", None)
    assert q.verb == "said in a statement"
    q = _one(qs, "The city ignored")
    assert (q.speaker, q.speaker_kind, q.verb) == ("Peter Lang", "named", "statement reads")
    assert _one(qs, "We will say more").speaker == "Peter Lang"
    assert _one(qs, "The engineers did").speaker == "Peter Lang"
    q = _one(qs, "The mayor has nothing")
    assert q.speaker == "Jonathan Reyes" and q.entity_id is not None


def test_reported_speech() -> None:
    qs = _quotes(
        INTRO + "Torres previously told WRVT News that the bridge had failed two inspections.\n\n"
        "According to Lang, the cracks were first seen in 2019.\n\n"
        "The repairs will cost $4 million, according to a county engineer.\n\n"
        "The weather said that nothing was certain."
    )
    q = _one(qs, "the bridge had failed")
    assert (q.speaker, q.verb, q.direct) == ("Maria Torres", "told WRVT News", False)
    q = _one(qs, "the cracks were first seen")
    assert (q.speaker, q.verb, q.direct) == ("Peter Lang", "according to", False)
    q = _one(qs, "The repairs will cost")
    assert (q.speaker, q.speaker_kind) == ("a county engineer", "unnamed")
    assert not [q for q in qs if "nothing was certain" in q.text]  # no speaker, no quote


def test_saying_goodbye_or_keeping_up_appearances_is_not_reported_speech() -> None:
    qs = _quotes(
        INTRO + "Torres said good-bye to her crew on the bridge deck before the closure began.\n\n"
        "Lang said farewell to the last commuters crossing the span on Friday evening.\n\n"
        "Lang maintains a calm exterior that hides a restless mind.\n\n"
        "Torres revealed the new timetable for the ferries at the meeting.\n\n"
        "Lang maintains that the welds were sound all along."
    )
    assert not [
        q
        for q in qs
        if any(w in q.text for w in ("to her crew", "last commuters", "calm", "timetable"))
    ]
    assert _one(qs, "the welds were sound").speaker == "Peter Lang"


def test_single_quotes_in_headlines_and_possessive_apostrophes() -> None:
    qs = _quotes(
        INTRO + "WATCH: Maria Torres Says the Closure Has ‘Cost the Town Everything’\n\n"
        "The drivers' union said, 'The detours are adding an hour to every trip.'\n\n"
        "The parents' group met the teachers' union on Friday."
    )
    q = _one(qs, "Cost the Town")
    assert q.speaker == "Maria Torres"
    q = _one(qs, "The detours")
    assert q.speaker is None or q.speaker_kind == "unnamed"
    assert not [q for q in qs if "group met" in q.text]


def test_scare_quotes_are_not_speech() -> None:
    assert _quotes(INTRO + 'The so-called "repair plan" was never published.') == []


def test_seeds_general_properties(seed_articles: list[Article]) -> None:
    arts = seed_articles
    sents = {a.id: segment(a) for a in arts}
    ents = find_entities(arts, sents)
    quotes = find_quotes(arts, sents, ents)
    assert quotes
    texts = {a.id: a.text for a in arts}
    by_id = {e.id: e for e in ents}
    unnamed_words = ("source", "insider", "spokes", "official")
    for q in quotes:
        assert q.text[:40] in " ".join(texts[q.article_id].split())
        if q.speaker_kind == "unresolved":
            assert q.speaker is None and q.entity_id is None
        elif q.speaker_kind == "unnamed":
            assert q.entity_id is None
        else:
            # a named speaker is an entity that appears in the quote's own article
            assert q.entity_id in by_id
            assert q.article_id in by_id[q.entity_id].articles
            assert q.speaker == by_id[q.entity_id].name
        if q.speaker and any(w in q.speaker.lower().split()[1:2] for w in unnamed_words):
            assert q.speaker_kind == "unnamed"
        if q.speaker and q.speaker_kind == "unnamed":
            assert q.speaker.lower() in texts[q.article_id].lower()
    assert any(q.speaker_kind == "unnamed" for q in quotes)
    assert any(q.speaker_kind == "named" for q in quotes)
    assert any(not q.direct for q in quotes)


def test_bare_plural_sources_and_said_without_that() -> None:
    qs = _quotes(
        INTRO + "Prosecutors said the money was moved through three accounts.\n\n"
        "Lang said the piers had not been inspected since 2015.\n\n"
        "Torres said in a radio interview on Friday."
    )
    q = _one(qs, "the money was moved")
    assert (q.speaker, q.speaker_kind, q.direct) == ("prosecutors", "unnamed", False)
    q = _one(qs, "the piers had not")
    assert (q.speaker, q.verb, q.direct) == ("Peter Lang", "said", False)
    assert not [q for q in qs if "radio interview" in q.text]


def test_the_source_refers_back_to_a_described_source() -> None:
    qs = _quotes(
        INTRO + "A source close to the investigation said the fire began in the loading bay.\n\n"
        '"That area is the first place they are looking at," the source said.'
    )
    q = _one(qs, "That area")
    assert (q.speaker, q.speaker_kind) == ("a source close to the investigation", "unnamed")


def test_role_words_before_a_named_speaker() -> None:
    qs = _quotes(
        INTRO + '"We had to fight the fire from outside the building," said chief fire '
        "officer Maria Torres."
    )
    assert _one(qs, "We had to fight").speaker == "Maria Torres"


def test_transcript_turns_are_quotes_of_the_labelled_speaker() -> None:
    qs = _quotes(
        INTRO + "Here is the exchange at the briefing:\n\n"
        "REPORTER: Will the bridge open before winter? TORRES: No. The piers are cracked, "
        "and we will not rush it.\n\n"
        "LANG: I agree with the mayor."
    )
    q = _one(qs, "No. The piers")
    assert q.text == "No. The piers are cracked, and we will not rush it."
    assert (q.speaker, q.speaker_kind, q.direct) == ("Maria Torres", "named", True)
    assert q.entity_id is not None
    assert _one(qs, "Will the bridge").speaker_kind == "unnamed"
    assert _one(qs, "I agree").speaker == "Peter Lang"


def test_turns_labelled_with_names_as_written_are_quotes_of_those_people() -> None:
    qs = _quotes(
        INTRO + "Torres: We closed it within the hour. The piers are cracked.\n\n"
        "Lang: I checked every weld myself. And I said, \"This one will not hold.\"\n\n"
        "Update: The bridge stays shut until spring."
    )
    assert _one(qs, "We closed it within").speaker == "Maria Torres"
    assert _one(qs, "This one will not hold").speaker == "Peter Lang"  # "I said" in his turn
    assert not [q for q in qs if q.text.startswith("The bridge stays shut")]  # no person


def test_a_single_capital_label_is_a_dateline_not_a_speaker() -> None:
    qs = _quotes("NEW DELHI: The government approved the bridge budget on Monday.")
    assert qs == []


def test_reported_speech_attributed_at_the_end_of_its_sentence() -> None:
    quotes = _quotes(
        "TARROW — The pier at Tarrow will stay shut for at least two weeks, port officials "
        "said on Monday. Engineer Tomas Brandvik runs the survey. The deck was "
        "undermined by the storm surge, Brandvik said. Crews will work through the weekend, "
        "he added. More than 40 boats were moved out of the marina, said a spokesperson for "
        "the coastguard. The marina reopened in 2019, which officials say cost far more than "
        "the town had planned."
    )
    pier = _one(quotes, "The pier at Tarrow will stay shut")  # the dateline is not speech
    assert (pier.speaker_kind, pier.direct, pier.verb) == ("unnamed", False, "said")
    assert pier.speaker == "port officials"
    deck = _one(quotes, "The deck was undermined")
    assert (deck.speaker, deck.speaker_kind) == ("Tomas Brandvik", "named")
    assert _one(quotes, "Crews will work through").speaker == "Tomas Brandvik"  # "he added"
    boats = _one(quotes, "More than 40 boats")
    assert boats.speaker == "a spokesperson for the coastguard"
    # a relative clause after the comma is no attribution
    assert not [q for q in quotes if q.text.startswith("The marina reopened")]


def test_the_company_is_the_company_the_article_is_about() -> None:
    quotes = _quotes(
        "Veldmark Robotics will close its Lisbon plant, the Lisbon Fire Service and the "
        "company confirmed. Veldmark Robotics employs 900 people there. The Lisbon Fire "
        "Service inspected the site on Monday. Workers will be offered jobs at other sites, "
        "the company said. Analyst Helena Carvalho of Tagus Analytics said the closure had been "
        "expected for months."
    )
    offer = _one(quotes, "Workers will be offered jobs")
    # not the fire service, named last: a public body is never "the company"
    assert (offer.speaker, offer.speaker_kind) == ("Veldmark Robotics", "named")
    # the analyst of the firm speaks, not the firm
    assert _one(quotes, "the closure had been expected").speaker == "Helena Carvalho"


def test_a_firm_that_adds_staff_is_not_speaking() -> None:
    quotes = _quotes(
        "Veldmark Robotics added hundreds of engineers during the boom, when orders grew fast."
    )
    assert quotes == []


def test_reported_clause_may_open_on_a_pronoun() -> None:
    quotes = _quotes(
        "Judge Amara Okafor said he would be sentenced on March 3. Mayor Lena Brandt said "
        "she will ask the state for help. Investigators said they found the car in a lake."
    )
    assert _one(quotes, "he would be sentenced").speaker == "Amara Okafor"
    assert _one(quotes, "she will ask the state").speaker == "Lena Brandt"
    assert _one(quotes, "they found the car").speaker == "investigators"


def test_they_is_the_group_that_spoke_just_before() -> None:
    quotes = _quotes(
        "Investigators said the transfers were made to look like payments to suppliers. Some "
        "of the money went on a boat in Split, they said.\n\nThe mayor left early. Later that "
        "evening the harbour was quiet. The ferries ran late all week because of the strike, "
        "and the cafes on the quay stayed shut until Friday. Nobody knew when it would end. "
        "The council met twice and decided nothing, which angered the traders on the quay. The "
        "strike will go on until the spring, they said."
    )
    assert _one(quotes, "Some of the money went on a boat").speaker == "investigators"
    # far from any group that spoke, "they" stays unresolved rather than guessed
    assert not [q for q in quotes if q.text.startswith("The strike will go on")]


def test_a_few_quoted_words_inside_reported_speech_stay_part_of_it() -> None:
    quotes = _quotes(
        'His lawyer, Dana Whitcombe, said outside court that her client was "deeply '
        'disappointed" and would consider an appeal. The returning officer, Gwen Tallis, '
        "told reporters that 58 ballot papers had been rejected. Vet Ana Reyes said the "
        "animals that were refloated looked strong."
    )
    appeal = _one(quotes, "her client was")
    assert (appeal.speaker, appeal.direct) == ("Dana Whitcombe", False)
    assert "would consider an appeal" in appeal.text
    # the two quoted words are not a second record of the same speech
    assert len([q for q in quotes if "deeply" in q.text]) == 1
    # the role first, then the name
    assert _one(quotes, "58 ballot papers").speaker == "Gwen Tallis"
    # a relative "that" is part of what was said
    assert _one(quotes, "the animals that were refloated").speaker == "Ana Reyes"


def test_the_court_heard_is_speech_and_other_hearing_is_not() -> None:
    quotes = _quotes(
        "The trial opened at Westmoor Crown Court on Monday. The court heard that £1.8 million "
        "went missing from council accounts. Some of the money was spent on a holiday home, "
        "the court heard. Residents heard the news on the radio that evening."
    )
    missing = _one(quotes, "£1.8 million went missing")
    assert missing.speaker == "Westmoor Crown Court"
    assert _one(quotes, "Some of the money was spent").speaker == "Westmoor Crown Court"
    assert not [q for q in quotes if "radio" in q.text]


def test_said_a_person_of_an_organisation_is_the_person() -> None:
    quotes = _quotes(
        '"Companies should not wait for people to get burned before they act," said Oliver '
        "Brandt of the Shoppers' Rights Network."
    )
    assert _one(quotes, "Companies should not wait").speaker == "Oliver Brandt"


def test_police_and_authorities_speak_and_announcing_job_losses_is_not_speech() -> None:
    quotes = _quotes(
        "Police said the driver was arrested on Friday. Authorities said the road would reopen "
        "on Monday. Rival firms have announced similar job losses in recent months. Police "
        "cars lined the street for hours."
    )
    assert _one(quotes, "the driver was arrested").speaker == "police"
    assert _one(quotes, "the road would reopen").speaker == "authorities"
    assert len(quotes) == 2


def test_a_speaker_with_a_relative_clause_is_its_head() -> None:
    quotes = _quotes(
        "Local businesses that supply the plant said they were worried about the shutdown. One "
        "support worker, who asked not to be named, said staff had trained the new software."
    )
    assert _one(quotes, "they were worried").speaker == "local businesses"
    assert _one(quotes, "staff had trained").speaker == "one support worker"


def test_only_told_takes_a_listener() -> None:
    quotes = _quotes(
        "Priya Lakhani, a nurse, said her trip had grown by half an hour. Mayor Ann Cole said "
        "Brightwater had not replied. Ann Cole told reporters the bridge was safe."
    )
    # "her" and "Brightwater" open what was said; after "told", "reporters" is the listener
    assert _one(quotes, "her trip had grown").speaker == "Priya Lakhani"
    assert _one(quotes, "Brightwater had not replied").speaker == "Ann Cole"
    safe = _one(quotes, "the bridge was safe")
    assert safe.verb == "told reporters"


def test_reported_speech_with_appositives_and_attribution_between_commas() -> None:
    qs = _quotes(
        "The Kestrel Valley Water Authority (KVWA) closed the reservoir on Monday. Divers "
        "examined the dam wall on Sunday and found no cracks, said Jordi Pascual, director of "
        "the Kestrel Valley port. Its vice-chair, Orla Brannock, said the figures would be sent "
        "to the minister each week. Liam Costigan, 34, from Carrickmoyle, said he had been "
        "boiling his water since May.\n\n"
        "Supplies first ran short in March, the KVWA said, when the pumps began to fail. "
        "No other supplier has been approved, officials said, and it could take months to "
        "find one. The reservoir will reopen in June, the authority said. Inspectors said that "
        "the pumps had not been serviced for years."
    )
    assert _one(qs, "Divers examined").speaker == "Jordi Pascual"
    assert _one(qs, "the figures would be sent").speaker == "Orla Brannock"
    assert _one(qs, "he had been boiling").speaker == "Liam Costigan"
    mid = _one(qs, "Supplies first ran short")
    assert mid.speaker == "Kestrel Valley Water Authority"  # the acronym is the authority
    officials = _one(qs, "No other supplier")
    assert officials.speaker == "officials" and "take months" in officials.text
    assert _one(qs, "The reservoir will reopen").speaker == "Kestrel Valley Water Authority"
    assert _one(qs, "the pumps had not been serviced").speaker == "inspectors"


def test_a_clause_after_a_comma_is_not_an_attribution() -> None:
    qs = _quotes(
        "The pumps failed in March, which engineers say can happen after a dry winter. "
        "Repairs began, the company said it would pay for them."
    )
    assert not [q for q in qs if q.text.startswith("The pumps failed")]


def test_a_quote_after_reported_speech_continues_its_speaker() -> None:
    qs = _quotes(
        "Liam Costello, 34, from Carrickmoyle, said he had been rationing his tablets since "
        "May. “I take one a day instead of two. I know it is dangerous.”\n\n"
        "Kerry Blanchford, whose two sons attend the school, said the news had come as a "
        "shock.\n\n"
        '"Our children deserve better than this. Nobody told us," she said.\n\n'
        "Superintendent Mark Fenley of the Greystone Hills Forest said crews were fighting "
        'on three fronts. "We\'ll go back next year," Mrs Whitcombe joked.'
    )
    assert _one(qs, "I take one a day").speaker == "Liam Costello"
    assert _one(qs, "Our children deserve").speaker == "Kerry Blanchford"
    assert _one(qs, "crews were fighting").speaker == "Mark Fenley"  # not the forest
    assert _one(qs, "We'll go back").verb == "joked"


def test_according_to_people_somewhere_and_a_service_district() -> None:
    qs = _quotes(
        "The Marrow Valley Fire District sent six crews to the ridge on Monday.\n\n"
        "Several passengers were still wearing life jackets when they came ashore, according "
        "to witnesses at the quay. The fire had burned 9,000 acres by Wednesday morning, "
        "according to the Marrow Valley Fire District."
    )
    assert _one(qs, "Several passengers").speaker == "witnesses at the quay"
    district = _one(qs, "The fire had burned")
    assert district.speaker == "Marrow Valley Fire District" and district.speaker_kind == "named"


def test_a_title_or_company_period_does_not_end_the_attribution() -> None:
    qs = _quotes(
        INTRO + '"Right now we have no plans to reopen the bridge," Riverton Cmdr. Andy Hale '
        "said on Monday.\n\n"
        '"The steel is sound," structural expert Nina Kroll of Brent, Fairley and Sons Inc. '
        "told the Riverton Post."
    )
    assert _one(qs, "Right now").speaker == "Andy Hale"
    assert _one(qs, "The steel is sound").speaker == "Nina Kroll"


def test_a_long_description_before_the_verb_names_its_person_not_a_linked_one() -> None:
    qs = _quotes(
        INTRO + '"The cables are fine," a retired engineer who once worked for Peter Lang at '
        "the county told reporters.\n\n"
        '"The deck is not," veteran bridge inspector and county adviser Sara Quill of the '
        "roads office said."
    )
    assert _one(qs, "The cables").speaker != "Peter Lang"
    assert _one(qs, "The deck is not").speaker == "Sara Quill"


def _parsed_quotes(*texts: str) -> list[Quote]:
    """Quotes read with the shared spaCy parse, as the brief reads them."""
    from storyweave.brief import prepare
    from storyweave.text.annotate import annotate

    arts = [Article(f"a{i}", f"Outlet {i}", "", t, raw=t) for i, t in enumerate(texts)]
    kept, sents, _ = prepare(arts)
    ann = annotate(kept, sents)
    return find_quotes(kept, sents, find_entities(kept, sents, annotations=ann), ann)


def test_he_follows_a_chain_of_he_back_to_the_named_subject() -> None:
    qs = _parsed_quotes(
        "Mr Gary Wilson described the climb at the inquest held by John Gittins, the coroner.\n\n"
        "He said his wife went a short distance ahead of him to look for a route.\n\n"
        "“I asked her if it was safe and we said we would only go if we both agreed,” he said."
    )
    assert _one(qs, "I asked her").speaker == "Gary Wilson"


def test_his_girlfriend_comma_name_is_a_woman() -> None:
    qs = _quotes(
        "Neighbour Tom Reyes ran up the hill. He turned to his girlfriend, Amber, a lifeguard.\n\n"
        '"She told me to grab her rubber gloves and press on the wound," he said.'
    )
    assert _one(qs, "She told me").speaker == "Tom Reyes"


def test_an_attribution_does_not_reach_into_the_next_paragraph() -> None:
    qs = _parsed_quotes(
        "“Due to the nature of mobile devices, we encourage customers to carry a paper map.”\n\n"
        "Chris Lloyd, of the Ogwen rescue team, described the route as difficult."
    )
    q = _one(qs, "Due to the nature")
    assert q.speaker is None and q.speaker_kind == "unresolved"


def test_a_quote_paragraph_goes_on_with_the_speaker_that_closed_the_paragraph_before() -> None:
    qs = _quotes(
        INTRO + "Lang added that the north pier had moved by four centimetres since May.\n\n"
        '"There are cracks you could put your hand in, right at the top of the pier."\n\n'
        "The bridge carried 20,000 cars a day.\n\n"
        '"Nobody should have been allowed across it for at least a year."'
    )
    assert _one(qs, "There are cracks").speaker == "Peter Lang"
    assert _one(qs, "Nobody should have").speaker_kind == "unresolved"


def test_a_quote_after_a_sentence_about_a_person_is_that_persons() -> None:
    qs = _parsed_quotes(
        "Lawyer Jeff Herman has filed four suits in two weeks.\n\n"
        "Herman shakes his head. “I’m just saying go with your gut, go with caution.”"
    )
    assert _one(qs, "I’m just saying").speaker == "Jeff Herman"


def test_any_verb_after_a_comma_quote_attributes_it() -> None:
    qs = _parsed_quotes(
        "Campaign lawyer Michael Cohen spoke to anchor Brianna Keilar on Tuesday.\n\n"
        '"The polls are wrong about this race, and you know it," Cohen fired back.\n\n'
        'Keilar: "Polls. Most of them. All of them show you behind."'
    )
    assert _one(qs, "The polls are wrong").speaker == "Michael Cohen"
    assert _one(qs, "Polls. Most of them").speaker == "Brianna Keilar"


def test_a_name_missing_from_the_entities_still_speaks_and_a_withheld_one_is_unnamed() -> None:
    qs = _parsed_quotes(
        "The radio hosts apologised on Monday.\n\n"
        '"We had the idea for a simple harmless call," said Christian.\n\n'
        "A witness, Bo, who did not want to share his last name, described the scene.\n\n"
        '"We were two blocks over when the police cars arrived," Bo said.'
    )
    q = _one(qs, "We had the idea")
    assert (q.speaker, q.speaker_kind) == ("Christian", "named")
    assert _one(qs, "We were two blocks").speaker_kind == "unnamed"


def test_the_fraternity_is_the_one_the_text_called_a_fraternity() -> None:
    qs = _parsed_quotes(
        "Connor Reed played a leading role in the fraternity Alpha Sigma Phi at Bellmont "
        "University.\n\n"
        "“His love for photography showed in every picture he took,” the fraternity wrote."
    )
    q = _one(qs, "His love for")
    assert (q.speaker, q.speaker_kind) == ("Alpha Sigma Phi", "named")


def test_the_company_is_the_one_just_named_over_one_named_more_often_earlier() -> None:
    qs = _parsed_quotes(
        "Thieves took his Porsche from the drive. Police found the Porsche on Tuesday. The "
        "Porsche was burnt out.\n\n"
        "Fabio Rossi served as vice president of education for Velora Labs Inc.\n\n"
        '"We are devastated by this tragedy and he will be sorely missed," the company said.'
    )
    assert _one(qs, "We are devastated").speaker == "Velora Labs Inc."


def test_a_colon_quotes_the_introducing_clauses_subject_whatever_its_verb() -> None:
    qs = _parsed_quotes(
        "The nurse Jacintha Saldanha died on Friday.\n\n"
        "Ben Barboza, her husband, expressed his grief in a post on Facebook: “I am devastated "
        "by the tragic loss of my beloved wife.”"
    )
    assert _one(qs, "I am devastated").speaker == "Ben Barboza"


def test_a_quote_after_a_body_releases_a_statement_is_the_bodys() -> None:
    qs = _parsed_quotes(
        "Martin Richard was a student at the Pope John Paul II Catholic Academy.\n\n"
        "The academy released a statement on Tuesday morning. “Our community is offering every "
        "prayer for the Richard family during this heartbreaking time.”"
    )
    q = _one(qs, "Our community is offering")
    assert q.speaker is not None and "Academy" in q.speaker


def test_a_definite_role_is_the_person_the_text_gave_that_role() -> None:
    qs = _parsed_quotes(
        "Sinn Fein leader Gerry Adams was released on Sunday. Police questioned Martin Doyle "
        "too.\n\n"
        '"I want to make it clear that I support the police service," the Sinn Fein leader '
        "said.\n\n"
        "Sen. Elizabeth Warren questioned the bank chief, John Stumpf, on Tuesday.\n\n"
        '"You should resign and give back the money you took," the senator said.\n\n'
        '"The bank is cooperating with every inquiry," a source said.'
    )
    assert _one(qs, "I want to make it clear").speaker == "Gerry Adams"
    assert _one(qs, "You should resign").speaker == "Elizabeth Warren"
    assert _one(qs, "The bank is cooperating").speaker_kind == "unnamed"


def test_the_researchers_are_the_two_people_the_text_named_together() -> None:
    qs = _parsed_quotes(
        "Forensic anthropologist Matteo Borrini of Liverpool John Moores University and "
        "organic chemist Luigi Garlaschelli of the Italian Committee studied the cloth.\n\n"
        '"The angle between the arm and the body must be greater than 80 degrees," the '
        "researchers wrote in their paper.\n\n"
        '"The stains are not consistent with one pose," the pair added.'
    )
    for start in ("The angle between", "The stains are not"):
        q = _one(qs, start)
        assert q.speaker == "Matteo Borrini and Luigi Garlaschelli" and q.speaker_kind == "named"


def test_a_statement_of_a_named_body_is_the_bodys() -> None:
    qs = _parsed_quotes(
        "Paramedics were sent to the house, the Los Angeles Police Department reported.\n\n"
        '"The paramedics observed a male in the outdoor patio of the residence," a police '
        "statement said.\n\n"
        '"We saw a man run from the gate towards the road," a neighbour said.'
    )
    q = _one(qs, "The paramedics observed")
    assert (q.speaker, q.speaker_kind) == ("Los Angeles Police Department", "named")
    assert _one(qs, "We saw a man").speaker_kind == "unnamed"


def test_his_favourite_quote_is_his_own_words() -> None:
    qs = _parsed_quotes(
        "Fabio Sementilli mentored thousands of hairdressers. He was always there with advice.\n\n"
        "His favorite quote was his own: “Being a leader is not about age; instead, it’s all "
        "about attitude toward others.”"
    )
    assert _one(qs, "Being a leader").speaker == "Fabio Sementilli"


def test_said_in_a_statement_that_reports_the_clause_after_that() -> None:
    qs = _parsed_quotes(
        "Fabio Sementilli served as vice president of education for Coty Inc.\n\n"
        "The company said in a statement that he was an icon in the industry."
    )
    q = _one(qs, "he was an icon")
    assert q.speaker == "Coty Inc." and not q.direct


def test_police_say_and_cautioned_that_report_speech() -> None:
    qs = _parsed_quotes(
        "Police say the shooting may be connected to an armed robbery hours earlier.\n\n"
        "Bloodstain expert Jonathyn Priest praised the study. However, Priest cautioned that "
        "the conclusions were based on body parts held in a fixed position.\n\n"
        "The minister stressed the need for calm."
    )
    q = _one(qs, "the shooting may be")
    assert q.speaker_kind == "unnamed" and not q.direct
    assert _one(qs, "the conclusions were").speaker == "Jonathyn Priest"
    assert not [q for q in qs if "the need for calm" in q.text]


def test_saying_reports_for_the_sentences_subject() -> None:
    qs = _parsed_quotes(
        "Shareholders once praised the mining company Xstrata for its pay policy.\n\n"
        "The vote results were announced at an occasionally mutinous annual general meeting in "
        "London, where several shareholders publicly criticised the pay increase. Royal London "
        "Asset Management said the vote was extraordinary and showed a lack of discretion by "
        "the board. Some investors said the head of the committee would have to go.\n\n"
        "Investors voted against the pay of the Calder Petroleum PLC chief executive on "
        "Thursday. Calder Petroleum PLC has already paid him. The company defended the pay "
        "rise, saying he had met every one of the targets he had been set."
    )
    q = _one(qs, "he had met every one")
    assert q.speaker == "Calder Petroleum PLC" and not q.direct


def test_people_by_who_they_are_and_a_places_detectives_are_unnamed_sources() -> None:
    qs = _quotes(
        "Two gunmen opened fire on a family buying a car in Kansas City.\n\n"
        "The teen told police that the gunmen pointed their weapons at his mother.\n\n"
        "Kansas City robbery detectives said Thursday they were working on both cases.\n\n"
        "Victims of Crime Support Services said the family had asked for help."
    )
    q = _one(qs, "the gunmen pointed")
    assert (q.speaker, q.speaker_kind) == ("the teen", "unnamed")
    q = next(q for q in qs if "they were working" in q.text)
    assert q.speaker_kind == "unnamed" and q.speaker == "Kansas City robbery detectives"


def test_the_reported_words_before_a_mid_sentence_attribution_are_the_speakers() -> None:
    qs = _quotes(
        "Forensic anthropologist Matteo Borrini studied the cloth.\n\n"
        "If it were the death shroud of a man hung on a cross, Borrini said, “the bloodstains "
        "shouldn’t be so inconsistent.”"
    )
    q = _one(qs, "If it were the death shroud")
    assert q.speaker == "Matteo Borrini" and not q.direct
    assert _one(qs, "the bloodstains").speaker == "Matteo Borrini"


def test_news_accounts_are_an_unnamed_source() -> None:
    qs = _quotes(
        "Two gunmen opened fire on a family buying a car.\n\n"
        "Some news accounts said the robbers stole the family's vehicle, which was not found."
    )
    q = _one(qs, "the robbers stole")
    assert (q.speaker, q.speaker_kind) == ("some news accounts", "unnamed")


def test_an_unattributed_quote_takes_the_speaker_another_outlet_names() -> None:
    words = "We will rebuild the harbour wall before the winter storms arrive"
    quotes = _quotes(
        f'The council met on Monday.\n\n"{words}," said Mayor Lena Ortiz.',
        f'The plan was approved on Monday.\n\n"{words}."\n\nThe vote was unanimous.',
    )
    assert [q.speaker for q in quotes if q.text.startswith("We will")] == ["Lena Ortiz"] * 2


def test_a_short_shared_quote_is_not_borrowed() -> None:
    quotes = _quotes(
        'The council met on Monday.\n\n"Not before the storms, no," said Mayor Lena Ortiz.',
        'The plan was shelved on Monday.\n\n"Not before the storms, no."\n\nThe vote was unanimous.',
    )
    assert {q.article_id: q.speaker for q in quotes if q.text.startswith("Not before")} == {
        "a1": "Lena Ortiz",
        "a2": None,
    }


def test_quoted_as_saying_reports_the_subjects_words() -> None:
    q = _one(
        _quotes(
            "Paul Renner runs the city's finances.\n\n"
            "Paul Renner was quoted as saying the budget would double next year."
        ),
        "the budget",
    )
    assert q.speaker == "Paul Renner" and not q.direct


def test_a_second_speech_verb_the_copy_left_in_is_not_part_of_the_speaker() -> None:
    # an edit left two verbs: 'said the inspector declared'
    qs = _quotes(
        INTRO + '"The cable will not hold another winter," said the chief inspector declared.'
    )
    assert _one(qs, "The cable will not").speaker == "the chief inspector"


def test_a_quoted_title_is_no_one_s_words() -> None:
    qs = _parsed_quotes(
        'Dana Quill spoke on Friday. The singer and "Harbour Lights Forever" actress explained '
        'her stance at length. In the 1992 "Star Voyage: The Long Crossing" episode, the ship docks. '
        '"We will not back down," Quill said. "MOST OF THE PIER WILL BE CLOSED," the notice read.'
    )
    texts = [q.text for q in qs]
    assert not [t for t in texts if "Harbour Lights" in t or "Star Voyage" in t]
    assert any(t.startswith("We will not back down") for t in texts)
    assert any(t.startswith("MOST OF THE PIER") for t in texts)
