// Hash routes, so every view is a deep link that works from a static page:
//   #/entity/<id>?direction=up&depth=3&types=A,B   #/field/<id or name>
//   #/diff/<from>/<to>   #/programmes/<edition>   #/flow/<series>?include=proposed
//   #/indicators/<field id or name>?period=2015-2024&min_score=0.5
//   #/ (home); any of them with ?as_of=YYYY-MM-DD (see asof.js)

import { seg } from "./api.js";
import { asOf } from "./asof.js";

/** {view, args, query} of the current (or given) hash. */
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, queryString = ""] = raw.split("?");
  const parts = path.split("/").map((p) => safeDecode(p));
  const view = parts.shift() || "home";
  return { view, args: parts, query: new URLSearchParams(queryString) };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A hash link for a view: href("entity", "field:드론") → "#/entity/field:드론", with the
 * "as of" day when one is set. */
export function href(view, ...args) {
  const path = [view, ...args.map((a) => seg(a))].join("/");
  const day = asOf();
  return day ? `#/${path}?as_of=${day}` : `#/${path}`;
}

/** Change the query of the current hash without re-rendering (a shareable deep link). */
export function replaceQuery(params) {
  const { query } = parseHash();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") query.delete(key);
    else query.set(key, value);
  }
  const base = location.hash.split("?")[0] || "#/";
  const qs = query.toString();
  history.replaceState(null, "", qs ? `${base}?${qs}` : base);
}

/** Open a view: the hashchange listener renders it. */
export function go(view, ...args) {
  location.hash = href(view, ...args);
}
