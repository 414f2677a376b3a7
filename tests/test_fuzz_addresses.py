"""A bounded fuzz over every address the press room answers: no request gets a 500.

Each URL pattern (walked from the URLconf, so new ones are covered as they come) is filled with real
slugs and numbers, other text and hostile bytes (NUL and other controls, escaped once or twice, invalid
UTF-8, long strings), with fuzzed query strings, methods and headers, as a reader and as a signed-in
superuser. Run on PostgreSQL (as CI does), where a NUL reaching a query is an error.
"""

import re
import time
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from releases.models import AccessLink, LegacyPath

pytestmark = pytest.mark.django_db

EXAMPLES = 5_000  # each sends two requests: one as a reader, one as a superuser
MINIMUM_REQUESTS = 10_000
CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
METHODS = ["GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "BREW"]
QUERY_NAMES = ["q", "page", "tag", "kind", "language", "member", "spokesperson", "year", "next", "o", "p", "e"]
HEADERS = [
    "HTTP_USER_AGENT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_COOKIE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_REFERER",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_ACCEPT",
    "HTTP_RANGE",
]


def routes(resolver=None, prefix=""):
    """Every URL pattern as (prefix, pattern): a route string or a regular expression to fill; under
    i18n_patterns, once for each language's prefix."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLPattern):
            yield prefix, entry.pattern
        elif hasattr(entry.pattern, "language_prefix"):
            for code, _name in django_settings.LANGUAGES:
                with translation.override(code):
                    yield from routes(entry, prefix + entry.pattern.language_prefix)
        elif isinstance(entry, URLResolver):
            yield from routes(entry, prefix + str(entry.pattern))


anything = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
controls = st.text(alphabet=st.characters(max_codepoint=0x9F, categories=["Cc"]), min_size=1, max_size=3)
hostile = st.one_of(
    anything,
    st.tuples(anything, controls, anything).map("".join),
    st.sampled_from(["%00", "%2500", "%C0%AF", "%FF", "..", "%2e%2e%2f", "a" * 600, "-1", "0x10", "1e309"]),
)


def escaped(text, twice=False):
    once = quote(text, safe="") if not text.startswith("%") else text
    return quote(once, safe="") if twice else once


@st.composite
def segment(draw, kind, known):
    if kind == "int":
        return str(draw(st.one_of(st.integers(0, 10**12), st.sampled_from(known["int"]))))
    if kind == "slug":
        value = draw(st.one_of(st.sampled_from(known["slug"]), st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)))
    else:
        value = draw(st.one_of(st.sampled_from(known["str"]), anything))
    if draw(st.integers(0, 3)) == 0:
        value = draw(hostile)
    return escaped(value, twice=draw(st.booleans()))


@st.composite
def address(draw, patterns, known):
    prefix, pattern = draw(st.sampled_from(patterns))
    if isinstance(pattern, RegexPattern):
        tail = draw(st.from_regex(pattern.regex.pattern.lstrip("^").rstrip("$") or r"\A\Z", fullmatch=True))
        path = "/" + prefix + escaped(tail).replace("%2F", "/")
    else:
        route = str(pattern)
        path = "/" + prefix + CONVERTER.sub(lambda m: draw(segment(m["kind"] or "str", known)), route)
    if draw(st.integers(0, 9)) == 0:
        path += escaped(draw(hostile), twice=draw(st.booleans()))
    pairs = draw(st.lists(st.tuples(st.sampled_from(QUERY_NAMES) | anything, hostile | anything), max_size=4))
    query = "&".join(f"{escaped(name)}={escaped(value)}" for name, value in pairs)
    return path, query


header_value = st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=60)


@st.composite
def headers(draw, known):
    chosen = draw(st.dictionaries(st.sampled_from(HEADERS), header_value, max_size=3))
    if "HTTP_COOKIE" not in chosen and draw(st.booleans()):
        chosen["HTTP_COOKIE"] = f"sessionid={draw(st.sampled_from(known['str']) | header_value)}"
    return chosen


@pytest.fixture
def press_room(make_release, make_tag, make_spokesperson, make_organization, coalition):
    """Rows behind real addresses, so that the fuzz also reaches pages that exist."""
    tag, person, member = make_tag(slug="asylum"), make_spokesperson(slug="oscar"), make_organization(slug="casa")
    public = make_release(slug="families-wait", tags=[tag], spokespeople=[person], cosigners=[member])
    scheduled = make_release(slug="embargoed", released_at=timezone.now() + timezone.timedelta(days=1))
    link = AccessLink.objects.create(release=scheduled, name="A journalist", expires_at=scheduled.released_at)
    LegacyPath.objects.create(old_path="/2012/01/families-wait/", release=public)
    return {
        "slug": ["families-wait", "embargoed", "asylum", "oscar", "casa", "statement", "es", "releases"],
        "int": [public.pk, scheduled.pk, 2026, timezone.now().month, 1],
        "str": [link.token, "families-wait", "releases", "release", "auth", "user", str(public.pk)],
    }


def test_no_fuzzed_request_to_any_address_answers_500(press_room, superuser):
    patterns = list(routes())
    reader, staff = Client(), Client()
    reader.raise_request_exception = staff.raise_request_exception = False
    staff.force_login(superuser)
    failures, sent = [], []
    started = time.monotonic()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(
        target=address(patterns, press_room),
        method=st.sampled_from(METHODS),
        extra=headers(press_room),
        body=st.dictionaries(st.sampled_from(["username", "password", "code", "q"]), hostile, max_size=3),
    )
    def fuzz(target, method, extra, body):
        path, query = target
        for client in (reader, staff):
            data = body if method == "POST" else {}
            content_type = "application/x-www-form-urlencoded" if method == "POST" else "application/octet-stream"
            encoded = "&".join(f"{quote(k)}={quote(v)}" for k, v in data.items())
            response = client.generic(
                method, f"{path}?{query}" if query else path, encoded, content_type=content_type, **extra
            )
            sent.append(1)
            if response.status_code >= 500:
                failures.append((response.status_code, method, path, query, extra))

    fuzz()

    elapsed = time.monotonic() - started
    print(f"fuzz: {len(sent)} requests over {len(patterns)} URL patterns in {elapsed:.0f} s")
    assert len(sent) >= MINIMUM_REQUESTS
    assert not failures, "\n".join(map(repr, failures[:20]))
