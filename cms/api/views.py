"""The build export (token-protected, members-only text included) and the API schema."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from api.schema import openapi_schema
from publishing.snapshot import build_snapshot
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
