// The lineage graph's controls: direction (up/down/both), depth (1–6), the widest fan-out
// drawn node by node (a wider one is one group) and which relationship types to follow
// (the ontology's lineage types; at least one stays on).

import { h } from "./dom.js";
import { lineageTypes, relName, t } from "./i18n.js";

export const MAX_DEPTH = 6;
/** The API's bounds and default for `limit` (GET /lineage/{id}). */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/**
 * @param {{direction: string, depth: number, limit: number | null, types: string[] | null}} params initial values
 * @param {(params: object) => void} onChange called with the changed values
 */
export function graphControls(params, onChange) {
  const direction = h(
    "div",
    { class: "segmented", role: "radiogroup", "aria-label": t("direction") },
    ["up", "down", "both"].map((value) =>
      h("label", {},
        h("input", { type: "radio", name: "direction", value, checked: params.direction === value,
                     onchange: () => onChange({ direction: value }) }),
        h("span", {}, t(value)))),
  );  // prettier-ignore

  const depth = h("input", {
    type: "number", min: 1, max: MAX_DEPTH, value: params.depth, id: "depth", class: "depth",
    onchange: (e) => {
      const value = Math.min(MAX_DEPTH, Math.max(1, Number(e.target.value) || 1));
      e.target.value = value;
      onChange({ depth: value });
    },
  });  // prettier-ignore

  const limit = h("input", {
    type: "number", min: 1, max: MAX_LIMIT, value: params.limit ?? DEFAULT_LIMIT, id: "limit",
    class: "limit", onchange: (e) => {
      const value = Math.min(MAX_LIMIT, Math.max(1, Number(e.target.value) || DEFAULT_LIMIT));
      e.target.value = value;
      onChange({ limit: value });
    },
  });  // prettier-ignore

  const all = lineageTypes();
  const chosen = new Set(params.types ?? all);
  const boxes = all.map((type) =>
    h("label", { class: "type-option" },
      h("input", { type: "checkbox", value: type, checked: chosen.has(type),
                   onchange: (e) => toggle(type, e.target) }),
      h("span", {}, relName(type)), " ", h("code", { class: "small muted" }, type)));  // prettier-ignore
  const summary = h("summary", {}, typesSummary(chosen, all));

  function toggle(type, box) {
    if (box.checked) chosen.add(type);
    else if (chosen.size > 1) chosen.delete(type);
    else box.checked = true; // a walk needs at least one relationship type
    summary.textContent = typesSummary(chosen, all);
    onChange({ types: chosen.size === all.length ? null : [...chosen] });
  }

  function selectAll() {
    for (const type of all) chosen.add(type);
    for (const box of boxes) box.querySelector("input").checked = true;
    summary.textContent = typesSummary(chosen, all);
    onChange({ types: null });
  }

  const types = h("details", { class: "types" }, summary,
    h("div", { class: "type-actions" },
      h("button", { type: "button", onclick: selectAll }, t("allTypes"))),
    h("div", { class: "type-list" }, boxes));  // prettier-ignore

  return h("div", { class: "graph-controls" },
    h("span", { class: "control-label" }, t("direction")), direction,
    h("label", { class: "control-label", for: "depth" }, t("depth")), depth,
    h("label", { class: "control-label", for: "limit" }, t("groupOver")), limit,
    types);  // prettier-ignore
}

function typesSummary(chosen, all) {
  const count = chosen.size === all.length ? t("allTypes") : `${chosen.size}/${all.length}`;
  return `${t("relTypes")}: ${count}`;
}
