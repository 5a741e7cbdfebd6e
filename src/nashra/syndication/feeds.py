"""RSS 2.0 and Atom feeds of published articles (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from nashra.kernel.language import edition_of_page, is_arabic, name_in
from nashra.kernel.urls import absolute, canonical_url, page_url
from nashra.syndication import scopes

SCOPES = {
    "site": scopes.site_scope,
    "edition": scopes.edition_scope,
    "section": scopes.section_scope,
    "author": scopes.author_scope,
    "tag": scopes.tag_scope,
}


class ArticleRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, scope, **kwargs):
        return SCOPES[scope](**kwargs)

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return absolute(scope.link)

    def description(self, scope):
        return scope.description

    def subtitle(self, scope):
        return scope.description

    def feed_url(self, scope):
        return None

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language  # the edition's, not the request's
        return feed

    def items(self, scope):
        return scope.articles[: scopes.FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS <description> and Atom <summary type="html"> hold HTML, and feed readers
        # render it: the standfirst is plain text, so it is escaped into HTML here.
        return escape(article.standfirst or article.title)

    def item_link(self, article):
        return page_url(article)

    def item_guid(self, article):
        return canonical_url(article)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_modified

    def item_author_name(self, article):
        # Credits in the story's own language (an Arabic story names «وام», not WAM).
        language = edition_of_page(article)
        names = [name_in(author, language) for author in article.authors.all()]
        if names:
            return ("، " if is_arabic(language) else ", ").join(names)
        if article.agency:
            return name_in(article.agency, language)
        return None

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed
