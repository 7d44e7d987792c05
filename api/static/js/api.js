// Fetching from the REST API: one place that turns problem+json answers into errors, and
// that sends the "as of" day (asof.js) to every endpoint that takes it.

import { asOf } from "./asof.js";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** GET a JSON answer; `params` skips null/undefined values; `signal` cancels. */
export async function getJSON(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** A path segment for an id: ids may hold Hangul, "@", "&" or "/". */
export function seg(id) {
  return encodeURIComponent(id).replace(/%3A/gi, ":").replace(/%40/g, "@");
}

export const api = {
  search: (q, opts) => getJSON("/search", { q, limit: 12, as_of: asOf() }, opts),
  entity: (id, lang) => getJSON(`/entities/${seg(id)}`, { lang, as_of: asOf() }),
  entityProgrammes: (id) => getJSON(`/entities/${seg(id)}/programmes`, { as_of: asOf() }),
  lineage: (id, { direction, depth, types, limit }) =>
    getJSON(`/lineage/${seg(id)}`, { direction, depth, types, limit, as_of: asOf() }),
  neighbours: (id, { type, direction, after }) =>
    getJSON(`/entities/${seg(id)}/neighbours`, { type, direction, after, _size: 100 }),
  history: (field) => getJSON(`/fields/${seg(field)}/history`, { as_of: asOf() }),
  fieldIndicators: (field, { period, edition, min_score }) =>
    getJSON(`/fields/${seg(field)}/indicators`, { period, edition, min_score }),
  flow: (series, include) => getJSON(`/roadmaps/${seg(series)}/flow`, { include, as_of: asOf() }),
  diff: (from, to) => getJSON("/editions/diff", { from, to, as_of: asOf() }),
  programmeLinks: (edition) => getJSON("/programmes/links", { edition, as_of: asOf() }),
  editions: () => getJSON("/classes/RoadmapEdition/entities", { _size: 200 }),
  roadmaps: () => getJSON("/classes/Roadmap/entities", { _size: 200 }),
  editionsInForce: (day) => getJSON("/queries/editions", { as_of: day, _size: 1000 }),
  nodeProvenance: (id) => getJSON(`/provenance/${seg(id)}`),
  relProvenance: (start, type, end) => getJSON("/provenance/relationship", { start, type, end }),
  context: (doc, start, end, window = 160) =>
    getJSON(`/documents/${seg(doc)}/context`, { start, end, window }),
  terms: () => getJSON("/ontology/terms"),
  classifierChecks: (technology) => getJSON("/queries/classifier-evaluations", { technology }),
};
