"""Authors found far from the headline: author boxes, footers, roles after names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrubnews
from scrubnews.segment import Line
from scrubnews.structure import find_authors, parse_byline

_BODY = (
    "Hundreds of volunteers spent Saturday pulling rubbish out of the river, "
    "from shopping trolleys to a motorbike, in the biggest clean-up the town has seen.\n\n"
) * 4
_HEAD = "Home\n\nNews\n\nRiver clean-up draws hundreds of volunteers\n\n"
_TAIL = "Share this\n\nFacebook\n\nTwitter\n\nNewsletter\n\nImprint\n\nPrivacy\n\n"


def test_a_credit_word_after_a_bylines_name_is_not_part_of_it() -> None:
    assert find_authors("Von Olga Symbolbild") == ["Olga"]
    assert find_authors("Von Fritz Imhof Quelle") == ["Fritz Imhof"]


def test_a_name_below_an_about_the_author_heading() -> None:
    page = _HEAD + _BODY + _TAIL + "About the author\n\nJane Miller\n\nMore stories\n\n"
    assert scrubnews.clean(page.encode()).authors == ["Jane Miller"]


def test_a_name_followed_by_its_bio() -> None:
    page = (
        _HEAD + _BODY + _TAIL + "Jane Miller\n\n"
        "Jane Miller is a reporter covering rivers, parks and the town council.\n\n"
    )
    assert scrubnews.clean(page.encode()).authors == ["Jane Miller"]


def test_a_copyright_footer_names_the_author() -> None:
    page = _HEAD + _BODY + _TAIL + "© 2019 Jane Miller. Impressum\n"
    assert scrubnews.clean(page.encode()).authors == ["Jane Miller"]


def test_a_bare_copyright_above_the_footer_is_a_picture_credit() -> None:
    page = _HEAD + "© Town Council\n\n" + _BODY + _TAIL * 3
    assert scrubnews.clean(page.encode()).authors == []


def test_a_role_glued_to_a_name_is_cut() -> None:
    parsed = parse_byline("By Evan SmithStaff Writer")
    assert parsed is not None
    assert parsed[0] == ["Evan Smith"]


def test_a_dropped_name_line_between_kept_head_lines_is_read_in_page_order() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    long = _BODY.split("\n\n")[0]
    caption = Line(6, "Volunteers on the river bank on Saturday morning.")
    title = Line(8, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    name = Line(10, "Jane Miller")
    date = Line(12, "January 10, 2020 9:00AM (UTC)")
    paragraphs = [Line(14 + 2 * i, long) for i in range(4)]
    # The line model dropped the name (so it is in ``before``) and kept the
    # caption, the headline and the date: only in page order does the name sit
    # between the headline and the date.
    sorted_lines = Sorted(body=[caption, title, date, *paragraphs], before=[name])
    assert structure(sorted_lines).authors == ["Jane Miller"]


def _paragraphs(first: int, count: int) -> list[Line]:

    long = _BODY.split("\n\n")[0]
    return [Line(first + 2 * i, long) for i in range(count)]


def test_a_dropped_byline_between_the_first_core_lines_names_the_author() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, Line(4, "Volunteers pulled rubbish out of the river."), *_paragraphs(8, 4)]
    byline = Line(6, "par Jeanne Roy, le samedi")
    sorted_lines = Sorted(body=body, outside=[(byline, "low-content")])
    assert structure(sorted_lines).authors == ["Jeanne Roy"]


def test_a_whole_byline_line_dropped_deep_in_the_core_names_the_author() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, *_paragraphs(4, 12)]
    sorted_lines = Sorted(body=body, outside=[(Line(21, "Von Jana Weber"), "low-content")])
    assert structure(sorted_lines).authors == ["Jana Weber"]


def test_a_byline_with_a_date_deep_in_the_core_is_not_taken_for_the_author() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, *_paragraphs(4, 12)]
    comment = Line(21, "Von Jana Weber 12.03.2019")
    sorted_lines = Sorted(body=body, outside=[(comment, "low-content")])
    assert structure(sorted_lines).authors == []


def test_a_marker_word_is_not_part_of_a_name_line() -> None:
    from scrubnews.structure import _name_line

    assert _name_line("Von Tim Ehlers") is None


def test_a_name_in_a_row_of_fields_with_the_date_is_the_author() -> None:
    page = (
        "Home\n\nRiver clean-up draws hundreds of volunteers\n\n"
        "Jana Weber / 22.04.2020 / 06:15 / Foto: Town Hall / 150\n\n" + _BODY + _TAIL
    )
    article = scrubnews.clean(page.encode())
    assert article.authors == ["Jana Weber"]
    assert str(article.date)[:10] == "2020-04-22"


def test_a_name_beside_a_dropped_dateline_is_found_after_the_headline_dateline() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    title = Line(4, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, Line(6, "April 22, 2020"), *_paragraphs(8, 4)]
    row = Line(2, "Jana Weber | 22.04.2020 | Lokales")
    sorted_lines = Sorted(body=body, outside=[(row, "low-content")])
    assert structure(sorted_lines).authors == ["Jana Weber"]


def test_bylines_in_more_shapes_name_their_author() -> None:
    from scrubnews.structure import find_authors

    assert find_authors("ByJana Weber KTRK logo") == ["Jana Weber"]
    assert find_authors("Publicado por Ana García") == ["Ana García"]
    assert find_authors("Publié par Anne Roy à 08:00") == ["Anne Roy"]
    assert find_authors("VON JANA WEBER am 21. April 2020") == ["Jana Weber"]
    assert find_authors("Text von Jana Weber Illustration von Tom Roost") == ["Jana Weber"]


def test_a_credit_or_a_word_starting_with_by_is_no_byline() -> None:
    from scrubnews.structure import find_authors

    assert find_authors("PHOTO BY JANA WEBER") == []
    assert find_authors("Bylaws of the Rowing Club") == []


def test_a_dateline_dropped_inside_the_core_dates_the_article() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, *_paragraphs(4, 12)]
    sorted_lines = Sorted(body=body, outside=[(Line(21, "26. Januar 2022"), "low-content")])
    assert str(structure(sorted_lines).date) == "2022-01-26"


def test_a_fallback_dateline_with_slashes_reads_day_first_outside_english() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    german = (
        "Die Freiwilligen haben am Samstag den Fluss gereinigt und dabei sehr viel Müll "
        "gefunden, von Einkaufswagen bis zu einem alten Motorrad, das im Wasser lag."
    )
    title = Line(2, "Hunderte Freiwillige räumen den Fluss auf", kind="h", level=1)
    body = [title, *(Line(4 + 2 * i, german) for i in range(6))]
    sorted_lines = Sorted(body=body, outside=[(Line(9, "03/05/2022"), "low-content")])
    assert str(structure(sorted_lines).date) == "2022-05-03"


def test_a_user_name_after_von_and_before_a_date_is_the_author() -> None:
    from scrubnews.structure import find_authors

    assert find_authors("von jana_w · 31. Oktober 2023") == ["jana_w"]
    assert find_authors("von jana_w Veröffentlicht am 11. Juni 2019") == ["jana_w"]
    assert find_authors("3. April 20223. April 2022 by jana") == ["jana"]
    assert find_authors("Von Berlin nach Hamburg am 3. Mai 2020") == []


def test_a_name_two_lines_below_the_headline_past_the_standfirst() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    standfirst = Line(4, "Shopping trolleys and a motorbike came out of the water.")
    name = Line(6, "Jana Weber")
    sorted_lines = Sorted(body=[*_paragraphs(8, 4)], before=[title, standfirst, name])
    assert structure(sorted_lines).authors == ["Jana Weber"]


def test_a_button_two_lines_below_the_headline_is_no_name() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    title = Line(2, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    label = Line(4, "Local news")
    button = Line(6, "Your Account")
    footer = Line(40, "Sign in to your account to comment")
    sorted_lines = Sorted(
        body=[*_paragraphs(8, 4)], before=[title, label, button],
        outside=[(footer, "low-content")],
    )
    assert structure(sorted_lines).authors == []


def test_a_job_title_or_degree_after_the_name_is_no_author() -> None:
    parsed = parse_byline(
        "By Jane Roy, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project"
    )
    assert parsed is not None and parsed[0] == ["Jane Roy"]
    parsed = parse_byline("By Jane Roy, MA")
    assert parsed is not None and parsed[0] == ["Jane Roy"]
    parsed = parse_byline("By Jane Roy, Tom Weber and Ana García")
    assert parsed is not None and parsed[0] == ["Jane Roy", "Tom Weber", "Ana García"]


def test_a_double_surname_is_one_name() -> None:
    from scrubnews.structure import _name_line, find_authors

    assert find_authors("Von Jana Weber-Ost 6") == ["Jana Weber-Ost"]
    assert _name_line("Claus Weber-Ost") == "Claus Weber-Ost"
    assert _name_line("Ihre E-Mail") is None
    page = _HEAD + "Von\n\nClaus Weber-Ost\n\n19.10.19, 08:00 Uhr\n\nFußgängerzone Altstadt\n\n"
    assert scrubnews.clean((page + _BODY + _TAIL).encode()).authors == ["Claus Weber-Ost"]


def test_a_name_beside_a_relative_time_is_the_author() -> None:
    for row in ("Jana Weber 1 day ago", "Jana Weber • 8h", "Jana Webervor 3 Stunden"):
        page = _HEAD + "Local news\n\n" + row + "\n\n" + _BODY + _TAIL
        assert scrubnews.clean(page.encode()).authors == ["Jana Weber"], row


def test_a_reading_time_is_no_relative_time() -> None:
    from scrubnews.structure import relative_time

    assert not relative_time("5 min read")
    assert not relative_time("Jana Weber 2020")


def test_a_name_above_a_dateline_beats_the_site_beside_the_date() -> None:
    page = (
        "Home\n\nRiver clean-up draws hundreds of volunteers\n\nJana Weber\n\nRiver Editor\n\n"
        "Town GazetteOctober 13, 2016\n\n" + _BODY + _TAIL
    )
    article = scrubnews.clean(page.encode())
    assert article.authors == ["Jana Weber"]
    assert str(article.date) == "2016-10-13"


def test_a_byline_beside_the_date_is_kept_over_a_name_above() -> None:
    page = (
        "Home\n\nRiver clean-up draws hundreds of volunteers\n\nTom Roost\n\n"
        "Por Jana Weber | 4 de mayo de 2022\n\n" + _BODY + _TAIL
    )
    assert scrubnews.clean(page.encode()).authors == ["Jana Weber"]


_PIECES = [
    "By", "BY", "by", "Von", "VON", "vom", "par", "Por", "door", "Autor:", "AUTHOR",
    "Auteur", "Redaktion:", "Text:", "pubblicato da", "scritto da", "Posted by", "作者",
    "Jane", "Roy", "Anna", "Müller", "jdoe", "on", "am", "12.", "März", "2021", "|", "·",
    ",", "-", "Home", "News", "Sport", "Über", "ſtraße", "KELVIN", "İstanbul",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_the_marker_precheck_never_hides_an_author(words: list[str]) -> None:
    """A line the cheap test turns away is one the full search finds nobody in."""
    from scrubnews.structure import _CAPS_WORD, _find_authors, _may_mark

    text = " ".join(words)
    if not _may_mark(text):  # dates too: the handle after a date needs "by", "von", …
        assert _find_authors(text) == []
        assert _find_authors(_CAPS_WORD.sub(lambda m: m.group().capitalize(), text)) == []
    elif "Jane Roy" in text and text.startswith("By Jane Roy"):
        assert find_authors(text)  # and the precheck lets a byline through


def test_the_editorial_team_signs_a_byline() -> None:
    from scrubnews.structure import find_authors

    parsed = parse_byline("von Redaktion, 24. Januar 2022")
    assert parsed is not None and parsed[0] == ["Redaktion"]
    assert find_authors("Posted on 25. Januar 2022Author Redaktion") == ["Redaktion"]
    assert parse_byline("By Staff Writer") is None


def test_blog_and_forum_markers_name_the_author() -> None:
    from scrubnews.structure import find_authors

    assert find_authors("Eingestellt von Weinlachgummi um 10:52") == ["Weinlachgummi"]
    assert find_authors("Gespeichert von rasos am 24. Juli 2017 - 18:55") == ["rasos"]
    assert find_authors("Thread starter Tiberius") == ["Tiberius"]
    assert find_authors("Themenstarter Pepemaus") == ["Pepemaus"]


def test_a_marker_and_a_user_name_alone_on_a_line_is_a_byline() -> None:
    parsed = parse_byline("von flerche")
    assert parsed is not None and parsed[0] == ["flerche"]
    assert parse_byline("by the") is None


def test_every_byline_marker_passes_the_precheck() -> None:
    """Each marker phrase ``_find_authors`` knows holds a piece the cheap test looks for."""
    import re

    from scrubnews import structure

    strong = structure._STRONG_MARK.pattern
    phrases = re.search(r"\(\?i:\(\?:(written by.*?)\)\)", strong, re.S)
    labels = re.search(r"\(\?i:\(\?:(autor.*?)\)\\s", strong, re.S)
    weak = re.search(r"\(\?i:([a-z|]+)\)", structure._WEAK_MARK.pattern)
    # The handles after a date or before one ("… 2015 by marc", "von jdoe · 31. Okt …").
    handles = [
        re.search(r"\(\?i:([a-z|]+)\)", pattern.pattern)
        for pattern in (structure._HANDLE_ON, structure._HANDLE_MARK, structure._HANDLE_FIRST)
    ]
    assert phrases is not None and labels is not None and weak is not None
    assert all(found is not None for found in handles)
    markers = [
        alternative.replace("(?:in)?", "")
        for found in (phrases, labels, weak, *handles)
        if found is not None
        for alternative in found.group(1).replace("\n", "").split("|")
    ]
    assert "thread starter" in markers and "von" in markers and "redaktion" in markers
    for marker in markers:
        assert structure._may_mark(marker.upper() + " Jane Roy"), marker


def test_co_authors_in_brackets_after_the_byline_are_authors() -> None:
    from scrubnews.structure import find_authors

    assert find_authors("Le Monde | 04.05.2015 | Par Jeanne Roy (avec Tom Weber et Ana Roy)") == [
        "Jeanne Roy", "Tom Weber", "Ana Roy"
    ]
    assert find_authors("By Jane Roy (Reuters)") == ["Jane Roy"]


def test_a_cjk_marker_after_a_marker_is_no_name() -> None:
    assert find_authors("2017-03-10 09:58:03来源：网易科学人作者：责任编辑：肖春芳") == ["肖春芳"]
    assert find_authors("[责任编辑:肖春芳]") == ["肖春芳"]
    assert find_authors("作者：责任编辑") == []



@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("jana_w — 2. Februar 2022", "jana_w"),
        ("28. Januar 2015 janaweber Schreibe einen Kommentar", "janaweber"),
        ("26 Mai, 2008 | JanaW | Kommentare 34", "JanaW"),
        ("Redaktion - 31. Januar 2022", "Redaktion"),
    ],
)
def test_a_user_name_beside_a_dateline_is_the_author(line: str, author: str) -> None:
    page = _HEAD + line + "\n\n" + _BODY + _TAIL
    assert scrubnews.clean(page.encode()).authors == [author]


@pytest.mark.parametrize(
    "line", ["mardi 5 juin 2018", "Breuninger-Meeting | 01.02.2022", "17.10.2019 um 13:56 Uhr"]
)
def test_a_weekday_a_compound_or_a_time_beside_a_date_is_no_user_name(line: str) -> None:
    page = _HEAD + line + "\n\n" + _BODY + _TAIL
    assert scrubnews.clean(page.encode()).authors == []


def test_a_byline_beats_a_user_name_beside_a_date() -> None:
    page = _HEAD + "politics May 16, 2020\n\n" + _BODY + "By Jana Weber\n\n" + _TAIL
    assert scrubnews.clean(page.encode()).authors == ["Jana Weber"]



def test_a_byline_beside_the_headline_beats_a_menu_item_beside_its_copy() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    title = "River clean-up draws hundreds of volunteers"
    before = [
        Line(2, "All Articles"),
        Line(4, title),
        Line(6, "Read Later"),
        Line(8, title),
        Line(10, "By Jana Weber"),
        *(Line(12 + 2 * i, f"Share link {i}") for i in range(14)),
    ]
    found = structure(Sorted(body=_paragraphs(50, 4), before=before))
    assert (found.title, found.authors) == (title, ["Jana Weber"])


def test_social_links_categories_and_buttons_are_no_names() -> None:
    from scrubnews.structure import _name_line

    assert find_authors("von Jana Weber Twitter Account von Jana Weber") == ["Jana Weber"]
    assert find_authors("von Jana Weber Allgemeines") == ["Jana Weber"]
    assert _name_line("Über DealDoktor") is None
    assert _name_line("Abbrechen Bewerten Schließen") is None
    assert _name_line("All Articles") is None


def test_a_date_filter_von_bis_names_nobody() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    outside = [(Line(2, "Suche"), "menu-run"), (Line(4, "von"), "menu-run")]
    outside.append((Line(6, "bis"), "menu-run"))
    assert structure(Sorted(body=_paragraphs(50, 4), outside=outside)).authors == []


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("von Newsdesk Newsdesk 28. Januar 2022", "Newsdesk"),
        ("By Jana WeberJana Weber", "Jana Weber"),
        ("Profilbild jana_w 18.10.2019, 15:07 Uhr", "jana_w"),
        ("By Jo Jo", "Jo Jo"),  # too short to be a doubled name
    ],
)
def test_a_name_written_twice_or_after_its_avatar_is_read_once(line: str, author: str) -> None:
    page = _HEAD + line + "\n\n" + _BODY + _TAIL
    assert scrubnews.clean(page.encode()).authors == [author]


def test_a_copyright_with_the_years_after_the_name_names_the_author() -> None:
    page = _HEAD + _BODY + _TAIL + "© Jane Miller 2016-2020\n"
    assert scrubnews.clean(page.encode()).authors == ["Jane Miller"]


def test_code_in_capitals_ending_in_by_is_no_byline_marker() -> None:
    for code in ("SELECT status\n\nGROUP BY\n\nstatus_code\n\n", "ORDER BY\n\nReport Date\n\n"):
        assert scrubnews.clean((_HEAD + _BODY + _TAIL + code).encode()).authors == []
    page = _HEAD + _BODY + _TAIL + "Written by\n\nJane Miller\n\n"
    assert scrubnews.clean(page.encode()).authors == ["Jane Miller"]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("jmiller-headshot Jane Miller", ["Jane Miller"]),
        ("Avatar photo Jane Miller", ["Jane Miller"]),
        ("Author avatar Jane van Berg", ["Jane van Berg"]),
        ("Avatar Bebs says:", []),  # a comment's signature
        ("jane-miller-headshot", []),  # the name only in a file name
        ("Avatar Germany Homepage offline", []),
    ],
)
def test_a_name_after_its_authors_picture(line: str, author: list[str]) -> None:
    assert find_authors(line) == author


@pytest.mark.parametrize("at_head", [True, False])
def test_a_name_in_capitals_above_the_dateline_beats_the_agency_beside_the_date(
    at_head: bool,
) -> None:
    block = "JANE MILLER\n\nAssociated PressDecember 2, 2016\n\n"
    page = _HEAD + block + _BODY + _TAIL if at_head else _HEAD + _BODY + block + _TAIL
    assert scrubnews.clean(page.encode()).authors == ["JANE MILLER"]


def test_capitals_above_a_dateline_that_the_page_writes_in_lower_case_are_no_name() -> None:
    block = "LIVE STREAM\n\nDecember 2, 2016\n\n"
    page = _HEAD + block + _BODY + "Watch the live stream from the river bank.\n\n" + _TAIL
    assert scrubnews.clean(page.encode()).authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # A layout's second copy of the date, glued to the name's end once the first goes.
        ("von Jana Weber13.12.2022 - 08:13 Uhr13.12.2022 - 08:13 Uhr", ["Jana Weber"]),
        # A label after a co-author's place, and a desk's name, are no authors.
        ("von Jana Weber, Online-Redaktion Veröffentlicht: 26.12.2022", ["Jana Weber"]),
        ("Von Anna Schmidt und Jörg Weber", ["Anna Schmidt", "Jörg Weber"]),
    ],
)
def test_a_bylines_names_stop_before_words_that_are_no_names(
    line: str, authors: list[str]
) -> None:
    parsed = parse_byline(line)
    assert parsed is not None
    assert parsed[0] == authors


def test_a_sentence_opening_with_by_stays_prose() -> None:
    assert parse_byline("By Tuesday the river had fallen again") is None
    assert parse_byline("By Jane Roy for the town council") is None


def test_a_short_byline_just_below_the_article_names_the_author() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import structure

    outside = [
        (Line(60, "Share this"), "share"),
        (Line(62, "von Ulrike"), "low-content"),
        (Line(64, "von Hans"), "low-content"),
    ]
    assert structure(Sorted(body=_paragraphs(20, 4), outside=outside)).authors == ["Ulrike"]
    # Far below the article, bylines are comments'.
    far = [(Line(60 + 2 * i, f"Menu item {i}"), "menu-run") for i in range(20)]
    far.append((Line(120, "von Ulrike"), "low-content"))
    assert structure(Sorted(body=_paragraphs(20, 4), outside=far)).authors == []
