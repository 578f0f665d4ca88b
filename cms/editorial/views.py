"""The site theme's assets, served to previews exactly as the build writes them."""

from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404, HttpRequest

from editorial.render import theme_assets


def theme_asset(request: HttpRequest, path: str) -> FileResponse:
    folder, _mapping = theme_assets()
    target = (folder / path).resolve()
    if not target.is_relative_to(folder.resolve()) or not target.is_file():
        raise Http404(path)
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    response = FileResponse(target.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
