#!/usr/bin/env python3
"""Builds assets/basemap/labels.tsv, the place names the offline basemap writes on the map.

Inputs:
  - Natural Earth 1:10m admin-0 countries as TSV (`ne_10m_admin_0_countries.tsv`: iso_a2, name,
    label_y, label_x): a country's name and the point Natural Earth puts its label at;
  - Natural Earth 1:50m countries as TopoJSON (world-atlas `countries-50m.topo.json`): each
    country's area, which says from which zoom its name fits;
  - the gazetteer's source table (`assets/gazetteer/places.tsv.gz`, from GeoNames): national
    capitals and cities with their populations.

Output: a tab-separated table, one label a line, in the order labels are placed (the first
wins where two would overlap):

    kind    min_zoom    lat    lon    name

kind is `country`, `capital` or `city`; min_zoom is the walkers zoom from which the label is
drawn. Rows are sorted by min_zoom (a country's taken half a level later), then countries before
capitals before cities, then larger first, then name, so the file is deterministic.

Usage: scripts/build_labels.py NE_COUNTRIES.tsv COUNTRIES_50M.topo.json PLACES.tsv.gz OUT.tsv
"""
import csv
import gzip
import math
import sys
import json

# A country's name is drawn once the country is about this many points wide on screen.
COUNTRY_WIDTH_POINTS = 36.0
EARTH_KM = 40075.0
MAX_COUNTRY_ZOOM = 5.0
# Degrees (about 15 km) within which a smaller town gives way to a larger one.
NEAR_DEG = 0.15
COUNTRY_DELAY = 0.5
# (population at least, min_zoom) for cities; capitals are listed apart.
CITY_ZOOMS = [(5_000_000, 3.0), (2_000_000, 4.0), (1_000_000, 4.5), (500_000, 5.0),
              (250_000, 6.0), (100_000, 7.0)]
CITY_CODES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG"}


def decode_arcs(topo):
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        points = []
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [tuple(p) for p in arc]
        arcs.append(points)
    return arcs


def ring_area_km2(arcs, indices):
    pts = []
    for i in indices:
        part = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(part if not pts else part[1:])
    total = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        total += (x0 * y1 - x1 * y0) * math.cos(math.radians((y0 + y1) / 2))
    return abs(total) / 2 * (EARTH_KM / 360) ** 2


def country_areas(topo_path):
    topo = json.load(open(topo_path, encoding="utf-8"))
    arcs = decode_arcs(topo)
    areas = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        if g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        area = 0.0
        for polygon in polygons:
            outer, *holes = polygon
            area += ring_area_km2(arcs, outer) - sum(ring_area_km2(arcs, h) for h in holes)
        name = g.get("properties", {}).get("name")
        if name:
            areas[name] = areas.get(name, 0.0) + area
    return areas


def country_zoom(area_km2):
    width_km = math.sqrt(max(area_km2, 1.0))
    zoom = math.log2(COUNTRY_WIDTH_POINTS * EARTH_KM / (256 * width_km))
    # Island states are small but stand alone in their ocean: from zoom 5 every country may
    # be named, and placement order keeps the small ones off their neighbours' names.
    return round(min(max(zoom, 1.0), MAX_COUNTRY_ZOOM), 1)


def city_zoom(population, capital):
    if capital:
        return 3.0 if population >= 1_000_000 else 4.0
    for at_least, zoom in CITY_ZOOMS:
        if population >= at_least:
            return zoom
    return None


def main():
    ne_tsv, topo_path, places_path, target = sys.argv[1:5]
    areas = country_areas(topo_path)
    rows = []
    unmatched = []
    with open(ne_tsv, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            name = r["name"].strip()
            try:
                lat, lon = float(r["label_y"]), float(r["label_x"])
            except ValueError:
                continue
            area = areas.get(name)
            if area is None:
                # Not a country of the 1:50m map: a territory with an ISO code keeps a small
                # label; the rest (bases, buffer zones, reefs, claims) is left out.
                if r["iso_a2"] == "-99":
                    unmatched.append(name)
                    continue
                area = 2_000.0
            rows.append(("country", country_zoom(area), 0, -area, lat, lon, name))

    cities = []
    with gzip.open(places_path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 10 or cols[3] not in CITY_CODES:
                continue
            try:
                population = int(cols[9] or 0)
                lat, lon = float(cols[7]), float(cols[8])
            except ValueError:
                continue
            capital = cols[3] == "PPLC"
            zoom = city_zoom(population, capital)
            if zoom is not None:
                cities.append((zoom, 1 if capital else 2, -population, lat, lon, cols[1]))
    # The same town filed twice (a city and its municipality) and the districts of a great
    # city (Paris 15 Vaugirard) are dropped: a town closer than NEAR_DEG to a larger one kept
    # before it gives way to it.
    cities.sort()
    kept = []
    grid = {}
    for c in cities:
        cell = (math.floor(c[3] / NEAR_DEG), math.floor(c[4] / NEAR_DEG))
        near = [p for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                for p in grid.get((cell[0] + dx, cell[1] + dy), [])]
        if any(abs(lat - c[3]) < NEAR_DEG and abs(lon - c[4]) < NEAR_DEG for lat, lon in near):
            continue
        grid.setdefault(cell, []).append((c[3], c[4]))
        kept.append(c)
    for zoom, order, size, lat, lon, name in kept:
        rows.append(("capital" if order == 1 else "city", zoom, order, size, lat, lon, name))

    # A country's name goes after the towns that appear up to half a zoom level after it: at
    # regional zoom a small country's capital (Suva) matters more than its name (Fiji), which
    # can move aside.
    rows.sort(key=lambda r: (r[1] + (COUNTRY_DELAY if r[0] == "country" else 0), r[2], r[3], r[6]))
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Labels of the offline basemap, made by scripts/build_labels.py from Natural Earth\n")
        out.write("# (public domain) and GeoNames (CC BY 4.0) via the gazetteer. Placement order.\n")
        out.write("# kind\tmin_zoom\tlat\tlon\tname\n")
        for kind, zoom, _, _, lat, lon, name in rows:
            out.write(f"{kind}\t{zoom:.1f}\t{lat:.3f}\t{lon:.3f}\t{name}\n")
    print(f"{target}: {len(rows)} labels; left out: {unmatched}", file=sys.stderr)


if __name__ == "__main__":
    main()
