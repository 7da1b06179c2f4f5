"""data/stories.json and data/claims.json keep the binding contract of DESIGN.md."""
import datetime as dt
import json

from newsgen.export import export_data, figures_data
from newsgen.model import Claim, Quantity, Report, Speaker, Story, Timeline

STORY_FIELDS = {"id", "seed", "title", "outlet", "credit", "byline", "url", "published", "published_basis",
                "paragraphs", "captions", "path"}
CLAIM_FIELDS = {"id", "speaker", "said_on", "date_basis", "text", "quote", "hedged", "topics", "quantities",
                "reports", "path"}


def timeline():
    s = Story("s1", "s1.txt", title="Tëst “quotes”", outlet="O", published=dt.date(2024, 10, 22),
              published_basis="content", paragraphs=("P1.", "P2."), captions=("Cap",))
    undated = Story("s2", "s2.md", published_window=(dt.date(2024, 11, 7), dt.date(2024, 11, 13)))
    c = Claim("x-1", Speaker("diu", "DIU", kind="organization"), dt.date(2024, 12, 14), "'Saturday' → 14 Dec",
              "The DIU said 1,000 died.", quote=None, hedged=True, hedges=("said",), topics=("t",),
              quantities=(Quantity(1000.0, low=1000, high=1200.5, unit="troops", qualifier="over", text="over 1,000"),),
              reports=(Report("s1", "The DIU said 1,000 died.", 1, relay="Reuters"),), placed_on=dt.date(2024, 12, 14))
    return Timeline((s, undated), (c,))


def test_contract_fields_and_values():
    stories_out, claims_out = export_data(timeline())
    assert stories_out.path == "data/stories.json" and claims_out.path == "data/claims.json"
    stories = json.loads(stories_out.data)["stories"]
    claims = json.loads(claims_out.data)["claims"]
    assert STORY_FIELDS <= set(stories[0]) and CLAIM_FIELDS <= set(claims[0])
    s = stories[0]
    assert s["published"] == "2024-10-22" and s["path"] == "stories/s1.html" and s["title"] == "Tëst “quotes”"
    assert stories[1]["published"] is None and stories[1]["published_basis"] is None
    assert stories[1]["published_window"] == ["2024-11-07", "2024-11-13"]
    c = claims[0]
    assert c["speaker"] == {"id": "diu", "name": "DIU", "role": None, "org": None, "kind": "organization", "known": True}
    assert c["said_on"] == "2024-12-14" and c["path"] == "claims/x-1.html"
    assert c["quantities"][0]["value"] == 1000 and isinstance(c["quantities"][0]["value"], int)
    assert c["quantities"][0]["high"] == 1200.5
    assert c["reports"] == [{"story": "s1", "sentence": "The DIU said 1,000 died.", "paragraph": 1, "relay": "Reuters"}]


def test_utf8_not_escaped_and_deterministic():
    a, b = export_data(timeline()), export_data(timeline())
    assert a == b
    assert "Tëst “quotes”".encode() in a[0].data


def test_figures_json_has_every_point_with_its_date_basis():
    from newsgen.model import SeriesDef
    from newsgen.timeline import assemble

    tl = timeline()
    windowed = Claim("y-1", None, None, None, "There are some 10,000 troops in Russia.",
                     quantities=(Quantity(10000, unit="troops", qualifier="some", text="some 10,000 troops"),),
                     reports=(Report("s2", "There are some 10,000 troops in Russia.", 0),))
    defs = (SeriesDef("troops", "Troops", units=("troops",)),)
    tl = assemble(tl.stories, tl.claims + (windowed,), defs)
    (fig,) = json.loads(figures_data(tl, defs).data)["figures"]
    assert (fig["id"], fig["title"], fig["unit"], fig["path"]) == ("troops", "Troops", "troops", "figures/troops.html")
    by_basis = {p["date_basis"]: p for p in fig["points"]}
    assert set(by_basis) == {"stated", "window"}
    stated, window = by_basis["stated"], by_basis["window"]
    assert (stated["value"], stated["low"], stated["high"], stated["date"]) == (1000, 1000, 1200.5, "2024-12-14")
    assert stated["speaker"]["name"] == "DIU" and stated["story"] == "s1"
    assert stated["claim"] in {c.id for c in tl.claims}
    assert (window["date"], window["window"], window["speaker"]) == ("2024-11-07", ["2024-11-07", "2024-11-13"], None)
    claims = {c["text"]: c for c in json.loads(export_data(tl)[1].data)["claims"]}
    assert claims[windowed.text]["placed_window"] == ["2024-11-07", "2024-11-13"]
    assert claims["The DIU said 1,000 died."]["placed_window"] is None
