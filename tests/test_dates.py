"""Dates: the per-pattern character test never hides a date."""

from __future__ import annotations

import random

from scrubnews import dates
from scrubnews.dates import find_date

_PIECES = ["5", "05", "12", "2012", "19", "July", "Jul.", "de", "Juli", "-", ".", "/", " ",
           ", ", "10:30", "T", "pm", "am", "st", "x"]


def _reference(text: str, day_first: bool = False) -> object:
    """``find_date`` with every pattern tried on every line."""
    best = None
    for pattern in dates._PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            found = dates._build(m, day_first and pattern is dates._PATTERNS[-1])
            if found is not None:
                best = (found, m.start(), m.end())
                break
    return best


def test_needed_characters_agree_with_trying_every_pattern() -> None:
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 9)))
        for day_first in (False, True):
            assert find_date(text, day_first=day_first) == _reference(text, day_first), text


def test_each_pattern_needs_its_character() -> None:
    samples = ["2012-07-05", "5 July 2012", "July 5, 2012", "05.07.2012", "7/5/2012"]
    for pattern, needs, sample in zip(dates._PATTERNS, dates._NEEDS, samples, strict=True):
        m = pattern.search(sample)
        assert m is not None and needs in m.group(0)


def test_a_source_with_published_and_updated_times_is_a_dateline() -> None:
    from scrubnews.structure import is_date_line

    assert is_date_line("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)")
    assert is_date_line("Reuters 3 May 2016 10:00 (Updated 4 May 2016 08:00)")
    assert not is_date_line("The vote on 3 May 2016 and the recount on 4 May 2016 changed little")


def test_a_month_glued_to_the_text_before_it_is_read() -> None:
    assert find_date("Town GazetteOctober 13, 2016") is not None
    assert find_date("DecemberOctober") is None


def test_month_names_of_more_languages_are_read() -> None:
    cases = {
        "15 августа 2016, 13:43": (2016, 8, 15),
        "5 października 2020": (2020, 10, 5),
        "3. září 2019": (2019, 9, 3),
        "1. listopadu 2020": (2020, 11, 1),
        "12 Ekim 2021": (2021, 10, 12),
        "7 maj 2019": (2019, 5, 7),
        "24 desember 2020": (2020, 12, 24),
    }
    for text, (year, month, day) in cases.items():
        found = find_date(text)
        assert found is not None, text
        assert (found[0].year, found[0].month, found[0].day) == (year, month, day), text


def test_a_word_that_is_no_month_is_no_date() -> None:
    assert find_date("12 Monate 2021") is None
    assert find_date("3 Stücke 2019") is None


_RIVER = (
    "Hundreds of volunteers spent Saturday pulling rubbish out of the river, "
    "from shopping trolleys to a motorbike, in the biggest clean-up the town has seen.\n\n"
) * 4


def test_a_date_labelled_as_published_beats_an_unlabelled_one() -> None:
    import datetime as dt

    import scrubnews

    heads = (
        "Home\n\nNews\n\nPrinted 11 February 2020\n\n"
        "River clean-up draws hundreds of volunteers\n\n"
        "An article by Jane Miller, published 23 January 2020\n\n",
        "Home\n\nNews\n\nRiver clean-up draws hundreds of volunteers\n\n"
        "11 February 2020\n\nPosted on 23 January 2020\n\n",
    )
    for head in heads:
        assert scrubnews.clean((head + _RIVER).encode()).date == dt.date(2020, 1, 23)
    # Unlabelled, the first date found still wins; an update never beats a publication.
    head = "Home\n\nRiver clean-up draws hundreds of volunteers\n\n11 February 2020\n\n"
    assert scrubnews.clean((head + _RIVER).encode()).date == dt.date(2020, 2, 11)
    head = (
        "Home\n\nRiver clean-up draws hundreds of volunteers\n\n"
        "Updated 11 February 2020\n\nPublished 23 January 2020\n\n"
    )
    assert scrubnews.clean((head + _RIVER).encode()).date == dt.date(2020, 1, 23)


def test_a_publication_date_away_from_the_headline_beats_an_update_found_first() -> None:
    import datetime as dt

    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    long = _RIVER.split("\n\n")[0]
    body = [Line(10 + 2 * i, long) for i in range(4)]
    outside = [
        (Line(40, "Last updated: 31 October 2023"), "low-content"),
        (Line(42, "Published: 1 November 2023"), "low-content"),
    ]
    assert structure(Sorted(body=body, outside=outside)).date == dt.date(2023, 11, 1)
    # Unlabelled, the first one found wins.
    outside = [
        (Line(40, "31 October 2023"), "low-content"),
        (Line(42, "1 November 2023"), "low-content"),
    ]
    assert structure(Sorted(body=body, outside=outside)).date == dt.date(2023, 10, 31)


def test_a_dropped_publication_dateline_among_the_head_beats_a_comment_time() -> None:
    import datetime as dt

    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    long = _RIVER.split("\n\n")[0]
    title = Line(10, "River clean-up draws hundreds of volunteers", kind="h", level=1)
    body = [title, Line(14, long), Line(16, "24 August 2019 at 03:36"), Line(18, long)]
    outside = [(Line(12, "Veröffentlicht am 16.08.2019"), "low-content")]
    out = structure(Sorted(body=body, outside=outside))
    assert out.date == dt.date(2019, 8, 16)
    assert out.extra["dateline"] == "24 August 2019 at 03:36"


def test_a_span_of_days_is_no_dateline() -> None:
    from scrubnews.structure import is_date_line

    assert not is_date_line("09 Jan 2014 - 01 Jan 2017")
    assert not is_date_line("Aktionszeitraum: 21.10.2019 – 27.10.2019")
    assert not is_date_line("Wochenbericht 14. - 20. Januar 2022")
    assert not is_date_line("Offer valid 3 May 2020 to 9 May 2020")
    # A time after a dash, or a field after the date, is no span.
    assert is_date_line("Januar 15, 2014 - 23:36")
    assert is_date_line("Jane Roy - 12.01.2020 - Politik")
    assert is_date_line("9. Dezember 2013")


def test_a_short_dateline_kept_low_in_the_core_or_labelled_far_below_it_dates_the_article() -> (
    None
):
    import datetime as dt

    from scrubnews.boilerplate import Sorted
    from scrubnews.segment import Line
    from scrubnews.structure import structure

    long = _RIVER.split("\n\n")[0]
    body = [Line(10 + 2 * i, long) for i in range(6)]
    kept = [*body, Line(30, "Veröffentlicht am: 6. August 2009"), Line(32, long)]
    assert structure(Sorted(body=kept)).date == dt.date(2009, 8, 6)
    menu = [(Line(40 + 2 * i, f"Menu item {i}"), "menu-run") for i in range(20)]
    far = [*menu, (Line(90, "Published: 03 December 2019"), "menu-run")]
    assert structure(Sorted(body=body, outside=far)).date == dt.date(2019, 12, 3)
    # Far below the core, an unlabelled date is a teaser's or a comment's.
    far = [*menu, (Line(90, "03 December 2019"), "menu-run")]
    assert structure(Sorted(body=body, outside=far)).date is None
