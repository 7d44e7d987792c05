// The programme ↔ product matrix of one edition (GET /programmes/links?edition=): rows are
// the edition, its field versions and products that link to programmes; columns are the
// programmes, each with the organisation that ran it under the name it had on the links'
// day (or the "as of" day); a cell marks a link and names the funding that pays for it.

import { api } from "./api.js";
import { fill, h } from "./dom.js";
import { editions, editionSelect } from "./editions.js";
import { className, displayName, mainLabel, money, t } from "./i18n.js";
import { go, href } from "./router.js";

const SUBJECT_ORDER = ["RoadmapEdition", "FieldVersion", "StrategicProduct"];

export async function renderProgrammesPage(view, [edition]) {
  const list = await editions();
  // with an "as of" day, the edition in force then (the matrix of another is a 404 problem)
  const chosen = edition || (list.findLast((e) => e.inForce) ?? list.at(-1))?.id;
  const body = h("div", {}, t("loading"));
  fill(view,
    h("div", { class: "page-head" }, h("h1", {}, t("matrixTitle")),
      editionSelect(list, chosen, (id) => go("programmes", id), t("edition"))),
    body);  // prettier-ignore
  if (!chosen) return;
  try {
    const { rows } = await api.programmeLinks(chosen);
    fill(body, rows.length ? [h("section", { class: "card" }, matrix(rows)), fundingTable(rows)] : h("p", { class: "muted" }, t("noLinks")));
  } catch (err) {
    fill(body, h("p", { class: "error" }, err.message));
  }
}

function unique(rows, key, pickFn) {
  const seen = new Map();
  for (const row of rows) if (row[key] && !seen.has(row[key])) seen.set(row[key], pickFn(row));
  return [...seen.values()];
}

function matrix(rows) {
  const programmes = unique(rows, "programme", (r) => ({
    id: r.programme, name: displayName({ name: r.programmeName, nameEn: r.programmeNameEn, id: r.programme }),
    runBy: unique(rows.filter((x) => x.programme === r.programme), "organization", (x) => x),
  }));  // prettier-ignore
  const rank = (labels) => {
    const i = SUBJECT_ORDER.indexOf(mainLabel(labels));
    return i < 0 ? SUBJECT_ORDER.length : i;
  };
  const subjects = unique(rows, "subject", (r) => ({ id: r.subject, name: r.subjectName, labels: r.subjectLabels }))
    .sort((a, b) => rank(a.labels) - rank(b.labels) || String(a.name).localeCompare(String(b.name)));
  const cell = (s, p) => rows.filter((r) => r.subject === s.id && r.programme === p.id);
  return h("table", { class: "data matrix" },
    h("thead", {}, h("tr", {}, h("th", {}, t("subject")),
      programmes.map((p) => h("th", { "data-programme": p.id }, h("a", { href: href("entity", p.id) }, p.name),
        p.runBy.map((o) => h("div", { class: "org small muted", "data-organization": o.organization, title: o.organizationOn },
          t("runBy", { name: displayName({ name: o.organizationName, nameEn: o.organizationNameEn, id: o.organization }) }))))))),
    h("tbody", {}, subjects.map((s) => h("tr", { "data-subject": s.id },
      h("th", {}, h("a", { href: href("entity", s.id) }, s.name || s.id), " ",
        h("span", { class: "chip" }, className(mainLabel(s.labels)))),
      programmes.map((p) => {
        const links = cell(s, p);
        if (!links.length) return h("td", { class: "empty-cell" }, "");
        const funded = links.filter((r) => r.amountKrw !== null && r.amountKrw !== undefined);
        return h("td", { class: "linked", "data-programme": p.id, title: `${s.name} ↔ ${p.name}` },
          h("span", { class: "tick", "aria-label": "✓" }, "●"),
          funded.map((r) => h("div", { class: "money small" }, `${money(r.amountKrw)} · ${r.year ?? ""}`)));
      })))));  // prettier-ignore
}

function fundingTable(rows) {
  const fundings = unique(rows, "funding", (r) => r);
  if (!fundings.length) return null;
  return h("section", { class: "card" }, h("h2", {}, t("funding")),
    h("table", { class: "data funding" },
      h("thead", {}, h("tr", {}, ["funding", "amount", "year", "basis", "programmes"].map((k) => h("th", {}, t(k))))),
      h("tbody", {}, fundings.map((f) => h("tr", { "data-funding": f.funding },
        h("td", {}, h("a", { href: href("entity", f.funding) }, f.funding)),
        h("td", { class: "num money" }, money(f.amountKrw)),
        h("td", {}, f.year ?? ""),
        h("td", {}, f.basis ?? ""),
        h("td", {}, unique(rows.filter((r) => r.funding === f.funding), "programme",
          (r) => displayName({ name: r.programmeName, nameEn: r.programmeNameEn, id: r.programme })).join(", ")))))));  // prettier-ignore
}
