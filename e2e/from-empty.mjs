// The competition from an EMPTY database, through the web UI only (issue 22, item 8).
// The server was started on a fresh data directory with nothing but `drx admin create`; every
// step below is a page in Debian's chromium, done by the role that would do it:
//   1. the admin adds organizations and invites an organizer, three judges (one from hospital 1,
//      to exercise a conflict), two clinicians and two engineers; each invitee opens the link of
//      their invitation mail (read from the server's mail log, as on a drx without SMTP) and
//      sets a password;
//   2. the organizer creates a call with its own rubric, fields and phases, fills its committee
//      and opens it;
//   3. each clinician submits a solution with a file;
//   4. the judges fill their expertise profiles and bid;
//   5. the organizer moves the call to review, runs, checks and publishes the assignment;
//   6. the judges review; the organizer reads the reviews, the ranking, picks the finalists;
//   7. an engineer creates a team and invites the other, who accepts; the organizer adds the team
//      to the call, runs and publishes team matching, creates a project and decides its first gate.
// Each major step leaves a screenshot in $DRX_SHOTS. Fails on an error notice, a server error or
// a step whose result does not show.
//
//   DRX_BASE=http://127.0.0.1:8080 DRX_SERVER_LOG=server.log DRX_ADMIN_EMAIL=.. \
//   DRX_ADMIN_PASSWORD=.. node from-empty.mjs zh|en
import { readFileSync } from "node:fs";
import { walk, localInput, idFrom as pathId } from "./walk.mjs";

const LANG = process.argv[2] || "zh";
const SERVER_LOG = process.env.DRX_SERVER_LOG || "";
const ADMIN_EMAIL = process.env.DRX_ADMIN_EMAIL || "admin@example.org";
const ADMIN_PASSWORD = process.env.DRX_ADMIN_PASSWORD || "admin-pass-2026";
const PASSWORD = "walk-through-password-1";
const w = walk({
  base: process.env.DRX_BASE || "http://127.0.0.1:8080",
  lang: LANG,
  shots: process.env.DRX_SHOTS || "artifacts/e2e",
  prefix: "empty-",
});
const { fail, shot, expectFine, submit, setPhase, newPage, signIn } = w;
const BASE = w.base;
const zh = LANG === "zh";
const idFrom = (page, re, what) => pathId(w, page, re, what);

async function expectText(page, text, what) {
  if (!(await page.getByText(text, { exact: false }).count())) fail(`${what}: "${text}" is not on ${page.url()}`);
}

/** Selects the option of `select` whose text contains `text`. */
async function selectByText(page, select, text) {
  const options = await page.locator(`${select} option`).evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const hit = options.find(([, label]) => label.includes(text));
  if (!hit) fail(`no option "${text}" in ${select} (${options.map((o) => o[1]).join(" | ")})`);
  await page.selectOption(select, hit[0]);
}

/** Opens `from` and follows its link to `href`, as a person finding their way would. */
async function follow(page, from, href) {
  await page.goto(`${BASE}${from}`);
  const link = page.locator(`a[href='${href}']`).first();
  if (!(await link.count())) fail(`${from} has no link to ${href}`);
  await Promise.all([page.waitForNavigation(), link.click()]);
  await expectFine(page, `following ${from} -> ${href}`);
}

/** A person's id, from the admin's people page. */
async function personId(admin, name) {
  await admin.goto(`${BASE}/admin/people`);
  const href = await admin.locator(`td > a:text-is("${name}")`).first().getAttribute("href");
  return (href || "").split("/").pop();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The invitation link of the last mail to `email` in the server's mail log (drx writes each
 * mail there when it has no SMTP relay). */
async function mailedLink(email, path) {
  for (let i = 0; i < 60; i++) {
    const log = readFileSync(SERVER_LOG, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
    const mails = log.split(/mail \(no SMTP server configured\):/).slice(1);
    const mine = mails.filter((m) => m.includes(`to="${email}"`) || m.includes(`to=${email}`));
    for (const m of mine.reverse()) {
      const link = (m.match(new RegExp(`https?://\\S+${path}\\S*`)) || [])[0];
      if (link) return link;
    }
    await sleep(500);
  }
  fail(`no mail with a ${path} link to ${email} in ${SERVER_LOG}`);
}

const ORGS = [
  { key: "h1", kind: "hospital", zh: "浙江大学第一医院", en: "First Hospital of Zhejiang" },
  { key: "h2", kind: "hospital", zh: "杭州市第二医院", en: "Hangzhou Second Hospital" },
  { key: "co", kind: "company", zh: "智行医疗科技", en: "Zhixing Medical Technology" },
  { key: "poc", kind: "poc_centre", zh: "转化医学概念验证中心", en: "Translational Proof-of-Concept Centre" },
];
const PEOPLE = [
  { key: "org", role: "organizer", org: null, zh: "周组织", en: "Olivia Organizer" },
  { key: "j1", role: "judge", org: "h1", zh: "韩评审", en: "Hannah Judge" },
  { key: "j2", role: "judge", org: "poc", zh: "彭评审", en: "Peter Judge" },
  { key: "j3", role: "judge", org: "co", zh: "柯评审", en: "Kevin Judge" },
  { key: "c1", role: "clinician", org: "h1", zh: "陈医生", en: "Chen Clinician" },
  { key: "c2", role: "clinician", org: "h2", zh: "李医生", en: "Li Clinician" },
  { key: "e1", role: "engineer", org: "co", zh: "王工程师", en: "Wang Engineer" },
  { key: "e2", role: "engineer", org: "co", zh: "赵工程师", en: "Zhao Engineer" },
];
const SUB_TITLES = {
  c1: zh ? "下肢外骨骼步态训练" : "Exoskeleton gait training",
  c2: zh ? "脑卒中上肢康复游戏" : "Serious games for arm rehabilitation",
};
const orgName = (key) => {
  const o = ORGS.find((x) => x.key === key);
  return zh ? o.zh : o.en;
};
const emailOf = (key) => `${key}.${LANG}@example.org`;
const nameOf = (key) => {
  const p = PEOPLE.find((x) => x.key === key);
  return zh ? p.zh : p.en;
};

// 1. Organizations, invitations, accepted invitations.
async function setUpPeople() {
  console.log("1. admin adds organizations and invites people; each accepts by mail");
  const admin = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const o of ORGS) {
    await admin.goto(`${BASE}/admin/organizations`);
    await admin.selectOption("#kind", o.kind);
    await admin.fill("#name_zh", o.zh);
    await admin.fill("#name_en", o.en);
    await admin.fill("#city", "杭州");
    await submit(admin, "form[action='/admin/organizations'] button[type=submit]");
    await expectFine(admin, `adding ${o.en}`);
    idFrom(admin, /^\/admin\/organizations\/(\d+)$/, "organization");
  }
  await admin.goto(`${BASE}/admin/organizations`);
  for (const o of ORGS) await expectText(admin, zh ? o.zh : o.en, "organization list");
  await shot(admin, "organizations");

  const links = {};
  for (const p of PEOPLE) {
    await admin.goto(`${BASE}/admin/people`);
    const form = "form[action='/admin/invitations']";
    await admin.fill(`${form} input[name=email]`, emailOf(p.key));
    await admin.selectOption(`${form} select[name=role]`, p.role);
    if (p.org) await admin.selectOption(`${form} select[name=organization]`, { label: orgName(p.org) });
    await submit(admin, `${form} button[type=submit]`);
    await expectFine(admin, `inviting ${emailOf(p.key)}`);
    const notice = (await admin.locator(".notice").allInnerTexts()).join(" ");
    links[p.key] = (notice.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/) || [])[0];
    if (!links[p.key]) fail(`no invitation link shown for ${emailOf(p.key)}: ${notice}`);
  }
  await admin.goto(`${BASE}/admin/invitations`);
  for (const p of PEOPLE) await expectText(admin, emailOf(p.key), "invitation list");
  await shot(admin, "invitations");

  const pages = { admin };
  for (const p of PEOPLE) {
    // The link of the invitation mail (the same the admin was shown).
    const link = SERVER_LOG ? await mailedLink(emailOf(p.key), "/invite/") : links[p.key];
    if (link !== links[p.key]) fail(`the mailed link to ${emailOf(p.key)} is not the one shown to the admin`);
    const page = await newPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, BASE));
    await expectFine(page, `opening the invitation of ${emailOf(p.key)}`);
    await expectText(page, emailOf(p.key), "invitation page");
    await page.fill("#name", nameOf(p.key));
    await page.fill("#password", PASSWORD);
    await submit(page, "form button[type=submit]");
    await expectFine(page, `accepting the invitation of ${emailOf(p.key)}`);
    if (!(await page.locator("form[action='/logout']").count())) fail(`${emailOf(p.key)} is not signed in after accepting`);
    if (p.key === "c1") await shot(page, "invitation-accepted");
    pages[p.key] = page;
  }
  // Every invitation is used: none is left to send again or revoke.
  await admin.goto(`${BASE}/admin/invitations`);
  if (await admin.locator("form[action^='/admin/invitations/']").count()) fail("an invitation is still pending after all were accepted");
  await admin.goto(`${BASE}/admin/people`);
  for (const p of PEOPLE) await expectText(admin, nameOf(p.key), "people list");
  await shot(admin, "people");
  return pages;
}

// 2. The call: rubric, fields, phases, committee; opened.
async function createCall(org, tag) {
  console.log("2. organizer creates the call with its rubric and committee, opens it");
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  await follow(org, "/calls", "/calls/new");
  await org.fill("#slug", `empty-${tag}`);
  await org.fill("#title_zh", "康复创新挑战赛");
  await org.fill("#title_en", "Rehabilitation Innovation Challenge");
  await org.fill("#description_zh", "面向临床康复需求的创新方案征集。");
  await org.fill("#description_en", "Innovative solutions for clinical rehabilitation needs.");
  await org.check("input[name=field][value='1']");
  await org.check("input[name=field][value='8']");
  await org.fill("input[name=open_start]", localInput(new Date(now - 2 * day)));
  await org.fill("input[name=open_end]", localInput(new Date(now + 3 * day)));
  await org.fill("input[name=review_start]", localInput(new Date(now + 3 * day)));
  await org.fill("input[name=review_end]", localInput(new Date(now + 10 * day)));
  await org.fill("#reviews_per_submission", "2");
  await org.fill("#finalists", "1");
  const rubric = [
    ["临床价值", "Clinical value", "2", "1", "10"],
    ["技术可行性", "Feasibility", "1", "1", "5"],
    ["团队执行力", "Execution", "1", "1", "5"],
  ];
  const rows = org.locator("tbody tr:has(input[name=crit_zh])");
  for (let i = 0; i < rubric.length; i++) {
    const row = rows.nth(i);
    for (const [j, name] of ["crit_zh", "crit_en", "crit_weight", "crit_min", "crit_max"].entries()) {
      await row.locator(`input[name=${name}]`).fill(rubric[i][j]);
    }
  }
  // Any row the form had beyond ours is left empty.
  for (let i = rubric.length; i < (await rows.count()); i++) {
    await rows.nth(i).locator("input[name=crit_zh]").fill("");
    await rows.nth(i).locator("input[name=crit_en]").fill("");
    await rows.nth(i).locator("input[name=crit_weight]").fill("");
  }
  await shot(org, "call-form");
  await submit(org, "form.stacked button[type=submit]");
  await expectFine(org, "creating the call");
  const callId = idFrom(org, /^\/calls\/(\d+)/, "call");
  await org.goto(`${BASE}/calls/${callId}`);
  for (const r of rubric) await expectText(org, zh ? r[0] : r[1], "the call's rubric");

  await follow(org, `/calls/${callId}`, `/calls/${callId}/committee`);
  for (const j of ["j1", "j2", "j3"]) {
    await selectByText(org, "#add-judge", nameOf(j));
    await submit(org, "form:has(#add-judge) button[type=submit]");
    await expectFine(org, `adding ${nameOf(j)} to the pool`);
  }
  if ((await org.locator("#judges tbody tr").count()) !== 3) fail("the pool does not list the 3 judges");
  await setPhase(org, callId, "open");
  await shot(org, "call-open");
  return callId;
}

// 3. Each clinician submits with a file.
async function submitSolutions(pages, callId) {
  console.log("3. clinicians submit with an attachment");
  const texts = {
    c1: {
      title: SUB_TITLES.c1,
      need: "Stroke patients need many weeks of gait rehabilitation with scarce therapists.",
      solution: "A lightweight lower-limb exoskeleton with adaptive assistance for gait training.",
      keywords: "exoskeleton, gait, stroke, 康复",
      field: "1",
    },
    c2: {
      title: SUB_TITLES.c2,
      need: "After a stroke, arm exercises at home are boring and patients stop doing them.",
      solution: "Motion-sensing games on a tablet that adapt difficulty and report progress to therapists.",
      keywords: "stroke, upper limb, serious games, 神经康复",
      field: "8",
    },
  };
  const subs = {};
  for (const c of ["c1", "c2"]) {
    const page = pages[c];
    const t = texts[c];
    await follow(page, "/", `/calls/${callId}/submit`);
    await page.fill("#title", t.title);
    await page.fill("#need_statement", t.need);
    await page.fill("#solution", t.solution);
    await page.fill("#evidence", "Pilot with 12 patients; measurable improvement after four weeks.");
    await page.check(`input[name=field][value='${t.field}']`);
    await page.fill("#keywords", t.keywords);
    await submit(page, "button[name=action][value=save]");
    await expectFine(page, `saving ${c}'s draft`);
    const subId = idFrom(page, /^\/submissions\/(\d+)/, "submission");
    await page.setInputFiles("#file", {
      name: zh ? "试点结果.pdf" : "pilot-results.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    });
    await submit(page, `form[action='/submissions/${subId}/attachments'] button[type=submit]`);
    await expectFine(page, "uploading the attachment");
    if (!(await page.locator("a[href^='/attachments/']").count())) fail("the attachment is not listed");
    await submit(page, `form[action='/submissions/${subId}/submit'] button[type=submit]`);
    await expectFine(page, "submitting");
    if (c === "c1") await shot(page, "submitted");
    subs[c] = subId;
  }
  const org = pages.org;
  await org.goto(`${BASE}/calls/${callId}/submissions`);
  for (const c of ["c1", "c2"]) await expectText(org, texts[c].title, "the call's submissions");
  await shot(org, "submissions");
  return subs;
}

// 4. Judges' profiles and bids.
async function profilesAndBids(pages, callId, subs) {
  console.log("4. judges fill their profiles and bid");
  const profiles = {
    j1: ["rehabilitation, exoskeleton, gait", "Wearable robotics for gait rehabilitation", "1"],
    j2: ["stroke, serious games, upper limb", "Game-based motor rehabilitation after stroke", "8"],
    j3: ["medical devices, rehabilitation robotics", "Design of rehabilitation devices for the home", "1"],
  };
  for (const j of ["j1", "j2", "j3"]) {
    const page = pages[j];
    const [keywords, work, field] = profiles[j];
    await follow(page, "/account", "/account/profile");
    await page.check(`form[action='/account/profile'] input[name=field][value='${field}']`);
    await page.fill("#keywords", keywords);
    await page.fill("#bio", `Ten years of clinical engineering: ${keywords}.`);
    await submit(page, "form[action='/account/profile'] button[type=submit]");
    await expectFine(page, `saving ${j}'s profile`);
    await page.goto(`${BASE}/account/profile`);
    await page.fill("form[action='/account/profile/works'] #title", work);
    await page.fill("form[action='/account/profile/works'] #abstract", `A study of ${keywords}.`);
    await page.fill("form[action='/account/profile/works'] #year", "2024");
    await submit(page, "form[action='/account/profile/works'] button[type=submit]");
    await expectFine(page, `adding ${j}'s past work`);
    await expectText(page, work, "the profile's past work");
    if (j === "j1") await shot(page, "profile");

    // Bids: from the judge's home, the call's bidding sheet.
    await page.goto(`${BASE}/`);
    const bidLink = page.locator(`a[href='/calls/${callId}/bids']`).first();
    if (!(await bidLink.count())) fail(`${j} has no bidding link on their home page`);
    await Promise.all([page.waitForNavigation(), bidLink.click()]);
    // Each judge is eager for the submission nearest their work; hospital 1's judge too, for
    // hospital 1's own submission: the organization conflict must still keep them apart.
    const wanted = j === "j2" ? subs.c2 : subs.c1;
    await page.locator(`input[name=bid-${wanted}][value=eager]`).check();
    if (j === "j3") await page.locator(`input[name=bid-${subs.c2}][value=not_willing]`).check();
    await submit(page, `form[action='/calls/${callId}/bids'][method=post] button[type=submit]`);
    await expectFine(page, `saving ${j}'s bids`);
    if (j === "j1") await shot(page, "bids");
  }
  const org = pages.org;
  await follow(org, `/calls/${callId}/assignment`, `/calls/${callId}/bids/coverage`);
  await expectFine(org, "bid coverage");
  await shot(org, "bid-coverage");
}

// 5. Assignment.
async function assignment(org, admin, callId, subs) {
  console.log("5. organizer runs, checks and publishes the assignment");
  await setPhase(org, callId, "review");
  await follow(org, `/calls/${callId}`, `/calls/${callId}/assignment`);
  await submit(org, `form[action='/calls/${callId}/assignment'] button[type=submit]`);
  await expectFine(org, "running the assignment");
  if (!/\/assignment\/\d+$/.test(new URL(org.url()).pathname)) fail(`no run page (at ${org.url()})`);
  // Hospital 1's judge never reviews hospital 1's submission.
  const pairs = await org.locator("tr:has(input[name=forbid])").allInnerTexts();
  if (pairs.length !== 4) fail(`the run has ${pairs.length} pairs, wanted 2 reviews x 2 submissions`);
  // Hospital 1's judge (eager for it) is kept off hospital 1's submission.
  const j1Id = await personId(admin, nameOf("j1"));
  if (await org.locator(`input[name=forbid][value='${subs.c1}-${j1Id}']`).count()) fail("hospital 1's judge was assigned hospital 1's submission");
  await shot(org, "assignment-run");
  await submit(org, `form[action$='/publish'] button[type=submit]`);
  await expectFine(org, "publishing the assignment");
  await shot(org, "assignment-published");
}

// 6. Reviews, ranking, finalists.
async function reviewAndDecide(pages, callId, subs) {
  console.log("6. judges review; organizer reads, ranks and picks the finalist");
  let reviews = 0;
  for (const j of ["j1", "j2", "j3"]) {
    const page = pages[j];
    await page.goto(`${BASE}/`);
    const hrefs = await page.locator("a[href^='/reviews/']").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    for (const href of hrefs) {
      await page.goto(`${BASE}${href}`);
      const inputs = await page.locator("input[name^=score_]").all();
      if (!inputs.length) fail(`${j}'s review form has no rubric scores`);
      // Hospital 1's submission is scored higher: the ranking must put it first.
      const first = (await page.getByText(SUB_TITLES.c1).count()) > 0;
      for (const input of inputs) {
        const max = Number((await input.getAttribute("max")) || "5");
        await input.fill(String(first ? max : max - 2));
      }
      await page.selectOption("#confidence", "4");
      await page.fill("#comments_for_authors", "Clear need, convincing pilot data.");
      await submit(page, "button[name=action][value=submit]");
      await expectFine(page, `${j} submitting a review`);
      reviews += 1;
      if (reviews === 1) await shot(page, "review-submitted");
    }
  }
  if (reviews !== 4) fail(`${reviews} reviews were submitted, wanted 4`);
  const org = pages.org;
  await follow(org, `/calls/${callId}/ranking`, `/calls/${callId}/reviews`);
  await expectFine(org, "reading the reviews");
  const rows = await org.locator("tr.review-row").count();
  if (rows !== 4) fail(`the call's reviews list ${rows} reviews, wanted 4`);
  await expectText(org, zh ? "临床价值" : "Clinical value", "the reviews' rubric columns");
  await shot(org, "reviews");
  // One submission's reviews in full, comments included.
  await org.goto(`${BASE}/submissions/${subs.c1}`);
  await expectText(org, "Clear need, convincing pilot data.", "the submission's reviews");
  await setPhase(org, callId, "decision");
  await follow(org, `/calls/${callId}`, `/calls/${callId}/ranking`);
  await expectFine(org, "the ranking");
  const top = await org.locator("tbody tr").first().innerText();
  if (!top.includes(SUB_TITLES.c1)) fail(`the ranking does not put the best-scored submission first: ${top}`);
  await org.check(`input[name=select][value='${subs.c1}']`);
  await shot(org, "ranking");
  await submit(org, `form[action='/calls/${callId}/decisions'] button[type=submit]`);
  await expectFine(org, "deciding");
  await shot(org, "finalist");
  // Each clinician reads the decision on their submission.
  for (const [c, status] of [["c1", zh ? "入围决赛" : "Finalist"], ["c2", zh ? "未入选" : "Not selected"]]) {
    await pages[c].goto(`${BASE}/submissions/${subs[c]}`);
    await expectText(pages[c], status, `${c}'s decision`);
  }
}

// 7. Team, team matching, project, first gate.
async function teamAndProject(pages, callId, subs) {
  console.log("7. engineers form a team; matching; project and its first gate");
  const e1 = pages.e1;
  await follow(e1, "/", "/teams/new");
  await e1.fill("#name_zh", "智行康复机器人团队");
  await e1.fill("#name_en", "Zhixing Rehab Robotics");
  const orgSelect = e1.locator("#organization");
  if (await orgSelect.count()) await orgSelect.selectOption({ label: orgName("co") });
  await e1.fill("#capabilities", "Exoskeleton mechanics, gait control, embedded sensing for rehabilitation robots.");
  await e1.fill("#technologies", "exoskeleton, motor control, IMU");
  await e1.check("input[name=field][value='1']");
  await e1.fill("#capacity", "2");
  await submit(e1, "form[action='/teams/new'] button[type=submit]");
  await expectFine(e1, "creating the team");
  const teamId = idFrom(e1, /^\/teams\/(\d+)/, "team");
  await e1.goto(`${BASE}/teams/${teamId}`);
  await e1.fill(`form[action='/teams/${teamId}/invitations'] #email`, emailOf("e2"));
  await submit(e1, `form[action='/teams/${teamId}/invitations'] button[type=submit]`);
  await expectFine(e1, "inviting the second engineer");
  const e2 = pages.e2;
  await e2.goto(`${BASE}/`);
  const accept = e2.locator("form[action^='/team-invitations/'] button[value=accept]").first();
  if (!(await accept.count())) fail("the second engineer sees no team invitation on their home page");
  await Promise.all([e2.waitForNavigation(), accept.click()]);
  await expectFine(e2, "accepting the team invitation");
  await e1.goto(`${BASE}/teams/${teamId}`);
  await expectText(e1, nameOf("e2"), "the team's members");
  await shot(e1, "team");

  const org = pages.org;
  await org.goto(`${BASE}/calls/${callId}/committee`);
  await selectByText(org, "#add-team", zh ? "智行康复机器人团队" : "Zhixing Rehab Robotics");
  await submit(org, "form:has(#add-team) button[type=submit]");
  await expectFine(org, "adding the team to the call");
  await setPhase(org, callId, "matchmaking");
  await follow(org, `/calls/${callId}`, `/calls/${callId}/team-matching`);
  await submit(org, `form[action='/calls/${callId}/team-matching'] button[type=submit]`);
  await expectFine(org, "running the team matching");
  if (!(await org.locator(`tr:has(input[name=forbid][value='${subs.c1}-${teamId}'])`).count())) fail("the team is not matched to the finalist");
  await shot(org, "team-matching");
  await submit(org, `form[action$='/publish'] button[type=submit]`);
  await expectFine(org, "publishing the team matching");

  // The project: the finalist, the matched team (offered from the published matching) and the
  // proof-of-concept centre that will host it.
  await follow(org, "/projects", "/projects/new");
  const fromMatch = `form[action='/projects/new']:has(input[name=submission][value='${subs.c1}']):has(input[name=team][value='${teamId}'])`;
  if (!(await org.locator(fromMatch).count())) fail("the published match is not offered as a project");
  await selectByText(org, `${fromMatch} select[name=poc]`, orgName("poc"));
  await shot(org, "project-from-match");
  await submit(org, `${fromMatch} button[type=submit]`);
  await expectFine(org, "creating the project");
  const projectId = idFrom(org, /^\/projects\/(\d+)/, "project");
  await expectText(org, orgName("poc"), "the project's proof-of-concept centre");
  await w.passFirstGate(org, projectId);
  await shot(org, "gate-passed");
  return projectId;
}

async function main() {
  await w.launch();
  try {
    const tag = `${LANG}-${Date.now() % 1000000}`;
    const pages = await setUpPeople();
    const callId = await createCall(pages.org, tag);
    const subs = await submitSolutions(pages, callId);
    await profilesAndBids(pages, callId, subs);
    await assignment(pages.org, pages.admin, callId, subs);
    await reviewAndDecide(pages, callId, subs);
    const projectId = await teamAndProject(pages, callId, subs);
    w.checkServerErrors();
    console.log(`from-empty walk-through (${LANG}) passed: call ${callId}, project ${projectId}`);
  } finally {
    await w.browser.close();
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
