// End-to-end tests of the playground page (`GET /` of `agora-token serve`)
// in Debian's headless Chromium, driven by playwright-core (which never
// downloads a browser). Run by scripts/test-playground; standalone:
//
//   AGORA_TOKEN_BIN=target/release/agora-token node --test tests/e2e/playground.test.mjs
//
// Environment: AGORA_TOKEN_BIN (the binary; default target/release/agora-token),
// CHROMIUM (default /usr/bin/chromium), ARTIFACT_DIR (screenshots; default a
// new temporary directory).
//
// Every test fails on a console error, an uncaught page error, or a request
// to any host other than the server on loopback.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = process.env.AGORA_TOKEN_BIN || path.join(root, "target/release/agora-token");
const artifacts = process.env.ARTIFACT_DIR || mkdtempSync(path.join(tmpdir(), "playground-e2e-"));
mkdirSync(artifacts, { recursive: true });

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

// Starts `agora-token serve --demo --port 0 ARGS...` and resolves to
// {url, stop, exited} once it prints its URL. `exited()` tells whether (and
// how) the server ended before `stop`, for the failure message.
function startServer(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", "--demo", "--port", "0", "--ip-rate-limit", "0", ...args], {
      env: { ...process.env, RUST_LOG: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let ended = null;
    const exitedEarly = new Promise((done) => child.once("exit", (code, signal) => {
      ended = `the server exited early (code ${code}, signal ${signal}); stderr:\n${err}`;
      done();
    }));
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}${err}`)), 15000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/Listening on (http:\/\/[0-9.]+:[0-9]+)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          exited: () => ended,
          stop: async () => {
            if (ended === null) {
              child.kill("SIGTERM");
              await exitedEarly;
              ended = "stopped";
            }
          },
        });
      }
    });
    child.stderr.on("data", (d) => { err += d; });
    exitedEarly.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before it listened:\n${out}${err}`));
    });
  });
}

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
});

// A new page that records console errors, page errors and every request
// that leaves loopback (those are aborted).
async function guardedPage() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (!["http:", "https:"].includes(url.protocol) || !LOOPBACK.has(url.hostname)) {
      problems.push(`request to a non-loopback address: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
  return { context, page, problems };
}

async function verdict(page) {
  const v = page.locator("#chk-verdict");
  await v.waitFor();
  return (await v.textContent()).trim();
}

describe("playground in --demo", () => {
  let server;
  let g;

  before(async () => {
    server = await startServer();
    g = await guardedPage();
  });

  after(async () => {
    await g?.context.close();
    await server?.stop();
  });

  it("serves the page with a self-only Content-Security-Policy", async () => {
    const reply = await g.page.goto(server.url + "/");
    assert.equal(reply.status(), 200);
    const csp = reply.headers()["content-security-policy"];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(await g.page.title(), "agora-token playground");
    // Landmarks, and a label for every form control.
    assert.equal(await g.page.locator("main").count(), 1);
    const unlabelled = await g.page.$$eval("input, select, textarea", (els) =>
      els.filter((e) => e.labels.length === 0 && !e.getAttribute("aria-label")).map((e) => e.id));
    assert.deepEqual(unlabelled, []);
    // The first Tab reaches the skip link.
    await g.page.keyboard.press("Tab");
    assert.equal(await g.page.evaluate(() => document.activeElement.className), "skip");
  });

  it("generates an RTC token with the form", async () => {
    const { page } = g;
    await page.selectOption("#gen-kind", "rtc");
    await page.fill("#gen-channel", "demo");
    await page.fill("#gen-user", "42");
    await page.fill("#gen-expire", "3600");
    await page.fill("#gen-privilege-expire", "1800");
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.locator("#gen-result").waitFor();
    const token = await page.inputValue("#gen-token");
    assert.match(token, /^007e/);
    assert.match(await page.textContent("#gen-status"), /Generated a rtc token/);
  });

  it("decodes it and draws the timeline with a bar per privilege", async () => {
    const { page } = g;
    await page.getByRole("button", { name: "Decode and check this token", exact: true }).click();
    await page.locator("#timeline-svg").waitFor();
    assert.match(await page.textContent("#dec-status"), /Decoded a 007 token/);
    const summary = await page.textContent("#dec-summary");
    assert.match(summary, /007/);
    assert.equal(await page.locator("#timeline-svg g.bar-token").count(), 1);
    const bars = await page.$$eval("#timeline-svg g.bar-privilege", (gs) =>
      gs.map((x) => ({
        privilege: x.dataset.privilege,
        expiresAt: Number(x.dataset.expiresAt),
        width: Number(x.querySelector("rect").getAttribute("width")),
      })));
    assert.deepEqual(bars.map((b) => b.privilege),
      ["join_channel", "publish_audio_stream", "publish_video_stream", "publish_data_stream"]);
    const tokenBar = await page.$eval("#timeline-svg g.bar-token", (x) => ({
      expiresAt: Number(x.dataset.expiresAt),
      width: Number(x.querySelector("rect").getAttribute("width")),
    }));
    for (const b of bars) {
      // Privileges last 1800 s, the token 3600 s: half as long, drawn shorter.
      assert.equal(tokenBar.expiresAt - b.expiresAt, 1800);
      assert.ok(b.width > 0 && b.width < tokenBar.width, JSON.stringify({ b, tokenBar }));
    }
    assert.equal(await page.locator("#timeline-now").count(), 1);
    // The decoded table lists the four privileges too.
    assert.equal(await page.locator("#dec-table tbody tr").count(), 4);
  });

  it("says denied: wrong channel for another channel", async () => {
    const { page } = g;
    assert.match(await page.inputValue("#chk-token"), /^007e/);
    await page.selectOption("#chk-service", "rtc");
    await page.fill("#chk-channel", "another-room");
    await page.fill("#chk-uid", "42");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const text = await verdict(page);
    assert.match(text, /denied: wrong channel/i);
    assert.equal(await page.locator('#chk-result li[data-code="channel_mismatch"]').count(), 1);
    const screenshot = path.join(artifacts, "playground-denied.png");
    await page.locator("section:has(#chk-title)").screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  });

  it("says allowed for the right channel and user, publishing audio", async () => {
    const { page } = g;
    await page.fill("#chk-channel", "demo");
    await page.check("#chk-audio");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(() => /allowed/i.test(document.querySelector("#chk-verdict")?.textContent || ""));
    assert.match(await verdict(page), /^✓ Allowed$/);
    const screenshot = path.join(artifacts, "playground.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });

  it("says denied: wrong user for another uid, and token expired later on", async () => {
    const { page } = g;
    await page.fill("#chk-uid", "43");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(() => /wrong user/.test(document.querySelector("#chk-verdict")?.textContent || ""));
    await page.fill("#chk-uid", "42");
    await page.fill("#chk-now", String(Math.floor(Date.now() / 1000) + 7200));
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(() => /token expired/.test(document.querySelector("#chk-verdict")?.textContent || ""));
    await page.fill("#chk-now", "");
  });

  it("generates every other kind", async () => {
    const { page } = g;
    for (const kind of ["rtm", "chat", "fpa", "apaas", "education", "convoai", "stt"]) {
      await page.selectOption("#gen-kind", kind);
      if (kind === "convoai" || kind === "stt") await page.fill("#gen-rtm-user", "agent");
      await page.getByRole("button", { name: "Generate", exact: true }).click();
      await page.waitForFunction((k) => document.querySelector("#gen-status").textContent.includes(`Generated a ${k} token`), kind);
    }
  });

  it("shows a server error in words, keyboard only", async () => {
    const { page } = g;
    const before = g.problems.length;
    await page.fill("#dec-token", "007not-a-token");
    await page.focus("#dec-token");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /Cannot decode/.test(document.querySelector("#dec-status").textContent));
    assert.equal(await page.locator("#dec-result").isHidden(), true);
    // Chromium logs the expected 400 reply as a console error: drop that one.
    const added = g.problems.splice(before);
    assert.deepEqual(added.filter((p) => !/status of 400/.test(p)), []);
  });

  it("decodes a 006 token, and finds it signed with another certificate", async () => {
    const { page } = g;
    const t006 = execFileSync(bin, ["rtc", "--format", "006", "--channel", "demo", "--uid", "42",
      "--role", "publisher", "--privilege-expire", "600"], {
      encoding: "utf8",
      env: { ...process.env, APP_ID: "970CA35de60c44645bbae8a215061b33", APP_CERTIFICATE: "5CFd2fd1755d40ecb72977518be15d3b" },
    }).trim();
    assert.match(t006, /^006/);
    await page.fill("#dec-token", t006);
    await page.getByRole("button", { name: "Decode", exact: true }).click();
    await page.waitForFunction(() => /Decoded a 006 token/.test(document.querySelector("#dec-status").textContent));
    assert.equal(await page.locator("#timeline-svg g.bar-privilege").count(), 4);
    await page.fill("#chk-token", t006);
    await page.selectOption("#chk-service", "rtc");
    await page.fill("#chk-channel", "demo");
    await page.fill("#chk-uid", "42");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(() => /another certificate/.test(document.querySelector("#chk-verdict")?.textContent || ""));
  });

  it("had no console error and no request off loopback", () => {
    assert.equal(server.exited(), null);
    assert.deepEqual(g.problems, []);
  });
});

describe("playground with authentication on", () => {
  let server;
  let g;
  let key;

  before(async () => {
    const out = execFileSync(bin, ["serve", "--generate-api-key", "e2e"], { encoding: "utf8" });
    key = out.split("\n")[1].trim();
    const hash = out.match(/e2e=([0-9a-f]{64})/)[1];
    server = await startServer(["--api-key", `e2e=${hash}`]);
    g = await guardedPage();
  });

  after(async () => {
    await g?.context.close();
    await server?.stop();
  });

  it("asks for the API key, then works with it", async () => {
    const { page } = g;
    // The 401 reply is expected here; Chromium logs it as a console error.
    await page.goto(server.url + "/");
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.waitForFunction(() => /requires an API key/.test(document.querySelector("#gen-status").textContent));
    await page.fill("#auth", key);
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.locator("#gen-result").waitFor();
    assert.match(await page.inputValue("#gen-token"), /^007e/);
    const unexpected = g.problems.filter((p) => !/status of 401/.test(p));
    assert.deepEqual(unexpected, []);
  });
});
