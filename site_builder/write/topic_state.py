"""The topic state a build leaves for the next one: ``topics/state.json`` in the output.

Topic URLs stay stable only if a rebuild knows the previous build's topics.
The state holds public data only (topic ids, slugs, labels, terms and member
page ids, all of them on the topic pages already), so it is published with the
site: the next build reads it from the output folder it is about to replace,
or from any copy of it (``--topic-state``; on Netlify, fetched from the live
site). A state that cannot be read is a warning, never a failure: the build
then clusters afresh.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from site_builder.analysis import AnalysisResult, Topic
from site_builder.render import urls

STATE_FILE = urls.TOPICS.strip("/") + "/state.json"
FORMAT = "studyhall-topic-state/1"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _Unusable(ValueError):
    """The state file is there but cannot be trusted."""


def topic_state_json(result: AnalysisResult) -> str:
    """Canonical JSON: the same analysis gives the same bytes, so rebuilds stay identical.

    ``clustered`` (topics before author overrides) and ``placed`` are what the
    next build starts from; ``topics`` is what readers see, for people and tools.
    """
    data = {
        "format": FORMAT,
        "clustered": [asdict(topic) for topic in result.clustered],
        "placed": list(result.placed),
        "topics": [asdict(topic) for topic in result.topics],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_topic_state(result: AnalysisResult, out: Path) -> None:
    path = out / STATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(topic_state_json(result), encoding="utf-8")


def read_topic_state(path: Path) -> tuple[AnalysisResult | None, list[str]]:
    """The previous build's topics from ``path`` (a state file or an output folder).

    No file means a first build: no previous topics and nothing to say. A file
    that cannot be used gives one warning and no previous topics.
    """
    if path.is_dir():
        path = path / STATE_FILE
    if not path.is_file():
        return None, []
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        return _result(data), []
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        return None, [
            f"{path}: cannot be used as the previous topic state ({reason}); topics were "
            "clustered afresh, so topic URLs may change"
        ]


def _result(data: Any) -> AnalysisResult:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise _Unusable(f"format is {found!r}, not {FORMAT!r}")
    clustered = tuple(_topic(t) for t in _list(data.get("clustered"), "clustered"))
    placed = tuple(_text(p, "placed") for p in _list(data.get("placed"), "placed"))
    for name in ("id", "slug"):
        values = [getattr(t, name) for t in clustered]
        if len(set(values)) != len(values):
            raise _Unusable(f"two topics share one {name}")
    members = [item for t in clustered for item in t.members]
    if len(set(members)) != len(members):
        raise _Unusable("a page is in two topics")
    return AnalysisResult(clustered=clustered, placed=placed)


def _topic(data: Any) -> Topic:
    if not isinstance(data, dict):
        raise _Unusable("a topic is not a mapping")
    slug = _text(data.get("slug"), "slug")
    if not _SLUG.match(slug):
        raise _Unusable(f"topic slug {slug!r} is not a slug")
    x, y = data.get("x", 0.5), data.get("y", 0.5)
    if not all(isinstance(v, int | float) and math.isfinite(v) for v in (x, y)):
        raise _Unusable(f"topic {slug!r} has a bad place on the map")
    return Topic(
        id=_text(data.get("id"), "id"),
        slug=slug,
        label=_text(data.get("label"), "label"),
        members=tuple(_text(m, "members") for m in _list(data.get("members"), "members")),
        terms=tuple(_text(t, "terms") for t in _list(data.get("terms", []), "terms")),
        x=float(x),
        y=float(y),
    )


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Unusable(f"{name} is not a list")
    return value


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise _Unusable(f"{name} holds {type(value).__name__}, not text")
    return value
