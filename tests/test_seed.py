"""The seed article: the acceptance case of the whole pipeline."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

import scrubnews
from scrubnews.cli import main

from .conftest import SAMPLES

SEED = SAMPLES / "seed-article.txt"


def seed() -> scrubnews.Article:
    return scrubnews.clean(SEED.read_bytes(), name=SEED.name)


def test_metadata() -> None:
    article = seed()
    assert article.title == "Whitehall ‘has turned Big Society toxic’"
    assert article.standfirst == (
        "The Big Society has been turned into a ‘toxic brand’ by central government "
        "involvement and media negativity, Phil Redmond told CIPFA delegates."
    )
    assert article.authors == ["Nick Mann"]
    assert article.location == "Liverpool"
    assert article.date == dt.date(2012, 7, 5)
    assert article.extra == {"dateline": "4 Jul 12"}


def test_body_starts_and_ends_right() -> None:
    body = seed().body
    assert body[0].text.startswith("Addressing the conference yesterday,")
    assert body[-1].text.endswith("which reflect real local needs’.")
    text = "\n".join(block.text for block in body)
    for junk in ("Spacer", "CIPFA logo", "PF Jobsite logo", "Did you enjoy", "AddToAny"):
        assert junk not in text
    assert body[-1].text != "Top"
    assert not any(block.text.startswith("The Big Society has been turned") for block in body)


def test_curly_quotes_kept() -> None:
    markdown = seed().to_markdown()
    assert "‘toxic brand’" in markdown
    assert "'" not in markdown.split("---\n\n", 1)[1]


def test_every_removal_names_its_rule() -> None:
    rules = {removal.text: removal.rule for removal in seed().removals if removal.dropped}
    assert rules["CIPFA logo"] == "image-alt"
    assert rules["PF Jobsite logo"] == "image-alt"
    assert rules["Did you enjoy this article?"] == "feedback-prompt"
    assert rules["AddToAny"] == "share-widget"
    assert rules["Top"] == "back-to-top"
    rewrites = [r for r in seed().removals if not r.dropped]
    assert [r.rule for r in rewrites] == ["glued-alt-text"]
    assert rewrites[0].text.endswith("needs’.Spacer")
    assert rewrites[0].replacement is not None
    assert rewrites[0].replacement.endswith("needs’.")


def test_explain_names_a_rule_for_each_removal() -> None:
    result = CliRunner().invoke(main, ["clean", "--explain", str(SEED)])
    assert result.exit_code == 0
    explained = result.stderr
    for rule, text in [
        ("image-alt", "CIPFA logo"),
        ("image-alt", "PF Jobsite logo"),
        ("feedback-prompt", "Did you enjoy this article?"),
        ("share-widget", "AddToAny"),
        ("back-to-top", "Top"),
        ("glued-alt-text", "needs’.Spacer"),
        ("standfirst-repeat", "The Big Society has been turned"),
    ]:
        assert any(rule in line and text in line for line in explained.splitlines()), rule
    # The article itself still goes to standard output, untouched by the explanation.
    assert result.stdout == seed().to_markdown()
