"""The page-dump filter on the team's invented fixtures, edge cases and the outlet profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ConfigError, NotFittedError
from marsad.extract.textdump import OutletProfile, extract_textdump, line_f1, split_lines
from marsad.extract.textdump_dates import is_date_line, parse_date
from marsad.extract.textdump_meta import copyright_owner, derive_title, outlet_from_folder

FIXTURES = Path(__file__).parent / "fixtures" / "textdump"


def _gold() -> list[dict]:
    with (FIXTURES / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD = _gold()
IDS = [g["path"] for g in GOLD]


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_textdump_fixture_body_lines_exact(gold):
    res = extract_textdump((FIXTURES / gold["path"]).read_text(encoding="utf-8"))
    assert res.body_lines == gold["body_lines"], res.explain()


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_textdump_fixture_title_outlet_date_credits_author(gold):
    res = extract_textdump((FIXTURES / gold["path"]).read_text(encoding="utf-8"))
    if gold["title"]:
        assert (res.title, res.title_how) == (gold["title"], "line")
    else:
        assert res.title_how == "derived" and res.title
    assert res.outlet == gold["outlet_page"]
    assert res.published == gold["published"]
    assert res.credits == gold["credits"]
    assert res.author == gold["author"]


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_textdump_fixture_outlet_from_folder_beats_page(gold):
    path = FIXTURES / gold["path"]
    res = extract_textdump(path.read_text(encoding="utf-8"), meta={"path": str(path)})
    folder = path.parent.name
    if folder == "pages":  # a generic folder names no outlet: the page is read instead
        assert res.outlet == gold["outlet_page"]
        assert res.outlet_how in (None, "page")
    else:
        assert (res.outlet, res.outlet_how) == (folder.replace("_", " "), "folder")


def test_textdump_reasons_on_fixtures():
    res = extract_textdump((FIXTURES / "pages" / "wfp-funding.txt").read_text(encoding="utf-8"))
    reasons = {b.first_line: b.reason for b in res.removed}
    assert reasons[6] == "advertisement"
    assert reasons[10] == "related-articles block"
    assert reasons[14] == "unrelated article after related-articles block"
    sada = FIXTURES / "sada_alsharq" / "2023-03-12-water-ministers.txt"
    res = extract_textdump(sada.read_text(encoding="utf-8"))
    by_line = {line: b.reason for b in res.removed for line in b.text.split("\n")}
    assert by_line["الرئيسية » عربي ودولي"] == "navigation/section label"
    assert by_line["بقلم: سامر الحلبي"] == "byline"
    assert by_line["شارك"] == "share/print buttons"
    assert by_line["أخبار ذات صلة"] == "related-articles block"
    assert by_line["جميع الحقوق محفوظة © 2023 صدى الشرق"] == "footer (copyright)"
    assert "تمويل دولي" in res.body.split("\n")  # a crosshead between paragraphs stays


def test_textdump_empty_text():
    res = extract_textdump("")
    assert (res.body, res.body_lines, res.removed, res.title) == ("", [], [], "")
    assert extract_textdump("\n \n\t\n").body == ""


def test_textdump_empty_text_keeps_meta():
    res = extract_textdump("", meta={"outlet": "صدى الشرق", "published": "2023-03-12",
                                     "title": "عنوان"})
    assert (res.outlet, res.published, res.title, res.title_how) == (
        "صدى الشرق", "2023-03-12", "عنوان", "meta")


def test_textdump_text_without_arabic():
    text = "Menu\nSearch\nA headline about nothing\n" + (
        "This is a long English sentence that has many words in it and ends properly here.\n" * 3)
    res = extract_textdump(text)
    assert res.body_lines == [4, 5, 6]
    assert res.title == "A headline about nothing"


def test_textdump_no_article_text():
    res = extract_textdump("الرئيسية\nسياسة\nاقتصاد\nاتصل بنا")
    assert res.body == ""
    assert all(b.reason for b in res.removed)
    assert {n for b in res.removed for n in range(b.first_line, b.last_line + 1)} == {1, 2, 3, 4}


def test_textdump_single_line():
    line = ("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، "
            "تشمل قروضا ميسرة وبذورا محسنة وتدريبا على أساليب الري الحديثة.")
    res = extract_textdump(line)
    assert res.body == line and res.body_lines == [1]
    assert res.title_how == "derived"
    assert extract_textdump("مرحبا").body == ""


def test_textdump_windows_and_old_mac_newlines():
    text = "عنوان الخبر هنا للتجربة\r\n" + ("جملة طويلة بما يكفي لتكون فقرة من فقرات المقال "
                                        "وتنتهي بنقطة في آخرها كما ينبغي.\r\n") * 2
    res = extract_textdump(text)
    assert res.body_lines == [2, 3]
    assert split_lines("a\rb\r\nc\nd") == ["a", "b", "c", "d"]


def test_textdump_50000_lines_no_crash():
    unit = (FIXTURES / "sada_alsharq" / "2023-03-12-water-ministers.txt").read_text(
        encoding="utf-8").split("\n")
    lines = (unit * (50_000 // len(unit) + 1))[:50_000]
    res = extract_textdump("\n".join(lines))
    assert res.body_lines and len(res.features) == 50_000


def test_textdump_50000_distinct_lines_no_crash():
    text = "\n".join(f"سطر رقم {i} في صفحة طويلة جدا بلا مقال" for i in range(50_000))
    res = extract_textdump(text)
    assert len(res.features) == 50_000


def test_textdump_meta_title_wins_and_page_title_line_is_found():
    path = FIXTURES / "alnahar_aljadid" / "subsidy-cash.txt"
    res = extract_textdump(path.read_text(encoding="utf-8"),
                           meta={"title": "الحكومة تبدأ تطبيق منظومة الدعم النقدي في ثلاث محافظات"})
    assert res.title_how == "meta" and res.title_line == 4


def test_textdump_features_for_debugging():
    res = extract_textdump((FIXTURES / "nabd_aljanoub" / "old-markets.txt").read_text("utf-8"))
    feats = {lf.lineno: lf for lf in res.features}
    assert feats[2].cls == "good" and feats[2].ends_sentence and feats[2].arabic > 0.9
    assert feats[1].reason
    assert res.to_dict(with_features=True)["features"][0]["line"] == 1


# --- outlet profile -------------------------------------------------------------------------

TEMPLATE = ["مراسلونا في العواصم", "خدمة الرسائل العاجلة على هاتفك",
            "ألوان وأصوات من المدينة القديمة"]


def _page(i: int) -> str:
    para = (f"هذه فقرة طويلة رقم {i} من مقال متخيل عن موضوع مختلف في كل صفحة، وتضم كلمات كافية "
            "لتبدو مثل فقرات الأخبار وتنتهي بنقطة.")
    wire = ("وقالت الوكالة في بيانها إن الاجتماع المقبل سيعقد في موعده المحدد دون أي تأجيل، "
            "بحضور جميع الأطراف المعنية.")
    return "\n".join([TEMPLATE[0], f"عنوان الخبر رقم {i} عن قضية ما", para, TEMPLATE[1], para,
                      wire, TEMPLATE[2]])


def test_textdump_profile_drops_template_lines():
    pages = [_page(i) for i in range(4)]
    profile = OutletProfile().fit(pages)
    assert profile.n_pages_ == 4
    res = extract_textdump(pages[0], profile=profile)
    kept = res.body.split("\n")
    assert TEMPLATE[1] not in kept
    reasons = {b.text: b.reason for b in res.removed}
    assert reasons[TEMPLATE[1]] == "repeated across pages of this outlet"
    # a prose line on every one of 4 pages (>= 3 pages and >= 50%) is template too
    assert not any(line.startswith("وقالت الوكالة") for line in kept)


def profile_key(line: str) -> str:
    from marsad.extract.textdump_lines import match_key

    return match_key(line)


def test_textdump_profile_keeps_prose_repeated_on_two_pages():
    pages = [_page(i) for i in range(2)]
    profile = OutletProfile().fit(pages)
    res = extract_textdump(pages[0], profile=profile)
    kept = res.body.split("\n")
    assert any(line.startswith("وقالت الوكالة") for line in kept)
    # on two pages only, a short line between two paragraphs may be a shared crosshead: kept
    assert TEMPLATE[1] in kept
    assert TEMPLATE[2] not in kept


def test_textdump_profile_partial_fit_accumulates():
    profile = OutletProfile().partial_fit([_page(0)]).partial_fit([_page(1), _page(2)])
    assert profile.n_pages_ == 3
    assert profile.line_counts_[profile_key(TEMPLATE[0])] == 3
    assert profile.fit([_page(5)]).n_pages_ == 1  # fit starts over


def test_textdump_profile_share_rule_when_many_pages():
    pages = [_page(i) for i in range(20)]
    pages[0] += "\nسطر يظهر في صفحتين فقط"
    pages[1] += "\nسطر يظهر في صفحتين فقط"
    profile = OutletProfile().fit(pages)
    assert profile.threshold() == 10
    assert not profile.is_template(profile_key("سطر يظهر في صفحتين فقط"))
    assert profile.is_template(profile_key(TEMPLATE[0]))


def test_textdump_profile_unfitted_and_params():
    profile = OutletProfile(min_pages=3)
    with pytest.raises(NotFittedError, match="fit"):
        profile.is_template("x")
    assert profile.get_params()["min_pages"] == 3
    with pytest.raises(ConfigError, match="valid parameters"):
        profile.set_params(nope=1)
    with pytest.raises(ConfigError, match="min_share"):
        OutletProfile(min_share=2.0).fit([])
    # an unfitted profile is not used by the filter (and does not crash it)
    assert extract_textdump(_page(0), profile=OutletProfile()).body


# --- small parts ----------------------------------------------------------------------------


def test_textdump_line_f1():
    assert line_f1({1, 2, 3}, {2, 3, 4}) == pytest.approx(
        {"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3, "tp": 2, "fp": 1, "fn": 1})
    assert line_f1(set(), set())["f1"] == 1.0
    assert line_f1({1}, set())["f1"] == 0.0


@pytest.mark.parametrize(("text", "iso"), [
    ("الخميس 31 كانون الثاني / يناير 2019", "2019-01-31"),
    ("GMT 14:26 2026 الجمعة ,23 كانون الثاني / يناير", "2026-01-23"),
    ("31/01/2019 - 10:30", "2019-01-31"),
    ("2019-02-01T10:00:00Z", "2019-02-01"),
    ("الأحد 14 شتنبر 2023", "2023-09-14"),
    ("12 جويلية 2021", "2021-07-12"),
    ("٢٥ جمادى الأولى ١٤٤٠ هـ", "2019-01-31"),
    ("Published: 3 March 2021", "2021-03-03"),
    ("آخر تحديث GMT 17:15:47", None),
    ("نشرت في:", None),
])
def test_textdump_parse_date(text, iso):
    assert parse_date(text) == iso


def test_textdump_is_date_line():
    assert is_date_line("GMT 10:11 2026 السبت ,07 شباط / فبراير")
    assert is_date_line("10:22")
    assert not is_date_line("يعقد مسؤولون اجتماعا في كوبنهاغن الثلاثاء 09 أيار/مايو 2017 لتقييم")


def test_textdump_small_helpers():
    assert copyright_owner("© 2022 الخليج الرقمي. جميع الحقوق محفوظة") == "الخليج الرقمي"
    assert copyright_owner("جميع الحقوق محفوظة لـ صدى الشرق 2023") == "صدى الشرق"
    assert copyright_owner("نص عادي") is None
    assert outlet_from_folder("/data/pages/x.txt") is None
    assert outlet_from_folder("/data/sada_alsharq/x.txt") == "sada alsharq"
    assert outlet_from_folder("/data/2019-01-31/x.txt") is None
    long = ("أعلنت الوزارة، في بيان صدر اليوم عن مكتبها الإعلامي في العاصمة بعد اجتماع مطول، "
            "أن الخطة ستنفذ قريبا.")
    assert derive_title(long) == ("أعلنت الوزارة، في بيان صدر اليوم عن مكتبها الإعلامي في "
                                  "العاصمة بعد اجتماع مطول")
    assert derive_title("خبر قصير جدا. وجملة ثانية.") == "خبر قصير جدا"


def test_textdump_profile_keeps_crosshead_shared_by_two_versions_of_a_story():
    def story(version: int) -> str:
        return "\n".join([
            TEMPLATE[0], "عنوان خبر الاتفاق الجديد بين الطرفين",
            f"أعلن الطرفان في نسخة رقم {version} من الخبر توصلهما إلى اتفاق جديد بعد مفاوضات "
            "طويلة، على أن يوقع الأسبوع المقبل.",
            "تفاصيل الاتفاق الجديد",
            f"وينص الاتفاق في نسخته رقم {version} على تبادل الأسرى وفتح المعابر أمام المساعدات "
            "الإنسانية خلال شهر.", TEMPLATE[2]])

    pages = [story(1), story(2), *(_page(i) for i in range(3, 6))]
    profile = OutletProfile().fit(pages)
    assert profile.is_template(profile_key("تفاصيل الاتفاق الجديد"))
    res = extract_textdump(pages[0], profile=profile)
    assert "تفاصيل الاتفاق الجديد" in res.body.split("\n")
    assert TEMPLATE[0] not in res.body.split("\n")


def test_textdump_relative_stamps_are_stamps():
    assert is_date_line("منذ 3 ساعات") and is_date_line("قبل دقيقتين")
    assert is_date_line("3 hours ago") and is_date_line("il y a 2 heures")
    assert not is_date_line("منذ سنوات طويلة")


def test_textdump_dateline_date_with_year_from_copyright():
    text = ("عنوان خبر عن اجتماع وزاري في المدينة\n"
            "عمّان 4 شباط/فبراير (وكالة) - عقد الوزراء اجتماعا مطولا اليوم في العاصمة لبحث "
            "خطة التعاون الإقليمي، بحضور ممثلين عن عشر دول.\n"
            "وقال المتحدث باسم الوزارة إن الاجتماع انتهى إلى توصيات سترفع إلى القمة المقبلة.\n"
            "جميع الحقوق محفوظة © 2025")
    res = extract_textdump(text)
    assert (res.published, res.published_how) == ("2025-02-04", "inferred")
    assert "2025" in res.published_evidence


def test_textdump_question_title_right_above_the_article_is_the_title():
    text = ("هل تنجح خطة الحكومة في خفض الأسعار؟\n"
            "أعلنت الحكومة اليوم خطة جديدة لخفض أسعار المواد الغذائية الأساسية، تشمل دعما مباشرا "
            "للمنتجين وتخفيضا للرسوم الجمركية.\n"
            "وقال وزير الاقتصاد إن الخطة ستطبق على مراحل خلال الأشهر الستة المقبلة، بدءا من السلع "
            "الأكثر استهلاكا.\nشارك")
    res = extract_textdump(text)
    assert (res.title_line, res.body_lines) == (1, [2, 3])


def test_textdump_article_of_short_sentences_is_found():
    text = ("عاجل\nالرئيسية\nانفجار في ميناء المدينة\nوقع انفجار قوي في الميناء صباح اليوم.\n"
            "وهرعت سيارات الإسعاف إلى المكان.\nولم تعرف أسباب الانفجار بعد.\n"
            "وفتحت السلطات تحقيقا في الحادث.\nشارك")
    res = extract_textdump(text)
    assert res.body_lines == [4, 5, 6, 7]
    assert res.title == "انفجار في ميناء المدينة"


def test_textdump_article_fields_and_explain():
    from marsad.model import Article

    path = FIXTURES / "alnoor_net" / "election-law.txt"
    res = extract_textdump(path.read_text(encoding="utf-8"))
    art = Article(id="x", source=str(path), text="").replace(**res.article_fields())
    assert art.text == res.body and art.title == res.title and art.credits == ["وكالات"]
    assert art.removed and all(b.reason for b in art.removed)
    report = res.explain()
    assert "'read also' link" in report and "title (line)" in report


def test_textdump_profile_title_cross_linked_from_another_page_stays_the_title():
    page = (FIXTURES / "sada_alsharq" / "2023-03-12-water-ministers.txt").read_text("utf-8")
    title = "وزراء المياه العرب يتفقون على خطة مشتركة لمواجهة الجفاف"
    other = _page(1) + "\nأخبار ذات صلة\n" + title
    profile = OutletProfile().fit([page, other, _page(2), _page(3)])
    assert profile.is_template(profile_key(title))
    res = extract_textdump(page, profile=profile)
    assert (res.title, res.title_how) == (title, "line")
