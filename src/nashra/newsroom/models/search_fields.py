"""Search fields whose text is folded (Arabic normalisation) before it is indexed."""

from wagtail.search import index

from nashra.engines.text.arabic import normalise


class NormalisedSearchField(index.SearchField):
    """A SearchField indexed in folded form; queries are folded the same way (nashra.finder)."""

    def get_value(self, obj):
        value = super().get_value(obj)
        return normalise(value) if isinstance(value, str) else value


def without_search_field(fields, name: str) -> list:
    """`fields` minus the SearchField for `name`, so a subclass can index it differently."""
    return [f for f in fields if not (type(f) is index.SearchField and f.field_name == name)]
