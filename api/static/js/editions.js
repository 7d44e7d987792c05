// Roadmap editions (GET /classes/RoadmapEdition/entities), loaded once and shared by the
// views that pick an edition: the home page, the programme matrix and the edition diff.

import { api } from "./api.js";
import { h } from "./dom.js";
import { displayName } from "./i18n.js";

let cached = null;

/** Editions ordered by id (roadmap, then year). */
export function editions() {
  cached ??= api.editions().then((body) => body.rows).catch((err) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** The edition that follows `id` in the same roadmap, if any. */
export function nextEdition(list, id) {
  const roadmap = (e) => e.id.split("@")[0];
  const same = list.filter((e) => roadmap(e) === roadmap({ id }));
  const i = same.findIndex((e) => e.id === id);
  return i >= 0 ? same[i + 1] ?? null : null;
}

/** A <select> of editions with `selected` chosen. */
export function editionSelect(list, selected, onChange, label) {
  return h("select", { "aria-label": label, onchange: (e) => onChange(e.target.value) },
    list.map((e) => h("option", { value: e.id, selected: e.id === selected }, displayName(e))));  // prettier-ignore
}
