"""Lexicon and document view behind :mod:`marsad.enrich.quotes`.

The reporting verbs (``data/attribution_verbs.tsv``, loaded once), the closed word classes the
speaker rules use (titles, prepositions, complementizers …), the candidate record and the
per-text document view (tokens, speech verbs, sentence bounds, entities).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from marsad.enrich.quantities_lexicon import ARABIC, DIGIT, LATIN, bare, key, tokens
from marsad.model import Span


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    stance: str
    act: str


@functools.lru_cache(maxsize=1)
def _verbs() -> dict[str, list[tuple[tuple[str, ...], _Verb]]]:
    """First word key → [(following word keys, verb)], longest first."""
    text = resources.files("marsad.data").joinpath("attribution_verbs.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    index: dict[str, list[tuple[tuple[str, ...], _Verb]]] = {}
    for row in rows[1:]:
        if len(row) < 4:
            continue
        verb = _Verb(row[0].strip(), row[1].strip(), row[2].strip())
        for form in row[3].split(","):
            ks = tuple(t.key for t in tokens(form.strip()))
            if ks:
                index.setdefault(ks[0], []).append((ks[1:], verb))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@functools.lru_cache(maxsize=1)
def _verb_firsts() -> frozenset[str]:
    """Every token key that can start a verb form, with and without و/ف."""
    firsts = set(_verbs())
    firsts.update(p + k for k in _verbs() for p in "وف")
    return frozenset(firsts)


def _words(s: str) -> frozenset[str]:
    return frozenset(key(w) for w in s.split())


_CALL_PREPS = _words("إلى الى ب بـ")
_COMPLEMENTIZERS = _words("إن أن ان بأن بان أنه إنه انه بأنه بانه أنها إنها انها بأنها أنهم إنهم "
                          "بأنهم أنهما إنهما أننا إننا أنني إنني that que qu")
_TITLES = _words(
    "وزير وزيرة رئيس رئيسة مدير مديرة زعيم زعيمة متحدث متحدثة ناطق ناطقة سفير سفيرة مبعوث "
    "مبعوثة موفد قائد قائدة أمين نائب نائبة مستشار مستشارة عضو عضوة مسؤول مسؤولة مسؤولو "
    "مسؤولي ملك أمير شيخ جنرال لواء عميد عقيد فريق مشير دكتور د سيناتور مرشد مفوض مفوضة "
    "مندوب مندوبة ممثل ممثلة محافظ والي عمدة سيد سيدة إمام بابا مطران كاردينال سلطان ولي "
    "حاكم المتحدث المتحدثة الناطق الرئيس الملك الأمير الشيخ الجنرال اللواء العميد العقيد "
    "الفريق المشير الدكتور السيناتور النائب المرشد المفوض المندوب السيد السيدة الإمام "
    "البابا السلطان القائد الموفد المبعوث السفير الأمين المسؤول الوزير الوزيرة زعيم قائد "
    "مصدر مصادر خبير محلل مراسل منسق منسقة المنسق مساعد مساعدة وكيل وكيلة سكرتير أستاذ "
    "باحث ناشط ناشطة الناشط الناشطة المفوضة المحلل الخبير المراسل الوكيل المساعد "
    "مديرة المديرة رئيسة الرئيسة أمينة الأمينة قاض القاضي")
_OFFICIALS = _words("مسؤول مسؤولة مسؤولو مسؤولي المسؤول المسؤولين مسؤولين مسؤولون مصدر مصادر "
                    "متحدث وفد الوفد مراقبون مراقبين دبلوماسيون دبلوماسيين دبلوماسي خبراء "
                    "محللون محللين ناشطون ناشطين شهود سكان مواطنون مصادر المصادر المصدر "
                    "المتحدث ناطق الناطق عضو أعضاء ممثل ممثلة خبير زعيم رئيس وزير مدير سفير "
                    "مبعوث موفد الموفد المبعوث قائد نائب مستشار")
_PREPS = _words("في خلال أمام عند عبر على إلى الى مع منذ بعد قبل حيث لدى حول ضد عقب إثر اثر "
                "من عن بشأن حيال تجاه وسط داخل خارج أثناء بين لـ ل")
_KEEP_AFTER_TITLE = _words("في لدى باسم")
_COMM_NOUNS = _words(
    "بيان بيانه بيانها البيان تغريدة تغريدات تغريدته تغريدتها مؤتمر المؤتمر تصريح تصريحات "
    "تصريحه تصريحاتها تصريحاته حديث حديثه حديثها مقابلة المقابلة كلمة كلمته كلمتها رسالة "
    "منشور حوار تقرير تقريره شهادة شهادته شهادتهم جلسة لقاء اتصال ختام افتتاح أعقاب وقت "
    "الوقت حين ظل إطار سياق معرض رده ردها رد معرض حسابه حسابها صفحته صفحتها موقعه")
_TIME_WORDS = _words("أمس اليوم الليلة غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس "
                     "الجمعة السبت صباح مساء يوم أول مجددا أيضا كذلك بدوره بدورها")
_SKIP_LEAD = _words("فيه فيها به بها له لها عنه عنها أمس اليوم أيضا كذلك مجددا بدوره بدورها "
                    "بدورهم الأول")
_STOP = _words("الذي التي الذين اللذين اللتين ما لا لم لن قد كما لكن بل إذ إذا حتى ثم أو او "
               "هو هي هم هذا هذه ذلك تلك بينما فيما كل وقد لقد الا إلا أنه وهو وهي")
_INSTITUTIONS = _words(
    "مجلس وزارة هيئة إدارة لجنة منظمة جامعة حزب حركة جبهة قوات جيش دائرة مكتب مركز مؤسسة شركة "
    "بنك صندوق رابطة اتحاد نقابة جمعية محكمة نيابة شرطة جهاز أجهزة وكالة دولة ولاية مدينة "
    "محافظة إقليم بلدية منطقة قيادة أركان رئاسة أمانة سلطة مجموعة تحالف ائتلاف تنظيم كتائب "
    "غرفة برنامج مفوضية بعثة سفارة قنصلية حكومة شؤون مصلحة ديوان مديرية قطاع مرصد معهد "
    "مستشفى كتلة تيار فريق قسم وحدة شعبة أمن استخبارات دفاع عمليات إدارات مجالس بلاده بلادها "
    "قرار سحب انسحاب")
_DATA_HEADS = _words("أرقام تقديرات إحصاءات إحصائيات معطيات مؤشرات بيانات الأرقام التقديرات "
                     "الإحصاءات المعطيات")
_DATA_HEADS_BARE = frozenset(bare(k) for k in _DATA_HEADS)
_PRONOUN_SUBJECTS = _words("لكنه لكنها ولكنه ولكنها وهو وهي فهو فهي إنه إنها بل لكن")
_NEGATIONS = _words("لم لن لا ولم ولا ولن")
_ADJ_AFTER_TITLE = _words("كبير كبار رفيع رفيعة بارز بارزة سابق سابقة رفيعي آخر آخرون")
_CLAUSE_BREAKS = _words("بينما حيث كما لكن الذي التي الذين فيما إذ ثم إلا الا لأن لان وذلك "
                        "بعدما عندما حينما لما بعد قبل منذ ريثما كلما وبعدما وعندما")
_EN_NOT_CLAUSE = _words("on in at to for after before during by with in a an the of from it "
                        "this as while when yesterday today earlier later")
_HONORIFICS = frozenset(("m", "mme", "mr", "mrs", "ms", "dr", "me", "mlle", "pr"))
_TOPIC_MARKERS = _words("أما وأما فيما بينما")
_PARTICLES = _words("قد لقد وقد فقد سوف")
_COPULAS = _words("كان كانت وكان وكانت فكان فكانت كانوا وكانوا")
_NAME_JOINERS = _words("عبد أبو أبي أبا بن ابن بنت ولد آل أم ذو")
_DOC_NOUNS = _words("بيان تقرير تغريدة رسالة مذكرة وثيقة نص إعلان تصريح تصريحات حساب صفحة "
                    "موقع البيان التقرير")
_ANAPHORS = _words("البيان المسؤول المسؤولة الوزير الوزيرة الوزارة المتحدث المتحدثة الناطق "
                   "الرئيس المصدر المصادر التقرير المنظمة الحركة الحزب المبعوث الموفد السفير "
                   "المسؤولين المسؤولون الخبير")
_INSTITUTION_ANAPHORS = _words("الوزارة الهيئة المنظمة الحركة الحزب الديوان اللجنة الوكالة "
                               "المفوضية الجمعية الشركة الرئاسة السفارة البعثة المجموعة")
_MEDIA = _words("صحيفة وكالة قناة صحافيين صحفيين الصحافيين الصحفيين صحافي صحفي موقع إذاعة "
                "تلفزيون شبكة مجلة")
_HEADLINE_LABELS = _words("المصدر مصدر شروط تنويه ملاحظة اقرأ المحرر الموضوع الرابط العنوان "
                          "نشرت نشر تحديث آخر الصورة صورة تعليق التعليق الكلمات الوسوم وسوم "
                          "تاريخ المشاهدات الكاتب بقلم")
_SENT_END_RE = re.compile(r"[.!?؟](?=[\s\"»”]|$)|\n")
_SPEAKER_LABELS = ("PER", "ORG", "GPE", "LOC", "NORP")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    marks: str | None
    verb_tok: int | None = None
    verb_end: int | None = None  # token index after the verb
    verb: _Verb | None = None
    limit_tok: int | None = None  # where the speaker phrase must end
    post: bool = False
    speaker_before: tuple[int, int] | None = None  # tokens between the quote and a later verb
    unbalanced: bool = False
    headline_speaker: tuple[int, int] | None = None


class _Doc:
    """Tokens, verb positions and sentence bounds of one text (built once per call)."""

    def __init__(self, text: str, sentences: Sequence[Span] | None,
                 entities: Sequence[Span] | None) -> None:
        self.text = text
        self.toks = tokens(text)
        self.starts = [t.start for t in self.toks]
        bounds = {0}
        for m in _SENT_END_RE.finditer(text):
            bounds.add(m.end())
        for s in sentences or ():
            bounds.add(s.start)
        self.bounds = sorted(bounds)
        self.verbs: dict[int, tuple[_Verb, int, int]] = {}  # tok → (verb, end tok, prefix len)
        firsts = _verb_firsts()
        for i, t in enumerate(self.toks):
            if t.key in firsts and not (i > 0 and self.toks[i - 1].key in _NEGATIONS):
                hit = self._verb_at(i)
                if hit is not None:
                    self.verbs[i] = hit
        self.regions: list[tuple[int, int]] = []  # quote contents, set once they are known
        self.entities = sorted((e for e in entities or () if e.label in _SPEAKER_LABELS),
                               key=lambda e: e.start)

    def _verb_at(self, i: int) -> tuple[_Verb, int, int] | None:
        index = _verbs()
        k = self.toks[i].key
        cands = [(k, 0)]
        if len(k) > 3 and k[0] in "وف":
            cands.append((k[1:], 1))
        for kk, prefix in cands:
            for rest, verb in index.get(kk, ()):
                end = i + 1 + len(rest)
                if end <= len(self.toks) and all(
                        self.toks[i + 1 + n].key == r for n, r in enumerate(rest)):
                    return verb, end, prefix
        return None

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def sent_start(self, pos: int) -> int:
        """Offset of the start of the sentence holding ``pos``."""
        return self.bounds[bisect.bisect_right(self.bounds, pos) - 1]

    def sent_end(self, pos: int) -> int:
        """Offset of the end of the sentence holding ``pos``."""
        idx = bisect.bisect_right(self.bounds, pos)
        return self.bounds[idx] if idx < len(self.bounds) else len(self.text)

    def line_bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph (line) holding ``pos``."""
        s = self.text.rfind("\n", 0, pos) + 1
        e = self.text.find("\n", pos)
        return s, (len(self.text) if e < 0 else e)

    def words_in(self, start: int, end: int) -> int:
        """Number of word tokens between two offsets."""
        a, b = self.tok_at(start), self.tok_at(end)
        return sum(1 for t in self.toks[a:b] if t.kind in (ARABIC, LATIN, DIGIT))

    def surface(self, a: int, b: int) -> str:
        """Text from token ``a`` to token ``b - 1`` inclusive."""
        return self.text[self.toks[a].start:self.toks[b - 1].end] if b > a else ""


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    idx = bisect.bisect_right(regions, (pos, len("\uffff") * 10**12)) - 1
    return idx >= 0 and regions[idx][0] <= pos < regions[idx][1]
