"""The PDF reader, on PDFs written by hand here (no font files or PDF tools needed).

The Korean PDF uses a Type0 font with Identity-H encoding and a ToUnicode CMap: its text
layer maps each 2-byte code to the Unicode code point, which is what a text extractor
reads; no glyphs are needed for that.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stkg.ingest.errors import NoTextLayer, UnreadableDocument
from stkg.ingest.readers import Document, read_document

TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def stream(data: bytes) -> bytes:
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def build_pdf(pages: list[bytes | None], *, korean: bool = False) -> bytes:
    """A PDF with one page per entry: a content stream, or None for a page without one."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
        if korean
        else b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font, descendant, stream(TO_UNICODE)]
    kids = []
    for content in pages:
        page = len(objects) + 1
        kids.append(f"{page} 0 R")
        body = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >>"
        )
        if content is None:
            objects.append(body + b" >>")
        else:
            objects.append(body + f" /Contents {page + 1} 0 R >>".encode())
            objects.append(stream(content))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    return serialize(objects)


def serialize(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def latin_page(lines: list[str]) -> bytes:
    shown = b"".join(b"(" + line.encode("latin-1") + b") Tj T*\n" for line in lines)
    return b"BT /F1 12 Tf 72 720 Td 14 TL\n" + shown + b"ET"


def korean_page(lines: list[str]) -> bytes:
    shown = b"".join(
        b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*\n" for line in lines
    )
    return b"BT /F1 12 Tf 72 720 Td 14 TL\n" + shown + b"ET"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_offsets(doc: Document) -> None:
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def test_pdf_pages_become_blocks(tmp_path: Path) -> None:
    data = build_pdf(
        [latin_page(["Hydrogen roadmap 2025", "Budget: 34 billion KRW"]), latin_page(["Annex"])]
    )
    doc = read_document(write(tmp_path, "roadmap.pdf", data))
    assert doc.media_type == "application/pdf"
    assert [(b.page, b.kind) for b in doc.blocks] == [(1, "page"), (2, "page")]
    assert doc.blocks[0].text == "Hydrogen roadmap 2025\nBudget: 34 billion KRW"
    assert doc.blocks[1].text == "Annex"
    assert doc.warnings == []
    assert_offsets(doc)


def test_korean_text_layer(tmp_path: Path) -> None:
    data = build_pdf(
        [korean_page(["차세대 배터리 핵심기술 선정", "예산 230억 원 투입"])], korean=True
    )
    doc = read_document(write(tmp_path, "배터리.pdf", data))
    assert doc.text == "차세대 배터리 핵심기술 선정\n예산 230억 원 투입"
    assert_offsets(doc)


def test_pdf_without_text_layer_fails(tmp_path: Path) -> None:
    data = build_pdf([None, b"0 0 1 rg 10 10 100 100 re f"])  # no content; a drawn box
    with pytest.raises(NoTextLayer) as caught:
        read_document(write(tmp_path, "scan.pdf", data))
    assert str(caught.value) == (
        "cannot read scan.pdf: the PDF has no text layer (scanned?); run OCR first"
    )


def test_pages_without_text_are_reported(tmp_path: Path) -> None:
    data = build_pdf([latin_page(["Cover"]), None, latin_page(["Body"])])
    doc = read_document(write(tmp_path, "mixed.pdf", data))
    assert [b.page for b in doc.blocks] == [1, 3]
    assert doc.warnings == ["mixed.pdf: pages without a text layer (scanned?): 2"]


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_pdf_fails(tmp_path: Path, keep: float) -> None:
    data = build_pdf([latin_page(["Smart factory"])])
    with pytest.raises(UnreadableDocument) as caught:
        read_document(write(tmp_path, "cut.pdf", data[: int(len(data) * keep)]))
    assert str(caught.value).startswith("cannot read cut.pdf: the PDF has no end-of-file marker")


def test_corrupt_pdf_body_fails(tmp_path: Path) -> None:
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n" + b"@" * 300 + b"\n%%EOF\n"
    with pytest.raises(UnreadableDocument, match=r"^cannot read broken\.pdf: the PDF cannot be"):
        read_document(write(tmp_path, "broken.pdf", data))


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "renamed.txt", build_pdf([latin_page(["Drone parts"])])))
    assert doc.media_type == "application/pdf"
    assert doc.text == "Drone parts"
    assert any("content is PDF" in w for w in doc.warnings)
