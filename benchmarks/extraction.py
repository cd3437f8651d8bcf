"""HTML extraction against real pages with gold output: our `from_html` beside trafilatura.

Run: python benchmarks/extraction.py [--corpus PATH] [--limit N]
                                     [--only ours|trafilatura|both] [--worst K] [--quotes PATH]

Reads the development corpora described in `../shared/corpus/README.md` (beside the
checkout; never copied into the repository) and prints, for ours and trafilatura side by
side in one run:

- scrapinghub/: article-body precision, recall and F1 on token 4-shingles, computed as the
  scrapinghub article-extraction-benchmark's `evaluate.py` does: P and R are averaged over
  pages, F1 is the harmonic mean of those averages;
- milliseconds per page (median, p90) over both corpora, decompression excluded;
- fundus/: section-headline, lede, image-caption and credit recall, and the also-read
  boxes of pages that show one, listed for checking by hand;
- quotation recall and speaker accuracy on `tests/data/quotes.json`, when it exists;
- the targets, PASS or FAIL.

Pages run sequentially in this process so that the timings compare. `--limit N` takes the
first N pages of each corpus for a quick look; `--worst K` lists our K lowest-F1 pages.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import statistics
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tuinews.model import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_QUOTES = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes.json"

# The published figures of trafilatura 2.0.0 on scrapinghub/ (its benchmark README).
PUBLISHED_TRAFILATURA = {"precision": 0.938, "recall": 0.978, "f1": 0.958}

TARGET_BODY_F1 = 0.95
TARGET_HEADLINE_RECALL = 0.90
TARGET_CAPTION_RECALL = 0.85
TARGET_MEDIAN_MS = 20.0
TARGET_QUOTE_RECALL = 0.90
TARGET_SPEAKER_ACCURACY = 0.85

MATCH_F1 = 0.8  # token F1 at which a lede or caption counts as found
LENGTH_RATIO = 0.8  # shorter/longer length at which containment counts as a match

ALSO_READ_LABELS = (
    "Lesen Sie auch",
    "Mehr zum Thema",
    "Read more",
    "Les også",
    "Lire aussi",
    "Læs også",
    "Read also",
    "Also read",
    "Related",
    "Leggi anche",
    "Lee también",
    "Läs också",
)
_ALSO_READ_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(label) for label in ALSO_READ_LABELS) + r")(?!\w)",
    re.IGNORECASE,
)

FromHtml = Callable[[bytes, str | None], Article]


# --- The scrapinghub metric, as article-extraction-benchmark/evaluate.py computes it -------

SHINGLE_N = 4
_BENCH_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

TpFpFn = tuple[float, float, float]


def bench_tokenize(text: str | None) -> list[str]:
    """`\\w+` runs, case kept: the benchmark's tokenizer."""
    return _BENCH_TOKEN_RE.findall(text or "")


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
    return _EDGE_PUNCT_RE.sub("", " ".join((text or "").casefold().split()))


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
    return _WORD_RE.findall((text or "").casefold())


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


# --- Corpora -----------------------------------------------------------------------------


@dataclass
class Page:
    corpus: str
    id: str
    url: str | None
    path: Path
    gold: dict[str, Any]

    def html(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())


def scrapinghub_pages(corpus: Path, limit: int | None) -> list[Page]:
    root = corpus / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        Page("scrapinghub", key, item.get("url"), root / "html" / f"{key}.html.gz", item)
        for key, item in truth.items()
    ]
    return pages[:limit] if limit is not None else pages


def fundus_pages(corpus: Path, limit: int | None) -> list[Page]:
    root = corpus / "fundus"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    pages = [
        Page("fundus", item["html"], item.get("url"), root / item["html"], item["gold"])
        for item in index
    ]
    return pages[:limit] if limit is not None else pages


def visible_text(html: bytes) -> str:
    """The text a reader sees in <body>: no scripts, styles, templates or SVG."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return ""
    for node in body.css("script, style, noscript, template, svg"):
        node.decompose()
    return body.text(separator=" ")


# --- Running the extractors --------------------------------------------------------------


@dataclass
class OursResult:
    article: Article | None
    ms: float
    error: str | None = None


@dataclass
class TrafilaturaResult:
    text: str
    ms: float
    reference_text: str = ""  # with the benchmark's own settings, untimed
    headlines: list[str] = field(default_factory=list)
    description: str | None = None
    captions: list[str] = field(default_factory=list)


def run_ours(from_html: FromHtml, html: bytes, page: Page) -> OursResult:
    start = time.perf_counter()
    try:
        article = from_html(html, page.url)
    except Exception as exc:
        ms = (time.perf_counter() - start) * 1000
        print(f"  ours raised {type(exc).__name__} on {page.corpus} {page.id}: {exc}")
        return OursResult(None, ms, type(exc).__name__)
    return OursResult(article, (time.perf_counter() - start) * 1000)


def run_trafilatura(html: bytes, page: Page) -> TrafilaturaResult:
    """`extract(html, url=url)` with default settings is timed; the rest is for the figures.

    The page is decoded as UTF-8 first (all corpus pages are), as the benchmark's
    `run_trafilatura.py` does.
    """
    import trafilatura
    from lxml import etree

    text_html = html.decode("utf-8", errors="replace")
    start = time.perf_counter()
    text = trafilatura.extract(text_html, url=page.url) or ""
    result = TrafilaturaResult(text, (time.perf_counter() - start) * 1000)
    if page.corpus == "scrapinghub":
        result.reference_text = trafilatura.extract(text_html, include_comments=False) or ""
        return result
    xml = trafilatura.extract(
        text_html, url=page.url, output_format="xml", include_formatting=False
    )
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        result.headlines = [" ".join("".join(h.itertext()).split()) for h in root.iter("head")]
    xml = trafilatura.extract(text_html, url=page.url, output_format="xml", include_images=True)
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        for graphic in root.iter("graphic"):
            result.captions.extend(
                value for key in ("title", "alt") if (value := graphic.get(key, "").strip())
            )
    metadata = trafilatura.extract_metadata(text_html, default_url=page.url)
    result.description = metadata.description if metadata else None
    return result


def load_from_html() -> FromHtml | None:
    try:
        from tuinews.extract.article import from_html
    except ImportError as exc:
        print(f"ours: not available ({exc})")
        return None
    return from_html


# --- Figures from our articles -------------------------------------------------------------


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


def our_lede(article: Article) -> str | None:
    if article.lede and article.lede.strip():
        return article.lede
    for section in article.sections:
        for block in section.blocks:
            if block.kind == "paragraph" and block.text.strip():
                return block.text
    chunks = [chunk for chunk in re.split(r"\n\s*\n", article.text) if chunk.strip()]
    return chunks[0] if chunks else None


def our_also_read_links(article: Article) -> list[str]:
    return [
        link.title
        for section in article.sections
        for block in section.blocks
        if block.kind == "also_read"
        for link in block.links
    ]


def has_also_read_block(article: Article) -> bool:
    return any(
        block.kind == "also_read" for section in article.sections for block in section.blocks
    )


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


# --- Fundus scoring ----------------------------------------------------------------------


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
class FundusScores:
    headlines: Tally = field(default_factory=Tally)
    ledes: Tally = field(default_factory=Tally)
    captions: Tally = field(default_factory=Tally)
    credits: Tally = field(default_factory=Tally)
    credits_in_captions: Tally = field(default_factory=Tally)  # found = ours with a credit left


def gold_headlines(gold: dict[str, Any]) -> list[str]:
    sections = (gold.get("body") or {}).get("sections") or []
    joined = (" ".join(" ".join(s.get("headline") or []).split()) for s in sections)
    return [headline for headline in joined if headline]


def gold_summary(gold: dict[str, Any]) -> str:
    return " ".join(" ".join((gold.get("body") or {}).get("summary") or []).split())


def gold_images(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return list(gold.get("images") or [])


def gold_credits(image: dict[str, Any]) -> list[str]:
    return [c for c in (clean_credit(a) for a in image.get("authors") or [] if a) if c]


def score_fundus_ours(page: Page, article: Article | None, scores: FundusScores) -> None:
    titles = [s.title for s in article.sections if s.title] if article else []
    for headline in gold_headlines(page.gold):
        scores.headlines.add(any(texts_match(headline, title) for title in titles))
    summary = gold_summary(page.gold)
    if summary:
        lede = our_lede(article) if article else None
        scores.ledes.add(token_f1(summary, lede) >= MATCH_F1)
    figures = our_figures(article) if article else []
    captions = [f.caption for f in figures if f.caption]
    images = gold_images(page.gold)
    for image in images:
        if image.get("caption"):
            scores.captions.add(any(caption_found(image["caption"], c) for c in captions))
        credits = gold_credits(image)
        if credits:
            figure = matching_figure(image, figures)
            credit = figure.credit if figure else None
            scores.credits.add(all(contains_words(credit, name) for name in credits))
    page_credits = [c for image in images for c in gold_credits(image)]
    for caption in captions:
        scores.credits_in_captions.add(any(contains_words(caption, c) for c in page_credits))


def score_fundus_trafilatura(page: Page, result: TrafilaturaResult, scores: FundusScores) -> None:
    for headline in gold_headlines(page.gold):
        scores.headlines.add(any(texts_match(headline, head) for head in result.headlines))
    summary = gold_summary(page.gold)
    if summary:
        scores.ledes.add(token_f1(summary, result.description) >= MATCH_F1)
    for image in gold_images(page.gold):
        if image.get("caption"):
            scores.captions.add(any(caption_found(image["caption"], c) for c in result.captions))


# --- Quotations --------------------------------------------------------------------------


class QuoteLike(Protocol):
    text: str
    speaker: str | None


class QuoteFinderLike(Protocol):
    def feed(self, text: str) -> Sequence[QuoteLike]: ...


def normalize_quote(text: str | None) -> str:
    """Without quotation marks, surrounding punctuation or repeated spaces; casefolded."""
    return normalize(_QUOTE_MARKS_RE.sub("", text or ""))


def speaker_matches(gold: str | None, predicted: str | None) -> bool:
    """Both absent; or equal, or one's last word among the other's words (casefold)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_words, predicted_words = words(gold), words(predicted)
    if not gold_words or not predicted_words:
        return gold_words == predicted_words
    return (
        gold_words == predicted_words
        or gold_words[-1] in predicted_words
        or predicted_words[-1] in gold_words
    )


def score_quotes(
    items: Iterable[dict[str, Any]], finder_factory: Callable[[], QuoteFinderLike]
) -> tuple[float, float, list[dict[str, Any]]]:
    """Quotation recall and speaker accuracy of a quote finder on gold items.

    Each item is {"source", "lang", "context", "text", "quotes": [{"text", "speaker"}]}; a
    fresh finder is fed the context (if any), then the text. A gold quote is found when a
    found quote's text matches it (without quotation marks and surrounding punctuation,
    casefolded: equal, or containment with a length ratio >= 0.8). Speaker accuracy is over
    the found gold quotes. Returns (recall, speaker_accuracy, one detail dict per gold quote).
    """
    details: list[dict[str, Any]] = []
    for item in items:
        finder = finder_factory()
        if item.get("context"):
            finder.feed(item["context"])
        found = list(finder.feed(item["text"]))
        found_norm = [normalize_quote(quote.text) for quote in found]
        for gold in item.get("quotes") or []:
            gold_norm = normalize_quote(gold["text"])
            exact = [q for q, n in zip(found, found_norm, strict=True) if n and n == gold_norm]
            close = [
                q for q, n in zip(found, found_norm, strict=True) if contains_close(n, gold_norm)
            ]
            match = (exact or close or [None])[0]
            details.append(
                {
                    "source": item.get("source"),
                    "gold_text": gold["text"],
                    "gold_speaker": gold.get("speaker"),
                    "found": match is not None,
                    "found_text": match.text if match else None,
                    "found_speaker": match.speaker if match else None,
                    "speaker_ok": match is not None
                    and speaker_matches(gold.get("speaker"), match.speaker),
                }
            )
    found_details = [d for d in details if d["found"]]
    recall = len(found_details) / len(details) if details else 0.0
    speakers = sum(d["speaker_ok"] for d in found_details)
    accuracy = speakers / len(found_details) if found_details else 0.0
    return recall, accuracy, details


# --- Output ------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def row(label: str, ours: str, theirs: str) -> None:
    print(f"  {label:<44} {ours:>16} {theirs:>16}")


def header(title: str) -> None:
    print(f"\n== {title} ==")


def tally(t: Tally | None) -> str:
    if t is None:
        return "n/a"
    return f"{fmt(t.ratio)} ({t.found}/{t.total})"


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


def at_least(value: float | None, target: float) -> bool | None:
    return None if value is None else value >= target


# --- Running the corpora -----------------------------------------------------------------


@dataclass
class AlsoReadCheck:
    page: str
    label: str
    has_block: bool
    links: list[str]


@dataclass
class Run:
    """Everything measured; the lists of an extractor that did not run stay empty."""

    ours: bool
    traf: bool
    ours_body: list[TpFpFn] = field(default_factory=list)
    ours_pages: list[Page] = field(default_factory=list)
    ours_accuracy: list[float] = field(default_factory=list)
    ours_empty: int = 0
    ours_errors: int = 0
    traf_body: list[TpFpFn] = field(default_factory=list)
    traf_reference: list[TpFpFn] = field(default_factory=list)
    traf_accuracy: list[float] = field(default_factory=list)
    traf_empty: int = 0
    ours_ms: list[float] = field(default_factory=list)
    traf_ms: list[float] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    ours_fundus: FundusScores = field(default_factory=FundusScores)
    traf_fundus: FundusScores = field(default_factory=FundusScores)
    also_read: list[AlsoReadCheck] = field(default_factory=list)

    def time_ours(self, ours: OursResult, page: Page) -> None:
        self.ours_ms.append(ours.ms)
        self.ours_errors += ours.error is not None
        self.slowest = max(self.slowest, (ours.ms, f"{page.corpus} {page.id}"))


def run_scrapinghub(pages: Sequence[Page], from_html: FromHtml | None, run: Run) -> None:
    for page in pages:
        html = page.html()
        gold = page.gold.get("articleBody", "")
        if from_html is not None:
            ours = run_ours(from_html, html, page)
            run.time_ours(ours, page)
            text = ours.article.text if ours.article else ""
            run.ours_body.append(shingle_matching(gold, text))
            run.ours_accuracy.append(exact_accuracy(gold, text))
            run.ours_pages.append(page)
            run.ours_empty += not bench_tokenize(text)
        if run.traf:
            result = run_trafilatura(html, page)
            run.traf_ms.append(result.ms)
            run.traf_body.append(shingle_matching(gold, result.text))
            run.traf_reference.append(shingle_matching(gold, result.reference_text))
            run.traf_accuracy.append(exact_accuracy(gold, result.text))
            run.traf_empty += not bench_tokenize(result.text)


def run_fundus(pages: Sequence[Page], from_html: FromHtml | None, run: Run) -> None:
    for page in pages:
        html = page.html()
        if from_html is not None:
            ours = run_ours(from_html, html, page)
            run.time_ours(ours, page)
            score_fundus_ours(page, ours.article, run.ours_fundus)
            label = _ALSO_READ_RE.search(visible_text(html))
            if label:
                article = ours.article
                run.also_read.append(
                    AlsoReadCheck(
                        page.id,
                        label.group(0),
                        article is not None and has_also_read_block(article),
                        our_also_read_links(article) if article else [],
                    )
                )
        if run.traf:
            result = run_trafilatura(html, page)
            run.traf_ms.append(result.ms)
            score_fundus_trafilatura(page, result, run.traf_fundus)


def warm_up(page: Page, from_html: FromHtml | None, traf: bool) -> None:
    """One untimed call each, so that lazy imports and first-call setup are not timed."""
    html = page.html()
    if from_html is not None:
        with contextlib.suppress(Exception):
            from_html(html, page.url)
    if traf:
        import trafilatura

        trafilatura.extract(html.decode("utf-8", errors="replace"), url=page.url)


# --- Printing ----------------------------------------------------------------------------


def print_body(run: Run, worst: int) -> None:
    header(
        f"scrapinghub/: article body on token {SHINGLE_N}-shingles, "
        "as scrapinghub/article-extraction-benchmark evaluate.py"
    )
    ours = body_metrics(run.ours_body) if run.ours else None
    theirs = body_metrics(run.traf_body) if run.traf else None
    row(f"pages: {max(len(run.ours_body), len(run.traf_body))}", "ours", "trafilatura")
    for key, label in (
        ("precision", "precision (mean over pages with output)"),
        ("recall", "recall (mean over pages)"),
        ("f1", "F1 (of mean precision and mean recall)"),
    ):
        row(label, fmt(ours and ours[key]), fmt(theirs and theirs[key]))
    row(
        "accuracy (identical token sequence)",
        fmt(statistics.fmean(run.ours_accuracy) if run.ours_accuracy else None),
        fmt(statistics.fmean(run.traf_accuracy) if run.traf_accuracy else None),
    )
    row(
        "pages with empty output",
        str(run.ours_empty) if run.ours else "n/a",
        str(run.traf_empty) if run.traf else "n/a",
    )
    row(
        "pages where from_html raised (both corpora)",
        str(run.ours_errors) if run.ours else "n/a",
        "",
    )
    if run.traf_reference:
        ref = body_metrics(run.traf_reference)
        print(
            "  trafilatura as the benchmark calls it (include_comments=False, no url): "
            f"P {ref['precision']:.3f}  R {ref['recall']:.3f}  F1 {ref['f1']:.3f}"
        )
        pub = PUBLISHED_TRAFILATURA
        print(
            f"  {'published for trafilatura 2.0.0:':<72}"
            f"P {pub['precision']:.3f}  R {pub['recall']:.3f}  F1 {pub['f1']:.3f}"
        )
    if worst and run.ours_body:
        print(f"\n  our {worst} lowest-F1 pages:")
        ranked = sorted(
            zip(run.ours_pages, run.ours_body, strict=True), key=lambda item: page_f1(item[1])
        )
        for page, counts in ranked[:worst]:
            print(
                f"  {page.id[:16]}  P {precision_score(*counts):.3f}  "
                f"R {recall_score(*counts):.3f}  F1 {page_f1(counts):.3f}  {page.url}"
            )


def print_timing(run: Run) -> None:
    header("time per page over both corpora, decompression excluded")
    row(f"pages: {max(len(run.ours_ms), len(run.traf_ms))}", "ours", "trafilatura")
    row("median ms", fmt(percentile(run.ours_ms, 0.5), 1), fmt(percentile(run.traf_ms, 0.5), 1))
    row("p90 ms", fmt(percentile(run.ours_ms, 0.9), 1), fmt(percentile(run.traf_ms, 0.9), 1))
    total_ours = sum(run.ours_ms) / 1000 if run.ours else None
    total_traf = sum(run.traf_ms) / 1000 if run.traf else None
    row("total s", fmt(total_ours, 1), fmt(total_traf, 1))
    if run.ours_ms:
        print(f"  our slowest page: {run.slowest[0]:.1f} ms, {run.slowest[1]}")


def print_fundus(run: Run, pages: int) -> None:
    header(f"fundus/: structure, {pages} pages")
    ours = run.ours_fundus if run.ours else None
    theirs = run.traf_fundus if run.traf else None
    row("", "ours", "trafilatura")
    row(
        "section-headline recall",
        tally(ours and ours.headlines),
        tally(theirs and theirs.headlines),
    )
    row(
        "lede recall (trafilatura: meta description)",
        tally(ours and ours.ledes),
        tally(theirs and theirs.ledes),
    )
    row("caption recall", tally(ours and ours.captions), tally(theirs and theirs.captions))
    row("credit recall", tally(ours and ours.credits), "n/a")
    row("our captions with a credit left inside", tally(ours and ours.credits_in_captions), "n/a")
    if ours is None:
        return
    with_block = sum(check.has_block for check in run.also_read)
    print(
        f"\n  also-read: {len(run.also_read)} pages show a label in their visible text, "
        f"{with_block} of them have an also_read block in ours; the first 15:"
    )
    for check in run.also_read[:15]:
        found = f"{len(check.links)} links {check.links[:2]}" if check.has_block else "no block"
        print(f"    {check.page:<42} {check.label!r:<17} {found}")


def print_quotes(path: Path) -> tuple[float, float] | None:
    header("quotations")
    if not path.exists():
        print(f"  quotes: no gold file at {path}")
        return None
    try:
        from tuinews.extract.quotes import QuoteFinder
    except ImportError:
        print("  quotes: not available")
        return None
    items = json.loads(path.read_text(encoding="utf-8"))
    try:
        recall, accuracy, details = score_quotes(items, QuoteFinder)
    except Exception:
        print("  quotes: the finder raised")
        traceback.print_exc(limit=3, file=sys.stdout)
        return None
    if not details:
        print(f"  quotes: no gold quotes in {path}")
        return None
    found = sum(d["found"] for d in details)
    speakers = sum(d["speaker_ok"] for d in details)
    print(f"  {len(items)} items, {len(details)} gold quotes")
    row("quotation recall", f"{fmt(recall)} ({found}/{len(details)})", "")
    row("speaker accuracy (of found quotes)", f"{fmt(accuracy)} ({speakers}/{found})", "")
    for d in [d for d in details if not d["found"]][:5]:
        print(f"  missed: {d['gold_text'][:70]!r} ({d['source']})")
    for d in [d for d in details if d["found"] and not d["speaker_ok"]][:5]:
        print(
            f"  speaker {d['found_speaker']!r}, gold {d['gold_speaker']!r}: {d['gold_text'][:50]!r}"
        )
    return recall, accuracy


def print_targets(run: Run, quotes: tuple[float, float] | None) -> None:
    header("targets (ours)")
    ours_f1 = body_metrics(run.ours_body)["f1"] if run.ours_body else None
    traf_f1 = body_metrics(run.traf_body)["f1"] if run.traf_body else None
    body_ok = at_least(ours_f1, TARGET_BODY_F1)
    if body_ok is not None and ours_f1 is not None and traf_f1 is not None:
        body_ok = body_ok and ours_f1 >= traf_f1
    headlines = run.ours_fundus.headlines.ratio if run.ours else None
    captions = run.ours_fundus.captions.ratio if run.ours else None
    median = percentile(run.ours_ms, 0.5)
    quote_recall, speaker_accuracy = quotes if quotes else (None, None)
    lines: list[tuple[str, str, bool | None]] = [
        (
            f"body F1 >= {TARGET_BODY_F1} and >= trafilatura ({fmt(traf_f1)})",
            fmt(ours_f1),
            body_ok,
        ),
        (
            f"section-headline recall >= {TARGET_HEADLINE_RECALL}",
            fmt(headlines),
            at_least(headlines, TARGET_HEADLINE_RECALL),
        ),
        (
            f"caption recall >= {TARGET_CAPTION_RECALL}",
            fmt(captions),
            at_least(captions, TARGET_CAPTION_RECALL),
        ),
        (
            f"median ms per page <= {TARGET_MEDIAN_MS:g}",
            fmt(median, 1),
            None if median is None else median <= TARGET_MEDIAN_MS,
        ),
        (
            f"quotation recall >= {TARGET_QUOTE_RECALL}",
            fmt(quote_recall),
            at_least(quote_recall, TARGET_QUOTE_RECALL),
        ),
        (
            f"speaker accuracy >= {TARGET_SPEAKER_ACCURACY}",
            fmt(speaker_accuracy),
            at_least(speaker_accuracy, TARGET_SPEAKER_ACCURACY),
        ),
    ]
    for label, value, ok in lines:
        print(f"  {label:<44} {value:>16}  {verdict(ok)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="HTML extraction benchmark: ours and trafilatura")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages of each corpus")
    parser.add_argument("--only", choices=("ours", "trafilatura", "both"), default="both")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="our K worst pages")
    parser.add_argument("--quotes", type=Path, default=DEFAULT_QUOTES, help="gold quotations")
    args = parser.parse_args(argv)

    from_html = load_from_html() if args.only != "trafilatura" else None
    run = Run(ours=from_html is not None, traf=args.only != "ours")
    if not run.ours and not run.traf:
        return 1
    if run.traf:
        import trafilatura

        print(f"trafilatura {trafilatura.__version__}")
    scrapinghub = scrapinghub_pages(args.corpus, args.limit)
    fundus = fundus_pages(args.corpus, args.limit)
    print(f"corpus {args.corpus}: scrapinghub {len(scrapinghub)} pages, fundus {len(fundus)} pages")

    if scrapinghub:
        warm_up(scrapinghub[0], from_html, run.traf)
    run_scrapinghub(scrapinghub, from_html, run)
    run_fundus(fundus, from_html, run)

    print_body(run, args.worst)
    print_timing(run)
    print_fundus(run, len(fundus))
    quotes = print_quotes(args.quotes) if args.only != "trafilatura" else None
    print_targets(run, quotes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
