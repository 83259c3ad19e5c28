// Names for the schema's types, so pages say `IndicatorTable` rather than the generated path.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type SessionUser = Schemas["SessionUser"];
export type Session = Schemas["Session"];
export type Region = Schemas["Region"];
export type RegionList = Schemas["RegionList"];
export type Municipality = Schemas["Municipality"];
export type MunicipalityList = Schemas["MunicipalityList"];
export type Tree = Schemas["Tree"];
export type Snapshot = Schemas["Snapshot"];
export type SnapshotList = Schemas["SnapshotList"];
export type Share = Schemas["Share"];
export type SuppressibleShare = Schemas["SuppressibleShare"];
export type Turnover = Schemas["Turnover"];
export type GroupKey = Schemas["GroupKey"];
export type IndicatorTable = Schemas["IndicatorTable"];
export type Job = Schemas["Job"];
export type JobEnvelope = Schemas["JobEnvelope"];
export type ImportProblem = Schemas["ImportProblem"];
export type ImportErrorList = Schemas["ImportErrorList"];
export type PositionList = Schemas["PositionList"];
export type PositionRecord = Schemas["PositionRecord"];
export type ErrorBody = Schemas["Error"];
export type Forecast = Schemas["Forecast"];
export type ForecastFigures = Schemas["ForecastFigures"];
export type ForecastGroup = Schemas["ForecastGroup"];
export type ForecastYear = Schemas["ForecastYear"];
export type ForecastCumulative = Schemas["ForecastCumulative"];
export type ForecastLevers = Schemas["ForecastLevers"];
export type ForecastLeverValues = Schemas["ForecastLeverValues"];
export type ForecastLeverRange = Schemas["ForecastLeverRange"];
export type ForecastScenario = Schemas["ForecastScenario"];
export type ForecastScenarioList = Schemas["ForecastScenarioList"];
export type ForecastScenarioInput = Schemas["ForecastScenarioInput"];

/** Persons per band and gender; a withheld band is null. Added to the API in step with the web app. */
export type AgePyramid = Partial<Record<"female" | "male" | "other", Record<string, number | null>>>;
/** Persons per position-size band ("<25", "25-49", "50-74", "75-99", "100+"); null when withheld. */
export type PositionSizeBands = Record<string, number | null>;

/** The indicators of one row, with the fields the server is adding (optional until the spec has them). */
export type Indicators = Schemas["Indicators"] & {
  age_pyramid?: AgePyramid | null;
  position_size_bands?: PositionSizeBands | null;
};

export type IndicatorRow = Omit<Schemas["IndicatorRow"], "indicators"> & { indicators: Indicators | null };

/** A position category; `name_en` is being added to the API. */
export type Category = Schemas["Category"] & { name_en?: string };
export type CategoryList = { categories: Category[] };
