"""Month and weekday names as Arab outlets write them, and small date helpers."""
import datetime as dt

LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
       "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGY = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
       "أكتوبر", "نوفمبر", "ديسمبر"]
MAG = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
       "أكتوبر", "نوفمبر", "ديسمبر"]
WD = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
EN_M = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]
FR_M = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
FR_WD = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
HIJ = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب",
       "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
IND = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def d(s):
    return dt.date.fromisoformat(s)


def weekday(s):
    return WD[d(s).weekday()]


def indic(s):
    return str(s).translate(IND)


def hijri(s):
    from hijridate import Gregorian
    x = d(s)
    h = Gregorian(x.year, x.month, x.day).to_hijri()
    return h.year, h.month, h.day
