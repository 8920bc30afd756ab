"""What an HTML page states about itself: title, standfirst, authors, date.

In order of trust, for each field:

- title: JSON-LD ``headline``, ``og:title``, ``twitter:title``, else
  ``<title>``; a site name after a separator (``Title | Site``) is cut when
  one part matches the page's ``<h1>`` (or, failing that, when the other
  part names the site); of parts several headings repeat, the one repeated
  best; when a heading repeats the last parts (site and section), the first;
  when only the site's name is a heading, the first part an ``<h3>``
  repeats; the site's name glued on without spaces ("NEWS WEB EASY|...") is
  cut; with no stated title, the first ``<h1>``.
- authors: JSON-LD ``author`` (people before organisations), author meta
  tags (``author``, ``article:author``, ``dc.creator``, ``parsely-author``,
  ``sailthru.author``, ``byl``), then the page: ``itemprop=author``,
  ``rel=author``, elements whose class names a byline or author.
- date: the publication meta tags htmldate knows, in the page's own order
  (analytics keys such as ``sailthru.date`` after them), JSON-LD
  ``datePublished``, ``itemprop=datePublished`` (ISO 8601, RFC 2822 or
  asctime); a date in the page's address (canonical link, ``og:url``) when
  none is stated or when it gives the local day of a late UTC stamp; then
  ``<time>`` (``pubdate`` or a ``published`` class first; not in a box of
  other posts), an element whose class names a date (a date with slashes read
  day first on a page in British English); the modification date only as a
  last resort. A generic
  ``date`` meta tag (``dc.date``, ``dcterms.date``) yields to the page's one
  ``<time datetime>``. A date
  written at the article's start (a dateline by the headline, "Updated ...")
  wins over a stated one on another day. A page stating no date at all is
  dated by a part of its title that is a date ("08.11.2021 | ..."), then by a
  date written anywhere on it (an update, "last edited ...", only when it has
  nothing else), then by a labelled date in the chrome dropped ("Erschienen
  am: 01.11.2023" in a footer).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import html
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import lxml.etree

from scrubnews.dates import find_date, parse_iso
from scrubnews.repair import repair_line
from scrubnews.segment import Line
from scrubnews.structure import CO_AUTHOR_WORDS, PageMeta, find_authors
from scrubnews.words import short_text_cache

# The text of an element and its descendants (``lxml.html``'s ``text_content``).
text_content: Any = lxml.etree.XPath("string()", smart_strings=False)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
SEPARATOR = re.compile(r"\s[|–—·•»›:/-]{1,2}\s|\s::\s")
_BY = re.compile(
    r"(?:(?:post |article )?(?:authors?|autorin|autoren|autor|auteur|verfasser)(?:\s{0,3}:)?\s{0,3}"
    r"|(?:written|posted|published|geschrieben|veröffentlicht|verfasst|erstellt|publiziert"
    r"|eingestellt|gespeichert|publié|publicado|escrito)\s(?:by|von|par|por)(?:\s{0,3}:)?\s{0,3}"
    r"|(?:by|von|vom|par|por|di|door|av|text|texte)(?:\s{0,3}:)?\s{1,3}"
    r"|interview\s{0,3}:\s{0,3})+",
    re.IGNORECASE,
)
_HOST = re.compile(r"https?://([^/:?#\s]+)")
_WRITTEN_BY = re.compile(r"written|author|autor|verfasst|geschrieben|écrit|escrito", re.I)
_COMMENT = re.compile(r"comment|respond|reply|kommentar", re.IGNORECASE)
# A box listing other posts, each with its own date.
_LISTING = re.compile(r"related|teaser|sidebar|widget|recent|popular|more-?news", re.IGNORECASE)
# Between two names: a list's separators, and an interview's "im Gespräch mit".
_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bu\.|\b(?i:im gespräch mit)\b"
    r"|\b(?i:in conversation with)\b)\s*"
)
_NOT_NAME = re.compile(
    r"https?:|www\.|@|\d|\b(?:updated|published|posted|comments?|admin|no author)\b",
    re.IGNORECASE,
)
# Words of a desk or an agency, not a person: a name in the page's text holding
# one is not taken, a name the page states in its metadata is.
_DESK = re.compile(
    r"\b(?:staff|redaktion|editorial|team|news|agency|agencies|reuters|associated press|dpa"
    r"|afp|contributors?|guest)\b",
    re.IGNORECASE,
)
# A part of an author string that is only label words ("Von", "Artikel von", "Datum").
_LABEL_ONLY = re.compile(
    r"(?:(?:by|von|vom|par|por|de|di|am|on|um|artikel|article|autor|author|datum|date|name"
    r"|follow|view|comments?|alle|all|beiträge|posts|articles|publiziert|veröffentlicht|quelle"
    r"|source|fuente"
    r"|posted|published|written|geschrieben|verfasst)\s?)+",
    re.IGNORECASE,
)
# "Jo Smith am Samstag", "Jo Smith on 3 May": a date after the name.
_DATE_TAIL = re.compile(r"\s(?:am|on|um)\s.*|\s(?:le|el)\s\d.*", re.DOTALL)
# A registered association's suffix ("Verein e.V."), not a second name.
_EV = re.compile(r"\se\.\s?V\.?$")
# A job title after a name in an author string, and an academic degree.
_JOB = re.compile(
    r"\b(?:editor|reporter|correspondent|journalist|writer|columnist|technologist|contributor"
    r"|professor|director|president|manager|officer|analyst|producer|fellow|chief|senior"
    r"|redakteur(?:in)?|korrespondent(?:in)?|chefredakteur(?:in)?|rédacteur|rédactrice"
    r"|redactor|redactora|periodista)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(r"(?:MA|MS|MD|PhD|Ph\.D|MPH|MSc|BSc|BA|RN|MBA|DO|JD|LL\.?M)\.?")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?:[/_.-]|$)"
    r"|/((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[/_.-]|$)"
    r"|[/~_-]([0-3]\d)-([01]\d)-((?:19|20)\d{2})(?:[/_.-]|$)"
)
# A machine-readable time stated in UTC ("...T23:00Z", "+00:00", "+0000").
_UTC = re.compile(r"\d:\d\d(?::\d\d(?:\.\d{1,9})?)?\s?(?:Z|UTC|GMT|[+-]00:?00)\s*$", re.I)
# A machine-readable time with a zone offset other than UTC ("...T23:37:37-04:00").
_OFFSET = re.compile(r"\d:\d\d(?::\d\d(?:\.\d{1,9})?)?[+-](?!00:?00)\d\d:?\d\d\s*$")
_DATE_CLASS = re.compile(r"date|time|publish|posted|dateline|byline|meta|datum|fecha", re.I)
_BYLINE_CLASS = re.compile(r"byline|author|autor|writer|reporter|creator", re.I)
_ARTICLE_TYPES = ("Article", "BlogPosting", "Posting", "Report", "WebPage", "LiveBlogPosting",
                  "Story", "Review")
# Works whose JSON-LD ``author`` is the page's author, though their headline and
# description are not an article's: a recipe, a how-to.
_AUTHORED_TYPES = (*_ARTICLE_TYPES, "Recipe", "HowTo")

_TITLE_KEYS = ("dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "headline",
               "title", "twitter:title", "parsely-title", "sailthru.title")
_AUTHOR_KEYS = ("dc:creator", "dc.creator", "dcterms.creator", "author", "article:author",
                "parsely-author",
                "sailthru.author", "byl", "citation_author", "author_name", "og:article:author",
                "article:author_name", "twitter:creator:name", "cxenseparse:author",
                "shareaholic:article_author_name")
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "article.published",
    "article_date_original", "article:published", "datepublished", "published_time",
    "publication_date", "publish_date", "publish-date", "publishdate", "pubdate", "date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "citation_publication_date", "citation_date", "sailthru.date",
    "parsely-pub-date", "og:published_time", "originalpublicationdate", "bt:pubdate",
    "cxenseparse:recs:publishtime", "datecreated", "date_published", "dc.date.published",
    "article.created", "created", "displaydate", "release_date", "og:pubdate", "pub_date",
    "timestamp", "live_date", "dateline",
)
# Keys that a site's analytics or a live page sets: read after the others.
_LATER_DATE_KEYS = ("sailthru.date", "timestamp", "live_date", "displaydate", "release_date",
                    "bt:pubdate", "cxenseparse:recs:publishtime")
# Microdata and RDFa publication dates on any element.
_PUBLISHED_ITEMPROPS = frozenset(("datePublished", "dateCreated"))
_PUBLISHED_PROPERTIES = frozenset(("schema:datePublished", "schema:dateCreated", "dc:date",
                                   "dc:created", "dcterms:created"))
_DATE_KEY_SET = frozenset(_DATE_KEYS) - frozenset(_LATER_DATE_KEYS)
# Keys a CMS fills with any date of the page (its last edit, its indexing).
_WEAK_DATE_KEYS = frozenset(("date", "dc.date", "dcterms.date"))
_WEEKDAY_START = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s", re.IGNORECASE)
_MODIFIED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "last-modified",
                  "dcterms.modified", "dc.date.modified", "lastmod", "updated_time")


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _words(text: str) -> list[str]:
    # A soft hyphen ("Deutsch&shy;land") is no word break.
    return _WORD.findall(text.casefold().replace("\xad", "") if "\xad" in text else text.casefold())


def overlap(a: str, b: str) -> float:
    """Token F1 of ``a`` against ``b``."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    sb = set(wb)
    common = sum(1 for w in wa if w in sb)
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def _jsonld_items(root: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text:
            continue
        data = _json(script.text)
        if data is None:
            continue
        stack: list[tuple[Any, int]] = [(data, 0)]
        while stack and len(items) < 200:
            value, depth = stack.pop()
            if depth > 6:
                continue
            if isinstance(value, list):
                stack.extend((v, depth + 1) for v in reversed(value[:50]))
            elif isinstance(value, dict):
                items.append(value)
                for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                    if key in value:
                        stack.append((value[key], depth + 1))
    return items


def _json(text: str) -> Any:
    """JSON from a script, also when wrapped (``<![CDATA[ ... ]]>``, a comment); else ``None``."""
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    text = text.replace("<![CDATA[", " ").replace("]]>", " ")
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    end = max(text.rfind("}"), text.rfind("]"))
    if not starts or end < min(starts):
        return None
    try:
        return json.loads(text[min(starts) : end + 1], strict=False)
    except ValueError:
        return None


def _is_article(item: dict[str, Any], types: tuple[str, ...] = _ARTICLE_TYPES) -> bool:
    """True if the JSON-LD ``item`` is of one of ``types`` (an article's, by default)."""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.endswith(types) for k in kinds)


def _ld_names(value: Any, people: list[str], others: list[str],
              ids: dict[str, dict[str, Any]], depth: int = 0) -> None:
    """Names in a JSON-LD ``author`` value; a ``{"@id": ...}`` reference is looked up."""
    if depth > 3:
        return
    if isinstance(value, str):
        people.extend(split_names(value, desks=True))
    elif isinstance(value, list):
        for item in value[:10]:
            _ld_names(item, people, others, ids, depth + 1)
    elif isinstance(value, dict):
        ref = value.get("@id")
        if "name" not in value and isinstance(ref, str) and ref in ids:
            value = ids[ref]
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(str(n) for n in name)
        if not isinstance(name, str):
            given, family = value.get("givenName"), value.get("familyName")
            name = f"{given} {family}" if isinstance(given, str) and isinstance(family, str) else ""
        kind = value.get("@type")
        target = others if kind in ("Organization", "NewsMediaOrganization") else people
        target.extend(split_names(name, desks=True))


# Link labels after a name in a byline box: "Jo Smith Alle Artikel", "Jo Smith Follow".
_TRAILING_LABELS = frozenset(
    "alle all artikel articles beiträge posts follow folgen profil profile mehr more".split()
)
# A role before a name in one author string, often a compound ("dpa-Korrespondent").
_LEADING_ROLES = ("experte", "expertin", "korrespondent", "korrespondentin", "redakteur",
                  "redakteurin", "reporter", "reporterin", "gastautor", "gastautorin")
# A role after a name in one author string, and the desk words before it.
_ROLE_WORDS = frozenset(
    "editor reporter writer correspondent columnist contributor journalist producer "
    "redakteur redakteurin autor autorin".split()
)
_DESK_WORDS = frozenset(
    "staff senior chief deputy managing contributing executive associate special political "
    "business health science sport sports foreign news games gaming tech technology travel "
    "food music film culture fashion beauty style world features opinion digital education "
    "politics entertainment finance money video photo social freier freie".split()
)
# A parenthesised aside in an author string, and a social handle after a name.
_PARENS = re.compile(r"\s?\(([^()]{0,80})\)")
_WITH = re.compile(rf"(?:{CO_AUTHOR_WORDS})\s", re.IGNORECASE)
_HANDLE = re.compile(r"\s@\w[\w.]{0,30}")


def _unwrap(m: re.Match[str]) -> str:
    """Co-authors after "with" become names of their own ("(avec Al Wu)" -> ", Al Wu");
    a nickname or middle name inside a name is kept ("Jo (Anne) Smith"); an aside
    after a name (an agency, an address) is dropped."""
    inner = m.group(1).strip()
    if _NOT_NAME.search(inner):
        return m.group(0)  # "Site Name (www.example.com)": left for the checks to refuse
    co = _WITH.match(inner)
    if co is not None:
        return ", " + inner[co.end() :]
    if m.string[m.end() :].lstrip()[:1].isalnum():
        return " " + inner
    return ""


def split_names(text: str, *, desks: bool = False) -> list[str]:
    """Person names in an author string: ``"By Jo Smith and Al Wu"`` -> two names.

    ``desks``: the string is stated metadata, where a desk ("Redaktion",
    "Staff Writer") or an agency is the author the page gives.

    >>> split_names("By Jo Smith and Al Wu")
    ['Jo Smith', 'Al Wu']
    >>> split_names("https://example.com/jo")
    []
    >>> split_names("Deutscher Caritasverband e.V.")
    ['Deutscher Caritasverband']
    >>> split_names("Jo Smith (avec Al Wu et Bo Li)")
    ['Jo Smith', 'Al Wu', 'Bo Li']
    >>> split_names("Jo (Anne) Smith @josmith")
    ['Jo Anne Smith']
    >>> split_names("Ben Silverman Games Editor")
    ['Ben Silverman']
    >>> split_names("Interview: Julia Lauter")
    ['Julia Lauter']
    >>> split_names("FOCUS-Online-Experte Robin Tschöpe")
    ['Robin Tschöpe']
    """
    text = _clean(html.unescape(text) if "&" in text else text)
    if not text or len(text) > 200 or text.startswith(("http:", "https:", "/")):
        return []
    m = _BY.match(text)
    if m:
        text = text[m.end() :]
    text = _EV.sub("", _DATE_TAIL.sub("", text.split("|")[0]))
    text = _HANDLE.sub("", _PARENS.sub(_unwrap, text))
    names: list[str] = []
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" .:-–—·•")
        words = part.split()
        while len(words) > 1 and words[-1].casefold() in _TRAILING_LABELS:
            words.pop()  # "Jo Smith Alle Artikel", "Jo Smith Follow"
        if len(words) >= 3 and words[0].casefold().endswith(_LEADING_ROLES):
            words.pop(0)  # "FOCUS-Online-Experte Robin Tschöpe", "SZ-Korrespondentin Jo Li"
        if len(words) >= 3 and words[-1].casefold().rstrip("s") in _ROLE_WORDS:
            words.pop()  # "Ben Silverman Games Editor": the role, then its desk
            while len(words) >= 3 and words[-1].casefold() in _DESK_WORDS:
                words.pop()
        part = " ".join(words)
        if names and _DEGREE.fullmatch(part):
            continue  # "Jo Smith, MD"
        if names and _JOB.search(part):
            break  # "Jo Smith, Senior Editor, Some Org": the rest is job and employer
        words = part.split()
        if (
            not 1 <= len(words) <= 5
            or _NOT_NAME.search(part)
            or (not desks and _DESK.search(part))
            or _LABEL_ONLY.fullmatch(part)
            or any(c in part for c in "*()[]:")
        ):
            continue
        if part not in names:
            names.append(part)
    return names


def _text(el: Any) -> str:
    """The text of ``el``, its pieces joined by spaces (``von<b>Jo</b>`` is two words)."""
    return _clean(" ".join(el.itertext()))


def _own_classes(classes: str) -> str:
    """Class names without the ones a blog gives a post for its categories and
    tags ("category-der-kommentar", "tag-comments"): they name its topics.

    >>> _own_classes("post category-kommentar tag-reply hentry")
    'post hentry'
    """
    return " ".join(c for c in classes.split() if not c.startswith(("category-", "tag-")))


def _in_chrome(el: Any, listing: bool = False) -> bool:
    """True if ``el`` sits in a form, aside, nav or a comment container; with
    ``listing``, also in a list of other posts (related, recent, teasers)."""
    for depth, up in enumerate(el.iterancestors()):
        if depth > 30:
            break
        tag = up.tag if isinstance(up.tag, str) else ""
        if tag in ("form", "aside", "nav"):
            return True
        classes = f"{up.get('class') or ''} {up.get('id') or ''}"
        if len(classes) > 1 and (
            (_COMMENT.search(classes) and _COMMENT.search(_own_classes(classes)))
            or (listing and _LISTING.search(classes))
        ):
            return True
    return False


def _metas(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content:
            # RDFa lists several properties in one attribute ("dc:creator twitter:site_name").
            for one in key.lower().split()[:5]:
                if one not in found:
                    found[one] = _clean(content)
    return found


def _odd_one_out(said: str, document: str, heads: list[str]) -> bool:
    """True if the page's ``<title>`` and a heading agree on a title that the
    stated one (``said``) shares little with: a JSON-LD ``headline`` holding a
    description, a social title written for another audience.

    >>> _odd_one_out("matrix equal to its conjugate-transpose", "Hermitian matrix - Wikipedia",
    ...              ["Hermitian matrix"])
    True
    """
    parts = [document, *SEPARATOR.split(document)]
    if max(overlap(said, p) for p in parts) >= 0.5 or any(overlap(said, h) >= 0.5 for h in heads):
        return False
    return any(overlap(h, p) >= 0.8 for h in heads for p in parts)


def _undated(title: str | None) -> str | None:
    """``title`` without a first or last part that is only a date.

    >>> _undated("23.01.2022 - Wierer wins the last race - Biathlon")
    'Wierer wins the last race - Biathlon'
    >>> _undated("Review of the year - 3 March 2022")
    'Review of the year'
    >>> _undated("Council votes on 3 March 2022 - Town News")
    'Council votes on 3 March 2022 - Town News'
    """
    return _dated(title)[0]


def _dated(title: str | None) -> tuple[str | None, dt.date | dt.datetime | None]:
    """``title`` without a first or last part that is only a date, and that date.

    >>> _dated("08.11.2021 | Online-Fachtag")
    ('Online-Fachtag', datetime.date(2021, 11, 8))
    """
    if not title:
        return title, None
    pieces = SEPARATOR.split(title)
    if len(pieces) < 2:
        return title, None
    for index in (0, -1):
        piece = pieces[index].strip()
        found = find_date(piece)
        if found is not None and found[1] == 0 and found[2] >= len(piece) - 1:
            cut = SEPARATOR.search(title) if index == 0 else list(SEPARATOR.finditer(title))[-1]
            assert cut is not None
            return (title[cut.end() :] if index == 0 else title[: cut.start()]), found[0]
    return title, None


def _title_date(root: Any, stated: Stated) -> dt.date | dt.datetime | None:
    """A date that is a first or last part of the stated title or the ``<title>``."""
    el = root.find(".//title")
    for title in (stated.title(), _clean(text_content(el)) if el is not None else ""):
        found = _dated(title)[1]
        if found is not None:
            return found
    return None


def _within(heading: str, title: str) -> bool:
    """True if ``heading`` is a run of two or more of ``title``'s words, and not
    cut short (``"Open Journalism Project:"``): the title's headline part.

    >>> _within("Kaeser verarscht Neubauer", "Siemens und Adani: Kaeser verarscht Neubauer")
    True
    >>> _within("Make your Firefox your own", "Firefox - Customize and make it your own")
    False
    """
    words = _words(heading)
    if len(words) < 2 or heading.rstrip().endswith(":"):
        return False
    return f" {' '.join(words)} " in f" {' '.join(_words(title))} "


def _title(root: Any, stated: Stated, units: list[Line]) -> str | None:
    """The page's title (see the module's docstring), or the headline it shows
    when that is worded otherwise (``_shown_headline``); when the title is only
    the name of the page's host ("Anwalt Niemeyer" on anwaltniemeyer.de), the
    first heading of the article that is not."""
    h1s = list(root.iter("h1"))  # once: the steps below all read the page's <h1>s
    title = _stated_title(root, stated, units, h1s)
    if not title:
        return title
    headline = _shown_headline(root, stated, units, title, h1s)
    if headline is not None:
        return headline
    kicker = _kicker(h1s)
    if kicker:
        # "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz" under an
        # <h1> whose first part is that kicker: the headline is the rest.
        parts = [p for p in SEPARATOR.split(title) if p.strip()]
        rest = [p.strip() for p in parts if overlap(p, kicker) < 0.8]
        if len(parts) >= 2 and len(rest) == len(parts) - 1:
            return " - ".join(rest)
    hosts = {c for c in map(_compact, _host_names(root, stated.metas)) if len(c) >= 3}
    if _compact(title) not in hosts:
        return title
    heads = [u.text for u in units if u.kind == "h" and u.level <= 2 and u.hint == "main"]
    heads += [u.text for u in units if u.kind == "h" and u.level == 1]
    for head in heads:
        if head and _compact(head) not in hosts and overlap(head, title) < 0.5:
            return head
    return title


def _kicker(h1s: list[Any]) -> str:
    """The kicker set above the headline inside the page's only ``<h1>``: its
    first child element, when more text follows it (``<h1><span>Interne
    Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span></h1>``)."""
    if len(h1s) != 1:
        return ""
    h1 = h1s[0]
    children = [child for child in h1 if isinstance(child.tag, str)]
    if not children or (h1.text and h1.text.strip()):
        return ""
    first = children[0]
    kicker = _clean(text_content(first))
    whole = _clean(text_content(h1))
    if not kicker or len(_words(whole)) - len(_words(kicker)) < 2:
        return ""
    return kicker


def _shown_headline(root: Any, stated: Stated, units: list[Line], title: str,
                    h1_elements: list[Any]) -> str | None:
    """The page's only ``<h1>`` when it words the article's headline otherwise
    than the title the page states for search engines and social sites.

    The stated title must be the ``<title>`` too (one title for machines) and
    share less than half its words with the heading, which the ``<title>`` does
    not hold (so it is no site or section name): "Wie hoch sind die Zinsen für
    einen Privatkredit?" shown above "Privatkredit-Zinsen: So ermitteln Sie
    Ihre Kosten"; or more than half, when every stated title is that one
    (``_reworded``).
    """
    said = stated.title()
    el = root.find(".//title")
    document = _clean(text_content(el)) if el is not None else ""
    if not said or not document:
        return None
    h1s = [u.text for u in units if u.kind == "h" and u.level == 1]
    if not h1s and len(h1_elements) == 1:
        # The only <h1> left out of the article's lines; not a logo's link to the home page.
        text = _clean(" ".join(h1_elements[0].itertext()))
        if not any(_clean(" ".join(a.itertext())) == text for a in h1_elements[0].iter("a")):
            h1s = [text]
    if len(h1s) != 1 or len(_words(h1s[0])) < 3 or len(h1_elements) != 1:
        return None
    heading = h1s[0]
    parts = [document, *SEPARATOR.split(document)]
    if max(overlap(said, p) for p in parts) < 0.95 \
            or max(overlap(heading, p) for p in parts) >= 0.8:
        return None
    if overlap(heading, title) >= 0.5 and not _reworded(heading, title, stated, said):
        return None
    return heading


def _reworded(heading: str, title: str, stated: Stated, said: str) -> bool:
    """True if ``heading`` words the article's headline otherwise than ``title``
    though sharing half its words, and every title the page states for machines
    (JSON-LD, ``og:title``, ``twitter:title``) is that one title: "Der
    Nervenkrieg um den Brexit geht in die nächste Runde" shown above the search
    and social title "Brexit: Nervenkrieg geht in nächste Runde". A heading
    holding the title whole (a kicker or a date added to it) is not."""
    if overlap(heading, title) >= 0.95 or _within(title, heading):
        return False
    stated_titles = [stated.metas.get(key, "") for key in ("og:title", "twitter:title")]
    stated_titles += [item["headline"] for item in stated.items
                      if _is_article(item) and isinstance(item.get("headline"), str)]
    return all(overlap(said, t) >= 0.95 or overlap(said, SEPARATOR.split(t)[0]) >= 0.95
               for t in stated_titles if t)


def _stated_title(root: Any, stated: Stated, units: list[Line],
                  h1_elements: list[Any]) -> str | None:
    metas = stated.metas
    said = stated.title()
    # Headings around the article: the units kept are the main content and the lines before it.
    # (The page's first <h1>s count even when the article holds many headings.)
    heads = [u.text for u in units if u.kind == "h" and u.level <= 2][:8]
    heads += [h for h in (_clean(" ".join(h.itertext())) for h in h1_elements[:3])
              if h not in heads]
    heads = [h for h in heads if h]
    el = root.find(".//title")
    document = _clean(text_content(el)) if el is not None else ""
    if document.startswith("<"):
        document = ""
    if said and document and heads and _odd_one_out(said, document, heads):
        said = document
    if not said:
        said = document
        repeated = any(overlap(h, part) >= 0.8 for h in heads
                       for part in [said, *SEPARATOR.split(said)])
        # A document title no heading repeats (a site name) yields to the first heading.
        # An <h2> does not outrank a plain document title ("Lazy Load with Alt"), only
        # one made of parts ("Ausbildung - Feuerwehr Oldenburg", "National Rail -"),
        # often site and section.
        h1s = {u.text for u in units if u.kind == "h" and u.level == 1}
        h1s.update(_clean(" ".join(h.itertext())) for h in h1_elements)
        firsts = [h for h in heads if h in h1s and len(_words(h)) >= 2] or (
            heads if not said or len(SEPARATOR.split(f"{said} ")) > 1 else [])
        if not repeated and firsts and (not said or len(_words(firsts[0])) >= 2):
            return firsts[0]
    if not said:
        return None
    parts = [p.strip() for p in SEPARATOR.split(said) if p.strip()]
    if heads:
        best = max(heads, key=lambda h: overlap(h, said))
        # The stated title, or the part of it that the page's heading repeats.
        choice = max([said, *parts], key=lambda p: (round(overlap(best, p), 2), p == said))
        if len(parts) > 1 and choice != said:
            # Headings repeating several parts: the part a heading repeats best (of
            # equals, the one the heading closest to the whole title repeats).
            scores = [max(round(overlap(h, p), 2) for h in heads) for p in parts]
            if max(scores) > round(overlap(best, choice), 2):
                choice = parts[scores.index(max(scores))]
                best = max(heads, key=lambda h: overlap(h, choice))
        elif len(parts) > 1 and (lead := _lead_before(best, parts)):
            return lead
        # A heading naming the site ("Krimiblog-Archiv") yields to an <h3> below
        # repeating the title's first part.
        site_heading = choice != parts[0] and _minor_repeats(units, parts[0]) \
            and _is_site([best], _site_names(root, stated.items, metas))
        if overlap(best, choice) >= 0.8 and not site_heading:
            return choice
        if _within(best, said) and not site_heading:
            return best
    if len(parts) > 1 and _minor_repeats(units, parts[0]):
        # No larger heading repeats the title's first part, or only the site's
        # name: an <h3> repeating that part marks it as the headline.
        return parts[0]
    if len(parts) > 1:
        site = (metas.get("og:site_name") or metas.get("application-name") or "").casefold()
        if site:
            rest = [p for p in parts if overlap(p, site) < 0.8]
            if rest and len(rest) < len(parts):
                return " - ".join(rest)
        # A first or last part that is the site's host or name ("BMAS - ...", "... | heizung.de").
        sites = _site_names(root, stated.items, metas)
        rest = parts[:]
        if _is_site([rest[-1]], sites):
            rest.pop()
        if len(rest) > 1 and _is_site([rest[0]], sites):
            rest.pop(0)
        if rest and len(rest) < len(parts):
            return " - ".join(rest)
        if len(_words(parts[0])) >= 4 and len(_words(parts[-1])) <= 3:
            return " - ".join(parts[:-1])
    return _unglued(said, metas.get("og:site_name") or "")


_GLUE = "|｜:：-–—»›·•/"


def _unglued(title: str, site: str) -> str:
    """``title`` without the site's name glued to it by a separator without
    spaces, as CJK sites write it.

    >>> _unglued("NEWS WEB EASY|子どもへの体罰を禁止する", "NEWS WEB EASY")
    '子どもへの体罰を禁止する'
    >>> _unglued("Harbour wall rebuilt｜Town News", "Town News")
    'Harbour wall rebuilt'
    >>> _unglued("Town News today", "Town News")
    'Town News today'
    """
    site = site.strip()
    if len(site) < 3 or len(title) <= len(site) + 1:
        return title
    if title[: len(site)].casefold() == site.casefold():
        rest = title[len(site) :].lstrip()
        if rest[:1] and rest[0] in _GLUE and _words(rest[1:]):
            return rest[1:].strip()
    if title[-len(site) :].casefold() == site.casefold():
        rest = title[: -len(site)].rstrip()
        if rest[-1:] and rest[-1] in _GLUE and _words(rest[:-1]):
            return rest[:-1].strip()
    return title


def _minor_repeats(units: list[Line], part: str) -> bool:
    """True if one of the first ``<h3>`` headings repeats ``part`` of the title."""
    minor = [u.text for u in units if u.kind == "h" and u.level == 3][:5]
    return len(_words(part)) >= 2 and any(overlap(h, part) >= 0.8 for h in minor)


def _lead_before(heading: str, parts: list[str]) -> str:
    """The title's leading parts when ``heading`` repeats all the rest (a site
    and its section): "Enchufla Figuren - Salsa-Figuren - Rueda in Berlin"
    under the heading "Salsa-Figuren - Rueda in Berlin" gives "Enchufla Figuren".

    >>> _lead_before("Salsa-Figuren - Rueda", ["Enchufla Figuren", "Salsa-Figuren", "Rueda"])
    'Enchufla Figuren'
    >>> _lead_before("Salsa-Figuren", ["Enchufla Figuren", "Salsa-Figuren", "Rueda"])
    ''
    """
    words = _words(heading)
    for cut in range(1, len(parts)):
        if words == _words(" ".join(parts[cut:])):
            return " - ".join(parts[:cut])
    return ""


_CLASS_TAGS = ("div", "span", "p", "a", "address", "li", "strong", "em", "b", "time", "abbr",
               "small", "header", "ul", "h2", "h3", "h4", "h5", "h6")
_BYLINE_TAGS = frozenset("div span p a address li strong em b ul h2 h3 h4 h5 h6".split())
_DATE_TAGS = frozenset("span div p time abbr small li em header".split())


class _Folded:
    """An IGNORECASE pattern written in lower-case ASCII, searched case-sensitively
    in the lower-cased text: the same answer, several times faster.

    ``str.lower`` keeps every character's length and word-ness and lowers to an
    ASCII letter exactly the characters IGNORECASE matches with it, except three
    (U+0130, U+0131, U+017F): text holding one of them is searched as it is.
    """

    _ODD = ("\u0130", "\u0131", "\u017f")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert pattern.flags & re.IGNORECASE and pattern.pattern.isascii()
        assert pattern.pattern == pattern.pattern.lower()
        self.any_case = pattern
        self.lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str) -> bool:
        """True if the pattern occurs in ``text``."""
        if self._ODD[0] in text or self._ODD[1] in text or self._ODD[2] in text:
            return self.any_case.search(text) is not None
        return self.lower.search(text.lower()) is not None


_COMMENT_FOLDED = _Folded(_COMMENT)
_BYLINE_CLASS_FOLDED = _Folded(_BYLINE_CLASS)
_DATE_CLASS_FOLDED = _Folded(_DATE_CLASS)


@short_text_cache(500)
def _class_says(classes: str) -> tuple[bool, bool]:
    """Whether a class and id string names a byline, and whether it names a date."""
    if len(classes) <= 1 or _COMMENT_FOLDED.search(classes):
        return False, False
    return _BYLINE_CLASS_FOLDED.search(classes), _DATE_CLASS_FOLDED.search(classes)


_CLASS_TAG_SET = frozenset(_CLASS_TAGS)
# The address of an author's page on the site, and the name part at its end.
_PROFILE = re.compile(
    r"/(?:authors?|autor|autoren|auteur|autore|reporters?|staff|newsteam)/([\w.%-]{2,60})/?(?:[?#].*)?$"
)


@dataclass
class _Found:
    """What one pass over the page's elements found, each list in document order."""

    # Elements whose class or id names a byline or a date, and which of the two
    # their tag allows.
    classed: list[tuple[Any, bool, bool]]
    # ``itemprop="author"``, ``rel="author"`` or ``rel="author external"``, and
    # whether the element is one of the first two kinds.
    authored: list[tuple[Any, bool]]
    # Microdata and RDFa publication dates.
    published: list[Any]
    # Links to an author's page ("/author/jo-smith/", "/reporters/jo-smith"):
    # the element and the last part of the address's path.
    profiles: list[tuple[Any, str]]


class _Classed:
    """The elements the author and date steps read besides the metadata: named
    by class or id, marked as the author, marked as the publication date.

    Found on first use, in one pass for all of them: most pages state their
    authors and date, and never need it.
    """

    def __init__(self, root: Any) -> None:
        self.root = root

    @functools.cached_property
    def found(self) -> _Found:
        classed: list[tuple[Any, bool, bool]] = []
        authored: list[tuple[Any, bool]] = []
        published: list[Any] = []
        profiles: list[tuple[Any, str]] = []
        for el in self.root.iter(lxml.etree.Element):
            items = el.items()
            if not items:
                continue
            cls = ident = itemprop = rel = prop = None
            for key, value in items:
                if key == "class":
                    cls = value
                elif key == "id":
                    ident = value
                elif key == "itemprop":
                    itemprop = value
                elif key == "rel":
                    rel = value
                elif key == "property":
                    prop = value
                elif key == "href" and len(profiles) < 20 and el.tag == "a" \
                        and ("/aut" in value or "/reporter" in value or "/staff/" in value
                             or "/newsteam/" in value):
                    m = _PROFILE.search(value[:300])
                    if m is not None:
                        profiles.append((el, m.group(1)))
            if cls is not None or ident is not None:
                tag = el.tag
                if tag in _CLASS_TAG_SET:
                    byline, date = _class_says(f"{cls or ''} {ident or ''}")
                    if byline or date:
                        classed.append((el, byline and tag in _BYLINE_TAGS,
                                        date and tag in _DATE_TAGS))
            if itemprop is None and rel is None and prop is None:
                continue
            if itemprop == "author" or rel == "author":
                authored.append((el, True))
            elif rel == "author external":
                authored.append((el, False))
            if itemprop in _PUBLISHED_ITEMPROPS or prop in _PUBLISHED_PROPERTIES:
                published.append(el)
        return _Found(classed, authored, published, profiles)

    @property
    def elements(self) -> list[tuple[Any, bool, bool]]:
        """Elements whose class or id names a byline or a date: ``(element,
        byline, date)``."""
        return self.found.classed


def _compact(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _host_names(root: Any, metas: dict[str, str]) -> list[str]:
    """The host of the page's own address (``og:url``, canonical link), and its
    name without the top-level domain: "www.hss.de" gives "hss.de" and "hss"."""
    names: list[str] = []
    urls = [metas.get("og:url", "")]
    urls += [el.get("href") or "" for el in root.iter("link") if el.get("rel") == "canonical"]
    for url in urls:
        host = _HOST.match(url)
        if host:
            names.append(host.group(1).removeprefix("www."))
            labels = host.group(1).split(".")
            if len(labels) >= 2:
                names.append(labels[-2])  # "hss" of "www.hss.de"
    return names


def _site_names(root: Any, items: list[dict[str, Any]], metas: dict[str, str]) -> list[str]:
    """The site's names, compacted: ``og:site_name``, the publisher, the host name."""
    names = [metas.get("og:site_name", ""), metas.get("application-name", ""),
             metas.get("twitter:site", "").lstrip("@")]
    for item in items:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
    names += _host_names(root, metas)
    # "Achtsam durch die Krise - DIE FURCHE": the parts of a site name, too.
    names += [part for name in names[:2] for part in SEPARATOR.split(name)[1:]]
    return [c for c in (_compact(n) for n in names) if len(c) >= 3]


def _is_site(names: list[str], sites: list[str]) -> bool:
    """True if the author names are the site's own name ("tagesschau.de", "Die Zeit")."""
    joined = _compact(" ".join(names))
    if not joined:
        return False
    # "Hanns-Seidel-Stiftung" on hss.de: the initials of a name of three words or more.
    initials = "".join(w[0] for w in re.split(r"[\s-]+", " ".join(names).casefold()) if w)
    return any(
        joined == site
        or (joined in site and len(joined) >= 0.6 * len(site))
        or (site in joined and len(site) >= 0.6 * len(joined))
        or (len(initials) >= 3 and initials == site)
        for site in sites
    )


def _stated_authors(root: Any, items: list[dict[str, Any]], metas: dict[str, str],
                    classed: _Classed) -> Iterator[list[str]]:
    """Author candidates in order of trust, each a list of names."""
    ids = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    others: list[str] = []
    for item in items:
        if "author" in item and _is_article(item, _AUTHORED_TYPES):
            people: list[str] = []
            _ld_names(item["author"], people, others, ids)
            if people:
                yield people
    for key in _AUTHOR_KEYS:
        yield split_names(metas.get(key, ""), desks=True)
    for number in "12345":
        # A written-by label and its value (twitter:label1 "Written by", twitter:data1 "Jo").
        label = metas.get(f"twitter:label{number}")
        if label is None:
            break
        if _WRITTEN_BY.search(label):
            yield split_names(metas.get(f"twitter:data{number}", ""), desks=True)
    for el, _strict in classed.found.authored[:10]:
        if _in_chrome(el):
            continue
        inner = el.xpath('.//*[@itemprop="name"]')
        value = el.get("content") or (inner[0].get("content") or _text(inner[0])
                                      if inner else _text(el))
        yield split_names(value)
    # A byline element; one in a sidebar or form only if there is no other.
    fallback: list[str] = []
    for el, byline, _date_class in classed.elements:
        if byline:
            text = _text(el)
            if 3 <= len(text) <= 80:
                names = split_names(text)
                # Lower-case names only after a "By": elsewhere they are words, not names.
                if names and (len(text.split()) == 1 or _BY.match(text)
                              or all(n[:1].isupper() for n in names)):
                    if not _in_chrome(el):
                        yield names
                    fallback = fallback or names
    yield fallback
    yield _linked_author(classed)
    yield others


def _linked_author(classed: _Classed) -> list[str]:
    """The name on the first link to an author's page whose address spells that
    name ("<a href="/reporters/jose-de-la-cruz">Jose de la Cruz</a>",
    "/author/martin" for "Martin Junker"), outside page chrome."""
    for el, slug in classed.found.profiles:
        text = _text(el)
        if not 3 <= len(text) <= 60:
            continue
        names = split_names(text)
        if len(names) != 1:
            continue
        name, key = _plain(names[0]), _plain(slug)
        if len(key) >= 3 and (name == key or name.startswith(key)) and not _in_chrome(el):
            return names
    return []


_ABBREVIATION = re.compile(r"[A-Z]{2,3}|[a-z]{2,3}")
# Two to four capitalised words: a full name in a byline or an author's bio.
_FULL_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+){1,3}")


def _plain(text: str) -> str:
    """``text`` compacted, without accents: "Gàbor Muniér" and "gabor_munier" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return _compact("".join(c for c in decomposed if not unicodedata.combining(c)))


def _fuller(names: list[str], root: Any, classed: _Classed) -> list[str]:
    """A lone author given by a user name ("arianschlichenmayer", "gabor_munier")
    as a byline or an author box on the page writes it ("von Arian
    Schlichenmayer", "Autor: Gàbor Muniér"); else ``names``.

    (A first name alone is left alone: bloggers sign so, and the capitalised
    words after it in a bio are as often a greeting as a surname.)"""
    if len(names) != 1 or " " in names[0].strip():
        return names
    key = _plain(names[0])
    boxes = [el for el, byline, _date in classed.elements if byline]
    boxes += [el for el, strict in classed.found.authored if strict][:10]
    for el in boxes[:60]:
        for m in _FULL_NAME.finditer(_text(el)[:300]):
            found = m.group()
            if _plain(found) == key:
                return [found]
    return names


def _no_person(names: list[str]) -> bool:
    """True if the names read as no person's: one holds a spaced dash (two
    names or a name and an office in one field, "Jo Roe - Al Wu"), or each is
    a phrase opening with a lower-case word ("deinen Hochzeitsbloggern").

    >>> _no_person(["Landesanstalt für Wald", "Forstwirtschaft - LWF"])
    True
    >>> _no_person(["deinen Hochzeitsbloggern"]), _no_person(["Society for Old Works"])
    (True, False)
    >>> _no_person(["van Dijk"]), _no_person(["jdoe"])
    (False, False)
    """
    if any(" - " in name or " – " in name for name in names):
        return True
    return all(
        " " in name and name[:1].islower() and not _NAME_WORD.fullmatch(name.split(" ", 1)[0])
        for name in names
    )


def _all_of(names: list[str], later: Iterator[list[str]], sites: list[str]) -> list[str]:
    """``names``, or a later candidate naming them all and more people (not the
    site): the JSON-LD gives the first author, the byline "von Rudolf Fischer,
    Simon Kohler"."""
    have = {_plain(n) for n in names}
    for other in itertools.islice((c for c in later if c), 8):
        if (
            len(names) < len(other) <= 6
            and have < {_plain(n) for n in other}
            and not any(_is_site([n], sites) for n in other if _plain(n) not in have)
        ):
            return other
    return names


def _authors(root: Any, items: list[dict[str, Any]], metas: dict[str, str],
             classed: _Classed, units: list[Line]) -> list[str]:
    """The first author candidate that is not the site's own name, else a byline
    written near the article's start, else the first candidate."""
    first: list[str] = []
    sites: list[str] | None = None
    stream = _stated_authors(root, items, metas, classed)
    for names in stream:
        if not names:
            continue
        if sites is None:
            sites = _site_names(root, items, metas)
        # An abbreviation ("LN", "dpa") names a paper or an agency: a person's
        # byline on the page is looked for first, as for the site's own name.
        if not _is_site(names, sites) and not _ABBREVIATION.fullmatch(" ".join(names)) \
                and not _no_person(names):
            return _all_of(names[:10], stream, sites)
        first = first or names[:10]
    if first:
        head = [u for u in units if u.hint == "chrome"] + [u for u in units if u.hint == "main"][:8]
        for unit in head:
            found = _and_others(find_authors(unit.text), unit.text)
            if found and not _is_site(found, sites or []):
                return found[:10]
        found = byline_in_page(root)
        if found and not _is_site(found, sites or []):
            return found
    return first


# A byline marker in an element's own text ("von", "By", "Autor:", "Posted by").
_MARKER = re.compile(
    r"(?<!\w)(?:by|von|vom|par|por|door|autor(?:in|en)?|authors?|auteur|autore|written|posted"
    r"|verfasst|geschrieben|text)(?!\w)",
    re.IGNORECASE,
)
_MARKER_FOLDED = _Folded(_MARKER)
# Credits of the site's makers, not of the article: "Website by Aqua Design Inc.";
# a byline ends where one begins ("2008 by Jo Smith Hosted by Example").
_MADE_BY = re.compile(
    r"(?:designed|powered|hosted|theme|website|webdesign|developed|template|made|gestaltet"
    r"|realisiert|umgesetzt)\s(?:by|von)\b",
    re.IGNORECASE,
)
# A line that is only a "written by" byline, its marker followed by a colon.
_WRITTEN_BY_LINE = re.compile(r"(?:written|posted|geschrieben|verfasst)\s(?:by|von)\s?:", re.I)
_MARKED_TAGS = ("p", "div", "span", "small", "li", "em", "strong", "b", "i", "td", "address",
                "h4", "h5", "h6", "time", "section", "header", "footer", "article")


# A word of a person's name: capitalised, or a particle ("van", "de", "da").
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w.'’-]*|van|von|de|der|den|del|da|di|la|le|du|dos")


def _and_others(found: list[str], text: str) -> list[str]:
    """``found``, one name read after a byline's marker, and the names listed
    with it ("Autoren Jelko Djuren und Jutta Klaukien"); else ``found``.

    >>> _and_others(["Jo Smith"], "Von Jo Smith und Al Wu, 3. März 2020")
    ['Jo Smith', 'Al Wu']
    >>> _and_others(["Jo Smith"], "By Jo Smith, Senior Editor")
    ['Jo Smith']
    >>> _and_others(["Jo Smith"], "Jo Smith, Projektleiterin der Stiftung in Tunis")
    ['Jo Smith']
    """
    if len(found) != 1:
        return found
    at = text.find(found[0])
    if at < 0:
        return found
    names = split_names(text[at:])
    if len(names) < 2 or names[0] != found[0]:
        return found
    # Names, not a job: "Jo Smith, Projektleiterin der HSS in Tunesien".
    if not all(_NAME_WORD.fullmatch(w) for name in names[1:] for w in name.split()):
        return found
    return names


def byline_in_page(root: Any) -> list[str]:
    """Authors from the first short element outside page chrome whose own text
    holds a byline marker and names someone ("Gespeichert von rasos am 24. Juli
    2017", "Autor: Peter Maahn/SP-X"), anywhere on the page."""
    body = root.find("body")
    for el in (body if body is not None else root).iter(_MARKED_TAGS):
        # The element's own text: before its first child and between its children.
        own = el.text
        if own is None or own.isspace() or not _MARKER_FOLDED.search(own):
            for child in el:
                own = child.tail
                if own is not None and not own.isspace() and _MARKER_FOLDED.search(own):
                    break
            else:
                continue
        text = _text(el)
        if len(text) > 150 or _in_chrome(el):
            continue
        # The marker's element, then its parent: "<span>By <a>jdoe</a></span>" holds
        # too little, "2. August 2012 <span>By <a>jdoe</a></span>" is the byline.
        parent = el.getparent()
        for said in (text, _text(parent) if parent is not None else ""):
            made = _MADE_BY.search(said)
            said = said[: made.start()] if made is not None else said
            if len(said) > 150:
                continue
            said = said.lstrip("-–—*·|: ")
            found = _and_others(find_authors(said), said)
            if not found and len(said) <= 60 and _WRITTEN_BY_LINE.match(said):
                found = split_names(said)  # "Written by: Julie Mollins"
            if found:
                return found[:10]
    return []


def _date(root: Any, items: list[dict[str, Any]], metas: dict[str, str],
          classed: _Classed) -> dt.date | dt.datetime | None:
    """The page's date as it states it (see the module's docstring)."""
    day = _page_url_date(root, metas)
    found, value = _stated(root, items, metas, classed)
    if found is not None:
        # A UTC stamp late or early in the day, and the day the page's address
        # gives next to it: the address has the local day.
        if day is not None and _UTC.search(value[-40:]) and _local_day(found, day):
            return day
        if _UTC.search(value[-40:]):
            # The same instant in a <time> with the site's own offset: its local day.
            for el in list(root.iter("time"))[:10]:
                stamp = el.get("datetime") or ""
                if (_OFFSET.search(stamp) and (seen := parse_iso(stamp)) is not None
                        and _local_day(found, seen)):
                    return seen
        return found
    if day is not None:
        return day
    times = list(root.iter("time"))[:30]
    times.sort(key=lambda el: not (el.get("pubdate") is not None
                                   or "publish" in (el.get("class") or "")))
    for el in times:
        stamp = el.get("datetime")
        if stamp and (found := parse_iso(stamp)) is not None and not _in_chrome(el, True):
            return found
    for el, _byline, date_class in classed.elements:
        if date_class:
            shown = el.get("title") or _text(el)
            if len(shown) <= 120 and (found := _any_date(shown)) is not None:
                if "/" in shown and day_first_english(root):
                    found = _any_date(shown, day_first=True) or found
                return found
    for key in _MODIFIED_KEYS:
        if key in metas and (found := _any_date(metas[key])) is not None:
            return found
    for el in root.iter("time"):
        if (found := _any_date(text_content(el))) is not None and not _in_chrome(el, True):
            return found
    return None


def _page_url_date(root: Any, metas: dict[str, str]) -> dt.date | None:
    """A date in the page's own address (``og:url``, ``twitter:url``, canonical link)."""
    for key in ("og:url", "twitter:url"):
        if key in metas and (day := url_date(metas[key])) is not None:
            return day
    for el in root.iter("link"):
        if el.get("rel") == "canonical" and (day := url_date(el.get("href") or "")) is not None:
            return day
    return None


def _stated(root: Any, items: list[dict[str, Any]], metas: dict[str, str],
            classed: _Classed) -> tuple[dt.date | dt.datetime | None, str]:
    """The publication date stated for machines: meta tags in the page's own
    order, JSON-LD, then ``itemprop`` attributes; and the value it was read from."""
    for key, value in metas.items():
        if key in _DATE_KEY_SET and (found := _any_date(value)) is not None:
            if key in _WEAK_DATE_KEYS:
                # A CMS's generic ``date`` (often its last edit) yields to the one
                # machine-readable <time> the page shows.
                stamps = [el.get("datetime") for el in root.iter("time") if el.get("datetime")]
                if len(stamps) == 1 and (shown := parse_iso(stamps[0])) is not None:
                    return shown, stamps[0]
            return found, value
    for key in _LATER_DATE_KEYS:
        if key in metas and (found := _any_date(metas[key])) is not None:
            return found, metas[key]
    for item in items:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            said = item.get(key)
            if isinstance(said, str) and (found := _stated_date(said)) is not None:
                return found, said
    for el in classed.found.published[:5]:
        value = el.get("content") or el.get("datetime") or text_content(el)
        if (found := _any_date(value)) is not None:
            return found, value
    return None, ""


def _stated_date(value: str) -> dt.date | dt.datetime | None:
    """A machine-readable date: ISO 8601, or RFC 2822 / asctime ("Wed, 04 May 2022 02:41:00")."""
    found = parse_iso(value)
    if found is None and _WEEKDAY_START.match(value):
        parts = email.utils.parsedate_tz(value)
        if parts is not None:
            try:
                found = dt.datetime(*parts[:6])
            except ValueError:
                found = None
    return found


def _any_date(value: str | None, day_first: bool = False) -> dt.date | dt.datetime | None:
    if not value:
        return None
    found = _stated_date(value)
    if found is None:
        hit = find_date(value[:200], day_first=day_first)
        found = hit[0] if hit else None
    return found


# English as written outside North America: the day before the month ("02/10/2020").
_DAY_FIRST_ENGLISH = frozenset(("en-gb", "en-uk", "en-ie", "en-au", "en-nz", "en-in", "en-za"))


def day_first_english(root: Any) -> bool:
    """True if the page's ``<html lang>`` is an English written day first (``en-GB``).

    >>> import lxml.etree
    >>> day_first_english(lxml.etree.fromstring('<html lang="en-GB"></html>'))
    True
    """
    lang = root.get("lang") or root.get("xml:lang") \
        or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.strip().lower().replace("_", "-") in _DAY_FIRST_ENGLISH


def url_date(url: str) -> dt.date | None:
    """A date written in a URL path.

    >>> url_date("https://example.com/2019/11/19/story.html")
    datetime.date(2019, 11, 19)
    >>> url_date("https://example.com/news/29-10-2021-story")
    datetime.date(2021, 10, 29)
    """
    m = _URL_DATE.search(url[:500])
    if not m:
        return None
    if m.group(1):
        year, month, day = m.group(1, 2, 3)
    elif m.group(4):
        year, month, day = m.group(4, 5, 6)
    else:
        day, month, year = m.group(7, 8, 9)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@dataclass
class Stated:
    """The page's JSON-LD objects and ``<meta>`` values, read once."""

    items: list[dict[str, Any]]
    metas: dict[str, str]

    def title(self) -> str:
        """The title the page states in JSON-LD or meta tags (not ``<title>``), or ``""``."""
        for item in self.items:
            headline = item.get("headline")
            if _is_article(item) and isinstance(headline, str) and _clean(headline):
                return _clean(headline)
        for key in _TITLE_KEYS:
            if self.metas.get(key):
                return self.metas[key]
        return ""


    def description(self) -> str:
        """The summary the page states (JSON-LD, ``og:description``, ``description``)."""
        for item in self.items:
            value = item.get("description")
            if _is_article(item) and isinstance(value, str) and _clean(value):
                return _clean(value)
        return self.metas.get("og:description") or self.metas.get("description") or ""


def read_stated(root: Any) -> Stated:
    """Read the page's JSON-LD and meta tags."""
    return Stated(_jsonld_items(root), _metas(root))


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _other_day(seen: dt.date | dt.datetime, stated: dt.date | dt.datetime) -> bool:
    """True if ``seen`` is another day than ``stated``, and not the same day
    with month and day read the other way round ("11/01/2021" for 1 November)."""
    a, b = _day(seen), _day(stated)
    return a != b and (a.year, a.month, a.day) != (b.year, b.day, b.month)


def _local_day(utc: dt.date | dt.datetime, seen: dt.date | dt.datetime) -> bool:
    """True if ``seen`` can be the local day of the UTC time ``utc``: the next day
    for an evening stamp (zones east of UTC), the day before for an early one;
    a written time must be the UTC time shifted by a zone's offset."""
    if not isinstance(utc, dt.datetime):
        return False
    if isinstance(seen, dt.datetime):
        # A written time must differ from UTC by a zone's offset: whole quarter hours.
        offset = seen - utc.replace(second=0, microsecond=0)
        minutes = offset.total_seconds() / 60
        if abs(minutes) > 14 * 60 or minutes % 15:
            return False
    shift = (_day(seen) - utc.date()).days
    return (shift == 1 and utc.hour >= 15) or (shift == -1 and utc.hour < 10)


def page_meta(root: Any, units: list[Line], stated: Stated | None = None,
              written: Callable[[bool], dt.date | dt.datetime | None] | None = None) -> PageMeta:
    """What the page states about itself; ``units`` are its lines (for ``<h1>``).

    ``written`` gives the date written on the page: near the article's start
    (``False``), the day the reader saw, which wins over a stated date on
    another day (a story stamped 23:00Z is dated the next day in Europe; a
    ``date`` meta tag may hold the day the page was indexed); anywhere on the
    page (``True``) when the page states none.
    """
    stated = stated or read_stated(root)
    items, metas = stated.items, stated.metas
    meta = PageMeta()
    meta.title = _undated(_title(root, stated, units))
    for item in items:
        if _is_article(item) and isinstance(item.get("description"), str):
            meta.standfirst = _clean(item["description"]) or None
            break
    if not meta.standfirst:
        meta.standfirst = metas.get("og:description") or metas.get("description") or None
    classed = _Classed(root)
    meta.authors = _fuller(_authors(root, items, metas, classed, units), root, classed)
    if not meta.authors:
        meta.byline_authors = byline_in_page(root)
    meta.date = _date(root, items, metas, classed)
    if written is not None:
        # The date the reader sees at the article's start wins over a stated
        # one on another day (a CMS's modification or indexing date in a
        # ``date`` meta tag, a first publication the page since updated).
        seen = written(False)
        if seen is None and meta.date is None:
            # A date the title gives ("08.11.2021 | Fachtag"), else one anywhere on the page.
            seen = _title_date(root, stated) or written(True)
        if seen is not None and (meta.date is None or _other_day(seen, meta.date)):
            meta.date = seen
    if meta.title:
        meta.title = repair_line(meta.title)[0] or None
    if meta.standfirst:
        meta.standfirst = repair_line(meta.standfirst)[0] or None
    meta.authors = [repair_line(a)[0] for a in meta.authors]
    meta.byline_authors = [repair_line(a)[0] for a in meta.byline_authors]
    if isinstance(meta.date, dt.datetime) and meta.date.tzinfo is not None:
        meta.date = meta.date.replace(tzinfo=None)
    return meta
