"""Throughput of the quantities and quotes enrichers on an invented ~600-word article.

Run: ``.venv/bin/python bench/bench_quantities_quotes.py [--repeat N]``. Prints articles/s and
milliseconds per article (CPU time, best of three runs) for each enricher and for both together.
The project needs >= 100 enriched articles/s on one core including NER and dates, so these two
together should stay near 2 ms. The article is written for this benchmark (invented people,
places and numbers).
"""

from __future__ import annotations

import argparse
import time

from common import report

from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import analyze_quotes

PARAGRAPHS = (
    "أعلنت وزارة الداخلية في جمهورية الواحات، في بيان صدر صباح اليوم الثلاثاء، أن حصيلة "
    "الفيضانات التي ضربت مدينة وادي النخيل ارتفعت إلى 37 قتيلاً وأكثر من 120 جريحاً، فيما "
    "لا يزال نحو 15 شخصاً في عداد المفقودين. وقالت الوزارة إن فرق الإنقاذ تمكنت من إجلاء "
    "قرابة ثلاثة آلاف أسرة من الأحياء المنخفضة خلال الساعات الـ48 الماضية.",
    "وقال وزير الداخلية سليم العارف في مؤتمر صحافي عقده في مقر الوزارة: \"نحن أمام كارثة "
    "لم تشهدها البلاد منذ أكثر من خمسين عاماً، وسنعمل على مدار الساعة حتى نصل إلى آخر "
    "عائلة محاصرة\". وأضاف العارف \"لقد خصصنا 250 مليون دينار لإعادة الإعمار، وسنطلب دعم "
    "شركائنا في المنطقة\".",
    "وأكد أن الأمطار التي هطلت خلال يومين فقط تجاوزت 180 ملم في بعض المناطق، أي ما يعادل "
    "معدل ستة أشهر، مشيراً إلى أن السدود الثلاثة في أعالي الوادي امتلأت بنسبة 95% قبل أن "
    "تبدأ المياه بالتدفق نحو القرى المجاورة التي يسكنها ما لا يقل عن 40 ألف نسمة.",
    "في المقابل، زعم المتحدث باسم حزب التجديد المعارض نادر البستاني أن الحكومة \"تجاهلت "
    "تحذيرات الخبراء منذ أشهر\"، وقال: «كان يمكن إنقاذ عشرات الأرواح لو جرى تنفيذ خطة "
    "الصيانة التي أقرها البرلمان قبل 3 سنوات». ونفت الحكومة هذه الاتهامات، وقالت إن "
    "مشاريع الصيانة شملت 14 سداً و220 كيلومتراً من القنوات منذ عام 2021.",
    "من جهتها، قالت منظمة الهلال الأخضر لـ«وكالة أنباء الواحات» إن متطوعيها وزعوا أكثر من "
    "12 ألف وجبة ونحو 5000 بطانية، وإن بين خمسة وستة مخيمات مؤقتة أقيمت على مساحة تقارب "
    "كيلومترين مربعين شرق المدينة. وحذرت المنظمة من انتشار الأمراض إذا لم تصل المساعدات "
    "الطبية خلال أيام، داعية إلى تأمين مياه الشرب لنحو 60 ألف نازح.",
    "وكتب رئيس الوزراء فؤاد الحكيم في تغريدة على حسابه في «تويتر»: لن نترك أي مواطن "
    "وحيداً، وقد وجهت بصرف تعويضات عاجلة للأسر المتضررة. ويقول مسؤول كبير في الوزارة إن "
    "التعويضات ستبلغ 2.5 مليون دينار في المرحلة الأولى، وإن 8 فرق هندسية ستبدأ تقييم "
    "الأضرار في 1,200 منزل تضرر جزئياً أو كلياً.",
    "ويأتي ذلك بينما توقعت هيئة الأرصاد الجوية استمرار هطول الأمطار حتى نهاية الأسبوع، "
    "مع رياح تصل سرعتها إلى 90 كيلومتراً في الساعة. وقال مدير الهيئة منير الصافي إن "
    "\"الموجة الحالية هي الأعنف منذ عقدين\"، مضيفاً أن نحو 30 في المئة من محطات الرصد "
    "سجلت أرقاماً قياسية، وأن الهيئة أصدرت 17 تحذيراً منذ بداية الشهر الجاري.",
    "وفي العاصمة، تجمع مئات المتظاهرين أمام مبنى البرلمان مطالبين بمحاسبة المسؤولين عن "
    "تأخر أعمال الصيانة، ورفعوا لافتات كتب عليها «لا للإهمال» و«أرواحنا ليست أرقاماً». "
    "وقالت الناشطة ليلى العمري إن الاحتجاجات ستستمر \"حتى تعلن الحكومة نتائج تحقيق شفاف "
    "ومستقل في أسباب الكارثة\"، مؤكدة أن أكثر من 20 جمعية أهلية انضمت إلى الدعوة.",
    "وعلى الصعيد الدولي، أعلنت المفوضية الأوروبية تخصيص 15 مليون يورو كمساعدات إنسانية "
    "عاجلة، فيما أرسلت ثلاث دول مجاورة طائرات محملة بالخيام والأغذية. وقال المتحدث باسم "
    "المفوضية كارل لينارد في بيان إن \"الاتحاد يقف إلى جانب شعب الواحات في هذه المحنة\"، "
    "مشيراً إلى أن فرقاً أوروبية متخصصة في الإنقاذ ستصل خلال 24 ساعة. كما أعلن الهلال الأحمر "
    "الدولي إرسال 40 طناً من المواد الطبية و10 آلاف خيمة، موضحاً أن الاحتياجات تتجاوز حتى "
    "الآن قدرات المنظمات العاملة على الأرض.",
    "وفي المقابل، ادعى وزير المالية حامد الشريف أن الميزانية \"لا تسمح بأكثر من ذلك\"، "
    "وهو ما رد عليه النائب المستقل وليد الراشد بالقول: إن الحكومة أنفقت العام الماضي ما يزيد "
    "على 900 مليون دينار على مشاريع لم تنفذ. وتشير تقديرات البنك الدولي إلى أن الخسائر "
    "الاقتصادية قد تصل إلى 1.8 مليار دولار، أي نحو 4 في المئة من الناتج المحلي، بينما يقدر "
    "خبراء محليون أن إعادة تأهيل شبكة الطرق وحدها تحتاج إلى ما بين سنتين وثلاث سنوات. "
    "ويقول سكان في الأحياء المتضررة إن المياه غمرت منازلهم خلال أقل من ساعة، وإنهم فقدوا "
    "كل ما يملكون، مطالبين بتعويضات عادلة وسريعة قبل حلول فصل الشتاء المقبل.",
)
ARTICLE = "\n".join(PARAGRAPHS)


def main() -> None:
    """Time each enricher and both together; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500, help="articles to process per run")
    args = parser.parse_args()
    words = len(ARTICLE.split())
    find_quantities(ARTICLE)  # load the lexicons before timing
    analyze_quotes(ARTICLE)
    figures: dict[str, float | int] = {}
    runs = (("quantities", lambda t: find_quantities(t)),
            ("quotes", lambda t: analyze_quotes(t)),
            ("both", lambda t: (find_quantities(t), analyze_quotes(t))))
    for run, (name, func) in enumerate(runs):
        best = float("inf")
        for attempt in range(3):
            # a new text each time, so the shared tokenization is paid once per article
            texts = [f"{ARTICLE}\n{run}-{attempt}-{i}" for i in range(args.repeat)]
            start = time.process_time()  # CPU time: other jobs on the machine do not count
            for text in texts:
                func(text)
            best = min(best, time.process_time() - start)
        figures[f"{name}_ms"] = 1000 * best / args.repeat
        figures[f"{name}_per_s"] = args.repeat / best
    figures["words"] = words
    figures["quantities"] = len(find_quantities(ARTICLE))
    figures["quotes"] = len(analyze_quotes(ARTICLE)[0])
    report("quantities+quotes", figures)


if __name__ == "__main__":
    main()
