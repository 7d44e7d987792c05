// The interactive lineage graph (GET /lineage/{id}), drawn with Cytoscape.js (vendored in
// /static/vendor): built-in layouts only. Clicking a node expands it by one hop with the
// same direction and relationship types; clicking a relationship asks for its evidence.
// A fan-out wider than the walk's limit arrives as a group ("2,314 특허"): one box that
// opens as a table of its members (onGroup) instead of 2,314 dots.

import { api } from "./api.js";
import { fill, h, idKey } from "./dom.js";
import { className, displayName, mainLabel, relName, t } from "./i18n.js";
import { href } from "./router.js";

const COLORS = {
  StrategicField: "#1d4ed8", FieldVersion: "#60a5fa", StrategicProduct: "#15803d",
  CoreTechnology: "#65a30d", Patent: "#b91c1c", TechnologyClass: "#be185d",
  RoadmapEdition: "#7c3aed", Roadmap: "#6d28d9", Programme: "#ea580c", Funding: "#d97706",
  Sector: "#0e7490", Organization: "#475569", Policy: "#0f766e", SourceDocument: "#334155",
  PublicConsultation: "#a16207", Theme: "#4d7c0f", StatedFigure: "#78716c",
};  // prettier-ignore
/** Breadth-first rows read well for small graphs; rings by hop count scale further. */
const BREADTHFIRST_MAX = 40;

const STYLE = [
  { selector: "node", style: {
      "background-color": "data(color)", label: "data(label)", "font-size": 11,
      "text-valign": "bottom", "text-margin-y": 4, width: 20, height: 20, color: "#1e293b",
      "text-wrap": "ellipsis", "text-max-width": 130, "text-background-color": "#fff",
      "text-background-opacity": 0.85, "text-background-padding": 2 } },
  { selector: "node.group", style: {
      shape: "round-rectangle", width: 78, height: 28, "background-opacity": 0.18,
      "border-width": 2, "border-color": "data(color)", "border-style": "dashed",
      "text-valign": "center", "text-margin-y": 0, "font-weight": 600 } },
  { selector: "node.start", style: { width: 32, height: 32, "border-width": 3, "border-color": "#0f172a" } },
  { selector: "node.expanded", style: { "border-width": 2, "border-color": "#64748b", "border-style": "double" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#e11d48" } },
  { selector: "edge", style: {
      width: 1.5, "line-color": "#94a3b8", "target-arrow-color": "#94a3b8",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
      "font-size": 9, color: "#475569", "text-rotation": "autorotate",
      "text-background-color": "#fff", "text-background-opacity": 0.85,
      "text-background-padding": 1 } },
  { selector: "edge:selected", style: { "line-color": "#e11d48", "target-arrow-color": "#e11d48", width: 3 } },
];  // prettier-ignore

export class LineageGraph {
  /**
   * @param {object} o
   * @param {HTMLElement} o.container where Cytoscape draws
   * @param {HTMLElement} o.status one line: counts, truncation, errors
   * @param {HTMLElement} o.list the graph as an accessible list
   * @param {string} o.start the entity the walk starts from
   * @param {(node: object) => void} o.onNode called with the node's data on click
   * @param {(edge: object) => void} o.onEdge called with the edge's data on click
   * @param {(group: object) => void} o.onGroup called with a group's data on click
   */
  constructor({ container, status, list, start, onNode, onEdge, onGroup }) {
    Object.assign(this, { container, status, list, start, onNode, onEdge, onGroup });
    this.params = { direction: "both", depth: 2, types: null, limit: null };
    this.truncated = false;
    this.cy = window.cytoscape({
      container, style: STYLE, minZoom: 0.2, maxZoom: 3,
      boxSelectionEnabled: false,
    });  // prettier-ignore
    this.cy.on("tap", "node", (e) => this.tapNode(e.target));
    this.cy.on("tap", "edge", (e) => {
      const groupId = e.target.data("groupId");
      if (groupId) this.onGroup?.(this.cy.getElementById(groupId).data());
      else this.onEdge?.(this.edgeView(e.target));
    });
    window.stkgExplorer = { graph: this.cy, lineage: this };
  }

  /** (Re)load the whole walk from the start node with `params`. */
  async load(params = {}) {
    Object.assign(this.params, params);
    fill(this.status, t("loading"));
    const token = (this.token = (this.token || 0) + 1);
    this.container.dataset.loading = "true";
    try {
      const body = await api.lineage(this.start, this.requestParams(this.params.depth));
      if (token !== this.token) return; // a newer load is under way
      this.truncated = body.truncated;
      this.cy.elements().remove();
      this.merge(body, 0);
      this.cy.getElementById(this.start).addClass("start");
      this.layout();
    } catch (err) {
      if (token === this.token) fill(this.status, h("span", { class: "error" }, err.message));
    } finally {
      if (token === this.token) delete this.container.dataset.loading;
    }
  }

  /** One more hop from `id`, merged into what is drawn. */
  async expand(id) {
    const node = this.cy.getElementById(id);
    if (node.empty() || node.hasClass("expanded")) return;
    node.addClass("expanded");
    const token = this.token;
    this.container.dataset.loading = "true";
    try {
      const body = await api.lineage(id, this.requestParams(1));
      if (token !== this.token) return; // the graph was reloaded meanwhile
      this.truncated ||= body.truncated;
      if (this.merge(body, node.data("degree"))) this.layout();
      else this.describe();
    } catch (err) {
      fill(this.status, h("span", { class: "error" }, err.message));
    } finally {
      if (token === this.token) delete this.container.dataset.loading;
    }
  }

  requestParams(depth) {
    const { direction, types, limit } = this.params;
    return { direction, depth, limit, types: types === null ? null : types.join(",") };
  }

  /** Add nodes and edges not yet drawn; returns how many elements were new. */
  merge(body, baseDegree) {
    const added = [];
    for (const node of body.nodes) {
      if (!this.cy.getElementById(node.id).empty()) continue;
      const cls = mainLabel(node.labels);
      // only the names: a stored property called "parent" or "source" means something to Cytoscape
      const { name = null, nameEn = null, title = null } = node.properties;
      const data = { id: node.id, name: name ?? title, nameEn, cls, degree: baseDegree + node.degree };
      data.label = shorten(displayName(data));
      data.color = COLORS[cls] || "#94a3b8";
      added.push({ group: "nodes", data });
    }
    for (const edge of body.edges) {
      if (!this.cy.getElementById(`e:${edge.id}`).empty()) continue;
      added.push({ group: "edges", data: { id: `e:${edge.id}`, source: edge.source,
        target: edge.target, type: edge.type, label: relName(edge.type) } });  // prettier-ignore
    }
    for (const group of body.groups ?? []) {
      if (!this.cy.getElementById(group.id).empty()) continue;
      const data = { ...group, memberCls: group.label, cls: "group",
                     degree: baseDegree + group.degree, color: COLORS[group.label] || "#94a3b8" };
      data.label = groupLabel(data);
      const [source, target] = group.direction === "out" ? [group.origin, group.id] : [group.id, group.origin];
      added.push({ group: "nodes", data, classes: "group" },
                 { group: "edges", classes: "group-edge", data: { id: `e:${group.id}`, source, target,
                                           type: group.type, label: relName(group.type), groupId: group.id } });
    }  // prettier-ignore
    this.cy.add(added);
    return added.length;
  }

  layout() {
    const n = this.cy.nodes().length;
    // Lay out in screen-sized model space: by default the layouts fill the current
    // viewport's extent, which after zooming in on a small graph crowds a bigger one.
    const boundingBox = { x1: 0, y1: 0, w: this.container.clientWidth || 800,
                          h: this.container.clientHeight || 460 };
    const options =
      n <= BREADTHFIRST_MAX
        ? { name: "breadthfirst", roots: this.cy.getElementById(this.start), directed: false,
            spacingFactor: 1.1, padding: 24, animate: false, boundingBox }
        : { name: "concentric", concentric: (node) => 100 - node.data("degree"),
            levelWidth: () => 1, minNodeSpacing: 14, padding: 24, animate: false, boundingBox };
    this.cy.layout(options).run();
    this.cy.fit(undefined, 24);
    this.describe();
  }  // prettier-ignore

  tapNode(node) {
    if (node.hasClass("group")) {
      this.onGroup?.(node.data());
      return;
    }
    this.onNode?.(node.data());
    this.expand(node.id());
  }

  edgeView(edge) {
    const name = (id) => this.cy.getElementById(id).data("label") || idKey(id);
    return { ...edge.data(), sourceName: name(edge.data("source")),
             targetName: name(edge.data("target")) };  // prettier-ignore
  }

  /** The status line and the list twin of the drawing (for keyboards, readers and tests). */
  describe() {
    const nodes = this.cy.nodes();
    const edges = this.cy.edges();
    const groups = nodes.filter(".group");
    this.container.dataset.nodes = nodes.length;
    this.container.dataset.edges = edges.length;
    fill(
      this.status,
      `${nodes.length - groups.length} ${t("nodes")} · ${edges.not(".group-edge").length} ${t("edges")}`,
      groups.length ? ` · ${groups.length} ${t("groups")}` : null,
      this.truncated ? h("span", { class: "warn" }, ` · ${t("truncated")}`) : null,
    );
    const groupItems = groups.map((g) =>
      h("li", { "data-group-id": g.id(), "data-count": g.data("count"), "data-degree": g.data("degree") },
        h("button", { type: "button", class: "linkish", onclick: () => this.onGroup?.(g.data()) },
          g.data("label")),
        h("span", { class: "muted small" }, ` ${relName(g.data("type"))} · ${t("depth")} ${g.data("degree")}`)));
    const nodeItems = nodes.not(".group").sort((a, b) => a.data("degree") - b.data("degree")).map((n) =>
      h("li", { "data-node-id": n.id(), "data-degree": n.data("degree") },
        h("a", { href: href("entity", n.id()) }, displayName(n.data())),
        " ", h("span", { class: "chip" }, className(n.data("cls"))),
        h("span", { class: "muted small" }, ` ${t("depth")} ${n.data("degree")}`)));
    const edgeItems = edges.not(".group-edge").map((e) => {
      const v = this.edgeView(e);
      return h("li", { "data-edge-type": v.type, "data-source": v.source, "data-target": v.target },
        h("button", { type: "button", class: "linkish", onclick: () => this.onEdge?.(v) },
          `${v.sourceName} —${v.label}→ ${v.targetName}`));
    });  // prettier-ignore
    fill(this.list, groupItems.length ? h("ul", { class: "graph-groups" }, groupItems) : null,
         h("ul", { class: "graph-nodes" }, nodeItems),
         h("ul", { class: "graph-edges" }, edgeItems));  // prettier-ignore
  }

  /** Re-label after a language switch without reloading. */
  relabel() {
    this.cy.nodes().not(".group").forEach((n) => n.data("label", shorten(displayName(n.data()))));
    this.cy.nodes(".group").forEach((n) => n.data("label", groupLabel(n.data())));
    this.cy.edges().forEach((e) => e.data("label", relName(e.data("type"))));
    this.describe();
  }

  destroy() {
    this.cy.destroy();
    if (window.stkgExplorer?.graph === this.cy) delete window.stkgExplorer;
  }
}

/** "2,314 특허" / "2,314 × Patent": the count and the members' class. */
export function groupLabel({ count, memberCls }) {
  return t("groupOf", { count: count.toLocaleString(), cls: memberCls ? className(memberCls) : t("neighbours") });
}

function shorten(text, max = 22) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
