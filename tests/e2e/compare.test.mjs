// Two snapshots compared: joiners, leavers and turnover of Fauske between the demo's 31.12.2024
// and 31.12.2025, worked out here from the demo's own HR exports of those dates.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { byTestId, eventually, tableCells, valueOf } from './lib/app.mjs';
import { loginInBrowser, openBrowser, screenshot, skipReason, startServer } from './lib/server.mjs';

function readExport(exportDir, date) {
  const [header, ...lines] = fs.readFileSync(path.join(exportDir, `ansatte-1841-${date}.csv`), 'utf8')
    .replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const columns = header.split(';');
  return lines.map((line) => {
    const cells = line.split(';');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

// Persons of one snapshot (optionally only rows passing `keep`): id → { age, hundredths }.
function persons(rows, year, keep = () => true) {
  const out = new Map();
  for (const row of rows.filter(keep)) {
    const id = row['Ansattnummer'];
    const p = out.get(id) ?? { age: year - Number(row['Fødselsår']), hundredths: 0 };
    p.hundredths += Math.round(Number(row['Stillingsprosent'].replace(',', '.')) * 100);
    out.set(id, p);
  }
  return out;
}

// num/den rounded half away from zero to `decimals`, as a string ("-0.4", "12.50").
function rounded(num, den, decimals) {
  const scale = 10 ** decimals;
  const negative = num * den < 0;
  const a = Math.abs(num) * scale;
  const b = Math.abs(den);
  const units = Math.floor((2 * a + b) / (2 * b));
  const text = (units / scale).toFixed(decimals);
  return negative && units !== 0 ? `-${text}` : text;
}

function expectedComparison(before, after) {
  const joiners = [...after.keys()].filter((id) => !before.has(id)).length;
  const leavers = [...before.keys()].filter((id) => !after.has(id)).length;
  const sum = (m, f) => [...m.values()].reduce((s, p) => s + f(p), 0);
  const nb = before.size;
  const na = after.size;
  const partB = sum(before, (p) => (p.hundredths < 10000 ? 1 : 0));
  const partA = sum(after, (p) => (p.hundredths < 10000 ? 1 : 0));
  return {
    persons_before: String(nb),
    persons_after: String(na),
    joiners: String(joiners),
    leavers: String(leavers),
    turnover: rounded(100 * leavers, nb, 1),
    change_fte: rounded(sum(after, (p) => p.hundredths) - sum(before, (p) => p.hundredths), 10000, 2),
    change_part_time: rounded(100 * (partA * nb - partB * na), na * nb, 1),
    change_average_age_exact: (sum(after, (p) => p.age) / na) - (sum(before, (p) => p.age) / nb),
  };
}

const skip = skipReason();
describe('comparing two snapshots', { skip: skip ?? false }, () => {
  let server;
  let browser;
  let rows2024;
  let rows2025;
  before(async () => {
    server = await startServer();
    browser = await openBrowser();
    rows2024 = readExport(server.exportDir, '2024-12-31');
    rows2025 = readExport(server.exportDir, '2025-12-31');
  });
  after(async () => {
    await browser?.close();
    const code = await server?.stop();
    assert.equal(code, 0, `kompetent serve exited ${code} after SIGTERM`);
  });

  test('the latest two snapshots by default, with joiners, leavers and turnover of the municipality', async () => {
    const want = expectedComparison(persons(rows2024, 2024), persons(rows2025, 2025));
    const { page } = browser;
    await loginInBrowser(page, server.baseUrl, 'fauske.hr');
    await page.goto(`${server.baseUrl}/sammenligning?kommune=1841`);
    await eventually(() => page.getByTestId('compare-from').inputValue(), '2024-12-31', 'compare-from');
    assert.equal(await page.getByTestId('compare-to').inputValue(), '2025-12-31');
    const headline = async () => ({
      persons_before: await valueOf(page, byTestId('compare-kpi-persons-before')),
      persons_after: await valueOf(page, byTestId('compare-kpi-persons-after')),
      joiners: await valueOf(page, byTestId('compare-kpi-joiners')),
      leavers: await valueOf(page, byTestId('compare-kpi-leavers')),
      turnover: await valueOf(page, byTestId('compare-kpi-turnover')),
    });
    const { persons_before, persons_after, joiners, leavers, turnover } = want;
    await eventually(headline, { persons_before, persons_after, joiners, leavers, turnover }, 'compare headline');

    const table = await tableCells(page, byTestId('table-compare'), 'data-category', 'data-indicator');
    const total = table.find((r) => r.key === '');
    assert.ok(total, 'table-compare has the total row');
    for (const name of ['persons_before', 'persons_after', 'joiners', 'leavers', 'turnover', 'change_fte',
      'change_part_time']) {
      assert.equal(total.cells[name]?.value, want[name], `total ${name}`);
    }
    const age = Number(total.cells.change_average_age?.value);
    assert.ok(Math.abs(age - want.change_average_age_exact) <= 0.05 + 1e-9,
      `change_average_age ${total.cells.change_average_age?.value} ≈ ${want.change_average_age_exact.toFixed(3)}`);
    await screenshot(page, 'compare');
  });

  test('a category row: the nurses (Stillingstittel "Sykepleier")', async () => {
    const nurse = (row) => row['Stillingstittel'] === 'Sykepleier';
    const want = expectedComparison(persons(rows2024, 2024, nurse), persons(rows2025, 2025, nurse));
    const { page } = browser;
    await page.goto(`${server.baseUrl}/sammenligning?kommune=1841&fra=2024-12-31&til=2025-12-31`);
    const read = async () => {
      const rows = await tableCells(page, byTestId('table-compare'), 'data-category', 'data-indicator');
      const row = rows.find((r) => r.key === 'sykepleier');
      return row && Object.fromEntries(['persons_before', 'persons_after', 'joiners', 'leavers']
        .map((name) => [name, row.cells[name]?.value]));
    };
    const { persons_before, persons_after, joiners, leavers } = want;
    await eventually(read, { persons_before, persons_after, joiners, leavers }, 'sykepleier row');
  });
});
