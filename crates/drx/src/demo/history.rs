//! Gives the seeded demo submissions the history real ones have (revisions, attachments, the
//! receipt notice), written straight into the store: the demo is a loader, not a use case.
use sha2::{Digest, Sha256};

use drx_core::i18n::{self, Lang};
use drx_core::services::submissions::{clean_filename, receipt_code, FileKind, Snapshot};
use drx_store::submissions::{self as store, Content};
use drx_store::Db;

/// A minimal valid one-page PDF, for the demo's attachments.
fn demo_pdf(title: &str) -> Vec<u8> {
    let text: String = title
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .take(60)
        .collect();
    let stream = format!("BT /F1 14 Tf 72 720 Td (drx demo: {text}) Tj ET");
    format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n\
         4 0 obj<</Length {}>>stream\n{stream}\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        stream.len()
    )
    .into_bytes()
}

/// Gives the seeded demo submissions the history real ones have: version 1 kept for each, a
/// second version (revised evidence) for every tenth, a PDF attachment for every seventh, and
/// the receipt notice for the demo clinician's own. Deterministic: fixed times, no randomness.
pub async fn seed(db: &Db, at: i64) -> anyhow::Result<()> {
    let ids: Vec<i64> = drx_store::submissions::list(
        db,
        drx_store::catalogue::calls(db).await?[0].id,
        &Default::default(),
        drx_store::submissions::ListSort::Oldest,
        10_000,
        0,
    )
    .await?
    .0
    .iter()
    .map(|r| r.id)
    .collect();
    let mut versions = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let s = store::get(db, *id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("submission {id} vanished"))?;
        let v1 = serde_json::to_string(&Snapshot::of(&s)).expect("a snapshot serializes");
        let v2 = (i % 10 == 3).then(|| {
            let mut snap = Snapshot::of(&s);
            let extra = if s.lang == "zh" {
                "补充：已完成第二轮用户访谈。"
            } else {
                " Update: a second round of user interviews is done."
            };
            snap.text.evidence.push_str(extra);
            snap
        });
        versions.push((s, v1, v2));
    }
    let demo_clinician = store::person_by_email(db, "clinician@drx.example")
        .await?
        .map(|p| p.id);
    let mut tx = db.begin().await?;
    for (i, (s, v1, v2)) in versions.iter().enumerate() {
        let created = s.created_at;
        store::insert_revision(&mut tx, s.id, 1, v1, s.created_by, created).await?;
        if let Some(snap) = v2 {
            let json = serde_json::to_string(snap).expect("a snapshot serializes");
            store::insert_revision(&mut tx, s.id, 2, &json, s.created_by, created + 86_400).await?;
            let c = Content {
                need_id: s.need_id,
                organization_id: s.organization_id,
                title: s.title.clone(),
                need_statement: s.need_statement.clone(),
                solution: s.solution.clone(),
                evidence: snap.text.evidence.clone(),
                stage: s.stage.to_string(),
                keywords: s.keywords.clone(),
                ip_status: s.ip_status.clone(),
                confidentiality: s.confidentiality.clone(),
                lang: s.lang.clone(),
                field_ids: s.fields.iter().map(|f| f.id).collect(),
                members: s.members.iter().map(Into::into).collect(),
            };
            store::update_content(&mut tx, s.id, &c, created + 86_400).await?;
        }
        if i % 7 == 0 {
            let pdf = demo_pdf(&s.title);
            let sha = hex::encode(Sha256::digest(&pdf));
            let name = format!("{}.pdf", s.title.chars().take(40).collect::<String>());
            let name = clean_filename(&name, FileKind::Pdf);
            let file = drx_store::NewFile {
                filename: &name,
                content_type: "application/pdf",
                sha256: &sha,
                content: &pdf,
            };
            store::insert_attachment(&mut tx, s.id, &file, s.created_by, created).await?;
        }
        let code = receipt_code(v1);
        let args = [
            ("title", s.title.clone()),
            ("call", "2026 Dr. X 医工创新大赛".to_string()),
            ("version", "1".to_string()),
            ("code", code),
            ("at", demo_time(s.submitted_at.unwrap_or(created))),
            ("link", format!("/submissions/{}", s.id)),
        ];
        if demo_clinician == Some(s.created_by) {
            let body = i18n::t_args(Lang::Zh, "sub-receipt-notice", &args);
            drx_store::notices::insert(
                &mut tx,
                s.created_by,
                &body,
                &format!("/submissions/{}", s.id),
                at,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

fn demo_time(ts: i64) -> String {
    format!("{} (UTC+8)", drx_core::services::calls::china_time(ts))
}
