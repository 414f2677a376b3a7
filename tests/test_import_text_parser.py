"""The text importer reads a release file the way a person reading it would fill in the form."""

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from releases.importing.text import ParsedContact, ParsedSpokesperson, ReleaseParseError, parse_release

SAMPLES = Path(__file__).parent / "samples"
BODY = "CHICAGO – The coalition welcomed the decision today. Families had waited for years."


def read_sample(name):
    return parse_release((SAMPLES / name).read_text(encoding="utf-8"), filename=name)


def release(*header, body=BODY, filename="x.txt"):
    """A small release: header lines (one block each), a headline and one body paragraph."""
    blocks = [*header] if any("Headline" in line for line in header) else [*header, "Coalition Welcomes Decision"]
    return parse_release("\n\n".join([*blocks, body]), filename=filename)


# The Los Angeles Declaration sample, field by field


@pytest.fixture(scope="module")
def declaration():
    return read_sample("los-angeles-declaration-release.txt")


def test_sample_headline_subheadline_kind_and_language(declaration):
    assert declaration.headline == (
        "Los Angeles Declaration on Migration Falls Short in Strengthening Protections for Asylum Seekers"
    )
    assert declaration.subheadline == (
        "Summit of the Americas a Missed Opportunity for Addressing the Systemic Inequities Driving Migration"
    )
    assert declaration.kind == "press-release"
    assert declaration.language == "en"
    assert declaration.timing == ""
    assert declaration.dateline == ""


def test_sample_date_without_time(declaration):
    assert declaration.released_on == date(2022, 6, 10)
    assert declaration.released_at is None


def test_sample_contacts_drop_cloudflare_placeholders(declaration):
    assert declaration.contacts == [
        ParsedContact(name="Elyssa Pachico", phone="+1 503 347 23 29", email=""),
        ParsedContact(name="Myneilles Negron", phone="+1 703 585 6727", email=""),
    ]
    assert [warning[:7] for warning in declaration.warnings] == ["Line 7:", "Line 8:"]
    assert all("[email protected]" in warning for warning in declaration.warnings)


def test_sample_spokesperson_from_quote_attribution(declaration):
    assert declaration.spokespeople == [
        ParsedSpokesperson(name="Oscar Chacón", title="executive director", organization="Alianza Americas")
    ]


def test_sample_body_is_the_six_paragraphs_between_contacts_and_boilerplate(declaration):
    text = (SAMPLES / "los-angeles-declaration-release.txt").read_text(encoding="utf-8")
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()][3:9]
    assert paragraphs[0].startswith("On June 10, the U.S.")
    assert declaration.body_html == "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    assert (
        "<p>“This declaration in no way represents a truly new approach on migration in the Americas,” said Oscar "
        "Chacón, executive director of Alianza Americas. “Tens of thousands" in declaration.body_html
    )


def test_sample_boilerplate_and_no_web_leftovers(declaration):
    assert declaration.boilerplate_html == (
        "<p>Alianza Americas is the premier transnational advocacy network of Latin American migrant-led "
        "organizations working in the United States, across the Americas, and globally to create an inclusive, "
        "equitable and sustainable way of life for communities across North, Central and South America. Alianza’s "
        "digital organizing powerhouse is Presente.org.</p>"
    )
    everything = declaration.body_html + declaration.boilerplate_html
    for leftover in ("Spread the love", "Tags", "email", "protected"):
        assert leftover not in everything
    assert declaration.tags == []


# Other layouts, one sample file each


def test_spanish_release():
    parsed = read_sample("comunicado-independencia.txt")
    assert parsed.language == "es"
    assert parsed.timing == "PARA DIFUSIÓN INMEDIATA"
    assert parsed.released_on == date(2022, 9, 15)
    assert parsed.headline.startswith("Organizaciones migrantes celebran el bicentenario")
    assert parsed.subheadline.startswith("La diáspora exige protección")
    assert parsed.dateline == "SAN SALVADOR"
    assert parsed.contacts == [
        ParsedContact(name="Ana Pérez", phone="+503 7803 8465", role="El Salvador"),
        ParsedContact(name="Luis Gómez", phone="+1 312 555 0142", email="luis@example.org"),
    ]
    assert parsed.spokespeople == [
        ParsedSpokesperson(
            name="María José López", title="coordinadora de incidencia", organization="Red Regional de Migrantes"
        )
    ]
    assert parsed.body_html.startswith("<p>En el marco del bicentenario")
    assert parsed.body_html.count("<p>") == 3
    assert parsed.boilerplate_html == (
        "<p>La Red Regional de Migrantes es una alianza de organizaciones lideradas por personas migrantes en "
        "Centroamérica, México y los Estados Unidos.</p>"
    )
    assert parsed.tags == ["migración", "Centroamérica", "independencia"]
    assert "Comparte" not in parsed.body_html + parsed.boilerplate_html
    assert parsed.warnings == []


def test_media_advisory_sections_become_headings():
    parsed = read_sample("vigil-media-advisory.txt")
    assert parsed.kind == "media-advisory"
    assert parsed.released_on == date(2023, 9, 5)
    assert parsed.headline == "Faith Leaders and Families to Hold Vigil Outside Broadview Processing Center"
    assert parsed.contacts == [ParsedContact(name="Jane Doe", phone="(773) 875-3314", email="jane@example.org")]
    assert parsed.body_html == (
        "<h2>WHAT</h2><p>A candlelight vigil for families separated by detention, with testimonies and a "
        "procession.</p>"
        "<h2>WHO</h2><p>Rev. Marta López, pastor of Iglesia Santa Cruz<br>Families of people held at the "
        "Broadview center</p>"
        "<h2>WHEN</h2><p>Friday, September 8, 2023, 6:00 p.m. CT</p>"
        "<h2>WHERE</h2><p>1930 Beach St., Broadview, IL</p>"
        "<h2>VISUALS</h2><p>Hundreds of candles, banners in English and Spanish.</p>"
    )


def test_spanish_advisory_sections_make_an_advisory_without_a_label():
    parsed = release(
        "15 de septiembre de 2022",
        "Conferencia de prensa sobre el TPS",
        body="QUÉ: Conferencia de prensa.\n\nQUIÉN: Líderes comunitarios.\n\nCUÁNDO: 10 a.m.\n\nDÓNDE: Chicago",
    )
    assert parsed.kind == "media-advisory"
    assert parsed.body_html.startswith("<h2>QUÉ</h2><p>Conferencia de prensa.</p><h2>QUIÉN</h2>")


def test_joint_statement_with_signers():
    parsed = read_sample("joint-statement-deportation.txt")
    assert parsed.kind == "joint-statement"
    assert parsed.timing == "FOR IMMEDIATE RELEASE"
    assert parsed.released_on == date(2016, 8, 25)
    assert parsed.dateline == "WASHINGTON, D.C."
    assert parsed.signers == ["Alianza Americas", "Presente.org", "Red Regional de Migrantes", "Centro Romero"]
    assert parsed.contacts == [ParsedContact(name="Press office", email="press@example.org")]
    assert parsed.body_html.startswith("<p>We, the undersigned organizations, reject")
    assert "Signed" not in parsed.body_html and "Centro Romero" not in parsed.body_html
    assert "-30-" not in parsed.body_html


def test_firmantes_list_makes_a_joint_statement():
    parsed = release(
        "15 de septiembre de 2022",
        "Rechazamos el nuevo acuerdo migratorio",
        body="Las organizaciones rechazamos el acuerdo anunciado hoy por los gobiernos de la región.\n\n"
        "Firmantes: Alianza Americas, Red Regional de Migrantes; Centro Romero",
    )
    assert parsed.kind == "joint-statement"
    assert parsed.signers == ["Alianza Americas", "Red Regional de Migrantes", "Centro Romero"]


def test_markdown_release():
    parsed = read_sample("tps-decision.md")
    assert parsed.timing == "FOR IMMEDIATE RELEASE"
    assert parsed.headline == "Coalition Welcomes New Protections for TPS Holders"
    assert parsed.subheadline == "Decision Brings Relief to 300,000 Families"
    assert parsed.released_on == date(2023, 9, 5)
    assert parsed.dateline == "Chicago, IL"
    assert parsed.contacts == [ParsedContact(name="Carla Ruiz", email="carla@example.org")]
    assert parsed.body_html == (
        "<p>The coalition <strong>welcomed</strong> today's decision to extend Temporary Protected Status, and "
        'published a <a href="https://example.org/statement" rel="noopener noreferrer">full statement</a> with '
        '&lt;script&gt;alert("x")&lt;/script&gt; what families need next.</p>'
        "<ul><li>Work permits renewed for 18 months</li><li>Protection from deportation</li></ul>"
    )
    assert parsed.boilerplate_html == "<p>The Coalition is a network of migrant-led organizations in 18 states.</p>"


def test_html_release_is_sanitized_and_read_like_text():
    parsed = read_sample("summit-embargoed.html")
    assert parsed.headline == "Leaders Arrive in Los Angeles for the Summit of the Americas"
    assert parsed.subheadline == "Migrant-led organizations ask for a humane migration agenda"
    assert parsed.timing == "EMBARGOED UNTIL"
    assert parsed.released_on == date(2022, 6, 9)
    assert parsed.released_at == datetime(2022, 6, 9, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert parsed.dateline == "LOS ANGELES"
    assert parsed.contacts == [ParsedContact(name="Elyssa Pachico", phone="+1 503 347 23 29")]
    assert parsed.spokespeople == [
        ParsedSpokesperson(name="Ana Ruiz", title="director of policy", organization="Alianza Americas")
    ]
    assert parsed.body_html == (
        "<p>Leaders <em>gathered</em> today in the city for a summit that <strong>migrant families</strong> will "
        "watch closely.</p>"
        "<p>“We expect commitments, not speeches,” said Ana Ruiz, director of policy at Alianza Americas.</p>"
    )
    assert (
        parsed.boilerplate_html == "<p>Alianza Americas is a transnational network of migrant-led organizations.</p>"
    )
    assert "alert" not in parsed.body_html + parsed.boilerplate_html + parsed.headline


def test_markdown_underlined_headline_and_quote():
    parsed = parse_release(
        "Date: June 10, 2022\n\nCoalition Speaks Out\n====================\n\n"
        "> “Today is a sad day,” said *Ana Ruiz*, director at Alianza Americas.",
        filename="statement.md",
    )
    assert parsed.headline == "Coalition Speaks Out"
    assert parsed.subheadline == ""
    assert parsed.body_html == "<p>“Today is a sad day,” said <em>Ana Ruiz</em>, director at Alianza Americas.</p>"
    assert parsed.spokespeople == [ParsedSpokesperson("Ana Ruiz", "director", "Alianza Americas")]


def test_html_dateline_inside_bold_is_taken_out():
    parsed = parse_release(
        "<h1>Coalition Welcomes Decision</h1><p>June 10, 2022</p><p><b>CHICAGO –</b> Today, families won.</p>",
        filename="release.html",
    )
    assert parsed.dateline == "CHICAGO"
    assert parsed.body_html == "<p>Today, families won.</p>"


def test_hidden_email_in_the_body_is_dropped_with_a_warning():
    parsed = release("June 10, 2022", body="CHICAGO – Write to [email\xa0protected] for interviews.")
    assert parsed.body_html == "<p>Write to for interviews.</p>"
    assert parsed.warnings == [
        "Line 5: “[email protected]” is a web page's hidden address, not an email; it was left out."
    ]


def test_plain_text_markup_is_escaped_not_trusted():
    parsed = release("June 10, 2022", body='CHICAGO – Families said <b onclick="x()">no</b> & left.')
    assert parsed.body_html == '<p>Families said &lt;b onclick="x()"&gt;no&lt;/b&gt; &amp; left.</p>'


# Timing and kind lines


@pytest.mark.parametrize(
    ("label", "kind", "timing"),
    [
        ("FOR IMMEDIATE RELEASE", "press-release", "FOR IMMEDIATE RELEASE"),
        ("PARA DIFUSIÓN INMEDIATA", "press-release", "PARA DIFUSIÓN INMEDIATA"),
        ("Press Release:", "press-release", ""),
        ("Statement:", "statement", ""),
        ("Declaración:", "statement", ""),
        ("JOINT STATEMENT", "joint-statement", ""),
        ("Declaración conjunta", "joint-statement", ""),
        ("COMUNICADO DE PRENSA", "press-release", ""),
        ("Media Advisory:", "media-advisory", ""),
        ("MEDIA ADVISORY – FOR IMMEDIATE RELEASE", "media-advisory", "FOR IMMEDIATE RELEASE"),
    ],
)
def test_timing_and_kind_lines(label, kind, timing):
    parsed = release(label, "June 10, 2022")
    assert (parsed.kind, parsed.timing, parsed.headline) == (kind, timing, "Coalition Welcomes Decision")


def test_label_with_the_headline_on_the_same_line_stays_in_the_headline():
    parsed = release("June 10, 2022", "Media Advisory: Headline of the Vigil\nFamilies gather at the center")
    assert (parsed.kind, parsed.headline) == ("media-advisory", "Media Advisory: Headline of the Vigil")
    assert parsed.subheadline == "Families gather at the center"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Statement on the Headline Ruling", "statement"),
        ("Coalition Headline Statement on the Ruling", "statement"),
        ("Joint Statement: Headline Groups Reject the Agreement", "joint-statement"),
        ("Declaración de la Red sobre el Headline", "statement"),
        ("La Declaración de Los Ángeles en el Headline", "press-release"),
    ],
)
def test_statement_in_the_headline_sets_the_kind(headline, kind):
    assert release("June 10, 2022", headline).kind == kind


def test_embargo_gives_the_release_moment():
    parsed = release("EMBARGOED UNTIL 2:30 PM CT, Thursday, June 9, 2022")
    assert parsed.released_at == datetime(2022, 6, 9, 14, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert parsed.released_on == date(2022, 6, 9)


def test_time_without_zone_uses_the_site_time_zone(settings):
    settings.TIME_ZONE = "America/Chicago"
    parsed = release("June 10, 2022, 9:00 a.m.")
    assert parsed.released_at == datetime(2022, 6, 10, 9, 0, tzinfo=ZoneInfo("America/Chicago"))


# Dates, contacts and datelines in their common shapes


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("June 10, 2022", date(2022, 6, 10)),
        ("Thursday, August 25, 2016", date(2016, 8, 25)),
        ("Sept. 5, 2023", date(2023, 9, 5)),
        ("10 June 2022", date(2022, 6, 10)),
        ("15 de septiembre de 2022", date(2022, 9, 15)),
        ("jueves, 15 de septiembre de 2022", date(2022, 9, 15)),
        ("Date: 2022-06-10", date(2022, 6, 10)),
        ("Chicago, June 10, 2022", date(2022, 6, 10)),
    ],
)
def test_date_shapes(written, expected):
    parsed = release(written)
    assert parsed.released_on == expected
    assert parsed.warnings == []


def test_wrong_weekday_is_a_warning():
    parsed = release("Friday, August 25, 2016")
    assert parsed.released_on == date(2016, 8, 25)
    assert parsed.warnings == ["Line 1: the weekday does not match 2016-08-25; the date was kept."]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Elyssa Pachico | +1 503 347 23 29 | elyssa@example.org",
            [ParsedContact(name="Elyssa Pachico", phone="+1 503 347 23 29", email="elyssa@example.org")],
        ),
        ("Elyssa Pachico: elyssa@example.org", [ParsedContact(name="Elyssa Pachico", email="elyssa@example.org")]),
        (
            "Ana Pérez - El Salvador +503 7803 8465",
            [ParsedContact(name="Ana Pérez", phone="+503 7803 8465", role="El Salvador")],
        ),
        (
            "Media Inquiries Contact: press@example.org",
            [ParsedContact(name="Press office", email="press@example.org")],
        ),
        (
            "CONTACT:\nJane Doe\nCommunications Director\n(773) 875-3314\njane@example.org",
            [ParsedContact("Jane Doe", "(773) 875-3314", "jane@example.org", "Communications Director")],
        ),
        ("CONTACTO:\nAna Pérez\n+503 7803 8465", [ParsedContact(name="Ana Pérez", phone="+503 7803 8465")]),
        ("Contact person: Jane Doe, jane@example.org", [ParsedContact(name="Jane Doe", email="jane@example.org")]),
        (
            "Media contact:\nJane Doe, 312-555-0142\nJohn Roe, john@example.org",
            [
                ParsedContact(name="Jane Doe", phone="312-555-0142"),
                ParsedContact(name="John Roe", email="john@example.org"),
            ],
        ),
        (
            "Media contacts:\n\nJane Doe\nTel: 312-555-0142\n\nJohn Roe\nEmail: john@example.org",
            [
                ParsedContact(name="Jane Doe", phone="312-555-0142"),
                ParsedContact(name="John Roe", email="john@example.org"),
            ],
        ),
        ("Jane Doe\n312-555-0142", [ParsedContact(name="Jane Doe", phone="312-555-0142")]),
    ],
)
def test_contact_shapes(block, expected):
    parsed = release("June 10, 2022", block)
    assert parsed.contacts == expected
    assert parsed.headline == "Coalition Welcomes Decision"
    assert parsed.body_html.startswith("<p>The coalition welcomed")


def test_contacts_at_the_end_of_the_release():
    parsed = release("June 10, 2022", body=BODY + "\n\n###\n\nContact: Jane Doe, 312-555-0142")
    assert parsed.contacts == [ParsedContact(name="Jane Doe", phone="312-555-0142")]
    assert "Jane" not in parsed.body_html


def test_a_number_nobody_can_dial_is_a_warning():
    parsed = release("June 10, 2022", "Jane Doe | +1 000 000 0000")
    assert parsed.contacts == [ParsedContact(name="Jane Doe", phone="+1 000 000 0000")]
    assert parsed.warnings == ["“+1 000 000 0000” (Jane Doe) is not a phone number we can dial; check it."]


@pytest.mark.parametrize(
    ("opening", "dateline", "released_on"),
    [
        ("CHICAGO – Today", "CHICAGO", None),
        ("CHICAGO—Today", "CHICAGO", None),
        ("Chicago, IL - Today", "Chicago, IL", None),
        ("LOS ANGELES, June 10, 2022 — Today", "LOS ANGELES", date(2022, 6, 10)),
        ("WASHINGTON, D.C. — Today", "WASHINGTON, D.C.", None),
        ("SAN SALVADOR, 15 de septiembre de 2022 – Today", "SAN SALVADOR", date(2022, 9, 15)),
        ("Los Angeles (June 10, 2022) -- Today", "Los Angeles", date(2022, 6, 10)),
        ("San Salvador, 15 de septiembre de 2022.- Today", "San Salvador", date(2022, 9, 15)),
    ],
)
def test_dateline_shapes(opening, dateline, released_on):
    header = () if released_on else ("June 1, 2022",)
    parsed = release(*header, body=f"{opening} the coalition welcomed the decision.")
    assert parsed.dateline == dateline
    assert parsed.body_html == "<p>Today the coalition welcomed the decision.</p>"
    assert parsed.released_on == (released_on or date(2022, 6, 1))


def test_a_dash_after_an_ordinary_word_is_not_a_dateline():
    parsed = release("June 10, 2022", body="Today – after years of waiting – families celebrated.")
    assert parsed.dateline == ""
    assert parsed.body_html == "<p>Today – after years of waiting – families celebrated.</p>"


def test_dateline_date_differing_from_the_header_is_a_warning():
    parsed = release("June 10, 2022", body="CHICAGO, June 11, 2022 – Families celebrated.")
    assert parsed.released_on == date(2022, 6, 10)
    assert parsed.warnings == ["Line 5: the dateline gives another date than the header; the header's was kept."]


# Body layout


def test_hard_wrapped_paragraphs_are_rejoined_and_short_lines_kept_apart():
    wrapped = "CHICAGO – The coalition welcomed the decision to extend protected\nstatus for families today."
    address = "Iglesia Santa Cruz\n1930 Beach St.\nBroadview, IL"
    parsed = release("June 10, 2022", body=f"{wrapped}\n\n{address}")
    assert parsed.body_html == (
        "<p>The coalition welcomed the decision to extend protected status for families today.</p>"
        "<p>Iglesia Santa Cruz<br>1930 Beach St.<br>Broadview, IL</p>"
    )


def test_about_heading_starts_the_boilerplate():
    parsed = release(
        "June 10, 2022",
        body=f"{BODY}\n\nAbout Alianza Americas: Alianza Americas works across the hemisphere.\n\n"
        "Tags : migration, summit",
    )
    assert parsed.boilerplate_html == "<p>Alianza Americas works across the hemisphere.</p>"
    assert parsed.body_html.count("<p>") == 1
    assert parsed.tags == ["migration", "summit"]


def test_founding_sentence_closing_the_release_is_the_boilerplate():
    parsed = release(
        "June 10, 2022", body=f"{BODY}\n\nFounded in 1986, ICIRR is a coalition of more than 100 organizations."
    )
    assert parsed.boilerplate_html == "<p>Founded in 1986, ICIRR is a coalition of more than 100 organizations.</p>"
    assert parsed.body_html.count("<p>") == 1


def test_a_lone_paragraph_is_never_taken_for_boilerplate():
    parsed = release("June 10, 2022", body="The coalition is a network that welcomed the decision today.")
    assert parsed.boilerplate_html == ""
    assert parsed.body_html == "<p>The coalition is a network that welcomed the decision today.</p>"


def test_two_about_sections_keep_their_headings():
    parsed = release(
        "June 10, 2022",
        body=f"{BODY}\n\nAbout Alianza Americas\nA hemispheric network.\n\nAbout Presente.org\nA digital hub.",
    )
    assert parsed.boilerplate_html == (
        "<h2>About Alianza Americas</h2><p>A hemispheric network.</p><h2>About Presente.org</h2><p>A digital hub.</p>"
    )


def test_spokesperson_named_before_said():
    parsed = release(
        "June 10, 2022",
        body="“We will not stop,” Oscar Chacón, executive director of Alianza Americas, said. “Never,” Ana Ruiz said.",
    )
    assert parsed.spokespeople == [
        ParsedSpokesperson(name="Oscar Chacón", title="executive director", organization="Alianza Americas"),
        ParsedSpokesperson(name="Ana Ruiz"),
    ]


def test_honorifics_are_not_part_of_the_name():
    parsed = release(
        "June 10, 2022",
        body="“No one should be held like this,” said Dr. Lucía Martínez-Vega, co-founder and president of the "
        "Illinois Coalition for Immigrant and Refugee Rights (ICIRR).",
    )
    assert parsed.spokespeople == [
        ParsedSpokesperson(
            "Lucía Martínez-Vega",
            "co-founder and president",
            "Illinois Coalition for Immigrant and Refugee Rights",
        )
    ]


def test_an_organization_speaking_is_not_a_spokesperson():
    parsed = release("June 10, 2022", body="“We will not stop,” said Alianza Americas.")
    assert parsed.spokespeople == []


def test_bilingual_text_is_a_warning():
    parsed = release(
        "June 10, 2022",
        body="CHICAGO – The families of the city are in the streets. Las familias de la ciudad están en las calles.",
    )
    assert "mixes English and Spanish" in parsed.warnings[0]


def test_bytes_in_windows_1252_are_read_with_a_warning():
    parsed = parse_release("Coalition Welcomes Decision\n\nJune 10, 2022\n\nSAN JOS\xc9 – Hoy.".encode("cp1252"))
    assert parsed.dateline == "SAN JOSÉ"
    assert parsed.warnings == ["The file is not UTF-8; it was read as Windows-1252. Check accented letters."]


# Files that cannot be read


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "empty"),
        ("  \n\n\t\n", 1, "empty"),
        ("Spread the love\n###\n", 2, "No headline"),
        ("Headline\n\x00\x01\x02", 2, "binary data"),
        ("CHICAGO – The coalition welcomed the decision today.", 1, "No headline"),
        ("June 10, 2022\n\n" + "A very long first line. " * 20, 3, "No headline"),
        ("June 10, 2022\nJane Doe | 312-555-0142", 2, "No headline"),
        ("Coalition Welcomes Decision\nJune 10, 2022", 2, "no body"),
    ],
)
def test_unreadable_files_say_why_and_where(text, line, reason):
    with pytest.raises(ReleaseParseError) as error:
        parse_release(text)
    assert error.value.line == line
    assert reason in error.value.message
    assert str(error.value).startswith(f"line {line}: ")


def test_a_release_without_a_date_imports_as_an_uncertain_draft():
    parsed = parse_release("Coalition Welcomes Decision\n\nCHICAGO – The coalition welcomed the decision.")
    assert parsed.released_on is None and parsed.released_at is None
    assert parsed.uncertain == parsed.warnings
    assert "No release date was found" in parsed.uncertain[0] and "line 1" in parsed.uncertain[0]


def test_binary_bytes_are_refused():
    with pytest.raises(ReleaseParseError, match="binary data"):
        parse_release(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")


def test_files_over_two_megabytes_are_refused_at_the_line_that_crosses_the_limit():
    with pytest.raises(ReleaseParseError, match="larger than 2 MB") as error:
        parse_release("Headline\n\n" + "word " * 10 + "\n" + "x" * (2 * 1024 * 1024))
    assert error.value.line == 4
