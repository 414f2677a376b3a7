"""The "Translate" button of the release form: a linked draft in the other language, and one moment per pair."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from releases import workflow
from releases.models import AdvisoryEvent, Language, Release


def translate_url(release):
    return reverse("admin:releases_release_translate", args=[release.pk])


def change_url(release):
    return reverse("admin:releases_release_change", args=[release.pk])


@pytest.fixture
def original(make_release, make_contact, make_spokesperson, make_organization, make_tag):
    return make_release(
        headline="Coalition welcomes TPS extension",
        slug="coalition-welcomes-tps-extension",
        kind=Release.Kind.JOINT_STATEMENT,
        dateline="CHICAGO",
        released_at=timezone.now() + timezone.timedelta(days=2),
        contacts=[make_contact(name="Press office"), make_contact(name="Elisa Paredes")],
        spokespeople=[make_spokesperson(name="Rubén Castellanos")],
        cosigners=[make_organization(name="Casa Norte"), make_organization(name="Raíces Unidas")],
        tags=[make_tag(name="TPS")],
    )


def test_publisher_starts_the_spanish_draft_prefilled_with_people_contacts_tags_and_cosigners(
    signed_in, original, make_boilerplate
):
    spanish_about = make_boilerplate(title="Acerca de la coalición", language=Language.SPANISH, is_default=True)
    client = signed_in("Publisher")

    response = client.post(translate_url(original))

    translation = Release.objects.get(translation_of=original)
    assert response.status_code == 302
    assert response["Location"] == change_url(translation)
    assert translation.language == Language.SPANISH
    assert translation.status == Release.Status.DRAFT
    assert translation.kind == Release.Kind.JOINT_STATEMENT
    assert translation.same_moment_as_original
    assert translation.released_at == original.released_at
    assert translation.timing == "PARA PUBLICACIÓN INMEDIATA"
    assert translation.dateline == "CHICAGO"
    assert translation.slug == "coalition-welcomes-tps-extension-es"
    assert [c.name for c in translation.contacts.order_by("releasecontact__position")] == [
        "Press office",
        "Elisa Paredes",
    ]
    assert [p.name for p in translation.spokespeople.all()] == ["Rubén Castellanos"]
    assert sorted(o.name for o in translation.cosigners.all()) == ["Casa Norte", "Raíces Unidas"]
    assert [t.name for t in translation.tags.all()] == ["TPS"]
    assert translation.created_by == client.user
    assert translation.boilerplate == spanish_about  # The "About …" paragraph of its own language.


def test_the_button_is_on_the_form_and_leads_to_the_translation_once_there_is_one(signed_in, original):
    client = signed_in("Publisher")

    page = client.get(change_url(original)).content.decode()
    assert f'action="{translate_url(original)}"' in page
    assert "Translate into Spanish" in page

    client.post(translate_url(original))
    client.post(translate_url(original))  # Pressed twice (a second tab): still one translation.
    translation = Release.objects.get(translation_of=original)

    page = client.get(change_url(original)).content.decode()
    assert translate_url(original) not in page
    assert f'href="{change_url(translation)}">Spanish version<' in page
    page = client.get(change_url(translation)).content.decode()
    assert f'href="{change_url(original)}">English version<' in page
    assert client.post(translate_url(translation))["Location"] == change_url(original)


def test_a_spanish_original_is_translated_into_english(signed_in, make_release):
    spanish = make_release(headline="Declaración sobre el asilo", language=Language.SPANISH, timing="EMBARGADO")

    signed_in("Writer").post(translate_url(spanish))

    translation = Release.objects.get(translation_of=spanish)
    assert translation.language == Language.ENGLISH
    assert translation.timing == "EMBARGADO"  # Only the default line is put in the other language.


def test_a_media_advisory_keeps_its_event(signed_in, make_release):
    advisory = make_release(kind=Release.Kind.MEDIA_ADVISORY)
    starts = timezone.now() + timezone.timedelta(days=3)
    AdvisoryEvent.objects.create(release=advisory, starts_at=starts, place_name="Federal Building steps")

    signed_in("Publisher").post(translate_url(advisory))

    event = Release.objects.get(translation_of=advisory).event
    assert (event.starts_at, event.place_name) == (starts, "Federal Building steps")
    assert advisory.event.pk != event.pk


def test_only_a_post_from_someone_who_may_add_releases_starts_one(signed_in, original, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_release"))
    client = Client()
    client.force_login(viewer)

    assert signed_in("Publisher").get(translate_url(original)).status_code == 405
    assert client.post(translate_url(original)).status_code == 403
    assert translate_url(original) not in client.get(change_url(original)).content.decode()
    assert not Release.objects.filter(translation_of=original).exists()


def test_a_withdrawn_release_offers_no_translation(signed_in, make_release):
    release = make_release(status=Release.Status.WITHDRAWN, withdrawal_reason="Wrong figures")
    client = signed_in("Publisher")

    assert client.post(translate_url(release)).status_code == 403
    assert translate_url(release) not in client.get(change_url(release)).content.decode()


def test_the_translation_goes_public_with_its_original_and_never_before(signed_in, original):
    original.status = Release.Status.DRAFT
    original.save()
    client = signed_in("Publisher")
    publisher = client.user
    client.post(translate_url(original))
    translation = Release.objects.get(translation_of=original)

    with pytest.raises(ValidationError, match="Publish the original"):
        workflow.apply_transition(translation, "publish", publisher)

    workflow.apply_to_each(Release.objects.filter(pk__in=[translation.pk, original.pk]), "publish", publisher)
    later = original.released_at + timezone.timedelta(hours=5)
    Release.objects.filter(pk=original.pk).update(released_at=later)
    original.refresh_from_db()
    original.save()  # Rescheduled: the translation follows.

    translation.refresh_from_db()
    assert translation.status == Release.Status.PUBLISHED
    assert translation.released_at == original.released_at == later


def test_a_translation_with_its_own_moment_is_never_set_before_the_original(original):
    translation = Release(
        headline="Traducción",
        slug="traduccion",
        body="<p>Texto.</p>",
        language=Language.SPANISH,
        translation_of=original,
        same_moment_as_original=False,
        released_at=original.released_at - timezone.timedelta(minutes=1),
    )
    with pytest.raises(ValidationError) as error:
        translation.full_clean()
    assert "released_at" in error.value.error_dict

    translation.released_at = original.released_at + timezone.timedelta(hours=3)  # Staff chose later: allowed.
    translation.full_clean()
