"""Which county a RAP sheet's court agency is in (rap-sheet.md §4 point 12).

A court event's head line names the agency as DOJ prints it: a four-letter prefix (`CASC`
superior court, `CAMC` municipal, `CAJC` justice, `CAJV` juvenile, `US..` federal) and a
place, `CASC LOS ANGELES`, `CAMC OAKLAND`, `CASC SAN FRANCISCO CO`. Phone text recognition
splits words (`CAMC OAKLAN D`, `CASC SUNNYVAL E`), so places are compared with every space
removed. The table is written fresh from public lists of California's 58 counties and the
cities where their courthouses sit (county seats and branch courts); an unknown place gives
no county, and the worker chooses it.
"""

from __future__ import annotations

# The 58 counties (Gov. Code 23100 ff.), as the web app writes them.
COUNTIES = (
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte",
    "El Dorado", "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake",
    "Lassen", "Los Angeles", "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc",
    "Mono", "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas", "Riverside",
    "Sacramento", "San Benito", "San Bernardino", "San Diego", "San Francisco", "San Joaquin",
    "San Luis Obispo", "San Mateo", "Santa Barbara", "Santa Clara", "Santa Cruz", "Shasta",
    "Sierra", "Siskiyou", "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama", "Trinity",
    "Tulare", "Tuolumne", "Ventura", "Yolo", "Yuba",
)

# Courthouse towns -> county. County seats and branch-court cities from the Judicial Council's
# public court locator; a town that is also a county name is covered by COUNTIES.
_TOWNS: dict[str, tuple[str, ...]] = {
    "Alameda": ("Oakland", "Hayward", "Fremont", "Berkeley", "Pleasanton", "Dublin", "Livermore",
                "San Leandro", "Albany", "Emeryville", "Union City", "Newark"),
    "Alpine": ("Markleeville",),
    "Amador": ("Jackson", "Sutter Creek"),
    "Butte": ("Oroville", "Chico", "Paradise", "Gridley"),
    "Calaveras": ("San Andreas",),
    "Colusa": ("Williams",),
    "Contra Costa": ("Martinez", "Richmond", "Walnut Creek", "Pittsburg", "Concord",
                     "Antioch", "Danville", "El Cerrito", "Mount Diablo", "Bay"),
    "Del Norte": ("Crescent City",),
    "El Dorado": ("Placerville", "South Lake Tahoe", "Cameron Park"),
    "Fresno": ("Clovis", "Selma", "Reedley", "Sanger", "Coalinga", "Kerman", "Firebaugh",
               "Fowler", "Kingsburg"),
    "Glenn": ("Willows", "Orland"),
    "Humboldt": ("Eureka", "Arcata", "Fortuna", "Garberville"),
    "Imperial": ("El Centro", "Brawley", "Calexico", "Winterhaven"),
    "Inyo": ("Independence", "Bishop"),
    "Kern": ("Bakersfield", "Delano", "Shafter", "Lamont", "Mojave", "Ridgecrest", "Taft",
             "Lake Isabella", "Arvin"),
    "Kings": ("Hanford", "Lemoore", "Corcoran", "Avenal"),
    "Lake": ("Lakeport", "Clearlake"),
    "Lassen": ("Susanville",),
    "Los Angeles": ("Alhambra", "Bellflower", "Beverly Hills", "Burbank", "Chatsworth", "Compton",
                    "Culver City", "Downey", "East Los Angeles", "El Monte", "Glendale",
                    "Inglewood", "Lancaster", "Long Beach", "Malibu", "Norwalk", "Palmdale",
                    "Pasadena", "Pomona", "Redondo Beach", "San Fernando", "San Pedro",
                    "Santa Monica", "Torrance", "Van Nuys", "West Covina", "Whittier",
                    "Airport", "Antelope Valley", "Citrus", "Rio Hondo", "Santa Clarita",
                    "Newhall", "Hollywood", "Metropolitan", "Hollywood", "West Los Angeles",
                    "Huntington Park", "South Gate", "Catalina", "Avalon", "Monrovia",
                    "Pomona South", "Santa Anita", "Alhambra", "Beverly Hills", "Lynwood"),
    "Madera": ("Chowchilla", "Oakhurst"),
    "Marin": ("San Rafael",),
    "Mariposa": (),
    "Mendocino": ("Ukiah", "Fort Bragg", "Willits", "Point Arena"),
    "Merced": ("Los Banos", "Atwater", "Dos Palos", "Livingston"),
    "Modoc": ("Alturas",),
    "Mono": ("Bridgeport", "Mammoth Lakes"),
    "Monterey": ("Salinas", "Marina", "King City", "Seaside"),
    "Napa": (),
    "Nevada": ("Nevada City", "Truckee", "Grass Valley"),
    "Orange": ("Santa Ana", "Fullerton", "Westminster", "Newport Beach", "Laguna Hills",
               "Laguna Niguel", "North Justice", "West Justice", "Harbor Justice", "Central Justice",
               "Lamoreaux Justice", "Anaheim", "Irvine", "Huntington Beach"),
    "Placer": ("Auburn", "Roseville", "Lincoln", "Tahoe City", "Colfax"),
    "Plumas": ("Quincy", "Chester", "Portola", "Greenville"),
    "Riverside": ("Indio", "Banning", "Blythe", "Hemet", "Murrieta", "Moreno Valley", "Temecula",
                  "Palm Springs", "Corona", "Perris"),
    "Sacramento": ("Elk Grove", "Galt", "Carmichael"),
    "San Benito": ("Hollister",),
    "San Bernardino": ("Barstow", "Big Bear Lake", "Chino", "Fontana", "Joshua Tree", "Needles",
                       "Rancho Cucamonga", "Redlands", "Victorville", "Ontario", "Twentynine Palms",
                       "Upland"),
    "San Diego": ("Chula Vista", "El Cajon", "Vista", "Escondido", "Ramona", "Oceanside",
                  "San Marcos", "Kearny Mesa", "South Bay", "North County", "East County"),
    "San Francisco": (),
    "San Joaquin": ("Stockton", "Lodi", "Manteca", "Tracy"),
    "San Luis Obispo": ("Paso Robles", "Grover Beach", "Atascadero", "Arroyo Grande"),
    "San Mateo": ("Redwood City", "South San Francisco", "Half Moon Bay", "Daly City",
                  "Belmont"),
    "Santa Barbara": ("Santa Maria", "Lompoc", "Solvang"),
    "Santa Clara": ("San Jose", "Palo Alto", "Sunnyvale", "Morgan Hill", "Santa Clara",
                    "Los Gatos", "Gilroy", "Mountain View", "San Martin"),
    "Santa Cruz": ("Watsonville", "Capitola"),
    "Shasta": ("Redding", "Burney", "Anderson"),
    "Sierra": ("Downieville", "Loyalton"),
    "Siskiyou": ("Yreka", "Weed", "Dorris", "Happy Camp"),
    "Solano": ("Fairfield", "Vallejo", "Vacaville", "Benicia"),
    "Sonoma": ("Santa Rosa", "Petaluma", "Healdsburg", "Sonoma"),
    "Stanislaus": ("Modesto", "Turlock", "Ceres", "Oakdale"),
    "Sutter": ("Yuba City",),
    "Tehama": ("Red Bluff", "Corning"),
    "Trinity": ("Weaverville", "Hayfork"),
    "Tulare": ("Visalia", "Porterville", "Dinuba", "Tulare"),
    "Tuolumne": ("Sonora",),
    "Ventura": ("Oxnard", "Simi Valley", "Thousand Oaks", "East Ventura"),
    "Yolo": ("Woodland", "Davis", "West Sacramento"),
    "Yuba": ("Marysville",),
}


def _squash(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalpha())


PLACES: dict[str, str] = {_squash(name): name for name in COUNTIES}
for _county, _towns in _TOWNS.items():
    for _town in _towns:
        PLACES.setdefault(_squash(_town), _county)

# Words DOJ adds after the place, and the old municipal-court prefix `MC` glued to it
# (`CASC MCHAYWAR D`), all dropped before the lookup.
_TRAILING = ("COUNTY", "CO", "SUPERIORCOURT", "SUPCT", "MUNICIPALCOURT", "MUNCT", "JUSTICECOURT")
_LEADING = ("MC", "SC", "JC")


def county_of(place: str) -> str | None:
    """`SAN FRANCISCO CO` -> `San Francisco`; `OAKLAN D` -> `Alameda`; None when unknown."""
    squashed = _squash(place)[:60]
    candidates = [squashed]
    for ending in _TRAILING:
        if squashed.endswith(ending) and len(squashed) > len(ending):
            candidates.append(squashed[: -len(ending)])
    for candidate in list(candidates):
        for beginning in _LEADING:
            if candidate.startswith(beginning):
                candidates.append(candidate[len(beginning):])
    for candidate in candidates:
        if candidate in PLACES:
            return PLACES[candidate]
    return None
