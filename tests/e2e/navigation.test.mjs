// Moving around the app: drill-down and breadcrumb, the category filter, language and number
// formats, what each role may open, and the login form by keyboard.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asDataValues, byTestId, eventually, kpis, textOf, valueOf, waitForSnapshot } from './lib/app.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, normalise, openBrowser, screenshot, skipReason, startServer,
} from './lib/server.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'fauske-2026-06-30.expected.json'), 'utf8'));
const nodes = expected.nodes;

// Distinct persons and Σ percent of the demo's Fauske export of 31.12.2025 (its own CSV, read here).
function demoFauske2025(exportDir) {
  const [header, ...lines] = fs.readFileSync(path.join(exportDir, 'ansatte-1841-2025-12-31.csv'), 'utf8')
    .replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const columns = header.split(';');
  const id = columns.indexOf('Ansattnummer');
  const percent = columns.indexOf('Stillingsprosent');
  let hundredths = 0;
  const persons = new Set();
  for (const line of lines) {
    const cells = line.split(';');
    persons.add(cells[id]);
    hundredths += Math.round(Number(cells[percent].replace(',', '.')) * 100);
  }
  return { positions: lines.length, persons: persons.size, hundredths };
}

// nb-NO as the CONTRACT writes it: group separator a space, decimal comma.
function nbNumber(value, decimals) {
  const [whole, frac] = value.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac ? `${grouped},${frac}` : grouped;
}

const skip = skipReason();
describe('navigation, language, formats and roles', { skip: skip ?? false }, () => {
  let server;
  before(async () => {
    server = await startServer();
    const hr = await apiLogin(server.baseUrl, 'fauske.hr');
    const job = await hr.importFile('1841', expected.date, path.join(fixturesDir, 'fauske-2026-06-30.csv'));
    assert.equal(job.state, 'succeeded', JSON.stringify(job.report ?? job.error));
  });
  after(async () => {
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('drill-down: municipality → sector → unit, and back up by the breadcrumb', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
      await waitForSnapshot(page, expected.date);
      await eventually(() => kpis(page), asDataValues(nodes['1841']), 'Fauske');
      assert.match(await textOf(page, byTestId('scope-title')), /Fauske/);

      const children = page.getByTestId('table-children');
      for (const sector of ['1841/HO', '1841/OK', '1841/ADM']) {
        await children.locator(`tr[data-node="${sector}"]`).waitFor();
      }
      await children.locator('tr[data-node="1841/HO"] > :is(th, td)').first().locator('a').click();
      await page.waitForURL((url) => url.searchParams.get('node') === '1841/HO');
      await eventually(() => kpis(page), asDataValues(nodes['1841/HO']), 'Helse og omsorg');
      assert.equal(await textOf(page, byTestId('scope-title')), 'Helse og omsorg');
      for (const unit of ['1841/HO/SH01', '1841/HO/HT01']) {
        await children.locator(`tr[data-node="${unit}"]`).waitFor();
      }
      assert.equal(await children.locator('tr[data-node="1841/OK/SK01"]').count(), 0, 'only the units of the sector');

      // A shared or reloaded URL shows the same view.
      await page.reload();
      await eventually(() => kpis(page), asDataValues(nodes['1841/HO']), 'Helse og omsorg after reload');

      await children.locator('tr[data-node="1841/HO/SH01"] > :is(th, td)').first().locator('a').click();
      await page.waitForURL((url) => url.searchParams.get('node') === '1841/HO/SH01');
      await eventually(() => kpis(page), asDataValues(nodes['1841/HO/SH01']), 'Sentrum sykehjem');
      assert.equal(await textOf(page, byTestId('scope-title')), 'Sentrum sykehjem');
      await screenshot(page, 'overview-unit');

      const breadcrumb = page.getByTestId('breadcrumb');
      await breadcrumb.getByRole('link', { name: 'Helse og omsorg' }).click();
      await page.waitForURL((url) => url.searchParams.get('node') === '1841/HO');
      await eventually(() => kpis(page), asDataValues(nodes['1841/HO']), 'back at Helse og omsorg');
      await breadcrumb.getByRole('link', { name: /Fauske/ }).click();
      await page.waitForURL((url) => !url.searchParams.get('node'));
      await eventually(() => kpis(page), asDataValues(nodes['1841']), 'back at Fauske');

      // The other sectors drill down the same way.
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841&node=1841/OK/BH01`);
      await eventually(() => kpis(page), asDataValues(nodes['1841/OK/BH01']), 'Sentrum barnehage');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841&node=1841/ADM`);
      await eventually(() => kpis(page), asDataValues(nodes['1841/ADM']), 'Administrasjon og stab');
    } finally {
      await browser.close();
    }
  });

  test('the category filter narrows the whole page', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
      await waitForSnapshot(page, expected.date);
      await page.locator(`${byTestId('category-filter')} input[type=checkbox][data-category="laerer"]`).check();
      await page.waitForURL((url) => url.searchParams.get('kategori') === 'laerer');
      const laerer = expected.categories.laerer;
      await eventually(() => kpis(page, ['persons', 'positions', 'fte']), asDataValues(laerer), 'only teachers');
      const rows = await page.locator(`${byTestId('table-categories')} tr[data-category]`).evaluateAll(
        (trs) => trs.map((tr) => tr.getAttribute('data-category')).filter((c) => c !== ''));
      assert.deepEqual(rows, ['laerer']);
      const href = await page.getByTestId('export-xlsx').getAttribute('href');
      assert.match(href, /category=laerer/, 'the export is of the view on screen');
    } finally {
      await browser.close();
    }
  });

  test('sorting table-categories by a column, with aria-sort', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
      await waitForSnapshot(page, expected.date);
      const header = page.locator(`${byTestId('table-categories')} th[data-sort="persons"]`);
      const order = () => page.locator(`${byTestId('table-categories')} tr[data-category]`).evaluateAll((trs) => trs
        .filter((tr) => tr.getAttribute('data-category') !== '')
        .map((tr) => tr.getAttribute('data-category')));
      const byPersons = Object.entries(expected.categories).sort((a, b) => a[1].persons - b[1].persons);
      // Ties (annen and leder have 4 each) may come in either order.
      const normalised = (keys) => keys.map((k) => expected.categories[k].persons);
      const directions = [];
      for (let click = 0; click < 2; click += 1) {
        await header.locator('button').click();
        // A second click reverses the order.
        await eventually(() => header.getAttribute('aria-sort')
          .then((s) => ['ascending', 'descending'].includes(s) && s !== directions.at(-1)), true, 'aria-sort after a click');
        const direction = await header.getAttribute('aria-sort');
        directions.push(direction);
        const want = byPersons.map(([k]) => k);
        if (direction === 'descending') want.reverse();
        await eventually(async () => normalised(await order()), normalised(want), `categories ${direction} by persons`);
      }
    } finally {
      await browser.close();
    }
  });

  test('language switch: bokmål and English, <html lang>, remembered after reload', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
      await waitForSnapshot(page, expected.date);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nb');
      assert.equal(await textOf(page, byTestId('lang-switch')), 'English');
      const navNb = await textOf(page, byTestId('nav-overview'));
      assert.equal(await textOf(page, byTestId('snapshot-date')), expected.date_nb);
      await eventually(() => textOf(page, byTestId('kpi-part-time')).then((t) => t.includes('47,5 %')), true,
        'part-time as "47,5 %" in bokmål');

      await page.getByTestId('lang-switch').click();
      await eventually(() => page.locator('html').getAttribute('lang'), 'en', '<html lang> after the switch');
      assert.equal(await textOf(page, byTestId('lang-switch')), 'Norsk');
      const navEn = await textOf(page, byTestId('nav-overview'));
      assert.notEqual(navEn, navNb, 'the menu is translated');
      // The switch reloads the page's data (the API's labels follow the language), so the
      // overview is briefly empty: wait for it.
      await eventually(() => textOf(page, byTestId('snapshot-date')), '30/06/2026', 'snapshot-date in English');
      await eventually(() => textOf(page, byTestId('kpi-part-time')).then((t) => t.includes('47.5%')), true,
        'part-time as "47.5%" in English');
      assert.equal(await page.evaluate(() => localStorage.getItem('kompetent.lang')), 'en');
      await screenshot(page, 'overview-en');

      await page.reload();
      await waitForSnapshot(page, expected.date);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English after reload');
      assert.equal(await textOf(page, byTestId('nav-overview')), navEn);

      await page.getByTestId('lang-switch').click();
      await eventually(() => page.locator('html').getAttribute('lang'), 'nb', 'back to bokmål');
      assert.equal(await textOf(page, byTestId('nav-overview')), navNb);
    } finally {
      await browser.close();
    }
  });

  test('numbers and dates in bokmål: "1 234", "1 234,5", "31.12.2025"', async () => {
    const demo = demoFauske2025(server.exportDir);
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841&dato=2025-12-31`);
      await waitForSnapshot(page, '2025-12-31');
      assert.equal(await textOf(page, byTestId('snapshot-date')), '31.12.2025');
      await eventually(() => valueOf(page, byTestId('kpi-positions')), String(demo.positions), 'positions');
      assert.ok((await textOf(page, byTestId('kpi-positions'))).includes(nbNumber(demo.positions, 0)),
        `positions shown as ${nbNumber(demo.positions, 0)}`);
      assert.equal(await valueOf(page, byTestId('kpi-persons')), String(demo.persons));
      const fte = demo.hundredths / 10000;
      assert.equal(await valueOf(page, byTestId('kpi-fte')), fte.toFixed(2));
      // Årsverk are shown with one decimal (docs/indicators.md), with a space between thousands.
      assert.ok((await textOf(page, byTestId('kpi-fte'))).includes(nbNumber(fte, 1)),
        `fte shown as ${nbNumber(fte, 1)}: ${await textOf(page, byTestId('kpi-fte'))}`);
    } finally {
      await browser.close();
    }
  });

  test('a unit leader sees only their unit', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.leder');
      await waitForSnapshot(page, expected.date);
      await eventually(() => kpis(page), asDataValues(nodes['1841/HO/SH01']), 'the leader\'s own unit');
      assert.equal(await textOf(page, byTestId('scope-title')), 'Sentrum sykehjem');
      assert.equal(await page.getByTestId('nav-import').count(), 0, 'no import in the menu');
      assert.equal(await page.getByTestId('nav-region').count(), 0, 'no region in the menu');

      // The whole municipality, another unit or the import page: never their figures.
      for (const target of ['/oversikt?kommune=1841&node=1841/HO', '/oversikt?kommune=1841&node=1841/HO/HT01']) {
        await page.goto(`${server.baseUrl}${target}`);
        await page.locator(`${byTestId('forbidden')}, ${byTestId('error-message')}`).first().waitFor();
        for (const node of ['1841/HO', '1841/HO/HT01']) {
          const persons = await valueOf(page, byTestId('kpi-persons'));
          assert.notEqual(persons, String(nodes[node].persons), `${target} shows no figures of ${node}`);
        }
      }
      await page.goto(`${server.baseUrl}/import`);
      await page.getByTestId('forbidden').waitFor();
    } finally {
      await browser.close();
    }
  });

  test('each role lands on its page, and a page it may not use shows "forbidden"', async () => {
    const cases = [
      { user: 'fauske.ansatt', lands: '/meg', absent: ['nav-overview', 'nav-compare', 'nav-import', 'nav-region'],
        forbidden: ['/oversikt', '/import', '/region', '/sammenligning'] },
      { user: 'salten.koordinator', lands: '/region', absent: ['nav-import'], present: ['nav-overview', 'nav-region'],
        forbidden: ['/import', '/meg'] },
      { user: 'fauske.hr', lands: '/oversikt', present: ['nav-overview', 'nav-compare', 'nav-import'],
        forbidden: ['/meg'] },
      { user: 'admin', lands: '/oversikt', absent: ['nav-import'], forbidden: ['/import', '/meg'] },
    ];
    for (const c of cases) {
      const browser = await openBrowser();
      try {
        const { page } = browser;
        await loginInBrowser(page, server.baseUrl, c.user);
        await page.waitForURL((url) => url.pathname === c.lands);
        for (const id of c.absent ?? []) assert.equal(await page.getByTestId(id).count(), 0, `${c.user}: no ${id}`);
        for (const id of c.present ?? []) await page.getByTestId(id).waitFor();
        for (const target of c.forbidden) {
          await page.goto(`${server.baseUrl}${target}`);
          await page.getByTestId('forbidden').waitFor();
        }
        if (c.user === 'fauske.ansatt') await screenshot(page, 'forbidden');
      } finally {
        await browser.close();
      }
    }
  });

  test('keyboard: Tab reaches the login form and the language switch, Enter submits', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(`${server.baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/logg-inn');
      await page.getByTestId('login-username').waitFor();
      const reached = new Set();
      for (let i = 0; i < 30 && reached.size < 3; i += 1) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
        if (['login-username', 'login-password', 'lang-switch'].includes(id)) reached.add(id);
      }
      assert.deepEqual([...reached].sort(), ['lang-switch', 'login-password', 'login-username']);

      await page.getByTestId('login-username').focus();
      await page.keyboard.type('fauske.hr');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'login-password');
      await page.keyboard.type('demo-passord-2025');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/oversikt');
      await page.getByTestId('user-name').waitFor();
    } finally {
      await browser.close();
    }
  });

  test('a wrong password shows login-error and stays on the login page', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(`${server.baseUrl}/logg-inn`);
      await page.getByTestId('login-username').fill('fauske.hr');
      await page.getByTestId('login-password').fill('not-the-password-at-all');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      assert.ok(normalise(await page.getByTestId('login-error').innerText()).length > 0);
      assert.equal(new URL(page.url()).pathname, '/logg-inn');
    } finally {
      await browser.close();
    }
  });
});
