// Reading the app's pages through the elements tests/e2e/CONTRACT.md promises.
import assert from 'node:assert/strict';
import { normalise } from './server.mjs';

export const byTestId = (id) => `[data-testid="${id}"]`;

// Polls until `read()` returns `expected` (deep-equal), then returns it; otherwise fails with the
// last value seen. For pages that load their data after the first render.
export async function eventually(read, expected, what, attempts = 300) {
  let last;
  for (let i = 0; i < attempts; i += 1) {
    try {
      last = await read();
      if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    } catch (error) {
      last = `(${error.message.split('\n')[0]})`;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(last, expected, `${what}: expected ${JSON.stringify(expected)}, the page shows ${JSON.stringify(last)}`);
  return last;
}

// The data-value of the first element matching `selector`, or undefined when there is none.
export async function valueOf(page, selector) {
  const element = page.locator(selector).first();
  if ((await element.count()) === 0) return undefined;
  return element.getAttribute('data-value');
}

export async function textOf(page, selector) {
  const element = page.locator(selector).first();
  if ((await element.count()) === 0) return undefined;
  return normalise(await element.innerText());
}

// Waits for the overview to show the snapshot of `date` (YYYY-MM-DD).
export async function waitForSnapshot(page, date) {
  await eventually(() => valueOf(page, byTestId('snapshot-date')), date, 'snapshot-date');
}

export const KPI_OF = {
  persons: 'kpi-persons',
  positions: 'kpi-positions',
  fte: 'kpi-fte',
  average_age: 'kpi-average-age',
  aged_50_plus: 'kpi-aged-50-plus',
  part_time: 'kpi-part-time',
  unskilled: 'kpi-unskilled',
  average_position_percent: 'kpi-average-position-percent',
  retirements_5: 'kpi-retirements-5',
  retirements_10: 'kpi-retirements-10',
};

// Every headline figure of the overview, as { name: data-value } with the expectations' names.
export async function kpis(page, names = Object.keys(KPI_OF)) {
  const out = {};
  for (const name of names) out[name] = await valueOf(page, byTestId(KPI_OF[name]));
  return out;
}

// Expected values as the page writes them: counts as strings in data-value.
export function asDataValues(figures) {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, String(v)]));
}

// Rows of a table as [{ attrs of tr }, { key: cell }] using the named attributes.
export async function tableCells(page, tableSelector, rowAttr, cellAttr) {
  return page.locator(`${tableSelector} tr[${rowAttr}]`).evaluateAll((rows, [rowAttr, cellAttr]) =>
    rows.map((tr) => ({
      key: tr.getAttribute(rowAttr),
      cells: Object.fromEntries([...tr.querySelectorAll(`td[${cellAttr}]`)].map((td) => [td.getAttribute(cellAttr), {
        value: td.getAttribute('data-value'),
        suppressed: td.getAttribute('data-suppressed'),
        text: td.textContent.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim(),
      }])),
    })), [rowAttr, cellAttr]);
}
