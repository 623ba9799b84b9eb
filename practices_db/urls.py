from __future__ import annotations

from django.urls import path

from .views import collections, feeds, practice, reviews, search, share

app_name = "engage_practices"

# Fixed paths under practices/ shadow practice pages with the same slug; the
# services never give a practice one of these slugs (services.RESERVED_SLUGS).
urlpatterns = [
    path("practices/", search.search, name="search"),
    path("practices/export.csv", search.export, name="export"),
    path("practices/feed/", feeds.LatestPracticesFeed(), name="feed"),
    path("practices/share/", share.share, name="share"),
    path("practices/mine/", share.mine, name="mine"),
    path("practices/mine/<id:pk>/", share.mine_detail, name="mine_detail"),
    path("practices/mine/<id:pk>/edit/", share.edit, name="edit"),
    path("practices/mine/<id:pk>/submit/", share.submit, name="submit"),
    path("practices/mine/<id:pk>/withdraw/", share.withdraw, name="withdraw"),
    path("practices/reviews/", reviews.reviews, name="reviews"),
    path("practices/reviews/<id:pk>/", reviews.review, name="review"),
    path("practices/actions/<id:pk>/bookmark/", practice.bookmark, name="bookmark"),
    path("practices/actions/<id:pk>/adopt/", practice.adopt, name="adopt"),
    path(
        "practices/actions/<id:pk>/collect/",
        collections.add_to_collection,
        name="collect",
    ),
    path("practices/collections/", collections.collections, name="collections"),
    path("practices/collections/<id:pk>/", collections.collection, name="collection"),
    path(
        "practices/collections/<id:pk>/items/<id:item_pk>/",
        collections.collection_item,
        name="collection_item",
    ),
    path(
        "practices/shared/<str:token>/",
        collections.shared_collection,
        name="shared_collection",
    ),
    path(
        "practices/shared/<str:token>/handout.pdf",
        collections.collection_handout,
        name="collection_handout",
    ),
]
