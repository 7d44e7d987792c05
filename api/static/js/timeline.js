// A field's history across editions (GET /fields/{id}/history): a step chart drawn as a
// small SVG (one bar per edition, its product count; the change kind on each step) and
// the same data as a table.

import { api } from "./api.js";
import { fill, h, svg } from "./dom.js";
import { seriesOf } from "./editions.js";
import { changeName, t } from "./i18n.js";
import { href } from "./router.js";

const STEP = 200;
const BAR = 64;
const PLOT = 150;
const TOP = 36;

/** A card that loads and shows the history of `field` (id, IRI or any printed name). */
export function historyCard(field, { heading = true, onRows = null } = {}) {
  const body = h("div", { class: "history-body" }, t("loading"));
  const card = h("section", { class: "card history", "data-field": field },
    heading ? h("h2", {}, t("history")) : null, body);  // prettier-ignore
  api.history(field).then(
    (answer) => {
      fill(body, chart(answer.rows), steps(answer.rows), table(answer.rows));
      onRows?.(answer.rows);
    },
    (err) => fill(body, h("p", { class: err.status === 404 ? "muted" : "error" }, err.message)),
  );
  return card;
}

/** The page behind #/field/<id or name>. */
export function renderFieldPage(view, [field]) {
  const flow = h("span", { class: "flow-links" });
  // the flow of each series the field appears in (known once its history is in)
  const showFlows = (rows) => fill(flow, [...new Set(rows.map((r) => seriesOf(r.edition)))].map((s) =>
    h("a", { href: href("flow", s), class: "flow-link" }, t("flow"))));  // prettier-ignore
  fill(view,
    h("div", { class: "page-head" },
      h("h1", {}, t("historyOf", { name: field })),
      h("a", { href: href("entity", field.includes(":") ? field : `field:${field}`) }, t("open")),
      h("a", { href: href("indicators", field), class: "indicators-link" }, t("indicators")),
      flow),
    historyCard(field, { heading: false, onRows: showFlows }));  // prettier-ignore
}

function ordered(rows) {
  return [...rows].sort((a, b) => (a.startYear ?? 0) - (b.startYear ?? 0));
}

function years(row) {
  return row.endYear ? `${row.startYear}–${row.endYear}` : String(row.startYear ?? "");
}

function chart(rows) {
  const list = ordered(rows);
  const max = Math.max(1, ...list.map((r) => r.productCount ?? 0));
  const width = Math.max(STEP * list.length, 320);
  const height = TOP + PLOT + 56;
  const scale = (n) => (PLOT * (n ?? 0)) / max;
  const parts = [];
  list.forEach((row, i) => {
    const cx = STEP / 2 + i * STEP;
    const barH = scale(row.productCount);
    const y = TOP + PLOT - barH;
    parts.push(
      svg("rect", { x: cx - BAR / 2, y, width: BAR, height: barH, rx: 4, class: "bar",
                    "data-count": row.productCount }),
      svg("text", { x: cx, y: y - 6, class: "bar-count", "text-anchor": "middle" },
          row.productCount ?? "?"),
      svg("text", { x: cx, y: TOP + PLOT + 18, class: "axis", "text-anchor": "middle" }, years(row)),
      svg("text", { x: cx, y: TOP + PLOT + 38, class: "bar-name", "text-anchor": "middle" }, row.name),
    );  // prettier-ignore
    if (i > 0) {
      const x1 = cx - STEP + BAR / 2 + 6;
      const x2 = cx - BAR / 2 - 6;
      const ay = TOP + 14;
      parts.push(
        svg("line", { x1, y1: ay, x2, y2: ay, class: "step-arrow", "marker-end": "url(#arrow)" }),
        svg("text", { x: (x1 + x2) / 2, y: ay - 6, class: "step-label", "text-anchor": "middle" },
            changeName(row.changeKind)),
      );  // prettier-ignore
    }
  });
  const defs = svg("defs", {},
    svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7,
                    markerHeight: 7, orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" })));  // prettier-ignore
  return svg("svg", { class: "history-chart", viewBox: `0 0 ${width} ${height}`, role: "img",
                      "aria-label": t("products"), width, height }, defs, parts);  // prettier-ignore
}

function steps(rows) {
  const list = ordered(rows);
  const items = [];
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1], list[i]];
    items.push(h("li", { class: "step", "data-change": b.changeKind || "",
                         "data-from": a.productCount, "data-to": b.productCount },
      h("span", { class: "step-names" }, `${a.name} (${a.productCount ?? "?"}) → ${b.name} (${b.productCount ?? "?"})`),
      " ", h("span", { class: `chip change-${b.changeKind || "none"}` }, changeName(b.changeKind)),
      b.changeNote ? h("span", { class: "muted small" }, ` ${b.changeNote}`) : null));  // prettier-ignore
  }
  return items.length ? h("ol", { class: "steps" }, items) : null;
}

function table(rows) {
  const head = ["edition", "name", "sector", "products", "change", "note"];
  return h("table", { class: "data history-table" },
    h("thead", {}, h("tr", {}, head.map((k) => h("th", {}, t(k))))),
    h("tbody", {}, ordered(rows).map((r) =>
      h("tr", { "data-version": r.version, "data-change": r.changeKind || "" },
        h("td", {}, h("a", { href: href("entity", r.edition) }, years(r))),
        h("td", {}, h("a", { href: href("entity", r.version) }, r.name)),
        h("td", {}, r.sector ?? ""),
        h("td", { class: "num" }, r.productCount ?? ""),
        h("td", {}, h("span", { class: `chip change-${r.changeKind || "none"}` }, changeName(r.changeKind))),
        h("td", { class: "muted" }, r.changeNote ?? "")))));  // prettier-ignore
}
