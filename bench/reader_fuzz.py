"""Fuzz the readers at a larger budget than the tests, and check their memory bound.

    python -m bench.reader_fuzz [--inputs 20000] [--seed 1] [--bound-mib 2048]

Two parts, both printed as markdown:

1. **Mutations.** ``--inputs`` malformed documents (the mutations of
   ``bench/fuzz_inputs.py`` applied to a valid seed of every registered format, one to
   three rounds) are read one after another in this process; each is counted by outcome
   (read, or the named ``IngestError`` it was refused with) and any other exception is
   listed with the format, mutation and seed that reproduce it. This process's peak RSS
   after the run is reported next to its RSS before it.
2. **Worst cases at the limits**, each read in a fresh child process whose peak RSS
   (``VmHWM``) is measured: the largest inputs the default ``Limits``, the table cell
   limit and the HTML tag limit let through, built to cost the most memory per byte: a
   sparse XLSX padded to just under a million cells, a CSV of a million cells in 46 MiB,
   50 MiB of text, 50 MiB of HTML (refused by the tag limit), an HTML table just under
   the tag limit, and DOCX, HWPX and XLSX parts holding ``--zip-mib`` MiB of random
   Hangul words (31 MiB by default, just under the 32 MiB limit of a container's XML
   parts; deflated about 4x, far under the ratio limit), as one paragraph or cell and as
   one-word paragraphs.

The stated bound: reading any one document within the default limits peaks below
``--bound-mib`` MiB of RSS (2 GiB), including the interpreter and the parsers (~150 MiB
of it). The command exits 1 when a worst case goes over it or a mutation raised anything
but an ``IngestError``. Figures in BENCHMARKS.md come from this command.
"""

from __future__ import annotations

import argparse
import collections
import io
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

import psutil

from bench.fuzz_inputs import MiB, _entries, mutate, mutations_for, seed_documents
from stkg.ingest.errors import IngestError
from stkg.ingest.readers import read_document
from stkg.ingest.readers.limits import MAX_HTML_TAGS, MAX_TABLE_CELLS


def run_mutations(inputs: int, seed: int) -> tuple[dict[str, collections.Counter[str]], list[str]]:
    seeds = seed_documents()
    outcomes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    crashes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="stkg-fuzz-") as folder:
        for i in range(seed, seed + inputs):
            rng = random.Random(i)
            kind = rng.choice(sorted(seeds))
            suffix, data = seeds[kind]
            name = rng.choice(sorted(mutations_for(data)))
            path = Path(folder) / f"fuzzed{suffix}"
            path.write_bytes(mutate(data, name, i, rounds=rng.randint(1, 3)))
            try:
                read_document(path)
                outcomes[kind]["read"] += 1
            except IngestError as exc:
                outcomes[kind][type(exc).__name__] += 1
            except Exception as exc:  # the bug this looks for
                outcomes[kind]["other exception"] += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                crashes.append(
                    f"{kind} / {name} / seed {i}: {type(exc).__name__}: {exc} "
                    f"({Path(where.filename).name}:{where.lineno})"
                )
    return outcomes, crashes


# --- worst cases at the limits ------------------------------------------------------------


def _sparse_xlsx(_: int) -> tuple[str, bytes]:
    """Rows with a cell in A and one in XFD: 16,384 cells each once padded."""
    rows = (MAX_TABLE_CELLS - 20) // 16_384
    return ".xlsx", _xlsx_with_rows(
        b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>a</t></is></c>'
            b'<c r="XFD%d" t="inlineStr"><is><t>z</t></is></c></row>' % (r, r, r)
            for r in range(1, rows + 1)
        )
    )


def _xlsx_with_rows(rows: bytes) -> bytes:
    _, data = seed_documents()["xlsx"]
    entries = _entries(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, content in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                start = content.index(b"<sheetData>") + len(b"<sheetData>")
                end = content.index(b"</sheetData>")
                content = content[:start] + rows + content[end:]
            archive.writestr(info.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _csv_cells(_: int) -> tuple[str, bytes]:
    """Just under a million cells of 16 syllables each: 46 MiB, so both the cell limit and
    the size limit are nearly reached."""
    row = ",".join(["가나다라마바사아자차카타파하가나"] * 10) + "\n"
    return ".csv", (row * (MAX_TABLE_CELLS // 10 - 1)).encode()


def _html_tags(_: int) -> tuple[str, bytes]:
    """Table rows up to just under the tag limit (six tags a row)."""
    row = "<tr><td>스마트 제조</td><td>1,234억 원</td></tr>"
    rows = (MAX_HTML_TAGS - 20) // 6
    return ".html", f"<html><body><table>{row * rows}</table></body></html>".encode()


def _text(_: int) -> tuple[str, bytes]:
    line = "중소벤처기업부는 스마트 제조 기술로드맵을 발표했다. 2025년까지 1,234억 원.\n\n"
    data = line.encode()
    return ".txt", data * (50 * MiB // len(data) - 1)


def _html(_: int) -> tuple[str, bytes]:
    cell = "<tr><td>스마트 제조</td><td>1,234억 원</td><td>2025</td></tr>"
    body = cell * (50 * MiB // len(cell.encode()) - 10)
    return ".html", f"<html><body><table>{body}</table></body></html>".encode()


def korean_text(mib: int, seed: int = 1) -> bytes:
    """``mib`` MiB of random words of eight Hangul syllables: deflate shrinks it about 4x,
    so 190 MiB fit in a file under the 50 MiB size limit, and an entry of it stays far
    under the compression-ratio limit (100x)."""
    rng = random.Random(seed)
    syllables = [chr(0xAC00 + 97 * i) for i in range(8)] + [" "] * 3
    chunk = "".join(rng.choices(syllables, k=MiB // 3)).encode()
    return (chunk * (mib * MiB // len(chunk) + 1))[: mib * MiB].decode(errors="ignore").encode()


def _zip_with(kind: str, part: str, piece: bytes) -> bytes:
    """The seed of ``kind`` with ``piece`` inserted at the end of ``part`` (deflated)."""
    _, data = seed_documents()[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info, content in _entries(data):
            if info.filename == part:
                content = _insert(content, piece)
            archive.writestr(info.filename, content)
    return out.getvalue()


def _insert(content: bytes, piece: bytes) -> bytes:
    """``piece`` where the body's last paragraph would go: before a DOCX body's section
    properties (or its end), else before the part's last closing tag."""
    for marker in (b"<w:sectPr", b"</w:body>", b"</"):
        end = content.rfind(marker)
        if end >= 0:
            return content[:end] + piece + content[end:]
    return content + piece


def _docx(mib: int) -> tuple[str, bytes]:
    text = b"<w:p><w:r><w:t>" + korean_text(mib) + b"</w:t></w:r></w:p>"
    return ".docx", _zip_with("docx", "word/document.xml", text)


def _docx_paragraphs(mib: int) -> tuple[str, bytes]:
    words = korean_text(mib).split(b" ")
    body = b"".join(b"<w:p><w:r><w:t>" + w + b"</w:t></w:r></w:p>" for w in words if w)
    end = body.rfind(b"</w:p>", 0, mib * MiB) + len(b"</w:p>")  # whole paragraphs only
    return ".docx", _zip_with("docx", "word/document.xml", body[:end])


def _hwpx(mib: int) -> tuple[str, bytes]:
    text = b"<hp:p><hp:run><hp:t>" + korean_text(mib) + b"</hp:t></hp:run></hp:p>"
    return ".hwpx", _zip_with("hwpx", "Contents/section0.xml", text)


def _xlsx_big_cell(mib: int) -> tuple[str, bytes]:
    row = b'<row r="900"><c r="A900" t="inlineStr"><is><t>' + korean_text(mib)
    return ".xlsx", _xlsx_with_rows(row + b"</t></is></c></row>")


WORST: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "xlsx, sparse: ~1,000,000 padded cells": _sparse_xlsx,
    "csv: ~1,000,000 cells in 46 MiB": _csv_cells,
    "txt: 50 MiB": _text,
    "html: 50 MiB of table rows": _html,
    "html: table rows, just under 500,000 tags": _html_tags,
    "docx: one paragraph of --zip-mib MiB": _docx,
    "docx: --zip-mib MiB of one-word paragraphs": _docx_paragraphs,
    "hwpx: one paragraph of --zip-mib MiB": _hwpx,
    "xlsx: one cell of --zip-mib MiB": _xlsx_big_cell,
}


def peak_rss() -> int:
    """This process's peak RSS in bytes: VmHWM, which (unlike ``ru_maxrss``, kept across
    ``execve``) starts afresh in a new program."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child(path: str, answer: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Read one file in a fresh process; report (outcome, RSS before, peak RSS, seconds)."""
    before = peak_rss()
    started = time.perf_counter()
    try:
        read_document(Path(path))
        outcome = "read"
    except IngestError as exc:
        outcome = type(exc).__name__
    except Exception as exc:
        outcome = f"other exception: {type(exc).__name__}"
    took = time.perf_counter() - started
    answer.put((outcome, before, peak_rss(), took))


def run_worst(mib: int, only: str | None = None) -> list[tuple[str, int, str, int, int, float]]:
    """Each worst case is built here and read in a child that imports the readers first
    (``ru_maxrss`` is a high-water mark: the child must not build the input itself)."""
    rows = []
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="stkg-worst-") as folder:
        for case, make in WORST.items():
            if only and only not in case:
                continue
            suffix, data = make(mib)
            path = Path(folder) / f"worst{suffix}"
            path.write_bytes(data)
            del data
            answer = context.Queue()
            child = context.Process(target=_child, args=(str(path), answer))
            child.start()
            outcome, before, peak, took = answer.get()
            child.join()
            rows.append((case, path.stat().st_size, outcome, before, peak, took))
            path.unlink()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reader_fuzz",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--inputs", type=int, default=20_000, help="mutated documents to read")
    parser.add_argument("--seed", type=int, default=1, help="first random seed")
    parser.add_argument(
        "--zip-mib",
        type=int,
        default=31,
        help="MiB of text in the zip containers' worst cases (the XML parts' limit is 32)",
    )
    parser.add_argument("--only", help="run only the worst cases whose name contains this")
    parser.add_argument("--bound-mib", type=int, default=2048, help="the stated RSS bound")
    parser.add_argument("--no-worst", action="store_true", help="skip the worst cases")
    args = parser.parse_args(argv)

    me = psutil.Process()
    rss_before = me.memory_info().rss
    started = time.perf_counter()
    outcomes, crashes = run_mutations(args.inputs, args.seed)
    took = time.perf_counter() - started
    peak = peak_rss()
    kinds = sorted({k for counter in outcomes.values() for k in counter})
    print(f"## Reader fuzzing: {args.inputs:,} mutated documents (seeds {args.seed}…)\n")
    print("| format | " + " | ".join(kinds) + " |")
    print("|---|" + "---:|" * len(kinds))
    total: collections.Counter[str] = collections.Counter()
    for fmt in sorted(outcomes):
        total.update(outcomes[fmt])
        print(f"| {fmt} | " + " | ".join(f"{outcomes[fmt][k]:,}" for k in kinds) + " |")
    print("| **all** | " + " | ".join(f"**{total[k]:,}**" for k in kinds) + " |")
    print(
        f"\n{took:.1f} s ({1000 * took / max(1, args.inputs):.1f} ms per input); RSS "
        f"{rss_before / MiB:.0f} MiB before, peak {peak / MiB:.0f} MiB after."
    )
    for crash in crashes:
        print(f"- {crash}")
    over = []
    if not args.no_worst:
        print(f"\n## Worst cases at the limits (bound: peak RSS < {args.bound_mib:,} MiB)\n")
        print("| input | file MiB | outcome | RSS before read MiB | peak RSS MiB | seconds |")
        print("|---|---:|---|---:|---:|---:|")
        for case, size, outcome, before, child_peak, secs in run_worst(args.zip_mib, args.only):
            case = case.replace("--zip-mib", str(args.zip_mib))
            print(
                f"| {case} | {size / MiB:.1f} | {outcome} | {before / MiB:.0f} | "
                f"{child_peak / MiB:.0f} | {secs:.1f} |"
            )
            if child_peak > args.bound_mib * MiB or outcome.startswith("other"):
                over.append(case)
    if over:
        print(f"\nOVER THE BOUND or failed: {', '.join(over)}")
    return 1 if crashes or over else 0


if __name__ == "__main__":
    sys.exit(main())
