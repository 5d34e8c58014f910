"""Vietnamese text as people type it into a search box: often without diacritics.

"phuong" must find "phường" and "d" must find "đ". Both the indexed text and the query are folded
the same way, so the comparison needs nothing from the database.
"""

from __future__ import annotations

import re
import unicodedata

# đ is a letter of its own, not d with a combining mark, so Unicode decomposition leaves it alone.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`text` in lower case, without diacritics, with runs of white space made single spaces."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_LETTERS))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", bare.casefold()).strip()


# A word, as SQLite's FTS5 "unicode61" tokenizer sees one: letters and digits, not "_".
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The folded words of `text`: what is indexed, and what a query asks for."""
    return WORD.findall(fold(text))


def exact_key(text: str) -> str:
    """`text` in lower case with its diacritics kept, composed, with single spaces.

    Composing first makes the two ways of typing "ờ" (one code point, or "o" plus marks) compare
    equal, so a query matches a title as typed whatever the keyboard sent.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", (text or "").casefold())).strip()
