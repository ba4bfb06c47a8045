"""Short Arabic test articles written for these tests (no corpus text), and helpers to make many."""

from __future__ import annotations

from pathlib import Path

PUBLISHED = "2019-03-10"

STRIKE_A = ("غارة جوية على معرة النعمان\n"
            "قتل ثلاثة مدنيين في غارة جوية شنتها طائرات حربية على مدينة معرة النعمان في ريف إدلب الجنوبي، "
            "بحسب ما أفاد المرصد السوري لحقوق الإنسان.")
STRIKE_B = ("مقتل خمسة بقصف جوي في إدلب\n"
            "أفاد ناشطون بمقتل خمسة أشخاص بينهم طفلان جراء غارة جوية استهدفت سوقا شعبيا في مدينة معرة النعمان "
            "جنوب إدلب.")
AID_A = ("مساعدات إلى مخيم الهول\n"
         "دخلت سبع وعشرون شاحنة محملة بالمساعدات الإنسانية إلى مخيم الهول في ريف الحسكة الشرقي، وقالت الأمم "
         "المتحدة إن القافلة تحمل مواد غذائية تكفي ألفي شخص.")
PROTEST = ("تظاهرة في الرقة\n"
           "تظاهر مئات المدنيين في مدينة الرقة احتجاجا على تردي الأوضاع المعيشية، وفق ما ذكرت مصادر محلية.")
#: a copy of STRIKE_A as a second site republished it: new headline line, same report
STRIKE_A_COPY = ("طائرات حربية تقصف معرة النعمان\n"
                 "قتل ثلاثة مدنيين في غارة جوية شنتها طائرات حربية على مدينة معرة النعمان في ريف إدلب الجنوبي، "
                 "بحسب ما أفاد المرصد السوري لحقوق الإنسان.")

_TOWNS = ["إدلب", "حلب", "حماة", "حمص", "دمشق", "درعا", "الرقة", "الحسكة", "القامشلي", "منبج", "الباب", "جرابلس",
          "عفرين", "تدمر", "السويداء", "القنيطرة", "اللاذقية", "طرطوس", "البوكمال", "الميادين"]
_NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "اثنا عشر", "خمسة عشر"]
_WHAT = ["قصف مدفعي", "غارة جوية", "انفجار عبوة ناسفة", "اشتباكات عنيفة"]


def many_articles(n: int) -> list[str]:
    """``n`` distinct short articles (town × count × kind × day)."""
    out = []
    i = 0
    while len(out) < n:
        town = _TOWNS[i % len(_TOWNS)]
        num = _NUMBERS[(i // len(_TOWNS)) % len(_NUMBERS)]
        what = _WHAT[(i // (len(_TOWNS) * len(_NUMBERS))) % len(_WHAT)]
        day = 1 + i // (len(_TOWNS) * len(_NUMBERS) * len(_WHAT))
        out.append(f"{what} في {town}\nقتل {num} أشخاص في {what} في مدينة {town} يوم {day} من الشهر، "
                   f"بحسب مصادر محلية (تقرير رقم {i}).")
        i += 1
    return out


def write_folder(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(texts):
        (folder / f"article-{i:05d}.txt").write_text(t, encoding="utf-8")
    return folder
