// DuckDB read_csv + GROUP BY for the indicators of every node: the reference
// for kompetent's breakdown (bench_indicators), with the same groups and
// indicators as pandas_groupby.py (see there for the list and the one
// simplification).
//
//   node bench/duckdb_groupby.mjs 'ansatte-*.csv' 'enheter-*.csv' LOCAL_CODES.csv DATA_DIR [RUNS]
//
// The exports and units files may be globs; the municipality of each row is
// the number in its file name (ansatte-0301.csv, enheter-0301.csv), as the CLI
// takes it from --municipality. Measures read_csv into an in-memory table
// once, then the GROUP BY on that table RUNS times (default 10), and prints
// JSON: the read seconds; the best and median seconds of the tree nodes alone
// (total, municipality, sector, unit) and of all groupings (also × category);
// and the number of groups. DuckDB uses every core (2 here); kompetent's
// breakdown uses one.
import { DuckDBInstance } from '@duckdb/node-api';

const [exportFile, unitsFile, codesFile, dataDir, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 10);
const snapshotYear = 2025;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
if (process.env.DUCKDB_THREADS) await db.run(`SET threads = ${Number(process.env.DUCKDB_THREADS)}`);
const municipalityOf = `regexp_extract(filename, '(\\d{4})\\.csv$', 1)`;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const csv = (file, extra = '') =>
  `read_csv('${file}', delim=';', header=true, all_varchar=true${extra})`;

let start = process.hrtime.bigint();
await db.run(`CREATE TABLE export AS SELECT * FROM read_csv('${exportFile}', delim=';', header=true,
  decimal_separator=',', filename=true, types={'Ansattnummer': 'VARCHAR', 'Arbeidsforhold': 'VARCHAR',
  'Stillingskode': 'VARCHAR', 'Stillingsprosent': 'DOUBLE', 'Fødselsår': 'INTEGER',
  'Videreutdanning studiepoeng': 'INTEGER'})`);
const readSeconds = seconds(start);

start = process.hrtime.bigint();
await db.run(`CREATE TABLE units AS SELECT *, ${municipalityOf} AS municipality
  FROM ${csv(unitsFile, ', filename=true')}`);
await db.run(`CREATE TABLE codes AS SELECT stillingskode, kategori FROM ${csv(`${dataDir}/position_codes.csv`)}
  UNION ALL SELECT stillingskode, kategori FROM ${csv(codesFile)}`);
await db.run(`CREATE TABLE categories AS SELECT kategori, CAST(pensjonsalder AS INTEGER) AS pensjonsalder
  FROM ${csv(`${dataDir}/position_categories.csv`)}`);
await db.run(`CREATE TABLE positions AS
  SELECT 0 AS total, ${municipalityOf.replace('filename', 'e.filename')} AS municipality,
         coalesce(u.Sektorkode, '?') AS sector, e.Enhet AS unit,
         c.kategori AS category, e.Ansattnummer AS person, e.Stillingsprosent AS percent,
         ${snapshotYear} - e."Fødselsår" AS age, e."Kjønn" AS gender, e."Utdanningsnivå" AS education,
         e."Relevant utdanning" = 'Ja' AS relevant, e."Videreutdanning studiepoeng" > 0 AS further,
         e."Fødselsår" + coalesce(k.pensjonsalder, 67) AS retirement_year
  FROM export e LEFT JOIN units u
         ON u.Enhetskode = e.Enhet AND u.municipality = ${municipalityOf.replace('filename', 'e.filename')}
       LEFT JOIN codes c ON c.stillingskode = e.Stillingskode
       LEFT JOIN categories k ON k.kategori = c.kategori`);
const prepareSeconds = seconds(start);

// One grouping: persons within the group first, then the group.
function groupQuery(keys) {
  const k = keys.join(', ');
  const retireOffset = `greatest(retirement_year - ${snapshotYear + 1}, 0)`;
  const bands = Array.from({ length: 12 }, (_, i) =>
    `count(*) FILTER (WHERE least(greatest(age // 5 - 3, 0), 11) = ${i}) AS band_${i}`).join(', ');
  const retirements = Array.from({ length: 10 }, (_, i) =>
    `count(*) FILTER (WHERE ${retireOffset} = ${i}) AS retire_${i}`).join(', ');
  return `
    WITH person AS (
      SELECT ${k}, person, count(*) AS positions, sum(percent) AS percent, first(age) AS age,
             first(gender) AS gender, first(education) AS education, bool_or(relevant) AS relevant,
             bool_or(further) AS further, first(retirement_year) AS retirement_year
      FROM positions GROUP BY ${k}, person)
    SELECT ${k}, sum(positions) AS positions, count(*) AS persons, sum(percent) AS fte,
           avg(age) AS average_age, ${bands},
           count(*) FILTER (WHERE age < 25) AS under_25, count(*) FILTER (WHERE age >= 50) AS aged_50_plus,
           count(*) FILTER (WHERE age >= 60) AS aged_60_plus, ${retirements},
           sum(percent) FILTER (WHERE ${retireOffset} < 10) AS retiring_percent,
           count(*) FILTER (WHERE percent < 100) AS part_time, count(*) FILTER (WHERE percent < 50) AS small,
           avg(percent) AS average_percent, count(education) AS known_education,
           count(*) FILTER (WHERE education = 'Ufaglært') AS unskilled,
           count(*) FILTER (WHERE relevant) AS relevant, count(*) FILTER (WHERE further) AS further,
           count(*) FILTER (WHERE further AND age >= 50) AS further_50,
           count(*) FILTER (WHERE gender = 'K') AS female, count(*) FILTER (WHERE gender = 'M') AS male
    FROM person GROUP BY ${k} ORDER BY ${k}`;
}

const groupings = [['total'], ['municipality'], ['municipality', 'sector'],
  ['municipality', 'sector', 'unit'], ['municipality', 'category'],
  ['municipality', 'sector', 'category'], ['municipality', 'sector', 'unit', 'category']];
const query = groupings.map(groupQuery);

const nodeGroupings = 4;  // total, municipality, sector, unit
const nodeTimes = [];
const allTimes = [];
let nodeGroups = 0;
let groups = 0;
for (let run = 0; run < runs; ++run) {
  start = process.hrtime.bigint();
  groups = 0;
  for (let i = 0; i < query.length; ++i) {
    const reader = await db.runAndReadAll(query[i]);
    groups += reader.currentRowCount;
    if (i + 1 === nodeGroupings) {
      nodeTimes.push(seconds(start));
      nodeGroups = groups;
    }
  }
  allTimes.push(seconds(start));
}
const sorted = (times) => [...times].sort((a, b) => a - b);
const best = (times) => sorted(times)[0];
const median = (times) => sorted(times)[Math.floor(times.length / 2)];
console.log(JSON.stringify({
  tool: 'duckdb (@duckdb/node-api)', rows: Number((await db.runAndReadAll('SELECT count(*) FROM export')).getRows()[0][0]),
  node_groups: nodeGroups, groups, read_seconds: readSeconds, prepare_seconds: prepareSeconds,
  nodes_best_seconds: best(nodeTimes), nodes_median_seconds: median(nodeTimes),
  all_best_seconds: best(allTimes), all_median_seconds: median(allTimes),
}));
