"""Every kind of fact the seeds' expected.json lists has a class or property to land in.

The mapping below is the ontology maintainers' answer to "where does this fact go?". The
test fails when expected.json gains a kind of fact with no answer, or when the ontology
loses a term an answer relies on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stkg.ontology.model import Ontology, load_ontology

C, R, P, V = "class", "rel", "prop", "vocab"

#: fact key (or "key.subkey") -> the terms that hold it
HOMES: dict[str, list[tuple[str, str]]] = {
    # seed 000: SME technology roadmap 2022-2024
    "publisher": [(C, "Organization"), (R, "publishedBy")],
    "released": [(P, "publishedDate")],
    "editions": [(C, "RoadmapEdition"), (P, "startYear"), (P, "endYear"), (P, "fieldCount"),
                 (P, "productCount"), (R, "editionOf")],
    "editions.sectors": [(C, "StatedFigure"), (R, "quantifies"), (R, "inSector"),
                         (P, "figureKind"), (V, "sector")],
    "field_table": [(C, "FieldVersion"), (C, "StrategicField"), (R, "versionOf"),
                    (R, "hasFieldVersion"), (P, "productCount"), (R, "inSector"),
                    (R, "succeededBy"), (P, "changeKind"), (P, "changeNote"), (P, "note")],
    "moves": [(P, "changeKind"), (V, "changeKind"), (R, "inSector")],
    "field_name_variants_in_text": [(P, "aliases")],
    "programme_link.programmes_2021": [(C, "StatedFigure"), (P, "figureKind")],
    "programme_link.programmes_2022": [(C, "StatedFigure"), (P, "year")],
    "programme_link.budget_2021_eok": [(C, "Funding"), (P, "amountKrw"), (P, "year")],
    "programme_link.budget_2022_eok": [(C, "Funding"), (R, "fundingFor")],
    "programme_link.budget_basis": [(P, "basis")],
    "programme_link.named_programmes": [(C, "Programme"), (R, "linkedProgramme"), (R, "funds")],
    "programme_link.startup_commercialisation_support_years": [(C, "StatedFigure"),
                                                               (P, "qualifier"), (P, "unit")],
    "ict_and_environment_products": [(C, "StatedFigure"), (C, "Policy"), (R, "motivatedBy")],
    "citizen_proposals": [(C, "PublicConsultation"), (C, "Theme"), (R, "coversTheme"),
                          (R, "proposedThrough"), (P, "citizenProposed"), (C, "StatedFigure")],
    "example_products": [(C, "StrategicProduct"), (R, "belongsToField")],
    "ccus_new_products": [(C, "StatedFigure"), (P, "figureKind")],
    "website": [(P, "homepage")],
    # seed 004: smart-manufacturing roadmap and patent big data
    "publishers": [(C, "Organization"), (R, "publishedBy"), (R, "partnerOf")],
    "new_edition": [(C, "RoadmapEdition"), (P, "plannedPublication"), (R, "nextEdition")],
    "new_edition.target_items": [(C, "StatedFigure"), (P, "qualifier")],
    "new_edition.classification": [(C, "TechnologyClass"), (P, "level"), (C, "StatedFigure")],
    "new_edition.strategy": [(C, "Policy"), (R, "motivatedBy")],
    "previous_edition": [(C, "RoadmapEdition"), (P, "fieldCount"), (P, "productCount")],
    "previous_edition.tracks": [(V, "productType"), (P, "productType")],
    "smart_manufacturing_items_2025": [(C, "StrategicProduct"), (P, "productType"),
                                       (R, "belongsToField"), (R, "inSector"), (V, "sector")],
    "institutions": [(C, "Organization"), (R, "preparedBy"), (P, "role"), (P, "aliases")],
    "ip_office_programme": [(C, "Programme"), (R, "managedBy"), (P, "printedName")],
    "patent_bigdata_method": [(C, "AnalysisMethod"), (P, "steps"), (R, "usesMethod")],
    "patent_offices": [(P, "offices"), (V, "patentOffice")],
    "fields_analysed": [(C, "AnalysisTopic"), (P, "year"), (R, "conductedUnder")],
    "manufacturing_ai_classification": [(C, "TechnologyClass"), (R, "broaderTechnology"),
                                        (P, "definition")],
    "manufacturing_ai_classification.stated_counts": [(C, "StatedFigure"), (P, "figureKind")],
    "manufacturing_ai_classification.equipment_health_valid_patents": [(P, "patentCount")],
    "patent_indicators": [(C, "PatentAnalysis"), (R, "analyses"), (P, "applicationShare"),
                          (P, "technologyImportance"), (P, "koreaCompetitiveness"),
                          (P, "isCore"), (P, "koreaStrength"), (P, "isFocus"),
                          (P, "analysisKind")],
    "promising_tasks": [(C, "PromisingTask"), (R, "derivedFrom"), (R, "usesMethod")],
    "source_typos": [(P, "printedName"), (P, "aliases"), (C, "Evidence"), (P, "quote")],
}  # fmt: skip

#: figure kinds the seeds need (stated counts that are not enumerated)
FIGURE_KINDS = {
    "fieldCount", "productCount", "programmeCount", "proposalCount", "selectedProposalCount",
    "newProductCount", "targetProductCount", "majorCategoryCount", "middleCategoryCount",
    "minorCategoryCount", "technologyClassCount", "subTechnologyCount", "validPatentCount",
    "supportPeriod", "analysedFieldCount",
}  # fmt: skip


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict[str, dict[str, object]]:
    data = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def test_every_fact_kind_has_a_home(expected: dict[str, dict[str, object]]) -> None:
    missing = []
    for seed, facts in expected.items():
        for key, value in facts.items():
            subkeys = [f"{key}.{s}" for s in value] if isinstance(value, dict) else []
            if key not in HOMES and not any(s in HOMES for s in subkeys):
                missing.append(f"{seed}: {key}")
    assert not missing, "facts without a home in the ontology: " + ", ".join(missing)


def test_every_home_exists(onto: Ontology) -> None:
    lookup = {C: onto.label, R: onto.rel, P: onto.prop, V: onto.vocab}
    for fact, terms in HOMES.items():
        for kind, name in terms:
            lookup[kind](name)  # raises UnknownTerm, naming the term
        assert terms, fact


def test_stated_figures_have_kinds(onto: Ontology) -> None:
    assert onto.vocab("figureKind").notations >= FIGURE_KINDS


def test_seed_vocabulary_values_resolve(
    onto: Ontology, expected: dict[str, dict[str, object]]
) -> None:
    """The printed sector, type, office and strength values match a concept label."""

    def names(vocab: str) -> set[str]:
        out: set[str] = set()
        for c in onto.vocab(vocab).concepts:
            out |= {c.labels.ko or "", c.labels.en or ""} | {t for t, _ in c.alt_labels}
        return out

    sme = expected["000_f874dc3d0926f1b7.txt"]
    smart = expected["004_2e30ccd89939a41a.txt"]
    rows = smart["smart_manufacturing_items_2025"]
    indicators = smart["patent_indicators"]
    table = sme["field_table"]
    assert isinstance(rows, list) and isinstance(indicators, list) and isinstance(table, list)
    assert {r["sector"] for r in table} <= names("sector")
    assert {r["area"] for r in rows} <= names("sector")
    assert {r["type"] for r in rows} <= names("productType")
    assert {r["kr"] for r in indicators} <= names("koreaStrength")
    offices = smart["patent_offices"]
    assert isinstance(offices, list)
    assert set(offices) <= names("patentOffice")
