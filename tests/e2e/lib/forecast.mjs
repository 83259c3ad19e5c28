// The forecast page (/fremskrivning, CONTRACT.md "Forecast") and GET /api/v1/forecast
// (docs/openapi.yaml): waiting for its status, moving its levers, and reading the API's answer in
// the page's own session so that page and API can be compared.
import assert from 'node:assert/strict';
import { byTestId } from './app.mjs';

export const MILESTONES = [2030, 2035, 2040, 2050];
export const PARTS = ['retirements', 'turnover', 'demand_growth', 'demand_levers', 'supply_levers', 'surplus'];
// The defaults of docs/forecast.md ("Levers").
export const DEFAULT_TURNOVER = 0.06;
export const DEFAULT_SICK_LEAVE = 0.08;

const READY = `${byTestId('forecast-status')}[data-state="ready"]`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits until forecast-status is "ready" and stays so. The CONTRACT says "ready" only once the
// figures on screen belong to the levers on screen, so a page must not say "ready" through its
// debounce (≤ ~300 ms) and then reload: if the state leaves "ready" within `watchMs`, that is noted
// in `problems` (when given) and the wait starts again, so the figures read after it are the new ones.
export async function waitForecastReady(page, problems = null, what = '', watchMs = 800) {
  const status = page.getByTestId('forecast-status');
  for (let round = 0; round < 20; round += 1) {
    const settled = page.locator(`${READY}, ${byTestId('forecast-status')}[data-state="error"]`);
    try {
      await settled.first().waitFor({ timeout: 60000 });
    } catch (error) {
      const state = await status.getAttribute('data-state').catch(() => null);
      assert.fail(`${what}: forecast-status is still "${state}" after 60 s (URL ${page.url()})`);
    }
    if (await status.getAttribute('data-state') === 'error') {
      const message = await page.getByTestId('error-message').first().textContent({ timeout: 2000 }).catch(() => '');
      assert.fail(`${what}: forecast-status is "error" (${message}) (URL ${page.url()})`);
    }
    const start = Date.now();
    let left = null;
    while (Date.now() - start < watchMs) {
      const state = await status.getAttribute('data-state');
      if (state !== 'ready') { left = { state, after: Date.now() - start }; break; }
      await sleep(40);
    }
    if (!left) return;
    if (left.state === 'error') {
      const message = await page.getByTestId('error-message').first().textContent().catch(() => '');
      assert.fail(`${what}: forecast-status is "error" (${message})`);
    }
    problems?.push(`${what}: forecast-status said "ready" and then went to "${left.state}" ${left.after} ms later ` +
      '(CONTRACT: "ready" once the figures on screen belong to the levers on screen)');
  }
  assert.fail(`${what}: forecast-status never settled on "ready"`);
}

// Sets an <input type=range> as a user's drag would end: the value through the element's own
// setter (so React sees a change), then "input" and "change". Resolves to the value the input
// took (a range snaps to its step and bounds).
export async function setRange(page, testId, value) {
  const input = page.getByTestId(testId);
  await input.waitFor();
  assert.equal(await input.getAttribute('type'), 'range', `${testId} is an <input type=range>`);
  return input.evaluate((el, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return Number(el.value);
  }, value);
}

export async function rangeValue(page, testId) {
  return Number(await page.getByTestId(testId).inputValue());
}

// A figure's data-value as a number (null for "" or a missing element).
export async function numberOf(page, selector) {
  const element = page.locator(selector).first();
  if ((await element.count()) === 0) return null;
  const value = await element.getAttribute('data-value');
  return value === null || value === '' ? null : Number(value);
}

export const need = (page, year) => numberOf(page, byTestId(`forecast-need-${year}`));

// GET in the page's session (its cookie); resolves to { status, body }.
export async function fetchInPage(page, target) {
  return page.evaluate(async (t) => {
    const response = await fetch(t, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch { body = text; }
    return { status: response.status, body };
  }, target);
}

// The lever names GET /api/v1/forecast/levers knows (defaults and ranges).
export async function leverNames(page) {
  const { status, body } = await fetchInPage(page, '/api/v1/forecast/levers');
  assert.equal(status, 200, `GET /api/v1/forecast/levers: ${JSON.stringify(body)}`);
  return new Set([...Object.keys(body.defaults), ...body.ranges.map((r) => r.lever), 'population', 'task_shift']);
}

const isLever = (name, names) => names.has(name) || names.has(name.split('.')[0]);

// The GET /api/v1/forecast query for the page's URL: kommune → municipality, region, til → to,
// scenario, and every lever of the URL as it is (CONTRACT: "the levers in the URL are those of
// GET /api/v1/forecast").
export function apiQueryOf(pageUrl, names) {
  const url = new URL(pageUrl);
  const q = new URLSearchParams();
  const p = url.searchParams;
  if (p.get('kommune')) q.set('municipality', p.get('kommune'));
  if (p.get('region')) q.set('region', p.get('region'));
  if (p.get('til')) q.set('to', p.get('til'));
  if (p.get('scenario')) q.set('scenario', p.get('scenario'));
  for (const [name, value] of p) if (isLever(name, names)) q.append(name, value);
  return q;
}

// The levers in the page's URL as { name: value }.
export function urlLevers(pageUrl, names) {
  const out = {};
  for (const [name, value] of new URL(pageUrl).searchParams) if (isLever(name, names)) out[name] = value;
  return out;
}

export const cumulativeOf = (forecast, through) => forecast.cumulative.find((c) => c.through === through);
export const yearOf = (forecast, year) => forecast.years.find((y) => y.year === year);

// A group's cumulative need in persons through `through`: the sum of its yearly need after the
// base year (docs/forecast.md, "Other output"); null when the group is withheld.
export function groupNeedThrough(forecast, index, through) {
  let sum = 0;
  for (const y of forecast.years) {
    if (y.year <= forecast.base_year || y.year > through) continue;
    const g = y.groups[index];
    if (g === null) return null;
    sum += g.need_persons;
  }
  return sum;
}

// A shown figure (a data-value string) against an exact value, within the rounding of `decimals`.
export function close(shown, exact, decimals) {
  if (shown === null || shown === undefined || shown === '' || exact === null || exact === undefined) return false;
  return Math.abs(Number(shown) - exact) <= 0.5 * 10 ** -decimals + 1e-9;
}

// Records every GET /api/v1/forecast response the page receives (its JSON) until stop().
export function recordForecastResponses(page) {
  const pending = [];
  const listener = (response) => {
    const url = new URL(response.url());
    if (url.pathname !== '/api/v1/forecast') return;
    pending.push(response.text().then((text) => ({ url, status: response.status(), text })).catch(() => null));
  };
  page.on('response', listener);
  return {
    async stop() {
      page.off('response', listener);
      const got = (await Promise.all(pending)).filter(Boolean);
      return got.filter((r) => r.status === 200).map((r) => ({ ...r, body: JSON.parse(r.text) }));
    },
  };
}

// Every figure of a withheld group in a forecast answer that is not null, one line each.
export function withheldLeaks(forecast, where) {
  const leaks = [];
  forecast.groups.forEach((group, i) => {
    if (!group.withheld) return;
    const name = group.category ?? group.service;
    if (group.base_persons !== null) leaks.push(`${where}: group ${name} is withheld but has base_persons ${group.base_persons}`);
    if (group.base_fte !== null) leaks.push(`${where}: group ${name} is withheld but has base_fte ${group.base_fte}`);
    for (const y of forecast.years) {
      if (y.groups[i] !== null) leaks.push(`${where}: group ${name} is withheld but ${y.year} has ${JSON.stringify(y.groups[i]).slice(0, 120)}`);
    }
  });
  return leaks;
}
