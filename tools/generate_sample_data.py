#!/usr/bin/env python3
"""Generate the synthetic sample data for `ehelse` (sample-data/).

Every source defined in ``indicators/sources/*.yaml`` gets one file set under
the output directory, written exactly in the dialect and with the columns the
source declares, so the tool can be run end to end without real extracts:

    source id                    files (relative to --out)               dialect
    ssb-befolkning               ssb/befolkning_07459.csv                UTF-8+BOM, ';', title line, wide (2020-2026)
    kpr-velferdsteknologi        kpr/velferdsteknologi_<year>.csv        Windows-1252, ';', decimal comma, title line, SSB symbols
    nhn-pll                      nhn/pll_2023-01_2026-06.csv             UTF-8, ';'
    nhn-pjd-logg                 nhn/pjd_oppslag_<year>.csv              UTF-8, ';'  (streamed; --pjd-rows)
    brreg-enheter                brreg/enheter_2026-07-01.csv            UTF-8, ';'  (snapshot; one row per organisation)
    fhi-hds-soknader             fhi/hds_soknader.csv                    UTF-8, ';'
    fhi-hds-utleveringer         fhi/hds_utleveringer.csv                UTF-8, ',', decimal point, quoted text
    hto-rapportering             hto/hto_rapportering.csv                UTF-8, ';'
    innbyggerundersokelsen       survey/innbyggerundersokelsen.csv       UTF-8, ';', decimal comma
    helsepersonellundersokelsen  survey/helsepersonellundersokelsen.csv  UTF-8, ';', decimal comma
    hdir-rapporterte-tall        hdir/rapporterte_tall.csv               UTF-8, ';', decimal comma
    hdir-veikart                 hdir/veikart_status.csv                 UTF-8, ',', quoted text

The data are synthetic. Organisation numbers are made up (valid MOD11 except
a handful of deliberately invalid ones in the PJD log); there are no personal
identity numbers anywhere. Figures are calibrated so that the indicators look
like the quarterly status report Q2 2026 (seed 002): HDS mean delivery time
159 days in each 2024 quarter and 106 in each 2025 quarter, GP decision-support
use 10 % (2024) and 14 % (2025), ~40 % of GPs using AI documentation assistants
regularly in 2025, ~1 in 4 citizens who want more digital services want GP
records, 39 distinct legevakt organisation numbers in 2026Q2, organisations
consuming shared documents roughly doubled 2025 vs 2024, trust in the handling
of health information ~70-72 %, welfare technology in ~95 % of municipalities
by 2025, PLL rising from ~2 % (2023) to ~18 % of the population (2026-06), and
HTO: all 15 county authorities in a dental procurement and 34 Helseplattformen
+ 4 Aidn municipalities flagged `utenfor_hto` (with them ~3/4 have new EPJ by
the end of 2026).

Municipality codes: each year's data uses that year's codes (356 municipalities
2020-2023, 357 from 2024). The list is read from the repository's own
``reference/kommuner.csv`` (columns code,name,county,valid_from,valid_to), and
the mapping between the 2020-2023 and the 2024 codes from
``reference/kommuneendringer.csv``; nothing outside the repository is read.

Output is deterministic: every source draws from its own random.Random seeded
from --seed and the source id, so the same arguments give the same bytes, and
--only does not change the files it writes.

Usage:
    python3 tools/generate_sample_data.py                  # writes sample-data/
    python3 tools/generate_sample_data.py --check          # exit 1 if sample-data/ is stale
    python3 tools/generate_sample_data.py --only nhn-pll,ssb-befolkning
    python3 tools/generate_sample_data.py --out /tmp/bench --only nhn-pjd-logg --pjd-rows 10000000

Python 3 standard library only.
"""

import argparse
import csv
import datetime as dt
import filecmp
import io
import math
import os
import random
import shutil
import sys
import tempfile
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SEED = 20230607
DEFAULT_PJD_ROWS = 140_000
KOMMUNER_CSV = os.path.join(ROOT, "reference", "kommuner.csv")
CHANGES_CSV = os.path.join(ROOT, "reference", "kommuneendringer.csv")

SOURCES = [
    "ssb-befolkning",
    "kpr-velferdsteknologi",
    "nhn-pll",
    "nhn-pjd-logg",
    "brreg-enheter",
    "fhi-hds-soknader",
    "fhi-hds-utleveringer",
    "hto-rapportering",
    "innbyggerundersokelsen",
    "helsepersonellundersokelsen",
    "hdir-rapporterte-tall",
    "hdir-veikart",
    "pds-innforing-kommuner",
]

POP_YEARS = list(range(2020, 2027))

# Counties from 2024 and their regional health authority (RHF).
RHF_BY_COUNTY = {
    "03": "Helse Sør-Øst", "31": "Helse Sør-Øst", "32": "Helse Sør-Øst",
    "33": "Helse Sør-Øst", "34": "Helse Sør-Øst", "39": "Helse Sør-Øst",
    "40": "Helse Sør-Øst", "42": "Helse Sør-Øst",
    "11": "Helse Vest", "46": "Helse Vest",
    "15": "Helse Midt-Norge", "50": "Helse Midt-Norge",
    "18": "Helse Nord", "55": "Helse Nord", "56": "Helse Nord",
}
RHFS = ["Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord"]

# Approximate 2020 populations of the largest municipalities (by name).
BIG = {
    "Oslo": 693000, "Bergen": 283900, "Trondheim": 205300, "Stavanger": 143600,
    "Bærum": 127700, "Kristiansand": 111600, "Drammen": 101400, "Asker": 94400,
    "Lillestrøm": 85600, "Fredrikstad": 82400, "Sandnes": 80400, "Tromsø": 76900,
    "Ålesund": 66300, "Sandefjord": 64000, "Tønsberg": 57000, "Nordre Follo": 59300,
    "Sarpsborg": 56700, "Skien": 54900, "Bodø": 52400, "Larvik": 47000,
    "Moss": 49300, "Arendal": 45000, "Ullensaker": 39200, "Karmøy": 42200,
    "Haugesund": 37400, "Porsgrunn": 36400, "Halden": 31400, "Hamar": 31500,
    "Lørenskog": 42000, "Molde": 32000, "Kongsberg": 27700, "Gjøvik": 30400,
    "Lillehammer": 28400, "Harstad": 24700, "Horten": 27300, "Ringsaker": 34500,
}
TOTAL_POP_2020 = 5_367_580


# ---------------------------------------------------------------------------
# helpers

def rng_for(seed, name):
    """A Random of its own for each source, independent of --only."""
    return random.Random(seed * 1_000_003 + zlib.crc32(name.encode("utf-8")))


def mod11_check(first8):
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    s = sum(int(c) * w for c, w in zip(first8, weights))
    r = 11 - s % 11
    if r == 11:
        return 0
    if r == 10:
        return None
    return r


def new_orgnr(rng, used):
    """A synthetic 9-digit organisation number with a valid MOD11 check digit."""
    while True:
        first8 = str(rng.choice((8, 9))) + "".join(str(rng.randrange(10)) for _ in range(7))
        c = mod11_check(first8)
        if c is None:
            continue
        nr = first8 + str(c)
        if nr not in used:
            used.add(nr)
            return nr


def bad_orgnr(rng, used):
    """A 9-digit number whose check digit is wrong (or whose check would be 10)."""
    while True:
        first8 = "9" + "".join(str(rng.randrange(10)) for _ in range(7))
        c = mod11_check(first8)
        last = rng.randrange(10) if c is None else (c + 1 + rng.randrange(9)) % 10
        nr = first8 + str(last)
        if nr not in used:
            used.add(nr)
            return nr


def dec(x, ndigits=1, comma=True):
    s = f"{x:.{ndigits}f}"
    return s.replace(".", ",") if comma else s


class Out:
    """Writes CSV text to a file with a given encoding, counting data rows."""

    def __init__(self, outdir, rel, sep=";", encoding="utf-8", bom=False, title=None):
        self.path = os.path.join(outdir, rel)
        self.rel = rel
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        enc = "utf-8-sig" if bom else encoding
        self.f = open(self.path, "w", encoding=enc, newline="")
        self.w = csv.writer(self.f, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n" if encoding == "windows-1252" else "\n")
        self.rows = 0
        if title is not None:
            self.f.write(title + ("\r\n" if encoding == "windows-1252" else "\n"))

    def header(self, cols):
        self.w.writerow(cols)

    def row(self, values):
        self.w.writerow(values)
        self.rows += 1

    def close(self):
        self.f.close()
        return (self.rel, self.rows)


# ---------------------------------------------------------------------------
# municipalities

class Muni:
    """A municipality of the 2024 structure, with its 2020-2023 code."""

    __slots__ = ("code24", "name24", "code20", "name20", "pop", "u")

    def __init__(self, code24, name24, code20, name20):
        self.code24, self.name24, self.code20, self.name20 = code24, name24, code20, name20
        self.pop = {}
        self.u = 0.0

    def code(self, year):
        return self.code24 if year >= 2024 else self.code20

    def name(self, year):
        return self.name24 if year >= 2024 else self.name20

    def county(self, year):
        return self.code(year)[:2]

    @property
    def rhf(self):
        return RHF_BY_COUNTY[self.code24[:2]]


def _year_of(s):
    s = (s or "").strip()
    return int(s[:4]) if len(s) >= 4 and s[:4].isdigit() else None


def _valid_in(row, year):
    """Whether a row of reference/kommuner.csv is valid in `year`."""
    a = _year_of(row.get("valid_from"))
    b = (row.get("valid_to") or "").strip()
    if a is not None and a > year:
        return False
    if not b:
        return True
    by = _year_of(b)
    if by is None:
        return True
    # `YYYY` or `YYYY-12-31`: inclusive; `YYYY-01-01`: exclusive end.
    if len(b) >= 10 and b[5:10] == "01-01":
        return by > year
    return by >= year


def load_municipalities():
    """Return (list of Muni in 2024 order, description of the source used).

    Reads only the repository's own tables: reference/kommuner.csv (codes and
    names with validity) and reference/kommuneendringer.csv (the 2024 code
    changes, which map each 2024 code to the code it had 2020-2023).
    """
    with open(KOMMUNER_CSV, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    v23 = {r["code"].strip().zfill(4): r["name"].strip() for r in rows if _valid_in(r, 2023)}
    names24 = {r["code"].strip().zfill(4): r["name"].strip() for r in rows if _valid_in(r, 2024)}
    old_of = {}
    with open(CHANGES_CSV, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["year"].strip() == "2024":
                old_of[r["new_code"].strip().zfill(4)] = r["old_code"].strip().zfill(4)
    munis = []
    for code in sorted(names24):
        old = old_of.get(code, code)
        if code == "1580":          # Haram, re-created 2024 out of 1507 Ålesund
            old = "1507"
        nm = names24[code]
        munis.append(Muni(code, nm, old, v23.get(old, nm) if old != code else nm))
    if code_count(munis, 2023) != 356 or code_count(munis, 2024) != 357:
        raise SystemExit(f"municipality list is wrong: {code_count(munis, 2023)} codes in 2023, "
                         f"{code_count(munis, 2024)} in 2024")
    return munis, "reference/kommuner.csv + reference/kommuneendringer.csv"


def code_count(munis, year):
    return len({m.code(year) for m in munis})


def year_units(munis, year):
    """[(code, name, [Muni...])] in code order for that year's structure."""
    d = {}
    for m in munis:
        d.setdefault(m.code(year), (m.name(year), []))[1].append(m)
    return [(c, d[c][0], d[c][1]) for c in sorted(d)]


def assign_population(munis, seed):
    rng = rng_for(seed, "population")
    base = {}
    for m in munis:
        key = m.name24.split(" - ")[0]
        base[m.code24] = BIG.get(key)
    # Ålesund 2020 figure covers the later Haram too.
    if "1580" in base:
        base["1580"] = 9300
        base["1508"] = 66300 - 9300
    rest = [m for m in munis if base[m.code24] is None]
    raw = {m.code24: math.exp(rng.gauss(math.log(4600), 1.0)) for m in rest}
    fixed = sum(v for v in base.values() if v)
    k = (TOTAL_POP_2020 - fixed) / sum(raw.values())
    for m in rest:
        base[m.code24] = max(200, int(raw[m.code24] * k))
    for m in munis:
        p = base[m.code24]
        trend = 0.009 if p > 30000 else (0.004 if p > 8000 else -0.002)
        trend += rng.gauss(0, 0.004)
        for y in POP_YEARS:
            m.pop[y] = int(round(p))
            p = p * (1 + trend + rng.gauss(0, 0.002))
        m.u = rng.random()


def unit_pop(members, year):
    year = max(year, POP_YEARS[0])      # 2019 survey answers use the 2020 structure
    return sum(m.pop[year] for m in members)


# ---------------------------------------------------------------------------
# SSB population (wide)

def gen_ssb_befolkning(ctx):
    munis = ctx["munis"]
    out = Out(ctx["out"], "ssb/befolkning_07459.csv", bom=True,
              title="07459: Befolkning, etter region, statistikkvariabel og år")
    out.header(["kommunenr", "kommunenavn"] + [str(y) for y in POP_YEARS])
    codes = {}
    for m in munis:
        for y in POP_YEARS:
            c = m.code(y)
            entry = codes.setdefault(c, {"name": m.name(y), "years": {}})
            entry["years"][y] = entry["years"].get(y, 0) + m.pop[y]
    for c in sorted(codes):
        e = codes[c]
        shown = c.lstrip("0") if c.startswith("0") else c     # SSB API style: 301 for Oslo
        vals = [str(e["years"][y]) if y in e["years"] else "." for y in POP_YEARS]
        out.row([shown, f"{c} {e['name']}"] + vals)
    return [out.close()]


# ---------------------------------------------------------------------------
# KPR welfare technology

KPR_TECH = ["trygghetsalarm", "medisineringsstøtte", "digitalt tilsyn",
            "lokaliseringsteknologi", "elektronisk dørlås", "digital hjemmeoppfølging"]
KPR_ADOPT = {2020: 0.70, 2021: 0.77, 2022: 0.83, 2023: 0.88, 2024: 0.92, 2025: 0.95}


def cp1252_safe(name):
    try:
        name.encode("cp1252")
        return name
    except UnicodeEncodeError:
        return name.split(" - ")[0]


def gen_kpr(ctx):
    rng = rng_for(ctx["seed"], "kpr-velferdsteknologi")
    munis = ctx["munis"]
    # Larger municipalities adopt earlier: adoption score per 2024 municipality.
    score = {}
    for m in munis:
        size = math.log10(max(m.pop[2020], 300))
        score[m.code24] = m.u * 0.75 + (5.5 - size) * 0.12
    order = sorted(munis, key=lambda m: score[m.code24])
    rank = {m.code24: i / len(order) for i, m in enumerate(order)}
    # First year of each extra technology per municipality.
    first = {m.code24: {t: 2020 + int(rng.random() * 9) for t in KPR_TECH[2:]} for m in munis}
    silent = {y: set() for y in KPR_ADOPT}
    files = []
    for year in sorted(KPR_ADOPT):
        out = Out(ctx["out"], f"kpr/velferdsteknologi_{year}.csv", encoding="windows-1252",
                  title=f"Velferdsteknologi: aktive brukere etter kommune, teknologi og år (KPR) {year}")
        out.header(["år", "kommunenr", "kommune", "teknologi", "aktive_brukere", "andel_mottakere"])
        for code, name, members in year_units(munis, year):
            lead = members[0]
            pop = unit_pop(members, year)
            adopter = rank[lead.code24] < KPR_ADOPT[year]
            if not adopter and rng.random() < 0.35:
                continue        # not in the file at all = no reported use
            recipients = max(20, int(pop * 0.035))
            name_out = cp1252_safe(name)
            rows = []
            alarm = max(3, int(pop * rng.uniform(0.010, 0.018)))
            rows.append(["trygghetsalarm", str(alarm), dec(1000 * alarm / recipients / 3)])
            if adopter:
                maturity = KPR_ADOPT[year] - rank[lead.code24]        # 0..~0.95
                techs = [t for t in KPR_TECH[1:] if first[lead.code24].get(t, 2020) <= year]
                if not techs:
                    techs = [KPR_TECH[1]]
                if KPR_TECH[1] not in techs:
                    techs.insert(0, KPR_TECH[1])
                for i, t in enumerate(techs):
                    n = max(1, int(pop * (0.0008 + 0.004 * maturity) * rng.uniform(0.3, 1.6) / (1 + i * 0.5)))
                    share = "." if t == "digital hjemmeoppfølging" else dec(1000 * n / recipients)
                    rows.append([t, str(n), share])
            else:
                if rng.random() < 0.5:
                    rows.append([KPR_TECH[1], "-", "-"])          # reported, true zero
            # Sprinkle SSB symbols (whole-cell values only).
            for r in rows:
                x = rng.random()
                if r[0] != "trygghetsalarm" and r[1] not in ("-",) and x < 0.015 and adopter \
                        and sum(1 for q in rows if q[0] != "trygghetsalarm" and q[1].isdigit()) > 1:
                    r[1], r[2] = ":", ":"                             # suppressed small count
                elif x < 0.025 and r[2] not in (".", "-", ":"):
                    r[2] = ".."                                       # not available
                elif year == 2025 and x < 0.035 and r[2] not in (".", "-", ":"):
                    r[2] = "*"                                        # provisional
                elif year == 2025 and x < 0.045 and r[2] not in (".", "-", ":"):
                    r[2] = "..."                                      # not yet available
            for t, n, share in rows:
                out.row([str(year), code, name_out, t, n, share])
        files.append(out.close())
    return files


# ---------------------------------------------------------------------------
# PLL

PLL_POINTS = {   # share of inhabitants (%) at 2023-01, 2024-01, 2025-01, 2026-01, 2026-06
    "Helse Vest": [1.5, 6.0, 14.0, 22.0, 26.0],
    "Helse Sør-Øst": [0.6, 3.0, 9.0, 15.0, 18.0],
    "Helse Midt-Norge": [0.3, 1.5, 6.0, 12.0, 15.0],
    "Helse Nord": [0.2, 1.0, 4.0, 10.0, 13.0],
}
PLL_T = [0, 12, 24, 36, 41]


def months(start, end):
    y, m = start
    while (y, m) <= end:
        yield y, m
        m += 1
        if m == 13:
            y, m = y + 1, 1


def pll_share(rhf, t):
    pts = PLL_POINTS[rhf]
    for i in range(len(PLL_T) - 1):
        if PLL_T[i] <= t <= PLL_T[i + 1]:
            a = (t - PLL_T[i]) / (PLL_T[i + 1] - PLL_T[i])
            return pts[i] + a * (pts[i + 1] - pts[i])
    return pts[-1]


def gen_pll(ctx):
    rng = rng_for(ctx["seed"], "nhn-pll")
    munis = ctx["munis"]
    factor = {m.code24: math.exp(rng.gauss(0, 0.25)) for m in munis}
    out = Out(ctx["out"], "nhn/pll_2023-01_2026-06.csv")
    out.header(["maaned", "kommunenr", "personer_med_pll"])
    for t, (y, mo) in enumerate(months((2023, 1), (2026, 6))):
        for code, _name, members in year_units(munis, y):
            n = 0
            for m in members:
                s = pll_share(m.rhf, t) / 100 * factor[m.code24]
                n += int(m.pop[y] * min(s, 0.6) * rng.uniform(0.97, 1.03))
            out.row([f"{y}-{mo:02d}", code, str(n)])
    return [out.close()]


# ---------------------------------------------------------------------------
# Organisations (shared by the PJD log and BRREG)

# virksomhetstype -> (NACE SN2007 choices, share of log rows)
ORG_TYPES = {
    "fastlege": (["86.211"], 0.42),
    "kommune": (["86.901", "86.903", "87.101"], 0.20),
    "sykehus": (["86.101", "86.102"], 0.15),
    "legevakt": (["86.211", "84.120", "86.909"], 0.09),
    "avtalespesialist": (["86.221", "86.222"], 0.08),
    "annet": (["86.902", "86.905", "86.906", "86.907"], 0.06),
}
SN2025 = {"86.211": "86.210", "86.901": "86.941", "86.903": "86.942", "86.902": "86.950"}
# cumulative number of consuming organisations at the end of 2023, 2024, 2025 and 2026-06
ORG_GROWTH = {
    "fastlege": [250, 520, 1100, 1450],
    "kommune": [80, 180, 420, 560],
    "sykehus": [20, 35, 45, 48],
    "avtalespesialist": [30, 90, 230, 300],
    "annet": [15, 60, 140, 190],
}
TYPE_WORD = {
    "fastlege": "legesenter", "kommune": "kommune helse og omsorg", "sykehus": "sykehus",
    "legevakt": "legevakt", "avtalespesialist": "spesialistpraksis", "annet": "helsetjenester",
}
NON_CONSUMERS = 400
PERIOD_BOUNDS = [dt.date(2023, 1, 1), dt.date(2024, 1, 1), dt.date(2025, 1, 1),
                 dt.date(2026, 1, 1), dt.date(2026, 7, 1)]


def nace_for(code, year):
    return SN2025.get(code, code) if year >= 2025 else code


def build_orgs(ctx):
    """Organisations with type, NACE, municipality, start/end of PJD use and activity."""
    if "orgs" in ctx:
        return ctx["orgs"]
    rng = rng_for(ctx["seed"], "organisations")
    munis = ctx["munis"]
    weights = [m.pop[2024] for m in munis]
    cum = []
    s = 0
    for w in weights:
        s += w
        cum.append(s)
    used = set()
    orgs = []

    def rand_date(a, b):
        return a + dt.timedelta(days=rng.randrange((b - a).days))

    def make(typ, start, end=None, valid=True, consumer=True):
        m = rng.choices(munis, cum_weights=cum)[0]
        nace = rng.choice(ORG_TYPES[typ][0])
        nr = new_orgnr(rng, used) if valid else bad_orgnr(rng, used)
        orgs.append({
            "orgnr": nr, "type": typ, "nace": nace, "muni": m, "start": start, "end": end,
            "w": math.exp(rng.gauss(0, 0.7)), "valid": valid, "consumer": consumer,
            "name": f"{m.name24.split(' - ')[0]} {TYPE_WORD[typ]} {len(orgs) + 1}"
                    + ("" if typ in ("kommune", "sykehus") else " AS"),
        })

    for typ, cums in ORG_GROWTH.items():
        prev = 0
        for i, c in enumerate(cums):
            for _ in range(c - prev):
                make(typ, rand_date(PERIOD_BOUNDS[i], PERIOD_BOUNDS[i + 1]))
            prev = c
    # Legevakt: 44 organisations start, 5 stop -> exactly 39 active in 2026Q2.
    lv_starts = [(12, PERIOD_BOUNDS[0], PERIOD_BOUNDS[1]), (13, PERIOD_BOUNDS[1], PERIOD_BOUNDS[2]),
                 (12, PERIOD_BOUNDS[2], PERIOD_BOUNDS[3]), (7, PERIOD_BOUNDS[3], dt.date(2026, 4, 1))]
    lv = []
    for n, a, b in lv_starts:
        for _ in range(n):
            make("legevakt", rand_date(a, b))
            lv.append(orgs[-1])
    for o in lv[:5]:            # reorganised: stopped logging under this number
        o["end"] = rand_date(dt.date(2024, 9, 1), dt.date(2025, 12, 1))
    for o in lv:
        o["w"] = max(o["w"], 0.6)
    # Deliberately invalid numbers (MOD11 fails) that still appear in the log.
    for typ in ("fastlege", "fastlege", "annet", "kommune", "avtalespesialist"):
        make(typ, rand_date(PERIOD_BOUNDS[1], PERIOD_BOUNDS[3]), valid=False)
        orgs[-1]["w"] = 0.3
    # Health organisations that never consumed documents (BRREG only).
    for _ in range(NON_CONSUMERS):
        typ = rng.choices(list(ORG_TYPES), weights=[40, 30, 2, 0, 15, 20])[0]
        make(typ, None, consumer=False)
    ctx["orgs"] = orgs
    return orgs


# ---------------------------------------------------------------------------
# PJD look-up log (streamed)

PJD_YEAR_SHARE = {2023: 0.10, 2024: 0.20, 2025: 0.40, 2026: 0.30}
DOC_TYPES = [("epikrise", 40), ("poliklinisk notat", 30), ("henvisning", 10),
             ("sykepleiedokument", 10), ("tverrfaglig notat", 6), ("psykolognotat", 4)]


def day_allocation(total):
    """Exact per-day row counts summing to `total` (largest remainder)."""
    days = []
    for y, share in PJD_YEAR_SHARE.items():
        a = dt.date(y, 1, 1)
        b = dt.date(y + 1, 1, 1) if y < 2026 else dt.date(2026, 7, 1)
        n_days = (b - a).days
        ds = [a + dt.timedelta(days=i) for i in range(n_days)]
        wts = []
        for i, d in enumerate(ds):
            wk = 1.0 if d.weekday() < 5 else 0.45
            wts.append(wk * (1 + 0.6 * i / n_days))          # growth within the year
        sw = sum(wts)
        for d, w in zip(ds, wts):
            days.append((d, total * share * w / sw))
    floor = [int(x) for _, x in days]
    rem = total - sum(floor)
    order = sorted(range(len(days)), key=lambda i: (-(days[i][1] - floor[i]), i))
    for i in order[:rem]:
        floor[i] += 1
    return [(d, n) for (d, _), n in zip(days, floor)]


def gen_pjd(ctx):
    rng = rng_for(ctx["seed"], "nhn-pjd-logg")
    orgs = [o for o in build_orgs(ctx) if o["consumer"]]
    total = ctx["pjd_rows"]
    alloc = day_allocation(total)
    doc_names = [d for d, _ in DOC_TYPES]
    doc_cum = []
    s = 0
    for _, w in DOC_TYPES:
        s += w
        doc_cum.append(s)
    files = {}
    counts = {}
    cache_key = None
    prefixes = cum = None
    chunk = []
    fh = None
    for d, n in alloc:
        if d.year not in files:
            if fh is not None:
                fh.writelines(chunk)
                chunk = []
                fh.close()
            rel = f"nhn/pjd_oppslag_{d.year}.csv"
            path = os.path.join(ctx["out"], rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fh = open(path, "w", encoding="utf-8", newline="")
            # No industry code: nhn-pjd-logg looks it up in brreg-enheter (enrich).
            fh.write("dato;orgnr;kommunenr;virksomhetstype;dokumenttype\n")
            files[d.year] = rel
            counts[rel] = 0
        key = (d.year, d.month)
        if key != cache_key:
            cache_key = key
            mid = dt.date(d.year, d.month, 15)
            month_start = dt.date(d.year, d.month, 1)
            active = [o for o in orgs if o["start"] <= mid and (o["end"] is None or o["end"] > month_start)]
            by_type = {}
            for o in active:
                by_type.setdefault(o["type"], []).append(o)
            prefixes, cum = [], []
            acc = 0.0
            for typ, lst in by_type.items():
                sw = sum(o["w"] for o in lst)
                share = ORG_TYPES[typ][1]
                for o in lst:
                    acc += share * o["w"] / sw
                    prefixes.append(f";{o['orgnr']};{o['muni'].code(d.year)};{o['type']};")
                    cum.append(acc)
        if n == 0:
            continue
        ds = d.isoformat()
        picked = rng.choices(prefixes, cum_weights=cum, k=n)
        docs = rng.choices(doc_names, cum_weights=doc_cum, k=n)
        chunk.extend(ds + p + t + "\n" for p, t in zip(picked, docs))
        counts[files[d.year]] += n
        if len(chunk) >= 200_000:
            fh.writelines(chunk)
            chunk = []
    if fh is not None:
        fh.writelines(chunk)
        fh.close()
    return [(rel, counts[rel]) for rel in files.values()]


# ---------------------------------------------------------------------------
# BRREG

def gen_brreg(ctx):
    """A snapshot of Enhetsregisteret as of 2026-07-01 (the end of the sample
    data): one row per valid organisation number of the PJD log, with its
    SN2025 industry code (86.211 -> 86.210, 86.901 -> 86.941, 86.902 -> 86.950,
    86.903 -> 86.942; other codes as they are) and 2024-structure municipality.
    The log no longer carries the code; `nhn-pjd-logg` looks it up here."""
    orgs = [o for o in build_orgs(ctx) if o["valid"] and o["consumer"]]
    out = Out(ctx["out"], "brreg/enheter_2026-07-01.csv")
    out.header(["orgnr", "navn", "naeringskode", "kommunenr"])
    for o in sorted(orgs, key=lambda o: o["orgnr"]):
        out.row([o["orgnr"], o["name"], nace_for(o["nace"], 2026), o["muni"].code(2026)])
    return [out.close()]


# ---------------------------------------------------------------------------
# FHI Helsedataservice

def quarters(a, b):
    y, q = a
    while (y, q) <= b:
        yield y, q
        q += 1
        if q == 5:
            y, q = y + 1, 1


def q_bounds(y, q):
    a = dt.date(y, 3 * q - 2, 1)
    b = dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)
    return a, b


SOKNADSTYPER = [("personidentifiserbare", 1.0), ("anonymiserte", 0.35),
                ("endringssøknad", 0.25), ("kvalitetsregister", 0.30)]


def gen_hds_soknader(ctx):
    rng = rng_for(ctx["seed"], "fhi-hds-soknader")
    rows = []
    for i, (y, q) in enumerate(quarters((2021, 1), (2026, 2))):
        a, b = q_bounds(y, q)
        base = 150 * (1.025 ** i) * (0.85 if q == 3 else 1.0)
        for typ, f in SOKNADSTYPER:
            for _ in range(int(base * f * rng.uniform(0.9, 1.1))):
                rows.append((a + dt.timedelta(days=rng.randrange((b - a).days)), typ))
    rows.sort(key=lambda r: r[0])
    out = Out(ctx["out"], "fhi/hds_soknader.csv")
    out.header(["soknad_id", "mottatt", "soknadstype"])
    seq = {}
    for d, typ in rows:
        seq[d.year] = seq.get(d.year, 0) + 1
        out.row([f"HDS-{d.year}-{seq[d.year]:04d}", d.isoformat(), typ])
    return [out.close()]


HDS_MEAN = {
    2021: [240, 236, 228, 221], 2022: [212, 206, 199, 193], 2023: [186, 179, 172, 165],
    2024: [159, 159, 159, 159], 2025: [106, 106, 106, 106], 2026: [99, 95],
}
REGISTERS = [
    ("Norsk pasientregister (NPR)", 30), ("Kommunalt pasient- og brukerregister (KPR)", 12),
    ("Reseptregisteret", 14), ("Dødsårsaksregisteret", 10), ("Medisinsk fødselsregister", 10),
    ("Kreftregisteret", 12), ("NPR, KPR", 6), ("Reseptregisteret, Dødsårsaksregisteret", 4),
    ("Norsk pasientregister (NPR), Kommunalt pasient- og brukerregister (KPR), Reseptregisteret", 2),
]


def gen_hds_utleveringer(ctx):
    rng = rng_for(ctx["seed"], "fhi-hds-utleveringer")
    reg_names = [r for r, _ in REGISTERS]
    reg_w = [w for _, w in REGISTERS]
    rows = []
    for i, (y, q) in enumerate(quarters((2021, 1), (2026, 2))):
        a, b = q_bounds(y, q)
        n = int((70 + 3 * i) * rng.uniform(0.9, 1.1))
        target = HDS_MEAN[y][q - 1]
        vals = [max(5, int(target * math.exp(rng.gauss(0, 0.5)) / math.exp(0.125))) for _ in range(n)]
        # adjust so the quarter's mean is the target (sum = target * n)
        diff = target * n - sum(vals)
        j = 0
        while diff != 0:
            k = j % n
            step = 1 if diff > 0 else -1
            if vals[k] + step >= 5:
                vals[k] += step
                diff -= step
            j += 1
        for v in vals:
            rows.append((a + dt.timedelta(days=rng.randrange((b - a).days)), v,
                         rng.choices(reg_names, weights=reg_w)[0]))
    rows.sort(key=lambda r: (r[0], r[1]))
    out = Out(ctx["out"], "fhi/hds_utleveringer.csv", sep=",")
    out.header(["utlevering_id", "levert", "leveringstid_dager", "register"])
    for i, (d, v, reg) in enumerate(rows, 1):
        out.row([f"U{d.year}-{i:05d}", d.isoformat(), str(v), reg])
    return [out.close()]


# ---------------------------------------------------------------------------
# HTO

HTO_COUNTIES = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]


def gen_hto(ctx):
    rng = rng_for(ctx["seed"], "hto-rapportering")
    munis = sorted(ctx["munis"], key=lambda m: m.code24)
    rows = []
    # 34 Helseplattformen (Trøndelag + a few in Møre og Romsdal) and 4 Aidn, outside HTO.
    trond = [m for m in munis if m.code24.startswith("50")]
    more = [m for m in munis if m.code24.startswith("15")]
    hp = rng.sample(trond, 31) + rng.sample(more, 3)
    rest = [m for m in munis if m not in hp]
    aidn = rng.sample([m for m in rest if not m.code24.startswith(("50", "15"))], 4)
    outside = set(m.code24 for m in hp + aidn)
    for m in hp:
        rows.append((2024, m.code24, m.code24[:2], "EPJ", "tatt i bruk", "ja"))
    for m in aidn:
        rows.append((2024, m.code24, m.code24[:2], "EPJ", "under innføring", "ja"))
    pool = [m for m in munis if m.code24 not in outside]
    rng.shuffle(pool)
    plan = [(2024, 70, "gjennomført"), (2025, 90, "signert"), (2026, 70, "planlagt")]
    i = 0
    for y, n, status in plan:
        for m in pool[i:i + n]:
            rows.append((y, m.code24, m.code24[:2], "EPJ", status, "nei"))
        i += n
    for m in pool[i:i + 8]:     # cancelled procurements
        rows.append((rng.choice((2024, 2025)), m.code24, m.code24[:2], "EPJ", "avbrutt", "nei"))
    other = {"velferdsteknologi": (60, 150, 120), "digital hjemmeoppfølging": (40, 110, 90),
             "annet": (20, 50, 40)}
    for kat, ns in other.items():
        cand = list(munis)
        rng.shuffle(cand)
        j = 0
        for y, n in zip((2024, 2025, 2026), ns):
            status = {2024: "gjennomført", 2025: "signert", 2026: "planlagt"}[y]
            for m in cand[j:j + n]:
                rows.append((y, m.code24, m.code24[:2], kat, status, "nei"))
            j += n
    for c in HTO_COUNTIES:       # county authorities: joint dental procurement
        rows.append((2026, "", c, "tannhelse", "planlagt", "nei"))
    rows.sort(key=lambda r: (r[0], r[3], r[1], r[2]))
    out = Out(ctx["out"], "hto/hto_rapportering.csv")
    out.header(["aar", "kommunenr", "fylkesnr", "kategori", "status", "utenfor_hto"])
    for r in rows:
        out.row([str(r[0])] + list(r[1:]))
    return [out.close()]


# ---------------------------------------------------------------------------
# Surveys

LIKERT_ENIG = ["Helt enig", "Ganske enig", "Verken enig eller uenig", "Ganske uenig", "Helt uenig", "Vet ikke"]
LIKERT_FORNOYD = ["Svært fornøyd", "Ganske fornøyd", "Verken fornøyd eller misfornøyd",
                  "Ganske misfornøyd", "Svært misfornøyd", "Vet ikke"]
GRAD = ["I svært stor grad", "I stor grad", "I noen grad", "I liten grad", "I svært liten grad", "Vet ikke"]
AGE_GROUPS = ["18-29 år", "30-44 år", "45-59 år", "60-74 år", "75 år og eldre"]


def likert(rng, top2, vet_ikke=0.06, scale=LIKERT_ENIG):
    """An answer where the first two options together have share `top2` of the non-'Vet ikke' answers."""
    if rng.random() < vet_ikke:
        return scale[-1]
    x = rng.random()
    if x < top2:
        return scale[0] if rng.random() < 0.42 else scale[1]
    rest = (x - top2) / (1 - top2)
    return scale[2] if rest < 0.55 else (scale[3] if rest < 0.85 else scale[4])


def survey_weights(rng, n):
    w = [math.exp(rng.gauss(0, 0.35)) for _ in range(n)]
    k = n / sum(w)
    return [x * k for x in w]


INNB_YEARS = range(2019, 2026)
INNB_N = 1500
# Share who agree (helt or ganske enig) among all respondents, «Vet ikke»
# included, as seed 002 measures it; 7 % answer «Vet ikke», so the share
# among the others is TRUST / 0.93.
TRUST = {2019: 0.685, 2020: 0.69, 2021: 0.70, 2022: 0.695, 2023: 0.70, 2024: 0.705, 2025: 0.715}
TRUST_DONT_KNOW = 0.07
SATISF = {  # (tilgang_enkle, involvert, tryggere)
    2019: (0.55, 0.62, 0.58), 2020: (0.60, 0.63, 0.59), 2021: (0.63, 0.64, 0.60),
    2022: (0.64, 0.65, 0.61), 2023: (0.66, 0.66, 0.62), 2024: (0.67, 0.67, 0.63),
    2025: (0.69, 0.68, 0.64),
}
WANT_MORE = {2021: 0.34, 2022: 0.36, 2023: 0.38, 2024: 0.40, 2025: 0.41}
WANTED = [  # multi-select options (2023-2025), probability of being chosen
    ("Journal fra fastlegen", 0.25), ("Timebestilling hos fastlegen", 0.27),
    ("Digital dialog med fastlegen", 0.30), ("Journal fra kommunale helse- og omsorgstjenester", 0.17),
    ("Prøvesvar", 0.21), ("Videokonsultasjon", 0.14), ("Oversikt over egne legemidler", 0.12),
    ("Tjenester på vegne av barn", 0.13), ("Annet", 0.07),
]


def gen_innbygger(ctx):
    rng = rng_for(ctx["seed"], "innbyggerundersokelsen")
    munis = ctx["munis"]
    acc = Systematic(rng)
    out = Out(ctx["out"], "survey/innbyggerundersokelsen.csv")
    out.header(["aar", "respondent", "vekt", "kjonn", "aldersgruppe", "kommunenr", "sporsmal", "svar"])
    for y in INNB_YEARS:
        units = year_units(munis, y)
        cum = []
        s = 0
        for _c, _n, mem in units:
            s += unit_pop(mem, y)
            cum.append(s)
        wts = survey_weights(rng, INNB_N)
        for i in range(INNB_N):
            rid = f"I{y}-{i + 1:04d}"
            head = [str(y), rid, dec(wts[i], 3), rng.choice(("Kvinne", "Mann")),
                    rng.choices(AGE_GROUPS, weights=(19, 25, 25, 21, 10))[0],
                    rng.choices(units, cum_weights=cum)[0][0]]
            age_old = head[4] == "75 år og eldre"
            share = TRUST[y] / (1 - TRUST_DONT_KNOW)
            if rng.random() < TRUST_DONT_KNOW:
                trust = "Vet ikke"
            elif acc.hit(("trust", y, age_old), share - (0.04 if age_old else 0) + (0.004 if not age_old else 0), wts[i]):
                trust = LIKERT_ENIG[0] if rng.random() < 0.42 else LIKERT_ENIG[1]
            else:
                trust = likert(rng, 0.0, 0.0)
            out.row(head + ["tillit_helseopplysninger", trust])
            for q, p in zip(("enkle_digitale_tjenester", "mer_involvert",
                             "tryggere_behandling"), SATISF[y]):
                out.row(head + [q, likert(rng, p, 0.05)])
            if y in WANT_MORE:
                x = rng.random()
                ans = "Ja" if x < WANT_MORE[y] else ("Vet ikke" if x > 0.92 else "Nei")
                out.row(head + ["onsker_flere_tjenester", ans])
                if ans == "Ja" and y >= 2023:
                    # GP records: systematic assignment so the share is ~1 in 4 every year
                    chosen = [WANTED[0][0]] if acc.hit(y, WANTED[0][1], wts[i]) else []
                    chosen += [o for o, p in WANTED[1:] if rng.random() < p]
                    if not chosen:
                        chosen = [rng.choice([o for o, _ in WANTED[1:]])]
                    for o in chosen:
                        out.row(head + ["onskede_tjenester", o])
    return [out.close()]


class Systematic:
    """Weighted systematic assignment: `hit(key, p, w)` is true for calls whose
    weights add up to a share p of all weights seen for that key, spread evenly
    (greedy on the running weighted total), with a random start per key. Used
    for the figures the sample data are calibrated to, so that small samples
    still reproduce the report's numbers."""

    def __init__(self, rng):
        self.rng = rng
        self.state = {}

    def hit(self, key, p, w=1.0):
        target, got = self.state.get(key) or (self.rng.random() * p, 0.0)
        target += p * w
        ok = abs(got + w - target) < abs(got - target)
        if ok:
            got += w
        self.state[key] = (target, got)
        return ok


HP_YEARS = range(2022, 2026)
HP_N = 600
YRKER = [("fastlege", 22, "kommunehelsetjenesten"), ("lege", 14, None), ("sykepleier", 28, None),
         ("helsefagarbeider", 14, "kommunehelsetjenesten"), ("fysioterapeut", 8, None),
         ("psykolog", 6, None), ("annet", 8, None)]
NIVAER = ["kommunehelsetjenesten", "spesialisthelsetjenesten", "privat"]
DECISION = {2022: 0.06, 2023: 0.08, 2024: 0.10, 2025: 0.14}
AI_GP = {2024: 0.16, 2025: 0.40}
AI_OTHER = {2024: 0.05, 2025: 0.12}
HP_TOP2 = {  # fornoyd_epj, fornoyd_digitale, lettere_kontakt, enkel_komm, enkel_tilgang, tilgang_andre
    2022: (0.42, 0.50, 0.55, 0.45, 0.48, 0.30), 2023: (0.43, 0.52, 0.57, 0.47, 0.50, 0.32),
    2024: (0.45, 0.53, 0.58, 0.50, 0.52, 0.34), 2025: (0.47, 0.55, 0.60, 0.53, 0.55, 0.37),
}


def gen_helsepersonell(ctx):
    rng = rng_for(ctx["seed"], "helsepersonellundersokelsen")
    out = Out(ctx["out"], "survey/helsepersonellundersokelsen.csv")
    out.header(["aar", "respondent", "vekt", "yrkesgruppe", "tjenesteniva", "sporsmal", "svar"])
    acc = Systematic(rng)
    names = [y for y, _, _ in YRKER]
    ws = [w for _, w, _ in YRKER]
    for y in HP_YEARS:
        wts = survey_weights(rng, HP_N)
        for i in range(HP_N):
            yrke = rng.choices(names, weights=ws)[0]
            fixed = dict((a, c) for a, _, c in YRKER)[yrke]
            niva = fixed or rng.choices(NIVAER, weights=(45, 45, 10))[0]
            head = [str(y), f"H{y}-{i + 1:04d}", dec(wts[i], 3), yrke, niva]
            t = HP_TOP2[y]
            out.row(head + ["fornoyd_epj", likert(rng, t[0], 0.03, LIKERT_FORNOYD)])
            out.row(head + ["fornoyd_digitale_helsetjenester", likert(rng, t[1], 0.06, LIKERT_FORNOYD)])
            out.row(head + ["lettere_kontakt_pasienter", likert(rng, t[2], 0.06)])
            out.row(head + ["enkel_elektronisk_kommunikasjon", likert(rng, t[3], 0.04)])
            out.row(head + ["enkel_tilgang_pasientopplysninger", likert(rng, t[4], 0.04)])
            out.row(head + ["tilgang_informasjon_andre_behandlere", likert(rng, t[5], 0.05, GRAD)])
            # Calibrated questions use systematic assignment (see `Systematic`) so the
            # small samples still hit the report's figures.
            if y in DECISION:
                if acc.hit(("dec", y), DECISION[y], wts[i]):
                    ans = "Ja"
                else:
                    ans = "Vet ikke" if rng.random() < 0.04 else "Nei"
                out.row(head + ["bruker_beslutningsstotte", ans])
            if y in AI_GP:
                p = AI_GP[y] if yrke == "fastlege" else AI_OTHER[y]
                if acc.hit(("ai", y, yrke == "fastlege"), p, wts[i]):
                    ans = "Ja, regelmessig"
                else:
                    x = rng.random()
                    ans = "Ja, av og til" if x < 0.25 else ("Vet ikke" if x > 0.95 else "Nei")
                out.row(head + ["ki_dokumentasjonsassistent", ans])
    return [out.close()]


# ---------------------------------------------------------------------------
# Hdir reported series

def gen_hdir_tall(ctx):
    rows = hdir_rows(ctx["seed"])
    out = Out(ctx["out"], "hdir/rapporterte_tall.csv")
    out.header(["serie", "periode", "omraade", "verdi", "enhet"])
    for name, y, area, v, unit in rows:
        if isinstance(v, float) and not float(v).is_integer() or unit in ("prosent", "trinn 0-7"):
            vs = dec(v, 1)
        else:
            vs = str(int(v))
        out.row([name, str(y), area, vs, unit])
    return [out.close()]


def hdir_rows(seed):
    """The reported series of Hdir's table, sorted (series, year, area)."""
    rng = rng_for(seed, "hdir-rapporterte-tall")
    rows = []

    def series(name, unit, start, growth, years=range(2019, 2026), area="Norge", digits=0, cap=None):
        # `cap` keeps a count of municipalities below the number there are
        # (the figure is flagged `implausible` above it); the random stream
        # is the same with or without it.
        v = start
        for y in years:
            rows.append((name, y, area, round(v if cap is None else min(v, cap), digits), unit))
            v = v * (1 + growth * rng.uniform(0.7, 1.3))

    series("helsenorge_timeavtaler_brukere", "personer", 820000, 0.16)
    series("helsenorge_samvalg_besok", "besøk", 150000, 0.20)
    series("helsenorge_fullmakter_aktive", "fullmakter", 210000, 0.14)
    series("helsenorge_verktoykatalog_besok", "besøk", 60000, 0.25)
    series("helsenorge_legemidler_brukere", "personer", 1450000, 0.07)
    series("helsenorge_journalinnsyn_brukere", "personer", 1100000, 0.11)
    series("kjernejournal_kritisk_info_innbyggere", "personer", 52000, 0.18)
    series("helsenorge_innlogginger", "innlogginger", 48000000, 0.09)
    series("digital_hjemmeoppfolging_brukere", "personer", 2100, 0.45)
    series("kjernejournal_kommuner", "kommuner", 300, 0.03)
    series("kritisk_info_kommuner", "kommuner", 90, 0.30, cap=338)
    series("dokumentdeling_kildevirksomheter", "virksomheter", 4, 0.55)
    series("ekonsultasjon_fastlege_andel", "prosent", 9.0, 0.18, digits=1)
    emram = {"Helse Sør-Øst": 3.2, "Helse Vest": 3.6, "Helse Midt-Norge": 4.4, "Helse Nord": 2.9}
    ccmm = {"Helse Sør-Øst": 2.0, "Helse Vest": 2.2, "Helse Midt-Norge": 2.6, "Helse Nord": 1.8}
    video = {"Helse Sør-Øst": 210000, "Helse Vest": 80000, "Helse Midt-Norge": 60000, "Helse Nord": 45000}
    for rhf in RHFS:
        for y in range(2019, 2026):
            rows.append(("himss_emram", y, rhf, min(7.0, round(emram[rhf] + 0.28 * (y - 2019) + rng.uniform(-0.1, 0.1), 1)), "trinn 0-7"))
            if y >= 2021:
                rows.append(("himss_ccmm", y, rhf, min(7.0, round(ccmm[rhf] + 0.3 * (y - 2021) + rng.uniform(-0.1, 0.1), 1)), "trinn 0-7"))
            rows.append(("videokonsultasjoner_spesialist", y, rhf,
                         round(video[rhf] * (1.12 ** (y - 2019)) * rng.uniform(0.9, 1.1)), "konsultasjoner"))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows


# Program digital samhandling's list per municipality: the series of Hdir's
# table it must agree with, and the service name in the list.
PDS_SERVICES = [("kjernejournal_kommuner", "kjernejournal"), ("kritisk_info_kommuner", "kritisk_info")]


def gen_pds_kommuner(ctx):
    """One row per municipality and service with the date it was taken into
    use. By the end of each year 2020-2025 as many municipalities have it as
    the reported series says (the list starts in 2020: municipalities that had
    it earlier are dated early 2020). Larger municipalities tend to be first."""
    rng = rng_for(ctx["seed"], "pds-innforing-kommuner")
    munis = ctx["munis"]
    reported = {(n, y): int(v) for n, y, a, v, u in hdir_rows(ctx["seed"]) if a == "Norge"}
    rows = []
    for serie, service in PDS_SERVICES:
        order = sorted(munis, key=lambda m: -math.log(m.pop[2020]) + rng.gauss(0, 1.5))
        done = 0
        for y in range(2020, 2026):
            target = min(reported[(serie, y)], len(order))
            for m in order[done:target]:
                day = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365 if y > 2020 else 30))
                rows.append((service, day.isoformat(), m.code(y)))
            done = max(done, target)
    rows.sort()
    out = Out(ctx["out"], "nhn/samhandling_kommuner.csv")
    out.header(["tjeneste", "innfort_dato", "kommunenr"])
    for r in rows:
        out.row(list(r))
    return [out.close()]


ROADMAP = {
    "1A": ["in-progress"] * 10,
    "1C": ["not-started", "not-started", "in-progress", "in-progress", "in-progress",
           "at-risk", "at-risk", "in-progress", "in-progress", "in-progress"],
    "1D": ["in-progress", "in-progress", "in-progress", "at-risk", "at-risk",
           "delayed", "delayed", "delayed", "delayed", "delayed"],
    "2A": ["in-progress", "in-progress", "in-progress", "in-progress", "at-risk",
           "at-risk", "in-progress", "in-progress", "at-risk", "at-risk"],
    "3B": ["not-started", "in-progress", "in-progress", "in-progress", "in-progress",
           "in-progress", "in-progress", "in-progress", "in-progress", "in-progress"],
    "3C": ["in-progress", "in-progress", "in-progress", "in-progress", "in-progress",
           "in-progress", "in-progress", "at-risk", "at-risk", "in-progress"],
    "4B": ["in-progress", "in-progress", "at-risk", "at-risk", "in-progress",
           "in-progress", "in-progress", "in-progress", "in-progress", "in-progress"],
    "4C": ["not-started", "not-started", "not-started", "in-progress", "in-progress",
           "in-progress", "in-progress", "in-progress", "completed", "completed"],
    "5A": ["not-started", "in-progress", "in-progress", "in-progress", "in-progress",
           "in-progress", "in-progress", "in-progress", "in-progress", "in-progress"],
}
COMMENTS = {
    "not-started": "Ikke startet, avventer avklaring av ansvar",
    "in-progress": "Arbeidet pågår etter plan",
    "at-risk": "Risiko for forsinkelse, avhengig av leverandører og prioritering i sektor",
    "delayed": "Forsinket; arbeidet i Helse Nord har stoppet opp, ulik forståelse av foreldres tilgang",
    "completed": "Fullført; utprøving av MyHealth@EU startet, videre drift i linjen",
}


def gen_veikart(ctx):
    out = Out(ctx["out"], "hdir/veikart_status.csv", sep=",")
    out.header(["delmaal", "kvartal", "status", "kommentar"])
    qs = [f"{y}Q{q}" for y, q in quarters((2024, 1), (2026, 2))]
    for dm, sts in ROADMAP.items():
        for qlabel, st in zip(qs, sts):
            out.row([dm, qlabel, st, COMMENTS[st]])
    return [out.close()]


GENERATORS = {
    "ssb-befolkning": gen_ssb_befolkning,
    "kpr-velferdsteknologi": gen_kpr,
    "nhn-pll": gen_pll,
    "nhn-pjd-logg": gen_pjd,
    "brreg-enheter": gen_brreg,
    "fhi-hds-soknader": gen_hds_soknader,
    "fhi-hds-utleveringer": gen_hds_utleveringer,
    "hto-rapportering": gen_hto,
    "innbyggerundersokelsen": gen_innbygger,
    "helsepersonellundersokelsen": gen_helsepersonell,
    "hdir-rapporterte-tall": gen_hdir_tall,
    "hdir-veikart": gen_veikart,
    "pds-innforing-kommuner": gen_pds_kommuner,
}


# ---------------------------------------------------------------------------

def generate(outdir, seed, only, pjd_rows, quiet=False):
    munis, msrc = load_municipalities()
    assign_population(munis, seed)
    ctx = {"out": outdir, "seed": seed, "munis": munis, "pjd_rows": pjd_rows}
    results = []
    t0 = time.time()
    for sid in SOURCES:
        if only and sid not in only:
            continue
        t = time.time()
        files = GENERATORS[sid](ctx)
        results.append((sid, files, time.time() - t))
    if not quiet:
        print(f"municipalities from {msrc}; seed {seed}; output {outdir}")
        total_rows = total_bytes = 0
        for sid, files, secs in results:
            for rel, n in files:
                size = os.path.getsize(os.path.join(outdir, rel))
                total_rows += n
                total_bytes += size
                print(f"  {sid:28s} {rel:42s} {n:>10,d} rows {size / 1e6:8.2f} MB")
        print(f"  total {total_rows:,d} rows, {total_bytes / 1e6:.2f} MB in {time.time() - t0:.1f} s")
    return results


def check(outdir, seed, only, pjd_rows):
    tmp = tempfile.mkdtemp(prefix="ehelse-sample-")
    try:
        results = generate(tmp, seed, only, pjd_rows, quiet=True)
        bad = []
        for _sid, files, _ in results:
            for rel, _n in files:
                a, b = os.path.join(tmp, rel), os.path.join(outdir, rel)
                if not os.path.exists(b):
                    bad.append(f"missing: {rel}")
                elif not filecmp.cmp(a, b, shallow=False):
                    bad.append(f"differs: {rel}")
        if not only:
            expected = {rel for _s, files, _ in results for rel, _ in files}
            for dp, _dn, fns in os.walk(outdir):
                for fn in fns:
                    rel = os.path.relpath(os.path.join(dp, fn), outdir).replace(os.sep, "/")
                    if rel.endswith(".csv") and rel not in expected:
                        bad.append(f"unexpected: {rel}")
        for b in bad:
            print(b)
        print("sample data is up to date" if not bad else f"{len(bad)} file(s) differ from a fresh run")
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] + "\n\n" + __doc__.split("\n\n", 1)[1].split("Usage:")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Usage examples:" + __doc__.split("Usage:")[1])
    p.add_argument("--out", default=os.path.join(ROOT, "sample-data"),
                   help="output directory (default: sample-data/ in the repository)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--only", default="", help="comma-separated source ids to generate (default: all)")
    p.add_argument("--pjd-rows", type=int, default=DEFAULT_PJD_ROWS,
                   help=f"exact number of rows in the PJD look-up log, streamed to disk "
                        f"(default {DEFAULT_PJD_ROWS:,d}; use 10000000 for the benchmark)")
    p.add_argument("--check", action="store_true",
                   help="regenerate into a temporary directory and compare bytes with --out; exit 1 on difference")
    a = p.parse_args(argv)
    only = [s.strip() for s in a.only.split(",") if s.strip()]
    for s in only:
        if s not in GENERATORS:
            p.error(f"unknown source id {s!r}; known: {', '.join(SOURCES)}")
    if a.pjd_rows < 0:
        p.error("--pjd-rows must be >= 0")
    if a.check:
        return check(a.out, a.seed, only, a.pjd_rows)
    generate(a.out, a.seed, only, a.pjd_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
