"""How long the browser takes to open a page with 20 members-only sections.

Why: the paywall decrypts in the reader's browser; a page must open as fast
as a normal one. This builds a small site whose lesson holds ``--sections``
sealed sections, issues a token, loads the lesson in headless Chromium
``--runs`` times and prints the median time between the unlock script's
``sh-unlock-start`` and ``sh-unlock-end`` marks (key import, AES-GCM
decryption of every section and insertion into the page). Target: < 50 ms.

Usage::

    python bench/unlock_speed.py [--sections 20] [--runs 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from site_builder.gate.keys import SiteSecret  # noqa: E402
from site_builder.gate.tokens import Catalogue, issue_token  # noqa: E402
from site_builder.pipeline import BuildOptions, build_site  # noqa: E402
from site_builder.serve import make_server  # noqa: E402
from site_builder.sources.content_dir import ContentDirSource  # noqa: E402

SECRET = "bench-secret-" + "b" * 40
TARGET_MS = 50.0


def write_content(folder: Path, sections: int) -> None:
    (folder / "courses" / "bench").mkdir(parents=True)
    (folder / "articles").mkdir()
    (folder / "live").mkdir()
    (folder / "site.yml").write_text("title: Unlock bench\nurl: https://bench.example\n")
    (folder / "tiers.yml").write_text(
        "- {slug: free, name: Free, rank: 0}\n- {slug: member, name: Member, rank: 1}\n"
    )
    (folder / "authors.yml").write_text("- {slug: a, name: A}\n")
    (folder / "columns.yml").write_text("- {slug: c, name: C}\n")
    (folder / "courses/bench/course.md").write_text("---\ntitle: Bench\n---\nOverview.\n")
    parts = ["---\ntitle: Twenty sections\n---\n"]
    for number in range(sections):
        parts.append(f"## Public part {number}\n\nSome public text.\n")
        parts.append(
            "/// members | member\n"
            f"### Section {number}\n\n"
            + "Members-only paragraph with `code` and **bold**. "
            * 12
            + "\n\n"
            "```python\nfor i in range(10):\n    print(i)\n```\n///\n"
        )
    (folder / "courses/bench/01-lesson.md").write_text("\n".join(parts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="studyhall-unlock-") as work:
        work_dir = Path(work)
        write_content(work_dir / "content", args.sections)
        os.environ["STUDYHALL_SECRET"] = SECRET
        build_site(
            BuildOptions(content=work_dir / "content", out=work_dir / "public", secret_dir=work_dir)
        )
        snapshot, _ = ContentDirSource(work_dir / "content").load()
        now = dt.datetime.now(dt.UTC)
        token = issue_token(
            SiteSecret(SECRET.encode(), "environment"),
            Catalogue.from_snapshot(snapshot),
            member="bench@example.com",
            entitlements=["member"],
            expires_at=now + dt.timedelta(days=1),
            epoch_days=snapshot.site.key_epoch_days,
            now=now,
        )
        server = make_server(work_dir / "public", port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        timings = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(f"{base}/unlock/#token={token}")
            for _ in range(args.runs):
                page.goto(f"{base}/courses/bench/lesson/")
                page.wait_for_selector("html[data-sh-unlocked]")
                opened = int(page.get_attribute("html", "data-sh-unlocked") or 0)
                if opened != args.sections:
                    print(f"only {opened} of {args.sections} sections opened", file=sys.stderr)
                    return 1
                timings.append(
                    page.evaluate("performance.getEntriesByName('sh-unlock')[0].duration")
                )
            browser.close()
        server.shutdown()

    median = statistics.median(timings)
    print(f"sections per page:  {args.sections}")
    print(f"runs:               {len(timings)}")
    print(f"unlock time median: {median:.1f} ms (min {min(timings):.1f}, max {max(timings):.1f})")
    print(
        f"target < {TARGET_MS:.0f} ms:      {'MET' if median < TARGET_MS else 'MISSED'} (ratio {median / TARGET_MS:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
