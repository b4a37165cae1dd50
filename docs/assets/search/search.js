// The search page: reads its state from the URL, searches the Pagefind index
// of the page's language (or of all languages), shows facet counts and results,
// and writes the state back into the URL as the reader types and filters.
import { makeText } from "./text.js";
import { makeResults } from "./results.js";

const settings = JSON.parse(document.getElementById("search-settings").textContent);
const form = document.querySelector("[data-search-form]");
const status = document.getElementById("search-status");
const list = form.querySelector("[data-search-results]");
const moreButton = form.querySelector("[data-search-more]");
const toggle = form.querySelector("[data-search-toggle]");
const chips = form.querySelector("[data-search-chips]");
const libraryBox = form.querySelector("[data-search-libraries]");
const LIBRARIES_SHOWN = 8;
const text = makeText(settings.rules);
const plural = new Intl.PluralRules(settings.lang);
const resultItem = makeResults(settings);
const facetNames = [...form.querySelectorAll("fieldset[data-facet]")]
  .map((fieldset) => fieldset.dataset.facet)
  .filter((name) => name !== "year");
const INDEX = { page: "page", all: "all" };
const TYPING_PAUSE_MS = 200;

let pagefind = null;
let allLanguagesMerged = false;
let run = 0; // the newest search; older ones drop their results
let shown = { results: [] };

// --- state <-> form <-> URL -------------------------------------------------

function readState() {
  const data = new FormData(form);
  const state = {
    q: (data.get("q") || "").trim(),
    all: data.get("lang") === "all",
    // "Every chosen country together" instead of "any of them".
    allCountries: data.get("countries") === "all",
    facets: {},
  };
  for (const name of facetNames) state.facets[name] = data.getAll(name);
  state.from = parseYear(data.get("from"));
  state.to = parseYear(data.get("to"));
  return state;
}

function parseYear(value) {
  const year = Number.parseInt(value, 10);
  return Number.isFinite(year) ? year : null;
}

function fillForm(params) {
  form.elements.q.value = params.get("q") || "";
  for (const radio of form.querySelectorAll('input[name="lang"]')) {
    radio.checked = radio.value === (params.get("lang") === "all" ? "all" : "");
  }
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
  for (const name of ["from", "to"]) {
    if (form.elements[name]) form.elements[name].value = params.get(name) || "";
  }
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") params.append(name, String(value).trim());
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// --- Pagefind ----------------------------------------------------------------

async function loadPagefind() {
  if (!pagefind) {
    const bundle = new URL(settings.bundle, location.href);
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ mergeFilter: { index: INDEX.page } });
    // A large catalogue's index comes in parts (catalogue/search_index.py).
    for (const part of settings.pageParts) {
      await pagefind.mergeIndex(bundle.href, { language: part, mergeFilter: { index: INDEX.page } });
    }
  }
  return pagefind;
}

// Facet counts need every filter's index: loaded after the first results.
let countsLoaded = { page: false, all: false };
async function loadCounts(all) {
  const key = all ? "all" : "page";
  if (!countsLoaded[key]) {
    await pagefind.filters(); // from now on, counts come with every search
    countsLoaded[key] = true;
  }
}

async function mergeAllLanguages() {
  if (!allLanguagesMerged) {
    for (const part of settings.allLanguages) {
      await pagefind.mergeIndex(new URL(settings.bundle, location.href).href, {
        language: part,
        mergeFilter: { index: INDEX.all },
      });
    }
    allLanguagesMerged = true;
  }
}

function yearsOf(state) {
  if (state.from === null && state.to === null) return null;
  const field = form.elements.from;
  const first = state.from ?? Number(field.min);
  const last = state.to ?? Number(field.max);
  const years = [];
  for (let year = Math.max(first, Number(field.min)); year <= Math.min(last, Number(field.max)); year++) {
    years.push(String(year));
  }
  return years;
}

function filtersOf(state, leaveOut = null) {
  // Which index: needed only once the all-languages index has joined (it costs a filter file).
  const filters = allLanguagesMerged ? { index: state.all ? INDEX.all : INDEX.page } : {};
  for (const name of facetNames) {
    if (!state.facets[name].length) continue;
    if (name === "country" && state.allCountries) filters[name] = { all: state.facets[name] };
    else if (name !== leaveOut) filters[name] = { any: state.facets[name] };
  }
  const years = yearsOf(state);
  if (years && leaveOut !== "year") filters.year = { any: years.length ? years : ["none"] };
  return filters;
}

async function find(terms, filters) {
  if (!terms.length) return pagefind.search(null, { filters, sort: { title: "asc" } });
  return pagefind.search(terms.join(" "), { filters });
}

// Every practice with some form of each word; those with the words as typed
// (without diacritics) come first.
async function search(state) {
  const terms = text.queryTerms(state.q);
  const filters = filtersOf(state);
  const [found, exact] = await Promise.all([
    find(terms, filters),
    terms.length ? pagefind.search(text.exactTerms(state.q).join(" "), { filters }) : null,
  ]);
  if (!exact) return { found, results: found.results };
  const typed = new Set(exact.results.map((result) => result.id));
  const results = [...found.results.filter((r) => typed.has(r.id)), ...found.results.filter((r) => !typed.has(r.id))];
  return { found, results };
}

// How many results each facet value would give: from `found` when it was
// searched with the filters loaded, else by searching again. A facet's own
// choices are alternatives, so its values are counted as if none were chosen
// (but countries required together count with the chosen ones).
async function facetCounts(state, found) {
  const terms = text.queryTerms(state.q);
  const counts = { ...(found ?? (await find(terms, filtersOf(state)))).filters };
  for (const name of facetNames) {
    if (state.facets[name].length && !(name === "country" && state.allCountries)) {
      counts[name] = (await find(terms, filtersOf(state, name))).filters[name] || {};
    }
  }
  return counts;
}

// --- showing -----------------------------------------------------------------

function say(key, values = {}) {
  return settings.words[key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function practiceCount(count) {
  const forms = settings.practiceCount;
  return (forms[plural.select(count)] || forms.other).replace("{n}", String(count));
}

function showCounts(counts) {
  for (const name of facetNames) {
    const values = counts[name] || {};
    for (const label of form.querySelectorAll(`fieldset[data-facet="${name}"] .search-facet__option`)) {
      const box = label.querySelector("input");
      const count = values[box.value] ?? 0;
      label.querySelector(".search-facet__count").textContent = `(${count})`;
      label.classList.toggle("search-facet__option--empty", count === 0 && !box.checked);
    }
  }
}

// The chosen filters as chips: one button each, which removes it.
function showChips(state) {
  const chosen = [];
  for (const box of form.querySelectorAll('.search-page__facets input[type="checkbox"]:checked')) {
    const labels = settings.labels[box.name];
    const text = labels ? labels[box.value] ?? box.value : box.closest("label").textContent.trim();
    chosen.push({ text, remove: () => (box.checked = false) });
  }
  const scopeAll = form.querySelector('input[name="lang"][value="all"]');
  if (scopeAll.checked) {
    chosen.unshift({
      text: scopeAll.closest("label").textContent.trim(),
      remove: () => (form.querySelector('input[name="lang"][value=""]').checked = true),
    });
  }
  if (state.from !== null || state.to !== null) {
    const text = say("years_chip", { from: state.from ?? form.elements.from.min, to: state.to ?? form.elements.to.max });
    chosen.push({ text, remove: () => (form.elements.from.value = form.elements.to.value = "") });
  }
  const items = chosen.map(({ text, remove }) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "search-chip";
    button.setAttribute("aria-label", say("remove_filter", { label: text }));
    const label = document.createElement("span");
    label.textContent = text;
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.className = "search-chip__remove";
    cross.textContent = "×";
    button.append(label, cross);
    button.addEventListener("click", () => {
      remove();
      update();
      (toggle.offsetParent ? toggle : form.elements.q).focus();
    });
    item.append(button);
    return item;
  });
  chips.replaceChildren(...items);
  chips.hidden = items.length === 0;
  toggle.querySelector("[data-search-filter-count]").textContent = `(${items.length})`;
}

function openFilters(open) {
  toggle.setAttribute("aria-expanded", String(open));
  form.classList.toggle("search-page--filters-open", open);
}

async function showMore(focusFirst) {
  const start = list.children.length;
  const batch = shown.results.slice(start, start + settings.pageSize);
  const thisRun = run;
  const data = await Promise.all(batch.map((result) => result.data()));
  if (thisRun !== run) return;
  const terms = text.queryTerms(readState().q);
  const items = data.map((one) => resultItem(one, terms, text));
  list.append(...items);
  moreButton.hidden = list.children.length >= shown.results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

// --- libraries: the second kind of result --------------------------------------

let libraries = null;
async function loadLibraries() {
  if (!libraries) {
    const response = await fetch(new URL(settings.libraries, location.href));
    libraries = (await response.json()).map((library) => {
      const words = text.words(`${library.name} ${Object.values(library.place).join(" ")}`);
      return { ...library, words: [...new Set(words.flatMap((word) => [text.queryTerms(word)[0], word]))] };
    });
  }
  return libraries;
}

// Libraries whose name or place has a form of every word of the query.
async function showLibraries(state, thisRun) {
  const terms = text.queryTerms(state.q);
  if (!terms.length) {
    libraryBox.hidden = true;
    return;
  }
  let all;
  try {
    all = await loadLibraries();
  } catch (error) {
    console.error(error); // the practices found still show
    return;
  }
  const found = all.filter((library) =>
    terms.every((term) => library.words.some((word) => word.startsWith(term))),
  );
  if (thisRun !== run) return;
  const items = found.slice(0, LIBRARIES_SHOWN).map((library) => {
    const item = document.createElement("li");
    item.className = "library-result";
    const link = document.createElement("a");
    link.href = `${settings.libraryPages}${library.slug}/`;
    link.textContent = library.name;
    const where = document.createElement("span");
    where.className = "library-result__meta";
    const country = settings.countryNames[library.country] || library.country;
    const place = library.place[settings.lang];
    where.textContent = `${place && place !== country ? `${place}, ` : ""}${country} · ${practiceCount(library.practices)}`;
    item.append(link, " ", where);
    return item;
  });
  libraryBox.querySelector("h2").textContent = say("libraries_found", { count: found.length });
  libraryBox.querySelector("ul").replaceChildren(...items);
  libraryBox.hidden = items.length === 0;
}

async function update() {
  const thisRun = ++run;
  const state = readState();
  writeUrl();
  showChips(state);
  const searchedNow = location.search;
  status.textContent = say("loading");
  form.setAttribute("aria-busy", "true");
  try {
    await loadPagefind();
    if (state.all) await mergeAllLanguages();
    const countsReady = countsLoaded[state.all ? "all" : "page"];
    const { found, results } = await search(state);
    if (thisRun !== run) return;
    shown = { results };
    list.replaceChildren();
    if (!results.length) {
      status.textContent = state.q ? say("no_results", { query: state.q }) : say("no_results_filters");
      moreButton.hidden = true;
    } else {
      status.textContent = say("found", { count: practiceCount(results.length) });
      await showMore(false);
    }
    if (thisRun !== run) return;
    // Tests and measurements wait for these marks.
    form.dataset.searched = searchedNow;
    performance.mark("catalogue-results");
    await showLibraries(state, thisRun);
    if (thisRun !== run) return;
    await loadCounts(state.all);
    const counts = await facetCounts(state, countsReady ? found : null);
    if (thisRun !== run) return;
    showCounts(counts);
    form.dataset.counted = searchedNow;
  } catch (error) {
    if (thisRun === run) status.textContent = say("failed");
    console.error(error);
  } finally {
    if (thisRun === run) form.removeAttribute("aria-busy");
  }
}

let pause = null;
function updateSoon() {
  clearTimeout(pause);
  pause = setTimeout(update, TYPING_PAUSE_MS);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(pause);
  update();
});
// Typing waits for a pause; a click on a choice searches at once.
const typed = (target) => target.type === "search" || target.type === "number";
form.addEventListener("input", (event) => (typed(event.target) ? updateSoon() : null));
form.addEventListener("change", (event) => {
  if (!typed(event.target)) {
    clearTimeout(pause);
    update();
  }
});
form.querySelector("[data-search-clear]").addEventListener("click", () => {
  for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = false;
  for (const name of ["from", "to"]) if (form.elements[name]) form.elements[name].value = "";
  update();
});
moreButton.addEventListener("click", () => showMore(true));
toggle.addEventListener("click", () => openFilters(toggle.getAttribute("aria-expanded") !== "true"));
form.querySelector("[data-search-show]").addEventListener("click", () => {
  openFilters(false);
  status.focus();
});

fillForm(new URLSearchParams(location.search));
update();
