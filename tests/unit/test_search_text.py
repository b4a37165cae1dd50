"""Folding and stemming: what the index and the query make of words."""

from __future__ import annotations

import pytest

from catalogue.search.text import exact_terms, fold, query_terms, stem, tokens, words


def test_fold_drops_every_diacritic_l_with_stroke_included():
    assert fold("Kącik Malucha, Wisła, Těšín, Książnica, ŁÓDŹ, Žilina, Poľsko") == (
        "kacik malucha, wisla, tesin, ksiaznica, lodz, zilina, polsko"
    )


def test_words_are_folded_and_short_ones_left_out():
    assert words("V knihovně i v Těšíně – Bielsko-Biała, 2005") == ["knihovne", "tesine", "bielsko", "biala", "2005"]


@pytest.mark.parametrize(
    "typed, written",
    [
        ("knihovna", "knihovně"),
        ("knihovna", "knihovny"),
        ("knihovna", "knihoven"),
        ("knihovna", "knihovnách"),
        ("biblioteka", "bibliotece"),
        ("biblioteka", "bibliotek"),
        ("dziecko", "dzieci"),
        ("dziecko", "dziećmi"),
        ("dziecko", "dzieciach"),
        ("knižnica", "knižnici"),
        ("knižnica", "knižníc"),
        ("knižnica", "knižniciach"),
        ("kacik", "Kącika"),
        ("wisla", "Wisłą"),
        ("tesin", "Těšíně"),
        ("ksiaznica", "Książnicy"),
        ("deti", "dětmi"),
        ("kniha", "knize"),
        ("polska", "Polsce"),
    ],
)
def test_forms_of_a_word_share_its_stem(typed: str, written: str):
    assert stem(words(typed)[0]) == stem(words(written)[0])


@pytest.mark.parametrize("one, other", [("knihovna", "kniha"), ("dziecko", "dzień"), ("wisla", "wies")])
def test_different_words_keep_different_stems(one: str, other: str):
    assert stem(words(one)[0]) != stem(words(other)[0])


def test_stems_keep_three_letters():
    assert [stem(word) for word in ("deti", "ulica", "oka", "les")] == ["det", "ulik", "oka", "les"]


def test_index_tokens_hold_stem_and_word_the_query_asks_for_either():
    assert tokens("Noc v knihovně 2005") == ["ʒnokʒnocʒ", "ʒknihovnʒknihovneʒ", "2005"]
    assert query_terms("knihovny 2005") == ["ʒknihovn", "2005"]
    assert exact_terms("knihovny 2005") == ["ʒknihovnʒknihovny", "2005"]
    # Every form of a word starts with its query term; only the form typed starts with its exact term.
    forms = tokens("knihovna knihovně knihovny kniha")
    assert [form.startswith(query_terms("Knihovna")[0]) for form in forms] == [True, True, True, False]
    assert [form.startswith(exact_terms("knihovne")[0]) for form in forms] == [False, True, False, False]
