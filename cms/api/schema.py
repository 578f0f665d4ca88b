"""An OpenAPI 3.1 description of the public API, generated from the models' ``api_fields``.

Wagtail's API v2 has no schema generator of its own; this one reads the same
``api_fields`` the endpoints serialise, so the document cannot drift from them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

PAGE_MODELS = (
    "home.HomePage",
    "courses.CourseIndexPage",
    "courses.CoursePage",
    "courses.LessonPage",
    "articles.ArticleIndexPage",
    "articles.ArticlePage",
    "live.LiveSessionIndexPage",
    "live.LiveSessionPage",
)
SNIPPET_ENDPOINTS = {
    "tiers": "members.Tier",
    "authors": "members.Author",
    "columns": "articles.Column",
}
LISTING_PARAMETERS = [
    ("limit", "integer", "how many items to return (at most 100)"),
    ("offset", "integer", "how many items to skip"),
    ("fields", "string", "comma-separated extra fields, `*` for all, `-name` to drop one"),
    ("order", "string", "a field to order by, `-field` for descending, `random`"),
    ("search", "string", "full-text search over public text only (pages: the site's ranking)"),
]
PAGE_PARAMETERS = [
    ("type", "string", "app_label.ModelName, e.g. courses.LessonPage"),
    ("child_of", "integer", "only children of this page id"),
    ("descendant_of", "integer", "only descendants of this page id"),
]


def _field_schema(model: type[models.Model], name: str) -> dict[str, Any]:
    if name == "body":
        return {"$ref": "#/components/schemas/PublicBody"}
    if name.endswith(("_slugs", "_names", "_list")):
        return {"type": "array", "items": {"type": "string"}}
    if name == "links":
        return {"type": "array", "items": {"type": "object"}}
    if name == "start":
        return {"type": "string", "format": "date-time"}
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {"type": "string"}
    if isinstance(field, models.DateField | models.DateTimeField):
        return {
            "type": "string",
            "format": "date" if type(field) is models.DateField else "date-time",
        }
    if isinstance(field, models.IntegerField | models.AutoField):
        return {"type": "integer"}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    return {"type": "string"}


def _model_schema(model: type[models.Model], page: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {"id": {"type": "integer"}, "meta": {"type": "object"}}
    if page:
        properties["title"] = {"type": "string"}
    for api_field in getattr(model, "api_fields", ()):
        name = getattr(api_field, "name", api_field)
        properties[name] = _field_schema(model, name)
    return {
        "type": "object",
        "description": (model.__doc__ or "").strip(),
        "properties": properties,
    }


def _parameters(specs: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "schema": {"type": kind},
            "description": text,
        }
        for name, kind, text in specs
    ]


def _listing(
    summary: str, item: dict[str, Any], extra: list[tuple[str, str, str]]
) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": _parameters(LISTING_PARAMETERS + extra),
            "responses": {
                "200": {
                    "description": "a page of results",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "meta": {
                                        "type": "object",
                                        "properties": {"total_count": {"type": "integer"}},
                                    },
                                    "items": {"type": "array", "items": item},
                                },
                            }
                        }
                    },
                },
                "400": {"description": "an unknown query parameter or field"},
            },
        }
    }


def _detail(summary: str, item: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": {"description": summary, "content": {"application/json": {"schema": item}}},
                "404": {"description": "no such item, or not published"},
            },
        }
    }


def _search() -> dict[str, Any]:
    hit = {
        "type": "object",
        "properties": {
            "url": {"type": "string", "description": "the page's path on the site"},
            "id": {"type": ["integer", "null"], "description": "the page's id in this API"},
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": ["course", "lesson", "article", "live"]},
            "lang": {"type": "string"},
            "label": {"type": "string", "description": "its course or column"},
            "badge": {"type": "string", "description": "who may read its members-only parts"},
            "score": {"type": "number"},
            "snippet": {
                "type": "object",
                "description": "public text, with [start, end] character ranges that matched",
                "properties": {
                    "text": {"type": "string"},
                    "marks": {"type": "array", "items": {"type": "array", "items": {}}},
                },
            },
        },
    }
    return {
        "get": {
            "summary": "Search the published site with its own index and ranking "
            "(the same answers as the site's search box and `build.py search`)",
            "parameters": _parameters(
                [
                    ("q", "string", "what to look for, English and/or Chinese (required)"),
                    ("kind", "string", "only this page type: course, lesson, article, live"),
                    ("lang", "string", "only pages in this language, e.g. en or zh"),
                    ("limit", "integer", "how many results, 1 to 50 (default 10)"),
                ]
            ),
            "responses": {
                "200": {
                    "description": "ranked results, public text only",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "terms": {"type": "array", "items": {"type": "string"}},
                                    "total": {"type": "integer"},
                                    "items": {"type": "array", "items": hit},
                                },
                            }
                        }
                    },
                },
                "400": {"description": "{error}: a missing, too long or invalid parameter"},
                "503": {"description": "{error}: the published content cannot be indexed"},
            },
        }
    }


def openapi_schema(server: str) -> dict[str, Any]:
    from django.apps import apps

    schemas: dict[str, Any] = {
        "PublicBody": {
            "type": "array",
            "description": "Body blocks. A members-only section appears only as "
            "{type: members, value: {entitlement, locked: true}}; members-only pages have an "
            "empty body and a public teaser.",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "id": {"type": "string"},
                    "value": {},
                },
            },
        }
    }
    page_refs = []
    for label in PAGE_MODELS:
        model = apps.get_model(label)
        name = label.replace(".", "_")
        schemas[name] = _model_schema(model, page=True)
        page_refs.append({"$ref": f"#/components/schemas/{name}"})
    page_item = {"oneOf": page_refs}
    paths: dict[str, Any] = {
        "/api/v2/pages/": _listing("Published public pages", page_item, PAGE_PARAMETERS),
        "/api/v2/pages/{id}/": _detail("One published page", page_item),
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Redirect to the page at a site path",
                "parameters": _parameters([("html_path", "string", "e.g. /courses/rust/")]),
                "responses": {"302": {"description": "the page's detail URL"}},
            }
        },
        "/api/v2/search/": _search(),
        "/api/v2/images/": _listing("Images", {"type": "object"}, []),
        "/api/v2/images/{id}/": _detail("One image", {"type": "object"}),
        "/api/v2/documents/": _listing("Documents", {"type": "object"}, []),
        "/api/v2/documents/{id}/": _detail("One document", {"type": "object"}),
    }
    for endpoint, label in SNIPPET_ENDPOINTS.items():
        model = apps.get_model(label)
        name = label.replace(".", "_")
        schemas[name] = _model_schema(model, page=False)
        ref = {"$ref": f"#/components/schemas/{name}"}
        paths[f"/api/v2/{endpoint}/"] = _listing(f"All {endpoint}", ref, [])
        paths[f"/api/v2/{endpoint}/{{id}}/"] = _detail(f"One of the {endpoint}", ref)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Studyhall public API",
            "version": "2",
            "description": "Read-only, anonymous. Members-only text is never returned.",
        },
        "servers": [{"url": server}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
