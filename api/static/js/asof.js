// The "as of" day every view respects: kept in the hash's query (`as_of=YYYY-MM-DD`, so a
// deep link carries it) and for the session, sent by api.js to every endpoint that takes
// it, and set with the date control in the top bar.

const KEY = "stkg.asOf";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

let day = valid(sessionStorage.getItem(KEY));

function valid(value) {
  return value && DAY.test(value) ? value : null;
}

/** The day asked for (YYYY-MM-DD), or null for "today's graph". */
export function asOf() {
  return day;
}

/** Set (or with null/"" clear) the day; returns whether it changed. */
export function setAsOf(value) {
  const next = valid(value);
  if (next === day) return false;
  day = next;
  if (day) sessionStorage.setItem(KEY, day);
  else sessionStorage.removeItem(KEY);
  return true;
}

/** Take the day from a hash query that names one (a deep link); returns whether it changed. */
export function adoptFromQuery(query) {
  return query.has("as_of") ? setAsOf(query.get("as_of")) : false;
}

/**
 * The top bar's control: a date input and a button that clears it.
 * @param {HTMLInputElement} input
 * @param {HTMLButtonElement} clear
 * @param {(day: string | null) => void} onChange called after the day changed
 */
export function initAsOfControl(input, clear, onChange) {
  const show = () => {
    input.value = day ?? "";
    clear.hidden = !day;
    document.body.dataset.asOf = day ?? "";
  };
  input.addEventListener("change", () => {
    if (setAsOf(input.value)) onChange(day);
    show();
  });
  clear.addEventListener("click", () => {
    if (setAsOf(null)) onChange(day);
    show();
  });
  show();
  return { show };
}
