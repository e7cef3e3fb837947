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

#[test]
fn the_web_crate_never_names_the_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../drx-web/src");
    let mut stack = vec![src];
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read_to_string(&path)
                .unwrap()
                .contains("drx_store")
            {
                offenders.push(path.display().to_string());
            }
        }
    }
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
