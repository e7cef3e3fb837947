//! Tables for exports: the projects list and the dashboard's tables, written as CSV (UTF-8 with a
//! BOM, CRLF, formulas defused) or as one XLSX workbook with a sheet per table.
use super::exports::{csv_cell, defuse};
use super::Result;
use crate::i18n::{t, Lang};
use drx_store::accounts::Person;
use drx_store::Db;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(n) if n.fract() == 0.0 => format!("{}", *n as i64),
            Cell::Num(n) => format!("{n:.2}"),
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Num(n as f64)
    }
}
impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Num(n)
    }
}

/// A named table: a sheet of a workbook, or one CSV file.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn to_csv(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let line = |cells: Vec<String>| cells.join(",") + "\r\n";
        out.push_str(&line(self.headers.iter().map(|h| csv_cell(h)).collect()));
        for r in &self.rows {
            out.push_str(&line(
                r.iter()
                    .map(|c| match c {
                        Cell::Num(_) => c.text(),
                        Cell::Text(s) => csv_cell(s),
                    })
                    .collect(),
            ));
        }
        out.into_bytes()
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique.
fn sheet_name(name: &str, used: &mut Vec<String>) -> String {
    let mut base: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    if base.is_empty() {
        base = "Sheet".into();
    }
    let mut n = base.clone();
    let mut k = 2;
    while used.contains(&n) {
        n = format!("{base} {k}");
        k += 1;
    }
    used.push(n.clone());
    n
}

/// One workbook, a sheet per table, bold frozen headers, numbers as numbers.
pub fn to_xlsx(tables: &[Table]) -> std::result::Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let mut used = Vec::new();
    for table in tables {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&table.name, &mut used)).map_err(e)?;
        for (c, h) in table.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(e)?;
        }
        ws.set_freeze_panes(1, 0).map_err(e)?;
        for (i, r) in table.rows.iter().enumerate() {
            for (c, cell) in r.iter().enumerate() {
                match cell {
                    Cell::Num(n) => ws.write_number((i + 1) as u32, c as u16, *n).map_err(e)?,
                    Cell::Text(s) => ws
                        .write_string((i + 1) as u32, c as u16, defuse(s))
                        .map_err(e)?,
                };
            }
        }
        ws.set_column_width(1, 40).map_err(e)?;
    }
    wb.save_to_buffer().map_err(e)
}

/// The projects the person may see, as a table.
pub async fn projects_table(db: &Db, actor: &Person, lang: Lang, now: i64) -> Result<Table> {
    let rows = super::projects::visible(db, actor, now).await?;
    let pick = |en: &str, zh: &str| lang.pick(en, zh).to_string();
    Ok(Table {
        name: t(lang, "projects-title"),
        headers: vec![
            "ID".into(),
            t(lang, "project-title"),
            t(lang, "project-submission"),
            t(lang, "project-team"),
            t(lang, "project-poc"),
            t(lang, "project-stage"),
            t(lang, "project-status"),
            t(lang, "project-pathway"),
            t(lang, "project-days-in-stage"),
            t(lang, "milestones-overdue-count"),
        ],
        rows: rows
            .into_iter()
            .map(|(p, _)| {
                vec![
                    Cell::from(p.id),
                    p.title.clone().into(),
                    Cell::from(p.submission_id),
                    pick(&p.team_en, &p.team_zh).into(),
                    pick(&p.poc_en, &p.poc_zh).into(),
                    t(lang, &format!("pstage-{}", p.stage)).into(),
                    t(lang, &format!("pstatus-{}", p.status)).into(),
                    if p.pathway.is_empty() {
                        Cell::from("")
                    } else {
                        t(lang, &format!("pathway-{}", p.pathway)).into()
                    },
                    Cell::from((now - p.stage_since).max(0) / 86_400),
                    Cell::from(p.overdue),
                ]
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "项目/Projects".into(),
            headers: vec!["ID".into(), "名称".into()],
            rows: vec![
                vec![Cell::from(1), Cell::from("=cmd()")],
                vec![Cell::from(2), Cell::from("a,\"b\"")],
            ],
        }
    }

    #[test]
    fn csv_has_a_bom_and_defuses_formulas() {
        let s = String::from_utf8(table().to_csv()).unwrap();
        assert!(s.starts_with('\u{feff}'));
        assert!(s.contains("1,'=cmd()\r\n"));
        assert!(s.contains("2,\"a,\"\"b\"\"\"\r\n"));
    }

    #[test]
    fn xlsx_has_one_sheet_per_table_with_safe_unique_names() {
        let bytes = to_xlsx(&[table(), table()]).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let mut used = Vec::new();
        assert_eq!(sheet_name("a/b", &mut used), "ab");
        assert_eq!(sheet_name("a/b", &mut used), "ab 2");
    }
}
