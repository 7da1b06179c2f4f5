"""The outlet from a page's own signals: copyright owner, "Source:" line, logo line."""
import pytest

from newsgen.load.outlet import copyright_owner, outlet_from, same_outlet, source_name


@pytest.mark.parametrize("line,owner", [
    ("© 2024 The Korea Herald. All rights reserved.", "The Korea Herald"),
    ("Copyright © Yonhap News Agency", "Yonhap News Agency"),
    ("Copyright © 1998-2024, RFA. Used with the permission of Radio Free Asia.", "RFA"),
    ("CNN Sans ™ & © 2016 Cable News Network.", "Cable News Network"),
    ("© 2024 Newswire Inc. All rights reserved.", "Newswire Inc"),
    # A wire's licence notice travels with syndicated copy: it names no site.
    ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published, "
     "broadcast, rewritten or redistributed.", None),
    ("© 2024 Getty Images", None),
    ("Copyright Notice", None),
    ("copyright law protects this work", None),
    # The notice without the sign, its owner first.
    ("Hangang News Agency. All rights reserved. Unauthorized reproduction prohibited.", "Hangang News Agency"),
    ("All rights reserved.", None),
    ("Reproduction without permission is prohibited. All rights reserved.", None),
])
def test_copyright_owner(line, owner):
    assert copyright_owner(line) == owner


def test_source_line():
    assert source_name("Source: Al Jazeera and news agencies") == "Al Jazeera"
    assert source_name("Source: Reuters") is None  # a wire is a credit
    assert source_name("Sources said the talks would resume on Monday in Geneva.") is None


@pytest.mark.parametrize("a,b,same", [
    ("CNN", "Cable News Network", True),
    ("Radio Free Asia", "RFA", True),
    ("The Korea Herald", "Herald Corporation", True),
    ("DAILY NK", "Daily NK", True),
    ("NK News", "Korea Risk Group", False),
    ("The Straits Times", "SPH Media Limited", False),
])
def test_same_outlet(a, b, same):
    assert same_outlet(a, b) is same


def test_company_owner_needs_the_logo_line_and_gives_the_brand():
    footer = ["Copyright Herald Corporation. All Rights Reserved."]
    assert outlet_from(["The Korea Herald", "Sign in"], footer) == "The Korea Herald"
    assert outlet_from(["Menu", "Sign in"], footer) is None
    assert outlet_from(["CNN", "US"], ["© 2024 Cable News Network. A Warner Bros. Discovery Company."]) == "CNN"


def test_last_copyright_line_is_the_site():
    lines = ["© Reuters 2024", "Body text.", "© 2024 The Harbor Times. All rights reserved."]
    assert outlet_from([], lines) == "The Harbor Times"


def test_source_line_alone_names_no_outlet_unless_the_logo_agrees():
    assert outlet_from(["Menu"], ["Source: Ukraine's Defence Intelligence"]) is None
    assert outlet_from(["Al Jazeera", "Menu"], ["Source: Al Jazeera and news agencies"]) == "Al Jazeera"


def test_a_logo_line_alone_is_not_enough():
    assert outlet_from(["Daily Planet", "World"], ["Body text without any notice."]) is None


def test_a_kabushiki_kaisha_owner_gives_the_brand_its_logo_in_capitals_as_the_page_spells_it():
    top = ["THE KUROSHIO REPORT", "Tokyo | Seoul | Taipei"]  # a logo line's cells, as the text reader gives them
    lines = top + ["Tokyo's defence white paper puts North Korean troops in Russia on the record",
                   "Get The Kuroshio Report's morning briefing: the Indo-Pacific in five stories, 6 a.m. JST.",
                   "(c) 2025 Kuroshio Media K.K."]
    assert outlet_from(top, lines) == "The Kuroshio Report"  # not the company, nor the logo's capitals
