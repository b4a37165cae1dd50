"""Words as the search sees them: folded to ASCII and lightly stemmed.

Readers type without diacritics (on phones, on foreign keyboards) and in
any grammatical form, so both the index and the query go through the same
steps: fold ("Łódź" -> "lodz"), split into words, strip the case ending
("knihovně" -> "knihovn") and even out the consonant that alternates
before it ("bibliotece" and "biblioteka" -> "bibliotk").

The browser repeats these steps on the query with the rules that
`browser_rules()` hands it, so one definition serves both sides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters that Unicode decomposition leaves alone ("ł" is not "l" + a mark).
FOLDED_LETTERS = {
    "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ŀ": "l",
}

# Case endings of Czech, Slovak and Polish after folding, longest first.
# A stem keeps at least MIN_STEM letters.
ENDINGS = (
    "atech",
    "etem", "atum", "iach", "iami", "iego", "iemu",
    "ach", "ech", "ich", "ych", "och", "ami", "emi", "imi", "ymi", "eho", "iho", "emu", "imu", "ymu",
    "ego", "iej", "iem", "iom", "ama", "ata", "aty", "ove", "ovi", "owi",
    "em", "im", "ym", "um", "am", "om", "ou", "ov", "ow", "ej", "mi", "ia", "ie", "iu", "ii", "os", "us", "at",
    "a", "e", "i", "o", "u", "y",
)
MIN_STEM = 3
# A word shorter than this is left out of the index and of the query.
MIN_WORD = 2

# The index holds each word as one token, MARK + stem + MARK + word + MARK
# ("knihovně" -> "ʒknihovnʒknihovneʒ"). The search asks for MARK + stem as a
# prefix (every form of the word) and for MARK + stem + MARK + word (the
# form as typed, to rank it first); both lie next to each other in the
# index, so they cost one download. The marks keep tokens apart from any
# other word, keep stemmers from trimming them, and keep Pagefind (which
# falls back to the longest indexed word that is a prefix of an unknown
# term) from matching a token to a longer query. Words with digits stay as
# they are: Pagefind splits such words at the digits.
MARK = "ʒ"

_WORD = re.compile(r"[^\W_]+")


class _Folding(dict):
    """Character -> its folded form, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code))
        bare = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
        self[code] = "".join(FOLDED_LETTERS.get(char, char) for char in bare)
        return self[code]


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Lower case without diacritics: "Kącik Malucha" -> "kacik malucha"."""
    return text.lower().translate(_FOLDING)


def words(text: str) -> list[str]:
    """The folded words of `text` that are long enough to search for."""
    return [word for word in _WORD.findall(fold(text)) if len(word) >= MIN_WORD]


@cache
def stem(word: str) -> str:
    """The light stem of one folded word."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            break
    # Consonants that alternate before endings: biblioteka/bibliotece,
    # kniha/knize, dziecko/dzieci.
    if word.endswith("c"):
        word = word[:-1] + "k"
    elif word.endswith("z"):
        word = word[:-1] + "h"
    if word.endswith("ck"):
        word = word[:-2] + "k"
    # The "e" that comes and goes before the last consonant: knihoven/knihovna.
    if len(word) > MIN_STEM and word[-2] == "e":
        word = word[:-2] + word[-1]
    return word


def _has_digit(word: str) -> bool:
    return any(char.isnumeric() for char in word)


def token(word: str) -> str:
    """How the index holds one folded word."""
    return word if _has_digit(word) else f"{MARK}{stem(word)}{MARK}{word}{MARK}"


def tokens(text: str) -> list[str]:
    """What the index holds for `text`."""
    return [token(word) for word in words(text)]


def query_terms(query: str) -> list[str]:
    """What the search asks for to find every form of each word (each a prefix)."""
    return [word if _has_digit(word) else f"{MARK}{stem(word)}" for word in words(query)]


def exact_terms(query: str) -> list[str]:
    """What the search asks for to find each word as typed (each a prefix)."""
    return [word if _has_digit(word) else f"{MARK}{stem(word)}{MARK}{word}" for word in words(query)]


def browser_rules() -> dict:
    """The same rules for the search page's script."""
    return {
        "folded": FOLDED_LETTERS,
        "endings": list(ENDINGS),
        "minStem": MIN_STEM,
        "minWord": MIN_WORD,
        "mark": MARK,
    }
