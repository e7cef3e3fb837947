// Browser walk-through of the whole drx cycle, in one language, against a running demo server:
// the organizer opens a call and fills its committee, a clinician submits with an attachment, the organizer runs and
// publishes the judge assignment, the assigned judge scores, the organizer selects the finalist,
// runs the team matching and publishes it, a project is created and passes its first gate.
// Every step is a real page in Debian's chromium driven by playwright-core; each leaves a
// screenshot in $DRX_SHOTS (default artifacts/e2e). Fails on an error page, a server error or a
// step whose result does not show.
//
//   DRX_BASE=http://127.0.0.1:8080 node walkthrough.mjs zh|en
import { walk, localInput } from "./walk.mjs";

const LANG = process.argv[2] || "zh";
const PASSWORD = process.env.DRX_DEMO_PASSWORD || "drx-demo-2026";
const w = walk({
  base: process.env.DRX_BASE || "http://127.0.0.1:8080",
  lang: LANG,
  shots: process.env.DRX_SHOTS || "artifacts/e2e",
});
const { fail, shot, expectFine, submit, setPhase, passFirstGate } = w;
const BASE = w.base;
const signIn = (email) => w.signIn(email, PASSWORD);

async function main() {
  await w.launch();
  try {
    const tag = `${LANG}-${Date.now() % 1000000}`;
    const day = 24 * 3600 * 1000;
    const now = Date.now();

    // 0. The admin adds a hospital; a second try with the same name is refused with its reason.
    console.log("0. admin adds an organization");
    const root = await signIn("admin@drx.example");
    await root.goto(`${BASE}/admin/organizations`);
    await root.selectOption("#kind", "hospital");
    await root.fill("#name_zh", `走查医院 ${tag}`);
    await root.fill("#name_en", `Walk-through Hospital ${tag}`);
    await root.fill("#city", "杭州");
    await submit(root, "form[action='/admin/organizations'] button[type=submit]");
    await expectFine(root, "adding an organization");
    if (!/^\/admin\/organizations\/\d+$/.test(new URL(root.url()).pathname)) fail(`no organization page: ${root.url()}`);
    await shot(root, "organization-added");
    await root.goto(`${BASE}/admin/organizations`);
    await root.fill("#name_zh", `走查医院 ${tag}`);
    await submit(root, "form[action='/admin/organizations'] button[type=submit]");
    if (!(await root.locator(".notice.error").count())) fail("a repeated organization name was not refused");
    await shot(root, "organization-refused");
    await root.context().close();

    // 1. The organizer opens a call.
    console.log("1. organizer creates and opens a call");
    const org = await signIn("organizer@drx.example");
    await org.goto(`${BASE}/calls/new`);
    await org.fill("#slug", `walk-${tag}`);
    await org.fill("#title_zh", `走查 ${tag}`);
    await org.fill("#title_en", `Walk-through ${tag}`);
    await org.check("input[name=field][value='1']");
    await org.fill("input[name=open_start]", localInput(new Date(now - 2 * day)));
    await org.fill("input[name=open_end]", localInput(new Date(now + 3 * day)));
    await org.fill("input[name=review_start]", localInput(new Date(now + 3 * day)));
    await org.fill("input[name=review_end]", localInput(new Date(now + 10 * day)));
    await org.fill("#reviews_per_submission", "1");
    await org.fill("#finalists", "1");
    await shot(org, "call-form");
    await submit(org, "form.stacked button[type=submit]");
    await expectFine(org, "creating the call");
    const callId = (new URL(org.url()).pathname.match(/^\/calls\/(\d+)/) || [])[1];
    if (!callId) fail(`no call page after creating the call (at ${org.url()})`);
    await setPhase(org, callId, "open");
    await shot(org, "call-open");

    // The call's committee: judges for its pool (the assignment draws only from it) and a team
    // taking part (team matching draws only from those).
    await org.goto(`${BASE}/calls/${callId}/committee`);
    for (let i = 0; i < 3; i++) {
      await submit(org, "form:has(#add-judge) button[type=submit]");
      await expectFine(org, "adding a judge to the call's pool");
    }
    // Three teams: one already busy with a finalist of another call may have no room left.
    for (let i = 0; i < 3; i++) {
      await submit(org, "form:has(#add-team) button[type=submit]");
      await expectFine(org, "adding a team to the call");
    }
    if ((await org.locator("#judges tbody tr").count()) !== 3) fail("the pool does not list the 3 judges added");
    await shot(org, "committee");

    // 2. A clinician submits a solution with an attachment.
    console.log("2. clinician submits with an attachment");
    const clin = await signIn("clinician@drx.example");
    await clin.goto(`${BASE}/calls/${callId}/submit`);
    await clin.fill("#title", LANG === "zh" ? `康复外骨骼步态训练 ${tag}` : `Exoskeleton gait training ${tag}`);
    await clin.fill("#need_statement", "A way to restore walking in stroke patients that shortens rehabilitation.");
    await clin.fill("#solution", "A lightweight lower-limb exoskeleton with adaptive assistance for gait training.");
    await clin.fill("#evidence", "Pilot with 12 patients; walking speed improved by 0.2 m/s.");
    await clin.check("input[name=field][value='1']");
    await clin.fill("#keywords", "exoskeleton, gait, stroke, 康复");
    await submit(clin, "button[name=action][value=save]");
    await expectFine(clin, "saving the draft");
    const subId = (new URL(clin.url()).pathname.match(/^\/submissions\/(\d+)/) || [])[1];
    if (!subId) fail(`no submission page after saving (at ${clin.url()})`);
    await clin.setInputFiles("#file", {
      name: "pilot-results.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    });
    await submit(clin, `form[action='/submissions/${subId}/attachments'] button[type=submit]`);
    await expectFine(clin, "uploading the attachment");
    if (!(await clin.locator("a[href^='/attachments/']").count())) fail("the attachment is not listed");
    await submit(clin, `form[action='/submissions/${subId}/submit'] button[type=submit]`);
    await expectFine(clin, "submitting");
    await shot(clin, "submitted");

    // 3. The organizer runs the assignment and publishes it.
    console.log("3. organizer runs and publishes the assignment");
    await setPhase(org, callId, "review");
    await org.goto(`${BASE}/calls/${callId}/assignment`);
    await submit(org, `form[action='/calls/${callId}/assignment'] button[type=submit]`);
    await expectFine(org, "running the assignment");
    const runPath = new URL(org.url()).pathname;
    if (!/\/assignment\/\d+$/.test(runPath)) fail(`no run page after the run (at ${runPath})`);
    const judgeName = (await org.locator("tr:has(input[name=forbid]) td:nth-child(2)").first().innerText()).trim();
    await shot(org, "assignment-run");
    await submit(org, `form[action$='/publish'] button[type=submit]`);
    await expectFine(org, "publishing the assignment");
    await shot(org, "assignment-published");

    // The assigned judge's address, from the admin's people page.
    const admin = await signIn("admin@drx.example");
    await admin.goto(`${BASE}/admin/people`);
    const row = admin.locator("tr", { has: admin.locator(`td > a:text-is("${judgeName}")`) }).first();
    const judgeEmail = (await row.locator("td", { hasText: "@" }).first().innerText()).trim();
    if (!judgeEmail.includes("@")) fail(`no address for judge ${judgeName}`);

    // 4. The judge scores.
    console.log(`4. judge ${judgeEmail} scores`);
    const judge = await signIn(judgeEmail);
    await judge.goto(`${BASE}/`);
    const reviewLinks = await judge.locator("a[href^='/reviews/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    let scored = false;
    for (const href of reviewLinks) {
      await judge.goto(`${BASE}${href}`);
      if (!(await judge.getByText(`${tag}`).count())) continue;
      for (const input of await judge.locator("input[name^=score_]").all()) await input.fill("8");
      await judge.selectOption("#confidence", "4");
      await judge.fill("#comments_for_authors", "Clear need, convincing pilot data.");
      await submit(judge, "button[name=action][value=submit]");
      await expectFine(judge, "submitting the review");
      scored = true;
      break;
    }
    if (!scored) fail("the judge has no review of the walk-through submission");
    await shot(judge, "review-submitted");

    // 5. The organizer selects the finalist.
    console.log("5. organizer selects the finalist");
    await setPhase(org, callId, "decision");
    await org.goto(`${BASE}/calls/${callId}/ranking`);
    await org.check(`input[name=select][value='${subId}']`);
    await shot(org, "ranking");
    await submit(org, `form[action='/calls/${callId}/decisions'] button[type=submit]`);
    await expectFine(org, "deciding");
    await shot(org, "finalist");

    // 6. A team is matched to the finalist.
    console.log("6. organizer matches a team to the finalist");
    await setPhase(org, callId, "matchmaking");
    const teamId = await matchTeam(org, callId, subId);

    // 7. A project is created and passes its first gate.
    console.log("7. project created; first gate passed");
    await org.goto(`${BASE}/projects/new`);
    await shot(org, "project-from-match");
    await submit(org, `form[action='/projects/new']:has(input[name=submission][value='${subId}']):has(input[name=team][value='${teamId}']) button[type=submit]`);
    await expectFine(org, "creating the project");
    const projectId = (new URL(org.url()).pathname.match(/^\/projects\/(\d+)/) || [])[1];
    if (!projectId) fail(`no project page after creating it (at ${org.url()})`);
    await passFirstGate(org, projectId);
    await shot(org, "gate-passed");

    w.checkServerErrors();
    console.log(`walk-through (${LANG}) passed: call ${callId}, submission ${subId}, project ${projectId}`);
  } finally {
    await w.browser.close();
  }
}

/** Runs teams -> finalists for the call, publishes it and returns the matched team's id. */
async function matchTeam(org, callId, subId) {
  await org.goto(`${BASE}/calls/${callId}/team-matching`);
  await submit(org, `form[action='/calls/${callId}/team-matching'] button[type=submit]`);
  await expectFine(org, "running the team matching");
  await shot(org, "team-matching");
  const teamLink = org.locator(`tr:has(input[name=forbid][value^='${subId}-']) a[href^='/teams/']`).first();
  const teamId = ((await teamLink.getAttribute("href")) || "").split("/").pop();
  await submit(org, `form[action$='/publish'] button[type=submit]`);
  await expectFine(org, "publishing the team matching");
  await shot(org, "team-matched");
  if (!teamId) fail(`no team matched to submission ${subId}`);
  return teamId;
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
