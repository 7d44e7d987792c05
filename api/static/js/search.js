// Search as you type over every entity (GET /search), with keyboard navigation:
// "/" focuses the box, ↑/↓ move through the results, Enter opens one, Esc closes.

import { api } from "./api.js";
import { fill, h } from "./dom.js";
import { className, displayName, mainLabel, t } from "./i18n.js";
import { go } from "./router.js";

const DEBOUNCE_MS = 150;

export function initSearch(input, list) {
  let rows = [];
  let active = -1;
  let timer = null;
  let inflight = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };

  const open = (row) => {
    close();
    input.blur();
    go("entity", row.id);
  };

  const highlight = (index) => {
    active = index;
    list.querySelectorAll("[role=option]").forEach((el, i) => {
      el.setAttribute("aria-selected", i === index ? "true" : "false");
      if (i === index) {
        el.scrollIntoView({ block: "nearest" });
        input.setAttribute("aria-activedescendant", el.id);
      }
    });
  };

  const render = () => {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (!rows.length) {
      fill(list, h("li", { class: "empty" }, t("noResults")));
      return;
    }
    fill(
      list,
      rows.map((row, i) =>
        h(
          "li",
          { id: `result-${i}`, role: "option", "aria-selected": "false", "data-id": row.id,
            onmousedown: (e) => { e.preventDefault(); open(row); } },
          h("span", { class: "result-name" }, displayName(row)),
          // with an "as of" day: the name in use it was found by, when not its own
          row.nameOnDate && row.nameOnDate !== row.name
            ? h("span", { class: "muted small result-then" }, " ", t("nameThen", { name: row.nameOnDate }))
            : null,
          h("span", { class: "chip" }, className(mainLabel(row.labels))),
          h("code", { class: "result-id" }, row.id),
        ),
      ),
    );
    highlight(0);
  };

  const run = async () => {
    const q = input.value.trim();
    inflight?.abort();
    if (!q) {
      close();
      return;
    }
    inflight = new AbortController();
    try {
      const body = await api.search(q, { signal: inflight.signal });
      rows = body.rows;
      render();
    } catch (err) {
      if (err.name !== "AbortError") {
        rows = [];
        render();
      }
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && rows.length) render();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && rows.length) {
      e.preventDefault();
      if (list.hidden) render();
      highlight(Math.min(active + 1, rows.length - 1));
    } else if (e.key === "ArrowUp" && rows.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === "Enter" && active >= 0 && rows[active] && !list.hidden) {
      e.preventDefault();
      open(rows[active]);
    } else if (e.key === "Escape") {
      close();
      input.blur();
    }
  });

  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest?.("input, textarea, select, [contenteditable]");
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  return { refresh: () => (list.hidden ? null : render()) };
}
