//! `drx demo`: a realistic, deterministic bilingual data set: the Dr. X call with 155
//! submissions from 12 hospitals, 40 judges, engineering teams, needs and expertise.
pub mod corpus;
pub mod exchange;
pub mod history;
pub mod matchmaking;
pub mod pipeline;
pub mod reviews;
pub use pipeline::simulate_pipeline;
pub use reviews::simulate_reviews;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use corpus::{Bi, CORPUS};
use drx_domain::Role;
use drx_domain::{AuditAction, AuditEntity};
use drx_store::accounts::{insert_person, NewPerson};
use drx_store::calls::NewCall;
use drx_store::catalogue as cat;
use drx_store::needs::NewNeed;
use drx_store::submissions::NewSubmission;
use drx_store::teams::{self as team_store, NewTeam};
use drx_store::{audit, Db};

pub const DEMO_PASSWORD: &str = "drx-demo-2026";
pub const SUBMISSIONS: usize = 155;

/// 2026-03-01 00:00 UTC: demo times are fixed so that the same seed gives the same data.
const BASE_TIME: i64 = 1_772_323_200;
const DAY: i64 = 86_400;

/// Fictional hospitals (English, Chinese, city).
const HOSPITALS: &[(&str, &str, &str)] = &[
    (
        "Dongjiang First People's Hospital",
        "东江市第一人民医院",
        "东江",
    ),
    (
        "Huaxi Lake University Affiliated Hospital",
        "华溪湖大学附属医院",
        "杭州",
    ),
    ("Jinling Central Hospital", "金陵中心医院", "南京"),
    (
        "Pearl River Provincial People's Hospital",
        "珠江省人民医院",
        "广州",
    ),
    (
        "Chang'an Medical University First Hospital",
        "长安医科大学第一医院",
        "西安",
    ),
    ("Songjiang Cancer Hospital", "松江肿瘤医院", "上海"),
    (
        "Yanshan Cardiovascular Hospital",
        "燕山心血管病医院",
        "北京",
    ),
    ("Bashu Rehabilitation Hospital", "巴蜀康复医院", "成都"),
    (
        "Xiangjiang Second Affiliated Hospital",
        "湘江大学第二附属医院",
        "长沙",
    ),
    ("Qilu Coastal Hospital", "齐鲁滨海医院", "青岛"),
    ("Hanshui Union Hospital", "汉水协和医院", "武汉"),
    (
        "Minjiang Children's and Women's Hospital",
        "闽江妇女儿童医院",
        "福州",
    ),
];

const SURNAMES: &[(&str, &str)] = &[
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Hu", "胡"),
    ("Zhu", "朱"),
    ("Gao", "高"),
    ("Lin", "林"),
    ("He", "何"),
    ("Guo", "郭"),
    ("Ma", "马"),
    ("Luo", "罗"),
    ("Liang", "梁"),
    ("Song", "宋"),
    ("Zheng", "郑"),
    ("Xie", "谢"),
    ("Han", "韩"),
    ("Tang", "唐"),
    ("Feng", "冯"),
    ("Deng", "邓"),
];
const GIVEN: &[(&str, &str)] = &[
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Yang", "洋"),
    ("Yan", "艳"),
    ("Jun", "军"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Xiu", "秀"),
    ("Hui", "慧"),
    ("Qiang", "强"),
    ("Lin", "琳"),
    ("Hao", "浩"),
    ("Yu", "宇"),
    ("Xin", "欣"),
    ("Ting", "婷"),
    ("Bo", "博"),
    ("Kai", "凯"),
    ("Rui", "睿"),
    ("Ning", "宁"),
    ("Yue", "悦"),
    ("Peng", "鹏"),
    ("Shan", "珊"),
    ("Zhe", "哲"),
];

struct Names {
    used: std::collections::HashSet<String>,
}

impl Names {
    /// A unique person name: (Chinese display name, ascii slug for the email).
    fn next(&mut self, rng: &mut ChaCha8Rng) -> (String, String) {
        loop {
            let (se, sz) = SURNAMES[rng.gen_range(0..SURNAMES.len())];
            let (ge, gz) = GIVEN[rng.gen_range(0..GIVEN.len())];
            let two = rng.gen_bool(0.5);
            let (ge2, gz2) = if two {
                GIVEN[rng.gen_range(0..GIVEN.len())]
            } else {
                ("", "")
            };
            let zh = format!("{sz}{gz}{gz2}");
            let slug = format!(
                "{}.{}{}",
                se.to_lowercase(),
                ge.to_lowercase(),
                ge2.to_lowercase()
            );
            if self.used.insert(slug.clone()) {
                return (zh, slug);
            }
        }
    }
}

async fn add_person(
    tx: &mut drx_store::Tx,
    hash: &str,
    email: String,
    name: String,
    title: String,
    org: i64,
    roles: Vec<Role>,
) -> drx_store::Result<i64> {
    let p = NewPerson {
        email: &email,
        name: &name,
        title: &title,
        organization_id: Some(org),
        password_hash: Some(hash),
        locale: "zh",
        roles: &roles,
    };
    insert_person(tx, &p, BASE_TIME).await
}

fn lang_text(b: &Bi, zh: bool) -> &'static str {
    if zh {
        b.zh
    } else {
        b.en
    }
}

/// Fills an empty, migrated database; returns the logins to print: (who, email).
pub async fn generate(db: &Db, seed: u64) -> anyhow::Result<Vec<(String, String)>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let hash = drx_core::auth::credentials::hash_password(DEMO_PASSWORD);
    let fields = cat::fields(db).await?;
    let field_id = |code: &str| fields.iter().find(|f| f.code == code).map(|f| f.id);
    let mut names = Names {
        used: Default::default(),
    };
    let mut tx = db.begin().await?;
    let t0 = BASE_TIME;

    // Organizations.
    let mut hospitals = Vec::new();
    for (en, zh, city) in HOSPITALS {
        hospitals
            .push(drx_store::organizations::seed(&mut tx, "hospital", en, zh, city, t0).await?);
    }
    let company = drx_store::organizations::seed(
        &mut tx,
        "company",
        "Xinmai Medical Devices Group",
        "新脉医疗器械集团",
        "上海",
        t0,
    )
    .await?;
    let university = drx_store::organizations::seed(
        &mut tx,
        "university",
        "Eastern Institute of Biomedical Engineering",
        "东方生物医学工程研究院",
        "苏州",
        t0,
    )
    .await?;
    let poc_centres = [
        drx_store::organizations::seed(
            &mut tx,
            "poc_centre",
            "East China Clinical Innovation PoC Centre",
            "华东临床创新概念验证中心",
            "上海",
            t0,
        )
        .await?,
        drx_store::organizations::seed(
            &mut tx,
            "poc_centre",
            "Southwest Medical Device PoC Centre",
            "西南医疗器械概念验证中心",
            "成都",
            t0,
        )
        .await?,
    ];

    // The platform's staff: one account a role.
    let mut staff = [0i64; 3];
    let accounts = [
        (
            "admin@drx.example",
            "系统管理员",
            "Platform administrator",
            company,
            Role::Admin,
        ),
        (
            "organizer@drx.example",
            "赵明远",
            "Dr. X 大赛组委会",
            company,
            Role::Organizer,
        ),
        (
            "poc@drx.example",
            "钱佳怡",
            "概念验证中心项目经理",
            poc_centres[0],
            Role::Poc,
        ),
    ];
    for (id, (email, name, title, org, role)) in staff.iter_mut().zip(accounts) {
        let roles = vec![role];
        *id = add_person(
            &mut tx,
            &hash,
            email.into(),
            name.into(),
            title.into(),
            org,
            roles,
        )
        .await?;
    }
    let [admin, organizer, poc] = staff;

    // Clinicians: three per hospital.
    let mut clinicians: Vec<Vec<(i64, String)>> = Vec::new();
    for (hi, &h) in hospitals.iter().enumerate() {
        let mut staff = Vec::new();
        for k in 0..3 {
            let (zh, slug) = names.next(&mut rng);
            let email = if hi == 0 && k == 0 {
                "clinician@drx.example".to_string()
            } else {
                format!("{slug}@h{}.drx.example", hi + 1)
            };
            let title = ["主任医师", "副主任医师", "主治医师"][k].to_string();
            let id = add_person(
                &mut tx,
                &hash,
                email,
                zh.clone(),
                title,
                h,
                vec![Role::Clinician],
            )
            .await?;
            staff.push((id, zh));
        }
        clinicians.push(staff);
    }

    // Judges: the corpus's experts, from hospitals, the company and the university.
    let mut judge_emails = Vec::new();
    let mut judge_ids = Vec::new();
    let mut judges = 0usize;
    for fc in CORPUS {
        for ex in fc.experts {
            let (zh, slug) = names.next(&mut rng);
            let org = match judges % 5 {
                0 | 1 | 2 => hospitals[(judges * 7) % hospitals.len()],
                3 => company,
                _ => university,
            };
            let email = if judges == 0 {
                "judge@drx.example".to_string()
            } else {
                format!("{slug}@judges.drx.example")
            };
            let id = add_person(
                &mut tx,
                &hash,
                email.clone(),
                zh,
                ex.specialty.zh.to_string(),
                org,
                vec![Role::Judge],
            )
            .await?;
            judge_emails.push(email);
            judge_ids.push(id);
            if let Some(f) = field_id(fc.field) {
                cat::insert_person_field(&mut tx, id, f).await?;
            }
            let profile = format!(
                "{}\n{}\n{}\n{}",
                ex.specialty.zh, ex.specialty.en, ex.bio.zh, ex.bio.en
            );
            cat::insert_expertise_document(
                &mut tx,
                Some(id),
                None,
                "profile",
                ex.specialty.zh,
                &profile,
                t0,
            )
            .await?;
            for w in ex.past_work {
                let kind = if rng.gen_bool(0.5) {
                    "publication"
                } else {
                    "project"
                };
                cat::insert_expertise_document(&mut tx, Some(id), None, kind, w.zh, w.en, t0)
                    .await?;
            }
            judges += 1;
        }
    }

    // Engineering teams of the company, two engineers each.
    let mut teams = 0usize;
    let mut team_ids = Vec::new();
    for fc in CORPUS {
        for ts in fc.teams {
            let techs: Vec<String> = ts
                .technologies
                .iter()
                .map(|t| format!("{} ({})", t.zh, t.en))
                .collect();
            let team = team_store::insert_team(
                &mut tx,
                &NewTeam {
                    organization_id: company,
                    name_en: ts.name.en,
                    name_zh: ts.name.zh,
                    capabilities: &format!("{}\n{}", ts.capabilities.zh, ts.capabilities.en),
                    technologies: &techs.join("; "),
                    capacity: 1 + (teams % 2) as i64,
                },
                t0,
            )
            .await?;
            team_ids.push(team);
            if let Some(f) = field_id(fc.field) {
                team_store::insert_team_field(&mut tx, team, f).await?;
            }
            for k in 0..2 {
                let (zh, slug) = names.next(&mut rng);
                let email = if teams == 0 && k == 0 {
                    "engineer@drx.example".to_string()
                } else {
                    format!("{slug}@eng.drx.example")
                };
                let title = if k == 0 {
                    "研发经理"
                } else {
                    "高级工程师"
                };
                let id = add_person(
                    &mut tx,
                    &hash,
                    email,
                    zh,
                    title.into(),
                    company,
                    vec![Role::Engineer],
                )
                .await?;
                team_store::insert_team_member(&mut tx, team, id, k == 0).await?;
            }
            teams += 1;
        }
    }

    // The call.
    let call = drx_store::calls::insert_call(
        &mut tx,
        &NewCall {
            slug: "drx-2026",
            title_en: "Dr. X 2026 Clinical Innovation Competition",
            title_zh: "2026 Dr. X 医工创新大赛",
            description_en: "Clinicians from our partner hospitals bring clinical needs and device solutions; judges choose 16 finalists, each matched with an engineering team and taken toward the clinic through proof-of-concept centres.",
            description_zh: "合作医院的临床医生提出临床需求与器械解决方案；评委遴选16个决赛项目，每个项目对接一支工程团队，并通过概念验证中心推向临床。",
            phase: drx_domain::Phase::Review,
            reviews_per_submission: 3,
            judge_min_load: 6,
            judge_max_load: 15,
            finalists: 16,
            blind_mode: drx_domain::BlindMode::Double,
            created_by: Some(organizer),
        },
        t0,
    )
    .await?;
    drx_store::calls::set_public_texts(
        &mut tx,
        call,
        (
            "Clinicians of any hospital in China, alone or as a team with engineers; one lead hospital per solution.",
            "全国各医院的临床医生，可个人或与工程师组队参赛；每个方案填写一家牵头医院。",
        ),
        (
            "May I submit more than one solution?\nYes: each is judged on its own.\n\nWho sees my submission?\nThe judges see it without your name or hospital (double-blind); the finalists' titles are published with the results.",
            "可以提交多个方案吗？\n可以，每个方案单独评审。\n\n谁能看到我的申报？\n评委看不到您的姓名和医院（双盲）；结果公布时公开入围方案的标题。",
        ),
    )
    .await?;
    for (i, (phase, start, end)) in [
        (drx_domain::Phase::Open, 0, 60),
        (drx_domain::Phase::Review, 60, 90),
        (drx_domain::Phase::Decision, 90, 100),
        (drx_domain::Phase::Matchmaking, 100, 130),
        (drx_domain::Phase::Incubation, 130, 400),
    ]
    .into_iter()
    .enumerate()
    {
        let _ = i;
        drx_store::calls::insert_call_phase(&mut tx, call, phase, t0 + start * DAY, t0 + end * DAY)
            .await?;
    }
    for fc in CORPUS {
        if let Some(f) = field_id(fc.field) {
            drx_store::calls::insert_call_field(&mut tx, call, f).await?;
        }
    }
    for (i, (en, zh, w)) in [
        ("Clinical need and impact", "临床需求与价值", 0.30),
        ("Innovation", "创新性", 0.25),
        ("Technical feasibility", "技术可行性", 0.25),
        ("Market and translation potential", "市场与转化前景", 0.20),
    ]
    .into_iter()
    .enumerate()
    {
        drx_store::calls::insert_criterion(&mut tx, call, i as i64, en, zh, w, (1, 10)).await?;
    }
    drx_store::calls::insert_call_role(&mut tx, call, organizer, drx_domain::CallRole::Organizer)
        .await?;
    // The call's committee: every judge in its pool, every team taking part.
    for &j in &judge_ids {
        drx_store::calls::insert_call_role(&mut tx, call, j, drx_domain::CallRole::Judge).await?;
    }
    for &t in &team_ids {
        drx_store::calls::add_call_team(&mut tx, call, t, t0).await?;
    }

    // Needs and submissions.
    let mut seeds = Vec::new();
    let mut need_count = 0usize;
    for fc in CORPUS {
        let fid = field_id(fc.field);
        for need in fc.needs {
            let hospital_index = need_count % hospitals.len();
            need_count += 1;
            let need_id = match fid {
                Some(f) => Some(
                    drx_store::needs::insert(
                        &mut tx,
                        &NewNeed {
                            organization_id: hospitals[hospital_index],
                            field_id: f,
                            problem: need.problem.zh,
                            population: need.population.zh,
                            outcome: need.outcome.zh,
                            current_practice: need.current_practice.zh,
                            urgency: drx_domain::Urgency::ALL[need_count % 3],
                            lang: "zh",
                            created_by: Some(clinicians[hospital_index][0].0),
                        },
                        drx_domain::NeedStatus::Open,
                        t0 + (need_count as i64) * 3600,
                    )
                    .await?,
                ),
                None => None,
            };
            for sol in need.solutions {
                seeds.push((fid, need, need_id, sol, hospital_index));
            }
        }
    }
    seeds.shuffle(&mut rng);
    seeds.truncate(SUBMISSIONS);
    seeds.sort_by_key(|s| (s.4, s.3.title.en));
    for (i, (fid, need, need_id, sol, home)) in seeds.iter().enumerate() {
        // Most hospitals write in Chinese; some teams submit in English.
        let zh = rng.gen_bool(0.8);
        // Solutions come from many hospitals, not only the one that logged the need.
        let hospital_index = if rng.gen_bool(0.6) {
            *home
        } else {
            rng.gen_range(0..hospitals.len())
        };
        let statement = if zh {
            format!(
                "一种在{}中{}的方法，{}。",
                need.population.zh, need.problem.zh, need.outcome.zh
            )
        } else {
            format!(
                "A way to {} in {} that {}.",
                need.problem.en, need.population.en, need.outcome.en
            )
        };
        let keywords: Vec<&str> = need
            .keywords
            .iter()
            .chain(sol.keywords.iter())
            .map(|k| lang_text(k, zh))
            .collect();
        let field_ids: Vec<i64> = fid.iter().copied().collect();
        let staff = &clinicians[hospital_index];
        let lead = staff[i % staff.len()].0;
        let at = t0 + DAY + (i as i64) * 9 * 3600;
        let sid = drx_store::submissions::insert_new(
            &mut tx,
            &NewSubmission {
                call_id: call,
                need_id: *need_id,
                organization_id: hospitals[hospital_index],
                created_by: lead,
                title: lang_text(&sol.title, zh),
                need_statement: &statement,
                solution: lang_text(&sol.solution, zh),
                evidence: lang_text(&sol.evidence, zh),
                stage: sol.stage,
                keywords: &keywords.join(", "),
                status: drx_domain::SubmissionStatus::Submitted,
                lang: if zh { "zh" } else { "en" },
                field_ids: &field_ids,
            },
            at,
        )
        .await?;
        // The team: one to three of the hospital's clinicians, and every fifth submission a
        // co-investigator from another hospital.
        let mut members: Vec<(i64, &str, i64, &str)> = staff
            .iter()
            .take(1 + i % 3)
            .map(|(pid, pname)| {
                let role = if *pid == lead { "lead" } else { "member" };
                (*pid, pname.as_str(), hospitals[hospital_index], role)
            })
            .collect();
        if i % 5 == 0 {
            let other = (hospital_index + 1 + i % 11) % hospitals.len();
            let (pid, pname) = &clinicians[other][0];
            members.push((*pid, pname, hospitals[other], "member"));
        }
        for (position, (pid, pname, org, role)) in (0..).zip(members) {
            drx_store::submissions::insert_member(
                &mut tx,
                sid,
                position,
                Some(pid),
                pname,
                Some(org),
                role,
            )
            .await?;
        }
    }
    matchmaking::seed(&mut tx, call, organizer, t0).await?;
    let detail = serde_json::json!({ "seed": seed, "submissions": seeds.len(), "judges": judges, "teams": teams });
    audit::record(
        &mut tx,
        Some(admin),
        AuditEntity::Call,
        call,
        AuditAction::DemoSeed,
        &detail.to_string(),
        t0,
    )
    .await?;
    tx.commit().await?;
    // Conversations and the roadshow first, so that the receipts stay the clinician's newest notices.
    exchange::seed(db, t0).await?;
    history::seed(db, t0 + 61 * DAY).await?;
    let _ = (poc, university);

    Ok(vec![
        ("admin / 管理员".into(), "admin@drx.example".into()),
        ("organizer / 组织者".into(), "organizer@drx.example".into()),
        (
            "clinician / 临床医生".into(),
            "clinician@drx.example".into(),
        ),
        (
            "judge / 评委".into(),
            judge_emails.first().cloned().unwrap_or_default(),
        ),
        ("engineer / 工程师".into(), "engineer@drx.example".into()),
        ("PoC centre / 概念验证中心".into(), "poc@drx.example".into()),
    ])
}

/// A person of the demo by email; `who` names them in the error when the database is not a demo
/// one.
pub(crate) async fn demo_person(
    db: &drx_store::Db,
    email: &str,
    who: &str,
) -> anyhow::Result<drx_store::accounts::Person> {
    let id = drx_store::submissions::person_by_email(db, email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("not a demo database: no {who}"))?
        .id;
    drx_store::accounts::person(db, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no {who}"))
}
