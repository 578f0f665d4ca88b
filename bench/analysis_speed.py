"""Full content analysis at catalogue scale: wall time and peak memory against targets.

Why: the build analyses the whole catalogue on every publish, so topics,
related content, recommendations and learning paths must stay fast on a big
site: 10,000 pages and 1,000,000 reader events in under 60 s and 2 GB on the
project's 2-core machine. The snapshot is generated in memory from a seed:
pages draw their words from one of 40 themes (English or Chinese) plus common
filler, so there is real structure to find, and readers move through themes
and courses in time order, as real readers do.

Usage::

    python bench/analysis_speed.py            # 10,000 items, 1,000,000 interactions
    python bench/analysis_speed.py --small    # a quick smoke run for CI
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.analysis import analyse
from site_builder.model import (
    Article,
    Body,
    Course,
    Interaction,
    Lesson,
    Markdown,
    Site,
    Snapshot,
)

TARGET_SECONDS = 60.0
TARGET_BYTES = 2 * 1024**3
THEMES = 40
LESSONS_PER_COURSE = 10
FILLER = [
    "learn",
    "build",
    "practice",
    "example",
    "guide",
    "notes",
    "team",
    "project",
    "simple",
    "fast",
    "real",
    "question",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "re",
    "su",
    "ta",
    "ne",
    "vo",
    "zi",
    "pa",
    "qu",
    "de",
    "fo",
    "gu",
    "hi",
    "ja",
]
ZH_CHARS = "数据模型系统网络服务存储并发安全测试部署缓存队列调度编译内存分析优化接口框架算法"


def theme_words(rng: random.Random, theme: int) -> list[str]:
    if theme % 4 == 3:  # every fourth theme is Chinese
        return ["".join(rng.sample(ZH_CHARS, 2)) for _ in range(30)]
    return ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(30)]


def page_text(rng: random.Random, words: list[str], n: int) -> str:
    picked = [rng.choice(words) if rng.random() < 0.6 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(picked)


def make_snapshot(items: int, interactions: int, seed: int = 0) -> Snapshot:
    rng = random.Random(seed)
    vocab = [theme_words(rng, t) for t in range(THEMES)]
    n_courses = max(2, items // (2 * (LESSONS_PER_COURSE + 1)))
    courses, articles, theme_of, course_items = [], [], {}, []
    for c in range(n_courses):
        theme = c % THEMES
        slug = f"course-{c:04d}"
        lessons = []
        for n in range(LESSONS_PER_COURSE):
            lesson = Lesson(
                course=slug,
                slug=f"lesson-{n:02d}",
                title=page_text(rng, vocab[theme], 5),
                order=n + 1,
                body=Body((Markdown(page_text(rng, vocab[theme], 60)),)),
                summary=page_text(rng, vocab[theme], 12),
            )
            lessons.append(lesson)
            theme_of[lesson.item_id] = theme
        prerequisites = (f"course-{c - THEMES:04d}",) if c >= THEMES else ()
        course = Course(
            slug=slug,
            title=page_text(rng, vocab[theme], 4),
            body=Body((Markdown(page_text(rng, vocab[theme], 40)),)),
            lessons=tuple(lessons),
            summary=page_text(rng, vocab[theme], 12),
            prerequisites=prerequisites,
        )
        courses.append(course)
        theme_of[course.item_id] = theme
        course_items.append([course.item_id, *(lesson.item_id for lesson in lessons)])
    for a in range(items - n_courses * (LESSONS_PER_COURSE + 1)):
        theme = rng.randrange(THEMES)
        article = Article(
            slug=f"article-{a:05d}",
            title=page_text(rng, vocab[theme], 6),
            date=dt.date(2026, 1, 1),
            body=Body((Markdown(page_text(rng, vocab[theme], 80)),)),
            summary=page_text(rng, vocab[theme], 12),
        )
        articles.append(article)
        theme_of[article.item_id] = theme
    by_theme: dict[int, list[str]] = {}
    for item, theme in sorted(theme_of.items()):
        by_theme.setdefault(theme, []).append(item)
    events: list[Interaction] = []
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    reader = 0
    while len(events) < interactions:
        theme = rng.randrange(THEMES)
        moment = start + dt.timedelta(minutes=rng.randrange(100_000))
        course = course_items[rng.randrange(len(course_items))]
        path = course[: rng.randint(2, len(course))] if rng.random() < 0.5 else []
        path += [rng.choice(by_theme[theme]) for _ in range(rng.randint(5, 30))]
        for item in path[: interactions - len(events)]:
            moment += dt.timedelta(minutes=rng.randint(1, 600))
            events.append(Interaction(f"r{reader:07d}", item, "view", moment))
        reader += 1
    return Snapshot(
        site=Site(title="bench", url="http://localhost"),
        courses=tuple(courses),
        articles=tuple(articles),
        interactions=tuple(events),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--small", action="store_true", help="1,000 items, 50,000 interactions")
    args = parser.parse_args(argv)
    items, interactions = (1_000, 50_000) if args.small else (args.items, args.interactions)

    started = time.perf_counter()
    snapshot = make_snapshot(items, interactions)
    made = time.perf_counter() - started
    print(
        f"generated {items:,} items and {len(snapshot.interactions):,} interactions in {made:.1f} s"
    )

    started, cpu_started = time.perf_counter(), time.process_time()
    result = analyse(snapshot)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    print(
        f"analysis: {len(result.topics)} topics, {len(result.related):,} related lists, "
        f"{len(result.neighbours):,} neighbour lists"
    )
    time_ok = seconds <= TARGET_SECONDS
    memory_ok = peak <= TARGET_BYTES
    print(
        f"wall time   {seconds:7.1f} s   target {TARGET_SECONDS:.0f} s   {'ok' if time_ok else 'OVER'}"
    )
    print(f"cpu time    {cpu:7.1f} s   (wall well above cpu means the machine was busy)")
    print(
        f"peak memory {peak / 1024**3:7.2f} GB  target {TARGET_BYTES / 1024**3:.0f} GB   "
        f"{'ok' if memory_ok else 'OVER'} (whole process, generation included)"
    )
    return 0 if args.small or (time_ok and memory_ok) else 1


if __name__ == "__main__":
    sys.exit(main())
