"""Names in sports tables (results rows, standings, scorer lists), read through the whole path:
cleaning keeps a table an article ends on, and its cells reach the entity table."""

from __future__ import annotations

from storyweave.analysis.entities import find_entities
from storyweave.analysis.tables import cells
from storyweave.brief import prepare
from storyweave.model import Article, Entity
from storyweave.text.annotate import annotate


def _cells(line: str) -> list[tuple[str, str]]:
    return [(line[c.start : c.end], c.role) for c in cells(line)]


def _kinds(text: str) -> dict[str, str]:
    arts = [Article("a0", "", "", text, raw=text)]
    kept, sents, _ = prepare(arts)
    ents: list[Entity] = find_entities(kept, sents, annotations=annotate(kept, sents))
    return {form: e.kind for e in ents for form in (e.name, *e.variants)}


def test_a_results_row_names_both_sides_and_its_scorers() -> None:
    assert _cells("Volendam 1 (Jongsma 85th) Kordavia Tessen 3 (Marcelo 19th, 47th).") == [
        ("Volendam", "side"),
        ("Jongsma", "player"),
        ("Kordavia Tessen", "side"),
        ("Marcelo", "player"),
    ]


def test_standings_fixtures_and_cricket_rows_name_their_cells() -> None:
    assert _cells("SAN DORELLO 70 60 .538 -") == [("SAN DORELLO", "side")]
    assert _cells("Brellow v Stamwick, Notts Vale v Yarn,") == [
        ("Brellow", "side"),
        ("Stamwick", "side"),
        ("Notts Vale", "side"),
        ("Yarn", "side"),
    ]
    assert _cells("Kentmere 323-5 declared (C. Hoopwell 77, P. Nixby 67 not out)") == [
        ("Kentmere", "side"),
        ("C. Hoopwell", "player"),
        ("P. Nixby", "player"),
    ]


def test_prose_and_dates_are_no_table() -> None:
    assert cells("The company said Calder 3 was its best model since 2019.") == []
    assert cells("NEW YORK 1996-08-22") == []
    assert cells("Shares of Calder Oil fell 3 percent on Monday, traders said.") == []


def test_a_results_table_at_the_end_of_a_report_keeps_its_teams() -> None:
    kinds = _kinds(
        "Results of matches in the Tessaly first division played on Sunday:\n"
        "Lucchara 1 Vorenza 2\n"
        "Brellow 3 Stamwick 0\n"
        "Korsund 2 Dalvik Olm 2\n"
        "-- Tessaly Desk +44 171 542 7658"
    )
    for team in ("Lucchara", "Vorenza", "Brellow", "Stamwick", "Korsund", "Dalvik Olm"):
        assert kinds.get(team) == "organization", (team, kinds)
    # the desk's contact line after the table is still the page's, not the report's
    assert "Tessaly Desk" not in kinds


def test_scorers_in_brackets_are_people() -> None:
    kinds = _kinds(
        "Soccer results in the Tessaly league on Saturday:\n"
        "Lucchara 2 (Marvanek 12th, Oddsen 80th) Vorenza 1 (Tillborg 44th)\n"
        "Brellow 0 Stamwick 0"
    )
    for player in ("Marvanek", "Oddsen", "Tillborg"):
        assert kinds.get(player) == "person", (player, kinds)


def test_a_scorecard_and_a_players_club_name_people_and_sides() -> None:
    assert _cells("G. Thorbury st Moin Kassar b Aamir Sohrab 23") == [
        ("G. Thorbury", "player"),
        ("Moin Kassar", "player"),
        ("Aamir Sohrab", "player"),
    ]
    assert _cells("Srutwin (Ruch Chorzel), Emmanuel Tettor (Polonia Warszel),") == [
        ("Srutwin", "player"),
        ("Ruch Chorzel", "affiliation"),
        ("Emmanuel Tettor", "player"),
        ("Polonia Warszel", "affiliation"),
    ]
    # a venue before a colon is no player's club
    assert ("Leeds", "player") not in _cells("Leeds (Headingley): Yorkshire 290 (C. Whitby 76)")


def test_a_city_that_fields_a_team_is_the_team_in_the_table_and_the_place_in_the_dateline() -> None:
    text = (
        "RENNES, France 1996-08-29\n"
        "Results of French first division matches played in Rennes on Wednesday:\n"
        "Rennes 1 Nantes 2\n"
        "Lorvanne 0 Brellow 0"
    )
    kept, sents, _ = prepare([Article("a0", "", "", text, raw=text)])
    ents = find_entities(kept, sents, annotations=annotate(kept, sents))
    assert {e.kind for e in ents if e.name.casefold() == "rennes"} == {"organization", "place"}


def test_an_adjective_made_from_a_name_is_not_an_entity() -> None:
    kinds = _kinds(
        "The Boston-based company said on Monday that the NATO-led force in Kosovo had bought "
        "its radios. Boston Dynamics makes robots. Kim Jong-il visited the plant."
    )
    assert "Boston-based" not in kinds and "NATO-led" not in kinds
    # a name's own lower-case part after a hyphen is no adjective
    assert kinds.get("Kim Jong-il") == "person"


def test_a_clocks_zone_is_no_organisation() -> None:
    kinds = _kinds("Voting in Tessaly closes at 1400 GMT on Sunday, officials of Calder Oil said.")
    assert "GMT" not in kinds and "Tessaly" in kinds


def test_a_players_country_in_brackets_is_a_place() -> None:
    kinds = _kinds(
        "Results of the Tessaly Open on Thursday:\n"
        "Jan Siemerwick (Netherlands) beat Petr Kordova (Czech Republic) 6-3 6-4\n"
        "Marvin Tollbar (Netherlands) beat Guy Forgeron (France) 7-5 6-2\n"
    )
    assert kinds.get("Netherlands") == "place" and kinds.get("Czech Republic") == "place"


def test_a_name_run_over_a_scorecards_small_words_gives_way_to_its_players() -> None:
    # the small model reads "M. Azharuddin st Kaluwitharana" as one person's name
    kinds = _kinds(
        "India first innings:\n"
        "S. Ganguly c Jayasuriya b Vaas 12\n"
        "M. Azharuddin st Kaluwitharana b Muralitharan 12\n"
        "R. Dravid not out 40\n"
    )
    assert "M. Azharuddin st Kaluwitharana" not in kinds
    for player in ("M. Azharuddin", "Kaluwitharana", "Muralitharan", "Jayasuriya"):
        assert kinds.get(player) == "person", (player, kinds)


def test_fixtures_a_report_ends_on_are_kept_and_read() -> None:
    kinds = _kinds(
        "Brellow beat Stamwick 2-1 on Saturday to go top of the Tessaly first division.\n"
        "Fixtures for Sunday:\n"
        "Lorvanne v Korsund\n"
        "Dalvik Olm v Vorenza\n"
    )
    for team in ("Lorvanne", "Korsund", "Dalvik Olm", "Vorenza"):
        assert kinds.get(team) == "organization", (team, kinds)


def test_innings_bracketed_minutes_and_a_headlines_match_name_their_cells() -> None:
    assert _cells("At Worcester: Warwick 310 (A. Gilesby 83), Northam 123-4 (K. Currow 51).") == [
        ("Warwick", "side"),
        ("A. Gilesby", "player"),
        ("Northam", "side"),
        ("K. Currow", "player"),
    ]
    assert _cells("Scorers: Lubarsko (50th minute), Valkucek (54th)") == [
        ("Lubarsko", "player"),
        ("Valkucek", "player"),
    ]
    assert _cells("SOCCER - BARCELLO BEAT ATLETIVO 5-2 IN SUPERCUP.") == [
        ("BARCELLO", "side"),
        ("ATLETIVO", "side"),
    ]
    # two players with their countries meet "vs."; two clubs of two countries score goals
    assert _cells("Karol Kucerov (Slovakia) vs. Jonas Bjorkstam (U.S.)") == [
        ("Karol Kucerov", "player"),
        ("Slovakia", "affiliation"),
        ("Jonas Bjorkstam", "player"),
        ("U.S.", "affiliation"),
    ]
    assert _cells("Gloria Bistrel (Romania) 2 Valletto (Malta) 1")[0] == ("Gloria Bistrel", "side")
    # a leaderboard's golfers, with or without a country; a standings row stays a side's
    assert _cells("Mike Claymore (Australia) 69 76, Iain Pymont 72 74") == [
        ("Mike Claymore", "player"),
        ("Australia", "affiliation"),
        ("Iain Pymont", "player"),
    ]
    assert _cells("SAN DORELLO 70 60 .538 -") == [("SAN DORELLO", "side")]
    # a player's own bracket wins over the match: "X (Country) beat Y (Country)"
    assert ("Filippo Vegliotti", "player") in _cells(
        "Filippo Vegliotti (Switzerland) beat Christian Ruudsen (Norway) 1-6 6-4"
    )


def test_a_home_nation_is_a_place_even_opening_a_sentence() -> None:
    kinds = _kinds("England won the cricket match at Lord's by five wickets on Thursday.")
    assert kinds.get("England") == "place"


def test_a_single_result_after_its_caption_is_kept() -> None:
    kinds = _kinds(
        "SOCCER - TESSALY FIRST DIVISION RESULT.\n"
        "Result of a Tessaly first\n"
        "division match on Thursday:\n"
        "Lucchara 1 Dalvik Olm 4"
    )
    assert kinds.get("Lucchara") == "organization" and kinds.get("Dalvik Olm") == "organization"


def test_an_adjective_before_a_name_and_a_hanging_connector_stay_out_of_it() -> None:
    kinds = _kinds(
        "Second-placed Kentmoor lost to Tessaly Pirates of Calder on Sunday, and Serb-held "
        "Dobrova was shelled again, the Calder Sports Desk said."
    )
    assert "Second-placed Kentmoor" not in kinds and "Serb-held Dobrova" not in kinds
    assert not any(name.endswith(" of") for name in kinds), kinds
