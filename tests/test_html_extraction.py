"""HTML pages: the article body as text with heading spans, title, date and authors from the page."""

import gzip
import hashlib
import json

from wirecoder.eval.naeb import bag_of_words_prf, evaluate, split_authors
from wirecoder.ingest import Input, prepare
from wirecoder.settings import Settings

from conftest import assert_spans_ok

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministry accuses neighbour of border shelling | Northern Press Agency</title>
<meta property="og:site_name" content="Northern Press Agency">
<meta property="og:title" content="Ministry accuses neighbour of border shelling">
<meta name="author" content="Anna Korsak; Piotr Wendt">
<meta property="article:published_time" content="2024-09-29T10:15:00+03:00">
</head><body>
<header><a href="/">All news</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></header>
<main><article>
<h1>Ministry accuses neighbour of border shelling</h1>
<p>VALDORIA, September 29. /NPA/. The foreign ministry of Valdoria on Sunday accused the
neighbouring republic of shelling three border villages overnight, a spokeswoman said.</p>
<p>&ldquo;This is a gross violation of the truce,&rdquo; spokeswoman Maria Ostrova told reporters,
adding that the other side &ldquo;has not yet fulfilled&rdquo; its obligations.</p>
<h2>Talks in doubt</h2>
<p>Mediators said they still hoped the talks planned for October would go ahead.</p>
<ul><li>Two houses were damaged in Pelsk.</li><li>No casualties were reported.</li></ul>
<h2>Earlier incidents</h2>
<p>The ministry said similar attacks had been recorded in August.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Cup final</a></li></ul></aside>
<footer>&copy; 2024 Northern Press Agency. All rights reserved.</footer>
</body></html>
"""


def page_record(html=PAGE, **kwargs):
    return prepare(Input(id="p", source="page.html", html=html, input_format="html", **kwargs), Settings())


def test_body_text_without_navigation_or_footer():
    rec = page_record()
    assert rec.text.startswith("VALDORIA, September 29. /NPA/. The foreign ministry")
    assert "Sign in" not in rec.text and "All rights reserved" not in rec.text and "Most read" not in rec.text
    assert "\u201chas not yet fulfilled\u201d" in rec.text
    assert_spans_ok(rec)


def test_headings_are_spans_of_the_text():
    rec = page_record()
    assert [h.text for h in rec.headings] == ["Talks in doubt", "Earlier incidents"]
    for h in rec.headings:
        assert rec.text[h.start:h.end] == h.text
        assert rec.text[h.end:h.end + 2] == "\n\n"  # a heading is a line of its own
    # The headline repeats the title: it is in record.title, not in the text.
    assert rec.title == "Ministry accuses neighbour of border shelling"
    assert not rec.text.startswith("Ministry accuses")


def test_paragraphs_and_list_items_are_lines():
    rec = page_record()
    # Line breaks inside a <p> are white space; paragraphs are parted by a blank line.
    assert "shelling three border villages overnight, a spokeswoman said.\n\n\u201cThis is" in rec.text
    assert "Two houses were damaged in Pelsk.\nNo casualties were reported." in rec.text


def test_metadata_from_the_page():
    rec = page_record()
    assert rec.published == "2024-09-29"
    assert rec.reference_date == "2024-09-29"
    assert rec.authors == ["Anna Korsak", "Piotr Wendt"]
    assert rec.input_format == "html"


def test_date_given_with_the_input_wins_over_the_page():
    rec = page_record(date="2024-10-01")
    assert rec.reference_date == "2024-10-01" and rec.published == "2024-09-29"


def test_site_name_is_cut_from_the_title():
    html = PAGE.replace('<meta property="og:title" content="Ministry accuses neighbour of border shelling">', "")
    html = html.replace("<h1>Ministry accuses neighbour of border shelling</h1>", "")
    rec = page_record(html)
    assert rec.title == "Ministry accuses neighbour of border shelling"


def test_copyright_year_is_not_a_publication_date():
    html = ("<html><body><article><p>" + "Rescuers said the flood waters were receding on Friday. " * 5 +
            "</p></article><footer>Copyright 2023 Example Media</footer></body></html>")
    rec = page_record(html)
    assert rec.published is None and rec.reference_date is None


def test_bag_of_words_scores():
    p, r, f = bag_of_words_prf("the army said the army", "the army said")
    assert (round(p, 2), round(r, 2)) == (0.6, 1.0)
    assert round(f, 3) == 0.75
    assert bag_of_words_prf("", "some words") == (0.0, 0.0, 0.0)
    assert split_authors("RALPH D. RUSSO, BOB FERRANTE and Ann Lee") == ["RALPH D. RUSSO", "BOB FERRANTE", "Ann Lee"]


def test_naeb_eval_on_a_small_folder(tmp_path):
    # Two pages of our own in the NAEB layout: the extraction must score well on them.
    url1, url2 = "https://example.org/one", "https://example.org/two"
    (tmp_path / "html").mkdir()
    for url, html in ((url1, PAGE), (url2, PAGE.replace("Sunday", "Monday"))):
        name = hashlib.md5(url.encode()).hexdigest()
        (tmp_path / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html.encode()))
    gold_body = page_record().text
    articles = {
        hashlib.md5(u.encode()).hexdigest(): {
            "id": i, "url": u, "title": "Ministry accuses neighbour of border shelling",
            "authors": "Anna Korsak, Piotr Wendt", "date": "2024-09-29", "articleBody": gold_body, "site": "x"}
        for i, u in enumerate((url1, url2, "https://example.org/missing"), 1)
    }
    (tmp_path / "articles.json").write_text(json.dumps(articles))
    result = evaluate(tmp_path, progress=False)
    assert result["pages_scored"] == 2 and result["pages_missing"] == 1
    assert result["body_f1"] > 0.98 and result["body_recall"] > 0.98  # page two differs by a word
    assert result["title_exact"] == 1.0 and result["date_match"] == 1.0 and result["authors_match"] == 1.0


def test_naeb_extraction_quality(shared):
    result = evaluate(shared / "data" / "naeb", limit=25, progress=False)
    assert result["pages_scored"] >= 23
    assert result["body_f1"] > 0.8
    assert result["title_normalised"] > 0.6
