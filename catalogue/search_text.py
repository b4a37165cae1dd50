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

# Index tokens are marked so that they never meet the page's own words:
# the query asks for MARK + stem as a prefix, the index holds
# MARK + stem + END, which no stemmer trims and no shorter query ends in.
MARK = "ʒ"
END = "0"

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Kącik Malucha" -> "kacik malucha"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    return "".join(FOLDED_LETTERS.get(char, char) for char in bare)


def words(text: str) -> list[str]:
    """The folded words of `text` that are long enough to search for."""
    return [word for word in _WORD.findall(fold(text)) if len(word) >= MIN_WORD]


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


def tokens(text: str) -> list[str]:
    """What the index holds for `text`: one marked stem per word."""
    return [f"{MARK}{stem(word)}{END}" for word in words(text)]


def query_terms(query: str) -> list[str]:
    """What the search asks for: one marked stem per word, matched as a prefix."""
    return [f"{MARK}{stem(word)}" for word in words(query)]


def browser_rules() -> dict:
    """The same rules for the search page's script."""
    return {
        "folded": FOLDED_LETTERS,
        "endings": list(ENDINGS),
        "minStem": MIN_STEM,
        "minWord": MIN_WORD,
        "mark": MARK,
    }
