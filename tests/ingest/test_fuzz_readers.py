"""Fuzzing the readers: malformed documents of every registered format are read or refused.

Every input, generated or mutated from a valid document, must end one of two ways: a
``Document`` whose blocks and cells point at exactly their own text, or an
``IngestError`` (the project's named errors, ``stkg.ingest.errors``) that names the file.
Any other exception fails the test with the falsifying input; a hang is caught by the
module's timeout.

The formats come from the one registry (``FORMATS``), the valid seeds and the mutations
from ``bench/fuzz_inputs.py`` (shared with ``python -m bench.reader_fuzz``, which runs the
same mutations at a larger budget and measures memory). Hypothesis runs derandomized, so
CI sees the same inputs every time; ``STKG_FUZZ_SCALE=N`` multiplies every budget, and
``--hypothesis-seed`` (with ``STKG_FUZZ_RANDOM=1``) explores new ones.

Budget: 2,550 inputs in the default run (1,600 mutations, 950 generated).
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from bench_modules import bench_module
from fuzzing import budget
from hypothesis import given
from hypothesis import strategies as st

from stkg.ingest.errors import IngestError, UnsupportedFormat
from stkg.ingest.readers import Document, read_document
from stkg.ingest.readers.formats import BY_KIND, FORMATS

REPO = Path(__file__).resolve().parents[2]

# A hang guard, not a speed bound: the whole module reads ~2,500 inputs in well under a
# minute on a loaded 2-core machine (see BENCHMARKS.md); ten minutes means something hangs.
pytestmark = pytest.mark.timeout(600)


FUZZ = bench_module("fuzz_inputs")
SEEDS: dict[str, tuple[str, bytes]] = FUZZ.seed_documents()
KINDS = sorted(SEEDS)
SUFFIXES = sorted({suffix for fmt in FORMATS for suffix in fmt.suffixes} | {"", ".bin", ".ttl"})
TEXT_SUFFIXES = sorted(
    suffix
    for fmt in FORMATS
    if not fmt.binary and fmt.reader is not None
    for suffix in fmt.suffixes
)


def read_or_refuse(folder: Path, data: bytes, suffix: str) -> Document | IngestError:
    """The property every input must have; returns what happened for extra checks."""
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except IngestError as exc:
        assert str(exc).startswith(f"cannot read {path.name}"), exc
        assert exc.reason, exc
        return exc
    assert doc.text.strip()
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    for cell in doc.cells():
        assert doc.text[cell.start : cell.end] == cell.text
    for table in doc.tables:
        assert 0 <= table.start <= table.end <= len(doc.text)
    return doc


# --- the seeds are valid, and cover the registry ------------------------------------------


@pytest.mark.parametrize("kind", [fmt.kind for fmt in FORMATS])
def test_every_registered_format_has_a_valid_seed(scratch: Path, kind: str) -> None:
    suffix, data = SEEDS[kind]
    outcome = read_or_refuse(scratch, data, suffix)
    if BY_KIND[kind].reader is None:  # recognised only to be refused, with advice
        assert isinstance(outcome, UnsupportedFormat), outcome
    else:
        assert isinstance(outcome, Document), outcome
        assert outcome.media_type == BY_KIND[kind].media_type


# --- mutations of valid documents ---------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(KINDS))
    suffix, data = SEEDS[kind]
    name = draw(st.sampled_from(sorted(FUZZ.mutations_for(data))))
    seed = draw(st.integers(0, 2**32 - 1))
    rounds = draw(st.integers(1, 3))
    # mostly the format's own suffix; sometimes another one (content beats the name)
    suffix = draw(st.sampled_from([suffix] * 4 + SUFFIXES))
    return suffix, FUZZ.mutate(data, name, seed, rounds)


@budget(1600)
@given(case=mutated())
def test_mutated_documents_are_read_or_refused(scratch: Path, case: tuple[str, bytes]) -> None:
    suffix, data = case
    read_or_refuse(scratch, data, suffix)


# --- generated inputs ---------------------------------------------------------------------


@budget(400)
@given(data=st.binary(min_size=1, max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_refused(scratch: Path, data: bytes, suffix: str) -> None:
    read_or_refuse(scratch, data, suffix)


@budget(150)
@given(
    head=st.sampled_from(
        [b"PK\x03\x04", b"PK\x05\x06", b"%PDF-1.7\n", FUZZ.OLE_MAGIC, b"\xef\xbb\xbf"]
    ),
    body=st.binary(max_size=2048),
    tail=st.sampled_from([b"", b"%%EOF\n", b"PK\x05\x06" + bytes(18)]),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_bytes_behind_a_magic_number_are_read_or_refused(
    scratch: Path, head: bytes, body: bytes, tail: bytes, suffix: str
) -> None:
    read_or_refuse(scratch, head + body + tail, suffix)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp949",
             "euc-kr", "latin-1", "shift_jis", "big5", "koi8-r", "cp1252"]  # fmt: skip


@budget(200)
@given(
    text=st.text(min_size=1, max_size=600),
    encoding=st.sampled_from(ENCODINGS),
    suffix=st.sampled_from(TEXT_SUFFIXES),
)
def test_any_text_in_any_encoding_is_read_or_refused(
    scratch: Path, text: str, encoding: str, suffix: str
) -> None:
    data = text.encode(encoding, errors="replace")
    outcome = read_or_refuse(scratch, data, suffix)
    if isinstance(outcome, Document) and encoding.startswith("utf-8") and suffix == ".txt":
        # a UTF-8 text file that is read comes back with its own characters (NFC,
        # newlines normalised)
        assert outcome.encoding in ("utf-8", "utf-8-sig")


CELLS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@budget(100)
@given(
    rows=st.lists(st.lists(CELLS, min_size=1, max_size=8), min_size=1, max_size=30),
    delimiter=st.sampled_from([",", "\t", ";"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    suffix=st.sampled_from([".csv", ".tsv"]),
)
def test_generated_tables_are_read_or_refused(
    scratch: Path, rows: list[list[str]], delimiter: str, quoting: int, suffix: str
) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting).writerows(rows)
    outcome = read_or_refuse(scratch, out.getvalue().encode("utf-8"), suffix)
    if isinstance(outcome, Document):
        assert len(outcome.tables) == 1


TAGS = ["div", "p", "table", "tr", "td", "th", "ul", "li", "h1", "br", "script", "b", "main",
        "caption", "pre", "svg", "body", "html", "head", "meta charset=x-foo", "!--", "![CDATA["]  # fmt: skip

html_fragment = st.recursive(
    st.text(max_size=30).map(lambda t: t.replace("<", "&lt;")),
    lambda inner: st.tuples(
        st.sampled_from(TAGS),
        st.lists(inner, max_size=4),
        st.sampled_from(
            [
                "",
                ' rowspan="3"',
                ' colspan="0"',
                ' colspan="999999"',
                ' rowspan="-2"',
                ' rowspan="100000" colspan="100000"',
            ]
        ),
        st.booleans(),
    ).map(lambda t: f"<{t[0]}{t[2]}>" + "".join(t[1]) + (f"</{t[0].split()[0]}>" if t[3] else "")),
    max_leaves=40,
)


@budget(100)
@given(page=html_fragment, encoding=st.sampled_from(["utf-8", "cp949", "utf-16"]))
def test_generated_html_is_read_or_refused(scratch: Path, page: str, encoding: str) -> None:
    data = codecs.encode(f"<html><body>{page}</body></html>", encoding, errors="replace")
    read_or_refuse(scratch, data, ".html")
