"""What a web page, a wire service, a blog or an email adds around a release, in English and Spanish.

``classify(text)`` says what one line is, when it is not the release's own text:
- ``DROP``: left out wherever it stands (share and follow widgets, "Skip to content", menus and
  breadcrumbs, "Posted on … by …", repost notes, footers with an address, "© 2024 …");
- ``SOFT_END``: left out, and the body ends there if it had begun ("SOURCE …", "Filed under:",
  "Share this:"): what follows may still be a boilerplate, contacts or tags;
- ``HARD_END``: the page goes on with other things ("Leave a Reply", "Popular Posts", "Related
  posts", "Also from this source", comments): it and everything after it are left out, but tags;
- ``END_MARK``: the release's own end mark (``###``, ``# # #``, ``-30-``, ``– 30 –``, ``END``,
  ``ENDS``, ``FIN``): the body ends; an "About …" boilerplate and contacts may follow;
- ``PROVIDER``: "News provided by" / "Noticias proporcionadas por": left out with the name after it.

A "Posted on June 3, 2024 by admin" line is dropped, but its date is the release's when nothing
better dates it (``posted_date_text``).
"""

import functools
import re

DROP, SOFT_END, HARD_END, END_MARK, PROVIDER = "drop", "soft-end", "hard-end", "end-mark", "provider"

_NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|tumblr|pocket|instagram|youtube|tiktok|bluesky"
    r"|threads|mastodon|e-?mail|correo|print|imprimir|sms|messenger"
)
_DROP = [
    r"skip\s+to\s+(?:main\s+)?content|saltar\s+al\s+contenido(?:\s+principal)?|ir\s+al\s+contenido|menu|menú|search"
    r"|buscar|home",
    r"spread\s+the\s+love|share(?:\s+this(?:\s+(?:post|article|page|story|release))?)?|share\s+on\s+\w+|tweet|follow"
    r"|like\s+this|like\s+loading\.*|loading\.*|cargando\.*|me\s+gusta\s+esto|comparte(?:\s+esto)?|compartir(?:\s+esto)?"
    r"|compartir\s+este\s+(?:art[íi]culo|comunicado)|click\s+to\s+(?:share|print|email)\b.*|haz\s+clic\s+para\s+.*"
    r"|related|relacionad[oa]s?",
    rf"(?:share|compartir|comparte|follow\s+us|s[íi]guenos|follow)\s*:?(?:\s*(?:{_NETWORKS})\s*[·|,]?)*(?:\s*\|.*)?",
    rf"(?:(?:{_NETWORKS})\s*[·|,•]?\s*)+",
    r"(?:this|the\s+following)\s+(?:release|statement|post|article)\s+(?:was\s+)?(?:originally\s+)?(?:published|posted"
    r"|issued|shared)\s+by\b.*|reposted\s+with\s+permission\.?|(?:este|el\s+siguiente)\s+(?:comunicado|art[íi]culo"
    r"|texto|boletín)\s+(?:fue\s+)?(?:publicado|difundido)\s+originalmente\s+por\b.*|republished\s+with\s+permission.*",
    r"category\s+archives?\s*:.*|archivos?\s+de\s+(?:la\s+)?categor[íi]a\s*:.*|(?:posted|filed)\s+in\s*:?\s.*",
    r"having\s+trouble\s+viewing\s+this\s+email\?.*|view\s+(?:it|this\s+email)\s+in\s+your\s+browser\.?"
    r"|¿no\s+puedes\s+ver\s+este\s+correo\?.*|ver\s+en\s+el\s+navegador\.?",
    r"(?:←|«|‹)\s*(?:back\s+to\s+.*|volver\s+a\s+.*|previous(?:\s+post)?|older\s+posts?|anterior)"
    r"|(?:back\s+to\s+(?:all\s+)?(?:news|posts|press\s+releases))",
    r"(?:next(?:\s+post)?|newer\s+posts?|siguiente)\s*(?:»|›|→)",
    r"this\s+(?:statement|release)\s+is\s+(?:also\s+)?available\s+in\s+\w+.*|(?:este|esta)\s+(?:comunicado|declaración)"
    r"\s+(?:también\s+)?est[áa]\s+disponible\s+en\s+\w+.*|(?:read\s+(?:this\s+)?in|leer\s+en|lea\s+esto\s+en)\s+"
    r"(?:english|spanish|español|inglés)\.?|(?:english|español)",
    r"©.*|\(c\)\s*\d{4}.*|copyright\b.*|all\s+rights\s+reserved\.?.*|todos\s+los\s+derechos\s+reservados\.?.*"
    r"|powered\s+by\s+\w+.*|privacy(?:\s+policy)?|aviso\s+de\s+privacidad|terms\s+of\s+use",
    r"(?:donate|newsletter|privacy|subscribe|suscr[íi]bete|dona|contact|contacto)(?:\s*[·|]\s*(?:donate|newsletter"
    r"|privacy|subscribe|suscr[íi]bete|dona|contact|contacto|press|prensa|careers|empleos))+",
    r"sign\s+up\s+for\s+(?:updates|our\s+newsletter).*|suscr[íi]bete\s+a\s+(?:nuestro\s+)?(?:bolet[íi]n|newsletter).*",
]
_SOFT_END = [
    r"(?:source|fuente)\s+[^.:!?]{2,80}",
    r"(?:filed|posted)\s+under\s*:?.*|archivado\s+en\s*:?.*|publicado\s+en\s*:.*|categor[íi]as?\s*:.*|categories\s*:.*",
]
_HARD_END = [
    r"leave\s+a\s+(?:reply|comment)|deja\s+(?:una\s+respuesta|un\s+comentario)|post\s+a\s+comment|comments?"
    r"|comentarios|\d+\s+(?:thoughts?|comments?|responses?|replies)\s+on\b.*|\d+\s+(?:comentarios?|respuestas?)\s+a\b.*"
    r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?|your\s+email\s+address\s+will\s+not\s+be\s+published.*"
    r"|tu\s+direcci[óo]n\s+de\s+correo\s+electr[óo]nico\s+no\s+ser[áa]\s+publicada.*|no\s+comments?(?:\s+yet)?\.?",
    r"(?:popular|recent|related|latest|more)\s+(?:posts|news|stories|articles|releases|press\s+releases)|you\s+may"
    r"\s+also\s+like|read\s+more|entradas?\s+(?:relacionadas|recientes|anteriores)|art[íi]culos\s+relacionados"
    r"|(?:noticias|publicaciones)\s+(?:relacionadas|recientes)|lo\s+m[áa]s\s+(?:le[íi]do|visto)|upcoming\s+events"
    r"|pr[óo]ximos\s+eventos|entrada\s+anterior\b.*|entrada\s+siguiente\b.*",
    r"also\s+from\s+this\s+source|tambi[ée]n\s+de\s+esta\s+fuente|more\s+news\s+from\b.*|m[áa]s\s+noticias\s+de\b.*"
    r"|related\s+links|enlaces\s+relacionados|organization\s+profile|perfil\s+de\s+la\s+organizaci[óo]n|explore"
    r"|explorar|social\s+media\s+profiles|#\s*hashtags|want\s+your\s+organization'?s\s+news\s+featured.*|get\s+started"
    r"|view\s+original\s+content.*|ver\s+contenido\s+original.*",
    r"you\s+are\s+receiving\s+this\s+(?:email|message)\b.*|unsubscribe\b.*|update\s+your\s+preferences|recibes\s+este"
    r"\s+correo\b.*|darse\s+de\s+baja\b.*|cancelar\s+(?:la\s+)?suscripci[óo]n\b.*",
]
_END_MARK = (
    r"(?:\*+\s*)?(?:#\s*){3,}(?:\*+)?|[-–—]+\s*30\s*[-–—]+|(?:[-–—*]+\s*)?(?:end|ends|fin|fin\s+del\s+comunicado"
    r"|end\s+of\s+(?:release|statement))(?:\s*[-–—*]+)?|\[(?:end|fin)\]|-?###-?"
)
_PROVIDER = r"(?:news\s+provided\s+by|noticias\s+(?:proporcionadas|suministradas)\s+por|provided\s+by)\s*:?"


def _compile(patterns):
    return re.compile(r"^(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + r")\s*[:.]?$", re.I)


_DROP_RE, _SOFT_RE, _HARD_RE = _compile(_DROP), _compile(_SOFT_END), _compile(_HARD_END)
_END_MARK_RE = re.compile(rf"^(?:{_END_MARK})$", re.I)
_PROVIDER_RE = re.compile(rf"^(?:{_PROVIDER})(?P<rest>.*)$", re.I)
_POSTED = re.compile(
    r"^(?:posted|published|updated|publicado|actualizado)(?:\s+(?:on|el|at|a\s+las))?\s+(?P<when>.*?)"
    r"(?:\s+(?:by|por)\s+\S.*)?$",
    re.I,
)
_SEPARATED = re.compile(r"\s*(?:[|·•»›]|\s/\s)\s*")
_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,4}\s+(?:street|st\.?|avenue|ave\.?|boulevard|blvd\.?"
    r"|road|rd\.?|drive|dr\.?|lane|way|place|pl\.?)\b|\b(?:calle|av\.|avenida|paseo|col\.|colonia|c\.p\.)\s"
    r"|\bsuite\s+\d+|\bp\.?o\.?\s+box\b|\b[A-Z]{2}\s+\d{5}\b|\bc\.p\.\s*\d{5}\b",
    re.I,
)
_WEB = re.compile(
    r"(?<![@\w.])(?:https?://|www\.)\S+|(?<![@\w])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net)\b(?!@)", re.I
)
_PHONE_LABEL = re.compile(r"^(?:tel|phone|fax)\b", re.I)
_BYLINE_WORDS = 6
POSTED_WORDS = 14


@functools.lru_cache(maxsize=4096)
def classify(text, *, body=False):
    """``DROP``, ``SOFT_END``, ``HARD_END``, ``END_MARK``, ``PROVIDER`` or None (the release's text).

    In the ``body``, an address counts as a footer only between separators ("·", "|"), so an
    advisory's "WHERE: 198 State Street, Albany, NY" stays.
    """
    if _END_MARK_RE.match(text):
        return END_MARK
    if _PROVIDER_RE.match(text) and len(text.split()) <= _BYLINE_WORDS:
        return PROVIDER
    if _HARD_RE.match(text):
        return HARD_END
    if _SOFT_RE.match(text) and len(text) < 200:
        return SOFT_END
    if (_DROP_RE.match(text) and len(text) < 300) or is_menu(text) or is_posted(text):
        return DROP
    if is_address(text, separated=body):
        return DROP
    return None


def is_posted(text):
    """ "Posted on June 3, 2024 by admin", "Publicado el 9 de febrero de 2023 por Redacción", "Posted 4:05 p.m. MT"."""
    match = _POSTED.match(text)
    return bool(match) and len(text.split()) <= POSTED_WORDS and bool(re.search(r"\d", match["when"]))


def posted_date_text(text):
    """The "when" of a "Posted on … by …" line ("" if it is not one)."""
    match = _POSTED.match(text)
    return match["when"] if match else ""


def is_menu(text):
    """A line of at least three short items between "|", "·", "»" or " / ": a site menu or breadcrumbs."""
    items = [item for item in _SEPARATED.split(text) if item.strip()]
    return (
        len(items) >= 3
        and all(len(item.split()) <= 4 for item in items)
        and not re.search(r"@|\d{3}[\s.-]?\d{4}|\d{4}", text)
    )


def is_address(text, *, separated=False):
    """A letterhead or footer line: a street address, a web address or a phone, between separators, no sentence."""
    if text.endswith(".") and not re.search(r"\b[A-Z]{2}\s+\d{5}\.?$", text) or re.match(r"^[\w ]{2,20}:\s", text):
        return False
    pieces = [piece for piece in re.split(r"\s*(?:[|·•]|\s[-–—]\s)\s*", text) if piece.strip()]
    has_address = bool(_ADDRESS.search(text))
    if has_address and len(text) <= 160 and (len(pieces) > 1 or (text.count(",") >= 2 and not separated)):
        return True
    return len(pieces) > 1 and all(_WEB.search(piece) or _PHONE_LABEL.match(piece) for piece in pieces)


def is_web_address(text):
    return bool(_WEB.fullmatch(text.strip()))
