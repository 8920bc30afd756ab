"""Properties over arbitrary input: no crash, valid front-matter, cleaning is idempotent."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scrubnews import InputError, clean

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Text that looks a little like a dump: words, markup, dates, mojibake, blank lines.
PIECES = st.sampled_from([
    "By Jo Bloggs", "5 July 2012", "## Heading", "* item", "> quote", "[link](http://x)",
    "![logo](a.png)", "**bold**", "Share", "Advertisement", "cafÃ©", "&amp;", "—", "\t",
    "Der Bürgermeister sagte am Dienstag, dass die Arbeiten beginnen.", "---", "===", "#",
    "The council met on Tuesday and agreed the budget for next year.", "<p>", "1.", "\\",
])
DUMPS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=30).map(
    lambda parts: "\n".join(parts)
)


def _front(rendered: str) -> dict[str, object]:
    assert rendered.startswith("---\n")
    end = rendered.index("\n---\n", 3)
    data = yaml.safe_load(rendered[4 : end + 1])
    assert isinstance(data, dict)
    return data


def _check(raw: bytes) -> None:
    try:
        article = clean(raw)
    except InputError:
        return
    rendered = article.to_markdown()
    front = _front(rendered)
    assert isinstance(front["title"], str)
    for key in ("standfirst", "location"):
        assert key not in front or isinstance(front[key], str)
    authors = front.get("authors", [])
    assert isinstance(authors, list) and all(isinstance(a, str) for a in authors)
    assert "date" not in front or isinstance(front["date"], dt.date)
    source = front["source"]
    assert isinstance(source, dict) and len(source["sha256"]) == 64
    assert isinstance(front["scrubnews"], str)
    again = clean(rendered.encode("utf-8")).to_markdown()
    assert again == rendered


@SETTINGS
@given(st.binary(max_size=2000))
@example(b"")
@example(b"\xff\xfe" + "A headline\n\nSome text.".encode("utf-16-le"))
def test_any_bytes(raw: bytes) -> None:
    _check(raw)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text.encode("utf-8"))


@SETTINGS
@given(DUMPS)
def test_dump_like_text(text: str) -> None:
    _check(text.encode("utf-8"))


@SETTINGS
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "<h1>",
                                 "</h1>", "<li>", "text &amp; more", "<script>", "<!--"]),
                max_size=40))
def test_html_like_text(parts: list[str]) -> None:
    _check(("<!DOCTYPE html><html><body>" + "".join(parts)).encode("utf-8"))
