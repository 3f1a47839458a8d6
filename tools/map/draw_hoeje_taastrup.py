"""Draws assets/map/hoeje-taastrup.geojson: Høje-Taastrup's areas, railway, stations and motorway.

The map is drawn by the By i balance project, by hand, from researched positions (station
coordinates from Wikipedia; towns, estates and the motorway estimated from descriptions in Trap
Danmark, the municipality's and the housing associations' pages). It is schematic: relative
positions are true to a few hundred metres, the outlines are estimates, not surveyed boundaries.
The municipal boundary is a hand simplification (about 20 points, rounded to 0.001°).

Each district is drawn as one outline; an estate is drawn inside its district, and the rest of the
district is the district less the estate. Landsbyerne (the villages) is the municipality less
every other area. Needs shapely (pip install shapely). Run from the repository root:

    python3 tools/map/draw_hoeje_taastrup.py
"""

import json

from shapely.geometry import LineString, MultiPolygon, Polygon, mapping
from shapely.ops import unary_union

# The municipality, simplified by hand (lon, lat).
BOUNDARY = Polygon([
    (12.167, 55.634), (12.157, 55.634), (12.158, 55.653), (12.163, 55.658), (12.158, 55.666),
    (12.151, 55.671), (12.169, 55.682), (12.186, 55.688), (12.212, 55.687), (12.251, 55.708),
    (12.289, 55.699), (12.311, 55.694), (12.322, 55.680), (12.322, 55.660), (12.340, 55.647),
    (12.347, 55.638), (12.289, 55.636), (12.246, 55.633), (12.213, 55.635), (12.209, 55.618),
    (12.210, 55.605), (12.160, 55.613),
])

# The Copenhagen–Roskilde line; west of Høje Taastrup practically due east–west.
RAILWAY = [(12.150, 55.6490), (12.1975, 55.6486), (12.2300, 55.6486), (12.2697, 55.6487),
           (12.2860, 55.6505), (12.3019, 55.6525), (12.3220, 55.6541), (12.3360, 55.6553)]
STATIONS = [("Hedehusene", (12.1975, 55.6486)), ("Høje Taastrup", (12.2697, 55.6487)),
            ("Taastrup", (12.3019, 55.6525))]
# Holbækmotorvejen: between Hedehusene and Fløng, north of Høje Taastrup and Taastrup, then
# with Motorring 4 south along the eastern edge (positions estimated, ±500 m).
MOTORWAY = [(12.150, 55.6535), (12.160, 55.6540), (12.185, 55.6560), (12.215, 55.6600),
            (12.245, 55.6640), (12.276, 55.6670), (12.300, 55.6700), (12.318, 55.6710),
            (12.318, 55.6630), (12.322, 55.6540), (12.335, 55.6450), (12.352, 55.6350)]
PLACES = [("Sengeløse", (12.262, 55.683)), ("Vridsløsemagle", (12.300, 55.686)),
          ("Reerslev", (12.218, 55.625)), ("Fløng", (12.1844, 55.6625)), ("Marbjerg", (12.170, 55.668))]

DISTRICTS = {
    # North of the railway from the western boundary to the postcode line at about 12.24° E;
    # Fløng north of the motorway.
    "hedehusene-floeng": [(12.150, 55.6490), (12.1975, 55.6486), (12.2400, 55.6486), (12.2400, 55.6625),
                          (12.2150, 55.6627), (12.1950, 55.6645), (12.1750, 55.6655), (12.150, 55.6660)],
    # South of the railway in Hedehusene, west of Nærheden (Charlotteager's quarter).
    "hartmanns": [(12.1720, 55.6489), (12.1975, 55.6486), (12.2025, 55.6486), (12.2025, 55.6392),
                  (12.1860, 55.6385), (12.1720, 55.6400)],
    # Directly south of Hedehusene station: the railway to the north, fields to the south and east.
    "naerheden": [(12.2025, 55.6486), (12.2235, 55.6486), (12.2235, 55.6428), (12.2180, 55.6405),
                  (12.2025, 55.6392)],
    # North of Høje Taastrup station, between the railway and the motorway (Gadehavekvarteret).
    "gregersens": [(12.2400, 55.6486), (12.2697, 55.6487), (12.2835, 55.6502), (12.2835, 55.6680),
                   (12.2760, 55.6670), (12.2450, 55.6640), (12.2400, 55.6625)],
    # South of the railway from Høje Taastrup station towards City2.
    "hoeje-taastrup-c": [(12.2640, 55.6487), (12.2697, 55.6487), (12.2835, 55.6502), (12.2855, 55.6503),
                         (12.2855, 55.6450), (12.2640, 55.6445)],
    # North of the railway west of Taastrup station, up to the motorway (Taastrupgaard's quarter).
    "kjeld-abells": [(12.2835, 55.6502), (12.2860, 55.6505), (12.3019, 55.6525), (12.3030, 55.6526),
                     (12.3030, 55.6702), (12.2835, 55.6680)],
}
# Taastrup: the town south of the railway (with Torstorp and Taastrup Valby) and north-east of
# the station (Taastrup Have, Klovtofte) up to the motorway and the eastern boundary.
TAASTRUP = unary_union([
    Polygon([(12.2550, 55.6487), (12.2640, 55.6487), (12.2640, 55.6445), (12.2855, 55.6450),
             (12.2855, 55.6503), (12.3019, 55.6525), (12.3220, 55.6541), (12.3400, 55.6553),
             (12.3500, 55.6360), (12.2550, 55.6300)]),
    Polygon([(12.3030, 55.6526), (12.3220, 55.6541), (12.3300, 55.6545), (12.3300, 55.6712),
             (12.3180, 55.6710), (12.3030, 55.6702)]),
])

ESTATES = {
    # Taastrupgaard: north of the railway, west of Taastrup Have (Taastrupgårdsvej 28 at
    # 55.6556 N, 12.2880 E).
    "taastrupgaard": ("kjeld-abells", [(12.2870, 55.6540), (12.2990, 55.6540), (12.2990, 55.6571),
                                        (12.2935, 55.6571), (12.2935, 55.6578), (12.2870, 55.6578)]),
    # Gadehavegaard: north of Høje Taastrup station, between the railway and Roskildevej.
    "gadehavegaard": ("gregersens", [(12.2612, 55.6518), (12.2705, 55.6518), (12.2705, 55.6552),
                                      (12.2612, 55.6552)]),
    # Charlotteager: south of the railway in Hedehusene, west of Nærheden.
    "charlotteager": ("hartmanns", [(12.1935, 55.6410), (12.2020, 55.6410), (12.2020, 55.6452),
                                     (12.1935, 55.6452)]),
}
REST = {"kjeld-abells": "kjeld-abells-oevrige", "gregersens": "gregersens-oevrige",
        "hartmanns": "hartmanns-oevrige"}
NAMES = {
    "taastrupgaard": "Taastrupgaard", "kjeld-abells-oevrige": "Kjeld Abells kvarter, øvrige",
    "gadehavegaard": "Gadehavegaard", "gregersens-oevrige": "Gregersens kvarter, øvrige",
    "charlotteager": "Charlotteager", "hartmanns-oevrige": "Hartmanns kvarter, øvrige",
    "naerheden": "Nærheden", "hoeje-taastrup-c": "Høje-Taastrup C", "taastrup-oevrige": "Taastrup, øvrige",
    "hedehusene-floeng": "Hedehusene og Fløng", "landsbyerne": "Landsbyerne",
}


def rounded(geometry):
    """GeoJSON coordinates rounded to 0.0001° (about 10 m)."""
    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(value[0], 4), round(value[1], 4)]
        return [walk(v) for v in value]
    g = mapping(geometry)
    return {"type": g["type"], "coordinates": walk(g["coordinates"])}


def without_slivers(shape, smallest=2e-6):
    """The shape without parts or holes smaller than `smallest` square degrees (about 1.4 ha):
    gaps left where hand-drawn edges almost meet."""
    parts = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    kept = [Polygon(p.exterior, [h for h in p.interiors if Polygon(h).area >= smallest])
            for p in parts if p.area >= smallest]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


def main():
    areas = {}
    for district, ring in DISTRICTS.items():
        outline = Polygon(ring).intersection(BOUNDARY)
        estate = next((e for e, (d, _) in ESTATES.items() if d == district), None)
        if estate:
            estate_shape = Polygon(ESTATES[estate][1])
            areas[estate] = estate_shape
            areas[REST[district]] = outline.difference(estate_shape)
        else:
            areas[district] = outline
    areas["taastrup-oevrige"] = TAASTRUP.intersection(BOUNDARY).difference(unary_union(list(areas.values())))
    areas["landsbyerne"] = without_slivers(BOUNDARY.difference(unary_union(list(areas.values()))))
    features = []
    for area_id, shape in areas.items():
        shape = shape.buffer(0)
        features.append({"type": "Feature", "properties": {"id": area_id, "name": NAMES[area_id]},
                         "geometry": rounded(shape)})
    landmarks = [("boundary", "Høje-Taastrup Kommune", Polygon(BOUNDARY.exterior.coords)),
                 ("railway", "København–Roskilde", LineString(RAILWAY)),
                 ("motorway", "Holbækmotorvejen", LineString(MOTORWAY))]
    for kind, name, geometry in landmarks:
        features.append({"type": "Feature", "properties": {"kind": kind, "name": name}, "geometry": rounded(geometry)})
    for kind, points in (("station", STATIONS), ("place", PLACES)):
        for name, (lon, lat) in points:
            features.append({"type": "Feature", "properties": {"kind": kind, "name": name},
                             "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    collection = {"type": "FeatureCollection",
                  "name": "Høje-Taastrup: schematic map drawn by the By i balance project (not to scale)",
                  "features": features}
    with open("assets/map/hoeje-taastrup.geojson", "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")
    for area_id, shape in areas.items():
        print(f"{area_id:24} {shape.geom_type:13} {shape.area * 111e3 * 63e3 / 1e6:6.2f} km²")


if __name__ == "__main__":
    main()
