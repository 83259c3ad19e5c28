// The regional coordinator sees only what small-group suppression lets through: in no API
// response the pages receive, and nowhere in the DOM, is a withheld figure shown. The true values
// come from the HR users of Fauske and Saltdal, who read their own municipality unsuppressed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId, KPI_OF, tableCells } from './lib/app.mjs';
import { dataValueOf, flatten, flattenTurnover, primaryWithheld } from './lib/figures.mjs';
import { download, readXlsx, tableOf } from './lib/xlsx.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, openBrowser, screenshot, skipReason, startServer, tempDir,
} from './lib/server.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fauske-2026-06-30.expected.json'), 'utf8'));
const HR_OF = { 1841: 'fauske.hr', 1840: 'saltdal.hr' };
const TABLE_INDICATORS = ['persons', 'positions', 'fte', 'average_age', 'aged_50_plus', 'part_time', 'unskilled',
  'average_position_percent'];

// Where a row of a recorded response sits: the municipality, node, categories and snapshot
// dates it is about. Two rows with the same identity are the same group of people.
function rowIdentity(record, row) {
  const { body, params } = record;
  const key = row.key;
  const municipality = key.municipality ?? (body.scope.kind === 'municipality' ? body.scope.id : null);
  const categories = key.category ?? params.get('category') ?? '*';
  const compare = (body.compare_snapshots ?? []).map((s) => `${s.municipality}@${s.date}`).join(',');
  if (municipality === null) {
    const dates = body.snapshots.map((s) => `${s.municipality}@${s.date}`).join(',');
    return { municipality: null, id: `region:${body.scope.id}|${categories}|${dates}`, compare };
  }
  let node = municipality;
  if (key.unit) node = `${municipality}/${key.sector}/${key.unit}`;
  else if (key.sector) node = `${municipality}/${key.sector}`;
  else if (body.node) node = body.node;
  const date = body.snapshots.find((s) => s.municipality === municipality)?.date;
  const compareDate = (body.compare_snapshots ?? []).find((s) => s.municipality === municipality)?.date;
  return { municipality, node, categories, date, compareDate, id: `${node}|${categories}|${date}`, compare };
}

const skip = skipReason();
describe('a regional coordinator never sees a withheld figure', { skip: skip ?? false }, () => {
  let server;
  let browser;
  const hrClients = {};
  const hrCache = new Map();
  const records = [];  // every indicators response the coordinator's pages received

  // The unsuppressed figures of one group, read by the HR user of its municipality.
  async function trueFigures(identity, withTurnover) {
    const q = new URLSearchParams({ municipality: identity.municipality, date: identity.date });
    if (identity.node !== identity.municipality) q.set('node', identity.node);
    if (identity.categories !== '*') q.set('category', identity.categories);
    if (withTurnover && identity.compareDate) q.set('compare', identity.compareDate);
    const target = `/api/v1/indicators?${q}`;
    if (!hrCache.has(target)) {
      const table = await hrClients[identity.municipality].json(target);
      assert.equal(table.suppression.applied, false, `${target} is unsuppressed for HR`);
      const total = table.rows[0];
      hrCache.set(target, { ...flatten(total.indicators), ...(total.turnover ? flattenTurnover(total.turnover) : {}) });
    }
    return hrCache.get(target);
  }

  // Opens a page as the coordinator and waits until its data is in; returns the responses it got.
  async function visit(page, target, ready) {
    const pending = [];
    const listener = (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/v1/')) return;
      pending.push(response.body().then((buffer) => ({ url, status: response.status(), text: buffer.toString('utf8') }))
        .catch(() => null));
    };
    page.on('response', listener);
    await page.goto(`${server.baseUrl}${target}`);
    await ready();
    await page.waitForLoadState('networkidle');
    page.off('response', listener);
    const got = (await Promise.all(pending)).filter(Boolean);
    const indicatorRecords = [];
    for (const r of got) {
      if (r.url.pathname !== '/api/v1/indicators' || r.status !== 200) continue;
      const record = { target, url: r.url, params: r.url.searchParams, body: JSON.parse(r.text), text: r.text };
      assert.equal(record.body.suppression.applied, true, `${r.url.pathname}${r.url.search} is suppressed`);
      indicatorRecords.push(record);
    }
    records.push(...indicatorRecords);
    return { all: got, indicators: indicatorRecords };
  }

  // The figures of a recorded row (null where withheld) under their identity.
  function rowFigures(record, row, trueRow) {
    if (row.suppressed || row.indicators === null) {
      return Object.fromEntries(Object.keys(trueRow).map((k) => [k, null]));
    }
    const figures = flatten(row.indicators);
    if ('turnover' in row) {
      if (row.turnover === null) {
        for (const k of Object.keys(trueRow)) if (k.startsWith('turnover.')) figures[k] = null;
      } else {
        Object.assign(figures, flattenTurnover(row.turnover));
      }
    }
    return figures;
  }

  // Checks every row of the recorded responses against the true figures; returns the
  // withheld/shown figures seen, keyed "identity|figure".
  async function checkResponses(list) {
    const problems = [];
    const seen = new Map();
    for (const record of list) {
      for (const row of record.body.rows) {
        const identity = rowIdentity(record, row);
        if (!identity.municipality || !HR_OF[identity.municipality]) continue;
        const truth = await trueFigures(identity, 'turnover' in row);
        const figures = rowFigures(record, row, truth);
        const primary = primaryWithheld(truth);
        for (const [name, value] of Object.entries(figures)) {
          const where = `${record.url.search} row ${JSON.stringify(row.key)} ${name}`;
          if (primary[name] && value !== null) problems.push(`${where}: shows ${JSON.stringify(value)} but must be withheld (${primary[name]})`);
          if (value !== null && JSON.stringify(value) !== JSON.stringify(truth[name])) {
            problems.push(`${where}: shows ${JSON.stringify(value)}, the true figure is ${JSON.stringify(truth[name])}`);
          }
          const figureId = `${identity.id}${name.startsWith('turnover.') ? `|vs ${identity.compareDate}` : ''}|${name}`;
          seen.set(figureId, [...(seen.get(figureId) ?? []), { where, value, truth: truth[name] }]);
        }
      }
    }
    // A figure withheld in one response is withheld in every response that has it.
    for (const [figureId, sightings] of seen) {
      const withheld = sightings.filter((s) => s.value === null);
      const shown = sightings.filter((s) => s.value !== null);
      if (withheld.length && shown.length) {
        problems.push(`${figureId}: withheld in ${withheld[0].where} but shown (${JSON.stringify(shown[0].value)}) in ${shown[0].where}`);
      }
    }
    return { problems, seen };
  }

  // A table cell or figure in the DOM against the API's value: ":" + data-suppressed when null.
  async function checkCell(page, selector, name, value, undefinedAllowed, problems) {
    const element = page.locator(selector).first();
    if ((await element.count()) === 0) {
      problems.push(`${selector}: missing`);
      return;
    }
    const [dataValue, suppressed, text] = await element.evaluate((el) => [
      el.getAttribute('data-value'), el.getAttribute('data-suppressed'),
      el.textContent.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim()]);
    if (value === null && !undefinedAllowed) {
      if (suppressed !== 'true' || dataValue !== '' || !/(^|\s):$/.test(text)) {
        problems.push(`${selector}: withheld by the API, but shows data-value=${JSON.stringify(dataValue)} data-suppressed=${suppressed} text ${JSON.stringify(text)}`);
      }
    } else if (value === null) {
      if (dataValue !== '') problems.push(`${selector}: undefined, but data-value=${JSON.stringify(dataValue)}`);
    } else {
      const want = dataValueOf(name, value);
      if (dataValue !== want) problems.push(`${selector}: data-value ${JSON.stringify(dataValue)}, the API says ${JSON.stringify(want)}`);
      if (suppressed === 'true') problems.push(`${selector}: shown by the API but marked data-suppressed`);
    }
  }

  // Every element marked withheld shows ":" and has no value.
  async function checkSuppressedMarkers(page, problems) {
    const bad = await page.locator('[data-suppressed="true"]').evaluateAll((els) => els
      .filter((el) => el.getAttribute('data-value') !== '' || !/(^|\s):$/.test(el.textContent.replace(/\s+/g, ' ').trim()))
      .map((el) => `${el.outerHTML.slice(0, 200)}`));
    for (const b of bad) problems.push(`a withheld element with a value or without ":": ${b}`);
  }

  const isTotal = (row) => Object.values(row.key).every((v) => v === null);

  // The overview's headline figures and tables against the responses of the page.
  async function checkOverviewDom(page, list, node, problems) {
    const own = list.filter((r) => r.body.scope.kind === 'municipality' && !r.params.get('category')
      && !r.params.get('compare') && [null, r.body.scope.id].includes(r.params.get('node')) === (node === null)
      && (node === null || r.params.get('node') === node));
    const total = own.flatMap((r) => r.body.rows.filter(isTotal))[0];
    assert.ok(total, 'the overview received its total row');
    const figures = total.indicators ? flatten(total.indicators) : null;
    const personsZero = figures?.persons === 0;
    for (const [name, testId] of Object.entries(KPI_OF)) {
      let value;
      if (name.startsWith('retirements_')) {
        const years = name === 'retirements_5' ? 5 : 10;
        const counts = figures ? Array.from({ length: years }, (_, i) => figures[`retirements_by_year.${i}.persons`]) : [null];
        value = counts.includes(null) ? null : counts.reduce((a, b) => a + b, 0);
      } else {
        value = figures ? figures[name] : null;
      }
      await checkCell(page, byTestId(testId), name, value, personsZero, problems);
    }
    if (figures) {
      for (const [name, value] of Object.entries(figures)) {
        const band = name.match(/^age_pyramid\.(\w+)\.(.+)$/);
        if (band) {
          await checkCell(page, `${byTestId('table-age-pyramid')} tr[data-band="${band[2]}"] td[data-gender="${band[1]}"]`,
            name, value, false, problems);
        }
        const size = name.match(/^position_size_bands\.(.+)$/);
        if (size) {
          await checkCell(page, `${byTestId('table-position-size')} tr[data-band="${size[1]}"] td[data-field="persons"]`,
            name, value, false, problems);
        }
        const year = name.match(/^retirements_by_year\.(\d+)\.(persons|fte)$/);
        if (year) {
          const y = total.indicators.retirements_by_year.find((e, i) => i === Number(year[1]))?.year
            ?? Number(list[0].body.snapshots[0].date.slice(0, 4)) + 1 + Number(year[1]);
          await checkCell(page, `${byTestId('table-retirements')} tr[data-year="${y}"] td[data-field="${year[2]}"]`,
            name, value, false, problems);
        }
      }
    }
    const byCategory = own.filter((r) => r.body.by.includes('category') && r.body.by.length === 1);
    for (const row of byCategory.flatMap((r) => r.body.rows)) {
      const key = row.key.category ?? '';
      const rowFigures_ = row.indicators ? flatten(row.indicators) : null;
      for (const name of TABLE_INDICATORS) {
        await checkCell(page, `${byTestId('table-categories')} tr[data-category="${key}"] td[data-indicator="${name}"]`,
          name, rowFigures_ ? rowFigures_[name] : null, rowFigures_?.persons === 0, problems);
      }
    }
  }

  before(async () => {
    server = await startServer();
    for (const [municipality, user] of Object.entries(HR_OF)) hrClients[municipality] = await apiLogin(server.baseUrl, user);
    // Fauske's snapshot of 30.06.2026 is small: many of its figures are withheld in Salten.
    const job = await hrClients[1841].importFile('1841', expected.date, path.join(fixturesDir, 'fauske-2026-06-30.csv'));
    assert.equal(job.state, 'succeeded', JSON.stringify(job.report ?? job.error));
    browser = await openBrowser();
    await loginInBrowser(browser.page, server.baseUrl, 'salten.koordinator');
  });
  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('/region: the table shows ":" exactly where the API withheld a figure', async () => {
    const { page } = browser;
    const { indicators } = await visit(page, '/region', () =>
      page.locator(`${byTestId('table-region')} tr[data-municipality="1841"] td[data-indicator="persons"]`).waitFor());
    assert.ok(indicators.length > 0, 'the region page read /api/v1/indicators');
    const problems = [];
    const { problems: responseProblems } = await checkResponses(indicators);
    problems.push(...responseProblems);

    const table = indicators.filter((r) => r.body.scope.kind === 'region' && !r.params.get('category'));
    const rows = table.flatMap((r) => r.body.rows.filter((row) => row.key.category === null && row.key.sector === null));
    assert.ok(rows.some((row) => row.key.municipality === '1841'), 'a row for Fauske');
    for (const row of rows) {
      const figures = row.indicators ? flatten(row.indicators) : null;
      for (const name of TABLE_INDICATORS) {
        await checkCell(page, `${byTestId('table-region')} tr[data-municipality="${row.key.municipality ?? ''}"] td[data-indicator="${name}"]`,
          name, figures ? figures[name] : null, figures?.persons === 0, problems);
      }
    }
    await checkSuppressedMarkers(page, problems);
    // Fauske's small snapshot has withheld figures, so the note must say why.
    await page.getByTestId('suppression-note').waitFor();
    await screenshot(page, 'region');
    assert.deepEqual(problems, []);
  });

  test('/region: the XLSX export has ":" where the page has, and the page\'s numbers elsewhere', async () => {
    const { page } = browser;
    const onPage = await tableCells(page, byTestId('table-region'), 'data-municipality', 'data-indicator');
    const labels = new Map(records.filter((r) => r.body.scope.kind === 'region')
      .flatMap((r) => r.body.rows.map((row) => [row.label, row.key.municipality ?? ''])));
    const dir = tempDir('xlsx');
    const workbook = readXlsx(await download(page, 'export-xlsx', dir));
    const sheet = tableOf(workbook);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(sheet.length, onPage.length, 'as many rows as the page');
    for (const row of sheet) {
      const key = labels.get(row.label);
      const cells = onPage.find((r) => r.key === key)?.cells;
      assert.ok(cells, `the workbook's row "${row.label}" is on the page`);
      for (const [name, value] of Object.entries(row.values)) {
        assert.equal(value, cells[name]?.value, `${row.label} ${name}: workbook vs page`);
      }
    }
    // Fauske's small snapshot has withheld figures (age bands, retirements): ":" in the file too.
    const colons = workbook.sheets[0].rows.flat().filter((cell) => cell === ':').length;
    assert.ok(colons > 0, 'the workbook shows withheld figures as ":"');
  });

  for (const target of ['/oversikt?kommune=1841', '/oversikt?kommune=1841&node=1841/HO', '/oversikt?kommune=1840',
    '/oversikt?kommune=1841&node=1841/ADM']) {
    test(`${target}: no withheld figure in the responses or the DOM`, async () => {
      const { page } = browser;
      const municipality = new URLSearchParams(target.split('?')[1]).get('kommune');
      const { indicators } = await visit(page, target, async () => {
        await page.locator(`${byTestId('snapshot-date')}[data-value]`).waitFor();
        await page.locator(`${byTestId('kpi-persons')}[data-value]`).waitFor();
      });
      assert.ok(indicators.length > 0, 'the overview read /api/v1/indicators');
      const problems = [];
      const { problems: responseProblems } = await checkResponses(indicators);
      problems.push(...responseProblems);
      await checkOverviewDom(page, indicators, new URLSearchParams(target.split('?')[1]).get('node'), problems);
      await checkSuppressedMarkers(page, problems);
      if (municipality === '1841') await page.getByTestId('suppression-note').waitFor();
      if (target === '/oversikt?kommune=1841') await screenshot(page, 'overview-coordinator');
      assert.deepEqual(problems, []);
    });
  }

  test('/sammenligning: turnover figures are withheld the same way', async () => {
    const { page } = browser;
    const { indicators } = await visit(page, '/sammenligning?kommune=1841&fra=2025-12-31&til=2026-06-30', () =>
      page.locator(`${byTestId('compare-kpi-persons-after')}[data-value]`).waitFor());
    const problems = [];
    const { problems: responseProblems } = await checkResponses(indicators);
    problems.push(...responseProblems);
    const total = indicators.flatMap((r) => r.body.rows.filter((row) => isTotal(row) && 'turnover' in row))[0];
    assert.ok(total, 'the compare page read a total row with turnover');
    const t = total.turnover ?? {};
    for (const [name, testId] of [['persons_before', 'compare-kpi-persons-before'], ['persons_after', 'compare-kpi-persons-after'],
      ['joiners', 'compare-kpi-joiners'], ['leavers', 'compare-kpi-leavers'], ['turnover', 'compare-kpi-turnover']]) {
      await checkCell(page, byTestId(testId), name, t[name] ?? null, false, problems);
    }
    await checkSuppressedMarkers(page, problems);
    assert.deepEqual(problems, []);
  });

  test('across every page: a figure withheld in one response is withheld in all of them', async () => {
    assert.ok(records.length > 0);
    const { problems, seen } = await checkResponses(records);
    const withheld = [...seen.values()].filter((s) => s.some((x) => x.value === null)).length;
    assert.ok(withheld > 0, 'the coordinator met withheld figures (the fixture is small on purpose)');
    assert.deepEqual(problems, []);
  });
});
