"""Stage 4, structure: headline, standfirst, byline, dates and body.

Looks at the lines just before the article core and the first lines of the
core (the "head"): a byline ("By …", "Von …", "Par …", "Por …") gives
authors, a place ("in Liverpool") and often a date; short lines holding a
date are datelines; the headline is the page's own heading when the dumper
kept one, else the nearest headline-like line above the byline and dates;
a prose line between headline and byline, or a first paragraph repeated
right after, is the standfirst. Every line used this way is recorded as a
``metadata`` removal, and its content lands in the front-matter, never lost.
What a page states about itself (``PageMeta``, from HTML) wins over guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from scrubnews import headline
from scrubnews.article import Block, Removal
from scrubnews.boilerplate import Sorted
from scrubnews.dates import find_date
from scrubnews.linemodel import STOP_WORDS, page_language
from scrubnews.segment import Line
from scrubnews.words import ends_sentence, short_text_cache, word_count

_BYLINE = re.compile(
    r"(?:written by|words by|story by|reporting by|posted by|published by|by|von|par|por|di"
    r"|door|av|text|texte|author|autor|autorin|auteur|autore)\s{0,3}:?\s{1,3}(?P<rest>\S.{1,300})",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+|\s*/\s+")
_NAMES = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*")
_PLACE = re.compile(r"(?P<who>.+?)\s+(?:in|aus|à|en)\s+(?P<place>[A-ZÀ-Ý][\w .'’-]{1,40})")
_ROLE = re.compile(
    r"(?:staff|senior|chief|deputy|political|business|health|science|sports?|foreign|news)?\s?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|redakteur(?:in)?"
    r"|redaktion|autor(?:in)?)s?",
    re.IGNORECASE,
)
# A role after a name, even glued on: "Evan HalperStaff Writer", "Richard Adams Education
# editor", "Harald Bauer Autor".
_TRAILING_ROLE = re.compile(
    r"(?:(?<=[a-zß-ÿ])|\s{1,3})(?:(?i:staff|senior|chief|deputy|political|business|health"
    r"|science|sports?|foreign|news|education|managing|contributing|executive|associate"
    r"|special|freier|freie)\s)?(?i:writer|reporter|correspondent|editor|columnist|contributor"
    r"|journalist|redakteur(?:in)?|autor(?:in)?|author)s?$"
)


def _role_only(name: str) -> bool:
    """A job title and no name ("Staff Writer"); the editorial team ("Redaktion") signs.

    >>> _role_only("Staff Writer"), _role_only("Redaktion"), _role_only("Jane Roy")
    (True, False, False)
    """
    return _ROLE.fullmatch(name) is not None and name.casefold() != "redaktion"


_ROLE_ENDS = (
    "writer", "reporter", "correspondent", "editor", "columnist", "contributor", "journalist",
    "redakteur", "redakteurin", "autor", "autorin", "author",
)
_NAME_WORD = re.compile(r"[A-ZÀ-ÝŁŚŽ][\w.'’-]*|(?:van|von|de|der|den|del|da|di|la|le|du|dos|bin)")
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[a-zß-öø-ÿĀ-ž'’.-]|(?<=[a-zß-öø-ÿ]{2}-)[A-ZÀ-ÖØ-Þ]){1,30}"
# Capitalised words that end a name found by a marker ("Nadja Demel Uhr", "… Kategorien").
_NOT_NAME = frozenset(
    "uhr am um in im on at veröffentlicht kategorien kategorie aktuell published posted "
    "updated categories category tags staff writer reporter correspondent editor redakteur "
    "redakteurin for für the der die das and und comment comments kommentar kommentare "
    "schreibe leave hinterlasse keine no illustration illustrationen foto fotos photo photos "
    "bild bilder image logo symbolbild quelle source follow folgen vor hace bis twitter "
    "facebook instagram linkedin account allgemein allgemeines uncategorized".split()
)
_PARTICLE = r"(?:van|von|de|der|den|del|da|di|la|le|du|dos|bin)"
# An author named inside a longer line: "Post author By Helge Fahrnberger",
# "Geschrieben vonElisa Marvena", "Autor: gnaddrig" (strong markers, anywhere), or
# "Veröffentlicht am 17. Dezember 2019 von Simon Dückert" (a weak marker at the start,
# or after a date or a separator, followed by at least two name words).
_STRONG_MARK = re.compile(
    # A marker with a colon may name a handle ("Autor: gnaddrig") ...
    r"(?<![^\W\d_])(?i:(?:autor(?:in)?|author|auteur|autore|redakteur(?:in)?|redaktion|text)"
    r"\s?:)\s{0,2}"
    rf"(?P<handle>{_NAME}(?: (?:{_PARTICLE} )?{_NAME}){{0,3}}(?![\w.-])|[\w.-]{{2,30}})"
    # ... one without names a capitalised name, even glued on ("AuthorAndreas Kalt").
    r"|(?<![^\W\d_])(?:(?i:(?:written by|posted by|published by|post author by|post author"
    r"|geschrieben von|veröffentlicht von|verfasst von|erstellt von|ein artikel von"
    r"|eingestellt von|gespeichert von|thread starter|themenstarter"
    r"|ein beitrag von|beitrag von|artikel von|rezept von|text von|texto de|publicado por"
    r"|escrito por|publié par|écrit par|rédigé par|pubblicato da|scritto da|geplaatst door"
    r"|autor(?:in)?|autoren|authors|author))"
    r"(?![a-zß-öø-ÿ])\s{0,2}:?\s{0,2}"
    # "ByAlex Bozarjian": a capitalised "By" glued to the name.
    r"|By(?=[A-ZÀ-Ý][a-zß-ÿ]))"
    rf"(?P<name>{_NAME}(?: (?:{_PARTICLE} )?{_NAME}){{0,3}})"
    # "作者：责任编辑：肖春芳": a marker after the marker is no name.
    r"|(?:责任编辑|作者|记者|编辑)\s{0,2}[:：]?\s{0,2}(?!责任编辑|作者|记者|编辑)"
    r"(?P<cjk>[\u4e00-\u9fff]{2,4})"
)
_WEAK_MARK = re.compile(
    r"(?:^|[|·•—–,:]\s{0,2}|\d\s{1,2})(?i:by|von|vom|par|por|door)\s{1,2}"
    rf"(?P<name>{_NAME}(?: (?:{_PARTICLE} )?{_NAME}){{1,3}})"
)
# "Posted on 2015-04-05 by marc", "Veröffentlicht am 12. Juni 2017 von gizzmo": right
# after a date, "by"/"von" may introduce a one-word handle.
_HANDLE_MARK = re.compile(
    r"\s{0,3}[,|·•]?\s{0,3}(?i:by|von|vom|par|por|door)\s{1,2}"
    r"(?P<name>[\w.-]{2,30})(?:\s|$|[|·•,])"
)
# "Posted in News by jdoe on August 3, 2019", "Von Jane.Doe am Samstag, 19. Oktober":
# a one-word handle between a marker and a date.
_HANDLE_ON = re.compile(
    r"(?<![^\W\d_])(?i:by|von|par|por|door)\s{1,2}(?P<name>[\w.-]{2,30})\s{1,2}"
    r"(?i:on|am|le|el|il|op)\s"
)
# A byline that opens with a one-word handle, a date following: "von eseppelt · 31. Okt…".
_HANDLE_FIRST = re.compile(
    r"(?i:by|von|vom|par|door)\s{1,2}(?P<name>[^\W\d][\w.-]{1,29})(?=[\s|·•,–—-])"
)


# An author's picture, its alt-text or file name, then the name and nothing else:
# "dsteer-headshot Dave Steer", "Avatar photo Jane Roy", "Profilbild Jane Roy".
_AVATAR_MARK = re.compile(
    r"(?:[\w.-]{0,40}[-_](?:[Hh]eadshot|[Aa]vatar)|(?:(?i:author|user|autor)[ -])?[Aa]vatar"
    r"(?: (?i:photo|image|picture))?|[Hh]eadshot|Profilbild|Autorenbild)\s{1,2}"
    rf"(?P<name>{_NAME}(?: (?:{_PARTICLE} )?{_NAME}){{1,3}})"
)


def _handle_like(word: str) -> bool:
    """A user name rather than a word: lower case, or with "_", ".", a digit or inner capitals.

    >>> _handle_like("eseppelt"), _handle_like("Herr_Rein"), _handle_like("Berlin")
    (True, True, False)
    >>> _handle_like("JANA")
    False
    """
    if word.casefold() in _NAV_WORDS or word.casefold() in _NOT_NAME:
        return False
    return (
        word[:1].islower()
        or any(c in "_." or c.isdigit() for c in word)
        or (any(c.isupper() for c in word[1:]) and not word.isupper())
    )


# A line that only introduces the next one: "Von", "By :", "Written by", "Autor".
_MARKER_LINE = re.compile(
    r"(?:.{0,30}\s)?(?i:by|von|par|por|door|autor(?:in)?|author|auteur|autore)\s?:?"
)
_CREDIT = re.compile(
    r"(?i:photo|foto|bild|image|illustration|credit|quelle|source|grafik|video|music|musik)"
)
_UPDATED = re.compile(
    r"(?i:updated|last updated|modified|edited|aktualisiert|geändert|mis à jour|actualizado"
    r"|aggiornato|bijgewerkt)"
)
_DATE_PREFIX = re.compile(
    r"(?:published|posted|updated|last updated|modified|last edited|created|date"
    r"|veröffentlicht(?: am)?"
    r"|aktualisiert(?: am)?|stand|erstellt(?: am)?|publié le|mis à jour le|publicado|actualizado"
    r"|pubblicato)\b",
    re.IGNORECASE,
)


def names_someone(text: str) -> bool:
    """Whether ``text`` is a byline or names an author after a marker (``find_authors``)."""
    return _byline(text) is not None or bool(_authors_in(text))


def find_authors(text: str) -> list[str]:
    """Authors named after a byline marker inside a short line, else ``[]``.

    >>> find_authors("Veröffentlicht am 17. Dezember 2019 von Simon Dückert")
    ['Simon Dückert']
    >>> find_authors("Photo by Jane Smith")
    []
    >>> find_authors("Posted on 2015-04-05 by marc | Leave a comment")
    ['marc']
    >>> find_authors("Posted on28. Juli 2019AuthorAndreas Kalt4 Kommentare")
    ['Andreas Kalt']
    >>> find_authors("von jdoe · 31. Oktober 2023")
    ['jdoe']
    >>> find_authors("3. April 20223. April 2022 by jdoe")
    ['jdoe']
    """
    return list(_authors_in(text))


# The structure stage and the headline model ask about the same lines many times
# over (as a byline, a dateline, a candidate's neighbour): answers are remembered.
@short_text_cache(300)
def _authors_in(text: str) -> tuple[str, ...]:
    if len(text) > 300 or word_count(text) > 30:
        return ()
    if not _may_mark(text):
        return ()  # no marker to lead a name: every way in needs one
    found = _find_authors(text)
    if not found and _CAPS_RUN.search(text) is not None:
        # "VON MORITZ GATHMANN am 21. April 2020": names in capitals read as names.
        found = _find_authors(_CAPS_WORD.sub(lambda m: m.group().capitalize(), text))
    return tuple(found)


# A piece of every byline marker ``_find_authors`` looks for, as ``str.casefold`` writes
# it: a line with none of them names nobody (the ways in after a date need "by", "von",
# … too). (None holds a letter whose case-blind match differs from ``casefold``:
# no "i", "k" or "s", unless its pattern spells that letter case by case, as
# ``_AVATAR_MARK`` does.)
_MARK_PIECES = (
    "by", "von", "vom", "par", "por", "door", "autor", "author", "auteur", "reda", "text",
    "pubbl", "tto da", "tarter", "作者", "记者", "编辑", "avatar", "headshot", "profilbild",
    "autorenbild",
)


def _may_mark(text: str) -> bool:
    """Whether ``text`` may hold a byline marker (cheap; ``False`` is sure).

    >>> _may_mark("Geschrieben vonElisa Marvena"), _may_mark("Home News Weather")
    (True, False)
    """
    return any(map(text.casefold().__contains__, _MARK_PIECES))


# Two words in capitals in a row; one word in capitals.
_CAPS_RUN = re.compile(r"\b[A-ZÀ-Þ]{2,}[\s,]{1,3}[A-ZÀ-Þ]{2,}\b")
_CAPS_WORD = re.compile(r"\b[A-ZÀ-Þ]{2,}(?:-[A-ZÀ-Þ]{2,})?\b")


def _find_authors(text: str) -> list[str]:
    m = _STRONG_MARK.search(text) or _WEAK_MARK.search(text)
    if m is None:
        handle = _HANDLE_ON.search(text)
        if handle is not None:
            found = find_date(text[handle.end() : handle.end() + 60])
            m = handle if found is not None and found[1] <= 15 else None
    if m is None:
        found = find_date(text)
        if found is not None:
            end = found[2]
            again = find_date(text[end : end + 40])  # "3. April 20223. April 2022 by mady"
            if again is not None and again[1] == 0:
                end += again[2]
            m = _HANDLE_MARK.match(text, end)
    if m is None:
        # "von eseppelt · 31. Oktober 2023", "von Herr_Rein Veröffentlicht am 11. Juni 2019"
        handle = _HANDLE_FIRST.match(text)
        if handle is not None and _handle_like(handle.group("name")):
            found = find_date(text[handle.end() : handle.end() + 60])
            m = handle if found is not None and found[1] <= 25 else None
    if m is None:
        m = _AVATAR_MARK.fullmatch(text)
        if m is not None and _name_line(m.group("name")) is None:
            m = None
    if m is None or _CREDIT.search(text[: m.start()]):
        return []
    groups = m.groupdict()
    if groups.get("cjk"):
        return [groups["cjk"]]
    words = (groups.get("name") or groups.get("handle") or "").split()
    for index, word in enumerate(words):
        if index and (word.casefold().strip(".") in _NOT_NAME or any(c.isdigit() for c in word)):
            words = words[:index]
            break
    if not words or words[0].casefold() in _NOT_NAME:
        return []
    name = " ".join(words)
    if _role_only(name) or find_date(name) is not None or _DATE_PREFIX.match(name):
        return []
    if words == (groups.get("name") or "").split() and "(" in text:
        return [name, *_co_authors(text[m.end() :])]
    return [name]


# The word that brings in co-authors, in a byline here and in a page's author field.
CO_AUTHOR_WORDS = "avec|with|mit|con|com|met"
# Co-authors in brackets after the name: "Par Jeanne Roy (avec Tom Weber et Ana Roy)".
_WITH = re.compile(rf"\s{{0,2}}\((?i:{CO_AUTHOR_WORDS})\s(?P<names>[^()]{{3,120}})\)")


def _co_authors(text: str) -> list[str]:
    """Names after "with"/"avec"/"mit" in brackets opening ``text``, else ``[]``.

    >>> _co_authors(" (avec Tom Weber et Ana Roy)")
    ['Tom Weber', 'Ana Roy']
    """
    m = _WITH.match(text)
    if m is None:
        return []
    names = [name.strip(" .") for name in _NAMES.split(m.group("names"))]
    if not names or not all(_NAME_ONLY.fullmatch(name) for name in names):
        return []
    return names


_NAME_ONLY = re.compile(rf"{_NAME}(?: (?:{_PARTICLE} )?{_NAME}){{1,3}}")
_SEPARATORS = " ,|·•~–—-:/()"


def _leading_name(text: str) -> str:
    """The name that opens ``text`` when only counts or comment links follow it.

    >>> _leading_name("Alexander Roll 1 Kommentar Inklusion")
    'Alexander Roll'
    >>> _leading_name("Ulrike Stockhausen Schreibe einen Kommentar")
    'Ulrike Stockhausen'
    >>> _leading_name("Politik Inland Ausland")
    'Politik Inland Ausland'
    """
    m = _NAME_ONLY.match(text)
    if m is None or m.end() == len(text):
        return text
    words = m.group().split()
    for index, word in enumerate(words):
        if index > 1 and word.casefold() in _NOT_NAME:
            words = words[:index]
            break
    name = " ".join(words)
    after = text[len(name) :].split(maxsplit=1)
    if not after or after[0][0].isdigit() or after[0].casefold() in _NOT_NAME:
        return name
    return text


# A name on a line of its own may have inner capitals ("Jessica DeFino", "Gavin O'Callaghan").
# So may a double surname ("Boelen-Theile").
_NAME_CAPS = (
    r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[a-zß-öø-ÿĀ-ž'’.-]|(?<=[a-zß-öø-ÿ'’])[A-ZÀ-ÖØ-Þ]|(?<=[a-zß-öø-ÿ]{2}-)[A-ZÀ-ÖØ-Þ]){1,30}"
)
_NAME_LINE = re.compile(rf"{_NAME_CAPS}(?: (?:{_PARTICLE} )?{_NAME_CAPS}){{1,3}}")
_PARTICLE_WORDS = frozenset("van von de der den del da di la le du dos bin".split())
# Words of menus and teasers, never of a name: "Recent Posts", "Neuer Inhalt", "Top News".
_NAV_WORDS = frozenset(
    "news top mehr more neue neuer neues recent posts previous next related menu social "
    "share follow update letztes home startseite inhalt bereich view read weiter linked "
    "latest popular login anmelden suche search kontakt contact impressum vorheriger "
    "vorheriges nächster nächstes neueste neuester beitrag beiträge artikel kommentieren "
    "comments kommentare icon newer older über about all alle articles abbrechen schließen "
    "bewerten cancel close".split()
)


# Buttons that a profile box sets beside the name.
_BUTTONS = ("Follow", "Folgen", "Abonnieren")


def _strip_role(text: str) -> str:
    """``text`` without a role after the name.

    >>> _strip_role("Logan C. RitchieStaff Writer")
    'Logan C. Ritchie'
    >>> _strip_role("Richard Adams Education editor")
    'Richard Adams'
    >>> _strip_role("Inga HoeltmannFollow")
    'Inga Hoeltmann'
    """
    if text.endswith(_BUTTONS):
        # A profile's button glued to the name: "Inga HoeltmannFollow".
        for button in _BUTTONS:
            cut = len(text) - len(button)
            if text.endswith(button) and cut > 1 and text[cut - 1].islower():
                return text[:cut]
    if not text.casefold().rstrip("s").endswith(_ROLE_ENDS):
        return text
    m = _TRAILING_ROLE.search(text)
    return text[: m.start()] if m is not None and m.start() > 0 else text


@short_text_cache(300)
def _name_line(text: str) -> str | None:
    """The text when a line is only a person's name ("Jane Smith"), else ``None``.

    >>> _name_line("Jane van Berg")
    'Jane van Berg'
    >>> _name_line("Aleš Vávra Aleš Vávra")
    'Aleš Vávra'
    >>> _name_line("Senior Writer") is None
    True
    """
    if len(text) <= 80:
        text = _strip_role(text)
    words = text.split()
    half = len(words) // 2
    if len(words) in (4, 6) and words[:half] == words[half:]:
        text = " ".join(words[:half])
    if len(text) > 60 or not _NAME_LINE.fullmatch(text):
        return None
    folded = text.casefold().split()
    if _NAV_WORDS.intersection(folded):
        return None
    particle = next((i for i, w in enumerate(folded) if i and w in _PARTICLE_WORDS), 0)
    if particle > 1:
        return None
    first = folded[0]
    if first in _NOT_NAME or first in _MARKER_ENDS or _ROLE.search(text) or _CREDIT.search(text):
        return None
    if _DATE_PREFIX.match(text):
        return None
    return text


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zß-ÿ]{2,}(?![^\W\d_])")


def _lower_words(page: Sequence[Line]) -> set[str]:
    """The words the ``page`` writes in lower case: a capitalised word among them
    is a word (a menu's "Live Stream"), not a name."""
    return {w for line in page for w in _LOWER_WORD.findall(line.text)}
_LETTERS = re.compile(r"[^\W\d_]+")


def _name_near(
    lines: list[Line], anchors: list[Line], page: Sequence[Line] = ()
) -> list[str]:
    """A name alone on a line next to the headline or a dateline, or after "By"/"Von".

    ``lines`` are the head lines in page order; ``anchors`` are the headline and
    date lines among them.
    """
    where = {line.number: index for index, line in enumerate(lines)}
    for index, line in enumerate(lines[:-1]):
        if len(line.text) <= 40 and _MARKER_LINE.fullmatch(line.text):
            name = _name_line(lines[index + 1].text)
            if name is not None:
                return [name]
    for anchor, beside in _beside_anchors(lines, anchors):
        name = _name_line(beside.text)
        if name is not None and not (
            beside.number < anchor.number and anchor is anchors[0] and _elsewhere(beside, page)
        ):
            return [name]
    # One line farther: a standfirst or a section label often sits between the
    # headline or dateline and the name ("Headline / standfirst / Jane Roy"). There
    # menus and buttons ("Your Account", "Example Data") look like names too: a
    # word the page also writes in lower case is a word, not a name.
    lower: set[str] | None = None
    for anchor in anchors:
        at = where.get(anchor.number)
        if at is None:
            continue
        near = at + 2
        if near >= len(lines) or lines[near] in anchors:
            continue
        name = _name_line(lines[near].text)
        if name is None:
            continue
        if lower is None:
            lower = _lower_words(page)
        if not any(w.casefold() in lower for w in _LETTERS.findall(name)):
            return [name]
    return []


def _elsewhere(line: Line, page: Sequence[Line]) -> bool:
    """Whether the page writes ``line`` again: a section label or a page name above a
    headline, not a byline."""
    return any(other.text == line.text and other.number != line.number for other in page)


# A byline marker word: "By", "Von", "Por", "Par", "Door".
_MARKED = re.compile(r"(?<![^\W\d_])(?i:by|von|vom|por|par|door)(?![^\W\d_])")


def _name_above(lines: list[Line], index: int, page: Sequence[Line] = ()) -> list[str]:
    """A name alone on the line above ``lines[index]`` (a dateline), maybe past a job title.

    "Jane Roy / Games Editor / Yahoo FinanceOctober 13, 2016": the name, not the
    site beside the date. A name in capitals counts too ("JANE ROY"), checked
    against the words of the ``page``.
    """
    above = lines[max(0, index - 2) : index][::-1]
    if above and len(above[0].text) <= 50 and _JOB.search(above[0].text) is not None:
        above = above[1:]
    name = (_name_line(above[0].text) or _caps_name(above[0].text, page)) if above else None
    return [name] if name is not None else []


def _caps_name(text: str, page: Sequence[Line] = ()) -> str | None:
    """A name printed in capitals alone on a line ("NATALIYA VASILYEVA"), else ``None``.

    Menus write capitals too ("LIVE STREAM"): only asked of the line right above
    the article's dateline, and a word the ``page`` also writes in lower case is a
    word, not a name.

    >>> _caps_name("NATALIYA VASILYEVA"), _caps_name("SEAN O'BRIEN")
    ('NATALIYA VASILYEVA', "SEAN O'BRIEN")
    >>> _caps_name("TOP STORIES"), _caps_name("THE WORLD"), _caps_name("Jane Roy")
    (None, None, None)
    >>> _caps_name("LIVE STREAM", [Line(1, "Watch the live stream.")]) is None
    True
    """
    if len(text) > 40 or not text.isupper() or not 2 <= len(text.split()) <= 3:
        return None
    title = _CAPS_WORD.sub(lambda m: m.group().capitalize(), text)
    if _name_line(title) is None:
        return None
    folded = title.casefold().split()
    if any(word in stops for stops in STOP_WORDS.values() for word in folded):
        return None
    if not _lower_words(page).isdisjoint(folded):
        return None
    return text


def _name_above_dateline(
    by_number: dict[int, Line], page: Sequence[Line], dateline: Line
) -> list[str]:
    """A name in capitals alone on the line right above ``dateline`` in page order.

    ``by_number`` holds the page's lines by line number (blank lines have none).
    """
    for number in range(dateline.number - 1, max(0, dateline.number - 4), -1):
        above = by_number.get(number)
        if above is not None:
            name = _caps_name(above.text, page)
            return [name] if name is not None else []
    return []


def _name_beside_date(text: str, handles: bool = False) -> list[str]:
    """A name that shares a dateline with the date ("17/11/2019 ~ Cem Basman"), else ``[]``.

    >>> _name_beside_date("17/11/2019 ~ Cem Basman")
    ['Cem Basman']
    >>> _name_beside_date("Updated 10 October 2023 08:15")
    []

    With ``handles``, a user name or the newsroom counts too (the weakest evidence):

    >>> _name_beside_date("jdoe — 2. Februar 2022"), _name_beside_date("jdoe — 2. Mai 2022", True)
    ([], ['jdoe'])
    """
    rest = text
    for _ in range(3):
        found = find_date(rest)
        if found is None:
            break
        rest = rest[: found[1]] + " | " + rest[found[2] :]
    fields = [p.strip(_SEPARATORS) for p in re.split(r"[|·•~–—]| - ", rest)]
    parts = [(find_authors(p) or [_leading_name(p)])[0] for p in fields if p]
    names = [p for p in parts if _NAME_ONLY.fullmatch(p) and not _DATE_PREFIX.match(p)]
    if not names and handles:
        # "jdoe — 2. Februar 2022", "28. Januar 2015 jdoe Schreibe einen Kommentar".
        names = [h for h in map(_handle_field, fields) if h is not None]
    if len(names) != 1 or _role_only(names[0]):
        return []
    return names


# The editorial team signing beside a date: "Redaktion - 31. Januar 2022".
_NEWSROOM = frozenset("redaktion redacción redaccion rédaction redazione redactie".split())
# Words beside a date that are no user names: times, reading times, "ago", weekdays.
_TIME_WORDS = frozenset(
    "am pm uhr h hrs min mins read ago ca gmt utc cet cest est klo lundi mardi mercredi jeudi "
    "vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo lunedì "
    "martedì mercoledì giovedì venerdì sabato domenica segunda terça quarta quinta sexta "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
)


def _handle_field(text: str) -> str | None:
    """A user name (or the newsroom) opening a field of a dateline, else ``None``.

    Only counts, comment links or a time may follow it.

    >>> _handle_field("karstenruppert Schreibe einen Kommentar"), _handle_field("ThE_PaiN")
    ('karstenruppert', 'ThE_PaiN')
    >>> _handle_field("Redaktion"), _handle_field("um 13:56 Uhr"), _handle_field("Berlin")
    ('Redaktion', None, None)
    >>> _handle_field("mardi"), _handle_field("Breuninger-Meeting")
    (None, None)
    """
    words = [w.strip(_SEPARATORS) for w in text.split()]
    words = [w for w in words if w]
    if words and words[0].casefold() in _AVATAR:
        words = words[1:]  # "Profilbild jdoe 18.10.2019": the picture's alt-text first
    if not words or len(words) > 5 or not words[0][0].isalpha():
        return None
    first, folded = words[0], words[0].casefold()
    if folded in _NEWSROOM:
        pass
    elif (
        not _HANDLE.fullmatch(first)
        or "-" in first  # "Breuninger-Meeting": a compound word
        or not _handle_like(first)
        or folded in _TIME_WORDS
        or any(folded in stops for stops in STOP_WORDS.values())
    ):
        return None
    for word in words[1:]:
        folded = word.casefold()
        if not word[0].isdigit() and not (
            folded in _NOT_NAME or folded in _TIME_WORDS or folded in _COMMENT_WORDS
        ):
            return None
    return first


_AVATAR = frozenset("profilbild avatar benutzerbild userpic".split())
_COMMENT_WORDS = frozenset(
    "einen kommentar kommentare comment comments reply antworten schreibe leave a".split()
)


@dataclass
class PageMeta:
    """What a page states about itself (HTML meta tags, JSON-LD), if anything."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    date: dt.date | dt.datetime | None = None
    # A byline found anywhere on the page: the authors when the head names none.
    byline_authors: list[str] = field(default_factory=list)


@dataclass
class Structured:
    """The structure stage's answer."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    location: str | None = None
    date: dt.date | dt.datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def day_first(body: list[Line]) -> bool:
    """Whether the page's language writes the day before the month (all but English)."""
    language = page_language([line.text.split() for line in body[:40]])
    return language is not None and language != "en"


# A time relative to now: "1 day ago", "8h", "vor 2 Stunden", "hace 3 horas".
_RELATIVE = re.compile(
    r"(?<![\w.,:])\d{1,2}\s?(?:h|hrs?|hours?|m|mins?|minutes?|d|days?|weeks?)\s(?i:ago)(?!\w)"
    r"|(?<![\w.,:])\d{1,2}h(?!\w)"
    r"|(?i:vor|hace|il y a)\s\d{1,2}\s(?i:minuten|stunden|tagen|minutos|horas|días|minutes"
    r"|heures|jours)(?!\w)"
)


def relative_time(text: str) -> bool:
    """True for a short line holding a time relative to now ("Jane Roy • 8h", "1 day ago").

    >>> relative_time("Alex Perry 1 day ago"), relative_time("James Roy • 8h")
    (True, True)
    >>> relative_time("5 min read"), relative_time("Top 10 tips for 2020")
    (False, False)
    """
    if len(text) > 80 or _DIGIT.search(text) is None:
        return False
    return _RELATIVE.search(text) is not None


# A label that says the date is the publication's: "Veröffentlicht am", "Published on".
_PUBLISHED = re.compile(
    r"(?i:published|publication|posted|veröffentlicht|erschienen|publié|publicado|pubblicato"
    r"|gepubliceerd|publicerad|opublikowano)"
)


def published_line(text: str) -> bool:
    """True if the line labels its date as the publication's ("Veröffentlicht am 3. Mai").

    >>> published_line("Ein Artikel von Jane Roy, veröffentlicht am 23.01.2020")
    True
    >>> published_line("Ausdruck vom 11.02.2020"), published_line("Updated May 3, 2020")
    (False, False)
    """
    return _PUBLISHED.search(text[:80]) is not None


def _date_rank(text: str) -> tuple[bool, bool]:
    """How a dateline ranks among others (lower first): a publication date before an
    unlabelled one, an "updated" one last."""
    return updated_line(text), not published_line(text)


def updated_line(text: str) -> bool:
    """True if the line gives an update or modification time ("Updated 3 May")."""
    return _UPDATED.search(text[:80]) is not None


def labelled_date(text: str) -> bool:
    """True if the line opens with a date's label ("Updated Mar 12, 2020 …",
    "Veröffentlicht am 5. Juni 2023")."""
    m = _DATE_PREFIX.search(text[:40])
    return m is not None and not text[: m.start()].strip(" -–|·•:([")


# What joins the two ends of a span of days: "21.10.2019 – 27.10.2019", "14. - 20. Januar".
_RANGE_JOIN = re.compile(r"\s{0,2}[-–—]\s{0,2}|\s(?i:bis|to|au|al)\s")
_RANGE_START = re.compile(r"\d{1,2}\.?\s{0,2}[-–—]\s{0,2}$")


def _date_range(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` opens or closes a span of days.

    A span dates an event, an offer or an archive, not the article.

    >>> _date_range("Aktionszeitraum: 21.10.2019 – 27.10.2019", 17, 27)
    True
    >>> _date_range("Wochenbericht 14. - 20. Januar 2022", 20, 35)
    True
    >>> _date_range("Jane Roy - 12.01.2020 - Politik", 11, 21)
    False
    """
    join = _RANGE_JOIN.match(text, end)
    if join is not None:
        after = find_date(text[join.end() : join.end() + 40])
        if after is not None and after[1] == 0:
            return True
    return _RANGE_START.search(text[max(0, start - 8) : start]) is not None


@short_text_cache(300)
def is_date_line(text: str) -> bool:
    """A line that says when the article was published.

    A short line that is a date, a line that starts with a date or with
    "Published …", or a byline that carries a date.
    """
    if len(text) > 250 or word_count(text) > 25:
        return False
    found = find_date(text)
    if found is None or _date_range(text, found[1], found[2]):
        return False
    if _DATE_PREFIX.search(text[:60]) is not None:
        return True
    if found[1] <= 3 and word_count(text) <= 20:
        return True
    if find_authors(text):
        return True
    rest = (text[: found[1]] + " " + text[found[2] :]).strip(" ,|·•-–—:()")
    if word_count(rest) <= 4:
        return True
    # "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)": published, updated.
    again = find_date(rest)
    if again is not None and _UPDATED.search(rest) is not None:
        rest = _UPDATED.sub(" ", rest[: again[1]] + " " + rest[again[2] :])
        if word_count(rest) <= 4:
            return True
    return _meta_row(text)


_ROW_SEPARATOR = re.compile(r"\s{0,2}[|·•/~–—]\s{0,2}|\s-\s")


def _meta_row(text: str) -> bool:
    """A row of short fields, one of them a date: "Jane Roy / 22.04.2020 / 06:15 / 150".

    >>> _meta_row("Arne Sjöström | 29. Dezember 2022 | HR-Welt")
    True
    >>> _meta_row("The vote on 29 December 2022 | what it means for you and your family")
    False
    """
    if word_count(text) > 16:
        return False
    parts = [part.strip() for part in _ROW_SEPARATOR.split(text)]
    parts = [part for part in parts if part]
    if len(parts) < 2 or any(word_count(part) > 5 for part in parts):
        return False
    for part in parts:
        found = find_date(part)
        if found is None or found[1] > 2:
            continue
        rest = part[found[2] :]
        again = find_date(rest)  # "29. Dezember 202230. Dezember 2022": published, updated
        if again is not None and again[1] <= 1:
            rest = rest[again[2] :]
        if word_count(rest) <= 2:
            return True
    return False


# A line that is only a marker and a user name: "von flerche", "vom Krimiblogger".
_LONE_HANDLE = re.compile(r"(?i:by|von|vom|par|por|door)\s{1,2}(?P<name>[^\W\d][\w.-]{1,29})")


def parse_byline(text: str) -> tuple[list[str], str | None, dt.date | dt.datetime | None] | None:
    """Authors, place and date from a byline, or ``None`` if it is not one.

    >>> parse_byline("By Nick Mann in Liverpool | 5 July 2012")
    (['Nick Mann'], 'Liverpool', datetime.date(2012, 7, 5))
    >>> parse_byline("Von Anna Schmidt und Jörg Weber")[0]
    ['Anna Schmidt', 'Jörg Weber']
    >>> parse_byline("By the way, this is a sentence.") is None
    True
    >>> parse_byline("by Jane Roy , Example.org")[0]
    ['Jane Roy']
    """
    found = _byline(text)
    return None if found is None else (list(found[0]), found[1], found[2])


@short_text_cache(300)
def _byline(text: str) -> tuple[tuple[str, ...], str | None, dt.date | dt.datetime | None] | None:
    if len(text) > 300 or word_count(text) > 30:
        return None
    m = _BYLINE.fullmatch(text)
    if m is None:
        return None
    if _role_only(m.group("rest").strip()):
        return None  # "By Staff Writer": a job title, no name
    handle = _LONE_HANDLE.fullmatch(text)
    if handle is not None and _handle_like(handle.group("name")):
        return (handle.group("name"),), None, None  # "von flerche", "By oradmin"
    rest = _strip_role(m.group("rest"))
    date = None
    found = find_date(rest)
    if found is not None:
        date = found[0]
        rest = rest[: found[1]] + rest[found[2] :]
        # A layout's second copy of the date ("13.12.2022 - 08:13 Uhr13.12.2022 - 08:13").
        again = find_date(rest)
        if again is not None:
            rest = rest[: again[1]] + " " + rest[again[2] :]
    place = None
    authors: list[str] = []
    for part in _PARTS.split(rest):
        part = part.strip(" ,;:.")
        if not part or _role_only(part) or _DATE_PREFIX.fullmatch(part):
            continue
        if authors:
            break
        pm = _PLACE.fullmatch(part)
        if pm:
            part, place = pm.group("who"), pm.group("place").strip()
        for name in _NAMES.split(part):
            name = name.strip(" .")
            words = name.split()
            # A capitalised word after the name that is no part of it: "Jane Roy Uhr",
            # "… Veröffentlicht" (a word in lower case still makes the line prose).
            cut = next(
                (i for i, w in enumerate(words) if i and w.istitle() and w.casefold() in _NOT_NAME),
                0,
            )
            if cut:
                words = words[:cut]
                name = " ".join(words)
            if authors and _DEGREE.fullmatch(name):
                continue  # "By Jane Roy, MA", "Jane Roy, PhD"
            if authors and _JOB.search(name):
                break  # "By Jane Roy, Senior Staff Technologist, ACLU Speech and …"
            if 1 <= len(words) <= 5 and all(_NAME_WORD.fullmatch(w) for w in words):
                if authors and len(words) == 1 and _DOMAIN.search(name):
                    continue  # "By Jane Roy, Example.org": the site after the name
                if words[0][0].isupper() and not _role_only(name):
                    authors.append(name)
            elif name:
                return None
    if not authors:
        return None
    return tuple(authors), place, date


# Letters after a name ("Jane Roy, PhD") and the words of a job title after it.
_DEGREE = re.compile(r"(?:PhD|Ph\.D|MD|M\.D|MA|MSc|MBA|BSc|RN|MPH|DPhil|Dr|Jr|Sr)\.?")
_JOB = re.compile(
    r"\b(?i:technologist|analyst|director|professor|president|manager|officer|counsel"
    r"|fellow|researcher|scientist|specialist|attorney|founder|chairman|chair|head|lead"
    r"|coordinator|strategist|economist|consultant|advisor|adviser|lecturer|student|redaktion"
    r"|engineer|developer|designer|producer|host|anchor|staff|senior|chief|deputy"
    r"|writer|reporter|correspondent|editor|columnist|contributor|journalist)\b"
)
_DIGIT = re.compile(r"\d")
_SENTENCE_BREAK = re.compile(r"[a-zß-ÿ]{2}[.!?] [A-ZÀ-Ý][a-zß-ÿ]")
# A site's domain: "Phys.org", "Example.co.uk".
_DOMAIN = re.compile(r"\w\.(?:com|org|net|de|at|ch|fr|es|it|nl|uk|info|io|co)$", re.IGNORECASE)


def _body_sentence(text: str) -> bool:
    """A line that reads as a sentence of prose, not a headline.

    >>> _body_sentence("Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod.")
    True
    >>> _body_sentence("consequat. Duis aute irure dolor in reprehenderit")
    True
    >>> _body_sentence("Zuckerberg offers peek at Facebook's acquisition strategies")
    False
    """
    words = word_count(text)
    if words >= 25 or _SENTENCE_BREAK.search(text) is not None:
        return True
    return text.endswith(".") and not text.endswith("..") and words >= 10


def _before_core(sorted_lines: Sorted, count: int) -> list[Line]:
    """The last ``count`` lines above the core, kept or dropped, in page order."""
    first = sorted_lines.body[0].number if sorted_lines.body else 1 << 62
    lines = {line.number: line for line in sorted_lines.before}
    for line, _rule in sorted_lines.outside:
        if line.number < first:
            lines.setdefault(line.number, line)
    return [lines[number] for number in sorted(lines)[-count:]]


def _after_core(sorted_lines: Sorted, count: int) -> list[Line]:
    """The first ``count`` dropped lines below the body (a blog's byline and date footer)."""
    last = sorted_lines.body[-1].number if sorted_lines.body else 0
    return [line for line, _rule in sorted_lines.outside if line.number > last][:count]


def _authors(
    sorted_lines: Sorted,
    head: list[Line],
    head_body: int,
    title_line: Line | None,
    dates: list[tuple[Line, dt.date | dt.datetime]],
    by_number: dict[int, Line],
) -> list[str]:
    """Authors when the head holds no byline, nearest evidence first.

    A byline inside a longer line of the head; a name alone beside the headline or
    a dateline; the same two among every line just above the core, kept or dropped
    (dumps often lose the byline block to the line model); then a byline anywhere
    before the core or just after it.
    """
    before, body = sorted_lines.before, sorted_lines.body
    for line in head:
        found = find_authors(line.text)
        if found:
            return found
    anchors = [line for line, _date in dates]
    if title_line is not None:
        anchors.insert(0, title_line)
    head_lines = sorted(before + body[: head_body + 2], key=lambda line: line.number)
    page = [*before, *body, *(line for line, _rule in sorted_lines.outside)]
    found = _name_near(head_lines[-40:], anchors, page)
    if found:
        return found
    near = _before_core(sorted_lines, 40) + body[: head_body + 2]
    title_text = title_line.text if title_line is not None else None
    anchors = [line for line in near if line.text == title_text]
    anchors += [line for line in near if line.text != title_text and is_date_line(line.text)]
    found = _byline_beside(near, anchors) or _name_near(near, anchors, page)
    seen = {line.number for line in near}
    farther = [line for line in before[::-1] if line.number not in seen]
    # Bylines the line model dropped between the first lines of the core come first.
    head_of_core = _head_of_core(sorted_lines, head_body + 2)
    inside = [line for line in head_of_core if line.number not in seen]
    for line in [*inside, *near[::-1]]:
        if found:
            break
        found = find_authors(line.text)
    for line in anchors[::-1] if not found else []:
        if line.text == title_text:
            continue
        found = _name_above_dateline(by_number, page, line) or _name_beside_date(line.text)
        if found:
            break
    after = _after_core(sorted_lines, 40)
    for line in [*farther, *after]:
        if found:
            break
        found = find_authors(line.text)
    if not found:
        # A whole short byline just below the article ("von Cortyn"): the first one only,
        # those below it are comments'.
        found = next(
            (
                parsed[0]
                for line in after[:15]
                if len(line.text) <= 40 and (parsed := parse_byline(line.text)) is not None
            ),
            [],
        )
    if not found:
        found = _author_box(sorted_lines)
    if not found:
        found = _byline_anywhere(sorted_lines)
    for line in [*(line for line, _date in dates), *anchors] if not found else []:
        if line.text != title_text:
            found = _name_beside_date(line.text, handles=True)
            if found:
                break
    return found


def _byline_beside(lines: list[Line], anchors: list[Line]) -> list[str]:
    """Authors from a whole byline ("By Jane Roy") right next to the headline or a dateline.

    Such a byline beats a name alone on a line beside another copy of the headline
    (a menu item above a teaser repeating it).
    """
    for _anchor, beside in _beside_anchors(lines, anchors):
        parsed = parse_byline(beside.text)
        if parsed is not None:
            return parsed[0]
    return []


def _beside_anchors(lines: list[Line], anchors: list[Line]) -> Iterator[tuple[Line, Line]]:
    """Each anchor (headline or dateline) among ``lines`` with the line right below
    it, then the line right above it, skipping the anchors themselves."""
    where = {line.number: index for index, line in enumerate(lines)}
    for anchor in anchors:
        at = where.get(anchor.number)
        if at is None:
            continue
        for near in (at + 1, at - 1):
            if 0 <= near < len(lines) and lines[near] not in anchors:
                yield anchor, lines[near]


def _head_of_core(sorted_lines: Sorted, count: int) -> list[Line]:
    """The first ``count`` body lines and the dropped lines among them, in page order.

    The line model often drops a byline that sits between the headline, the
    standfirst and the first paragraphs ("par Jane Roy, 21 juin 2018").
    """
    body = sorted_lines.body[:count]
    if not body:
        return []
    dropped = _dropped_between(sorted_lines, body[0].number, body[-1].number)
    if not dropped:
        return body
    return sorted(body + dropped, key=lambda line: line.number)


def _datelines_in_core(sorted_lines: Sorted) -> list[Line]:
    """Short lines inside the core that the line model dropped, in page order.

    Only short ones: a dateline ("26. Januar 2022", "Veröffentlicht am …"),
    not a paragraph that mentions a date.
    """
    return [line for line in _dropped_in_core(sorted_lines) if word_count(line.text) <= 8]


def _dropped_between(sorted_lines: Sorted, first: int, last: int) -> list[Line]:
    """The dropped lines strictly between line numbers ``first`` and ``last``."""
    return [line for line, _rule in sorted_lines.outside if first < line.number < last]


def _dropped_in_core(sorted_lines: Sorted) -> list[Line]:
    """The dropped lines between the core's first and last lines."""
    body = sorted_lines.body
    return _dropped_between(sorted_lines, body[0].number, body[-1].number) if body else []


def _byline_anywhere(sorted_lines: Sorted) -> list[str]:
    """Authors from a dropped line that is a whole byline ("Von Jane Roy"), nearest the core.

    Only a line that is nothing but a marker and names counts here: far from
    the headline, a marker inside a longer line is too often a caption or a
    comment.
    """
    first = sorted_lines.body[0].number if sorted_lines.body else 0
    inside = _dropped_in_core(sorted_lines)
    above = [line for line, _rule in sorted_lines.outside if line.number < first][::-1]
    for line in [*inside, *above]:
        if len(line.text) > 80:
            continue
        parsed = parse_byline(line.text)
        if parsed is not None and find_date(line.text) is None:
            return parsed[0]
    return []


_ABOUT = re.compile(
    r"(?i:über den autor|über die autorin|zum autor|zur autorin|about the author|about the writer"
    r"|à propos de l'auteur|sobre el autor|der autor|die autorin|autor|author|autorin)\s?:?"
)
# "© 2019 Jane Smith", "(c) Jane Smith • Weitere Rechte", "Copyright (c) 2012- Jane Smith.",
# "© Jane Smith 2016-2020" (the years after the name).
_COPYRIGHT = re.compile(
    r"(?:©|\((?i:c)\)|(?i:copyright))\s{0,2}(?:©|\((?i:c)\))?\s{0,2}"
    r"(?:\d{4}(?:\s{0,2}[-–]\s{0,2}(?:\d{4})?)?)?\s{0,2}(?i:by\s)?"
    rf"(?P<name>{_NAME_CAPS}(?: (?:{_PARTICLE} )?{_NAME_CAPS}){{1,3}})"
    r"(?:,?\s{1,2}(?:19|20)\d{2}(?:\s{0,2}[-–]\s{0,2}(?:19|20)\d{2})?)?\s{0,2}(?:[.,|•·-]|$)"
)
_ORG_WORDS = frozenset(
    "gmbh ag kg inc ltd llc verlag media news group medien blog online magazin magazine "
    "zeitung press presse team redaktion rights reserved all alle rechte limited company "
    "corporation foundation university universität stiftung".split()
)


_MARKER_ENDS = frozenset(
    "by von par por door autor autorin author auteur autore writer".split()
)
_HANDLE = re.compile(r"[^\W\d][\w.-]{1,29}")


def _handle_line(text: str) -> str | None:
    """The text when a line is one word that may be a user name ("Robert", "jdoe")."""
    if not _HANDLE.fullmatch(text):
        return None
    folded = text.casefold()
    if folded in _NOT_NAME or folded in _NAV_WORDS or _MARKER_LINE.fullmatch(text):
        return None
    return text


def _author_box(sorted_lines: Sorted) -> list[str]:
    """A name from an author box or a copyright footer anywhere on the page, else ``[]``.

    A name alone on a line just below "Über den Autor" / "About the author", or
    followed within three lines by a bio that opens with the same name ("Jane
    Smith is a …"); else "© 2019 Jane Smith" in the footer.
    """
    lines = sorted(
        [*sorted_lines.before, *(line for line, _ in sorted_lines.outside)],
        key=lambda line: line.number,
    )
    texts = [line.text for line in lines]
    for index, text in enumerate(texts):
        if len(text) > 60:
            continue
        if len(text) <= 40 and text.rstrip(" :").rpartition(" ")[2].casefold() in _MARKER_ENDS:
            about = _ABOUT.fullmatch(text) is not None
            # A lead-in in capitals before the marker is code ("GROUP BY"), not a byline.
            if about or (_MARKER_LINE.fullmatch(text) and not (" " in text and text.isupper())):
                for near in texts[index + 1 : index + 4]:
                    name = _name_line(near) or _handle_line(near)
                    if name is not None:
                        return [name]
            continue
        if not text[:1].isupper() or " " not in text:
            continue
        name = _name_line(text)
        if name is None:
            continue
        for bio in texts[index + 1 : index + 4]:
            if (
                len(bio) > len(name) + 20
                and bio.startswith(name + " ")
                and bio[len(name) + 1 : len(name) + 2].islower()
            ) or _ROLE.match(bio):
                return [name]
    footers = [(r.line, r.text) for r in sorted_lines.removals if r.rule == "copyright"]
    candidates = [*footers[::-1], *((line.number, line.text) for line in lines[::-1])]
    last = max((number for number, _text in candidates), default=0)
    for number, text in candidates:
        if len(text) > 200 or not (
            "©" in text or "(c)" in text or "(C)" in text or "opyright" in text
        ):
            continue
        m = _COPYRIGHT.search(text)
        if m is None:
            continue
        if (
            m.group(0).startswith("©")
            and not any(c.isdigit() for c in m.group(0))
            and number < last - 10
        ):
            continue  # "© Jane Smith" above the footer is a picture's credit
        words = m.group("name").split()
        cut = next((i + 1 for i, w in enumerate(words) if len(w) > 2 and w.endswith(".")), 0)
        name = " ".join(words[:cut] if cut else words).rstrip(".")
        if _ORG_WORDS.intersection(name.casefold().split()) or _name_line(name) is None:
            continue
        return [name]
    return []


# How many date lines found away from the headline compete for the article's date.
_DATE_CHOICES = 3
# How many dropped lines above the core may hold a byline or a dateline.
_META_BEFORE = 25


def structure(sorted_lines: Sorted, meta: PageMeta | None = None) -> Structured:
    """Find headline, standfirst, byline and dates; return them with the body."""
    # An HTML page states its headline and standfirst: body lines are not guessed as them.
    page = meta is not None
    meta = meta or PageMeta()
    out = Structured()
    body = sorted_lines.body
    # The headline may sit among every line above the core (up to 40); bylines and
    # dates are looked for among the nearest 25, farther ones being menus and teasers.
    wide = sorted_lines.before
    sorted_lines = replace(sorted_lines, before=wide[-_META_BEFORE:])
    before = sorted_lines.before
    # The head: lines before the core, then core lines up to the first long paragraph.
    head_body = 0
    for line in body[:8]:
        if word_count(line.text) >= 40:
            break
        head_body += 1
    head = sorted(before[-12:] + body[:head_body], key=lambda line: line.number)
    if not before and body:
        head = body[: max(head_body, 1)]

    all_lines = wide + body + [line for line, _rule in sorted_lines.outside]
    by_number = {line.number: line for line in all_lines}
    dates: list[tuple[Line, dt.date | dt.datetime]] = []
    byline_at = None
    for index, line in enumerate(head):
        parsed = parse_byline(line.text)
        if parsed is not None and byline_at is None:
            authors, place, date = parsed
            out.authors, out.location = authors, place
            if date is not None:
                dates.insert(0, (line, date))
            byline_at = index
            out.used.add(line.number)
        elif is_date_line(line.text):
            found = find_date(line.text)
            assert found is not None
            dates.append((line, found[0]))
            out.used.add(line.number)
            if not out.authors:
                # A name alone just above beats a site beside the date.
                beside = _name_beside_date(line.text)
                if beside and not _MARKED.search(line.text):
                    beside = _name_above(head, index, all_lines) or beside
                out.authors = beside
        elif not out.authors and relative_time(line.text):
            # "Alex Perry 1 day ago", "Jane Roy • 8h": a name beside a relative time.
            out.authors = _name_beside_date(_RELATIVE.sub(" | ", line.text))
            if out.authors:
                out.used.add(line.number)

    title_line = headline.pick(wide, body, out.used, headline.context(all_lines, body))
    if page and title_line is not None and (
        title_line.kind != "h" or (title_line in body[1:] and title_line is not body[0])
    ):
        # A page marks its headings: the headline is one, above the core or opening it.
        title_line = None
    if title_line is not None:
        window = wide + body
        at = next(i for i, line in enumerate(window) if line is title_line)
        out.title = reported_title(title_line.text, window[at - 1].text if at else "")
        # A page of one paragraph: that paragraph names the article and is its body too.
        # So is a sentence, or a long paragraph inside the core, taken for want of a
        # headline: it stays in the body.
        sentence = title_line in body and (
            _body_sentence(title_line.text)
            or (
                title_line is not body[0]
                and title_line.kind == "p"
                and word_count(title_line.text) >= 10
            )
        )
        if not sentence and any(
            line.number not in out.used and line is not title_line for line in body
        ):
            out.used.add(title_line.number)

    # Standfirst: prose between the headline and the byline.
    if byline_at is not None and title_line is not None and title_line in head:
        for line in head[head.index(title_line) + 1 : byline_at]:
            if line.number not in out.used and word_count(line.text) >= 8:
                out.standfirst = line.text
                out.used.add(line.number)
                break

    remaining = [line for line in body if line.number not in out.used]
    if out.standfirst is None and remaining and not page:
        first = _norm(remaining[0].text)
        # A standfirst is shown twice (summary, then lead) above a longer body; text
        # repeated more often, or that would leave little body, is body itself.
        # (Cheapest tests first: most pages have no repeated first paragraph.)
        words = word_count(remaining[0].text)
        if (
            words >= 8
            and any(_norm(line.text) == first for line in remaining[1:6])
            and (copies := sum(1 for line in remaining if _norm(line.text) == first)) == 2
            and sum(word_count(line.text) for line in remaining) - copies * words >= 3 * words
        ):
            out.standfirst = remaining[0].text
            out.used.add(remaining[0].number)

    if not out.authors:
        out.authors = _authors(sorted_lines, head, head_body, title_line, dates, by_number)
    out.authors = [_undouble(name) for name in out.authors]
    if meta.title:
        out.title = meta.title
    if meta.standfirst and out.standfirst is None:
        out.standfirst = meta.standfirst
    if meta.authors:
        out.authors = meta.authors
    elif not out.authors:
        out.authors = meta.byline_authors
    if not dates:
        # No dateline near the headline: a date line dropped among the first lines
        # of the core, among every line just above the core (kept or dropped),
        # elsewhere before it, or just after it; last, a dropped dateline inside it.
        near = _before_core(sorted_lines, 40)
        seen = {line.number for line in near}
        farther = [line for line in before[::-1] if line.number not in seen]
        inside = [
            line for line in _head_of_core(sorted_lines, head_body + 2) if line.number not in seen
        ]
        deep = _datelines_in_core(sorted_lines)
        after = _after_core(sorted_lines, 60)
        # Last, a short dateline the core kept below its first lines (a short post's
        # "Veröffentlicht am: 6. August 2009"), then a labelled one farther below it.
        kept = [line for line in body[head_body + 2 :] if word_count(line.text) <= 8]
        labelled = [line for line in after[15:] if published_line(line.text)]
        order = [*inside, *near[::-1], *farther, *after[:15], *deep, *kept, *labelled]
        candidates: list[Line] = []
        for line in order:
            if line.number not in out.used and is_date_line(line.text):
                candidates.append(line)
                if len(candidates) == _DATE_CHOICES:
                    break
        if candidates:
            # Of the first few, a publication date beats an unlabelled or updated one.
            line = min(candidates, key=lambda line: _date_rank(line.text))
            found = find_date(line.text)
            assert found is not None
            out.date = found[0]
            if "/" in line.text and day_first(body):
                again = find_date(line.text, day_first=True)
                out.date = again[0] if again is not None else out.date
            if not out.authors:
                # "NATALIYA VASILYEVA / Associated PressDecember 2, 2016": the name above.
                out.authors = _name_above_dateline(by_number, all_lines, line)
            if not out.authors and line not in deep:
                out.authors = _name_beside_date(line.text, handles=not page)
    if dates:
        # A publication date beats an "updated" one; otherwise the first found wins.
        # A date labelled as the publication's beats an unlabelled one (a print date,
        # a comment's time among the first lines of the core).
        chosen = min(dates, key=lambda item: _date_rank(item[0].text))
        if not published_line(chosen[0].text) and head:
            # The line model may drop the labelled dateline between the head's lines.
            for line in _dropped_between(sorted_lines, head[0].number, head[-1].number):
                if published_line(line.text) and is_date_line(line.text):
                    found = find_date(line.text)
                    assert found is not None
                    chosen = (line, found[0])
                    break
        out.date = chosen[1]
        if "/" in chosen[0].text and day_first(body):
            again = find_date(chosen[0].text, day_first=True)
            out.date = again[0] if again is not None else out.date
    if meta.date is not None:
        out.date = meta.date
    chosen_day = str(out.date)[:10] if out.date is not None else None
    spare = [
        line.text
        for line, date in dates
        if str(date)[:10] != chosen_day and parse_byline(line.text) is None
    ]
    if spare:
        out.extra["dateline"] = " | ".join(spare)

    for line in wide + body:
        if line.number in out.used:
            out.removals.append(Removal(line.number, line.text, "metadata"))
    if not page:
        _head_captions(out, body[: head_body + 2])
    _body(out, body, repeats=not page)
    return out


def _undouble(name: str) -> str:
    """A name written twice (a layout's hidden copy) once, else ``name``.

    >>> _undouble("Newsdesk Newsdesk"), _undouble("Jane RoyJane Roy"), _undouble("Jane Roy")
    ('Newsdesk', 'Jane Roy', 'Jane Roy')
    >>> _undouble("R. R.")
    'R. R.'

    """
    half = len(name) // 2
    first = name[:half].strip()
    # Initials may repeat ("R. R."): a name of three letters or more is doubled.
    if sum(c.isalpha() for c in first) >= 3 and first == name[-half:].strip():
        return first
    return name


# A breadcrumb trail opens with its root: "Sie sind hier: …", "Home » …", "Startseite / …".
_CRUMB_ROOT = re.compile(
    r"(?i:sie sind hier|you are here|du bist hier|vous êtes ici|está aquí)\s?:\s{0,2}"
    r"|(?i:home|startseite|start|hauptseite|accueil|inicio|portada|homepage)\s{1,2}[»›>/•]\s"
)
_CRUMB = re.compile(r"\s[»›>/•]\s")
_GUILLEMET_CRUMB = re.compile(r"\s[»›]\s")


def last_crumb(text: str) -> str:
    """The last step of a breadcrumb trail (the page itself), else ``text``.

    >>> last_crumb("Sie sind hier: Home » Europa » Deutschland » Emden")
    'Emden'
    >>> last_crumb("Home / Essays / 2017 / Aggression: a photo essay")
    'Aggression: a photo essay'
    >>> last_crumb("Home truths about the housing market")
    'Home truths about the housing market'
    >>> last_crumb("Themen » Kindheit » Kinder und Arbeit"), last_crumb("Ja » Nein")
    ('Kinder und Arbeit', 'Ja » Nein')
    """
    m = _CRUMB_ROOT.match(text)
    if m is None:
        # No root, but a trail of guillemets: "Informationen » Kindheit » Kinder und Arbeit".
        if text.count(" » ") + text.count(" › ") < 2:
            return text
        last = _GUILLEMET_CRUMB.split(text)[-1].strip()
    else:
        last = _CRUMB.split(text[m.end() :])[-1].strip()
    return last if word_count(last) >= 1 else text


# Emphasis around a whole heading, as html2text writes it: "_Headline_", "__Headline __".
_WRAPPED = re.compile(r"(\*{1,2}|_{1,2})\s?([^*_\s](?:[^*_]*[^*_\s])?)\s?\1")


def reported_title(text: str, prev: str = "") -> str:
    """What a headline line reports as the title, ``prev`` being the line before it.

    A breadcrumb trail's last step; without a numbered list's number
    (``headline.numbered_step``) or emphasis around the whole line.

    >>> reported_title("3. Council approves budget", "2. News")
    'Council approves budget'
    >>> reported_title("_Council approves budget_"), reported_title("__Ischgl __")
    ('Council approves budget', 'Ischgl')
    >>> reported_title("3. Council approves budget", "Top stories")
    '3. Council approves budget'
    """
    if text[:1] in "*_":
        m = _WRAPPED.fullmatch(text)
        if m is not None:
            text = m.group(2)
    if text[:1].isdigit() and headline.numbered_step(text, prev):
        text = text.split(" ", 1)[1]
    return last_crumb(text)


# A caption's credit closing the line: "… in coming weeks (Credit: iStock)", "(Foto: dpa)".
_CAPTION_CREDIT = re.compile(
    r".{10,300}\((?i:credit|credits|foto|fotos|photo|photos|bild|image|picture|quelle|source)"
    r"\s?:[^()]{1,60}\)"
)


def _head_captions(out: Structured, head: list[Line]) -> None:
    """Drop a caption with its credit among the first lines of the core.

    >>> out = Structured()
    >>> _head_captions(out, [Line(3, "Workers leave the office (Credit: iStock)")])
    >>> out.removals[0].rule, sorted(out.used)
    ('head-caption', [3])
    """
    for line in head:
        if line.number not in out.used and _CAPTION_CREDIT.fullmatch(line.text):
            out.used.add(line.number)
            out.removals.append(Removal(line.number, line.text, "head-caption"))


def _body(out: Structured, body: list[Line], repeats: bool = True) -> None:
    """The body blocks; with ``repeats``, a paragraph repeating the standfirst is dropped.

    Other repeated paragraphs are kept: articles do repeat themselves (pull
    quotes, a summary that returns as a lead), and dropping them loses text.
    """
    standfirst = _norm(out.standfirst) if out.standfirst and repeats else None
    for line in body:
        if line.number in out.used:
            continue
        if standfirst is not None and _norm(line.text) == standfirst:
            out.removals.append(Removal(line.number, line.text, "standfirst-repeat"))
            continue
        kind = line.kind
        level = max(2, min(line.level, 6)) if kind == "h" else 0
        if kind == "h" and ends_sentence(line.text) and word_count(line.text) > 15:
            kind, level = "p", 0
        out.body.append(Block(line.text, kind, level))
