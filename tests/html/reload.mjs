// An open preview page reloads by itself after an edit: `mcred preview` on a copy of the small
// fixture catalog, a credential page open in headless Chromium, the credential's title edited,
// and the page must show the new title without anyone reloading it.
//
//   node tests/html/reload.mjs path/to/mcred
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const binary = process.argv[2] && resolve(process.argv[2]);
if (!binary) {
  console.error("usage: node tests/html/reload.mjs path/to/mcred");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mcred-reload-"));
cpSync(join(here, "../fixtures/catalogs/small"), work, { recursive: true });

const preview = spawn(binary, ["preview", "--port", "0"], { cwd: work, stdio: ["ignore", "pipe", "inherit"] });
let browser;
const stop = (code, message) => {
  if (message) console.error(message);
  preview.kill("SIGINT");
  if (browser) browser.close().catch(() => {});
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
};
setTimeout(() => stop(1, "timed out"), 60_000).unref();

const url = await new Promise((resolve) => {
  createInterface({ input: preview.stdout }).on("line", (line) => {
    const found = line.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (found) resolve(found[0]);
  });
});

browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage();
await page.goto(`${url}/credentials/feedback-understand.html`);
const before = await page.title();
if (!before.includes("Demonstrate Understanding")) stop(1, `unexpected title: ${before}`);

// Edit the credential as an author would, while the page is open.
const file = join(work, "catalog/feedback-understand.yaml");
writeFileSync(file, readFileSync(file, "utf8").replace("Feedback: Demonstrate Understanding", "Feedback: Know the Research"));

try {
  await page.waitForFunction(() => document.title.includes("Know the Research"), null, { timeout: 20_000 });
} catch {
  stop(1, `the page did not reload after the edit; its title is still: ${await page.title()}`);
}
console.log("the open page reloaded by itself after the edit");
stop(0);
