"""Spokespeople: the people a release quotes, with their role and organization.

Attributions are read in their common shapes, in English and Spanish:
- "…,” said Rosa Villanueva, executive director of Puentes Network." / "…”, afirmó la doctora Itzel Cruz,
  directora médica de la Fundación …";
- "Luis Gaitán, director of public policy for the X, said …" / "El padre Joel Anaya, director de la
  Casa del Migrante, explicó …" (the paragraph quotes someone);
- "Ana Ruiz said", and a later "said Chacón" referring back to a full name;
- the author of a statement: "Statement by X, Executive Director of Y, on …" / "Declaración de X, …",
  "The following statement can be attributed to X, president of Y:", "X, co-chair of Y, released the
  following statement".

A name has two to five capitalized words and no courtesy title ("Dr.", "Rev.", "Father", "Sister",
"Fray", "la doctora", "el abogado"); organizations speaking ("Alianza Americas said") are not people.
The role is what the attribution says the person is, without its article, without the place and
relative clause after it ("a loader at a distribution center in Fontana" is a loader) and without
the organization, which is named in full as the release prints it: an acronym ("la ASVE"), a short
form ("the Workers' Center") or a generic reference ("the union", "del colectivo") is expanded to the
organization's full name found elsewhere in the release.
"""

import re
import unicodedata
from collections import Counter

from .contacts import HONORIFIC, POSTNOMINAL
from .parsed import ParsedSpokesperson

_SAY = (
    r"said|says|added|adds|stated|states|explained|noted|remarked|declared|emphasized|emphasised|stressed"
    r"|urged|warned|commented|recalled|argued|insisted|continued|told\s+reporters|according\s+to"
    r"|dijo|dice|afirmó|afirma|señaló|señala|expresó|declaró|indicó|agregó|añadió|comentó|manifestó|explicó"
    r"|sostuvo|aseguró|destacó|subrayó|advirtió|enfatizó|relató|recordó|insistió|denunció|lamentó|según|apuntó"
)
_UPPER = "A-ZÁÉÍÓÚÑÜ"
_LOWER = "a-záéíóúñü"
_COURTESY = rf"(?:(?:el|la|El|La)\s+(?:(?:[{_LOWER}]+\s+){{1,2}}(?=[{_UPPER}])|(?=(?:Dr|Dra|Sr|Sra|Lic|Ing)\.)))?"
_TITLE_WORD = (
    r"(?:Dr|Dra|Rev|Mr|Mrs|Ms|Sr|Sra|Fr|Hon)\.\s+|(?:Father|Sister|Brother|Pastor|Rabbi|Imam|Fray|Padre|Reverend"
    r"|Doctor|Doctora)\s+"
)
_NAME_WORD = rf"[{_UPPER}][{_LOWER}{_UPPER}'’]*(?:-[{_UPPER}][{_LOWER}{_UPPER}'’]*)*"
_NAME = (
    rf"(?P<name>(?:{_TITLE_WORD})*{_NAME_WORD}(?:\s+(?:(?:de|del|la|las|los|y|van|von|da|dos|di)\s+)*{_NAME_WORD}"
    r"){1,4}(?:,\s+(?:RN|MD|PhD|Jr\.))?)"
)
_SHORT_NAME = rf"(?P<name>{_NAME_WORD})"
_DESCRIPTION = r"(?P<description>(?:\b[A-Z]\.(?=\s?[A-Z])|(?:\b[A-Z]\.){2,}|[^.;:!?“”\"«»]){1,220}?)"
_QUOTED = re.compile(r"[“”\"«»]")
_ATTRIBUTIONS = [
    re.compile(
        rf"\b(?:{_SAY})\s+{_COURTESY}{_NAME}(?:,\s+{_DESCRIPTION}|\s+(?P<of>(?:of|de|del)\s+[{_UPPER}][^,.;:]{{1,80}}))?"
        r"(?=\s*(?:[.;:!?“\"”]|,\s|$))"
    ),
    re.compile(rf"{_COURTESY}{_NAME},\s+{_DESCRIPTION},\s+(?:se\s+)?(?:{_SAY}|[{_LOWER}]+(?:ed|ó|s))\b"),
    re.compile(rf"{_NAME}\s+(?:{_SAY})\b"),
    re.compile(rf"\b(?:{_SAY})\s+{_SHORT_NAME}(?=\s*[.;,])"),
    re.compile(rf"{_SHORT_NAME}\s+(?:{_SAY})\b"),
]
_AUTHOR_ATTRIBUTIONS = [
    re.compile(
        rf"(?i:\b(?:attributed\s+to|statement\s+(?:by|from)|declaraci[óo]n\s+de|atribuirse\s+a))\s+{_COURTESY}{_NAME},\s+"
        rf"{_DESCRIPTION}(?=\s*(?:[:.]|,\s+(?:on|sobre|ante|regarding|about|en\s+torno)\b|\s+(?:on|sobre|ante)\s))"
    ),
    re.compile(
        rf"{_COURTESY}{_NAME},\s+{_DESCRIPTION},\s+(?:released|issued|made|delivered|shared|emitió|difundió|"
        r"compartió)\s+(?:the\s+following|la\s+siguiente|el\s+siguiente)\b"
    ),
]
_APPOSITION = re.compile(rf"{_COURTESY}{_NAME},\s+{_DESCRIPTION}(?=,|\.|\s+(?:who|que|quien)\b)")
_PRE_TITLE = re.compile(
    r"^(?P<title>(?:Executive\s+|Vice\s+|General\s+)?(?:President|Presidenta|Presidente|Director|Directora|Chair|Chairman"
    r"|Chairwoman|Secretary|Secretaria|Coordinator|Coordinadora|Coordinador|Treasurer|Organizer|Spokesperson|Vocera"
    r"|Vocero|Pastor|Mayor|Alcalde|Alcaldesa|Senator|Senadora|Senador|Representative|Council\s+Member|Councilmember))\s+"
    r"(?P<name>.+)$"
)
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that|where|quien|quienes|que|cuyo|cuya|donde)\b.*$", re.I)
_LINK = re.compile(r"\s(?P<word>of|at|with|for|from|in|de|del|con|en|para|desde)\s+", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an|la|el|los|las|un|una|uno)\s+", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|un|una|uno|unos|unas|some|algunos)\b", re.I)
_GENERIC = re.compile(
    r"^(?:the\s+|la\s+|el\s+|los\s+|las\s+|our\s+|nuestra\s+|nuestro\s+)?(?P<word>union|coalition|council|alliance"
    r"|network|organization|organisation|group|center|centre|institute|fund|federation|project|committee|association"
    r"|foundation|collective|red|organizaci[óo]n|colectivo|sindicato|alianza|coalici[óo]n|asociaci[óo]n|fundaci[óo]n"
    r"|observatorio|instituto|frente|centro|comit[ée]|uni[óo]n|consejo|grupo|federaci[óo]n|proyecto)$",
    re.I,
)
_FAMILIES = [
    {"union", "unión", "sindicato", "local", "federation", "federación"},
    {"coalition", "coalición", "alliance", "alianza"},
    {"network", "red"},
    {"center", "centre", "centro"},
    {"council", "consejo"},
    {"institute", "instituto"},
    {"fund", "fondo"},
    {"foundation", "fundación"},
    {"association", "asociación"},
    {"committee", "comité"},
    {"project", "proyecto"},
    {"collective", "colectivo"},
    {"observatorio", "observatory"},
    {"frente", "front"},
]
_ANYONE = {"organization", "organisation", "organización", "group", "grupo"}
_ORGANIZATION_WORD = (
    r"Coalition|Coalición|Alliance|Alianza|Network|Red|Union|Unión|Sindicato|Local|Center|Centre|Centro|Council|Consejo"
    r"|Project|Proyecto|Institute|Instituto|Fund|Fondo|Foundation|Fundación|Association|Asociación|Federation"
    r"|Federación|Committee|Comité|Collaborative|Colectivo|Collective|Observatorio|Observatory|Frente|Front|Movement"
    r"|Movimiento|Organization|Organización|Campaign|Campaña|Church|Iglesia|Parish|Parroquia|Ministry|Clinic|Clínica"
    r"|Hotline|Watch|Casa|House|Office|Department|Departamento|Secretaría|Comisión|Commission|Agency|Board|Court"
    r"|Congress|Congreso|Senate|Senado|Administration|Government|Gobierno|Inc|LLC|Castings|Partners|Hospitality"
)
_ORGANIZATION_NAME = re.compile(
    rf"(?:[{_UPPER}][\w&'’.-]*(?:\s+(?:(?:of|for|the|and|&|de|del|la|las|los|el|por|para|y|en|al|a)\s+)*"
    rf"(?:[{_UPPER}][\w&'’.-]*|(?<=Local\s)\d+))*)"
)
_ORGANIZATION_KEYWORD = re.compile(rf"\b(?:{_ORGANIZATION_WORD})\b")
_ACRONYM = re.compile(rf"(?P<name>[{_UPPER}][^()]{{3,120}}?)\s+\((?P<acronym>[{_UPPER}][{_UPPER}0-9&-]{{1,9}})\)")
_NOT_NAMES = re.compile(
    r"^(?:The|This|That|These|Those|El|La|Los|Las|Este|Esta|In|On|At|We|Our|Nuestra|Nuestro|Por|Para|Según|But|And|Y"
    r"|Today|Hoy|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b"
)
_PLACE_AFTER = re.compile(rf"\s+in\s+[{_UPPER}].*$")
_SPANISH_PLACE_AFTER = re.compile(rf"\s+en\s+(?:(?:el|la|los|las)\s+)?[{_LOWER}].*$")
_ABOUT = re.compile(rf"(?:About|Acerca\s+del?|Sobre)\s+(?:the\s+|la\s+|el\s+)?(?P<name>[{_UPPER}][^.\n]{{2,80}})")
_CONNECTORS = r"(?:of|for|the|and|&|de|del|la|las|los|el|por|para|y|en|al|a)"


def fold(text):
    """``text`` as names are compared: no accents, no case, single spaces, no surrounding punctuation."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c))
    return " ".join(bare.casefold().split()).strip(" .,;:-–—")


class Organizations:
    """The organizations a release names, to expand "the union", "la ASVE" or "the Workers' Center"."""

    def __init__(self, text, issuer=""):
        self.acronyms = {}
        for match in _ACRONYM.finditer(text):
            name = _organization_tail(match["name"])
            if name:
                self.acronyms.setdefault(match["acronym"], name)
        self.names = Counter()
        for match in _ORGANIZATION_NAME.finditer(text):
            name = _trim(match.group())
            if name and _ORGANIZATION_KEYWORD.search(name) and len(name.split()) <= 12 and len(name.split()) > 1:
                self.names[name] += 1
        for name in self.acronyms.values():
            self.names[name] += 1
        self.issuer = _trim(issuer) if issuer else ""

    def is_organization(self, name):
        """A name that is (the start of) an organization's: "Mercy Ridge" of "Mercy Ridge Medical Center"."""
        folded = fold(name)
        return any(fold(known) == folded or fold(known).startswith(folded + " ") for known in self.names)

    def expand(self, reference):
        """The full name for ``reference`` as the release prints it, or "" when it names no organization."""
        reference = _ARTICLE.sub("", reference.strip(" ,.")).strip()
        if not reference:
            return ""
        if reference in self.acronyms:
            return self.acronyms[reference]
        if generic := _GENERIC.match(reference):
            return self._generic(generic["word"].lower())
        if match := re.fullmatch(r"Local\s+\d+", reference):
            found = [name for name in self.names if name.endswith(match.group()) and name != match.group()]
            if found:
                return max(found, key=len)
        longer = [name for name in self.names if fold(name).startswith(fold(reference) + " ")]
        if longer and len(reference.split()) <= 3:
            return max(longer, key=lambda name: (self.names[name], len(name)))
        return reference

    def _generic(self, word):
        family = next((family for family in _FAMILIES if word in family), None)
        candidates = [
            name
            for name in self.names
            if word in _ANYONE or (family and any(re.search(rf"(?i)\b{re.escape(key)}\b", name) for key in family))
        ]
        if self.issuer and (self.issuer in candidates or word in _ANYONE):
            return self.issuer
        if not candidates:
            return ""
        return max(candidates, key=lambda name: (self.names[name], len(name)))


def _trim(name):
    name = re.sub(rf"^(?:{_CONNECTORS}\s+)+", "", name.strip(" .,;:'’"), flags=re.I)
    name = re.sub(rf"(?:\s+{_CONNECTORS})+$", "", name, flags=re.I)
    return re.sub(r"^(?:The|La|El|Los|Las)\s+", "", name).strip(" .,;:")


def _organization_tail(text):
    """The organization named at the end of ``text`` ("… of the Global Federation of X" → "Global Federation of X")."""
    matches = list(_ORGANIZATION_NAME.finditer(text))
    return _trim(matches[-1].group()) if matches and matches[-1].end() >= len(text.rstrip()) - 1 else ""


def split_description(description, organizations):
    """("executive director of Alianza Americas") → ("executive director", "Alianza Americas")."""
    description = _RELATIVE.sub("", description.split(",")[0].strip())
    if led := re.match(rf"^(?:the\s+)?(?P<owner>[{_UPPER}][{_UPPER}0-9&-]+)\s+(?P<title>[{_LOWER}].*)$", description):
        return led["title"].strip(), organizations.expand(led["owner"])
    if possessive := re.match(r"^(?:the\s+)?(?P<owner>.+?)['’]s\s+(?P<title>.+)$", description):
        owner = organizations.expand(possessive["owner"])
        if owner:
            return possessive["title"].strip(), owner
    description = _ARTICLE.sub("", description)
    for link in _LINK.finditer(description):
        title, rest = description[: link.start()].strip(), description[link.end() :].strip()
        word = link["word"].lower()
        if not title:
            continue
        if _INDEFINITE.match(rest):
            return title, ""
        bare = _ARTICLE.sub("", rest)
        if _GENERIC.match(rest) or _GENERIC.match(bare):
            expanded = organizations.expand(rest)
            if expanded:
                return title, expanded
            continue
        if not bare[:1].isupper():
            if word in ("at", "from", "in", "desde", "en"):
                return title, ""
            continue
        if word in ("from", "in", "desde") and not _ORGANIZATION_KEYWORD.search(bare):
            return title, ""
        organization = _PLACE_AFTER.sub("", bare) if word not in ("de", "del", "en", "con", "para") else bare
        organization = _SPANISH_PLACE_AFTER.sub("", organization)
        if named := _ORGANIZATION_NAME.match(organization):
            organization = _trim(named.group()) or organization
        return title, organizations.expand(organization)
    return description.strip(), ""


def _clean(name):
    name = POSTNOMINAL.sub("", re.sub(r"\s+", " ", name))
    return HONORIFIC.sub("", name).strip(" ,")


def find_spokespeople(paragraphs, *, headline="", kind=None, context=""):
    """The people quoted in ``paragraphs`` (plain text) or named as a statement's author, in order of appearance."""
    everything = context or " ".join(paragraphs)
    about = _ABOUT.search(context)
    organizations = Organizations(everything, issuer=_issuer(paragraphs, context))
    if about:
        organizations.issuer = organizations.issuer or _trim(about["name"])
    people = {}

    def add(position, name, description="", of=""):
        name = _clean(name)
        title = ""
        if pre := _PRE_TITLE.match(name):
            title, name = pre["title"], pre["name"]
        words = name.split()
        if len(words) < 2 or _NOT_NAMES.match(name) or _ORGANIZATION_KEYWORD.search(name):
            return
        if organizations.is_organization(name):
            return
        key = fold(name)
        if any(known.endswith(" " + key) for known in people):
            return  # "Ortiz Luna" after "Marcelina Ortiz Luna"
        if key not in people:
            people[key] = (position, ParsedSpokesperson(name=name))
        person = people[key][1]
        if description and not person.title:
            person.title, person.organization = split_description(description, organizations)
            if title and not person.title:
                person.title = title
        elif of and not person.organization:
            person.organization = organizations.expand(re.sub(r"^(?:of|de|del)\s+", "", of))
        if title and not person.title:
            person.title = title
            person.organization = person.organization or _organization_before(position[2], organizations)

    for pattern in _AUTHOR_ATTRIBUTIONS:
        for match in pattern.finditer(headline):
            add((-1, match.start(), headline[: match.start()]), match["name"], match["description"])
    for number, paragraph in enumerate(paragraphs):
        for pattern in _AUTHOR_ATTRIBUTIONS:
            for match in pattern.finditer(paragraph):
                add((number, match.start(), paragraph[: match.start()]), match["name"], match["description"])
        if not _QUOTED.search(paragraph):
            continue
        for pattern in _ATTRIBUTIONS:
            for match in pattern.finditer(paragraph):
                name = match["name"]
                position = (number, match.start(), paragraph[: match.start()])
                if len(name.split()) == 1:
                    _refer_back(name, people, paragraphs, position, add)
                    continue
                add(position, name, match.groupdict().get("description") or "", match.groupdict().get("of") or "")
    return [person for _position, person in sorted(people.values(), key=lambda item: item[0][:2])]


def _refer_back(surname, people, paragraphs, position, add):
    """ "said Chacón": a person already found, or a full name written earlier ("was Guadalupe Ibarra, a line cook")."""
    if any(fold(person.name).split()[-1] == fold(surname) for _p, person in people.values()):
        return
    for number, paragraph in enumerate(paragraphs):
        for match in _APPOSITION.finditer(paragraph):
            if fold(match["name"]).split()[-1] == fold(surname):
                add((number, match.start(), paragraph[: match.start()]), match["name"], match["description"])
                return


def _organization_before(text, organizations):
    """ "Local 417 President Marcus Oyelaran said": the organization named just before the title."""
    if match := re.search(rf"((?:[{_UPPER}][\w&'’-]*\s+)*(?:Local\s+\d+|[{_UPPER}]{{2,}}))\s*$", text):
        return organizations.expand(match.group(1).strip())
    return ""


def _issuer(paragraphs, context):
    """The organization the release speaks for: the subject of its boilerplate, when it has one."""
    from .layout import describes_organization

    for text in reversed(re.split(r"(?<=[.!?])\s+(?=[A-Z])", context)[-6:]):
        if match := describes_organization(text, after_end=True):
            return match["subject"]
    return ""
