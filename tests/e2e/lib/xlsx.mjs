// Reading an indicator export (XLSX) back with openpyxl (Debian's python3-openpyxl, not
// kompetent's reader) and putting its cells in the CONTRACT's data-value format.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { e2eDir } from './server.mjs';

// The export's bokmål column headers → the indicator names of the CONTRACT, with the page's
// decimals and whether the workbook holds a fraction (percent columns) rather than the number.
export const COLUMNS = [
  { header: /^Ansatte$/, name: 'persons', decimals: 0 },
  { header: /^Stillinger$/, name: 'positions', decimals: 0 },
  { header: /^Årsverk$/, name: 'fte', decimals: 2 },
  { header: /^Gj\.? ?snitts?alder/i, name: 'average_age', decimals: 1 },
  { header: /^Gj\.? ?sn\.? stilling/i, name: 'average_position_percent', decimals: 1 },
  { header: /^50 år/, name: 'aged_50_plus', decimals: 1, fraction: true },
  { header: /^Deltid/, name: 'part_time', decimals: 1, fraction: true },
  { header: /^Ufaglært/, name: 'unskilled', decimals: 1, fraction: true },
];

export function readXlsx(file) {
  const out = execFileSync('/usr/bin/python3', [path.join(e2eDir, 'lib', 'read_xlsx.py'), file], { encoding: 'utf8' });
  return JSON.parse(out);
}

// A workbook cell as the page's data-value: rounded half away from zero to `decimals`.
export function asDataValue(cell, column) {
  if (cell === ':' || cell === null) return '';
  assert.equal(typeof cell, 'number', `${column.name}: a numeric cell, not ${JSON.stringify(cell)}`);
  const x = column.fraction ? cell * 100 : cell;
  const scale = 10 ** column.decimals;
  const units = Math.sign(x) * Math.floor(Math.abs(x) * scale + 0.5 + 1e-9);
  return (units / scale).toFixed(column.decimals);
}

// The table of the first sheet: { header row index, rows: [{ label, values: { name: data-value } }] }.
export function tableOf(workbook) {
  const { rows } = workbook.sheets[0];
  const headerIndex = rows.findIndex((r) => r.includes('Ansatte'));
  assert.ok(headerIndex >= 0, 'the sheet has a header row with "Ansatte"');
  const header = rows[headerIndex];
  const positions = COLUMNS.map((c) => {
    const i = header.findIndex((h) => typeof h === 'string' && c.header.test(h.trim()));
    assert.ok(i > 0, `a column for ${c.name} in ${JSON.stringify(header)}`);
    return i;
  });
  const out = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row[0] === null || row[0] === undefined || row.slice(1).every((c) => c === null)) break;
    out.push({
      label: String(row[0]).trim(),
      values: Object.fromEntries(COLUMNS.map((c, k) => [c.name, asDataValue(row[positions[k]], c)])),
    });
  }
  return out;
}

export async function download(page, testId, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

