// Words as the search sees them: the browser's half of catalogue/search_text.py.
// The rules (letters to fold, case endings, the token mark) come from the page,
// which takes them from the Python module, so index and query always agree.

const WORD = /[\p{L}\p{N}]+/gu;

export function makeText(rules) {
  const folded = rules.folded;

  function fold(text) {
    const bare = text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
    let out = "";
    for (const char of bare) out += folded[char] ?? char;
    return out;
  }

  function words(text) {
    return (fold(text).match(WORD) || []).filter((word) => word.length >= rules.minWord);
  }

  function stem(word) {
    for (const ending of rules.endings) {
      if (word.endsWith(ending) && word.length - ending.length >= rules.minStem) {
        word = word.slice(0, -ending.length);
        break;
      }
    }
    if (word.endsWith("c")) word = word.slice(0, -1) + "k";
    else if (word.endsWith("z")) word = word.slice(0, -1) + "h";
    if (word.endsWith("ck")) word = word.slice(0, -2) + "k";
    if (word.length > rules.minStem && word[word.length - 2] === "e") {
      word = word.slice(0, -2) + word[word.length - 1];
    }
    return word;
  }

  // The query as index tokens, each matched as a prefix: "Knihovně" -> "ʒknihovn".
  function queryTerms(query) {
    return words(query).map((word) => rules.mark + stem(word));
  }

  return { fold, words, stem, queryTerms };
}
