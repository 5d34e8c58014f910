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
