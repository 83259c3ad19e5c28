// The XLSX export of the view on screen, read back with openpyxl (Debian's python3-openpyxl, not
// kompetent's reader): its numbers are the page's, and the fixture's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId, eventually, tableCells, valueOf, waitForSnapshot } from './lib/app.mjs';
import {
  apiLogin, e2eDir, fixturesDir, loginInBrowser, openBrowser, screenshot, skipReason, startServer, tempDir,
} from './lib/server.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fauske-2026-06-30.expected.json'), 'utf8'));

// The export's bokmål column headers → the indicator names of the CONTRACT, with the page's
// decimals and whether the workbook holds a fraction (percent columns) rather than the number.
const COLUMNS = [
  { header: /^Ansatte$/, name: 'persons', decimals: 0 },
  { header: /^Stillinger$/, name: 'positions', decimals: 0 },
  { header: /^Årsverk$/, name: 'fte', decimals: 2 },
  { header: /^Gj\.? ?snitts?alder/i, name: 'average_age', decimals: 1 },
  { header: /^Gj\.? ?sn\.? stilling/i, name: 'average_position_percent', decimals: 1 },
  { header: /^50 år/, name: 'aged_50_plus', decimals: 1, fraction: true },
  { header: /^Deltid/, name: 'part_time', decimals: 1, fraction: true },
  { header: /^Ufaglært/, name: 'unskilled', decimals: 1, fraction: true },
];

function readXlsx(file) {
  const out = execFileSync('/usr/bin/python3', [path.join(e2eDir, 'lib', 'read_xlsx.py'), file], { encoding: 'utf8' });
  return JSON.parse(out);
}

// A workbook cell as the page's data-value: rounded half away from zero to `decimals`.
function asDataValue(cell, column) {
  if (cell === ':' ) return '';
  assert.equal(typeof cell, 'number', `${column.name}: a numeric cell, not ${JSON.stringify(cell)}`);
  const x = column.fraction ? cell * 100 : cell;
  const scale = 10 ** column.decimals;
  const units = Math.sign(x) * Math.floor(Math.abs(x) * scale + 0.5 + 1e-9);
  return (units / scale).toFixed(column.decimals);
}

// The table of the first sheet: { header row index, rows: [{ label, values: { name: data-value } }] }.
function tableOf(workbook) {
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

async function download(page, testId, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

const skip = skipReason();
describe('XLSX export', { skip: skip ?? false }, () => {
  let server;
  let browser;
  let categoryNames;
  before(async () => {
    server = await startServer();
    const hr = await apiLogin(server.baseUrl, 'fauske.hr');
    const job = await hr.importFile('1841', expected.date, path.join(fixturesDir, 'fauske-2026-06-30.csv'));
    assert.equal(job.state, 'succeeded', JSON.stringify(job.report ?? job.error));
    const { categories } = await hr.json('/api/v1/categories');
    categoryNames = Object.fromEntries(categories.map((c) => [c.name, c.key]));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('the downloaded workbook holds the numbers of table-categories', async () => {
    const { page } = browser;
    await loginInBrowser(page, server.baseUrl, 'fauske.hr');
    await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
    await waitForSnapshot(page, expected.date);
    await eventually(() => valueOf(page, byTestId('kpi-persons')), '40', 'persons');
    const href = await page.getByTestId('export-xlsx').getAttribute('href');
    assert.match(href, /^\/api\/v1\/indicators\/export\?/);
    assert.match(href, /format=xlsx/);
    assert.match(href, /municipality=1841/);
    assert.match(href, /category/, 'grouped by category');

    const dir = tempDir('xlsx');
    const file = await download(page, 'export-xlsx', dir);
    assert.match(path.basename(file), /\.xlsx$/);
    const sheet = tableOf(readXlsx(file));
    const page_ = await tableCells(page, byTestId('table-categories'), 'data-category', 'data-indicator');
    const onPage = Object.fromEntries(page_.map((r) => [r.key, r.cells]));

    // The total row first, then one row per category, each the same as on the page.
    assert.equal(sheet.length, page_.length, 'as many rows as the page');
    const [total, ...categories] = sheet;
    for (const c of COLUMNS) {
      assert.equal(total.values[c.name], onPage[''][c.name]?.value, `total ${c.name}: workbook vs page`);
      assert.equal(total.values[c.name], String(expected.nodes['1841'][c.name]), `total ${c.name}: workbook vs fixture`);
    }
    for (const row of categories) {
      const key = categoryNames[row.label];
      assert.ok(key && onPage[key], `the workbook's row "${row.label}" is a category on the page`);
      for (const c of COLUMNS) {
        assert.equal(row.values[c.name], onPage[key][c.name]?.value, `${key} ${c.name}: workbook vs page`);
      }
      for (const [name, value] of Object.entries(expected.categories[key])) {
        assert.equal(row.values[name], String(value), `${key} ${name}: workbook vs fixture`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the export of a drilled-down unit is that unit', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/oversikt?kommune=1841&node=1841/HO/HT01`);
    await eventually(() => valueOf(page, byTestId('kpi-persons')), String(expected.nodes['1841/HO/HT01'].persons),
      'persons of Hjemmetjenesten Sentrum');
    const href = await page.getByTestId('export-xlsx').getAttribute('href');
    assert.match(decodeURIComponent(href), /node=1841\/HO\/HT01/);
    const dir = tempDir('xlsx');
    const [total] = tableOf(readXlsx(await download(page, 'export-xlsx', dir)));
    for (const c of COLUMNS) {
      assert.equal(total.values[c.name], String(expected.nodes['1841/HO/HT01'][c.name]), `HT01 ${c.name}`);
    }
    const csvHref = await page.getByTestId('export-csv').getAttribute('href');
    assert.match(csvHref, /format=csv/);
    await screenshot(page, 'overview-export');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
