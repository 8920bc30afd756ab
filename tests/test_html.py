"""HTML pages: chrome dropped, structure kept, metadata read, nothing crashes."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
import yaml

from scrubnews import clean
from scrubnews.html import looks_like_html, page_units
from scrubnews.reread import parse_body, split_front_matter

DATA = Path(__file__).parent / "data" / "html"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def body_text(raw: bytes) -> str:
    return "\n".join(block.text for block in clean(raw).body)


def test_chrome_is_dropped_and_article_kept() -> None:
    text = body_text(page("chrome.html"))
    for kept in ("granite blocks", "old harbour wall", "Fishing crews"):
        assert kept in text
    for dropped in ("Weather", "Subscribe", "Share on Facebook", "Hidden teaser",
                    "Screen furniture", "hidden attribute", "Most read", "First!", "©"):
        assert dropped not in text


def test_comment_word_on_the_article_container_does_not_drop_it() -> None:
    article = clean(page("chrome.html"))
    assert len(article.body) == 3


def test_chrome_removals_are_named() -> None:
    rules = {r.rule for r in clean(page("chrome.html")).removals}
    assert {"html-role-navigation", "html-chrome", "html-aside", "html-footer",
            "html-hidden"} <= rules


def test_headings_lists_quotes_and_code_become_markdown() -> None:
    article = clean(page("structure.html"))
    kinds = [block.kind for block in article.body]
    assert kinds == ["p", "h", "li", "li", "li", "quote", "p", "pre", "p"]
    markdown = article.to_markdown()
    assert "\n## What you need\n" in markdown
    assert "- Five hundred grams of strong white flour\n- Seven grams" in markdown
    assert "\n> Good bread takes time" in markdown
    assert "```\ndef rise(hours):\n\n    return hours * 2\n```" in markdown
    assert article.title == "How to bake bread"


def test_cleaning_the_output_again_changes_nothing() -> None:
    markdown = clean(page("structure.html")).to_markdown()
    again = clean(markdown.encode("utf-8"))
    assert again.to_markdown() == markdown
    found = split_front_matter(markdown)
    assert found is not None
    assert yaml.safe_load(markdown.split("---\n")[1])["title"] == "How to bake bread"


def test_fenced_code_with_blank_lines_reads_back_as_one_block() -> None:
    blocks = parse_body("Intro\n\n```\na\n\n\nb\n```\n\nOutro")
    assert [(b.kind, b.text) for b in blocks] == [("p", "Intro"), ("pre", "a\n\n\nb"),
                                                  ("p", "Outro")]


def test_metadata_from_json_ld() -> None:
    article = clean(page("jsonld.html"))
    assert article.title == "Library opens new wing"
    assert article.authors == ["Maria Lopez", "Tom Baker"]
    assert article.date == dt.datetime(2021, 3, 4, 8, 15)
    assert article.standfirst == "The town library has a new wing for children."


def test_metadata_from_meta_tags_and_time() -> None:
    article = clean(page("meta-time.html"))
    assert article.title == "Cyclists get a new bridge"
    assert article.authors == ["Anna Schmidt"]
    assert article.date == dt.date(2019, 6, 21)
    assert "By Anna Schmidt" not in body_text(page("meta-time.html"))


def test_article_under_the_stated_headline_wins() -> None:
    text = body_text(page("two-articles.html"))
    assert "swimming pool reopened" in text
    assert "market square" not in text


def test_html_is_detected_by_content() -> None:
    raw = page("meta-time.html")
    assert looks_like_html(raw.decode())
    assert clean(raw, name="dump.txt").kind == "html"
    assert not looks_like_html("A headline\n\nSome <b>bold</b> text and a <a href=x>link</a>.")


def test_deep_nesting_does_not_crash() -> None:
    depth = 5000
    raw = "<html><body>" + "<div>" * depth + "<p>" + "deep words here " * 20 + "</p>"
    raw += "</div>" * depth + "</body></html>"
    units, _meta, _removals = page_units(raw)
    assert units == [] or "deep words" in units[0].text


@pytest.mark.parametrize("cut", [10, 200, 700, 1500])
def test_truncated_html_does_not_crash(cut: int) -> None:
    raw = page("chrome.html")[:cut]
    try:
        clean(raw)
    except Exception as exc:  # only the documented input errors may escape
        from scrubnews.errors import InputError

        assert isinstance(exc, InputError)


def test_empty_and_scriptonly_pages() -> None:
    article = clean(b"<html><head><script>var x = 1;</script></head><body></body></html>")
    assert article.body == []


# -- the corpora, when present ------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _f1(pred: str, gold: str) -> float:
    p, g = _words(pred), _words(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.skipif(not (CORPORA / "aeb").is_dir(), reason="corpora not present")
def test_aeb_html_body_quality() -> None:
    golds = [json.loads(line) for line in (CORPORA / "aeb" / "gold.jsonl").open()][:60]
    scores = [
        _f1(body_text((CORPORA / "aeb" / "html" / f"{g['id']}.html").read_bytes()), g["body"])
        for g in golds
    ]
    assert statistics.mean(scores) >= 0.9


def test_a_stated_charset_does_not_override_the_decoded_text() -> None:
    """The page is parsed as the decode stage read it, whatever its <meta charset> says."""
    raw = (
        '<html><head><meta charset="koi8-r"><title>x</title></head><body><article>'
        "<h1>Café “crème” 日本</h1><p>Un café crème coûte deux euros, dit-il, à Zürich.</p>"
        "</article></body></html>"
    ).encode()
    units, _meta, _removals = page_units(raw.decode())
    assert [u.text for u in units][:2] == [
        "Café “crème” 日本", "Un café crème coûte deux euros, dit-il, à Zürich."
    ]


_PROSE = (
    "<p>The council approved the new budget on Tuesday evening, after a long debate about "
    "schools, roads and the cost of heating public buildings during the winter months.</p>"
    "<p>Opponents said the plan would raise local taxes, while supporters argued that the "
    "repairs could not wait another year without putting residents at risk.</p>"
)


def _dated_page(stamp: str, written: str) -> bytes:
    return (
        f'<html><head><meta property="article:published_time" content="{stamp}">'
        "<title>Council approves budget</title></head><body><article>"
        f"<h1>Council approves budget</h1><p>{written}</p>{_PROSE}</article></body></html>"
    ).encode()


def test_a_late_utc_stamp_takes_the_day_written_on_the_page() -> None:
    article = clean(_dated_page("2021-11-04T23:00Z", "5. November 2021"))
    assert article.date == dt.date(2021, 11, 5)


def test_a_date_written_at_the_article_start_wins_over_another_stated_day() -> None:
    # A CMS's indexing date in the meta tags, or a first publication since updated:
    # the reader sees the written date.
    article = clean(_dated_page("2021-11-04T12:00Z", "5. November 2021"))
    assert article.date == dt.date(2021, 11, 5)
    article = clean(_dated_page("2021-11-04T23:30:00+01:00", "5. November 2021"))
    assert article.date == dt.date(2021, 11, 5)


def test_a_written_date_on_the_stated_day_keeps_the_stated_time() -> None:
    article = clean(_dated_page("2021-11-04T12:00Z", "4. November 2021"))
    assert article.date == dt.datetime(2021, 11, 4, 12, 0)


_GERMAN = (
    "<p>Der Gemeinderat hat den neuen Haushalt am Dienstagabend nach einer langen Debatte "
    "über die Schulen, die Straßen und die Kosten der Heizung beschlossen.</p>"
    "<p>Die Gegner sagten, dass der Plan die Steuern erhöhen werde, und die Befürworter "
    "meinten, dass die Reparaturen nicht noch ein Jahr warten könnten.</p>"
)


def _german_page(head: str, written: str) -> bytes:
    return (
        f"<html><head>{head}<title>Haushalt beschlossen</title></head><body><article>"
        f"<h1>Haushalt beschlossen</h1><p>{written}</p>{_GERMAN}</article></body></html>"
    ).encode()


def test_a_written_date_with_slashes_is_read_day_first_on_a_non_english_page() -> None:
    assert clean(_german_page("", "03/05/2022")).date == dt.date(2022, 5, 3)


def test_a_written_date_that_is_the_stated_one_read_the_other_way_keeps_the_stated_one() -> None:
    # "11/01/2021" printed month first on a German page is 1 November, as stated.
    head = '<meta property="article:published_time" content="2021-11-01T04:00:14Z">'
    assert clean(_german_page(head, "Stand: 11/01/2021, 05:00")).date == \
        dt.datetime(2021, 11, 1, 4, 0)


def test_an_update_written_at_the_article_start_is_its_date() -> None:
    article = clean(_dated_page("2019-10-15T16:59:59Z", "Updated Mar 12, 2020"))
    assert article.date == dt.date(2020, 3, 12)


def test_a_labelled_date_at_the_article_start_wins_and_an_embedded_posts_does_not() -> None:
    article = clean(_dated_page("2019-10-15T16:59:59Z", "Updated Mar 12, 2020 @ 10:42 am"))
    assert article.date == dt.date(2020, 3, 12)
    raw = (
        '<html><head><meta property="article:published_time" content="2022-02-04T15:29:00">'
        "<title>Council approves budget</title></head><body><article>"
        f"<h1>Council approves budget</h1>{_PROSE}"
        "<blockquote>Posted by the council on Monday, February 7, 2022</blockquote>"
        f"{_PROSE}</article></body></html>"
    ).encode()
    assert clean(raw).date == dt.datetime(2022, 2, 4, 15, 29)


def test_the_dateline_nearest_the_article_wins_over_the_date_in_the_page_header() -> None:
    raw = (
        "<html><head><title>Council approves budget</title></head><body>"
        "<div class='top'>Tuesday, 5 November 2019</div><h1>Council approves budget</h1>"
        f"<p>4 November 2019</p><div class='entry'>{_PROSE}{_PROSE}</div></body></html>"
    ).encode()
    assert clean(raw).date == dt.date(2019, 11, 4)


def test_a_paragraph_opening_with_its_date_dates_the_article() -> None:
    head = '<meta name="date" content="2022-11-29">'
    written = ("(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der "
               "nächsten, und die Grundversorger lehnen neue Kunden ab.")
    assert clean(_german_page(head, written)).date == dt.date(2022, 11, 21)


def test_a_date_written_only_in_the_page_is_read() -> None:
    raw = (
        "<html><head><title>Council approves budget</title></head><body><article>"
        f"<h1>Council approves budget</h1>{_PROSE}</article>"
        "<div>Home</div><div>18. 05. 2014 22:38</div></body></html>"
    ).encode()
    assert clean(raw).date == dt.datetime(2014, 5, 18, 22, 38)


def test_a_job_title_and_employer_after_a_name_are_not_authors() -> None:
    from scrubnews.htmlmeta import split_names

    assert split_names("Jo Smith, Senior Editor, Daily Planet") == ["Jo Smith"]
    assert split_names("By Brenda Goodman, MA") == ["Brenda Goodman"]
    assert split_names("Isabel Caro, Rocío Latorre") == ["Isabel Caro", "Rocío Latorre"]


PROSE = (
    "<p>The harbour wall was rebuilt in granite over three summers, and the town paid for it "
    "with a levy on every catch landed at the quay.</p>"
)


def test_an_unclosed_header_wrapping_the_article_is_not_chrome() -> None:
    raw = (
        "<!DOCTYPE html><html><body><header><div>Site name</div><div><article>"
        + PROSE * 4 + "</article></div></body></html>"
    ).encode()
    assert "granite" in body_text(raw)


def test_a_chrome_name_on_the_wrapper_of_most_prose_is_not_chrome() -> None:
    raw = (
        "<!DOCTYPE html><html><body><nav>" + "<a href='/'>Section page</a> " * 80 + "</nav>"
        "<div class='socialicons-sticky'><div class='post'>" + PROSE * 4 + "</div></div>"
        "<div class='share-bar'><p>Share this story with your friends on every network "
        "you use today, it only takes a second or two to do.</p></div>"
        "</body></html>"
    ).encode()
    text = body_text(raw)
    assert "granite" in text
    assert "Share this story" not in text


def test_labels_dates_entities_and_association_suffixes_are_not_names() -> None:
    from scrubnews.htmlmeta import split_names

    assert split_names("Publiziert am") == []
    assert split_names("Isabella.DiBiase am Samstag") == ["Isabella.DiBiase"]
    assert split_names("Deutscher Caritasverband e.V.") == ["Deutscher Caritasverband"]
    assert split_names("Redacci&oacute;n Diario") == ["Redacción Diario"]
    assert split_names("Loïc Le Clerc") == ["Loïc Le Clerc"]
    assert split_names("Redaktion") == []
    assert split_names("Redaktion", desks=True) == ["Redaktion"]


def _page(head: str, body: str) -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_json_ld_author_given_by_reference_is_looked_up() -> None:
    graph = {"@graph": [
        {"@type": "Article", "headline": "Harbour", "author": {"@id": "#jo"}},
        {"@type": "Person", "@id": "#jo", "name": "jo-writes"},
    ]}
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).authors == ["jo-writes"]


def test_a_written_by_label_in_twitter_meta_names_the_author() -> None:
    head = ('<meta name="twitter:label1" content="Verfasst von">'
            '<meta name="twitter:data1" content="Karoline Herr">')
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).authors == ["Karoline Herr"]


def test_the_site_name_as_author_yields_to_a_byline() -> None:
    head = ('<meta property="og:site_name" content="Daily Planet">'
            '<meta name="author" content="Daily Planet">')
    body = ("<article><h1>Harbour wall rebuilt</h1>"
            "<div class='byline'>Von Lisa Petrich</div>" + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).authors == ["Lisa Petrich"]
    body = "<article><h1>Harbour wall rebuilt</h1>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).authors == ["Daily Planet"]


def test_publication_meta_tags_are_read_in_the_page_order() -> None:
    head = ('<meta name="date" content="2022-02-04">'
            '<meta property="article:published_time" content="2021-12-14T15:41:07+01:00">')
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).date == dt.date(2022, 2, 4)


def test_a_generic_date_meta_tag_yields_to_the_pages_one_time_element() -> None:
    head = '<meta name="date" content="2022-01-21T15:38:44+01:00">'
    shown = "<footer><time datetime='2022-01-27'>27.01.2022</time></footer>"
    body = "<article>" + PROSE * 3 + shown + "</article>"
    assert clean(_page(head, body)).date == dt.date(2022, 1, 27)
    teasers = "<aside><time datetime='2022-01-20'>20.01.2022</time></aside>"
    assert clean(_page(head, body + teasers)).date == dt.datetime(2022, 1, 21, 15, 38)


def test_rfc_2822_and_asctime_dates_are_read() -> None:
    head = '<meta name="datepublished" content="Fri Feb 18 10:27:24 2022">'
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).date == \
        dt.datetime(2022, 2, 18, 10, 27, 24)


def test_the_address_gives_the_local_day_of_a_late_utc_stamp() -> None:
    head = ('<link rel="canonical" href="https://example.com/2020/02/24/story/">'
            '<meta property="article:published_time" content="2020-02-25T02:25:54+00:00">')
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).date == dt.date(2020, 2, 24)


def test_a_dateline_opening_the_first_paragraph_dates_a_page_stating_none() -> None:
    body = "<article><h1>Harbour</h1><p>01.02.2022 – " + PROSE[3:] + PROSE * 2 + "</article>"
    assert clean(_page("", body)).date == dt.date(2022, 2, 1)


def test_an_rdfa_publication_date_is_read() -> None:
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 +
            '<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>'
            "</article>")
    assert clean(_page("", body)).date == dt.datetime(2022, 1, 28, 12, 45)


def test_the_site_host_is_cut_from_a_stated_title() -> None:
    head = ('<link rel="canonical" href="https://www.heizung.de/waermepumpe/altbau">'
            '<meta property="og:title" '
            'content="Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de">')
    body = "<article><h2>Beratung vor Ort</h2>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "Wärmepumpe im Altbau - Wann es sich lohnt"


def test_a_byline_in_a_heading_or_list_with_an_author_class_is_read() -> None:
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 +
            "<div class='author-info'><h2 class='author-title'>Autor: Petra Ruland</h2>"
            "<p>Petra writes about harbours, boats and the people who work on them.</p></div>"
            "</article>")
    assert clean(_page("", body)).authors == ["Petra Ruland"]


def test_json_ld_wrapped_in_cdata_is_read() -> None:
    data = {"@type": "Article", "headline": "Harbour", "datePublished": "2003-02-28"}
    head = f'<script type="application/ld+json">\n<![CDATA[\n{json.dumps(data)}\n]]>\n</script>'
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).date == dt.date(2003, 2, 28)


def test_credits_and_cross_links_inside_the_article_are_dropped_by_name() -> None:
    sentence = "The council met on Tuesday and agreed the harbour plan, after a long debate. "
    prose = "<p>" + sentence * 3
    raw = (
        "<html><body><article><h1>Harbour plan agreed</h1>" + prose + "</p>"
        "<figure><img src='a.jpg'></figure><p>Foto: Max Muster</p>"
        "<p>Lea también: El puerto en el tiempo</p>" + prose + "</p>"
        "<p>Read more about the plan, which the council first discussed in May.</p>"
        "</article></body></html>"
    ).encode()
    article = clean(raw)
    text = "\n".join(block.text for block in article.body)
    assert "Max Muster" not in text and "El puerto" not in text
    assert "first discussed in May" in text
    rules = {r.rule for r in article.removals}
    assert {"image-credit", "cross-link"} <= rules


def test_labels_and_headings_ending_the_container_are_dropped_by_name() -> None:
    sentence = "The council met on Tuesday and agreed the harbour plan, after a long debate. "
    raw = (
        "<html><body><article><h1>Harbour plan agreed</h1>"
        + ("<p>" + sentence * 3 + "</p>") * 3
        + "<p>The plan in short:</p><ul><li>New quay</li></ul>"
        "<h3>Like this:</h3><p>Loading</p><h3>Related posts</h3>"
        "</article></body></html>"
    ).encode()
    article = clean(raw)
    text = "\n".join(block.text for block in article.body)
    assert "New quay" in text
    assert "Related posts" not in text and "Like this" not in text
    assert "page-tail" in {r.rule for r in article.removals}


def test_lines_of_links_below_the_last_prose_are_dropped_by_name() -> None:
    sentence = "The council met on Tuesday and agreed the harbour plan, after a long debate. "
    cited = (
        "<p>The plan follows <a href='/a'>a survey of the quay walls</a> and "
        "<a href='/b'>an earlier report by the port authority on the state of the docks</a>, "
        "which the council read before it voted on the new harbour plan this week.</p>"
    )
    raw = (
        "<html><body><article><h1>Harbour plan agreed</h1>"
        + ("<p>" + sentence * 3 + "</p>") * 3
        + cited
        + "<ul><li>Port authority, the <a href='/c'>docks report</a></li></ul>"
        "<p>Ferry timetables: <a href='/e'>winter changes</a></p>"
        "<p>Council papers in full: <a href='/f'>agenda and minutes of the meeting</a></p>"
        "</article></body></html>"
    ).encode()
    article = clean(raw)
    text = "\n".join(block.text for block in article.body)
    assert "Ferry timetables" not in text and "Council papers" not in text
    # A list item and a paragraph citing its sources in links stay.
    assert "docks report" in text and "a survey of the quay walls" in text
    assert "page-tail-links" in {r.rule for r in article.removals}


def _article_with_box(box: str, inner: str) -> bytes:
    """Three paragraphs of an article, then a ``div`` of class ``box`` holding ``inner``."""
    sentence = "The council met on Tuesday and agreed the harbour plan, after a long debate. "
    return (
        "<html><body><article><h1>Harbour plan agreed</h1>"
        + ("<p>" + sentence * 3 + "</p>") * 3
        + f"<div class='{box}'>{inner}</div></article></body></html>"
    ).encode()


@pytest.mark.parametrize("box", ["author-box", "saboxplugin-wrap", "abh_box", "about-author"])
def test_an_author_box_below_the_article_is_chrome(box: str) -> None:
    article = clean(_article_with_box(
        box, "<p>Jane Roy</p><p>Jane Roy writes about ports, ferries and "
        "the sea, and has covered the harbour for the paper since 2004.</p>",
    ))
    text = "\n".join(block.text for block in article.body)
    assert "agreed the harbour plan" in text and "writes about ports" not in text
    assert any(r.rule == "html-chrome" and "writes about ports" in r.text
               for r in article.removals)


@pytest.mark.parametrize("box", [
    "related-posts", "jp-relatedposts", "recommended-articles", "newsletter-content",
    "subscribe-post", "author-box-content", "post-likes-widget", "post-tags", "article-share",
])
def test_a_box_of_related_posts_is_chrome_though_it_names_posts(box: str) -> None:
    article = clean(_article_with_box(
        box, "<p>Ferry fares rise again as the winter timetable starts "
        "and the port authority warns of more delays on the crossing.</p>",
    ))
    text = "\n".join(block.text for block in article.body)
    assert "agreed the harbour plan" in text and "Ferry fares" not in text
    assert any(r.rule == "html-chrome" and "Ferry fares" in r.text for r in article.removals)


def _section(sentences: list[str]) -> str:
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in sentences)
    inner = f'<div class="inner"><div class="rich">{paragraphs}</div></div>'
    return f'<section class="block">{inner}</section>'


def test_an_article_in_sibling_sections_is_kept_whole() -> None:
    first = ["The ferry to the island was cancelled again on Monday, the third time this month."]
    second = [
        f"Passengers waited at the pier for {n} hours, and some of them, tired, went home."
        for n in ("two", "three", "four", "five")
    ]
    third = ["The operator said, in a statement, that a new boat would arrive in the spring."]
    teasers = "".join(
        f"<h5><a href='/{n}'>Other story {n}</a></h5><p>A short teaser about story {n}.</p>"
        for n in range(6)
    )
    raw = _page("", (
        "<main>" + _section(first) + _section(second) + _section(third) + "</main>"
        f'<div class="main-wrapper">{teasers}</div>'
    ))
    text = body_text(raw)
    assert "third time this month" in text and "new boat" in text
    assert "went home" in text
    assert "teaser" not in text


def test_prose_sections_beside_the_container_join_it() -> None:
    lead = "The old lighthouse on the point will open to visitors again this summer, at last."
    body = "".join(
        f"<p>Volunteers spent {n} winters repairing the lamp room, the stairs and, in the end, "
        "the keeper's cottage, with money raised in the town.</p>"
        for n in ("two", "three", "four", "five", "six")
    )
    teasers = "".join(
        f"<li><a href='/{n}'>Another story about the harbour and the boats, number {n}, "
        "with a long headline</a></li>" for n in range(5)
    )
    raw = _page("", (
        '<div class="grid"><div class="wrap"><div class="intro">'
        f"<p>{lead} It was closed for ten years.</p><p>{lead} Tickets are free.</p></div></div>"
        f'<div class="col"><div class="story">{body}</div>'
        '<div class="tools"><p>Print</p><p>Email</p></div></div>'
        f'<div class="more"><ul>{teasers}</ul></div></div>'
    ))
    text = body_text(raw)
    assert "closed for ten years" in text and "Tickets are free" in text
    assert "keeper's cottage" in text
    assert "Another story" not in text


@pytest.mark.parametrize("classes", ["row non-paywall", "block hidden-xs", "kb-overflow-hidden",
                                     "section--has-ads", "col hide-for-print", "tip-print-step"])
def test_class_words_of_layout_or_state_are_not_chrome(classes: str) -> None:
    raw = _page("", (
        "<article><h1>Harbour</h1>" + PROSE * 2
        + f'<div class="{classes}"><p>The second half of the story is set apart here, '
        "behind a class that only says how it is shown.</p></div>"
        + PROSE + '<div class="no-print"><p>Print this page</p></div>'
        '<div class="print-header"><p>Printed from harbour.example</p></div></article>'
    ))
    text = body_text(raw)
    assert "second half of the story" in text
    assert "Print this page" not in text and "Printed from" not in text


def test_image_captions_are_dropped_by_name() -> None:
    raw = _page("", (
        "<article><h1>Harbour</h1>" + PROSE * 2
        + "<figure><img src='quay.jpg'><figcaption>The new quay at dawn. Photo: A. Lens"
        "</figcaption></figure>" + PROSE + "</article>"
    ))
    article = clean(raw)
    text = "\n".join(block.text for block in article.body)
    assert "granite" in text and "quay at dawn" not in text
    assert any(r.rule == "html-figcaption" and "quay at dawn" in r.text for r in article.removals)


def test_a_figcaption_holding_the_headline_is_not_a_caption() -> None:
    raw = _page("", (
        "<figure><img src='hero.jpg'><figcaption><small>31.01.2022</small>"
        "<h1>Harbour wall rebuilt</h1></figcaption></figure>"
        "<article>" + PROSE * 3 + "</article>"
    ))
    article = clean(raw)
    assert article.title == "Harbour wall rebuilt"
    assert article.date == dt.date(2022, 1, 31)


def test_a_loading_label_ending_the_container_is_dropped() -> None:
    sentence = "The council met on Tuesday and agreed the harbour plan, after a long debate. "
    raw = _page("", (
        "<article><h1>Harbour plan agreed</h1>" + ("<p>" + sentence * 3 + "</p>") * 3
        + "<h3>Gefällt mir:</h3><p>Liken Lade …</p></article>"
    ))
    article = clean(raw)
    text = "\n".join(block.text for block in article.body)
    assert "Gefällt" not in text and "Lade" not in text and "long debate" in text


def test_a_page_builder_box_named_widget_wrap_is_not_chrome() -> None:
    raw = _page("", (
        "<article><h1>Harbour</h1>" + PROSE * 3
        + '<div class="builder-widget-wrap"><p>Opening hours: daily from nine.</p></div>'
        + PROSE + '<div class="widget"><p>Weather today: sunny</p></div></article>'
    ))
    text = body_text(raw)
    assert "Opening hours" in text
    assert "Weather today" not in text


def test_a_lead_repeating_the_stated_summary_stays_in_the_body() -> None:
    lead = "The town will rebuild its harbour wall in granite, paid for by a levy on every catch."
    raw = _page(f'<meta name="description" content="{lead}">', (
        f"<div class='head'><h1>Harbour wall</h1><p class='lead'>{lead}</p></div>"
        "<div class='region'><div class='story'>" + PROSE * 4 + "</div>"
        "<div class='tools'><p>Print</p></div></div>"
    ))
    article = clean(raw)
    assert article.standfirst == lead
    assert article.body[0].text == lead


def test_a_lead_set_apart_from_the_body_by_a_byline_is_kept() -> None:
    lead = "The harbour wall will be rebuilt in granite, the council decided after a long debate."
    raw = _page("", (
        f"<div class='head'><h1>Harbour wall</h1><p>{lead}</p>"
        "<p><a href='/jane'>Jane Smith</a></p></div>"
        "<div class='region'><div class='story'>" + PROSE * 4 + "</div>"
        "<div class='tools'><p>Print</p></div></div>"
    ))
    article = clean(raw)
    assert article.body[0].text == lead
    assert article.authors == ["Jane Smith"]
    assert all("Jane Smith" not in block.text for block in article.body)


def test_a_stated_headline_nobody_repeats_yields_to_the_title_and_heading() -> None:
    data = {"@type": "Article", "headline": "port town on the northern coast"}
    head = (f'<script type="application/ld+json">{json.dumps(data)}</script>'
            "<title>Harbour Wall - Town Wiki</title>")
    body = "<article><h1>Harbour Wall</h1>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "Harbour Wall"


def test_a_heading_that_is_a_run_of_the_title_is_the_headline() -> None:
    head = '<meta property="og:title" content="Works at the old harbour: Wall rebuilt in granite">'
    body = "<article><h1>Wall rebuilt in granite</h1>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "Wall rebuilt in granite"


def test_the_only_heading_worded_otherwise_than_the_search_title_is_the_headline() -> None:
    head = ('<meta property="og:title" content="Harbour levy: what the town pays">'
            "<title>Harbour levy: what the town pays</title>")
    body = ("<article><h1>Fishing crews fund the new granite quay</h1>" + PROSE * 3
            + "</article>")
    assert clean(_page(head, body)).title == "Fishing crews fund the new granite quay"
    # A second <h1> on the page, or a heading the <title> holds (a site's name),
    # keeps the stated title.
    other = "<h1>Town News today</h1>" + body
    assert clean(_page(head, other)).title == "Harbour levy: what the town pays"
    head = ('<meta property="og:title" content="Harbour levy: what the town pays">'
            "<title>Harbour levy: what the town pays | Town News Online</title>")
    site = "<article><h1>Town News Online</h1>" + PROSE * 3 + "</article>"
    assert clean(_page(head, site)).title == "Harbour levy: what the town pays"


def test_a_kicker_in_the_heading_is_cut_from_the_title() -> None:
    head = '<meta property="og:title" content="Granite wall rebuilt - Works at the harbour">'
    body = ("<article><h1><span class='kicker'>Works at the harbour</span> "
            "<span>Granite wall rebuilt</span></h1>" + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).title == "Granite wall rebuilt"
    # A heading of one element keeps the stated title whole.
    body = ("<article><h1><span>Granite wall rebuilt - Works at the harbour</span></h1>"
            + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).title == "Granite wall rebuilt - Works at the harbour"


def test_the_only_heading_far_above_the_article_is_read_unless_it_is_a_logo() -> None:
    head = ('<meta property="og:title" content="Harbour levy: what the town pays">'
            "<title>Harbour levy: what the town pays</title>")
    items = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(25))
    menu = f"<ul>{items}</ul>"
    article = "<article>" + PROSE * 3 + "</article>"
    heading = "<h1>Fishing crews fund the new granite quay</h1>"
    assert clean(_page(head, heading + menu + article)).title == \
        "Fishing crews fund the new granite quay"
    logo = "<h1><a href='/'>Fishing crews fund the new granite quay</a></h1>"
    assert clean(_page(head, logo + menu + article)).title == "Harbour levy: what the town pays"


def test_a_title_that_is_the_host_name_yields_to_the_heading() -> None:
    # The site's name set to the page's own title cuts all but the host's name.
    head = ('<link rel="canonical" href="https://www.harbourtown.example/news/wall">'
            '<meta property="og:title" content="Wall works | Harbour Town">'
            '<meta property="og:site_name" content="Wall works">')
    body = "<article><h1>Fishing crews pay for the harbour wall works</h1>" + PROSE * 3
    assert clean(_page(head, body + "</article>")).title == \
        "Fishing crews pay for the harbour wall works"


def test_a_heading_cut_short_or_of_one_word_does_not_replace_the_title() -> None:
    head = '<meta property="og:title" content="The Harbour Project: Better Town Walls">'
    for heading in ("Harbour Project:", "Walls"):
        body = f"<article><h2>{heading}</h2>" + PROSE * 3 + "</article>"
        assert clean(_page(head, body)).title == "The Harbour Project: Better Town Walls"


def test_rdfa_property_lists_and_dublin_core_creator_are_read_first() -> None:
    head = ('<meta property="x:title dc:title" content="Harbour wall rebuilt">'
            '<meta name="author" content="Site Owner">'
            '<meta property="dc:creator twitter:site_name" content="Jo Smith">')
    article = clean(_page(head, "<article><h1>Other heading</h1>" + PROSE * 3 + "</article>"))
    assert article.title == "Harbour wall rebuilt"
    assert article.authors == ["Jo Smith"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Jo Smith (avec Al Wu et Bo Li)", ["Jo Smith", "Al Wu", "Bo Li"]),
        ("Jo (Anne) Smith", ["Jo Anne Smith"]),
        ("Jo Smith (Harbour Gazette)", ["Jo Smith"]),
        ("Por Jo Smith @josmith", ["Jo Smith"]),
        ("Jo Smith Alle Artikel", ["Jo Smith"]),
    ],
)
def test_asides_handles_and_link_labels_in_a_byline(byline: str, authors: list[str]) -> None:
    body = f"<article><h1>Harbour</h1><div class='byline'>{byline}</div>" + PROSE * 3 + "</article>"
    assert clean(_page("", body)).authors == authors


def test_an_author_naming_the_site_by_its_address_is_not_a_person() -> None:
    head = '<meta name="author" content="Harbour Gazette (www.gazette.example)">'
    body = "<article><h1>Harbour</h1><p>By Jo Smith</p>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).authors == ["Jo Smith"]


def test_a_byline_anywhere_on_the_page_names_the_authors_when_nothing_else_does() -> None:
    body = ("<div class='wrap'><article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<div class='postinfo'>Gespeichert von rasos am 24. Juli 2017</div>"
            "<form><p>Posted by Someone Else</p></form></div>")
    assert clean(_page("", body)).authors == ["rasos"]


def test_a_byline_in_a_comment_thread_names_nobody() -> None:
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<div class='comments'><p>Posted by Jo Reader on 3 May 2020</p></div>")
    assert clean(_page("", body)).authors == []


@pytest.mark.parametrize(
    ("stated", "host"),
    [("Hanns-Seidel-Stiftung", "www.hss.example"), ("Bund der Energieverbraucher",
                                                    "www.energieverbraucher.example")],
)
def test_an_organisation_named_by_the_sites_address_yields_to_a_byline(stated: str,
                                                                       host: str) -> None:
    head = (f'<link rel="canonical" href="https://{host}/news/1">'
            f'<meta name="author" content="{stated}">')
    body = ("<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<p>Autorin: Uta Staschewski</p></div>")
    assert clean(_page(head, body)).authors == ["Uta Staschewski"]


@pytest.mark.parametrize("stated", ["LN", "dpa"])
def test_an_abbreviation_as_author_yields_to_a_byline(stated: str) -> None:
    head = f'<meta name="author" content="{stated}">'
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 + "<p><em>Von Cosima Künzel</em></p>"
            "</article>")
    assert clean(_page(head, body)).authors == ["Cosima Künzel"]
    assert clean(_page(head, "<article><h1>Harbour</h1>" + PROSE * 3 + "</article>")).authors \
        == [stated]


def test_an_author_given_by_user_name_is_written_as_the_byline_writes_it() -> None:
    head = '<meta name="author" content="gabor_munier">'
    body = ("<article><h1>Harbour</h1><span class='author'>Autor: Gàbor Muniér</span>"
            + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).authors == ["Gàbor Muniér"]


def test_a_first_name_alone_is_not_completed_from_a_bio() -> None:
    head = '<meta name="author" content="Tine">'
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<div class='author-box'>Tine Hi, ich bin Tine und schreibe hier.</div>")
    assert clean(_page(head, body)).authors == ["Tine"]


def test_a_byline_naming_the_stated_author_and_more_people_gives_them_all() -> None:
    data = {"@type": "Article", "headline": "Harbour", "author": {"name": "Rudolf Fischer"}}
    head = (f'<script type="application/ld+json">{json.dumps(data)}</script>'
            '<link rel="canonical" href="https://harbour.example/news/1">')
    body = ("<article><h1>Harbour</h1><div class='author'>von Rudolf Fischer, Simon Kohler</div>"
            + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).authors == ["Rudolf Fischer", "Simon Kohler"]
    site = body.replace("Simon Kohler", "harbour.example")
    assert clean(_page(head, site)).authors == ["Rudolf Fischer"]


def test_a_page_opening_with_a_long_style_block_is_html() -> None:
    style = "<style>\n" + ".box { opacity: 1; margin: 100px auto; }\n" * 1200 + "</style>\n"
    raw = (style + "<!DOCTYPE html><html><head><title>Harbour wall rebuilt</title></head>"
           "<body><article><h1>Harbour wall rebuilt</h1>" + PROSE * 3 + "</article></body></html>")
    assert looks_like_html(raw)
    assert clean(raw.encode()).title == "Harbour wall rebuilt"


def test_a_date_as_a_part_of_the_stated_title_is_cut() -> None:
    head = '<meta property="og:title" content="23.01.2022 - Harbour wall rebuilt in granite">'
    body = "<article><h2>Other</h2>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "Harbour wall rebuilt in granite"


def test_a_time_element_with_the_sites_offset_gives_the_local_day_of_a_utc_stamp() -> None:
    head = '<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">'
    body = ("<article><h1>Harbour</h1><time datetime='2022-05-03T23:37:37-04:00'>3 May</time>"
            + PROSE * 3 + "</article>")
    assert str(clean(_page(head, body)).date)[:10] == "2022-05-03"
    other = body.replace("2022-05-03T23:37:37-04:00", "2022-05-03T21:00:00-04:00")
    assert str(clean(_page(head, other)).date)[:10] == "2022-05-04"


def test_a_page_byline_split_over_elements_or_after_dashes_is_read() -> None:
    tail = "<div class='postmeta'>2. August 2012 <span>By <a href='/u'>jdoe</a></span></div>"
    body = "<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>" + tail + "</div>"
    assert clean(_page("", body)).authors == ["jdoe"]
    dashes = body.replace(tail, "<p><strong>---- by Kenneth Surin</strong></p>")
    assert clean(_page("", dashes)).authors == ["Kenneth Surin"]


def test_the_sites_makers_are_not_the_authors() -> None:
    footer = "<p>© 2008 by Martin Weber Hosted by Example Hosting</p><p>Website by Aqua Design</p>"
    body = "<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>" + footer + "</div>"
    assert clean(_page("", body)).authors == ["Martin Weber"]
    assert clean(_page("", body.replace(footer[:footer.index("<p>W")], ""))).authors == []


@pytest.mark.parametrize(
    ("byline", "authors"),
    [("Ben Silverman Games Editor", ["Ben Silverman"]),
     ("Jo Smith Senior Staff Writer", ["Jo Smith"]),
     ("Mary Ann Smith Editor", ["Mary Ann Smith"])],
)
def test_a_role_and_its_desk_after_a_name_are_cut(byline: str, authors: list[str]) -> None:
    body = f"<article><h1>Harbour</h1><div class='author'>{byline}</div>" + PROSE * 3 + "</article>"
    assert clean(_page("", body)).authors == authors


def test_a_plain_document_title_outranks_a_section_heading() -> None:
    body = "<article><h2>Test case one</h2>" + PROSE * 3 + "</article>"
    head = "<title>Harbour wall rebuilt in granite</title>"
    assert clean(_page(head, body)).title == "Harbour wall rebuilt in granite"
    site = "<title>Harbour News -</title>"
    assert clean(_page(site, body)).title == "Test case one"


def test_a_written_by_line_with_a_colon_names_the_author() -> None:
    body = ("<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<p><em>Written by: Julie Mollins</em></p></div>")
    assert clean(_page("", body)).authors == ["Julie Mollins"]


@pytest.mark.parametrize(
    ("text", "found"),
    [("Posted BY Jo Smith", True), ("WRİTTEN by Jo", True), ("poſted", True),
     ("İby Jo", False), ("ruby on rails", False), ("Ubyte", False), ("", False),
     ("Kommentar von Jo", True), ("TEXT: Jo Smith", True)],
)
def test_a_lower_case_search_finds_what_ignorecase_finds(text: str, found: bool) -> None:
    from scrubnews.htmlmeta import _MARKER, _MARKER_FOLDED

    assert (_MARKER.search(text) is not None) is found
    assert _MARKER_FOLDED.search(text) is found


def test_lower_case_keeps_what_ignorecase_patterns_rely_on() -> None:
    # Every character but three lowers to one character of the same word-ness,
    # and to an ASCII letter exactly when IGNORECASE matches it with that letter.
    import string
    import sys

    from scrubnews.htmlmeta import _Folded

    odd = set(_Folded._ODD)
    chars = [chr(c) for c in range(sys.maxunicode + 1)
             if not 0xD800 <= c < 0xE000 and chr(c) not in odd]
    lowered = [c.lower() for c in chars]
    assert all(len(low) == 1 for low in lowered)
    word = re.compile(r"\w")
    assert [i for i, c in enumerate(chars) if word.match(c)] == [
        i for i, c in enumerate(lowered) if word.match(c)]
    letters = set(string.ascii_lowercase)
    ignorecase = set(re.findall("[a-z]", "".join(chars), re.IGNORECASE))
    assert {c for c, low in zip(chars, lowered, strict=True) if low in letters} == ignorecase
    for c in ignorecase:
        assert re.fullmatch(c.lower(), c, re.IGNORECASE)


def test_author_and_date_attributes_anywhere_on_the_page() -> None:
    body = ("<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<footer><a rel='author external' href='/jo'>Jo Smith</a>"
            "<span property='dc:date'>4 March 2021</span></footer></div>")
    article = clean(_page("", body))
    assert article.authors == ["Jo Smith"]
    assert article.date == dt.date(2021, 3, 4)


@pytest.mark.parametrize("heading", ["Weitere Informationen:", "Zusatzinformationen",
                                     "Explore further"])
def test_a_further_information_heading_ends_the_article(heading: str) -> None:
    tail = ("<p>Contact the harbour office at the town hall on weekdays between nine in the "
            "morning and five in the afternoon for a copy of the plans.</p>")
    body = f"<article><h1>Harbour</h1>{PROSE * 4}<h3>{heading}</h3>{tail}</article>"
    text = "\n".join(block.text for block in clean(_page("", body)).body)
    assert "granite" in text
    assert "harbour office" not in text


def test_the_times_of_a_box_of_other_posts_do_not_date_the_article() -> None:
    related = ("<ul class='related-posts'><li><article><h3>Old news</h3>"
               "<time datetime='2020-12-03T07:32:49'>3 December 2020</time></article></li></ul>")
    body = f"<article><h1>Council approves budget</h1>{_PROSE}</article>{related}"
    assert clean(_page("<title>Council approves budget</title>", body)).date is None
    shown = "<p class='meta'><time datetime='2023-10-31T09:00'>31 October 2023</time></p>"
    body = f"<article><h1>Council approves budget</h1>{shown}{_PROSE}</article>{related}"
    assert clean(_page("", body)).date == dt.datetime(2023, 10, 31, 9, 0)


def test_a_last_edited_line_dates_a_page_dating_itself_nowhere_else() -> None:
    body = (f"<article><h1>Council approves budget</h1>{_PROSE}</article>"
            "<p>Budget (last edited 2019-11-10 13:28:18 by JaneRoe)</p>")
    assert clean(_page("", body)).date == dt.datetime(2019, 11, 10, 13, 28)
    # A publication date written on the page wins over it.
    body += "<div>Posted 18. 05. 2014 22:38</div>"
    assert clean(_page("", body)).date == dt.datetime(2014, 5, 18, 22, 38)


def test_a_date_that_is_a_part_of_the_title_dates_a_page_dating_itself_nowhere_else() -> None:
    head = "<title>08.11.2021 | Council approves budget: Town News</title>"
    body = f"<article><h1>Council approves budget</h1>{_PROSE}</article>"
    article = clean(_page(head, body))
    assert article.date == dt.date(2021, 11, 8)
    assert article.title == "Council approves budget"


def test_a_date_with_slashes_is_read_day_first_on_a_british_english_page() -> None:
    body = (f"<article><h1>Council approves budget</h1><span class='time'>02/10/2020</span>"
            f"{_PROSE}</article>")
    for lang, day in (("en-GB", dt.date(2020, 10, 2)), ("en-US", dt.date(2020, 2, 10)),
                      ("en", dt.date(2020, 2, 10))):
        raw = (f"<html lang='{lang}'><head><title>Council approves budget</title></head>"
               f"<body>{body}</body></html>").encode()
        assert clean(raw).date == day, lang


def test_a_labelled_date_in_the_page_footer_dates_a_page_dating_itself_nowhere_else() -> None:
    article = f"<article><h1>Council approves budget</h1>{_PROSE}</article>"
    footer = ("<footer>Letzte Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023 "
              "© Town News</footer>")
    assert clean(_page("", article + footer)).date == dt.date(2023, 11, 1)
    footer = "<footer>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</footer>"
    assert clean(_page("", article + footer)).date == dt.datetime(2020, 1, 29, 13, 22)
    # A date in the footer with no label is not the article's.
    footer = "<footer>Town News 02.01.2020 Imprint</footer>"
    assert clean(_page("", article + footer)).date is None


def test_the_pages_heading_counts_though_the_article_holds_many_headings() -> None:
    sections = "".join(f"<h2>Step {n} of the works</h2>{PROSE}" for n in range(10))
    body = f"<header><h1>Harbour wall rebuilt</h1></header><article>{sections}</article>"
    head = "<title>Harbour wall rebuilt - townblog</title>"
    assert clean(_page(head, body)).title == "Harbour wall rebuilt"


def test_of_headings_repeating_parts_of_the_title_the_closest_names_the_article() -> None:
    head = "<title>Small sheep lore | Maescot the Sheep – Webcomic</title>"
    body = ("<header><h1>Maescot the Sheep – Webcomic</h1></header>"
            "<article><h1>Small sheep lore</h1>" + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).title == "Small sheep lore"


def test_a_heading_repeating_the_titles_last_parts_leaves_the_first_as_headline() -> None:
    head = "<title>Enchufla Figures - Salsa Figures - Rueda in Berlin</title>"
    body = ("<header><h1>Salsa Figures - Rueda in Berlin</h1></header>"
            "<article>" + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).title == "Enchufla Figures"


def test_an_h3_repeating_the_titles_first_part_outranks_the_site_name() -> None:
    head = ('<link rel="canonical" href="https://www.townblog.example/?p=2895">'
            "<title>Harbour wall rebuilt in granite : Townblog | Notes on the town"
            " | Since 2005</title>")
    body = ("<header><h1>Townblog</h1></header><article>"
            "<h3>Harbour wall rebuilt in granite</h3>" + PROSE * 3 + "</article>")
    assert clean(_page(head, body)).title == "Harbour wall rebuilt in granite"
    head = "<title>Harbour wall rebuilt in granite - Harbour Championships Town 2022</title>"
    body = "<article><h3>Harbour wall rebuilt in granite</h3>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "Harbour wall rebuilt in granite"


def test_a_heading_rewording_the_one_title_stated_for_machines_is_the_headline() -> None:
    said = "Harbour levy: town pays for granite quay"
    shown = "The town pays a harbour levy for the new granite quay"
    body = f"<article><h1>{shown}</h1>" + PROSE * 3 + "</article>"
    head = (f'<meta property="og:title" content="{said}">'
            f'<meta name="twitter:title" content="{said}"><title>{said} › Town News</title>')
    assert clean(_page(head, body)).title == shown
    # A social title worded otherwise: the page states more than one title, and
    # the stated one stays.
    social = ('<meta name="twitter:title" content="Fishing crews fund the quay">'
              f'<meta property="og:title" content="{said}"><title>{said} | Town News</title>')
    assert clean(_page(social, body)).title == said
    # A heading holding the title whole, with a kicker or a soft hyphen, is no rewording.
    for kicked in (f"Works at the harbour {said}", said.replace("granite", "gra&shy;nite")):
        body = f"<article><h1>{kicked}</h1>" + PROSE * 3 + "</article>"
        assert clean(_page(head, body)).title == said


def test_an_update_at_the_article_start_yields_to_the_publication_date_beside_it() -> None:
    head = '<meta property="article:published_time" content="2019-09-26T11:43:53+02:00">'
    body = ("<article><h1>Council approves budget</h1>"
            "<p>26 September 2019 Jane Roe Leave a comment</p>"
            f"<div class='entry'><p>Updated on 19.02.2020</p>{_PROSE}</div></article>")
    assert clean(_page(head, body)).date == dt.datetime(2019, 9, 26, 11, 43)
    # Alone at the article's start, the update dates it.
    body = body.replace("<p>26 September 2019 Jane Roe Leave a comment</p>", "")
    assert clean(_page(head, body)).date == dt.date(2020, 2, 19)


def test_the_sites_name_glued_to_the_title_without_spaces_is_cut() -> None:
    head = ('<meta property="og:site_name" content="NEWS WEB EASY">'
            '<meta property="og:title" content="NEWS WEB EASY|港の壁を直す">')
    body = "<article><h2>ニュース</h2>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).title == "港の壁を直す"


@pytest.mark.parametrize("kind", ["Recipe", "HowTo"])
def test_the_author_of_a_recipe_or_how_to_is_the_pages_author(kind: str) -> None:
    data = {"@type": kind, "name": "Harbour cake", "author": {"@type": "Person",
                                                              "name": "jesusfreak"}}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert clean(_page(head, "<article><h1>Harbour cake</h1>" + PROSE * 3 + "</article>")
                 ).authors == ["jesusfreak"]


def test_a_share_widgets_author_name_meta_names_the_author() -> None:
    head = '<meta name="shareaholic:article_author_name" content="Wolfgang Michal">'
    assert clean(_page(head, "<article>" + PROSE * 3 + "</article>")).authors \
        == ["Wolfgang Michal"]


def test_an_interview_byline_names_both_people() -> None:
    body = ("<article><h1>Harbour</h1><p class='author'>Richard David Precht im Gespräch mit "
            "Karin Fischer</p>" + PROSE * 3 + "</article>")
    assert clean(_page("", body)).authors == ["Richard David Precht", "Karin Fischer"]


def test_an_authors_line_anywhere_names_every_author() -> None:
    body = ("<div><article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
            "<p>Autoren Jelko Djuren und Jutta Klaukien</p></div>")
    assert clean(_page("", body)).authors == ["Jelko Djuren", "Jutta Klaukien"]


def test_a_posts_category_named_comment_is_no_comment_thread() -> None:
    body = ("<div class='post category-der-kommentar tag-reply'><h1>Harbour</h1>"
            "<div class='meta'>By <a href='/author/oradmin/' rel='author'>oradmin</a></div>"
            + PROSE * 3 + "</div>")
    assert clean(_page("", body)).authors == ["oradmin"]


@pytest.mark.parametrize(
    ("href", "text"),
    [("/reporters/jose-de-la-cruz", "Jose de la Cruz"), ("/author/martin", "Martin Junker"),
     ("https://news.example/about/newsteam/jr-stone", "J.R. Stone")],
)
def test_a_link_to_an_authors_page_that_spells_the_name_names_the_author(href: str,
                                                                        text: str) -> None:
    body = ("<article><h1>Harbour</h1>" + PROSE * 3 + f"<div><a href='{href}'>{text}</a></div>"
            "<div><a href='/author/martin'>Alle Artikel</a></div></article>")
    assert clean(_page("", body)).authors == [text]


def test_a_link_to_an_authors_page_with_another_name_names_nobody() -> None:
    body = ("<article><h1>Harbour</h1>" + PROSE * 3
            + "<div><a href='/author/jdoe'>Harbour Gazette</a></div></article>")
    assert clean(_page("", body)).authors == []


@pytest.mark.parametrize(
    "stated", ["deinen Hochzeitsbloggern", "Landesanstalt für Wald und Forst - LWF",
               "Jo Roe - Al Wu"],
)
def test_a_stated_author_that_is_no_person_yields_to_a_byline(stated: str) -> None:
    head = f'<meta name="author" content="{stated}">'
    body = ("<article><h1>Harbour</h1>" + PROSE * 3
            + "<p><span itemprop='author'>Samuel Diekmann</span></p></article>")
    assert clean(_page(head, body)).authors == ["Samuel Diekmann"]
    body = "<article><h1>Harbour</h1>" + PROSE * 3 + "</article>"
    assert clean(_page(head, body)).authors != []


def _lead_page(lead: str, head: str = "", headline: str = "<h1>Harbour wall</h1>") -> bytes:
    return _page(head, (
        f"<div class='head'>{headline}{lead}<p>3. Mai 2021</p></div>"
        "<div class='region'><div class='story'>" + PROSE * 4 + "</div>"
        "<div class='tools'><p>Print</p></div></div>"
    ))


def test_a_lead_in_summary_points_is_kept() -> None:
    point = "The harbour wall will be rebuilt in granite, the council decided after a long debate."
    article = clean(_lead_page(f"<ul><li>{point}</li></ul>"))
    assert article.body[0].text == point


def test_a_lead_set_as_a_subheading_is_kept_unless_the_page_states_it_as_its_summary() -> None:
    lead = ("The harbour wall will be rebuilt in granite, the council decided on Tuesday "
            "after a long and heated debate about the cost.")
    article = clean(_lead_page(f"<h2>{lead}</h2>"))
    assert article.body[0].text == lead
    article = clean(_lead_page(f"<h2>{lead}</h2>", f'<meta name="description" content="{lead}">'))
    assert article.standfirst == lead
    assert all(block.text != lead for block in article.body)


def test_a_long_lead_without_a_final_stop_is_kept() -> None:
    lead = ("The harbour wall will be rebuilt in granite as the council decided on Tuesday "
            "after a long debate about its cost")
    article = clean(_lead_page(f"<p>{lead}</p>"))
    assert lead in [block.text for block in article.body]


def test_a_lead_under_an_h2_headline_on_a_page_without_h1_is_kept() -> None:
    lead = "The harbour wall will be rebuilt in granite, the council decided after a long debate."
    article = clean(_lead_page(f"<p>{lead}</p>", headline="<h2>Work starts on the harbour</h2>"))
    assert lead in [block.text for block in article.body]


def test_a_teaser_box_of_prose_without_links_is_the_articles_lead() -> None:
    lead = ("The harbour wall will be rebuilt in granite, the council decided on Tuesday "
            "after a long debate about its cost and its look.")
    raw = _page("", (
        "<article><h1>Harbour wall</h1>"
        f"<div class='article-teaser'><p>{lead}</p></div>" + PROSE * 4
        + "<div class='teaser'><p>Read about the ferry timetable, which changes in the winter "
        "for the first time in years: <a href='/ferry'>ferry timetable</a></p></div></article>"
    ))
    text = body_text(raw)
    assert lead in text
    assert "ferry timetable" not in text
