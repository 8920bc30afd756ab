"""The headline model: weights load, features line up, sensible picks."""

from __future__ import annotations

import scrubnews
from scrubnews import headline
from scrubnews.segment import Line


def test_weights_cover_every_feature() -> None:
    assert len(headline.weights()) == len(headline.FEATURES)
    assert any(w != 0.0 for w in headline.weights())


def test_features_line_up_with_names() -> None:
    line = Line(3, "Council approves new budget", "h", 1)
    ctx = headline.context([line], [])
    cand = headline.Candidate(line, -1, True, False)
    assert len(headline.features(cand, True, ctx)) == len(headline.FEATURES)


def test_heading_above_byline_beats_navigation() -> None:
    page = (
        "Home\n\nNews\n\nSport\n\nWeather\n\nLatest headlines\n\n"
        "River clean-up draws hundreds of volunteers\n\n"
        "By Sam Jones\n\n12 May 2021\n\n"
        + "Hundreds of volunteers spent Saturday pulling rubbish out of the river, "
        "from shopping trolleys to a motorbike, in the biggest clean-up the town has seen.\n\n" * 3
    )
    article = scrubnews.clean(page.encode())
    assert article.title == "River clean-up draws hundreds of volunteers"
    assert article.authors == ["Sam Jones"]


def test_html2text_heading_is_preferred() -> None:
    page = (
        "* Home\n* News\n\nSubscribe to our newsletter today\n\n"
        "# Town hall roof repaired at last\n\n"
        + "The roof of the town hall, which has leaked for a decade, was finally repaired "
        "this week at a cost of half a million pounds, the council said on Friday.\n\n" * 3
    )
    assert scrubnews.clean(page.encode()).title == "Town hall roof repaired at last"
