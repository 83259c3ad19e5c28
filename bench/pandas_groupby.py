"""pandas read_csv + group-by for the indicators of every node: the reference
for kompetent's breakdown (bench_indicators).

    /usr/bin/python3 bench/pandas_groupby.py 'ansatte-*.csv' 'enheter-*.csv' LOCAL_CODES.csv DATA_DIR

The exports and units files may be globs; the municipality of each row is the
number in its file name (ansatte-0301.csv), as the CLI takes it from
--municipality. Computes, for the total, each municipality, sector and unit,
and each of those × category, what workforce_indicators.h
computes: positions, persons, årsverk, mean age, age bands, under 25 / 50+ /
60+, retirements in each of the next ten years, part-time and small positions,
mean position size, unskilled, relevant and further education, 50+ among the
further-educated, and the gender shares. Person-level figures count distinct
employee ids within the group, as kompetent does. One simplification: a
person's retirement age is that of their first record in the group, where
kompetent takes their largest record (it differs only for persons with two
positions in two categories of one group).

Prints the seconds of read_csv, of the preparation (joins, derived columns),
of the group-by of the tree nodes (total, municipality, sector, unit) and of
all groupings (also × category), and the number of groups, as JSON.
"""
import glob
import json
import re
import sys
import time

import numpy as np
import pandas as pd

SNAPSHOT_YEAR = 2025


def indicators(frame: pd.DataFrame, keys: list) -> pd.DataFrame:
    person_keys = keys + ["Ansattnummer"]
    persons = frame.groupby(person_keys, sort=False, observed=True).agg(
        percent=("Stillingsprosent", "sum"), age=("age", "first"), gender=("Kjønn", "first"),
        education=("Utdanningsnivå", "first"), relevant=("relevant", "max"),
        further=("further", "max"), retirement_year=("retirement_year", "first"),
    )
    persons["part_time"] = persons["percent"] < 100
    persons["small"] = persons["percent"] < 50
    persons["under_25"] = persons["age"] < 25
    persons["aged_50"] = persons["age"] >= 50
    persons["aged_60"] = persons["age"] >= 60
    persons["band"] = np.clip(persons["age"] // 5 - 3, 0, 11)
    persons["female"] = persons["gender"] == "K"
    persons["male"] = persons["gender"] == "M"
    persons["known_education"] = persons["education"].notna()
    persons["unskilled"] = persons["education"] == "Ufaglært"
    persons["further_50"] = persons["further"] & persons["aged_50"]
    offset = np.maximum(persons["retirement_year"] - (SNAPSHOT_YEAR + 1), 0)
    persons["retirement_offset"] = offset.where(offset < 10)
    persons["retiring_percent"] = persons["percent"].where(offset < 10, 0)
    grouped = persons.groupby(keys, sort=True, observed=True)
    result = grouped.agg(
        persons=("percent", "size"), fte=("percent", "sum"), average_age=("age", "mean"),
        under_25=("under_25", "sum"), aged_50_plus=("aged_50", "sum"), aged_60_plus=("aged_60", "sum"),
        part_time=("part_time", "sum"), small=("small", "sum"), average_percent=("percent", "mean"),
        known_education=("known_education", "sum"), unskilled=("unskilled", "sum"),
        relevant=("relevant", "sum"), further=("further", "sum"), further_50=("further_50", "sum"),
        female=("female", "sum"), male=("male", "sum"), retiring_percent=("retiring_percent", "sum"),
    )
    bands = persons.groupby(keys + ["band"], observed=True).size().unstack(fill_value=0)
    retirements = persons.dropna(subset=["retirement_offset"]).groupby(
        keys + ["retirement_offset"], observed=True).size().unstack(fill_value=0)
    result["positions"] = frame.groupby(keys, observed=True).size()
    return result.join(bands, rsuffix="_band").join(retirements, rsuffix="_retire")


def municipality_of(path: str) -> str:
    return re.search(r"(\d{4})\.csv$", path).group(1)


def main() -> None:
    export_glob, units_glob, codes_file, data_dir = sys.argv[1:5]
    started = time.perf_counter()
    frames = []
    for path in sorted(glob.glob(export_glob)):
        part = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig",
                           dtype={"Ansattnummer": str, "Arbeidsforhold": str, "Stillingskode": str})
        part["municipality"] = municipality_of(path)
        frames.append(part)
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    read_done = time.perf_counter()

    unit_frames = []
    for path in sorted(glob.glob(units_glob)):
        part = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
        part["municipality"] = municipality_of(path)
        unit_frames.append(part)
    units = pd.concat(unit_frames, ignore_index=True)
    codes = pd.concat([pd.read_csv(f"{data_dir}/position_codes.csv", sep=";", dtype=str),
                       pd.read_csv(codes_file, sep=";", dtype=str)])
    categories = pd.read_csv(f"{data_dir}/position_categories.csv", sep=";")
    frame["all"] = 0  # the total is the group of everyone
    frame = frame.merge(units[["municipality", "Enhetskode", "Sektorkode"]],
                        left_on=["municipality", "Enhet"], right_on=["municipality", "Enhetskode"],
                        how="left")
    frame["Sektorkode"] = frame["Sektorkode"].fillna("?")
    frame = frame.merge(codes[["stillingskode", "kategori"]], left_on="Stillingskode",
                        right_on="stillingskode", how="left")
    frame = frame.merge(categories[["kategori", "pensjonsalder"]], on="kategori", how="left")
    frame["age"] = SNAPSHOT_YEAR - frame["Fødselsår"]
    frame["retirement_year"] = frame["Fødselsår"] + frame["pensjonsalder"].fillna(67).astype(int)
    frame["relevant"] = frame["Relevant utdanning"] == "Ja"
    frame["further"] = frame["Videreutdanning studiepoeng"] > 0
    prepared = time.perf_counter()

    groups = 0
    for keys in (["all"], ["municipality"], ["municipality", "Sektorkode"],
                 ["municipality", "Sektorkode", "Enhet"]):
        groups += len(indicators(frame, keys))
    nodes_done = time.perf_counter()
    node_groups = groups
    for keys in (["municipality", "kategori"], ["municipality", "Sektorkode", "kategori"],
                 ["municipality", "Sektorkode", "Enhet", "kategori"]):
        groups += len(indicators(frame, keys))
    finished = time.perf_counter()
    print(json.dumps({"tool": "pandas " + pd.__version__, "rows": len(frame),
                      "node_groups": node_groups, "groups": groups,
                      "read_seconds": read_done - started, "prepare_seconds": prepared - read_done,
                      "nodes_seconds": nodes_done - prepared, "all_seconds": finished - prepared,
                      "total_seconds": finished - started}))


if __name__ == "__main__":
    main()
