"""Segment: Markdown hard breaks inside a paragraph of prose, picture placeholders."""

from __future__ import annotations

import pytest

from scrubnews.segment import hard_breaks, segment, to_line


def _units(text: str) -> list[str]:
    """The units of ``text`` in a Markdown dump (a link line follows it)."""
    text += "\n[Home](/)\n"
    units = segment(text.split("\n"), hard_breaks(text), markdown=True)
    return [line.text for line in units][:-1]


def test_a_hard_break_inside_prose_continues_the_paragraph() -> None:
    text = "Access your bookmarks, history and passwords from any device to  \nmake it yours.\n"
    assert _units(text) == [
        "Access your bookmarks, history and passwords from any device to make it yours."
    ]


def test_short_lines_sentences_tables_and_dates_after_a_break_stay_apart() -> None:
    assert _units("By Jane Roy  \nStaff Writer\n") == ["By Jane Roy", "Staff Writer"]
    assert _units("The river rose by two metres overnight.  \nSchools closed.\n") == [
        "The river rose by two metres overnight.", "Schools closed."
    ]
    assert _units("My channels: comedy and cartoons and travel vlogs  \n12. November 2015\n") == [
        "My channels: comedy and cartoons and travel vlogs", "12. November 2015"
    ]
    assert len(_units("| a | b | c | d | e | f |  \n| 1 | 2 |\n")) == 2


def test_without_a_hard_break_lines_stay_apart() -> None:
    text = "Access your bookmarks, history and passwords from any device to\nmake it yours.\n"
    assert len(_units(text)) == 2


def test_trailing_spaces_without_markdown_are_padding() -> None:
    text = "Access your bookmarks, history and passwords from any device to  \nmake it yours.\n"
    assert hard_breaks(text) == frozenset()


def test_italics_inside_a_line_are_read_as_text() -> None:
    from scrubnews.segment import to_line

    assert to_line(1, "###### _By_ Jane Roy", True, True).text == "By Jane Roy"
    assert to_line(1, "It was *very* cold", True, True).text == "It was very cold"
    assert to_line(1, "Herr_Rein and snake_case_name stay", True, True).text == (
        "Herr_Rein and snake_case_name stay"
    )
    assert to_line(1, "2 * 3 * 4 = 24", True, True).text == "2 * 3 * 4 = 24"
    # A plain dump's stars are the writer's own.
    assert to_line(1, "It was *very* cold", True).text == "It was *very* cold"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # An icon's empty italic span between the fields of a byline row.
        ("__2\\. Mai 2020 __Jane Roy  __1 Kommentar", "__2. Mai 2020 Jane Roy 1 Kommentar"),
        # A bold span closed after a space.
        ("Von **Jane Roy **", "Von Jane Roy"),
        ("Die ersten zehn Spiele der****Bundesliga****sind gespielt.",
         "Die ersten zehn Spiele der Bundesliga sind gespielt."),
        # An icon opening or closing a line marks a menu item or a video: it stays.
        ("__Cookies", "__Cookies"),
        ("![A river](river.jpg) __", "A river __"),
        ("Nicht verpassen.**", "Nicht verpassen.**"),
    ],
)
def test_stray_emphasis_marks_between_words_are_dropped(raw: str, text: str) -> None:
    assert to_line(1, raw, True, True).text == text


def test_a_plain_dump_keeps_its_stray_marks() -> None:
    assert to_line(1, "Von **Jane Roy **", True).text == "Von **Jane Roy **"


def test_a_table_row_is_no_headline_candidate() -> None:
    from scrubnews.headline import candidates
    from scrubnews.segment import Line

    rows = [Line(1, "Website | example.org"), Line(2, "Founded | 1998"), Line(3, "River news")]
    assert [c.line.text for c in candidates(rows, [], set())] == ["River news"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("[Image-from] Edward Russell", "Edward Russell"),
        ("[logo] Associated Press November 19, 2015", "Associated Press November 19, 2015"),
        ("[1] A footnote keeps its number", "[1] A footnote keeps its number"),
        ("[ ] I agree to the terms", "[ ] I agree to the terms"),
        ("[gif] [Truck]", "[gif] [Truck]"),
        ("[Logo]", "[Logo]"),
        ("[6eef5bc5-c] Jane Roy • 8h", "Jane Roy • 8h"),
        ("[12] A footnote keeps its number", "[12] A footnote keeps its number"),
        ("[123456] A long number stays", "[123456] A long number stays"),
    ],
)
def test_a_picture_placeholder_opening_a_text_line_is_dropped(raw: str, text: str) -> None:
    assert to_line(1, raw, True).text == text


def test_a_markdown_dump_keeps_its_brackets() -> None:
    assert to_line(1, "[Image-from] Edward Russell", True, markdown=True).text == (
        "[Image-from] Edward Russell"
    )
