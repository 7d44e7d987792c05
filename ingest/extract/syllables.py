"""Hangul syllable arithmetic: what a syllable's final consonant (받침) says.

A precomposed syllable (가–힣) is ``0xAC00 + (initial × 21 + medial) × 28 + final``; the
final consonant chooses a particle's form (이/가, 을/를, 와/과, 은/는) and ㅆ marks a verb's
past (했, 었, 됐). Extractors that read particles or tenses from the surface ask here.
"""

from __future__ import annotations

#: The first and the last precomposed Hangul syllables.
FIRST, LAST = "가", "힣"
#: The index of the final consonant ㅆ, which marks the past (했, 었, 였, 됐 …).
SSANG_SIOT = 20
#: The indices of the final consonants ㄴ and ㄹ, which close a verb's adnominal form
#: (``건``, ``선정한``, ``할``).
NIEUN, RIEUL = 4, 8


def is_syllable(ch: str) -> bool:
    return len(ch) == 1 and FIRST <= ch <= LAST


def final(ch: str) -> int:
    """The index of a syllable's final consonant (0: none, an open syllable)."""
    return (ord(ch) - ord(FIRST)) % 28


def closed(ch: str) -> bool:
    """Whether a syllable ends in a consonant (false for anything not a syllable)."""
    return is_syllable(ch) and final(ch) != 0


def past(ch: str) -> bool:
    """Whether a syllable is closed by ㅆ, as a verb's past is."""
    return is_syllable(ch) and final(ch) == SSANG_SIOT


def adnominal(ch: str) -> bool:
    """Whether a syllable is closed by ㄴ or ㄹ, as a verb's adnominal form is (``건``,
    ``된``, ``할``); a noun may end so too, so callers ask only where a clause is likely."""
    return is_syllable(ch) and final(ch) in (NIEUN, RIEUL)


__all__ = ["NIEUN", "RIEUL", "SSANG_SIOT", "adnominal", "closed", "final", "is_syllable", "past"]
