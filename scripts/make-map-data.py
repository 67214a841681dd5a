#!/usr/bin/env python3
"""Generates assets/places.tsv, the Map view's gazetteer, from GeoNames.

    python3 scripts/make-map-data.py [/work/shared/data/gazetteer/cities15000.tsv.gz]

Input: cities15000.tsv.gz (geonameid, name, lat, lon, country code, admin1 code,
population; sorted by population, most populous first). GeoNames data, CC BY 4.0.

Output (UTF-8, tab-separated, `#` lines are comments):

    @CC <TAB> folded names, |-separated <TAB> lat <TAB> lon <TAB> population <TAB> English name
    folded name <TAB> lat <TAB> lon <TAB> CC

`@` lines are countries: their point is the population-weighted mean of their
cities' coordinates (a "centre of population", not a geometric centroid), their
population the sum of their cities'. Country names come from the hand-written
ISO 3166-1 table below (English short names plus common alternatives such as
"Britain"); a code missing from the table keeps its code as its name and is
matchable by nothing.

City names are folded the way `folio_core::search::tokenize::fold` folds a word
(lowercase, diacritics removed, apostrophes and commas dropped, ß → ss, ...),
applied to the whole name so spaces and hyphens stay. Only the most populous place
of each folded name is kept (the app picks the most populous match anyway), and
place lines keep GeoNames' order, most populous first, so the population column is
left out: a place's line number is its rank. Coordinates have 2 decimals (about 1 km).
"""

import gzip
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/gazetteer/cities15000.tsv.gz")
OUT = Path(__file__).resolve().parent.parent / "assets" / "places.tsv"

APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4"
SPECIAL = {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
           "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "Þ": "th"}


def fold(s: str) -> str:
    out = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c) or c in APOSTROPHES or c == ",":
            continue
        out.append(SPECIAL.get(c, c.lower()))
    return "".join(out)


# ISO 3166-1 alpha-2 → English name; extra names after "|" also match.
COUNTRIES = """
AD Andorra|AE United Arab Emirates|UAE|AF Afghanistan|AG Antigua and Barbuda|AL Albania|AM Armenia|AO Angola
AR Argentina|AT Austria|AU Australia|AZ Azerbaijan|BA Bosnia and Herzegovina|Bosnia|BB Barbados|BD Bangladesh
BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BN Brunei|BO Bolivia|BR Brazil|BS Bahamas
BT Bhutan|BW Botswana|BY Belarus|BZ Belize|CA Canada|CD DR Congo|Democratic Republic of the Congo|CF Central African Republic
CG Republic of the Congo|CH Switzerland|CI Ivory Coast|Cote d'Ivoire|CL Chile|CM Cameroon|CN China|CO Colombia
CR Costa Rica|CU Cuba|CV Cape Verde|CY Cyprus|CZ Czechia|Czech Republic|DE Germany|DJ Djibouti|DK Denmark
DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|ES Spain
ET Ethiopia|FI Finland|FJ Fiji|FR France|GA Gabon|GB United Kingdom|UK|Britain|Great Britain|GD Grenada|GE Georgia
GH Ghana|GM Gambia|GN Guinea|GQ Equatorial Guinea|GR Greece|GT Guatemala|GW Guinea-Bissau|GY Guyana
HK Hong Kong|HN Honduras|HR Croatia|HT Haiti|HU Hungary|ID Indonesia|IE Ireland|IL Israel|IN India|IQ Iraq|IR Iran
IS Iceland|IT Italy|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KM Comoros|KP North Korea
KR South Korea|KW Kuwait|KZ Kazakhstan|LA Laos|LB Lebanon|LK Sri Lanka|LR Liberia|LS Lesotho|LT Lithuania
LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|MG Madagascar|MK North Macedonia
ML Mali|MM Myanmar|Burma|MN Mongolia|MR Mauritania|MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia
MZ Mozambique|NA Namibia|NE Niger|NG Nigeria|NI Nicaragua|NL Netherlands|NO Norway|NP Nepal|NZ New Zealand|OM Oman
PA Panama|PE Peru|PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|PR Puerto Rico|PS Palestine|PT Portugal
PY Paraguay|QA Qatar|RO Romania|RS Serbia|RU Russia|Russian Federation|RW Rwanda|SA Saudi Arabia|SB Solomon Islands
SD Sudan|SE Sweden|SG Singapore|SI Slovenia|SK Slovakia|SL Sierra Leone|SN Senegal|SO Somalia|SR Suriname
SS South Sudan|SV El Salvador|SY Syria|SZ Eswatini|TD Chad|TG Togo|TH Thailand|TJ Tajikistan|TL Timor-Leste
TM Turkmenistan|TN Tunisia|TR Turkey|Turkiye|TT Trinidad and Tobago|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda
US United States|United States of America|USA|US|America|UY Uruguay|UZ Uzbekistan|VE Venezuela|VN Vietnam
XK Kosovo|YE Yemen|ZA South Africa|ZM Zambia|ZW Zimbabwe
"""


def country_table():
    table, code = {}, None
    for part in COUNTRIES.replace("\n", "|").split("|"):
        part = part.strip()
        if not part:
            continue
        head, _, rest = part.partition(" ")
        if len(head) == 2 and head.isupper() and head.isalpha() and rest:
            code = head
            table[code] = [rest]
        else:
            table[code].append(part)
    return table


def main():
    names = country_table()
    rows, seen = [], set()
    wsum = defaultdict(lambda: [0.0, 0.0, 0])
    with gzip.open(SRC, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            _, name, lat, lon, cc, _, pop = line.rstrip("\n").split("\t")
            lat, lon, pop = float(lat), float(lon), int(pop or 0)
            acc = wsum[cc]
            acc[0] += lat * pop
            acc[1] += lon * pop
            acc[2] += pop
            key = fold(name)
            if key in seen:
                continue
            seen.add(key)
            rows.append(f"{key}\t{lat:.2f}\t{lon:.2f}\t{cc}")
    out = [
        "# Folio map gazetteer. Place data: GeoNames (CC BY 4.0), cities with population >= 15,000.",
        "# Generated by scripts/make-map-data.py; see it for the format.",
    ]
    for cc, (la, lo, pop) in sorted(wsum.items(), key=lambda kv: -kv[1][2]):
        if pop == 0 or cc not in names:
            continue
        folded = "|".join(dict.fromkeys(fold(n) for n in names[cc]))
        out.append(f"@{cc}\t{folded}\t{la / pop:.2f}\t{lo / pop:.2f}\t{pop}\t{names[cc][0]}")
    out.extend(rows)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} places, {len(out) - len(rows) - 2} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
