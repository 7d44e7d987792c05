// Fetching from the REST API: one place that turns problem+json answers into errors.

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
  search: (q, opts) => getJSON("/search", { q, limit: 12 }, opts),
  entity: (id, lang) => getJSON(`/entities/${seg(id)}`, { lang }),
  entityProgrammes: (id) => getJSON(`/entities/${seg(id)}/programmes`),
  lineage: (id, { direction, depth, types, limit }) =>
    getJSON(`/lineage/${seg(id)}`, { direction, depth, types, limit }),
  history: (field) => getJSON(`/fields/${seg(field)}/history`),
  diff: (from, to) => getJSON("/editions/diff", { from, to }),
  programmeLinks: (edition) => getJSON("/programmes/links", { edition }),
  editions: () => getJSON("/classes/RoadmapEdition/entities", { _size: 200 }),
  nodeProvenance: (id) => getJSON(`/provenance/${seg(id)}`),
  relProvenance: (start, type, end) => getJSON("/provenance/relationship", { start, type, end }),
  context: (doc, start, end, window = 160) =>
    getJSON(`/documents/${seg(doc)}/context`, { start, end, window }),
  terms: () => getJSON("/ontology/terms"),
  classifierChecks: (technology) => getJSON("/queries/classifier-evaluations", { technology }),
};
