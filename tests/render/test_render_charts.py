"""Figure charts: one drawing that reads on a 360px phone and on a desktop, and a short
note instead of a blank chart when nothing has a date."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from htmlscan import scan

from newsgen.model import Quantity, Series, SeriesPoint, Speaker
from newsgen.render import render_site
from newsgen.render.charts import HEIGHT, LAYOUT_FONT, WIDTH, series_svg, text_width
from render_fixture import TEMPLATES, make_config, make_timeline

D = dt.date
PHONE_CONTENT = 328  # a 360px screen less the page's side padding


def _svg(points: tuple[SeriesPoint, ...]) -> str:
    return str(series_svg(Series("s", "Troops", points), lambda p: f"../claims/{p.claim}.html", "chart-s"))


def _labels(svg: str) -> list[tuple[float, float, str | None, str]]:
    return [(float(x), float(y), anchor or None, text) for x, y, anchor, text in
            re.findall(r'<text class="chart-label" x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(end)")?>([^<]*)</text>', svg)]


def test_chart_scales_with_its_box_and_keeps_phone_text_readable():
    svg = _svg((SeriesPoint(D(2024, 10, 1), Quantity(100, qualifier="about"), "c1", "s1"),))
    assert f'viewBox="0 0 {WIDTH} {HEIGHT}"' in svg and "width=" not in svg.split(">", 1)[0]
    css = (TEMPLATES / "static" / "site.css").read_text(encoding="utf-8")
    assert "min-width" not in css[css.index("svg.chart {"):].split("}", 1)[0]  # no sideways scrolling
    sizes = [int(n) for n in re.findall(r"svg\.chart text \{[^}]*font-size: (\d+)px", css)]
    assert max(sizes) == LAYOUT_FONT  # the layout is made for the largest size the CSS uses
    assert LAYOUT_FONT * PHONE_CONTENT / WIDTH >= 12  # ≥ 12px on a phone


def test_labels_stay_inside_and_turn_left_near_the_right_edge():
    pts = (SeriesPoint(D(2024, 10, 1), Quantity(1000, qualifier="more than"), "c1", "s1"),
           SeriesPoint(D(2024, 12, 1), Quantity(11000, qualifier="approximately"), "c2", "s1"))
    labels = _labels(_svg(pts))
    assert [t for *_, t in labels] == ["more than 1,000", "approximately 11,000"]
    (x1, _, a1, t1), (x2, _, a2, t2) = labels
    assert a1 is None and x1 + text_width(t1, bold=True) <= WIDTH  # first point: label to its right
    assert a2 == "end" and x2 - text_width(t2, bold=True) >= 0  # last point, at the right edge: to its left


def test_labels_of_close_values_do_not_overlap():
    pts = tuple(SeriesPoint(D(2024, 10, 1 + i), Quantity(10000 + i * 50, qualifier="some"), f"c{i}", "s1")
                for i in range(4))
    boxes = []
    for x, y, anchor, text in _labels(_svg(pts)):
        w = text_width(text, bold=True)
        left = x - w if anchor else x
        assert 0 <= left and left + w <= WIDTH and LAYOUT_FONT <= y <= HEIGHT
        boxes.append((left, left + w, y))
    for i, (a0, a1, ay) in enumerate(boxes):
        for b0, b1, by in boxes[i + 1:]:
            assert abs(ay - by) >= LAYOUT_FONT or a1 <= b0 or b1 <= a0, boxes


def test_date_ticks_do_not_overlap_at_phone_size():
    pts = tuple(SeriesPoint(D(2024, 10, 1) + dt.timedelta(days=3 * i), Quantity(100 + i), f"c{i}", "s1") for i in range(12))
    svg = _svg(pts)
    ticks = re.findall(r'<text class="chart-tick" x="([\d.]+)" y="[\d.]+" text-anchor="middle">([^<]*)</text>', svg)
    assert ticks[0][1] == "1 Oct 2024" and ticks[-1][1] == "3 Nov"  # first and last dates kept
    spans = [(float(x) - text_width(t) / 2, float(x) + text_width(t) / 2) for x, t in ticks]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans
    assert all(0 <= a and b <= WIDTH for a, b in spans)


def test_a_series_without_dated_values_gets_a_note_and_a_table_of_its_estimates():
    tl = make_timeline()
    agency = Speaker("defence-agency", "Defence Agency", kind="organization")
    undated = Series("losses", "Losses", (
        SeriesPoint(None, Quantity(200, qualifier="some", unit="soldiers", text="some 200"), "c3", "001_planet", agency, "none"),
        SeriesPoint(None, Quantity(None, low=1000, high=1200, text="1,000 to 1,200"), "c4", "002_gazette", None, "none"),
    ))
    tl = dataclasses.replace(tl, series=tl.series + (undated,))
    page = next(o.data.decode() for o in render_site(tl, make_config(), TEMPLATES) if o.path == "figures/losses.html")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'class="chart chart-empty"' in svg and "No dated values yet" in svg and "2 undated values" in svg
    assert "<circle" not in svg and "chart-point" not in svg and "chart-grid" not in svg  # no blank plot
    s = scan(page)
    assert not s.errors
    table = page[page.index('<table class="series-data">'):page.index("</table>")]
    assert ">Date<" not in table  # every row would say "undated"
    rows = table.split("<tbody>")[1].count("<tr>")
    assert rows == 2
    # each estimate names its story (title and outlet) and links to its claim
    assert "Troops seen moving</a><span class=\"muted\"> — The Daily Planet, 22 Oct 2024" in table
    assert 'href="../claims/c3.html"' in table and 'href="../claims/c4.html"' in table
    assert "Values with no date" not in page  # the table already is that list


def test_a_floor_is_drawn_open_upwards_and_labelled_in_the_sources_words():
    dozens = Quantity(None, low=24, qualifier="several", text="dozens, several dozens")
    svg = _svg((SeriesPoint(D(2024, 12, 16), dozens, "c1", "s1"),
                SeriesPoint(D(2024, 12, 17), Quantity(200, qualifier="some", text="some 200"), "c2", "s1", None, "published")))
    assert svg.count('class="chart-open"') == 1
    assert [t for _, _, _, t in _labels(svg)] == ["several dozens", "some 200"]
    # the published-day value is hollow, the stated one solid
    assert svg.count('class="chart-dot is-hollow"') == 1 and svg.count('class="chart-dot"') == 1


def test_a_window_value_spans_its_window_and_its_label_stays_off_the_line():
    w = (D(2024, 11, 7), D(2024, 11, 13))
    pts = (SeriesPoint(D(2024, 10, 21), Quantity(1000, qualifier="over"), "c1", "s1"),
           SeriesPoint(w[0], Quantity(1200, qualifier="more than"), "c2", "s1", None, "window", w))
    svg = _svg(pts)
    line = re.search(r'<line class="chart-window" x1="([\d.]+)" x2="([\d.]+)"', svg)
    assert line, "no window line"
    x1, x2 = float(line.group(1)), float(line.group(2))
    assert x2 > x1
    (lx, _, anchor, text) = [lab for lab in _labels(svg) if lab[3] == "more than 1,200"][0]
    width = text_width(text, bold=True)
    start, end = (lx - width, lx) if anchor == "end" else (lx, lx + width)
    assert end <= x1 or start >= x2, (start, end, x1, x2)
