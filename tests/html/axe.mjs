// Runs axe-core in headless Chromium on every .html file under a folder, served from a static
// server on 127.0.0.1, at a desktop and a phone width and in the dark colour scheme. Also fails on what axe does not look at but
// a published catalog must not have: a link to a local file that is not there, a fragment with no
// target, a failed request for an asset, a script, or a page wider than a phone's screen.
//
// Usage: node axe.mjs DIR
// Exit: 0 nothing found, 1 findings, 2 the check itself failed.

import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The pages follow the reader's colour scheme, so contrast is checked in both.
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, colorScheme: 'light' },
  { name: 'phone', width: 390, height: 844, colorScheme: 'light' },
  { name: 'desktop dark', width: 1280, height: 900, colorScheme: 'dark' },
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.zip': 'application/zip',
};

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

/** A static server for `root`, on a free port of 127.0.0.1 only. */
function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: node axe.mjs DIR');
    return 2;
  }
  const root = path.resolve(arg);
  const files = await htmlFiles(root);
  if (files.length === 0) {
    console.error(`axe: no .html files under ${arg}`);
    return 2;
  }

  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(path.join(tmpdir(), 'mcred-axe-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: VIEWPORTS[0].width, height: VIEWPORTS[0].height },
  });

  // file → message → the widths it was seen at; printed once each, in page order.
  const found = new Map();
  const report = (file, viewport, message) => {
    if (!found.has(file)) found.set(file, new Map());
    const seen = found.get(file);
    if (!seen.has(message)) seen.set(message, new Set());
    if (viewport) seen.get(message).add(viewport);
  };

  try {
    const page = context.pages()[0] || (await context.newPage());
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const url = `${origin}/${rel}`;
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.emulateMedia({ colorScheme: viewport.colorScheme });
        const failed = [];
        const onResponse = (r) => {
          if (r.status() >= 400) failed.push(`${r.status()} ${r.url().replace(origin, '')}`);
        };
        const onFailed = (r) => failed.push(`${r.failure()?.errorText} ${r.url().replace(origin, '')}`);
        page.on('response', onResponse);
        page.on('requestfailed', onFailed);
        await page.goto(url, { waitUntil: 'load' });
        page.off('response', onResponse);
        page.off('requestfailed', onFailed);
        for (const f of failed) report(file, viewport.name, `request failed: ${f}`);

        // Before axe's own script goes in: the pages are meant to have none.
        const scripts = await page.evaluate(() => {
          const found = [...document.querySelectorAll('script')].map((s) => s.src || 'inline script');
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) found.push(`${el.localName} ${a.name}=`);
              if (/^\s*javascript:/i.test(a.value)) found.push(`${el.localName} ${a.name}="javascript:…"`);
            }
          }
          return found;
        });
        for (const s of scripts) report(file, viewport.name, `script on the page: ${s}`);

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) report(file, viewport.name, `page is ${overflow}px wider than the window (horizontal scrolling)`);

        await page.addScriptTag({ content: axeSource });
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of results.violations) {
          for (const node of v.nodes) {
            const summary = (node.failureSummary || '').replace(/\s+/g, ' ').trim();
            report(file, viewport.name, `axe ${v.id} (${v.impact}): ${v.help}\n    at ${node.target.join(' ')}\n    ${node.html.slice(0, 200)}\n    ${summary}\n    ${v.helpUrl}`);
          }
        }

        // Links only once: they do not change with the width.
        if (viewport === VIEWPORTS[0]) {
          const links = await page.evaluate(() =>
            [...document.querySelectorAll('a[href], link[href], img[src]')].map((el) => ({
              raw: el.getAttribute('href') ?? el.getAttribute('src'),
              abs: el.href || el.src,
            })),
          );
          for (const { raw, abs } of links) {
            if (!abs.startsWith(origin)) continue;
            const target = new URL(abs);
            const targetFile = path.join(root, decodeURIComponent(target.pathname));
            try {
              await stat(targetFile);
            } catch {
              report(file, null, `broken link: ${raw} (no ${path.relative(root, targetFile)})`);
              continue;
            }
            if (target.hash.length > 1 && targetFile.endsWith('.html')) {
              const id = decodeURIComponent(target.hash.slice(1));
              const html = await readFile(targetFile, 'utf8');
              const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
              if (!new RegExp(`\\sid=["']?${escaped}["'\\s>]`).test(html)) {
                report(file, null, `broken link: ${raw} (no element with id "${id}")`);
              }
            }
          }
        }
      }
    }
  } finally {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }

  let findings = 0;
  for (const [file, messages] of found) {
    for (const [message, widths] of messages) {
      findings += 1;
      const where = widths.size ? ` [${[...widths].join(', ')}]` : '';
      console.log(`${path.join(arg, path.relative(root, file))}${where}: ${message}`);
    }
  }
  const pages = files.length;
  if (findings > 0) {
    console.log(`axe: ${findings} finding(s) in ${pages} page(s)`);
    return 1;
  }
  console.log(`axe: no violations in ${pages} page(s) (${VIEWPORTS.map((v) => `${v.name} ${v.width}px`).join(', ')})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`axe: ${err.stack || err}`);
    process.exit(2);
  },
);
