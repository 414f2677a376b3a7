import pytest
from django.db import connection
from django.forms import modelform_factory
from django.urls import reverse
from django.utils import timezone

from releases import search as search_module
from releases.models import Language, Release
from releases.search import CONFIGS, MAX_QUERY_LENGTH, refresh_search_vectors

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")


def search(client, query, **params):
    response = client.get(reverse("releases:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def headlines(response):
    return [release.headline for release in response.context["page_obj"]]


def test_spanish_and_english_words_find_releases_in_their_language(client, make_release):
    make_release(headline="Ley de asilo aprobada", language=Language.SPANISH)
    make_release(headline="Asylum seekers wait at the border")

    assert headlines(search(client, "asilo")) == ["Ley de asilo aprobada"]
    assert headlines(search(client, "asylum")) == ["Asylum seekers wait at the border"]
    assert headlines(search(client, "asylum seekers")) == ["Asylum seekers wait at the border"]


def test_headline_match_ranks_above_body_only_match(client, make_release):
    make_release(headline="Detention numbers rise", released_at=timezone.now() - timezone.timedelta(days=3))
    make_release(headline="Weekly roundup", body="<p>We also discussed detention.</p>")

    assert headlines(search(client, "detention")) == ["Detention numbers rise", "Weekly roundup"]


def test_subheadline_summary_and_body_are_searched(client, make_release):
    make_release(headline="One", subheadline="Governors respond")
    make_release(headline="Two", summary="Coalition welcomes ruling")
    make_release(headline="Three", body="<p>A quote about <strong>sanctuary</strong> cities.</p>")

    assert headlines(search(client, "governors")) == ["One"]
    assert headlines(search(client, "ruling")) == ["Two"]
    assert headlines(search(client, "sanctuary")) == ["Three"]


@postgresql_only
def test_markup_of_the_body_is_not_searched(client, make_release):
    make_release(headline="Plain", body="<p><strong>Bold</strong> words.</p>")

    assert headlines(search(client, "strong")) == []


def test_tag_name_finds_its_releases(client, make_release, make_tag):
    tag = make_tag(name="Temporary Protected Status", slug="tps")
    make_release(headline="Tagged", tags=[tag])
    make_release(headline="Untagged")

    assert headlines(search(client, "temporary protected")) == ["Tagged"]


def test_spokesperson_name_finds_releases_quoting_them(client, make_release, make_spokesperson):
    person = make_spokesperson(name="Angelica Salas")
    make_release(headline="Quoted", spokespeople=[person])
    make_release(headline="Not quoted")

    assert headlines(search(client, "Salas")) == ["Quoted"]


def test_drafts_and_scheduled_releases_are_never_found(client, make_release):
    make_release(headline="Published asylum statement")
    make_release(headline="Secret asylum draft", status=Release.Status.DRAFT)
    make_release(headline="Embargoed asylum news", released_at=timezone.now() + timezone.timedelta(days=1))

    response = search(client, "asylum")

    assert headlines(response) == ["Published asylum statement"]
    assert response.context["page_obj"].paginator.count == 1
    assert "1 release matches" in response.text
    assert "draft" not in response.text.lower()
    assert headlines(search(client, "Secret asylum draft")) == []
    assert headlines(search(client, '"Embargoed asylum news"')) == []


@pytest.mark.parametrize(
    "query",
    [
        '"asylum seekers"',
        '"unclosed quote',
        "asylum -border",
        "asylum or refugee",
        "- or -- & | ! ( ) : * <-> \\",
        "😀🇲🇽",
        "'; DROP TABLE releases_release; --",
        "1' OR '1'='1",
        "%_%",
        "<script>alert(1)</script>",
        "a\tb\r\nc",  # other control characters answer 400 at the edge (test_hostile_bytes.py)
        "ünïcödé ñ",
        "word " * 200,
        "x" * 1000,
    ],
)
def test_odd_queries_answer_without_error(client, make_release, query):
    make_release(headline="Asylum seekers wait", body="<p>Refugee families at the border.</p>")

    search(client, query)


def test_query_is_echoed_escaped(client, make_release):
    make_release(headline="Something else")

    response = search(client, '<script>alert("x")</script>')

    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.text


def test_release_text_cannot_inject_markup_into_results(client, make_release):
    make_release(headline='Asylum <img src=x onerror="alert(1)">', summary="Asylum <b>bold</b> & more")

    response = search(client, "asylum")

    assert "<img" not in response.text
    assert "<b>bold" not in response.text
    assert "<mark>Asylum</mark> &lt;img src=x" in response.text
    assert "&amp; more" in response.text


def test_matches_are_highlighted_in_headline_and_snippet(client, make_release):
    make_release(
        headline="Court hears asylum case", body="<p>The court &amp; the families spoke about asylum today.</p>"
    )

    response = search(client, "asylum")

    assert "Court hears <mark>asylum</mark> case" in response.text
    assert "court &amp; the families spoke about <mark>asylum</mark> today" in response.text


def test_snippet_keeps_words_of_separate_paragraphs_apart(client, make_release):
    make_release(headline="Roundup", body="<p>First paragraph ends.</p><ul><li>Asylum item.</li></ul>")

    response = search(client, "asylum")

    assert "ends. <mark>Asylum</mark> item" in " ".join(response.text.split())


def test_blank_query_shows_the_form_and_tips(client, make_release):
    make_release(headline="Anything")

    response = search(client, "   ")

    assert 'role="search"' in response.text
    assert 'name="q"' in response.text
    assert "Put a phrase in quotes" in response.text
    assert headlines(response) == []
    assert "No results" not in response.text


def test_no_results_says_so_and_suggests_what_to_try(client, make_release):
    make_release(headline="Anything")

    response = search(client, "zzyzx")

    assert "No results for “zzyzx”" in response.text
    assert "Check the spelling" in response.text
    assert f'href="{reverse("releases:list")}"' in response.text


def test_long_queries_are_shortened_and_say_so(client, make_release):
    response = search(client, "asylum " + "x" * 1000)

    assert len(response.context["query"]) == MAX_QUERY_LENGTH
    assert "only its first 200 characters were used" in response.text


def test_results_are_paginated_keeping_the_query(client, make_release):
    for n in range(25):
        make_release(headline=f"Asylum update {n}")

    first = search(client, "asylum update")
    second = search(client, "asylum update", page=2)

    assert len(headlines(first)) == 20
    assert 'href="?q=asylum+update&amp;page=2"' in first.text
    assert len(headlines(second)) == 5
    assert client.get(reverse("releases:search"), {"q": "asylum", "page": 9}).status_code == 404


def test_every_page_header_has_a_labelled_search_form(client, coalition):
    response = client.get(reverse("home"))

    assert f'role="search" method="get" action="{reverse("releases:search")}"' in response.text
    assert '<label for="site-search-q">' in response.text
    assert 'id="site-search-q" name="q"' in response.text


@pytest.mark.parametrize("count", [1, 50])
def test_search_page_query_count_is_constant(
    client, make_release, make_tag, make_spokesperson, count, django_assert_max_num_queries
):
    tags = [make_tag(), make_tag()]
    person = make_spokesperson()
    for n in range(count):
        make_release(headline=f"Asylum news {n}", tags=tags, spokespeople=[person])

    search(client, "asylum")  # Warm the cached coalition profile and next scheduled moment.
    with django_assert_max_num_queries(8):
        response = search(client, "asylum")

    assert len(headlines(response)) == min(count, 20)


def test_every_release_language_has_a_search_configuration():
    assert set(CONFIGS) == set(Language.values)


@postgresql_only
def test_accents_are_optional(client, make_release, make_spokesperson):
    make_release(headline="Reforma de migración", language=Language.SPANISH)
    make_release(headline="Statement", spokespeople=[make_spokesperson(name="Rosa Chacón")])

    assert headlines(search(client, "migracion")) == ["Reforma de migración"]
    assert headlines(search(client, "Chacon")) == ["Statement"]
    assert headlines(search(client, "Chacón")) == ["Statement"]


@postgresql_only
def test_words_are_found_in_their_other_forms(client, make_release):
    make_release(headline="Families seeking asylum", language=Language.ENGLISH)
    make_release(headline="Los migrantes piden justicia", language=Language.SPANISH)

    assert headlines(search(client, "family seeks")) == ["Families seeking asylum"]
    assert headlines(search(client, "migrante")) == ["Los migrantes piden justicia"]


@postgresql_only
def test_web_search_operators_work(client, make_release):
    make_release(headline="Asylum at the border", released_at=timezone.now() - timezone.timedelta(days=2))
    make_release(headline="Asylum in the courts")
    make_release(headline="Border wall funding")
    make_release(headline="A wall along the border")

    assert headlines(search(client, "asylum -border")) == ["Asylum in the courts"]
    assert headlines(search(client, '"border wall"')) == ["Border wall funding"]
    assert set(headlines(search(client, "courts or funding"))) == {"Asylum in the courts", "Border wall funding"}


@postgresql_only
def test_vector_follows_edits_to_the_release_its_tags_and_its_spokespeople(
    client, make_release, make_tag, make_spokesperson
):
    release = make_release(headline="Original headline")
    tag, person = make_tag(name="Farmworkers"), make_spokesperson(name="Dolores Huerta")

    release.headline = "Rewritten headline"
    release.save()
    release.tags.add(tag)
    person.releases.add(release)
    assert headlines(search(client, "rewritten farmworkers huerta")) == ["Rewritten headline"]
    assert headlines(search(client, "original")) == []

    tag.name = "Agricultural workers"
    tag.save()
    assert headlines(search(client, "agricultural")) == ["Rewritten headline"]
    assert headlines(search(client, "farmworkers")) == []

    person.releases.clear()
    assert headlines(search(client, "huerta")) == []
    tag.delete()
    assert headlines(search(client, "agricultural")) == []


@postgresql_only
def test_tags_and_spokespeople_saved_after_the_release_are_searchable(client, make_tag, make_spokesperson):
    """The admin's order: the release is saved first, its many-to-many fields afterwards."""
    tag, person = make_tag(name="Deferred Action"), make_spokesperson(name="Marielena Hincapié")
    fields = ["headline", "slug", "body", "released_at", "tags", "spokespeople"]
    form = modelform_factory(Release, fields=fields)(
        {
            "headline": "Form release",
            "slug": "form-release",
            "body": "<p>Text.</p>",
            "released_at": timezone.now() - timezone.timedelta(hours=1),
            "tags": [tag.pk],
            "spokespeople": [person.pk],
        }
    )
    release = form.save(commit=False)
    release.status = Release.Status.PUBLISHED
    release.save()
    form.save_m2m()

    assert headlines(search(client, "deferred action")) == ["Form release"]
    assert headlines(search(client, "hincapie")) == ["Form release"]


@postgresql_only
def test_existing_rows_can_be_indexed_again(client, make_release):
    make_release(headline="Asylum backlog grows")
    Release.objects.update(search_vector=None)
    assert headlines(search(client, "backlog")) == []

    refresh_search_vectors(Release.objects.all())

    assert headlines(search(client, "backlog")) == ["Asylum backlog grows"]


@postgresql_only
def test_a_word_found_almost_everywhere_ranks_only_the_most_recent_matches_and_says_so(
    client, make_release, monkeypatch
):
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    for days in range(1, 6):
        make_release(headline=f"Families news {days}", released_at=timezone.now() - timezone.timedelta(days=days))

    response = search(client, "families")

    assert sorted(headlines(response)) == ["Families news 1", "Families news 2", "Families news 3"]
    assert "More than 3 releases match “families”: the 3 most recent are shown" in response.text
