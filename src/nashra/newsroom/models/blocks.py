"""The blocks an article body is written in."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from nashra.newsroom.rich_text import clean_rich_text


class ParagraphBlock(blocks.RichTextBlock):
    """A rich text paragraph whose stored HTML is cleaned, whoever writes it."""

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class ArticleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        max_length=250,
        label=_("Alt text"),
        help_text=_("Describe the image for readers who cannot see it"),
    )
    caption = blocks.CharBlock(max_length=300, required=False)
    credit = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "newsroom/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"alt": ValidationError(_("Every image needs alt text."))}
            )
        return value


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300))

    class Meta:
        icon = "list-ul"
        template = "newsroom/blocks/fact_box.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["bold", "italic", "link"])
    quote = QuoteBlock()
    image = ArticleImageBlock()
    embed = EmbedBlock(max_width=800)
    fact_box = FactBoxBlock()
