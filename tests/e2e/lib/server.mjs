// The harness of the browser tests: a `kompetent serve` on a fresh demo database, Debian's
// chromium driven by playwright-core, and a small API client for the expectations the tests
// read through the API (as a user with the right to the unsuppressed numbers).
//
// Environment:
//   KOMPETENT_BINARY          the server (default build/kompetent)
//   KOMPETENT_WEB_DIR         the built app (default web/dist)
//   KOMPETENT_E2E_REQUIRED    set: a missing app fails the tests instead of skipping them
//   KOMPETENT_SCREENSHOT_DIR  set: the tests write their screenshots there
//   KOMPETENT_CHROMIUM        the browser (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const e2eDir = path.resolve(here, '..');
export const repoDir = path.resolve(e2eDir, '..', '..');
export const fixturesDir = path.join(e2eDir, 'fixtures');
export const DEMO_PASSWORD = 'demo-passord-2025';

export const binaryPath = path.resolve(repoDir, process.env.KOMPETENT_BINARY || 'build/kompetent');
export const webDir = path.resolve(repoDir, process.env.KOMPETENT_WEB_DIR || 'web/dist');
const chromiumPath = process.env.KOMPETENT_CHROMIUM || '/usr/bin/chromium';

// Why the tests cannot run here, or null. Only a missing app may skip, and only when the run does
// not require it (make test sets KOMPETENT_E2E_REQUIRED): there, a missing app is a failure.
export function skipReason() {
  if (fs.existsSync(path.join(webDir, 'index.html'))) return null;
  const message = `no built web app at ${webDir} (run "npm ci && npm run build" in web/, or set KOMPETENT_WEB_DIR)`;
  if (process.env.KOMPETENT_E2E_REQUIRED) throw new Error(message);
  return message;
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kompetent-e2e-${prefix}-`));
}

function runCli(args) {
  const result = spawnSync(binaryPath, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`kompetent ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function waitFor(check, what, attempts = 1200) {
  for (let i = 0; i < attempts; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

// Starts `kompetent serve` on a fresh demo database (its HR exports written to `exportDir`).
// Returns { baseUrl, dir, exportDir, stderr(), stop() }; stop() sends SIGTERM and resolves to the
// exit code.
export async function startServer() {
  if (!fs.existsSync(binaryPath)) throw new Error(`no kompetent binary at ${binaryPath}; build it or set KOMPETENT_BINARY`);
  const dir = tempDir('server');
  const db = path.join(dir, 'demo.db');
  const exportDir = path.join(dir, 'demo-exports');
  runCli(['--db', db, 'demo', '--export-dir', exportDir]);
  const portFile = path.join(dir, 'port');
  const child = spawn(binaryPath, ['--db', db, 'serve', '--port', '0', '--port-file', portFile,
    '--web-dir', webDir, '--access-log', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  let exitCode;
  exited.then((code) => { exitCode = code; });
  const port = await waitFor(() => {
    if (exitCode !== undefined) throw new Error(`kompetent serve exited ${exitCode}:\n${output}`);
    const text = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '';
    return /^[0-9]+$/.test(text) ? Number(text) : null;
  }, 'the port file of kompetent serve');
  const baseUrl = `http://localhost:${port}`;
  await waitFor(async () => {
    try { return (await fetch(`${baseUrl}/api/v1/health`)).ok; } catch { return false; }
  }, 'GET /api/v1/health');
  return {
    baseUrl,
    dir,
    exportDir,
    stderr: () => output,
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}

// A logged-in API client (cookie and CSRF token kept by hand), for reading what a user may see.
export async function apiLogin(baseUrl, username, password = DEMO_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
  const body = await response.json();
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { Cookie: cookie, 'X-CSRF-Token': body.csrf_token };
  const client = {
    user: body.user,
    async request(method, target, { body: payload, contentType } = {}) {
      const h = { ...headers };
      if (contentType) h['Content-Type'] = contentType;
      return fetch(`${baseUrl}${target}`, { method, headers: h, body: payload });
    },
    async json(target) {
      const r = await client.request('GET', target);
      if (!r.ok) throw new Error(`GET ${target} as ${username}: ${r.status} ${await r.text()}`);
      return r.json();
    },
    // Imports a file and waits for its job; resolves to the finished job.
    async importFile(municipality, date, file, { replace = false } = {}) {
      const q = `date=${date}${replace ? '&replace=true' : ''}`;
      const r = await client.request('POST', `/api/v1/municipalities/${municipality}/imports?${q}`,
        { body: fs.readFileSync(file), contentType: 'text/csv' });
      if (r.status !== 202) throw new Error(`import as ${username}: ${r.status} ${await r.text()}`);
      const { job } = await r.json();
      return waitFor(async () => {
        const { job: now } = await client.json(`/api/v1/imports/${job.id}`);
        return now.state === 'succeeded' || now.state === 'failed' ? now : null;
      }, `import job ${job.id}`);
    },
  };
  return client;
}

// A fresh browser (own user-data dir, so no cookie or localStorage carries over between users).
// Resolves to { context, page, close() }.
export async function openBrowser() {
  const userDataDir = tempDir('chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    locale: 'nb-NO',
    viewport: { width: 1366, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(30000);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Logs in through the login form and waits until the app has left the login page.
export async function loginInBrowser(page, baseUrl, username, password = DEMO_PASSWORD, next = '') {
  await page.goto(`${baseUrl}/logg-inn${next ? `?neste=${encodeURIComponent(next)}` : ''}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
  await page.getByTestId('user-name').waitFor();
}

export async function logoutInBrowser(page) {
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname.startsWith('/logg-inn'));
}

// The group separators Intl may use (U+00A0, U+202F) as plain spaces, and whitespace collapsed.
export function normalise(text) {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

// Writes a screenshot to $KOMPETENT_SCREENSHOT_DIR/<name>.png when that is set.
export async function screenshot(page, name) {
  const dir = process.env.KOMPETENT_SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

// Runs axe-core in the page; resolves to the serious and critical violations, one line each.
export async function seriousA11yViolations(page) {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy (script-src
  // 'self') rightly refuses inline scripts, and the check must not switch it off.
  await page.evaluate(fs.readFileSync(path.join(e2eDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}
