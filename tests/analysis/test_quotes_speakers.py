"""Who said what on harder real-news shapes: full names, roles and documents that name a body,
names apposed to a role, and Q&A initials. Invented articles and entity tables."""

from __future__ import annotations

from storyweave.analysis.entities import find_entities
from storyweave.analysis.quotes import find_quotes
from storyweave.analysis.speakers import FullNames, initials_match
from storyweave.model import Article, Entity, Mention, Quote


def _entity(eid: str, name: str, kind: str, *variants: str, mentions: int = 1) -> Entity:
    ms = tuple(Mention("a1", 0, i, i + 1, name) for i in range(mentions))
    return Entity(eid, name, kind, (name, *variants), ms)  # type: ignore[arg-type]


TABLE = [
    _entity("tom", "Tom", "person", "Tom Tangney"),
    _entity("lewis", "Lewis", "person"),
    _entity("mike", "Mike Lewis", "person"),
    _entity("brown", "Mike Brown", "person", "Dr Mike Brown", "Brown"),
    _entity("united", "United", "organization", mentions=30),
    _entity("ua", "United Airlines", "organization", mentions=5),
    _entity("ue", "United Express", "organization", mentions=2),
    _entity("us", "United States", "place", mentions=40),
    _entity("george", "George", "person"),
    _entity("gmu", "George Mason University", "organization"),
]


def test_a_short_name_takes_the_full_name_the_story_gives() -> None:
    names = FullNames(TABLE)
    assert names.full("Tom", "tom") == ("Tom Tangney", "tom")  # its own longer form
    assert names.full("Lewis", "lewis") == ("Mike Lewis", "mike")  # a given name before
    assert names.full("United", "united") == ("United Airlines", "ua")  # the most named one


def test_a_title_a_place_or_an_institution_is_no_fuller_name() -> None:
    names = FullNames(TABLE)
    assert names.full("Mike Brown", "brown") == ("Mike Brown", "brown")  # not "Dr Mike Brown"
    assert names.full("George", "george") == ("George", "george")
    assert names.full("Kim", None) == ("Kim", None)  # nothing to add


def test_two_equally_likely_full_names_keep_the_short_one() -> None:
    table = [
        _entity("j", "Jordan", "person"),
        _entity("a", "Jordan Hale", "person"),
        _entity("b", "Jordan Pike", "person"),
    ]
    assert FullNames(table).full("Jordan", "j") == ("Jordan", "j")


def test_initials_of_a_qa_label_name_the_person_of_that_article() -> None:
    elsewhere = (Mention("a2", 0, 0, 1, "Mary Black"),)  # same initials, another article
    table = [
        _entity("mb", "Michael Brown", "person", mentions=3),
        Entity("mx", "Mary Black", "person", ("Mary Black",), elsewhere),
    ]
    got = initials_match("MB", table, "a1")
    assert got is not None and got.name == "Michael Brown"
    assert initials_match("WP", table, "a1") is None
    assert initials_match("MBXY", table, "a1") is None


def _quotes(*texts: str) -> list[Quote]:
    """Quotes read with the shared spaCy parse, as the brief reads them."""
    from storyweave.brief import prepare
    from storyweave.text.annotate import annotate

    arts = [Article(f"a{i}", f"Outlet {i}", "", t, raw=t) for i, t in enumerate(texts)]
    kept, sents, _ = prepare(arts)
    ann = annotate(kept, sents)
    return find_quotes(kept, sents, find_entities(kept, sents, annotations=ann), ann)


def _entities(text: str) -> list[Entity]:
    """The entity table of one article, read with the shared parse."""
    from storyweave.brief import prepare
    from storyweave.text.annotate import annotate

    kept, sents, _ = prepare([Article("a0", "Outlet", "", text, raw=text)])
    return find_entities(kept, sents, annotations=annotate(kept, sents))


def _one(quotes: list[Quote], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert len(hits) == 1, (start, quotes)
    return hits[0]


def test_qa_turns_under_initials_are_the_interviewees() -> None:
    qs = _quotes(
        "The astronomer Michael Brown spoke to the Riverton Post about the dwarf planet.\n\n"
        "RP: When did you first see the object in your data?\n\n"
        "MB: Within fifteen seconds of looking at the images that night.\n\n"
        "RP: Any regrets about the name you gave it?\n\n"
        "MB: None at all, it was a happy accident of the early days."
    )
    for start in ("Within fifteen seconds", "None at all"):
        q = _one(qs, start)
        assert (q.speaker, q.speaker_kind) == ("Michael Brown", "named")


def test_a_role_apposed_to_a_name_is_that_name() -> None:
    qs = _quotes(
        "A study of 9,500 patients was published on Wednesday by Dr. Nadia Okafor and Pell "
        "University.\n\n"
        '"It is important to keep the weight off," said the lead author, Dr. Nadia Okafor, a '
        "professor of medicine.\n\n"
        "The hospital board chairman is Simon Arbuthnot.\n\n"
        '"The hospital cares for sick people and the call was foolish," wrote the chairman, '
        "Simon Arbuthnot.\n\n"
        '"He deserves the harshest penalty," the prosecutor, Mustafa Suleiman, told the court.'
    )
    assert _one(qs, "It is important").speaker == "Nadia Okafor"
    assert _one(qs, "The hospital cares").speaker == "Simon Arbuthnot"
    q = _one(qs, "He deserves")
    assert (q.speaker, q.speaker_kind) == ("Mustafa Suleiman", "named")


def test_the_agency_and_the_school_are_the_bodies_the_article_named() -> None:
    qs = _quotes(
        "The EPA fined the builder Harlow Homes on Tuesday for lead paint violations.\n\n"
        '"Renovations at 33 properties broke the rules," the agency said.\n\n'
        "Martin Richard was a student at Saint Brigid Catholic Academy. The school released a "
        "statement on Tuesday.\n\n"
        '"Our community is offering every prayer for the Richard family," the school said.'
    )
    q = _one(qs, "Renovations at 33")
    assert (q.speaker, q.speaker_kind) == ("EPA", "named")
    q = _one(qs, "Our community")
    assert q.speaker_kind == "named" and q.speaker is not None and "Academy" in q.speaker


def test_a_generic_agency_without_a_named_one_stays_unnamed() -> None:
    qs = _quotes(
        "Harlow Homes was fined on Tuesday for lead paint violations at its sites.\n\n"
        '"Renovations at 33 properties broke the rules," the agency said.'
    )
    assert _one(qs, "Renovations at 33").speaker_kind == "unnamed"


def test_the_statement_and_the_report_are_those_the_article_named() -> None:
    qs = _quotes(
        "In a statement, the station's owner, Harbour Radio Group, said it had ended the show "
        "and suspended all prank calls.\n\n"
        '"The company does not consider that the broadcast breached any law," the statement '
        "said.\n\n"
        "The EPA fined the builder Harlow Homes.\n\n"
        "According to the EPA report, footage of the renovations was viewed by inspectors.\n\n"
        '"During and after the broadcast of that episode," the report continues, the owner '
        '"sought to amplify the message about lead paint."'
    )
    q = _one(qs, "The company does not consider")
    assert (q.speaker, q.speaker_kind) == ("Harbour Radio Group", "named")
    q = _one(qs, "During and after")
    assert (q.speaker, q.speaker_kind) == ("EPA", "named")


def test_a_surname_the_entity_table_missed_still_takes_the_pronoun() -> None:
    qs = _quotes(
        "The radio hosts Mel Greig and Michael Christian apologised on Monday.\n\n"
        '"Nothing can make me feel worse," Greig said on the evening show.\n\n'
        "Christian told another programme the prank had become a tragedy.\n\n"
        '"I am still trying to make sense of it all," he said.'
    )
    assert _one(qs, "I am still trying").speaker == "Michael Christian"


def test_a_relative_named_by_a_given_name_takes_the_family_name() -> None:
    qs = _quotes(
        "Ronald Goldman was killed in 1994. In a 2014 interview, Goldman's sister Kim said the "
        "family has collected less than 1 percent of the judgment.\n\n"
        "Krystle Campbell died at the finish line on Monday. Campbell's grieving mother, "
        "Patricia, spoke briefly from the front steps of their home.\n\n"
        '"Everybody that knew her loved her," she said.'
    )
    assert _one(qs, "the family has collected").speaker == "Kim Goldman"
    assert _one(qs, "Everybody that knew her").speaker == "Patricia Campbell"


def test_a_headline_quoting_the_article_takes_its_speaker() -> None:
    qs = _quotes(
        'Teacher "just would not give up on me"\n\n'
        "Cruz Riojas met Linda Hooper in 1979 at Brown Elementary School.\n\n"
        '"I saw that she just would not give up on me," Riojas said on Tuesday.'
    )
    q = _one(qs, "just would not give up on me")
    assert (q.speaker, q.speaker_kind) == ("Cruz Riojas", "named")


def test_he_said_after_a_reported_clause_is_that_clauses_subject() -> None:
    qs = _quotes(
        "Donald Trump spoke to reporters on Thursday. His former nominee, Andrew Puzder, "
        "withdrew on Wednesday.\n\n"
        "Trump has ordered the Pentagon to submit a plan, he said, noting that the defence "
        'secretary is "over there now working very hard."'
    )
    assert _one(qs, "over there now").speaker == "Donald Trump"


def test_a_colon_closing_the_paragraph_before_introduces_the_quote() -> None:
    qs = _quotes(
        "Producer Gary Goddard was named in a second lawsuit on Monday.\n\n"
        "Goddard's lawyers responded on Monday with a longer statement:\n\n"
        '"Gary Goddard vehemently denies the extremely serious and false allegations made '
        'against him."'
    )
    q = _one(qs, "Gary Goddard vehemently")
    assert q.speaker_kind == "unnamed" and q.speaker is not None and "lawyers" in q.speaker


def test_officials_of_a_named_office_speak_for_it() -> None:
    qs = _quotes(
        "The Humboldt County Sheriff's Office listed Bekah Martinez as missing in December.\n\n"
        "Sheriff's officials said they were still unable to contact the woman on Friday."
    )
    q = _one(qs, "they were still unable")
    assert (q.speaker, q.speaker_kind) == ("Humboldt County Sheriff's Office", "named")


def test_texted_and_reported_attribute_their_quotes() -> None:
    qs = _quotes(
        "Walter Huang died in the crash in March. His brother, Will Huang, spoke to reporters.\n\n"
        'Will Huang texted us, "That barrier should have saved my brother\'s life."\n\n'
        "The Riverton Times reported on Sunday that the council presented a plan "
        '"that would be more generous to drivers than any ever adopted by the city."'
    )
    assert _one(qs, "That barrier should").speaker == "Will Huang"
    q = _one(qs, "that would be more generous")
    assert q.speaker_kind == "named" and q.speaker is not None and "Times" in q.speaker


def test_the_president_is_the_one_the_article_is_about() -> None:
    qs = _quotes(
        "President Helen Marsh held a news conference on Thursday. Marsh defended her record "
        "and Marsh attacked the press.\n\n"
        "By most measures, President Tom Arden left a weaker economy behind in 2009.\n\n"
        'When a reporter corrected her, the president said: "Well, I was given that '
        'information."'
    )
    assert _one(qs, "Well, I was given").speaker == "Helen Marsh"


def test_a_title_with_a_period_after_the_verb_does_not_cut_the_name() -> None:
    from storyweave.analysis.quotes.marks import _name_end

    text = "said Sen. Chuck Schumer (D-N.Y.), a close ally, and said Dr. J. Sims. Then"
    assert text[5 : _name_end(text, 5, len(text))].startswith("Sen. Chuck Schumer (D")
    lo = text.index("Dr.")
    assert text[lo : _name_end(text, lo, len(text))] == "Dr. J. Sims"


def test_he_right_after_a_named_speakers_quote_is_that_speaker() -> None:
    qs = _quotes(
        "Wells Fargo CEO John Stumpf faced the Senate banking committee on Tuesday. Carrie "
        "Tolstedt, the executive who ran the retail bank, retired in July.\n\n"
        'Senator Jane Warren asked Stumpf, "Is cross-selling about the stock price?"\n\n'
        '"No," the executive answered. "Cross-selling is shorthand for deepening '
        'relationships," he continued.'
    )
    assert _one(qs, "Cross-selling is shorthand").speaker == "John Stumpf"


def test_a_description_by_age_is_the_person_just_quoted() -> None:
    qs = _quotes(
        "David Sorkin said his son Kieran had waited years for the operation.\n\n"
        '"This will boost his confidence no end," Sorkin said. The 44-year-old IT manager '
        'added: "It has been heart-wrenching for us all along."'
    )
    assert _one(qs, "It has been heart-wrenching").speaker == "David Sorkin"


def test_the_person_of_a_body_speaks_not_the_body() -> None:
    qs = _quotes(
        "Israeli strikes have also hit dozens of homes in Gaza this month.\n\n"
        "Mahmoud Abu Rahma of the Palestinian human rights group Al Mezan said nearly half of "
        "the people killed so far died in their homes.\n\n"
        "John Bridges, a planetary scientist at Leicester University, who works on the rover "
        "mission, said Mars was surely habitable in the distant past."
    )
    assert _one(qs, "nearly half of").speaker == "Mahmoud Abu Rahma"
    assert _one(qs, "Mars was surely").speaker == "John Bridges"


def test_the_un_chief_is_the_person_the_sentence_before_is_about() -> None:
    qs = _quotes(
        "A shell hit a school in Jebaliya on Wednesday, killing 17 people.\n\n"
        "Secretary-General Ban Ki-moon condemned the shelling on Thursday.\n\n"
        '"Nothing is more shameful than attacking sleeping children," the U.N. chief said.\n\n'
        "The regulator's chairman, Chris Chapman, said the board would meet on Monday."
    )
    assert _one(qs, "Nothing is more shameful").speaker == "Ban Ki-moon"
    assert _one(qs, "the board would meet").speaker == "Chris Chapman"


def test_he_said_after_someones_reported_words_is_that_someone() -> None:
    qs = _quotes(
        "Police officer Todd Joyce said the woman was found unharmed in the trunk on Sunday. "
        "Her boyfriend, Nicholas Mattevi, was arrested around 5 a.m. on Sunday.\n\n"
        "Mattevi has since been released from jail, according to Joyce. He said it was not "
        "clear whether Mattevi had obtained a lawyer."
    )
    assert _one(qs, "it was not clear").speaker == "Todd Joyce"


def test_says_before_the_name_and_the_quote_attributes_it() -> None:
    qs = _quotes(
        "Geronimo Villanueva and his co-authors measured water on Mars.\n\n"
        'In practice, says Villanueva, "it probably would have formed an ocean in the north."'
    )
    assert _one(qs, "it probably would have").speaker == "Geronimo Villanueva"


def test_according_to_that_closed_the_sentence_before_does_not_take_the_next_quote() -> None:
    qs = _quotes(
        "Andrew Wyatt spoke for Bill Cosby outside the court in Norristown on Tuesday.\n\n"
        '"They persecuted Jesus and look what happened," he said, according to CNN. "Not '
        'saying Mr. Cosby is Jesus, but we know what this country has done."'
    )
    assert _one(qs, "Not saying Mr. Cosby").speaker == "Andrew Wyatt"


def test_a_surname_of_two_people_takes_a_full_name_only_when_one_clearly_leads() -> None:
    table = [
        _entity("t", "Trump", "person", mentions=4),
        _entity("dt", "Donald Trump", "person", mentions=10),
        _entity("it", "Ivanka Trump", "person", mentions=2),
        _entity("b", "Brown", "person"),
        _entity("nb", "Nicole Brown", "person", mentions=3),
        _entity("mb", "Michael Brown", "person", mentions=2),
    ]
    names = FullNames(table)
    assert names.full("Trump", "t") == ("Donald Trump", "dt")
    assert names.full("Brown", "b") == ("Brown", "b")


def test_a_statement_released_by_a_body_is_the_bodys_and_so_is_the_statement() -> None:
    qs = _quotes(
        "Defense Secretary Chuck Hagel spoke with his Israeli counterpart on Wednesday.\n\n"
        "Hagel reiterated support for Israel's right to defend itself, according to a statement "
        "released by the Department of Defense.\n\n"
        '"Secretary Hagel also expressed concern about the rising number of civilian deaths," '
        "the statement said."
    )
    q = _one(qs, "Secretary Hagel also expressed")
    assert (q.speaker, q.speaker_kind) == ("Department of Defense", "named")


def test_as_someone_put_it_names_the_speaker_and_a_pronoun_does_not() -> None:
    qs = _quotes(
        'Search teams must weigh every clue, "using expert testimony and imagination," as '
        "Nadia Okafor, a professor of statistics, put it in an email.\n\n"
        'Nestle wanted to protect the shape, "four bars on a rectangular base," as a top EU '
        "legal adviser put it.\n\n"
        'The plan was "a reckless gamble with public money," as he put it. Tom Reyes spoke later.'
    )
    q = _one(qs, "using expert testimony")
    assert (q.speaker, q.speaker_kind) == ("Nadia Okafor", "named")
    q = _one(qs, "four bars on")
    assert (q.speaker, q.speaker_kind) == ("a top EU legal adviser", "unnamed")
    assert _one(qs, "a reckless gamble").speaker != "Tom Reyes"


def test_a_colon_after_a_participle_gives_the_quote_to_the_clauses_subject() -> None:
    qs = _quotes(
        "Police sent Officer Laura Penhallow to talk to Arthur about the stolen ring.\n\n"
        "Penhallow purchased this heart-shaped diamond ring for Betty and went back to the "
        "hospital and left it with the nursing staff, leaving behind only a signed note: "
        "\"It's not much, it's not the same. But 67 years of a promise kept should be "
        'recognized."'
    )
    q = _one(qs, "It's not much")
    assert (q.speaker, q.speaker_kind) == ("Laura Penhallow", "named")


def test_quoted_as_saying_gives_the_words_to_the_one_quoted_not_the_one_quoting() -> None:
    qs = _quotes(
        "Foreign Minister Ana Brel met the envoy on Monday.\n\n"
        "State television quoted Brel as saying that the border would stay closed until March.\n\n"
        'The Daily Post quoted a senior police officer as saying: "We have no suspect yet and we '
        'are asking for help."\n\n'
        '"Nothing will change before the vote," a source close to the talks quoted Brel as saying.'
    )
    q = _one(qs, "the border would stay")
    assert (q.speaker, q.speaker_kind) == ("Ana Brel", "named")
    q = _one(qs, "We have no suspect")
    assert (q.speaker, q.speaker_kind) == ("a senior police officer", "unnamed")
    q = _one(qs, "Nothing will change")
    assert (q.speaker, q.speaker_kind) == ("Ana Brel", "named")


def test_a_bracketed_alias_is_the_body_it_follows_and_its_full_name_speaks() -> None:
    qs = _quotes(
        "The California Department of Transportation (CalTrans), which maintains the barriers, "
        'released a statement to KGO saying "replacement work was scheduled for the spring."\n\n'
        '"Once our team has been notified, we repair the barrier within seven days," CalTrans '
        "told KGO."
    )
    for start in ("replacement work", "Once our team"):
        q = _one(qs, start)
        assert (q.speaker, q.speaker_kind) == ("California Department of Transportation", "named")


def test_the_company_of_an_article_naming_no_firm_is_a_name_no_gazetteer_places() -> None:
    art = (
        "Quibbly announced Tuesday that it will give parents a year of paid leave. "
        'Quibbly will "keep paying them normally," eliminating the hassle of switching to '
        "disability pay, the company says. The policy starts in Paris and London."
    )
    quotes = find_quotes(
        [Article("a1", "Outlet", "", art, raw=art)],
        {},
        [
            # the name tagger's mistake: the firm typed as a place
            Entity("q", "Quibbly", "place", ("Quibbly",), (Mention("a1", 0, 0, 7, "Quibbly"),)),
            Entity("p", "Paris", "place", ("Paris",), (Mention("a1", 0, 199, 204, "Paris"),)),
        ],
    )
    q = _one(quotes, "Quibbly will")
    assert (q.speaker, q.speaker_kind) == ("Quibbly", "named")


def test_a_first_person_quote_after_narration_is_the_one_person_it_names() -> None:
    qs = _quotes(
        "The hearing, presided over by Judge Willa Brandt, was held in Sycamore on Friday.\n\n"
        "It wasn't clear until the last minute that Brandt would rule as she did.\n\n"
        '"Rest assured I am not trying this case again, and you will not hear a verdict from '
        'my mouth."\n\n'
        "It rained on Tuesday as Brandt and Tom Reyes left the court.\n\n"
        '"We will not be told what to do by anyone in this town."'
    )
    q = _one(qs, "Rest assured")
    assert (q.speaker, q.speaker_kind) == ("Willa Brandt", "named")
    assert _one(qs, "We will not be told").speaker_kind == "unresolved"  # two people named


def test_to_quote_someone_gives_them_the_quote() -> None:
    qs = _quotes(
        "Kanye West asked fans for money this week.\n\n"
        'To quote Mr. West, "I am Warhol. I am the number one most impactful artist of our '
        'generation."\n\n'
        'Dublin boomed and then it all ended. To quote a friend, "The party is over and the '
        'hangover is brutal."'
    )
    q = _one(qs, "I am Warhol")
    assert (q.speaker, q.speaker_kind) == ("Kanye West", "named")
    q = _one(qs, "The party is over")
    assert (q.speaker, q.speaker_kind) == ("a friend", "unnamed")


def test_a_name_with_its_umlauts_written_out_is_the_same_speaker() -> None:
    qs = _quotes(
        'Pierre Krähenbühl visited the school on Monday. "The people of Gaza need water now," '
        "Pierre Krähenbühl said.",
        '"What the world forgets is that the people of Gaza have been under blockade for '
        'years," said Pierre Kraehenbuehl, who leads the agency.',
    )
    q = _one(qs, "What the world forgets")
    assert (q.speaker, q.speaker_kind) == ("Pierre Krähenbühl", "named")


def test_it_that_speaks_is_the_body_that_was_the_last_subject() -> None:
    qs = _quotes(
        "Voltaro Mobility cut 300 jobs on Monday at its battery plant.\n\n"
        '"We will support every worker who leaves the company," it added.\n\n'
        "In 2015, the Daily Express newspaper ran a story on an earlier ruling. It said the "
        'shop shelves "could now be flooded with copycat confectionery from abroad".'
    )
    q = _one(qs, "We will support")
    assert (q.speaker, q.speaker_kind) == ("Voltaro Mobility", "named")
    q = _one(qs, "could now be flooded")
    assert (q.speaker, q.speaker_kind) == ("Daily Express", "named")


def test_it_after_a_document_as_subject_is_not_the_body_named_before() -> None:
    qs = _quotes(
        "Harrow Council published its annual review on Monday.\n\n"
        'The review found that bus use fell by a third. It said the decline was "the worst in '
        'the history of the service and likely to go on."'
    )
    assert _one(qs, "the worst in the history").speaker != "Harrow Council"


def test_a_newspaper_named_before_its_noun_is_that_newspaper() -> None:
    qs = _quotes(
        "Nestle lost its fight over the shape of the chocolate bar on Wednesday.\n\n"
        "In 2015, the Brexit-supporting Daily Express newspaper headlined a story on an earlier "
        'ruling: "End of the chocolate bar as we know it?"'
    )
    q = _one(qs, "End of the chocolate bar")
    assert (q.speaker, q.speaker_kind) == ("Daily Express", "named")


def test_the_newspaper_is_the_newspaper_the_article_named() -> None:
    qs = _quotes(
        "The North Coast Journal published a cover story on the county this week.\n\n"
        'It examined why the county has, according to the newspaper, "the highest per-capita '
        'rate of people reported missing in California."'
    )
    q = _one(qs, "the highest per-capita")
    assert (q.speaker, q.speaker_kind) == ("North Coast Journal", "named")


def test_a_verbless_lead_in_keeps_a_quote_paragraph_with_the_last_speaker() -> None:
    qs = _quotes(
        "The EPA fined Harlow Homes on Tuesday for lead paint violations at 33 homes.\n\n"
        'The EPA notes that Harlow has "looked for ways to make a difference in its town."\n\n'
        'Also as part of the settlement, "Harlow will take steps to ensure compliance with the '
        'lead paint rules in future projects."'
    )
    q = _one(qs, "Harlow will take steps")
    assert (q.speaker, q.speaker_kind) == ("EPA", "named")


def test_bare_officials_in_a_statement_are_the_body_whose_statement_it_is() -> None:
    qs = _quotes(
        "Humboldt County Sheriff's Office said in a statement that the mother called deputies on "
        "Nov. 18 and filed a report.\n\n"
        '"Martinez told her mother that she was going to work on a farm and would see her in a '
        'week," officials said in a statement.\n\n'
        '"We searched the river for two days and found nothing at all," officials said.'
    )
    q = _one(qs, "Martinez told her mother")
    assert (q.speaker, q.speaker_kind) == ("Humboldt County Sheriff's Office", "named")
    assert _one(qs, "We searched the river").speaker_kind == "unnamed"  # no statement named


def test_a_first_person_quote_after_a_comma_is_the_clauses_subjects() -> None:
    qs = _quotes(
        "Officer Laura Penhallow heard about the stolen ring on Monday.\n\n"
        'Penhallow felt something needed to be done so, "I went to the mall, and I bought a '
        'small ring, and I took it back to the hospital."\n\n'
        "Penhallow cited the store's motto, particularly its promise, \"If you want to know a "
        'shop, watch what it does for the people who walk in."'
    )
    q = _one(qs, "I went to the mall")
    assert (q.speaker, q.speaker_kind) == ("Laura Penhallow", "named")
    assert _one(qs, "If you want to know").speaker != "Laura Penhallow"  # a motto she cites


def test_the_researchers_speak_through_the_lead_named_with_colleagues() -> None:
    qs = _quotes(
        "Dr. Sara Bangalore and colleagues analyzed the data of 9,509 patients.\n\n"
        "Still, the researchers believe that their results warrant further study.\n\n"
        '"Our findings suggest that we need to be concerned about weight swings," the '
        "researchers wrote."
    )
    q = _one(qs, "Our findings suggest")
    assert (q.speaker, q.speaker_kind) == ("Sara Bangalore", "named")


def test_a_nickname_in_quotes_is_the_person_just_spoken_of() -> None:
    qs = _quotes(
        "Mike Brown, an astronomer at Caltech, thinks the ninth planet is real.\n\n"
        '"Planet Nine is forcing any objects that cross its orbit into odd paths," Brown said.\n\n'
        'The "Pluto killer" added: "Not to mention the fact that it is 5,000 times the mass of '
        'Pluto."'
    )
    q = _one(qs, "Not to mention")
    assert (q.speaker, q.speaker_kind) == ("Mike Brown", "named")


def test_a_participle_of_speech_makes_its_verbs_quote_the_subjects() -> None:
    qs = _quotes(
        "Andrew Wyatt spoke for Bill Cosby outside the court on Tuesday.\n\n"
        "Wyatt also called Cosby's trial \"the most racist and sexist trial in the history of the "
        'country," saying that Cosby was a great educator of men and boys.'
    )
    q = _one(qs, "the most racist")
    assert (q.speaker, q.speaker_kind) == ("Andrew Wyatt", "named")


def test_a_saying_introduced_as_a_named_persons_is_theirs() -> None:
    qs = _quotes(
        "NASA's director of planetary science, Jim Green, urged caution on Wednesday.\n\n"
        'He referenced the famous dictum from Carl Sagan that "extraordinary claims require '
        'extraordinary evidence."\n\n'
        "The book's title comes from a Rosa Parks quote: \"Each person must live their life as "
        'a model for others."'
    )
    q = _one(qs, "extraordinary claims")
    assert (q.speaker, q.speaker_kind) == ("Carl Sagan", "named")
    q = _one(qs, "Each person must")
    assert (q.speaker, q.speaker_kind) == ("Rosa Parks", "named")


def test_the_speech_verbs_own_subject_speaks_after_a_clause_before_it() -> None:
    qs = _quotes(
        "Janet Tessier emailed a tip to the state police in 2008.\n\n"
        "She said her dying mother had pulled her close some 14 years earlier and whispered, "
        '"Those two little girls, and the one that disappeared, John did it."'
    )
    q = _one(qs, "Those two little girls")
    assert q.speaker_kind == "unnamed" and q.speaker == "her dying mother"


def test_a_pronoun_before_anyone_is_named_is_the_person_named_next() -> None:
    qs = _quotes(
        'The litany of misery was not consistent. On the one hand, "Jobs have already started '
        'to surge," he said. On the other, "Jobs are pouring out of the country." Donald '
        "Trump's doomsaying on the economy cut against his own tweet."
    )
    q = _one(qs, "Jobs have already")
    assert (q.speaker, q.speaker_kind) == ("Donald Trump", "named")


def test_a_pronoun_after_a_name_the_table_missed_is_not_the_next_person() -> None:
    qs = _quotes(
        "In Krystal's 2014 suit against the Jets, she claimed the cheerleaders made only $150 a "
        "game. She also said cheerleaders were not paid for weekly practices or rehearsals.\n\n"
        '"When you look at the hours worked, she made $3.77 an hour," said Patricia Pierce, '
        "the lawyer."
    )
    hits = [q for q in qs if q.text.startswith("cheerleaders were not paid")]
    assert all(q.speaker != "Patricia Pierce" for q in hits)


def test_a_subject_with_its_own_participle_keeps_its_whole_description() -> None:
    qs = _quotes(
        "Police searched the house on Friday.\n\n"
        'One person briefed by law enforcement on the investigation noted, "January 1 is '
        'conveniently timed after the holiday season for all of them."'
    )
    q = _one(qs, "January 1 is")
    assert q.speaker == "one person briefed by law enforcement on the investigation"


def test_a_relative_clause_speaks_for_the_one_it_follows() -> None:
    qs = _quotes(
        "Protesters thanked the officers on Monday, including Dana Whitcombe, an Occupy "
        'organizer, who said to the sergeant and his men, "You have all been wonderful."'
    )
    assert _one(qs, "You have all been").speaker == "Dana Whitcombe"


def test_whom_one_tells_is_not_the_speaker() -> None:
    qs = _quotes(
        "Mara Quinn met the host on Sunday. Quinn, who saw the clip for the first time live on "
        '"Morning Round," told Ellis Raddon, "There are many shows that reach into homes '
        'and they are not fair to the mayor."'
    )
    assert _one(qs, "There are many shows").speaker == "Mara Quinn"


def test_a_party_named_before_its_kind_is_named_and_a_campaign_stays_the_owners() -> None:
    qs = _quotes(
        "Senator Alan Brisk spoke in the morning. The Green Valley Farmers party said: "
        '"The decision raises serious questions about the council."\n\n'
        'The Brisk campaign said: "We will appeal the ruling in the coming weeks."'
    )
    party = _one(qs, "The decision raises")
    assert party.speaker_kind == "named" and (party.speaker or "").startswith("Green Valley")
    assert _one(qs, "We will appeal").speaker_kind == "unnamed"  # not Alan Brisk himself


def test_a_role_with_its_name_apposed_is_that_person() -> None:
    qs = _quotes(
        "A paper posted on Tuesday revived an old model. According to the author of the paper, "
        "Dana Whitfield — a physicist at the Lakeside Institute — collecting energy from distant "
        "stars is the only way for a civilisation to keep growing."
    )
    said = [q for q in qs if "collecting energy" in q.text]
    assert said and said[0].speaker == "Dana Whitfield"


def test_a_description_in_the_lede_is_the_person_the_article_titles_so_later() -> None:
    qs = _quotes(
        "The governor's budget director defended the budget on Sunday, saying "
        '"no family will pay more tax next year."\n\n'
        "Budget Director Mara Quinn told the Riverton Post that the plan was fair.\n\n"
        'An indefinite source was less sure. A budget adviser said: "The numbers do not add up '
        'at all this year."'
    )
    assert _one(qs, "no family will pay").speaker == "Mara Quinn"
    assert _one(qs, "The numbers do not").speaker_kind == "unnamed"


def test_one_quoted_as_saying_speaks() -> None:
    qs = _quotes(
        "The court delayed the hearing. A spokesman for the court spoke first.\n\n"
        '"The court has delayed the trial so that the third person can return," Hamid '
        "Rostami was quoted as saying by the Fars news agency."
    )
    assert _one(qs, "The court has delayed").speaker == "Hamid Rostami"


def test_an_interviewees_bare_name_before_the_quote_is_the_speaker() -> None:
    qs = _quotes(
        "Daniel Morgan was class valedictorian in Fife. Winter of 1942 found him in a camp in "
        "Idaho. Daniel Morgan “I wasn’t in camp very long. I was there probably five, six "
        "months.” The regiment was formed mostly of young men from the camps."
    )
    assert _one(qs, "I wasn’t in camp").speaker == "Daniel Morgan"


def test_words_of_a_pledge_or_a_call_are_the_pledgers() -> None:
    qs = _quotes(
        "Senator Dana Whitfield welcomed the deal on Monday and called on the league "
        "“to step forward as a leader and set fair rules for every team.”"
    )
    assert _one(qs, "to step forward").speaker == "Dana Whitfield"


def test_the_report_is_the_one_a_named_paper_reported() -> None:
    qs = _quotes(
        "A panda wandered into a village in Gansu, where officials chased it onto a farmer's "
        "land, the Lanzhou Evening News reported. The animal bit the farmer in the leg and only "
        "let go when a neighbour covered its head with a coat, the report said."
    )
    bite = [q for q in qs if "bit the farmer" in q.text]
    assert bite and bite[0].speaker == "Lanzhou Evening News"
    assert bite[0].verb == "report said"  # shown as the paper's report, not a statement


def test_a_name_with_an_adjunct_before_said_is_the_speaker_of_the_reported_clause() -> None:
    qs = _quotes(
        "Mayor Dana Whitfield on Friday said she had no regret for closing the bridge early. "
        "Dana Whitfield was reported missing on Monday by her brother, who told police that "
        "she had gone north to visit a friend."
    )
    said = [q for q in qs if q.text.startswith("she had no regret")]
    assert said and said[0].speaker == "Dana Whitfield"
    # the passive subject is no speaker: her brother told police, not she
    assert all(q.speaker != "Dana Whitfield" for q in qs if "gone north" in q.text)


def test_a_report_named_after_a_firm_is_the_firms() -> None:
    text = (
        "The report, from the security firm iSight, was sent to the Secret Service. "
        '"The intrusion operators displayed innovation and a high degree of skill," '
        "according to the iSight report."
    )
    arts = [Article("a1", "Outlet", "", text, raw=text)]
    from storyweave.brief import prepare

    kept, sents, _ = prepare(arts)
    table = [
        Entity("i", "iSight", "organization", ("iSight",), (Mention("a1", 0, m, m + 6, "iSight"),))
        for m in [kept[0].text.index("iSight")]
    ]
    qs = find_quotes(kept, sents, table)
    assert _one(qs, "The intrusion operators").speaker == "iSight"


def test_we_are_told_is_an_unnamed_source_and_he_is_quoted_as_saying_is_his() -> None:
    qs = _quotes(
        "Daniel Morgan is still holding out over the guitar. “He is forcing the matter to "
        "court,” we’re told. Morgan denies it in the filings. \"I have never threatened anyone "
        'in my life," he is quoted in the documents as saying.'
    )
    told = _one(qs, "He is forcing")
    assert (told.speaker_kind, told.speaker) == ("unnamed", "a source")
    assert _one(qs, "I have never threatened").speaker == "Daniel Morgan"


def test_a_possessive_role_is_the_one_person_the_article_gives_that_role() -> None:
    qs = _quotes(
        "A farmer who sued the county over a bear attack has won $80,000, his lawyer said on "
        "Monday. The county agreed to pay after talks, his lawyer Dana Whitfield told reporters."
    )
    assert _one(qs, "A farmer who sued").speaker == "Dana Whitfield"


def test_a_possessive_role_with_two_people_so_titled_stays_unnamed() -> None:
    qs = _quotes(
        "The county agreed to pay after talks, his lawyer said on Monday. Lawyer Dana Whitfield "
        "spoke for the farmer and lawyer Mara Quinn for the county."
    )
    assert _one(qs, "The county agreed").speaker_kind == "unnamed"


def test_a_full_name_run_into_its_role_is_that_person_and_a_determiner_makes_an_owner() -> None:
    qs = _quotes(
        "Dale Vogel worked at the college until this summer. “I can confirm he is no longer an "
        "employee here,” said Conor Lloyd spokesperson for Red River College.\n\n"
        "Alan Brisk spoke on Monday. “We will not comment on the case today,” a Brisk "
        "spokesman said."
    )
    assert _one(qs, "I can confirm").speaker == "Conor Lloyd"
    assert _one(qs, "We will not comment").speaker_kind == "unnamed"


def test_a_short_direct_quote_before_its_attribution_keeps_its_marks_out() -> None:
    qs = _quotes("Alan Brisk spoke on Monday. “We will not comment,” a spokesman said.")
    q = _one(qs, "We will not comment")
    assert (q.text, q.speaker) == ("We will not comment", "a spokesman")


def test_a_described_speaker_is_the_person_the_article_set_that_noun_beside() -> None:
    qs = _quotes(
        "Corinna Hale, 16, called from a hospital in Brewster, telling her father, Tomas Hale, "
        "that she was safe. “I just can’t believe she went through all that,” the 49-year-old "
        "father said late Monday."
    )
    assert _one(qs, "I just can").speaker == "Tomas Hale"


def test_invisible_characters_of_a_page_do_not_hide_the_speaker() -> None:
    qs = _quotes(
        "The Jets settled the suit on Monday. State Sen. Diane Savino \u200b(D-SI) \u200bapplauded "
        "the settlement and called for \u201cthe Buffalo Bills to do the same, to ensure that "
        "their cheerleaders are paid fairly.\u201d"
    )
    assert _one(qs, "the Buffalo Bills").speaker == "Diane Savino"


def test_words_quoted_in_an_apology_are_the_apologizers() -> None:
    qs = _quotes(
        "Dale Vogel was sentenced on Monday. Vogel apologized to the reporter on Tuesday, "
        '"in the hope that some good can come of this."'
    )
    assert _one(qs, "in the hope").speaker == "Dale Vogel"


def test_a_party_and_state_in_brackets_do_not_hide_the_speaker_before_the_verb() -> None:
    qs = _quotes(
        "Harbour Radio reports the veterans will soon receive the medal. \"These brave men "
        'stepped forward to defend our nation," Sen. Dana K. Quill (D-Maine) said.'
    )
    assert _one(qs, "These brave men").speaker == "Dana K. Quill"


def test_a_clause_with_a_colon_between_two_quotes_gives_the_second_its_own_speaker() -> None:
    qs = _quotes(
        "The Harbour Trust said: \u201cWe are grateful for a chance to argue the case for the "
        "animals at the hearing in May.\u201d Coast University has also issued a statement about "
        "the case: \u201cThe University does not comment on the specifics of litigation.\u201d"
    )
    assert _one(qs, "The University does not").speaker == "Coast University"


def test_the_role_another_article_gives_a_person_this_one_names_is_that_person() -> None:
    qs = _quotes(
        'The trial resumed on Monday. "He deserves the harshest penalty," the prosecutor, '
        "Mustafa Suleiman, told the court.",
        "Mustafa Suleiman spoke for an hour on Monday. \"Here we have a president who spent a "
        'decade on the succession of his son," said the prosecutor.',
        # this article never names Suleiman: its prosecutor stays unnamed
        'The court sat late on Monday. "The defendant must answer for every death," said the '
        "prosecutor.",
    )
    assert _one(qs, "Here we have").speaker == "Mustafa Suleiman"
    assert _one(qs, "The defendant must").speaker_kind == "unnamed"


def test_a_role_ending_a_sentence_is_no_title_of_the_name_that_opens_the_next() -> None:
    qs = _quotes(
        '"Here we have a president who ruled as a tyrant for thirty years," said the '
        "prosecutor.\n\nHosni Mubarak could face the death penalty if he is convicted."
    )
    assert _one(qs, "Here we have").speaker_kind == "unnamed"


def test_an_unnamed_source_speaks_words_another_outlet_gives_a_person_this_one_names() -> None:
    words = '"We will not reopen it until it is safe for every family,"'
    qs = _quotes(
        f"Crews closed the bridge on Monday. {words} Mayor Dana Quill said.",
        f"Dana Quill ordered the closure on Monday. {words} a city official said.",
        f"The bridge closed on Monday. {words} a city official said.",  # names nobody
    )
    assert [q.speaker for q in qs] == ["Dana Quill", "Dana Quill", "a city official"]


def test_a_station_given_words_in_the_first_person_reports_the_person_narrated() -> None:
    qs = _quotes(
        "Someone grabbed the engagement ring off her finger. Police sent Officer Dana Quill to "
        "the hospital. Quill bought a new ring the next day. KVXT says, \"She still looked at "
        'him like he was her hero. I went to the mall, and I bought a small ring."'
    )
    assert _one(qs, "She still looked").speaker == "Dana Quill"


def test_a_role_named_in_the_next_sentence_is_that_person() -> None:
    qs = _quotes(
        "The hearing of the two climbers was postponed on Monday. Their lawyer said he had not "
        'been told of the delay. "It makes no sense to move it now," Dana Quillfeather told '
        "Harbour Radio."
    )
    assert _one(qs, "he had not been told").speaker == "Dana Quillfeather"


def test_a_name_given_with_another_role_in_the_next_sentence_is_someone_else() -> None:
    qs = _quotes(
        "The court ruled against the chocolate maker on Wednesday. \"We think the evidence "
        'proves our shape is distinctive," a spokesman said. Dana Quillfeather, a partner at '
        "a law firm in Leeds, said the ruling would send the case back."
    )
    assert _one(qs, "We think the evidence").speaker_kind == "unnamed"


def test_he_added_is_not_the_woman_a_pronoun_named_just_before() -> None:
    qs = _quotes(
        "She shot people outside the building, Sheriff Jeffrey Gahler said. She was identified by "
        "the sheriff's office as Snochia Moseley, 26, from Baltimore County.\n\nPolice are still "
        "searching for a motive, he added."
    )
    assert _one(qs, "Police are still searching").speaker == "Jeffrey Gahler"


def test_police_of_a_place_is_the_force_the_story_names_for_it() -> None:
    qs = _quotes(
        "Vogel was arrested on Saturday. Police in Harbourton say a man walked into a bank on "
        "Oct. 19 and asked for cash.",
        "Vogel was arrested in the city, the Harbourton Police Service said on Saturday.",
    )
    assert _one(qs, "a man walked into a bank").speaker == "Harbourton Police Service"


def _quotes_typed(text: str, name: str, kind: str) -> list[Quote]:
    """Quotes of one article, with the entity table calling `name` a `kind` (as the small NER
    model calls some foreign names an organisation)."""
    from dataclasses import replace

    from storyweave.brief import prepare
    from storyweave.text.annotate import annotate

    kept, sents, _ = prepare([Article("a0", "Outlet 0", "", text, raw=text)])
    ann = annotate(kept, sents)
    table = [
        replace(e, kind=kind) if e.name == name else e
        for e in find_entities(kept, sents, annotations=ann)
    ]
    assert any(e.name == name for e in table)
    return find_quotes(kept, sents, table, ann)


ROLE_THEN_NAME = (
    "The hearing of the two climbers was postponed on Monday. The court's spokesman said the "
    'trial could not go ahead without the third climber. "The court has delayed the trial so '
    'that she can return," Qolam Hosseinzadeh-Ravari was quoted as saying by Harbour Radio.'
)


def test_a_role_named_next_by_a_name_the_table_mistypes_is_that_person() -> None:
    qs = _quotes_typed(ROLE_THEN_NAME, "Qolam Hosseinzadeh-Ravari", "organization")
    assert _one(qs, "the trial could not go ahead").speaker == "Qolam Hosseinzadeh-Ravari"


def test_a_role_is_not_named_next_by_a_body() -> None:
    text = ROLE_THEN_NAME.replace("Qolam Hosseinzadeh-Ravari", "Harbour Court Ministry")
    qs = _quotes_typed(text, "Harbour Court Ministry", "organization")
    assert _one(qs, "the trial could not go ahead").speaker_kind == "unnamed"


def test_a_documents_words_are_its_writers_where_a_relative_clause_names_them() -> None:
    qs = _quotes(
        "Forecaster Robert Ricks wrote the warning. Another, less widely circulated forecast he "
        'issued that day was more to the point: "Godspeed to all those in the path of this '
        'storm." Jane Moss went online on Friday. The statement she posted on Instagram read: '
        '"I am heartbroken." A letter Gov. Tom Hale wrote to the court said: "This is wrong."'
    )
    assert _one(qs, "Godspeed").speaker == "Robert Ricks"
    assert _one(qs, "I am heartbroken").speaker == "Jane Moss"
    assert _one(qs, "This is wrong").speaker == "Tom Hale"


def test_a_document_named_before_speaks_for_whoever_issued_it() -> None:
    qs = _quotes(
        "A fundraising campaign for the flooded library was started by Dana Whitcombe of "
        'Ostbury. It has raised $400. "Every book counts, every pound helps," the campaign read.\n\n'
        "Hackers reached the payment system at Corvel Stores in March. The company disclosed "
        "the breach last week, saying it first saw traffic that looked wrong in April. It "
        "issued another notice on Friday.\n\n"
        'The latest notice said: "A small number of cards were used at our tills."'
    )
    assert _one(qs, "Every book counts").speaker == "Dana Whitcombe"
    assert _one(qs, "A small number of cards").speaker == "Corvel Stores"


def test_a_document_nobody_is_named_for_stays_unnamed() -> None:
    qs = _quotes(
        "Mayor Lena Ortiz visited the site on Monday. A note was found pinned to the gate. "
        'The note said: "Keep out of the old mill."'
    )
    assert _one(qs, "Keep out of the old mill").speaker_kind != "named"


def test_a_lede_source_is_the_person_the_next_paragraphs_give_that_role() -> None:
    # delayed identification: the lede keeps the name for the second paragraph
    qs = _quotes(
        "HARTFIELD (AP) - A tracking dog found the "
        "missing student's scent inside the apartment of the man charged in her death, a former "
        "detective said on Monday.\n\n"
        "Former county Detective Owen Marsh also said the dog alerted him near a mulch pile.\n\n"
    )
    assert _one(qs, "A tracking dog found").speaker == "Owen Marsh"
    qs = _quotes(
        "Ticket sales could set a record before Friday's draw, a game official said on "
        "Monday.\n\n"
        "The prize swelled to $90 million over the weekend, said Carla Benn, the state's "
        "lottery director, who heads the draw.\n\n"
    )
    assert _one(qs, "Ticket sales could set a record").speaker == "Carla Benn"


def test_a_lede_source_stays_unnamed_when_the_next_paragraphs_name_another_role() -> None:
    qs = _quotes(
        "Ticket sales could set a record before Friday's draw, a source close to the game said "
        "on Monday.\n\n"
        "The prize swelled to $90 million over the weekend, said Carla Benn, the state's "
        "lottery director.\n\n",
        "Queues stretched around the block at shops across the state, a spokesman said on "
        "Monday.\n\n"
        'Owen Marsh, a retired teacher, said: "I buy one every week."',
    )
    assert _one(qs, "Ticket sales could set a record").speaker_kind == "unnamed"
    assert _one(qs, "Queues stretched").speaker_kind == "unnamed"


def test_what_was_told_starts_after_the_listener() -> None:
    qs = _quotes(
        "Chief Executive Laura Stein told analysts the cuts were painful. Mayor Ann Fisk told "
        "her supporters in Ohio that the race was close. Lt. Tom Reyes told ABC News today that "
        "the woman in the trunk was found unharmed."
    )
    assert _one(qs, "the cuts were painful").speaker == "Laura Stein"
    assert _one(qs, "the race was close").speaker == "Ann Fisk"
    assert _one(qs, "the woman in the trunk").speaker == "Tom Reyes"


def test_a_document_named_by_its_body_speaks_for_it() -> None:
    qs = _quotes(
        "Acme Corp. said it would cut 300 jobs across its plants. The Acme Corp. statement "
        "said the cuts would be completed by June."
    )
    assert _one(qs, "the cuts would be completed").speaker == "Acme Corp."


def test_a_listener_alone_after_told_is_nothing_told() -> None:
    qs = _quotes(
        'Senator Dale Pruitt spoke on Friday. "We will repeal it," Pruitt told a news '
        'conference. Pruitt told the inquiry that the files had been lost. "Mark my words."'
    )
    assert _one(qs, "We will repeal it").speaker == "Dale Pruitt"
    assert not [q for q in qs if q.text.startswith("a news conference")]
    assert _one(qs, "the files had been lost").speaker == "Dale Pruitt"


def test_a_participle_between_a_source_and_its_verb_is_no_subject() -> None:
    qs = _quotes(
        "The council met on Monday. Diplomats, speaking on condition of anonymity, said the "
        "council could not reach agreement on a statement."
    )
    assert _one(qs, "the council could not reach").speaker == "diplomats"


def test_a_pronoun_after_a_described_subject_is_that_person_unnamed() -> None:
    qs = _quotes(
        "His public defender, Maria Soto, argued that the evidence was thin. "
        '"There is no video," Soto told the judge.\n\n'
        "Roe's mother, who attended the hearing, wept. "
        '"My son is not a monster," she told reporters outside the courthouse.\n\n'
        'Her husband, Greg Miller, was at work. "I got a call and just drove," he said.'
    )
    mother = _one(qs, "My son is not a monster")
    assert (mother.speaker_kind, mother.speaker) == ("unnamed", "Roe's mother")
    assert _one(qs, "I got a call").speaker == "Greg Miller"


def test_a_document_from_a_described_company_is_that_companys() -> None:
    qs = _quotes(
        "Corvel Stores shares fell on Monday after the breach was disclosed. According to a "
        "statement from the company, engineers were sent to every store."
    )
    assert _one(qs, "engineers were sent").speaker == "Corvel Stores"


def test_a_lawyer_is_the_attorney_the_article_named() -> None:
    qs = _quotes(
        "Tom Hart was arrested on Friday. Hart's attorney, Paul Stone, said the charges would "
        'be dropped. "Very weak," his lawyer added.'
    )
    assert _one(qs, "Very weak").speaker == "Paul Stone"


def test_a_role_of_a_place_then_a_name_is_that_person() -> None:
    qs = _quotes(
        "Flooding closed the bridge. In a Facebook post, the mayor of Ostbury, Dan Ruiz, said "
        "the town would hold a vigil on Sunday."
    )
    assert _one(qs, "the town would hold a vigil").speaker == "Dan Ruiz"


def test_he_after_another_man_named_between_is_not_the_last_speaker() -> None:
    qs = _quotes(
        '"It\'s a great win for us," coach Mike Brey said after the game. Guard Rex Pflueger '
        'scored 12 points. "We just kept fighting," he said.'
    )
    assert _one(qs, "We just kept fighting").speaker == "Rex Pflueger"


def test_a_role_then_a_person_of_a_body_is_the_person() -> None:
    qs = _quotes(
        "The lead author, Dr. Mina Patel of Stanford University, said the results were "
        "surprising."
    )
    assert _one(qs, "the results were surprising").speaker == "Mina Patel"


def test_a_thing_confirmed_or_reported_is_no_reported_speech() -> None:
    qs = _quotes(
        "Rodriguez's rep, Ron Berkowitz, confirmed the news to Us Weekly. Police Chief Tom "
        "Reyes confirmed the suspect was dead. The Ostbury Gazette reports the passing of "
        "former mayor Fabio Ruiz, who died on Monday."
    )
    assert not [q for q in qs if q.text.startswith(("the news", "the passing"))]
    assert _one(qs, "the suspect was dead").speaker == "Tom Reyes"


def test_ranks_and_callings_are_unnamed_speakers() -> None:
    qs = _quotes(
        'Two soldiers died on Thursday. "They were heroes," said one of their commanders. '
        "Police commanders said they would let the camp stay until daybreak."
    )
    assert _one(qs, "They were heroes").speaker == "one of their commanders"
    assert _one(qs, "they would let the camp stay").speaker_kind == "unnamed"


def test_a_participle_speaks_for_the_nearer_of_two_parsed_subjects() -> None:
    # the parse the small model gives this sentence inside its article: two subjects of "lit"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyweave.analysis.quotes.syntax import _subject

    words = "As her colleagues grilled Stumpf , Warren lit into the bank , saying reform fails".split()
    heads = [3, 2, 7, 7, 3, 7, 7, 7, 7, 10, 8, 7, 7, 14, 12]
    deps = "mark poss nsubj advcl dobj punct nsubj ROOT prep det pobj punct advcl nsubj ccomp"
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps.split())
    assert _subject(doc[12]).text == "Warren"


def test_his_spokesman_is_no_one_whose_title_names_another_owner() -> None:
    qs = _quotes(
        '"These claims are groundless," Kremlin spokesman Dmitry Peskov told reporters. '
        "U.N. Secretary-General Antonio Guterres called for an inquiry, his spokesman said."
    )
    inquiry = _one(qs, "U.N. Secretary-General")
    assert inquiry.speaker_kind == "unnamed"


def test_a_name_or_a_noun_in_ly_before_said_is_no_adverb() -> None:
    qs = _quotes(
        'Megyn Kelly spoke on Monday. "It was fine," Megyn Kelly said. Rose Donnelly, 50, '
        "runs the shop. The plan was fine, Ms. Donnelly said. The girl is recovering, her "
        "family said. The plan had failed, Kelly previously said."
    )
    assert _one(qs, "It was fine").speaker == "Megyn Kelly"
    assert _one(qs, "The plan was fine").speaker == "Rose Donnelly"
    assert _one(qs, "The girl is recovering").speaker == "her family"
    assert _one(qs, "The plan had failed").speaker == "Megyn Kelly"


def test_a_groups_description_gives_no_one_a_title() -> None:
    qs = _quotes(
        "Finley Puleo Boyle died in March. According to a lawsuit filed by Finley's family, "
        "Boyle was in the office to get four root canals done."
    )
    assert _one(qs, "Boyle was in the office").speaker_kind == "unnamed"


def test_a_past_participle_between_a_source_and_its_verb_is_no_subject() -> None:
    qs = _quotes(
        "The shooting happened at 2 a.m. The club's owner, reached by phone, said he was "
        "cooperating with investigators. Tom Hill, asked about the fight, said nobody had "
        "warned him."
    )
    assert _one(qs, "he was cooperating").speaker == "the club's owner"
    assert _one(qs, "nobody had warned him").speaker == "Tom Hill"


def test_a_story_told_is_no_reported_speech() -> None:
    qs = _quotes(
        "A girl named Susie Salmon, murdered on her way home from school in 1973, tells her "
        "story from heaven in the film. Tom Hill told reporters the story was false."
    )
    assert not [q for q in qs if q.text.startswith("her story")]
    assert _one(qs, "the story was false").speaker == "Tom Hill"


def test_a_named_persons_office_or_campaign_speaks_unnamed() -> None:
    qs = _quotes(
        "Senator Ron Wyden criticized the deal on Monday. Wyden's office said in a statement "
        "that hearings would begin next month. Walter Huang's family tells reporters he took "
        "his car to the dealer twice."
    )
    assert _one(qs, "hearings would begin").speaker == "Wyden's office"
    assert _one(qs, "he took his car").speaker == "Walter Huang's family"


def test_the_italian_is_the_person_just_written_about() -> None:
    qs = _quotes(
        "Chelsea boss Antonio Conte was furious with the referee on Saturday. "
        '"It was a penalty," the Italian told Sky Sports.'
    )
    assert _one(qs, "It was a penalty").speaker == "Antonio Conte"


def test_what_was_told_leaves_out_the_listener_and_the_outer_attribution() -> None:
    qs = _quotes(
        "Sgt. Calbert Gillett spoke on Tuesday. The mother, 24-year-old Jessica Ruiz, told "
        "deputies she forgot the child was there, Gillett said."
    )
    told = _one(qs, "she forgot the child was there")
    assert (told.speaker, told.text) == ("Jessica Ruiz", "she forgot the child was there")


def test_said_then_an_adjunct_then_a_clause_without_that_is_reported_speech() -> None:
    qs = _quotes(
        "Mayor Antonio Villaraigosa met the campers on Friday. The mayor said last week the "
        "encampment would have to go. Harry Reid said in an interview Friday there was little "
        "point in talks."
    )
    assert _one(qs, "the encampment would have to go").speaker == "Antonio Villaraigosa"
    assert _one(qs, "there was little point").speaker == "Harry Reid"


def test_an_owners_name_opens_an_unnamed_source() -> None:
    qs = _quotes(
        "Prime Minister Boris Johnson met the Queen on Tuesday. Britain's prime minister said "
        "the country would leave on time. France's foreign minister said the talks had failed."
    )
    assert _one(qs, "the country would leave").speaker == "Boris Johnson"
    assert _one(qs, "the talks had failed").speaker == "France's foreign minister"


def test_a_speech_verb_followed_by_a_place_only_reports_nothing() -> None:
    qs = _quotes(
        "Mark Johnson was charged with theft on Monday. \"I didn't do it,\" Johnson insisted "
        "outside the courthouse. His trial begins in May."
    )
    assert _one(qs, "I didn't do it").speaker == "Mark Johnson"
    assert not [q for q in qs if q.text.startswith("outside")]
    # a clause the tagger misreads ("cost" as a noun) is still one, by its subject
    qs = _quotes("Federal prosecutors said the scheme cost investors $50 million.")
    assert _one(qs, "the scheme cost").speaker == "federal prosecutors"


def test_a_report_released_by_a_body_speaks_for_it() -> None:
    qs = _quotes(
        "The report, released by Amnesty International on Tuesday, said prisoners were "
        '"routinely tortured by guards." The government denied it.'
    )
    assert _one(qs, "prisoners were").speaker == "Amnesty International"


def test_a_name_that_modifies_the_speakers_noun_is_not_the_speaker() -> None:
    qs = _quotes(
        "Jennifer Lawrence plays a spy in the new film. \"I was terrified of the stunts at "
        'first," the Oscar winner told People magazine. The film opens Friday.'
    )
    assert _one(qs, "I was terrified").speaker == "Jennifer Lawrence"


def test_a_party_member_from_a_state_is_the_person_just_written_about() -> None:
    text = (
        'Sen. Ted Cruz spoke in Iowa on Monday. "We will win this state," the Texas '
        "Republican told supporters. Rep. Nancy Pelosi, the California Democrat, disagreed."
    )
    assert _one(_quotes(text), "We will win").speaker == "Ted Cruz"
    names = {e.name: e.kind for e in _entities(text)}
    assert "Texas Republican" not in names and "California Democrat" not in names
    assert names["Texas"] == "place"


def test_an_appositive_naming_a_city_and_state_still_closes_on_the_person() -> None:
    qs = _quotes(
        'The study was published on Monday. "We were surprised by how fast the ice is '
        'melting," lead author Eric Rignot, a glaciologist at the University of California, '
        "Irvine, said in an interview."
    )
    assert _one(qs, "We were surprised").speaker == "Eric Rignot"


def test_a_body_called_by_its_kind_is_the_one_the_narration_just_made_subject() -> None:
    qs = _quotes(
        "The Federal Aviation Administration is investigating the crash. \"We are reviewing "
        'all the data," the agency said. NASA launched the probe on Saturday. "The launch '
        'was flawless," the space agency said. Exxon Mobil reported a quarterly loss. "Oil '
        'prices remain weak," the oil giant said. The Red Cross sent 50 volunteers. "The need '
        'is enormous," the aid group said.'
    )
    assert _one(qs, "We are reviewing").speaker == "Federal Aviation Administration"
    assert _one(qs, "The launch was flawless").speaker == "NASA"
    assert _one(qs, "Oil prices remain weak").speaker == "Exxon Mobil"
    assert _one(qs, "The need is enormous").speaker == "Red Cross"


def test_a_kind_that_does_not_fit_the_subject_stays_unnamed() -> None:
    qs = _quotes(
        'Acme Corp. cut 500 jobs on Monday. "We will fight these cuts," the union said. '
        'Brightline Inc. was fined on Tuesday. "The firm broke the rules," the agency said.'
    )
    assert _one(qs, "We will fight").speaker_kind == "unnamed"
    assert _one(qs, "The firm broke").speaker_kind == "unnamed"


def test_a_document_someone_wrote_in_speaks_for_them() -> None:
    qs = _quotes(
        "Tim Cook addressed the staff in a memo on Friday.\n\n"
        '"This is a hard time for all of us. We will get through it together," the memo read.'
    )
    assert _one(qs, "This is a hard time").speaker == "Tim Cook"


def test_a_quote_with_its_own_attribution_does_not_continue_the_last_speaker() -> None:
    qs = _quotes(
        'Mayor Jim Hale opened the fair on Friday. "It is a great day," he said. "We need more '
        'rain," a beekeeper with a stall said. "It has been dry," Hale said, "but it will pass."'
    )
    assert _one(qs, "We need more rain").speaker == "a beekeeper"
    assert _one(qs, "but it will pass").speaker == "Jim Hale"


def test_a_team_a_network_and_a_newspaper_by_their_kind() -> None:
    qs = _quotes(
        'The New England Patriots released Antonio Brown on Friday. "We wish him well," the '
        'team said in a statement. CNN fired the host on Monday. "His comments do not reflect '
        'our values," the network said. The Washington Post published the letters on Sunday. '
        'The letters show that the senator "knew about the deal," the newspaper reported.'
    )
    assert _one(qs, "We wish him well").speaker == "New England Patriots"
    assert _one(qs, "His comments").speaker == "CNN"
    told = _one(qs, "The letters show")
    assert told.speaker == "Washington Post" and told.text.endswith('deal,"')


def test_a_fathers_name_is_not_completed_into_his_sons() -> None:
    qs = _quotes(
        "Donald Trump Jr. met donors on Monday. President Donald Trump was in Ohio. "
        '"We will win," Trump said.'
    )
    assert _one(qs, "We will win").speaker == "Donald Trump"


def test_the_woman_or_the_teen_is_the_person_just_named_unless_one_came_unnamed() -> None:
    qs = _quotes(
        'Jane Doe, 45, was rescued from the river on Monday. "I thought I was going to die," '
        'the woman told reporters. Kyle Smith, 17, was arrested after the crash. "I am sorry," '
        "the teen told the judge."
    )
    assert _one(qs, "I thought I was going to die").speaker == "Jane Doe"
    assert _one(qs, "I am sorry").speaker == "Kyle Smith"
    qs = _quotes(
        'Police arrested Tom Hill after a woman called 911. Hill was held overnight. "He hit '
        'me," the woman said.'
    )
    assert _one(qs, "He hit me").speaker_kind == "unnamed"


def test_a_body_that_did_one_thing_and_said_another_speaks() -> None:
    qs = _quotes(
        "Neiman Marcus disclosed the theft last week. The company apologized again, and said "
        "it did not believe the card numbers had been compromised."
    )
    assert _one(qs, "it did not believe").speaker == "Neiman Marcus"


def test_claimed_with_a_clause_reports_but_a_state_or_an_order_does_not() -> None:
    qs = _quotes(
        "Jane Roe sued the team in 2014. Roe claimed the women made only $150 per game. Many "
        "people reported missing to the police are adults. Officer Laurie Graber bought the "
        "ring and told the nurses to deliver it. Smith claimed the prize on Monday."
    )
    assert _one(qs, "the women made only").speaker == "Jane Roe"
    said = _quotes("Ahmadinejad spoke in New York. He said letting her leave jail was a gesture.")
    assert _one(said, "letting her leave jail").speaker == "Ahmadinejad"
    assert not [q for q in qs if "missing" in q.text or "deliver" in q.text or "prize" in q.text]


def test_a_sentence_introduced_by_a_colon_is_not_the_next_speakers() -> None:
    qs = _quotes(
        'Robert Ricks wrote a warning. He said: "Water shortages will be terrible." A '
        "spokesman for the agency said the plan was fine. Perhaps most remarkably, Ricks' "
        'document predicted: "Most of the area will be uninhabitable."'
    )
    assert _one(qs, "Water shortages").speaker == "Robert Ricks"
    assert _one(qs, "the plan was fine").speaker == "a spokesman for the agency"
    assert _one(qs, "Most of the area").speaker == "Robert Ricks"


def test_a_closed_quote_is_not_the_next_sentences_reported_speakers() -> None:
    qs = _quotes(
        'Mayor Jim Hale spoke first. "We will rebuild this town." Councilwoman Ann Lee said the '
        'money was not there. "We won." Hale said in a statement released on Tuesday.'
    )
    assert _one(qs, "We will rebuild").speaker == "Jim Hale"
    assert _one(qs, "the money was not there").speaker == "Ann Lee"
    assert _one(qs, "We won").speaker == "Jim Hale"


def test_a_heading_run_into_the_sentence_is_not_its_subject() -> None:
    qs = _quotes(
        "President Donald Trump spoke for an hour on Thursday.\n\nMEDIA\n\nThe president "
        "blasted media from all over the country, accusing outlets of speaking \"not for the "
        'people but for the special interests." He maintained that the press is dishonest.'
    )
    assert _one(qs, "not for the people").speaker == "Donald Trump"


def test_a_bare_plural_with_what_it_knows_is_an_unnamed_source() -> None:
    qs = _quotes(
        "Acme Corp. is weighing a sale of its chip unit. People familiar with the matter said "
        "talks were at an early stage. Sources briefed on the talks said a deal could come soon."
    )
    q = _one(qs, "talks were at")
    assert (q.speaker, q.speaker_kind) == ("people familiar with the matter", "unnamed")
    assert _one(qs, "a deal could").speaker == "sources briefed on the talks"


def test_a_peer_named_by_title_and_place_speaks() -> None:
    qs = _quotes(
        'Prince Harry visited the clinic on Tuesday. "This is a place of hope," the Duke of '
        'Sussex said. "We are grateful," said the Earl of Wessex.'
    )
    assert _one(qs, "This is a place").speaker == "Duke of Sussex"
    assert _one(qs, "We are grateful").speaker == "Earl of Wessex"


def test_the_airline_is_the_body_whose_name_says_airlines() -> None:
    qs = _quotes(
        "A United Airlines flight bound for Denver returned to Chicago on Monday after an engine "
        "failed. Boeing, which built the jet, said it was working with investigators. Boeing has "
        'faced scrutiny for months. "Safety is our top priority," the airline said.'
    )
    assert _one(qs, "Safety is our").speaker == "United Airlines"


def test_a_quotation_nested_before_the_outer_ones_comma_is_read() -> None:
    # the inner quotation closes just before the outer one's comma: this crashed the parse
    qs = _quotes(
        "Staff noticed children arriving hungry.\n\n'When a seven-year-old tells you \"I haven't "
        "had anything since lunch yesterday\", you don't ask questions – you feed them,' said "
        "the head teacher, Grace Okonjo."
    )
    assert _one(qs, "When a seven-year-old").speaker == "Grace Okonjo"


def test_the_agency_and_the_league_are_the_bodies_whose_names_say_so() -> None:
    qs = _quotes(
        "The Food and Drug Administration on Thursday approved the first gene therapy for a rare "
        "form of deafness.\n\nThe therapy, which will be sold by Auralis Therapeutics, is for "
        "children.\n\nThe agency said the approval was based on a study of 21 children.",
        "The Centers for Disease Control and Prevention on Friday warned doctors about a strain "
        "of shigella.\n\nIn a health advisory, the agency said the strain “is resistant to all "
        "commonly recommended antibiotics.”",
        "The NFL suspended safety Deion Castle for three games on Tuesday.\n\n\"Players are "
        'expected to avoid unnecessary hits," the league said in a statement.',
    )
    assert _one(qs, "the approval was").speaker == "Food and Drug Administration"
    assert _one(qs, "is resistant").speaker == "Centers for Disease Control and Prevention"
    assert _one(qs, "Players are expected").speaker == "NFL"


def test_a_report_and_its_issuer_in_one_phrase_are_the_issuers() -> None:
    qs = _quotes(
        "WASHINGTON (Reuters) - The Department of Veterans Affairs paid contractors nearly $200 "
        "million for equipment it never received, according to a report released Tuesday by the "
        "Government Accountability Office."
    )
    q = _one(qs, "The Department of Veterans Affairs paid")  # the dateline is no one's words
    assert q.speaker == "Government Accountability Office"


def test_a_description_in_place_of_the_name_carries_the_person_on() -> None:
    qs = _quotes(
        "Savannah Pryce is opening up about the toughest year of her life.\n\nIn a candid new "
        "interview with Vanity Fair, the Oscar nominee, 41, reflected on her divorce from "
        "director Julian Ashcroft.\n\n“I stopped reading anything about myself,” the actress "
        "said.",
        "Tessa Marlowe is getting real about life with her husband, country star Brody Kincaid."
        "\n\nAppearing on a podcast this week, the 36-year-old model said the couple have a "
        "strict rule about phones at dinner.\n\n“If Brody’s phone comes out, he’s doing the "
        "dishes,” she said.",
    )
    assert _one(qs, "I stopped reading").speaker == "Savannah Pryce"
    assert _one(qs, "the couple have").speaker == "Tessa Marlowe"
    assert _one(qs, "If Brody").speaker == "Tessa Marlowe"


def test_an_anonymous_official_stays_unnamed_and_keeps_the_quote() -> None:
    qs = _quotes(
        "WASHINGTON (AP) — The White House will announce new export restrictions next week, a "
        "senior administration official said Tuesday.\n\nThe official, who briefed reporters on "
        "condition of anonymity under ground rules set by the White House, said the rules were "
        '"narrowly tailored to protect national security."\n\nCommerce Secretary Nathaniel '
        "Oduya is expected to detail the measures in a speech Thursday."
    )
    first = _one(qs, "The White House will")
    assert (first.speaker_kind, first.speaker) == ("unnamed", "a senior administration official")
    assert _one(qs, "narrowly tailored").speaker_kind == "unnamed"


def test_the_company_is_the_one_the_narration_was_about() -> None:
    qs = _quotes(
        "Larkspur Airlines said on Monday it would cancel 1,200 flights because of delays in "
        'deliveries from Boeing.\n\n"We deeply regret the inconvenience," the company said.\n\n'
        'Vukovic, for her part, praised her opponent. "She has a big future," the Croatian said.'
    )
    assert _one(qs, "We deeply regret").speaker == "Larkspur Airlines"
    assert _one(qs, "She has a big future").speaker == "Vukovic"


def test_an_interviews_questions_and_answers_and_an_oral_historys_labels() -> None:
    qs = _quotes(
        "Priya Raman’s new book is a history of the early internet. She spoke with staff writer "
        "Dana Whitcomb from her home in Oakland.\n\nQ: Why write about the 1970s now?\n\nA: "
        "Because everyone assumes this all started with social media.",
        "The oral history below has been edited.\n\nGLORIA FENN, producer: We had eleven days "
        "to shoot the pilot.\n\nWESLEY OKORO, director: They sent back forty pages of notes.",
    )
    assert _one(qs, "Why write about").speaker == "Dana Whitcomb"
    assert _one(qs, "Because everyone").speaker == "Priya Raman"
    assert _one(qs, "We had eleven days").speaker.lower() == "gloria fenn"
    assert _one(qs, "They sent back").speaker.lower() == "wesley okoro"


def test_the_team_after_a_clause_about_it_is_that_team() -> None:
    qs = _quotes(
        "The Denver Broncos have placed wide receiver Malik Jennings on injured reserve, the "
        "team announced Wednesday."
    )
    assert _one(qs, "The Denver Broncos have placed").speaker == "Denver Broncos"


def test_one_of_many_is_no_name_and_a_councillors_title_comes_off() -> None:
    qs = _quotes(
        "Talks on the budget stalled on Tuesday. The two sides are \"further apart than it looks "
        'from the outside," one House Republican said.\n\nCllr Simon Athersmith, the council '
        "leader, said: 'I'm not going to stand here and make excuses.'"
    )
    assert _one(qs, "further apart").speaker_kind == "unnamed"
    assert _one(qs, "I'm not going").speaker == "Simon Athersmith"
