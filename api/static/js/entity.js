// The entity view (#/entity/<id>): names, labels, properties, neighbours, programmes,
// the lineage graph with its controls, the field history for fields, and provenance.

import { api } from "./api.js";
import { asOf } from "./asof.js";
import { fill, h, idKey } from "./dom.js";
import { graphControls, MAX_DEPTH, MAX_LIMIT } from "./controls.js";
import { seriesOf } from "./editions.js";
import { LineageGraph } from "./graph.js";
import { className, displayName, getLang, mainLabel, money, relName, t } from "./i18n.js";
import { ProvenancePanel } from "./provenance.js";
import { href, replaceQuery } from "./router.js";
import { MembersTable } from "./members.js";
import { historyCard } from "./timeline.js";

/** Render into `view`; returns a cleanup function for when the view changes. */
export async function renderEntityPage(view, args, query) {
  const id = args.join("/");
  fill(view, h("p", { class: "muted" }, t("loading")));
  let entity;
  try {
    entity = await api.entity(id, getLang());
  } catch (err) {
    fill(view, h("h1", {}, t(err.status === 404 ? "notFound" : "error")), h("p", { class: "error" }, err.message));
    return null;
  }
  const name = displayName({ name: entity.names.ko, nameEn: entity.names.en, id: entity.id });
  const cls = mainLabel(entity.labels);
  const provenance = h("div", { class: "provenance-body" });
  const panel = new ProvenancePanel(provenance);
  const selection = h("div", { class: "selection", "aria-live": "polite" });
  const status = h("div", { class: "graph-status muted small" });
  const list = h("div", { class: "graph-list" });
  const canvas = h("div", { class: "graph", id: "graph", role: "img", "aria-label": t("lineage") });
  const membersBox = h("div", { class: "members-panel", hidden: true, "aria-live": "polite" });
  const members = new MembersTable(membersBox);
  const params = graphParams(query);

  fill(view,
    header(entity, name, cls),
    h("div", { class: "entity-grid" },
      h("div", { class: "col-main" },
        h("section", { class: "card graph-card" },
          h("h2", {}, t("lineage")),
          graphControls(params, (changed) => {
            Object.assign(params, changed);
            replaceQuery({ direction: params.direction, depth: params.depth, limit: params.limit,
                           types: params.types?.join(",") });
            members.close();
            graph.load(params);
          }),
          canvas, selection, status, membersBox,
          h("details", { class: "graph-as-list" }, h("summary", {}, t("graphAsList")), list),
          h("p", { class: "muted small" }, t("graphHint"))),
        cls === "StrategicField" ? historyCard(entity.id) : null),
      h("aside", { class: "col-side" },
        h("section", { class: "card provenance", id: "provenance" },
          h("h2", {}, t("provenance")), provenance),
        propertiesCard(entity),
        ["CoreTechnology", "TechnologyClass"].includes(cls) ? classifierCard(entity.id) : null,
        programmesCard(entity.id),
        neighboursCard(entity))));  // prettier-ignore

  const showOwn = () => panel.showNode(entity.id, name);
  const graph = new LineageGraph({
    container: canvas, status, list, start: entity.id,
    onNode: (node) => select(selection, node, panel),
    onEdge: (edge) => {
      fill(selection, h("span", { class: "muted" }, `${t("selected")}: `), `${edge.sourceName} —${edge.label}→ ${edge.targetName}`);
      panel.showRelationship(edge, edge.sourceName, edge.targetName);
    },
    onGroup: (group) => members.open(group),
  });  // prettier-ignore
  showOwn();
  graph.load(params);
  return () => graph.destroy();
}

function graphParams(query) {
  const direction = ["up", "down", "both"].includes(query.get("direction")) ? query.get("direction") : "both";
  const depth = Math.min(MAX_DEPTH, Math.max(1, Number(query.get("depth")) || 2));
  const types = query.get("types") ? query.get("types").split(",").filter(Boolean) : null;
  const limit = query.get("limit") ? Math.min(MAX_LIMIT, Math.max(1, Number(query.get("limit")) || 1)) : null;
  return { direction, depth, types, limit };
}

function header(entity, name, cls) {
  const links = [];
  if (cls === "StrategicField") {
    links.push(h("a", { href: href("field", entity.id) }, t("history")));
    links.push(h("a", { href: href("indicators", entity.id), class: "indicators-link" }, t("indicators")));
  }
  if (cls === "FieldVersion") {
    const field = entity.neighbours.find((n) => n.type === "VERSION_OF" && n.direction === "out");
    if (field) links.push(h("a", { href: href("field", field.id) }, t("history")));
  }
  if (cls === "RoadmapEdition") {
    links.push(h("a", { href: href("programmes", entity.id) }, t("programmeLinks")));
    links.push(h("a", { href: href("flow", seriesOf(entity.id)), class: "flow-link" }, t("flow")));
  }
  if (cls === "Roadmap") links.push(h("a", { href: href("flow", idKey(entity.id)), class: "flow-link" }, t("flow")));
  if (cls === "FieldVersion") {
    const edition = entity.neighbours.find((n) => n.type === "HAS_FIELD_VERSION" && n.direction === "in");
    if (edition) links.push(h("a", { href: href("flow", seriesOf(edition.id)), class: "flow-link" }, t("flow")));
  }
  return h("div", { class: "page-head" },
    h("h1", {}, name),
    nameInUse(entity),
    h("div", { class: "head-meta" },
      entity.labels.filter((l) => l !== "Entity").map((l) => h("span", { class: "chip" }, className(l))),
      h("code", { class: "entity-id" }, entity.id),
      links));  // prettier-ignore
}

function select(selection, node, panel) {
  const name = displayName(node);
  fill(selection,
    h("span", { class: "muted" }, `${t("selected")}: `),
    h("strong", {}, name), " ", h("span", { class: "chip" }, className(node.cls)), " ",
    h("a", { href: href("entity", node.id), class: "button" }, t("open")), " ",
    h("button", { type: "button", onclick: () => panel.showNode(node.id, name) }, t("provenance")));  // prettier-ignore
}

function propertiesCard(entity) {
  const rows = Object.entries(entity.properties)
    .filter(([key]) => key !== "id")
    .sort(([a], [b]) => a.localeCompare(b));
  return h("section", { class: "card" }, h("h2", {}, t("properties")),
    h("table", { class: "props" }, h("tbody", {}, rows.map(([key, value]) =>
      h("tr", {}, h("th", {}, key), h("td", {}, format(value)))))));  // prettier-ignore
}

function format(value) {
  if (Array.isArray(value)) return value.join(", ");
  if (value && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function programmesCard(id) {
  const body = h("div", {}, t("loading"));
  const card = h("section", { class: "card programmes-card" }, h("h2", {}, t("programmeLinks")), body);
  api.entityProgrammes(id).then(
    ({ rows }) => {
      if (!rows.length) {
        card.hidden = true;
        return;
      }
      fill(body, h("ul", { class: "plain" }, rows.map((r) =>
        h("li", { "data-programme": r.programme },
          h("a", { href: href("entity", r.programme) }, displayName({ name: r.programmeName, nameEn: r.programmeNameEn, id: r.programme })),
          r.amountKrw ? h("span", { class: "money" }, ` ${money(r.amountKrw)} (${r.year ?? ""})`) : null,
          r.via !== id ? h("span", { class: "muted small" }, ` ${t("via")} `, h("a", { href: href("entity", r.via) }, idKey(r.via))) : null))));  // prettier-ignore
    },
    () => (card.hidden = true),
  );
  return card;
}

/** Precision and recall of the technology's search expression, as a person judged a
 * sample (`stkg patents judge`); hidden when it was never checked. */
function classifierCard(id) {
  const body = h("div", {}, t("loading"));
  const card = h("section", { class: "card classifier-card" }, h("h2", {}, t("classifierChecks")), body);
  const share = (v) => (v === null || v === undefined ? "–" : `${(100 * v).toFixed(1)}%`);
  api.classifierChecks(id).then(
    ({ rows }) => {
      if (!rows.length) {
        card.hidden = true;
        return;
      }
      fill(body, h("ul", { class: "plain" }, rows.map((r) =>
        h("li", { "data-run": r.run },
          `${t("precision")} ${share(r.precision)} · ${t("recall")} ${share(r.recall)} `,
          h("span", { class: "muted small" },
            `(${t("judged")} ${r.judgedMatches} + ${r.judgedNonMatches}, ${idKey(r.run)}${r.latest ? "" : `, ${t("olderRun")}`})`)))));  // prettier-ignore
    },
    () => (card.hidden = true),
  );
  return card;
}

/** An organisation's name on the "as of" day (or today) when another body of its line of
 * succession held it then (`nameInUse`, GET /entities/{id}); nothing otherwise. */
function nameInUse(node) {
  const used = node.nameInUse;
  if (!used || used.id === node.id) return null;
  const text = t(asOf() ? "nameThen" : "nameNow", { name: displayName(used) });
  return h("a", { class: "name-in-use muted small", href: href("entity", used.id),
                  "data-name-in-use": used.id }, text);  // prettier-ignore
}

function neighboursCard(entity) {
  const groups = new Map();
  for (const n of entity.neighbours) {
    const key = `${n.direction === "out" ? "→" : "←"} ${relName(n.type)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(n);
  }
  return h("section", { class: "card neighbours" }, h("h2", {}, t("neighbours")),
    [...groups].map(([key, items]) => h("div", { class: "neighbour-group" },
      h("h3", {}, key, h("span", { class: "muted small" }, ` (${items.length})`)),
      h("ul", { class: "plain" }, items.map((n) => h("li", {},
        h("a", { href: href("entity", n.id) }, n.name || n.id), " ",
        nameInUse(n), " ",
        h("span", { class: "chip" }, className(mainLabel(n.labels)))))))),
    entity.neighbours_truncated ? h("p", { class: "warn" }, t("truncated")) : null);  // prettier-ignore
}
