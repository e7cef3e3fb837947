//! An iCalendar (RFC 5545) writer for roadshows, by hand: CRLF line endings, TEXT values
//! escaped (backslash, semicolon, comma, newline), content lines folded at 75 octets without
//! splitting a UTF-8 character, times in UTC (`Z`).

/// One VEVENT.
#[derive(Debug, Clone)]
pub struct CalendarEvent {
    /// Globally unique and stable for the event, e.g. `event-3@drx.example`.
    pub uid: String,
    /// When this calendar was produced (Unix seconds).
    pub stamp: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: Option<String>,
}

/// A whole VCALENDAR with one VEVENT per event.
pub fn calendar(events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(&fold(s));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//drx//Roadshows//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&e.uid)));
        line(&format!("DTSTAMP:{}", utc(e.stamp)));
        line(&format!("DTSTART:{}", utc(e.starts_at)));
        line(&format!("DTEND:{}", utc(e.ends_at)));
        line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.location.is_empty() {
            line(&format!("LOCATION:{}", escape_text(&e.location)));
        }
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape_text(&e.description)));
        }
        if let Some(url) = &e.url {
            // URL is of type URI: not TEXT-escaped.
            line(&format!("URL:{url}"));
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// A TEXT value: `\` `;` `,` escaped with a backslash, line breaks as `\n`, other control
/// characters dropped.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: no physical line longer than 75 octets; each continuation starts
/// with one space; a character is never split.
pub fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / MAX * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

/// `YYYYMMDDTHHMMSSZ`.
pub fn utc(ts: i64) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(ts).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn physical_lines(s: &str) -> Vec<&str> {
        assert!(s.ends_with("\r\n"));
        s[..s.len() - 2].split("\r\n").collect()
    }

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape_text("路演，上海；"), "路演，上海；");
        assert_eq!(escape_text("tab\there"), "tabhere");
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let line = format!("DESCRIPTION:{}", "x".repeat(200));
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert!(parts.len() >= 3);
        assert_eq!(parts[0].len(), 75);
        for p in &parts[1..] {
            assert!(p.starts_with(' '));
            assert!(p.len() <= 75);
        }
        assert_eq!(unfold(&folded), line);
        assert_eq!(fold("SUMMARY:short"), "SUMMARY:short");
    }

    #[test]
    fn folding_never_splits_a_chinese_character() {
        // 3 octets each: 12 + 3k never lands on 75 exactly after the prefix.
        let line = format!("SUMMARY:{}", "医疗器械创新路演".repeat(12));
        let folded = fold(&line);
        for p in folded.split("\r\n") {
            assert!(p.len() <= 75, "{} octets", p.len());
            assert!(std::str::from_utf8(p.as_bytes()).is_ok());
        }
        assert_eq!(unfold(&folded), line);
        // Exactly 75 octets stays one line.
        let exact = format!("X:{}", "a".repeat(73));
        assert_eq!(fold(&exact), exact);
        let over = format!("X:{}", "a".repeat(74));
        assert_eq!(fold(&over), format!("X:{}\r\n a", "a".repeat(73)));
    }

    #[test]
    fn a_calendar_has_crlf_lines_and_utc_times() {
        let cal = calendar(&[CalendarEvent {
            uid: "event-1@drx.example".into(),
            stamp: 1_767_225_600,
            starts_at: 1_767_232_800,
            ends_at: 1_767_240_000,
            summary: "Dr. X 路演, Shanghai".into(),
            location: "Room 1; Building A".into(),
            description: "Agenda:\n14:00 One\n14:20 Two".into(),
            url: Some("http://127.0.0.1:8080/events/1".into()),
        }]);
        assert!(!cal.replace("\r\n", "").contains('\n'), "bare LF");
        let lines = physical_lines(&cal);
        assert_eq!(lines[0], "BEGIN:VCALENDAR");
        assert_eq!(*lines.last().unwrap(), "END:VCALENDAR");
        let text = unfold(&cal);
        assert!(text.contains("\r\nDTSTART:20260101T020000Z\r\n"), "{text}");
        assert!(text.contains("\r\nDTEND:20260101T040000Z\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20260101T000000Z\r\n"));
        assert!(text.contains("\r\nSUMMARY:Dr. X 路演\\, Shanghai\r\n"));
        assert!(text.contains("\r\nLOCATION:Room 1\\; Building A\r\n"));
        assert!(text.contains("\r\nDESCRIPTION:Agenda:\\n14:00 One\\n14:20 Two\r\n"));
        assert!(text.contains("\r\nUID:event-1@drx.example\r\n"));
        for l in lines {
            assert!(l.len() <= 75);
        }
    }
}
