// `cargo xtask book --check`: opens every page of the built book in headless Chromium, from
// file:// as a reader offline would, and checks what a reader would see:
//  - every page loads with no console error, no uncaught exception and no failed request;
//  - the sidebar names each heading of the page by more than its number;
//  - every internal link resolves, #anchors included, into api/ (rustdoc) too;
//  - every image in a page's text decodes and is visible (naturalWidth > 0, a non-empty box),
//    and the check is shown to catch one that does not: a copy of a chapter with one image's
//    file missing must fail it;
//  - searching a learner's words (`mro`, `pool map`, `cpu_count`, ...) lists the chapter that
//    answers them first;
//  - at 1280 px (the sidebar open) the paired Python and Rust columns sit side by side, each
//    captioned, none of their code scrolling sideways; at 420 px they stack;
//  - the console blocks the build showed from a real run are there, each varying part marked
//    with its tooltip;
//  - a screenshot of each chapter (and of its first pair, at both widths) goes to screens/.
// Usage: node check.mjs <book dir>, with XTASK_CHROMIUM (the browser) and BOOK_PAIRS (how
// many pairs the build staged) in the environment; xtask/src/book/browser.rs runs it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const bookDir = path.resolve(process.argv[2] ?? 'target/book');
const expectedPairs = Number(process.env.BOOK_PAIRS);
const expectedRuns = Number(process.env.BOOK_RUNS);
const screens = path.join(bookDir, 'screens');
const WIDE = { width: 1280, height: 1000 };
const NARROW = { width: 420, height: 900 };
// Words a learner types, and the chapters that may come first for each: a topic's words find
// its page, or the introduction's at-a-glance table that links to it (not the performance
// chapter, whose tables hold every topic's words).
const SEARCHES = [
  ['mro', 'metaclass.html'], ['GIL', 'concurrency.html'], ['pool map', 'concurrency.html'],
  ['nogil', 'concurrency.html'], ['default value', 'defaults.html', 'introduction.html'],
  ['property setter', 'property.html', 'introduction.html'], ['how deep recursion', 'recursion.html'],
  ['setrecursionlimit', 'recursion.html'], ['cpu_count', 'platform.html'],
  ['string to int', 'typing.html'], ['benchmark', 'pages.html'],
];
// Not chapters: the print view (all chapters in one) and the sidebar's no-script fallback.
const NOT_CHAPTERS = new Set(['print.html', 'toc.html']);

const problems = new Set(); // a page visited at two widths reports a fault once
const reportFault = (where, what) => problems.add(`${where}: ${what}`);
const fail = reportFault;
const relative = (file) => path.relative(bookDir, file);

function htmlFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
  });
}

// 404.html is for a web server: its links are relative to the site's root, not to itself.
const bookPages = fs.readdirSync(bookDir)
  .filter((name) => name.endsWith('.html') && name !== '404.html')
  .sort()
  .map((name) => path.join(bookDir, name));
const chapters = bookPages.filter((file) => !NOT_CHAPTERS.has(path.basename(file)));
const pages = [...bookPages, ...htmlFiles(path.join(bookDir, 'source')).sort()];

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-check-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.XTASK_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: WIDE,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
});

const ids = new Map(); // file → Set of the ids and names a #fragment may point at
const links = []; // { from, url }

// The images in a page's text that a reader would not see: not decoded, or no box. mdBook
// shows each image twice: in the text, and a zoomed copy (in `.img-wrapper`) hidden until the
// image is clicked, which must decode but has no box until then.
const brokenImages = () => [...document.querySelectorAll('main img')].flatMap((img) => {
  const r = img.getBoundingClientRect();
  const src = img.getAttribute('src');
  if (!img.complete || img.naturalWidth === 0) return [`image does not load: ${src}`];
  const zoomed = img.parentElement.classList.contains('img-wrapper');
  if (!zoomed && (r.width === 0 || r.height === 0)) return [`image has an empty box: ${src}`];
  return [];
});
const images = new Set(); // `page src`, each image of each page once

// Opens a page, failing on what a reader would notice broke; returns the open page. A page
// visited to show that the check fails (`trial`) reports to `trial` instead, and its links
// and ids are not the book's.
async function visit(file, viewport = WIDE, trial = null) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const where = relative(file);
  const fail = trial ?? reportFault;
  page.on('console', (message) => {
    if (message.type() === 'error') fail(where, `console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => fail(where, `uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    fail(where, `request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const found = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name')),
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.href),
    images: [...document.querySelectorAll('main img')].map((img) => img.getAttribute('src')),
  }));
  for (const fault of await page.evaluate(brokenImages)) fail(where, fault);
  // The sidebar lists the page's headings by their text; a heading whose text is only its
  // number (`1.`, a link inside it split by the browser) tells the reader nothing.
  const bareHeadings = await page.evaluate(() => [...document.querySelectorAll('a.header-in-summary')]
    .map((a) => a.textContent.trim()).filter((text) => /^[\d.]*$/.test(text)));
  for (const text of bareHeadings) fail(where, `a heading is listed in the sidebar as \`${text}\``);
  if (trial) return page;
  ids.set(file, new Set(found.ids));
  for (const url of found.hrefs) links.push({ from: where, url });
  for (const src of found.images) images.add(`${where} ${src}`); // the zoomed copy is the same
  return page;
}

for (const file of pages) await (await visit(file)).close();

// The image check, shown to fail: a copy of the first chapter with an image, beside it (so its
// relative links hold), with that image's file named wrongly, must be reported.
{
  const withImage = chapters.find((file) => /<main>[^]*<img /.test(fs.readFileSync(file, 'utf8')));
  if (!withImage) {
    fail('images', 'no chapter has an image, so the image check is not shown to fail');
  } else {
    const html = fs.readFileSync(withImage, 'utf8');
    const src = /<main>[^]*?<img [^>]*src="([^"]+)"/.exec(html)[1];
    const broken = path.join(bookDir, `broken-image-${process.pid}.html`);
    fs.writeFileSync(broken, html.replace(`src="${src}"`, `src="${src}.missing"`));
    const caught = [];
    try {
      await (await visit(broken, WIDE, (_, what) => caught.push(what))).close();
    } finally {
      fs.rmSync(broken);
    }
    if (!caught.some((what) => what === `image does not load: ${src}.missing`)) {
      fail('images', `a copy of ${relative(withImage)} whose ${src} is missing passed: ${JSON.stringify(caught)}`);
    }
  }
}

// Links. External ones are counted, not fetched: the book must work offline.
let internal = 0;
let anchors = 0;
let external = 0;
const apiPages = new Set();
const seen = new Set();
for (const { from, url } of links) {
  if (seen.has(url)) continue;
  seen.add(url);
  const parsed = new URL(url);
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') { external += 1; continue; }
  if (parsed.protocol !== 'file:') continue;
  internal += 1;
  let file = fileURLToPath(new URL(parsed.pathname, 'file://'));
  if (!file.startsWith(bookDir + path.sep)) { fail(from, `link leaves the book: ${url}`); continue; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { fail(from, `broken link: ${relative(file)}`); continue; }
  if (relative(file).startsWith('api' + path.sep)) apiPages.add(file);
  const fragment = decodeURIComponent(parsed.hash.slice(1));
  if (!fragment || !file.endsWith('.html')) continue;
  anchors += 1;
  if (!ids.has(file)) await (await visit(file)).close();
  // rustdoc's source view marks a range of lines as #12-20; each line has its number as id.
  const wanted = /^\d+-\d+$/.test(fragment) ? fragment.split('-') : [fragment];
  for (const id of wanted) {
    if (!ids.get(file).has(id)) fail(from, `no #${id} in ${relative(file)}`);
  }
}
// The rustdoc pages the book links to load cleanly too (their own links are rustdoc's).
for (const file of apiPages) if (!ids.has(file)) await (await visit(file)).close();

// Search, as a reader does it: the toggle, then a word in the search bar.
for (const [word, ...answers] of SEARCHES) {
  const page = await visit(path.join(bookDir, 'index.html'));
  await page.click('#mdbook-search-toggle');
  // Typed key by key: mdBook searches on keyup, which filling the field would not send.
  await page.locator('#mdbook-searchbar').pressSequentially(word);
  const first = page.locator('#mdbook-searchresults li a').first();
  try {
    await first.waitFor({ timeout: 10000 });
    const href = new URL(await first.evaluate((a) => a.href));
    const got = path.basename(href.pathname);
    if (!answers.includes(got)) fail('search', `\`${word}\` lists ${got} first, not ${answers.join(' or ')}`);
  } catch (error) {
    fail('search', `\`${word}\` listed nothing (${error.message.split('\n')[0]})`);
  }
  await page.close();
}

// Side by side at 1400 px, stacked at 420 px; and the screenshots.
fs.rmSync(screens, { recursive: true, force: true });
fs.mkdirSync(screens, { recursive: true });
const columns = () => [...document.querySelectorAll('.side-by-side')].map((group) => {
  // Below the menu bar, which stays at the top of the window.
  group.scrollIntoView({ block: 'start' });
  scrollBy(0, -150);
  const box = (selector) => {
    const column = group.querySelector(`:scope > ${selector}`);
    const r = column.getBoundingClientRect();
    // Whether the column is what a reader sees at its top corners, not something over it
    // (the chapter arrows, say).
    const y = Math.min(r.top + 10, innerHeight - 1);
    const seen = [r.left + 4, r.right - 4].every((x) => column.contains(document.elementFromPoint(x, y)));
    // Code wider than its column (a reader would have to scroll it sideways).
    const clipped = [...column.querySelectorAll('pre > code')]
      .filter((code) => code.scrollWidth > code.clientWidth + 1).length;
    const caption = getComputedStyle(column, '::before').content;
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, seen, clipped, caption };
  };
  return { python: box('.side-by-side-python'), rust: box('.side-by-side-rust'), viewport: innerWidth };
});
let pairs = 0;
let runs = 0;
let varying = 0;
for (const file of chapters) {
  const name = path.basename(file, '.html');
  for (const [label, viewport] of [['wide', WIDE], ['narrow', NARROW]]) {
    const page = await visit(file, viewport);
    const groups = await page.evaluate(columns);
    groups.forEach(({ python, rust, viewport: width }, index) => {
      const where = `${relative(file)} pair ${index + 1} at ${width} px`;
      if (label === 'wide') {
        const beside = rust.left >= python.right - 0.5 && Math.abs(rust.top - python.top) <= 1;
        if (!beside) fail(where, `not side by side: ${JSON.stringify({ python, rust })}`);
        if (python.width < 300) fail(where, `Python column only ${python.width} px wide`);
        if (rust.right > width) fail(where, `Rust column overflows the window (right ${rust.right})`);
        if (!python.seen || !rust.seen) fail(where, `covered: ${JSON.stringify({ python, rust })}`);
        if (python.clipped || rust.clipped) fail(where, `code scrolls sideways: ${JSON.stringify({ python, rust })}`);
        if (python.caption !== '"Python"' || rust.caption !== '"Rust"') {
          fail(where, `columns not captioned Python, Rust: ${python.caption}, ${rust.caption}`);
        }
      } else if (rust.top < python.bottom - 0.5) {
        fail(where, `not stacked: ${JSON.stringify({ python, rust })}`);
      }
    });
    if (label === 'wide') {
      const shown = await page.evaluate(() => ({
        runs: document.querySelectorAll('main pre.run').length,
        varies: [...document.querySelectorAll('main pre.run .varies')].map((span) => ({
          title: span.title, text: span.textContent,
          marked: getComputedStyle(span).textDecorationStyle === 'dotted',
        })),
      }));
      runs += shown.runs;
      varying += shown.varies.length;
      for (const { title, text, marked } of shown.varies) {
        if (title !== `varies from run to run; this run: ${text}` || !marked) {
          fail(relative(file), `a varying part not marked as one: ${JSON.stringify({ title, text, marked })}`);
        }
      }
      pairs += groups.length;
      await page.screenshot({ path: path.join(screens, `${name}.png`) });
    }
    if (groups.length > 0) {
      await page.locator('.side-by-side').first().screenshot({
        path: path.join(screens, `${name}-pair-${label}.png`),
      });
    }
    await page.close();
  }
}
if (pairs === 0) fail('pairs', 'no side-by-side group in any chapter');
if (pairs !== expectedPairs) fail('pairs', `${pairs} groups in the HTML, ${expectedPairs} staged`);
if (runs !== expectedRuns) fail('runs', `${runs} blocks from a run in the HTML, ${expectedRuns} staged`);

await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });

console.log(`book check: ${pages.length} pages and ${apiPages.size} rustdoc pages loaded; ` +
  `${internal} distinct internal links (${anchors} with an #anchor) checked, ${external} external not fetched; ` +
  `${images.size} images seen to load, and a missing one seen to fail; ` +
  `${SEARCHES.length} searches; ${runs} blocks shown from a run (${varying} varying parts marked); ${pairs} pairs measured at ${WIDE.width} and ${NARROW.width} px; ` +
  `screenshots in ${relative(screens)}/`);
if (problems.size > 0) {
  console.log(`\n${problems.size} problems:`);
  for (const problem of problems) console.log(`  ${problem}`);
  process.exit(1);
}
console.log('book check: ok');
