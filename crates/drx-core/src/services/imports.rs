//! Importing needs and submissions from CSV (UTF-8, with or without BOM) or XLSX. Every row is
//! checked first; any bad row is reported with its line and nothing is written. A clean file
//! is written in one transaction.
use std::collections::HashMap;

use super::{Msg, Result, ServiceError};
use crate::auth::authorization::can_create_call;
use drx_domain::{AuditAction, AuditEntity};
use drx_domain::{Stage, SubmissionStatus, Urgency};
use drx_store::accounts::Person;
use drx_store::submissions::{self as subs, Content};
use drx_store::Db;

/// Largest import file accepted.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_IMPORT_ROWS: usize = 5000;

/// One refused row: its line in the file (1 is the header) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub msg: Msg,
}

/// A file's records with the line each starts on.
pub type Table = Vec<(usize, Vec<String>)>;

/// Parses CSV per RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
pub fn parse_csv(text: &str) -> std::result::Result<Table, RowError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        // PostgreSQL cannot store U+0000 in text; a file with one is not text anyway.
        if c == '\0' {
            return Err(RowError {
                line,
                msg: Msg::new("import-error-nul"),
            });
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                '\r' => {}
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut cell)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut cell));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
                any = false;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(RowError {
            line: start,
            msg: Msg::new("import-error-quote"),
        });
    }
    if any || !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        out.push((start, record));
    }
    // Blank lines are not records.
    out.retain(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    Ok(out)
}

/// Widest sheet an import reads (the import formats have about a dozen columns).
pub const MAX_IMPORT_COLUMNS: usize = 200;

/// Reads the first sheet of an XLSX workbook; line numbers are the sheet's row numbers.
/// The archive is inspected (bounded) before calamine opens it, and cells are read one by one:
/// a sheet that places a cell far away (say at XFD1048576) costs nothing, where asking calamine
/// for the whole range would allocate rows x columns cells.
pub fn parse_xlsx(bytes: &[u8]) -> std::result::Result<Table, RowError> {
    use calamine::{Data, Reader, Xlsx};
    let error = |key: &'static str| RowError {
        line: 0,
        msg: Msg::new(key),
    };
    super::archive::inspect(bytes, &super::archive::OFFICE)
        .map_err(|_| error("error-file-archive"))?;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| error("import-error-file"))?;
    let first = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| error("import-error-file"))?;
    let mut cells = wb
        .worksheet_cells_reader(&first)
        .map_err(|_| error("import-error-file"))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    let mut first_col = u32::MAX;
    let mut last_col = 0;
    while let Some(cell) = cells.next_cell().map_err(|_| error("import-error-file"))? {
        let text = match Data::from(cell.get_value().clone()) {
            Data::Empty => String::new(),
            Data::String(s) => s,
            Data::Int(n) => n.to_string(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            Data::Float(f) => f.to_string(),
            Data::Bool(b) => b.to_string(),
            other => other.to_string(),
        };
        if text.trim().is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        if text.contains('\0') {
            return Err(RowError {
                line: row as usize + 1,
                msg: Msg::new("import-error-nul"),
            });
        }
        first_col = first_col.min(col);
        last_col = last_col.max(col);
        if (last_col - first_col) as usize >= MAX_IMPORT_COLUMNS {
            return Err(RowError {
                line: row as usize + 1,
                msg: Msg::new("import-error-too-wide").arg("max", MAX_IMPORT_COLUMNS),
            });
        }
        if !rows.contains_key(&row) && rows.len() > MAX_IMPORT_ROWS {
            return Err(RowError {
                line: row as usize + 1,
                msg: Msg::new("import-error-too-many").arg("max", MAX_IMPORT_ROWS),
            });
        }
        rows.entry(row).or_default().push((col, text));
    }
    let width = if rows.is_empty() {
        0
    } else {
        (last_col - first_col) as usize + 1
    };
    Ok(rows
        .into_iter()
        .map(|(row, cells)| {
            let mut line = vec![String::new(); width];
            for (col, text) in cells {
                line[(col - first_col) as usize] = text;
            }
            (row as usize + 1, line)
        })
        .collect())
}

/// CSV or XLSX, told by the content.
pub fn parse_file(bytes: &[u8]) -> std::result::Result<Table, RowError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(RowError {
            line: 0,
            msg: Msg::new("error-file-too-large").arg("max", MAX_IMPORT_BYTES / (1024 * 1024)),
        });
    }
    if super::uploads::sniff(bytes) == Some(super::uploads::FileKind::Xlsx) {
        return parse_xlsx(bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| RowError {
        line: 0,
        msg: Msg::new("import-error-encoding"),
    })?;
    parse_csv(text)
}

/// The header's columns, by any of their accepted names (English or Chinese, any case).
pub(crate) struct Columns {
    index: HashMap<&'static str, usize>,
}

impl Columns {
    fn new(
        header: &[String],
        known: &[(&'static str, &[&str])],
        required: &[&'static str],
    ) -> std::result::Result<Columns, RowError> {
        let mut index = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            let h = h.trim().to_lowercase();
            if let Some((key, _)) = known
                .iter()
                .find(|(k, aliases)| *k == h || aliases.contains(&h.as_str()))
            {
                index.insert(*key, i);
            }
        }
        for r in required {
            if !index.contains_key(r) {
                return Err(RowError {
                    line: 1,
                    msg: Msg::new("import-error-column").arg("column", *r),
                });
            }
        }
        Ok(Columns { index })
    }
    pub(crate) fn get<'a>(&self, row: &'a [String], key: &str) -> &'a str {
        self.index
            .get(key)
            .and_then(|i| row.get(*i))
            .map(|s| s.trim())
            .unwrap_or("")
    }
}

/// Reads the file and its header: the columns and the data rows, or the refusal (an unreadable
/// or empty file, too many rows, a missing required column).
pub(crate) fn read_table(
    bytes: &[u8],
    known: &[(&'static str, &[&str])],
    required: &[&'static str],
) -> std::result::Result<(Columns, Table), Vec<RowError>> {
    let mut rows = parse_file(bytes).map_err(|e| vec![e])?;
    if rows.is_empty() {
        return Err(vec![row_error(1, "import-error-empty")]);
    }
    let (_, header) = rows.remove(0);
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(vec![RowError {
            line: 0,
            msg: Msg::new("import-error-too-many").arg("max", MAX_IMPORT_ROWS),
        }]);
    }
    let cols = Columns::new(&header, known, required).map_err(|e| vec![e])?;
    Ok((cols, rows))
}

fn row_error(line: usize, key: &'static str) -> RowError {
    RowError {
        line,
        msg: Msg::new(key),
    }
}

fn field_error(line: usize, key: &'static str, column: &str, value: &str) -> RowError {
    RowError {
        line,
        msg: Msg::new(key)
            .arg("column", column)
            .arg("value", value.chars().take(60).collect::<String>()),
    }
}

fn find_by_name<'a>(list: &'a [drx_store::Named], value: &str) -> Option<&'a drx_store::Named> {
    let v = value.trim().to_lowercase();
    list.iter()
        .find(|n| n.name_en.to_lowercase() == v || n.name_zh.to_lowercase() == v)
}

fn too_long(line: usize, column: &str, max: usize) -> RowError {
    RowError {
        line,
        msg: Msg::new("import-error-too-long")
            .arg("column", column)
            .arg("max", max),
    }
}

fn check_len(line: usize, column: &str, v: &str, max: usize) -> std::result::Result<(), RowError> {
    if v.chars().count() > max {
        Err(too_long(line, column, max))
    } else {
        Ok(())
    }
}

const NEED_COLUMNS: &[(&str, &[&str])] = &[
    ("hospital", &["医院", "organization"]),
    ("field", &["领域"]),
    ("problem", &["问题"]),
    ("population", &["人群"]),
    ("outcome", &["预期结果", "结果"]),
    ("current_practice", &["现有做法", "current practice"]),
    ("urgency", &["紧迫程度"]),
];

/// Imports needs. Outer error: not allowed or storage; inner: the refused rows (nothing written).
pub async fn import_needs(
    db: &Db,
    actor: &Person,
    bytes: &[u8],
    now: i64,
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    if !can_create_call(actor) {
        return Err(ServiceError::Forbidden);
    }
    let (cols, rows) = match read_table(
        bytes,
        NEED_COLUMNS,
        &["hospital", "field", "problem", "population", "outcome"],
    ) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let hospitals = subs::hospitals(db).await?;
    let fields = drx_store::catalogue::fields(db).await?;
    let mut errors = Vec::new();
    let mut good = Vec::new();
    for (line, row) in &rows {
        let line = *line;
        let get = |k| cols.get(row, k);
        let hospital = match find_by_name(&hospitals, get("hospital")) {
            Some(h) => h.id,
            None => {
                errors.push(field_error(
                    line,
                    "import-error-unknown",
                    "hospital",
                    get("hospital"),
                ));
                continue;
            }
        };
        let fv = get("field").to_lowercase();
        let Some(field) = fields
            .iter()
            .find(|f| f.code == fv || f.name_en.to_lowercase() == fv || f.name_zh == get("field"))
        else {
            errors.push(field_error(
                line,
                "import-error-unknown",
                "field",
                get("field"),
            ));
            continue;
        };
        let mut bad = false;
        for k in ["problem", "population", "outcome"] {
            if get(k).is_empty() {
                errors.push(field_error(line, "import-error-missing", k, ""));
                bad = true;
            } else if let Err(e) = check_len(line, k, get(k), 1000) {
                errors.push(e);
                bad = true;
            }
        }
        if let Err(e) = check_len(line, "current_practice", get("current_practice"), 4000) {
            errors.push(e);
            bad = true;
        }
        // The Chinese words for each urgency are accepted beside the stored texts.
        let urgency = match get("urgency") {
            "" | "中" => Some(Urgency::Medium),
            "低" => Some(Urgency::Low),
            "高" => Some(Urgency::High),
            other => Urgency::parse(other),
        };
        let Some(urgency) = urgency else {
            errors.push(field_error(
                line,
                "import-error-unknown",
                "urgency",
                get("urgency"),
            ));
            continue;
        };
        if bad {
            continue;
        }
        good.push((
            hospital,
            super::needs::NeedInput {
                organization_id: Some(hospital),
                field_id: field.id,
                problem: get("problem").to_string(),
                population: get("population").to_string(),
                outcome: get("outcome").to_string(),
                current_practice: get("current_practice").to_string(),
                confidential_details: String::new(),
                urgency: urgency.as_str().to_string(),
            },
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut tx = db.begin().await?;
    for (org, need) in &good {
        super::needs::insert_open(&mut tx, actor, *org, need, now).await?;
    }
    let detail = serde_json::json!({ "needs": good.len() }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Need,
        0,
        AuditAction::Import,
        &detail,
        now,
    )
    .await?;
    Ok(Ok(good.len()))
}

const SUBMISSION_COLUMNS: &[(&str, &[&str])] = &[
    ("title", &["标题"]),
    ("lead_email", &["负责人邮箱", "email", "邮箱"]),
    ("hospital", &["医院", "牵头医院"]),
    ("need_statement", &["需求陈述", "need statement"]),
    ("solution", &["解决方案", "方案"]),
    ("evidence", &["证据"]),
    ("stage", &["阶段"]),
    ("fields", &["领域", "field"]),
    ("keywords", &["关键词"]),
    ("members", &["团队成员", "team"]),
    ("ip_status", &["知识产权状态", "ip status"]),
    ("confidentiality", &["保密级别"]),
    ("need_id", &["需求编号", "need"]),
    ("status", &["状态"]),
];

/// Imports submissions into a call (paper forms typed up, a previous system's export).
pub async fn import_submissions(
    db: &Db,
    actor: &Person,
    call_id: i64,
    bytes: &[u8],
    now: i64,
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    super::require_call_editor(db, actor, call_id).await?;
    let (cols, rows) = match read_table(
        bytes,
        SUBMISSION_COLUMNS,
        &["title", "lead_email", "hospital", "solution"],
    ) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let hospitals = subs::hospitals(db).await?;
    let call_fields = subs::call_fields(db, call_id).await?;
    let all_fields = drx_store::catalogue::fields(db).await?;
    let mut errors = Vec::new();
    let mut good: Vec<(i64, Content, SubmissionStatus)> = Vec::new();
    let mut seen_titles = std::collections::HashSet::new();
    for (line, row) in &rows {
        let line = *line;
        let get = |k| cols.get(row, k);
        let before = errors.len();
        for (k, max) in [
            ("title", 200),
            ("need_statement", 4000),
            ("solution", 10000),
            ("evidence", 10000),
            ("keywords", 500),
        ] {
            if let Err(e) = check_len(line, k, get(k), max) {
                errors.push(e);
            }
        }
        for k in ["title", "solution"] {
            if get(k).is_empty() {
                errors.push(field_error(line, "import-error-missing", k, ""));
            }
        }
        if !get("title").is_empty() && !seen_titles.insert(get("title").to_lowercase()) {
            errors.push(field_error(
                line,
                "import-error-duplicate",
                "title",
                get("title"),
            ));
        }
        let email = drx_store::accounts::normalize_email(get("lead_email"));
        let lead = subs::person_by_email(db, &email).await?;
        if lead.is_none() {
            errors.push(field_error(
                line,
                "import-error-unknown",
                "lead_email",
                get("lead_email"),
            ));
        }
        let hospital = find_by_name(&hospitals, get("hospital")).map(|h| h.id);
        if hospital.is_none() {
            errors.push(field_error(
                line,
                "import-error-unknown",
                "hospital",
                get("hospital"),
            ));
        }
        let stage = if get("stage").is_empty() {
            Some(Stage::Idea)
        } else {
            Stage::parse(&get("stage").to_lowercase()).or(match get("stage") {
                "创意" => Some(Stage::Idea),
                "概念" => Some(Stage::Concept),
                "原型" => Some(Stage::Prototype),
                "临床数据" => Some(Stage::ClinicalData),
                _ => None,
            })
        };
        if stage.is_none() {
            errors.push(field_error(
                line,
                "import-error-unknown",
                "stage",
                get("stage"),
            ));
        }
        let mut field_ids = Vec::new();
        for name in get("fields")
            .split([';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let lower = name.to_lowercase();
            let found = all_fields
                .iter()
                .find(|f| f.code == lower || f.name_en.to_lowercase() == lower || f.name_zh == name)
                .filter(|f| call_fields.iter().any(|c| c.id == f.id));
            match found {
                Some(f) => field_ids.push(f.id),
                None => errors.push(field_error(line, "import-error-unknown", "fields", name)),
            }
        }
        let ip = match get("ip_status") {
            "" => "none",
            v if super::submissions::IP_STATUSES.contains(&v) => v,
            v => {
                errors.push(field_error(line, "import-error-unknown", "ip_status", v));
                "none"
            }
        };
        let conf = match get("confidentiality") {
            "" => "normal",
            v if super::submissions::CONFIDENTIALITY.contains(&v) => v,
            v => {
                errors.push(field_error(
                    line,
                    "import-error-unknown",
                    "confidentiality",
                    v,
                ));
                "normal"
            }
        };
        // An import brings submitted solutions, or drafts; no other status.
        let status = match get("status") {
            "" => SubmissionStatus::Submitted,
            v => match SubmissionStatus::parse(v) {
                Some(s @ (SubmissionStatus::Submitted | SubmissionStatus::Draft)) => s,
                _ => {
                    errors.push(field_error(line, "import-error-unknown", "status", v));
                    SubmissionStatus::Submitted
                }
            },
        };
        let need_id = match get("need_id") {
            "" => None,
            v => match v.trim_start_matches('#').parse::<i64>() {
                Ok(n) if subs::need_exists(db, n).await? => Some(n),
                _ => {
                    errors.push(field_error(line, "import-error-unknown", "need_id", v));
                    None
                }
            },
        };
        if status == SubmissionStatus::Submitted && field_ids.is_empty() && !call_fields.is_empty()
        {
            errors.push(field_error(line, "import-error-missing", "fields", ""));
        }
        if errors.len() > before {
            continue;
        }
        let lead_id = lead.expect("checked above").id;
        let lead_person = drx_store::accounts::person(db, lead_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mut members = vec![drx_store::submissions::NewMember {
            person_id: Some(lead_id),
            invited_person_id: None,
            name: lead_person.name.clone(),
            organization_id: hospital,
            role: "lead".into(),
        }];
        for m in get("members")
            .split([';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            members.push(drx_store::submissions::NewMember {
                name: m.chars().take(100).collect(),
                role: "member".into(),
                ..Default::default()
            });
        }
        let text = format!("{}{}", get("title"), get("solution"));
        let content = Content {
            need_id,
            organization_id: hospital.expect("checked above"),
            title: get("title").into(),
            need_statement: get("need_statement").into(),
            solution: get("solution").into(),
            evidence: get("evidence").into(),
            stage: stage.expect("checked above").as_str().into(),
            keywords: get("keywords").into(),
            ip_status: ip.into(),
            confidentiality: conf.into(),
            lang: if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                "zh".into()
            } else {
                "en".into()
            },
            field_ids,
            members: members
                .into_iter()
                .take(super::submissions::MAX_MEMBERS)
                .collect(),
        };
        good.push((lead_id, content, status));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut snapshots = Vec::new();
    for (_, c, _) in &good {
        snapshots.push(super::submissions::snapshot_of_content(db, c).await?);
    }
    let mut tx = db.begin().await?;
    for ((lead, c, status), snapshot) in good.iter().zip(&snapshots) {
        let id = subs::insert(&mut tx, call_id, *lead, c, *status, now).await?;
        subs::insert_revision(&mut tx, id, 1, snapshot, actor.id, now).await?;
    }
    let detail = serde_json::json!({ "submissions": good.len() }).to_string();
    super::commit_audited(
        tx,
        Some(actor.id),
        AuditEntity::Call,
        call_id,
        AuditAction::Import,
        &detail,
        now,
    )
    .await?;
    Ok(Ok(good.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_line_breaks_bom_and_blank_lines() {
        let t =
            parse_csv("\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,1")
                .unwrap();
        assert_eq!(t.len(), 4);
        assert_eq!(
            t[1],
            (2, vec!["x, y".to_string(), "say \"hi\"".to_string()])
        );
        assert_eq!(t[2], (4, vec!["two\nlines".to_string(), "z".to_string()]));
        assert_eq!(t[3].0, 6, "the line numbers count the embedded line break");
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_record() {
        let e = parse_csv("a,b\n1,2\n\"open,3\n").unwrap_err();
        assert_eq!((e.line, e.msg.key), (3, "import-error-quote"));
    }
}
