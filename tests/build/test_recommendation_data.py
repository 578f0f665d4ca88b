"""The file the browser recommends from: cached under its digest, linked, public data only."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from site_builder.sources.content_dir import ContentDirSource
from tests.conftest import ROOT

HEADER_LINK = re.compile(r'data-sh-recommend="(/assets/data/recommend\.([0-9a-f]{10})\.json)"')


def test_every_page_links_the_one_fingerprinted_file(demo_site: Path) -> None:
    files = list((demo_site / "assets" / "data").glob("recommend.*.json"))
    assert len(files) == 1
    data = files[0].read_bytes()
    digest = files[0].name.split(".")[1]
    assert hashlib.sha256(data).hexdigest()[:10] == digest

    pages = sorted(demo_site.rglob("*.html"))
    links = {HEADER_LINK.search(p.read_text(encoding="utf-8")).group(1) for p in pages}
    assert links == {f"/assets/data/{files[0].name}"}


def test_it_holds_a_public_card_for_every_page_and_nothing_else(demo_site: Path) -> None:
    snapshot, _ = ContentDirSource(ROOT / "content").load()
    pages = {page.item_id: page for page in snapshot.pages()}
    (path,) = (demo_site / "assets" / "data").glob("recommend.*.json")
    data = json.loads(path.read_text(encoding="utf-8"))

    assert [card["id"] for card in data["items"]] == sorted(pages)
    for card in data["items"]:
        page = pages[card["id"]]
        assert set(card) == {"id", "title", "url", "kind", "course", "lang", "summary", "members"}
        assert (demo_site / card["url"].strip("/") / "index.html").is_file()
        assert card["members"] == bool(getattr(page, "access", None))
        assert card["summary"] == (page.summary or getattr(page, "teaser", ""))
    assert len(data["neighbours"]) == len(data["popularity"]) == len(data["items"])
    numbers = [n for flat in data["neighbours"] for n in flat[::2]]
    assert numbers and all(0 <= n < len(data["items"]) for n in numbers)
    assert max(data["popularity"]) == 1.0
    assert data["courses"]["rust-foundations"]["lessons"][:2] == [
        "lesson:rust-foundations/getting-started",
        "lesson:rust-foundations/ownership",
    ]
    assert data["paths"]["distributed-systems"][-1] == "distributed-systems"
