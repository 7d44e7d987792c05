"""The generated patent data of ``bench/patent_data.py``, for the indicator tests.

Imported by name (pytest puts this folder on sys.path); the bench module is loaded from
its file because ``bench/`` is not an installed package.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def patent_data() -> ModuleType:
    name = "stkg_bench_patent_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "patent_data.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
