import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
// The labels the views use for each pillar (plain data, no React).
import { PILLAR_TITLES, type Pillar } from '../plugins/frontend/src/api/types';

/**
 * The portal demo in a real browser: `plugins/frontend/dev/demo.js` (the backend on the example
 * snapshot and catalog, the plugin's dev app) driven in Debian's Chromium with playwright-core.
 * The scores on the pages must be the API's for the example snapshot; the views must pass axe
 * (colour contrast included, which jsdom cannot check). Screenshots go to test/artifacts/; with
 * PILLARGUARD_UPDATE_SCREENSHOTS=1 they also replace the README's, in docs/screenshots/.
 */
const ROOT = join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const APP = 'http://localhost:3000';
const API = 'http://localhost:7007/api/pillarguard/v1';
const ARTIFACTS = join(__dirname, 'artifacts');
const DOCS = join(ROOT, 'docs/screenshots');

type Scores = { overall: number | null; pillars: Record<string, { score: number | null }>; findings: { title: string; suppressed?: unknown }[] };
type OverviewRow = { name: string; title?: string; overall: number | null; pillars: Record<Pillar, number | null> };

// CI installs Chromium (.ci/run); a developer machine without it skips with the reason, CI never does.
const haveChromium = existsSync(CHROMIUM);
if (process.env.CI && !haveChromium) throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs Debian's chromium for this test`);
if (!haveChromium) console.warn(`portal e2e skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
const maybe = haveChromium ? describe : describe.skip;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

maybe('portal demo in Chromium', () => {
  let demo: ChildProcess;
  let browser: Browser;
  let page: Page;
  let output = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    demo = spawn(process.execPath, [join(ROOT, 'plugins/frontend/dev/demo.js')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    demo.stdout!.on('data', (d) => (output += d));
    demo.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 8 * 60_000;
    while (!output.includes('Pillarguard demo ready')) {
      if (demo.exitCode !== null || Date.now() > deadline) throw new Error(`the demo did not start:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    // A context of its own: axe injects its script per context.
    page = await (await browser.newContext({ viewport: { width: 1500, height: 1800 } })).newPage();
  }, 9 * 60_000);

  afterAll(async () => {
    await browser?.close();
    // The demo runs in its own process group: stop it and both servers it started.
    if (demo?.pid && demo.exitCode === null) {
      const exited = new Promise((r) => demo.once('exit', r));
      try {
        process.kill(-demo.pid, 'SIGINT');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
    }
    demo?.stdout?.destroy();
    demo?.stderr?.destroy();
  }, 30_000);

  async function open(url: string) {
    await page.goto(url);
    const enter = page.getByRole('button', { name: /enter/i });
    // Backstage's guest sign-in when the app asks for it, else the signed-in app (a page header).
    // The first load also waits for the dev server's first bundle.
    await enter.or(page.locator('header')).first().waitFor({ timeout: 90_000 });
    if (await enter.isVisible()) await enter.click();
  }

  async function screenshot(name: string) {
    const path = join(ARTIFACTS, `${name}.png`);
    // Transitions (an accordion opening) finish first, so the picture shows where they end.
    await page.screenshot({ path, animations: 'disabled' });
    if (process.env.PILLARGUARD_UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(DOCS, `${name}.png`));
  }

  async function axe() {
    // Transitions and ripples finished, so colours are checked where they end.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    // The dev app's sidebar is Backstage's, not ours.
    const result = await new AxeBuilder({ page }).exclude('nav').analyze();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function waitOrShoot(what: Promise<void>, name: string) {
    await what.catch(async (e) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}-failed.png`), fullPage: true });
      throw e;
    });
  }

  it('the entity page shows the scores the API returns, and a finding opens with its fix', async () => {
    const api = await getJson<Scores>(`${API}/entities/resource/default/customer-profiles-table`);
    await open(`${APP}/catalog/default/resource/customer-profiles-table`);
    await waitOrShoot(page.getByText(/^Findings \(\d+ open\)$/).waitFor({ timeout: 60_000 }), 'entity');
    for (const [pillar, s] of Object.entries(api.pillars)) {
      // The card and the tab both show the bars: each must agree with the API.
      const shown = await page.getByTestId(`pillar-score-${pillar}`).allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) expect([pillar, text.trim()]).toEqual([pillar, s.score === null ? 'n/a' : String(s.score)]);
    }
    expect((await page.getByTestId('overall-score').first().textContent())?.trim()).toBe(`Overall ${api.overall}`);

    const open_ = api.findings.filter((f) => !f.suppressed);
    expect(open_.length).toBeGreaterThan(0);
    expect(await page.getByText(`Findings (${open_.length} open)`).count()).toBe(1);
    await page.getByText(open_[0].title).first().click();
    await page.getByRole('tab', { name: 'CloudFormation' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Copy CloudFormation fix/ }).count()).toBeGreaterThan(0);
    await screenshot('entity');
    await page.getByRole('tab', { name: 'Terraform' }).first().click();
    expect(await page.getByRole('button', { name: /^Copy Terraform fix/ }).count()).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('an entity of the catalog without AWS annotations explains which annotation to add', async () => {
    // The entity comes from Backstage's catalog backend (examples/backstage/catalog-info.yaml):
    // a Group names no AWS resource, so the tab shows the annotations, not an error.
    await open(`${APP}/catalog/default/group/team-orders`);
    const heading = page.getByRole('heading', { name: 'Add an AWS annotation to score this entity' });
    await waitOrShoot(heading.first().waitFor({ timeout: 60_000 }), 'group');
    expect(await page.getByText('aws.amazon.com/arn', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Copy annotations to add' }).count()).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('the overview shows every row of the first page with the API’s scores, and links to the entity', async () => {
    const api = await getJson<{ total: number; items: OverviewRow[] }>(`${API}/overview?page=1&pageSize=25`);
    await open(`${APP}/pillarguard`);
    await waitOrShoot(page.getByTestId('rollup').waitFor({ timeout: 60_000 }), 'overview');
    expect(await page.getByTestId('rollup').textContent()).toContain(`${api.total} entities`);
    // Data rows only: the table pads a short last page with empty rows.
    const rows = page.locator('tbody tr', { has: page.locator('a') });
    await rows.nth(api.items.length - 1).waitFor();
    expect(await rows.count()).toBe(api.items.length);
    for (const [i, item] of api.items.entries()) {
      const row = rows.nth(i);
      // Same order as the API's default sort, same name, same numbers.
      expect(await row.locator('td').first().textContent()).toBe(item.title ?? item.name);
      expect(await row.getByLabel(`Overall: ${item.overall ?? 'no rule applies'}`).count()).toBe(1);
      for (const [pillar, score] of Object.entries(item.pillars) as [Pillar, number | null][]) {
        expect([item.name, pillar, await row.getByLabel(`${PILLAR_TITLES[pillar]}: ${score ?? 'no rule applies'}`).count()]).toEqual([item.name, pillar, 1]);
      }
    }
    await screenshot('overview');
    expect(await axe()).toEqual([]);

    // The owner filter narrows the table and the roll-up to one team (server-side).
    const owner = 'team-orders';
    const filtered = await getJson<{ total: number; items: OverviewRow[] }>(`${API}/overview?owner=${owner}&pageSize=25`);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(api.total);
    await page.getByLabel('Owner').fill(owner);
    await page.getByTestId('rollup').getByText(new RegExp(`^${filtered.total} entities owned by ${owner} ·`)).waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(filtered.items.length);
    expect(await rows.first().locator('td').first().textContent()).toBe(filtered.items[0].title ?? filtered.items[0].name);

    // Clicking an entity's name opens its catalog page.
    const first = api.items[0];
    await page.getByLabel('Owner').fill('');
    await page.getByTestId('rollup').getByText(new RegExp(`^${api.total} entities ·`)).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: first.title ?? first.name, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/catalog/default/[a-z]+/${first.name}$`));
  }, 240_000);
});
