"""Boilerplate removal: each junk kind goes with its reason; real sentences, quotes stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyweave.read import article_from_text, read
from storyweave.text.clean import clean_articles, clean_text, repeated_lines

PARA1 = "The harbour bridge reopened on Monday after three months of repairs, the council said."
PARA2 = "Crews replaced forty steel cables and repainted the deck before the first buses crossed."
PARA3 = "The repairs cost twelve million dollars, less than the budget set aside last year."


def body(*lines: str) -> str:
    return "\n\n".join(lines)


def reasons(raw: str, **kw: object) -> dict[str, str]:
    _, removed = clean_text(raw, **kw)  # type: ignore[arg-type]
    return {r.text: r.reason for r in removed}


@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        ("Jane Porter/Getty Images", "photo credit"),
        ("Tom Reyes/WireImage", "photo credit"),
        ("Getty Images", "photo credit"),
        ("AP Photo/Sam Lee", "photo credit"),
        ("Image via Splash", "photo credit"),
        ("Photo: Maria Lind for the Gazette", "photo credit"),
        ("Courtesy of the Harbour Museum", "photo credit"),
        ("  \u2022 Share", "share widget"),
        ("Tweet", "share widget"),
        ("Share this article on Facebook", "share widget"),
        ("Read More >", "promo link"),
        ("READ MORE: Ferry Fares Rise Again", "promo link"),
        ("WATCH: Mayor Opens the Bridge in Style", "promo link"),
        ("Related: Five Bridges That Changed the City", "promo link"),
        ("More from The Gazette: Ferry Strike Ends After Two Weeks", "promo link"),
        ("Check out the video below for a look at the opening ceremony.", "promo link"),
        ("Click here to see the photos", "promo link"),
        ("Advertisement", "advertisement"),
        ("Sign up for our daily newsletter", "newsletter prompt"),
        ("Subscribe to get the latest updates in your inbox", "newsletter prompt"),
        ("Follow us on Twitter", "social prompt"),
        ("Follow Gazette Harbour Investigations on Twitter and Facebook", "social prompt"),
        ("Follow us @HarbourGazette, Facebook or Instagram.", "social prompt"),
        (
            "Facebook Twitter Pinterest Divers at the north pier on Monday Photograph: Jo Lee",
            "photo caption",
        ),
        ("Jane Porter can be reached at jporter@example.com", "contact line"),
        ("Originally published on Harbour Science.", "syndication note"),
        ("Add Interest", "button label"),
        ("\u00a9 2024 Harbour Gazette. All rights reserved.", "copyright notice"),
        ("By Jane Porter", "byline"),
        ("By JANE PORTER and Tom Reyes", "byline"),
        ("Updated 3:45 PM, March 4, 2024", "page date line, read as the article's date 2024-03-04"),
        ("https://www.example.com/story/123", "bare link"),
        ("March 4, 2024 | 3:45 p.m. ET", "page date line, read as the article's date 2024-03-04"),
        ("Politics | City Council | Housing", "tag list"),
        ("Tags: bridges, transport, harbour", "navigation"),
        ("14 Comments", "comment count"),
        (
            "Video Loading Video Unavailable Click to play Tap to play The video will start in 8 "
            "Cancel Play now",
            "platform notice",
        ),
        ("Tweet with a location", "platform notice"),
        (
            "Image copyright Elling Press Image caption The bridge at dawn, before the closure",
            "photo caption",
        ),
        ("Media caption Watch: the mayor explains why the harbour bridge shut", "photo caption"),
        (
            "FILE - In this March 5, 2024, file photo, engineers inspect the Gull Quay footbridge.",
            "photo caption",
        ),
        (
            "In this undated photo provided by the city, the bridge is lit at night.",
            "photo caption",
        ),
        ("Please enter the characters shown in the box to continue", "platform notice"),
        ("Note: * A friend wanted you to see this story from Gazette.example", "platform notice"),
        (
            "You can add location information to your Tweets, such as your city or precise "
            "location, from the web and via third-party applications.",
            "platform notice",
        ),
        (
            "Since 2001 the Lantern Web Trust has been donating their crawl data to the Internet "
            "Archive, where it is added to the Wayback Machine after an embargo period.",
            "web archive notice",
        ),
        ("Have your say in the comments below", "reader poll"),
        ("Download the Harbour Gazette app for breaking news alerts", "app prompt"),
        (
            "Market data provided by Quotewell. Quotes delayed at least 15 minutes.",
            "market-data notice",
        ),
        (
            "This article is for informational purposes only and is not a substitute for "
            "professional medical advice, diagnosis or treatment. Always ask your doctor about "
            "any questions you may have regarding a medical condition.",
            "disclaimer",
        ),
        (
            "Our reporting is free to read because readers like you chip in. If you value local "
            "news, become a member today for as little as three dollars a month and help keep "
            "our newsroom going.",
            "subscription pitch",
        ),
        (
            "Crowds filled the bridge deck on Monday as the first buses crossed. "
            "(Photo: Jane Porter)",
            "photo credit",
        ),
        (
            "We and our partners use cookies on this site to improve our service and personalise "
            "advertising. By using the site, you consent to these cookies. See our Cookie Policy.",
            "cookie notice",
        ),
        (
            "We've detected that JavaScript is disabled in your browser. Would you like to "
            "proceed to legacy Twitter?",
            "platform notice",
        ),
    ],
)
def test_junk_removed_with_reason(junk: str, reason: str) -> None:
    raw = body(PARA1, junk, PARA2, PARA3)
    text, removed = clean_text(raw)
    assert [(r.line, r.reason) for r in removed] == [(3, reason)]
    assert junk.strip() not in text
    assert text == body(PARA1, PARA2, PARA3)


def test_removed_lines_keep_text_and_line_number() -> None:
    raw = "\n" + body(PARA1, "Getty Images", PARA2)
    _, removed = clean_text(raw)
    (r,) = removed
    assert (r.line, r.text, r.reason) == (4, "Getty Images", "photo credit")


def test_title_repeated_at_top_removed() -> None:
    raw = body("Bridge Reopens After Repairs", PARA1, PARA2)
    text, removed = clean_text(raw, title="Bridge reopens after repairs")
    assert [r.reason for r in removed] == ["repeats the title"]
    assert text.startswith(PARA1)


def test_a_lead_sentence_standing_as_the_title_stays_in_the_text() -> None:
    lead = "(KVX) A woman killed three people at a warehouse in Harbourton on Thursday, police said."
    text, removed = clean_text(body(lead, PARA1, PARA2), title=lead)
    assert "A woman killed three people" in text and removed == ()


def test_caption_repeating_a_name() -> None:
    raw = body(
        "Mara Castellan, the city engineer, led the repairs on the harbour bridge this spring.",
        "mara castellan",
        PARA2,
        "Mara Castellan",
        PARA3,
    )
    got = reasons(raw)
    assert got == {
        "mara castellan": "caption repeating a name",
        "Mara Castellan": "caption repeating a name",
    }


def test_name_line_not_in_article_kept() -> None:
    raw = body(PARA1, "Oskar Brandt", PARA2)
    assert reasons(raw) == {}


def test_caption_before_credit() -> None:
    raw = body(PARA1, "Crowds At The Opening", "Jane Porter/Getty Images", PARA2)
    assert reasons(raw) == {
        "Crowds At The Opening": "photo caption",
        "Jane Porter/Getty Images": "photo credit",
    }


def test_reader_poll_at_the_end_removed_but_not_in_body() -> None:
    poll = "Are you happy to hear that the bridge is open again?"
    raw = body(PARA1, poll, PARA2, PARA3, poll, "What do you think?", "Image via Splash")
    text, removed = clean_text(raw)
    assert [(r.line, r.reason) for r in removed] == [
        (9, "reader poll"),
        (11, "reader poll"),
        (13, "photo credit"),
    ]
    assert poll in text  # the same question inside the body stays


def test_closing_question_without_you_kept() -> None:
    raw = body(PARA1, PARA2, "Will the bridge last another fifty years?")
    assert reasons(raw) == {}


@pytest.mark.parametrize(
    "line",
    [
        "He refused.",
        "It worked.",
        '"We are glad it is over," the mayor said.',
        "\u201cNever again.\u201d",
        "So, now the city is looking at the bigger picture.",
        "Why did it take so long?",
        "The Repairs",  # a subheading inside the body
        "What Happens Next",
        "Photographs of the old bridge were shown at the museum, the curator said.",
        "Shares of the builder rose 4% after the announcement.",
        "Residents can sign up for the bridge walking tour through the city website, she said.",
        "Watch groups representing cyclists want a wider lane.",
        "Related charges against the contractor were dropped in May.",
        "Share prices of the builder rose after the contract was signed.",
        "Advertisement spending by the toll operator fell by a third.",
        "Follow-up inspections are planned every six months.",
        "Photo booths and food stalls lined the approach road on opening day.",
        "Archivists said the Wayback Machine kept copies of the council's deleted web pages.",
        "The video showed the cable snapping, and officials said it would start a review.",
        "Click-through traffic to the city's bridge page tripled.",
        "Sign-ups for the free commuter pass doubled after the subscription price fell.",
        "The data is provided by the transport department every quarter.",
        "Will it survive?",
        "It passed anyway.",
        "In this case, the photographs of the cracks were never published by the council.",
        "File photos of the bridge show the same cracks in 2019, the engineers said.",
    ],
)
def test_real_content_kept(line: str) -> None:
    raw = body(PARA1, line, PARA2, PARA3)
    text, removed = clean_text(raw)
    assert removed == ()
    assert line in text


def test_wrapped_lines_form_one_paragraph() -> None:
    raw = (
        "The harbour bridge reopened on Monday after three months of\n"
        "repairs, the council said in a statement on its website.\n\n"
        "Getty Images\n\n" + PARA2
    )
    text, removed = clean_text(raw)
    assert text.split("\n\n")[0] == (
        "The harbour bridge reopened on Monday after three months of "
        "repairs, the council said in a statement on its website."
    )
    assert [r.line for r in removed] == [4]


def test_a_pdf_pasted_with_every_line_doubled_is_read_as_sentences() -> None:
    raw = (
        "On March 3 the committee voted to disclose a memorandum containing\n\n"
        "information provided to it in connection with its oversight work (the report,\n\n"
        "which is attached to this letter). The committee has forwarded it to the\n\n"
        "President based on its view that the release would serve the public.\n\n"
        "Next steps\n\n"
        "The chair will brief the full house on Thursday about the outcome of the vote."
    )
    text, _ = clean_text(raw)
    assert text.split("\n\n") == [
        "On March 3 the committee voted to disclose a memorandum containing information "
        "provided to it in connection with its oversight work (the report, which is attached "
        "to this letter). The committee has forwarded it to the President based on its view "
        "that the release would serve the public.",
        "Next steps",
        "The chair will brief the full house on Thursday about the outcome of the vote.",
    ]


def test_a_heading_ending_on_a_preposition_is_not_joined_to_the_next_paragraph() -> None:
    heading = "Related: Bridge closures this winter: what drivers should look for"
    text, _ = clean_text(body(PARA1, heading, PARA2))
    assert PARA2 in text.split("\n\n")


def test_paragraphs_separated_by_blank_line() -> None:
    text, _ = clean_text(f"{PARA1}\n{PARA2}\n\n\n{PARA3}")
    assert text == body(PARA1, PARA2, PARA3)


def test_long_sentence_never_removed_by_weak_rule() -> None:
    long = (
        "WATCH: the council said that the repairs, which took three months and cost twelve "
        "million dollars, were finished ahead of schedule and that the bridge would stay open."
    )
    assert reasons(body(PARA1, long, PARA2)) == {}


def _article(title: str, *paras: str, origin: str) -> object:
    return article_from_text(body(*paras), source=origin, origin=origin, title=title)


def test_repeated_widget_lines_across_articles_removed() -> None:
    a = article_from_text(
        body(PARA1, "The Harbour Gazette Newsroom", PARA2), source="a", origin="a", title="A"
    )
    b = article_from_text(
        body("A different report on the ferries opened the day.", "The Harbour Gazette Newsroom")
        + "\n\nFerry fares will rise next month, the operator said on Tuesday.",
        source="b",
        origin="b",
        title="B",
    )
    out = clean_articles([a, b])
    for art in out:
        assert art.cleaned
        assert "Harbour Gazette Newsroom" not in art.text
        assert [r.reason for r in art.removed] == ["repeated across articles"]
    # alone, the same line is kept: it is only junk because it repeats
    (alone,) = clean_articles([a])
    assert "The Harbour Gazette Newsroom" in alone.text


def test_syndicated_copies_keep_shared_sentences_and_subheadings() -> None:
    shared = [PARA1, "The Repairs", PARA2, PARA3]
    a = article_from_text(body(*shared), source="a", origin="a", title="T")
    b = article_from_text(body(*shared), source="b", origin="b", title="T")
    out = clean_articles([a, b])
    for art in out:
        assert art.removed == ()
        assert art.text == body(*shared)
    assert repeated_lines([a, b]) == set()


def test_clean_articles_skips_cleaned_and_keeps_raw() -> None:
    a = article_from_text(body(PARA1, "Getty Images", PARA2), source="a", origin="a", title="T")
    (c,) = clean_articles([a])
    assert c.raw == a.raw and c.text == body(PARA1, PARA2) and c.cleaned
    (again,) = clean_articles([c])
    assert again is c


def test_a_junk_title_line_is_dropped_and_reported() -> None:
    raw = "Type the characters you see in the picture above\n\n" + body(PARA1, PARA2)
    a = article_from_text(raw, source="a", origin="a")
    assert a.title.startswith("Type the characters")
    (c,) = clean_articles([a])
    assert c.title == "" and c.text == body(PARA1, PARA2)
    assert (c.removed[0].line, c.removed[0].reason) == (0, "platform notice")
    good = article_from_text("Harbour bridge reopens\n\n" + PARA1, source="b", origin="b")
    assert clean_articles([good])[0].title == "Harbour bridge reopens"


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def test_seeds(seeds_dir: Path) -> None:
    """General properties on the real scraped seeds, not their strings."""
    articles = clean_articles(read(seeds_dir))
    assert articles
    for a in articles:
        kept_lines = set(a.text.split("\n\n"))
        raw_lines = [x.strip() for x in a.raw.split("\n")]
        removed = {r.line: r for r in a.removed}
        for n, line in enumerate(raw_lines, 1):
            if not line:
                continue
            # every line with a double quotation mark (a quote) survives
            if any(q in line for q in '"“”'):
                assert line in kept_lines, line
            # slash credits, agency names, share widgets and cookie text are removed
            if re.fullmatch(r"[A-Z][\w .'-]+/[A-Z][\w .'-]+", line):
                assert removed[n].reason == "photo credit"
            if (
                re.search(r"\b(Getty|WireImage|Shutterstock|Splash)\b", line)
                and len(line.split()) <= 5
            ):
                assert n in removed, line
            if re.fullmatch(r"\W*(Share|Tweet|Email|Pin)\W*", line):
                assert removed[n].reason == "share widget"
            if "cookie" in line.casefold():
                assert removed[n].reason == "cookie notice"
        for r in a.removed:
            long_sentence = len(r.text.split()) > 25 and _SENTENCE_END.search(r.text)
            assert not long_sentence or r.reason in {"cookie notice", "copyright notice"}, r
        # the clean text is what is left, in order, with blank lines between paragraphs
        assert "\n\n\n" not in a.text
        assert all(p == p.strip() and p for p in a.text.split("\n\n"))


def test_promo_and_comment_rules_inside_a_paragraph_are_cut_out() -> None:
    promo = "(See pictures of the bridge works.)"
    player = "CLOSE Skip in Skip x Embed x Share Please enable Javascript to watch this video"
    rules = (
        "Guidelines: You share in the Gazette community, so please keep your comments smart "
        'and civil. Don\'t attack other readers personally. Use the "Report Abuse" button.'
    )
    closing = 'The mayor said: "We will be back on the bridge by spring."'
    raw = body(f"{PARA1} {promo} {PARA2}", f"{closing} {rules}", f"{player} {PARA3}")
    text, removed = clean_text(raw)
    assert text.split("\n\n") == [f"{PARA1} {PARA2}", closing, PARA3]
    assert {(r.line, r.reason) for r in removed} == {
        (1, "promo link"),
        (3, "comment policy"),
        (5, "platform notice"),
    }
    assert promo in {r.text for r in removed}


def test_a_paragraph_the_page_prints_twice_is_kept_once() -> None:
    text, removed = clean_text(body(PARA1, PARA2, PARA1, PARA3))
    assert text.split("\n\n") == [PARA1, PARA2, PARA3]
    assert [(r.line, r.reason) for r in removed] == [(5, "repeated paragraph")]
    # a short refrain is the writer's, not the page's
    refrain = "Then the bridge closed."
    text, removed = clean_text(body(PARA1, refrain, PARA2, refrain, PARA3))
    assert text.count(refrain) == 2 and removed == ()


def test_a_quote_chip_after_a_name_is_cut_out_and_a_change_in_prose_stays() -> None:
    chips = "Shares of Harbourline Ferries Inc. HFRY, +5.77% rose as the FTSE 100 UKX, -0.31% fell."
    prose = "Fares rose +2.5% on Monday, the operator said."
    text, removed = clean_text(body(PARA1, chips, prose))
    assert "Shares of Harbourline Ferries Inc. rose as the FTSE 100 fell." in text
    assert prose in text
    assert [(r.text, r.reason) for r in removed] == [
        ("HFRY, +5.77%", "quote chip"),
        ("UKX, -0.31%", "quote chip"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The cracks (see the diagram below) ran along two welds.",
        "(Read more about it, the council urged, in its annual report) was the advice given.",
        "Readers who attack other drivers on the bridge will be fined, police said",
    ],
)
def test_inline_rules_leave_ordinary_prose(line: str) -> None:
    raw = body(PARA1, f"{PARA2} {line}", PARA3)
    text, removed = clean_text(raw)
    assert removed == ()
    assert line in text


def test_a_flattened_article_loses_only_its_junk_sentence() -> None:
    # Newlines lost upstream: the caption and the CAPTCHA form sit in the article's one line.
    caption = "Image copyright Reuters Image caption Buses queued at the bridge at dawn."
    form = "You must enter the characters shown to send this story to a friend."
    text, removed = clean_text(f"{caption} {PARA1} {PARA2} {form} {PARA3}")
    assert text == f"{PARA1} {PARA2} {PARA3}"
    assert [(r.text, r.reason) for r in removed] == [
        (caption, "photo caption"),
        (form, "platform notice"),
    ]


def test_a_notice_of_a_few_sentences_still_goes_whole() -> None:
    notice = (
        "We and our partners use cookies on this site to improve our service, measure traffic "
        "and personalise the advertising you see on every page of the site and in our apps. "
        "By using the site, you consent to these cookies and to the processing of your data "
        "by us and by our advertising partners. See our Cookie Policy for details and choices."
    )
    text, removed = clean_text(body(notice, PARA1))
    assert text == PARA1
    assert [r.text for r in removed] == [notice]


def test_encoding_damage_is_repaired_before_cleaning() -> None:
    raw = body(
        "The mayor called the delay \u201cunacceptable\ufffd? and left at nightâ€™s end.",
        "Crews worked through the night \x97 and the bridge reopened, AT&amp;T said.",
    )
    text, _ = clean_text(raw)
    assert text.split("\n\n") == [
        "The mayor called the delay \u201cunacceptable\u201d and left at night\u2019s end.",
        "Crews worked through the night \u2014 and the bridge reopened, AT&T said.",
    ]


def test_a_related_story_headline_in_brackets_is_cut_but_an_editors_bracket_stays() -> None:
    raw = body(
        "Engineers found cracks in the welds of the old footbridge. [9 Bridges That Fell Down]",
        "[Related: The Harbour's Oldest Crossings]",
        '"We were told the [Linnet Street] bridge was safe," a commuter said on Monday.',
    )
    text, removed = clean_text(raw)
    assert text.split("\n\n") == [
        "Engineers found cracks in the welds of the old footbridge.",
        '"We were told the [Linnet Street] bridge was safe," a commuter said on Monday.',
    ]
    assert [(r.text, r.reason) for r in removed] == [
        ("[9 Bridges That Fell Down]", "promo link"),
        ("[Related: The Harbour's Oldest Crossings]", "promo link"),
    ]


def test_characters_that_print_as_nothing_are_dropped() -> None:
    raw = body(
        "State Sen. Dana Quill \u200b(D-SI) \u200bapplauded the settle\u00adment on Monday.",
        "The council\u2060 met\ufeff again on Tuesday evening to vote on the new budget.",
    )
    text, _ = clean_text(raw)
    assert text.split("\n\n") == [
        "State Sen. Dana Quill (D-SI) applauded the settlement on Monday.",
        "The council met again on Tuesday evening to vote on the new budget.",
    ]


@pytest.mark.parametrize("damage", ["", " (AT&amp;T)"])
def test_curly_quotes_and_accents_are_no_damage(damage: str) -> None:
    # with or without damage beside them, nothing is straightened or re-encoded
    line = (
        "\u201cWe\u2019re back,\u201d said Zo\u00eb Lef\u00e8vre of the caf\u00e9 \u2014 at last{}."
    )
    text = clean_text(body(line.format(damage), PARA1))[0]
    assert text == f"{line.format(damage.replace('&amp;', '&'))}\n\n{PARA1}"


@pytest.mark.parametrize(
    "caption, reason",
    [
        # an agency's credit closes it
        (
            "Councillor Jo Reyes speaks to reporters outside the town hall in Port Aldous, "
            "Friday, May 2, 2014. The council continues to debate the harbour budget... "
            "(Associated Press)",
            "photo credit",
        ),
        (
            "Crews work on the harbour bridge in Port Aldous, Thursday, Nov. 14, 2013. "
            "(AP Photo/Sam Ortiz) (Associated Press)",
            "photo credit",
        ),
        (
            "A crane lifts a steel cable onto the harbour bridge in Port Aldous. "
            "July 31, 2014 (Reuters)",
            "photo credit",
        ),
        # no credit: the present tense and the full date, or the agency's own wording
        (
            "Councillor Jo Reyes speaks to reporters outside the town hall in Port Aldous, "
            "Friday, May 2, 2014, after the vote on the harbour budget.",
            "photo caption",
        ),
        (
            "This image provided by the Port Aldous police shows the damaged bridge on Tuesday.",
            "photo caption",
        ),
        (
            "Councillor Jo Reyes answers questions at the town hall in Port Aldous, U.S., "
            "February 16, 2017.",
            "photo caption",
        ),
        (
            "EMBED More News Videos Crews repair the harbour bridge in Port Aldous.",
            "platform notice",
        ),
        # a caption that points at its picture, however the date inside it is written
        (
            "A model of the new harbour bridge, with its twin steel arches, is shown in this "
            "March 3, 2015 illustration released by the council on June 9, 2016. Courtesy "
            "Norcliff Engineering/Handout",
            "photo caption",
        ),
    ],
)
def test_photo_and_video_captions_are_removed(caption: str, reason: str) -> None:
    text, removed = clean_text(body(PARA1, caption, PARA2, PARA3))
    assert text == body(PARA1, PARA2, PARA3)
    # a dated caption may also give the page its date: "photo credit; its date read as ..."
    assert [r.reason.split(";")[0] for r in removed] == [reason]


def test_a_picture_the_report_tells_of_is_no_caption() -> None:
    told = "The engineer is seen in a photo found in the council's archive, beside the arch."
    text, removed = clean_text(body(PARA1, told, PARA2))
    assert removed == ()
    assert told in text


def test_an_agency_sign_off_after_a_sentence_is_kept() -> None:
    signed = (
        "The council could not agree on a statement about the bridge, diplomats said. (Reuters)"
    )
    text, removed = clean_text(body(PARA1, signed, PARA2))
    assert removed == ()
    assert signed in text


def test_a_past_tense_sentence_with_a_full_date_is_kept() -> None:
    dated = "Councillor Jo Reyes spoke to reporters on Friday, May 2, 2014, after the vote."
    text, removed = clean_text(body(PARA1, dated, PARA2))
    assert removed == () and dated in text


def test_a_web_archive_page_scraped_instead_of_the_article_goes_whole() -> None:
    # what the archive says about its crawl, as a flattened page: every sentence goes, even
    # the ones that name no crawl
    page = (
        "Crawl of outlinks from the example.org wiki started in May. These files are currently "
        "not publicly accessible. It has been several years since the last time we did this. "
        "The original runs covered only one language. This time every language was included. "
        "The seed list was built from all of the collections of the last two years. We expect "
        "the data to be useful to researchers who study how links change over time."
    )
    text, removed = clean_text(body(PARA1, page, PARA2))
    assert text == body(PARA1, PARA2)
    assert {r.reason for r in removed} == {"web archive notice"}


def test_an_article_mentioning_the_wayback_machine_once_is_kept() -> None:
    article = (
        "The council deleted the bridge report from its website on Monday, but a copy had "
        "already been added to the Wayback Machine by a local historian. The report shows that "
        "engineers warned of cracks in two steel supports as early as last spring. The council "
        "said the report was removed because it was out of date and would be replaced soon. "
        "Residents said they wanted the full report published again before the next vote."
    )
    text, _ = clean_text(body(PARA1, article, PARA2))
    assert "engineers warned of cracks" in text


@pytest.mark.parametrize(
    "line, reason",
    [
        ("These crawls are part of an effort to archive pages as they are created.", "web"),
        ("Crawls of supported sites.", "web"),
        (
            "Focused crawls are collections of frequently updated web data from narrow crawls.",
            "web",
        ),
        ("The seed for this crawl was a list of every host we know of.", "web"),
        ("These files are currently not publicly accessible.", "web"),
        ("We used Heritrix crawler software and respected robots.txt directives.", "web"),
        ("This is a set of collections curated using the Archive-It service of a library.", "web"),
        ("Video unavailable", "platform"),
        ("Click to play. Tap to play.", "platform"),
        ("Please type the characters you see in the picture above.", "platform"),
        ("To continue, please verify you are a human by ticking the box.", "platform"),
        ("A friend wanted you to see this item from our site.", "platform"),
        ("JavaScript is disabled in your browser.", "platform"),
        ("Media playback is unsupported on your device", "platform"),
        (
            "1 of 22 Full Screen Autoplay Close Skip Ad × 22 photos of the harbour View Photos A "
            "look at the pier. Caption The pier at dusk. Jo Lee/AP Buy Photo Wait 1 second to "
            "continue.",
            "platform",
        ),
        (
            "JUST WATCHED Harbour bridge reopens Replay More Videos ... MUST WATCH Harbour bridge "
            "reopens 02:38",
            "platform",
        ),
        ("Add this tweet to your website by copying the code below.", "platform"),
        (
            "Add Harbour Council as an interest to stay up to date on the latest news and video.",
            "platform",
        ),
        (
            "Interested in Harbour Council? Add Harbour Council as an interest to stay up to date.",
            "platform",
        ),
        ("View Images The harbour wall after the storm, seen from the pier.", "photo"),
        ("Please keep your comments civil and on topic, or they will be removed.", "comment"),
        ("Readers who attack other readers will be banned from the comments here.", "comment"),
        ("© 2024 Harbour Media Group", "copyright"),
        ("(c) 2024 Harbour Media Group", "copyright"),
        ("Harbour Media Group. All rights reserved.", "copyright"),
        ("This material may not be published, broadcast or redistributed.", "copyright"),
        ("Market data provided by Harbour Exchange Services.", "market-data"),
        ("Stock quotes are delayed.", "market-data"),
        ("Index figures delayed at least 15 minutes.", "market-data"),
        ("This column is for informational purposes only.", "disclaimer"),
        ("This column does not constitute financial advice.", "disclaimer"),
        ("The author is a columnist. The opinions expressed are his own.", "disclaimer"),
        ("Support local journalism with a gift of any size.", "subscription"),
        ("We rely on readers like you to keep going.", "subscription"),
        ("Become a member for as little as $5 a month.", "subscription"),
        ("Make a donation to keep our coverage free.", "subscription"),
        ("Subscribe today for unlimited digital access.", "subscription"),
        ("Our app is available on the App Store.", "app"),
        ("Have your say about the harbour plan.", "reader"),
        ("Cast your vote in our harbour poll.", "reader"),
        ("Full coverage of the harbour storm >", "promo"),
        ("Photo Advertisement Continue reading the main story", "promo"),
        ("We are working hard to get it back online.", "site"),
        ("We’re experiencing technical difficulties with our video player.", "site"),
        ("Sorry, the page you are looking for is not available.", "site"),
        ("This video is no longer available.", "site"),
        ("This content is temporarily unavailable.", "site"),
        ("Something went wrong.", "site"),
        ("Please try again later.", "site"),
        ("We apologize for the inconvenience.", "site"),
        ("Error 404: page not found", "site"),
        ("This story has been removed.", "site"),
        ("Stay with KVX Radio 1090 AM for developments in this story.", "site"),
        ("This is a developing story.", "site"),
        ("Check back later for updates.", "site"),
        ("Bridge shut. — Harbour Quay Police (@HQPolice) September 20, 2018", "embedded"),
        ("CLOSE Crews began repairs on the harbour footbridge on Monday. USA TODAY", "platform"),
    ],
)
def test_each_notice_phrase_gets_past_its_keyword_gate(line: str, reason: str) -> None:
    _, removed = clean_text(body(PARA1, line, PARA2, PARA3))
    assert [r.reason.split()[0] for r in removed] == [reason]


def test_a_follow_this_topic_prompt_glued_to_a_sentence_is_cut_out_of_it() -> None:
    said = "The mayor said the pier would reopen in May, but gave no date for the repairs."
    prompt = (
        "Interested in Port Aldous? Add Port Aldous as an interest to stay up to date on the "
        "latest Port Aldous news, video, and analysis from Harbour News."
    )
    text, removed = clean_text(body(PARA1, f"{said} {prompt}", PARA2))
    assert said in text
    assert "as an interest" not in text and "Interested in" not in text
    assert [(r.text, r.reason) for r in removed] == [(prompt, "platform notice")]


def test_a_request_to_come_back_is_cut_but_a_stay_in_the_story_is_kept() -> None:
    said = "Quill said she would stay with her mother for more than a week after the flood."
    text, removed = clean_text(body(PARA1, f"{said} Stay tuned for more.", PARA2))
    assert said in text and "Stay tuned" not in text
    assert [(r.text, r.reason) for r in removed] == [("Stay tuned for more.", "site message")]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Updated: September 30, 2014", "2014-09-30"),
        ("Published Friday, Feb. 27, 2015 4:20 PM ET", "2015-02-27"),
        ("By Jo Roe | Posted on 3 March 2009 at 10:22", "2009-03-03"),
        ("Last updated 2019-05-06", "2019-05-06"),
    ],
)
def test_the_pages_date_line_dates_the_article_and_is_listed_as_read(line: str, iso: str) -> None:
    a = article_from_text(body(line, PARA1, PARA2), source="s", origin="o", title="Bridge")
    (c,) = clean_articles([a])
    assert c.published == iso
    assert line not in c.text
    assert [r.reason for r in c.removed] == [f"page date line, read as the article's date {iso}"]


def test_a_published_date_given_with_the_article_wins_over_its_date_line() -> None:
    raw = body("Updated: September 30, 2014", PARA1, PARA2)
    a = article_from_text(raw, source="s", origin="o", title="Bridge", published="2014-09-29")
    (c,) = clean_articles([a])
    assert c.published == "2014-09-29"


@pytest.mark.parametrize(
    "raw",
    [
        # news that a report was published is not the page's date
        body(PARA1, "The audit was published on March 3, 2009.", PARA2),
        # nor is an old file photo's caption
        body(PARA1, "FILE - In this May 4, 2001, file photo, a ferry leaves Port Aldous.", PARA2),
    ],
)
def test_a_date_that_is_not_the_pages_own_is_not_read_as_it(raw: str) -> None:
    (c,) = clean_articles([article_from_text(raw, source="s", origin="o", title="Bridge")])
    assert c.published is None


def test_a_dateline_with_a_date_dates_the_article_and_stays_in_the_text() -> None:
    lead = "PORT ALDOUS, Feb. 27, 2015 (AP) — " + PARA1
    a = article_from_text(body(lead, PARA2), source="s", origin="o", title="B")
    (c,) = clean_articles([a])
    assert c.published == "2015-02-27" and lead in c.text


def test_a_time_stamp_glued_to_the_headline_dates_the_article_and_stays_in_the_text() -> None:
    glued = f"Harbour bridge reopens after repairs July 15, 2014 at 2:54 PM ET {PARA1}"
    (c,) = clean_articles([article_from_text(body(glued, PARA2), source="s", origin="o")])
    assert c.published == "2014-07-15" and PARA1 in c.text
    # a time without a zone after a date is news: when it happened
    told = "The ferry left on July 15, 2014 at 2:54 p.m. and sank an hour later, officials said."
    (c,) = clean_articles([article_from_text(body(told, PARA2), source="s", origin="o")])
    assert c.published is None


def test_an_embedded_tweet_is_junk_and_dates_a_page_with_no_date_line() -> None:
    tweet = (
        "Crews are still on the bridge. Please avoid the area. pic.twitter.com/x1 "
        "— Aldous Police (@AldousPolice) September 20, 2018"
    )
    a = article_from_text(body(PARA1, tweet, PARA2), source="s", origin="o", title="B")
    (c,) = clean_articles([a])
    assert "avoid the area" not in c.text and c.published == "2018-09-20"
    assert [r.reason for r in c.removed] == [
        "embedded tweet; its date read as the article's date 2018-09-20"
    ]


def test_an_article_with_no_source_takes_the_outlet_its_text_names() -> None:
    raw = body(PARA1, "A council source tells The Quayside that the repairs are done.", PARA2)
    (c,) = clean_articles([article_from_text(raw, source="", origin="o", title="Bridge")])
    assert c.source == "The Quayside"


@pytest.mark.parametrize(
    "line",
    [
        "We are working with the police to find the driver, the mayor said.",
        "Engineers are working to get the bridge back open by Friday.",
        '"We apologize for the inconvenience to commuters," the council said.',
    ],
)
def test_news_that_sounds_like_a_site_message_stays(line: str) -> None:
    text, _ = clean_text(body(PARA1, line, PARA2, PARA3))
    assert line in text


def test_a_list_of_bulleted_headlines_is_a_related_links_box() -> None:
    links = [
        "\u00b7 The Top 10 Bridges of the Harbour",
        "\u00b7 The Most Famous Engineers of All Time",
    ]
    assert reasons(body(PARA1, PARA2, *links, PARA3)) == dict.fromkeys(links, "promo link")


def test_bulleted_key_points_stay() -> None:
    points = [
        "\u2022 The bridge reopened on Monday.",
        "\u2022 Repairs cost twelve million dollars.",
    ]
    text, _ = clean_text(body(PARA1, *points, PARA2))
    assert all(p.lstrip("\u2022 ") in text for p in points)


def test_a_follow_topic_prompt_goes_with_its_button() -> None:
    prompt = (
        "Interested in Harbour Bridge? Add Harbour Bridge as an interest to stay up to date on "
        "the latest Harbour Bridge news, video, and analysis from Gazette News. Add Interest"
    )
    text, _ = clean_text(body(PARA1, prompt, PARA2))
    assert "Interest" not in text and PARA2 in text
