"""The Markdown is CommonMark that renders back to exactly the article's text."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scrubnews.article import Article, Block, Source
from scrubnews.render import _libyaml_safe, dump_yaml, escape, render_block, to_markdown
from scrubnews.reread import parse_body, split_front_matter, unescape

COMMONMARK = MarkdownIt("commonmark")

TRICKY = [
    "# not a heading",
    "## neither",
    "1. not a list",
    "2) nor this",
    "* not a bullet",
    "- nor this",
    "+ nor this",
    "> not a quote",
    "| a | b | not a table",
    "`code` and ``more``",
    "*emphasis* and _this_ and **strong**",
    "[a link](http://example.com) and ![an image](x.png)",
    "<b>html</b> and <!-- comment -->",
    "AT&T and &amp; and &#8217;",
    "back\\slash at the end\\",
    "---",
    "***",
    "===",
    "~~~ fence",
    "``` fence",
    "C#",
    "#hashtag",
    "1999. A year to remember.",
    "Price: $5 * 3 = $15",
    "a_b_c",
    "_a_b_ and __c__ and x__y_ and é_ü",
    "<http://example.com>",
]


def rendered_text(markdown: str) -> str:
    """The plain text a CommonMark renderer shows for ``markdown``."""
    out = COMMONMARK.render(markdown)
    out = re.sub(r"<[^>]+>", "", out)
    return html.unescape(out).strip()


@pytest.mark.parametrize("text", TRICKY)
def test_paragraph_renders_back_to_its_text(text: str) -> None:
    markdown = render_block(Block(text))
    assert rendered_text(markdown) == text
    html_out = COMMONMARK.render(markdown)
    assert html_out.startswith("<p>"), html_out


@pytest.mark.parametrize("text", TRICKY)
def test_heading_renders_back_to_its_text(text: str) -> None:
    markdown = render_block(Block(text, "h", 2))
    html_out = COMMONMARK.render(markdown)
    assert html_out.startswith("<h2>"), html_out
    assert rendered_text(markdown) == text


@pytest.mark.parametrize("text", TRICKY)
def test_list_item_and_quote_render_back(text: str) -> None:
    for kind, tag in (("li", "<ul>"), ("quote", "<blockquote>")):
        markdown = render_block(Block(text, kind))  # type: ignore[arg-type]
        html_out = COMMONMARK.render(markdown)
        assert html_out.startswith(tag), html_out
        assert rendered_text(markdown) == text


def test_list_items_stay_one_list() -> None:
    article = Article(
        Source("x", "0" * 64, "utf-8"),
        title="T",
        body=[Block("one", "li"), Block("two", "li"), Block("after")],
    )
    body = to_markdown(article).split("---\n\n", 1)[1]
    assert body == "- one\n- two\n\nafter\n"
    assert COMMONMARK.render(body).count("<li>") == 2


_inline_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1
).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=300, deadline=None)
@given(_inline_text)
def test_escape_roundtrip_any_text(text: str) -> None:
    assert unescape(escape(text)) == text
    assert parse_body(render_block(Block(text))) == [Block(text)]


@settings(max_examples=200, deadline=None)
@given(_inline_text.filter(lambda s: not s[0].isspace()))
def test_any_paragraph_renders_as_one_paragraph_of_its_text(text: str) -> None:
    markdown = render_block(Block(text))
    html_out = COMMONMARK.render(markdown)
    assert html_out.startswith("<p>") and html_out.count("<p>") == 1, html_out
    assert rendered_text(markdown) == text


def test_front_matter_is_yaml_safe_dump() -> None:
    article = Article(
        Source("a: b.txt", "0" * 64, "utf-8"),
        title="Colon: quote ' and \" and # hash",
        authors=["- dash", "yes"],
    )
    found = split_front_matter(to_markdown(article))
    assert found is not None
    data, _ = found
    assert data["title"] == article.title
    assert data["authors"] == ["- dash", "yes"]
    assert data["source"]["file"] == "a: b.txt"


@settings(max_examples=300)
@given(st.text(max_size=30), st.lists(st.text(max_size=12), max_size=3))
def test_front_matter_bytes_are_those_of_yaml_safe_dump(title: str, authors: list[str]) -> None:
    """libyaml writes the front-matter only where its bytes equal the pure dumper's."""
    import yaml

    from scrubnews.render import front_matter

    article = Article(Source("f", "0" * 64, "utf-8"), title=title, authors=authors)
    expected = yaml.safe_dump(front_matter(article), sort_keys=False, allow_unicode=True,
                              width=10_000)
    assert to_markdown(article) == f"---\n{expected}---\n"


@pytest.mark.parametrize("title", ["emoji \U0001F642 here", "line\x85break", "a\u2028b"])
def test_front_matter_with_characters_libyaml_escapes(title: str) -> None:
    import yaml

    from scrubnews.render import front_matter

    article = Article(Source("f", "0" * 64, "utf-8"), title=title)
    expected = yaml.safe_dump(front_matter(article), sort_keys=False, allow_unicode=True,
                              width=10_000)
    assert to_markdown(article) == f"---\n{expected}---\n"


def test_comments_in_a_cleaned_article_survive_cleaning_again() -> None:
    import scrubnews

    article = Article(Source("x", "0" * 64, "utf-8"), title="T", body=[Block("one")])
    text = to_markdown(article).replace(
        "\none\n",
        "\n<!-- scrubnews: disable-file -->\n\none\n\n"
        "<!-- scrubnews: disable-next-line SN101 -->\nShare this article\n",
    )
    again = scrubnews.clean(text.encode()).to_markdown()
    assert again == text
    assert COMMONMARK.render(again.split("---\n\n", 1)[1]).count("<p>") == 2


def _pyyaml(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


FRONT_MATTER_TEXTS = [
    *TRICKY,
    "",
    " leading and trailing ",
    "null",
    "2019-03-12",
    "yes",
    "a: b",
    "- dash",
    "Zürich’s “café” — naïve € ß",
    "x" * 3999,
    ("word: " * 700)[:4000],
    "tab\there",
    "\x1b escape \x7f \u00a0 \ufeff \ufffe \uffff",
    "Ünïcödé “quotes” ‘single’ «guillemets» „low“",
]


@pytest.mark.parametrize("text", FRONT_MATTER_TEXTS)
def test_libyaml_writes_what_pyyaml_writes(text: str) -> None:
    data: dict[str, object] = {
        "title": text,
        "authors": [text, "Jane Doe"],
        "date": dt.date(2020, 1, 2),
        "dateline": text,
        "source": {"file": text, "sha256": "ab" * 32, "encoding": "utf-8"},
    }
    assert _libyaml_safe(data)
    assert dump_yaml(data) == _pyyaml(data)


@pytest.mark.parametrize(
    "text", ["emoji 😉 here", "next\x85line", "two\nlines", "line\u2028sep", "x" * 4001]
)
def test_pyyaml_writes_what_libyaml_would_write_differently(text: str) -> None:
    data: dict[str, object] = {"title": text, "authors": ["Jane Doe"]}
    assert not _libyaml_safe(data)
    assert dump_yaml(data) == _pyyaml(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_libyaml_and_pyyaml_agree_on_any_text(text: str) -> None:
    data: dict[str, object] = {"title": text, "authors": [text], "source": {"file": text}}
    assert dump_yaml(data) == _pyyaml(data)


def test_underscores_inside_words_are_not_escaped() -> None:
    assert escape("Liebe_r Besucher_in, see DOWNLOAD_DIRECTORY") == (
        "Liebe_r Besucher_in, see DOWNLOAD_DIRECTORY"
    )
    assert escape("_em_ and x_") == "\\_em\\_ and x\\_"
