import pytest

from loa.search.text import fold


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
