"""Tests for the ``language`` stage (marsad.arabic.stage)."""

from __future__ import annotations

from marsad.arabic.normalize import normalize
from marsad.arabic.stage import guess_name_tokens, language_stage
from marsad.arabic.stem import stem
from marsad.model import Article
from marsad.pipeline import check_order, get_stage

_BODY = (
    "يستضيف وزير الخارجية الأميركي مايك بومبيو في السادس من فبراير اجتماعاً للتحالف الدولي.\n"
    "وقال الرئيس الأمريكي دونالد ترمب، في تغريدة، إن «النصر قريب. والقضاء على التنظيم وشيك».\n"
    "وأعرب وزير الدفاع المستقيل جيمس ماتيس عن قلقه من قرار الانسحاب. وكان لبومبيو رأي آخر."
)


def _article(**kw) -> Article:
    fields = {"id": "a1", "source": "test", "text": _BODY, "title": "«التحالف الدولي» يجتمع"}
    fields.update(kw)
    return Article(**fields)


def test_stage_language_is_registered_with_requires_and_assigns():
    info = get_stage("language")
    assert info.func is language_stage
    assert set(info.requires) == {"text", "title"}
    assert set(info.assigns) == {"norm_text", "norm_title", "sentences", "stems", "language"}
    check_order(["language"])


def test_stage_language_fills_fields_without_mutating_input(settings):
    article = _article()
    out = language_stage(article, settings=settings)
    assert article.norm_text == "" and article.sentences == []  # input untouched
    assert out.norm_text == normalize(_BODY)
    assert out.norm_title == '"التحالف الدولي" يجتمع'
    assert out.language == "ar"
    assert [s.text for s in out.sentences][:2] == [
        "يستضيف وزير الخارجية الأميركي مايك بومبيو في السادس من فبراير اجتماعاً للتحالف الدولي.",
        "وقال الرئيس الأمريكي دونالد ترمب، في تغريدة، إن «النصر قريب. والقضاء على التنظيم وشيك».",
    ]
    assert all(_BODY[s.start:s.end] == s.text and s.label == "SENT" for s in out.sentences)


def test_stage_language_stems_keep_names(settings):
    out = language_stage(_article(), settings=settings)
    for name in ("مايك", "بومبيو", "دونالد", "ترمب", "جيمس", "ماتيس"):
        assert name in out.stems, name
    assert stem("التحالف") in out.stems
    assert "ومب" not in out.stems  # what Snowball would make of بومبيو
    assert out.stems.count("بومبيو") == 2  # لبومبيو too


def test_stage_language_keeps_extractor_language(settings):
    out = language_stage(_article(language="fr"), settings=settings)
    assert out.language == "fr"


def test_stage_language_detects_english(settings):
    text = "The coalition ministers will meet in Washington. Secretary Pompeo hosts the talks."
    out = language_stage(_article(text=text, title="Coalition meets"), settings=settings)
    assert out.language == "en"
    assert "meet" in out.stems and "coalit" in out.stems


def test_stage_language_bad_input_does_not_crash(settings):
    out = language_stage(_article(text="", title=""), settings=settings)
    assert (out.norm_text, out.sentences, out.stems, out.language) == ("", [], [], None)
    out = language_stage(_article(text="!!! ... 123", title=""), settings=settings)
    assert out.language is None and out.stems == []
    out = language_stage(_article(text="كلمة \ud800 وزير\x00 the end", title="\udfff"),
                         settings=settings)
    assert out.language == "ar" and len(out.sentences) == 1
    out = language_stage(_article(language="zz"), settings=settings)  # no stemmer for it
    assert out.stems and "بومبيو" in out.stems


def test_stage_language_on_seed_pages(settings, seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out = language_stage(_article(text=text, title=""), settings=settings)
        assert out.language == "ar"
        assert out.sentences and out.stems
        assert all(text[s.start:s.end] == s.text for s in out.sentences)


def test_stage_guess_name_tokens_after_titles():
    tokens = normalize("قال وزير الخارجية الاميركي مايك بومبيو في بيان ، ثم الرئيس ترمب .").split()
    names = guess_name_tokens(tokens)
    assert {"مايك", "بومبيو", "ترمب"} <= names
    assert not names & {"في", "بيان", "الخارجيه", "قال"}
