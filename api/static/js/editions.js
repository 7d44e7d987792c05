// Roadmap editions (GET /classes/RoadmapEdition/entities), loaded once and shared by the
// views that pick an edition: the home page, the programme matrix, the edition diff and
// the flow view. With an "as of" day, only the editions in force by then (`started` in the
// named query `editions`), each marked `inForce` when it was the one of its series in
// force that day.

import { api } from "./api.js";
import { asOf } from "./asof.js";
import { h } from "./dom.js";
import { displayName } from "./i18n.js";

const cached = new Map();

/** Editions ordered by id (roadmap, then year), as the graph stood on the "as of" day. */
export function editions() {
  const day = asOf();
  if (!cached.has(day)) {
    const all = api.editions().then((body) => body.rows);
    const load = day
      ? Promise.all([all, api.editionsInForce(day)]).then(([rows, dated]) => {
          const then = new Map(dated.rows.map((r) => [r.edition, r]));
          return rows.filter((e) => then.get(e.id)?.started)
            .map((e) => ({ ...e, inForce: then.get(e.id).inForce }));
        })  // prettier-ignore
      : all;
    cached.set(day, load.catch((err) => {
      cached.delete(day);
      throw err;
    }));  // prettier-ignore
  }
  return cached.get(day);
}

/** The roadmap series an edition id belongs to ("edition:X@2021" → "X"). */
export function seriesOf(id) {
  return id.replace(/^edition:/, "").split("@")[0];
}

/** The edition that follows `id` in the same roadmap, if any. */
export function nextEdition(list, id) {
  const same = list.filter((e) => seriesOf(e.id) === seriesOf(id));
  const i = same.findIndex((e) => e.id === id);
  return i >= 0 ? same[i + 1] ?? null : null;
}

/** A <select> of editions with `selected` chosen. */
export function editionSelect(list, selected, onChange, label) {
  return h("select", { "aria-label": label, onchange: (e) => onChange(e.target.value) },
    list.map((e) => h("option", { value: e.id, selected: e.id === selected }, displayName(e))));  // prettier-ignore
}
