"""Dates as news pages print them, in several languages, to ``date``/``datetime``.

Absolute dates only: ISO (``2012-07-05``, ``2012-07-05T10:30``), day-month-year
(``5 July 2012``, ``4 Jul 12``, ``5. Juli 2012``, ``5 de julio de 2012``,
``15 августа 2016``, ``5 października 2020``; month names in English, German,
French, Spanish, Italian, Portuguese, Dutch, the Scandinavian languages,
Russian, Polish, Czech and Turkish),
month-day-year (``July 5, 2012``), numeric (``05.07.2012`` day first,
``7/5/2012`` month first unless the day is over 12). A time right after the
date (``10:30``) makes a ``datetime``. All patterns are bounded: no
backtracking blow-up on long lines.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio janeiro januari jänner janv ene gen "
        "января январь stycznia styczeń ledna leden ocak",
        "february feb februar février fevrier febrero febbraio fevereiro februari févr fév "
        "февраля февраль lutego luty února únor şubat",
        "march mar märz maerz mars marzo março maart mär марта март marca marzec března "
        "březen mart",
        "april apr avril abril aprile апреля апрель kwietnia kwiecień dubna duben nisan",
        "may mai mayo maggio maio mei мая май maja maj května květen mayıs",
        "june jun juni juin junio giugno junho июня июнь czerwca czerwiec června červen "
        "haziran",
        "july jul juli juillet julio luglio julho juil июля июль lipca lipiec července "
        "červenec temmuz",
        "august aug août aout agosto augustus ago augusti августа август sierpnia sierpień "
        "srpna srpen ağustos",
        "september sep sept septembre septiembre settembre setembro set сентября сентябрь "
        "września wrzesień září eylül",
        "october oct oktober octobre octubre ottobre outubro okt ott out октября октябрь "
        "października październik října říjen ekim",
        "november nov novembre noviembre novembro ноября ноябрь listopada listopad "
        "listopadu kasım",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez déc dic "
        "desember декабря декабрь grudnia grudzień prosince prosinec aralık",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

# A month name starts a word, or is glued to the text before it with its capital
# ("Yahoo FinanceOctober 13, 2016").
_MONTH = r"(?P<month>(?<![^\W\d_])[^\W\d_]{3,10}|(?-i:(?<=[a-z])[A-Z][a-z]{2,9}))\.?"
# A four-digit year may run straight into the next number ("28. Juli 201928. Juli 2019").
# A two-digit year may run into a time ("28.09.1912:44" is 28.09.19, 12:44).
_YEAR = r"(?P<year>(?:19|20)\d{2}(?!:\d)|\d{2}(?=\d{1,2}:\d{2})|\d{2}(?!\d))"
_TIME = (
    r"(?:,?\s{1,3}(?:at\s|um\s|à\s|a las\s|-\s)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})"
    r"(?:\s?(?P<ampm>[ap]\.?m\.?))?)?"
)

# Every pattern needs a digit: one C-level search rules most lines out.
_DIGIT = re.compile(r"\d")

_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2}))?(?!\d)"
    ),
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?(?:\.\s{0,3}|\s{1,3})(?:de\s)?"
        + r"(?P<month>[^\W\d_]{3,12})(?:\.\s{0,3}|,?\s{1,3})(?:de\s|del\s)?"
        + _YEAR
        + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        _MONTH + r"\s{1,3}(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}" + _YEAR + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?"
        + _YEAR.replace("(?!\\d))", "(?![\\d.]))")
        + _TIME
    ),
    re.compile(
        r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/"
        + _YEAR.replace("(?!\\d))", "(?![\\d/]))")
        + _TIME
    ),
)

# A character each pattern's matches contain ("" when there is no single one): a
# line without it is not searched with that pattern.
_NEEDS = ("-", "", "", ".", "/")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.casefold().rstrip("."))


def find_date(
    text: str, *, day_first: bool = False
) -> tuple[dt.date | dt.datetime, int, int] | None:
    """The first absolute date in ``text``, with its start and end offsets.

    ``day_first`` reads an ambiguous ``04/02/2020`` as 4 February (most of
    the world) rather than April 2 (the United States, the default).

    >>> find_date("By Nick Mann in Liverpool | 5 July 2012")[0]
    datetime.date(2012, 7, 5)
    >>> find_date("4 Jul 12")[0]
    datetime.date(2012, 7, 4)
    >>> find_date("Veröffentlicht am 12. März 2019, 14:30 Uhr")[0]
    datetime.datetime(2019, 3, 12, 14, 30)
    >>> find_date("21.dez.2018 às 12h55")[0]
    datetime.date(2018, 12, 21)
    >>> find_date("no date here") is None
    True
    >>> find_date("17/11/201917/11/2019 ~ Cem Basman")[0]
    datetime.date(2019, 11, 17)
    >>> find_date("am 04/02/2020 von kj", day_first=True)[0]
    datetime.date(2020, 2, 4)
    >>> find_date("Associated PressDecember 2, 2016")[0]
    datetime.date(2016, 12, 2)
    """
    if len(text) > 2000 or _DIGIT.search(text) is None:
        return None
    if len(text) > 300:
        return _find_date(text, day_first)
    return _find_date_cached(text, day_first)


def _find_date(text: str, day_first: bool) -> tuple[dt.date | dt.datetime, int, int] | None:
    best: tuple[dt.date | dt.datetime, int, int] | None = None
    for pattern, needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs and needs not in text:
            continue
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            found = _build(m, day_first and pattern is _PATTERNS[-1])
            if found is not None:
                best = (found, m.start(), m.end())
                break
    return best


# The structure stage asks about the same short lines many times over (as a byline, a
# dateline, a headline candidate's neighbour): their answers are remembered.
_find_date_cached = lru_cache(maxsize=4096)(_find_date)


def _build(m: re.Match[str], swap: bool = False) -> dt.date | dt.datetime | None:
    groups = m.groupdict()
    month = _month(groups["month"])
    if month is None:
        return None
    day = int(groups["day"])
    if (month > 12 and day <= 12) or (swap and day <= 12):
        month, day = day, month
    try:
        date = dt.date(_year(groups["year"]), month, day)
    except ValueError:
        return None
    if not 1900 <= date.year <= 2100:
        return None
    hour, minute = groups.get("hour"), groups.get("minute")
    if hour is None or minute is None:
        return date
    h = int(hour)
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or int(minute) > 59:
        return date
    return dt.datetime(date.year, date.month, date.day, h, int(minute))


def parse_iso(text: str) -> dt.date | dt.datetime | None:
    """A date from a machine-readable value (``<time datetime>``, JSON-LD, meta tags).

    >>> parse_iso("2019-03-12T14:30:00+01:00")
    datetime.datetime(2019, 3, 12, 14, 30)
    >>> parse_iso("2019-03-12")
    datetime.date(2019, 3, 12)
    """
    m = _PATTERNS[0].search(text[:200])
    if not m:
        return None
    return _build(m)
