// A field's patent indicators (GET /fields/{id}/indicators): per edition of the field, a
// table of its strategic products, each followed by its core technologies, with the
// patents `stkg patents classify` matched to them and the indicators computed from those
// (docs/patent-indicators.md). The period and the lowest match score are in the link
// (#/indicators/<field>?period=2015-2024&min_score=0.5) and in a small form.

import { api } from "./api.js";
import { fill, h } from "./dom.js";
import { t } from "./i18n.js";
import { href, replaceQuery } from "./router.js";

const PERIOD = /^\d{4}-\d{4}$/;

/** The page behind #/indicators/<field id or name>. */
export async function renderIndicatorsPage(view, [field], query) {
  const params = {
    period: PERIOD.test(query.get("period") || "") ? query.get("period") : "2015-2024",
    min_score: clampScore(query.get("min_score")),
  };
  const body = h("div", { class: "indicators-body" }, t("loading"));
  const period = h("input", { id: "indicators-period", value: params.period, size: 9,
                              pattern: PERIOD.source, "aria-label": t("period") });  // prettier-ignore
  const score = h("input", { id: "indicators-min-score", type: "number", min: 0, max: 1,
                             step: 0.05, value: params.min_score, class: "depth",
                             "aria-label": t("minScore") });  // prettier-ignore
  const form = h("form", { class: "graph-controls indicators-form",
    onsubmit: (e) => {
      e.preventDefault();
      if (!PERIOD.test(period.value.trim())) {
        period.setCustomValidity(t("periodHint"));
        period.reportValidity();
        return;
      }
      period.setCustomValidity("");
      params.period = period.value.trim();
      params.min_score = clampScore(score.value);
      score.value = params.min_score;
      replaceQuery({ period: params.period === "2015-2024" ? null : params.period,
                     min_score: params.min_score || null });
      load();
    } },
    h("label", { class: "control-label" }, t("period"), " ", period),
    h("label", { class: "control-label" }, t("minScore"), " ", score),
    h("button", { type: "submit" }, t("apply")));  // prettier-ignore

  fill(view,
    h("div", { class: "page-head" },
      h("h1", {}, t("indicatorsOf", { name: field })),
      h("a", { href: href("field", field), class: "history-link" }, t("history")),
      h("a", { href: href("entity", field.includes(":") ? field : `field:${field}`) }, t("open"))),
    h("section", { class: "card indicators-card" }, form, body,
      h("p", { class: "muted small" }, t("indicatorsHint"))));  // prettier-ignore

  let token = 0;
  async function load() {
    const mine = ++token;
    body.dataset.loading = "true";
    try {
      const { rows } = await api.fieldIndicators(field, params);
      if (mine !== token) return;
      fill(body, editionsOf(rows).map(([edition, group]) => editionTable(edition, group)));
    } catch (err) {
      if (mine !== token) return;
      fill(body, h("p", { class: err.status === 404 ? "muted indicators-missing" : "error" }, err.message));
    } finally {
      if (mine === token) delete body.dataset.loading;
    }
  }
  await load();
}

function clampScore(value) {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** The rows grouped by edition, in the order the endpoint gives them. */
function editionsOf(rows) {
  const groups = new Map();
  for (const row of rows) {
    if (!groups.has(row.edition)) groups.set(row.edition, []);
    groups.get(row.edition).push(row);
  }
  return [...groups];
}

const num = (v, digits = 2) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
const pct = (v) => (v === null || v === undefined ? "–" : `${v >= 0 ? "+" : ""}${(100 * v).toFixed(1)}%`);
const flag = (v) => (v === null || v === undefined ? "–" : v ? "●" : "");

function editionTable(edition, rows) {
  const head = ["productOrTech", "patentsCount", "share", "growth", "citationIndex", "activityIndex",
                "importance", "competitiveness", "core", "koreaStrength", "focus"];  // prettier-ignore
  return h("section", { class: "indicators-edition", "data-edition": edition },
    h("h2", {}, rows[0].field ?? "", " · ", h("a", { href: href("entity", edition) }, edition)),
    h("table", { class: "data indicators" },
      h("thead", {}, h("tr", {}, head.map((k, i) => h("th", { class: i >= 8 ? "flag" : i ? "num" : null }, t(k))))),
      h("tbody", {}, rows.map((r) => {
        const id = r.level === "product" ? r.product : r.coreTechnology;
        return h("tr", { class: `level-${r.level}`, "data-level": r.level, "data-id": id,
                         "data-product": r.product },
          h("td", {}, h("a", { href: href("entity", id) }, r.name || id)),
          h("td", { class: "num", "data-col": "patents" }, r.patents),
          h("td", { class: "num", "data-col": "applicationShare" }, num(r.applicationShare, 1)),
          h("td", { class: "num", "data-col": "growthRate" }, pct(r.growthRate)),
          h("td", { class: "num", "data-col": "citationIndex" }, num(r.citationIndex)),
          h("td", { class: "num", "data-col": "activityIndex" }, num(r.activityIndex)),
          h("td", { class: "num", "data-col": "technologyImportance" }, num(r.technologyImportance)),
          h("td", { class: "num", "data-col": "koreaCompetitiveness" }, num(r.koreaCompetitiveness)),
          h("td", { class: "flag", "data-col": "isCore" }, flag(r.isCore)),
          h("td", { class: "flag", "data-col": "koreaStrength" }, r.koreaStrength ? t(`strength_${r.koreaStrength}`) : "–"),
          h("td", { class: "flag", "data-col": "isFocus" }, flag(r.isFocus)));
      }))));  // prettier-ignore
}
