"""Patent lists (CSV/XLSX exports of patent searches) as typed ``PatentRecord`` rows.

Patent lists come from KIPRIS-style exports, analysts' spreadsheets and vendor databases,
so the same column is headed ``출원번호``, ``출원번호(일자)``, ``Application No.`` or
``application number``, dates arrive in half a dozen spellings, and the office is either a
column or implicit in the shape of the number. This module finds the header row by the
names it knows, reads each row into one record, and keeps the reader ``Cell`` behind every
value so each fact can cite its table cell (docs/architecture.md, Provenance).

A row that cannot become a patent (no number, a number of no known office) is reported as
a ``PatentWarning`` with its row number and skipped; an unreadable optional value (a date
of 2020.13.45, an IPC code that is not one) is reported and left unset, keeping the patent.
Only a table with no recognisable header raises, because then nothing in it can be trusted.

Two optional columns feed the patent indicators: forward citations (``피인용수``,
``Cited by``) as ``citations``, and the applicants' nationality (``출원인국적``,
``Applicant country``: one country per applicant in the same order, or one for all of
them) as ISO 3166-1 alpha-2 codes in ``applicant_countries``.

The texts a technology search expression searches besides the title come from the
abstract (``요약``, ``Abstract``) and claims (``대표청구항``, ``청구항``, ``Claims``) columns
of KIPRIS- and WIPS-style exports; a family column (``패밀리번호``, ``DOCDB Family ID``)
lets classification count a family once; CPC codes (``CPC``) sit beside the IPC codes.

A KIPRIS number's first two digits are the right's type: 10 (patent) and 20 (utility
model) are read; 30 (design) and 40 (trademark) rows are refused with a warning.

Normalised application numbers (``application_number``), per office:

======  ==========================  ==========================================
office  normalised                  accepted spellings (examples)
======  ==========================  ==========================================
KR      ``10-2020-0123456``         ``KR10-2020-0123456``, ``1020200123456``
US      ``17123456``                ``US 17/123,456``, ``17/123456``
JP      ``2020-123456``             ``特願2020-123456``, ``JP2020123456``
CN      ``202010123456.7``          ``CN202010123456.7``, ``2020101234567``
EP      ``20123456.7``              ``EP20123456``, ``EP 20 123 456.7``
======  ==========================  ==========================================

The typed id is ``patent:<office>:<number>`` with any check digit (CN, EP) left out, so a
list that prints the check digit and one that does not name the same node. US numbers are
stored as the eight digits the USPTO uses in its own URLs: ``/`` and ``,`` would be
percent-encoded in the IRI.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import suppress
from itertools import pairwise
from pathlib import Path
from typing import Literal, TypeVar

from openpyxl.utils.datetime import from_excel
from pydantic import BaseModel, ConfigDict

from stkg.ingest.countries import split_countries
from stkg.ingest.errors import IngestError
from stkg.ingest.readers.model import Cell, Document, Table
from stkg.ontology.ids import typed_id

__all__ = [
    "KR_PATENT_TYPES",
    "OFFICES",
    "ApplicationNumber",
    "Office",
    "PatentList",
    "PatentRecord",
    "PatentTableError",
    "PatentWarning",
    "is_patent_table",
    "missing_number_column",
    "normalize_application_number",
    "normalize_ipc",
    "parse_citations",
    "parse_date",
    "parse_office",
    "parse_patent_table",
    "read_patent_lists",
    "split_applicants",
    "split_number_and_date",
]

_T = TypeVar("_T")

Office = Literal["KR", "US", "JP", "CN", "EP"]
#: Notations of the ``patentOffice`` vocabulary (ontology/vocab.ttl); a test keeps them equal.
OFFICES: tuple[Office, ...] = ("KR", "US", "JP", "CN", "EP")

#: How many leading rows may precede the header (titles, export notes, blank lines).
HEADER_SEARCH_ROWS = 20


class PatentTableError(IngestError):
    """A table handed in as a patent list has no header row this module recognises."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PatentWarning(_Frozen):
    """A problem with one row; ``row`` is 1-based (the sheet's row number for XLSX)."""

    document: str
    row: int
    message: str
    cell: Cell | None = None

    def __str__(self) -> str:
        where = f" ({self.cell.ref})" if self.cell is not None and self.cell.ref else ""
        return f"{self.document} row {self.row}{where}: {self.message}"


class PatentRecord(_Frozen):
    """One patent of a list. ``cells`` maps each filled field name to the cell it came from.

    When the office is inferred from the number, or the date is read from an
    ``출원번호(일자)`` cell, the cited cell is the number's cell.
    """

    id: str
    office: Office
    application_number: str
    title: str | None = None
    applicants: tuple[str, ...] = ()
    filing_date: dt.date | None = None
    ipc_codes: tuple[str, ...] = ()
    technology: str | None = None
    registration_number: str | None = None
    #: forward citations (피인용수) when the list has the column
    citations: int | None = None
    #: ISO 3166-1 alpha-2 nationality per applicant (same order), empty when not given
    applicant_countries: tuple[str, ...] = ()
    #: the texts technology search expressions search besides the title
    abstract: str | None = None
    claims: str | None = None
    #: the patent family (e.g. a DOCDB family id); a family counts once when classifying
    family_id: str | None = None
    cpc_codes: tuple[str, ...] = ()
    row: int
    cells: dict[str, Cell]


class PatentList(_Frozen):
    """The records of one table, with the header found and the rows that were refused."""

    document: str
    table_id: str
    sheet: str | None = None
    header_row: int
    columns: dict[str, Cell]
    records: tuple[PatentRecord, ...]
    warnings: tuple[PatentWarning, ...]


# --- headers -----------------------------------------------------------------------------

#: field → header names (compared after ``_header_keys``: case, spaces, brackets ignored).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "application_number": (
        "출원번호",
        "출원번호일자",
        "출원no",
        "applicationnumber",
        "applicationno",
        "applicationnum",
        "appno",
        "appnumber",
        "applno",
        "application",
    ),
    "title": (
        "발명의명칭",
        "명칭",
        "발명명칭",
        "특허명",
        "제목",
        "title",
        "inventiontitle",
        "titleofinvention",
        "titleoftheinvention",
    ),
    "applicants": (
        "출원인",
        "출원인명",
        "대표출원인",
        "applicant",
        "applicants",
        "applicantname",
        "applicantnames",
        "assignee",
        "assignees",
    ),
    "filing_date": (
        "출원일",
        "출원일자",
        "출원연월일",
        "filingdate",
        "applicationdate",
        "filed",
        "dateoffiling",
        "filedate",
    ),
    "ipc_codes": (
        "ipc",
        "ipc코드",
        "ipc분류",
        "국제특허분류",
        "ipccode",
        "ipccodes",
        "mainipc",
        "ipcclassification",
        "internationalpatentclassification",
    ),
    "registration_number": (
        "등록번호",
        "registrationnumber",
        "registrationno",
        "grantnumber",
        "patentnumber",
        "patentno",
    ),
    "office": (
        "국가",
        "출원국가",
        "출원국",
        "국가코드",
        "국가출원국가",
        "특허청",
        "office",
        "officecountry",
        "country",
        "countrycode",
        "authority",
        "patentoffice",
        "jurisdiction",
    ),
    "technology": (
        "세부기술",
        "기술분류",
        "세부기술분류",
        "세부기술기술분류",
        "기술",
        "technology",
        "subtechnology",
        "technologyclass",
        "techclass",
        "technologyfield",
    ),
    "citations": (
        "피인용수",
        "피인용횟수",
        "피인용",
        "피인용건수",
        "피인용특허수",
        "forwardcitations",
        "forwardcitationcount",
        "citations",
        "citationcount",
        "citedby",
        "citedbycount",
        "timescited",
    ),
    "abstract": (
        "요약",
        "초록",
        "요약문",
        "발명의요약",
        "abstract",
        "abstracttext",
        "summary",
    ),
    "claims": (
        "청구항",
        "대표청구항",
        "독립청구항",
        "청구범위",
        "특허청구범위",
        "claims",
        "claim",
        "firstclaim",
        "representativeclaim",
        "independentclaim",
        "independentclaims",
    ),
    "family_id": (
        "패밀리번호",
        "패밀리id",
        "패밀리",
        "docdb패밀리",
        "docdb패밀리번호",
        "familyid",
        "family",
        "familynumber",
        "docdbfamily",
        "docdbfamilyid",
        "inpadocfamily",
        "inpadocfamilyid",
        "simplefamily",
        "simplefamilyid",
    ),
    "cpc_codes": (
        "cpc",
        "cpc코드",
        "cpc분류",
        "cpccode",
        "cpccodes",
        "cpcclassification",
        "cooperativepatentclassification",
    ),
    "applicant_countries": (
        "출원인국적",
        "출원인국가",
        "출원인국가코드",
        "출원인국적코드",
        "국적",
        "applicantcountry",
        "applicantcountries",
        "applicantnationality",
        "nationality",
        "assigneecountry",
        "applicantcountrycode",
    ),
}

_ALIAS_FIELD = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
_HEADER_NOISE = re.compile(r"[\s_\-.·:*/#№()\[\]{}<>（）［］「」]+")
_BRACKETED = re.compile(r"[(（\[［][^)）\]］]*[)）\]］]")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _header_keys(text: str) -> tuple[str, ...]:
    """``출원번호(일자)`` → (``출원번호일자``, ``출원번호``): with and without the bracket."""
    folded = _fold(text)
    whole = _HEADER_NOISE.sub("", folded)
    bare = _HEADER_NOISE.sub("", _BRACKETED.sub("", folded))
    return (whole, bare) if bare != whole else (whole,)


def header_field(text: str) -> str | None:
    """The record field a header names, or None."""
    for key in _header_keys(text):
        if key in _ALIAS_FIELD:
            return _ALIAS_FIELD[key]
    return None


def _header_columns(row: Sequence[Cell]) -> dict[str, Cell]:
    """field → header cell for one candidate row; the first column naming a field wins."""
    columns: dict[str, Cell] = {}
    for cell in row:
        name = header_field(cell.text)
        if name is not None and name not in columns:
            columns[name] = cell
    return columns


def _is_header(columns: dict[str, Cell]) -> bool:
    # The number is the patent's identity; one more known column rules out a stray cell.
    return "application_number" in columns and len(columns) >= 2


def find_header(table: Table) -> tuple[int, dict[str, Cell]] | None:
    """Index (into ``table.rows``) and columns of the first header-like row, or None."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns = _header_columns(row)
        if _is_header(columns):
            return index, columns
    return None


#: Columns only a patent list has: two of them without a number column mean a patent list
#: that lost its number column, not some other table (``국가`` and ``기술`` are too common).
_PATENT_ONLY_FIELDS = frozenset(HEADER_ALIASES) - {"application_number", "office", "technology"}


def missing_number_column(table: Table) -> tuple[str, str] | None:
    """(reason, location) when a header row names patent-list columns but no application
    number, the identity of every patent; None otherwise.

    A Google Patents result list is the usual case: it gives publication numbers (its
    ``id`` column), and a publication number does not tell the application it belongs to.
    """
    for row in table.rows[:HEADER_SEARCH_ROWS]:
        columns = _header_columns(row)
        named = [cell for field, cell in columns.items() if field in _PATENT_ONLY_FIELDS]
        if "application_number" in columns or len(named) < 2:
            continue
        found = ", ".join(f"{cell.text.strip()} ({cell.ref or cell.column + 1})" for cell in named)
        reason = (
            f"its header names patent columns ({found}) but no application number column "
            "(출원번호 / Application Number), which identifies each patent"
        )
        if any(_header_keys(cell.text)[0] == "resultlink" for cell in row):
            reason += (
                "; a Google Patents result list gives publication numbers (id), not "
                "application numbers"
            )
        where = f"sheet {table.sheet!r}" if table.sheet else f"table {table.id}"
        return reason, f"{where} row {row[0].row + 1}"
    return None


def is_patent_table(table: Table) -> bool:
    """Whether ``table`` has a patent-list header row (application number + one more)."""
    return find_header(table) is not None


def expected_headers() -> str:
    """What a patent-list header row must hold, for error hints."""
    return (
        "a row with 출원번호 / application number and at least one of 발명의 명칭 / title, "
        "출원인 / applicant, 출원일 / filing date, IPC, 국가 / office, 세부기술 / technology, "
        "피인용수 / citations, 출원인국적 / applicant country, 요약 / abstract, "
        "청구항 / claims, 패밀리 / family, CPC"
    )


# --- offices and application numbers ----------------------------------------------------

_OFFICE_NAMES: dict[str, Office] = {
    **dict.fromkeys(
        (
            "kr",
            "kor",
            "korea",
            "southkorea",
            "republicofkorea",
            "한국",
            "대한민국",
            "kipo",
            "한국특허청",
        ),
        "KR",
    ),
    **dict.fromkeys(
        ("us", "usa", "unitedstates", "unitedstatesofamerica", "미국", "uspto", "미국특허청"), "US"
    ),
    **dict.fromkeys(("jp", "jpn", "japan", "일본", "jpo", "일본특허청"), "JP"),
    **dict.fromkeys(("cn", "chn", "china", "중국", "cnipa", "sipo", "중국특허청"), "CN"),
    **dict.fromkeys(
        ("ep", "epo", "europe", "european", "europeanpatentoffice", "유럽", "유럽특허청"), "EP"
    ),
}


def parse_office(text: str) -> Office | None:
    """``KR``, ``한국``, ``USPTO``, ``KR(한국)`` → the office notation; None if unknown."""
    for key in _header_keys(text):
        if key in _OFFICE_NAMES:
            return _OFFICE_NAMES[key]
    inside = _BRACKETED.findall(_fold(text))
    for part in inside:
        key = _HEADER_NOISE.sub("", part)
        if key in _OFFICE_NAMES:
            return _OFFICE_NAMES[key]
    return None


class ApplicationNumber(_Frozen):
    """A normalised application number; ``key`` is the id part (no check digit)."""

    office: Office
    number: str
    key: str


_PREFIX = re.compile(r"^(KR|US|JP|CN|EP)(?![A-Z])[\s:\-]*")
_JP_PREFIX = re.compile(r"^特願\s*")
_YEAR = r"(?:19|20)\d{2}"
_PATTERNS: dict[Office, re.Pattern[str]] = {
    "KR": re.compile(rf"^([1-4]0)[\s-]?({_YEAR})[\s-]?(\d{{7}})$"),
    "US": re.compile(r"^(\d{2})\s*/?\s*(\d{3}),?(\d{3})$"),
    "JP": re.compile(rf"^({_YEAR})[\s-]?(\d{{6}})$"),
    "CN": re.compile(rf"^({_YEAR}[1-9]\d{{7}})(?:\.?([0-9X]))?$"),
    "EP": re.compile(r"^(\d{2})\s?(\d{3})\s?(\d{3})(?:\.(\d))?$"),
}
#: Shapes that name their office without a prefix or an office column.
_SELF_EVIDENT: dict[Office, re.Pattern[str]] = {
    "KR": re.compile(rf"^[1-4]0-{_YEAR}-\d{{7}}$|^[1-4]0{_YEAR}\d{{7}}$"),
    "US": re.compile(r"^\d{2}/\d{3},?\d{3}$"),
    "JP": re.compile(rf"^{_YEAR}-?\d{{6}}$"),
    "CN": re.compile(rf"^{_YEAR}[1-9]\d{{7}}(?:\.[0-9X])?$|^{_YEAR}[1-9]\d{{7}}[0-9X]$"),
}
_EXAMPLES: dict[Office, str] = {
    "KR": "10-2020-0123456",
    "US": "17/123,456",
    "JP": "2020-123456",
    "CN": "202010123456.7",
    "EP": "EP20123456",
}


#: The right kinds of a KIPRIS application number, by its first two digits (the right's
#: type code): patents and utility models are patents here; designs and trademarks are not.
KR_PATENT_TYPES: dict[str, str] = {"10": "patent", "20": "utility model"}
_KR_OTHER_TYPES: dict[str, str] = {"30": "design", "40": "trademark"}


def _format(office: Office, match: re.Match[str]) -> ApplicationNumber:
    g = match.groups()
    if office == "KR":
        number = f"{g[0]}-{g[1]}-{g[2]}"
        if g[0] not in KR_PATENT_TYPES:
            raise ValueError(
                f"{number} is a {_KR_OTHER_TYPES[g[0]]} application (type code {g[0]}), "
                "not a patent (10) or utility model (20)"
            )
        return ApplicationNumber(office=office, number=number, key=number)
    if office == "US":
        number = f"{g[0]}{g[1]}{g[2]}"
        return ApplicationNumber(office=office, number=number, key=number)
    if office == "JP":
        number = f"{g[0]}-{g[1]}"
        return ApplicationNumber(office=office, number=number, key=number)
    if office == "CN":
        number = f"{g[0]}.{g[1]}" if g[1] else g[0]
        return ApplicationNumber(office=office, number=number, key=g[0])
    key = f"{g[0]}{g[1]}{g[2]}"
    number = f"{key}.{g[3]}" if g[3] else key
    return ApplicationNumber(office=office, number=number, key=key)


_TRAILING_DATE = re.compile(
    r"^(?P<number>.*?)\s*(?:\((?P<bracketed>[^()]*)\)|\s(?P<bare>\d{4}[.\-/]\s*\d{1,2}[.\-/]\s*\d{1,2}\.?))\s*$",
    re.DOTALL,
)


def split_number_and_date(text: str) -> tuple[str, str | None]:
    """``10-2020-0123456 (2020.09.18)`` → (number, date text): the ``출원번호(일자)`` form."""
    match = _TRAILING_DATE.match(text.strip())
    if match is None:
        return text.strip(), None
    return match.group("number"), match.group("bracketed") or match.group("bare")


def _number_text(text: str) -> str:
    """Uppercase, NFKC, without a trailing filing date and spaces around ``-/,.``."""
    number, _ = split_number_and_date(unicodedata.normalize("NFKC", text))
    return re.sub(r"\s*([-/,.])\s*", r"\1", number.upper()).strip()


def normalize_application_number(
    text: str, office: Office | None = None, *, prevailing: Office | None = None
) -> ApplicationNumber:
    """Normalise ``text``; ``office`` (from an office column) is checked, else inferred.

    A number that could belong to two offices (a KIPRIS utility model ``2020200012345`` is
    also the shape of a CNIPA one) is read as ``prevailing``'s when that is one of them:
    the one office every number of the list that speaks for itself belongs to.

    Raises ``ValueError`` with a message fit for a row warning when the number is not one
    of ``office``'s, names no office, or could belong to more than one office.
    """
    raw = _number_text(text)
    prefixed: Office | None = None
    if match := _PREFIX.match(raw):
        prefixed = match.group(1)  # type: ignore[assignment]  # the regex allows only offices
        raw = raw[match.end() :]
    elif match := _JP_PREFIX.match(raw):
        prefixed, raw = "JP", raw[match.end() :]
    if office and prefixed and office != prefixed:
        raise ValueError(
            f"number {text!r} is prefixed {prefixed} but the office column says {office}"
        )
    office = office or prefixed
    if office is not None:
        found = _PATTERNS[office].match(raw)
        if found is None:
            raise ValueError(
                f"{text!r} is not a {office} application number (expected like {_EXAMPLES[office]})"
            )
        return _format(office, found)
    candidates = [name for name, shape in _SELF_EVIDENT.items() if shape.match(raw)]
    if len(candidates) > 1 and prevailing in candidates:
        candidates = [prevailing]
    if len(candidates) > 1:
        raise ValueError(
            f"{text!r} could be a {' or '.join(candidates)} application number; "
            "add an office column or prefix"
        )
    if not candidates:
        raise ValueError(
            f"cannot tell the office of application number {text!r}; expected a known "
            "format (" + ", ".join(_EXAMPLES.values()) + ") or an office column"
        )
    (inferred,) = candidates
    found = _PATTERNS[inferred].match(raw)
    if found is None:  # pragma: no cover - _SELF_EVIDENT shapes are subsets of _PATTERNS
        raise ValueError(f"{text!r} is not a {inferred} application number")
    return _format(inferred, found)


# --- dates ------------------------------------------------------------------------------

_DATE_PARTS = re.compile(
    r"^(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:\.|일)?"
    r"(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")


def parse_date(text: str) -> dt.date:
    """``2020.01.02``, ``2020-01-02``, ``20200102``, ``2020/1/2``, ``2020. 1. 2.``,
    ``2020년 1월 2일``, ISO datetimes and Excel serial numbers (``43832``) → a date.

    Raises ``ValueError`` for anything else, including impossible dates (2020-02-30).
    """
    value = unicodedata.normalize("NFKC", text).strip()
    match = _DATE_PARTS.match(value) or _COMPACT_DATE.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"not a date: {text!r} ({exc})") from exc
    serial = _EXCEL_SERIAL.match(value)
    if serial:
        converted = from_excel(int(serial.group(1)))
        if isinstance(converted, dt.datetime):
            return converted.date()
    raise ValueError(f"not a date: {text!r} (expected e.g. 2020.01.02 or 2020-01-02)")


# --- citations --------------------------------------------------------------------------

_COUNT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?\s*(?:건|회|번)?$")


def parse_citations(text: str) -> int:
    """``12``, ``1,204``, ``12건``, ``12.0`` (a spreadsheet float) → a count of citations.

    Raises ``ValueError`` for anything else (negative numbers, fractions, words).
    """
    value = unicodedata.normalize("NFKC", text).strip()
    match = _COUNT.match(value)
    if match is None:
        raise ValueError(f"not a citation count: {text!r} (expected a whole number like 12)")
    return int(match.group(1).replace(",", ""))


# --- applicants and IPC -----------------------------------------------------------------

_STRONG_SEPARATORS = re.compile(r"\s*(?:\n|;|\||；|／)\s*")
_SUFFIX_WORD = (
    r"(?:ltd|limited|inc|incorporated|llc|l\.l\.c|llp|lp|l\.p|corp|corporation|co|company|"
    r"gmbh|ag|kg|s\.?a|s\.?a\.?s|n\.?v|b\.?v|plc|k\.?k|s\.?p\.?a|pte|pty|sarl|se|ab|oy|"
    r"as|a/s)\.?"
)
#: What follows the comma in ``X Co., Ltd.``: nothing but company-form words.
_CORPORATE_SUFFIX = re.compile(rf"\s*{_SUFFIX_WORD}(?:\s+{_SUFFIX_WORD})*\s*", re.IGNORECASE)
_ET_AL = re.compile(r"(?:\s*외\s*\d+\s*(?:명|인|개|사)?|\s+et\s+al\.?)\s*$", re.IGNORECASE)


def split_applicants(text: str) -> tuple[str, ...]:
    """Split an applicant cell into names; commas inside company names are kept.

    Newlines, ``;`` and ``|`` always separate. A comma separates only when what follows
    is not a company-form suffix, so ``Samsung Electronics Co., Ltd.`` stays one name
    while ``A Inc., B Corp.`` becomes two. A trailing ``외 2`` ("and 2 others") is dropped:
    the others are not named, so there is nothing to record for them.
    """
    names: list[str] = []
    for part in _STRONG_SEPARATORS.split(text.strip()):
        names.extend(_split_commas(part))
    cleaned = (_ET_AL.sub("", name).strip(" ,") for name in names)
    return tuple(dict.fromkeys(name for name in cleaned if name))


def _split_commas(text: str) -> list[str]:
    pieces = re.split(r"[,，、]", text)
    names: list[str] = []
    for piece in pieces:
        if names and _CORPORATE_SUFFIX.fullmatch(piece):
            names[-1] = f"{names[-1]},{piece}"
        else:
            names.append(piece)
    return [name.strip() for name in names]


_IPC = re.compile(
    r"(?<![A-Z0-9])([A-HY])\s*(\d{2})\s*([A-Z])(?:\s*-?\s*0*(\d{1,4})\s*/\s*(\d{1,6}))?"
    r"(?:\s*\(\s*\d{4}\.\d{2}\s*\))?(?![A-Z0-9])"
)
_IPC_SEPARATORS = re.compile(r"[\s,;|/、，；]+")


def normalize_ipc(text: str, *, cpc: bool = False) -> tuple[tuple[str, ...], list[str]]:
    """IPC codes in a cell, normalised like ``G06N 3/08``, and the pieces not understood.

    The version tag (``(2006.01)``) and leading zeros of the main group are dropped. CPC
    codes share the notation and add section Y (``Y02P 90/02``), which IPC has not: with
    ``cpc`` false a Y code is one of the pieces not understood.
    """
    value = unicodedata.normalize("NFKC", text).upper()
    codes: list[str] = []
    understood: list[tuple[int, int]] = []
    for match in _IPC.finditer(value):
        section, klass, subclass, group, subgroup = match.groups()
        if section == "Y" and not cpc:
            continue
        code = f"{section}{klass}{subclass}"
        codes.append(f"{code} {int(group)}/{subgroup}" if group else code)
        understood.append(match.span())
    rest = value
    for start, end in reversed(understood):
        rest = f"{rest[:start]} {rest[end:]}"
    leftover = [piece for piece in _IPC_SEPARATORS.split(rest) if piece]
    return tuple(dict.fromkeys(codes)), leftover


# --- rows -------------------------------------------------------------------------------


def parse_patent_table(table: Table, *, document: str) -> PatentList:
    """Read a reader ``Table`` holding a patent list; see the module docstring for rules."""
    header = find_header(table)
    if header is None:
        where = f"sheet {table.sheet!r}" if table.sheet else f"table {table.id}"
        raise PatentTableError(
            document,
            f"no patent-list header row in its first {HEADER_SEARCH_ROWS} rows",
            hint=f"expected {expected_headers()}",
            location=where,
        )
    header_index, columns = header
    body = table.rows[header_index + 1 :]
    prevailing = _prevailing_office(body, columns)
    records: list[PatentRecord] = []
    warnings: list[PatentWarning] = []
    seen: dict[str, int] = {}
    for row in body:
        reader = _RowReader(document, row, columns, table.id, prevailing)
        record = reader.record()
        warnings.extend(reader.warnings)
        if record is None:
            continue
        if record.id in seen:
            warnings.append(
                PatentWarning(
                    document=document,
                    row=record.row,
                    message=f"{record.id} repeats row {seen[record.id]}; the first is kept",
                    cell=record.cells["application_number"],
                )
            )
            continue
        seen[record.id] = record.row
        records.append(record)
    return PatentList(
        document=document,
        table_id=table.id,
        sheet=table.sheet,
        header_row=table.rows[header_index][0].row + 1,
        columns=columns,
        records=tuple(records),
        warnings=tuple(warnings),
    )


def _prevailing_office(rows: Sequence[Sequence[Cell]], columns: dict[str, Cell]) -> Office | None:
    """The one office of every number in the list that speaks for itself (by its prefix or
    shape), when the list has no office column and they agree; else None."""
    if "office" in columns:
        return None
    column = columns["application_number"].column
    offices: set[Office] = set()
    for row in rows:
        for cell in row:
            if cell.column == column and cell.text.strip():
                # an ambiguous or unreadable number says nothing here; its row warns
                with suppress(ValueError):
                    offices.add(normalize_application_number(cell.text).office)
    return offices.pop() if len(offices) == 1 else None


class _RowReader:
    """Reads one data row; collects its warnings instead of raising."""

    def __init__(
        self,
        document: str,
        row: Sequence[Cell],
        columns: dict[str, Cell],
        table_id: str,
        prevailing: Office | None = None,
    ) -> None:
        self.prevailing = prevailing
        self.document = document
        self.table_id = table_id
        self.by_column = {cell.column: cell for cell in row}
        self.columns = columns
        self.row_number = row[0].row + 1 if row else 0
        self.warnings: list[PatentWarning] = []
        self.cells: dict[str, Cell] = {}

    def warn(self, message: str, cell: Cell | None) -> None:
        self.warnings.append(
            PatentWarning(document=self.document, row=self.row_number, message=message, cell=cell)
        )

    def cell(self, name: str) -> Cell | None:
        """The row's non-empty cell under the column for ``name``."""
        header = self.columns.get(name)
        if header is None:
            return None
        found = self.by_column.get(header.column)
        return found if found is not None and found.text.strip() else None

    def record(self) -> PatentRecord | None:
        if not any(cell.text.strip() for cell in self.by_column.values()):
            return None
        if _is_header(_header_columns(list(self.by_column.values()))):
            return None  # the header repeated (exports paged into one sheet)
        number = self._application_number()
        if number is None:
            return None
        applicants = self._optional("applicants", split_applicants) or ()
        return PatentRecord(
            id=typed_id("patent", f"{number.office}:{number.key}"),
            office=number.office,
            application_number=number.number,
            title=self._text("title"),
            applicants=applicants,
            filing_date=self._filing_date(),
            ipc_codes=self._ipc_codes(),
            technology=self._text("technology"),
            registration_number=self._text("registration_number"),
            citations=self._citations(),
            applicant_countries=self._applicant_countries(applicants),
            abstract=self._paragraph("abstract"),
            claims=self._paragraph("claims"),
            family_id=self._text("family_id"),
            cpc_codes=self._ipc_codes("cpc_codes"),
            row=self.row_number,
            cells=self.cells,
        )

    def _text(self, name: str) -> str | None:
        cell = self.cell(name)
        if cell is None:
            return None
        self.cells[name] = cell
        return " ".join(cell.text.split())

    def _paragraph(self, name: str) -> str | None:
        """A long text cell (abstract, claims): its lines kept, spaces within them folded."""
        cell = self.cell(name)
        if cell is None:
            return None
        self.cells[name] = cell
        # the layout keeps a cell on one line; ``breaks`` says where the source broke it
        bounds = [0, *cell.breaks, len(cell.text)]
        pieces = (cell.text[start:end] for start, end in pairwise(bounds))
        lines = (" ".join(piece.split()) for piece in pieces)
        return "\n".join(line for line in lines if line)

    def _optional(self, name: str, parse: Callable[[str], _T]) -> _T | None:
        cell = self.cell(name)
        if cell is None:
            return None
        self.cells[name] = cell
        return parse(cell.text)

    def _application_number(self) -> ApplicationNumber | None:
        cell = self.cell("application_number")
        if cell is None:
            self.warn("no application number; row skipped", None)
            return None
        office_cell = self.cell("office")
        office = parse_office(office_cell.text) if office_cell else None
        if office_cell is not None and office is None:
            self.warn(
                f"unknown office {office_cell.text!r} (expected one of {', '.join(OFFICES)}); "
                "row skipped",
                office_cell,
            )
            return None
        try:
            number = normalize_application_number(cell.text, office, prevailing=self.prevailing)
        except ValueError as exc:
            self.warn(f"{exc}; row skipped", cell)
            return None
        self.cells["application_number"] = cell
        self.cells["office"] = office_cell or cell
        return number

    def _filing_date(self) -> dt.date | None:
        cell = self.cell("filing_date")
        text = cell.text if cell else None
        if cell is None:
            number_cell = self.cells["application_number"]
            _, text = split_number_and_date(number_cell.text)
            if text is None:
                return None
            cell = number_cell
        assert text is not None
        try:
            value = parse_date(text)
        except ValueError as exc:
            self.warn(f"{exc}; filing date left empty", cell)
            return None
        self.cells["filing_date"] = cell
        return value

    def _citations(self) -> int | None:
        cell = self.cell("citations")
        if cell is None:
            return None
        try:
            value = parse_citations(cell.text)
        except ValueError as exc:
            self.warn(f"{exc}; citations left empty", cell)
            return None
        self.cells["citations"] = cell
        return value

    def _applicant_countries(self, applicants: tuple[str, ...]) -> tuple[str, ...]:
        """One code per applicant: listed in the same order, or one code for them all."""
        cell = self.cell("applicant_countries")
        if cell is None:
            return ()
        codes, unknown = split_countries(cell.text)
        if unknown:
            self.warn(
                f"unknown countries: {', '.join(map(repr, unknown))}; "
                "applicant countries left empty",
                cell,
            )
            return ()
        if not applicants:
            self.warn("applicant country given without an applicant; ignored", cell)
            return ()
        if len(codes) == 1:
            codes = codes * len(applicants)
        if len(codes) != len(applicants):
            self.warn(
                f"{len(codes)} countries for {len(applicants)} applicants; "
                "applicant countries left empty",
                cell,
            )
            return ()
        self.cells["applicant_countries"] = cell
        return tuple(codes)

    def _ipc_codes(self, name: str = "ipc_codes") -> tuple[str, ...]:
        """IPC (or, for ``cpc_codes``, CPC: the same notation plus section Y) codes."""
        cell = self.cell(name)
        if cell is None:
            return ()
        cpc = name == "cpc_codes"
        codes, leftover = normalize_ipc(cell.text, cpc=cpc)
        if leftover:
            scheme = "CPC" if cpc else "IPC"
            self.warn(f"not {scheme} codes: {', '.join(map(repr, leftover))}; ignored", cell)
        if codes:
            self.cells[name] = cell
        return codes


def read_patent_lists(document: Document) -> list[PatentList]:
    """Every patent list among a read document's tables (e.g. each sheet of a workbook)."""
    name = Path(document.path).name
    return [
        parse_patent_table(table, document=name)
        for table in document.tables
        if is_patent_table(table)
    ]
