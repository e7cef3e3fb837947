//! The organizer's list of a call's submissions and its exports (CSV with a BOM so that Excel
//! reads Chinese correctly, and XLSX). Only the call's organizers and admins get either.
use super::{Result, ServiceError};
use crate::i18n::{t, Lang};
use drx_store::accounts::Person;
use drx_store::submissions::{self as store, CallInfo, ListFilter, ListRow, ListSort};
use drx_store::Db;

/// Every export holds at most this many rows (far above any real call).
pub const MAX_EXPORT_ROWS: i64 = 100_000;

/// The call, if the person may manage it.
pub async fn managed_call(db: &Db, actor: &Person, call_id: i64) -> Result<CallInfo> {
    let call = store::call(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !super::manages_call(db, actor, call_id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(call)
}

/// One page of the organizer's list and the number of matches.
pub async fn list(
    db: &Db,
    actor: &Person,
    call_id: i64,
    filter: &ListFilter,
    sort: ListSort,
    limit: i64,
    offset: i64,
) -> Result<(CallInfo, Vec<ListRow>, i64)> {
    let call = managed_call(db, actor, call_id).await?;
    let (rows, total) = store::list(db, call_id, filter, sort, limit, offset).await?;
    Ok((call, rows, total))
}

/// A count of the call's submissions under one label: (id, English, Chinese, count).
pub type LabelCount = drx_store::submissions::Count;

/// The call's submissions counted by field and by hospital, for the list's side panels.
pub async fn counts(
    db: &Db,
    actor: &Person,
    call_id: i64,
) -> Result<(Vec<LabelCount>, Vec<LabelCount>)> {
    managed_call(db, actor, call_id).await?;
    Ok((
        store::field_counts(db, call_id).await?,
        store::organization_counts(db, call_id).await?,
    ))
}

/// A column of the export: its header, and its value for a row.
type Column = (String, Box<dyn Fn(&ListRow) -> String>);

/// The export's columns.
fn columns(lang: Lang) -> Vec<Column> {
    let pick = move |en: &str, zh: &str| lang.pick(en, zh).to_string();
    vec![
        (
            "ID".to_string(),
            Box::new(|r: &ListRow| r.id.to_string()) as Box<dyn Fn(&ListRow) -> String>,
        ),
        (
            t(lang, "field-submission-title"),
            Box::new(|r: &ListRow| r.title.clone()),
        ),
        (
            t(lang, "field-status"),
            Box::new(move |r: &ListRow| t(lang, &format!("status-{}", r.status))),
        ),
        (
            t(lang, "field-stage"),
            Box::new(move |r: &ListRow| t(lang, &format!("stage-{}", r.stage))),
        ),
        (
            t(lang, "field-fields"),
            Box::new(move |r: &ListRow| pick(&r.fields_en, &r.fields_zh)),
        ),
        (
            t(lang, "sub-lead-hospital"),
            Box::new(move |r: &ListRow| pick(&r.organization_en, &r.organization_zh)),
        ),
        (t(lang, "sub-lead"), Box::new(|r: &ListRow| r.lead.clone())),
        (
            t(lang, "field-keywords"),
            Box::new(|r: &ListRow| r.keywords.clone()),
        ),
        (
            t(lang, "field-need-statement"),
            Box::new(|r: &ListRow| r.need_statement.clone()),
        ),
        (
            t(lang, "sub-version"),
            Box::new(|r: &ListRow| r.version.to_string()),
        ),
        (
            t(lang, "sub-submitted-at"),
            Box::new(|r: &ListRow| {
                r.submitted_at
                    .map(super::calls::china_time)
                    .unwrap_or_default()
            }),
        ),
    ]
}

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub(crate) fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

pub(crate) fn csv_cell(value: &str) -> String {
    let v = defuse(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// CSV, UTF-8 with a byte-order mark, CRLF line ends (what Excel expects).
pub fn to_csv(rows: &[ListRow], lang: Lang) -> Vec<u8> {
    let cols = columns(lang);
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = cols.iter().map(|(h, _)| csv_cell(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells: Vec<String> = cols.iter().map(|(_, f)| csv_cell(&f(r))).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// An XLSX workbook with one sheet, a bold frozen header row.
pub fn to_xlsx(rows: &[ListRow], lang: Lang) -> std::result::Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let cols = columns(lang);
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    ws.set_name(t(lang, "submissions")).map_err(e)?;
    for (c, (h, _)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)
            .map_err(e)?;
    }
    ws.set_freeze_panes(1, 0).map_err(e)?;
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        ws.write_number(row, 0, r.id as f64).map_err(e)?;
        for (c, (_, f)) in cols.iter().enumerate().skip(1) {
            ws.write_string(row, c as u16, f(r)).map_err(e)?;
        }
    }
    ws.set_column_width(1, 40).map_err(e)?;
    ws.set_column_width(8, 60).map_err(e)?;
    wb.save_to_buffer().map_err(e)
}

/// Every matching row for an export.
pub async fn export_rows(
    db: &Db,
    actor: &Person,
    call_id: i64,
    filter: &ListFilter,
    sort: ListSort,
) -> Result<(CallInfo, Vec<ListRow>)> {
    let (call, rows, _) = list(db, actor, call_id, filter, sort, MAX_EXPORT_ROWS, 0).await?;
    Ok((call, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str) -> ListRow {
        ListRow {
            id: 7,
            title: title.into(),
            stage: drx_domain::Stage::Idea,
            status: drx_domain::SubmissionStatus::Submitted,
            organization_en: "North".into(),
            organization_zh: "北方医院".into(),
            fields_en: "Oncology".into(),
            fields_zh: "肿瘤".into(),
            keywords: "a, b".into(),
            need_statement: "line 1\nline 2".into(),
            lead: "王医生".into(),
            version: 2,
            submitted_at: Some(0),
            updated_at: 0,
        }
    }

    #[test]
    fn csv_has_a_bom_quotes_and_no_formulas() {
        let csv = String::from_utf8(to_csv(&[row("=HYPERLINK(\"x\")")], Lang::Zh)).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("北方医院") && csv.contains("肿瘤"));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"line 1\nline 2\""));
        assert!(csv.contains("1970-01-01 08:00"));
        assert_eq!(csv.matches("\r\n").count(), 2);
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = to_xlsx(&[row("标题")], Lang::En).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(
            crate::services::uploads::sniff(&bytes),
            Some(crate::services::uploads::FileKind::Xlsx)
        );
    }
}
