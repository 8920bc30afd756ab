"""The headline model: trees load, features line up, training matches, sensible picks."""

from __future__ import annotations

import math
import random

import scrubnews
from scrubnews import headline, linemodel
from scrubnews.segment import Line

from .conftest import load_script


def test_model_reads_every_feature_it_was_trained_on() -> None:
    model = headline.model()
    used = {f for tree in model.trees for f in tree[0] if f >= 0}
    assert used and max(used) < len(headline.FEATURES)
    assert len(model.trees) > 1


def test_trained_trees_pick_what_scikit_learn_picks() -> None:
    """The trees the script writes rank candidates as the fitted model does."""
    script = load_script("train_headline")
    rng = random.Random(3)
    width = len(headline.FEATURES)
    rows = []
    for doc in range(120):
        feats = [[rng.uniform(0.0, 1.0) for _ in range(width)] for _ in range(8)]
        target = rng.randrange(8)
        feats[target][7] = 1.0  # the headline is the one h1 ...
        feats[target][11] = 2.0 + rng.uniform(0.0, 0.5)  # ... and a few words long
        labels = [int(i == target) for i in range(8)]
        rows.append(("trafilatura", str(doc), feats, labels))
    fitted = script.fit(rows)
    assert script.accuracy(rows, fitted) == 1.0
    export = load_script("train_line_model")._export
    forest = linemodel.forest_from_dict(export(fitted, rows[0][2]))
    for _set, _id, feats, labels in rows[:20]:
        scores = forest.scores([list(column) for column in zip(*feats, strict=True)])
        assert labels[max(range(len(scores)), key=scores.__getitem__)] == 1
        sk = fitted.decision_function(feats)
        assert all(math.isclose(a, b, abs_tol=1e-3) for a, b in zip(scores, sk, strict=True))


def test_folds_keep_every_dump_of_a_page_together() -> None:
    script = load_script("train_headline")
    rows = [(s, str(i), [[0.0]], [1]) for s in ("readability", "trafilatura") for i in range(7)]
    rows += rows  # a second dump of every page
    for train, test in script.folds(rows):
        assert {r[:2] for r in train}.isdisjoint({r[:2] for r in test})
        assert len(train) + len(test) == len(rows)


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


def _feature(text: str, name: str) -> float:
    line = Line(3, text)
    ctx = headline.context([line], [])
    values = headline.features(headline.Candidate(line, -1, False, False), False, ctx)
    return values[headline.FEATURES.index(name)]


def test_captions_tag_lists_and_labels_are_told_apart() -> None:
    assert _feature("Foto: Anita Berg", "credit") == 1.0
    assert _feature("Photograph by Ed Marsh, Island Trust", "credit") == 1.0
    assert _feature("Penguins on the ice last February. EFE", "credit") == 1.0
    assert _feature("River clean-up draws hundreds of volunteers", "credit") == 0.0
    assert _feature("amiga, dogs, floppy, Hunde, Hundeleben", "comma_list") == 1.0
    assert _feature("Themen: Astronomie Physik", "label") == 1.0
    assert _feature("Veröffentlicht von Jana Weber", "byline") == 1.0


def test_a_captions_credit_never_beats_the_headline() -> None:
    page = (
        "Home\n\nNews\n\nWorkers to get notice in coming weeks\n\n"
        "Office workers leave the building on Monday (Credit: Town Photos)\n\n"
        + "More than four thousand workers are expected to receive notice in the coming "
        "weeks, the company said in an email to its staff on Monday morning.\n\n" * 3
    )
    article = scrubnews.clean(page.encode())
    assert article.title == "Workers to get notice in coming weeks"
    assert "Credit" not in article.to_markdown().split("\n---\n", 1)[1]
    assert any(r.rule == "head-caption" for r in article.removals)


def _neighbour_features(prev: str, text: str, after: str) -> dict[str, float]:
    line = Line(5, text)
    ctx = headline.context([line], [])
    cand = headline.Candidate(line, -2, False, False, Line(4, prev), Line(6, after))
    return dict(zip(headline.FEATURES, headline.features(cand, False, ctx), strict=True))


def test_neighbouring_lines_are_features() -> None:
    dated = _neighbour_features(
        "Police", "Dog chases burglars away", "Town Press 1 November 2023 Main Street, Police"
    )
    assert dated["next_dated"] == 1.0
    assert dated["after_prose"] == 0.0
    assert dated["before_prose"] == 0.0
    prose = " ".join(["word"] * 20)
    between = _neighbour_features(prose, "Dog chases burglars away", prose)
    assert between["next_dated"] == 0.0
    assert between["after_prose"] == 1.0
    assert between["before_prose"] == 1.0


def test_headline_above_a_long_menu_is_found() -> None:
    names = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron"
    menu = "".join(f"Section {name}\n\nPart {name}\n\n" for name in names.split())
    page = (
        "Home\n\nRiver clean-up draws hundreds of volunteers\n\n"
        + menu
        + "Hundreds of volunteers spent Saturday pulling rubbish out of the river, from "
        "shopping trolleys to a motorbike, in the biggest clean-up the town has seen.\n\n" * 4
    )
    article = scrubnews.clean(page.encode())
    assert article.title == "River clean-up draws hundreds of volunteers"
    assert not any("River clean-up" in block.text for block in article.body)


def test_a_line_listed_twice_is_not_repeated_on_the_page() -> None:
    line = Line(4, "Council approves new budget")
    other = Line(9, "Council approves new budget")
    once = headline.context([line, line], [])
    twice = headline.context([line, other], [])
    cand = headline.Candidate(line, -1, False, False)
    index = headline.FEATURES.index("repeated")
    assert headline.features(cand, False, once)[index] == 0.0
    assert headline.features(cand, False, twice)[index] == 1.0


def test_a_breadcrumb_trail_taken_as_headline_gives_its_last_step() -> None:
    from scrubnews.boilerplate import Sorted
    from scrubnews.structure import last_crumb, structure

    assert last_crumb("Sie sind hier: Startseite » Essen » Essen-Westviertel") == (
        "Essen-Westviertel"
    )
    assert last_crumb("Home » Workwear • Tools » Heated jackets from Bosch") == (
        "Heated jackets from Bosch"
    )
    assert last_crumb("Home / News / River clean-up: what volunteers found") == (
        "River clean-up: what volunteers found"
    )
    # No root, but a trail of guillemets.
    assert last_crumb("Themen » Kindheit und Arbeit » Kinder und Arbeit") == "Kinder und Arbeit"
    # No root, no trail: a title with a separator stays whole.
    assert last_crumb("Politics / Europe: a new treaty") == "Politics / Europe: a new treaty"
    assert last_crumb("Homeward bound » the long way") == "Homeward bound » the long way"

    text = (
        "Hundreds of volunteers spent Saturday pulling rubbish out of the river, from "
        "shopping trolleys to a motorbike, in the biggest clean-up the town has seen."
    )
    trail = Line(2, "Home » News » River clean-up draws hundreds", kind="h", level=1)
    body = [Line(4 + 2 * i, text) for i in range(4)]
    assert structure(Sorted(body=body, before=[trail])).title == "River clean-up draws hundreds"


def test_body_words_are_the_long_word_runs_of_the_body() -> None:
    """The context counts only words of four characters or more, the same runs ``\\w+``
    finds; a candidate's long word is never shortened below four by casefolding."""
    import re
    import sys
    from collections import Counter

    from scrubnews.headline import context

    text = "Die Straße, der Fluß; über_all 42 12345 a-bcd efgh.ijkl ÉCOLE ﬁnal 東京都庁"
    ctx = context([], [Line(1, text), Line(2, "Straße again, ÉCOLE")])
    every = Counter(re.findall(r"\w+", (text + " Straße again, ÉCOLE").casefold()))
    assert ctx.body_words == Counter({w: n for w, n in every.items() if len(w) > 3})
    assert ctx.body_words["strasse"] == 2
    assert all(len(chr(code).casefold()) >= 1 for code in range(sys.maxunicode + 1))


def test_menu_neighbours_crumb_ends_and_list_steps_are_features() -> None:
    menu = _neighbour_features("Kultur >", "2. Dog chases burglars away", "Teilen")
    assert menu["after_separator"] == 1.0
    assert menu["list_step"] == 0.0
    step = _neighbour_features("1. Home", "2. Dog chases burglars away", "Teilen")
    assert step["list_step"] == 1.0
    assert step["after_separator"] == 0.0
    teaser = _neighbour_features("News", "Dog chases burglars away and more…", "Teilen")
    assert teaser["ellipsis"] == 1.0


def test_short_lines_around_and_words_below_a_candidate() -> None:
    texts = [
        "Home", "News", "Sport", "Dog chases burglars away", "Jane Roy",
        "A dog chased two burglars out of a house in the town centre on Monday night.",
    ]
    lines = [Line(n, text) for n, text in enumerate(texts, start=1)]
    found = {c.line.text: c for c in headline.candidates(lines[:5], lines[5:], set())}
    cand = found["Dog chases burglars away"]
    assert cand.short_around == 4
    assert cand.next_max == 16


def test_the_reported_title_drops_a_list_number_and_whole_line_emphasis() -> None:
    from scrubnews.structure import reported_title

    assert reported_title("3. Dog chases burglars away", "2. News") == "Dog chases burglars away"
    assert reported_title("3. Dog chases burglars away", "News") == "3. Dog chases burglars away"
    assert reported_title("_Dog chases burglars away_") == "Dog chases burglars away"
    assert reported_title("**Dog chases burglars away**") == "Dog chases burglars away"
    assert reported_title("_Dog_ chases burglars _away_") == "_Dog_ chases burglars _away_"


def test_a_numbered_breadcrumb_step_is_reported_without_its_number() -> None:
    page = (
        "1. Home\n\n2. News\n\n3. Dog chases burglars away from a farmhouse\n\n"
        "By Jane Roy | 5 July 2012\n\n"
        + "A dog chased two burglars out of a farmhouse near the town on Monday night, "
        "the police said, and the men ran off across the fields without their bags.\n\n" * 3
    )
    article = scrubnews.clean(page.encode())
    assert article.title == "Dog chases burglars away from a farmhouse"


def test_a_repeated_label_above_the_headline_is_no_byline() -> None:
    from scrubnews.structure import _name_near

    label, title = Line(3, "Filmbüro Göttingen"), Line(4, "Hollywood an der Leine")
    copy = Line(30, "Filmbüro Göttingen")
    assert _name_near([label, title], [title], [label, title, copy]) == []
    assert _name_near([label, title], [title], [label, title]) == ["Filmbüro Göttingen"]
