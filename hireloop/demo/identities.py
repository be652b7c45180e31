"""Fictional people for the demo: names, contact details and sensitive attributes.

Everything comes from one seeded random generator and two seeded Faker instances, so a
fresh demo always holds the same people. Names are unique across candidates and
employees, and never equal a staff user's name, so a leak check cannot be fooled.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from .content import STAFF
from .content_people import (
    GENDERS,
    HAN,
    HAN_SHARE,
    MINORITY_REGIONS,
    MOBILE_PREFIXES,
    OVERSEAS,
    PROVINCE_WEIGHTS,
)

ZH, EN, PINYIN = "zh", "en", "pinyin"  # how a person's name is written


@dataclass(frozen=True)
class Identity:
    name: str
    gender: str
    birth_date: date
    ethnicity: str
    region: str
    phone: str
    email: str


class IdentityFactory:
    """Draws unique people; call in a fixed order to get the same people every time."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.zh = Faker(["zh_CN"])
        self.zh.seed_instance(seed)
        self.en = Faker(["en_US"])
        self.en.seed_instance(seed)
        self.used_names = {s.display_name.split()[0] for s in STAFF}
        self.used_phones: set[str] = set()
        self.used_emails: set[str] = set()

    def person(
        self, *, style: str, born_between: tuple[date, date], email_domain: str = "example.com"
    ) -> Identity:
        gender = self.rng.choice(GENDERS)
        name = self._unique_name(style, gender)
        ethnicity, region = self._origin(style)
        return Identity(
            name=name,
            gender=gender,
            birth_date=self._date_between(*born_between),
            ethnicity=ethnicity,
            region=region,
            phone=self._unique_phone(),
            email=self._unique_email(name, style, email_domain),
        )

    def _unique_name(self, style: str, gender: str) -> str:
        while True:
            name = self._name(style, gender)
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def _name(self, style: str, gender: str) -> str:
        if style == ZH:
            # zh_CN's name_female() ignores gender (one format for all); pick the given name.
            given = self.zh.first_name_female() if gender == "female" else self.zh.first_name_male()
            return self.zh.last_name() + given
        if style == PINYIN:
            # Faker's romanised names are not tied to gender; pinyin rarely shows it anyway.
            return f"{self.zh.first_romanized_name()} {self.zh.last_romanized_name()}"
        first = self.en.first_name_female() if gender == "female" else self.en.first_name_male()
        return f"{first} {self.en.last_name()}"

    def _origin(self, style: str) -> tuple[str, str]:
        if style == EN:
            return "", OVERSEAS
        if self.rng.random() < HAN_SHARE:
            provinces, weights = zip(*PROVINCE_WEIGHTS.items(), strict=True)
            return HAN, self.rng.choices(provinces, weights)[0]
        minority = self.rng.choice(sorted(MINORITY_REGIONS))
        return minority, self.rng.choice(MINORITY_REGIONS[minority])

    def _unique_phone(self) -> str:
        while True:
            phone = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                return phone

    def _unique_email(self, name: str, style: str, domain: str) -> str:
        while True:
            if style == ZH:
                # A romanised name would not match the Chinese one, so use a handle instead.
                local = f"{self.zh.user_name()}{self.rng.randrange(10, 100)}"
            else:
                local = ".".join(name.lower().split()) + str(self.rng.randrange(1, 100))
            email = f"{local}@{domain}"
            if email not in self.used_emails:
                self.used_emails.add(email)
                return email

    def _date_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))
