"""Each rule family of the text reader on cases of its own (the corpus holds others): site chrome,
headline scoring, dates, contacts, datelines, kinds, signers, statement authors, end marks, PDF
pages and spokespeople. None of these texts is in the import corpus."""

from datetime import date, time

import pytest

from releases.importing.text import ParsedContact, ReleaseParseError, parse_release

BODY = (
    "DENVER – Immigrant families and their advocates gathered outside the state capitol on Monday to demand an end "
    "to the new detention contract, saying it would separate hundreds of parents from their children."
)


def read(text, filename="release.txt"):
    return parse_release(text, filename=filename)


# Site chrome, in English and Spanish


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to main content",
        "Ir al contenido",
        "Home › News › Press releases",
        "Inicio / Prensa / Comunicados",
        "About | Issues | Events | Press | Donate",
        "Posted on March 2, 2021 by webmaster",
        "Publicado el 2 de marzo de 2021 por admin",
        "This statement was originally published by Mountain States Legal Aid.",
        "Share this story",
        "Síguenos: Facebook · Instagram · TikTok",
    ],
)
def test_site_chrome_above_the_headline_is_skipped(chrome):
    parsed = read(f"{chrome}\n\nFamilies Rally Against New Detention Contract\n\nMarch 1, 2021\n\n{BODY}")
    assert parsed.headline == "Families Rally Against New Detention Contract"
    assert chrome not in parsed.body_html


@pytest.mark.parametrize(
    "tail",
    [
        "Leave a comment\nYour name\nGreat work, thank you!",
        "Deja un comentario\nNombre\nGracias por compartir.",
        "Related posts\nVolunteers Needed for the Spring Clinic",
        "3 comments on “Families Rally”\nJo says: Amazing.",
        "More news from Mountain States Legal Aid\nAnother release headline here",
        "You are receiving this email because you asked for our news.\nUnsubscribe",
    ],
)
def test_what_a_page_adds_after_the_release_never_reaches_the_body(tail):
    parsed = read(f"Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n{BODY}\n\n{tail}")
    assert parsed.body_html == f"<p>{BODY.removeprefix('DENVER – ')}</p>"


# The headline among candidate lines


def test_a_masthead_and_its_tagline_lose_to_the_headline_below_them():
    parsed = read(
        "ROCKY MOUNTAIN IMMIGRANT ADVOCACY NETWORK\nDefending families since 1998\n\n"
        "Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n" + BODY
    )
    assert parsed.headline == "Families Rally Against New Detention Contract"
    assert parsed.subheadline == ""


def test_a_blog_title_above_the_post_title_is_not_the_headline():
    parsed = read(
        "<p class='site-title'>The Advocate's Notebook</p><p>A blog of the Front Range Workers Union</p>"
        "<h2>Families Rally Against New Detention Contract</h2><h3>Parents say the contract would split families"
        "</h3><p>March 1, 2021</p><p>" + BODY + "</p>",
        filename="post.html",
    )
    assert parsed.headline == "Families Rally Against New Detention Contract"
    assert parsed.subheadline == "Parents say the contract would split families"


def test_a_headline_wrapped_over_two_centred_lines_of_a_pdf_is_one_headline():
    parsed = read(
        "            Families Rally Against the New Detention Contract at the\n"
        "                          State Capitol in Denver\n\nMarch 1, 2021\n\n" + BODY
    )
    assert parsed.headline == "Families Rally Against the New Detention Contract at the State Capitol in Denver"


def test_a_text_without_a_headline_is_refused_quoting_where_the_body_starts():
    with pytest.raises(ReleaseParseError, match="No headline: the text starts with “and the board voted"):
        read("and the board voted against the contract, which the families welcomed as a first step toward justice.")


# Dates anywhere in the header


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("For Immediate Release — Monday, March 1, 2021", date(2021, 3, 1)),
        ("Contact: Ana Ruiz, (303) 555-0142 | March 1, 2021", date(2021, 3, 1)),
        ("Mar 01, 2021, 08:00 ET", date(2021, 3, 1)),
        ("Date: 01/03/2021", None),  # ambiguous: no date, a warning
        ("Date: 13/03/2021", date(2021, 3, 13)),
        ("Fecha: 1 de marzo de 2021", date(2021, 3, 1)),
        ("1 mar. 2021", date(2021, 3, 1)),
    ],
)
def test_dates_are_found_in_the_lines_that_carry_them(line, expected):
    parsed = read(f"{line}\n\nFamilies Rally Against New Detention Contract\n\n{BODY}")
    assert parsed.released_on == expected
    if expected is None:
        assert any("could be read two ways" in warning for warning in parsed.warnings)


def test_an_embargo_moment_with_a_spanish_zone_is_the_release_moment():
    parsed = read(
        "EMBARGADO HASTA LAS 7:30 A.M. HORA DEL PACÍFICO DEL 4 DE ABRIL DE 2022\n\n"
        "Familias marchan contra el nuevo contrato de detención\n\n" + BODY
    )
    assert (parsed.timing, parsed.released_on) == ("EMBARGADO HASTA", date(2022, 4, 4))
    assert parsed.released_at.time() == time(7, 30) and parsed.time_zone == "America/Los_Angeles"


def test_the_release_own_date_wins_over_the_date_it_was_posted():
    parsed = read(
        "Posted on March 4, 2021 by staff\n\nFamilies Rally Against New Detention Contract\n\n"
        "FOR IMMEDIATE RELEASE: March 1, 2021\n\n" + BODY
    )
    assert parsed.released_on == date(2021, 3, 1)


# Contacts


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Press contacts: Ana Ruiz, (303) 555-0142, aruiz@example.org; Tom Reyes, (303) 555-0177",
            [
                ParsedContact("Ana Ruiz", "(303) 555-0142", "aruiz@example.org"),
                ParsedContact("Tom Reyes", "(303) 555-0177"),
            ],
        ),
        (
            "Para la prensa en México: Lic. Ana Ruiz · +52 55 5555 0142 · aruiz@example.org",
            [ParsedContact("Ana Ruiz", "+52 55 5555 0142", "aruiz@example.org")],
        ),
        (
            "MEDIA CONTACT\nAna Ruiz (English and Spanish)\nDirector of Communications, Front Range Network\n"
            "Mobile: 303.555.0142\naruiz@example.org",
            [ParsedContact("Ana Ruiz", "303.555.0142", "aruiz@example.org")],
        ),
    ],
)
def test_contacts_in_their_common_forms(block, expected):
    parsed = read(f"Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n{block}\n\n{BODY}")
    assert [(c.name, c.phone, c.email) for c in parsed.contacts] == [(c.name, c.phone, c.email) for c in expected]


def test_contacts_after_the_end_mark_are_contacts_not_body():
    parsed = read(
        f"Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n{BODY}\n\n-30-\n\n"
        "For more information contact:\nTom Reyes\n(303) 555-0177\ntreyes@example.org"
    )
    assert [(c.name, c.email) for c in parsed.contacts] == [("Tom Reyes", "treyes@example.org")]
    assert "Tom Reyes" not in parsed.body_html


# Datelines


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("BOISE, Idaho (March 1, 2021) –", "BOISE, Idaho"),
        ("SANTA FE, N.M., March 1, 2021 /PRNewswire/ --", "SANTA FE, N.M."),
        ("PHOENIX--(BUSINESS WIRE)--", "PHOENIX"),
        ("TUCSON, Ariz. (Desert Wire) —", "TUCSON, Ariz."),
        ("MONTERREY, N.L.-", "MONTERREY, N.L."),
        ("QUERÉTARO.-", "QUERÉTARO"),
        ("San José, 1 de marzo de 2021. Las", "San José"),
    ],
)
def test_datelines_in_their_forms(opening, dateline):
    parsed = read(f"March 1, 2021\n\nFamilies Rally Against New Detention Contract\n\n{opening} families gathered.")
    assert parsed.dateline == dateline
    assert parsed.body_html.startswith("<p>")
    assert opening.split()[0].strip(",.-") not in parsed.body_html


def test_a_timing_line_without_accents_is_never_a_dateline():
    parsed = read(
        "PARA DIFUSION INMEDIATA\n\nFamilias marchan contra el nuevo contrato\n\n1 de marzo de 2021\n\n" + BODY
    )
    assert parsed.timing == "PARA DIFUSION INMEDIATA" and parsed.dateline == "DENVER"


# Kinds, signers and authors


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("*** JOINT STATEMENT ***", "joint-statement"),
        ("CONVOCATORIA A MEDIOS", "media-advisory"),
        ("Boletín 22/2021", "press-release"),
        ("PRONUNCIAMIENTO", "statement"),
    ],
)
def test_kind_lines_set_the_kind_and_are_not_the_headline(label, kind):
    parsed = read(f"{label}\n\nFamilies Rally Against New Detention Contract\n\nMarch 1, 2021\n\n{BODY}")
    assert (parsed.kind, parsed.headline) == (kind, "Families Rally Against New Detention Contract")


def test_signers_with_their_places_become_the_cosigners_of_a_joint_statement():
    parsed = read(
        f"We Reject the New Detention Contract\n\nMarch 1, 2021\n\n{BODY}\n\nSignatories:\n"
        "- Mountain States Legal Aid, Denver, CO\n- Red de Familias del Valle (Pueblo, Colorado)\n"
        "- Front Range Workers Union"
    )
    assert parsed.kind == "joint-statement"
    assert parsed.signers == ["Mountain States Legal Aid", "Red de Familias del Valle", "Front Range Workers Union"]


def test_the_author_of_a_statement_is_its_spokesperson():
    parsed = read(
        "Statement by Rev. Daniel Okafor, Board Chair of the Front Range Interfaith Alliance, on the Detention "
        f"Contract\n\nMarch 1, 2021\n\n{BODY}"
    )
    assert parsed.kind == "statement"
    [person] = parsed.spokespeople
    assert (person.name, person.title, person.organization) == (
        "Daniel Okafor",
        "Board Chair",
        "Front Range Interfaith Alliance",
    )


# PDF pages


def test_page_furniture_running_headers_and_hyphenation_of_a_pdf_are_settled():
    parsed = read(
        "Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n"
        "DENVER – Immigrant families gathered outside the state capitol on Monday to de-\n"
        "mand an end to the new detention contract, which would separate hundreds of\n\n"
        "                                   Page 1 of 2\n\f"
        "Front Range Network – Detention Contract – March 1, 2021\n\n"
        "parents from their children, the families said in a letter to the governor.\n\n"
        "                                       2"
    )
    assert parsed.body_html == (
        "<p>Immigrant families gathered outside the state capitol on Monday to demand an end to the new detention "
        "contract, which would separate hundreds of parents from their children, the families said in a letter to "
        "the governor.</p>"
    )


# Spokespeople


def test_roles_lose_articles_places_and_relative_clauses_and_organizations_are_named_in_full():
    parsed = read(
        "Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n"
        "DENVER – The Front Range Workers Union (FRWU) and Mountain States Legal Aid led the march.\n\n"
        "“We will be back every week,” said Luz Ortega, a welder from Pueblo who joined the union in 2019.\n\n"
        "“The contract is illegal,” said Ben Adler, the union's general counsel.\n\n"
        "“Nadie se va a rendir”, afirmó la abogada Inés Caro, coordinadora de la FRWU en el sur del estado.\n\n"
        "Mountain States Legal Aid is a nonprofit law firm serving immigrant families."
    )
    people = {person.name: (person.title, person.organization) for person in parsed.spokespeople}
    assert people == {
        "Luz Ortega": ("welder", ""),
        "Ben Adler": ("general counsel", "Front Range Workers Union"),
        "Inés Caro": ("coordinadora", "Front Range Workers Union"),
    }


def test_a_surname_said_later_refers_back_to_the_full_name():
    parsed = read(
        "Families Rally Against New Detention Contract\n\nMarch 1, 2021\n\n"
        "DENVER – Among the marchers was Carmen Vidal, a nurse at Saint Luke Hospital, who spoke first.\n\n"
        "“My patients are afraid to come in,” Vidal said."
    )
    [person] = parsed.spokespeople
    assert (person.name, person.title, person.organization) == ("Carmen Vidal", "nurse", "Saint Luke Hospital")
