"""The public headless API: Wagtail API v2 endpoints for pages, images, documents,
tiers, authors and columns. Only published, public pages are listed, and page
bodies go through ``PublicBodyField``, which leaves members-only text out.
"""

from __future__ import annotations

from typing import Any, ClassVar

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from articles.models import Column
from members.models import Author, Tier


class SnippetAPIViewSet(BaseAPIViewSet):
    """A read-only listing of a snippet model, found by slug as well as by id."""

    body_fields: ClassVar[list[str]] = [*BaseAPIViewSet.body_fields]
    listing_default_fields: ClassVar[list[str]] = [
        *BaseAPIViewSet.listing_default_fields,
        "slug",
        "name",
    ]
    find_query_parameters = BaseAPIViewSet.find_query_parameters.union(["slug"])

    def get_queryset(self) -> Any:
        return self.model.objects.all().order_by("sort_order", "pk")

    def find_object(self, queryset: Any, request: Any) -> Any:
        if "slug" in request.GET:
            return queryset.filter(slug=request.GET["slug"]).first()
        return super().find_object(queryset, request)


class TiersAPIViewSet(SnippetAPIViewSet):
    name = "tiers"
    model = Tier


class AuthorsAPIViewSet(SnippetAPIViewSet):
    name = "authors"
    model = Author


class ColumnsAPIViewSet(SnippetAPIViewSet):
    name = "columns"
    model = Column


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("tiers", TiersAPIViewSet)
api_router.register_endpoint("authors", AuthorsAPIViewSet)
api_router.register_endpoint("columns", ColumnsAPIViewSet)
