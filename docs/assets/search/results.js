// One search result as the reader sees it: title, summary, type, place and
// countries, and the language of its text (with a badge when it is not the
// page's); the words of the title and summary that the search matched are
// marked. Entry text goes in as text nodes, never as HTML.

function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

const WORD = /[\p{L}\p{N}]+/gu;

// `content` as text nodes, with every word that some query term matches in <mark>.
// A term matches a word as the index does: as a prefix of the word's folded, stemmed form.
function marked(content, terms, text) {
  const nodes = [];
  if (!terms.length || !content) return [document.createTextNode(content || "")];
  let last = 0;
  for (const match of content.matchAll(WORD)) {
    const word = match[0];
    const forms = text.words(word).map((one) => [text.queryTerms(one)[0], one]);
    const hit = forms.some(([stemmed, bare]) => terms.some((term) => stemmed.startsWith(term) || bare.startsWith(term)));
    if (!hit) continue;
    if (match.index > last) nodes.push(document.createTextNode(content.slice(last, match.index)));
    nodes.push(element("mark", "", word));
    last = match.index + word.length;
  }
  if (last < content.length) nodes.push(document.createTextNode(content.slice(last)));
  return nodes;
}

export function makeResults(settings) {
  const labels = settings.labels;

  // What a result shows, from either kind of record: a language's (its text
  // as that language's site shows it) or the all-languages one (every text).
  function describe(data) {
    const meta = data.meta;
    const lang = settings.lang;
    if (meta.original) {
      const textLang = meta[`title_${lang}`] ? lang : meta.original;
      return {
        slug: meta.slug,
        lang: textLang,
        title: meta[`title_${textLang}`],
        summary: meta[`summary_${textLang}`],
        place: meta[`place_${lang}`],
      };
    }
    return { slug: meta.slug, lang: meta.lang, title: meta.title, summary: meta.summary, place: meta.place };
  }

  return function resultItem(data, terms = [], text = null) {
    const mark = (content) => (text ? marked(content, terms, text) : [document.createTextNode(content || "")]);
    const practice = describe(data);
    const item = element("li", "search-result");
    const heading = element("h2", "search-result__title");
    const link = element("a");
    link.append(...mark(practice.title));
    link.href = `${settings.practices}${practice.slug}/`;
    link.lang = practice.lang;
    heading.append(link);
    if (practice.lang !== settings.lang) {
      const badge = element("span", "language-badge", practice.lang.toUpperCase());
      badge.title = settings.badgeTitles[practice.lang];
      heading.append(" ", badge);
    }
    const summary = element("p", "search-result__summary");
    summary.append(...mark(practice.summary));
    summary.lang = practice.lang;
    const filters = data.filters;
    const countries = (filters.country || []).map((code) => labels.country[code] || code).join(", ");
    const facts = [
      (filters.type || []).map((id) => labels.type[id] || id).join(", "),
      [practice.place, countries].filter(Boolean).join(", "),
      settings.languageNames[practice.lang],
    ];
    const meta = element("p", "search-result__meta");
    facts.forEach((fact, index) => {
      if (index) meta.append(" · ");
      meta.append(element("span", "", fact));
    });
    item.append(heading, summary, meta);
    return item;
  };
}
