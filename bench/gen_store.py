"""Fill a store with synthetic data for benchmarks: 1 million events by default, plus articles,
statements, speakers, actors and places, generated inside DuckDB in bulk (no row-by-row inserts).

    .venv/bin/python bench/gen_store.py --db /tmp/bench.duckdb [--events 1000000] [--articles 100000]

The values are made up (codes, names and words drawn from small lists by hashing the row number)
but shaped like coded wire stories: ~10 events and ~3 statements per article, a few hundred
actors with skewed frequencies, 5% near-duplicate articles, two years of dates.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wirecoder.store import Store, search  # noqa: E402
from wirecoder.store.connection import write_connection  # noqa: E402

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR", "SYR", "IND", "PAK",
             "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "EGY", "SAU", "LBN", "ARM", "AZE", "GEO", "BLR",
             "POL", "KEN", "ETH", "VEN"]
ROLES = ["GOV", "MIL", "REB", "OPP", "COP", "BUS", "MED", "CVL", "LEG", "JUD"]
CAMEO = ["010", "012", "020", "036", "040", "042", "043", "051", "057", "061", "071", "081", "090", "100",
         "111", "112", "120", "128", "130", "138", "140", "141", "150", "160", "172", "173", "180", "190",
         "193", "195", "200"]
PLOVER = {"01": "DEMAND", "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "AGREE", "06": "COOPERATE",
          "07": "AID", "08": "CONCEDE", "09": "COOPERATE", "10": "DEMAND", "11": "ACCUSE", "12": "REJECT",
          "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
          "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
PLACES = [("Moscow", "RUS", 55.75, 37.62), ("Kyiv", "UKR", 50.45, 30.52), ("Washington", "USA", 38.9, -77.04),
          ("Beijing", "CHN", 39.9, 116.4), ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.4),
          ("London", "GBR", 51.5, -0.13), ("Ankara", "TUR", 39.93, 32.86), ("Tehran", "IRN", 35.69, 51.39),
          ("Damascus", "SYR", 33.51, 36.29), ("Beirut", "LBN", 33.89, 35.5), ("Geneva", "CHE", 46.2, 6.14),
          ("Nairobi", "KEN", -1.29, 36.82), ("Delhi", "IND", 28.61, 77.21), ("Istanbul", "TUR", 41.01, 28.98)]
WORDS = ("ceasefire talks sanctions minister border strike troops agreement accused said statement "
         "government president spokesman negotiations aid convoy shelling plant energy grid protest police "
         "election parliament vote court ruling embassy envoy summit delegation security council resolution "
         "humanitarian corridor prisoners exchange drone missile attack region city officials hopes obligations "
         "fulfilled yesterday week report according sources water dam river trade tariffs exports oil gas "
         "pipeline navy port grain deal investigation journalists visit meeting foreign defence").split()
FIRST = ["Dmitry", "Maria", "Sergei", "Olena", "Antony", "Wang", "Emmanuel", "Olaf", "Rishi", "Recep", "Ali",
         "Benjamin", "Narendra", "Fumio", "Luiz", "Cyril", "Abiy", "William", "Annalena", "Kaja"]
LAST = ["Peskov", "Zakharova", "Lavrov", "Stefanishyna", "Blinken", "Yi", "Macron", "Scholz", "Sunak",
        "Erdogan", "Khamenei", "Netanyahu", "Modi", "Kishida", "Lula", "Ramaphosa", "Ahmed", "Ruto",
        "Baerbock", "Kallas", "Guterres", "Borrell", "Kuleba", "Shoigu", "Wang", "Jaishankar", "Fidan"]


def _list(values) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


def generate(path: str, n_events: int, n_articles: int, statements_per_article: int = 3) -> dict[str, int]:
    if os.path.exists(path):
        os.remove(path)
    Store(path)  # creates the schema
    actors = [c + r for c in COUNTRIES for r in ROLES]
    speakers = [f"{f} {l}" for f in FIRST for l in LAST]
    events_per_article = max(1, n_events // n_articles)
    n_statements = n_articles * statements_per_article
    # h(x, salt): a deterministic pseudo-random 0 <= value < 2^63 for row x.
    macros = f"""
        CREATE OR REPLACE TEMP MACRO h(x, salt) AS (hash(x * 1000003 + salt) % 9223372036854775807)::BIGINT;
        CREATE OR REPLACE TEMP MACRO skew(x, salt, n) AS least(n - 1, floor(n * pow((h(x, salt) % 100000) / 100000.0, 2.5)))::BIGINT;
        CREATE OR REPLACE TEMP MACRO words_of(x, salt, k) AS
            array_to_string(list_transform(range(k), lambda j: ({_list(WORDS)})[1 + (h(x * 131 + j, salt) % {len(WORDS)})]), ' ');
    """
    t0 = time.perf_counter()
    with write_connection(path) as con:
        con.execute("SET preserve_insertion_order = false")
        con.execute(macros)
        con.execute(f"""
            CREATE TEMP TABLE actor_list AS SELECT unnest({_list(actors)}) AS code, generate_subscripts({_list(actors)}, 1) - 1 AS n;
            CREATE TEMP TABLE speaker_list AS SELECT unnest({_list(speakers)}) AS name, generate_subscripts({_list(speakers)}, 1) - 1 AS n;
            CREATE TEMP TABLE cameo_list AS SELECT unnest({_list(CAMEO)}) AS code, generate_subscripts({_list(CAMEO)}, 1) - 1 AS n;
            CREATE TEMP TABLE place_list AS SELECT * FROM (VALUES {", ".join(f"({i}, '{p[0]}', '{p[1]}', {p[2]}, {p[3]})" for i, p in enumerate(PLACES))}) t(n, name, country, lat, lon);
        """)
        con.execute(f"""
            INSERT INTO articles BY NAME
            SELECT 'syn-' || i AS id, md5(i::VARCHAR) AS content_hash, NULL AS input_hash,
                   'Story ' || i || ': ' || words_of(i, 1, 6) AS title,
                   'https://www.site' || (i % 40) || '.example/news/' || i AS url, 'synthetic' AS source,
                   'site' || (i % 40) || '.example' AS site,
                   (DATE '2024-01-01' + (i % 730)::INTEGER)::VARCHAR AS published,
                   DATE '2024-01-01' + (i % 730)::INTEGER AS date, 'Moscow' AS dateline_place,
                   words_of(i, 2, 120) AS text,
                   json_object('id', 'syn-' || i, 'source', 'synthetic', 'text', 'synthetic article ' || i)::VARCHAR AS record,
                   12 AS n_sentences, {statements_per_article} AS n_statements, {events_per_article} AS n_events,
                   CASE WHEN i % 20 = 19 THEN 'syn-' || (i - 1) END AS dup_of,
                   CASE WHEN i % 20 = 19 THEN 0.9 END AS similarity, now()::TIMESTAMP AS ingested_at,
                   (i + 1)::INTEGER AS doc
            FROM range({n_articles}) t(i)
        """)
        con.execute(f"""
            INSERT INTO events BY NAME
            SELECT 'syn-' || a AS article_id, (i % {events_per_article})::INTEGER AS idx,
                   DATE '2024-01-01' + (a % 730)::INTEGER AS date, NULL AS date_text,
                   (s.n + 1)::INTEGER AS source_aid, (t.n + 1)::INTEGER AS target_aid, s.code AS source_key, s.code AS source_text, s.code AS source_code, s.code AS source_name, left(s.code, 3) AS source_country,
                   NULL AS source_sector,
                   t.code AS target_key, t.code AS target_text, t.code AS target_code, t.code AS target_name, left(t.code, 3) AS target_country,
                   NULL AS target_sector,
                   c.code AS cameo, NULL AS cameo_name, left(c.code, 2) AS root,
                   CASE WHEN left(c.code, 2) <= '05' THEN 1 WHEN left(c.code, 2) <= '09' THEN 2
                        WHEN left(c.code, 2) <= '13' THEN 3 ELSE 4 END AS quad, NULL AS penta,
                   {_list(PLOVER.values())}[cast(left(c.code, 2) AS INTEGER)] AS plover, NULL AS mode, NULL AS context,
                   h(i, 7) % 10 = 0 AS negated, 'asserted' AS modality, 'accused' AS trigger,
                   words_of(i, 8, 18) AS sentence, 0 AS start_char, 100 AS end_char,
                   p.name AS place_name, p.country AS place_country, p.lat, p.lon, NULL AS statement,
                   a % 20 = 19 AS is_dup, '{{}}' AS json, (a + 1)::INTEGER AS doc
            FROM (SELECT i, i // {events_per_article} AS a FROM range({n_events}) r(i)) ev
            JOIN actor_list s ON s.n = skew(i, 3, {len(actors)})
            JOIN actor_list t ON t.n = skew(i, 4, {len(actors)})
            JOIN cameo_list c ON c.n = h(i, 5) % {len(CAMEO)}
            JOIN place_list p ON p.n = h(i, 6) % {len(PLACES)}
        """)
        con.execute(f"""
            INSERT INTO statements BY NAME
            SELECT 'syn-' || a AS article_id, (i % {statements_per_article})::INTEGER AS idx,
                   DATE '2024-01-01' + (a % 730)::INTEGER AS date,
                   sp.name AS speaker, lower(sp.name) AS speaker_key, NULL AS speaker_code, 'spokesperson' AS speaker_role,
                   NULL AS speaker_org, CASE WHEN i % 3 = 0 THEN 'direct' ELSE 'indirect' END AS kind, 'speech' AS type,
                   h(i, 11) % 10 = 0 AS negated, 'said' AS cue, words_of(i, 12, 15) AS content, content AS content_lc,
                   words_of(i, 13, 22) AS sentence, 0 AS start_char, 100 AS end_char, a % 20 = 19 AS is_dup, '{{}}' AS json,
                   (i + 1)::INTEGER AS sid, (a + 1)::INTEGER AS doc
            FROM (SELECT i, i // {statements_per_article} AS a FROM range({n_statements}) r(i)) st
            JOIN speaker_list sp ON sp.n = skew(i, 10, {len(speakers)})
        """)
        con.execute("""
            INSERT INTO speakers BY NAME
            SELECT article_id, speaker AS name, speaker_key AS name_key, any_value(speaker_role) AS role, NULL AS org,
                   NULL AS code, count(*)::INTEGER AS n_statements, count(*)::INTEGER AS n_mentions
            FROM statements GROUP BY article_id, speaker, speaker_key
        """)
        con.execute("""
            INSERT INTO actors BY NAME
            SELECT *, row_number() OVER (PARTITION BY article_id, actor_key ORDER BY event_idx, role DESC) = 1
                   AS first_in_article
            FROM (
                SELECT article_id, idx AS event_idx, 'source' AS role, source_code AS actor_key, source_text AS text,
                       source_code AS code, source_name AS name, source_country AS country, NULL AS sector, is_dup
                FROM events
                UNION ALL
                SELECT article_id, idx, 'target', target_code, target_text, target_code, target_name, target_country,
                       NULL, is_dup FROM events)
        """)
        con.execute("""
            INSERT INTO actor_names SELECT (n + 1)::INTEGER, code, code, code, left(code, 3), NULL FROM actor_list
        """)
        con.execute("""
            INSERT INTO places BY NAME
            SELECT article_id, idx, place_name AS text, place_name AS name, place_country AS country, 'city' AS kind,
                   lat, lon, 0 AS start_char, 10 AS end_char FROM events WHERE idx = 0
        """)
        search.index_rows(con, 1, 1)  # the word index, as ingest builds it
    counts = Store(path, read_only=True).counts()
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    counts["mb"] = round(os.path.getsize(path) / 1e6, 1)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/wirecoder-bench.duckdb")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=100_000)
    args = ap.parse_args()
    counts = generate(args.db, args.events, args.articles)
    print(f"{args.db}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
