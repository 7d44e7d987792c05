// The start page: what the explorer is for, the editions with their views, a few examples.

import { fill, h } from "./dom.js";
import { editions, nextEdition, seriesOf } from "./editions.js";
import { displayName, t } from "./i18n.js";
import { href } from "./router.js";

const EXAMPLES = [
  ["entity", "field:드론"],
  ["field", "드론"],
  ["flow", "중소기업기술로드맵"],
  ["entity", "programme:창업성장"],
];

export async function renderHome(view) {
  const items = h("ul", { class: "editions" }, t("loading"));
  fill(view,
    h("section", { class: "intro" }, h("h1", {}, t("title")), h("p", {}, t("homeIntro")),
      h("p", { class: "muted small" }, t("keys"))),
    h("section", { class: "card" }, h("h2", {}, t("editions")), items),
    h("section", { class: "card" }, h("h2", {}, t("examples")),
      h("ul", { class: "plain" }, EXAMPLES.map(([view, id]) =>
        h("li", {}, h("a", { href: href(view, id) }, `#/${view}/${id}`))))));  // prettier-ignore
  try {
    const list = await editions();
    fill(items, list.map((e) => {
      const next = nextEdition(list, e.id);
      return h("li", { "data-edition": e.id, "data-in-force": e.inForce ? "true" : null },
        h("a", { href: href("entity", e.id) }, displayName(e)), " · ",
        h("a", { href: href("programmes", e.id) }, t("programmeLinks")),
        next ? [" · ", h("a", { href: href("diff", e.id, next.id) }, t("compareNext"))] : null,
        " · ", h("a", { href: href("flow", seriesOf(e.id)) }, t("flow")),
        e.inForce ? [" ", h("span", { class: "chip in-force" }, t("inForce"))] : null);
    }));  // prettier-ignore
    if (!list.length) fill(items, h("li", { class: "muted" }, t("noEditionThen")));
  } catch (err) {
    fill(items, h("li", { class: "error" }, err.message));
  }
}
