// The fields of a roadmap series flowing through its editions (GET /roadmaps/{id}/flow):
// an alluvial chart drawn as plain SVG. One column per edition, one box per field version
// (its height grows with the field's product count), one band per crosswalk mapping from a
// box to the next edition's, coloured by the kind of change; proposed mappings are dashed,
// stated and reviewed ones solid; a dropped field ends in a stub, a new one starts from
// one. A box opens the field's history; a band shows its mapping below the chart.

import { api } from "./api.js";
import { fill, h, idKey, svg } from "./dom.js";
import { editions, seriesOf } from "./editions.js";
import { changeName, displayName, t } from "./i18n.js";
import { go, href, replaceQuery } from "./router.js";

const COL = 250; // column pitch
const BOX_W = 132;
const GAP = 10; // between boxes of a column
const TOP = 46; // the row of edition labels
const LEFT = 44; // room for the stubs of new fields before the first column
const STUB = 40; // length of a dropped or new field's stub
const MIN_H = 22;
const MAX_H = 96;
const PER_PRODUCT = 3.5;

/** The page behind #/flow/<series>?include=proposed. */
export async function renderFlowPage(view, [series], query) {
  const [list, roadmaps] = await Promise.all([editions(), roadmapNames()]);
  const all = [...new Set(list.map((e) => seriesOf(e.id)))];
  const chosen = series || mostEditions(list) || all[0];
  let include = query.get("include") === "proposed" ? "proposed" : "reviewed";
  const body = h("div", { class: "flow-body" }, t("loading"));
  const status = h("div", { class: "flow-status muted small", "aria-live": "polite" });
  const selection = h("div", { class: "selection flow-selection", "aria-live": "polite" });
  const seriesSelect = h("select", { "aria-label": t("series"), id: "flow-series",
    onchange: (e) => go("flow", e.target.value) },
    (all.includes(chosen) || !chosen ? all : [chosen, ...all]).map((s) =>
      h("option", { value: s, selected: s === chosen }, roadmaps.get(s) ?? s)));  // prettier-ignore
  const includeControl = h("div", { class: "segmented", role: "radiogroup", "aria-label": t("mappings") },
    [["reviewed", t("statedReviewed")], ["proposed", t("withProposed")]].map(([value, label]) =>
      h("label", {},
        h("input", { type: "radio", name: "include", value, checked: include === value,
                     onchange: () => { include = value; replaceQuery({ include: value === "proposed" ? value : null }); load(); } }),
        h("span", {}, label))));  // prettier-ignore

  fill(view,
    h("div", { class: "page-head" }, h("h1", {}, t("flowTitle")), seriesSelect),
    h("section", { class: "card flow-card" },
      h("div", { class: "graph-controls" }, h("span", { class: "control-label" }, t("mappings")), includeControl),
      status, body, selection,
      h("p", { class: "muted small" }, t("flowHint"))));  // prettier-ignore

  let token = 0;
  async function load() {
    if (!chosen) {  // an "as of" day before every edition, or a graph without editions
      fill(body, h("p", { class: "muted flow-missing" }, t("noEditionThen")));
      return;
    }
    const mine = ++token;
    body.dataset.loading = "true";
    fill(status, t("loading"));
    try {
      const answer = await api.flow(chosen, include);
      if (mine !== token) return;
      fill(selection);
      fill(body, answer.nodes.length
        ? [legend(answer), chart(answer, selection), asList(answer)]
        : h("p", { class: "muted flow-missing" }, t("noFieldVersions")));  // prettier-ignore
      fill(status, summary(answer));
      body.dataset.series = answer.series;
      body.dataset.include = answer.include;
    } catch (err) {
      if (mine !== token) return;
      fill(status);
      fill(body, h("p", { class: err.status === 404 ? "muted flow-missing" : "error" }, err.message));
    } finally {
      if (mine === token) delete body.dataset.loading;
    }
  }
  await load();
}

/** Roadmap names by series key ("roadmap:X" → X); the keys alone if they cannot be had. */
async function roadmapNames() {
  try {
    const { rows } = await api.roadmaps();
    return new Map(rows.map((r) => [idKey(r.id), displayName(r)]));
  } catch {
    return new Map();
  }
}

/** The series with the most editions (the default of #/flow). */
function mostEditions(list) {
  const counts = new Map();
  for (const e of list) counts.set(seriesOf(e.id), (counts.get(seriesOf(e.id)) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function summary(answer) {
  const columns = answer.editions.filter((e) => e.fieldVersions > 0).length;
  const parts = [`${answer.name || answer.series} · ${columns} ${t("editionsCount")} · ` +
    `${answer.nodes.length} ${t("fieldVersions")} · ${answer.edges.length + answer.ends.length} ${t("mappingsCount")}`];  // prettier-ignore
  if (answer.asOf) parts.push(` · ${t("asOfNote", { day: answer.asOf })}`);
  return parts.join("");
}

function boxHeight(node) {
  return Math.max(MIN_H, Math.min(MAX_H, 12 + PER_PRODUCT * (node.productCount ?? 0)));
}

/** Columns, box positions and band slots: a small alluvial layout. */
function layout(answer) {
  const columns = answer.editions.filter((e) => answer.nodes.some((n) => n.edition === e.id));
  const column = new Map(columns.map((e, i) => [e.id, i]));
  const byColumn = columns.map((e) => answer.nodes.filter((n) => n.edition === e.id));
  const mappings = [...answer.edges, ...answer.ends];
  const pos = new Map();
  byColumn.forEach((nodes, c) => {
    if (c > 0) {
      // each box near the boxes it comes from (barycentre); new fields after them
      const centre = (n) => {
        const ys = answer.edges.filter((e) => e.target === n.id && pos.has(e.source))
          .map((e) => pos.get(e.source).y + pos.get(e.source).h / 2);  // prettier-ignore
        return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity;
      };
      const keyed = nodes.map((n, i) => ({ n, key: centre(n), i }));
      keyed.sort((a, b) => a.key - b.key || a.i - b.i);
      nodes.splice(0, nodes.length, ...keyed.map((k) => k.n));
    }
    let y = TOP;
    for (const n of nodes) {
      const hgt = boxHeight(n);
      pos.set(n.id, { x: LEFT + c * COL, y, h: hgt, column: c, node: n });
      y += hgt + GAP;
    }
  });
  // slots: each box's edge is shared by its mappings, in the order of the other ends
  const slots = new Map();
  const other = (m, end) => {
    const id = end === "out" ? m.target : m.source;
    return id && pos.has(id) ? pos.get(id).y : end === "out" ? Infinity : -Infinity;
  };
  for (const [id, p] of pos) {
    const out = mappings.filter((m) => m.source === id && (!m.target || pos.has(m.target)));
    const inc = mappings.filter((m) => m.target === id && (!m.source || pos.has(m.source)));
    out.sort((a, b) => other(a, "out") - other(b, "out"));
    inc.sort((a, b) => other(a, "in") - other(b, "in"));
    out.forEach((m, i) => slots.set(`${m.id}|out`, [p.y + (p.h * i) / out.length, p.y + (p.h * (i + 1)) / out.length]));
    inc.forEach((m, i) => slots.set(`${m.id}|in`, [p.y + (p.h * i) / inc.length, p.y + (p.h * (i + 1)) / inc.length]));
  }  // prettier-ignore
  const height = Math.max(TOP + 60, ...[...pos.values()].map((p) => p.y + p.h)) + 16;
  const width = LEFT + Math.max(1, columns.length - 1) * COL + BOX_W + STUB + 16;
  return { columns, column, pos, slots, mappings, width, height };
}

function band(x0, [a0, b0], x1, [a1, b1]) {
  const xm = (x0 + x1) / 2;
  return `M ${x0} ${a0} C ${xm} ${a0}, ${xm} ${a1}, ${x1} ${a1} ` +
    `L ${x1} ${b1} C ${xm} ${b1}, ${xm} ${b0}, ${x0} ${b0} Z`;  // prettier-ignore
}

function chart(answer, selection) {
  const L = layout(answer);
  const parts = [];
  L.columns.forEach((e, c) => {
    const x = LEFT + c * COL + BOX_W / 2;
    parts.push(svg("text", { x, y: 18, class: "flow-edition", "text-anchor": "middle",
                             "data-edition": e.id }, e.startYear ?? idKey(e.id)),
      svg("text", { x, y: 34, class: "flow-edition-sub", "text-anchor": "middle" },
          `${e.fieldVersions} ${t("fieldVersions")}`));  // prettier-ignore
  });
  const name = (id) => L.pos.get(id)?.node.name ?? idKey(id);
  for (const m of L.mappings) {
    const from = m.source && L.pos.get(m.source);
    const to = m.target && L.pos.get(m.target);
    let d;
    if (from && to) {
      d = band(from.x + BOX_W, L.slots.get(`${m.id}|out`), to.x, L.slots.get(`${m.id}|in`));
    } else if (from) {
      const [a, b] = L.slots.get(`${m.id}|out`);
      const mid = (a + b) / 2;
      d = band(from.x + BOX_W, [a, b], from.x + BOX_W + STUB, [mid - 1.5, mid + 1.5]);
    } else if (to) {
      const [a, b] = L.slots.get(`${m.id}|in`);
      const mid = (a + b) / 2;
      d = band(to.x - STUB, [mid - 1.5, mid + 1.5], to.x, [a, b]);
    } else continue;
    const text = `${m.source ? name(m.source) : "∅"} → ${m.target ? name(m.target) : "∅"}: ` +
      `${changeName(m.change)} · ${t(`basis_${m.basis}`)}` +
      (m.confidence !== null && m.confidence !== undefined ? ` · ${m.confidence.toFixed(2)}` : "");  // prettier-ignore
    const path = svg("path", {
      d, class: `flow ${m.basis === "proposed" ? "proposed" : "firm"}${m.source && m.target ? "" : " end"}`,
      "data-change": m.change, "data-basis": m.basis, "data-mapping": m.id,
      "data-source": m.source ?? "", "data-target": m.target ?? "", tabindex: 0,
    }, svg("title", {}, text));  // prettier-ignore
    const pick = () => {
      for (const p of path.ownerSVGElement.querySelectorAll("path.flow.selected")) p.classList.remove("selected");
      path.classList.add("selected");
      showMapping(selection, m, name);
    };  // prettier-ignore
    path.addEventListener("click", pick);
    path.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), pick()));
    parts.push(path);
  }
  for (const [id, p] of L.pos) {
    const n = p.node;
    const field = n.fields?.[0] ?? n.name ?? id;
    parts.push(svg("a", { href: href("field", field), class: "flow-node", "data-id": id,
                          "data-field": field, "data-edition": n.edition,
                          "aria-label": `${n.name} (${p.node.year ?? ""})` },
      svg("title", {}, `${n.name} · ${n.sector ?? ""} · ${t("products")} ${n.productCount ?? "?"}`),
      svg("rect", { x: p.x, y: p.y, width: BOX_W, height: p.h, rx: 4, class: "flow-box",
                    "data-count": n.productCount ?? "" }),
      svg("text", { x: p.x + 8, y: p.y + Math.min(p.h / 2, 15) + 4, class: "flow-label" },
          shorten(n.name ?? idKey(id), 11)),
      p.h >= 36
        ? svg("text", { x: p.x + 8, y: p.y + 30, class: "flow-count" }, `${n.productCount ?? "?"}`)
        : null));  // prettier-ignore
  }
  return svg("svg", { class: "flow-chart", viewBox: `0 0 ${L.width} ${L.height}`, width: L.width,
                      height: L.height, role: "img", "aria-label": t("flowTitle"),
                      "data-columns": L.columns.length }, parts);  // prettier-ignore
}

function showMapping(selection, m, name) {
  fill(selection,
    h("span", { class: "muted" }, `${t("selected")}: `),
    m.source ? h("a", { href: href("entity", m.source) }, name(m.source)) : "∅", " → ",
    m.target ? h("a", { href: href("entity", m.target) }, name(m.target)) : "∅", " ",
    h("span", { class: `chip change-${m.change}` }, changeName(m.change)), " ",
    h("span", { class: `chip basis-${m.basis}` }, t(`basis_${m.basis}`)),
    m.relation ? h("code", { class: "small" }, ` skos:${m.relation}`) : null,
    m.confidence !== null && m.confidence !== undefined
      ? h("span", { class: "muted small" }, ` ${t("confidence")} ${m.confidence.toFixed(2)}`) : null,
    m.note ? h("span", { class: "muted small" }, ` ${m.note}`) : null);  // prettier-ignore
}

function legend(answer) {
  const kinds = [...new Set([...answer.edges, ...answer.ends].map((m) => m.change))];
  const bases = [...new Set([...answer.edges, ...answer.ends].map((m) => m.basis))];
  return h("div", { class: "flow-legend" },
    kinds.map((k) => h("span", { class: "legend-item", "data-change": k },
      h("span", { class: "swatch", "data-change": k }), changeName(k))),
    bases.map((b) => h("span", { class: "legend-item", "data-basis": b },
      h("span", { class: `swatch-line ${b === "proposed" ? "proposed" : "firm"}` }), t(`basis_${b}`))));  // prettier-ignore
}

/** The chart's mappings as a table (keyboards, screen readers, tests). */
function asList(answer) {
  const name = new Map(answer.nodes.map((n) => [n.id, n.name]));
  const year = new Map(answer.nodes.map((n) => [n.id, n.year]));
  const label = (id) => (id ? `${name.get(id) ?? idKey(id)} (${year.get(id) ?? ""})` : "∅");
  const head = ["before", "after", "change", "basis", "confidence"];
  return h("details", { class: "graph-as-list flow-as-list" },
    h("summary", {}, t("graphAsList")),
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, head.map((k) => h("th", {}, t(k))))),
      h("tbody", {}, [...answer.edges, ...answer.ends].map((m) =>
        h("tr", { "data-mapping": m.id, "data-change": m.change, "data-basis": m.basis },
          h("td", {}, label(m.source)), h("td", {}, label(m.target)),
          h("td", {}, changeName(m.change)), h("td", {}, t(`basis_${m.basis}`)),
          h("td", { class: "num" }, m.confidence?.toFixed(2) ?? ""))))));  // prettier-ignore
}

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
