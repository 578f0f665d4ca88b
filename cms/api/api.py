"""The public headless API: Wagtail API v2 endpoints for pages, images, documents,
tiers, authors and columns. Only published, public pages are listed, and page
bodies go through ``PublicBodyField``, which leaves members-only text out.
``?search=`` on pages ranks with the site's own search index (``api.search``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Case, IntegerField, Value, When
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from api.search import SearchUnavailable, public_index
from articles.models import Column
from members.models import Author, Tier
from site_builder.search import query

#: Pages that ``?search=`` can list at most, best first.
MAX_SEARCH_PAGES = 1000


class SiteSearchFilter(BaseFilterBackend):
    """``?search=``: the pages the site's search ranks for the text, in its order.

    Replaces Wagtail's backend search, whose index and ranking differ from
    the site's and whose index would hold members-only text. With ``order``
    the caller's order wins; the other filters still apply.
    """

    def filter_queryset(self, request: Any, queryset: Any, view: Any) -> Any:
        if "search" not in request.GET:
            return queryset
        try:
            found = public_index()
        except SearchUnavailable as error:
            raise BadRequestError(
                "search is unavailable: the published content has problems"
            ) from error
        hits = query(found.index, request.GET["search"][:500], limit=MAX_SEARCH_PAGES).hits
        ids = [found.page_ids[hit.url] for hit in hits if hit.url in found.page_ids]
        queryset = queryset.filter(pk__in=ids)
        if "order" in request.GET or not ids:
            return queryset
        rank = Case(
            *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)), output_field=IntegerField()
        )
        return queryset.order_by(rank)


class SitePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint with the site's search in place of Wagtail's."""

    filter_backends: ClassVar[list[Any]] = [
        SiteSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


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
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("tiers", TiersAPIViewSet)
api_router.register_endpoint("authors", AuthorsAPIViewSet)
api_router.register_endpoint("columns", ColumnsAPIViewSet)
