"""Korean NLP for ingest: a Kiwi-backed spaCy pipeline with gazetteer and quantity entities.

Use :func:`build_pipeline` (cached per gazetteer) or the :func:`extract` shortcut.
"""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerEntry, GazetteerError, spelling_variants
from .pipeline import (
    EMPTY_GAZETTEER,
    QUANTITY_LABELS,
    Mention,
    build_pipeline,
    extract,
    extract_many,
)
from .quantities import find_quantities, parse_value
from .tokenizer import KiwiTokenizer, add_user_words, get_kiwi, mask_markup

__all__ = [
    "EMPTY_GAZETTEER",
    "QUANTITY_LABELS",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "KiwiTokenizer",
    "Mention",
    "add_user_words",
    "build_pipeline",
    "extract",
    "extract_many",
    "find_quantities",
    "get_kiwi",
    "mask_markup",
    "parse_value",
    "spelling_variants",
]
