"""A small hand-made Timeline + Config covering what the site must cope with:

two stories from two outlets (one known to content/, one not), one story with no
date, a claim reported by both outlets (one via a relay), a hedged claim, a claim
with no stated date, an undated claim, an unattributed claim, a week-precision
date, a series with a range, a qualifier and an undated point, and hostile text
(<script>, "onerror=) in a paragraph, a caption, a speaker's name and a page.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsgen.config import Config, PageSource, SiteConfig, TrackedStory
from newsgen.model import (Claim, Outlet, Quantity, Report, Series, SeriesPoint, Speaker, Story, Timeline,
                           Topic)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
HOSTILE = '<script>alert(1)</script>'
HOSTILE_ATTR = '"onerror=alert(2) x="'

D = dt.date


def make_config(url: str | None = None, base_path: str = "/") -> Config:
    return Config(
        site=SiteConfig(title="Test Tracker", description="A test site", language="en-GB", base_path=base_path, url=url),
        story=TrackedStory(
            title="Troops abroad",
            summary="Who said what about the troops.",
            topics=(Topic("deployment", "Deployment", ("troops",)), Topic("casualties", "Casualties", ("losses",))),
        ),
        outlets=(Outlet("daily-planet", "The Daily Planet", aliases=("Daily Planet",), homepage="https://planet.example",
                        country="US", kind="newspaper"),),
        pages=(
            PageSource("about", "content/pages/about.md",
                       "# About this site\n\nIt tracks claims. <script>alert('x')</script>\n\n"
                       '<a href="javascript:alert(3)">bad link</a> <img src="static/favicon.svg" onerror="alert(4)" alt="pic">\n\n'
                       "# A second top heading\n\nSee [the method](method.html).\n"),
            PageSource("method", "content/pages/method.md", "# Method\n\nHow **claims** are found.\n"),
        ),
    )


def make_timeline() -> Timeline:
    kirby = Speaker("john-kirby", "John Kirby", role="spokesman", org="National Security Council")
    hostile = Speaker("evil", f"Mr {HOSTILE} {HOSTILE_ATTR}", role=HOSTILE, known=False)
    agency = Speaker("defence-agency", "Defence Agency", kind="organization")
    planet = Story(
        id="001_planet",
        seed="001_planet.txt",
        title="Troops seen moving",
        outlet="Daily Planet",
        credit="Wire Service",
        byline="Lois Lane",
        url="https://planet.example/troops",
        published=D(2024, 10, 22),
        published_basis="content",
        paragraphs=(
            "On Monday, John Kirby said about 1,000 troops had moved. He said “it is a dangerous escalation.”",
            f"A bystander wrote {HOSTILE} and {HOSTILE_ATTR} on a wall.",
            "The agency said more than 11,000 soldiers were deployed last week.",
        ),
        captions=(f"A photo caption {HOSTILE}",),
        seen_on=D(2024, 11, 22),
    )
    gazette = Story(
        id="002_gazette",
        seed="002_gazette.html",
        title=f"Gazette report {HOSTILE}",
        outlet="Gotham Gazette",
        url="javascript:alert(5)",
        published=D(2024, 10, 23),
        published_basis="meta",
        paragraphs=(
            "Kirby said, via VOA, that about 1,000 troops had moved.",
            "Officials reportedly estimated 1,000 to 1,200 casualties a day.",
        ),
    )
    undated = Story(id="003_undated", seed="003_undated.md", title=None, outlet=None,
                    paragraphs=("Some 10,000 troops may be there, an unnamed source said.",))
    q1000 = Quantity(1000, unit="troops", qualifier="about", text="about 1,000")
    merged = Claim(
        id="c1", speaker=kirby, said_on=D(2024, 10, 21), date_basis="On Monday", placed_on=D(2024, 10, 21),
        text="On Monday, John Kirby said about 1,000 troops had moved.", topics=("deployment",), quantities=(q1000,),
        reports=(Report("001_planet", "On Monday, John Kirby said about 1,000 troops had moved.", 0),
                 Report("002_gazette", "Kirby said, via VOA, that about 1,000 troops had moved.", 0, relay="VOA")),
    )
    quoted = Claim(
        id="c2", speaker=kirby, said_on=D(2024, 10, 21), date_basis="On Monday", placed_on=D(2024, 10, 21),
        text="He said “it is a dangerous escalation.”", quote="it is a dangerous escalation.", hedged=True,
        hedges=("if",), topics=("deployment",),
        # straight quotes: the page must still find the sentence with curly ones
        reports=(Report("001_planet", 'He said "it is a dangerous escalation."', 0),),
    )
    week = Claim(
        id="c3", speaker=agency, said_on=None, date_basis="last week", date_precision="week",
        date_range=(D(2024, 10, 14), D(2024, 10, 20)), placed_on=D(2024, 10, 14),
        text="The agency said more than 11,000 soldiers were deployed last week.", topics=("deployment",),
        quantities=(Quantity(11000, qualifier="more than", unit="soldiers", text="more than 11,000"),),
        reports=(Report("001_planet", "The agency said more than 11,000 soldiers were deployed last week.", 2),),
    )
    unstated = Claim(
        id="c4", speaker=None, said_on=None, date_basis=None, placed_on=D(2024, 10, 23), hedged=True,
        hedges=("reportedly",), text="Officials reportedly estimated 1,000 to 1,200 casualties a day.",
        topics=("casualties",),
        quantities=(Quantity(None, low=1000, high=1200, unit="casualties", text="1,000 to 1,200"),),
        reports=(Report("002_gazette", "Officials reportedly estimated 1,000 to 1,200 casualties a day.", 1),),
    )
    hostile_claim = Claim(
        id="c5", speaker=hostile, said_on=D(2024, 10, 22), date_basis="explicit", placed_on=D(2024, 10, 22),
        text=f"A bystander wrote {HOSTILE} and {HOSTILE_ATTR} on a wall.",
        reports=(Report("001_planet", f"A bystander wrote {HOSTILE} and {HOSTILE_ATTR} on a wall.", 1),),
    )
    nodate = Claim(
        id="c6", speaker=None, said_on=None, date_basis=None, placed_on=None, hedged=True, hedges=("may",),
        text="Some 10,000 troops may be there, an unnamed source said.",
        quantities=(Quantity(10000, qualifier="some", unit="troops", text="Some 10,000"),),
        reports=(Report("003_undated", "This sentence is not in the story.", 0),),
    )
    series = Series(
        id="troops", label="Troops sent", description="Troops sent abroad.",
        points=(
            SeriesPoint(D(2024, 10, 21), q1000, "c1", "001_planet", kirby),
            SeriesPoint(D(2024, 10, 14), week.quantities[0], "c3", "001_planet", agency),
            SeriesPoint(D(2024, 10, 21), Quantity(1500, qualifier="some", text="some 1,500"), "c2", "001_planet", kirby),
            SeriesPoint(D(2024, 10, 23), unstated.quantities[0], "c4", "002_gazette", None, "published"),
            SeriesPoint(None, nodate.quantities[0], "c6", "003_undated", None, "none"),
        ),
    )
    return Timeline(
        stories=(planet, gazette, undated),
        claims=(week, merged, quoted, hostile_claim, unstated, nodate),
        speakers=(kirby, agency, hostile, Speaker("silent", "Silent Sam")),
        series=(series,),
    )
