"""The words of bench articles: plain Python, no Django.

Each article is drawn from its own `random.Random`, seeded by the run's seed and the
article's number, so article 71,234 reads the same whether it was written in the first
batch or the last, and a second run adds exactly what is missing.

Body paragraphs reuse the demo articles' own sentences (real newsroom prose in both
languages), shuffled, with one sentence per article naming its own person and company.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from . import words

# The demo articles ship with the product; the bench reads them where they are installed.
DEMO_DATA = files("nashra.newsroom") / "demo_data"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
STANDFIRST_MAX = 200
ARABIC_SHARE = 0.3
PAIRED_SHARE = 0.4  # Arabic stories that are translations of an English one


@dataclass
class ArticleCopy:
    number: int
    language: str
    section: str
    headline: str
    slug: str
    kicker: str
    standfirst: str
    paragraphs: list[str]
    quote: tuple[str, str] | None
    fact_box: tuple[str, list[str]] | None
    tags: list[str]
    authors: list[str]
    agency: str
    dateline: tuple[str, str]
    urgency: int
    hero: bool
    person: str  # named in the body: rare words, for search
    company: str
    paired: bool = False


@cache
def sentence_bank(language: str) -> tuple[str, ...]:
    """Every sentence of the demo articles' paragraphs in `language`."""
    rows = json.loads((DEMO_DATA / f"articles_{language}.json").read_text(encoding="utf-8"))
    sentences = []
    for row in rows:
        for block in row["body"]:
            if block["type"] == "paragraph":
                sentences.extend(s.strip() for s in SENTENCE_END.split(block["text"]) if s.strip())
    return tuple(sentences)


@cache
def people_slugs() -> tuple[tuple[str, ...], tuple[str, ...]]:
    authors = json.loads((DEMO_DATA / "authors.json").read_text(encoding="utf-8"))
    agencies = json.loads((DEMO_DATA / "agencies.json").read_text(encoding="utf-8"))
    return tuple(a["slug"] for a in authors), tuple(a["slug"] for a in agencies)


def weighted_section(rng: random.Random) -> str:
    sections = list(words.SECTION_SHARES)
    return rng.choices(sections, weights=list(words.SECTION_SHARES.values()))[0]


def zipf_choice(rng: random.Random, items: list[str], skew: float = 1.1) -> str:
    """Early items far more often than late ones, as real tags and names are."""
    weights = [1 / (rank + 1) ** skew for rank in range(len(items))]
    return rng.choices(items, weights=weights)[0]


def person(rng: random.Random, language: str) -> str:
    first = rng.choice(words.FIRST_NAMES[language])
    family = rng.choice(words.FAMILY_NAMES[language])
    return f"{first} {family}"


def company(rng: random.Random, language: str) -> str:
    stem = rng.choice(words.COMPANY_STEMS[language])
    kind = rng.choice(words.COMPANY_KINDS[language])
    return f"{stem} {kind}"


def ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_article(number: int, seed: int = 0) -> ArticleCopy:
    """Article `number` of a bench database made with `seed`."""
    rng = random.Random(f"{seed}:{number}")
    language = "ar" if rng.random() < ARABIC_SHARE else "en"
    section = weighted_section(rng)
    subject = rng.choice(words.SUBJECTS[language])
    verb = rng.choice(words.VERBS[language])
    thing = rng.choice(words.OBJECTS[language])
    place = rng.choice(words.PLACES[language])
    headline = f"{subject} {verb} {thing} {place}"
    if language == "en":
        headline = headline[0].upper() + headline[1:]
        slug = f"{ascii_slug(headline)[:60].strip('-')}-{number}"
    else:
        slug = f"ar-{section}-{number}"
    who, firm = person(rng, language), company(rng, language)
    slots = {
        "person": who,
        "company": firm,
        "place": place,
        "role": rng.choice(words.ROLES[language]),
    }
    bank = sentence_bank(language)
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        paragraphs.append(" ".join(rng.sample(bank, rng.randint(1, 3))))
    paragraphs.insert(
        rng.randint(1, len(paragraphs)), rng.choice(words.QUOTE_SENTENCES[language]).format(**slots)
    )
    standfirst = rng.choice(bank)
    if len(standfirst) > STANDFIRST_MAX:
        standfirst = standfirst[: STANDFIRST_MAX - 1].rsplit(" ", 1)[0] + "…"
    authors, agencies = people_slugs()
    wire = rng.random() < 0.35
    quote = None
    if rng.random() < 0.3:
        quote = (rng.choice(bank), who)
    fact_box = None
    if rng.random() < 0.1:
        fact_box = (thing, [rng.choice(bank)[:300] for _ in range(3)])
    return ArticleCopy(
        number=number,
        language=language,
        section=section,
        headline=headline,
        slug=slug,
        kicker=rng.choice(words.KICKERS[language][section]),
        standfirst=standfirst,
        paragraphs=paragraphs,
        quote=quote,
        fact_box=fact_box,
        tags=sorted({zipf_choice(rng, words.TAGS[language]) for _ in range(rng.randint(1, 4))}),
        authors=[] if wire else sorted(set(rng.sample(authors, rng.choice((1, 1, 1, 2))))),
        agency=rng.choice(agencies) if wire else "",
        dateline=rng.choice(words.DATELINES[language]),
        urgency=rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 10, 80, 6))[0],
        hero=rng.random() < 0.6,
        person=who,
        company=firm,
        paired=language == "ar" and rng.random() < PAIRED_SHARE,
    )
