"""``build.py search "query"``: ask the content folder's Whoosh index, as the site would."""

from __future__ import annotations

import argparse
import json
import secrets
from pathlib import Path

from rich.console import Console
from rich.text import Text

from site_builder.gate import SectionSealer, gate_snapshot
from site_builder.gate.keys import SiteSecret
from site_builder.model import Snapshot
from site_builder.render.markdown import MarkdownRenderer
from site_builder.search import Results, index_snapshot, query
from site_builder.search.documents import KINDS
from site_builder.search.snippets import match_spans, snippet
from site_builder.sources.content_dir import ContentDirSource
from site_builder.validate import Problem, validate

_KIND_NAMES = {"course": "Course", "lesson": "Lesson", "article": "Article", "live": "Live session"}


def add_search_command(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search", help="search the content folder with the same index and ranking as the site"
    )
    search.add_argument("query", help='what to look for, e.g. "Python 协程"')
    search.add_argument("--content", type=Path, default=Path("content"))
    search.add_argument("--kind", choices=KINDS, help="only this page type")
    search.add_argument("--lang", help="only pages in this language (en, zh)")
    search.add_argument("--limit", type=int, default=10, help="results to show (default: 10)")
    search.add_argument("--json", action="store_true", help="print results as JSON lines")


def public_snapshot(content: Path) -> tuple[Snapshot, list[Problem]]:
    """The content folder as the site publishes it: members-only text sealed."""
    snapshot, problems = ContentDirSource(content).load()
    problems += validate(snapshot)
    if problems:
        return snapshot, problems
    return sealed_for_search(snapshot), []


def sealed_for_search(snapshot: Snapshot) -> Snapshot:
    """A valid snapshot gated as the build gates it, for indexing.

    The key is random and thrown away: the index only ever reads public text.
    The CMS's search endpoint uses this too, so it indexes what the site does.
    """
    sealer = SectionSealer(
        SiteSecret(secrets.token_bytes(32), "search"), 0, MarkdownRenderer().html_only
    )
    return gate_snapshot(snapshot, sealer)


def run_search_command(args: argparse.Namespace, out: Console, err: Console) -> int:
    snapshot, problems = public_snapshot(args.content)
    if problems:
        for problem in problems:
            err.print(str(problem), markup=False)
        err.print(f"Cannot search {args.content}/ until it is valid.", markup=False)
        return 1
    if args.limit < 1:
        err.print("--limit: must be 1 or more", markup=False)
        return 1
    results = query(
        index_snapshot(snapshot), args.query, kind=args.kind, lang=args.lang, limit=args.limit
    )
    if args.json:
        for hit in results.hits:
            record = {"url": hit.url, "title": hit.title, "kind": hit.kind, "lang": hit.lang}
            out.print(json.dumps(record | {"score": hit.score}, ensure_ascii=False), markup=False)
        return 0
    _print_results(results, args.query, out)
    return 0


def _print_results(results: Results, text: str, out: Console) -> None:
    if not results.terms:
        out.print(
            f"{text[:60]!r} has no words to look for; type a word, e.g. asyncio or 数据.",
            markup=False,
        )
        return
    if not results.hits:
        out.print(
            f"Nothing matches {text[:60]!r}. Try fewer or shorter words, or the other language.",
            markup=False,
        )
        return
    out.print(f"{results.total} result(s) for {text[:60]!r}; the first {len(results.hits)}:")
    for rank, hit in enumerate(results.hits, start=1):
        meta = " · ".join(filter(None, [_KIND_NAMES[hit.kind], hit.label, hit.lang, hit.badge]))
        line = Text(f"{rank:>2}. ")
        line.append(_marked(hit.title, results.terms, "bold"))
        line.append(f"  {hit.url}  ({meta}, score {hit.score:.3f})", style="dim")
        out.print(line)
        body, spans = snippet(hit.text or hit.summary, results.terms)
        quote = Text("    " + body)
        for start, end in spans:
            quote.stylize("bold underline", start + 4, end + 4)
        out.print(quote)


def _marked(text: str, terms: tuple[str, ...], style: str) -> Text:
    marked = Text(text, style=style)
    for start, end, _ in match_spans(text, terms):
        marked.stylize("underline", start, end)
    return marked
