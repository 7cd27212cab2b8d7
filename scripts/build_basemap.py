#!/usr/bin/env python3
"""Builds assets/basemap/world.bin.gz, the offline basemap the app draws when tiles are unavailable.

Input: Natural Earth 1:50m physical data as TopoJSON (world-atlas `world-50m-physical.topo.json`).
Output: a gzipped little-endian file read by `src/ui/basemap.rs`:

    b"ITBM" u8 version(=1) u8 layer_count
    per layer: u8 kind, u32 polyline_count,
        per polyline: u32 point_count, then point_count x (i16 lon_q, i16 lat_q)
    with lon = lon_q * 180 / 32767 and lat = lat_q * 90 / 32767 degrees.

Layer kinds: 0 land rings, 1 lake rings, 2 coastlines, 3 country borders, 4 rivers,
5 first-level (state and province) borders. Natural Earth's 1:50m admin-1 data, which this
file's `subunits` object holds, covers only the United States, Canada, Brazil and Australia.
Usage: scripts/build_basemap.py /path/to/world-50m-physical.topo.json assets/basemap/world.bin.gz
"""
import gzip
import json
import math
import struct
import sys

TOLERANCE_DEG = 0.03


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    if index >= 0:
        return arcs[index]
    return list(reversed(arcs[~index]))


def join(arcs, indices):
    out = []
    for i in indices:
        pts = arc_points(arcs, i)
        out.extend(pts if not out else pts[1:])
    return out


def rings_of(geometry):
    kind = geometry["type"]
    if kind == "Polygon":
        return list(geometry["arcs"])
    if kind == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def lines_of(geometry):
    kind = geometry["type"]
    if kind == "LineString":
        return [geometry["arcs"]]
    if kind == "MultiLineString":
        return list(geometry["arcs"])
    return []


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; keeps the end points."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_d = -1, tolerance
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best_d:
                best, best_d = i, d
        if best >= 0:
            keep[best] = True
            stack.append((a, best))
            stack.append((best, b))
    return [p for p, k in zip(points, keep) if k]


def unwrap(points):
    """Makes longitudes continuous: a step of more than 180 degrees goes the short way round,
    so a ring over the antimeridian runs past 180 instead of jumping to -180."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def clip(ring, lo, hi):
    """Sutherland-Hodgman clip of a closed ring to lo <= lon <= hi. Pieces left joined by
    edges along the cut line are harmless to the even-odd fill the app does."""
    for inside, cut in ((lambda x: x >= lo, lo), (lambda x: x <= hi, hi)):
        if not ring:
            return ring
        out = []
        prev = ring[-1]
        for cur in ring:
            if inside(cur[0]) != inside(prev[0]):
                t = (cut - prev[0]) / (cur[0] - prev[0])
                out.append((cut, prev[1] + t * (cur[1] - prev[1])))
            if inside(cur[0]):
                out.append(cur)
            prev = cur
        ring = out
    return ring


def planar_rings(points):
    """Turns a ring on the sphere into rings in the plane -180..180 x -90..90.

    Natural Earth's merged land has rings that cross the antimeridian (Chukotka, Fiji,
    Wrangel Island) and one, Antarctica, that goes round the South Pole. Drawn as they are,
    their edges jump across the whole map and the even-odd fill turns inside out in bands.
    Here a ring is unwrapped to continuous longitudes; one that goes round a pole is closed
    along that pole; then it is cut into the 360-degree windows it covers, each moved back
    into -180..180."""
    ring = unwrap(points)
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    # The step that closes the ring goes the short way round too; add it to find how far
    # round the world the ring travels in all.
    closing = (ring[0][0] - ring[-1][0] + 180) % 360 - 180
    end = ring[-1][0] + closing
    if abs(end - ring[0][0]) > 180:
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        ring = ring + [(end, ring[0][1]), (end, pole), (ring[0][0], pole)]
    lo = min(lon for lon, _ in ring)
    hi = max(lon for lon, _ in ring)
    out = []
    window = -180 - 360 * math.ceil((-180 - lo) / 360) if lo < -180 else -180
    while window < hi:
        piece = clip(ring, window, window + 360)
        if len(piece) >= 3:
            moved = [(lon - window - 180, lat) for lon, lat in piece]
            out.append(moved + [moved[0]])
        window += 360
    return out


def quantize(points):
    out = []
    for lon, lat in points:
        q = (
            max(-32767, min(32767, round(lon / 180 * 32767))),
            max(-32767, min(32767, round(lat / 90 * 32767))),
        )
        if not out or out[-1] != q:
            out.append(q)
    return out


def main():
    source, target = sys.argv[1], sys.argv[2]
    topo = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topo)
    objects = topo["objects"]

    def polylines(object_name, rings, min_points):
        out = []
        for geometry in objects[object_name]["geometries"]:
            parts = rings_of(geometry) if rings else lines_of(geometry)
            for part in parts:
                if rings:
                    pieces = planar_rings(simplify(unwrap(join(arcs, part)), TOLERANCE_DEG))
                else:
                    pieces = [simplify(join(arcs, part), TOLERANCE_DEG)]
                for piece in pieces:
                    pts = quantize(piece)
                    if len(pts) >= min_points:
                        out.append(pts)
        return out

    # Borders: arcs shared by two different countries.
    users = {}
    for n, geometry in enumerate(objects["countries"]["geometries"]):
        for ring in rings_of(geometry):
            for i in ring:
                users.setdefault(i if i >= 0 else ~i, set()).add(n)
    borders = []
    for index in sorted(users):
        if len(users[index]) >= 2:
            pts = quantize(simplify(arcs[index], TOLERANCE_DEG))
            if len(pts) >= 2:
                borders.append(pts)

    # First-level borders: arcs shared by two states or provinces of one country that are
    # no country border.
    unit_users = {}
    for geometry in objects["subunits"]["geometries"]:
        for ring in rings_of(geometry):
            for i in ring:
                unit_users.setdefault(i if i >= 0 else ~i, []).append(geometry["properties"]["gu"])
    country_borders = {index for index in users if len(users[index]) >= 2}
    admin1 = []
    for index in sorted(unit_users):
        owners = unit_users[index]
        if len(owners) >= 2 and len(set(owners)) == 1 and index not in country_borders:
            pts = quantize(simplify(arcs[index], TOLERANCE_DEG))
            if len(pts) >= 2:
                admin1.append(pts)

    layers = [
        (0, polylines("land", True, 4)),
        (1, polylines("lakes", True, 4)),
        (2, polylines("coastlines", False, 2)),
        (3, borders),
        (4, polylines("rivers", False, 2)),
        (5, admin1),
    ]
    blob = bytearray(b"ITBM")
    blob += struct.pack("<BB", 1, len(layers))
    total = 0
    for kind, lines in layers:
        blob += struct.pack("<BI", kind, len(lines))
        for pts in lines:
            blob += struct.pack("<I", len(pts))
            for x, y in pts:
                blob += struct.pack("<hh", x, y)
            total += len(pts)
    with open(target, "wb") as f:
        f.write(gzip.compress(bytes(blob), 9, mtime=0))
    print(f"{target}: {total} points, {len(blob)} bytes raw", file=sys.stderr)


if __name__ == "__main__":
    main()
