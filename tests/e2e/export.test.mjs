// The XLSX export of the view on screen, read back with openpyxl (lib/xlsx.mjs): its numbers are
// the page's, and the fixture's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId, eventually, tableCells, valueOf, waitForSnapshot } from './lib/app.mjs';
import { COLUMNS, download, readXlsx, tableOf } from './lib/xlsx.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, openBrowser, screenshot, skipReason, startServer, tempDir,
} from './lib/server.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fauske-2026-06-30.expected.json'), 'utf8'));

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
