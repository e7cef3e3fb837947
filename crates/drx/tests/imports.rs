//! Imports of needs and submissions from CSV and XLSX: clean files go in whole, any bad row
//! is reported by line and nothing goes in, and only organizers may import.
mod common;

use axum::http::StatusCode;
use common::{signed_in, Client, FilePart, PASSWORD};
use drx::domain::Role;
use drx::store::catalogue as cat;
use drx::store::{now, Db};

struct World {
    call: i64,
}

async fn world(db: &Db) -> World {
    let t = now();
    let mut tx = db.begin().await.unwrap();
    let h1 =
        drx::store::organizations::seed(&mut tx, "hospital", "North Hospital", "北方医院", "", t)
            .await
            .unwrap();
    drx::store::organizations::seed(&mut tx, "hospital", "South Hospital", "南方医院", "", t)
        .await
        .unwrap();
    let spec = common::open_call_spec("imp", "Import call", "导入测试");
    let call = common::insert_call(&mut tx, spec, None, t).await;
    tx.commit().await.unwrap();
    let oncology = cat::field_id(db, "oncology").await.unwrap().unwrap();
    let cardio = cat::field_id(db, "cardiovascular").await.unwrap().unwrap();
    let mut tx = db.begin().await.unwrap();
    drx::store::calls::insert_call_field(&mut tx, call, oncology)
        .await
        .unwrap();
    drx::store::calls::insert_call_field(&mut tx, call, cardio)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (email, org, role) in [
        ("doc@h1.cn", Some(h1), Role::Clinician),
        ("org@drx.cn", None, Role::Organizer),
        ("org2@drx.cn", None, Role::Organizer),
    ] {
        drx::services::accounts::create_account(
            db,
            None,
            &drx::services::accounts::NewAccount {
                email,
                name: "王医生",
                title: "",
                organization_id: org,
                password: PASSWORD,
                locale: "zh",
                roles: &[role],
            },
            t,
        )
        .await
        .unwrap();
    }
    let org = common::person_id(db, "org@drx.cn").await;
    let mut tx = db.begin().await.unwrap();
    drx::store::calls::insert_call_role(&mut tx, call, org, drx::domain::CallRole::Organizer)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    World { call }
}

async fn upload(
    c: &mut Client,
    page: &str,
    action: &str,
    name: &str,
    content: &[u8],
) -> common::Resp {
    let file = FilePart {
        filename: name,
        content_type: "text/csv",
        bytes: content,
    };
    c.upload(page, action, &[], Some(file)).await
}

const NEED_HEADER: &[&str] = &["hospital", "field", "problem", "population", "outcome"];

/// Uploads a file of needs from the needs import page.
async fn import_needs(c: &mut Client, name: &str, content: &[u8]) -> common::Resp {
    upload(c, "/needs/import", "/needs/import", name, content).await
}

/// The file was refused (422), and each of these lines is named with a word of its problem.
fn assert_refused_lines(r: &common::Resp, lines: &[(usize, &str)]) {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (line, text) in lines {
        let named = format!("第 {line} 行");
        assert!(r.body.contains(&named), "line {line}: {}", r.body);
        assert!(r.body.contains(text), "{text}");
    }
}

async fn needs(db: &Db) -> i64 {
    cat::count(db, "needs").await.unwrap()
}

db_test!(needs_import_whole_or_not_at_all, |db| {
    world(db).await;
    let mut o = signed_in(db, "org@drx.cn").await;
    let good = "\u{feff}医院,领域,问题,人群,预期结果,现有做法,紧迫程度\r\n\
        北方医院,oncology,早期发现化疗外渗,输液患者,减少组织损伤,\"护士巡视, 每小时一次\",高\r\n\
        South Hospital,Cardiovascular,monitor heart failure at home,discharged patients,cuts readmissions,,low\r\n";
    let r = import_needs(&mut o, "needs.csv", good.as_bytes()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("已导入 2 行"));
    assert_eq!(needs(db).await, 2);
    let (list, _) = drx::store::needs::list(db, &Default::default(), 10, 0)
        .await
        .unwrap();
    assert!(list
        .iter()
        .any(|n| n.current_practice == "护士巡视, 每小时一次"
            && n.urgency == drx::domain::Urgency::High));
    // Three bad rows among good ones: each reported by line, nothing imported.
    let bad = "hospital,field,problem,population,outcome,urgency\n\
        North Hospital,oncology,ok problem,ok population,ok outcome,medium\n\
        Nowhere Hospital,oncology,p,q,r,low\n\
        North Hospital,oncology,,q,r,low\n\
        North Hospital,astrology,p,q,r,low\n\
        North Hospital,oncology,p,q,r,urgent\n\
        North Hospital,oncology,fine,fine,fine,\n";
    let r = import_needs(&mut o, "needs.csv", bad.as_bytes()).await;
    assert_refused_lines(
        &r,
        &[
            (3, "Nowhere Hospital"),
            (4, "problem"),
            (5, "astrology"),
            (6, "urgent"),
        ],
    );
    assert!(
        !r.body.contains("第 2 行") && !r.body.contains("第 7 行"),
        "good lines are not reported"
    );
    assert!(r.body.contains("有 4 个问题"));
    assert_eq!(needs(db).await, 2, "nothing half-imported");
    // XLSX works the same way.
    let bytes = common::xlsx(&[
        NEED_HEADER,
        &[
            "北方医院",
            "肿瘤",
            "减少放疗皮炎",
            "乳腺癌放疗患者",
            "降低皮炎分级",
        ],
    ]);
    let r = import_needs(&mut o, "needs.xlsx", &bytes).await;
    assert!(r.body.contains("已导入 1 行"), "{}", r.body);
    assert_eq!(needs(db).await, 3);
    // A bad XLSX row is reported with its sheet row number.
    ws_bad_row(&mut o, db).await;
});

async fn ws_bad_row(o: &mut Client, db: &Db) {
    let bytes = common::xlsx(&[
        NEED_HEADER,
        &["北方医院", "肿瘤", "p", "q", "r"],
        &["火星医院", "肿瘤"],
    ]);
    let r = import_needs(o, "bad.xlsx", &bytes).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("第 3 行") && r.body.contains("火星医院"),
        "{}",
        r.body
    );
    assert_eq!(needs(db).await, 3);
}

db_test!(unreadable_files_get_a_clear_reason, |db| {
    world(db).await;
    let mut o = signed_in(db, "org@drx.cn").await;
    // GBK bytes for 医院 are not UTF-8.
    let gbk: &[u8] = &[0xD2, 0xBD, 0xD4, 0xBA, b',', b'x', b'\n'];
    let r = import_needs(&mut o, "gbk.csv", gbk).await;
    assert!(r.body.contains("UTF-8"), "{}", r.body);
    let r = import_needs(&mut o, "cols.csv", b"hospital,field\nx,y\n").await;
    assert!(r.body.contains("第 1 行") && r.body.contains("problem"));
    let r = import_needs(
        &mut o,
        "q.csv",
        b"hospital,field,problem,population,outcome\n\"open,a,b,c,d\n",
    )
    .await;
    assert!(r.body.contains("第 2 行") && r.body.contains("引号"));
    let r = import_needs(&mut o, "empty.csv", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(needs(db).await, 0);
});

db_test!(
    submissions_import_into_a_call_with_every_bad_row_listed,
    |db| {
        let w = world(db).await;
        let mut o = signed_in(db, "org@drx.cn").await;
        let page = format!("/calls/{}/import", w.call);
        let good = "title,lead_email,hospital,solution,need_statement,stage,fields,keywords,members,status\n\
        智能输液监测贴,doc@h1.cn,北方医院,贴片式传感器,一种在输液患者中早期发现外渗的方法,prototype,oncology,输液;外渗,李护士;张工程师,submitted\n\
        Home HF monitor,DOC@h1.cn,South Hospital,Wearable patch,,concept,Cardiovascular; oncology,,,draft\n";
        let r = upload(&mut o, &page, &page, "subs.csv", good.as_bytes()).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("已导入 2 行"));
        let rows = drx::store::submissions::list(
            db,
            w.call,
            &drx::store::submissions::ListFilter {
                status: "draft".into(),
                ..Default::default()
            },
            drx::store::submissions::ListSort::Newest,
            10,
            0,
        )
        .await
        .unwrap()
        .0;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fields_en.split("; ").count(), 2);
        let (all, n) = drx::store::submissions::list(
            db,
            w.call,
            &Default::default(),
            drx::store::submissions::ListSort::Newest,
            10,
            0,
        )
        .await
        .unwrap();
        assert_eq!(n, 1);
        let s = common::submission(db, all[0].id).await;
        assert_eq!(s.members.len(), 3, "the lead and two named members");
        assert_eq!(
            drx::store::submissions::revisions(db, s.id)
                .await
                .unwrap()
                .len(),
            1,
            "version 1 kept"
        );
        // The lead's account sees the imported submission as their own.
        let mut d = signed_in(db, "doc@h1.cn").await;
        assert_eq!(
            d.get(&format!("/submissions/{}", s.id)).await.status,
            StatusCode::OK
        );
        // Bad rows: unknown account, unknown hospital, duplicate title, bad stage, field outside the call.
        let bad = "title,lead_email,hospital,solution,stage,fields\n\
        A,nobody@x.cn,北方医院,s,idea,oncology\n\
        B,doc@h1.cn,火星医院,s,idea,oncology\n\
        C,doc@h1.cn,北方医院,s,idea,oncology\n\
        C,doc@h1.cn,北方医院,s,idea,oncology\n\
        D,doc@h1.cn,北方医院,s,rocket,oncology\n\
        E,doc@h1.cn,北方医院,s,idea,ophthalmology\n\
        ,doc@h1.cn,北方医院,,idea,oncology\n";
        let r = upload(&mut o, &page, &page, "bad.csv", bad.as_bytes()).await;
        assert_refused_lines(
            &r,
            &[
                (2, "nobody@x.cn"),
                (3, "火星医院"),
                (5, "出现了两次"),
                (6, "rocket"),
                (7, "ophthalmology"),
                (8, "title"),
            ],
        );
        assert!(!r.body.contains("第 4 行"));
        assert_eq!(
            cat::count(db, "submissions").await.unwrap(),
            2,
            "nothing half-imported"
        );
    }
);

db_test!(only_organizers_import, |db| {
    let w = world(db).await;
    let mut d = signed_in(db, "doc@h1.cn").await;
    assert_eq!(d.get("/needs/import").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        d.get(&format!("/calls/{}/import", w.call)).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = b"hospital,field,problem,population,outcome\n\xe5\x8c\x97\xe6\x96\xb9\xe5\x8c\xbb\xe9\x99\xa2,oncology,p,q,r\n";
    let r = upload(&mut d, "/", "/needs/import", "n.csv", csv).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut o2 = signed_in(db, "org2@drx.cn").await;
    assert_eq!(
        o2.get("/needs/import").await.status,
        StatusCode::OK,
        "any organizer curates needs"
    );
    assert_eq!(
        o2.get(&format!("/calls/{}/import", w.call)).await.status,
        StatusCode::FORBIDDEN,
        "not this call's organizer"
    );
    // A missing CSRF token stores nothing.
    let mut o = signed_in(db, "org@drx.cn").await;
    let file = Some(FilePart::new("n.csv", csv));
    let r = o.post_multipart_form("/needs/import", &[], file).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(needs(db).await, 0);
});
