"""Figures as the text writes them (`analysis/quantities.py`): values, units, hedges, ranges,
bounds, rates, ages, durations, and the days a sentence names."""

from __future__ import annotations

from storyweave.analysis.quantities import day_dates, figures, quantities


def test_quantities_normalise_units() -> None:
    found = {
        (q.kind, q.value)
        for q in quantities(
            "It cost $2.5 million, up 12% on the 46-year-old plan backed by 100,000 signatures."
        )
    }
    assert found == {
        ("money", 2.5e6),
        ("percent", 12.0),
        ("age", 46.0),
        ("count:signatur", 100000.0),
    }
    assert quantities("In 2012 the club was sold.") == []


def test_figures_read_a_joined_unit_and_a_share() -> None:
    assert "5 year" in figures("Arriaga signed a five-year contract on Monday.")
    assert "5 year" in figures("HE PUT PEN TO PAPER ON A FIVE-YEAR DEAL IN LISBON.")
    assert "140 metr" in figures("Cracks were found on the 140-metre arch.")
    assert "9 percent" in figures("The cuts affect about 9% of the staff.")
    assert "9 percent" in figures("It will cut about 9 per cent of its workforce.")
    assert not figures("The mayor thanked the volunteers.")


def test_day_first_dates_are_dates_not_counts() -> None:
    assert day_dates("Inspectors visited the school on 11 February.") == ["february 11"]
    assert day_dates("It reopens on the 4th of March, not March 9.") == ["march 4", "march 9"]
    assert day_dates("The 3 may have left early.") == []  # "may" the verb
    # "4 February" is a day, not four of something called February
    assert quantities("The school was inspected on 4 February by a team.") == []
    assert [q.value for q in quantities("The school has 412 pupils.")] == [412.0]


def test_a_count_of_a_hyphenated_thing_is_a_count() -> None:
    """'four half-siblings' counts half-siblings, so two outlets giving four and five of them
    can be compared; a code after a number ('12 covid-19 cases') is still no counted thing."""
    (q,) = quantities("He grew up with his four half-siblings and their mother.")
    assert (q.kind, q.value) == ("count:half-sibling", 4.0)
    assert not [q for q in quantities("Officials logged 12 covid-19 cases.") if "covid" in q.kind]


def test_ages_written_out_with_halves_and_months() -> None:
    """An age is read however an outlet writes it, so 'two and a half year old' and
    'three-year-old' are two ages of one child, not a count of halves."""
    ages = {
        "The two and a half year old child was taken.": 2.5,
        "The 2½-year-old boy was taken.": 2.5,
        "The three-year-old son was taken.": 3.0,
        "An 18-month-old girl was found safe.": 1.5,
        "He was 45 years old.": 45.0,
    }
    for text, age in ages.items():
        assert [(q.kind, q.value) for q in quantities(text)] == [("age", age)], text


def test_durations_read_in_minutes() -> None:
    got = [
        (q.kind, q.value)
        for text in (
            "In nearly an hour and a half at the podium, she answered questions.",
            "The crew worked for two and a half hours to free the driver.",
            "The meeting ran for half an hour.",
        )
        for q in quantities(text)
    ]
    assert got == [("duration", 90.0), ("duration", 150.0), ("duration", 30.0)]


def test_a_time_later_is_no_length_of_time() -> None:
    text = "Mayor Ilse Brandt left two hours later; the depot is 30 minutes from the city."
    assert [q.kind for q in quantities(text) if q.kind == "duration"] == []


def test_a_share_under_one_written_without_its_zero() -> None:
    (q,) = quantities("The driver had a blood alcohol level of .26%, police said.")
    assert (q.kind, q.value) == ("percent", 0.26)
    assert [q.value for q in quantities("Turnout was 71.8% and 5% spoiled.")] == [71.8, 5.0]


def test_a_bound_written_after_its_figure() -> None:
    (q,) = quantities("Residents earning $200,000 or more gave less.")
    assert q.interval() == (200_000.0, float("inf"))
    (q,) = quantities("It costs $50 or less a month.")
    assert q.interval()[0] == 0.0


def test_a_range_is_read_with_both_ends() -> None:
    (hours,) = quantities("Flights were delayed one to three hours.")
    assert (hours.kind, hours.interval()[0] < 120 < hours.interval()[1]) == ("duration", True)
    (people,) = quantities("Between 10 and 15 people were hurt.")
    assert (people.kind, people.value, people.low) == ("count:peopl", 15.0, 10.0)
    (charges,) = quantities("He faces two or three charges.")
    assert (charges.kind, charges.low) == ("count:charg", 2.0)
    # a change is no range: the figure is the new value
    assert [q.low for q in quantities("It rose from 4% to 6%.")] == [-1.0, -1.0]


def test_counts_listed_with_others_of_their_kind_add_up() -> None:
    (charges,) = quantities("He was paroled on two kidnapping and three other charges.")
    assert (charges.kind, charges.value) == ("count:charg", 5.0)


def test_a_number_after_a_day_of_the_month_is_read() -> None:
    (toll,) = quantities("Attacks on July 22 that left 77 people dead shocked Norway.")
    assert (toll.kind, toll.value) == ("count:peopl", 77.0)


def test_a_span_of_time_before_or_within_is_a_bound() -> None:
    (weeks,) = quantities("Infants born before 27 weeks of gestation were studied.")
    assert weeks.interval() == (0.0, 27.0)
    (hours,) = quantities("He died within 48 hours.")
    assert hours.interval()[0] == 0.0
    (fans,) = quantities("They played before 20,000 fans.")  # a place, not a bound
    assert fans.interval()[0] > 0.0


def test_a_rate_is_read_with_its_unit() -> None:
    speed, limit = quantities("It was going 80 miles per hour on a 30 mile per hour track.")
    assert (speed.value, speed.per, limit.per) == (80.0, "hour", "hour")
    assert speed.compatible(limit)  # a speed and a speed limit: one kind, both per hour
    (pay,) = quantities("He was paid $9,000 a week.")
    (total,) = quantities("He was paid $9,000 in all.")
    assert pay.per == "week" and not pay.compatible(total)
    assert quantities("at 60 mph")[0].per == "hour"


def test_a_half_written_out_is_part_of_the_figure() -> None:
    (words,) = quantities("The tooth was 5 and a half inches long, the museum said.")
    (digits,) = quantities("The tooth was 5.5 inches long.")
    assert (words.kind, words.value) == (digits.kind, digits.value) == ("count:inch", 5.5)
