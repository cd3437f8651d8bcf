"""HTML extraction on real pages with gold output: ours beside trafilatura and readability-lxml.

Run: python benchmarks/extraction.py [--corpus PATH] [--limit N] [--only ours|all]
                                     [--corpora scrapinghub,fundus,trafilatura,readability-tests]
                                     [--worst K]

Reads the development corpora described in `../shared/corpus/README.md` (beside the
checkout; never copied into the repository). Every page is read by the three extractors
in this one process, one after the other, so that the timings compare. Each corpus is
split in two halves by a hash of the page's file name ("tune" and "check"): a rule that
helps one half and hurts the other is fitted to pages, not to the web. Printed per corpus
and per half:

- scrapinghub/: body precision, recall and F1 on token 4-shingles, as the scrapinghub
  article-extraction-benchmark's `evaluate.py` computes them (P and R averaged over pages,
  F1 of the averages);
- fundus/: the same body F1 against the gold paragraphs and headlines; section-heading
  recall; lede recall, and lede precision (of the ledes we give, those that are the gold
  summary or text of the story, not UI text); caption and credit recall, and our captions
  that still hold a credit;
- trafilatura/: snippet precision, recall, F1 and accuracy, as upstream's
  `tests/eval_common.py` (case-sensitive substrings after whitespace folding);
- readability-tests: the same body F1 on the test pages of Mozilla's Readability.js (news,
  blogs, wikis, documentation, CJK portals, Tumblr, Medium …), the text of each page's
  `expected.html` as gold. They come with go-readability from the Go module proxy
  (`go mod download`, pinned below), so that pages of many kinds that no rule here was
  written for are measured too. Pages under 10 KB are Readability's unit tests of one
  feature, not pages, and are left out;
- blockquotes kept: every outermost `<blockquote>` of a page whose words are in the gold
  body, found by ours as a `blockquote` block (the peers: its words found in their text);
- pages where ours is below 0.5 F1 while a peer is above 0.9;
- milliseconds a page (median, p90, slowest), decompression excluded, and our median as a
  ratio of trafilatura's. They are CPU time of the reading thread (`time.thread_time`),
  the same clock for all three, so that other work on a shared machine does not count;
- the targets of issue 13, PASS or FAIL, per corpus and half.

Texts are compared in Unicode's composed form (NFC), gold and output alike.

The peers are called as their benchmarks call them: `trafilatura.extract(html,
include_comments=False, include_tables=True)` (its "standard" setting) and
readability-lxml's `Document(html).summary()` turned into text. `--limit N` takes the first
N pages of each corpus; `--only ours` skips the peers while tuning.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import logging
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuinews.model import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPORA = ("scrapinghub", "fundus", "trafilatura", "readability-tests")
HALVES = ("tune", "check")
PEERS = ("trafilatura", "readability")
EXTRACTORS = ("ours", *PEERS)

TARGET_HEADLINE_RECALL = 0.95
TARGET_BLOCKQUOTES = 0.95
TARGET_CAPTION_RECALL = 0.90
TARGET_LEDE_PRECISION = 0.90
TARGET_MEDIAN_RATIO = 0.75
TARGET_SLOWEST_MS = 250.0
LOW_F1, PEER_HIGH_F1 = 0.5, 0.9
TEXT_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr")

MATCH_F1 = 0.8  # token F1 at which a lede or caption counts as found
LENGTH_RATIO = 0.8  # shorter/longer length at which containment counts as a match

FromHtml = Callable[[bytes, str | None], Article]


# --- The scrapinghub metric, as article-extraction-benchmark/evaluate.py computes it -------

SHINGLE_N = 4
_BENCH_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

TpFpFn = tuple[float, float, float]


def nfc(text: str | None) -> str:
    """The text in Unicode's composed form. Every comparison below is made so: the gold
    texts hold both forms (fundus's "Südtiroler" with a combining diaeresis, the snippets'
    composed Bengali), and
    canonically equivalent strings are the same text."""
    return unicodedata.normalize("NFC", text or "")


def bench_tokenize(text: str | None) -> list[str]:
    """`\\w+` runs, case kept: the benchmark's tokenizer (on NFC text)."""
    return _BENCH_TOKEN_RE.findall(nfc(text))


def bench_shingles(text: str | None, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    tokens = bench_tokenize(text)
    shingles = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(shingle for shingle in shingles if shingle)


def shingle_matching(true: str | None, pred: str | None, n: int = SHINGLE_N) -> TpFpFn:
    """TP/FP/FN over shingles, normalized to sum 1 so long pages weigh no more than short."""
    true_shingles = bench_shingles(true, n)
    pred_shingles = bench_shingles(pred, n)
    tp = float(sum((true_shingles & pred_shingles).values()))
    fp = float(sum((pred_shingles - true_shingles).values()))
    fn = float(sum((true_shingles - pred_shingles).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(counts: TpFpFn) -> float:
    precision, recall = precision_score(*counts), recall_score(*counts)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def body_metrics(pages: Sequence[TpFpFn]) -> dict[str, float]:
    """Mean precision over pages with output, mean recall over pages with gold, their F1.

    A page with empty output adds nothing to precision and 0 to recall, as in the benchmark.
    """
    with_output = [precision_score(*c) for c in pages if c[0] + c[1] > 0]
    with_gold = [recall_score(*c) for c in pages if c[0] + c[2] > 0]
    precision = statistics.fmean(with_output) if with_output else 0.0
    recall = statistics.fmean(with_gold) if with_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def exact_accuracy(true: str | None, pred: str | None) -> float:
    """The benchmark's `accuracy`: 1 when the token sequences are identical."""
    return float(bench_tokenize(true) == bench_tokenize(pred))


# --- Text matching for the structural figures ---------------------------------------------

_WORD_RE = re.compile(r"\w+")
_EDGE_PUNCT_RE = re.compile(r"^[\W_]+|[\W_]+$")
_QUOTE_MARKS_RE = re.compile(r"[\"'“”„‟«»‹›‚‘’‛〝〞＂「」『』]")
_CREDIT_LABEL_RE = re.compile(
    r"^\s*(?:©|\(c\)|(?:bild|foto|fotos|photo|photos|credit|quelle|source|image)\s*:)\s*",
    re.IGNORECASE,
)


def normalize(text: str | None) -> str:
    """Casefold, collapse whitespace, strip punctuation at both ends."""
    return _EDGE_PUNCT_RE.sub("", " ".join(nfc(text).casefold().split()))


def contains_close(a: str, b: str) -> bool:
    """Equal, or one contains the other and the shorter has >= 80 % of the longer's length."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and len(shorter) / len(longer) >= LENGTH_RATIO


def texts_match(a: str | None, b: str | None) -> bool:
    return contains_close(normalize(a), normalize(b))


def words(text: str | None) -> list[str]:
    return _WORD_RE.findall(nfc(text).casefold())


def token_f1(a: str | None, b: str | None) -> float:
    left, right = Counter(words(a)), Counter(words(b))
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision, recall = common / sum(right.values()), common / sum(left.values())
    return 2 * precision * recall / (precision + recall)


def contains_words(haystack: str | None, needle: str | None) -> bool:
    """Casefold containment of `needle` in `haystack` at word boundaries ("AP" not in "APA")."""
    needle = " ".join((needle or "").split())
    if not needle:
        return False
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return re.search(pattern, " ".join((haystack or "").split()), re.IGNORECASE) is not None


def clean_credit(credit: str) -> str:
    """A gold credit without a leading "Foto:" or "©" label."""
    return _CREDIT_LABEL_RE.sub("", credit).strip()


def caption_found(gold: str, candidate: str | None) -> bool:
    """Token F1 >= 0.8, or the gold caption inside ours (ours may carry a credit), or ours
    inside the gold one with at least 80 % of its length."""
    if not candidate:
        return False
    if token_f1(gold, candidate) >= MATCH_F1:
        return True
    gold_n, ours_n = normalize(gold), normalize(candidate)
    return bool(gold_n) and (gold_n in ours_n or contains_close(gold_n, ours_n))


def joined_words(text: str | None) -> str:
    """The words of a text, casefolded, one space apart: containment without punctuation."""
    return " ".join(words(text))


def snippet_space(text: str | None) -> str:
    return re.sub(r"\s+", " ", nfc(text)).strip()


# --- Corpora -----------------------------------------------------------------------------


@dataclass
class Page:
    corpus: str
    id: str
    url: str | None
    path: Path
    gold: dict[str, Any]

    def html(self) -> bytes:
        raw = self.path.read_bytes()
        return gzip.decompress(raw) if self.path.suffix == ".gz" else raw

    @property
    def half(self) -> str:
        """ "tune" or "check", by the first byte of the SHA-1 of the file name (of its folder,
        where every page is a `source.html`)."""
        name = self.path.parent.name if self.path.name == "source.html" else self.path.name
        return HALVES[hashlib.sha1(name.encode()).digest()[0] % 2]


def keyed_pages(corpus: Path, name: str, gold_file: str) -> list[Page]:
    """A corpus of `html/<key>.html.gz` pages with a gold file keyed by page."""
    root = corpus / name
    gold = json.loads((root / gold_file).read_text(encoding="utf-8"))
    return [
        Page(name, key, item.get("url"), root / "html" / f"{key}.html.gz", item)
        for key, item in gold.items()
    ]


def fundus_pages(corpus: Path) -> list[Page]:
    root = corpus / "fundus"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    return [
        Page("fundus", item["html"], item.get("url"), root / item["html"], item["gold"])
        for item in index
    ]


READABILITY_TESTS = "github.com/go-shiori/go-readability@v0.0.0-20251205110129-5db1dc9836f0"
SMALLEST_TEST_PAGE = 10_000  # bytes; below it, a test of one feature of Readability


def readability_test_pages(corpus: Path) -> list[Page]:
    """Readability.js's test pages, as go-readability ships them (`corpus` is not used)."""
    try:
        done = subprocess.run(
            ["go", "mod", "download", "-json", READABILITY_TESTS],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        root = Path(json.loads(done.stdout)["Dir"]) / "test-pages"
    except (OSError, subprocess.SubprocessError, KeyError, ValueError) as exc:
        print(f"readability-tests skipped: go mod download {READABILITY_TESTS}: {exc}")
        return []
    return [
        Page(
            "readability-tests",
            folder.name,
            "http://fakehost/test/page.html",
            source,
            {"text": expected_text(folder / "expected.html")},
        )
        for folder in sorted(root.iterdir())
        if (source := folder / "source.html").is_file()
        and source.stat().st_size >= SMALLEST_TEST_PAGE
        and (folder / "expected.html").is_file()
    ]


def expected_text(expected: Path) -> str:
    """The text of a test page's `expected.html`, a line per block as readability's is."""
    import lxml.html

    root = lxml.html.fromstring(expected.read_text("utf-8"))
    for block in root.iter(*TEXT_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


LOADERS: dict[str, Callable[[Path], list[Page]]] = {
    "scrapinghub": lambda corpus: keyed_pages(corpus, "scrapinghub", "ground-truth.json"),
    "fundus": fundus_pages,
    "trafilatura": lambda corpus: keyed_pages(corpus, "trafilatura", "gold.json"),
    "readability-tests": readability_test_pages,
}


def gold_headlines(gold: dict[str, Any]) -> list[str]:
    sections = (gold.get("body") or {}).get("sections") or []
    joined = (" ".join(" ".join(s.get("headline") or []).split()) for s in sections)
    return [headline for headline in joined if headline]


def gold_summary(gold: dict[str, Any]) -> str:
    return " ".join(" ".join((gold.get("body") or {}).get("summary") or []).split())


def gold_body(page: Page) -> str | None:
    """The page's article text as its corpus gives it (None for the snippet corpus)."""
    if page.corpus == "scrapinghub":
        return page.gold.get("articleBody") or ""
    if page.corpus == "readability-tests":
        return page.gold["text"]
    if page.corpus != "fundus":
        return None
    body = page.gold.get("body") or {}
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n".join(parts)


def gold_images(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return list(gold.get("images") or [])


def gold_credits(image: dict[str, Any]) -> list[str]:
    return [c for c in (clean_credit(a) for a in image.get("authors") or [] if a) if c]


def body_blockquotes(html: bytes, page: Page) -> list[str]:
    """The words of each outermost `<blockquote>` that belongs to the story: in the gold
    body, or (snippet corpus) holding a snippet that must be kept."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    if tree.body is None:
        return []
    for node in tree.css("script, style, noscript, template"):
        node.decompose()  # source, not words the quotation shows (an ad slot's script)
    body = gold_body(page)
    gold = joined_words(body) if body is not None else ""
    keep = [joined_words(s) for s in page.gold.get("with") or []] if body is None else []
    found = []
    for node in tree.body.css("blockquote"):
        parent, nested = node.parent, False
        while parent is not None:
            if parent.tag == "blockquote":
                nested = True
                break
            parent = parent.parent
        text = joined_words(node.text(separator=" "))
        if nested or len(text) < 30:
            continue
        if (body is not None and text in gold) or any(s and s in text for s in keep):
            found.append(text)
    return found


# --- Running the extractors --------------------------------------------------------------


@dataclass
class Reading:
    """What one extractor made of one page."""

    text: str = ""
    ms: float = 0.0
    headlines: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    article: Article | None = None
    error: str | None = None


def read_ours(from_html: FromHtml, html: bytes, page: Page) -> Reading:
    start = time.thread_time()
    try:
        article = from_html(html, page.url)
    except Exception as exc:
        print(f"  ours raised {type(exc).__name__} on {page.corpus} {page.id}: {exc}")
        return Reading(ms=(time.thread_time() - start) * 1000, error=type(exc).__name__)
    ms = (time.thread_time() - start) * 1000
    return Reading(
        text=article.text,
        ms=ms,
        headlines=[s.title for s in article.sections if s.title],
        captions=[f.caption for f in our_figures(article) if f.caption],
        article=article,
    )


def read_trafilatura(html: bytes, page: Page) -> Reading:
    """Its "standard" call is timed; the XML calls for headings and captions are not."""
    import trafilatura
    from lxml import etree

    start = time.thread_time()
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    except Exception as exc:  # a peer's crash is an empty page, as upstream counts it
        return Reading(ms=(time.thread_time() - start) * 1000, error=type(exc).__name__)
    reading = Reading(text=text, ms=(time.thread_time() - start) * 1000)
    if page.corpus != "fundus":
        return reading
    xml = trafilatura.extract(
        html, include_comments=False, output_format="xml", include_images=True
    )
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        reading.headlines = [" ".join("".join(h.itertext()).split()) for h in root.iter("head")]
        for graphic in root.iter("graphic"):
            reading.captions.extend(
                value for key in ("title", "alt") if (value := graphic.get(key, "").strip())
            )
    return reading


def read_readability(html: bytes, page: Page) -> Reading:
    """`Document(html).summary()`, its HTML turned into text with a line per block."""
    import lxml.html
    from readability import Document

    start = time.thread_time()
    try:
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
        for block in root.iter(*TEXT_BLOCKS):
            block.tail = "\n" + (block.tail or "")
        text = root.text_content()
    except Exception as exc:
        return Reading(ms=(time.thread_time() - start) * 1000, error=type(exc).__name__)
    reading = Reading(text=text, ms=(time.thread_time() - start) * 1000)
    reading.headlines = [
        " ".join(h.text_content().split()) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]
    reading.captions = [" ".join(c.text_content().split()) for c in root.iter("figcaption")]
    return reading


@dataclass
class Figure:
    caption: str | None
    credit: str | None
    url: str | None


def our_figures(article: Article) -> list[Figure]:
    figures = []
    if article.image is not None:
        image = article.image
        figures.append(Figure(image.caption, image.credit, image.url))
    for section in article.sections:
        for block in section.blocks:
            if block.kind == "figure":
                figures.append(Figure(block.caption, block.credit, block.url))
    return figures


def our_blockquotes(article: Article | None) -> list[str]:
    if article is None:
        return []
    return [
        joined_words(block.text)
        for section in article.sections
        for block in section.blocks
        if block.kind == "blockquote"
    ]


def our_lede(article: Article) -> str | None:
    """The lede, or the first paragraph when there is none: what a reader sees first."""
    if article.lede and article.lede.strip():
        return article.lede
    for section in article.sections:
        for block in section.blocks:
            if block.kind == "paragraph" and block.text.strip():
                return block.text
    return None


def _url_key(url: str | None) -> str:
    """The last path segment of an image URL, for matching size variants of one image."""
    if not url:
        return ""
    segment = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return segment if len(segment) >= 12 else url


def matching_figure(gold_image: dict[str, Any], figures: Sequence[Figure]) -> Figure | None:
    """Our figure for a gold image: by caption when it has one, else by image URL."""
    gold_caption = gold_image.get("caption")
    if gold_caption:
        for figure in figures:
            if caption_found(gold_caption, figure.caption):
                return figure
    gold_urls = {v.get("url") for v in gold_image.get("versions") or [] if v.get("url")}
    gold_keys = {_url_key(url) for url in gold_urls}
    for figure in figures:
        if figure.url and (figure.url in gold_urls or _url_key(figure.url) in gold_keys):
            return figure
    return None


# --- Scoring -----------------------------------------------------------------------------


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.found += ok
        self.total += 1

    @property
    def ratio(self) -> float | None:
        return self.found / self.total if self.total else None


@dataclass
class Scores:
    """One extractor on one half of one corpus."""

    body: list[TpFpFn] = field(default_factory=list)
    snippets: Counter[str] = field(default_factory=Counter)  # tp fp fn tn
    headlines: Tally = field(default_factory=Tally)
    ledes: Tally = field(default_factory=Tally)
    lede_precision: Tally = field(default_factory=Tally)
    captions: Tally = field(default_factory=Tally)
    credits: Tally = field(default_factory=Tally)
    credits_in_captions: Tally = field(default_factory=Tally)
    blockquotes: Tally = field(default_factory=Tally)
    ms: list[float] = field(default_factory=list)
    errors: int = 0
    empty: int = 0
    page_f1: dict[str, float] = field(default_factory=dict)


def snippet_counts(page: Page, text: str) -> Counter[str]:
    folded = snippet_space(text)
    counts: Counter[str] = Counter()
    for snippet in page.gold.get("with") or []:
        counts["tp" if folded and snippet_space(snippet) in folded else "fn"] += 1
    for snippet in page.gold.get("without") or []:
        counts["fp" if folded and snippet_space(snippet) in folded else "tn"] += 1
    return counts


def snippet_metrics(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    total = tp + fp + fn + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def score(page: Page, name: str, reading: Reading, quotes: list[str], scores: Scores) -> None:
    scores.ms.append(reading.ms)
    scores.errors += reading.error is not None
    scores.empty += not reading.text.strip()
    body = gold_body(page)
    if body is not None:
        counts = shingle_matching(body, reading.text)
        scores.body.append(counts)
        scores.page_f1[page.id] = page_f1(counts)
    else:
        counts_s = snippet_counts(page, reading.text)
        scores.snippets.update(counts_s)
        scores.page_f1[page.id] = snippet_metrics(counts_s)["f1"]
    kept = our_blockquotes(reading.article) if name == "ours" else [joined_words(reading.text)]
    for quote in quotes:
        scores.blockquotes.add(any(quote in block for block in kept))
    if page.corpus != "fundus":
        return
    for headline in gold_headlines(page.gold):
        scores.headlines.add(any(texts_match(headline, title) for title in reading.headlines))
    images = gold_images(page.gold)
    for image in images:
        if image.get("caption"):
            scores.captions.add(any(caption_found(image["caption"], c) for c in reading.captions))
    article = reading.article
    if name != "ours" or article is None:
        return
    summary = gold_summary(page.gold)
    if summary:
        scores.ledes.add(token_f1(summary, our_lede(article)) >= MATCH_F1)
    if article.lede:
        lede = joined_words(article.lede)
        scores.lede_precision.add(
            token_f1(summary, article.lede) >= MATCH_F1
            or (bool(lede) and lede in joined_words(body))
        )
    figures = our_figures(article)
    for image in images:
        credits = gold_credits(image)
        if credits:
            figure = matching_figure(image, figures)
            credit = figure.credit if figure else None
            scores.credits.add(all(contains_words(credit, name) for name in credits))
    page_credits = [c for image in images for c in gold_credits(image)]
    for caption in reading.captions:
        scores.credits_in_captions.add(any(contains_words(caption, c) for c in page_credits))


# --- Output ------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear-interpolated percentile; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


Table = dict[str, dict[str, Scores]]  # half -> extractor -> scores


def table_row(
    label: str, table: Table, names: Sequence[str], value: Callable[[Scores], str]
) -> None:
    cells = [value(table[half][name]) for half in HALVES for name in names]
    print(f"  {label:<34}" + "".join(f"{cell:>12}" for cell in cells))


def tally_cell(tally: Tally) -> str:
    return "n/a" if tally.ratio is None else f"{tally.ratio:.3f}"


def body_f1(scores: Scores) -> float | None:
    if scores.body:
        return body_metrics(scores.body)["f1"]
    if scores.snippets:
        return snippet_metrics(scores.snippets)["f1"]
    return None


def low_pages(table: Table, names: Sequence[str]) -> list[tuple[str, float, float]]:
    """Pages where ours is below 0.5 F1 while a peer is above 0.9."""
    found = []
    for half in HALVES:
        ours = table[half]["ours"].page_f1
        for page_id, f1 in ours.items():
            best = max((table[half][p].page_f1.get(page_id, 0.0) for p in names[1:]), default=0)
            if f1 < LOW_F1 and best > PEER_HIGH_F1:
                found.append((page_id, f1, best))
    return found


def print_corpus(corpus: str, pages: Sequence[Page], table: Table, names: Sequence[str]) -> None:
    counts = Counter(page.half for page in pages)
    print(f"\n== {corpus}/: {len(pages)} pages (tune {counts['tune']}, check {counts['check']}) ==")
    short = {"ours": "ours", "trafilatura": "traf", "readability": "read"}
    print(
        f"  {'':<34}"
        + "".join(f"{half + ' ' + short[name]:>12}" for half in HALVES for name in names)
    )
    if corpus == "trafilatura":
        for key in ("precision", "recall", "f1", "accuracy"):
            table_row(
                f"snippet {key}", table, names, lambda s, k=key: fmt(snippet_metrics(s.snippets)[k])
            )
    else:
        for key in ("precision", "recall", "f1"):
            table_row(
                f"body {key} (4-shingles)",
                table,
                names,
                lambda s, k=key: fmt(body_metrics(s.body)[k] if s.body else None),
            )
    table_row("blockquotes kept", table, names, lambda s: tally_cell(s.blockquotes))
    if corpus == "fundus":
        table_row("section-heading recall", table, names, lambda s: tally_cell(s.headlines))
        table_row("caption recall", table, names, lambda s: tally_cell(s.captions))
        table_row("lede recall (lede or 1st para)", table, names, lambda s: tally_cell(s.ledes))
        table_row(
            "lede precision (ledes given)", table, names, lambda s: tally_cell(s.lede_precision)
        )
        table_row("credit recall", table, names, lambda s: tally_cell(s.credits))
        table_row(
            "captions with a credit left in",
            table,
            names,
            lambda s: tally_cell(s.credits_in_captions),
        )
    table_row("median CPU ms", table, names, lambda s: fmt(percentile(s.ms, 0.5), 1))
    table_row("p90 CPU ms", table, names, lambda s: fmt(percentile(s.ms, 0.9), 1))
    table_row("slowest CPU ms", table, names, lambda s: fmt(max(s.ms, default=None), 1))
    table_row("pages with empty output", table, names, lambda s: str(s.empty))
    table_row("pages where it raised", table, names, lambda s: str(s.errors))
    low = low_pages(table, names)
    print(f"  ours < {LOW_F1} F1 where a peer > {PEER_HIGH_F1}: {len(low)} pages")
    for page_id, f1, best in low[:12]:
        print(f"    {page_id[:60]:<60} ours {f1:.3f}  peer {best:.3f}")


def print_worst(corpus: str, table: Table, pages: Sequence[Page], worst: int) -> None:
    urls = {page.id: page.url for page in pages}
    ours = {k: v for half in HALVES for k, v in table[half]["ours"].page_f1.items()}
    print(f"  our {worst} lowest-F1 pages of {corpus}/:")
    for page_id, f1 in sorted(ours.items(), key=lambda item: item[1])[:worst]:
        print(f"    {f1:.3f}  {page_id[:50]}  {urls.get(page_id)}")


def targets(
    corpus: str, half: str, scores: dict[str, Scores], low: int
) -> list[tuple[str, str, bool | None]]:
    ours = scores["ours"]
    f1 = body_f1(ours)
    peers = [body_f1(scores[p]) for p in PEERS if p in scores]
    lines: list[tuple[str, str, bool | None]] = [
        (
            "F1 above both peers (" + ", ".join(fmt(p) for p in peers) + ")",
            fmt(f1),
            None if f1 is None or len(peers) < 2 else all(p is not None and f1 > p for p in peers),
        ),
        (
            f"no page < {LOW_F1} F1 where a peer > {PEER_HIGH_F1}",
            str(low),
            None if len(peers) < 2 else low == 0,
        ),
    ]
    if ours.blockquotes.total:
        ratio = ours.blockquotes.ratio
        lines.append(
            (
                f"blockquotes kept >= {TARGET_BLOCKQUOTES}",
                fmt(ratio),
                ratio is not None and ratio >= TARGET_BLOCKQUOTES,
            )
        )
    if corpus == "fundus":
        for label, tally, target in (
            ("section-heading recall", ours.headlines, TARGET_HEADLINE_RECALL),
            ("caption recall", ours.captions, TARGET_CAPTION_RECALL),
            ("lede precision", ours.lede_precision, TARGET_LEDE_PRECISION),
        ):
            ratio = tally.ratio
            lines.append(
                (f"{label} >= {target}", fmt(ratio), None if ratio is None else ratio >= target)
            )
    median = percentile(ours.ms, 0.5)
    traf = percentile(scores["trafilatura"].ms, 0.5) if "trafilatura" in scores else None
    ratio = median / traf if median is not None and traf else None
    lines.append(
        (
            f"median ms <= {TARGET_MEDIAN_RATIO} x trafilatura's ({fmt(traf, 1)})",
            f"{fmt(median, 1)} ({fmt(ratio, 2)}x)",
            None if ratio is None else ratio <= TARGET_MEDIAN_RATIO,
        )
    )
    slowest = max(ours.ms, default=0.0)
    lines.append(
        (f"no page over {TARGET_SLOWEST_MS:g} ms", f"{slowest:.1f}", slowest <= TARGET_SLOWEST_MS)
    )
    return lines


def print_targets(tables: dict[str, Table], names: Sequence[str]) -> None:
    print("\n== targets (issue 13), ours, per corpus and half ==")
    failed = 0
    for corpus, table in tables.items():
        low = Counter(page_id for page_id, _, _ in low_pages(table, names))
        for half in HALVES:
            ids = table[half]["ours"].page_f1
            count = sum(1 for page_id in low if page_id in ids)
            for label, value, ok in targets(corpus, half, table[half], count):
                failed += ok is False
                print(f"  {corpus:<12} {half:<6} {label:<52} {value:>16}  {verdict(ok)}")
    print(f"  {failed} targets failed")


# --- Running the corpora -----------------------------------------------------------------


def warm_up(page: Page, readers: dict[str, Callable[[bytes, Page], Reading]]) -> None:
    """One untimed call each, so that lazy imports and first-call setup are not timed."""
    html = page.html()
    for reader in readers.values():
        with contextlib.suppress(Exception):
            reader(html, page)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="HTML extraction: ours, trafilatura, readability")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages of each corpus")
    parser.add_argument("--only", choices=("ours", "all"), default="all")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="our K worst pages")
    args = parser.parse_args(argv)

    from tuinews.extract.article import from_html

    readers: dict[str, Callable[[bytes, Page], Reading]] = {
        "ours": lambda html, page: read_ours(from_html, html, page)
    }
    if args.only == "all":
        import readability
        import trafilatura

        # readability-lxml logs a traceback for every page it cannot read.
        logging.getLogger("readability").setLevel(logging.CRITICAL)

        readers["trafilatura"] = read_trafilatura
        readers["readability"] = read_readability
        print(f"trafilatura {trafilatura.__version__}, readability-lxml {readability.__version__}")
    names = list(readers)
    tables: dict[str, Table] = {}
    all_pages: dict[str, list[Page]] = {}
    for corpus in args.corpora.split(","):
        pages = LOADERS[corpus](args.corpus)[: args.limit]
        if not pages:
            continue
        all_pages[corpus] = pages
        warm_up(pages[0], readers)
        table: Table = {half: {name: Scores() for name in names} for half in HALVES}
        for page in pages:
            html = page.html()
            quotes = body_blockquotes(html, page)
            for name, reader in readers.items():
                score(page, name, reader(html, page), quotes, table[page.half][name])
        tables[corpus] = table
        print_corpus(corpus, pages, table, names)
        if args.worst:
            print_worst(corpus, table, pages, args.worst)
    print_timing(tables, names)
    print_targets(tables, names)
    return 0


def print_timing(tables: dict[str, Table], names: Sequence[str]) -> None:
    print("\n== CPU time a page (thread time) over every corpus, decompression excluded ==")
    for name in names:
        ms = [m for table in tables.values() for half in HALVES for m in table[half][name].ms]
        print(
            f"  {name:<12} pages {len(ms):>5}  median {fmt(percentile(ms, 0.5), 1):>6}  "
            f"p90 {fmt(percentile(ms, 0.9), 1):>6}  slowest {fmt(max(ms, default=None), 1):>7}  "
            f"over {TARGET_SLOWEST_MS:g} ms: {sum(m > TARGET_SLOWEST_MS for m in ms)}"
        )


if __name__ == "__main__":
    sys.exit(main())
