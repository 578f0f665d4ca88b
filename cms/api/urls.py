from django.urls import path

from api import views
from api.api import api_router

urlpatterns = [
    path("api/v2/schema/", views.schema, name="api-schema"),
    path("api/v2/search/", views.search, name="api-search"),
    path("api/v2/", api_router.urls),
    path("api/build/snapshot/", views.build_export, name="build-export"),
]
