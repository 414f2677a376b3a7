import io
import itertools
import os

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.test import Client
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from PIL import Image

from browser_checks import CHROMIUM, require_chromium
from mail_server import MailServer
from members.models import Organization
from releases.models import Attachment, Boilerplate, MediaContact, Release, ReleaseContact, Spokesperson, Tag

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }


@pytest.fixture(autouse=True)
def _page_cache(request, settings):
    """The page cache is off unless a test asks for it (``@pytest.mark.page_cache``): most tests look at
    what the views themselves do (their context, their queries)."""
    if request.node.get_closest_marker("page_cache") is None:
        settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back row must not survive in it (nor a content type that a
    test's ``flush`` made anew and its rollback took away)."""
    cache.clear()
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _requests_keep_their_language_to_themselves():
    """LocaleMiddleware activates the language of a page's address and leaves it active in the thread. A
    server's next request activates its own; in a test, the code after ``client.get("/es/…")`` would
    reverse addresses in Spanish. Each request in the test process gives back the language it found."""
    found = []

    def started(**kwargs):
        found.append(translation.get_language())

    def finished(**kwargs):
        if found:
            language = found.pop()
            translation.activate(language) if language else translation.deactivate()

    request_started.connect(started, dispatch_uid="test-language-started")
    request_finished.connect(finished, dispatch_uid="test-language-finished")
    yield
    request_started.disconnect(dispatch_uid="test-language-started")
    request_finished.disconnect(dispatch_uid="test-language-finished")
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The real hasher takes about a second per user on purpose; tests only need logins to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _staff_sign_in_in_one_step(settings):
    """Tests sign staff in with force_login; the second step is tested on its own (test_sign_in.py), where
    it is switched back on as in production."""
    settings.REQUIRE_STAFF_MFA = False


@pytest.fixture
def make_organization(db):
    def make(**fields):
        n = next(_numbers)
        fields.setdefault("name", f"Organization {n}")
        fields.setdefault("slug", f"organization-{n}")
        fields.setdefault("is_active", True)  # Made active: the tests of hiding say so.
        return Organization.objects.create(**fields)

    return make


@pytest.fixture
def coalition(make_organization):
    return make_organization(
        name="Alianza de Prueba",
        short_name="Alianza",
        slug="alianza",
        role=Organization.Role.COALITION,
        press_email="press@example.org",
        city="Chicago",
        region="IL",
    )


@pytest.fixture
def make_contact(db):
    def make(**fields):
        n = next(_numbers)
        fields.setdefault("name", f"Contact {n}")
        fields.setdefault("phone", f"+1 312 555 {n % 10000:04d}")
        fields.setdefault("email", f"contact{n}@example.org")
        fields.setdefault("is_active", True)  # Made active: the tests of hiding say so.
        return MediaContact.objects.create(**fields)

    return make


@pytest.fixture
def make_spokesperson(make_organization):
    def make(**fields):
        n = next(_numbers)
        fields.setdefault("name", f"Spokesperson {n}")
        fields.setdefault("slug", f"spokesperson-{n}")
        fields.setdefault("is_active", True)  # Made active: the tests of hiding say so.
        if "organization" not in fields:
            fields["organization"] = make_organization()
        return Spokesperson.objects.create(**fields)

    return make


@pytest.fixture
def make_tag(db):
    def make(**fields):
        n = next(_numbers)
        fields.setdefault("name", f"Tag {n}")
        fields.setdefault("slug", f"tag-{n}")
        return Tag.objects.create(**fields)

    return make


@pytest.fixture
def make_boilerplate(db):
    def make(**fields):
        fields.setdefault("title", "About the coalition")
        fields.setdefault("text", "<p>The coalition is a network of migrant-led organizations.</p>")
        return Boilerplate.objects.create(**fields)

    return make


@pytest.fixture
def make_release(db):
    """Builds a release; published and one hour old unless told otherwise."""

    def make(*, contacts=(), spokespeople=(), cosigners=(), tags=(), **fields):
        n = next(_numbers)
        fields.setdefault("headline", f"Release number {n}")
        fields.setdefault("slug", f"release-{n}")
        fields.setdefault("body", f"<p>Body of release {n}.</p>")
        fields.setdefault("status", Release.Status.PUBLISHED)
        fields.setdefault("released_at", timezone.now() - timezone.timedelta(hours=1))
        release = Release.objects.create(**fields)
        for position, contact in enumerate(contacts):
            ReleaseContact.objects.create(release=release, contact=contact, position=position)
        release.spokespeople.set(spokespeople)
        release.cosigners.set(cosigners)
        release.tags.set(tags)
        return release

    return make


@pytest.fixture
def signed_in(db, django_user_model):
    """A client signed in as a new staff member of the named group ("Writer" or "Publisher")."""

    def sign_in(role, username=None):
        user = django_user_model.objects.create_user(username or role.lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture
def publisher(db, django_user_model):
    """A staff member of the Publisher group."""
    user = django_user_model.objects.create_user("publisher", is_staff=True)
    user.groups.add(Group.objects.get(name="Publisher"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "correct horse battery")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def release_form_data():
    """What the release admin's add form posts for a draft press release; keyword arguments override fields."""

    def build(*, contacts=(), release=None, **fields):
        """``release``: the release being changed (its form carries the version it was opened at);
        ``status=PUBLISHED`` stands for pressing the "Save and publish or schedule" button."""
        moment = timezone.localtime()
        data = {
            "kind": Release.Kind.PRESS_RELEASE,
            "language": "en",
            "headline": "Coalition answers the summit",
            "subheadline": "",
            "slug": "coalition-answers-the-summit",
            "summary": "",
            "body": "<p>The coalition answers.</p>",
            "boilerplate": "",
            "released_at_0": moment.strftime("%Y-%m-%d"),
            "released_at_1": moment.strftime("%H:%M:%S"),
            "timing": "FOR IMMEDIATE RELEASE",
            "dateline": "",
            "image_alt": "",
            "image_credit": "",
            "translation_of": "",
            "releasecontact_set-TOTAL_FORMS": len(contacts),
            "releasecontact_set-INITIAL_FORMS": 0,
            "event-TOTAL_FORMS": 0,
            "event-INITIAL_FORMS": 0,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
            "corrections-TOTAL_FORMS": 0,
            "corrections-INITIAL_FORMS": 0,
            "access_links-TOTAL_FORMS": 0,
            "access_links-INITIAL_FORMS": 0,
            "status_changes-TOTAL_FORMS": 0,
            "status_changes-INITIAL_FORMS": 0,
        }
        if release is not None:
            data["loaded_version"] = release.updated_at.isoformat()
        for position, contact in enumerate(contacts):
            data[f"releasecontact_set-{position}-contact"] = contact.pk
            data[f"releasecontact_set-{position}-position"] = position
        data.update(fields)
        if data.pop("status", None) == Release.Status.PUBLISHED:
            data["_transition"] = "publish"
        return data

    return build


@pytest.fixture
def png_file():
    """A tiny real PNG, as an upload."""

    def make(name="picture.png"):
        buffer = io.BytesIO()
        Image.new("RGB", (2, 2), "teal").save(buffer, "PNG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    return make


# Browser tests: pytest-playwright with Debian's Chromium (see tests/browser_checks.py).
# Django refuses synchronous ORM calls from the thread sync Playwright runs an event loop in.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_chromium()
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def public_pages(
    coalition, make_release, make_contact, make_spokesperson, make_organization, make_tag, make_boilerplate
):
    """One page of every public HTML page type, each showing all it can; maps a page name to its path."""

    def picture(name, size, color):
        buffer = io.BytesIO()
        Image.new("RGB", size, color).save(buffer, "PNG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    now = timezone.now()
    asylum, detention = make_tag(name="Asylum", slug="asylum"), make_tag(name="Detention", slug="detention")
    member = make_organization(
        name="Centro Latino de Chicago",
        slug="centro-latino",
        city="Chicago",
        region="IL",
        website="https://centro.example.org",
        description="A member organization serving families since 1992.",
        logo=picture("centro.png", (240, 96), "#2a6f73"),
        logo_alt="Centro Latino",
    )
    other_member = make_organization(name="Voces Unidas", slug="voces-unidas", city="El Paso", region="TX")
    person = make_spokesperson(
        name="Oscar Chacón",
        slug="oscar-chacon",
        title="Executive director",
        organization=member,
        languages="English, Spanish",
        bio="Oscar leads the coalition's policy work.",
        photo=picture("oscar.png", (300, 360), "#8a6d3b"),
        photo_alt="Oscar Chacón, smiling",
    )
    contact = make_contact(name="Elyssa Pachico", role="Press officer", organization=coalition, languages="English")
    make_release(
        headline="Coalition welcomes the court's ruling",
        released_at=now - timezone.timedelta(days=40),
        tags=[asylum],
        spokespeople=[person],
        cosigners=[member],
    )
    release = make_release(
        kind=Release.Kind.JOINT_STATEMENT,
        headline="Summit declaration falls short on asylum",
        subheadline="Leaders promised protection and delivered detention",
        dateline="LOS ANGELES",
        summary="Forty organizations say the declaration falls short.",
        body="<p>The declaration signed today falls short.</p><blockquote><p>“Not in our name,” said Chacón."
        "</p></blockquote><ul><li>End family detention.</li><li>Restore asylum access.</li></ul>",
        contacts=[contact],
        spokespeople=[person],
        cosigners=[member, other_member],
        tags=[asylum, detention],
        boilerplate=make_boilerplate(),
        image=picture("summit.png", (1200, 675), "#3b5b8a"),
        image_alt="Marchers outside the summit hall",
        image_credit="Photo: Ana Ruiz",
        released_at=now - timezone.timedelta(days=2),
    )
    Attachment.objects.create(
        release=release,
        title="Full declaration (PDF)",
        file=SimpleUploadedFile("declaration.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    translation = make_release(
        headline="La declaración de la cumbre se queda corta",
        language="es",
        translation_of=release,
        tags=[asylum],
        released_at=now - timezone.timedelta(days=1),
    )
    make_release(headline="Media advisory: vigil on Friday", kind=Release.Kind.MEDIA_ADVISORY, tags=[detention])
    return {
        "home": reverse("home"),
        "release-list": reverse("releases:list") + "?tag=asylum&language=en",
        "archive-year": reverse("releases:archive-year", args=[timezone.localtime(release.released_at).year]),
        "release": release.get_absolute_url(),
        "translation": translation.get_absolute_url(),
        "tag": asylum.get_absolute_url(),
        "spokesperson": person.get_absolute_url(),
        "member": member.get_absolute_url(),
        "directory": reverse("members:directory"),
        "media-contacts": reverse("media-contacts"),
        "search": reverse("releases:search") + "?q=asylum",
        "search-blank": reverse("releases:search"),
        "search-no-results": reverse("releases:search") + "?q=zebra",
        "not-found": "/releases/no-such-release/",
    }


@pytest.fixture
def spanish_public_pages(public_pages):
    """The same page types at their Spanish addresses (``/es/…``); the release page is the Spanish release's own."""
    pages = {name: translate_url(path, "es") for name, path in public_pages.items() if name != "translation"}
    return {**pages, "release": public_pages["translation"]}


@pytest.fixture
def mail_server(settings):
    """A real SMTP server in the test process; every mailer sends to it."""
    with MailServer() as server:
        settings.MAILERS = {"default": server.mailer}
        yield server


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file, so the worker processes the worker tests start can open it."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("database") / "test.sqlite3")


@pytest.fixture
def reach_pages(settings, coalition, make_release, make_contact, make_tag, make_spokesperson):
    """The public pages issue 14 added, one of each state; maps a page name to (path, expected status).

    Pages answering a POST are fetched by the caller (see ``post_pages``).
    """
    import time_machine
    from django.core import signing

    from releases.models import AccessLink, AdvisoryEvent, Subscription
    from releases.subscriptions import tokens

    settings.SITE_URL = "https://press.example.org"
    now = timezone.now()
    topic = make_tag(name="Asylum", slug="asylum")
    contact = make_contact(name="Elyssa Pachico", role="Press officer", organization=coalition, languages="English")
    person = make_spokesperson(name="Oscar Chacón", slug="oscar-chacon", title="Executive director")
    make_release(headline="On asylum", tags=[topic])
    advisory = make_release(
        kind=Release.Kind.MEDIA_ADVISORY,
        headline="Vigil outside the detention center",
        summary="Families and faith leaders hold a vigil.",
        contacts=[contact],
        spokespeople=[person],
    )
    AdvisoryEvent.objects.create(
        release=advisory,
        starts_at=now + timezone.timedelta(days=3),
        ends_at=now + timezone.timedelta(days=3, hours=2),
        time_zone="America/Los_Angeles",
        place_name="Federal Building steps",
        address="300 N Los Angeles St, Los Angeles",
        online_url="https://live.example.org/vigil",
    )
    scheduled = make_release(
        headline="Embargoed lawsuit", contacts=[contact], released_at=now + timezone.timedelta(days=1)
    )
    embargo = AccessLink.objects.create(
        release=scheduled, name="Ana Reporter", expires_at=now + timezone.timedelta(days=2)
    )
    revoked = AccessLink.objects.create(
        release=scheduled, name="Ben", expires_at=now + timezone.timedelta(days=2), revoked_at=now
    )
    pending = Subscription.objects.create(email="new@example.org", languages=["en"])
    confirmed = Subscription.objects.create(email="ana@example.org", languages=["en", "es"], confirmed_at=now)
    confirmed.topics.set([topic])
    with time_machine.travel(now - timezone.timedelta(days=30), tick=False):
        old = signing.TimestampSigner(salt=tokens.CONFIRM_SALT).sign(str(pending.pk))
    path = lambda url: url.removeprefix(settings.SITE_URL)  # noqa: E731
    return {
        "subscribe": (reverse("subscriptions:subscribe"), 200),
        "requested": (reverse("subscriptions:requested"), 200),
        "confirm": (path(tokens.confirm_url(pending)), 200),
        "confirm-expired": (reverse("subscriptions:confirm", args=[old]), 410),
        "manage": (path(tokens.manage_url(confirmed)), 200),
        "leave": (path(tokens.leave_url(confirmed)), 200),
        "advisory": (advisory.get_absolute_url(), 200),
        "embargo-link": (embargo.get_absolute_url(), 200),
        "revoked-link": (revoked.get_absolute_url(), 410),
        "unknown-link": (reverse("access-link", args=["no-such-token"]), 404),
    }


@pytest.fixture
def busy_release(make_release, make_contact, make_spokesperson, make_organization, make_tag):
    """A release with ``n`` of every related row, and ``n`` related releases."""

    def build(n):
        tags = [make_tag() for _ in range(n)]
        release = make_release(
            kind=Release.Kind.JOINT_STATEMENT,
            contacts=[make_contact() for _ in range(n)],
            spokespeople=[make_spokesperson() for _ in range(n)],
            cosigners=[make_organization() for _ in range(max(n, 2))],
            tags=tags,
        )
        for i in range(n):
            Attachment.objects.create(release=release, title=f"File {i}", file=f"attachments/file{i}.pdf")
            make_release(
                tags=tags[:1], spokespeople=release.spokespeople.all()[:1], cosigners=release.cosigners.all()[:1]
            )
        return release

    return build
