"""The catalogue's model: practices built from validated entry files."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.model.vocabularies import languages


@dataclass(frozen=True)
class Library:
    name: str
    place: str
    country: str
    url: str | None = None


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    country: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Text:
    """The words of a practice in one language."""

    title: str
    summary: str
    body: str


@dataclass
class Practice:
    slug: str
    original_language: str
    texts: dict[str, Text]  # only the languages really written
    type: str
    scope: str
    countries: list[str]
    place: str
    libraries: list[Library]
    audience: list[str]
    started: int | None
    status: str
    sources: list[Source]
    updated: str
    region: str | None = None
    partners: list[Partner] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    ended: int | None = None
    status_as_of: int | None = None
    funding: list[str] = field(default_factory=list)
    contact: str | None = None
    location: dict | None = None
    related: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)

    @property
    def translations(self) -> list[str]:
        return list(self.texts)

    def text(self, lang: str) -> Text:
        """The text to show in `lang`: its own, else the original's."""
        return self.texts.get(lang) or self.texts[self.original_language]

    def shown_language(self, lang: str) -> str:
        return lang if lang in self.texts else self.original_language


@dataclass
class Catalogue:
    practices: list[Practice]  # sorted by slug
    library_spellings: dict[str, str] = field(default_factory=dict)  # other spelling -> library name
    library_locations: dict[str, tuple[float, float]] = field(default_factory=dict)  # library name -> (lat, lon)
    library_urls: dict[str, str] = field(default_factory=dict)  # library name -> its website (entries/libraries.yml)
    # What the validator says without refusing (a related practice named by its former slug).
    notes: list = field(default_factory=list, compare=False)
    # Libraries not yet located on the map: reminders, at the line of a practice naming them.
    unlocated: list = field(default_factory=list, compare=False)

    def __post_init__(self):
        self.by_slug = {practice.slug: practice for practice in self.practices}

    def of_type(self, type_id: str) -> list[Practice]:
        return [practice for practice in self.practices if practice.type == type_id]

    def last_updated(self, practices: list[Practice] | None = None) -> str | None:
        """The newest `updated` date of `practices` (all by default)."""
        return max((practice.updated for practice in (self.practices if practices is None else practices)), default=None)

    def newest(self, count: int) -> list[Practice]:
        return sorted(self.practices, key=lambda p: (p.updated, p.slug), reverse=True)[:count]


def practice_from_files(slug: str, original, translations: list) -> Practice:
    """Build a practice from its validated original and translation files."""
    facts = dict(original.data)
    texts = {original.lang: Text(facts.pop("title"), facts.pop("summary"), original.body.strip())}
    for translation in translations:
        texts[translation.lang] = Text(translation.data["title"], translation.data["summary"], translation.body.strip())
    texts = {lang: texts[lang] for lang in languages() if lang in texts}
    return Practice(
        slug=slug,
        original_language=original.lang,
        texts=texts,
        libraries=[Library(**item) for item in facts.pop("libraries")],
        partners=[Partner(**item) for item in facts.pop("partners", [])],
        sources=[Source(**item) for item in facts.pop("sources")],
        **facts,
    )
