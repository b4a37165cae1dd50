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

  // The query as the index holds it (see catalogue/search_text.py), each term
  // matched as a prefix: every form of each word ("Knihovně" -> "ʒknihovn"),
  // or each word as typed ("ʒknihovnʒknihovne"). Words with digits stay as they are.
  const hasDigit = (word) => /\p{N}/u.test(word);
  const mark = rules.mark;

  function queryTerms(query) {
    return words(query).map((word) => (hasDigit(word) ? word : mark + stem(word)));
  }

  function exactTerms(query) {
    return words(query).map((word) => (hasDigit(word) ? word : mark + stem(word) + mark + word));
  }

  return { fold, words, stem, queryTerms, exactTerms };
}
