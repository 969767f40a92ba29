"""Generate a realistic stream of invented Arabic news articles with gold events and storylines.

Every article is invented here (no outlet's text is copied): storylines are recurring themes
(an organization's meetings, a region's floods, a sector's strikes, a tournament, a fair ...)
with fixed actors; each storyline has events on different dates and in different places; each
event is reported by several invented outlets that paraphrase the same facts (sentence choice
and order, synonyms, a number that sometimes disagrees, dates written relative to the day of
publication) and repeat the storyline's background — which makes events of one storyline look
alike, as real coverage does. About one article in twenty is a wire reprint of another.

Records carry the gold ``event`` and ``storyline`` and, optionally, the spans the enrichment
stages would produce (entities with canonical ids, resolved dates, quantities), so the clusterer
can be measured without running the stages::

    python bench/gen_stream.py --n 1000 --seed 1 --out stream.jsonl

``generate()`` and ``to_article()`` are importable (the bench and the tests use them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FIRST = ["سامر", "ليلى", "خالد", "نادية", "يوسف", "هالة", "مروان", "رنا", "طارق", "سلمى",
         "عماد", "دينا", "فراس", "منى", "باسل", "غادة", "وليد", "سهى", "جمال", "ريم", "هشام",
         "لبنى", "زياد", "عبير", "أنور", "نوال", "كريم", "سعاد", "فادي", "هدى", "ماهر", "إيمان",
         "رامي", "وفاء", "نبيل", "سوسن", "عادل", "جميلة", "مازن", "رباب"]
FAMILY = ["الخطيب", "العمري", "الزعبي", "الحسيني", "النجار", "الشامي", "البدوي", "العطار",
          "المصري", "الحلبي", "الكبيسي", "السعدي", "الطحان", "القاسمي", "الدباغ", "الفارس",
          "المالكي", "الجابري", "العلوي", "الرفاعي", "التميمي", "الهاشمي", "الصباغ", "البيطار",
          "الحداد", "الخياط", "الساعدي", "الكردي", "المهدي", "الشريف"]
CITIES = ["عمّان", "القاهرة", "الرباط", "تونس", "الجزائر", "بيروت", "دمشق", "بغداد", "الرياض",
          "الدوحة", "أبوظبي", "مسقط", "الكويت", "المنامة", "الخرطوم", "نواكشوط", "طرابلس",
          "جدة", "الإسكندرية", "مراكش", "وهران", "صفاقس", "إربد", "البصرة", "الموصل", "حلب",
          "صنعاء", "عدن", "جنيف", "باريس", "لندن", "برلين", "مدريد", "روما", "فيينا", "بروكسل",
          "إسطنبول", "أنقرة", "طهران", "نيروبي", "أديس أبابا", "داكار", "لشبونة", "أثينا",
          "كوبنهاغن", "ستوكهولم", "أوسلو", "وارسو", "براغ", "بودابست"]
ORG_HEAD = ["مجلس", "رابطة", "اتحاد", "منظمة", "هيئة", "منتدى", "لجنة", "شبكة"]
ORG_FIELD = ["المياه", "الطاقة المتجددة", "الموانئ", "التجارة الحرة", "الصحة العامة",
             "الأمن الغذائي", "النقل البحري", "الاتصالات", "السياحة", "التعليم العالي",
             "مكافحة التصحر", "الطيران المدني", "الاستثمار", "الثروة السمكية", "الغابات",
             "السكك الحديدية", "الإسكان", "المناجم", "الفوسفات", "النسيج", "الأدوية",
             "البريد", "الجمارك", "الأرصاد الجوية", "الإعلام", "المصارف", "التأمين",
             "الحبوب", "الألبان", "الزيتون", "التمور", "الكهرباء", "الغاز", "البترول",
             "الصناعات الجلدية", "البناء", "الأسمنت", "الحديد والصلب", "الطباعة", "النشر",
             "الرياضة الجامعية", "المسرح", "السينما", "الحرف اليدوية", "الآثار", "المتاحف",
             "اللاجئين", "الهجرة", "الطفولة", "المسنين", "ذوي الإعاقة", "البيئة البحرية"]
ORG_SCOPE = ["العربي", "الإقليمي", "الدولي", "المتوسطي", "الأفريقي", "الآسيوي", "الخليجي",
             "المغاربي"]
OUTLETS = ["صحيفة الأفق", "موقع المرصد اليومي", "جريدة الضفاف", "شبكة النهار الرقمية",
           "وكالة أنباء الواحة", "صحيفة المدار", "بوابة الخبر", "قناة الشروق الإخبارية",
           "جريدة البيان الجديد", "موقع صدى الأحداث", "صحيفة الرأي الحر", "مجلة الأسبوع"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

# Theme kinds: what happens, the words that go with it, and sentence templates. Slots:
# {org} {person} {role} {city} {when} {n} {topic} {topic2} {prev_city} {prev_when} {members}
# {year} {quote} {unit} {person2}.
THEMES: dict[str, dict[str, Any]] = {
    "meeting": {
        "roles": ["الأمين العام", "رئيس", "المتحدث باسم"],
        "topics": ["خطة العمل المشتركة", "تمويل المشاريع الإقليمية", "تنسيق المواقف",
                   "آليات المتابعة", "توسيع العضوية", "الميزانية السنوية", "تبادل الخبرات"],
        "unit": "وفدا",
        "titles": ["{org} يعقد اجتماعه في {city} لبحث {topic}",
                   "اجتماع ل{org} في {city} {when_short}",
                   "{city} تستضيف اجتماع {org}",
                   "{person}: اجتماع {org} في {city} سيناقش {topic}"],
        "lead": ["يعقد {org} اجتماعا موسعا في {city} {when} لبحث {topic}، بمشاركة {n} {unit}.",
                 "تستضيف {city} {when} اجتماعا ل{org} يخصص لمناقشة {topic} و{topic2}.",
                 "أعلن {role} {org} {person} أن الاجتماع المقبل سيعقد في {city} {when}."],
        "body": ["وقال {person} في تصريح صحفي إن الاجتماع سيركز على {topic}، مشيرا إلى مشاركة "
                 "{n} {unit}.",
                 "ومن المقرر أن يناقش المشاركون {topic2} إلى جانب {topic}.",
                 "وأضاف {person}: «{quote}».",
                 "وأكد {person2} أن التحضيرات للاجتماع في {city} اكتملت.",
                 "وسيصدر عن الاجتماع بيان ختامي يتضمن توصيات بشأن {topic2}."],
        "background": ["وكان آخر اجتماع ل{org} قد عقد في {prev_city} {prev_when}.",
                       "ويضم {org} {members} دولة منذ تأسيسه عام {year}.",
                       "ويعمل {org} على تعزيز التعاون بين الدول الأعضاء في مجال {field}."],
    },
    "flood": {
        "roles": ["مدير الدفاع المدني في", "محافظ", "وزير الداخلية في"],
        "topics": ["إجلاء السكان", "تعويض المتضررين", "فتح الطرق المغلقة", "إيواء الأسر",
                   "إصلاح شبكة الكهرباء", "تقدير الخسائر"],
        "unit": "أسرة",
        "titles": ["سيول غزيرة تضرب {city} وإجلاء {n} {unit}",
                   "فيضانات في {city}.. والسلطات تعلن {topic}",
                   "{person}: الأمطار في {city} أجبرت {n} {unit} على النزوح"],
        "lead": ["ضربت سيول غزيرة مدينة {city} {when}، ما أدى إلى إجلاء {n} {unit} من منازلهم.",
                 "أعلنت السلطات في {city} {when} حالة الطوارئ بعد فيضانات أجبرت {n} {unit} "
                 "على النزوح."],
        "body": ["وقال {role} {city} {person} إن فرق الإنقاذ تعمل على {topic}.",
                 "وأوضح {person} أن الأولوية الآن ل{topic2}.",
                 "ونقلت مصادر محلية أن منسوب المياه ارتفع بشكل غير مسبوق في الأحياء المنخفضة.",
                 "وقال {person2}: «{quote}».",
                 "وتوقعت الأرصاد الجوية استمرار الأمطار خلال الأيام المقبلة.",
                 "وأعلن {org} إرسال مساعدات عاجلة إلى المتضررين في {city}."],
        "background": ["وتشهد المنطقة موجة أمطار موسمية منذ أسابيع.",
                       "وكانت سيول مماثلة قد ضربت {prev_city} {prev_when}.",
                       "وتطالب منظمات محلية منذ عام {year} بتحديث شبكات تصريف المياه.",
                       "ويتابع {org} منذ بداية الموسم أوضاع المناطق المنكوبة."],
    },
    "strike": {
        "roles": ["نقيب", "رئيس نقابة", "المتحدث باسم نقابة"],
        "topics": ["زيادة الأجور", "تحسين ظروف العمل", "صرف المستحقات المتأخرة",
                   "قانون التقاعد الجديد", "التأمين الصحي"],
        "unit": "عامل",
        "titles": ["إضراب {field} في {city} للمطالبة ب{topic}",
                   "{n} {unit} يضربون في {city}",
                   "نقابة {field} تعلن الإضراب {when_short}"],
        "lead": ["بدأ {n} {unit} في قطاع {field} إضرابا في {city} {when} للمطالبة ب{topic}.",
                 "أعلنت نقابة العاملين في {field} تنفيذ إضراب في {city} {when} احتجاجا على "
                 "تأخر {topic}."],
        "body": ["وقال {role} العاملين {person} إن الإضراب سيستمر حتى تحقيق {topic}.",
                 "وأضاف {person}: «{quote}».",
                 "في المقابل، دعا {person2} النقابة إلى الحوار بشأن {topic2}.",
                 "وشهدت مداخل المؤسسات تجمعات للمضربين رفعوا لافتات تطالب ب{topic}.",
                 "وأعلن {org} تضامنه مع المضربين في {city}."],
        "background": ["وكانت النقابة قد نفذت إضرابا مماثلا في {prev_city} {prev_when}.",
                       "ويعمل في قطاع {field} نحو {members} ألف شخص.",
                       "وتعود جذور الخلاف إلى اتفاق وقع عام {year}."],
    },
    "fair": {
        "roles": ["مدير", "رئيس اللجنة المنظمة ل", "المدير التنفيذي ل"],
        "topics": ["الابتكار الرقمي", "الصناعات التقليدية", "الكتاب العربي", "الطاقة النظيفة",
                   "التقنيات الزراعية", "الصناعات الغذائية"],
        "unit": "عارضا",
        "titles": ["افتتاح معرض {field} في {city} بمشاركة {n} {unit}",
                   "معرض {field} ينطلق في {city} {when_short}",
                   "{person}: معرض {city} يركز على {topic}"],
        "lead": ["ينطلق في {city} {when} معرض {field} بمشاركة {n} {unit} من دول عدة.",
                 "افتتح في {city} {when} معرض {field} الذي يخصص دورته هذا العام ل{topic}."],
        "body": ["وقال {role} المعرض {person} إن الدورة الحالية تركز على {topic}.",
                 "ويتضمن البرنامج ندوات حول {topic2}.",
                 "وأضاف {person}: «{quote}».",
                 "وتوقع {person2} أن يتجاوز عدد الزوار أرقام الدورة السابقة.",
                 "ويشرف {org} على تنظيم المعرض بالتعاون مع سلطات {city}."],
        "background": ["وكانت الدورة السابقة قد أقيمت في {prev_city} {prev_when}.",
                       "ويقام المعرض سنويا منذ عام {year}.",
                       "ويعد المعرض من أبرز التظاهرات في مجال {field} في المنطقة."],
    },
}

QUOTES = ["نحن أمام مرحلة جديدة تتطلب عملا جماعيا", "لن نتراجع عن مطالبنا المشروعة",
          "الأرقام تتحدث عن نفسها", "ما تحقق حتى الآن خطوة أولى فقط",
          "نعمل على مدار الساعة لتجاوز الأزمة", "التعاون هو الطريق الوحيد",
          "ننتظر قرارات ملموسة لا وعودا", "الوضع تحت السيطرة لكنه صعب"]
SYNONYMS = [("اجتماعا", "لقاء"), ("أعلن", "أكد"), ("لبحث", "لمناقشة"), ("وقال", "وصرح"),
            ("سيناقش", "سيبحث"), ("غزيرة", "قوية"), ("إجلاء", "إخلاء"), ("للمطالبة", "للمطالبة")]


def _ar_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def when_phrase(event: dt.date, published: dt.date, rng: random.Random) -> str:
    """How an outlet publishing on ``published`` writes the day ``event`` (Arab press habits)."""
    delta = (event - published).days
    wd = WEEKDAYS[event.weekday()]
    month = rng.choice([MONTHS[event.month - 1], LEVANT[event.month - 1],
                        f"{MONTHS[event.month - 1]} ({LEVANT[event.month - 1]})"])
    day = _ar_digits(event.day) if rng.random() < 0.15 else str(event.day)
    if delta == 0:
        return rng.choice(["اليوم", f"اليوم {wd}", f"{wd} {day} {month}"])
    if delta == -1:
        return rng.choice(["أمس", f"أمس {wd}", f"يوم {wd} {day} {month}"])
    if 0 < delta <= 6:
        return rng.choice([f"يوم {wd} المقبل", f"{wd} المقبل", f"في {day} {month} الجاري",
                           f"في {day} من {month}"])
    if -6 <= delta < 0:
        return rng.choice([f"يوم {wd} الماضي", f"{wd} الماضي", f"في {day} {month}"])
    return rng.choice([f"في {day} {month} {event.year}", f"يوم {day} {month}",
                       f"في {day} من {month} {event.year}"])


class _World:
    """Invented storylines and their events, built lazily from one seed."""

    def __init__(self, seed: int, start: dt.date, days: int) -> None:
        self.rng = random.Random(seed)
        self.start = start
        self.days = days
        self.used: set[tuple[str, str, dt.date]] = set()
        self.orgs: set[str] = set()
        self.people: set[str] = set()

    def person(self) -> str:
        # First name, father's name, family name: 48,000 people, drawn without repeats while
        # they last, so two storylines rarely share a spokesperson by accident.
        for _ in range(20):
            name = (f"{self.rng.choice(FIRST)} {self.rng.choice(FIRST)} "
                    f"{self.rng.choice(FAMILY)}")
            if name not in self.people:
                break
        self.people.add(name)
        return name

    def storyline(self, k: int) -> dict[str, Any]:
        r = self.rng
        kind = r.choice(list(THEMES))
        # A storyline's organization is its own (two storylines never share one), as long as
        # names remain (3,000 of them: eight heads, fifty-two fields, eight scopes).
        for _ in range(50):
            org = f"{r.choice(ORG_HEAD)} {r.choice(ORG_FIELD)} {r.choice(ORG_SCOPE)}"
            if org not in self.orgs:
                break
        self.orgs.add(org)
        field = org.split(" ", 1)[1].rsplit(" ", 1)[0]
        return {"id": f"sl{k:05d}", "kind": kind, "org": org, "field": field,
                "people": [self.person() for _ in range(4)],
                "cities": r.sample(CITIES, 6), "members": r.randint(8, 60),
                "year": r.randint(1975, 2015), "last": None}

    def event(self, sl: dict[str, Any], k: int, day: dt.date) -> dict[str, Any]:
        r = self.rng
        theme = THEMES[sl["kind"]]
        # Two storylines of one kind never have an event in the same city on the same day
        # (that would be one event under two gold labels).
        free = [c for c in sl["cities"] if (sl["kind"], c, day) not in self.used] or CITIES
        city = r.choice([c for c in free if (sl["kind"], c, day) not in self.used] or free)
        self.used.add((sl["kind"], city, day))
        ev = {"id": f"{sl['id']}-e{k:03d}", "date": day, "city": city,
              "topic": r.choice(theme["topics"]), "topic2": r.choice(theme["topics"]),
              "n": r.randint(5, 400), "quote": r.choice(QUOTES), "prev": sl["last"],
              "speaker": r.choice(sl["people"]), "other": r.choice(sl["people"])}
        sl["last"] = (ev["city"], ev["date"])
        return ev


def _fill(template: str, sl: dict, ev: dict, published: dt.date, rng: random.Random) -> str:
    prev_city, prev_day = ev["prev"] or (rng.choice(sl["cities"]), ev["date"] - dt.timedelta(
        days=rng.randint(60, 300)))
    n = ev["n"] if rng.random() > 0.15 else ev["n"] + rng.choice([-2, -1, 1, 3])
    theme = THEMES[sl["kind"]]
    when = when_phrase(ev["date"], published, rng)
    text = template.format(
        org=sl["org"], field=sl["field"], person=ev["speaker"], person2=ev["other"],
        role=rng.choice(theme["roles"]), city=ev["city"], when=when,
        when_short=when.replace("في ", "").replace("يوم ", ""), n=n, unit=theme["unit"],
        topic=ev["topic"], topic2=ev["topic2"], quote=ev["quote"], prev_city=prev_city,
        prev_when=f"في {prev_day.day} {MONTHS[prev_day.month - 1]} {prev_day.year}",
        members=sl["members"], year=sl["year"])
    for a, b in SYNONYMS:
        if rng.random() < 0.4:
            text = text.replace(a, b)
    return text


def _article(sl: dict, ev: dict, outlet: str, published: dt.date, aid: str,
             rng: random.Random) -> dict[str, Any]:
    theme = THEMES[sl["kind"]]
    title = _fill(rng.choice(theme["titles"]), sl, ev, published, rng)
    sents = [_fill(rng.choice(theme["lead"]), sl, ev, published, rng)]
    body = rng.sample(theme["body"], rng.randint(2, len(theme["body"])))
    back = rng.sample(theme["background"], rng.randint(1, len(theme["background"])))
    sents += [_fill(s, sl, ev, published, rng) for s in body + back]
    if rng.random() < 0.5:
        sents[1:] = rng.sample(sents[1:], len(sents) - 1)
    text = "\n".join(sents)
    return {"id": aid, "title": title, "text": text, "outlet": outlet,
            "published": published.isoformat(), "event": ev["id"], "storyline": sl["id"],
            "spans": _spans(text, sl, ev, published)}


def _spans(text: str, sl: dict, ev: dict, published: dt.date) -> dict[str, list[dict]]:
    """The spans the enrichment stages would give: entities, the event date, numbers."""
    ents = []
    names = [(sl["org"], "ORG", "org:" + sl["org"]), (ev["city"], "LOC", "loc:" + ev["city"])]
    names += [(p, "PER", "per:" + p) for p in (ev["speaker"], ev["other"])]
    if ev["prev"]:
        names.append((ev["prev"][0], "LOC", "loc:" + ev["prev"][0]))
    for name, label, eid in names:
        start = text.find(name)
        while start >= 0:
            ents.append({"start": start, "end": start + len(name), "label": label,
                         "text": name, "attrs": {"entity": eid}})
            start = text.find(name, start + len(name))
    lead_end = text.find("\n") if "\n" in text else len(text)
    timexes = [{"start": 0, "end": lead_end, "label": "DATE", "text": text[:lead_end][:40],
                "attrs": {"value": ev["date"].isoformat(), "granularity": "day",
                          "resolved": True}}]
    quants = []
    for tok in {str(ev["n"]), str(ev["n"] - 2), str(ev["n"] - 1), str(ev["n"] + 1),
                str(ev["n"] + 3)}:
        start = text.find(f" {tok} ")
        if start >= 0:
            quants.append({"start": start + 1, "end": start + 1 + len(tok), "label": "QUANTITY",
                           "text": tok, "attrs": {"value": int(tok),
                                                  "unit": THEMES[sl["kind"]]["unit"]}})
    return {"entities": ents, "timexes": timexes, "quantities": quants}


def generate(n: int, seed: int = 1, start: str = "2023-01-01", days: int | None = None,
             articles_per_event: tuple[int, int] = (1, 8),
             events_per_storyline: tuple[int, int] = (2, 12), rate: int = 300
             ) -> Iterator[dict[str, Any]]:
    """Yield ``n`` invented article records in publication order.

    Args:
        n: Number of articles.
        seed: Random seed (the same seed gives the same stream).
        start: First publication day (ISO).
        days: Days the stream spans (default: ``n / rate``, at least 30).
        rate: Articles per day when ``days`` is not given (a large Arabic news aggregator
            sees a few hundred a day), so a longer stream covers more days at the same
            density instead of packing more articles into the same days.
        articles_per_event: Range of articles per event.
        events_per_storyline: Range of events per storyline.

    Yields:
        Records ``id, title, text, outlet, published, event, storyline, spans``.
    """
    first = dt.date.fromisoformat(start)
    days = days or max(30, n // rate)
    world = _World(seed, first, days)
    rng = world.rng
    items: list[tuple[dt.date, str, dict[str, Any]]] = []
    made = sl_no = 0
    while made < n:
        sl = world.storyline(sl_no)
        sl_no += 1
        n_events = rng.randint(*events_per_storyline)
        # A storyline's events are one to six weeks apart (a series of meetings, floods in one
        # season ...); a short stream gets fewer events per storyline rather than events
        # squeezed closer than a week, and keeps the same density however long it is.
        room = int(days * 0.7)
        n_events = max(1, min(n_events, 1 + room // 7))
        gaps = [rng.randint(7, 40) for _ in range(n_events - 1)]
        if sum(gaps) > room:
            scale = room / sum(gaps)
            gaps = [max(7, int(g * scale)) for g in gaps]
        base = rng.randint(0, max(0, days - 1 - sum(gaps)))
        dates = [base]
        for g in gaps:
            dates.append(dates[-1] + g)
        for k, off in enumerate(dates):
            ev = world.event(sl, k, first + dt.timedelta(days=off))
            for j in range(rng.randint(*articles_per_event)):
                if made >= n:
                    break
                pub = ev["date"] + dt.timedelta(days=rng.randint(-4, 2))
                outlet = rng.choice(OUTLETS)
                rec = _article(sl, ev, outlet, pub, f"a{made:07d}", rng)
                if j and rng.random() < 0.05:  # a wire reprint of the event's first article
                    prev = items[-1][2]
                    rec.update(title=prev["title"], text=prev["text"] + "\nالمصدر: " +
                               prev["outlet"], spans=prev["spans"])
                items.append((pub, rec["id"], rec))
                made += 1
    items.sort(key=lambda t: (t[0], t[1]))
    for _, _, rec in items:
        yield rec


def to_article(rec: dict[str, Any], with_spans: bool = True):
    """Turn a generated record into a :class:`marsad.model.Article` (spans included)."""
    from marsad.model import Article, Span

    spans = rec.get("spans") or {} if with_spans else {}
    return Article(
        id=rec["id"], source=f"stream#{rec['id']}", text=rec["text"], title=rec["title"],
        outlet=rec["outlet"], published=rec["published"], language="ar",
        entities=[Span.from_dict(s) for s in spans.get("entities", [])],
        timexes=[Span.from_dict(s) for s in spans.get("timexes", [])],
        quantities=[Span.from_dict(s) for s in spans.get("quantities", [])])


def main(argv: list[str] | None = None) -> int:
    """Command line: write ``--n`` records as JSON Lines to ``--out`` (or stdout)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="2023-01-01")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for rec in generate(args.n, args.seed, args.start):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.out:
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
