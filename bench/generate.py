"""Generate a large, deterministic ``content/`` folder for benchmarks and scale tests.

Why: the build-speed target (our build must take at most half the time of
MkDocs + Pelican on the same pages) and the memory ceiling can only be checked
on a realistically big site. The demo content is far too small, so this writes
one of any size from a seed: the same arguments always give byte-identical
files. Bodies are filler made from a fixed vocabulary but shaped like real
pages: ``##`` headings, paragraphs, a list, a fenced Python block, an
admonition and, in about 30% of pages, a members-only section whose text holds
a unique ``MEMBERS-CANARY-<hex>`` string, so a test can grep the public output
for leaks.

Usage::

    python bench/generate.py OUT_DIR --lessons 1000 --articles 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

LESSONS_PER_COURSE = 20
MEMBERS_SHARE = 0.30
ZH_ARTICLE_SHARE = 1 / 3
CANARY_PREFIX = "MEMBERS-CANARY-"

TIERS: list[dict[str, Any]] = [
    {
        "slug": "free",
        "name": "Free",
        "rank": 0,
        "price_monthly": 0,
        "price_yearly": 0,
        "currency": "usd",
        "description": "Every public lesson and article.",
        "benefits": ["Public lessons", "The weekly column"],
    },
    {
        "slug": "member",
        "name": "Member",
        "rank": 1,
        "price_monthly": 12,
        "price_yearly": 120,
        "currency": "usd",
        "description": "Members-only sections of every lesson and article.",
        "benefits": ["Members-only sections", "Live session replays"],
    },
    {
        "slug": "pro",
        "name": "Pro",
        "rank": 2,
        "price_monthly": 29,
        "price_yearly": 290,
        "currency": "usd",
        "description": "Everything, plus the pro deep dives.",
        "benefits": ["Everything in Member", "Pro deep dives", "Office hours"],
    },
]

AUTHORS: list[dict[str, Any]] = [
    {
        "slug": "mei-lin",
        "name": "Mei Lin",
        "bio": "Writes the data column.",
        "links": {"github": "https://github.com/example-mei"},
    },
    {
        "slug": "jonas-berg",
        "name": "Jonas Berg",
        "bio": "Systems programmer, teaches Rust.",
        "links": {"github": "https://github.com/example-jonas"},
    },
    {
        "slug": "ana-souza",
        "name": "Ana Souza",
        "bio": "Python, async and testing.",
        "links": {"site": "https://ana.example"},
    },
]

COLUMNS: list[dict[str, Any]] = [
    {
        "slug": "systems-notes",
        "name": "Systems Notes",
        "description": "Short essays on how computers really work.",
    },
    {
        "slug": "data-desk",
        "name": "Data Desk",
        "description": "Queries, pipelines and the numbers behind them.",
    },
    {
        "slug": "python-weekly",
        "name": "Python Weekly",
        "description": "One Python idea a week, explained with code.",
    },
]

# fmt: off
ADJECTIVES = (
    "async", "concurrent", "lazy", "immutable", "typed", "generic", "incremental",
    "distributed", "cached", "streaming", "atomic", "idempotent", "sharded", "durable",
    "portable", "embedded", "columnar", "reactive", "declarative", "zero-copy",
    "lock-free", "bounded", "persistent", "structured", "fallible", "pure", "layered",
)
NOUNS = (
    "iterator", "channel", "buffer", "scheduler", "allocator", "parser", "compiler",
    "runtime", "closure", "trait", "generator", "coroutine", "index", "query", "pipeline",
    "migration", "schema", "transaction", "lock", "future", "socket", "protocol", "cache",
    "module", "package", "fixture", "benchmark", "profiler", "tokenizer", "graph",
    "matrix", "vector", "stream", "queue", "thread", "process", "heap", "stack",
    "lifetime", "borrow", "pointer", "struct", "enum", "macro", "decorator", "context",
)
VERBS = (
    "allocate", "borrow", "cache", "compile", "decode", "dispatch", "drain", "encode",
    "flush", "inline", "join", "lock", "map", "merge", "parse", "poll", "reduce",
    "resolve", "retry", "schedule", "serialize", "shard", "spawn", "stream", "validate",
    "yield", "wrap", "measure", "replay",
)
ADVERBS = (
    "quickly", "safely", "lazily", "eagerly", "predictably", "explicitly", "silently",
    "concurrently", "incrementally", "deterministically", "rarely", "always",
)
CONNECTORS = (
    "because", "so", "while", "although", "until", "whenever", "and then", "unless",
)
OPENERS = (
    "In practice,", "Under load,", "At first glance,", "In production,", "For small inputs,",
    "With a warm cache,", "On a single core,", "In the test suite,", "By default,",
    "After the refactor,", "In our measurements,", "Surprisingly,",
)
ZH_PHRASES = (
    "在实际项目中", "我们首先", "需要注意的是", "性能瓶颈", "内存分配", "并发模型",
    "事件循环", "类型系统", "所有权规则", "借用检查器", "数据管道", "查询优化",
    "缓存失效", "错误处理", "单元测试", "集成测试", "基准测试", "生命周期",
    "异步任务", "线程池", "调度器", "序列化", "反序列化", "索引结构", "事务隔离",
    "分布式系统", "一致性", "可观测性", "日志与指标", "部署流程", "代码评审",
    "重构之后", "换句话说", "举个例子", "总的来说", "这意味着", "因此", "但是",
    "同时", "最后", "显著提升", "明显下降", "保持稳定", "逐步迁移", "仔细测量",
    "避免过早优化", "理解底层原理", "编写可读的代码", "减少拷贝", "批量处理",
)
ZH_TERMS = (
    "asyncio", "Rust", "Python", "SQL", "Tokio", "pandas", "Git", "HTTP", "JSON", "CPU",
)
TAGS = (
    "python", "rust", "async", "data", "sql", "testing", "performance", "systems",
    "web", "cli", "databases", "concurrency", "tooling", "observability", "security",
)
ADMONITIONS = ("note", "tip", "warning", "info")
LEVELS = ("beginner", "intermediate", "advanced")
SUBJECTS = (
    "Rust", "Python", "Async Python", "SQL", "Data Pipelines", "Systems Programming",
    "Testing", "Databases", "Concurrency", "Observability", "Web Services", "CLI Tools",
)
ZH_SUBJECTS = ("并发编程", "数据工程", "系统编程", "测试实践", "数据库原理", "性能调优")
# fmt: on

_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def third_person(verb: str) -> str:
    """``flush`` -> ``flushes``, ``retry`` -> ``retries``, ``map`` -> ``maps``."""
    if verb.endswith(("sh", "ch", "s", "x")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def slugify(text: str) -> str:
    return _SLUG_JUNK.sub("-", text.lower()).strip("-")


class _Writer:
    """Makes titles and bodies from one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # --- words ---------------------------------------------------------------------

    def pick(self, options: Sequence[str]) -> str:
        return options[self.rng.randrange(len(options))]

    def verb(self) -> str:
        return third_person(self.pick(VERBS))

    def en_sentence(self) -> str:
        r = self.rng
        parts = [
            self.pick(OPENERS) if r.random() < 0.3 else "",
            "the",
            self.pick(ADJECTIVES),
            self.pick(NOUNS),
            self.verb(),
            "every" if r.random() < 0.5 else "the",
            self.pick(NOUNS),
        ]
        if r.random() < 0.6:
            parts += [self.pick(CONNECTORS), "the", self.pick(NOUNS), self.verb()]
            parts += ["its", self.pick(NOUNS)]
        if r.random() < 0.4:
            parts.append(self.pick(ADVERBS))
        if r.random() < 0.25:
            parts.append(f"(see `{self.pick(NOUNS)}.{self.pick(VERBS)}()`)")
        sentence = " ".join(p for p in parts if p)
        return sentence[0].upper() + sentence[1:] + "."

    def zh_sentence(self) -> str:
        r = self.rng
        count = r.randint(3, 6)
        phrases = [self.pick(ZH_PHRASES) for _ in range(count)]
        if r.random() < 0.4:
            phrases.insert(r.randrange(len(phrases)), f" {self.pick(ZH_TERMS)} ")
        return "，".join(phrases).replace("， ", " ").replace(" ，", " ").strip() + "。"

    def paragraph(self, lang: str) -> tuple[str, int]:
        """A paragraph and its size in words (Chinese: phrases and terms)."""
        sentences = [
            self.en_sentence() if lang == "en" else self.zh_sentence()
            for _ in range(self.rng.randint(3, 6))
        ]
        text = (" " if lang == "en" else "").join(sentences)
        return text, _words(text)

    def title(self, lang: str) -> str:
        r = self.rng
        if lang == "zh":
            return f"{self.pick(ZH_PHRASES)}：{self.pick(ZH_PHRASES)}与{self.pick(ZH_TERMS)}"
        adjective, noun = self.pick(ADJECTIVES), self.pick(NOUNS)
        templates = (
            f"Understanding {adjective} {noun}s",
            f"How the {noun} {self.verb()} {adjective} data",
            f"{'An' if adjective[0] in 'aeiou' else 'A'} {adjective} {noun} from scratch",
            f"Why your {noun} is slow",
            f"{adjective.capitalize()} {noun}s in practice",
            f"The {noun} and the {self.pick(NOUNS)}",
        )
        return templates[r.randrange(len(templates))]

    def heading(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.pick(ZH_PHRASES)}与{self.pick(ZH_PHRASES)}"
        return f"{self.pick(ADJECTIVES).capitalize()} {self.pick(NOUNS)}s"

    def summary(self, lang: str) -> str:
        return self.en_sentence() if lang == "en" else self.zh_sentence()

    # --- blocks --------------------------------------------------------------------

    def code(self) -> str:
        r = self.rng
        name = f"{self.pick(VERBS)}_{self.pick(NOUNS)}"
        arg, other = self.pick(NOUNS), self.pick(NOUNS)
        if other == arg:
            other += "s"
        variants = (
            [
                f"def {name}({arg}: list[int], limit: int = {r.randint(2, 64)}) -> int:",
                f'    """Return how many {arg} items stay below the limit."""',
                "    total = 0",
                f"    for {other} in {arg}:",
                f"        if {other} < limit:",
                "            total += 1",
                "    return total",
            ],
            [
                "import asyncio",
                "",
                "",
                f"async def {name}(queue: asyncio.Queue[str]) -> None:",
                "    while True:",
                f"        {arg} = await queue.get()",
                f'        print("got", {arg}, len({arg}))',
                "        queue.task_done()",
            ],
            [
                "from dataclasses import dataclass",
                "",
                "",
                "@dataclass(frozen=True)",
                f"class {arg.capitalize()}:",
                "    name: str",
                f"    size: int = {r.randint(1, 4096)}",
                "",
                f"    def {name}(self) -> str:",
                '        return f"{self.name}:{self.size}"',
            ],
            [
                f"{arg} = {{k: k * {r.randint(2, 9)} for k in range({r.randint(5, 50)})}}",
                f"{other} = sorted({arg}.items(), key=lambda kv: -kv[1])",
                f"print({other}[:3])",
            ],
        )
        lines = variants[r.randrange(len(variants))]
        return "```python\n" + "\n".join(lines) + "\n```"

    def bullet_list(self, lang: str) -> tuple[str, int]:
        items = []
        for _ in range(self.rng.randint(3, 5)):
            if lang == "en":
                items.append(
                    f"- **{self.pick(NOUNS)}**: {self.pick(ADVERBS)} {self.verb()} "
                    f"the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
                )
            else:
                items.append(
                    f"- **{self.pick(ZH_TERMS)}**：{self.pick(ZH_PHRASES)}，{self.pick(ZH_PHRASES)}"
                )
        text = "\n".join(items)
        return text, _words(text)

    def admonition(self, lang: str, kind: str = "note") -> tuple[str, int]:
        text, words = self.paragraph(lang)
        title = self.heading(lang)
        return f'!!! {kind} "{title}"\n    {text}', words

    def members(self, lang: str, entitlement: str) -> tuple[str, int]:
        text, words = self.paragraph(lang)
        canary = f"{CANARY_PREFIX}{self.rng.getrandbits(64):016x}"
        inner = [text, "", f"Secret marker: `{canary}`", ""]
        if self.rng.random() < 0.5:
            inner += [self.code(), ""]
        else:
            items, more = self.bullet_list(lang)
            inner += [items, ""]
            words += more
        return f"/// members | {entitlement}\n" + "\n".join(inner) + "///", words

    def body(self, lang: str, entitlement: str | None) -> str:
        """400-700 words in 3-4 ``##`` sections with every kind of block."""
        r = self.rng
        target = r.randint(400, 620)
        sections: list[list[str]] = [[] for _ in range(r.randint(3, 4))]
        words = 0

        def add(section: int, block: tuple[str, int]) -> None:
            nonlocal words
            sections[section].append(block[0])
            words += block[1]

        intro, intro_words = self.paragraph(lang)
        words += intro_words
        for section in range(len(sections)):
            add(section, self.paragraph(lang))
        add(0, self.bullet_list(lang))
        add(1, self.paragraph(lang))
        sections[1].append(self.code())
        add(r.randrange(1, len(sections)), self.admonition(lang))
        if r.random() < 0.3:
            add(r.randrange(len(sections)), self.admonition(lang, self.pick(ADMONITIONS)))
        if entitlement is not None:
            add(r.randrange(len(sections)), self.members(lang, entitlement))
        while words < target:
            section = r.randrange(len(sections))
            # New paragraphs go before the section's last block, so blocks stay spread.
            text, count = self.paragraph(lang)
            sections[section].insert(r.randint(0, len(sections[section])), text)
            words += count
        out = [intro]
        for blocks in sections:
            out.append(f"## {self.heading(lang)}")
            out.extend(blocks)
        return "\n\n".join(out) + "\n"


def _words(text: str) -> int:
    # Chinese has no spaces: count each run of CJK characters as ~2 words per 4 chars.
    latin = len(re.findall(r"[A-Za-z0-9_`*'-]+", text))
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    return latin + cjk // 2


def _page(meta: dict[str, Any], body: str) -> str:
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{body}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def _entitlement(rng: random.Random, course_slugs: Sequence[str], own: str | None) -> str:
    roll = rng.random()
    if roll < 0.5:
        return "member"
    if roll < 0.8 or not course_slugs:
        return "pro"
    return f"course:{own or course_slugs[rng.randrange(len(course_slugs))]}"


def generate(out: Path, lessons: int, articles: int, seed: int = 0) -> None:
    """Write a content folder with ``lessons`` lessons and ``articles`` articles to ``out``.

    Lessons are grouped 20 to a course (``course-001``, ...); the last course
    may be shorter. ``out`` must not exist or be empty.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    writer = _Writer(rng)
    course_count = -(-lessons // LESSONS_PER_COURSE)
    course_slugs = [f"course-{n:03d}" for n in range(1, course_count + 1)]
    author_slugs = [a["slug"] for a in AUTHORS]

    _write(
        out / "site.yml",
        _yaml(
            {
                "title": "Studyhall Bench",
                "tagline": "A generated site for build benchmarks",
                "description": f"{lessons} lessons and {articles} articles of generated text.",
                "url": "https://bench.studyhall.dev",
                "language": "en",
                "featured_courses": course_slugs[:3],
                "key_epoch_days": 30,
            }
        ),
    )
    _write(out / "tiers.yml", _yaml(TIERS))
    _write(out / "authors.yml", _yaml(AUTHORS))
    _write(out / "columns.yml", _yaml(COLUMNS))

    for index, course in enumerate(course_slugs):
        lang = "zh" if index % 5 == 4 else "en"
        prerequisites: list[str] = []
        if index > 0 and rng.random() < 0.6:
            prerequisites.append(course_slugs[index - 1])
        if index > 1 and rng.random() < 0.25:
            earlier = course_slugs[rng.randrange(index - 1)]
            if earlier not in prerequisites:
                prerequisites.append(earlier)
        subject = writer.pick(ZH_SUBJECTS if lang == "zh" else SUBJECTS)
        number = index + 1
        meta = {
            "title": f"{subject} {number}" if lang == "zh" else f"{subject}, part {number}",
            "summary": writer.summary(lang),
            "level": LEVELS[index % len(LEVELS)],
            "tier": "member" if index % 3 == 0 else writer.pick(("free", "pro")),
            "authors": sorted(rng.sample(author_slugs, rng.randint(1, 2))),
            "prerequisites": prerequisites,
            "lang": lang,
            "tags": sorted(rng.sample(TAGS, 2)),
        }
        overview = "\n\n".join(writer.paragraph(lang)[0] for _ in range(2)) + "\n"
        _write(out / "courses" / course / "course.md", _page(meta, overview))

        first = index * LESSONS_PER_COURSE
        used: list[str] = []
        for order in range(1, min(LESSONS_PER_COURSE, lessons - first) + 1):
            title = writer.title(lang)
            slug = slugify(title) if lang == "en" else f"lesson-{order}"
            if slug in used:
                slug = f"{slug}-{order}"
            used.append(slug)
            members = rng.random() < MEMBERS_SHARE
            entitlement = _entitlement(rng, course_slugs, course) if members else None
            meta = {"title": title, "order": order, "summary": writer.summary(lang)}
            _write(
                out / "courses" / course / f"{order:02d}-{slug}.md",
                _page(meta, writer.body(lang, entitlement)),
            )

    start = dt.date(2025, 1, 1)
    span = (dt.date(2026, 12, 31) - start).days
    for number in range(1, articles + 1):
        lang = "zh" if rng.random() < ZH_ARTICLE_SHARE else "en"
        title = writer.title(lang)
        stem = slugify(title) if lang == "en" else "zh-article"
        slug = f"{stem}-{number:04d}"
        members = rng.random() < MEMBERS_SHARE
        entitlement = _entitlement(rng, course_slugs, None) if members else None
        meta = {
            "title": title,
            "date": start + dt.timedelta(days=rng.randrange(span + 1)),
            "author": writer.pick(author_slugs),
            "column": writer.pick([c["slug"] for c in COLUMNS]),
            "tags": sorted(rng.sample(TAGS, rng.randint(1, 3))),
            "lang": lang,
            "summary": writer.summary(lang),
        }
        _write(out / "articles" / f"{slug}.md", _page(meta, writer.body(lang, entitlement)))

    sessions = (
        ("Live: building a CLI in Rust", "2026-12-10 19:00", "Europe/Berlin", "en", "rust-cli"),
        ("直播：异步 Python 答疑", "2026-11-05 20:00", "Asia/Shanghai", "zh", "async-python-qa"),
    )
    for title, start_at, zone, lang, slug in sessions:
        meta = {
            "title": title,
            "start": start_at,
            "timezone": zone,
            "duration": 90,
            "host": writer.pick(author_slugs),
            "lang": lang,
            "summary": writer.summary(lang),
            "stream_url": f"https://stream.example/{slug}",
        }
        entitlement = "member" if slug == "async-python-qa" else None
        _write(out / "live" / f"{slug}.md", _page(meta, writer.body(lang, entitlement)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.lessons < 1 or args.articles < 0:
        parser.error("--lessons must be at least 1 and --articles at least 0")
    try:
        generate(args.out, args.lessons, args.articles, args.seed)
    except FileExistsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {args.lessons} lessons and {args.articles} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
