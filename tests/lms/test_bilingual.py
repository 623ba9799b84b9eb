"""lms.bilingual: which of a pair of English/Dutch texts a reader gets."""

from django.utils import translation

from lms.bilingual import Bilingual, in_language


class Named:
    name = Bilingual()

    def __init__(self, name_en: str, name_nl: str) -> None:
        self.name_en, self.name_nl = name_en, name_nl


def test_dutch_reader_gets_the_dutch_text():
    with translation.override("nl"):
        assert Named("Faculty of Law", "Faculteit Rechten").name == "Faculteit Rechten"


def test_english_reader_gets_the_english_text():
    with translation.override("en"):
        assert Named("Faculty of Law", "Faculteit Rechten").name == "Faculty of Law"


def test_missing_dutch_falls_back_to_english():
    with translation.override("nl"):
        assert Named("Faculty of Law", "").name == "Faculty of Law"
        assert in_language("only English", "") == "only English"


def test_the_class_attribute_is_the_descriptor():
    assert isinstance(Named.name, Bilingual)
    assert Named.name.base == "name"
