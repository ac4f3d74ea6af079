"""Builds pairs.tsv from the hand-written name forms below (run once; the TSV is the data).

Every form was written by hand for this benchmark. Positives pair forms of one entity;
negatives are listed explicitly. The split is by entity group (hash of the group id), so no
person or place appears in both dev and holdout.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
from pathlib import Path

# group id -> forms of ONE person (Latin variants, ru / be / uk Cyrillic, initials, order).
PERSONS: dict[str, list[str]] = {
    "tsikhanouskaya": [
        "Sviatlana Tsikhanouskaya",
        "Svetlana Tikhanovskaya",
        "Светлана Тихановская",
        "Святлана Ціханоўская",
        "Swetlana Tichanowskaja",
        "S. Tsikhanouskaya",
        "Tsikhanouskaya",
    ],
    "tsikhanouski": [
        "Siarhei Tsikhanouski",
        "Sergei Tikhanovsky",
        "Сергей Тихановский",
        "Сяргей Ціханоўскі",
        "Sergey Tikhanovskiy",
    ],
    "kalesnikava": [
        "Maria Kalesnikava",
        "Maria Kolesnikova",
        "Мария Колесникова",
        "Марыя Калеснікава",
        "Maryja Kalesnikava",
        "M. Kolesnikova",
        "Kolesnikova Maria",
    ],
    "babaryka_v": [
        "Viktar Babaryka",
        "Viktor Babariko",
        "Виктор Бабарико",
        "Віктар Бабарыка",
        "Wiktar Babaryka",
    ],
    "babaryka_e": ["Eduard Babaryka", "Eduard Babariko", "Эдуард Бабарико", "Эдуард Бабарыка"],
    "bialiatski": [
        "Ales Bialiatski",
        "Ales Bialiatsky",
        "Ales Beljatsky",
        "Алесь Беляцкий",
        "Алесь Бяляцкі",
        "Aleś Bialiacki",
        "Ales Byalyatski",
    ],
    "lukashenko": [
        "Alexander Lukashenko",
        "Aliaksandr Lukashenka",
        "Аляксандр Лукашэнка",
        "Александр Лукашенко",
        "Alexandre Loukachenko",
        "Alexander Lukaschenko",
        "Lukashenko Alexander Grigoryevich",
        "A. Lukashenko",
    ],
    "tsepkalo_v": ["Valery Tsepkalo", "Valer Tsapkala", "Валерий Цепкало", "Валерый Цапкала"],
    "tsepkalo_ve": [
        "Veronika Tsepkalo",
        "Veranika Tsapkala",
        "Вероника Цепкало",
        "Вераніка Цапкала",
    ],
    "protasevich": [
        "Roman Protasevich",
        "Raman Pratasevich",
        "Роман Протасевич",
        "Раман Пратасевіч",
        "Roman Protassewitsch",
    ],
    "losik": ["Ihar Losik", "Igor Losik", "Игорь Лосик", "Ігар Лосік"],
    "putsila": ["Stsiapan Putsila", "Stepan Putilo", "Степан Путило", "Сцяпан Пуціла"],
    "statkevich": [
        "Mikalai Statkevich",
        "Nikolai Statkevich",
        "Николай Статкевич",
        "Мікалай Статкевіч",
        "Mikola Statkevich",
    ],
    "seviarynets": ["Pavel Seviarynets", "Pavel Severinets", "Павел Северинец", "Павел Севярынец"],
    "znak": ["Maksim Znak", "Maxim Znak", "Максим Знак", "Максім Знак"],
    "bandarenka": ["Raman Bandarenka", "Roman Bondarenko", "Роман Бондаренко", "Раман Бандарэнка"],
    "latushka": ["Pavel Latushka", "Pavel Latushko", "Павел Латушко", "Павел Латушка"],
    "niakliaeu": [
        "Uladzimir Niakliaeu",
        "Vladimir Neklyaev",
        "Владимир Некляев",
        "Уладзімір Някляеў",
    ],
    "pazniak": ["Zianon Pazniak", "Zenon Poznyak", "Зенон Позняк", "Зянон Пазняк"],
    "shushkevich": [
        "Stanislau Shushkevich",
        "Stanislav Shushkevich",
        "Станислав Шушкевич",
        "Станіслаў Шушкевіч",
    ],
    "sannikov": ["Andrei Sannikov", "Andrei Sannikau", "Андрей Санников", "Андрэй Саннікаў"],
    "khalip": ["Iryna Khalip", "Irina Khalip", "Ирина Халип", "Ірына Халіп"],
    "poczobut": ["Andrzej Poczobut", "Andrei Pochobut", "Анджей Почобут", "Andrej Počobut"],
    "rabkova": ["Marfa Rabkova", "Марфа Рабкова", "Marfa Rabkowa"],
    "losik_d": ["Daria Losik", "Darya Losik", "Дарья Лосик", "Дар'я Лосік"],
    "stefanovich": [
        "Valiantsin Stefanovich",
        "Valentin Stefanovich",
        "Валентин Стефанович",
        "Валянцін Стэфановіч",
    ],
    "labkovich": [
        "Uladzimir Labkovich",
        "Vladimir Labkovich",
        "Владимир Лабкович",
        "Уладзімір Лабковіч",
    ],
    "andreyeva": [
        "Katsiaryna Andreyeva",
        "Ekaterina Andreeva",
        "Екатерина Андреева",
        "Кацярына Андрэева",
    ],
    "karnei": ["Ihar Karnei", "Igor Korney", "Игорь Корней", "Ігар Карней"],
    "hersche": ["Natallia Hersche", "Natalia Hersche", "Наталья Херше", "Наталля Хершэ"],
    "putin": [
        "Vladimir Putin",
        "Wladimir Putin",
        "Владимир Путин",
        "Уладзімір Пуцін",
        "Володимир Путін",
        "Putin Vladimir Vladimirovich",
        "V. Putin",
        "Vladimir Poutine",
    ],
    "navalny": [
        "Alexei Navalny",
        "Aleksei Navalnyi",
        "Alexej Nawalny",
        "Алексей Навальный",
        "Аляксей Навальны",
        "Alexeï Navalny",
        "Oleksii Navalnyi",
    ],
    "navalnaya": [
        "Yulia Navalnaya",
        "Julia Nawalnaja",
        "Юлия Навальная",
        "Iuliia Navalnaia",
        "Yulia Navalnaia",
    ],
    "khodorkovsky": [
        "Mikhail Khodorkovsky",
        "Michail Chodorkowski",
        "Михаил Ходорковский",
        "Mikhaïl Khodorkovski",
        "Michał Chodorkowski",
    ],
    "nemtsov": ["Boris Nemtsov", "Boris Nemzow", "Борис Немцов", "Barys Niamtsou"],
    "nemtsova": ["Zhanna Nemtsova", "Schanna Nemzowa", "Жанна Немцова"],
    "lavrov": [
        "Sergei Lavrov",
        "Sergey Lavrov",
        "Sergej Lawrow",
        "Сергей Лавров",
        "Sergueï Lavrov",
    ],
    "peskov": ["Dmitry Peskov", "Dmitri Peskow", "Дмитрий Песков", "Dmitrii Peskov"],
    "peskova": ["Yelizaveta Peskova", "Elizaveta Peskova", "Елизавета Пескова"],
    "zakharova": ["Maria Zakharova", "Maria Sacharowa", "Мария Захарова", "Mariya Zakharova"],
    "shoigu": ["Sergei Shoigu", "Sergej Schoigu", "Сергей Шойгу", "Sergueï Choïgou"],
    "medvedev": ["Dmitry Medvedev", "Dmitri Medwedew", "Дмитрий Медведев", "Dmitrij Miedwiediew"],
    "medvedeva": ["Svetlana Medvedeva", "Swetlana Medwedewa", "Светлана Медведева"],
    "yashin": ["Ilya Yashin", "Ilja Jaschin", "Илья Яшин", "Ilia Iashin"],
    "karamurza": ["Vladimir Kara-Murza", "Wladimir Kara-Mursa", "Владимир Кара-Мурза"],
    "prigozhin": [
        "Yevgeny Prigozhin",
        "Jewgeni Prigoschin",
        "Евгений Пригожин",
        "Evgenii Prigozhin",
    ],
    "kadyrov": ["Ramzan Kadyrov", "Ramsan Kadyrow", "Рамзан Кадыров"],
    "politkovskaya": [
        "Anna Politkovskaya",
        "Anna Politkowskaja",
        "Анна Политковская",
        "Anna Politkovskaïa",
    ],
    "zelensky": [
        "Volodymyr Zelensky",
        "Volodymyr Zelenskyy",
        "Wolodymyr Selenskyj",
        "Владимир Зеленский",
        "Володимир Зеленський",
        "Vladimir Zelenskiy",
        "Volodymyr Zelenskyi",
        "Uladzimir Zialenski",
    ],
    "zelenska": [
        "Olena Zelenska",
        "Olena Selenska",
        "Олена Зеленська",
        "Елена Зеленская",
        "Olena Zelenskaya",
    ],
    "klitschko_vi": [
        "Vitali Klitschko",
        "Vitaliy Klychko",
        "Віталій Кличко",
        "Виталий Кличко",
        "Vitali Klitchko",
    ],
    "klitschko_wl": [
        "Wladimir Klitschko",
        "Volodymyr Klychko",
        "Володимир Кличко",
        "Владимир Кличко",
    ],
    "tymoshenko": [
        "Yulia Tymoshenko",
        "Julia Timoschenko",
        "Юлия Тимошенко",
        "Юлія Тимошенко",
        "Ioulia Timochenko",
        "Yuliya Tymoshenko",
    ],
    "poroshenko": [
        "Petro Poroshenko",
        "Petro Poroschenko",
        "Петро Порошенко",
        "Пётр Порошенко",
        "Piotr Poroszenko",
    ],
    "kuleba": ["Dmytro Kuleba", "Dmitry Kuleba", "Дмитро Кулеба", "Дмитрий Кулеба"],
    "yermak": ["Andriy Yermak", "Andrii Yermak", "Андрій Єрмак", "Андрей Ермак", "Andrij Jermak"],
    "zaluzhnyi": [
        "Valerii Zaluzhnyi",
        "Valery Zaluzhny",
        "Валерій Залужний",
        "Валерий Залужный",
        "Walerij Saluschnyj",
    ],
    "budanov": ["Kyrylo Budanov", "Kirill Budanov", "Кирило Буданов", "Кирилл Буданов"],
    "syrskyi": ["Oleksandr Syrskyi", "Alexander Syrsky", "Олександр Сирський", "Александр Сырский"],
    "yatsenyuk": ["Arseniy Yatsenyuk", "Arsenij Jazenjuk", "Арсеній Яценюк", "Арсений Яценюк"],
    "yanukovych": [
        "Viktor Yanukovych",
        "Viktor Yanukovich",
        "Віктор Янукович",
        "Виктор Янукович",
        "Wiktor Janukowytsch",
    ],
    "yushchenko": [
        "Viktor Yushchenko",
        "Wiktor Juschtschenko",
        "Віктор Ющенко",
        "Виктор Ющенко",
        "Viktor Iouchtchenko",
    ],
    "shmyhal": ["Denys Shmyhal", "Denis Shmygal", "Денис Шмигаль", "Денис Шмыгаль"],
    "vereshchuk": ["Iryna Vereshchuk", "Irina Vereshchuk", "Ірина Верещук", "Ирина Верещук"],
    "podolyak": ["Mykhailo Podolyak", "Mikhail Podolyak", "Михайло Подоляк", "Михаил Подоляк"],
    "shevchenko": [
        "Taras Shevchenko",
        "Taras Schewtschenko",
        "Тарас Шевченко",
        "Taras Chevtchenko",
    ],
    "walesa": ["Lech Wałęsa", "Lech Walesa", "Лех Валенса", "Лех Валэнса"],
    "duda": ["Andrzej Duda", "Анджей Дуда", "Andrzej Duda"],
    "tusk": ["Donald Tusk", "Дональд Туск"],
    "kaczynski_j": [
        "Jarosław Kaczyński",
        "Jaroslaw Kaczynski",
        "Ярослав Качиньский",
        "Yaroslav Kachinsky",
    ],
    "kaczynski_l": ["Lech Kaczyński", "Lech Kaczynski", "Лех Качиньский"],
    "sikorski": ["Radosław Sikorski", "Radoslaw Sikorski", "Радослав Сикорский"],
    "morawiecki": ["Mateusz Morawiecki", "Матеуш Моравецкий"],
    "trzaskowski": ["Rafał Trzaskowski", "Rafal Trzaskowski", "Рафал Тшасковский"],
    "ivanov_s": [
        "Sergei Ivanov",
        "Sergey Ivanov",
        "Сергей Иванов",
        "Сяргей Іваноў",
        "Serhiy Ivanov",
    ],
    "petrova_o": [
        "Olga Petrova",
        "Olha Petrova",
        "Volha Piatrova",
        "Ольга Петрова",
        "Вольга Пятрова",
    ],
    "kovalenko_a": ["Anna Kovalenko", "Hanna Kavalenka", "Анна Коваленко", "Ганна Каваленка"],
    "smirnov_a": ["Alexei Smirnov", "Aleksey Smirnov", "Алексей Смирнов", "Aliaksei Smirnou"],
    "kuznetsova_n": [
        "Natalia Kuznetsova",
        "Natallia Kuznetsova",
        "Наталья Кузнецова",
        "Natalja Kusnezowa",
    ],
    "melnyk_y": ["Yurii Melnyk", "Yuri Melnik", "Юрій Мельник", "Юрий Мельник", "Jurij Melnyk"],
    "bondarenko_o": ["Oleh Bondarenko", "Oleg Bondarenko", "Олег Бондаренко", "Aleh Bandarenka"],
    "novikova_t": ["Tatiana Novikova", "Tatsiana Navikava", "Татьяна Новикова", "Тацяна Навікава"],
    "sokolov_d": ["Dmitry Sokolov", "Dzmitry Sakalou", "Дмитрий Соколов", "Дзмітрый Сакалоў"],
    "lebedeva_i": ["Irina Lebedeva", "Iryna Liabiedzeva", "Ирина Лебедева", "Ірына Лебедзева"],
    # Western names written in Cyrillic (cross-script phonetic tier), Russian case forms,
    # Latin typo variants, Polish nasal vowels and Belarusian dze. Added after the tiers were
    # written; a group's split is still decided by the hash of its id.
    "trump_d": ["Donald Trump", "Дональд Трамп", "Дональда Трампа", "Trump"],
    "coale_j": ["John Coale", "Джон Коул", "Джону Коулу"],
    "merz_f": ["Friedrich Merz", "Фридрих Мерц", "Фридриха Мерца", "Merz"],
    "scholz_o": ["Olaf Scholz", "Олаф Шольц", "Олафа Шольца", "Olaf Scholze"],
    "macron_e": ["Emmanuel Macron", "Эммануэль Макрон", "Emmanuel Marcon"],
    "starmer_k": ["Keir Starmer", "Кир Стармер", "Кира Стармера"],
    "harris_k": ["Kamala Harris", "Камала Харрис", "Камалы Харрис"],
    "mueller_h": ["Hans Müller", "Ханс Мюллер", "Hans Mueller"],
    "vartanov_i": ["Ilya Vartanov", "Илья Вартанов", "Илью Вартанова", "Ильи Вартанова"],
    "kolesnikov_s": [
        "Sergei Kolesnikov",
        "Сергей Колесников",
        "Сергея Колесникова",
        "Сергею Колесникову",
        "Сергеем Колесниковым",
    ],
    "kolesnikova_case": ["Maria Kalesnikava", "Марии Колесниковой", "Марию Колесникову"],
    "tikhanovskaya_case": [
        "Svetlana Tikhanovskaya",
        "Светланы Тихановской",
        "Светлане Тихановской",
        "Светлану Тихановскую",
    ],
    "navalny_case": ["Alexei Navalny", "Алексея Навального", "Алексею Навальному"],
    "walesa_d": ["Danuta Wałęsa", "Данута Валенса", "Danuta Walesa"],
    "dziadzeva_i": ["Iryna Dziadzeva", "Ирина Дедева", "Ірына Дзядзева"],
    "buchenberg_f": ["Friedrich Buchenberg", "Friedrich Buchenbergo"],
    "mitsotakis_k": ["Kyriakos Mitsotakis", "Kyriakos Mitsotakos"],
}

# Category for every pair of a group whose point is one of the newer tiers.
GROUP_CATEGORY: dict[str, str] = {
    "trump_d": "western_cross_script",
    "coale_j": "western_cross_script",
    "merz_f": "western_cross_script",
    "scholz_o": "western_cross_script",
    "macron_e": "western_cross_script",
    "starmer_k": "western_cross_script",
    "harris_k": "western_cross_script",
    "mueller_h": "western_cross_script",
    "vartanov_i": "case_form",
    "kolesnikov_s": "case_form",
    "kolesnikova_case": "case_form",
    "tikhanovskaya_case": "case_form",
    "navalny_case": "case_form",
    "walesa_d": "cross_script",
    "dziadzeva_i": "cross_script",
    "buchenberg_f": "typo_variant",
    "mitsotakis_k": "typo_variant",
}

# Hard negatives: (a, b, category). Relatives with gendered surnames, namesakes, siblings.
HARD_NEGATIVES: list[tuple[str, str, str]] = [
    ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski", "gender_relatives"),
    ("Светлана Тихановская", "Сергей Тихановский", "gender_relatives"),
    ("Tsikhanouskaya", "Tsikhanouski", "gender_relatives"),
    ("Tikhanovskaya", "Тихановский", "gender_relatives"),
    ("Ціханоўская", "Tsikhanouski", "gender_relatives"),
    ("Kolesnikova", "Kolesnikov", "gender_relatives"),
    ("Kalesnikava", "Kalesnikau", "gender_relatives"),
    ("Колесникова", "Kolesnikov", "gender_relatives"),
    ("Babaryka", "Babarykina", "surname_extension"),
    ("Бабарико", "Babarykina", "surname_extension"),
    ("Yulia Navalnaya", "Alexei Navalny", "gender_relatives"),
    ("Юлия Навальная", "Алексей Навальный", "gender_relatives"),
    ("Navalnaya", "Navalny", "gender_relatives"),
    ("Zhanna Nemtsova", "Boris Nemtsov", "gender_relatives"),
    ("Nemtsova", "Немцов", "gender_relatives"),
    ("Yelizaveta Peskova", "Dmitry Peskov", "gender_relatives"),
    ("Пескова", "Песков", "gender_relatives"),
    ("Svetlana Medvedeva", "Dmitry Medvedev", "gender_relatives"),
    ("Medvedeva", "Медведев", "gender_relatives"),
    ("Olena Zelenska", "Volodymyr Zelensky", "gender_relatives"),
    ("Олена Зеленська", "Володимир Зеленський", "gender_relatives"),
    ("Zelenska", "Zelensky", "gender_relatives"),
    ("Зеленская", "Zelenskyy", "gender_relatives"),
    ("Marina Poroshenko", "Petro Poroshenko", "same_surname_spouse"),
    ("Марина Порошенко", "Петро Порошенко", "same_surname_spouse"),
    ("Veronika Tsepkalo", "Valery Tsepkalo", "same_surname_spouse"),
    ("Вераніка Цапкала", "Валерый Цапкала", "same_surname_spouse"),
    ("Eduard Babaryka", "Viktar Babaryka", "same_surname_family"),
    ("Эдуард Бабарико", "Виктор Бабарико", "same_surname_family"),
    ("Vitali Klitschko", "Wladimir Klitschko", "siblings"),
    ("Віталій Кличко", "Володимир Кличко", "siblings"),
    ("Vitaliy Klychko", "Volodymyr Klychko", "siblings"),
    ("Jarosław Kaczyński", "Lech Kaczyński", "siblings"),
    ("Ярослав Качиньский", "Лех Качиньский", "siblings"),
    ("Daria Losik", "Ihar Losik", "same_surname_spouse"),
    ("Дарья Лосик", "Игорь Лосик", "same_surname_spouse"),
    ("Iryna Khalip", "Andrei Sannikov", "spouses_different_surnames"),
    ("Sannikova", "Sannikov", "gender_relatives"),
    ("Alena Sannikava", "Andrei Sannikau", "gender_relatives"),
    ("Ivanova", "Ivanov", "gender_relatives"),
    ("Иванова", "Ivanov", "gender_relatives"),
    ("Anna Ivanova", "Ivan Ivanov", "gender_relatives"),
    ("Olga Petrova", "Oleg Petrov", "gender_relatives"),
    ("Вольга Пятрова", "Алег Пятроў", "gender_relatives"),
    ("Petrova", "Petrov", "gender_relatives"),
    ("Smirnova", "Smirnov", "gender_relatives"),
    ("Natalia Kuznetsova", "Nikolai Kuznetsov", "gender_relatives"),
    ("Kuznetsova", "Кузнецов", "gender_relatives"),
    ("Tatiana Novikova", "Nikita Novikov", "gender_relatives"),
    ("Тацяна Навікава", "Мікіта Навікаў", "gender_relatives"),
    ("Dmitry Sokolov", "Daria Sokolova", "gender_relatives"),
    ("Irina Lebedeva", "Ilya Lebedev", "gender_relatives"),
    ("Lebedeva", "Lebedev", "gender_relatives"),
    ("Politkovskaya", "Politkovsky", "gender_relatives"),
    ("Anna Politkovskaya", "Alexander Politkovsky", "gender_relatives"),
    ("Kaczyńska", "Kaczyński", "gender_relatives"),
    ("Maria Kaczyńska", "Lech Kaczyński", "gender_relatives"),
    ("Sikorska", "Sikorski", "gender_relatives"),
    ("Trzaskowska", "Trzaskowski", "gender_relatives"),
    ("Statkevich", "Statkevichova", "surname_extension"),
    ("Ulitskaya", "Ulitsky", "gender_relatives"),
    ("Khodorkovskaya", "Khodorkovsky", "gender_relatives"),
    ("Инна Ходорковская", "Михаил Ходорковский", "gender_relatives"),
    ("Kadyrova", "Kadyrov", "gender_relatives"),
    ("Prigozhina", "Prigozhin", "gender_relatives"),
    ("Putina", "Putin", "gender_relatives"),
    ("Людмила Путина", "Владимир Путин", "gender_relatives"),
    ("Lavrova", "Lavrov", "gender_relatives"),
    ("Shoigu Ksenia", "Shoigu Sergei", "same_surname_family"),
    ("Ksenia Shoigu", "Sergei Shoigu", "same_surname_family"),
    ("Yashina", "Yashin", "gender_relatives"),
    ("Kara-Murza Evgenia", "Kara-Murza Vladimir", "same_surname_spouse"),
    ("Evgenia Kara-Murza", "Vladimir Kara-Murza", "same_surname_spouse"),
    ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouskaya", "different_given"),
    ("Sviatlana Tsikhanouskaya", "Sofia Tsikhanouskaya", "different_given"),
    ("Maria Kalesnikava", "Tatiana Kalesnikava", "different_given"),
    ("Maria Kolesnikova", "Marina Kolesnikova", "different_given"),
    ("Мария Колесникова", "Марина Колесникова", "different_given"),
    ("Maria Zakharova", "Marina Zakharova", "different_given"),
    ("Maria Zakharova", "Natalia Zakharova", "different_given"),
    ("Sergei Lavrov", "Sergei Lavrentiev", "similar_surname"),
    ("Sergei Ivanov", "Sergei Ivanenko", "similar_surname"),
    ("Sergei Ivanov", "Viktor Ivanov", "different_given"),
    ("Сергей Иванов", "Сергей Иванцов", "similar_surname"),
    ("Viktor Yanukovych", "Viktor Yushchenko", "different_surname_same_given"),
    ("Віктор Янукович", "Віктор Ющенко", "different_surname_same_given"),
    ("Viktor Babaryka", "Viktor Babarykin", "surname_extension"),
    ("Egor Ivanov", "Igor Ivanov", "different_given"),
    ("Yegor Letov", "Igor Letov", "different_given"),
    ("Alena Ivanova", "Alina Ivanova", "different_given"),
    ("Алена Иванова", "Алина Иванова", "different_given"),
    ("Yevgeny Petrov", "Yevgenia Petrova", "gender_relatives"),
    ("Evgeniya Sokolova", "Evgeny Sokolov", "gender_relatives"),
    ("Alexander Lukashenko", "Viktor Lukashenko", "different_given"),
    ("Alexander Lukashenko", "Dmitry Lukashenko", "different_given"),
    ("Аляксандр Лукашэнка", "Віктар Лукашэнка", "different_given"),
    ("Alexander Lukashenko", "Alexander Lukashevich", "similar_surname"),
    ("Ales Bialiatski", "Ales Bialik", "similar_surname"),
    ("Ales Bialiatski", "Aleksandr Bialiatski", "different_given"),
    ("Ihar Losik", "Ihar Lasik", "similar_surname"),
    ("Ihar Losik", "Igor Lesik", "similar_surname"),
    ("Mikhail Khodorkovsky", "Mikhail Khodorenko", "similar_surname"),
    ("Maksim Znak", "Maksim Znamensky", "similar_surname"),
    ("Pavel Latushka", "Pavel Latushkin", "surname_extension"),
    ("Yulia Tymoshenko", "Yulia Tymchenko", "similar_surname"),
    ("Yulia Tymoshenko", "Yevhenia Tymoshenko", "different_given"),
    ("Petro Poroshenko", "Oleksiy Poroshenko", "different_given"),
    ("Dmytro Kuleba", "Dmytro Kulyk", "similar_surname"),
    ("Kovalenko", "Kovalenok", "similar_surname"),
    ("Kovalenko", "Kovalev", "similar_surname"),
    ("Kovalev", "Kovaleva", "gender_relatives"),
    ("Karpov", "Kurpov", "similar_surname"),
    ("Lukin", "Lukina", "gender_relatives"),
    ("Bondarenko", "Bondarchuk", "similar_surname"),
    ("Shevchenko", "Shevchuk", "similar_surname"),
    ("Melnyk", "Melnikov", "similar_surname"),
    ("Melnikov", "Melnikova", "gender_relatives"),
    ("Sokolov", "Sokolovsky", "similar_surname"),
    ("Novikov", "Novikova", "gender_relatives"),
    ("Belov", "Belova", "gender_relatives"),
    ("Orlov", "Orlova", "gender_relatives"),
    ("Volkov", "Volkova", "gender_relatives"),
    ("Волков", "Volkova", "gender_relatives"),
    ("Zaitsev", "Zaitseva", "gender_relatives"),
    ("Зайцава", "Зайцаў", "gender_relatives"),
    ("Kozlova", "Kozlov", "gender_relatives"),
    ("Tolstaya", "Tolstoy", "gender_relatives"),
    ("Толстая", "Tolstoi", "gender_relatives"),
    ("Vysotskaya", "Vysotsky", "gender_relatives"),
    ("Gorbacheva", "Gorbachev", "gender_relatives"),
    ("Raisa Gorbacheva", "Mikhail Gorbachev", "gender_relatives"),
    ("Yeltsina", "Yeltsin", "gender_relatives"),
    ("Naina Yeltsina", "Boris Yeltsin", "gender_relatives"),
    ("Chernova", "Chernov", "gender_relatives"),
    ("Andreeva", "Andreev", "gender_relatives"),
    ("Кацярына Андрэева", "Андрэй Андрэеў", "gender_relatives"),
    ("Ivan Petrov", "Ivan Petrenko", "similar_surname"),
    ("Ivan Petrov", "Ivan Petrovsky", "similar_surname"),
    ("Natallia Hersche", "Natallia Hersh", "similar_surname"),
    ("Roman Protasevich", "Roman Protasov", "similar_surname"),
    ("Raman Pratasevich", "Ruslan Pratasevich", "different_given"),
    ("Andrei Sannikov", "Andrei Sadovnikov", "similar_surname"),
    ("Zianon Pazniak", "Zenon Pasniewski", "similar_surname"),
    ("Sergei Shoigu", "Sergei Shoygin", "similar_surname"),
    ("Valery Tsepkalo", "Valery Tsapko", "similar_surname"),
    ("Marfa Rabkova", "Marfa Rybkova", "similar_surname"),
    ("Ilya Yashin", "Ilya Yashkin", "similar_surname"),
    ("Uladzimir Labkovich", "Uladzimir Lobkov", "similar_surname"),
    ("Stepan Putilo", "Stepan Putin", "similar_surname"),
    ("Vladimir Putin", "Vladimir Putilin", "similar_surname"),
    ("Vladimir Putin", "Vladislav Putin", "different_given"),
    ("Владимир Путин", "Вадим Путин", "different_given"),
    ("Mikalai Statkevich", "Mikhail Statkevich", "different_given"),
    ("Maria Kalesnikava", "Mariya Kolesnik", "similar_surname"),
    ("Kolesnikova", "Kolesnichenko", "similar_surname"),
    ("Dmitry Peskov", "Dmitry Pesko", "similar_surname"),
    ("Yulia Navalnaya", "Yulia Navalova", "similar_surname"),
    ("Andrzej Duda", "Andrzej Dudek", "similar_surname"),
    ("Donald Tusk", "Donald Trump", "similar_surname"),
    ("Jarosław Kaczyński", "Jarosław Kalinowski", "similar_surname"),
    # case forms: the given name's case decides the gender of an ambiguous surname
    ("Сергея Колесникова", "Maria Kolesnikova", "case_gender"),
    ("Сергея Колесникова", "Мария Колесникова", "case_gender"),
    ("Марии Колесниковой", "Sergei Kolesnikov", "case_gender"),
    ("Колесникову Марию", "Sergei Kolesnikov", "case_gender"),
    ("Светланы Тихановской", "Сергей Тихановский", "case_gender"),
    ("Ильи Вартанова", "Ilya Vartanova", "case_gender"),
    ("Алексея Навального", "Yulia Navalnaya", "case_gender"),
    ("Ивана Иванова", "Anna Ivanova", "case_gender"),
    # cross-script phonetic near-misses
    ("Donald Trump", "Дональд Туск", "phonetic_near"),
    ("Friedrich Merz", "Фридрих Мерк", "phonetic_near"),
    ("Olaf Scholz", "Олаф Шульц", "phonetic_near"),
    ("Keir Starmer", "Кир Стармен", "phonetic_near"),
    ("John Coale", "Джон Коллинз", "phonetic_near"),
    ("Kamala Harris", "Камала Хэррисон", "phonetic_near"),
    ("Maureen Dowd", "Морин Дауни", "phonetic_near"),
    # one-edit Latin variants that are other people
    ("Ilya Yashin", "Ilya Yashkina", "typo_near"),
    ("Olaf Scholz", "Olga Scholz", "typo_near"),
    ("Emmanuel Macron", "Emmanuelle Macron", "typo_near"),
    ("Peter Hansen", "Peter Jansen", "typo_near"),
    ("Thomas Muller", "Thomas Moller", "typo_near"),
    ("Anna Karpova", "Anna Karpov", "typo_near"),
    ("Dmitry Peskov", "Dmitry Peskova", "typo_near"),
    ("Ivan Petrov", "Ivan Petrova", "typo_near"),
    ("Stefan Lorenz", "Stefan Lorentz", "typo_near"),
    ("Martin Schulz", "Martin Schultze", "typo_near"),
]

# Places: groups of names for ONE place, and explicit place negatives.
PLACES: dict[str, list[str]] = {
    "kyiv": ["Kyiv", "Kiev", "Киев", "Київ", "Kiew", "Kijów"],
    "minsk": ["Minsk", "Минск", "Мінск", "Mińsk", "Miensk"],
    "hrodna": ["Hrodna", "Grodno", "Гродно", "Гродна"],
    "homel": ["Homel", "Gomel", "Гомель", "Homiel"],
    "mahilyow": ["Mogilev", "Mahilyow", "Могилёв", "Магілёў"],
    "vitebsk": ["Vitebsk", "Viciebsk", "Витебск", "Віцебск"],
    "brest": ["Brest", "Брест", "Брэст", "Brześć"],
    "polotsk": ["Polotsk", "Polatsk", "Полоцк", "Полацк"],
    "pinsk": ["Pinsk", "Пинск", "Пінск"],
    "kharkiv": ["Kharkiv", "Kharkov", "Харьков", "Харків", "Charkiw"],
    "odesa": ["Odesa", "Odessa", "Одесса", "Одеса"],
    "lviv": ["Lviv", "Lvov", "Lwów", "Львов", "Львів", "Lemberg"],
    "dnipro": ["Dnipro", "Dnepr", "Днепр", "Дніпро"],
    "vilnius": ["Vilnius", "Wilno", "Вильнюс", "Вільнюс", "Vilna"],
    "warsaw": ["Warsaw", "Warszawa", "Варшава", "Warschau"],
    "moscow": ["Moscow", "Moskva", "Москва", "Moskau", "Масква"],
    "petersburg": ["Saint Petersburg", "St. Petersburg", "Санкт-Петербург", "Leningrad"],
    "bialystok": ["Białystok", "Bialystok", "Белосток", "Беласток"],
    "belarus": ["Belarus", "Беларусь", "Belarussia", "Byelorussia", "Белоруссия", "Weißrussland"],
    "ukraine": ["Ukraine", "Украина", "Україна", "Ukraina"],
    "poland": ["Poland", "Polska", "Польша", "Polen"],
    "lithuania": ["Lithuania", "Lietuva", "Литва", "Litauen"],
    "germany": ["Germany", "Deutschland", "Германия", "Німеччина"],
    "zhytomyr": ["Zhytomyr", "Zhitomir", "Житомир"],
    "mariupol": ["Mariupol", "Мариуполь", "Маріуполь"],
    "bobruisk": ["Bobruisk", "Babruysk", "Бобруйск", "Бабруйск"],
}
PLACE_NEGATIVES: list[tuple[str, str]] = [
    ("Minsk", "Pinsk"),
    ("Минск", "Пинск"),
    ("Polotsk", "Plotsk"),
    ("Полоцк", "Плоцк"),
    ("Brest", "Bresk"),
    ("Austria", "Australia"),
    ("Австрия", "Австралия"),
    ("Slutsk", "Lutsk"),
    ("Слуцк", "Луцк"),
    ("Polotsk", "Novopolotsk"),
    ("Kharkiv", "Kherson"),
    ("Hrodna", "Homel"),
    ("Mogilev", "Mozyr"),
    ("Mariupol", "Melitopol"),
    ("Orsha", "Oryol"),
    ("Kiev", "Kirov"),
    ("Lviv", "Lida"),
    ("Slovakia", "Slovenia"),
    ("Iran", "Iraq"),
    ("Niger", "Nigeria"),
    ("Latvia", "Lithuania"),
    ("Brest", "Bryansk"),
    ("Minsk", "Murmansk"),
    ("Vitebsk", "Vilnius"),
    ("Gomel", "Gorel"),
    ("Pinsk", "Plinsk"),
    ("Dnipro", "Dnister"),
    ("Odesa", "Odessos"),
    ("Moscow", "Mosciska"),
    ("Sumy", "Summa"),
    ("Lutsk", "Lusk"),
    ("Brest", "Bresk"),
    ("Kyiv", "Kyivka"),
    ("Гродно", "Городок"),
]

ORGS: list[tuple[str, str, int, str]] = [
    ("DPA", "Deutsche Presse-Agentur", 1, "acronym"),
    ("dpa", "Deutsche Presse Agentur", 1, "acronym"),
    ("AFP", "Agence France-Presse", 1, "acronym"),
    ("BBC", "British Broadcasting Corporation", 1, "acronym"),
    ("KGB", "КГБ", 1, "cross_script"),
    ("OMON", "ОМОН", 1, "cross_script"),
    ("Viasna", "Вясна", 1, "cross_script"),
    ("TASS", "ТАСС", 1, "cross_script"),
    ("Deutsche Presse-Agentur", "deutsche presse-agentur", 1, "case"),
    ("Belsat TV", "belsat tv", 1, "case"),
    ("AP", "Associated Press", 1, "acronym"),
    ("UN", "United Nations", 1, "acronym"),
    ("OSCE", "Organization for Security and Co-operation in Europe", 1, "acronym"),
    ("AFP", "Deutsche Presse-Agentur", 0, "org_negative"),
    ("AP", "AFP", 0, "org_negative"),
    ("BBC", "CBC", 0, "org_negative"),
    ("KGB", "GRU", 0, "org_negative"),
    ("DPA", "APA", 0, "org_negative"),
    ("TASS", "RIA Novosti", 0, "org_negative"),
    ("Viasna", "Vesna Bank", 0, "org_negative"),
    ("Belsat TV", "Belarus 1 TV", 0, "org_negative"),
    ("United Nations", "United Nations Development Programme", 0, "org_negative"),
    ("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft", 1, "legal_form"),
    ("Romashka LLC", "ООО Ромашка", 1, "legal_form"),
    ("ПАО Газпром", "Gazprom PJSC", 1, "legal_form"),
    ("A.B.C. Company", "ABC Co.", 1, "legal_form"),
    ("The Homs Refinery Company", "Homs Refinery Corp.", 1, "legal_form"),
    ("Volkswagen AG", "Volkswagen GmbH", 0, "org_negative"),
    ("Siemens AG", "Siemens Ltd", 0, "org_negative"),
]


def _split(group: str) -> str:
    return (
        "holdout" if hashlib.blake2b(group.encode(), digest_size=2).digest()[0] % 10 < 3 else "dev"
    )


def _script(text: str) -> str:
    return "cyr" if any("\u0400" <= c <= "\u04ff" for c in text) else "lat"


def build() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for group, forms in PERSONS.items():
        pairs = list(itertools.combinations(forms, 2))
        # keep every pair with the first form plus a few others, so big groups do not dominate
        pairs = [p for p in pairs if p[0] == forms[0]] + [p for p in pairs if p[0] != forms[0]][:3]
        for a, b in pairs:
            cat = "cross_script" if _script(a) != _script(b) else "same_script_variant"
            if len(a.split()) == 1 or len(b.split()) == 1:
                cat = "surname_only"
            elif "." in a or "." in b:
                cat = "initials"
            elif group in GROUP_CATEGORY:
                cat = GROUP_CATEGORY[group]
            out.append(
                {
                    "a": a,
                    "b": b,
                    "kind": "person",
                    "same": "1",
                    "category": cat,
                    "split": _split(group),
                }
            )
    for a, b, cat in HARD_NEGATIVES:
        group = "neg:" + min(a, b)
        out.append(
            {
                "a": a,
                "b": b,
                "kind": "person",
                "same": "0",
                "category": "hard_neg_" + cat,
                "split": _split(group),
            }
        )
    for group, forms in PLACES.items():
        for a, b in list(itertools.combinations(forms, 2))[:6]:
            cat = "place_cross_script" if _script(a) != _script(b) else "place_variant"
            out.append(
                {
                    "a": a,
                    "b": b,
                    "kind": "place",
                    "same": "1",
                    "category": cat,
                    "split": _split("place:" + group),
                }
            )
    seen = set()
    for a, b in PLACE_NEGATIVES:
        if (a, b) in seen:
            continue
        seen.add((a, b))
        out.append(
            {
                "a": a,
                "b": b,
                "kind": "place",
                "same": "0",
                "category": "hard_neg_place",
                "split": _split("pneg:" + a),
            }
        )
    for a, b, same, cat in ORGS:
        out.append(
            {
                "a": a,
                "b": b,
                "kind": "org",
                "same": str(same),
                "category": "org_" + cat,
                "split": _split("org:" + a),
            }
        )
    return out


def main() -> None:
    rows = build()
    path = Path(__file__).with_name("pairs.tsv")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh, ["a", "b", "kind", "same", "category", "split"], delimiter="\t", lineterminator="\n"
        )
        w.writeheader()
        w.writerows(rows)
    pos = sum(r["same"] == "1" for r in rows)
    hard = sum(r["category"].startswith("hard_neg") for r in rows)
    cross = sum(_script(r["a"]) != _script(r["b"]) for r in rows)
    hold = sum(r["split"] == "holdout" for r in rows)
    print(
        f"{len(rows)} pairs: {pos} positive, {hard} hard negatives, {cross} cross-script, {hold} holdout"
    )


if __name__ == "__main__":
    main()
