"""Each content rule holds through the model and through the admin, with a message a press officer understands."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.html import escape

from members.models import Organization
from releases.models import Boilerplate, MediaContact, Release, Spokesperson, Tag

COSIGNERS_NEEDED = "A joint statement needs at least two co-signing organizations before it is published."
RELEASE_ALT = "Describe the featured image in its alt text."
LOGO_ALT = "Describe the logo in its alt text."
PHOTO_ALT = "Describe the photo in its alt text."
UNREACHABLE = "Give a phone number or an email address, so journalists can reach this contact."
BOILERPLATE_LANGUAGE = "This boilerplate is in another language than the release."
ONE_DEFAULT = "Another boilerplate is already the default for this language. Untick “default” on that one first."
ONE_COALITION = "There is already a coalition profile; edit that one instead."

pytestmark = pytest.mark.django_db


def refusal(instance):
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    return refused.value.message_dict


def shown_once(response, message):
    """The admin re-showed the form with ``message`` exactly once."""
    assert response.status_code == 200
    assert response.text.count(escape(message)) == 1


def _organization_data(**fields):
    return {
        "name": "Workers Center",
        "slug": "workers-center",
        "role": Organization.Role.MEMBER,
        "is_active": "on",
        "country": "United States",
        "logo_alt": "",
        "social_links-TOTAL_FORMS": 0,
        "social_links-INITIAL_FORMS": 0,
        **fields,
    }


def _spokesperson_data(organization, **fields):
    return {"name": "Ana Ruiz", "slug": "ana-ruiz", "organization": organization.pk, "photo_alt": "", **fields}


# Unique slugs


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (Release, "Another release already has this address (slug); change it a little."),
        (Organization, "Another organization already has this address (slug); change it a little."),
        (Spokesperson, "Another spokesperson already has this address (slug); change it a little."),
        (Tag, "Another tag already has this address (slug); change it a little."),
    ],
)
def test_a_slug_already_taken_is_refused_by_the_model(
    model, message, make_release, make_organization, make_spokesperson, make_tag
):
    build = {Release: make_release, Organization: make_organization, Spokesperson: make_spokesperson, Tag: make_tag}
    existing = build[model](slug="taken")
    duplicate = model.objects.get(pk=existing.pk)
    duplicate.pk = None
    if model is Tag:
        duplicate.name = "Another tag"

    assert refusal(duplicate) == {"slug": [message]}


def test_a_release_slug_already_taken_is_refused_in_the_admin(admin_client, release_form_data, make_release):
    make_release(slug="summit")

    response = admin_client.post(reverse("admin:releases_release_add"), release_form_data(slug="summit"))

    shown_once(response, "Another release already has this address (slug); change it a little.")


def test_an_organization_slug_already_taken_is_refused_in_the_admin(admin_client, make_organization):
    make_organization(slug="workers-center")

    response = admin_client.post(reverse("admin:members_organization_add"), _organization_data())

    shown_once(response, "Another organization already has this address (slug); change it a little.")


def test_a_spokesperson_slug_already_taken_is_refused_in_the_admin(admin_client, make_spokesperson):
    existing = make_spokesperson(slug="ana-ruiz")

    response = admin_client.post(reverse("admin:releases_spokesperson_add"), _spokesperson_data(existing.organization))

    shown_once(response, "Another spokesperson already has this address (slug); change it a little.")


def test_a_tag_slug_or_name_already_taken_is_refused_in_the_admin(admin_client, make_tag):
    make_tag(name="Asylum", slug="asylum")

    response = admin_client.post(reverse("admin:releases_tag_add"), {"name": "Asylum", "slug": "asylum"})

    shown_once(response, "This tag already exists: pick it instead.")
    shown_once(response, "Another tag already has this address (slug); change it a little.")


# One default boilerplate per language


def test_a_second_default_boilerplate_for_a_language_is_refused_by_the_model(make_boilerplate):
    make_boilerplate(language="en", is_default=True)

    second = Boilerplate(title="About us", language="en", text="<p>About.</p>", is_default=True)

    assert refusal(second) == {NON_FIELD_ERRORS: [ONE_DEFAULT]}


def test_one_default_boilerplate_per_language_is_allowed(make_boilerplate):
    make_boilerplate(language="en", is_default=True)

    Boilerplate(title="Sobre nosotros", language="es", text="<p>Sobre.</p>", is_default=True).full_clean()
    Boilerplate(title="About us, short", language="en", text="<p>About.</p>", is_default=False).full_clean()


def test_a_second_default_boilerplate_for_a_language_is_refused_in_the_admin(admin_client, make_boilerplate):
    make_boilerplate(language="es", is_default=True)

    response = admin_client.post(
        reverse("admin:releases_boilerplate_add"),
        {"title": "Sobre la coalición", "language": "es", "text": "<p>Sobre.</p>", "is_default": "on"},
    )

    shown_once(response, ONE_DEFAULT)
    assert Boilerplate.objects.count() == 1


# Joint statements and their co-signers


def test_a_draft_joint_statement_saves_without_co_signers(admin_client, release_form_data):
    response = admin_client.post(
        reverse("admin:releases_release_add"),
        release_form_data(kind=Release.Kind.JOINT_STATEMENT, status=Release.Status.DRAFT),
    )

    assert response.status_code == 302
    release = Release.objects.get()
    assert release.kind == Release.Kind.JOINT_STATEMENT
    release.full_clean()
    release.clean_cosigners([])


@pytest.mark.parametrize("signers", [0, 1])
def test_publishing_a_joint_statement_needs_two_co_signers_in_the_model(make_release, make_organization, signers):
    release = make_release(kind=Release.Kind.JOINT_STATEMENT, status=Release.Status.PUBLISHED)

    with pytest.raises(ValidationError) as refused:
        release.clean_cosigners([make_organization() for _ in range(signers)])

    assert refused.value.message_dict == {"cosigners": [COSIGNERS_NEEDED]}


def test_a_joint_statement_with_two_co_signers_may_be_published(make_release, make_organization):
    release = make_release(kind=Release.Kind.JOINT_STATEMENT, status=Release.Status.PUBLISHED)

    release.clean_cosigners([make_organization(), make_organization()])


def test_other_kinds_need_no_co_signers(make_release):
    make_release(kind=Release.Kind.STATEMENT, status=Release.Status.PUBLISHED).clean_cosigners([])


@pytest.mark.parametrize("signers", [0, 1])
def test_publishing_a_new_joint_statement_without_two_co_signers_is_refused_in_the_admin(
    admin_client, release_form_data, make_organization, signers
):
    response = admin_client.post(
        reverse("admin:releases_release_add"),
        release_form_data(
            kind=Release.Kind.JOINT_STATEMENT,
            status=Release.Status.PUBLISHED,
            cosigners=[make_organization().pk for _ in range(signers)],
        ),
    )

    shown_once(response, COSIGNERS_NEEDED)
    assert not Release.objects.exists()


def test_removing_a_co_signer_from_a_published_joint_statement_is_refused_in_the_admin(
    admin_client, release_form_data, make_release, make_organization
):
    first, second = make_organization(), make_organization()
    release = make_release(
        kind=Release.Kind.JOINT_STATEMENT, slug="joint", cosigners=[first, second], status=Release.Status.PUBLISHED
    )

    response = admin_client.post(
        reverse("admin:releases_release_change", args=[release.pk]),
        release_form_data(release=release, kind=Release.Kind.JOINT_STATEMENT, slug="joint", cosigners=[first.pk]),
    )

    shown_once(response, COSIGNERS_NEEDED)
    assert release.cosigners.count() == 2


def test_publishing_a_draft_joint_statement_while_adding_its_co_signers_works_in_the_admin(
    admin_client, release_form_data, make_release, make_organization
):
    release = make_release(kind=Release.Kind.JOINT_STATEMENT, slug="joint", status=Release.Status.DRAFT)
    signers = [make_organization(), make_organization()]

    response = admin_client.post(
        reverse("admin:releases_release_change", args=[release.pk]),
        release_form_data(
            release=release,
            kind=Release.Kind.JOINT_STATEMENT,
            slug="joint",
            status=Release.Status.PUBLISHED,
            cosigners=[signer.pk for signer in signers],
        ),
    )

    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == Release.Status.PUBLISHED
    assert release.cosigners.count() == 2


# Alt text with every image


def test_a_release_image_needs_alt_text_in_the_model(png_file):
    release = Release(headline="H", slug="h", body="<p>B</p>", image=png_file(), image_alt=" ")

    assert refusal(release) == {"image_alt": [RELEASE_ALT]}


def test_an_organization_logo_needs_alt_text_in_the_model(png_file):
    organization = Organization(name="Workers Center", slug="workers-center", logo=png_file())

    assert refusal(organization) == {"logo_alt": [LOGO_ALT]}


def test_a_spokesperson_photo_needs_alt_text_in_the_model(make_organization, png_file):
    spokesperson = Spokesperson(name="Ana Ruiz", slug="ana-ruiz", organization=make_organization(), photo=png_file())

    assert refusal(spokesperson) == {"photo_alt": [PHOTO_ALT]}


@pytest.mark.parametrize(
    "build",
    [
        lambda org: Release(headline="H", slug="h", body="<p>B</p>", image="releases/a.png"),
        lambda org: Organization(name="O", slug="o", logo="logos/a.png"),
        lambda org: Spokesperson(name="S", slug="s", organization=org, photo="spokespeople/a.png"),
    ],
    ids=["release", "organization", "spokesperson"],
)
def test_the_database_refuses_an_image_without_alt_text_even_past_the_model(make_organization, build):
    unchecked = build(make_organization())

    with pytest.raises(IntegrityError), transaction.atomic():
        unchecked.save()


def test_a_release_image_without_alt_text_is_refused_in_the_admin(admin_client, release_form_data, png_file):
    response = admin_client.post(reverse("admin:releases_release_add"), release_form_data(image=png_file()))

    shown_once(response, RELEASE_ALT)
    assert not Release.objects.exists()


def test_a_release_image_with_alt_text_is_accepted_in_the_admin(admin_client, release_form_data, png_file):
    response = admin_client.post(
        reverse("admin:releases_release_add"), release_form_data(image=png_file(), image_alt="Marchers at city hall")
    )

    assert response.status_code == 302
    assert Release.objects.get().image_alt == "Marchers at city hall"


def test_an_organization_logo_without_alt_text_is_refused_in_the_admin(admin_client, png_file):
    response = admin_client.post(reverse("admin:members_organization_add"), _organization_data(logo=png_file()))

    shown_once(response, LOGO_ALT)
    assert not Organization.objects.exists()


def test_a_spokesperson_photo_without_alt_text_is_refused_in_the_admin(admin_client, make_organization, png_file):
    response = admin_client.post(
        reverse("admin:releases_spokesperson_add"), _spokesperson_data(make_organization(), photo=png_file())
    )

    shown_once(response, PHOTO_ALT)
    assert not Spokesperson.objects.exists()


# Media contacts can be reached


def test_a_media_contact_without_phone_or_email_is_refused_by_the_model():
    assert refusal(MediaContact(name="Press office")) == {NON_FIELD_ERRORS: [UNREACHABLE]}


def test_a_media_contact_without_phone_or_email_is_refused_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:releases_mediacontact_add"),
        {"name": "Press office", "role": "", "organization": "", "phone": "", "email": "", "is_active": "on"},
    )

    shown_once(response, UNREACHABLE)
    assert not MediaContact.objects.exists()


# Boilerplate in the release's language


def test_a_boilerplate_in_another_language_is_refused_by_the_model(make_boilerplate):
    release = Release(
        headline="H", slug="h", body="<p>B</p>", language="es", boilerplate=make_boilerplate(language="en")
    )

    assert refusal(release) == {"boilerplate": [BOILERPLATE_LANGUAGE]}


def test_a_boilerplate_in_another_language_is_refused_in_the_admin(admin_client, release_form_data, make_boilerplate):
    english = make_boilerplate(language="en")

    response = admin_client.post(
        reverse("admin:releases_release_add"), release_form_data(language="es", boilerplate=english.pk)
    )

    shown_once(response, BOILERPLATE_LANGUAGE)
    assert not Release.objects.exists()


# A release is not its own translation


def test_a_release_cannot_translate_itself(admin_client, release_form_data, make_release):
    release = make_release(slug="summit")
    release.translation_of = release

    assert refusal(release) == {"translation_of": ["A release cannot be a translation of itself."]}
    response = admin_client.post(
        reverse("admin:releases_release_change", args=[release.pk]),
        release_form_data(slug="summit", translation_of=release.pk),
    )
    shown_once(response, "A release cannot be a translation of itself.")


# Only one coalition profile


def test_a_second_coalition_profile_is_refused_by_the_model(coalition):
    second = Organization(name="Another coalition", slug="another", role=Organization.Role.COALITION)

    assert refusal(second) == {NON_FIELD_ERRORS: [ONE_COALITION]}


def test_a_second_coalition_profile_is_refused_in_the_admin(admin_client, coalition):
    response = admin_client.post(
        reverse("admin:members_organization_add"),
        _organization_data(name="Another coalition", slug="another", role=Organization.Role.COALITION),
    )

    shown_once(response, ONE_COALITION)
    assert Organization.objects.count() == 1


def test_the_coalition_profile_itself_can_be_edited(admin_client, coalition):
    response = admin_client.post(
        reverse("admin:members_organization_change", args=[coalition.pk]),
        _organization_data(name="Alianza de Prueba", slug="alianza", role=Organization.Role.COALITION, city="Denver"),
    )

    assert response.status_code == 302
    coalition.refresh_from_db()
    assert coalition.city == "Denver"
