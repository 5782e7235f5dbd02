"""Geometry of the inline SVG charts; the templates draw them (and escape every label).

A timeline has one lane per outlet (story page) or per position (speaker
page) and one dot per dated item. Dates are partial ISO dates; an item whose
date cannot be placed (none, or no year) is left out of the chart and listed
beside it by the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .format import parse_partial

WIDTH = 760
LANE_HEIGHT = 34
LABEL_WIDTH = 170
PAD = 14


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    label: str
    href: str
    css: str = ""


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"  # the first and last labels keep inside the chart


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    lanes: list[tuple[str, float]]  # label, y
    dots: list[Dot]
    ticks: list[Tick]
    undated: list[tuple[str, str]] = field(default_factory=list)  # label, href (no date, no year, or a year only)


@dataclass(slots=True)
class Point:
    lane: str
    when: str | None
    label: str
    href: str
    css: str = ""


def timeline(lanes: list[str], points: list[Point]) -> Timeline:
    # a date known only to the year would sit on 1 January and mislead: listed, not drawn
    placed = [(p, parse_partial(p.when) if p.when and len(p.when) >= 7 else None) for p in points]
    dated = [(p, d) for p, d in placed if d is not None]
    undated = [(p.label, p.href) for p, d in placed if d is None]
    height = PAD * 2 + LANE_HEIGHT * max(1, len(lanes)) + 18
    lane_y = {name: PAD + LANE_HEIGHT * i + LANE_HEIGHT / 2 for i, name in enumerate(lanes)}
    if not dated:
        return Timeline(WIDTH, height, list(lane_y.items()), [], [], undated)
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    span = max((last - first).days, 1)
    left, right = LABEL_WIDTH + PAD, WIDTH - PAD

    def x_of(d: date) -> float:
        if first == last:
            return (left + right) / 2
        return left + (right - left) * (d - first).days / span

    dots = [Dot(round(x_of(d), 1), lane_y[p.lane], f"{p.label} ({p.when})", p.href, p.css)
            for p, d in dated if p.lane in lane_y]
    dates = _tick_dates(first, last)
    ticks = [Tick(round(x_of(d), 1), d.isoformat(),
                  "start" if i == 0 and len(dates) > 1 else "end" if i == len(dates) - 1 and len(dates) > 1 else "middle")
             for i, d in enumerate(dates)]
    return Timeline(WIDTH, height, list(lane_y.items()), dots, ticks, undated)


def _tick_dates(first: date, last: date) -> list[date]:
    if first == last:
        return [first]
    middle = first + (last - first) / 2
    return [first, middle, last] if (last - first).days > 60 else [first, last]


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(slots=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    first: str
    last: str


def bar_chart(counts: list[tuple[str, int]], height: int = 120) -> BarChart | None:
    """Articles per month as bars, every month between the first and last shown (empty ones too)."""
    if not counts:
        return None
    months = _months_between(counts[0][0], counts[-1][0])
    by_month = dict(counts)
    peak = max(by_month.values())
    slot = (WIDTH - 2 * PAD) / len(months)
    bars = []
    for i, month in enumerate(months):
        n = by_month.get(month, 0)
        h = (height - 30) * n / peak
        bars.append(Bar(round(PAD + i * slot + slot * 0.1, 1), round(height - 20 - h, 1), round(max(slot * 0.8, 1), 1),
                        round(h, 1), month, n))
    return BarChart(WIDTH, height, bars, months[0], months[-1])


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end and len(out) < 1200:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
