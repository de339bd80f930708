"""Hard words are explained in plain words where a page first uses them."""

from __future__ import annotations

from mantelkaart.site.glossary import entries, explain
from tests.test_pages import PAGES


def test_the_first_use_in_running_text_is_explained_once() -> None:
    body = explain("<p>De Wmo betaalt. Nog eens de Wmo.</p>")
    assert body.count("mk-explain") == 1
    assert body.startswith('<p>De Wmo<span class="mk-explain"> (Wet maatschappelijke ondersteuning')


def test_links_headings_attributes_and_labels_are_left_alone() -> None:
    body = '<h2>Wmo</h2><a href="/wmo/" title="Wmo">Wmo</a><strong>Wlz</strong><p data-x="CIZ">tekst</p>'
    assert explain(body) == body


def test_compounds_and_brackets_read_well() -> None:
    assert 'Wmo-indicatie<span class="mk-explain"> (Wmo: Wet' in explain("<p>Een Wmo-indicatie.</p>")
    assert '(Wmo<span class="mk-explain">: Wet' in explain("<p>van de gemeente (Wmo).</p>")
    nested = explain("<p>Na een gesprek (het keukentafelgesprek) beslist de gemeente.</p>")
    assert 'keukentafelgesprek<span class="mk-explain">, een gesprek met de gemeente' in nested


def test_record_text_stays_escaped_and_words_inside_other_words_are_not_touched() -> None:
    body = "<p>&lt;b&gt;Wmo&lt;/b&gt; WmoX CAKE pgb-budget</p>"
    out = explain(body)
    assert "&lt;b&gt;Wmo<span" in out and "WmoX CAKE" in out and "pgb-budget<span" in out


def test_service_pages_explain_the_laws_they_name() -> None:
    body = PAGES["aanbod/het-anker/logeren.md"].body
    assert "Wet maatschappelijke ondersteuning" in body
    assert body.count('class="mk-explain"') == len(set(body.split('class="mk-explain"'))) - 1  # no repeats
    words = {entry.word for entry in entries()}
    assert {"Wmo", "Wlz", "CIZ", "CAK", "pgb", "Jeugdwet", "indicatie"} <= words
