"""Malformed documents for fuzzing the readers: seeds from the registry, mutations of them.

Every format the one registry lists (``stkg.ingest.readers.formats.FORMATS``) gets a valid
seed: the sample corpus file with one of its suffixes (``samples/``), or, for a format
the corpus has no file of, one made here from another seed (a TSV from the CSV, Markdown
from a text file, an OLE header for the refused HWP 5 / legacy Office formats).
:func:`seed_documents` fails when a registered format has no seed, so a new format
cannot slip past the fuzzer.

A mutation takes the bytes of a valid document and a ``random.Random`` and returns
malformed bytes: byte-level ones for every format (truncation, byte flips, inserted
garbage, deleted or repeated slices, splices of two documents), zip-level ones for the
zip containers (an entry removed, corrupted, truncated or replaced; deep nesting or a
huge cell in an XML part; a highly compressible entry just inside and just outside the
zip-bomb limits; a damaged central directory), text-level ones for the text formats
(another encoding, a wrong charset declaration, deep nesting, huge lines and cells, NUL
bytes, unbalanced quotes) and PDF ones (deep arrays, a lying stream length, a reference
loop). The fuzz tests draw the mutation and its random seed with Hypothesis; the memory
benchmark (``bench.reader_memory``) replays the same mutations from plain seeds.

Test and benchmark tooling only: nothing here is imported by stkg itself.
"""

from __future__ import annotations

import codecs
import functools
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from stkg.ingest.readers.formats import FORMATS, Format

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
MiB = 1024 * 1024

# The readers refuse OLE compound files (HWP 5, .doc, .xls) by their magic.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Mutation = Callable[[bytes, random.Random], bytes]

#: Size of the "huge" cells and lines the mutations insert (the memory benchmark raises
#: it towards the size limits).
HUGE_BYTES = 256 * 1024
#: Most rows :func:`sparse_far_cells` adds (16,384 cells each once padded).
SPARSE_ROWS = 4


def _sample(suffixes: tuple[str, ...]) -> bytes | None:
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix.lower() in suffixes:
            return path.read_bytes()
    return None


@functools.cache
def seed_documents() -> dict[str, tuple[str, bytes]]:
    """``{kind: (suffix, bytes)}``: one valid document for every registered format."""
    seeds: dict[str, tuple[str, bytes]] = {}
    for fmt in FORMATS:
        data = _sample(fmt.suffixes)
        if data is None:
            data = _made_seed(fmt, seeds)
        seeds[fmt.kind] = (fmt.suffixes[0], data)
    return seeds


def _made_seed(fmt: Format, seeds: dict[str, tuple[str, bytes]]) -> bytes:
    """A seed for a registered format the sample corpus has no file of."""
    if fmt.reader is None:  # recognised only to be refused (HWP 5, legacy Office)
        return OLE_MAGIC + bytes(504) + b"Root Entry".ljust(64, b"\0")
    reader = fmt.reader.split(":")[1]
    text = _sample((".txt",))
    table = _sample((".csv",))
    if reader == "read_tsv" and table is not None:
        return table.replace(b",", b"\t")
    if reader == "read_txt" and text is not None:
        return b"# " + text.replace(b"\n\n", b"\n\n## ", 1)
    raise LookupError(
        f"no seed for the registered format {fmt.kind!r}: add a sample file with one of "
        f"{fmt.suffixes} to samples/, or a recipe to bench/fuzz_inputs.py"
    )


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


# --- byte-level mutations -------------------------------------------------------------


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(out))
        out[i] ^= rng.randint(1, 255)
    return bytes(out)


def insert_garbage(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.randbytes(rng.randint(1, 512)) + data[i:]


def delete_slice(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, max(1, len(data) // 4)))
    return (data[:i] + data[j:]) or data[:1]


def repeat_slice(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    piece = data[i : i + rng.randint(1, 256)]
    return data[:i] + piece * rng.randint(2, 200) + data[i:]


def splice(data: bytes, rng: random.Random) -> bytes:
    """The head of this document on the tail of another registered format's seed."""
    other = rng.choice([seed for _, seed in seed_documents().values()])
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other)) :]


def overwrite_tail(data: bytes, rng: random.Random) -> bytes:
    """Damage the end, where zip central directories and PDF trailers live."""
    n = min(len(data), rng.randint(1, 128))
    return data[:-n] + rng.randbytes(n)


BYTE_MUTATIONS: dict[str, Mutation] = {
    "truncate": truncate,
    "flip bytes": flip_bytes,
    "insert garbage": insert_garbage,
    "delete slice": delete_slice,
    "repeat slice": repeat_slice,
    "splice": splice,
    "overwrite tail": overwrite_tail,
}


# --- zip containers (docx, xlsx, hwpx) ------------------------------------------------


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _pack(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info, content in entries:
            archive.writestr(info.filename, content)
    return out.getvalue()


def _xml_entries(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> list[int]:
    found = [i for i, (info, _) in enumerate(entries) if info.filename.endswith(".xml")]
    return found or list(range(len(entries)))


def _with_entry(data: bytes, rng: random.Random, change: Callable[[bytes], bytes]) -> bytes:
    entries = _entries(data)
    i = rng.choice(_xml_entries(entries))
    info, content = entries[i]
    entries[i] = (info, change(content))
    return _pack(entries)


def remove_entry(data: bytes, rng: random.Random) -> bytes:
    entries = _entries(data)
    del entries[rng.randrange(len(entries))]
    return _pack(entries)


def corrupt_entry(data: bytes, rng: random.Random) -> bytes:
    return _with_entry(data, rng, lambda content: flip_bytes(content, rng))


def truncate_entry(data: bytes, rng: random.Random) -> bytes:
    return _with_entry(data, rng, lambda content: truncate(content, rng))


def garbage_entry(data: bytes, rng: random.Random) -> bytes:
    return _with_entry(data, rng, lambda _: rng.randbytes(rng.randint(0, 2048)))


def _inside_root(content: bytes, piece: bytes) -> bytes:
    """``piece`` inserted just before the XML part's last closing tag."""
    end = content.rfind(b"</")
    return content + piece if end < 0 else content[:end] + piece + content[end:]


# Element chains nested again and again: plain elements, and the ones readers descend
# into (an HWPX text box holds a sub-list of paragraphs that may hold another text box).
_NESTING_CHAINS: tuple[tuple[bytes, ...], ...] = (
    (b"x",),
    (b"w:p",),
    (b"w:tbl", b"w:tr", b"w:tc"),
    (b"hp:p", b"hp:run", b"hp:rect", b"hp:subList"),
    (b"row",),
)


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((100, 1_000, 20_000))
    chain = rng.choice(_NESTING_CHAINS)
    opening = b"".join(b"<" + tag + b">" for tag in chain)
    closing = b"".join(b"</" + tag + b">" for tag in reversed(chain))
    nested = opening * depth + closing * depth
    return _with_entry(data, rng, lambda content: _inside_root(content, nested))


def huge_cell(data: bytes, rng: random.Random) -> bytes:
    """A run of text as large as ``HUGE_BYTES`` inside an XML part (a giant cell or
    paragraph: the xlsx shared strings, the docx body, the hwpx section all hold text)."""
    text = ("가나다 " * (HUGE_BYTES // 10 + 1)).encode()[:HUGE_BYTES]
    return _with_entry(data, rng, lambda content: _inside_root(content, text))


def bomb_inside_limits(data: bytes, rng: random.Random) -> bytes:
    """An extra entry of zeros just under the ratio check's floor: compresses ~1000x,
    but is small enough that the limits let it through."""
    entries = _entries(data)
    entries.append((zipfile.ZipInfo("extra/zeros.xml"), b"\0" * (1 * MiB - 1)))
    return _pack(entries)


def bomb_outside_limits(data: bytes, rng: random.Random) -> bytes:
    """An entry of zeros over the ratio check's floor: refused unopened (UnsafeArchive)."""
    entries = _entries(data)
    i = rng.choice(_xml_entries(entries))
    info, _ = entries[i]
    entries[i] = (info, b"\0" * (2 * MiB))
    return _pack(entries)


def sparse_far_cells(data: bytes, rng: random.Random) -> bytes:
    """Rows holding a cell in column A and one in the last column (XFD): a spreadsheet
    reader pads the gap, so each row costs 16,384 cells (``SPARSE_ROWS`` of them)."""
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>a</t></is></c>'
        b'<c r="XFD%d" t="inlineStr"><is><t>z</t></is></c></row>' % (r, r, r)
        for r in range(5000, 5000 + rng.randint(1, SPARSE_ROWS))
    )

    def change(content: bytes) -> bytes:
        end = content.find(b"</sheetData>")
        return content[:end] + rows + content[end:] if end >= 0 else _inside_root(content, rows)

    entries = _entries(data)
    sheets = [
        i for i, (info, _) in enumerate(entries) if info.filename.startswith("xl/worksheets/")
    ]
    i = rng.choice(sheets or _xml_entries(entries))
    info, content = entries[i]
    entries[i] = (info, change(content))
    return _pack(entries)


def bad_central_directory(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes in the central directory (declared sizes, offsets, names)."""
    start = data.rfind(b"PK\x01\x02")
    if start < 0:
        return flip_bytes(data, rng)
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(start, len(out))
        out[i] ^= rng.randint(1, 255)
    return bytes(out)


ZIP_MUTATIONS: dict[str, Mutation] = {
    "zip: entry removed": remove_entry,
    "zip: entry corrupted": corrupt_entry,
    "zip: entry truncated": truncate_entry,
    "zip: entry replaced by garbage": garbage_entry,
    "zip: deep nesting": deep_nesting,
    "zip: huge cell": huge_cell,
    "zip: bomb inside the limits": bomb_inside_limits,
    "zip: bomb outside the limits": bomb_outside_limits,
    "zip: central directory damaged": bad_central_directory,
    "zip: sparse far cells": sparse_far_cells,
}


# --- text formats (txt, md, csv, tsv, html) -------------------------------------------

_ENCODINGS = ("cp949", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "shift_jis", "big5", "koi8-r")


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def wrong_encoding(data: bytes, rng: random.Random) -> bytes:
    encoding = rng.choice(_ENCODINGS)
    return _text(data).encode(encoding, errors="replace")


def conflicting_bom(data: bytes, rng: random.Random) -> bytes:
    bom = rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32))
    return bom + data


def wrong_charset_declaration(data: bytes, rng: random.Random) -> bytes:
    declared = rng.choice(
        (b"euc-kr", b"utf-16", b"utf-7", b"shift_jis", b"punycode", b"idna", b"rot13", b"x-nope")
    )
    return b'<meta charset="' + declared + b'">' + data


def html_deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((100, 1_000, 50_000))
    tag = rng.choice((b"div", b"table><tr><td", b"ul><li", b"span", b"b"))
    return data + (b"<" + tag + b">") * depth + b"x"


def huge_line(data: bytes, rng: random.Random) -> bytes:
    cell = ("가" * (HUGE_BYTES // 3)).encode()
    i = rng.randrange(len(data) + 1)
    return data[:i] + cell + data[i:]


def nul_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        out.insert(rng.randrange(len(out) + 1), 0)
    return bytes(out)


def unbalanced_quotes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        out.insert(rng.randrange(len(out) + 1), ord('"'))
    return bytes(out)


def many_columns(data: bytes, rng: random.Random) -> bytes:
    return data + b"\n" + b",".join(b"c%d" % i for i in range(rng.choice((500, 20_000)))) + b"\n"


TEXT_MUTATIONS: dict[str, Mutation] = {
    "text: wrong encoding": wrong_encoding,
    "text: conflicting byte-order mark": conflicting_bom,
    "text: wrong charset declaration": wrong_charset_declaration,
    "text: deep nesting": html_deep_nesting,
    "text: huge line": huge_line,
    "text: NUL bytes": nul_bytes,
    "text: unbalanced quotes": unbalanced_quotes,
    "text: many columns": many_columns,
}


# --- PDF ------------------------------------------------------------------------------


def _before_trailer(data: bytes, piece: bytes) -> bytes:
    at = data.rfind(b"xref")
    at = at if at >= 0 else len(data)
    return data[:at] + piece + data[at:]


def pdf_deep_arrays(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((100, 5_000, 100_000))
    return _before_trailer(data, b"99 0 obj " + b"[" * depth + b"]" * depth + b" endobj\n")


def pdf_lying_length(data: bytes, rng: random.Random) -> bytes:
    length = rng.choice((b"0", b"-5", b"99999999999", b"1 0 R", b"(x)"))
    out = data.replace(b"/Length ", b"/Length " + length + b" %", 1)
    return out if out != data else flip_bytes(data, rng)


def pdf_reference_loop(data: bytes, rng: random.Random) -> bytes:
    loop = b"97 0 obj << /Kids [98 0 R] /Type /Pages >> endobj\n"
    loop += b"98 0 obj << /Kids [97 0 R] /Parent 97 0 R /Type /Pages >> endobj\n"
    return _before_trailer(data, loop).replace(b"/Pages 2 0 R", b"/Pages 97 0 R", 1)


def pdf_keep_eof(data: bytes, rng: random.Random) -> bytes:
    """Damage the middle but keep the ``%%EOF`` marker (the cheap truncation check passes)."""
    return flip_bytes(data[: rng.randrange(len(data))], rng) + b"\n%%EOF\n"


PDF_MUTATIONS: dict[str, Mutation] = {
    "pdf: deep arrays": pdf_deep_arrays,
    "pdf: lying stream length": pdf_lying_length,
    "pdf: reference loop": pdf_reference_loop,
    "pdf: damaged body, end marker kept": pdf_keep_eof,
}


def mutations_for(data: bytes) -> dict[str, Mutation]:
    """The mutations that fit a seed: byte-level ones plus those of its container."""
    if is_zip(data):
        return {**BYTE_MUTATIONS, **ZIP_MUTATIONS}
    if is_pdf(data):
        return {**BYTE_MUTATIONS, **PDF_MUTATIONS}
    if data.startswith(OLE_MAGIC):
        return dict(BYTE_MUTATIONS)
    return {**BYTE_MUTATIONS, **TEXT_MUTATIONS}


def mutate(data: bytes, name: str, seed: int, rounds: int = 1) -> bytes:
    """Apply the mutation ``name`` (then ``rounds - 1`` byte-level ones) seeded by ``seed``."""
    rng = random.Random(seed)
    out = mutations_for(data)[name](data, rng)
    for _ in range(rounds - 1):
        if not out:
            break
        out = rng.choice(list(BYTE_MUTATIONS.values()))(out, rng)
    return out
