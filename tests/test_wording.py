"""How things are said: the names closest to a mistyped one."""

from __future__ import annotations

from marketwatch.wording import did_you_mean, plural

MERCEDES = {"Mercedes": "Mercedes-Benz", "Mercedes Benz": "Mercedes-Benz", "Mercedes-Benz AG": "Mercedes-Benz",
            "Daimler": "Mercedes-Benz", "Google": "Alphabet", "Seres AG": "Seres"}
NAMES = ["Mercedes-Benz", "Alphabet", "Seres", "Daimler Truck"]


def test_a_name_is_suggested_once_however_many_of_its_aliases_are_close():
    """"did you mean 'Mercedes-Benz AG' or 'Mercedes Benz' or 'Mercedes-Benz'?": three
    suggestions of one company, and room for no other."""
    assert did_you_mean("mercedes benz ag", NAMES, aliases=MERCEDES) == "; did you mean 'Mercedes-Benz'?"
    assert did_you_mean("Mersedes", NAMES, aliases=MERCEDES) == "; did you mean 'Mercedes-Benz' or 'Seres'?"


def test_the_alias_that_was_close_is_named_when_the_name_was_not():
    assert did_you_mean("googel", NAMES, aliases=MERCEDES) == "; did you mean 'Alphabet' (alias 'Google')?"
    assert did_you_mean("dimler", NAMES, aliases=MERCEDES) == (
        "; did you mean 'Mercedes-Benz' (alias 'Daimler') or 'Daimler Truck'?")


def test_n_counts_names_not_spellings():
    assert did_you_mean("mercedes", NAMES, aliases=MERCEDES, n=1) == "; did you mean 'Mercedes-Benz'?"
    assert did_you_mean("seres", NAMES, aliases=MERCEDES, n=1) == "; did you mean 'Seres'?"



def test_no_names_no_suggestion():
    """A config without watchlists: nothing to suggest (difflib refuses to look for none)."""
    assert did_you_mean("Asia", []) == ""


def test_counts_group_their_thousands():
    assert plural(1, "tie-up") == "1 tie-up" and plural(3081, "tie-up") == "3,081 tie-ups"
    assert plural(12000, "story", "stories") == "12,000 stories"
