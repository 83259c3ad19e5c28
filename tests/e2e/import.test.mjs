// An HR leader uploads the export of their HR system and finds its numbers on the overview;
// a broken file shows its problems row by row and stores nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkExpectations } from './fixtures/check-expectations.mjs';
import { asDataValues, byTestId, eventually, kpis, tableCells, valueOf, waitForSnapshot } from './lib/app.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, normalise, openBrowser, screenshot, skipReason, startServer,
} from './lib/server.mjs';

const fixture = path.join(fixturesDir, 'fauske-2026-06-30.csv');
const broken = path.join(fixturesDir, 'fauske-broken.csv');
const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fauske-2026-06-30.expected.json'), 'utf8'));

function expectedErrorRows() {
  const [, ...lines] = fs.readFileSync(path.join(fixturesDir, 'fauske-broken.expected-errors.csv'), 'utf8')
    .trim().split('\n');
  return lines.map((line) => {
    const [row, column, code, value] = line.split(';');
    return { row, column, code, value };
  });
}

async function upload(page, baseUrl, date, file) {
  await page.goto(`${baseUrl}/import`);
  await page.getByTestId('import-date').fill(date);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-submit').click();
}

const skip = skipReason();
describe('import through the import page', { skip: skip ?? false }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('the hand-written expectations match the fixture (docs/indicators.md, not the program)', () => {
    assert.deepEqual(checkExpectations(), []);
  });

  test('an upload of the Fauske export shows its numbers on the overview', async () => {
    const { page } = browser;
    await loginInBrowser(page, server.baseUrl, 'fauske.hr');
    await upload(page, server.baseUrl, expected.date, fixture);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60000 });
    assert.equal(await summary.getAttribute('data-positions'), '43');
    await screenshot(page, 'import-done');

    await page.getByTestId('nav-overview').click();
    await page.waitForURL((url) => url.pathname === '/oversikt');
    await waitForSnapshot(page, expected.date);
    assert.equal(normalise(await page.getByTestId('snapshot-date').innerText()), expected.date_nb);
    await eventually(() => kpis(page), asDataValues(expected.nodes['1841']), 'headline figures of Fauske');

    // One row per category present, and the total row, in table-categories.
    const categories = await tableCells(page, byTestId('table-categories'), 'data-category', 'data-indicator');
    const byKey = Object.fromEntries(categories.map((row) => [row.key, row.cells]));
    assert.deepEqual(Object.keys(byKey).sort(), ['', ...Object.keys(expected.categories)].sort());
    for (const [category, figures] of Object.entries(expected.categories)) {
      for (const [name, value] of Object.entries(figures)) {
        assert.equal(byKey[category][name]?.value, String(value), `${category} ${name}`);
      }
    }
    for (const name of ['persons', 'positions', 'fte', 'average_age', 'aged_50_plus', 'part_time', 'unskilled',
      'average_position_percent']) {
      assert.equal(byKey[''][name]?.value, String(expected.nodes['1841'][name]), `total row ${name}`);
    }

    // The charts' table alternatives.
    const pyramid = await tableCells(page, byTestId('table-age-pyramid'), 'data-band', 'data-gender');
    for (const [gender, bands] of Object.entries(expected.age_pyramid)) {
      for (const [band, count] of Object.entries(bands)) {
        const row = pyramid.find((r) => r.key === band);
        assert.ok(row, `age pyramid row ${band}`);
        assert.equal(row.cells[gender]?.value, String(count), `age pyramid ${band} ${gender}`);
      }
    }
    const sizes = await tableCells(page, byTestId('table-position-size'), 'data-band', 'data-field');
    for (const [band, count] of Object.entries(expected.position_size_bands)) {
      assert.equal(sizes.find((r) => r.key === band)?.cells.persons?.value, String(count), `position size ${band}`);
    }
    const retirements = await tableCells(page, byTestId('table-retirements'), 'data-year', 'data-field');
    for (const year of expected.retirements) {
      const row = retirements.find((r) => r.key === String(year.year));
      assert.ok(row, `retirement row ${year.year}`);
      assert.equal(row.cells.persons?.value, String(year.persons), `retirements ${year.year} persons`);
      assert.equal(row.cells.fte?.value, year.fte, `retirements ${year.year} fte`);
    }
    await screenshot(page, 'overview');
  });

  test('uploading the same date again offers to replace the snapshot', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/import`);
    await page.getByTestId('import-date').fill(expected.date);
    await page.getByTestId('import-replace').waitFor();
  });

  test('a broken file lists its problems row by row and stores nothing', async () => {
    const { page } = browser;
    const date = '2026-09-30';
    await upload(page, server.baseUrl, date, broken);
    const table = page.getByTestId('import-errors');
    await table.waitFor({ timeout: 60000 });
    const rows = await table.locator('tr:has(td[data-field="row"])').evaluateAll((trs) => trs.map((tr) => {
      const cell = (f) => tr.querySelector(`td[data-field="${f}"]`)?.textContent.trim() ?? null;
      return { row: cell('row'), column: cell('column'), value: cell('value'), reason: cell('reason') };
    }));
    const want = expectedErrorRows();
    assert.deepEqual(rows.map(({ row, column, value }) => ({ row, column, value })),
      want.map(({ row, column, value }) => ({ row, column, value })));
    for (const r of rows) {
      assert.ok(r.reason && r.reason.length > 3, `a reason for row ${r.row}`);
      assert.ok(!want.some((w) => w.code === r.reason), `row ${r.row}: the reason is a sentence, not the code ${r.reason}`);
    }
    await screenshot(page, 'import-errors');

    // The full list, as CSV, from the download link.
    const href = await page.getByTestId('import-errors-download').getAttribute('href');
    assert.ok(href, 'import-errors-download has an href');
    const response = await page.context().request.get(new URL(href, server.baseUrl).toString());
    assert.equal(response.status(), 200);
    const csv = (await response.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1)
      .map((line) => line.split(';').slice(0, 4).join(';'));
    assert.deepEqual(csv, want.map((w) => `${w.row};${w.column};${w.code};${w.value}`));

    // Nothing was stored: no snapshot on that date, and the overview still shows the last one.
    const hr = await apiLogin(server.baseUrl, 'fauske.hr');
    const { snapshots } = await hr.json('/api/v1/municipalities/1841/snapshots');
    assert.deepEqual(snapshots.map((s) => s.date).filter((d) => d > '2025-12-31'), [expected.date]);
    await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
    await waitForSnapshot(page, expected.date);
    await eventually(() => valueOf(page, byTestId('kpi-positions')), '43', 'positions after the refused import');
  });
});
