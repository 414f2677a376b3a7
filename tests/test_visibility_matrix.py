"""Nothing unpublished leaks: every hidden state against every public surface, for an anonymous
reader and for a staff member without permission to view releases.

Each case fetches every surface, then deletes the hidden release and fetches them all again. A
surface leaks if its status or its bytes differ: a missing release and an unpublished one must
answer the same, in lists, counts, feeds (``lastBuildDate``/``updated`` included), sitemaps,
search, JSON-LD and meta tags of the neighbours, and the release's own addresses. The one
intended exceptions are a withdrawn release's own page (retraction notice, or 410 Gone) and its
retraction notice in the feeds that listed it; a release deleted after it went public answers 410. The
control case, the same release published, proves that every surface would show it.
"""

import datetime as dt
import difflib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from releases.models import AccessLink, Attachment, Release, ReleaseRemoval

pytestmark = pytest.mark.page_cache

MARKER = "Zyzzogeton"
NOW = dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
REASON = "The figures in the second paragraph were wrong."
Status = Release.Status

STATES = {
    "draft": {"status": Status.DRAFT},
    "in review": {"status": Status.REVIEW},
    "scheduled": {"status": Status.PUBLISHED, "released_at": NOW + HOUR},
    "withdrawn with notice": {"status": Status.WITHDRAWN, "withdrawn_at": NOW - HOUR, "withdrawal_reason": REASON},
    "withdrawn, 410": {
        "status": Status.WITHDRAWN,
        "withdrawn_at": NOW - HOUR,
        "withdrawal_reason": REASON,
        "answer_gone": True,
    },
    "deleted": {"status": Status.PUBLISHED, "deleted": True},
    "embargo link expired": {
        "status": Status.PUBLISHED,
        "released_at": NOW + HOUR,
        "link": {"purpose": AccessLink.Purpose.EMBARGO, "expires_at": NOW - dt.timedelta(seconds=1)},
    },
    "embargo link revoked": {
        "status": Status.PUBLISHED,
        "released_at": NOW + HOUR,
        "link": {"purpose": AccessLink.Purpose.EMBARGO, "expires_at": NOW + 24 * HOUR, "revoked_at": NOW - HOUR},
    },
    "preview link expired": {
        "status": Status.DRAFT,
        "link": {"purpose": AccessLink.Purpose.PREVIEW, "expires_at": NOW - dt.timedelta(seconds=1)},
    },
    "preview link revoked": {
        "status": Status.DRAFT,
        "link": {"purpose": AccessLink.Purpose.PREVIEW, "expires_at": NOW + 24 * HOUR, "revoked_at": NOW - HOUR},
    },
}
READERS = ["anonymous reader", "staff member without permission"]


@pytest.fixture
def world(time_machine, coalition, make_release, make_tag, make_spokesperson, make_organization, png_file):
    """Twenty public releases sharing a topic, a spokesperson and a member, and a factory for the
    hidden release, which shares them all, has a topic, a spokesperson and a member of its own,
    translates one public release and is translated by another, and sits between two public
    neighbours (or, scheduled, after the newest). Public copies last changed at their moments;
    the hidden release changed last, so any date it leaks into moves a feed or a sitemap."""
    time_machine.move_to(NOW, tick=False)
    asylum = make_tag(name="Asylum", slug="asylum")
    person = make_spokesperson(name="Oscar Chacón", slug="oscar-chacon")
    member = make_organization(name="Centro Latino", slug="centro-latino")

    def public(days, **fields):
        fields.setdefault("body", "<p>The coalition stands in solidarity.</p>")
        return make_release(
            released_at=NOW - dt.timedelta(days=days),
            tags=[asylum],
            spokespeople=[person],
            cosigners=[member],
            same_moment_as_original=False,
            **fields,
        )

    for n in range(16):
        public(10 + n / 24, headline=f"Earlier statement {n}")
    releases = {
        "original": public(4, headline="Summit declaration"),
        "follower": public(5, headline="Declaration in other words"),
        "older": public(3, headline="Older neighbour", kind=Release.Kind.STATEMENT),
        "newer": public(1, headline="Newer neighbour", language="es"),
    }
    for release in Release.objects.all():
        Release.objects.filter(pk=release.pk).update(updated_at=release.released_at)
    secret_tag = make_tag(name=f"{MARKER} topic", slug=f"{MARKER.lower()}-topic")
    secret_person = make_spokesperson(name=f"{MARKER} Speaker", slug=f"{MARKER.lower()}-speaker", is_active=False)
    solo = make_organization(name="Solo Organization", slug="solo-organization")

    def make_hidden(state):
        fields = dict(STATES.get(state, {"status": Status.PUBLISHED}))
        deleted, link = fields.pop("deleted", False), fields.pop("link", None)
        fields.setdefault("released_at", NOW - 36 * HOUR)
        hidden = make_release(
            headline=f"{MARKER} pact signed",
            slug=f"{MARKER.lower()}-pact",
            summary=f"The {MARKER} pact.",
            body=f"<p>The {MARKER} pact, in solidarity.</p>",
            kind=Release.Kind.STATEMENT,
            language="es",
            translation_of=releases["original"],
            same_moment_as_original=False,
            tags=[asylum, secret_tag],
            spokespeople=[person, secret_person],
            cosigners=[member, solo],
            image=png_file(f"{MARKER.lower()}.png"),
            image_alt=f"{MARKER} picture",
            **fields,
        )
        attachment = Attachment.objects.create(
            release=hidden, title=f"{MARKER} brief", file=SimpleUploadedFile(f"{MARKER.lower()}.pdf", b"%PDF-1.4\n")
        )
        Release.objects.filter(pk=releases["follower"].pk).update(translation_of=hidden)
        token = AccessLink.objects.create(release=hidden, name="Ana Reporter", **link).token if link else "no-link"
        addresses = own_addresses(hidden.slug, attachment.pk, token)
        if deleted:
            hidden.delete()
        return hidden, addresses

    return {"releases": releases, "make_hidden": make_hidden}


def never_existed(hidden):
    """Delete the hidden release as if it had never been: without the record a deletion leaves when the
    release had gone public (that record, and the 410 it gives, are the "deleted" state's own)."""
    kept = set(ReleaseRemoval.objects.values_list("pk", flat=True))
    Release.objects.filter(slug=hidden.slug).delete()
    ReleaseRemoval.objects.exclude(pk__in=kept).delete()


def own_addresses(slug, attachment_pk, token):
    """The hidden release's addresses: in its language (Spanish), as a release is read in its own."""
    with translation.override("es"):
        return {
            "page": reverse("releases:detail", args=[slug]),
            "wire text": reverse("releases:detail-text", args=[slug]),
            "featured image": reverse("releases:image", args=[slug]),
            "attachment": reverse("releases:file", args=[slug, attachment_pk]),
            "access link": reverse("access-link", args=[token]),
            "access link image": reverse("access-link-image", args=[token]),
            "access link attachment": reverse("access-link-file", args=[token, attachment_pk]),
        }


MISSING = own_addresses("no-such-release", 999999, "no-such-token")


def public_surfaces(releases):
    """Every public address that could show, count, link to or date the hidden release."""
    releases_url, search = reverse("releases:list"), reverse("releases:search")
    surfaces = {
        "home": reverse("home"),
        "release list": releases_url,
        "release list, page 2": f"{releases_url}?page=2",
        "release list by topic": f"{releases_url}?tag=asylum",
        "release list by every filter": f"{releases_url}?spokesperson=oscar-chacon&member=centro-latino"
        "&kind=statement&language=es",
        "release list by its own topic": f"{releases_url}?tag={MARKER.lower()}-topic",
        "release list by its own spokesperson": f"{releases_url}?spokesperson={MARKER.lower()}-speaker",
        "release list by its own member": f"{releases_url}?member=solo-organization",
        "year archive": reverse("releases:archive-year", args=[2026]),
        "month archive": reverse("releases:archive-month", args=[2026, 6]),
        "tag page": reverse("releases:tag", args=["asylum"]),
        "tag page, page 2": reverse("releases:tag", args=["asylum"]) + "?page=2",
        "its own topic's page": reverse("releases:tag", args=[f"{MARKER.lower()}-topic"]),
        "spokesperson page": reverse("releases:spokesperson", args=["oscar-chacon"]),
        "its own spokesperson's page": reverse("releases:spokesperson", args=[f"{MARKER.lower()}-speaker"]),
        "member page": reverse("member", args=["centro-latino"]),
        "its own member's page": reverse("member", args=["solo-organization"]),
        "search for its headline word": f"{search}?q={MARKER}",
        "search result count": f"{search}?q=solidarity",
        "sitemap index": reverse("sitemap"),
        "news sitemap": reverse("news-sitemap"),
    }
    for name, release in releases.items():
        surfaces[f"{name} release page (links, JSON-LD, meta, hreflang)"] = release.get_absolute_url()
    for section in ("pages", "releases", "tags", "spokespeople"):
        surfaces[f"{section} sitemap"] = reverse("sitemap-section", args=[section])
    feeds = {
        "": {},
        "tag-": {"slug": "asylum"},
        "kind-": {"kind": "statement"},
        "spokesperson-": {"slug": "oscar-chacon"},
        "member-": {"slug": "centro-latino"},
        "language-": {"code": "es"},
        "its own tag ": {"slug": f"{MARKER.lower()}-topic"},
        "its own spokesperson ": {"slug": f"{MARKER.lower()}-speaker"},
        "its own member ": {"slug": "solo-organization"},
    }
    for subject, kwargs in feeds.items():
        name = subject.removeprefix("its own ").strip().rstrip("-")
        for fmt in ("rss", "atom"):
            surfaces[f"{subject}{fmt} feed"] = reverse(f"feeds:{name + '-' if name else ''}{fmt}", kwargs=kwargs)
    return surfaces


# Compared with the body. Cache-Control is not: its max-age is capped at the next scheduled moment on purpose.
COMPARED_HEADERS = ("Content-Type", "Last-Modified", "Location", "X-Robots-Tag")


def fetch(client, addresses):
    """{name: (status, body, compared headers)} for each address, as this client gets it."""
    answers = {}
    for name, url in addresses.items():
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[name] = (response.status_code, body, {key: response.get(key) for key in COMPARED_HEADERS})
    return answers


def first_difference(before, after):
    lines = difflib.unified_diff(
        after.decode(errors="replace").splitlines(),
        before.decode(errors="replace").splitlines(),
        "without the release",
        "with it",
        n=0,
        lineterm="",
    )
    return "\n".join(line[:400] for line in list(lines)[2:8])


def leaks(seen, baseline, addresses):
    """The surfaces whose answer differs from the baseline, or that show the marker, explained."""
    found = []
    for name, (status, body, headers) in seen.items():
        missing_status, missing_body, missing_headers = baseline[name]
        if (status, body, headers) != baseline[name]:
            header_changes = {
                key: (missing_headers[key], value) for key, value in headers.items() if value != missing_headers[key]
            }
            found.append(
                f"{name} ({addresses[name]}): status {missing_status} → {status}; headers {header_changes}\n"
                f"{first_difference(body, missing_body)}"
            )
        elif MARKER.lower() not in addresses[name].lower() and MARKER.lower().encode() in body.lower():
            found.append(f"{name} ({addresses[name]}) shows {MARKER}")
    return found


@pytest.fixture
def reader(request, client, django_user_model):
    if request.param == "staff member without permission":
        client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    return client


@pytest.mark.parametrize("reader", READERS, indirect=True)
@pytest.mark.parametrize("state", STATES)
def test_a_hidden_release_leaks_nowhere(world, reader, state):
    hidden, own = world["make_hidden"](state)
    surfaces = public_surfaces(world["releases"])

    seen, seen_own = fetch(reader, surfaces), fetch(reader, own)
    never_existed(hidden)
    baseline, missing = fetch(reader, surfaces), fetch(reader, MISSING)
    if state == "withdrawn with notice":
        # The intended exception in feeds: the retraction notice stays where the release was.
        for name in [name for name in surfaces if name.endswith("feed") and seen[name] != baseline[name]]:
            status, body, _headers = seen.pop(name)
            baseline.pop(name)
            assert status == 200 and b"Withdrawn: " + MARKER.encode() in body and REASON.encode() in body, name

    found = leaks(seen, baseline, surfaces)
    assert not found, f"{len(found)} surfaces leak:\n\n" + "\n\n".join(found)
    expected = dict(missing)
    if state == "withdrawn with notice":
        page, text = seen_own.pop("page"), seen_own.pop("wire text")
        assert page[0] == 200 and b"notice retraction" in page[1] and REASON.encode() in page[1]
        assert text[0] == 200 and REASON.encode() in text[1]
        assert b"/image/" not in page[1] and b"/files/" not in page[1], "the page links to files it does not serve"
    elif state in ("withdrawn, 410", "deleted"):
        page, text = seen_own.pop("page"), seen_own.pop("wire text")
        assert (page[0], text[0]) == (410, 410)
        assert MARKER.encode() not in page[1] + text[1]
    if "link" in STATES[state] and ("revoked" in state or "expired" in state):
        # A closed link says it is closed (410) and gives the press office, but nothing of the release.
        for name in ("access link", "access link image", "access link attachment"):
            status, body, _headers = seen_own.pop(name)
            assert status == 410 and MARKER.encode() not in body, name
    assert {name: answer for name, answer in seen_own.items()} == {name: expected[name] for name in seen_own}


@pytest.mark.parametrize("reader", READERS, indirect=True)
def test_the_same_release_published_shows_on_every_surface(world, reader):
    """The control: were the release public, every surface of the matrix would change."""
    hidden, own = world["make_hidden"]("published")
    surfaces = public_surfaces(world["releases"])

    seen, seen_own = fetch(reader, surfaces), fetch(reader, own)
    Release.objects.filter(pk=hidden.pk).delete()
    baseline = fetch(reader, surfaces)

    unchanged = [name for name in surfaces if seen[name] == baseline[name]]
    assert unchanged == []
    assert {name: answer[0] for name, answer in seen_own.items()} == {
        "page": 200,
        "wire text": 200,
        "featured image": 200,
        "attachment": 200,
        "access link": 404,
        "access link image": 404,
        "access link attachment": 404,
    }
