"""marketwatch.sentences: the matcher reads a story sentence by sentence, so a tie-up is found only
when its two companies stay in one sentence, and two stories' companies never share one."""

from __future__ import annotations

import pytest

from marketwatch.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_end_at_stops_and_newlines_with_the_space_left_out():
    text = "Ford signs with Baidu. Shares rose!  Why? Because;\nthe deal\n\nis done"
    assert _sentences(text) == ["Ford signs with Baidu.", "Shares rose!", "Why?", "Because;", "the deal", "is done"]


@pytest.mark.parametrize("text", [
    "Ford Motor Co. said it will use Baidu maps.",
    "The U.S. carmaker and Baidu Inc. signed a deal.",
    "J. D. Power ranked the system Mr. Smith built.",
    "Volkswagen's ID. Buzz gets Mobileye software.",
    "GM vs. Ford: both pick Google.",
])
def test_abbreviations_initials_and_model_names_do_not_end_a_sentence(text):
    assert _sentences(text) == [text]


def test_a_company_suffix_before_a_new_sentence_ends_it():
    assert _sentences("Renault signed with Baidu Inc. The deal covers maps.") == [
        "Renault signed with Baidu Inc.", "The deal covers maps."]
    assert _sentences("Show a valid ID. The form is online.") == ["Show a valid ID.", "The form is online."]
    # a name with an ampersand is no initial (blind batch 26)
    assert _sentences("said the CEO of M&M. ETAuto had reported talks.") == [
        "said the CEO of M&M.", "ETAuto had reported talks."]


def test_a_stop_inside_closing_quotes_or_brackets_ends_the_sentence_there():
    assert _sentences('He said "we signed." Then Ford (the carmaker.) left') == [
        'He said "we signed.', "Then Ford (the carmaker.", "left"]


def test_chinese_sentences_end_at_their_own_stops_without_spaces():
    assert _sentences("吉利与百度合作。双方成立合资公司！新车明年上市") == [
        "吉利与百度合作。", "双方成立合资公司！", "新车明年上市"]


def test_a_stop_without_a_space_after_it_is_no_end():
    assert _sentences("Visit ford.com.cn today. Nio 2.0 ships") == ["Visit ford.com.cn today.", "Nio 2.0 ships"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_a_summarys_list_items_are_sentences_and_a_headlines_middle_dot_is_not():
    text = "Reuters · Toyota signs deal with Pony.ai\nHyundai, Nvidia build AI factory Reuters · Kia EV4 review Autocar"
    parts = [text[a:b] for a, b in split_sentences(text, items_from=text.index("\n") + 1)]
    assert parts == ["Reuters · Toyota signs deal with Pony.ai", "Hyundai, Nvidia build AI factory Reuters",
                     "Kia EV4 review Autocar"]
    text = 'T\n"It was a bold bet." · In 2016, Uber agreed to buy Volvo cars.'  # no sentence starts with the dot
    assert [text[a:b] for a, b in split_sentences(text, items_from=2)][-1] == "In 2016, Uber agreed to buy Volvo cars."


@pytest.mark.parametrize("text, count", [
    ("Er übernimmt zum 1. Oktober die Leitung der Software.", 1),  # a German date
    ("Er übernimmt zum 1. September die Leitung. Danach mehr.", 2),
    ("Toyota now ranks No. 3 after its sales fell 12. August sales at Nvidia-powered rivals rose.", 2),  # English
])
def test_a_german_date_ends_no_sentence_an_english_month_after_a_number_does(text, count):
    assert len(split_sentences(text)) == count


def test_a_headline_clause_without_a_subject_stays_with_the_first():
    headline = "Mahindra Q3 profit rises 18%; signs MoU with Qualcomm"
    assert len(split_sentences(headline, len(headline) + 1)) == 1
    for other in ("Nissan posts loss; shares fall", "Ford signs Baidu deal; another carmaker picks Nvidia",
                  "Mercedes, Allianz launch car insurance; insurer extends Microsoft cloud pact"):
        assert len(split_sentences(other, len(other) + 1)) == 2, other
