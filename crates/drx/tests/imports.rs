//! Imports of needs and submissions from CSV and XLSX: clean files go in whole, any bad row
//! is reported by line and nothing goes in, and only organizers may import.
mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Client, PASSWORD};
use drx::domain::Role;
use drx::store::catalogue::{self as cat, NewCall};
use drx::store::{now, Db};

struct World {
    call: i64,
}

async fn world(db: &Db) -> World {
    let t = now();
    let mut tx = db.begin().await.unwrap();
    let h1 = cat::insert_organization(&mut tx, "hospital", "North Hospital", "北方医院", "", t)
        .await
        .unwrap();
    cat::insert_organization(&mut tx, "hospital", "South Hospital", "南方医院", "", t)
        .await
        .unwrap();
    let call = cat::insert_call(
        &mut tx,
        &NewCall {
            slug: "imp",
            title_en: "Import call",
            title_zh: "导入测试",
            description_en: "",
            description_zh: "",
            phase: "open",
            reviews_per_submission: 3,
            judge_min_load: 0,
            judge_max_load: 10,
            finalists: 2,
            blind_mode: "double",
            created_by: None,
        },
        t,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let oncology = cat::field_id(db, "oncology").await.unwrap().unwrap();
    let cardio = cat::field_id(db, "cardiovascular").await.unwrap().unwrap();
    let mut tx = db.begin().await.unwrap();
    cat::insert_call_field(&mut tx, call, oncology)
        .await
        .unwrap();
    cat::insert_call_field(&mut tx, call, cardio).await.unwrap();
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
    let org = drx::store::submissions::person_by_email(db, "org@drx.cn")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut tx = db.begin().await.unwrap();
    cat::insert_call_role(&mut tx, call, org, "organizer")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    World { call }
}

async fn logged_in(db: &Db, email: &str) -> Client {
    let mut c = Client::new(db);
    assert_eq!(c.login(email, PASSWORD).await.status, StatusCode::SEE_OTHER);
    c
}

async fn upload(
    c: &mut Client,
    page: &str,
    action: &str,
    name: &str,
    content: &[u8],
) -> common::Resp {
    let csrf = c.get(page).await.csrf();
    let boundary = "----drximport";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes());
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookie: Vec<String> = c.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let req = Request::post(action)
        .header(header::COOKIE, cookie.join("; "))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    c.send(req).await
}

async fn needs(db: &Db) -> i64 {
    cat::count(db, "needs").await.unwrap()
}

db_test!(needs_import_whole_or_not_at_all, |db| {
    world(db).await;
    let mut o = logged_in(db, "org@drx.cn").await;
    let good = "\u{feff}医院,领域,问题,人群,预期结果,现有做法,紧迫程度\r\n\
        北方医院,oncology,早期发现化疗外渗,输液患者,减少组织损伤,\"护士巡视, 每小时一次\",高\r\n\
        South Hospital,Cardiovascular,monitor heart failure at home,discharged patients,cuts readmissions,,low\r\n";
    let r = upload(
        &mut o,
        "/needs/import",
        "/needs/import",
        "needs.csv",
        good.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("已导入 2 行"));
    assert_eq!(needs(db).await, 2);
    let (list, _) = drx::store::needs::list(db, &Default::default(), 10, 0)
        .await
        .unwrap();
    assert!(list
        .iter()
        .any(|n| n.current_practice == "护士巡视, 每小时一次" && n.urgency == "high"));
    // Three bad rows among good ones: each reported by line, nothing imported.
    let bad = "hospital,field,problem,population,outcome,urgency\n\
        North Hospital,oncology,ok problem,ok population,ok outcome,medium\n\
        Nowhere Hospital,oncology,p,q,r,low\n\
        North Hospital,oncology,,q,r,low\n\
        North Hospital,astrology,p,q,r,low\n\
        North Hospital,oncology,p,q,r,urgent\n\
        North Hospital,oncology,fine,fine,fine,\n";
    let r = upload(
        &mut o,
        "/needs/import",
        "/needs/import",
        "needs.csv",
        bad.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (line, text) in [
        (3, "Nowhere Hospital"),
        (4, "problem"),
        (5, "astrology"),
        (6, "urgent"),
    ] {
        assert!(r.body.contains(&format!("第 {line} 行")), "line {line}");
        assert!(r.body.contains(text), "{text}");
    }
    assert!(
        !r.body.contains("第 2 行") && !r.body.contains("第 7 行"),
        "good lines are not reported"
    );
    assert!(r.body.contains("有 4 个问题"));
    assert_eq!(needs(db).await, 2, "nothing half-imported");
    // XLSX works the same way.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["hospital", "field", "problem", "population", "outcome"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "北方医院",
        "肿瘤",
        "减少放疗皮炎",
        "乳腺癌放疗患者",
        "降低皮炎分级",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let r = upload(
        &mut o,
        "/needs/import",
        "/needs/import",
        "needs.xlsx",
        &bytes,
    )
    .await;
    assert!(r.body.contains("已导入 1 行"), "{}", r.body);
    assert_eq!(needs(db).await, 3);
    // A bad XLSX row is reported with its sheet row number.
    ws_bad_row(&mut o, db).await;
});

async fn ws_bad_row(o: &mut Client, db: &Db) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["hospital", "field", "problem", "population", "outcome"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "北方医院").unwrap();
    ws.write_string(1, 1, "肿瘤").unwrap();
    ws.write_string(1, 2, "p").unwrap();
    ws.write_string(1, 3, "q").unwrap();
    ws.write_string(1, 4, "r").unwrap();
    ws.write_string(2, 0, "火星医院").unwrap();
    ws.write_string(2, 1, "肿瘤").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let r = upload(o, "/needs/import", "/needs/import", "bad.xlsx", &bytes).await;
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
    let mut o = logged_in(db, "org@drx.cn").await;
    // GBK bytes for 医院 are not UTF-8.
    let gbk: &[u8] = &[0xD2, 0xBD, 0xD4, 0xBA, b',', b'x', b'\n'];
    let r = upload(&mut o, "/needs/import", "/needs/import", "gbk.csv", gbk).await;
    assert!(r.body.contains("UTF-8"), "{}", r.body);
    let r = upload(
        &mut o,
        "/needs/import",
        "/needs/import",
        "cols.csv",
        b"hospital,field\nx,y\n",
    )
    .await;
    assert!(r.body.contains("第 1 行") && r.body.contains("problem"));
    let r = upload(
        &mut o,
        "/needs/import",
        "/needs/import",
        "q.csv",
        b"hospital,field,problem,population,outcome\n\"open,a,b,c,d\n",
    )
    .await;
    assert!(r.body.contains("第 2 行") && r.body.contains("引号"));
    let r = upload(&mut o, "/needs/import", "/needs/import", "empty.csv", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(needs(db).await, 0);
});

db_test!(
    submissions_import_into_a_call_with_every_bad_row_listed,
    |db| {
        let w = world(db).await;
        let mut o = logged_in(db, "org@drx.cn").await;
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
        let s = drx::store::submissions::get(db, all[0].id)
            .await
            .unwrap()
            .unwrap();
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
        let mut d = logged_in(db, "doc@h1.cn").await;
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
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        for (line, text) in [
            (2, "nobody@x.cn"),
            (3, "火星医院"),
            (5, "出现了两次"),
            (6, "rocket"),
            (7, "ophthalmology"),
            (8, "title"),
        ] {
            assert!(
                r.body.contains(&format!("第 {line} 行")),
                "line {line}: {}",
                r.body
            );
            assert!(r.body.contains(text), "{text}");
        }
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
    let mut d = logged_in(db, "doc@h1.cn").await;
    assert_eq!(d.get("/needs/import").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        d.get(&format!("/calls/{}/import", w.call)).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = b"hospital,field,problem,population,outcome\n\xe5\x8c\x97\xe6\x96\xb9\xe5\x8c\xbb\xe9\x99\xa2,oncology,p,q,r\n";
    let r = upload(&mut d, "/", "/needs/import", "n.csv", csv).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut o2 = logged_in(db, "org2@drx.cn").await;
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
    let mut o = logged_in(db, "org@drx.cn").await;
    let cookie: Vec<String> = o.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let body = format!("------b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.csv\"\r\n\r\n{}\r\n------b--\r\n", String::from_utf8_lossy(csv));
    let req = Request::post("/needs/import")
        .header(header::COOKIE, cookie.join("; "))
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=----b")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(o.send(req).await.status, StatusCode::FORBIDDEN);
    assert_eq!(needs(db).await, 0);
});
