"""The build export (token-protected, members-only text included), public search, the schema."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from api.schema import openapi_schema
from api.search import SearchUnavailable, public_index
from publishing.snapshot import build_snapshot
from site_builder.search import query
from site_builder.search.snippets import snippet
from site_builder.sources.cms import snapshot_to_json


@require_GET
def build_export(request: HttpRequest) -> JsonResponse:
    """The full snapshot for ``build.py build --source cms``; needs the build token."""
    expected = settings.STUDYHALL_BUILD_TOKEN
    if not expected:
        return JsonResponse(
            {"error": "the build export is off: start the CMS with STUDYHALL_BUILD_TOKEN set"},
            status=503,
        )
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        response = JsonResponse({"error": "a valid build token is required"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="studyhall-build"'
        return response
    response = JsonResponse(
        snapshot_to_json(build_snapshot()), json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def schema(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_schema(request.build_absolute_uri("/").rstrip("/")))


#: Longer queries are refused rather than cut: the search box never sends more.
MAX_QUERY_CHARS = 500
MAX_LIMIT = 50


def _search_error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    """Ranked public results for ``?q=``, as ``build.py search`` and the site's search box give.

    ``kind`` (course, lesson, article, live) and ``lang`` filter without
    changing scores; ``limit`` is 1 to 50 (default 10). Every mistake is a 400
    with one line saying what to change. The answer never repeats the query
    (the caller has it) and quotes public text only.
    """
    text = request.GET.get("q", "")
    if not text.strip():
        return _search_error("q: is empty; give the words to look for, e.g. ?q=asyncio")
    if len(text) > MAX_QUERY_CHARS:
        return _search_error(f"q: is {len(text)} characters long; use at most {MAX_QUERY_CHARS}")
    try:
        found = public_index()
    except SearchUnavailable:
        return _search_error(
            "search is unavailable: the published content has problems an editor must fix",
            status=503,
        )
    kind = request.GET.get("kind") or None
    if kind is not None and kind not in found.kinds:
        return _search_error(f"kind: must be one of {', '.join(found.kinds)}")
    lang = request.GET.get("lang") or None
    if lang is not None and lang not in found.langs:
        return _search_error(f"lang: must be one of {', '.join(found.langs)}")
    raw_limit = request.GET.get("limit", "10")
    limit = int(raw_limit) if raw_limit.isascii() and raw_limit.isdigit() else 0
    if not 1 <= limit <= MAX_LIMIT:
        return _search_error(f"limit: must be a whole number from 1 to {MAX_LIMIT}")

    results = query(found.index, text, kind=kind, lang=lang, limit=limit)
    items = []
    for hit in results.hits:
        body, marks = snippet(hit.text or hit.summary, results.terms)
        items.append(
            {
                "url": hit.url,
                "id": found.page_ids.get(hit.url),
                "title": hit.title,
                "kind": hit.kind,
                "lang": hit.lang,
                "label": hit.label,
                "badge": hit.badge,
                "score": hit.score,
                "snippet": {"text": body, "marks": marks},
            }
        )
    return JsonResponse(
        {"terms": list(results.terms), "total": results.total, "items": items},
        json_dumps_params={"ensure_ascii": False},
    )
