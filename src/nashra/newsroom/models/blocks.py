"""The blocks an article body is written in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
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

    def value_from_datadict(self, data, files, prefix):
        """The body as posted; a post that is not the admin form's whole body is an error.

        Wagtail reads `body-count` and each block's fields by index and would answer a
        missing, non-numeric or absurd count (or a missing block field) with a 500. Such a
        post gives an empty body marked malformed, which `clean` turns into a form error.
        """
        count = data.get(f"{prefix}-count", "")
        well_formed = count.isdigit() and int(count) <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        if well_formed:
            try:
                return super().value_from_datadict(data, files, prefix)
            except (KeyError, ValueError, TypeError):
                pass
        value = StreamValue(self, [])
        value.malformed = True
        return value

    def clean(self, value):
        if getattr(value, "malformed", False):
            message = _("The story's body did not arrive whole. Reload the page and try again.")
            raise StreamBlockValidationError(
                non_block_errors=ErrorList([ValidationError(message, code="malformed")])
            )
        return super().clean(value)
