"""Outlet page templates.

Each outlet has one template, so its navigation, footer and boilerplate repeat across its pages
as they do on a real site. Text-dump templates return ``(page_text, body_line_numbers)``; HTML
templates return the page. Boilerplate fillers (unrelated headlines, whole unrelated articles)
live here too: they are page furniture, never gold body text.
"""
# ruff: noqa: E501
import html as H
import json
import random
from urllib.parse import quote as quote_url

from dates import EGY, EN_M, FR_M, FR_WD, LEV, MAG, WD, d, indic
from markup import TOKEN

OUTLETS = {
    "almadar": {"name": "صحيفة المدار", "country": "السعودية (تصدر في لندن)", "kind": "newspaper",
                "domain": "www.almadar-news.example",
                "notes": "صحيفة يومية عربية دولية. لغة محايدة؛ أشهر مزدوجة «فبراير (شباط)»؛ اقتباسات بين «»؛ "
                         "صفحاتها المنسوخة نصياً تكرر العنوان وتعليق الصورة وفيها رمز TT وكتلة «مقالات ذات صلة»."},
    "alshurfa": {"name": "الشرفة", "country": "لبنان", "kind": "site",
                 "domain": "alshurfa.example",
                 "notes": "موقع إخباري لبناني. محايد؛ أشهر شامية (شباط، آذار)؛ يكتب «كارلسن» و«بابادكيس» و«أميركا»؛ "
                          "يذكر تاريخ النشر تحت العنوان."},
    "sawt-qasioun": {"name": "صوت قاسيون", "country": "سوريا", "kind": "newspaper",
                     "domain": "sawtqasioun.example",
                     "notes": "صحيفة سورية يومية. تأطير مُحمَّل: «المزعومة»، «غير شرعية»، «بزعم»، «ما يسمى»، "
                              "أفعال إسناد مشككة (زعم، ادعى)؛ تكتب «سورية»؛ تعيد نشر برقيات الوكالات مع "
                              "تعديلات («| وكالات»)."},
    "bawabat-alwadi": {"name": "بوابة الوادي", "country": "مصر", "kind": "site",
                       "domain": "www.bawabatalwadi.example",
                       "notes": "موقع مصري. محايد؛ أشهر مصرية (فبراير، مارس)؛ يكتب «أمريكا» و«كارلسن»؛ يعيد نشر "
                                "برقيات وكالة الأفق، ونسخ مقالاً من «الشرفة» حرفياً؛ قالب مليء بعناوين غير "
                                "ذات صلة مع طوابع زمنية."},
    "alsahel-tv": {"name": "قناة الساحل", "country": "قطر", "kind": "tv",
                   "domain": "www.alsahel.tv.example",
                   "notes": "موقع قناة تلفزيونية قطرية، بالعربية وبطبعة إنجليزية. محايد؛ أرقام هندية "
                            "(٠١٢٣)؛ صفحات HTML بوسوم og وJSON-LD و<time>."},
    "akhbar-qartaj": {"name": "أخبار قرطاج", "country": "تونس", "kind": "site",
                      "domain": "www.akhbarqartaj.example",
                      "notes": "موقع تونسي بالعربية وبطبعة فرنسية. محايد؛ أشهر مغاربية (فيفري، أفريل، جوان)؛ "
                               "يكتب «قرنبالية» أحياناً؛ صفحات HTML بقالب ووردبريس."},
    "sawt-alawras": {"name": "صوت الأوراس", "country": "الجزائر", "kind": "newspaper",
                     "domain": "www.sawtalawras.example",
                     "notes": "يومية جزائرية. تأطير عاطفي في قصة الفيضانات («شهداء»، «الفاجعة»، «تقصير»)؛ "
                              "أشهر مغاربية؛ رأس الصفحة يحمل تاريخ يوم الزحف لا تاريخ النشر؛ يكتب «جون بيير لومير»."},
    "ufuq": {"name": "وكالة الأفق للأنباء", "country": "الأردن", "kind": "agency",
             "domain": "www.ufuqnews.example",
             "notes": "وكالة أنباء إقليمية مقرها عمّان. لغة برقيات محايدة؛ سطر مكان وتاريخ في أول الخبر "
                      "«(أفق)»؛ أشهر مزدوجة «شباط/فبراير»؛ تعيد نشر برقياتها «بوابة الوادي» و«صوت قاسيون»."},
}


def rng(aid):
    return random.Random(aid)


def lines_out(spec):
    """spec: list of (text, is_body). Returns page text and body line numbers (1-based)."""
    body = [i + 1 for i, (_, b) in enumerate(spec) if b]
    for t, b in spec:
        if b and not t.strip():
            raise ValueError("empty body line")
    return "\n".join(t for t, _ in spec), body


def B(t):
    return (t, True)


def N(t=""):
    return (t, False)


# ---------------------------------------------------------------- shared fillers
UNRELATED_HEADLINES = [
    "ارتفاع أسعار الذهب إلى مستوى قياسي جديد في الأسواق العالمية",
    "وصفات سهلة لسحور صحي في رمضان",
    "منتخب الناشئين يتأهل إلى نهائيات كأس العرب",
    "إطلالات النجمات في مهرجان الأفلام القصيرة",
    "خمس عادات يومية تحمي القلب بحسب دراسة حديثة",
    "تراجع أسعار النفط بعد بيانات المخزون الأميركي",
    "هاتف جديد قابل للطي يدخل الأسواق العربية الشهر المقبل",
    "أسرار الحفاظ على نضارة البشرة في الشتاء",
    "نادٍ عريق يقيل مدربه بعد سلسلة من الهزائم",
    "افتتاح أكبر معرض للكتاب المستعمل في المنطقة",
    "فنانة شهيرة تكشف تفاصيل أحدث أعمالها الدرامية",
    "تعرف على أرخص السيارات الكهربائية لعام 2025",
    "علماء يرصدون سلوكاً غريباً لدى الدلافين",
    "ألوان الموضة لربيع وصيف العام الجديد",
    "مسلسل رمضاني يتصدر نسب المشاهدة في أسبوعه الأول",
    "نصائح لتجنب الصداع خلال ساعات الصيام",
]


def gmt_stamp(r):
    import datetime as dt
    day = dt.date(2019, 1, 1) + dt.timedelta(days=r.randrange(0, 2200))
    m = day.month - 1
    return (f"GMT {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d} {day.year} "
            f"{WD[day.weekday()]} ,{day.day:02d} {LEV[m]} / {EGY[m]}")


# Whole unrelated articles that some pages carry after the article (the hardest boilerplate).
UNRELATED_ARTICLES = {
    "u1": {
        "title": "مهرجان جدة للفيلم القصير يمنح جائزته الكبرى لفيلم عن الصيادين",
        "caption": "لقطة من حفل ختام المهرجان على الواجهة البحرية (المدار)",
        "paras": [
            "اختتم مهرجان جدة للفيلم القصير دورته الرابعة مساء أمس بتوزيع جوائزه على عشرة أفلام من بين أكثر من ستين فيلماً شاركت في المسابقة الرسمية، وذهبت الجائزة الكبرى إلى فيلم «شباك الفجر» الذي يتابع يوماً في حياة صيادين على ساحل البحر الأحمر.",
            "وقالت رئيسة لجنة التحكيم، المخرجة رنا العتيبي، إن اللجنة توقفت طويلاً عند «اقتصاد الصورة» في الفيلم الفائز، مشيرة إلى أن مستوى الأعمال هذا العام «فاق التوقعات».",
            "مخرجون شباب",
            "وشهدت الدورة مشاركة لافتة لمخرجين دون الثلاثين، إذ حصدوا ست جوائز من أصل عشر، فيما خصصت إدارة المهرجان ورشاً تدريبية في كتابة السيناريو والتصوير حضرها نحو 300 متدرب.",
            "وأعلنت الإدارة أن الدورة المقبلة ستضيف مسابقة جديدة لأفلام التحريك القصيرة.",
        ],
        "byline": "جدة: سارة الحربي",
    },
    "u2": {
        "title": "ثلوج كثيفة تعزل عشرات القرى في جبال الأطلس المتوسط",
        "caption": "كاسحة ثلوج تفتح طريقاً جبلياً في إقليم إفران (أ.ف.ب)",
        "paras": [
            "عزلت تساقطات ثلجية كثيفة عشرات القرى في جبال الأطلس المتوسط بالمغرب، وقطعت طرقاً إقليمية عدة، فيما أعلنت السلطات المحلية تعبئة كاسحات الثلوج وفرق الإسعاف لفك العزلة عن السكان.",
            "وقال مسؤول في السلطات الإقليمية بإفران إن سمك الثلوج تجاوز متراً في بعض المرتفعات، وإن فرقاً طبية تنقلت إلى الدواوير المعزولة لتوزيع الأغطية والمواد الغذائية ونقل الحالات المستعجلة.",
            "وتوقعت مصالح الأرصاد الجوية استمرار موجة البرد حتى نهاية الأسبوع، مع انخفاض درجات الحرارة ليلاً إلى ما دون عشر درجات تحت الصفر في المرتفعات.",
            "وطالب منتخبون محليون بتسريع برامج فك العزلة وتعبيد المسالك الجبلية التي تتحول كل شتاء إلى فخاخ للسكان.",
        ],
        "byline": "الرباط: عبد الحق المرابط",
    },
}

# ---------------------------------------------------------------- almadar (txt)
ALMADAR_NAV = ["صحيفة المدار", "الرئيسية", "العالم العربي", "الخليج", "اقتصاد", "رأي",
               "ثقافة وفنون", "رياضة", "بودكاست"]
ALMADAR_FOOT = ["النشرة الإخبارية",
                "اشترك في النشرة البريدية لتصلك أهم الأخبار صباح كل يوم",
                "اشترك",
                "",
                "© صحيفة المدار 2025 جميع الحقوق محفوظة",
                "Almadar Media Ltd., 24 Harrow Road, London W2, United Kingdom"]


def _cap(a):
    return f"{a['caption']} ({a.get('credit', 'أ.ف.ب')})"


def render_almadar(a, body_items):
    s = [N(x) for x in ALMADAR_NAV] + [N(), N(a["section"]), N(a["title"]), N()]
    if a.get("kicker"):
        s += [N(a["kicker"]), N()]
    cap = _cap(a)
    s += [N(cap), N(cap), N("TT"), N(), N(a["title"]), N(), N(cap), N(cap), N()]
    s += [N(a["byline"])]
    for kind, t in body_items:
        if kind == "cap":
            s += [N(), N(t), N()]
        else:
            s.append(B(t))
    s += [N(), N(), N("مقالات ذات صلة"), N()]
    for sec, cap2, head, teaser, auth in a.get("related", []):
        s += [N(f"{sec} {cap2}"), N(), N(head), N(), N(teaser), N(), N(auth)]
    u = a.get("unrelated")
    if u:
        u = UNRELATED_ARTICLES[u]
        ucap = u["caption"]
        s += [N(), N(u["title"]), N(), N(ucap), N(ucap), N("TT"), N(), N(u["title"]), N(),
              N(ucap), N(ucap), N(), N(u["byline"])]
        for p in u["paras"]:
            s += [N(p), N()]
    else:
        s.append(N())
    s += [N(x) for x in ALMADAR_FOOT]
    return lines_out(s)


# ---------------------------------------------------------------- alshurfa (txt)
SHURFA_HEAD = ["الشرفة", "الرئيسية | لبنان | إقليمي | دولي | اقتصاد | مقالات | منوعات | فيديو",
               "بحث"]
SHURFA_FOOT = ["نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. باستمرارك في التصفح فإنك توافق على سياسة الخصوصية.",
               "موافق",
               "",
               "جميع الحقوق محفوظة © الشرفة 2025",
               "Alshurfa SARL - Hamra Street, Beirut - Lebanon"]


def render_alshurfa(a, body_items):
    x = d(a["published"])
    date_line = f"{WD[x.weekday()]} {x.day} {LEV[x.month - 1]} {x.year} - {a.get('time', '13:05')}"
    s = [N(x) for x in SHURFA_HEAD] + [N(), N(f"الرئيسية / {a['section']}"), N(),
                                        N(a["title"]), N(date_line), N(a["byline"]), N(),
                                        N("A+ A-"), N("طباعة"), N()]
    first = True
    for kind, t in body_items:
        if not first:
            s.append(N())
        first = False
        s.append(N(t) if kind == "cap" else B(t))
    s += [N(), N("شارك"), N("فيسبوك"), N("تويتر"), N("واتساب"), N("نسخ الرابط"), N(),
          N("اقرأ أيضاً")]
    s += [N(h) for h in a.get("related", [])]
    s += [N(), N("اشترك في النشرة البريدية"), N("البريد الإلكتروني"), N("اشترك"), N()]
    s += [N(x) for x in SHURFA_FOOT]
    return lines_out(s)


# ---------------------------------------------------------------- sawt-qasioun (txt)
QAS_HEAD = ["صوت قاسيون", "الرئيسية", "سورية", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة",
            "كاريكاتير", "أرشيف العدد"]


def render_sawt_qasioun(a, body_items):
    s = [N(x) for x in QAS_HEAD] + [N(), N(a["section"]), N(), N(a["title"]), N(),
                                     N(f"| {a['byline']}"), N()]
    for kind, t in body_items:
        s.append(N(t) if kind == "cap" else B(t))
    s += [N()]
    if a.get("tags"):
        s += [N("الوسوم: " + " ".join(a["tags"])), N()]
    if a.get("related"):
        s += [N("اقرأ المزيد")] + [N(h) for h in a["related"]] + [N()]
    s += [N("زر الذهاب إلى الأعلى"), N("صحيفة صوت قاسيون")]
    return lines_out(s)


# ---------------------------------------------------------------- bawabat-alwadi (txt)
WADI_FORM = ["bawabatalwadi", "bawabatalwadi", "", "الاسم *", "", "البريد الإلكتروني *", "",
             "عنوان التعليق *", "", "تعليق *", "", ": Characters Left", "", "إلزامي *", "",
             "شروط الاستخدام", "",
             "شروط النشر: يُرجى الالتزام بآداب الحوار وعدم الإساءة إلى الأشخاص أو الهيئات أو المعتقدات، وتجنب التحريض والعبارات المسيئة.",
             "", "أوافق على شروط الاستخدام", "", "Security Code*", "", " ", ""]
WADI_FOOT = ["bawabatalwadi", "", "Powered by Wadi Media Group S.A.E",
             "جميع الحقوق محفوظة لبوابة الوادي 2025 ©", "",
             "bawabatalwadi bawabatalwadi bawabatalwadi bawabatalwadi",
             "12 EL-THAWRA ST, DOKKI, GIZA, EGYPT"]


def render_bawabat(a, body_items):
    r = rng(a["id"])
    t = a["title"]
    short = " ".join(t.replace("«", "").replace("»", "").split()[:6])
    s = [N(t.replace("«", "").replace("»", "").replace('"', "")),
         N(f"آخر تحديث GMT {a.get('time', '15:20')}:{r.randrange(10, 59)}"), N("بوابة الوادي -"),
         N(), N(t), N(), N("بوابة الوادي -"), N(), N(f"بوابة الوادي - {short}"), N()]
    if a.get("caption"):
        s.append(N(a["caption"]))
    s += [N(a["byline"]), N()]
    for i, (kind, tx) in enumerate(body_items):
        s.append(N(tx) if kind == "cap" else B(tx))
        if a.get("blank_between", True) and i < len(body_items) - 1:
            s.append(N())
    s += [N(), N()] + [N(x) for x in WADI_FORM] + [N(f"{t} {t}"), N(), N()]
    heads = r.sample(UNRELATED_HEADLINES, 8)
    for h in heads:
        s += [N(h), N(), N(gmt_stamp(r)), N()]
    s += [N(x) for x in WADI_FOOT]
    return lines_out(s)


# ---------------------------------------------------------------- ufuq (txt)
UFUQ_HEAD = ["وكالة الأفق للأنباء", "Al-Ufuq News Agency", "عاجل",
             "الرئيسية | محلي | عربي | دولي | اقتصاد | رياضة | صور | فيديو", ""]
UFUQ_FOOT = ["جميع الحقوق محفوظة لوكالة الأفق للأنباء © 2025",
             "Al-Ufuq News Agency - Shmeisani, Amman - Jordan"]


def render_ufuq(a, body_items):
    s = [N(x) for x in UFUQ_HEAD] + [N(a["section"]), N(a["title"]), N()]
    for kind, t in body_items:
        s.append(N(t) if kind == "cap" else B(t))
    s += [N(), N(a.get("initials", "ع.م/س.ح")), N(), N("الأخبار ذات الصلة")]
    s += [N(h) for h in a.get("related", [])]
    s += [N()] + [N(x) for x in UFUQ_FOOT]
    return lines_out(s)


# ---------------------------------------------------------------- html helpers
def para_html(markup_line, link_fmt=None, seen=None, quote=False):
    """Render one markup line to HTML; entity mentions may become links."""
    out, pos = [], 0
    for m in TOKEN.finditer(markup_line):
        out.append(H.escape(markup_line[pos:m.start()], quote=quote))
        inner = (m.group(1) or m.group(2) or m.group(3)).split("|")
        surface = inner[0]
        if m.group(1) is not None and link_fmt and seen is not None and inner[1] in "PL" \
                and surface not in seen:
            seen.add(surface)
            out.append(f'<a href="{link_fmt.format(quote_url(surface))}">'
                       f'{H.escape(surface, quote=quote)}</a>')
        else:
            out.append(H.escape(surface, quote=quote))
        pos = m.end()
    out.append(H.escape(markup_line[pos:], quote=quote))
    return "".join(out)


def iso_time(a, tz="+03:00"):
    return f"{a['published']}T{a.get('time', '12:00')}:00{tz}"


# ---------------------------------------------------------------- alsahel-tv (html)
def render_alsahel(a, body_items, raw_items):
    en = a.get("lang", "ar") == "en"
    x = d(a["published"])
    e = lambda s: H.escape(s, quote=True)  # noqa: E731
    if en:
        nav = ["Home", "News", "Gulf", "World", "Business", "Sport", "Programmes", "Live"]
        datestr = f"{WD_EN[x.weekday()]} {x.day} {EN_M[x.month - 1]} {x.year}"
        site = "Al Sahel TV"
        crumbs = ["Home", "News", a["section"]]
        share = ["Facebook", "X", "WhatsApp", "Copy link"]
        most, rel, comment = "Most read", "Related stories", "Leave a comment"
        labels = ("Name *", "Email *", "Comment *", "Post comment")
        news = ("Subscribe to our newsletter", "Your email", "Subscribe")
        cookie = "We use cookies to improve your experience. By continuing you accept our cookie policy."
        ok = "Accept"
        top = "Back to top"
    else:
        nav = ["الرئيسية", "أخبار", "الخليج", "العالم", "اقتصاد", "رياضة", "برامج", "البث المباشر"]
        datestr = f"{WD[x.weekday()]} {indic(x.day)} {EGY[x.month - 1]} {indic(x.year)}"
        site = "قناة الساحل"
        crumbs = ["الرئيسية", "أخبار", a["section"]]
        share = ["فيسبوك", "إكس", "واتساب", "نسخ الرابط"]
        most, rel, comment = "الأكثر قراءة", "مقالات ذات صلة", "أضف تعليقك"
        labels = ("الاسم *", "البريد الإلكتروني *", "تعليق *", "إرسال")
        news = ("اشترك في النشرة البريدية", "بريدك الإلكتروني", "اشترك")
        cookie = "يستخدم موقعنا ملفات تعريف الارتباط لتحسين تجربتك. بمتابعة التصفح فإنك توافق على سياسة ملفات الارتباط."
        ok = "موافق"
        top = "زر الذهاب إلى الأعلى"
    iso = iso_time(a)
    desc = a.get("description", "")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": iso, "dateModified": iso,
          "inLanguage": a.get("lang", "ar"), "mainEntityOfPage": a["url"],
          "publisher": {"@type": "Organization", "name": site}}
    seen = set()
    body_html = []
    for (kind, t), (_, raw) in zip(body_items, raw_items, strict=True):
        if kind == "p":
            body_html.append(f"<p>{para_html(raw, '/tags/{}', seen, quote=True)}</p>")
        elif kind == "h":
            body_html.append(f"<h2>{para_html(raw)}</h2>")
        else:
            body_html.append(f'<figure class="inline-img"><img src="/media/{a["id"]}-2.jpg" alt="">'
                             f"<figcaption>{e(t)}</figcaption></figure>")
    if a.get("inline_related"):
        lab = "Read also:" if en else "اقرأ أيضاً:"
        pos = min(2, len(body_html))
        body_html.insert(pos, f'<div class="inline-related"><strong>{lab}</strong> '
                              f'<a href="/news/rel">{e(a["inline_related"])}</a></div>')
    nxt = ""
    if a.get("next_article"):
        na = a["next_article"]
        nxt = (f'\n<section class="next-article" data-infinite="1">\n<div class="next-label">'
               f'{"Next article" if en else "المقال التالي"}</div>\n<article>\n'
               f'<h1 class="article-title">{e(na["title"])}</h1>\n'
               f'<div class="meta"><time datetime="{na["iso"]}">{e(na["date"])}</time></div>\n'
               f'<figure><img src="/media/next.jpg" alt=""><figcaption>{e(na["caption"])}'
               f'</figcaption></figure>\n<div class="article-body">\n'
               + "\n".join(f"<p>{e(p)}</p>" for p in na["paras"]) + "\n</div>\n</article>\n</section>")
    most_read = "".join(f'<li><a href="/news/{i}">{e(h)}</a></li>' for i, h in
                        enumerate(a.get("most_read", []), 1))
    related = "".join(f'<li><a href="/news/r{i}">{e(h)}</a></li>' for i, h in
                      enumerate(a.get("related", []), 1))
    lang, dr = ("en", "ltr") if en else ("ar", "rtl")
    cap = a.get("caption", "")
    byline = a.get("byline", "")
    og_time = (f'\n<meta property="article:published_time" content="{iso}">'
               if a.get("og_time", True) else "")
    ld_html = (f'\n<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
               if a.get("jsonld", True) else "")
    ticker = e(a.get("ticker", "Breaking: markets close higher" if en else
                     "عاجل: افتتاح الدورة الجديدة لبطولة الخليج للناشئين"))
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{dr}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} | {site}</title>
<meta name="description" content="{e(desc)}">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:type" content="article">
<meta property="og:url" content="{a["url"]}">
<meta property="og:image" content="https://{OUTLETS["alsahel-tv"]["domain"]}/media/{a["id"]}.jpg">{og_time}
<link rel="canonical" href="{a["url"]}">
<link rel="stylesheet" href="/static/css/main.min.css">{ld_html}
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"section": "{e(a["section"])}", "page": "article"}});</script>
</head>
<body class="article-page">
<div class="cookie-banner" role="dialog"><p>{cookie}</p><button>{ok}</button></div>
<header class="site-header">
<a class="logo" href="/">{site}</a>
<nav class="main-nav"><ul>{"".join(f'<li><a href="/s/{i}">{n}</a></li>' for i, n in enumerate(nav))}</ul></nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="{"Search" if en else "بحث"}"></form>
</header>
<div class="ticker"><span>{ticker}</span></div>
<main class="container">
<nav class="breadcrumb"><a href="/">{crumbs[0]}</a> › <a href="/news">{crumbs[1]}</a> › <span>{e(crumbs[2])}</span></nav>
<article class="story">
<h1 class="article-title">{e(a["title"])}</h1>
<div class="meta"><time datetime="{iso}">{datestr}</time> <span class="byline">{e(byline)}</span></div>
<div class="share">{"".join(f'<a href="#" class="share-{i}">{n}</a>' for i, n in enumerate(share))}</div>
<figure class="lead-img"><img src="/media/{a["id"]}.jpg" alt="{e(cap)}"><figcaption>{e(cap)}</figcaption></figure>
<div class="article-body">
{chr(10).join(body_html)}
</div>
<div class="tags">{"".join(f'<a href="/tags/{e(t)}">{e(t)}</a>' for t in a.get("tags", []))}</div>
</article>{nxt}
<aside class="sidebar"><h3>{most}</h3><ol>{most_read}</ol></aside>
<section class="related"><h3>{rel}</h3><ul>{related}</ul></section>
<section class="comments"><h3>{comment}</h3>
<form class="comment-form"><label>{labels[0]}</label><input name="name"><label>{labels[1]}</label><input name="email"><label>{labels[2]}</label><textarea name="comment"></textarea><button>{labels[3]}</button></form>
</section>
</main>
<footer class="site-footer">
<div class="newsletter"><h4>{news[0]}</h4><input placeholder="{news[1]}"><button>{news[2]}</button></div>
<p>© 2025 {site}. {"All rights reserved." if en else "جميع الحقوق محفوظة."}</p>
<p>Al Sahel Media Network, West Bay Tower 3, Doha, Qatar</p>
<a href="#top" class="to-top">{top}</a>
</footer>
<script src="/static/js/vendor.min.js"></script>
<script>var shareMsg = "{"Share this story" if en else "شارك الخبر مع أصدقائك"}"; document.querySelectorAll('.share a').forEach(function(b){{b.title = shareMsg;}});</script>
</body>
</html>
"""


WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---------------------------------------------------------------- akhbar-qartaj (html)
def render_qartaj(a, body_items, raw_items):
    fr = a.get("lang", "ar") == "fr"
    x = d(a["published"])
    e = lambda s: H.escape(s, quote=True)  # noqa: E731
    if fr:
        nav = ["Accueil", "National", "Régions", "Monde", "Économie", "Sport", "Culture", "عربي"]
        posted = f"Publié le : {x.day} {FR_M[x.month - 1]} {x.year}"
        crumb = ["Accueil", a["section"]]
        share, views = "Partager : Facebook | Twitter | WhatsApp", "vues"
        tagl, rel = "Mots-clés", "Articles similaires"
        form = ("Laisser un commentaire",
                "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
                "Commentaire *", "Nom *", "E-mail *", "Site web", "Laisser un commentaire")
        foot = "© 2025 Akhbar Qartaj – Tous droits réservés"
        cookie = "Ce site utilise des cookies pour améliorer votre expérience. <a href=\"#\">J'accepte</a>"
        top = f"Date : {FR_WD[3]} 20 mars 2025 | Météo à Tunis : 17°C"
        site = "Akhbar Qartaj – édition française"
        by = "Par"
    else:
        nav = ["الرئيسية", "وطنية", "جهات", "عالمية", "اقتصاد", "رياضة", "ثقافة", "Français"]
        posted = f"نُشر في: {x.day} {MAG[x.month - 1]} {x.year}"
        crumb = ["الرئيسية", a["section"]]
        share, views = "شارك: فيسبوك | تويتر | واتساب", "مشاهدة"
        tagl, rel = "الكلمات المفتاحية", "مقالات ذات صلة"
        form = ("اترك تعليقاً",
                "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
                "التعليق *", "الاسم *", "البريد الإلكتروني *", "الموقع", "إرسال التعليق")
        foot = "© 2025 أخبار قرطاج – جميع الحقوق محفوظة"
        cookie = "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربة التصفح. <a href=\"#\">موافق</a>"
        top = "الخميس 20 مارس 2025 | الطقس في تونس: 17 درجة"
        site = "أخبار قرطاج"
        by = "بقلم"
    body_html = []
    seen = set()
    for i, ((kind, t), (_, raw)) in enumerate(zip(body_items, raw_items, strict=True)):
        if kind == "p":
            inner = para_html(raw, "/tag/{}/", seen, quote=True)
            if i == 0 and a.get("bold_lede"):
                inner = f"<strong>{inner}</strong>"
            body_html.append(f"<p>{inner}</p>")
        elif kind == "h":
            body_html.append(f"<h3>{para_html(raw)}</h3>")
        else:
            body_html.append(f'<figure class="wp-caption"><img src="/wp-content/uploads/2025/{a["id"]}-2.jpg">'
                             f'<figcaption class="wp-caption-text">{e(t)}</figcaption></figure>')
        if i == 1:
            body_html.append('<div class="code-block code-block-3"><script async '
                             'src="https://ads.example/show_ads.js"></script>'
                             '<ins class="adsbygoogle" data-ad-slot="1234"></ins></div>')
    og_time = (f'\n<meta property="article:published_time" content="{iso_time(a, "+01:00")}" />'
               if a.get("og_time", True) else "")
    related = "".join(
        f'<div class="td_module_related"><h3 class="entry-title"><a href="/r/{i}">{e(h)}</a></h3>'
        f'<span class="td-post-date">{e(dd)}</span></div>' for i, (h, dd) in
        enumerate(a.get("related", []), 1))
    tags = "".join(f'<li><a href="/tag/{e(t)}/">{e(t)}</a></li>' for t in a.get("tags", []))
    lang, dr = ("fr-FR", "ltr") if fr else ("ar-TN", "rtl")
    return f"""<!doctype html>
<html dir="{dr}" lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{e(a["title"])} - {site}</title>
<meta name="robots" content="index, follow" />
<meta property="og:locale" content="{"fr_FR" if fr else "ar_AR"}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{e(a["title"])}" />
<meta property="og:description" content="{e(a.get("description", ""))}" />
<meta property="og:url" content="{a["url"]}" />
<meta property="og:site_name" content="{site}" />{og_time}
<link rel='stylesheet' id='td-theme-css' href='/wp-content/themes/Newspaper/style.css?ver=12.6' type='text/css' media='all' />
<script type="text/javascript">
/* <![CDATA[ */
var td_ajax_url = "/wp-admin/admin-ajax.php"; var tds_login_sing_in_widget = "show"; var td_please_wait = "{"Veuillez patienter..." if fr else "يرجى الانتظار..."}";
/* ]]> */
</script>
</head>
<body class="post-template-default single single-post single-format-standard">
<div id="td-top-bar">{top}</div>
<div class="td-header-wrap">
<div class="td-header-logo"><a href="/">{site}</a></div>
<ul id="menu-main" class="sf-menu">{"".join(f'<li class="menu-item"><a href="/c/{i}/">{n}</a></li>' for i, n in enumerate(nav))}</ul>
</div>
<div class="td-main-content-wrap">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/">{crumb[0]}</a></span> <i class="td-bread-sep"></i> <span><a href="/c/r/">{e(crumb[1])}</a></span> <i class="td-bread-sep"></i> <span class="td-bred-no-url-last">{e(a["title"])}</span></div></div>
<article id="post-{a["id"]}" class="post type-post status-publish">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="/c/r/">{e(a["section"])}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{e(a["title"])}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name">{by} <a href="/author/x/">{e(a["byline"])}</a></div>
<span class="td-post-date">{posted}</span>
<div class="td-post-views"><span>{a.get("views", 1248)}</span> {views}</div></div>
</header></div>
<div class="td-post-sharing-top">{share}</div>
<div class="td-post-featured-image"><figure><img src="/wp-content/uploads/2025/{a["id"]}.jpg" alt="" /><figcaption class="wp-caption-text">{e(a.get("caption", ""))}</figcaption></figure></div>
<div class="td-post-content tagdiv-type">
{chr(10).join(body_html)}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>{tagl}</span></li>{tags}</ul></div>
<div class="td-post-sharing-bottom">{share}</div></footer>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title">{rel}</h4>{related}</div>
</article>
<div class="comments" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{form[0]}</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">{form[1]}</p>
<p class="comment-form-comment"><label for="comment">{form[2]}</label><textarea id="comment" name="comment"></textarea></p>
<p class="comment-form-author"><label for="author">{form[3]}</label><input id="author" name="author" type="text" /></p>
<p class="comment-form-email"><label for="email">{form[4]}</label><input id="email" name="email" type="text" /></p>
<p class="comment-form-url"><label for="url">{form[5]}</label><input id="url" name="url" type="text" /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{form[6]}" /></p></form></div></div>
</div>
<div class="td-footer-wrap"><div class="footer-text">{foot}</div><div class="footer-address">Akhbar Qartaj, 15 Rue de Marseille, 1000 Tunis, Tunisie</div></div>
<div id="cookie-notice" role="banner"><span>{cookie}</span></div>
<script type='text/javascript' src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1'></script>
<script type='text/javascript' src='/wp-content/themes/Newspaper/js/tagdiv_theme.min.js?ver=12.6'></script>
</body>
</html>
"""


# ---------------------------------------------------------------- sawt-alawras (html)
def render_alawras(a, body_items, raw_items):
    x = d(a["published"])
    e = lambda s: H.escape(s, quote=False)  # noqa: E731
    created = f"{WD[x.weekday()]}, {x.day:02d} {MAG[x.month - 1]} {x.year} {a.get('time', '09:15')}"
    body_html = [f'<p class="author"><strong>{e(a["byline"])}</strong></p>']
    for (kind, t), (_, raw) in zip(body_items, raw_items, strict=True):
        if kind == "p":
            body_html.append(f"<p>{para_html(raw)}</p>")
        elif kind == "h":
            body_html.append(f"<p><strong>{para_html(raw)}</strong></p>")
        else:
            body_html.append(f'<p style="text-align: center;"><img src="/images/stories/{a["id"]}.jpg" '
                             f'border="0" /><br />{e(t)}</p>')
    mostread = "".join(f'<li class="mostread"><a href="/index.php?id={i}" class="mostread">'
                       f'{e(h)}</a></li>' for i, h in enumerate(a.get("most_read", []), 101))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar-dz" lang="ar-dz" dir="rtl">
<head>
<meta http-equiv="content-type" content="text/html; charset=utf-8" />
<meta name="keywords" content="{e("، ".join(a.get("tags", [])))}" />
<meta name="description" content="{H.escape(a.get("description", ""), quote=True)}" />
<meta name="generator" content="Joomla! 1.5 - Open Source Content Management" />
<title>صوت الأوراس - {e(a["title"])}</title>
<link href="/templates/aures/css/template.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/media/system/js/mootools.js"></script>
<script type="text/javascript" src="/media/system/js/caption.js"></script>
</head>
<body>
<div id="wrapper">
<div id="header">
<div id="logo"><a href="/">صوت الأوراس</a></div>
<div id="slogan">يومية وطنية إخبارية مستقلة</div>
<div id="date">الخميس 20 مارس 2025 م - 20 رمضان 1446 هـ</div>
</div>
<div id="menu"><ul class="menu"><li class="item1"><a href="/"><span>الرئيسية</span></a></li><li class="item2"><a href="/watani"><span>الوطني</span></a></li><li class="item3"><a href="/dawli"><span>الدولي</span></a></li><li class="item4"><a href="/maghreb"><span>المغرب العربي</span></a></li><li class="item5"><a href="/iqtisad"><span>اقتصاد</span></a></li><li class="item6"><a href="/riyada"><span>رياضة</span></a></li><li class="item7"><a href="/thaqafa"><span>ثقافة</span></a></li><li class="item8"><a href="/archive"><span>الأرشيف</span></a></li></ul></div>
<div id="main">
<div id="content">
<span class="breadcrumbs pathway"><a href="/" class="pathway">الرئيسية</a> <img src="/images/arrow.png" alt="" /> <a href="/maghreb" class="pathway">{e(a["section"])}</a></span>
<table class="contentpaneopen">
<tr>
<td class="contentheading" width="100%">{e(a["title"])}</td>
<td align="right" width="100%" class="buttonheading"><a href="/print/{a["id"]}" title="طباعة">طباعة</a></td>
<td align="right" width="100%" class="buttonheading"><a href="/mail/{a["id"]}" title="البريد الإلكتروني">البريد الإلكتروني</a></td>
</tr>
</table>
<table class="contentpaneopen">
<tr><td valign="top" class="createdate">{created}</td></tr>
<tr>
<td valign="top">
{chr(10).join(body_html)}
</td>
</tr>
<tr><td colspan="2" class="modifydate">آخر تحديث: {created}</td></tr>
</table>
<span class="article_separator">&nbsp;</span>
<div id="jc"><h4>التعليقات (0)</h4>
<form id="comments-form" name="comments-form" action="javascript:void(null);"><p><label for="comments-form-name">الاسم *</label><input id="comments-form-name" type="text" name="name" /></p><p><label for="comments-form-email">البريد الإلكتروني *</label><input id="comments-form-email" type="text" name="email" /></p><p><label for="comments-form-comment">التعليق *</label><textarea id="comments-form-comment" name="comment" cols="65" rows="8"></textarea></p><p><a href="#" onclick="jcomments.saveComment();return false;">أرسل</a></p></form></div>
</div>
<div id="right">
<div class="moduletable"><h3>الأكثر قراءة</h3><ul class="mostread">{mostread}</ul></div>
<div class="moduletable"><h3>النشرة البريدية</h3><p>اشترك في النشرة البريدية لتصلك أهم العناوين</p><input type="text" name="email" /></div>
</div>
</div>
<div id="footer">© 2025 يومية صوت الأوراس - جميع الحقوق محفوظة<br />Cité 500 Logements, Batna 05000, Algérie - Tél : 033 00 00 00</div>
</div>
<script type="text/javascript">var jcomments = new JComments(0, 'com_content', '/index.php?option=com_jcomments&amp;tmpl=component');</script>
</body>
</html>
"""


RENDER_TXT = {"almadar": render_almadar, "alshurfa": render_alshurfa,
              "sawt-qasioun": render_sawt_qasioun, "bawabat-alwadi": render_bawabat,
              "ufuq": render_ufuq}
RENDER_HTML = {"alsahel-tv": render_alsahel, "akhbar-qartaj": render_qartaj,
               "sawt-alawras": render_alawras}
# Whether an outlet's template shows the publication date somewhere in the page.
PAGE_DATE = {"almadar": False, "alshurfa": True, "sawt-qasioun": False, "bawabat-alwadi": False,
             "ufuq": True, "alsahel-tv": True, "akhbar-qartaj": True, "sawt-alawras": True}
