"""The rule table's merged matcher agrees with the rules one by one."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path
from typing import Any

import pytest

from scrubnews.boilerplate import glued_alt
from scrubnews.decode import decode
from scrubnews.errors import InputError
from scrubnews.rules import (
    FOLD_SPECIAL,
    GLUED_ALT,
    GLUED_ALT_LONGEST,
    PAGE_RULES,
    RULES,
    match_line,
    match_page_line,
)

from .conftest import SAMPLES


def _one_by_one(line: str) -> str | None:
    """The first rule in table order whose own ``matches`` accepts ``line``."""
    folded = line.casefold()
    return next((rule.name for rule in RULES if rule.matches(folded)), None)


def _lines(paths: list[Path]) -> list[str]:
    lines: list[str] = []
    for path in paths:
        try:
            text, _encoding = decode(path.read_bytes())
        except InputError:
            continue
        lines += [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines


def _tricky(lines: list[str]) -> list[str]:
    """Every exact phrase and variants, and lines with the dotless i and odd cases."""
    found = []
    for rule in RULES:
        for phrase in rule.exact:
            found += [phrase, phrase.upper(), phrase.title(), f"{phrase}.", f"x {phrase}"]
    for line in lines[:3000]:
        found += [line.upper(), line.replace("i", "ı"), line.replace("I", "İ"), line + " ©"]
    found += ["ıcon", "Company Lıgo", "prıvacy", "Prıvacy Polıcy", "ſhare", "Coo\u212aies settings"]
    return found


def test_merged_matcher_agrees_with_each_rule_on_samples() -> None:
    lines = _lines(sorted(SAMPLES.glob("*")))
    rng = random.Random(7)
    words = sorted({word for line in lines for word in line.split()})
    fuzz = [" ".join(rng.choices(words, k=rng.randint(1, 8))) for _ in range(20_000)]
    for line in lines + _tricky(lines) + fuzz:
        assert match_line(line) == _one_by_one(line), line


def test_merged_matcher_agrees_with_each_rule_on_corpus_lines(corpora: Path) -> None:
    lines = _lines(sorted(corpora.glob("*/dump*/*.txt"))[::3])
    disagree = [line for line in lines if match_line(line) != _one_by_one(line)]
    assert disagree == []
    assert sum(match_line(line) is not None for line in lines) > 10_000


def test_fold_special_lists_every_character_that_needs_ignorecase() -> None:
    """Characters that case folding keeps, yet that match a pattern letter only with IGNORECASE."""
    texts = [re.sub(r"\\.", "", p.pattern) for r in RULES for p in (r.pattern, *r.requires) if p]
    letters = {c for text in texts for c in text if c.isalpha()}
    # Letters of the patterns are written folded: a folded line can match them without IGNORECASE.
    assert all(c.casefold() == c for c in letters)
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = set(everything.casefold())
    special = set()
    for letter in letters:
        same = set(re.findall(re.escape(letter), everything, re.IGNORECASE)) - {letter}
        special |= same & folded
    assert special == set(FOLD_SPECIAL)


def test_glued_alt_is_never_longer_than_its_limit() -> None:
    """``glued_alt`` searches only the last ``GLUED_ALT_LONGEST`` characters of a line."""
    parser: Any = getattr(re, "_parser", None) or importlib.import_module("sre_parse")
    assert parser.parse(GLUED_ALT.pattern, GLUED_ALT.flags).getwidth()[1] <= GLUED_ALT_LONGEST


def test_glued_alt_agrees_with_a_whole_line_search(corpora: Path) -> None:
    lines = _lines(sorted(corpora.glob("*/dump*/*.txt"))[::3])
    lines += ["x" * 200 + "." + "Abcdefghij " * 3 + "Abcdefghijklmnopqrstu logo", "Fine.Spacer"]
    lines += ["Fine.GRAFI\u212a", "Fine.Spacer\n", "Fine. Photo\n", "Fine.Ima\u0262e"]
    for line in lines:
        whole = GLUED_ALT.search(line)
        expected = whole.start() if whole is not None and whole.start() > 0 else None
        assert glued_alt(line) == expected, line


def test_guarded_patterns_match_only_where_their_guards_say(corpora: Path) -> None:
    """A rule's ``starts``/``ends``/``contains`` hold for every line its pattern matches."""
    lines = _lines(sorted(corpora.glob("*/dump*/*.txt"))[::3])
    lines += _tricky(lines)
    guarded = [rule for rule in RULES if rule.guarded]
    assert guarded
    for rule in guarded:
        assert rule.pattern is not None
        fast = re.compile(rule.pattern.pattern)
        folded = [ln.casefold() for ln in lines]
        matched = [f for f in folded if FOLD_SPECIAL.isdisjoint(f) and fast.fullmatch(f)]
        assert len(matched) > 20, rule.name
        assert [f for f in matched if not rule.pattern_may_match(f)] == [], rule.name


def test_page_rules_match_credits_and_cross_links_but_not_prose() -> None:
    assert match_page_line("Lea también: Otro artículo del día") == "cross-link"
    assert match_page_line("Auch interessant:") == "cross-link"
    assert match_page_line("(Credit: Jane Doe / Agency)") == "image-credit"
    assert match_page_line("Bild: Hersteller") == "image-credit"
    for caption in ("The quay at dawn. © A. Lens", "The quay at dawn (Foto: A. Lens)",
                    "The quay at dawn. (A. Lens / iStock.com)", "The quay (A. Lens/Reuters)"):
        assert match_page_line(caption) == "caption-credit", caption
    assert match_page_line("The plan – backed by Reuters sources – failed.") is None
    assert match_page_line("He worked for Reuters for ten years (from 1990).") is None
    assert match_page_line("Read more about the plan, which the council discussed.") is None
    assert match_page_line("Photographs of the event were taken by many.") is None
    # Text dumps do not use them.
    assert match_line("Bild: Hersteller") is None


def test_page_rule_guards_hold_for_every_match() -> None:
    lines = ["Lesen Sie auch: x", "(foto: dpa)", "Photo by A", "read more", "crédits photos : b",
             "a quay. foto di: b", "a quay © b", "a quay (b / getty images)", "a quay. bild : b"]
    for rule in PAGE_RULES:
        assert rule.pattern is not None and rule.guarded
        for line in lines:
            folded = line.casefold()
            if rule.pattern.fullmatch(folded):
                assert rule.pattern_may_match(folded), (rule.name, line)


def test_tail_start_letters_are_the_first_letters_of_the_tail_pattern() -> None:
    import re._parser as parser

    from scrubnews.boilerplate import _TAIL, _TAIL_START, _is_tail
    from scrubnews.segment import Line

    parsed = parser.parse(_TAIL.pattern, _TAIL.flags)
    branch = next(av for op, av in parsed if str(op) == "BRANCH")
    firsts = set()
    for alternative in branch[1]:
        op, av = alternative[0]
        assert str(op) == "LITERAL", alternative[0]
        firsts.add(chr(av))
    listed = set(_TAIL_START.pattern.removeprefix("[\\d").removesuffix("]"))
    assert firsts == listed
    for text in ["Comments", "42 Comments", "Related", "Ähnliche Artikel", "Über den Autor",
                 "À lire aussi", "Newsletter", "KOMMENTARE"]:
        assert _is_tail(Line(1, text)), text
    for text in ["Before the event", "Öffentliche Sitzung", "(Related)"]:
        assert not _is_tail(Line(1, text)), text


@pytest.mark.parametrize("line", [
    "Click to share on Twitter (Opens in new window)",
    "Click to share on Google+ (Opens in new window)",
    "Click to email this to a friend (Opens in new window)",
    "Click to print (Opens in new window)",
])
def test_share_buttons_that_open_a_new_window_are_share_widgets(line: str) -> None:
    assert match_line(line) == "share-widget"


def test_a_link_that_opens_a_new_window_is_not_a_share_widget() -> None:
    assert match_line("Click to see the map of the harbour (opens in new window)") is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("War der Artikel nützlich?", "feedback-prompt"),
        ("Möchten Sie den Artikel teilen?", "feedback-prompt"),
        ("Subscribe now to our eNATION edition for the full story.", "subscription-prompt"),
        ("To view the full story, please subscribe to The Haitian Times.",
         "subscription-prompt"),
        ("If you’re seeing this message but you’re already a subscriber, you can log in.",
         "subscription-prompt"),
        ("For the latest stories download the Nationnews apps for iOS and Android.",
         "subscription-prompt"),
        ("Kommentar hinzufügen", "comment-widget"),
        ("Wie bewerten Sie diesen Artikel?", "feedback-prompt"),
        ("Verraten Sie gerne in den Kommentaren:", "feedback-prompt"),
        ("We want to hear what you think about this article.", "feedback-prompt"),
        ("Der Beitrag wurde am Montag im Rat beschlossen.", None),
        ("War der Sommer zu heiß?", None),
        ("The app shows the latest news from the council.", None),
        ("Subscribers to the full story of the harbour wall met on Tuesday", None),
    ],
)
def test_feedback_paywall_and_filing_lines(line: str, rule: str | None) -> None:
    assert match_line(line) == rule
    assert _one_by_one(line) == rule


def test_a_blog_posts_filing_line_is_dropped_on_pages_only() -> None:
    for line in ("This entry was posted in Allgemein. Bookmark the permalink.",
                 "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr "
                 "veröffentlicht und wurde unter Termine abgelegt."):
        assert match_page_line(line) == "post-filing"
        assert match_line(line) is None  # a text dump may date the article by it
    assert match_page_line("Der Beitrag wurde am Montag im Rat beschlossen.") is None


@pytest.mark.parametrize("line", [
    "If you enjoyed reading this post – would you consider supporting our work? Just click here.",
    "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "Never miss the latest news by signing up to our newsletter today!",
    "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
    "Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.",
    "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
    "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links",
    "Wir respektieren deine Privatsphäre und stellen keine Verbindung zu Twitter her.",
    "Bild anzeigen Bild schließen",
    "Rezept drucken Bei Pinterest speichern",
    "(Noch keine Bewertungen)",
    "Dieses Skript als PDF herunterladen",
    ">>> Jetzt die aktuelle Ausgabe bestellen! <<<",
    "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
    "Quellen ausblenden",
    "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
    "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
    "Immediate online access to all issues. Subscription will auto renew annually.",
])
def test_calls_to_the_reader_on_a_page_are_reader_appeals(line: str) -> None:
    assert match_page_line(line) == "reader-appeal"
    rule = next(rule for rule in PAGE_RULES if rule.name == "reader-appeal")
    assert rule.pattern_may_match(line.casefold())


@pytest.mark.parametrize("line", [
    "If you want to understand the harbour, you have to see it at dawn.",
    "Der Beitrag der Stadt zum Hafenbau liegt bei zwei Millionen Euro.",
    "Follow the river north and you reach the old mill.",
    "Die Stadt will den Hafen bauen und die Kosten als PDF veröffentlichen lassen.",
    "Werbung für den Hafen machte die Stadt schon 1990.",
])
def test_article_sentences_are_no_reader_appeals(line: str) -> None:
    assert match_page_line(line) is None
