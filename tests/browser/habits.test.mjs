// What people expect of a page: errors where they look (an embed's own frame, a bad link, every
// problem of a scenario, a seed out of range), Back and Forward between scenarios, a theme that
// follows the system and is remembered, Play at the end replaying, and calls from the page
// delivered in the order they were made.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, openApp, pressKey, startSite, ticks } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function openEmbed(query, viewport = { width: 480, height: 320 }) {
  const context = await site.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${site.url}embed.html?${query}`);
  await page.waitForFunction(() => window.eventlabPage?.ready === true && window.eventlabPage.frameCount() > 2, null, { timeout: 60000 });
  await ticks(page, 2);
  return page;
}

test('an embed with an unknown scenario shows the error inside its frame', async () => {
  const page = await openEmbed('scenario=nope.json');
  assert.match(await page.evaluate(() => window.eventlabPage.loadError()), /nope\.json: could not fetch: HTTP 404/);
  const banner = await page.evaluate(() => window.eventlabPage.widgetRect('dismiss_error'));
  assert.ok(banner && banner.y < 320, 'the banner is drawn in the frame');
  await page.context().close();
});

test('an embed names its bad parameters in the banner', async () => {
  const page = await openEmbed('scenario=hello.json&view=map&seed=-5');
  const problems = await page.evaluate(() => window.eventlabPage.loadProblems());
  assert.ok(problems.some((p) => /^view: "map"/.test(p)), problems.join(' | '));
  assert.ok(problems.some((p) => /^seed: "-5"/.test(p)), problems.join(' | '));
  assert.equal(await page.evaluate(() => window.eventlabPage.currentFile()), 'hello.json', 'the scenario still loaded');
  await page.context().close();
});

test('a bad link shows every problem in the banner, not only in the console', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json&seed=99999999999&step=x' });
  const problems = await page.evaluate(() => window.eventlabPage.loadProblems());
  assert.equal(problems.length, 2, problems.join(' | '));
  assert.match(problems[0], /^seed: "99999999999" is not an integer from 0 to 4294967295/);
  assert.match(problems[1], /^step: "x"/);
  assert.ok(await page.evaluate(() => window.eventlabPage.widgetRect('error_all_problems')), 'the banner offers all problems');
  await clickWidget(page, 'error_all_problems');
  await page.context().close();
});

test('a scenario with several problems lists each of them', async () => {
  const page = await openApp(site);
  const result = await page.evaluate(() => window.eventlabPage.loadScenarioText('three.json', JSON.stringify({
    version: 1, title: 'three problems', colour: 'red',
    resources: { q: { kind: 'queue', visibility_timout: '1s' }, f: { kind: 'function' } },
  })));
  assert.equal(result.ok, false);
  await ticks(page, 2);
  const problems = await page.evaluate(() => window.eventlabPage.loadProblems());
  assert.ok(problems.length >= 3, problems.join(' | '));
  assert.ok(problems.some((p) => p.startsWith('/colour')), problems.join(' | '));
  assert.ok(problems.some((p) => p.startsWith('/resources/q/visibility_timout')), problems.join(' | '));
  await page.context().close();
});

/** Selects the seed field's text and types `text` into it. */
async function typeSeed(page, text) {
  await clickWidget(page, 'seed');
  await page.keyboard.down('Control');
  await ticks(page);
  await pressKey(page, 'KeyA');
  await page.keyboard.up('Control');
  await ticks(page);
  for (const ch of text) {
    await page.keyboard.type(ch);
    await ticks(page);
  }
  await ticks(page, 2);
}

test('the seed field refuses a value outside 0..4294967295 and says so', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  const seed = await page.evaluate(() => window.eventlab.seed());
  await typeSeed(page, '99999999999');
  assert.match(await page.evaluate(() => window.eventlabPage.seedError()), /0 to 4294967295/);
  await clickWidget(page, 'reset');
  assert.equal(await page.evaluate(() => window.eventlab.seed()), seed, 'Reset did not wrap the seed');
  await typeSeed(page, '-5');
  assert.match(await page.evaluate(() => window.eventlabPage.seedError()), /whole number/);
  await typeSeed(page, '4294967295');
  assert.equal(await page.evaluate(() => window.eventlabPage.seedError()), '');
  await clickWidget(page, 'reset');
  assert.equal(await page.evaluate(() => window.eventlab.seed()), 4294967295);
  await page.context().close();
});

test('Back and Forward move between the scenarios visited', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  await clickWidget(page, 'scenario:fan-out.json');
  await page.waitForFunction(() => window.eventlabPage.currentFile() === 'fan-out.json');
  await page.waitForFunction(() => location.hash.includes('fan-out.json'));
  await page.evaluate(() => window.eventlab.step());
  await page.waitForFunction(() => location.hash.endsWith('step=1'));
  await page.goBack();
  await page.waitForFunction(() => window.eventlabPage.currentFile() === 'hello.json', null, { timeout: 10000 });
  assert.match(page.url(), /scenario=hello\.json/);
  await page.goForward();
  await page.waitForFunction(() => window.eventlabPage.currentFile() === 'fan-out.json', null, { timeout: 10000 });
  await page.waitForFunction(() => window.eventlab.delivered() === 1, null, { timeout: 10000 });
  await page.context().close();
});

test('the theme follows the system setting and survives a reload once chosen', async () => {
  const context = await site.browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${site.url}#scenario=hello.json`);
  await page.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.eventlabPage.theme()), 'light', 'the system says light');
  await clickWidget(page, 'theme');
  assert.equal(await page.evaluate(() => window.eventlabPage.theme()), 'dark');
  await page.waitForFunction(() => localStorage.getItem('eventlab.theme') === 'dark');
  await page.reload();
  await page.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.eventlabPage.theme()), 'dark', 'the choice outlived the reload');
  await context.close();

  const darkSystem = await site.browser.newContext({ colorScheme: 'dark' });
  const other = await darkSystem.newPage();
  await other.goto(`${site.url}#scenario=hello.json`);
  await other.waitForFunction(() => window.eventlabPage?.ready === true, null, { timeout: 60000 });
  assert.equal(await other.evaluate(() => window.eventlabPage.theme()), 'dark', 'the system says dark');
  await darkSystem.close();
});

test('Play at the end of a run replays it from the start', async () => {
  const page = await openApp(site, { query: '#scenario=hello.json' });
  await page.evaluate(() => window.eventlab.seek(window.eventlab.runLength()));
  await ticks(page, 2);
  const end = await page.evaluate(() => window.eventlab.delivered());
  await clickWidget(page, 'run');
  assert.equal(await page.evaluate(() => window.eventlabPage.running()), true, 'it runs');
  assert.ok(await page.evaluate(() => window.eventlab.delivered()) < end, 'from the start');
  await page.context().close();
});
