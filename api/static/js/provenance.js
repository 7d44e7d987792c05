// The provenance panel: for a node or a relationship, each piece of evidence with its
// source document and the quoted span highlighted in the document's own text
// (GET /provenance/…, then GET /documents/{id}/context for the text around the span).

import { api } from "./api.js";
import { baseName, fill, h } from "./dom.js";
import { relName, t } from "./i18n.js";

/** Contexts fetched per panel: a node backed by hundreds of cells stays responsive. */
const MAX_CONTEXTS = 25;
const WINDOW = 120;

export class ProvenancePanel {
  constructor(el) {
    this.el = el;
    this.token = 0;
    fill(el, h("p", { class: "muted" }, t("provenanceHint")));
  }

  showNode(id, title) {
    return this.show(title || id, () => api.nodeProvenance(id), { kind: "node", id });
  }

  showRelationship(edge, sourceName, targetName) {
    const heading = `${sourceName} —${relName(edge.type)}→ ${targetName}`;
    const load = () => api.relProvenance(edge.source, edge.type, edge.target);
    return this.show(heading, load, { kind: "relationship", type: edge.type });
  }

  async show(heading, load, target) {
    const token = ++this.token;
    this.el.dataset.target = target.kind;
    const list = h("div", { class: "evidence-list", "aria-busy": "true" }, t("loading"));
    fill(this.el, h("h3", { class: "prov-heading" }, heading), list);
    let rows;
    try {
      rows = (await load()).rows;
    } catch (err) {
      if (token === this.token) fill(list, h("p", { class: "error" }, err.message));
      return;
    }
    if (token !== this.token) return;
    list.removeAttribute("aria-busy");
    if (!rows.length) {
      fill(list, h("p", { class: "muted" }, t("noEvidence")));
      return;
    }
    fill(list, rows.map((row, i) => evidenceCard(row, i < MAX_CONTEXTS)));
  }
}

function evidenceCard(row, withContext) {
  const where = [];
  if (row.page !== null && row.page !== undefined) {
    where.push(t("page", { page: row.page }));
  }
  if (row.tableId !== null && row.tableId !== undefined) {
    where.push(t("tableCell", { table: row.tableId, row: row.tableRow, column: row.tableColumn }));
  }
  if (row.spanStart !== null && row.spanStart !== undefined) {
    where.push(t("span", { start: row.spanStart, end: row.spanEnd }));
  }
  const quote = h("blockquote", { class: "context" }, h("mark", {}, row.quote ?? ""));
  const card = h(
    "article",
    { class: "evidence", "data-document": row.document, "data-origin": baseName(row.origin),
      "data-evidence": row.evidence },
    h("header", {},
      h("span", { class: "doc-title", title: row.title || "" }, row.title || row.document),
      h("code", { class: "doc-origin" }, baseName(row.origin))),
    h("div", { class: "where muted small" }, where.join(" · ")),
    quote,
  );  // prettier-ignore
  if (withContext && row.spanStart !== null && row.spanStart !== undefined) {
    loadContext(row, quote, card);
  }
  return card;
}

async function loadContext(row, quote, card) {
  try {
    const ctx = await api.context(row.document, row.spanStart, row.spanEnd, WINDOW);
    fill(
      quote,
      ctx.contextStart > 0 ? "…" : "",
      ctx.before,
      h("mark", {}, ctx.quote),
      ctx.after,
      ctx.contextEnd < ctx.textLength ? "…" : "",
    );
    card.dataset.context = "document";
    // long contexts scroll: bring the highlighted span to the middle of the box
    const mark = quote.querySelector("mark");
    quote.scrollTop = Math.max(0, mark.offsetTop - quote.offsetTop - quote.clientHeight / 3);
  } catch {
    card.dataset.context = "quote";
    card.append(h("p", { class: "muted small" }, t("textUnavailable")));
  }
}
