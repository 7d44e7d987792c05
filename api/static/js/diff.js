// What changed between two roadmap editions (GET /editions/diff?from=&to=): a count per
// change kind (click to filter) and one row per field with names, sectors and counts.

import { api } from "./api.js";
import { fill, h } from "./dom.js";
import { editions, editionSelect, nextEdition } from "./editions.js";
import { changeName, t } from "./i18n.js";
import { go } from "./router.js";

export async function renderDiffPage(view, [from, to]) {
  const list = await editions();
  if (!from || !to) {
    const first = list.find((e) => nextEdition(list, e.id));
    from ||= first?.id;
    to ||= first && nextEdition(list, first.id)?.id;
  }
  const body = h("div", {}, t("loading"));
  fill(view,
    h("div", { class: "page-head" }, h("h1", {}, t("diff")),
      h("div", { class: "diff-pick" },
        h("label", {}, t("from"), " ", editionSelect(list, from, (id) => go("diff", id, to), t("from"))),
        h("button", { type: "button", onclick: () => go("diff", to, from) }, `⇄ ${t("swap")}`),
        h("label", {}, t("to"), " ", editionSelect(list, to, (id) => go("diff", from, id), t("to"))))),
    body);  // prettier-ignore
  if (!from || !to) return;
  try {
    const { rows } = await api.diff(from, to);
    fill(body, diffView(rows));
  } catch (err) {
    fill(body, h("p", { class: "error" }, err.message));
  }
}

function diffView(rows) {
  const counts = new Map();
  for (const r of rows) counts.set(r.change, (counts.get(r.change) || 0) + 1);
  const tbody = h("tbody", {}, rows.map(row));
  let active = null;
  const chips = h("div", { class: "change-summary", role: "toolbar" },
    [[null, rows.length], ...counts].map(([kind, n]) =>
      h("button", { type: "button", class: `chip change-${kind || "all"}`, "data-change": kind || "",
                    "aria-pressed": kind === null ? "true" : "false",
                    onclick: (e) => filter(kind, e.currentTarget) },
        `${kind ? changeName(kind) : t("allChanges")} ${n}`)));  // prettier-ignore

  function filter(kind, button) {
    active = active === kind ? null : kind;
    for (const b of chips.children) b.setAttribute("aria-pressed", String((b.dataset.change || null) === active));
    if (active === null) chips.firstChild.setAttribute("aria-pressed", "true");
    for (const tr of tbody.children) tr.hidden = active !== null && tr.dataset.change !== active;
    button.blur();
  }

  const head = ["change", "before", "after", "sector", "count", "note"];
  return [chips, h("table", { class: "data diff" },
    h("thead", {}, h("tr", {}, head.map((k) => h("th", {}, t(k))))), tbody)];  // prettier-ignore
}

function row(r) {
  const sector = r.sectorBefore === r.sectorAfter || !r.sectorBefore || !r.sectorAfter
    ? r.sectorAfter || r.sectorBefore || ""
    : `${r.sectorBefore} → ${r.sectorAfter}`;
  const count = r.countBefore === null || r.countBefore === undefined ? `${r.countAfter ?? ""}`
    : r.countAfter === null || r.countAfter === undefined ? `${r.countBefore}`
    : r.countBefore === r.countAfter ? `${r.countAfter}` : `${r.countBefore} → ${r.countAfter}`;
  return h("tr", { "data-change": r.change, "data-after": r.after ?? "", "data-before": r.before ?? "" },
    h("td", {}, h("span", { class: `chip change-${r.change}` }, changeName(r.change))),
    h("td", {}, r.before ?? ""),
    h("td", {}, r.after ?? ""),
    h("td", {}, sector),
    h("td", { class: "num" }, count),
    h("td", { class: "muted" }, r.note ?? ""));  // prettier-ignore
}
