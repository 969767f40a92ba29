"""Framing: loaded terms from the lexicon, attribution verbs, scare quotes (marsad.stories.framing).

Every sentence here is invented for the tests.
"""

from __future__ import annotations

from importlib import resources

import pytest

from marsad.enrich.quantities import key
from marsad.enrich.quotes import analyze_quotes
from marsad.model import Article, Quote, Span
from marsad.stories.framing import (
    CATEGORIES,
    attribution_summary,
    find_framing_terms,
    framing_view,
    load_framing_lexicon,
    quoted_names,
    scare_quotes,
)


def art(text: str, outlet: str = "صحيفة الأفق", ident: str = "a", *,
        entities: list[Span] | None = None, quotes: bool = True) -> Article:
    found, terms = analyze_quotes(text) if quotes else ([], [])
    return Article(id=ident, source=f"t/{ident}", text=text, outlet=outlet, entities=entities or [],
                   quotes=found, extra={"quoted_terms": [t.to_dict() for t in terms]})


def terms(text: str, **kw) -> list[str]:
    return [h.term for h in find_framing_terms(art(text, **kw)) if not h.in_quote]


def test_framing_lexicon_has_many_checked_terms() -> None:
    lexicon = load_framing_lexicon()
    assert len(lexicon) >= 60
    assert {e.category for e in lexicon} <= CATEGORIES
    assert len({e.normalized for e in lexicon}) == len(lexicon), "duplicate rows"
    for entry in lexicon:
        folded = " ".join(w for w, _ in entry.words)
        assert folded == " ".join(key(t) for t in entry.term.split()), entry.term
    header = resources.files("marsad.data").joinpath("framing_lexicon.tsv").read_text("utf-8")
    assert header.startswith("#"), "the lexicon documents itself in a header comment"


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل وفد «المجلس» المزعوم إلى المدينة.", ["المزعوم"]),
    ("وصل وفد الهيئة المزعومة إلى المدينة.", ["المزعوم"]),
    ("قال إن الحكومة غير شرعية وإن قراراتها باطلة.", ["غير شرعي"]),
    ("تحركت القوات بزعم حماية السكان.", ["بزعم"]),
    ("وطالب بطرد فلوله من الحي.", ["فلول"]),
    ("ودعا إلى إنهاء الاحتلال وإلى مقاومة للاحتلال.", ["الاحتلال", "الاحتلال"]),
    ("وزعمت الوزارة أن الوضع هادئ.", ["زعم"]),
    ("وادعى المتحدث أن الطريق مفتوح.", ["ادعى"]),
    ("ودان عما سماه «أمن المدينة».", ["ما سماه"]),
    ("ارتقى 15 شهيداً في القصف.", ["ارتقى", "شهيد"]),
    ("وهاجمت الميليشيات القرية.", ["ميليشيا"]),
    ("وسقط في المجازر مئات المدنيين.", ["المجازر"]),
])
def test_find_framing_terms_matches_forms_with_clitics(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


@pytest.mark.parametrize("text", [
    "سافروا إلى العاصمة أمس لحضور المؤتمر.",
    "قتل 15 شخصاً في القصف وفق الدفاع المدني.",
    "وقال الوزير إن الاجتماع ناقش الموازنة.",
    "اعتمد البرلمان النظام الداخلي الجديد وفق النظام الدولي للمحاسبة.",
    "وتعهد بالقضاء على التنظيم الإرهابي وأنشطته الإرهابية.",
    "صنفت الحكومة الحركة منظمة إرهابية.",
])
def test_find_framing_terms_leaves_neutral_uses_alone(text: str) -> None:
    assert terms(text) == []


def test_find_framing_terms_terrorist_counts_as_an_epithet_of_a_name_or_a_group_label() -> None:
    assert terms("وتواصل قتال تنظيم داعش الإرهابي في الشمال.") == ["الإرهابي"]
    assert terms("ووقف دعم التنظيمات الإرهابية في المنطقة.") == ["الإرهابي"]
    assert terms("وقتل عدد من الإرهابيين في الاشتباك.") == ["الإرهابي"]


def test_find_framing_terms_regime_only_for_a_government() -> None:
    assert [h.text for h in find_framing_terms(art("ورحب النظام التركي بالقرار."))] == [
        "النظام التركي"]
    text = "وانتقد نظام سالم الحداد بشدة."
    i = text.index("سالم")
    person = Span(i, i + len("سالم الحداد"), "PER", "سالم الحداد", {})
    hits = find_framing_terms(art(text, entities=[person]))
    assert [h.text for h in hits] == ["نظام سالم الحداد"]


def test_find_framing_terms_inside_a_direct_quote_is_the_speakers_word() -> None:
    text = 'وقال المتحدث: "إن المجموعة المزعومة لا تمثل أحداً"، مضيفاً أن الحوار مستمر.'
    hits = find_framing_terms(art(text))
    assert [(h.term, h.in_quote) for h in hits] == [("المزعوم", True)]
    view = framing_view([art(text)])
    assert view["loaded"] == 0 and view["quoted"] == 1


def test_find_framing_terms_offsets_point_into_the_original_text() -> None:
    text = "وأكّدت الصحيفةُ أنّ «الكيانَ الصهيونيّ» يواصل العدوان."
    for hit in find_framing_terms(art(text, quotes=False)):
        assert text[hit.start:hit.end] == hit.text


def test_scare_quotes_are_phrases_not_names() -> None:
    text = ("وأعلن «مجلس الإنقاذ» أن «الحل النهائي» بات قريباً، بينما التقى وفد من تنظيم "
            "\"جبهة الشمال\" مسؤولي «تويتر» عما سماه «أمن المنصات».")
    a = art(text)
    names = quoted_names([a, art("ويعقد مجلس الإنقاذ اجتماعه غداً.", "وكالة الضفة", "b")])
    found = [s["text"] for s in scare_quotes(a, names=names)]
    assert "الحل النهائي" in found
    assert "أمن المنصات" in found  # after a distancing term
    assert "مجلس الإنقاذ" not in found  # another outlet writes it bare: a name
    assert "جبهة الشمال" not in found  # after تنظيم: a name
    assert "تويتر" not in found  # a single word: a name


def test_attribution_summary_counts_verbs_by_stance() -> None:
    quotes = [Quote(0, 1, "x", "indirect", "س", None, "قال", "neutral", {"verb_lemma": "قال"}),
              Quote(0, 1, "x", "indirect", "س", None, "زعم", "loaded", {"verb_lemma": "زعم"}),
              Quote(0, 1, "x", "direct", "س", None, "قالت", "neutral", {"verb_lemma": "قال"})]
    article = Article(id="a", source="s", text="x", quotes=quotes)
    summary = attribution_summary([article])
    assert (summary["neutral"], summary["loaded"], summary["denial"]) == (2, 1, 0)
    assert summary["verbs"][0] == {"verb": "قال", "stance": "neutral", "count": 2}


def test_framing_view_groups_terms_with_counts_and_places() -> None:
    a = art("وصل وفد الهيئة المزعومة، وقال إن الهيئة المزعومة غير شرعية.", ident="a")
    view = framing_view([a])
    by_term = {t["term"]: t for t in view["terms"]}
    assert by_term["المزعوم"]["count"] == 2
    assert all(h["article"] == "a" for h in by_term["المزعوم"]["hits"])
    assert view["loaded"] == sum(t["count"] for t in view["terms"])
