import pytest

from loa.search.text import exact_key, fold, words


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Phường Trấn Biên", "phuong tran bien"),
        ("ĐỒNG NAI", "dong nai"),
        ("Sở Tư pháp  tỉnh\nĐồng Nai", "so tu phap tinh dong nai"),
        ("Nghị định 42/2022/NĐ-CP", "nghi dinh 42/2022/nd-cp"),
        ("ỹ ự ặ ữ", "y u a u"),
        ("", ""),
    ],
)
def test_fold_removes_diacritics_and_case(text, folded):
    assert fold(text) == folded


def test_a_composed_and_a_decomposed_spelling_fold_alike():
    composed = "Phường"
    decomposed = "Phu\u031bo\u031b\u0300ng"
    assert fold(composed) == fold(decomposed) == "phuong"


def test_words_are_the_folded_letters_and_digits_between_anything_else():
    assert words("Nghị định 42/2022/NĐ-CP, “Đồng Nai”_mới") == [
        "nghi", "dinh", "42", "2022", "nd", "cp", "dong", "nai", "moi"
    ]
    assert words("!!! ... ???") == []


def test_the_exact_key_keeps_the_diacritics_and_ignores_case_and_spacing():
    assert exact_key("  PHƯỜNG  Trấn\nBiên ") == "phường trấn biên"
    assert exact_key("Phu\u031bo\u031b\u0300ng") == exact_key("phường")
    assert exact_key("phuong") != exact_key("phường")
