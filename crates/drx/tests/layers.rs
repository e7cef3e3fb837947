//! The layers are crates (ARCHITECTURE.md): this test keeps their dependency graph as drawn, so
//! that a line added to a Cargo.toml cannot quietly let the web name the store or the engine
//! depend on the application.
use std::collections::BTreeSet;
use std::path::Path;

/// The workspace crates each crate may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("drx-engine", &[]),
    ("drx-domain", &[]),
    ("drx-store", &["drx-domain"]),
    ("drx-core", &["drx-engine", "drx-domain", "drx-store"]),
    ("drx-web", &["drx-engine", "drx-domain", "drx-core"]),
    (
        "drx",
        &[
            "drx-engine",
            "drx-domain",
            "drx-store",
            "drx-core",
            "drx-web",
        ],
    ),
];

/// The workspace crates named in the `[dependencies]` table of a manifest.
fn workspace_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
            continue;
        }
        if in_dependencies && line.starts_with("drx") {
            if let Some((name, _)) = line.split_once('=') {
                out.insert(name.trim().to_string());
            }
        }
    }
    out
}

#[test]
fn each_layer_depends_only_on_the_layers_below_it() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, allowed) in ALLOWED {
        let manifest = std::fs::read_to_string(crates.join(name).join("Cargo.toml"))
            .unwrap_or_else(|e| panic!("{name}/Cargo.toml: {e}"));
        let allowed: BTreeSet<String> = allowed.iter().map(|s| s.to_string()).collect();
        let extra: Vec<_> = workspace_dependencies(&manifest)
            .difference(&allowed)
            .cloned()
            .collect();
        assert!(
            extra.is_empty(),
            "{name} depends on {extra:?}, which its layer may not see (ARCHITECTURE.md)"
        );
    }
}

/// Every file below the `src` folder of a workspace crate.
fn source_files(krate: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src");
    let mut stack = vec![src];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_web_crate_never_names_the_store() {
    let offenders: Vec<_> = source_files("drx-web")
        .into_iter()
        .filter(|path| std::fs::read_to_string(path).unwrap().contains("drx_store"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "{offenders:?} name the store");
}

#[test]
fn the_dependency_reader_sees_a_forbidden_line() {
    let manifest = "[package]\nname = \"drx-web\"\n\n[dependencies]\ndrx-core = { path = \"../drx-core\" }\ndrx-store = { path = \"../drx-store\" }\nserde = \"1\"\n\n[dev-dependencies]\ndrx-engine = { path = \"../drx-engine\" }\n";
    let deps = workspace_dependencies(manifest);
    assert_eq!(
        deps,
        ["drx-core", "drx-store"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

/// The tables each statement of `src` writes (`INSERT INTO t`, `UPDATE t`, `DELETE FROM t`), in
/// order. SQL keywords are upper case and table names lower case in the store, so `DO UPDATE SET`
/// and `FOR UPDATE SKIP LOCKED` name no table; words are split on anything that is not part of an
/// identifier, so a statement broken over lines (`\` continuations) reads the same.
fn tables_written(src: &str) -> Vec<String> {
    let words: Vec<&str> = src
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_table = |w: &str| w.starts_with(|c: char| c.is_ascii_lowercase());
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let table = match *w {
            "INSERT" if words.get(i + 1) == Some(&"INTO") => words.get(i + 2),
            "DELETE" if words.get(i + 1) == Some(&"FROM") => words.get(i + 2),
            "UPDATE" => words.get(i + 1),
            _ => None,
        };
        if let Some(t) = table.filter(|t| is_table(t)) {
            out.push(t.to_string());
        }
    }
    out
}

/// Each table is written by one module of the store, its owner (the list is in drx-store's
/// `lib.rs`); every other module reads it, or calls the owner's functions to change it.
#[test]
fn each_table_is_written_by_one_store_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../drx-store/src");
    let mut writers: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let module = path.file_stem().unwrap().to_string_lossy().to_string();
            for table in tables_written(&std::fs::read_to_string(&path).unwrap()) {
                writers.entry(table).or_default().insert(module.clone());
            }
        }
    }
    // The scan sees the store's writes at all (a reader that found nothing would pass).
    for (table, owner) in [
        ("submissions", "submissions"),
        ("threads", "conversations"),
        ("notices", "notices"),
        ("outbox", "outbox"),
    ] {
        assert!(
            writers.get(table).is_some_and(|m| m.contains(owner)),
            "{owner}.rs should write {table}: {writers:?}"
        );
    }
    let shared: Vec<_> = writers.iter().filter(|(_, m)| m.len() > 1).collect();
    assert!(
        shared.is_empty(),
        "tables written by more than one store module (move the writes to the owner): {shared:?}"
    );
}

#[test]
fn the_table_scan_reads_statements_over_several_lines() {
    let src = "tx.exec(\"UPDATE\\\n  outbox SET a = 1\", ()); \"INSERT INTO t (a) VALUES (?) \
               ON CONFLICT (a) DO UPDATE SET a = 1\"; \"DELETE FROM u WHERE id IN (SELECT id \
               FROM v FOR UPDATE SKIP LOCKED)\"";
    assert_eq!(tables_written(src), ["outbox", "t", "u"]);
}

/// The enums whose texts are the nouns and verbs that forms and paths also use as their own
/// tokens ("submit", "need", "person"): not guarded.
const UNGUARDED_ENUMS: &[&str] = &["AuditEntity", "AuditAction", "ThreadKind"];

/// The stored text of every value of the domain's statuses, phases, roles, kinds and modes (every
/// enum of drx-domain but [`UNGUARDED_ENUMS`]).
fn domain_texts() -> BTreeSet<&'static str> {
    use drx::domain::*;
    let mut out = BTreeSet::new();
    macro_rules! texts {
        ($($t:ident),*) => {$(
            if !UNGUARDED_ENUMS.contains(&stringify!($t)) {
                out.extend($t::ALL.iter().map(|v| v.as_str()));
            }
        )*};
    }
    drx::domain::every_enum!(texts);
    out
}

/// The domain texts that `line` compares or matches as literals: `== "x"`, `!= "x"`,
/// `== Some("x")`, `"x" ==`, `"x" =>` and `"x" | "y"`. A literal that is only passed, shown or
/// part of a longer string (an i18n key, a CSS class) is not one.
fn compared_literals(line: &str, texts: &BTreeSet<&'static str>) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts {
        let literal = format!("\"{t}\"");
        for (at, _) in line.match_indices(&literal) {
            let before = line[..at].trim_end();
            let after = line[at + literal.len()..].trim_start();
            let squeezed: String = before.chars().filter(|c| !c.is_whitespace()).collect();
            let compared_before = ["==", "!=", "==Some(", "!=Some("]
                .iter()
                .any(|op| squeezed.ends_with(op));
            let alternative_before = before.ends_with('|')
                && !before.ends_with("||")
                && before[..before.len() - 1].trim_end().ends_with('"');
            let compared_after = ["==", "!=", "=>"].iter().any(|op| after.starts_with(op))
                || (after.starts_with('|') && !after.starts_with("||"));
            if compared_before || alternative_before || compared_after {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// Literals that look like a domain value but are a token of their own: (file, literal, why).
const NOT_DOMAIN_VALUES: &[(&str, &str, &str)] = &[(
    "pages/organizations.rs",
    "merged",
    "the `done` query word after a merge, naming the notice to show",
)];

/// Services and pages compare the domain's enums, never their stored texts: a status or phase
/// spelled as a string in drx-core or drx-web is a value the compiler cannot check.
#[test]
fn core_and_web_compare_domain_values_as_enums_not_strings() {
    let texts = domain_texts();
    let mut offenders = Vec::new();
    for krate in ["drx-core", "drx-web"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(krate)
            .join("src");
        for path in source_files(krate) {
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let src = std::fs::read_to_string(&path).unwrap();
            for (n, line) in src.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for t in compared_literals(line, &texts) {
                    if !NOT_DOMAIN_VALUES
                        .iter()
                        .any(|(f, l, _)| *f == rel && *l == t)
                    {
                        offenders.push(format!("{krate}/src/{rel}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "compare the drx-domain enum instead of its text:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_literal_scan_sees_comparisons_and_not_keys_or_classes() {
    let texts = domain_texts();
    for line in [
        r#"if p.status == "stopped" {"#,
        r#"if run.status != "draft" {"#,
        r#"kind.as_deref() != Some("poc_centre")"#,
        r#"matches!(s.as_str(), "submitted" | "under_review")"#,
        r#"        "finalist" => 1,"#,
    ] {
        assert!(!compared_literals(line, &texts).is_empty(), "{line}");
    }
    for line in [
        r#"ctx.t(&format!("status-{}", s.status))"#,
        r#"span class="pill status-under_review" { "x" }"#,
        r#"store::insert(tx, "draft", now)"#,
        r#"if a || "open".is_empty() {"#,
        r#"let t = |s: &str| "draft";"#,
    ] {
        assert!(compared_literals(line, &texts).is_empty(), "{line}");
    }
}
