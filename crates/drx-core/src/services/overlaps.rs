//! Overlap hints: submissions of a call that are close to another one of the same call or of an
//! earlier call, with why (the words they share, the same catalogued need). Organizers use them
//! to spot duplicates and teams that should talk; nothing is decided automatically.
use drx_engine::affinity::{AffinityModel, Document, Params, Profile};
use drx_engine::text::Analyzer;

use super::{Result, ServiceError};
use drx_store::submissions::{self as store, CallInfo, OverlapText};
use drx_store::Db;

/// Pairs scoring below this are not shown (lexical cosine-based affinity, 0..=1).
pub const MIN_SCORE: f64 = 0.3;
pub const MAX_PAIRS: usize = 60;

#[derive(Debug, Clone)]
pub struct Overlap {
    pub a: OverlapText,
    pub b: OverlapText,
    pub score: f64,
    /// The words they share, most telling first.
    pub shared: Vec<String>,
    pub same_need: bool,
}

fn document(s: &OverlapText) -> Document {
    Document {
        id: s.id.to_string(),
        title: s.title.clone(),
        sections: vec![s.need_statement.clone(), s.solution.clone()],
        keywords: s
            .keywords
            .split([',', ';', '，', '；', '、'])
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        ..Default::default()
    }
}

/// The closest pairs involving this call's submissions, best first (pure: no database).
pub fn find(call_id: i64, pool: &[OverlapText], min_score: f64, max_pairs: usize) -> Vec<Overlap> {
    let mine: Vec<usize> = (0..pool.len())
        .filter(|&i| pool[i].call_id == call_id)
        .collect();
    if mine.is_empty() || pool.len() < 2 {
        return Vec::new();
    }
    let profiles: Vec<Profile> = pool
        .iter()
        .map(|s| Profile {
            id: s.id.to_string(),
            documents: vec![document(s)],
            ..Default::default()
        })
        .collect();
    let documents: Vec<Document> = mine.iter().map(|&i| document(&pool[i])).collect();
    let mut params = Params::default();
    // Text only: keywords stay in the text comparison, declared tags add nothing on their own.
    params.combine.tag_weight = 0.0;
    let model = AffinityModel::build(Analyzer::shared(), &profiles, &documents, params);
    let mut pairs = Vec::new();
    for (d, &i) in mine.iter().enumerate() {
        for (p, score) in model.all_scores(d).into_iter().enumerate() {
            if p == i || score < min_score {
                continue;
            }
            // A pair within the call is seen from both sides: keep it once.
            if pool[p].call_id == call_id && p < i {
                continue;
            }
            pairs.push((score, d, i, p));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    pairs.truncate(max_pairs);
    pairs
        .into_iter()
        .map(|(score, d, i, p)| {
            let why = model.explain(p, d, 8);
            Overlap {
                a: pool[i].clone(),
                b: pool[p].clone(),
                score,
                shared: why.shared_terms.into_iter().map(|t| t.surface).collect(),
                same_need: pool[i].need_id.is_some() && pool[i].need_id == pool[p].need_id,
            }
        })
        .collect()
}

/// The overlap hints of a call, for its organizers.
pub async fn of_call(
    db: &Db,
    actor: &drx_store::accounts::Person,
    call_id: i64,
) -> Result<(CallInfo, Vec<Overlap>)> {
    let call = store::call(db, call_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !super::manages_call(db, actor, call_id).await? {
        return Err(ServiceError::Forbidden);
    }
    let pool = store::overlap_texts(db).await?;
    // Word segmentation and scoring are CPU work: keep them off the async workers.
    let pairs = tokio::task::spawn_blocking(move || find(call_id, &pool, MIN_SCORE, MAX_PAIRS))
        .await
        .expect("overlap scoring does not panic");
    Ok((call, pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: i64, call: i64, title: &str, text: &str, need: Option<i64>) -> OverlapText {
        OverlapText {
            id,
            call_id: call,
            call_title_en: format!("Call {call}"),
            call_title_zh: format!("征集 {call}"),
            title: title.into(),
            need_statement: String::new(),
            solution: text.into(),
            keywords: String::new(),
            need_id: need,
        }
    }

    #[test]
    fn near_duplicates_pair_up_within_and_across_calls_with_shared_words() {
        let pool = vec![
            s(1, 1, "Smart infusion extravasation patch", "A skin patch with impedance sensors detects infusion extravasation early and alarms the nurse.", Some(9)),
            s(2, 2, "Extravasation alarm patch", "An impedance sensor patch on the skin detects extravasation during infusion and alarms nurses.", Some(9)),
            s(3, 2, "Knee rehabilitation robot", "A wearable exoskeleton guides knee flexion exercises after arthroplasty at home.", None),
            s(4, 2, "智能输液外渗监测贴", "贴片式阻抗传感器在输液时早期发现外渗并提醒护士。", None),
            s(5, 2, "输液外渗预警贴片", "利用阻抗传感器的贴片，在输液过程中早期发现外渗，及时提醒护士。", None),
        ];
        let found = find(2, &pool, 0.3, 10);
        let ids: Vec<(i64, i64)> = found.iter().map(|o| (o.a.id, o.b.id)).collect();
        assert!(ids.contains(&(2, 1)), "across calls: {ids:?}");
        assert!(
            ids.contains(&(4, 5)),
            "Chinese pair within the call, once: {ids:?}"
        );
        assert!(!ids.contains(&(5, 4)));
        assert!(
            !ids.iter().any(|(a, b)| *a == 3 || *b == 3),
            "the robot overlaps nothing"
        );
        let p = found.iter().find(|o| (o.a.id, o.b.id) == (2, 1)).unwrap();
        assert!(p.same_need);
        assert!(
            p.shared
                .iter()
                .any(|w| w.contains("extravasation") || w.contains("impedance")),
            "{:?}",
            p.shared
        );
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(
            find(7, &pool, 0.3, 10).is_empty(),
            "a call without submissions"
        );
    }
}
