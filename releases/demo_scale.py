"""A press room of any size, for trying and measuring it: ``load_demo --scale N`` adds N generated releases.

What it makes is shaped like a real archive of twenty years: the four kinds (joint statements with
their co-signers, advisories), English and Spanish with translated pairs going out together, tags,
spokespeople, media contacts, corrections, withdrawals (with a notice, or removed), some drafts and
scheduled releases, bodies of four to ten paragraphs quoting a spokesperson. Names are invented.

Rules:
- It adds beside what is there (the demo, or an earlier run); running it again adds N more.
- Releases are written in batches of ``BATCH`` through the model-level effects every write path
  uses (``derived.before_release_save`` for each, ``derived.after_releases_saved`` per batch), with
  one INSERT per table per batch, so memory stays bounded and 100,000 take a couple of minutes.
- It is reproducible: the same seed and starting point make the same press room.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from members.models import Organization

from .models import Boilerplate, Correction, MediaContact, Release, ReleaseContact, Spokesperson, Tag, derived

BATCH = 1000
YEARS = 20
Kind, Status = Release.Kind, Release.Status

WORDS = {
    "en": (
        "the coalition families workers communities asylum border policy rights protection detention "
        "deportation citizenship election organizing justice dignity climate housing wages health schools "
        "members leaders today announced calls on congress administration court ruling decision report "
        "data shows thousands state federal local programs funding urgent across nation migrants status "
        "temporary humanitarian parole legal services access language support response action plan future"
    ).split(),
    "es": (
        "la coalición familias trabajadores comunidades asilo frontera política derechos protección "
        "detención deportación ciudadanía elecciones organización justicia dignidad clima vivienda salarios "
        "salud escuelas miembros líderes hoy anunció pide congreso gobierno tribunal fallo decisión informe "
        "datos muestran miles estado federal programas fondos urgente país migrantes estatus temporal "
        "humanitario servicios legales acceso idioma apoyo respuesta acción plan futuro"
    ).split(),
}
TOPICS = [
    ("Asylum", "Asilo"),
    ("TPS", "TPS"),
    ("Border", "Frontera"),
    ("Detention", "Detención"),
    ("Elections", "Elecciones"),
    ("Climate", "Clima"),
    ("Labor rights", "Derechos laborales"),
    ("Housing", "Vivienda"),
    ("Health", "Salud"),
    ("Education", "Educación"),
    ("Remittances", "Remesas"),
    ("Citizenship", "Ciudadanía"),
]
FIRST = "Ana Luis María José Carmen Jorge Rosa Miguel Elena Pedro Sofía Daniel Lucía Andrés Isabel Diego".split()
LAST = "García Ruiz Chacón Morales Herrera Castillo Ramos Flores Vargas Mendoza Rojas Navarro Ortiz Reyes".split()
SAID = {"en": "said", "es": "dijo"}


class ScaledPressRoom:
    def __init__(self, count, *, seed=1):
        self.count = count
        self.random = random.Random(seed)
        self.now = timezone.now()
        self.start = Release.objects.filter(slug__startswith="scale-").count()

    def add(self, progress=None):
        self.tags = self._tags()
        self.organizations = self._organizations()
        self.people = self._people()
        self.contacts = self._contacts()
        # Each language's default boilerplate, looked up once (a new release would otherwise ask for it).
        self.boilerplates = {b.language: b for b in Boilerplate.objects.filter(is_default=True)}
        made = 0
        while made < self.count:
            size = min(BATCH, self.count - made)
            with transaction.atomic():
                self._batch(self.start + made, size)
            made += size
            if progress:
                progress(made)
        return made

    def _tags(self):
        rows = [
            Tag(name=f"{en} {n}" if n else en, slug=f"scale-topic-{n}-{i}")
            for n in range(4)
            for i, (en, _) in enumerate(TOPICS)
        ]
        Tag.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Tag.objects.filter(slug__startswith="scale-topic-"))

    def _organizations(self):
        wanted = max(40, self.count // 1000)
        rows = [
            Organization(
                name=f"{self.random.choice(['Centro', 'Alianza', 'Red', 'Workers Center', 'Voces'])} {n}",
                slug=f"scale-member-{n}",
                region=f"State {n % 18}",
                is_active=True,
            )
            for n in range(wanted)
        ]
        Organization.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Organization.objects.filter(slug__startswith="scale-member-"))

    def _people(self):
        wanted = max(30, self.count // 500)
        rows = [
            Spokesperson(
                name=f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}",
                slug=f"scale-person-{n}",
                title=self.random.choice(["Executive director", "Policy director", "Organizer", "Attorney"]),
                organization=self.organizations[n % len(self.organizations)],
                is_active=n % 5 != 0,
            )
            for n in range(wanted)
        ]
        Spokesperson.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Spokesperson.objects.filter(slug__startswith="scale-person-").select_related("organization"))

    def _contacts(self):
        rows = [
            MediaContact(
                name=f"Press contact {n}", email=f"press{n}@example.org", phone=f"+1 312 555 {n:04d}", is_active=True
            )
            for n in range(max(10, self.count // 2000))
        ]
        existing = set(MediaContact.objects.filter(name__startswith="Press contact ").values_list("name", flat=True))
        MediaContact.objects.bulk_create(row for row in rows if row.name not in existing)
        return list(MediaContact.objects.filter(name__startswith="Press contact "))

    def _text(self, language, low, high):
        words = self.random.choices(WORDS[language], k=self.random.randint(low, high))
        return " ".join(words).capitalize() + "."

    def _release(self, number, language, moment, **fields):
        person = self.random.choice(self.people)
        paragraphs = [self._text(language, 40, 90) for _ in range(self.random.randint(3, 9))]
        quote = f"“{self._text(language, 15, 30)}” {SAID[language]} {person.name}, {person.title.lower()}."
        paragraphs.insert(1, quote)
        headline = self._text(language, 6, 14).rstrip(".")
        release = Release(
            kind=self.random.choices(list(Kind.values), weights=[60, 20, 10, 10])[0],
            language=language,
            headline=headline,
            slug=f"scale-{number}",
            summary=self._text(language, 15, 35),
            body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
            status=Status.PUBLISHED,
            released_at=moment,
            same_moment_as_original=False,
            boilerplate=self.boilerplates.get(language),
            **fields,
        )
        roll = self.random.random()
        if roll < 0.03:
            release.status = Status.DRAFT
        elif roll < 0.04:
            release.released_at = self.now + timedelta(minutes=self.random.randint(10, 60 * 24 * 30))
        elif roll < 0.05:
            release.status, release.withdrawn_at = Status.WITHDRAWN, moment + timedelta(days=1)
            release.withdrawal_reason = self._text(language, 8, 20)
            release.answer_gone = self.random.random() < 0.3
        derived.before_release_save(release)
        return release, person

    def _batch(self, first, size):
        span = YEARS * 365 * 24 * 3600
        originals, translations = [], []
        for number in range(first, first + size):
            moment = self.now - timedelta(seconds=span * (1 - (number + 0.5) / (self.start + self.count)))
            language = "es" if self.random.random() < 0.25 else "en"
            originals.append(self._release(number, language, moment))
        Release.objects.bulk_create([release for release, _person in originals])
        for original, _person in originals:
            if original.language == "en" and original.status == Status.PUBLISHED and self.random.random() < 0.1:
                number = f"{original.slug.removeprefix('scale-')}-es"
                translation, person = self._release(number, "es", original.released_at, translation_of=original)
                # A pair goes public at one moment, and keeps doing so when the original moves.
                translation.status, translation.released_at = original.status, original.released_at
                translation.same_moment_as_original = True
                translations.append((translation, person))
        Release.objects.bulk_create([release for release, _person in translations])
        written = originals + translations
        self._links(written)
        derived.after_releases_saved(Release.objects.filter(pk__in=[release.pk for release, _person in written]))

    def _links(self, written):
        tags, people, cosigners, contacts, corrections = [], [], [], [], []
        for release, person in written:
            for tag in self.random.sample(self.tags, self.random.randint(1, 3)):
                tags.append(Release.tags.through(release_id=release.pk, tag_id=tag.pk))
            people.append(Release.spokespeople.through(release_id=release.pk, spokesperson_id=person.pk))
            signers = (
                self.random.randint(2, 5) if release.kind == Kind.JOINT_STATEMENT else self.random.choice([0, 0, 1])
            )
            for organization in self.random.sample(self.organizations, signers):
                cosigners.append(Release.cosigners.through(release_id=release.pk, organization_id=organization.pk))
            for position, contact in enumerate(self.random.sample(self.contacts, self.random.randint(1, 2))):
                contacts.append(ReleaseContact(release_id=release.pk, contact_id=contact.pk, position=position))
            if release.status == Status.PUBLISHED and self.random.random() < 0.02:
                corrections.append(
                    Correction(
                        release_id=release.pk,
                        noted_at=release.released_at + timedelta(days=2),
                        text=self._text(release.language, 8, 20),
                    )
                )
        Release.tags.through.objects.bulk_create(tags)
        Release.spokespeople.through.objects.bulk_create(people)
        Release.cosigners.through.objects.bulk_create(cosigners)
        ReleaseContact.objects.bulk_create(contacts)
        Correction.objects.bulk_create(corrections)
