from django.urls import reverse
from django.utils import timezone

from releases.models import Release


def test_home_lists_published_releases_only(client, make_release):
    make_release(headline="Declaration falls short")
    make_release(headline="Secret draft", status=Release.Status.DRAFT)
    make_release(headline="Tomorrow's news", released_at=timezone.now() + timezone.timedelta(days=1))

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Declaration falls short" in response.text
    assert "Secret draft" not in response.text
    assert "Tomorrow&#x27;s news" not in response.text


def test_release_page_shows_the_release_and_its_contacts(client, make_release, make_contact):
    contact = make_contact(name="Elyssa Pachico", phone="+1 503 347 23 29", email="elyssa@example.org")
    release = make_release(headline="Summit a missed opportunity", contacts=[contact], dateline="LOS ANGELES")

    response = client.get(release.get_absolute_url())

    assert response.status_code == 200
    assert "Summit a missed opportunity" in response.text
    assert 'href="tel:+15033472329"' in response.text
    assert 'href="mailto:elyssa@example.org"' in response.text


def test_draft_release_page_is_a_404(client, make_release):
    release = make_release(status=Release.Status.DRAFT)

    assert client.get(release.get_absolute_url()).status_code == 404
