// axe-core on every page, in the state a user sees it: no serious or critical violation.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId } from './lib/app.mjs';
import {
  apiLogin, fixturesDir, loginInBrowser, openBrowser, screenshot, seriousA11yViolations, skipReason, startServer,
} from './lib/server.mjs';

// [page name, user (null: not logged in), path, what shows that the page has its data]
const PAGES = [
  ['login', null, '/logg-inn', byTestId('login-submit')],
  ['overview', 'fauske.hr', '/oversikt?kommune=1841', `${byTestId('kpi-persons')}[data-value]`],
  ['drill-down', 'fauske.hr', '/oversikt?kommune=1841&node=1841/HO', `${byTestId('table-children')} tr[data-node]`],
  ['compare', 'fauske.hr', '/sammenligning?kommune=1841', `${byTestId('compare-kpi-joiners')}[data-value]`],
  ['import', 'fauske.hr', '/import', byTestId('import-submit')],
  ['region', 'salten.koordinator', '/region', `${byTestId('table-region')} tr[data-municipality]`],
  ['meg', 'fauske.ansatt', '/meg', byTestId('user-name')],
];

const skip = skipReason();
describe('accessibility (axe-core)', { skip: skip ?? false }, () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  for (const [name, user, target, ready] of PAGES) {
    test(`${name} (${target}) has no serious or critical violations`, async () => {
      const browser = await openBrowser();
      try {
        const { page } = browser;
        if (user) await loginInBrowser(page, server.baseUrl, user);
        await page.goto(`${server.baseUrl}${target}`);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousA11yViolations(page);
        if (name === 'login' || name === 'meg') await screenshot(page, name);
        assert.deepEqual(violations, [], `axe on ${target}:\n${violations.join('\n')}`);
        // The same page in English.
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const english = await seriousA11yViolations(page);
        assert.deepEqual(english, [], `axe on ${target} in English:\n${english.join('\n')}`);
      } finally {
        await browser.close();
      }
    });
  }

  test('the import page with its list of errors has no serious or critical violations', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'fauske.hr');
      await page.goto(`${server.baseUrl}/import`);
      await page.getByTestId('import-date').fill('2026-09-30');
      await page.getByTestId('import-file').setInputFiles(path.join(fixturesDir, 'fauske-broken.csv'));
      await page.getByTestId('import-submit').click();
      await page.locator(`${byTestId('import-errors')} td[data-field="row"]`).first().waitFor({ timeout: 60000 });
      const violations = await seriousA11yViolations(page);
      assert.deepEqual(violations, [], `axe on the import errors:\n${violations.join('\n')}`);
    } finally {
      await browser.close();
    }
  });

  test('the overview of a coordinator, with withheld figures, has no serious or critical violations', async () => {
    const hr = await apiLogin(server.baseUrl, 'fauske.hr');
    const job = await hr.importFile('1841', '2026-06-30', path.join(fixturesDir, 'fauske-2026-06-30.csv'));
    assert.equal(job.state, 'succeeded');
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await loginInBrowser(page, server.baseUrl, 'salten.koordinator');
      await page.goto(`${server.baseUrl}/oversikt?kommune=1841`);
      await page.locator(`${byTestId('kpi-persons')}[data-value]`).waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousA11yViolations(page);
      assert.deepEqual(violations, [], `axe on the coordinator's overview:\n${violations.join('\n')}`);
    } finally {
      await browser.close();
    }
  });
});
