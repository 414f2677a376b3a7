"""Searching releases: full text on PostgreSQL, a plain containment fallback on SQLite.

On PostgreSQL every release stores a weighted search vector, built in its own language's
configuration: headline A; subheadline, tag and spokespeople names B; summary C; body (tags
stripped) D. The configurations ``english_unaccent`` and ``spanish_unaccent`` (migration 0002)
ignore accents, so "migracion" finds "migración". A query is read with websearch syntax
("quoted phrase", -word, or), which never raises a syntax error, in each release's own
configuration: a Spanish query finds Spanish releases and an English one English. The GIN index
finds the matches; only the ``CANDIDATES`` most recent are ranked, so a word found in most of a
large archive costs no more than a rare one (the page then says so). Vectors
are refreshed by ``refresh_search_vectors()``, called from the receivers beside the
``Release`` model whenever a release, its tags or its spokespeople change.

On SQLite (development) every word must appear in one of the same fields, accents and case aside
(``members.accents``: "migracion" finds "migración"); headline matches come first. A release's own
text is read from ``search_text``, the headline, subheadline, summary and body (markup stripped)
without accents and in lower case, which ``folded_text()`` writes with every save (see
``models/derived.py``), so a search is one C-speed ``LIKE`` per word; tag and spokespeople names are
unaccented as they are compared. The vector column exists there but stays empty, and
``search_text`` stays empty on PostgreSQL.

Highlights are returned as (text, is_hit) pairs for the template to escape, never as HTML.
"""

import html
import re
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat

from members.accents import fold

MAX_QUERY_LENGTH = 200
# How many matches, the most recent first, are ranked on PostgreSQL (see _full_text_search).
CANDIDATES = 1000
MAX_FALLBACK_WORDS = 10
FALLBACK_EXCERPT_LENGTH = 240
# Text search configuration per release language (codes of releases.models.Language).
CONFIGS = {"en": "english_unaccent", "es": "spanish_unaccent"}
DEFAULT_CONFIG = CONFIGS["en"]
# Private-use characters mark ts_headline's hits; nothing a person types can forge markup.
HIT_START, HIT_END = "\ue000", "\ue001"

_TAG = "<[^>]*>"
_UNSEARCHABLE = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")
_HIT = re.compile(f"{HIT_START}(.*?){HIT_END}", re.S)
_FALLBACK_WORD = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def uses_full_text(using):
    return connections[using].vendor == "postgresql"


def clean_query(raw):
    """The query as searched: control characters dropped, spaces collapsed, at most MAX_QUERY_LENGTH long."""
    return " ".join(_UNSEARCHABLE.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


def search(releases, query):
    """``releases`` matching ``query``, best first, each annotated for ``highlight()``.

    Pass ``Release.objects.published()`` (or a narrower queryset): only what it holds is searched.
    The body is loaded on SQLite only, where the snippet is cut in Python.
    """
    if uses_full_text(releases.db):
        return _full_text_search(releases.defer("body", "search_vector", "search_text"), query)
    return _containment_search(releases.defer("search_vector", "search_text"), query)


def is_capped(count, using):
    """Whether a full-text search found more matches than it ranks (only the CANDIDATES most recent)."""
    return uses_full_text(using) and count >= CANDIDATES


def highlight(releases, query):
    """Give each release of a result page ``headline_parts`` and ``snippet_parts``: (text, is_hit) pairs."""
    words, _ = _fallback_words(query)
    for release in releases:
        if hasattr(release, "headline_marked"):
            release.headline_parts = _split_hits(release.headline_marked)
            # The snippet comes from HTML with its tags stripped, so its entities are still escaped.
            release.snippet_parts = _split_hits(release.snippet_marked, unescape=True)
        else:
            release.headline_parts = _mark_words(release.headline, words)
            release.snippet_parts = _mark_words(_excerpt(_plain_text(release), words), words)


def search_document(model):
    """The weighted tsvector of each row of ``model`` (Release, or its historical version in a migration)."""
    config = _release_config()
    return (
        SearchVector("headline", config=config, weight="A")
        + SearchVector(
            "subheadline",
            _names(model, "tags__name"),
            _names(model, "tags__name_es"),
            _names(model, "spokespeople__name"),
            config=config,
            weight="B",
        )
        + SearchVector("summary", config=config, weight="C")
        + SearchVector(_body_text(), config=config, weight="D")
    )


def folded_text(release) -> str:
    """What SQLite's search reads of a release (``search_text``): its text without markup, accents or capitals."""
    parts = [release.headline, release.subheadline, release.summary, html.unescape(re.sub(_TAG, " ", release.body))]
    return fold(" ".join(" ".join(parts).split())).lower()


def refresh_search_vectors(releases):
    """Rebuild the stored search vector of ``releases`` in one UPDATE; nothing to do on SQLite."""
    if uses_full_text(releases.db):
        releases.update(search_vector=search_document(releases.model))


def _release_config():
    return Case(
        *[When(language=language, then=Value(config)) for language, config in CONFIGS.items()],
        default=Value(DEFAULT_CONFIG),
    )


def _names(model, path):
    same_release = model._default_manager.filter(pk=OuterRef("pk"))
    return Subquery(same_release.annotate(names=StringAgg(path, Value(" "))).values("names"))


def _body_text():
    return Func(F("body"), Value(_TAG), Value(" "), Value("g"), function="regexp_replace", output_field=TextField())


def _full_text_search(releases, query):
    """Each release is matched, ranked and highlighted with the query read in its own language's configuration."""
    hits = {"start_sel": HIT_START, "stop_sel": HIT_END}
    matches, ranks, headlines, snippets = [], [], [], []
    for language, config in CONFIGS.items():
        search_query = SearchQuery(query, config=config, search_type="websearch")
        matches.append(Q(language=language, search_vector=search_query))
        ranks.append(When(language=language, then=SearchRank(F("search_vector"), search_query)))
        headline = SearchHeadline("headline", search_query, config=config, highlight_all=True, **hits)
        headlines.append(When(language=language, then=headline))
        snippets.append(
            When(
                language=language,
                then=SearchHeadline(
                    Concat("summary", Value(" "), _body_text(), output_field=TextField()),
                    search_query,
                    config=config,
                    max_fragments=2,
                    min_words=12,
                    max_words=30,
                    fragment_delimiter=" … ",
                    **hits,
                ),
            )
        )
    # Only the CANDIDATES most recent matches are ranked: a common word matches most of the archive,
    # and ranking every match would read every one of their vectors.
    candidates = releases.filter(reduce(or_, matches)).order_by("-released_at", "-pk").values("pk")[:CANDIDATES]
    return (
        releases.filter(pk__in=candidates)
        .annotate(
            rank=Case(*ranks, output_field=FloatField()),
            headline_marked=Case(*headlines, output_field=TextField()),
            snippet_marked=Case(*snippets, output_field=TextField()),
        )
        .order_by("-rank", "-released_at", "-pk")
    )


def _fallback_words(query):
    """Words and "quoted phrases" to find, and those after a minus sign to exclude; "or" is ignored."""
    include, exclude = [], []
    for match in _FALLBACK_WORD.finditer(query):
        minus, phrase, word_minus, word = match.groups()
        text = (phrase if phrase is not None else word).strip()
        if text and text.lower() != "or":
            (exclude if (minus or word_minus) else include).append(text)
    return include[:MAX_FALLBACK_WORDS], exclude[:MAX_FALLBACK_WORDS]


def _mentions(releases, word):
    named = releases.model._default_manager.filter(
        Q(tags__name__unaccent__icontains=word)
        | Q(tags__name_es__unaccent__icontains=word)
        | Q(spokespeople__name__unaccent__icontains=word)
    )
    return Q(search_text__contains=fold(word).lower()) | Q(pk__in=named.values("pk"))


def _containment_search(releases, query):
    include, exclude = _fallback_words(query)
    if not include:
        return releases.none()
    for word in include:
        releases = releases.filter(_mentions(releases, word))
    for word in exclude:
        releases = releases.exclude(_mentions(releases, word))
    headline_hits = sum(
        (
            Case(When(headline__unaccent__icontains=word, then=1), default=0, output_field=IntegerField())
            for word in include
        ),
        Value(0),
    )
    return releases.annotate(rank=headline_hits).order_by("-rank", "-released_at", "-pk")


def _split_hits(marked, unescape=False):
    clean = html.unescape if unescape else str
    parts, position = [], 0
    for match in _HIT.finditer(marked):
        parts.append((marked[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    parts.append((marked[position:], False))
    return [(clean(_UNSEARCHABLE.sub("", text)), hit) for text, hit in parts if text]


def _plain_text(release):
    return " ".join(f"{release.summary} {html.unescape(re.sub(_TAG, ' ', release.body))}".split())


def _excerpt(text, words):
    """About FALLBACK_EXCERPT_LENGTH characters of ``text`` from shortly before the first word found, cut at spaces."""
    lowered = fold(text).lower()
    first = min((position for word in words if (position := lowered.find(fold(word).lower())) >= 0), default=0)
    lead = FALLBACK_EXCERPT_LENGTH // 4
    start = 0 if first <= lead else text.rfind(" ", 0, first - lead) + 1
    if len(text) - start <= FALLBACK_EXCERPT_LENGTH:
        end = len(text)
    else:
        space = text.rfind(" ", start, start + FALLBACK_EXCERPT_LENGTH)
        end = space if space > start else start + FALLBACK_EXCERPT_LENGTH
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


def _mark_words(text, words):
    if not words:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(fold(word)) for word in sorted(words, key=len, reverse=True)), re.I)
    parts, position = [], 0
    # Found in the unaccented text, which has one character for each of the text's: "migracion" marks "migración".
    for match in pattern.finditer(fold(text)):
        parts.append((text[position : match.start()], False))
        parts.append((text[match.start() : match.end()], True))
        position = match.end()
    parts.append((text[position:], False))
    return [(part, hit) for part, hit in parts if part]
