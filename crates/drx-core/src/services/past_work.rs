//! Past work (title, abstract, year, venue) read from a BibTeX (.bib), RIS (.ris) or table (CSV or
//! XLSX) file for an expertise profile. Pure functions: a file is read whole and every refused
//! entry is reported with the line it starts on; one bad entry refuses the file (nothing of it is
//! kept), as every import does. NUL bytes, text that is not UTF-8, unbalanced braces, unclosed
//! records and entries without a title are refused.
use super::imports::{read_table, RowError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
use super::Msg;

/// One past work as a profile keeps it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PastWork {
    pub title: String,
    pub abstract_: String,
    pub year: Option<i64>,
    pub venue: String,
}

pub const MAX_TITLE: usize = 500;
pub const MAX_ABSTRACT: usize = 10_000;
pub const MAX_VENUE: usize = 300;

/// The kinds of file past work is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Bibtex,
    Ris,
    Table,
}

/// The format, from the file's name, else from its first bytes.
pub fn format_of(name: &str, bytes: &[u8]) -> Format {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".bib") {
        return Format::Bibtex;
    }
    if name.ends_with(".ris") {
        return Format::Ris;
    }
    if name.ends_with(".csv") || name.ends_with(".xlsx") {
        return Format::Table;
    }
    let head: Vec<u8> = bytes
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(6)
        .collect();
    if head.first() == Some(&b'@') {
        Format::Bibtex
    } else if head.starts_with(b"TY  -") {
        Format::Ris
    } else {
        Format::Table
    }
}

type Parsed = Result<Vec<PastWork>, Vec<RowError>>;

fn refusal(line: usize, key: &'static str) -> RowError {
    RowError {
        line,
        msg: Msg::new(key),
    }
}

/// Reads past work from a file of any of the formats.
pub fn parse(name: &str, bytes: &[u8]) -> Parsed {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(vec![RowError {
            line: 0,
            msg: Msg::new("error-file-too-large").arg("max", MAX_IMPORT_BYTES / (1024 * 1024)),
        }]);
    }
    let format = format_of(name, bytes);
    let xlsx = super::uploads::sniff(bytes) == Some(super::uploads::FileKind::Xlsx);
    if format == Format::Table && xlsx {
        return parse_table(bytes);
    }
    let text = text_of(bytes)?;
    match format {
        Format::Bibtex => parse_bibtex(text),
        Format::Ris => parse_ris(text),
        Format::Table => parse_table(text.as_bytes()),
    }
}

/// The file as text: refused at the line of its first NUL byte or of its first byte that is not
/// UTF-8 (a binary file is refused so).
pub fn text_of(bytes: &[u8]) -> Result<&str, Vec<RowError>> {
    let line_at = |pos: usize| bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(vec![refusal(line_at(pos), "past-work-error-nul")]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![refusal(
            line_at(e.valid_up_to()),
            "past-work-error-encoding",
        )]
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A year as files write it ("2019", "2019/05/01/", "2019-05"): 1900 to 2100, or none.
pub fn year_of(text: &str) -> Result<Option<i64>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[digits.len()..];
    if digits.len() != 4 || !(rest.is_empty() || rest.starts_with(['/', '-', '.'])) {
        return Err(());
    }
    let y: i64 = digits.parse().map_err(|_| ())?;
    if (1900..=2100).contains(&y) {
        Ok(Some(y))
    } else {
        Err(())
    }
}

/// Checks one entry's values and makes the past work of them.
pub fn checked(
    line: usize,
    title: &str,
    abstract_: &str,
    year: &str,
    venue: &str,
) -> Result<PastWork, Vec<RowError>> {
    let mut errors = Vec::new();
    let title = tidy(title);
    if title.is_empty() {
        errors.push(refusal(line, "past-work-error-no-title"));
    }
    for (column, value, max) in [
        ("title", title.as_str(), MAX_TITLE),
        ("abstract", abstract_, MAX_ABSTRACT),
        ("venue", venue, MAX_VENUE),
    ] {
        if value.chars().count() > max {
            errors.push(RowError {
                line,
                msg: Msg::new("import-error-too-long")
                    .arg("column", column)
                    .arg("max", max),
            });
        }
    }
    let year = match year_of(year) {
        Ok(y) => y,
        Err(()) => {
            errors.push(RowError {
                line,
                msg: Msg::new("past-work-error-year")
                    .arg("value", year.trim().chars().take(20).collect::<String>()),
            });
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PastWork {
        title,
        abstract_: tidy(abstract_),
        year,
        venue: tidy(venue),
    })
}

/// Whitespace runs made one space.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps the good entries or all the refusals; refuses an empty file and too many entries.
fn finish(works: Vec<PastWork>, errors: Vec<RowError>) -> Parsed {
    if !errors.is_empty() {
        return Err(errors);
    }
    if works.is_empty() {
        return Err(vec![refusal(0, "past-work-error-empty")]);
    }
    if works.len() > MAX_IMPORT_ROWS {
        return Err(vec![RowError {
            line: 0,
            msg: Msg::new("import-error-too-many").arg("max", MAX_IMPORT_ROWS),
        }]);
    }
    Ok(works)
}

const WORK_COLUMNS: &[(&str, &[&str])] = &[
    ("title", &["标题", "题目", "题名"]),
    ("abstract", &["摘要", "summary"]),
    ("year", &["年份", "年"]),
    ("venue", &["期刊", "会议", "出处", "journal", "source"]),
];

/// A CSV or XLSX table with a title column and optional abstract, year and venue columns.
pub fn parse_table(bytes: &[u8]) -> Parsed {
    let (cols, rows) = read_table(bytes, WORK_COLUMNS, &["title"])?;
    let (mut works, mut errors) = (Vec::new(), Vec::new());
    for (line, row) in &rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |k| cols.get(row, k);
        match checked(
            *line,
            get("title"),
            get("abstract"),
            get("year"),
            get("venue"),
        ) {
            Ok(w) => works.push(w),
            Err(e) => errors.extend(e),
        }
    }
    finish(works, errors)
}

/// A scanner over the bytes of a BibTeX text that counts lines. Every delimiter BibTeX has is
/// ASCII, so the text between two of them is always whole UTF-8.
struct Scan<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }
    fn bump(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.at += 1;
        if c == b'\n' {
            self.line += 1;
        }
        Some(c)
    }
    fn skip_space(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.bump();
        }
    }
    /// Whether a new entry ("@word{" or "@word(") starts at the current position, after spaces.
    fn entry_starts_here(&self) -> bool {
        let rest = self.text.as_bytes()[self.at..]
            .iter()
            .skip_while(|c| **c == b' ' || **c == b'\t');
        let mut rest = rest.peekable();
        if rest.next() != Some(&b'@') {
            return false;
        }
        let mut letters = 0;
        while rest.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            rest.next();
            letters += 1;
        }
        letters > 0 && matches!(rest.next(), Some(b'{') | Some(b'('))
    }
}

/// BibTeX: every `@type{key, name = {value} | "value" | word, ...}` entry (or with parentheses);
/// `@comment`, `@preamble` and `@string` are passed over. The title, the abstract, the year and
/// the venue (journal, booktitle, publisher, school or howpublished) are kept.
pub fn parse_bibtex(text: &str) -> Parsed {
    let mut s = Scan {
        text,
        at: 0,
        line: 1,
    };
    let (mut works, mut errors) = (Vec::new(), Vec::new());
    loop {
        while s.peek().is_some_and(|c| c != b'@') {
            s.bump();
        }
        if s.peek().is_none() {
            break;
        }
        let line = s.line;
        s.bump();
        let kind_start = s.at;
        while s.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            s.bump();
        }
        let kind = text[kind_start..s.at].to_ascii_lowercase();
        s.skip_space();
        let close = match s.peek() {
            Some(b'{') => b'}',
            Some(b'(') => b')',
            _ => {
                errors.push(refusal(line, "past-work-error-syntax"));
                continue;
            }
        };
        s.bump();
        match entry_body(&mut s, close) {
            Err(()) => errors.push(refusal(line, "past-work-error-unbalanced")),
            Ok(_) if matches!(kind.as_str(), "comment" | "preamble" | "string") => {}
            Ok(body) => match fields_of(body) {
                None => errors.push(refusal(line, "past-work-error-syntax")),
                Some(f) => {
                    let get = |names: &[&str]| {
                        names
                            .iter()
                            .find_map(|n| f.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str()))
                            .unwrap_or("")
                    };
                    match checked(
                        line,
                        get(&["title"]),
                        get(&["abstract"]),
                        get(&["year"]),
                        get(&[
                            "journal",
                            "booktitle",
                            "publisher",
                            "school",
                            "howpublished",
                        ]),
                    ) {
                        Ok(w) => works.push(w),
                        Err(e) => errors.extend(e),
                    }
                }
            },
        }
        if works.len() > MAX_IMPORT_ROWS {
            break;
        }
    }
    finish(works, errors)
}

/// The text of an entry up to its closing delimiter (consumed). Unbalanced when the text ends
/// first, when a `}` closes more than was opened, or when a line starts a new entry while braces
/// are still open (the scan then stops before it, so the next entry is read on its own).
fn entry_body<'a>(s: &mut Scan<'a>, close: u8) -> Result<&'a str, ()> {
    let start = s.at;
    let mut depth = 0usize;
    loop {
        let at = s.at;
        match s.bump() {
            None => return Err(()),
            Some(b'\n') if s.entry_starts_here() => return Err(()),
            Some(b'{') => depth += 1,
            Some(b'}') if depth > 0 => depth -= 1,
            Some(c) if c == close && depth == 0 => return Ok(&s.text[start..at]),
            Some(b'}') => return Err(()),
            Some(_) => {}
        }
    }
}

/// The fields of an entry's text (after its key), names in lower case and values cleaned of
/// braces and the common TeX escapes; none when the text is not `key, name = value, ...`.
fn fields_of(body: &str) -> Option<Vec<(String, String)>> {
    let b = body.as_bytes();
    let mut i = match body.find(',') {
        Some(comma) => comma + 1,
        None => return Some(Vec::new()),
    };
    let mut out = Vec::new();
    let skip = |i: &mut usize| {
        while *i < b.len() && (b[*i].is_ascii_whitespace() || b[*i] == b',') {
            *i += 1;
        }
    };
    loop {
        skip(&mut i);
        if i >= b.len() {
            return Some(out);
        }
        let name_start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b"_-:.".contains(&b[i])) {
            i += 1;
        }
        if i == name_start {
            return None;
        }
        let name = body[name_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return None;
        }
        i += 1;
        let mut value = String::new();
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(b'{') | Some(b'"') => {
                    let quote = b[i] == b'"';
                    i += 1;
                    let start = i;
                    let mut depth = 0usize;
                    while i < b.len() {
                        match b[i] {
                            b'{' => depth += 1,
                            b'}' if depth == 0 => break,
                            b'}' => depth -= 1,
                            b'"' if quote && depth == 0 => break,
                            _ => {}
                        }
                        i += 1;
                    }
                    if i >= b.len() {
                        return None;
                    }
                    value.push_str(&body[start..i]);
                    i += 1;
                }
                Some(c) if c.is_ascii_alphanumeric() => {
                    let start = i;
                    while i < b.len() && (b[i].is_ascii_alphanumeric() || b"_-:.".contains(&b[i])) {
                        i += 1;
                    }
                    value.push_str(&body[start..i]);
                }
                _ => return None,
            }
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) == Some(&b'#') {
                i += 1;
            } else {
                break;
            }
        }
        if i < b.len() && b[i] != b',' {
            return None;
        }
        out.push((name, untex(&value)));
    }
}

/// A BibTeX value as plain text: braces gone, `\&`-style escapes and `~` made plain.
fn untex(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '~' => out.push(' '),
            '\\' => match chars.peek() {
                Some(&e) if "&%_$#{}".contains(e) => {
                    out.push(e);
                    chars.next();
                }
                _ => {}
            },
            c => out.push(c),
        }
    }
    tidy(&out)
}

/// RIS: records from `TY  - ` to `ER  - `, one `XX  - value` tag a line; a line without a tag
/// continues the title or the abstract above it. TI/T1 title, AB/N2 abstract, PY/Y1/DA year,
/// JO/JF/JA/T2/BT/PB venue (the first present).
pub fn parse_ris(text: &str) -> Parsed {
    struct Record {
        line: usize,
        title: String,
        abstract_: String,
        year: String,
        venue: String,
        last: String,
    }
    let (mut works, mut errors) = (Vec::new(), Vec::new());
    let mut cur: Option<Record> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() {
            continue;
        }
        let tag = l
            .get(..2)
            .filter(|t| {
                t.bytes()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            .filter(|_| l.get(2..5) == Some("  -"));
        let value = l.get(5..).unwrap_or("").trim();
        match (tag, cur.as_mut()) {
            (Some("TY"), open) => {
                if let Some(r) = open {
                    errors.push(refusal(r.line, "past-work-error-unclosed"));
                }
                cur = Some(Record {
                    line,
                    title: String::new(),
                    abstract_: String::new(),
                    year: String::new(),
                    venue: String::new(),
                    last: String::new(),
                });
            }
            (Some("ER"), Some(r)) => {
                match checked(r.line, &r.title, &r.abstract_, &r.year, &r.venue) {
                    Ok(w) => works.push(w),
                    Err(e) => errors.extend(e),
                }
                cur = None;
                if works.len() > MAX_IMPORT_ROWS {
                    break;
                }
            }
            (Some(_), None) | (None, None) => errors.push(refusal(line, "past-work-error-syntax")),
            (Some(t), Some(r)) => {
                let slot = match t {
                    "TI" | "T1" => Some(&mut r.title),
                    "AB" | "N2" => Some(&mut r.abstract_),
                    "PY" | "Y1" | "DA" => Some(&mut r.year),
                    "JO" | "JF" | "JA" | "T2" | "BT" | "PB" => Some(&mut r.venue),
                    _ => None,
                };
                if let Some(slot) = slot {
                    if slot.is_empty() {
                        slot.push_str(value);
                    }
                }
                r.last = t.to_string();
            }
            (None, Some(r)) => match r.last.as_str() {
                "TI" | "T1" => {
                    r.title.push(' ');
                    r.title.push_str(l.trim());
                }
                "AB" | "N2" => {
                    r.abstract_.push(' ');
                    r.abstract_.push_str(l.trim());
                }
                _ => errors.push(refusal(line, "past-work-error-syntax")),
            },
        }
    }
    if let Some(r) = cur {
        errors.push(refusal(r.line, "past-work-error-unclosed"));
    }
    finish(works, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(r: Parsed) -> Vec<(usize, &'static str)> {
        r.unwrap_err().iter().map(|e| (e.line, e.msg.key)).collect()
    }

    #[test]
    fn bibtex_entries_are_read() {
        let bib = "% my papers\n@article{li2020,\n  title = {Deep {L}earning for {ECG} Arrhythmia},\n  author = \"Li, Wei and Wang, Fang\",\n  journal = {Circulation},\n  year = 2020,\n  abstract = {We detect atrial fibrillation \\& flutter.}\n}\n\n@comment{ignored}\n@inproceedings(zh2019, title = \"基于深度学习的肺结节检测\", booktitle = {MICCAI}, year = {2019})\n";
        let w = parse_bibtex(bib).unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].title, "Deep Learning for ECG Arrhythmia");
        assert_eq!(w[0].venue, "Circulation");
        assert_eq!(w[0].year, Some(2020));
        assert_eq!(w[0].abstract_, "We detect atrial fibrillation & flutter.");
        assert_eq!(w[1].title, "基于深度学习的肺结节检测");
        assert_eq!(w[1].venue, "MICCAI");
        assert_eq!(w[1].year, Some(2019));
    }

    #[test]
    fn bibtex_refusals_name_their_lines() {
        let bib = "@article{a, title = {Good}, year = 2020}\n@article{b,\n  title = {Unclosed {brace},\n  year = 2021\n@book{c, year = 2019}\n@misc{d, title = {Y}, year = {twenty}}\n";
        assert_eq!(
            keys(parse_bibtex(bib)),
            vec![
                (2, "past-work-error-unbalanced"),
                (5, "past-work-error-no-title"),
                (6, "past-work-error-year"),
            ]
        );
        assert_eq!(
            parse_bibtex("@article{x, title = {A}}}\n").unwrap().len(),
            1
        );
        assert_eq!(
            keys(parse_bibtex("@article{x, title = {A}\n")),
            vec![(1, "past-work-error-unbalanced")]
        );
        assert_eq!(
            keys(parse_bibtex("@article{x, title {A}}\n")),
            vec![(1, "past-work-error-syntax")]
        );
        assert_eq!(keys(parse_bibtex("")), vec![(0, "past-work-error-empty")]);
        assert_eq!(
            keys(parse_bibtex("@article x")),
            vec![(1, "past-work-error-syntax")]
        );
    }

    #[test]
    fn ris_records_are_read_and_refused_by_line() {
        let ris = "TY  - JOUR\r\nTI  - Wearable sensors for\r\n  gait analysis\r\nAB  - Falls in the elderly.\r\nPY  - 2018/03/01/\r\nJO  - Gait & Posture\r\nER  - \r\n";
        let w = parse_ris(ris).unwrap();
        assert_eq!(w[0].title, "Wearable sensors for gait analysis");
        assert_eq!(w[0].year, Some(2018));
        assert_eq!(w[0].venue, "Gait & Posture");
        let bad =
            "TY  - JOUR\nAB  - no title\nER  - \nTI  - outside\nTY  - JOUR\nTI  - never closed\n";
        assert_eq!(
            keys(parse_ris(bad)),
            vec![
                (1, "past-work-error-no-title"),
                (4, "past-work-error-syntax"),
                (5, "past-work-error-unclosed"),
            ]
        );
    }

    #[test]
    fn tables_need_a_title_per_row() {
        let csv = "title,abstract,year,venue\nA,about a,2020,J\n,,2021,\nB,,1800,\n";
        assert_eq!(
            keys(parse_table(csv.as_bytes())),
            vec![(3, "past-work-error-no-title"), (4, "past-work-error-year")]
        );
        let w = parse_table("标题,年份\n心电,2022\n".as_bytes()).unwrap();
        assert_eq!(w[0].title, "心电");
        assert_eq!(w[0].year, Some(2022));
        assert_eq!(
            keys(parse_table(b"abstract\nx\n")),
            vec![(1, "import-error-column")]
        );
    }

    #[test]
    fn hostile_files_are_refused() {
        assert_eq!(
            keys(parse(
                "a.bib",
                b"@article{a, title={x}}\n@article{b,\n title={\0}}"
            )),
            vec![(3, "past-work-error-nul")]
        );
        assert_eq!(
            keys(parse("a.ris", b"TY  - JOUR\nTI  - \xff\xfe\nER  - \n")),
            vec![(2, "past-work-error-encoding")]
        );
        let big = vec![b'a'; 10 * 1024 * 1024];
        assert_eq!(
            keys(parse("a.bib", &big)),
            vec![(0, "error-file-too-large")]
        );
        let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(parse("x.bin", &binary).is_err());
        assert!(parse("x.csv", b"\x89PNG\r\n\x1a\n\0\0\0").is_err());
        // Deep nesting and a flood of '@' neither overflow nor hang.
        let deep = format!(
            "@article{{a, title = {}x{}}}",
            "{".repeat(100_000),
            "}".repeat(100_000)
        );
        assert!(parse_bibtex(&deep).is_ok());
        assert!(parse_bibtex(&"@".repeat(100_000)).is_err());
        assert!(parse_ris(&"TY  - JOUR\n".repeat(10_000)).is_err());
    }

    #[test]
    fn formats_are_told_by_name_then_content() {
        assert_eq!(format_of("Papers.BIB", b""), Format::Bibtex);
        assert_eq!(format_of("x", b"  \n@article{"), Format::Bibtex);
        assert_eq!(format_of("x", b"TY  - JOUR"), Format::Ris);
        assert_eq!(format_of("x.txt", b"title\n"), Format::Table);
    }
}
