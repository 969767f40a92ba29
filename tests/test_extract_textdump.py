"""The page-dump filter on the five real seed pages (read at run time from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.extract.textdump import DumpResult, extract_textdump

# (first words of the body, last words of the body) — short expected strings, not page text
SEED_BODIES = {
    "000": ("يستضيف وزير الخارجية الأميركي مايك بومبيو", "في العاصمة المغربية الرباط."),
    "001": ("في وقت أعلن فيه الرئيس الأميركي", "بحل هذا التحالف."),
    "002": ("أعلنت واشنطن أن وزراء خارجية", 'بمن فيهم الولايات المتحدة".'),
    "003": ("تتطلع الولايات المتحدة الأميركية", "أبرز القوى العسكرية الدولية."),
    "004": ("يعقد مسؤولون من الدول الرئيسية", "التي اندحر عنها الجهاديون."),
}

BOILERPLATE_MARKS = ("GMT", "almaghribtoday", "زر الذهاب", "مقالات ذات صلة", "الإسم *", "TT",
                     "(ا.ف.ب)", "اشترك", "الرسالة الإخبارية", "جميع الحقوق", "المصدر:",
                     "| وكالات", "نشرت في", "صحيفة الوطن", "إعصار")


def _seed_texts(seeds_dir: Path) -> dict[str, str]:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    assert sorted(texts) == sorted(SEED_BODIES), f"unexpected seed files: {sorted(texts)}"
    return texts


@pytest.fixture(scope="module")
def seed_results(seeds_dir: Path) -> dict[str, DumpResult]:
    return {k: extract_textdump(t) for k, t in _seed_texts(seeds_dir).items()}


@pytest.fixture(scope="module")
def seed_records(seeds_jsonl: Path) -> dict[str, dict]:
    with seeds_jsonl.open(encoding="utf-8") as fh:
        return {r["id"][:3]: r for r in map(json.loads, fh) if r}


@pytest.mark.parametrize("seed", sorted(SEED_BODIES))
def test_textdump_seed_body_starts_and_ends_at_article(seed_results, seed):
    first, last = SEED_BODIES[seed]
    body = seed_results[seed].body
    assert body.startswith(first), body[:80]
    assert body.endswith(last), body[-80:]


@pytest.mark.parametrize("seed", sorted(SEED_BODIES))
def test_textdump_seed_body_has_no_boilerplate_line(seed_results, seed):
    for line in seed_results[seed].body.split("\n"):
        for mark in BOILERPLATE_MARKS:
            assert mark not in line, (seed, mark, line)


@pytest.mark.parametrize("seed", sorted(SEED_BODIES))
def test_textdump_seed_body_is_one_contiguous_region(seed_results, seed, seeds_dir):
    res = seed_results[seed]
    text = _seed_texts(seeds_dir)[seed]
    raw = text.split("\n")
    lines = res.body_lines
    # every non-blank line between the first and last body line is kept
    inside = [n for n in range(lines[0], lines[-1] + 1) if raw[n - 1].strip()]
    assert inside == lines
    assert res.body == "\n".join(raw[n - 1].strip() for n in lines)


def test_textdump_seed_crossheads_stay(seed_results):
    assert "ألغام في المنازل" in seed_results["004"].body.split("\n")
    assert "تحذير من عودة داعش" in seed_results["002"].body.split("\n")


def test_textdump_seed_titles(seed_results):
    assert seed_results["000"].title == "«التحالف الدولي» يبحث كيفية إلحاق هزيمة دائمة بـ«داعش»"
    assert seed_results["000"].title_how == "line"
    assert seed_results["001"].title.startswith("اجتماع لوزراء خارجية «التحالف»")
    assert seed_results["002"].title.replace('"', "") == \
        "واشنطن تستضيف اجتماعا للتحالف الدولي ضد داعش"
    assert seed_results["004"].title_line == 1
    assert seed_results["004"].title.startswith("اجتماع للتحالف الدولي ضد تنظيم")


def test_textdump_seed_003_title_is_derived_from_first_sentence(seed_results):
    res = seed_results["003"]
    assert res.title_how == "derived"
    assert res.title_line is None
    assert res.title.startswith("تتطلع الولايات المتحدة الأميركية لتنظيم اجتماع دولي")
    assert len(res.title.split()) <= 21
    assert res.title != "بلدي نيوز"


def test_textdump_seed_000_unrelated_article_removed_with_reason(seed_results):
    res = seed_results["000"]
    cyclone = [b for b in res.removed if "إعصار" in b.text and "سقط ما لا يقل" in b.text]
    assert cyclone, [b.reason for b in res.removed]
    assert "unrelated article" in cyclone[0].reason
    assert "related" in cyclone[0].reason
    related = [b for b in res.removed if b.text.startswith("مقالات ذات صلة")]
    assert related and related[0].reason == "related-articles block"


def test_textdump_seed_002_removed_blocks_explain_themselves(seed_results):
    reasons = {b.reason for b in seed_results["002"].removed}
    assert "comment form" in reasons
    assert "headline list with time stamps" in reasons
    assert "footer / Latin-script address" in reasons
    form = next(b for b in seed_results["002"].removed if b.reason == "comment form")
    assert "الإسم *" in form.text and "Security Code*" in form.text
    stamps = next(b for b in seed_results["002"].removed if b.reason.startswith("headline list"))
    assert stamps.text.count("GMT") >= 10


def test_textdump_seed_other_reasons(seed_results):
    def reason_of(seed: str, fragment: str) -> str:
        hits = [b.reason for b in seed_results[seed].removed if fragment in b.text]
        assert hits, (seed, fragment)
        return hits[0]

    assert reason_of("001", "زر الذهاب إلى الأعلى") == "back-to-top button"
    assert reason_of("004", "اشترك") == "newsletter box"
    assert reason_of("000", "(ا.ف.ب)") == "duplicated photo caption"
    assert reason_of("001", "سورية") == "navigation/section label"


def test_textdump_seed_outlets_found_in_page(seed_results):
    assert (seed_results["001"].outlet, seed_results["001"].outlet_how) == ("الوطن", "page")
    assert seed_results["002"].outlet == "المغرب اليوم"
    assert seed_results["003"].outlet == "بلدي نيوز"


def test_textdump_seed_credits(seed_results):
    assert seed_results["003"].credits == ["الشرق الأوسط"]
    assert seed_results["001"].credits == ["وكالات"]
    assert seed_results["000"].credits == []


def test_textdump_seed_publication_dates_only_when_stated(seed_results):
    # 004 says "نشرت في:" with no date; 002 only gives an update time; the dates in 002's
    # headline list belong to other articles.
    for seed in SEED_BODIES:
        assert seed_results[seed].published is None, seed


def test_textdump_seed_jsonl_same_bodies_and_meta_wins(seed_records, seed_results):
    for seed, rec in seed_records.items():
        res = extract_textdump(rec["text"], meta={"outlet": rec["outlet"],
                                                  "published": rec["published"]})
        assert res.body_lines == seed_results[seed].body_lines
        assert res.outlet == rec["outlet"] and res.outlet_how == "meta"
        assert res.published == rec["published"] and res.published_how == "meta"


def test_textdump_seed_body_lines_exclude_title(seed_results):
    for res in seed_results.values():
        if res.title_line is not None:
            assert res.title_line not in res.body_lines


def test_textdump_seed_every_line_accounted_for(seed_results, seeds_dir):
    texts = _seed_texts(seeds_dir)
    for seed, res in seed_results.items():
        nonblank = {n for n, line in enumerate(texts[seed].split("\n"), 1) if line.strip()}
        removed = {n for b in res.removed for n in range(b.first_line, b.last_line + 1)}
        assert nonblank <= removed | set(res.body_lines), seed
        assert not removed & set(res.body_lines), seed
        assert all(b.reason for b in res.removed)


# --- robustness: the same seeds, changed in ways that must not change the article -----------

PERTURBATIONS = {
    "no_blank_lines": lambda t: "\n".join(x for x in t.split("\n") if x.strip()),
    "blank_between_all": lambda t: "\n\n".join(t.split("\n")),
    "crlf_nbsp_rtl_marks": lambda t: "\r\n".join(" \u00a0" + x + "\u200f " for x in t.split("\n")),
    "cookie_notice_on_top": lambda t: (
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع، وبمواصلة التصفح فإنك توافق على "
        "ذلك.\nموافق\n" + t),
    "more_footer": lambda t: t + "\nمن نحن\nاتصل بنا\nسياسة الخصوصية\nتابعونا على تويتر\n© 2024",
}


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_textdump_seed_bodies_survive_perturbations(seeds_dir, seed_results, name):
    for seed, text in _seed_texts(seeds_dir).items():
        res = extract_textdump(PERTURBATIONS[name](text))
        assert res.body == seed_results[seed].body, (seed, name)


def test_textdump_seed_000_longer_unrelated_article_does_not_win(seeds_dir):
    lines = _seed_texts(seeds_dir)["000"].split("\n")
    start = lines.index("مقالات ذات صلة")
    other = [x for x in lines[start:] if len(x.split()) > 12 and not x.endswith(")")]
    res = extract_textdump("\n".join(lines + other * 4))
    assert res.body.startswith(SEED_BODIES["000"][0])
    assert res.body.endswith(SEED_BODIES["000"][1])


def test_textdump_seed_000_one_paragraph_article_still_chosen_by_its_title(seeds_dir):
    lines = _seed_texts(seeds_dir)["000"].split("\n")
    first = next(i for i, x in enumerate(lines) if x.startswith(SEED_BODIES["000"][0]))
    start = lines.index("مقالات ذات صلة")
    other = [x for x in lines[start:] if len(x.split()) > 12 and not x.endswith(")")]
    text = "\n".join(lines[: first + 1] + lines[start - 2:] + other * 3)
    res = extract_textdump(text)
    assert res.body_lines == [first + 1]


def test_textdump_seed_000_caption_between_paragraphs_is_dropped_article_goes_on(seeds_dir):
    lines = _seed_texts(seeds_dir)["000"].split("\n")
    first = next(i for i, x in enumerate(lines) if x.startswith(SEED_BODIES["000"][0]))
    caption = "جانب من اجتماع سابق لوزراء التحالف (رويترز)"
    res = extract_textdump("\n".join([*lines[:first + 2], caption, *lines[first + 2:]]))
    assert caption not in res.body.split("\n")
    assert res.body.endswith(SEED_BODIES["000"][1])
    assert any(b.reason == "photo caption" and b.text == caption for b in res.removed)


def test_textdump_seed_004_wire_credit_line_after_article(seeds_dir):
    lines = _seed_texts(seeds_dir)["004"].split("\n")
    last = next(i for i, x in enumerate(lines) if x.endswith(SEED_BODIES["004"][1]))
    text = "\n".join([*lines[:last + 1], "فرانس24/ أ ف ب", *lines[last + 1:]])
    res = extract_textdump(text, meta={"outlet": "فرانس 24"})
    assert res.body.endswith(SEED_BODIES["004"][1])
    assert res.credits == ["أ ف ب"]
