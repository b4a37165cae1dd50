// The map page's enhancements: tooltips on hover and focus, and the filters
// of the search page's URL (map/?type=event&country=PL&from=2010). Without
// this script the map still shows everything, and every point is a link.
const settings = JSON.parse(document.getElementById("map-data").textContent);
const figure = document.querySelector("[data-map-figure]");
const svg = figure.querySelector("svg[data-map]");
const tip = document.getElementById("map-tip");
const status = document.querySelector("[data-map-status]");
const FACETS = ["type", "scope", "country", "audience", "partner", "status"];
let shown = null; // the indices of the practices the URL's filters let through, or null: all

function indices(element) {
  const value = element.getAttribute("data-p");
  return value ? value.split(" ").map(Number) : [];
}

// Filters: alternatives within one facet, every facet at once, years that overlap the span.
function matcher(params) {
  const chosen = FACETS.map((name) => [name, params.getAll(name).filter(Boolean)]).filter(([, values]) => values.length);
  const from = parseInt(params.get("from"), 10);
  const to = parseInt(params.get("to"), 10);
  const years = !Number.isNaN(from) || !Number.isNaN(to);
  if (!chosen.length && !years) return null;
  return (practice) => {
    const facets = practice[2];
    for (const [name, values] of chosen) {
      if (!(facets[name] || []).some((value) => values.includes(value))) return false;
    }
    if (years) {
      const active = (facets.year || []).map(Number);
      const low = Number.isNaN(from) ? -Infinity : from;
      const high = Number.isNaN(to) ? Infinity : to;
      if (!active.some((year) => year >= low && year <= high)) return false;
    }
    return true;
  };
}

function filter() {
  const match = matcher(new URLSearchParams(window.location.search));
  if (!match) return;
  shown = new Set();
  settings.practices.forEach((practice, index) => {
    if (match(practice)) shown.add(index);
  });
  for (const element of document.querySelectorAll("[data-p]")) {
    const visible = indices(element).some((index) => shown.has(index));
    element.classList.toggle("is-hidden", !visible);
  }
  status.textContent = settings.words.shown.replace("{shown}", shown.size).replace("{total}", settings.practices.length) + " ";
  const all = document.createElement("a");
  all.href = window.location.pathname;
  all.textContent = settings.words.shown_all;
  status.append(all);
}

function show(point) {
  const list = indices(point).filter((index) => !shown || shown.has(index));
  tip.replaceChildren();
  const name = document.createElement("strong");
  name.textContent = point.getAttribute("aria-label");
  tip.append(name);
  const titles = document.createElement("ul");
  for (const index of list.slice(0, 6)) {
    const item = document.createElement("li");
    item.textContent = settings.practices[index][0];
    titles.append(item);
  }
  if (list.length > 6) {
    const more = document.createElement("li");
    more.textContent = settings.words.more.replace("{n}", list.length - 6);
    titles.append(more);
  }
  tip.append(titles);
  const circle = point.querySelector("circle").getBoundingClientRect();
  const box = figure.getBoundingClientRect();
  tip.hidden = false;
  const left = Math.min(circle.right - box.left + 6, box.width - tip.offsetWidth - 4);
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${circle.bottom - box.top + 6}px`;
  point.setAttribute("aria-describedby", "map-tip");
}

function hide(point) {
  tip.hidden = true;
  point.removeAttribute("aria-describedby");
}

for (const point of svg.querySelectorAll(".map-point")) {
  point.addEventListener("mouseenter", () => show(point));
  point.addEventListener("focus", () => show(point));
  point.addEventListener("mouseleave", () => hide(point));
  point.addEventListener("blur", () => hide(point));
}
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") tip.hidden = true;
});
filter();
