//! The importers take files from outside: whatever the bytes, they never panic; whatever a CSV or
//! XLSX holds under the right header, the answer is either every row imported or a list of
//! problems, each with a line of the file and a worded message, and nothing written.
mod common;

use common::Backend;
use drx::i18n::{self, Lang};
use drx::services::imports::{self, RowError};
use drx::store::accounts::Person;
use drx::store::{catalogue, Db};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

// ------------------------------------------------------------------------------------------
// Any bytes

/// A real workbook to damage.
fn workbook() -> Vec<u8> {
    let value = ["值 value"; 5];
    common::xlsx(&[
        &["hospital", "field", "problem", "population", "outcome"],
        &value,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_parse_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = imports::parse_file(&bytes);
    }

    #[test]
    fn any_text_parses_as_csv_or_fails_cleanly(text in "\\PC{0,300}|[\",\r\n a]{0,60}") {
        if let Ok(rows) = imports::parse_csv(&text) {
            for (line, _) in rows {
                prop_assert!(line >= 1 && line <= text.matches('\n').count() + 1);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn damaged_workbooks_parse_or_fail_cleanly(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = workbook();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = imports::parse_file(&bytes);
    }
}

// ------------------------------------------------------------------------------------------
// Any cells under the right header

struct World {
    db: Db,
    organizer: Person,
    call: i64,
    /// Values that mean something in some column: hospitals, fields, stages, urgencies, emails.
    valid: Vec<String>,
}

async fn world(db: Db) -> World {
    drx::demo::generate(&db, 7).await.unwrap();
    // Submissions are imported into an open call.
    drx::store::raw_execute(&db, "UPDATE calls SET phase = 'open'")
        .await
        .unwrap();
    let organizer = common::fixture::person(&db, "organizer@drx.example").await;
    let call = catalogue::calls(&db).await.unwrap()[0].id;
    let mut valid: Vec<String> = vec![
        "clinician@drx.example".into(),
        "idea".into(),
        "prototype".into(),
        "high".into(),
        "low".into(),
        "none".into(),
        "normal".into(),
        "submitted".into(),
        "draft".into(),
        "1".into(),
        "无创 血糖 监测".into(),
    ];
    for o in drx::store::organizations::all(&db).await.unwrap() {
        valid.push(o.name_en);
        valid.push(o.name_zh);
    }
    for f in catalogue::fields(&db).await.unwrap() {
        valid.push(f.code);
        valid.push(f.name_zh);
    }
    World {
        db,
        organizer,
        call,
        valid,
    }
}

fn cell(valid: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(valid),
        2 => "\\PC{0,30}",
        1 => "[\",\r\n ;'=+@\\-\t]{0,6}",
        1 => any::<String>(),
        1 => Just("很长 long ".repeat(3000)),
        1 => Just("nul\0byte".to_string()),
    ]
}

/// A header, then rows of cells, each cell quoted (quotes doubled) or written raw (which may
/// break the row: that is the point).
fn csv(header: &[&str], rows: &[Vec<(String, bool)>]) -> String {
    let mut out = header.join(",");
    for row in rows {
        out.push('\n');
        let cells: Vec<String> = row
            .iter()
            .map(|(c, quoted)| {
                if *quoted {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
    }
    out
}

fn xlsx(header: &[&str], rows: &[Vec<(String, bool)>]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, (text, _)) in row.iter().enumerate() {
            // The writer refuses some strings (too long): such a cell stays empty.
            let _ = ws.write_string(r as u32 + 1, c as u16, text);
        }
    }
    wb.save_to_buffer().unwrap()
}

const NEED_HEADER: &[&str] = &[
    "hospital",
    "field",
    "problem",
    "population",
    "outcome",
    "current_practice",
    "urgency",
];
const SUBMISSION_HEADER: &[&str] = &[
    "title",
    "lead_email",
    "hospital",
    "need_statement",
    "solution",
    "evidence",
    "stage",
    "fields",
    "keywords",
    "members",
    "ip_status",
    "confidentiality",
    "need_id",
    "status",
];

/// Every problem names a line of the file (0 for the file as a whole) and reads as a sentence
/// in both languages.
fn clear(errors: &[RowError], lines: usize) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty(), "refused without a reason");
    for e in errors {
        prop_assert!(e.line <= lines, "line {} of {lines}", e.line);
        // Worded with plain arguments, so that a value like "{$" in the file cannot hide a
        // missing one.
        let plain = drx::services::Msg {
            key: e.msg.key,
            args: e
                .msg
                .args
                .iter()
                .map(|(k, _)| (*k, "v".to_string()))
                .collect(),
        };
        for lang in [Lang::En, Lang::Zh] {
            let text = i18n::msg(lang, &plain);
            prop_assert!(
                !text.trim().is_empty() && text != e.msg.key && !text.contains("{$"),
                "{:?} reads {text:?}",
                e.msg.key
            );
        }
    }
    Ok(())
}

fn run(backend: Backend) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let Some(t) = rt.block_on(common::fresh(backend)) else {
        eprintln!("DRX_TEST_DATABASE_URL is not set: PostgreSQL run skipped");
        return;
    };
    let w = rt.block_on(world(t.db.clone()));
    let rows = |width: usize| {
        prop::collection::vec(
            prop::collection::vec((cell(w.valid.clone()), any::<bool>()), 0..width + 2),
            0..5,
        )
    };
    let mut runner = TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        rows(NEED_HEADER.len()),
        rows(SUBMISSION_HEADER.len()),
        any::<bool>(),
    );
    let result = runner.run(&strategy, |(need_rows, sub_rows, as_xlsx)| {
        rt.block_on(async {
            for (header, rows, needs) in [
                (NEED_HEADER, &need_rows, true),
                (SUBMISSION_HEADER, &sub_rows, false),
            ] {
                let (bytes, lines) = if as_xlsx {
                    (xlsx(header, rows), rows.len() + 1)
                } else {
                    let text = csv(header, rows);
                    let lines = text.matches('\n').count() + 1;
                    (text.into_bytes(), lines)
                };
                let table = if needs { "needs" } else { "submissions" };
                let before = catalogue::count(&w.db, table).await.unwrap();
                let now = drx::store::now();
                let outcome = if needs {
                    imports::import_needs(&w.db, &w.organizer, &bytes, now).await
                } else {
                    imports::import_submissions(&w.db, &w.organizer, w.call, &bytes, now).await
                };
                let after = catalogue::count(&w.db, table).await.unwrap();
                match outcome {
                    Err(e) => {
                        return Err(TestCaseError::fail(format!(
                            "{table}: an import may refuse rows, never fail: {e:?}"
                        )))
                    }
                    Ok(Ok(n)) => {
                        prop_assert!(n <= rows.len());
                        prop_assert_eq!(after, before + n as i64);
                    }
                    Ok(Err(errors)) => {
                        clear(&errors, lines)?;
                        prop_assert_eq!(after, before, "{} refused but written", table);
                    }
                }
            }
            Ok(())
        })
    });
    rt.block_on(t.close());
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn any_cells_import_whole_or_are_refused_with_lines_sqlite() {
    run(Backend::Sqlite);
}

#[test]
fn any_cells_import_whole_or_are_refused_with_lines_postgres() {
    run(Backend::Postgres);
}
