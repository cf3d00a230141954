"""Regenerate the sample corpus (text/ and html/) from sources/*.yaml.

The text version is what a scraper leaves: page debris on top, headline,
article, page furniture at the bottom. The HTML version is the same article
as a news page (nav, header, <article>, share bar, footer) with meta tags.

    python src/wirecoder/samples/build_samples.py
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import yaml

HERE = Path(__file__).parent
NBSP = "\u00a0"


def load(path: Path) -> dict:
    src = yaml.safe_load(path.read_text(encoding="utf-8"))
    src["slug"] = path.stem
    blocks = [b.strip().replace("{nbsp}", NBSP) for b in src["body"].strip().split("\n\n")]
    src["blocks"] = [("h2", b[3:]) if b.startswith("## ") else ("p", b) for b in blocks]
    return src


def to_text(src: dict) -> str:
    lines = list(src.get("text_top") or [])
    lines.append(src["title"])
    if src.get("text_standfirst") and src.get("standfirst"):
        lines.append(src["standfirst"])
    head = "\n".join(lines)
    body = src["para_sep"].join(text for _, text in src["blocks"])
    tail = "\n".join(src.get("text_bottom") or [])
    return head + src["para_sep"] + body + ("\n" + tail if tail else "") + "\n"


def to_html(src: dict) -> str:
    e = html.escape
    site, title, published = src["site"], src["title"], src["published"]
    when = datetime.fromisoformat(published.replace("Z", "+00:00"))
    human = when.strftime("%B %-d, %Y %H:%M")
    url = f"https://{src['domain']}/{src['section']}/{src['slug']}"
    author = src.get("author") or ""
    body = "\n".join(f"      <{tag}>{e(text, quote=False)}</{tag}>" for tag, text in src["blocks"])
    tags = "".join(f'<li><a href="/tags/{e(t.lower().replace(" ", "-"))}">{e(t)}</a></li>' for t in src.get("tags", []))
    standfirst = f'\n    <p class="standfirst">{e(src["standfirst"])}</p>' if src.get("standfirst") else ""
    byline = f'By <a rel="author" class="author" href="/authors/{e(author.lower().replace(" ", "-"))}">{e(author)}</a> · ' if author else ""
    author_meta = f'\n  <meta name="author" content="{e(author)}">' if author else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(title)} | {e(site)}</title>
  <meta name="description" content="{e(src.get('standfirst') or title)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{e(site)}">
  <meta property="og:title" content="{e(title)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{published}">
  <meta property="article:section" content="{e(src['section'].replace('-', ' ').title())}">{author_meta}
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <div class="cookie-banner" role="dialog">We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies. <button>Accept</button></div>
  <header class="site-header">
    <a class="logo" href="/">{e(site)}</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/all-news">All news</a></li>
        <li><a href="/politics">Politics</a></li>
        <li><a href="/world">World</a></li>
        <li><a href="/economy">Economy</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/subscribe">Subscribe</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article>
    <h1>{e(title)}</h1>{standfirst}
    <div class="byline">{byline}<time datetime="{published}">{human}</time></div>
    <div class="article-body">
{body}
    </div>
    <div class="share-bar"><span>Share</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a> <a href="#">Copy link</a></div>
    <ul class="tags">{tags}</ul>
    </article>
    <aside class="related">
      <h3>Read more</h3>
      <ul>
        <li><a href="/world/1">Markets steady ahead of central bank decision</a></li>
        <li><a href="/world/2">Weather service warns of storms along the coast</a></li>
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>© {when.year} {e(site)}. All rights reserved.</p>
    <p><a href="/about">About us</a> · <a href="/privacy">Privacy policy</a> · <a href="/contact">Contact</a> · <a href="/rss">RSS</a></p>
    <p>Follow us on Telegram</p>
  </footer>
</body>
</html>
"""


def main() -> None:
    for path in sorted((HERE / "sources").glob("*.yaml")):
        src = load(path)
        (HERE / "text" / f"{src['slug']}.txt").write_text(to_text(src), encoding="utf-8")
        (HERE / "html" / f"{src['slug']}.html").write_text(to_html(src), encoding="utf-8")


if __name__ == "__main__":
    main()
