from nashra.newsroom.models.article import ArticleCorrection, ArticlePage, ArticleTag
from nashra.newsroom.models.blocks import ArticleBodyBlock
from nashra.newsroom.models.breaking import BreakingNews
from nashra.newsroom.models.demo import DemoLoad
from nashra.newsroom.models.pages import HomePage, SectionPage
from nashra.newsroom.models.people import Agency, Author
from nashra.newsroom.models.review import DeskApprovalTask

__all__ = [
    "Agency",
    "ArticleBodyBlock",
    "ArticleCorrection",
    "ArticlePage",
    "ArticleTag",
    "BreakingNews",
    "Author",
    "DemoLoad",
    "DeskApprovalTask",
    "HomePage",
    "SectionPage",
]
