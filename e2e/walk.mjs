// What both browser walk-throughs share: chromium, failing with the walk's name, screenshots,
// error notices and server errors, submitting forms, phases and a project's first gate.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** A walk in `lang` against `base`; its screenshots are `<prefix><lang>-NN-name.png` in `shots`. */
export function walk({ base, lang, shots, prefix = "" }) {
  mkdirSync(shots, { recursive: true });
  let shotNo = 0;
  const serverErrors = [];
  const w = {
    base,
    lang,
    browser: null,

    fail(msg) {
      throw new Error(`[${prefix}${lang}] ${msg}`);
    },

    async launch() {
      w.browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
      });
    },

    async shot(page, name) {
      shotNo += 1;
      const file = join(shots, `${prefix}${lang}-${String(shotNo).padStart(2, "0")}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`  screenshot ${file}`);
    },

    /** Fails when the page shows an error notice. */
    async expectFine(page, what) {
      const errors = await page.locator(".notice.error").allInnerTexts();
      if (errors.length) w.fail(`${what}: ${errors.join(" / ")}`);
    },

    /** A page in a browser context of its own (own cookies), in the walk's language. */
    async newPage() {
      const context = await w.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on("response", (r) => {
        if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${base}/lang/${lang}`);
      return page;
    },

    /** A signed-in page of its own, checked to be in the walk's language. */
    async signIn(email, password) {
      const page = await w.newPage();
      await page.goto(`${base}/login`);
      await page.fill("#email", email);
      await page.fill("#password", password);
      await w.submit(page, "form[action='/login'] button[type=submit]");
      if (new URL(page.url()).pathname === "/login") w.fail(`login as ${email} refused`);
      const pageLang = await page.getAttribute("html", "lang");
      if (!pageLang || !pageLang.startsWith(lang)) w.fail(`page language is ${pageLang}, wanted ${lang}`);
      return page;
    },

    /** Submits the form that contains `button` and waits for the next page. */
    async submit(page, button) {
      await Promise.all([page.waitForNavigation(), page.locator(button).first().click()]);
    },

    async setPhase(page, callId, phase) {
      await page.goto(`${base}/calls/${callId}`);
      await page.selectOption(`form[action='/calls/${callId}/phase'] select[name=phase]`, phase);
      await w.submit(page, `form[action='/calls/${callId}/phase'] button[type=submit]`);
      await w.expectFine(page, `moving call ${callId} to ${phase}`);
    },

    /** On the project's page: ticks its first checklist, decides "go" and checks the stage moved. */
    async passFirstGate(page, projectId) {
      const stageBefore = await page.locator("ol.gates li.current").innerText();
      for (;;) {
        const tick = page.locator(`form[action='/projects/${projectId}/check']:has(input[name=on][value='1']) button`).first();
        if (!(await tick.count())) break;
        await Promise.all([page.waitForNavigation(), tick.click()]);
        await w.expectFine(page, "ticking the checklist");
      }
      await page.check("input[name=decision][value=go]");
      await page.fill("textarea[name=reason]", "Checklist complete; proceed to proof of concept.");
      await w.submit(page, `form[action='/projects/${projectId}/decision'] button[type=submit]`);
      await w.expectFine(page, "recording the gate decision");
      const stageAfter = await page.locator("ol.gates li.current").innerText();
      if (stageAfter === stageBefore) w.fail(`the project is still at ${stageBefore} after a go`);
    },

    /** Fails on any 5xx answer seen so far. */
    checkServerErrors() {
      if (serverErrors.length) w.fail(`server errors: ${serverErrors.join(", ")}`);
    },
  };
  return w;
}

/** A datetime-local value. The call's time zone (UTC+8) is ahead of UTC, so a UTC value is
 * always in the past, never in the future: callers keep generous margins. */
export function localInput(date) {
  return date.toISOString().slice(0, 16);
}

/** The id that `re`'s first group finds in the path of `page`, or a failure naming `what`. */
export function idFrom(w, page, re, what) {
  const id = (new URL(page.url()).pathname.match(re) || [])[1];
  if (!id) w.fail(`no ${what} page (at ${page.url()})`);
  return id;
}
