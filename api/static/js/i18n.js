// Korean and English: the page's own strings here, the graph's vocabulary from the ontology
// (GET /ontology/terms), so class, relationship and change-kind names have one source.

const STRINGS = {
  ko: {
    title: "전략기술 계보 탐색기",
    home: "처음",
    programmes: "사업 연계",
    diff: "판 비교",
    searchPlaceholder: "검색 (/ 키)",
    searchLabel: "개체 검색",
    noResults: "결과 없음",
    langToggle: "English",
    loading: "불러오는 중…",
    error: "오류",
    notFound: "찾을 수 없음",
    properties: "속성",
    neighbours: "이웃",
    lineage: "계보 그래프",
    direction: "방향",
    up: "위로",
    down: "아래로",
    both: "양방향",
    depth: "깊이",
    relTypes: "관계 유형",
    allTypes: "모두",
    noneTypes: "없음",
    graphHint: "노드를 누르면 펼치고, 관계를 누르면 근거를 봅니다. 점선 상자는 한도보다 많은 이웃의 묶음이며, 누르면 표로 엽니다.",
    graphAsList: "그래프를 목록으로",
    open: "열기",
    provenance: "출처 근거",
    provenanceHint: "개체나 관계를 골라 근거 문서를 보세요.",
    noEvidence: "근거 없음",
    textUnavailable: "원문을 다시 읽을 수 없어 인용문만 보입니다",
    page: "{page}쪽",
    tableCell: "표 {table} · {row}행 {column}열",
    span: "{start}–{end}자",
    history: "분야 이력",
    historyOf: "{name} 분야 이력",
    products: "전략제품 수",
    edition: "판",
    name: "명칭",
    sector: "부문",
    change: "변경",
    note: "비고",
    first: "첫 판",
    programmeLinks: "지원사업 연계",
    classifierChecks: "검색식 검증",
    precision: "정밀도",
    recall: "재현율",
    judged: "판정",
    olderRun: "이전 분류 실행",
    matrixTitle: "지원사업 ↔ 제품 연계",
    subject: "대상",
    funding: "예산",
    amount: "금액",
    year: "연도",
    basis: "기준",
    via: "경로",
    noLinks: "연계 없음",
    runBy: "운영: {name}",
    from: "이전 판",
    to: "이후 판",
    swap: "바꾸기",
    before: "이전",
    after: "이후",
    count: "제품 수",
    allChanges: "전체",
    editions: "로드맵 판",
    compareNext: "다음 판과 비교",
    homeIntro: "전략분야 → 전략제품 → 핵심기술과 R&D 지원사업의 계보를 살펴봅니다. 위 검색창에 이름을 입력하세요.",
    examples: "예시",
    keys: "키보드: / 검색 · ↑↓ 이동 · Enter 열기 · Esc 닫기",
    krw: "{amount}억 원",
    selected: "선택",
    expanded: "펼침",
    nodes: "노드",
    edges: "관계",
    truncated: "일부만 표시 (노드 한도 초과)",
    groups: "묶음",
    groupOf: "{count}개 {cls}",
    groupOver: "묶음 기준",
    moreRows: "더 보기",
    rowsShown: "{count}개 중 {shown}개",
    class: "유형",
    relationship: "관계 속성",
    change_added: "신설",
    change_removed: "삭제",
    change_recounted: "제품 수 변경",
    flow: "분야 흐름",
    flowTitle: "판별 분야 흐름",
    flowHint: "띠는 판 간 대응이며 색은 변경 유형입니다. 점선은 제안된(검토 전) 대응, 실선은 문서에 진술되었거나 검토된 대응입니다. 상자를 누르면 분야 이력을, 띠를 누르면 대응을 봅니다.",
    series: "로드맵",
    mappings: "대응",
    statedReviewed: "진술·검토",
    withProposed: "제안 포함",
    editionsCount: "개 판",
    fieldVersions: "개 분야",
    mappingsCount: "개 대응",
    asOf: "기준일",
    asOfClear: "기준일 지우기",
    asOfNote: "{day} 기준",
    basis_stated: "진술",
    basis_reviewed: "검토",
    basis_proposed: "제안",
    confidence: "신뢰도",
    inForce: "시행 중",
    nameThen: "(그날의 이름: {name})",
    nameNow: "(현재 이름: {name})",
    noEditionThen: "그날 시행 중인 판이 없습니다",
    noFieldVersions: "이 로드맵의 판에는 기록된 분야가 없습니다",
    indicators: "특허 지표",
    indicatorsOf: "{name} 분야 특허 지표",
    indicatorsHint: "전략제품 아래에 그 핵심기술이 있습니다. 특허는 검색식으로 핵심기술에 분류된 것(stkg patents classify)이고, 제품의 특허는 그 핵심기술들의 특허를 한 번씩 셉니다. 점유율은 제품은 분야 대비, 핵심기술은 제품 대비입니다. 중요도·경쟁력은 제품끼리, 핵심기술끼리의 표준점수입니다. 저장하지 않고 요청할 때 계산합니다.",
    period: "출원 기간",
    periodHint: "2015-2024 형식으로 입력하세요",
    minScore: "최소 매칭 점수",
    apply: "적용",
    productOrTech: "전략제품 / 핵심기술",
    patentsCount: "특허 수",
    share: "점유율(%)",
    growth: "증가율",
    citationIndex: "피인용 지수",
    activityIndex: "한국 활동 지수",
    importance: "기술중요도",
    competitiveness: "한국경쟁력",
    core: "핵심",
    koreaStrength: "한국 강약",
    focus: "중점",
    strength_strong: "강",
    strength_weak: "약",
  },
  en: {
    title: "Strategic-technology lineage explorer",
    home: "Home",
    programmes: "Programme links",
    diff: "Edition diff",
    searchPlaceholder: "Search (press /)",
    searchLabel: "Search entities",
    noResults: "No results",
    langToggle: "한국어",
    loading: "Loading…",
    error: "Error",
    notFound: "Not found",
    properties: "Properties",
    neighbours: "Neighbours",
    lineage: "Lineage graph",
    direction: "Direction",
    up: "Up",
    down: "Down",
    both: "Both",
    depth: "Depth",
    relTypes: "Relationship types",
    allTypes: "All",
    noneTypes: "None",
    graphHint: "Click a node to expand it, a relationship to see its evidence. A dashed box groups more neighbours than the limit; click it to open them as a table.",
    graphAsList: "Graph as a list",
    open: "Open",
    provenance: "Provenance",
    provenanceHint: "Pick a node or relationship to see its source documents.",
    noEvidence: "No evidence",
    textUnavailable: "The document text cannot be read back; quote only",
    page: "page {page}",
    tableCell: "table {table} · row {row}, column {column}",
    span: "characters {start}–{end}",
    history: "Field history",
    historyOf: "History of {name}",
    products: "Strategic products",
    edition: "Edition",
    name: "Name",
    sector: "Sector",
    change: "Change",
    note: "Note",
    first: "first edition",
    programmeLinks: "Programme links",
    classifierChecks: "Search expression checks",
    precision: "precision",
    recall: "recall",
    judged: "judged",
    olderRun: "an older classification run",
    matrixTitle: "Programme ↔ product links",
    subject: "Subject",
    funding: "Funding",
    amount: "Amount",
    year: "Year",
    basis: "Basis",
    via: "via",
    noLinks: "No links",
    runBy: "run by {name}",
    from: "From edition",
    to: "To edition",
    swap: "Swap",
    before: "Before",
    after: "After",
    count: "Products",
    allChanges: "All",
    editions: "Roadmap editions",
    compareNext: "Compare with next edition",
    homeIntro: "Explore the lineage of strategic fields → products → core technologies and the R&D programmes behind them. Type a name in the search box above.",
    examples: "Examples",
    keys: "Keys: / search · ↑↓ move · Enter open · Esc close",
    krw: "KRW {amount} bn",
    selected: "Selected",
    expanded: "expanded",
    nodes: "nodes",
    edges: "relationships",
    truncated: "Partial (node cap reached)",
    groups: "groups",
    groupOf: "{count} × {cls}",
    groupOver: "Group over",
    moreRows: "More",
    rowsShown: "{shown} of {count}",
    class: "Class",
    relationship: "Relationship",
    change_added: "added",
    change_removed: "removed",
    change_recounted: "recounted",
    flow: "Field flow",
    flowTitle: "Fields across editions",
    flowHint: "Bands are the mappings between editions, coloured by kind of change. Dashed: proposed (not yet reviewed); solid: stated in a document or reviewed. Click a box for the field's history, a band for its mapping.",
    series: "Roadmap",
    mappings: "Mappings",
    statedReviewed: "Stated and reviewed",
    withProposed: "With proposed",
    editionsCount: "editions",
    fieldVersions: "fields",
    mappingsCount: "mappings",
    asOf: "As of",
    asOfClear: "Clear the as-of day",
    asOfNote: "as of {day}",
    basis_stated: "stated",
    basis_reviewed: "reviewed",
    basis_proposed: "proposed",
    confidence: "confidence",
    inForce: "in force",
    nameThen: "(then called {name})",
    nameNow: "(now {name})",
    noEditionThen: "No edition was in force on that day",
    noFieldVersions: "The graph records no fields for the editions of this roadmap",
    indicators: "Patent indicators",
    indicatorsOf: "Patent indicators of {name}",
    indicatorsHint: "Each strategic product is followed by its core technologies. Patents are those search expressions matched to a core technology (stkg patents classify); a product's are its core technologies' patents, each once. Share: a product's of the field, a core technology's of its product. Importance and competitiveness are z-scores among the products, and among the core technologies. Computed when asked, not stored.",
    period: "Filing years",
    periodHint: "Write it as 2015-2024",
    minScore: "Lowest match score",
    apply: "Apply",
    productOrTech: "Product / core technology",
    patentsCount: "Patents",
    share: "Share (%)",
    growth: "Growth",
    citationIndex: "Citation index",
    activityIndex: "Korea activity",
    importance: "Importance",
    competitiveness: "Korea competitiveness",
    core: "Core",
    koreaStrength: "Korea",
    focus: "Focus",
    strength_strong: "strong",
    strength_weak: "weak",
  },
};

let lang = localStorage.getItem("stkg.lang") === "en" ? "en" : "ko";
let terms = { classes: new Map(), relationships: new Map(), vocabularies: new Map() };

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === "en" ? "en" : "ko";
  localStorage.setItem("stkg.lang", lang);
  document.documentElement.lang = lang;
}

/** A page string, with {placeholders} filled from `vars`. */
export function t(key, vars = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.ko[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Load the ontology's names once; the page still works (raw names) if this fails. */
export async function loadTerms(fetchTerms) {
  try {
    const body = await fetchTerms();
    terms = {
      classes: new Map(body.classes.map((c) => [c.label, c])),
      relationships: new Map(body.relationships.map((r) => [r.type, r])),
      vocabularies: new Map(
        Object.entries(body.vocabularies).map(([k, v]) => [k, new Map(v.map((c) => [c.notation, c]))]),
      ),
    };
  } catch (err) {
    console.warn("ontology terms unavailable", err);
  }
}

function pick(term, fallback) {
  return (term && (term[lang] || term.ko || term.en)) || fallback;
}

/** The class a node is shown as: its most specific label (never the root "Entity"). */
export function mainLabel(labels = []) {
  return labels.find((l) => l !== "Entity") || labels[0] || "";
}

export const className = (label) => pick(terms.classes.get(label), label);
export const relName = (type) => pick(terms.relationships.get(type), type);
export const conceptName = (scheme, notation) =>
  pick(terms.vocabularies.get(scheme)?.get(notation), notation);
/** A change kind: the ontology's name, or the diff's own kinds (added, removed, recounted). */
export function changeName(kind) {
  if (!kind) return t("first");
  if (terms.vocabularies.get("changeKind")?.has(kind)) return conceptName("changeKind", kind);
  return STRINGS[lang][`change_${kind}`] ?? kind;
}

/** Relationship types a lineage walk follows by default (the filter's choices). */
export function lineageTypes() {
  return [...terms.relationships.values()].filter((r) => r.lineage).map((r) => r.type);
}

/** Display name of a node in the current language (Korean name, English fallback). */
export function displayName({ name, nameEn, id }) {
  const ko = name || null;
  const en = nameEn || null;
  return (lang === "en" ? en || ko : ko || en) || id;
}

/** KRW amounts: 억 원 in Korean, billions in English. */
export function money(krw) {
  if (krw === null || krw === undefined) return "";
  const amount = lang === "en" ? krw / 1e9 : krw / 1e8;
  return t("krw", { amount: amount.toLocaleString(lang === "en" ? "en" : "ko", { maximumFractionDigits: 1 }) });
}

/** Set the text of every [data-i18n] element (the static parts of index.html). */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  }
  document.title = `stkg · ${t("title")}`;
}
