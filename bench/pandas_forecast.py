"""The workforce forecast's cohort model in pandas/NumPy: the reference for bench_forecast, and
an independent second implementation of docs/forecast.md ("The model") to check it against.

    /usr/bin/python3 bench/pandas_forecast.py bench/out/forecast

Reads what bench_forecast exported into that folder: the cohorts of every municipality
(cohorts.csv: persons and contracted FTE per category, service and birth year), the population
series under each alternative (population.csv, one row per municipality and year, one column
per age), the services' age-band weights, the exit curves, the recruit age profile and the
eight scenarios (scenarios.json). Then runs every scenario for every municipality to the
horizon, vectorised over all municipalities' groups and birth-year cohorts at once: one
(group × birth year) matrix of persons and one of FTE, stepped year by year. Finally compares
each municipality's yearly totals with the C++ figures (cpp_totals.csv).

Prints JSON: the seconds of reading the CSV files, of the preparation (cohort matrices,
population by service) and of the forecasts (wall and CPU time), and per scenario the largest relative difference
from C++. Exits 1 when a difference exceeds 1e-6 (relative, beside an absolute 1e-9 for
figures near zero).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

OLDEST_AGE = 105
TOLERANCE = 1e-6
COMPARED = ["demand_fte", "supply_fte", "need_fte", "need_persons", "staff_persons", "local_recruits"]


def year_path(start, end, to_year, year, base_year):
    """A value moving in a straight line from `start` in the base year to `end` in to_year."""
    if year >= to_year or to_year <= base_year:
        return end * np.ones_like(start) if isinstance(start, np.ndarray) else end
    if year <= base_year:
        return start
    return start + (end - start) * ((year - base_year) / (to_year - base_year))


def shifted_rates(curves: np.ndarray, ages: np.ndarray, shift: float) -> np.ndarray:
    """Exit rate per (category, age) with the curve moved `shift` years later, linear between ages."""
    at = np.minimum(ages, OLDEST_AGE) - shift
    below = np.clip(np.floor(at), 0, OLDEST_AGE).astype(int)
    above = np.minimum(below + 1, OLDEST_AGE)
    fraction = at - below
    rates = curves[:, below] * (1 - fraction) + curves[:, above] * fraction
    rates = np.where(fraction == 0, curves[:, below], rates)
    rates = np.where(at <= 0, curves[:, [0]], rates)
    return np.where(at >= OLDEST_AGE, curves[:, [OLDEST_AGE]], rates)


def read(folder: str) -> dict:
    cohorts = pd.read_csv(f"{folder}/cohorts.csv", sep=";", dtype={"municipality": str})
    population = pd.read_csv(f"{folder}/population.csv", sep=";", dtype={"municipality": str})
    services = pd.read_csv(f"{folder}/services.csv", sep=";")
    curves = pd.read_csv(f"{folder}/exit_curves.csv", sep=";")
    recruits = pd.read_csv(f"{folder}/recruit_ages.csv", sep=";")
    with open(f"{folder}/scenarios.json", encoding="utf-8") as f:
        scenarios = json.load(f)
    return {"cohorts": cohorts, "population": population, "services": services, "curves": curves,
            "recruits": recruits, "scenarios": scenarios}


class Model:
    """Everything that does not depend on the scenario: cohorts as matrices, users per service."""

    def __init__(self, data: dict):
        cohorts = data["cohorts"]
        self.to_year = data["scenarios"][0]["to_year"]
        base_years = cohorts["base_year"].unique()
        assert len(base_years) == 1, "one base year for every municipality"
        self.base_year = int(base_years[0])
        self.municipalities = np.sort(cohorts["municipality"].unique())
        self.service_keys = list(dict.fromkeys(data["services"]["service"]))
        self.category_keys = list(data["curves"]["category"])
        self.curves = data["curves"].drop(columns="category").to_numpy()

        # Base groups (municipality, category, service) with their base FTE and persons.
        groups = cohorts.groupby(["municipality", "category", "service"], sort=True).agg(
            base_fte=("fte", "sum"), base_persons=("persons", "sum")).reset_index()
        self.base_groups = groups
        self.first_birth_year = min(self.base_year + 1 - OLDEST_AGE, int(cohorts["birth_year"].min()))
        self.width = self.to_year - self.first_birth_year + 1
        cohorts = cohorts.merge(groups[["municipality", "category", "service"]].reset_index(),
                                on=["municipality", "category", "service"])
        self.cohort_rows = cohorts["index"].to_numpy()
        self.cohort_columns = (cohorts["birth_year"] - self.first_birth_year).to_numpy()
        self.cohort_persons = cohorts["persons"].to_numpy()
        self.cohort_fte = cohorts["fte"].to_numpy()

        # Weighted users per municipality, service and year: persons by age @ weights by age.
        weights = np.zeros((OLDEST_AGE + 1, len(self.service_keys)))
        for band in data["services"].itertuples():
            weights[band.from_age:band.to_age + 1, self.service_keys.index(band.service)] = band.weight
        population = data["population"]
        self.users = {}
        self.population = {}
        age_columns = [f"a{age}" for age in range(OLDEST_AGE + 1)]
        for alternative, rows in population.groupby("alternative"):
            rows = rows.set_index(["municipality", "year"]).sort_index()
            first_year = int(rows.index.get_level_values("year").min())
            years = np.arange(first_year, self.to_year + 1)
            index = pd.MultiIndex.from_product([self.municipalities, years])
            ages = rows.loc[index, age_columns].to_numpy().reshape(len(self.municipalities), len(years), -1)
            self.users[alternative] = (ages @ weights, first_year)  # [municipality, year, service]
            self.population[alternative] = (ages, first_year)

        # Recruits' ages as shares summing to 1, as workforce_forecast.cpp spreads them.
        shares = {}
        for band in data["recruits"].itertuples():
            ages = band.to_age - band.from_age + 1
            for age in range(band.from_age, band.to_age + 1):
                shares[age] = band.weight / ages
        total = sum(shares.values())
        self.recruit_ages = np.array(list(shares.keys()))
        self.recruit_shares = np.array(list(shares.values())) / total

    def groups_of(self, scenario: dict) -> pd.DataFrame:
        """The base groups plus the groups a task shift moves demand into."""
        groups = self.base_groups[["municipality", "category", "service", "base_fte", "base_persons"]]
        for shift in scenario["task_shifts"]:
            sources = self.base_groups[self.base_groups["category"] == shift["from"]]
            if shift["service"]:
                sources = sources[sources["service"] == shift["service"]]
            new = sources[["municipality", "service"]].assign(category=shift["to"], base_fte=0.0, base_persons=0.0)
            groups = pd.concat([groups, new], ignore_index=True).drop_duplicates(
                ["municipality", "category", "service"], keep="first")
        groups = groups.reset_index(drop=True)
        # Average position size: the group's own, else its category's in the municipality, else
        # the municipality's.
        by_category = self.base_groups.groupby(["municipality", "category"])[["base_fte", "base_persons"]].sum()
        by_municipality = self.base_groups.groupby("municipality")[["base_fte", "base_persons"]].sum()
        category_size = (by_category["base_fte"] / by_category["base_persons"]).rename("category_size")
        overall_size = (by_municipality["base_fte"] / by_municipality["base_persons"]).rename("overall_size")
        groups = groups.join(category_size, on=["municipality", "category"]).join(overall_size, on="municipality")
        own = groups["base_fte"] / groups["base_persons"].where(groups["base_persons"] > 0)
        groups["base_size"] = own.fillna(groups["category_size"]).fillna(groups["overall_size"]).fillna(1.0)
        return groups

    def run(self, scenario: dict) -> pd.DataFrame:
        """Every municipality's yearly totals under one scenario."""
        base_year, to_year = self.base_year, self.to_year
        groups = self.groups_of(scenario)
        count = len(groups)
        municipality = np.searchsorted(self.municipalities, groups["municipality"].to_numpy())
        service = np.array([self.service_keys.index(s) for s in groups["service"]])
        category = np.array([self.category_keys.index(c) for c in groups["category"]])

        persons = np.zeros((count, self.width))
        fte = np.zeros((count, self.width))
        # Base groups come first in `groups`, in the order of base_groups.
        np.add.at(persons, (self.cohort_rows, self.cohort_columns), self.cohort_persons)
        np.add.at(fte, (self.cohort_rows, self.cohort_columns), self.cohort_fte)

        sick = scenario["sick_leave"]
        sick_leave_at = lambda year: year_path(sick["from"], sick["to"], sick["to_year"], year, base_year)
        base_demand = groups["base_fte"].to_numpy() * (1 - sick_leave_at(base_year))
        base_size = groups["base_size"].to_numpy()
        turnover = groups["category"].map(scenario["turnover"]["by_key"]).fillna(
            scenario["turnover"]["default"]).to_numpy()
        staffing = groups["service"].map(scenario["staffing_change"]["by_key"]).fillna(
            scenario["staffing_change"]["default"]).to_numpy()

        shifts = []
        for shift in scenario["task_shifts"]:
            source = (groups["category"] == shift["from"]).to_numpy()
            if shift["service"]:
                source &= (groups["service"] == shift["service"]).to_numpy()
            keys = groups[["municipality", "service"]].assign(row=np.arange(count))
            targets = keys[groups["category"] == shift["to"]]
            to_row = keys[source].merge(targets, on=["municipality", "service"], suffixes=("", "_to"))
            shifts.append((to_row["row"].to_numpy(), to_row["row_to"].to_numpy(), shift["share"]))

        ages = np.arange(to_year - self.first_birth_year + 1)
        rates_by_category = shifted_rates(self.curves, ages, scenario["retirement_age_shift"])
        birth_years = np.arange(self.first_birth_year, to_year + 1)

        users, first_year = self.users[scenario["population"]]
        base_users = users[:, max(base_year, first_year) - first_year, :][municipality, service]

        # Only the birth years that can hold anyone are computed: from the oldest cohort still
        # there to the youngest recruit (the model's figures are the same either way).
        low = int(self.cohort_columns.min())
        high = int(self.cohort_columns.max()) + 1
        youngest_recruit = int(self.recruit_ages.min())
        out = []
        for year in range(base_year + 1, to_year + 1):
            sick_leave = sick_leave_at(year)
            at_work = 1 - sick_leave
            phased = year_path(0.0, 1.0, scenario["phase_in_until"], year, base_year)
            productivity = (1 + scenario["productivity_per_year"]) ** -(year - base_year)

            # Demand: the base scaled by the users of the service, then task shifts and levers.
            year_users = users[:, max(year, first_year) - first_year, :][municipality, service]
            factor = np.divide(year_users, base_users, out=np.ones(count), where=base_users > 0)
            demand_scaled = base_demand * factor
            demand = demand_scaled.copy()
            for source, target, share in shifts:
                moved = demand_scaled[source] * share * phased
                np.subtract.at(demand, source, moved)
                np.add.at(demand, target, moved)
            demand *= (1 + staffing * phased) * productivity

            if scenario["position_size"]:
                target = scenario["position_size"]
                size = year_path(base_size, target["to"], target["to_year"], year, base_year)
            else:
                size = base_size

            # Age exits at the age reached this year, then turnover among those who stay.
            high = max(high, year - youngest_recruit - self.first_birth_year + 1)
            window = slice(low, high)
            age = np.clip(year - birth_years[window], 0, None)
            rates = rates_by_category[category[:, None], age[None, :]]
            before = fte[:, window]
            stays = 1 - turnover[:, None]
            kept = before * (1 - rates)
            contracted_before = before.sum(axis=1)
            retired = (before * rates).sum(axis=1)
            quit = (kept * turnover[:, None]).sum(axis=1)
            fte[:, window] = kept * stays
            persons[:, window] *= (1 - rates) * stays
            persons_after = persons[:, window].sum(axis=1)
            raised = np.zeros(count)
            if scenario["position_size"]:
                wanted = persons[:, window] * size[:, None]
                below = fte[:, window] < wanted
                raised = np.where(below, wanted - fte[:, window], 0).sum(axis=1)
                fte[:, window] = np.where(below, wanted, fte[:, window])
            contracted_after = contracted_before - retired - quit + raised
            # The oldest cohorts have all left (their exit rate reached 1).
            while low < high and not persons[:, low].any() and not fte[:, low].any():
                low += 1

            supply = contracted_after * at_work
            need = np.maximum(0, demand - supply)
            need_contracted = need / at_work
            need_persons = np.divide(need_contracted, size, out=np.zeros(count), where=size > 0)
            staff_persons = persons_after + need_persons

            # Recruits join at the year's size, spread over the recruit ages.
            columns = year - self.recruit_ages - self.first_birth_year
            low = min(low, int(columns.min()))
            persons[:, columns] += need_persons[:, None] * self.recruit_shares[None, :]
            fte[:, columns] += need_contracted[:, None] * self.recruit_shares[None, :]

            frame = pd.DataFrame({"municipality": municipality, "demand_fte": demand, "supply_fte": supply,
                                  "need_fte": need, "need_persons": need_persons, "staff_persons": staff_persons})
            totals = frame.groupby("municipality").sum()
            totals["local_recruits"] = totals["need_persons"] * (1 - scenario["outside_recruit_share"])
            totals["year"] = year
            out.append(totals)
        result = pd.concat(out).reset_index()
        result["municipality"] = self.municipalities[result["municipality"]]
        return result


def main() -> None:
    folder = sys.argv[1]
    started = time.perf_counter()
    data = read(folder)
    read_done = time.perf_counter()
    model = Model(data)
    prepared = time.perf_counter()
    cpu_started = time.process_time()
    results = {scenario["name"]: model.run(scenario) for scenario in data["scenarios"]}
    finished = time.perf_counter()
    forecast_cpu = time.process_time() - cpu_started

    cpp = pd.read_csv(f"{folder}/cpp_totals.csv", sep=";", dtype={"municipality": str})
    differences = {}
    ok = True
    for name, result in results.items():
        theirs = cpp[cpp["scenario"] == name].set_index(["municipality", "year"]).sort_index()
        ours = result.set_index(["municipality", "year"]).sort_index()
        if len(theirs) != len(ours) or not theirs.index.equals(ours.index):
            differences[name] = "different municipalities or years"
            ok = False
            continue
        worst = 0.0
        for column in COMPARED:
            a, b = ours[column].to_numpy(), theirs[column].to_numpy()
            gap = np.abs(a - b)
            scale = np.maximum(np.abs(a), np.abs(b))
            worst = max(worst, float(np.max(np.where(scale > 0, gap / np.where(scale > 0, scale, 1), 0))))
            ok &= bool(np.all(gap <= TOLERANCE * scale + 1e-9))
        differences[name] = worst
    print(json.dumps({
        "tool": f"pandas {pd.__version__}, numpy {np.__version__}",
        "municipalities": len(model.municipalities), "scenarios": len(results),
        "groups": len(model.base_groups), "to_year": model.to_year,
        "read_seconds": read_done - started, "prepare_seconds": prepared - read_done,
        "forecast_seconds": finished - prepared, "forecast_cpu_seconds": forecast_cpu,
        "total_seconds": finished - started,
        "agrees_with_cpp": ok, "tolerance": TOLERANCE, "max_relative_difference": differences,
    }, indent=2))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
