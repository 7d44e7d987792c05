"""Thirty-odd bad inputs, generated here: documents, Turtle, RDF and API requests.

Each case asserts a clear error (the CLI names the file, the API answers problem+json),
that the process stays up (the CLI exits 1 without a traceback, one ingest run carries on
past every bad file), and that nothing partial was written (the graph fingerprint is
unchanged). Three inputs look odd but are fine and must succeed: CP949 and UTF-16 text
without a BOM, and a patent CSV with ragged rows (a warning per row, not a failure).
"""

# Test data uses throwaway names on purpose (schema-names: ignore).

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument
from fastapi.testclient import TestClient
from pypdf import PdfWriter
from reliability_helpers import Fingerprint, cli_env, fingerprint

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import Limits
from stkg.ontology.model import Ontology, default_paths

MAX_MB = 1
KOREAN = "중기부와 지재처가 스마트제조 로드맵을 함께 만든다.\n"
PATENT_HEADER = "출원번호,발명의 명칭,출원인,출원일\n"


# --- documents --------------------------------------------------------------------------


def _zip_bomb(inner: str) -> Callable[[Path], object]:
    def make(path: Path) -> None:
        with (
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf,
            zf.open(inner, "w", force_zip64=True) as fh,
        ):
            for _ in range(200):  # 200 MiB of zeros, a couple of hundred KiB on disk
                fh.write(b"\0" * 2**20)

    return make


def _pdf(*, encrypt: bool = False) -> Callable[[Path], object]:
    def make(path: Path) -> None:
        writer = PdfWriter()
        writer.add_blank_page(300, 300)
        if encrypt:
            writer.encrypt("owner-and-user")
        writer.write(str(path))

    return make


def _truncated_pdf(path: Path) -> None:
    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(300, 300)
    writer.write(buffer)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def _billion_laughs_docx(path: Path) -> None:
    """A real .docx whose body XML declares nested entities (exponential expansion)."""
    base = io.BytesIO()
    doc = DocxDocument()
    doc.add_paragraph("x")
    doc.save(base)
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = body if info.filename == "word/document.xml" else src.read(info.filename)
            out.writestr(info, data)


def _truncated_xlsx(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>" * 200)
    path.write_bytes(buffer.getvalue()[:150])


def _bytes(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


#: name → (file name, how to make it, what the error must say besides the file name)
BAD_FILES: dict[str, tuple[str, Callable[[Path], object], str]] = {
    "binary junk as txt": ("junk.txt", _bytes(bytes(range(256)) * 64), "binary"),
    "png named txt": ("photo.txt", _bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200), "png"),
    "nul bytes in csv": ("nul.csv", _bytes(b"a,b\n\x00\x01\x02,\x03\n"), "binary"),
    "whitespace only": ("blank.txt", _bytes(b"  \n\t\n   \n"), "no text"),
    "truncated pdf": ("cut.pdf", _truncated_pdf, "cut.pdf"),
    "pdf without text layer": ("scan.pdf", _pdf(), "text layer"),
    "encrypted pdf": ("locked.pdf", _pdf(encrypt=True), "password"),
    "html page named pdf": ("page.pdf", _bytes(b"<html><body>404</body></html>"), "html"),
    "zip bomb as xlsx": ("bomb.xlsx", _zip_bomb("xl/worksheets/sheet1.xml"), "bomb.xlsx"),
    "zip bomb as hwpx": ("bomb.hwpx", _zip_bomb("Contents/section0.xml"), "bomb.hwpx"),
    "zip bomb as docx": ("bomb.docx", _zip_bomb("word/document.xml"), "bomb.docx"),
    "entity expansion docx": ("laughs.docx", _billion_laughs_docx, "laughs.docx"),
    "truncated xlsx": ("cut.xlsx", _truncated_xlsx, "damaged"),
    "ole file named docx": (
        "old.docx",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        "legacy",
    ),
    "hwp 5 binary": (
        "old.hwp",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        "old.hwp",
    ),
    "oversized file": (
        "big.txt",
        lambda p: p.write_text("가" * 400_000, encoding="utf-8"),
        "big.txt",
    ),
    "patent csv without a header": (
        "patents.csv",
        lambda p: p.write_text("번호,이름,날짜\n1,10-2020-0123456,2020.01.02\n", encoding="utf-8"),
        "header",
    ),
    **{
        f"empty {suffix}": (f"empty.{suffix}", _bytes(b""), "empty")
        for suffix in ("txt", "pdf", "docx", "xlsx", "hwpx", "csv", "html")
    },
}

#: name → (file name, bytes): unusual but valid, must be written
GOOD_FILES: dict[str, tuple[str, bytes]] = {
    "cp949 without bom": ("cp949.txt", KOREAN.encode("cp949")),
    "utf-16-le without bom": ("utf16le.txt", KOREAN.encode("utf-16-le")),
    "utf-16-be without bom": ("utf16be.txt", KOREAN.encode("utf-16-be")),
}
RAGGED_PATENTS = (
    PATENT_HEADER + "10-2020-0123456,제조 데이터 분석 방법,한결스마트,2020.01.02\n"
    "10-2021-0654321,공정 감시 장치\n"
    "10-2022-0111111,불량 예측 시스템,다솜기계,2022.04.22,남는 칸\n"
)


@pytest.fixture(scope="module")
def baseline(
    session_graph: Graph, onto: Ontology, tmp_path_factory: pytest.TempPathFactory
) -> Graph:
    """The test graph holding one good document, so "unchanged" means something."""
    wipe(session_graph)
    good = tmp_path_factory.mktemp("good") / "good.txt"
    good.write_text("KISTA와 TIPA가 협력한다.\n", encoding="utf-8")
    assert ingest_paths([good], session_graph, onto).documents[0].status == "written"
    return session_graph


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, make, _ in BAD_FILES.values():
        make(folder / name)
    return folder


@pytest.fixture(scope="module")
def cli_run(
    baseline: Graph, bad_folder: Path, neo4j_settings: Settings
) -> tuple[subprocess.CompletedProcess[str], Fingerprint, Fingerprint]:
    """One ``stkg ingest`` over every bad file: it must get through all of them."""
    before = fingerprint(baseline)
    files = [str(bad_folder / name) for name, _, _ in BAD_FILES.values()]
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", "ingest", "--max-mb", str(MAX_MB), *files],
        env=cli_env(neo4j_settings), capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    return proc, before, fingerprint(baseline)


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_document(
    case: str,
    baseline: Graph,
    onto: Ontology,
    bad_folder: Path,
    cli_run: tuple[subprocess.CompletedProcess[str], Fingerprint, Fingerprint],
) -> None:
    name, _, expected = BAD_FILES[case]
    # in process: a failed result naming the file, and not one node or property written
    before = fingerprint(baseline)
    limits = Limits(max_bytes=MAX_MB * 2**20)
    result = ingest_paths([bad_folder / name], baseline, onto, limits=limits).documents[0]
    assert result.status == "failed", (case, result)
    assert name in (result.error or "") and expected.lower() in (result.error or "").lower()
    assert fingerprint(baseline) == before
    # through the CLI: exit 1, a one-line error naming the file, no traceback
    proc, cli_before, cli_after = cli_run
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert any(f"cannot read {name}" in line for line in errors), (name, errors)
    assert cli_after == cli_before


@pytest.mark.parametrize("case", sorted(GOOD_FILES))
def test_odd_but_valid_text_is_written(
    case: str, baseline: Graph, onto: Ontology, tmp_path: Path
) -> None:
    name, data = GOOD_FILES[case]
    (tmp_path / name).write_bytes(data)
    result = ingest_paths([tmp_path / name], baseline, onto).documents[0]
    assert result.status in ("written", "unchanged"), result
    orgs = baseline.read(
        "MATCH (:SourceDocument {origin: $origin})<-[:CITES_DOCUMENT]-(:Evidence)"
        "-[:SUPPORTS]->(o:Organization) RETURN collect(DISTINCT o.id) AS o",
        origin=(tmp_path / name).as_posix(),
    )[0]["o"]
    assert sorted(orgs) == ["organization:중소벤처기업부", "organization:지식재산처"]


def test_ragged_patent_csv_warns_per_row_and_is_written(
    baseline: Graph, onto: Ontology, tmp_path: Path
) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text(RAGGED_PATENTS, encoding="utf-8")
    result = ingest_paths([path], baseline, onto).documents[0]
    assert result.status == "written", result
    ragged = [w for w in result.warnings if "fields, expected" in w]
    assert [w.split(":")[0] for w in ragged] == ["ragged.csv line 3", "ragged.csv line 4"]
    patents = baseline.read("MATCH (p:Patent) RETURN collect(p.id) AS p")[0]["p"]
    assert "patent:KR:10-2020-0123456" in patents and "patent:KR:10-2022-0111111" in patents


# --- Turtle and RDF through the CLI -------------------------------------------------------


def _ontology_copy(folder: Path, damage: Callable[[str], str]) -> list[str]:
    paths = []
    for src in default_paths():
        dst = folder / src.name
        shutil.copy(src, dst)
        paths.append(str(dst))
    target = folder / "stkg.ttl"
    target.write_text(damage(target.read_text(encoding="utf-8")), encoding="utf-8")
    return paths


INSTANCE = "@prefix stkg: <https://w3id.org/stkg/ontology#> .\n"
#: name → (command builder, what the output must name)
TURTLE_CASES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "malformed ttl (ontology sync)": (
        lambda d: ["ontology", "sync", *_ontology_copy(d, lambda t: t + "\nstkg:Broken a owl:Class\n")],
        "stkg.ttl:",
    ),
    "ttl with an unknown prefix (ontology sync)": (
        lambda d: ["ontology", "sync", *_ontology_copy(d, lambda t: t + "\nnope:Thing a owl:Class .\n")],
        "stkg.ttl:",
    ),
    "instance rdf violating the shapes (import-rdf)": (
        lambda d: ["import-rdf", _write(d / "edition.ttl", INSTANCE +
                   '<https://w3id.org/stkg/id/edition:x> a stkg:RoadmapEdition ; stkg:id "edition:x" .\n')],
        "edition:x",
    ),
    "malformed instance turtle (import-rdf)": (
        lambda d: ["import-rdf", _write(d / "broken.ttl", INSTANCE + '<a> stkg:name "x"\n<b> .\n')],
        "broken.ttl:3",
    ),
    "instance rdf with an unknown class (import-rdf)": (
        lambda d: ["import-rdf", _write(d / "ship.ttl", INSTANCE +
                   '<https://w3id.org/stkg/id/ship:1> a stkg:Spaceship ; stkg:id "ship:1" .\n')],
        "Spaceship",
    ),
}  # fmt: skip


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _schema(graph: Graph) -> list[str]:
    return sorted(r["name"] for r in graph.read("SHOW INDEXES YIELD name RETURN name"))


@pytest.mark.parametrize("case", sorted(TURTLE_CASES))
def test_bad_turtle_or_rdf(
    case: str, baseline: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    build, expected = TURTLE_CASES[case]
    argv = build(tmp_path)
    before, schema = fingerprint(baseline), _schema(baseline)
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", *argv], env=cli_env(neo4j_settings),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = proc.stdout + proc.stderr
    assert proc.returncode in (1, 2), output[-2000:]
    assert "Traceback" not in output and expected in output, output[-2000:]
    assert fingerprint(baseline) == before and _schema(baseline) == schema


# --- API requests -------------------------------------------------------------------------

#: name → (method, url, request kwargs, status)
API_CASES: dict[str, tuple[str, str, dict[str, Any], int]] = {
    "oversized json body to /cypher": (
        "POST", "/cypher", {"json": {"query": "RETURN '" + "x" * (2 * 2**20) + "'"}}, 413),
    "negative depth": ("GET", "/lineage/field:드론?depth=-1", {}, 422),
    "depth 1000": ("GET", "/lineage/field:드론?depth=1000", {}, 422),
    "depth not a number": ("GET", "/lineage/field:드론?depth=abc", {}, 422),
    "unknown direction": ("GET", "/lineage/field:드론?direction=sideways", {}, 422),
    "unknown relationship type": ("GET", "/lineage/field:드론?types=NOPE", {}, 422),
    "unknown entity": ("GET", "/entities/field:없는분야", {}, 404),
    "unknown lineage start": ("GET", "/lineage/field:없는분야", {}, 404),
    "unknown provenance node": ("GET", "/provenance/field:없는분야", {}, 404),
    "unknown class": ("GET", "/classes/NoSuchClass/entities", {}, 404),
    "unknown path ends": ("GET", "/paths?from=field:없음1&to=field:없음2", {}, 404),
    "max_hops 99": ("GET", "/paths?from=field:a&to=field:b&max_hops=99", {}, 422),
    "empty search": ("GET", "/search?q=", {}, 422),
    "page size 0": ("GET", "/classes/StrategicField/entities?_size=0", {}, 422),
    "negative row cap on a named query": ("GET", "/queries/editions?_size=-1", {}, 422),
    "named query missing its parameter": ("GET", "/queries/edition-diff", {}, 422),
    "limit not a number": ("GET", "/entities/field:드론?limit=abc", {}, 422),
    "cypher max_rows wrong type": ("POST", "/cypher", {"json": {"query": "RETURN 1", "max_rows": "many"}}, 422),
    "cypher timeout too long": ("POST", "/cypher", {"json": {"query": "RETURN 1", "timeout": 3600}}, 422),
    "cypher body not json": ("POST", "/cypher", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
    "unknown format": ("GET", "/search?q=드론&_format=xml", {}, 422),
}  # fmt: skip


@pytest.fixture(scope="module")
def client(baseline: Graph, neo4j_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


@pytest.mark.parametrize("case", sorted(API_CASES))
def test_bad_request(case: str, client: TestClient, baseline: Graph) -> None:
    method, url, kwargs, status = API_CASES[case]
    before = fingerprint(baseline)
    response = client.request(method, url, **kwargs)
    assert response.status_code == status, (case, response.status_code, response.text[:500])
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and "Traceback" not in response.text
    assert client.get("/health").status_code == 200  # still serving
    assert fingerprint(baseline) == before
