// A fan-out group of the lineage graph opened as a table (GET /entities/{id}/neighbours):
// its members page by page, each a link to its entity page, with the relationship's own
// properties (a classification's score), and the whole list as CSV.

import { api, seg } from "./api.js";
import { fill, h, idKey } from "./dom.js";
import { className, displayName, mainLabel, relName, t } from "./i18n.js";
import { href } from "./router.js";
import { groupLabel } from "./graph.js";

/** A relationship's bookkeeping (where and by which run it came), left out of the column. */
const HIDDEN = new Set(["evidence", "classifiedIn", "expressionHash"]);

export class MembersTable {
  /** @param {HTMLElement} container where the table goes (emptied on each open) */
  constructor(container) {
    this.container = container;
    this.token = 0;
  }

  /** Show the first page of `group` (a group node's data), replacing what was shown. */
  async open(group) {
    const token = ++this.token;
    this.group = group;
    this.body = h("tbody", {});
    this.more = h("button", { type: "button", class: "members-more", hidden: true,
                              onclick: () => this.page(token) }, t("moreRows"));  // prettier-ignore
    this.shown = h("span", { class: "muted small members-shown" });
    const csv = `/entities/${seg(group.origin)}/neighbours?${new URLSearchParams({
      type: group.type, direction: group.direction, _size: 1000, _format: "csv" })}`;  // prettier-ignore
    const origin = h("a", { href: href("entity", group.origin) }, idKey(group.origin));
    fill(this.container,
      h("div", { class: "members-head" },
        h("h3", {}, groupLabel(group)),
        h("span", { class: "muted small" }, " ", origin, ` ${group.direction === "out" ? "→" : "←"} ${relName(group.type)}`),
        " ", h("a", { href: csv, class: "button", download: "" }, "CSV")),
      h("div", { class: "members-scroll" },
        h("table", { class: "data members", "data-group-id": group.id },
          h("thead", {}, h("tr", {}, [t("name"), t("class"), "id", t("relationship")].map((c) => h("th", {}, c)))),
          this.body)),
      h("div", { class: "members-foot" }, this.shown, " ", this.more));  // prettier-ignore
    this.container.hidden = false;
    this.cursor = null;
    await this.page(token);
    this.container.scrollIntoView({ block: "nearest" });
  }

  async page(token) {
    const { origin, type, direction, count } = this.group;
    this.more.disabled = true;
    try {
      const body = await api.neighbours(origin, { type, direction, after: this.cursor });
      if (token !== this.token) return; // another group was opened meanwhile
      for (const row of body.rows) this.body.append(memberRow(row));
      this.cursor = body.next;
      this.more.hidden = !body.next;
      this.shown.textContent = t("rowsShown", { shown: this.body.rows.length.toLocaleString(),
                                                 count: count.toLocaleString() });  // prettier-ignore
    } catch (err) {
      if (token === this.token) this.container.append(h("p", { class: "error" }, err.message));
    } finally {
      this.more.disabled = false;
    }
  }

  close() {
    this.token++;
    this.container.hidden = true;
    this.container.replaceChildren();
  }
}

function memberRow(row) {
  const shown = Object.entries(row.relationship || {}).filter(([key]) => !HIDDEN.has(key));
  return h("tr", { "data-id": row.id },
    h("td", {}, h("a", { href: href("entity", row.id) }, displayName(row))),
    h("td", {}, h("span", { class: "chip" }, className(mainLabel(row.labels)))),
    h("td", {}, h("code", { class: "small" }, row.id)),
    h("td", { class: "small" }, shown.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : value}`).join(" · ")));  // prettier-ignore
}
