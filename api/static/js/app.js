// Boot: language, ontology names, the search box, the "as of" day, and the hash router
// that renders views.

import { api } from "./api.js";
import { adoptFromQuery, asOf, initAsOfControl } from "./asof.js";
import { fill, h } from "./dom.js";
import { renderDiffPage } from "./diff.js";
import { renderEntityPage } from "./entity.js";
import { renderFlowPage } from "./flow.js";
import { renderHome } from "./home.js";
import { renderIndicatorsPage } from "./indicators.js";
import { getLang, loadTerms, setLang, t, translateStatic } from "./i18n.js";
import { renderProgrammesPage } from "./programmes.js";
import { parseHash, replaceQuery } from "./router.js";
import { initSearch } from "./search.js";
import { renderFieldPage } from "./timeline.js";

const VIEWS = {
  home: renderHome,
  entity: renderEntityPage,
  field: renderFieldPage,
  indicators: renderIndicatorsPage,
  diff: renderDiffPage,
  programmes: renderProgrammesPage,
  flow: renderFlowPage,
};

const view = document.getElementById("view");
let cleanup = null;
let rendering = 0;
let asOfControl = null;

async function render() {
  const token = ++rendering;
  delete view.dataset.ready;
  cleanup?.();
  cleanup = null;
  const { view: name, args, query } = parseHash();
  // a deep link's day wins; else the session's day goes into the link
  if (!adoptFromQuery(query) && asOf() && !query.has("as_of")) replaceQuery({ as_of: asOf() });
  asOfControl?.show();
  const renderView = VIEWS[name];
  document.body.dataset.view = renderView ? name : "unknown";
  markNav(name);
  if (!renderView) {
    fill(view, h("h1", {}, t("notFound")), h("p", {}, location.hash));
    return;
  }
  try {
    const done = await renderView(view, args, query);
    if (token === rendering) cleanup = typeof done === "function" ? done : null;
    else if (typeof done === "function") done();
  } catch (err) {
    if (token === rendering) fill(view, h("h1", {}, t("error")), h("p", { class: "error" }, err.message));
  }
  if (token === rendering) view.dataset.ready = name;
}

function markNav(name) {
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.toggleAttribute("aria-current", a.dataset.view === name);
  }
}

async function boot() {
  setLang(getLang());
  await loadTerms(api.terms);
  translateStatic();
  const search = initSearch(document.getElementById("search"), document.getElementById("results"));
  document.getElementById("lang").addEventListener("click", () => {
    setLang(getLang() === "ko" ? "en" : "ko");
    translateStatic();
    search.refresh();
    render();
  });
  asOfControl = initAsOfControl(
    document.getElementById("as-of"),
    document.getElementById("as-of-clear"),
    (day) => {
      replaceQuery({ as_of: day });
      search.refresh();
      render();
    },
  );
  window.addEventListener("hashchange", render);
  await render();
}

boot();
