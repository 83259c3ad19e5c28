// The forecast page (/fremskrivning, CONTRACT.md "Forecast (Fremskrivning, issue 6)"): a lever
// moves the need in the direction docs/forecast.md guarantees; the figures on screen are those of
// GET /api/v1/forecast for the same scope and levers; scenarios are saved, compared and deleted;
// the XLSX export holds the page's numbers and levers; a coordinator never receives a withheld
// group; only hr, coordinator and admin have the page; no serious or critical axe violation.
//
// Expected values come from the contract, from invariants of the model (the parts sum to the need,
// the cumulative need grows, turnover up → need up, sick leave down → need not up, groups sum to
// the total) or from arithmetic here on the API's yearly figures; never from the page itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId, tableCells, textOf, valueOf } from './lib/app.mjs';
import {
  apiQueryOf, close, cumulativeOf, DEFAULT_SICK_LEAVE, DEFAULT_TURNOVER, fetchInPage, groupNeedThrough, leverNames,
  MILESTONES, need, numberOf, PARTS, rangeValue, recordForecastResponses, setRange, urlLevers, waitForecastReady,
  withheldLeaks, yearOf,
} from './lib/forecast.mjs';
import { download, readXlsx } from './lib/xlsx.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, openBrowser, screenshot, seriousA11yViolations, skipReason, startServer,
  tempDir,
} from './lib/server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// nb-NO as the CONTRACT writes it: group separator a space, decimal comma.
function nbNumber(value, decimals) {
  const [whole, frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${value < 0 ? '−' : ''}${frac ? `${grouped},${frac}` : grouped}`;
}

// The base year of a municipality in the demo: the year of its newest export (docs/forecast.md:
// "Base year b = the year of the municipality's newest snapshot").
function demoBaseYear(exportDir, municipality) {
  const years = fs.readdirSync(exportDir).map((f) => f.match(new RegExp(`^ansatte-${municipality}-(\\d{4})-\\d\\d-\\d\\d\\.csv$`)))
    .filter(Boolean).map((m) => Number(m[1]));
  return Math.max(...years);
}

// Opens a fresh browser logged in as `user` on `target`, waiting for the forecast to be ready.
async function openForecast(server, user, target, problems) {
  const browser = await openBrowser();
  try {
    await loginInBrowser(browser.page, server.baseUrl, user);
    await browser.page.goto(`${server.baseUrl}${target}`);
    await waitForecastReady(browser.page, problems, `${user} ${target}`);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

// Reads the decomposition table once the need row shows `needFte` (the chosen year's figures).
async function decompositionFor(page, year, needFte) {
  await page.getByTestId('decomposition-year').selectOption(String(year));
  let rows = [];
  for (let i = 0; i < 100; i += 1) {
    rows = await tableCells(page, byTestId('table-forecast-decomposition'), 'data-part', 'data-field');
    const needRow = rows.find((r) => r.key === 'need');
    if (needRow && close(needRow.cells.fte?.value, needFte, 2)) break;
    await sleep(100);
  }
  return Object.fromEntries(rows.map((r) => [r.key, r.cells.fte]));
}

const skip = skipReason();
describe('forecast (Fremskrivning) as fauske.hr', { skip: skip ?? false }, () => {
  let server;
  let hr;
  let baseYear;
  before(async () => {
    server = await startServer();
    hr = await apiLogin(server.baseUrl, 'fauske.hr');
    baseYear = demoBaseYear(server.exportDir, '1841');
  });
  after(async () => {
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('a lever moves the need: turnover up → more, sick leave down → not more; reset and reload', async () => {
    const problems = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841', problems);
    try {
      const { page } = browser;
      assert.match(await textOf(page, byTestId('forecast-scope')), /Fauske/);
      assert.equal(await valueOf(page, byTestId('forecast-base-year')), String(baseYear), 'the base year is that of the newest snapshot');
      assert.equal(await rangeValue(page, 'lever-turnover'), DEFAULT_TURNOVER, 'turnover starts at its default');
      assert.equal(await rangeValue(page, 'lever-sick_leave.to'), DEFAULT_SICK_LEAVE, 'sick leave starts at its default');
      const need0 = await need(page, 2040);
      assert.ok(need0 > 0, `a need through 2040 (${need0})`);

      // Raise turnover from the keyboard, as a user without a mouse would. A lever updates the
      // figures without a page load: a mark left in the window survives.
      await page.evaluate(() => { window.e2eNoPageLoad = true; });
      await page.getByTestId('lever-turnover').focus();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
      const turnover1 = await rangeValue(page, 'lever-turnover');
      assert.ok(turnover1 > DEFAULT_TURNOVER, `ArrowRight raises lever-turnover (${turnover1})`);
      await waitForecastReady(page, problems, 'after raising turnover');
      const need1 = await need(page, 2040);
      assert.ok(need1 > need0, `turnover ${DEFAULT_TURNOVER} → ${turnover1}: the need through 2040 rises (${need0} → ${need1})`);
      assert.equal(await page.evaluate(() => window.e2eNoPageLoad), true, 'no page load after a lever change');
      const urlTurnover = new URL(page.url()).searchParams.get('turnover');
      assert.ok(urlTurnover !== null && Math.abs(Number(urlTurnover) - turnover1) < 1e-9,
        `the URL holds turnover=${turnover1}: ${page.url()}`);

      // A reload (or a shared link) keeps the levers.
      await page.reload();
      await waitForecastReady(page, problems, 'after reload');
      assert.equal(await rangeValue(page, 'lever-turnover'), turnover1, 'lever-turnover after reload');
      assert.equal(await need(page, 2040), need1, 'the need through 2040 after reload');

      // Less sick leave: more of the staff at work, so the need is never higher.
      const sickLeave = await setRange(page, 'lever-sick_leave.to', 0.04);
      assert.ok(sickLeave < DEFAULT_SICK_LEAVE, `lever-sick_leave.to lowered (${sickLeave})`);
      await waitForecastReady(page, problems, 'after lowering sick leave');
      const need2 = await need(page, 2040);
      assert.ok(need2 <= need1, `sick_leave.to ${DEFAULT_SICK_LEAVE} → ${sickLeave}: the need through 2040 is not higher (${need1} → ${need2})`);
      const params = new URL(page.url()).searchParams;
      assert.equal(Number(params.get('sick_leave.to')), sickLeave, `the URL holds sick_leave.to: ${page.url()}`);
      assert.equal(Number(params.get('turnover')), turnover1, `the URL still holds turnover: ${page.url()}`);

      // Reset: the defaults, and the first figure again.
      await page.getByTestId('levers-reset').click();
      await waitForecastReady(page, problems, 'after levers-reset');
      assert.equal(await rangeValue(page, 'lever-turnover'), DEFAULT_TURNOVER, 'lever-turnover after reset');
      assert.equal(await rangeValue(page, 'lever-sick_leave.to'), DEFAULT_SICK_LEAVE, 'lever-sick_leave.to after reset');
      assert.equal(await need(page, 2040), need0, 'levers-reset gives back the first need through 2040');
      const reset = new URL(page.url()).searchParams;
      for (const [name, value] of [['turnover', DEFAULT_TURNOVER], ['sick_leave.to', DEFAULT_SICK_LEAVE]]) {
        assert.ok(reset.get(name) === null || Number(reset.get(name)) === value,
          `after reset the URL has no other ${name}: ${page.url()}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test('each lever moves the need the way docs/forecast.md says ("up → need …")', async () => {
    const problems = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841', problems);
    try {
      const { page } = browser;
      const base = await need(page, 2040);
      const youth = () => numberOf(page, byTestId('forecast-youth-share-2040'));
      const baseYouth = await youth();
      // [lever, value, expected direction of the need through 2040 in persons]
      const cases = [
        ['lever-productivity_per_year', 0.01, 'down'],
        ['lever-staffing_change', 0.1, 'up'],
        ['lever-retirement_age_shift', 2, 'down'],
        ['lever-outside_recruit_share', 0.6, 'same'],
      ];
      for (const [testId, value, direction] of cases) {
        await page.goto(`${server.baseUrl}/fremskrivning?kommune=1841`);
        await waitForecastReady(page, problems, `defaults before ${testId}`);
        assert.equal(await need(page, 2040), base, `${testId}: the need with the defaults`);
        const set = await setRange(page, testId, value);
        assert.ok(Math.abs(set - value) < 1e-9, `${testId} took ${value} (${set})`);
        await waitForecastReady(page, problems, `${testId} = ${value}`);
        const moved = await need(page, 2040);
        const ok = { up: moved > base, down: moved < base, same: moved === base }[direction];
        assert.ok(ok, `${testId} = ${value}: the need through 2040 should go ${direction} (${base} → ${moved})`);
        if (testId === 'lever-outside_recruit_share' && baseYouth !== null) {
          const y = await youth();
          assert.ok(y < baseYouth, `more recruits from outside: a smaller share of the youth cohort (${baseYouth} → ${y})`);
        }
      }
      // A higher full-time target: fewer persons for the same need.
      await page.goto(`${server.baseUrl}/fremskrivning?kommune=1841`);
      await waitForecastReady(page, problems, 'defaults before position_size');
      await page.getByTestId('lever-position_size-on').check();
      await setRange(page, 'lever-position_size', 0.8);
      await waitForecastReady(page, problems, 'position_size 0.8');
      const at80 = await need(page, 2040);
      await setRange(page, 'lever-position_size', 0.95);
      await waitForecastReady(page, problems, 'position_size 0.95');
      const at95 = await need(page, 2040);
      assert.ok(at95 < at80, `position_size 0.8 → 0.95: the need in persons goes down (${at80} → ${at95})`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test('the figures on screen are those of GET /api/v1/forecast for the same scope and levers', async () => {
    const problems = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841&turnover=0.08&sick_leave.to=0.06', problems);
    try {
      const { page } = browser;
      // The levers of the URL are the levers on screen.
      assert.equal(await rangeValue(page, 'lever-turnover'), 0.08, 'lever-turnover from the URL');
      assert.equal(await rangeValue(page, 'lever-sick_leave.to'), 0.06, 'lever-sick_leave.to from the URL');
      await screenshot(page, 'forecast');
      const names = await leverNames(page);
      const query = apiQueryOf(page.url(), names);
      assert.equal(query.get('municipality'), '1841');
      assert.deepEqual({ turnover: Number(query.get('turnover')), sick: Number(query.get('sick_leave.to')) },
        { turnover: 0.08, sick: 0.06 }, `the URL's levers: ${page.url()}`);
      const { status, body: api } = await fetchInPage(page, `/api/v1/forecast?${query}`);
      assert.equal(status, 200, `GET /api/v1/forecast?${query}: ${JSON.stringify(api)}`);
      assert.equal(api.scenario.levers.turnover, 0.08, 'the API took the turnover of the URL');
      assert.equal(api.base_year, baseYear);
      assert.equal(await valueOf(page, byTestId('forecast-base-year')), String(api.base_year));

      // The model's own arithmetic, checked on the answer: each year's parts sum to its need, the
      // groups sum to the total, and the cumulative need is the sum of the years.
      for (const y of api.years) {
        const parts = PARTS.reduce((s, p) => s + y.total[p], 0);
        assert.ok(Math.abs(parts - y.total.need_fte) < 1e-6, `${y.year}: the parts sum to need_fte (${parts} vs ${y.total.need_fte})`);
        const groups = y.groups.reduce((s, g) => s + g.need_persons, 0);
        assert.ok(Math.abs(groups - y.total.need_persons) < 1e-6 * Math.max(1, groups),
          `${y.year}: the groups' need in persons sums to the total (${groups} vs ${y.total.need_persons})`);
        // need = max(0, demand − supply) per category and service, so a category's need is at least
        // its own gap, and never negative.
        for (const [i, g] of y.groups.entries()) {
          assert.ok(g.need_fte >= 0 && g.need_fte >= g.gap_fte - 1e-6, `${y.year} ${api.groups[i].category}: need ${g.need_fte} ≥ max(0, gap ${g.gap_fte})`);
        }
      }

      // Headline figures: the cumulative need through each milestone, in persons (one decimal).
      const shown = {};
      for (const year of MILESTONES) {
        const exact = cumulativeOf(api, year).need_persons;
        const summed = api.years.filter((y) => y.year > api.base_year && y.year <= year).reduce((s, y) => s + y.total.need_persons, 0);
        shown[year] = await valueOf(page, byTestId(`forecast-need-${year}`));
        assert.ok(close(shown[year], exact, 1), `forecast-need-${year}: ${shown[year]}, the API says ${exact}`);
        assert.ok(close(shown[year], summed, 1), `forecast-need-${year}: ${shown[year]}, the sum of the years is ${summed}`);
      }
      // Shown in bokmål: a space between thousands, a decimal comma (CONTRACT "Formats").
      for (const year of MILESTONES) {
        const text = await textOf(page, byTestId(`forecast-need-${year}`));
        assert.ok(text.includes(nbNumber(Number(shown[year]), 1)), `forecast-need-${year} reads ${nbNumber(Number(shown[year]), 1)}: ${JSON.stringify(text)}`);
      }
      assert.ok(Number(shown[2030]) <= Number(shown[2035]) && Number(shown[2035]) <= Number(shown[2040])
        && Number(shown[2040]) <= Number(shown[2050]), `cumulative 2030 ≤ 2035 ≤ 2040 ≤ 2050: ${JSON.stringify(shown)}`);
      const fte2040 = await valueOf(page, byTestId('forecast-need-fte-2040'));
      assert.ok(close(fte2040, cumulativeOf(api, 2040).need_fte, 2), `forecast-need-fte-2040: ${fte2040} vs ${cumulativeOf(api, 2040).need_fte}`);
      const y2040 = yearOf(api, 2040);
      const support = await valueOf(page, byTestId('forecast-support-ratio-2040'));
      assert.ok(close(support, y2040.support_ratio, 1), `forecast-support-ratio-2040: ${support} vs ${y2040.support_ratio}`);
      const youth = await valueOf(page, byTestId('forecast-youth-share-2040'));
      if (y2040.youth_cohort_share === null) assert.equal(youth, '', 'no youth share: data-value ""');
      else assert.ok(close(youth, y2040.youth_cohort_share * 100, 1), `forecast-youth-share-2040: ${youth} vs ${y2040.youth_cohort_share * 100} %`);

      // The yearly table.
      const years = await tableCells(page, byTestId('table-forecast-years'), 'data-year', 'data-field');
      for (const year of MILESTONES) assert.ok(years.some((r) => r.key === String(year)), `table-forecast-years has ${year}`);
      for (const row of years) {
        const y = yearOf(api, Number(row.key));
        assert.ok(y, `table-forecast-years row ${row.key} is a year of the forecast`);
        for (const [field, decimals] of [['demand_fte', 2], ['supply_fte', 2], ['need_fte', 2], ['need_persons', 1]]) {
          assert.ok(close(row.cells[field]?.value, y.total[field], decimals),
            `table-forecast-years ${row.key} ${field}: ${row.cells[field]?.value}, the API says ${y.total[field]}`);
        }
      }

      // The decomposition through each year of decomposition-year: the API's cumulative parts, and
      // (arithmetic on the page's own numbers) parts that add up to the need row.
      for (const year of MILESTONES) {
        const c = cumulativeOf(api, year);
        const apiParts = PARTS.reduce((s, p) => s + c[p], 0);
        assert.ok(Math.abs(apiParts - c.need_fte) < 1e-6, `through ${year}: the API's parts sum to its need (${apiParts} vs ${c.need_fte})`);
        const table = await decompositionFor(page, year, c.need_fte);
        assert.ok(close(table.need?.value, c.need_fte, 2), `decomposition through ${year}: need ${table.need?.value}, the API says ${c.need_fte}`);
        let sum = 0;
        for (const part of PARTS) {
          assert.ok(close(table[part]?.value, c[part], 2), `decomposition through ${year}: ${part} ${table[part]?.value}, the API says ${c[part]}`);
          sum += Number(table[part].value);
        }
        assert.ok(Math.abs(sum - Number(table.need.value)) <= PARTS.length * 0.005 + 1e-9,
          `decomposition through ${year}: the rows sum to ${sum.toFixed(2)}, the need row is ${table.need.value}`);
      }

      // The groups: base persons, and the need through each milestone summed here from the years.
      const groups = await tableCells(page, byTestId('table-forecast-groups'), 'data-group', 'data-field');
      assert.equal(groups.length, api.groups.length, 'one row per group');
      api.groups.forEach((group, i) => {
        const row = groups.find((r) => r.key === group.category);
        assert.ok(row, `table-forecast-groups has ${group.category}`);
        assert.equal(row.cells.base_persons?.value, String(group.base_persons), `${group.category} base_persons`);
        for (const year of MILESTONES) {
          const exact = groupNeedThrough(api, i, year);
          assert.ok(close(row.cells[`need_${year}`]?.value, exact, 1),
            `${group.category} need_${year}: ${row.cells[`need_${year}`]?.value}, the sum of its years is ${exact}`);
        }
      });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test('scenarios: save two, compare them with the levers on screen, reload, load, delete', async () => {
    const problems = [];
    const created = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841', problems);
    try {
      const { page } = browser;
      const list = page.getByTestId('scenario-list');
      const item = (id) => list.locator(`li[data-scenario-id="${id}"]`);
      async function save(name) {
        await page.getByTestId('scenario-name').fill(name);
        await page.getByTestId('scenario-save').click();
        const li = list.locator('li[data-scenario-id]', { hasText: name });
        await li.first().waitFor();
        assert.equal(await li.count(), 1, `one "${name}" in scenario-list`);
        const id = await li.getAttribute('data-scenario-id');
        created.push(id);
        return id;
      }
      async function saved() {
        const { status, body } = await fetchInPage(page, '/api/v1/forecast/scenarios?municipality=1841');
        assert.equal(status, 200);
        return body.scenarios;
      }

      // "Heltid 2030": a full-time target.
      await page.getByTestId('lever-position_size-on').check();
      const size = await setRange(page, 'lever-position_size', 0.9);
      assert.ok(Math.abs(size - 0.9) < 1e-9, `lever-position_size took 0.9 (${size})`);
      await waitForecastReady(page, problems, 'position size on');
      const heltid = await save('Heltid 2030');

      // The same with a higher turnover.
      const turnover = await setRange(page, 'lever-turnover', 0.1);
      assert.equal(turnover, 0.1);
      await waitForecastReady(page, problems, 'turnover 0.1');
      const current2040 = await numberOf(page, byTestId('forecast-need-2040'));
      const high = await save('Heltid 2030, turnover 10 %');
      assert.notEqual(heltid, high);

      // Stored server-side with the levers on screen.
      const stored = Object.fromEntries((await saved()).map((s) => [String(s.id), s]));
      for (const [id, name, t] of [[heltid, 'Heltid 2030', DEFAULT_TURNOVER], [high, 'Heltid 2030, turnover 10 %', 0.1]]) {
        assert.ok(stored[id], `scenario ${id} is stored`);
        assert.equal(stored[id].name, name);
        assert.equal(stored[id].municipality, '1841');
        const ps = stored[id].levers.position_size ?? stored[id].levers['position_size.to'];
        assert.ok(Math.abs(ps - 0.9) < 1e-9, `${name}: position_size 0.9 stored (${JSON.stringify(stored[id].levers)})`);
        assert.ok(Math.abs((stored[id].levers.turnover ?? DEFAULT_TURNOVER) - t) < 1e-9, `${name}: turnover ${t} stored`);
      }

      // Compare both with the levers on screen.
      await item(heltid).getByTestId('scenario-compare').check();
      await item(high).getByTestId('scenario-compare').check();
      const compare = page.getByTestId('table-scenario-compare');
      for (const key of [heltid, high, 'current']) await compare.locator(`tr[data-scenario="${key}"] td[data-field="need_2040"][data-value]`).waitFor();
      await page.getByTestId('chart-scenario-compare').waitFor();
      await waitForecastReady(page, problems, 'comparison');
      const rows = Object.fromEntries((await tableCells(page, byTestId('table-scenario-compare'), 'data-scenario', 'data-field'))
        .map((r) => [r.key, r.cells]));
      for (const id of [heltid, high]) {
        const { status, body } = await fetchInPage(page, `/api/v1/forecast?municipality=1841&scenario=${id}`);
        assert.equal(status, 200, `GET /api/v1/forecast?scenario=${id}`);
        for (const year of MILESTONES) {
          assert.ok(close(rows[id][`need_${year}`]?.value, cumulativeOf(body, year).need_persons, 1),
            `scenario ${id} need_${year}: ${rows[id][`need_${year}`]?.value}, the API says ${cumulativeOf(body, year).need_persons}`);
        }
      }
      assert.ok(Number(rows[high].need_2040.value) > Number(rows[heltid].need_2040.value),
        `the higher turnover needs more through 2040 (${rows[high].need_2040.value} vs ${rows[heltid].need_2040.value})`);
      assert.ok(close(rows.current.need_2040.value, current2040, 1), `current need_2040 ${rows.current.need_2040.value} is the figure on screen ${current2040}`);
      await screenshot(page, 'forecast-compare');

      // Stored on the server: a reload (a fresh page) lists both.
      await page.goto(`${server.baseUrl}/fremskrivning?kommune=1841`);
      await waitForecastReady(page, problems, 'reload');
      await item(heltid).waitFor();
      await item(high).waitFor();
      assert.match(await item(heltid).innerText(), /Heltid 2030/);

      // Loading one puts its levers on screen.
      await item(heltid).getByTestId('scenario-load').click();
      await waitForecastReady(page, problems, 'scenario-load');
      assert.ok(await page.getByTestId('lever-position_size-on').isChecked(), 'position size on after loading "Heltid 2030"');
      assert.equal(await rangeValue(page, 'lever-position_size'), 0.9);
      assert.equal(await rangeValue(page, 'lever-turnover'), DEFAULT_TURNOVER);
      const { body: heltidApi } = await fetchInPage(page, `/api/v1/forecast?municipality=1841&scenario=${heltid}`);
      assert.ok(close(await valueOf(page, byTestId('forecast-need-2040')), cumulativeOf(heltidApi, 2040).need_persons, 1),
        'the loaded scenario\'s need through 2040');

      // Delete both, each after the confirm dialog.
      for (const id of [high, heltid]) {
        const dialogs = [];
        page.once('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.accept(); });
        await item(id).getByTestId('scenario-delete').click();
        await item(id).waitFor({ state: 'detached' });
        assert.deepEqual(dialogs, ['confirm'], `deleting ${id} asked for confirmation`);
        assert.ok(!(await saved()).some((s) => String(s.id) === id), `scenario ${id} is gone from the server`);
        created.splice(created.indexOf(id), 1);
      }
      // (A fresh page of the scope, not a reload: the address may still name the deleted scenario,
      // and what the page does then is not in the contract.)
      await page.goto(`${server.baseUrl}/fremskrivning?kommune=1841`);
      await waitForecastReady(page, problems, 'after deleting');
      assert.equal(await list.locator(`li[data-scenario-id="${heltid}"], li[data-scenario-id="${high}"]`).count(), 0, 'deleted for good');
      assert.deepEqual(problems, []);
    } finally {
      for (const id of created) await hr.request('DELETE', `/api/v1/forecast/scenarios/${id}`);
      await browser.close();
    }
  });

  test('the XLSX export has the assumptions, the years of the page and the turnover that was set', async () => {
    const problems = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841', problems);
    const dir = tempDir('forecast-xlsx');
    try {
      const { page } = browser;
      const turnover = await setRange(page, 'lever-turnover', 0.09);
      assert.equal(turnover, 0.09);
      await waitForecastReady(page, problems, 'turnover 0.09');
      const href = await page.getByTestId('forecast-export-xlsx').getAttribute('href');
      const url = new URL(href, server.baseUrl);
      assert.equal(url.pathname, '/api/v1/forecast/export');
      assert.equal(url.searchParams.get('format'), 'xlsx');
      assert.equal(url.searchParams.get('municipality'), '1841');
      assert.equal(Number(url.searchParams.get('turnover')), 0.09, `the link carries the lever: ${href}`);

      const file = await download(page, 'forecast-export-xlsx', dir);
      assert.match(path.basename(file), /\.xlsx$/);
      const workbook = readXlsx(file);
      const sheets = Object.fromEntries(workbook.sheets.map((s) => [s.name, s.rows]));
      for (const name of ['Forutsetninger', 'År', 'Grupper', 'Kumulativt']) {
        assert.ok(sheets[name], `a sheet "${name}" (the workbook has ${Object.keys(sheets).join(', ')})`);
      }

      // År: the need in persons per year is that of table-forecast-years.
      const rows = sheets['År'];
      const isYear = (cell) => /^20\d\d$/.test(String(cell ?? '').trim());
      const first = rows.findIndex((r) => isYear(r[0]));
      assert.ok(first > 0, 'År has a header and a row per year');
      const header = rows.slice(0, first).reverse().find((r) => r.filter((c) => typeof c === 'string').length > 2) ?? [];
      const text = (c) => String(c ?? '');
      let column = header.findIndex((c) => /rekrutt/i.test(text(c)) && /person/i.test(text(c)));
      if (column < 0) column = header.findIndex((c) => /need_persons|behov.*person/i.test(text(c)));
      assert.ok(column > 0, `År has a column for the need in persons: ${JSON.stringify(header)}`);
      const page_ = Object.fromEntries((await tableCells(page, byTestId('table-forecast-years'), 'data-year', 'data-field'))
        .map((r) => [r.key, r.cells.need_persons?.value]));
      let compared = 0;
      for (const row of rows.slice(first).filter((r) => isYear(r[0]))) {
        const year = String(row[0]).trim();
        if (page_[year] === undefined) continue;
        assert.equal(typeof row[column], 'number', `År ${year}: a number`);
        assert.ok(close(page_[year], row[column], 1), `År ${year}: ${row[column]} in the workbook, ${page_[year]} on the page`);
        compared += 1;
      }
      for (const year of MILESTONES) {
        assert.ok(rows.some((r) => String(r[0]).trim() === String(year)), `År has ${year}`);
      }
      assert.ok(compared >= MILESTONES.length, `compared ${compared} years`);

      // Forutsetninger: the turnover that was set (as 0.09, or as 9 %).
      const turnoverRows = sheets.Forutsetninger.filter((r) => r.some((c) => /turnover|andre grunner|annen avgang/i.test(text(c))));
      const holds = (c) => (typeof c === 'number' && (Math.abs(c - 0.09) < 1e-9 || Math.abs(c - 9) < 1e-9))
        || /^(0[,.]09|9([,.]0+)?\s*%)$/.test(text(c).trim());
      assert.ok(turnoverRows.some((r) => r.some(holds)),
        `Forutsetninger lists turnover 0.09: ${JSON.stringify(turnoverRows)}`);
      assert.deepEqual(problems, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await browser.close();
    }
  });

  test('only hr, coordinator and admin have the page: a unit leader and an employee see "forbidden"', async () => {
    for (const user of ['fauske.hr', 'salten.koordinator', 'admin']) {
      const browser = await openBrowser();
      try {
        await loginInBrowser(browser.page, server.baseUrl, user);
        await browser.page.getByTestId('nav-forecast').waitFor();
      } finally {
        await browser.close();
      }
    }
    for (const user of ['fauske.leder', 'fauske.ansatt']) {
      const browser = await openBrowser();
      try {
        const { page } = browser;
        await loginInBrowser(page, server.baseUrl, user);
        assert.equal(await page.getByTestId('nav-forecast').count(), 0, `${user}: no nav-forecast`);
        await page.goto(`${server.baseUrl}/fremskrivning?kommune=1841`);
        await page.getByTestId('forbidden').waitFor();
        assert.equal(await page.getByTestId('nav-forecast').count(), 0, `${user}: no nav-forecast on the forbidden page`);
        assert.equal(await page.locator(`${byTestId('forecast-need-2040')}[data-value]:not([data-value=""])`).count(), 0,
          `${user}: no forecast figures`);
        const { status } = await fetchInPage(page, '/api/v1/forecast?municipality=1841');
        assert.equal(status, 403, `${user}: GET /api/v1/forecast is 403`);
      } finally {
        await browser.close();
      }
    }
  });

  test('accessibility: the forecast page has no serious or critical violations, in bokmål and English', async () => {
    const problems = [];
    const browser = await openForecast(server, 'fauske.hr', '/fremskrivning?kommune=1841', problems);
    try {
      const { page } = browser;
      await page.waitForLoadState('networkidle');
      const violations = await seriousA11yViolations(page);
      assert.deepEqual(violations, [], `axe on /fremskrivning:\n${violations.join('\n')}`);
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await waitForecastReady(page, problems, 'English');
      await page.waitForLoadState('networkidle');
      const english = await seriousA11yViolations(page);
      assert.deepEqual(english, [], `axe on /fremskrivning in English:\n${english.join('\n')}`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});

// The coordinator's forecasts with Fauske's small fixture snapshot (40 persons; categories of 2 and
// 4): groups of 1–4 persons in the base year are withheld, in every response and on screen. Twice:
// the fixture in place of Fauske's snapshot of 31.12.2025 (every member of Salten has its newest
// snapshot in 2025), and on its own date 30.06.2026 (Fauske's newest snapshot is a year later than
// the others'; docs/openapi.yaml: "each member municipality's latest snapshot is the base").
for (const FIXTURE_DATE of ['2025-12-31', '2026-06-30']) describe(`forecast privacy: a coordinator never receives a withheld group (Fauske's fixture on ${FIXTURE_DATE})`, { skip: skip ?? false }, () => {
  let server;
  let hr;
  let browser;
  const records = [];
  before(async () => {
    server = await startServer();
    hr = await apiLogin(server.baseUrl, 'fauske.hr');
    const job = await hr.importFile('1841', FIXTURE_DATE, path.join(fixturesDir, 'fauske-2026-06-30.csv'), { replace: true });
    assert.equal(job.state, 'succeeded', JSON.stringify(job.report ?? job.error));
    browser = await openBrowser();
    await loginInBrowser(browser.page, server.baseUrl, 'salten.koordinator');
  });
  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  // Opens `target` as the coordinator; resolves to the forecast responses the page received.
  async function visit(target) {
    const { page } = browser;
    const recorder = recordForecastResponses(page);
    await page.goto(`${server.baseUrl}${target}`);
    await waitForecastReady(page, null, target);
    await page.waitForLoadState('networkidle');
    const got = await recorder.stop();
    assert.ok(got.length > 0, `${target}: the page read /api/v1/forecast`);
    for (const r of got) assert.equal(r.body.suppressed, true, `${r.url.search}: suppressed for a coordinator`);
    records.push(...got);
    return got;
  }

  // table-forecast-groups against the last response: ":" where withheld, the API's figures elsewhere.
  async function checkGroupsTable(forecast, problems) {
    const { page } = browser;
    const rows = Object.fromEntries((await tableCells(page, byTestId('table-forecast-groups'), 'data-group', 'data-field'))
      .map((r) => [r.key, r.cells]));
    forecast.groups.forEach((group, i) => {
      const cells = rows[group.category];
      if (!cells) { problems.push(`table-forecast-groups: no row for ${group.category}`); return; }
      for (const field of ['base_persons', ...MILESTONES.map((y) => `need_${y}`)]) {
        const cell = cells[field];
        if (!cell) { problems.push(`${group.category} ${field}: no cell`); continue; }
        if (group.withheld) {
          if (cell.suppressed !== 'true' || cell.value !== '' || !/(^|\s):$/.test(cell.text)) {
            problems.push(`${group.category} ${field}: withheld, but the cell has data-value=${JSON.stringify(cell.value)} data-suppressed=${cell.suppressed} text ${JSON.stringify(cell.text)}`);
          }
        } else {
          const exact = field === 'base_persons' ? group.base_persons : groupNeedThrough(forecast, i, Number(field.slice(5)));
          if (!close(cell.value, exact, field === 'base_persons' ? 0 : 1)) problems.push(`${group.category} ${field}: ${cell.value}, the API says ${exact}`);
          if (cell.suppressed === 'true') problems.push(`${group.category} ${field}: shown by the API but marked data-suppressed`);
        }
      }
    });
    const bad = await page.locator('[data-suppressed="true"]').evaluateAll((els) => els
      .filter((el) => el.getAttribute('data-value') !== '' || !/(^|\s):$/.test(el.textContent.replace(/\s+/g, ' ').trim()))
      .map((el) => el.outerHTML.slice(0, 200)));
    for (const b of bad) problems.push(`a withheld element with a value or without ":": ${b}`);
    if (forecast.groups.some((g) => g.withheld)) {
      if ((await page.getByTestId('suppression-note').count()) === 0) problems.push('groups are withheld, but there is no suppression-note');
    }
  }

  test('/fremskrivning?region=salten: withheld groups show ":" and no response has their figures', async (t) => {
    const got = await visit('/fremskrivning?region=salten');
    t.diagnostic(`withheld in Salten: ${got.at(-1).body.groups.filter((g) => g.withheld).map((g) => g.category).join(', ') || 'none'}`);
    const problems = [];
    for (const r of got) {
      problems.push(...withheldLeaks(r.body, r.url.search));
      for (const g of r.body.groups) {
        // docs/openapi.yaml: groups of fewer than k persons in the base year are withheld.
        if (!g.withheld && g.base_persons > 0 && g.base_persons < r.body.min_group) {
          problems.push(`${r.url.search}: group ${g.category} of ${g.base_persons} persons is shown (k = ${r.body.min_group})`);
        }
      }
    }
    assert.match(await textOf(browser.page, byTestId('forecast-scope')), /Salten/);
    await checkGroupsTable(got.at(-1).body, problems);
    assert.deepEqual(problems, []);
  });

  test('/fremskrivning?kommune=1841: every category of 1–4 persons in the base year is withheld', async (t) => {
    const got = await visit('/fremskrivning?kommune=1841');
    t.diagnostic(`withheld in Fauske: ${got.at(-1).body.groups.filter((g) => g.withheld).map((g) => g.category).join(', ') || 'none'}`);
    const problems = [];
    let small = 0;
    for (const r of got) {
      problems.push(...withheldLeaks(r.body, r.url.search));
      // The same forecast unsuppressed, as Fauske's HR reads it (same levers).
      const truth = await hr.json(`/api/v1/forecast${r.url.search}`);
      assert.equal(truth.suppressed, false, 'unsuppressed for Fauske\'s HR');
      const persons = Object.fromEntries(truth.groups.map((g) => [g.category, g.base_persons]));
      for (const [i, g] of r.body.groups.entries()) {
        const n = persons[g.category];
        assert.ok(n !== undefined, `${g.category} is a group of the unsuppressed forecast`);
        if (n >= 1 && n <= 4) {
          small += 1;
          if (!g.withheld) problems.push(`${r.url.search}: ${g.category} has ${n} persons in the base year but is not withheld`);
        }
        if (!g.withheld) {
          const t = truth.groups.findIndex((x) => x.category === g.category);
          if (g.base_persons !== n) problems.push(`${g.category}: base_persons ${g.base_persons}, the true figure is ${n}`);
          for (const y of r.body.years) {
            const want = yearOf(truth, y.year)?.groups[t];
            if (!want || Math.abs(y.groups[i].need_persons - want.need_persons) > 1e-9) {
              problems.push(`${g.category} ${y.year}: need_persons ${y.groups[i]?.need_persons}, the true figure is ${want?.need_persons}`);
            }
          }
        }
      }
      // Totals are always given, and are the true ones.
      for (const y of r.body.years) {
        const want = yearOf(truth, y.year).total.need_persons;
        if (Math.abs(y.total.need_persons - want) > 1e-9) problems.push(`${y.year} total need_persons ${y.total.need_persons}, the true figure is ${want}`);
      }
    }
    assert.ok(small > 0, 'the fixture has categories of 1–4 persons (it is small on purpose)');
    await checkGroupsTable(got.at(-1).body, problems);
    await browser.page.getByTestId('suppression-note').waitFor();
    assert.deepEqual(problems, []);
  });

  test('the coordinator\'s XLSX export has ":" wherever a group is withheld', async () => {
    const { page } = browser;
    const got = await visit('/fremskrivning?kommune=1841');
    const forecast = got.at(-1).body;
    const withheld = forecast.groups.filter((g) => g.withheld);
    assert.ok(withheld.length > 0, 'Fauske\'s small fixture has withheld groups');
    const dir = tempDir('forecast-xlsx-coordinator');
    try {
      const workbook = readXlsx(await download(page, 'forecast-export-xlsx', dir));
      const problems = [];
      for (const name of ['Grupper', 'Kumulativt']) {
        const sheet = workbook.sheets.find((s) => s.name === name);
        assert.ok(sheet, `a sheet "${name}"`);
        for (const group of withheld) {
          const rows = sheet.rows.filter((r) => r.some((c) => c === group.label || c === group.category));
          if (rows.length === 0) problems.push(`${name}: no row for the withheld group ${group.category}`);
          for (const row of rows) {
            // Only the year (first column) may be a number in a withheld group's row.
            const numbers = row.filter((c, i) => typeof c === 'number' && !(i === 0 && Number.isInteger(c) && c >= 2000 && c <= 2100));
            if (numbers.length) problems.push(`${name}: the withheld group ${group.category} has figures ${JSON.stringify(row)}`);
            if (!row.includes(':')) problems.push(`${name}: the withheld group ${group.category} has no ":" ${JSON.stringify(row)}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no withheld group can be worked out from the total minus the others (docs/privacy.md rule 5)', async () => {
    assert.ok(records.length > 0);
    const problems = [];
    for (const r of records) {
      const withheld = r.body.groups.filter((g) => g.withheld).map((g) => g.category);
      if (withheld.length === 1) {
        problems.push(`${r.url.search}: only ${withheld[0]} is withheld, so the total minus the other groups gives its figures`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
