"""Spokespeople named in quote attributions.

Three shapes, in English and Spanish: "…,” said Oscar Chacón, executive director of Alianza
Americas." / "Oscar Chacón, executive director of Alianza Americas, said" / "Oscar Chacón said".
A spokesperson needs a first and a last name (honorifics such as "Dr." are dropped); a later
"said Chacón" refers back to them, and names with organization words ("Alianza Americas said")
are organizations speaking, not people. The description splits at the first "of/at/with/for/
de/del/con/en" followed by a capitalised word: the title before it, the organization after it
("director of policy at X" splits at "at").
"""

import re

from .parsed import ParsedSpokesperson

_SAY = (
    r"said|says|added|adds|stated|states|explained|noted|remarked|declared|emphasized|emphasised|stressed"
    r"|urged|warned|commented|according\s+to"
    r"|dijo|dice|afirmó|afirma|señaló|señala|expresó|declaró|indicó|agregó|añadió|comentó|manifestó|explicó"
    r"|sostuvo|aseguró|destacó|subrayó|advirtió|enfatizó|según"
)
_UPPER = "A-ZÁÉÍÓÚÑÜ"
_WORD = rf"[{_UPPER}][\w'’-]*\.?"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:(?:de|del|la|las|los|y|van|von|da|dos|di)\s+)*{_WORD}){{1,4}})"
_DESCRIPTION = r"(?P<description>(?:(?:\b[A-Z]\.){2,}|[^.;:!?“”\"]){1,200}?)"  # bounded: linear on long text
_ATTRIBUTIONS = [
    re.compile(rf"\b(?:{_SAY})\s+{_NAME}(?:,\s+{_DESCRIPTION})?(?=\s*(?:[.;:!?“\"]|$))"),
    re.compile(rf"{_NAME},\s+{_DESCRIPTION},\s+(?:{_SAY})\b"),
    re.compile(rf"{_NAME}\s+(?:{_SAY})\b"),
]
_SPLIT = re.compile(rf"\s(?:of|at|with|for|from|de|del|con|en|para)\s+(?:(?:the|la|el|los|las)\s+)?(?=[{_UPPER}0-9])")
_NOT_NAMES = re.compile(r"^(?:The|This|That|These|Those|El|La|Los|Las|Este|Esta|In|On|At|We|Our|Nuestra|Nuestro)\b")
_HONORIFIC = re.compile(r"^(?:(?:Dr|Dra|Rev|Mr|Mrs|Ms|Sr|Sra|Srta|Lic|Ing|Prof)\.\s+)+")
_ORGANIZATION_WORDS = re.compile(
    r"\b(?:Alliance|Alianza|Americas|Coalition|Coalición|Network|Red|Center|Centro|Project|Proyecto|Council|Consejo"
    r"|Organization|Organización|Union|Unión|Committee|Comité|Fund|Foundation|Fundación|Institute|Instituto"
    r"|Association|Asociación|Campaign|Campaña|Movement|Movimiento|Church|Iglesia|Department|Office|House|Senate"
    r"|Congress|Congreso|Government|Gobierno|Administration|Inc|LLC)\b"
)


def split_description(description):
    """("executive director of Alianza Americas") → ("executive director", "Alianza Americas")."""
    description = description.strip(" ,")
    if match := _SPLIT.search(description):
        return description[: match.start()].strip(" ,"), description[match.end() :].strip(" ,")
    title, _comma, organization = description.partition(", ")
    return title.strip(), organization.strip()


def find_spokespeople(paragraphs):
    """The people quoted in ``paragraphs`` (plain text), in order of first appearance."""
    people = {}
    for number, paragraph in enumerate(paragraphs):
        if "“" not in paragraph and '"' not in paragraph and "«" not in paragraph:
            continue
        for pattern in _ATTRIBUTIONS:
            for match in pattern.finditer(paragraph):
                name = _HONORIFIC.sub("", re.sub(r"\s+", " ", match["name"])).strip()
                if _NOT_NAMES.match(name) or _ORGANIZATION_WORDS.search(name):
                    continue
                description = match.groupdict().get("description") or ""
                title, organization = split_description(description)
                person = people.setdefault(name, ((number, match.start()), ParsedSpokesperson(name=name)))[1]
                if title and not person.title:
                    person.title, person.organization = title, organization
    return [person for _start, person in sorted(people.values(), key=lambda item: item[0])]
