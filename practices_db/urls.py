from __future__ import annotations

from django.urls import path

from . import feeds, views

app_name = "engage_practices"

# Fixed paths under practices/ shadow practice pages with the same slug; the
# services never give a practice one of these slugs (services.RESERVED_SLUGS).
urlpatterns = [
    path("practices/", views.search, name="search"),
    path("practices/export.csv", views.export, name="export"),
    path("practices/feed/", feeds.LatestPracticesFeed(), name="feed"),
    path("practices/share/", views.share, name="share"),
    path("practices/mine/", views.mine, name="mine"),
    path("practices/mine/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("practices/mine/<int:pk>/edit/", views.edit, name="edit"),
    path("practices/mine/<int:pk>/submit/", views.submit, name="submit"),
    path("practices/mine/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("practices/reviews/", views.reviews, name="reviews"),
    path("practices/reviews/<int:pk>/", views.review, name="review"),
    path("practices/actions/<int:pk>/bookmark/", views.bookmark, name="bookmark"),
    path("practices/actions/<int:pk>/adopt/", views.adopt, name="adopt"),
    path(
        "practices/actions/<int:pk>/collect/", views.add_to_collection, name="collect"
    ),
    path("practices/collections/", views.collections, name="collections"),
    path("practices/collections/<int:pk>/", views.collection, name="collection"),
    path(
        "practices/collections/<int:pk>/items/<int:item_pk>/",
        views.collection_item,
        name="collection_item",
    ),
    path(
        "practices/shared/<str:token>/",
        views.shared_collection,
        name="shared_collection",
    ),
    path(
        "practices/shared/<str:token>/handout.pdf",
        views.collection_handout,
        name="collection_handout",
    ),
]
