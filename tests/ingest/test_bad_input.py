"""Bad documents: each gets a clear error naming it, and the graph stays exactly as it was."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import Limits
from stkg.ontology.model import load_ontology


def _zip_bomb(path: Path, inner: str) -> None:
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        zf.open(inner, "w", force_zip64=True) as fh,
    ):
        chunk = b"\0" * 2**20
        for _ in range(300):  # 300 MiB of zeros, a few hundred KiB on disk
            fh.write(chunk)


def _truncated_pdf(path: Path) -> None:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages"
    path.write_bytes(body)


BAD: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "binary junk as txt": ("junk.txt", lambda p: p.write_bytes(bytes(range(256)) * 64), "binary"),
    "truncated pdf": ("cut.pdf", _truncated_pdf, "cut.pdf"),
    "zip bomb as xlsx": (
        "bomb.xlsx",
        lambda p: _zip_bomb(p, "xl/worksheets/sheet1.xml"),
        "bomb.xlsx",
    ),
    "zip bomb as hwpx": ("bomb.hwpx", lambda p: _zip_bomb(p, "Contents/section0.xml"), "bomb.hwpx"),
    "zip bomb as docx": ("bomb.docx", lambda p: _zip_bomb(p, "word/document.xml"), "bomb.docx"),
    "empty file": ("empty.txt", lambda p: p.write_bytes(b""), "empty.txt"),
    "oversized file": (
        "big.txt",
        lambda p: p.write_text("가" * 400_000, encoding="utf-8"),
        "big.txt",
    ),
    "hwp 5 binary": (
        "old.hwp",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "old.hwp",
    ),
}


def _fingerprint(graph: Graph) -> tuple[int, int, str]:
    rows = graph.read("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id")
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    info = graph.server_info()
    return info.nodes, info.relationships, digest


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_document_is_refused_and_nothing_changes(
    graph: Graph, tmp_path: Path, case: str
) -> None:
    ingest_paths([_good(tmp_path)], graph, load_ontology())
    before = _fingerprint(graph)
    name, make, expected_in_message = BAD[case]
    path = tmp_path / name
    make(path)
    report = ingest_paths([path], graph, load_ontology(), limits=Limits(max_bytes=1_000_000))
    result = report.documents[0]
    assert result.status == "failed", case
    assert (
        name in (result.error or "") and expected_in_message in (result.error or "").lower() + name
    )
    assert _fingerprint(graph) == before


def test_cp949_and_utf16_without_bom_are_read(graph: Graph, tmp_path: Path) -> None:
    text = "중기부와 지재처가 스마트제조 로드맵을 함께 만든다.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("cp949"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-16-le"))
    report = ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt"], graph, load_ontology())
    assert [d.status for d in report.documents] == ["written", "written"]
    orgs = graph.read(
        "MATCH (:Evidence)-[:SUPPORTS]->(o:Organization) RETURN collect(DISTINCT o.id) AS o"
    )[0]["o"]
    assert sorted(orgs) == ["organization:중소벤처기업부", "organization:지식재산처"]


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("KISTA와 TIPA가 협력한다.\n", encoding="utf-8")
    return path
