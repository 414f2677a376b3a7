"""Media contacts and spokespeople as vCards (3.0), with what their public pages show."""

import vobject


def _card(name):
    card = vobject.vCard()
    card.add("fn").value = name
    parts = name.rsplit(" ", 1)
    card.add("n").value = vobject.vcard.Name(family=parts[-1], given=parts[0] if len(parts) > 1 else "")
    return card


def contact_vcard(contact):
    card = _card(contact.name)
    if contact.display_role:
        card.add("title").value = contact.display_role
    if contact.organization_id:
        card.add("org").value = [contact.organization.name]
    if contact.phone:
        tel = card.add("tel")
        tel.value = contact.phone_e164 or contact.phone
        tel.type_param = "WORK"
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.languages:
        card.add("note").value = contact.languages
    return card.serialize()


def spokesperson_vcard(person, url):
    card = _card(person.name)
    if person.display_title:
        card.add("title").value = person.display_title
    card.add("org").value = [person.organization.name]
    card.add("url").value = url
    if person.languages:
        card.add("note").value = person.languages
    return card.serialize()
