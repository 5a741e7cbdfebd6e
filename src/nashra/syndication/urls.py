from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from nashra.syndication import views
from nashra.syndication.feeds import ArticleAtomFeed, ArticleRssFeed
from nashra.syndication.sitemaps import SITEMAPS

app_name = "syndication"

FEEDS = {"rss": ArticleRssFeed(), "atom": ArticleAtomFeed()}

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "syndication:sitemap"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    re_path(r"^news-sitemap-(?P<language>[a-z]{2})\.xml$", views.news_sitemap, name="news-sitemap"),
]
for kind, feed in FEEDS.items():
    urlpatterns += [
        path(f"feeds/{kind}/", feed, {"scope": "site"}, name=f"site-{kind}"),
        re_path(
            rf"^feeds/(?P<language>en|ar)/{kind}/$",
            feed,
            {"scope": "edition"},
            name=f"edition-{kind}",
        ),
        re_path(
            rf"^feeds/(?P<language>en|ar)/section/(?P<slug>[-\w]+)/{kind}/$",
            feed,
            {"scope": "section"},
            name=f"section-{kind}",
        ),
        path(f"feeds/author/<slug:slug>/{kind}/", feed, {"scope": "author"}, name=f"author-{kind}"),
        path(f"feeds/tag/<str:slug>/{kind}/", feed, {"scope": "tag"}, name=f"tag-{kind}"),
    ]
