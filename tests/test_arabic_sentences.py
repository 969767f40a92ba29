"""Tests for marsad.arabic.sentences.split_sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_spans_point_into_original_text():
    text = "  قال الوزير إن الاجتماع انتهى. وأضاف أن النتائج جيدة!\nسطر ثان؟ نعم  "
    spans = split_sentences(text)
    assert [s.label for s in spans] == ["SENT"] * 4
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert _texts(text) == ["قال الوزير إن الاجتماع انتهى.", "وأضاف أن النتائج جيدة!",
                            "سطر ثان؟", "نعم"]


def test_sentences_arabic_comma_semicolon_colon_do_not_split():
    text = "وقال الوزير، في بيان اليوم، إن الاجتماع مهم؛ وأضاف: الوضع صعب."
    assert _texts(text) == [text]


def test_sentences_newline_always_ends_a_sentence():
    assert _texts("عنوان بلا نقطة\nجملة أولى\n\n\nجملة ثانية") == [
        "عنوان بلا نقطة", "جملة أولى", "جملة ثانية"]


def test_sentences_no_split_inside_guillemets_or_quotes():
    text = "وقال: «لن ننسحب. سنبقى هنا» وأضاف أن الوضع صعب. ثم غادر."
    assert _texts(text) == ["وقال: «لن ننسحب. سنبقى هنا» وأضاف أن الوضع صعب.", "ثم غادر."]
    text = 'وقال المسؤول "لن ننسحب. سنبقى هنا" للصحفيين. ثم غادر.'
    assert _texts(text) == ['وقال المسؤول "لن ننسحب. سنبقى هنا" للصحفيين.', "ثم غادر."]
    text = "قال “نحن هنا. لن نغادر” ثم صمت. انتهى."
    assert _texts(text)[0] == "قال “نحن هنا. لن نغادر” ثم صمت."


def test_sentences_nested_quotes():
    text = 'قال: «وصفه بأنه "خطير. جدا" ثم سكت. بعدها تكلم» وانصرف. النهاية.'
    assert _texts(text) == ['قال: «وصفه بأنه "خطير. جدا" ثم سكت. بعدها تكلم» وانصرف.',
                            "النهاية."]


def test_sentences_terminator_closing_a_quote_ends_after_the_mark():
    text = 'وأضاف البيان: "ومع هزيمة داعش سيواصل التحالف جهوده." وقال مسؤول آخر إن ذلك صحيح.'
    assert _texts(text) == ['وأضاف البيان: "ومع هزيمة داعش سيواصل التحالف جهوده."',
                            "وقال مسؤول آخر إن ذلك صحيح."]


def test_sentences_unbalanced_quote_does_not_swallow_the_rest():
    text = 'وقالت الوزارة في بيان: "إن الولايات المتحدة مصممة. وستظل ملتزمة. والقرار نهائي.'
    assert len(split_sentences(text)) == 3
    text = "«بدأت الجلسة. وانتهت بسرعة. ثم خرج الجميع."
    assert len(split_sentences(text)) == 3


def test_sentences_long_quote_is_capped():
    inner = " ".join(["كلام طويل جدا."] * 80)
    text = f"قال: «{inner}» وانتهى."
    assert len(split_sentences(text)) > 10
    # within the cap the quotation stays whole (its closing period ends the sentence)
    assert len(split_sentences(text, max_quote_chars=5000)) == 2


def test_sentences_initials_and_abbreviations_do_not_split():
    assert len(split_sentences("وزير الخارجية مايك بومبيو (ا.ف.ب) في واشنطن.")) == 1
    assert len(split_sentences("قال د. محمد إن م. أحمد وصل نقلا عن أ.ف.ب أمس.")) == 1
    assert len(split_sentences("ولد عام 1440 هـ. في مكة")) == 1
    assert len(split_sentences("The U.S. Secretary met Mr. Smith and Dr. Jones today.")) == 1
    assert len(split_sentences("M. Macron a rencontré Mme Merkel, cf. le communiqué.")) == 1


def test_sentences_numbers_do_not_split_but_may_end_a_sentence():
    assert _texts("ارتفع المؤشر 3.5 في المئة و٣٫٥ أمس.") == ["ارتفع المؤشر 3.5 في المئة و٣٫٥ أمس."]
    assert _texts("عقد الاجتماع في 2018. وتلاه اجتماع آخر.") == [
        "عقد الاجتماع في 2018.", "وتلاه اجتماع آخر."]


def test_sentences_glued_period_between_arabic_words_splits():
    assert _texts("انتهى الاجتماع في سوريا.وقال الوزير إنه راض.") == [
        "انتهى الاجتماع في سوريا.", "وقال الوزير إنه راض."]
    assert len(split_sentences("Visit example.com for details.")) == 1


def test_sentences_question_exclamation_ellipsis():
    assert _texts("هل انتهى؟! لا أعرف… ربما غدا.") == ["هل انتهى؟!", "لا أعرف…", "ربما غدا."]
    assert _texts("Is it over? Yes! It is.") == ["Is it over?", "Yes!", "It is."]


def test_sentences_english_and_french():
    assert _texts("The meeting ended. Ministers left. They will meet again in May.") == [
        "The meeting ended.", "Ministers left.", "They will meet again in May."]
    assert _texts("La réunion est terminée. Les ministres sont partis.") == [
        "La réunion est terminée.", "Les ministres sont partis."]
    assert len(split_sentences("It costs approx. five dollars.")) == 1


def test_sentences_list_numbering_is_kept_with_its_item():
    assert _texts("1. البند الأول\n2. البند الثاني") == ["1. البند الأول", "2. البند الثاني"]


def test_sentences_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []
    assert _texts("...") == ["..."]


def test_sentences_seed_002_quote_line_is_one_sentence(seeds_dir):
    path = next(seeds_dir.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    start = text.index("وأضاف كوتس")
    end = text.index("\n", start)
    inside = [s for s in split_sentences(text) if start <= s.start < end]
    assert len(inside) == 1
    assert inside[0].start == start
    assert inside[0].text == text[start:end].strip()
    assert "،" in inside[0].text  # the Arabic comma did not split it


def test_sentences_seeds_offsets_are_exact(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert spans, path.name
        prev_end = 0
        for s in spans:
            assert text[s.start:s.end] == s.text
            assert s.start >= prev_end
            assert "\n" not in s.text
            prev_end = s.end


_PIECES = st.sampled_from(["قال", "الوزير", "Mr.", "د.", "3.5", "2018", ".", "!", "؟", "…",
                           "،", ":", "«", "»", '"', "“", "”", " ", " ", "\n", "(ا.ف.ب)", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_sentences_spans_are_ordered_stripped_and_exact(text):
    spans = split_sentences(text)
    prev_end = 0
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= prev_end
        prev_end = s.end
    # every non-space character is inside some sentence
    covered = sum(len(s.text.replace(" ", "")) for s in spans)
    assert covered == len("".join(text.split()))
