"""Personal data: phone numbers and private e-mail addresses are refused; contact is institutional."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.checks.privacy import is_institutional, personal_emails, phone_numbers
from catalogue.checks.validate import check_catalogue

from tests.fixture_edits import NOC, PL, edit, messages

CASES = {
    "phone number in the body": (
        lambda e: edit(e, NOC, "Děti chtěly zažít knihovnu jinak.", "Přihlášky na 123 456 789.\n\nDěti chtěly."),
        [
            f"entries/{NOC}:26: '123 456 789' looks like a phone number; entries hold no phone numbers: "
            "give the institution's web or e-mail address in contact"
        ],
    ),
    "international phone number in a library name": (
        lambda e: edit(e, NOC, "name: Testovací knihovna Český Těšín", "name: Knihovna, tel. +420 123 456 789"),
        [
            f"entries/{NOC}:9: '+420 123 456 789' looks like a phone number; entries hold no phone numbers: "
            "give the institution's web or e-mail address in contact"
        ],
    ),
    "personal e-mail address in a summary": (
        lambda e: edit(e, PL, "summary: Biblioteka gminna", "summary: Pisz na anna.kowalska@gbp.example. Biblioteka gminna"),
        [
            f"entries/{PL}:3: 'anna.kowalska@gbp.example' looks like a personal e-mail address; "
            "entries name no private persons: use an institutional address in contact"
        ],
    ),
    "personal e-mail address in a Markdown link": (
        lambda e: edit(e, NOC, "Děti chtěly", "[Napište](mailto:jnovak@knihovna.example). Děti chtěly"),
        [
            f"entries/{NOC}:26: 'jnovak@knihovna.example' looks like a personal e-mail address; "
            "entries name no private persons: use an institutional address in contact"
        ],
    ),
    "personal contact": (
        lambda e: edit(e, NOC, "contact: info@knihovna.example", "contact: jan.novak@knihovna.example"),
        [
            f"entries/{NOC}:19: contact 'jan.novak@knihovna.example' looks like a personal e-mail address; "
            "use a role address such as info@, knihovna@, biblioteka@ or sekretariat@, or the institution's web address"
        ],
    ),
    "personal contact as mailto": (
        lambda e: edit(e, NOC, "contact: info@knihovna.example", "contact: mailto:novakova@knihovna.example"),
        [
            f"entries/{NOC}:19: contact 'mailto:novakova@knihovna.example' looks like a personal e-mail address; "
            "use a role address such as info@, knihovna@, biblioteka@ or sekretariat@, or the institution's web address"
        ],
    ),
    "phone number as contact": (
        lambda e: edit(e, NOC, "contact: info@knihovna.example", "contact: +420 123 456 789"),
        [
            f"entries/{NOC}:19: contact: '+420 123 456 789' is not valid; "
            "use an institutional e-mail address or an http(s) address"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_personal_data_is_refused_with_its_place(entries: Path, case: str):
    break_it, expected = CASES[case]
    break_it(entries)
    assert messages(entries) == expected


@pytest.mark.parametrize(
    "contact", ["info@knihovna.example", "mailto:sekretariat@mbp.example", "knihovna.opava@example.cz", "https://sdruk.cz"]
)
def test_institutional_contacts_are_accepted(entries: Path, contact: str):
    edit(entries, NOC, "contact: info@knihovna.example", f"contact: {contact}")
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.by_slug["noc-v-knihovne"].contact == contact


def test_role_addresses_are_institutional_and_names_are_not():
    assert [is_institutional(a) for a in ("biblioteka-dzieci@mbp.pl", "Knihovna@x.cz", "kontakt2@x.sk")] == [True] * 3
    assert [is_institutional(a) for a in ("jan.novak@x.cz", "j.kowalska@mbp.pl", "anna@x.sk")] == [False] * 3


def test_numbers_that_are_not_phone_numbers_pass():
    text = (
        "V roce 2005 přišlo 76 knihovníků z 26 knihoven (24.–26. května 2005, 2021-2025, 12.05.2021). "
        "ISBN 978-80-7050-123-4, NIP: 123-456-78-90, rozpočet 1 500 000 000 Kč, grant 12 500 000 zł."
    )
    assert phone_numbers(text) == []
    assert phone_numbers("tel. (12) 345-67-89 nebo 0044207946032.") == ["(12) 345-67-89", "0044207946032"]


def test_the_conference_name_is_no_e_mail_address():
    assert personal_emails("Konference Knihovny@Biblioteki@Knižnice") == []
