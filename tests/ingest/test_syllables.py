"""The syllable arithmetic particles and tenses are read with."""

from __future__ import annotations

import pytest

from stkg.ingest.extract.syllables import closed, past


@pytest.mark.parametrize(
    ("ch", "is_closed", "is_past"),
    [
        ("가", False, False),
        ("각", True, False),
        ("됐", True, True),
        ("었", True, True),
        ("힣", True, False),
        ("A", False, False),
        ("1", False, False),
    ],
)
def test_a_syllables_final_consonant(ch, is_closed, is_past):
    assert closed(ch) is is_closed
    assert past(ch) is is_past
