//! Inverted index over profile vectors: top-k profiles for a document by accumulating over the
//! postings of the document's terms, so profiles sharing nothing with it are never scored.
use std::collections::{HashMap, HashSet};

use super::{sort_ranked, AffinityModel, AnalyzedProfile, ProfileVecs, Ranked, Similarities};

/// Marks the slot of a profile's whole vector (other slots are its documents).
const WHOLE: u32 = u32::MAX;

#[derive(Debug, Clone, Default)]
pub(crate) struct ProfileIndex {
    /// term id -> (slot, weight), slots in increasing order.
    postings: Vec<Vec<(u32, f64)>>,
    /// slot -> (profile, document index in the profile or WHOLE).
    slots: Vec<(u32, u32)>,
    /// normalised keyword/field -> profiles declaring it.
    tags: HashMap<String, Vec<u32>>,
}

impl ProfileIndex {
    pub(crate) fn build(terms: usize, vecs: &[ProfileVecs], analyzed: &[AnalyzedProfile]) -> Self {
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms];
        let mut slots = Vec::new();
        for (p, pv) in vecs.iter().enumerate() {
            let parts = std::iter::once((WHOLE, &pv.whole))
                .chain(pv.docs.iter().enumerate().map(|(i, d)| (i as u32, d)));
            for (which, v) in parts {
                let slot = slots.len() as u32;
                slots.push((p as u32, which));
                for &(t, w) in v {
                    postings[t as usize].push((slot, w));
                }
            }
        }
        let mut tags: HashMap<String, Vec<u32>> = HashMap::new();
        for (p, ap) in analyzed.iter().enumerate() {
            for k in &ap.tag_keys {
                tags.entry(k.clone()).or_default().push(p as u32);
            }
        }
        ProfileIndex {
            postings,
            slots,
            tags,
        }
    }

    /// Per touched profile: (similarity per profile document it shares terms with, similarity
    /// to the whole profile). Profiles sharing only a keyword or field appear with no sums.
    fn accumulate(
        &self,
        model: &AffinityModel,
        document: usize,
        max_terms: Option<usize>,
    ) -> HashMap<u32, (Vec<(u32, f64)>, f64)> {
        let q = &model.documents[document];
        let terms: Vec<(u32, f64)> = match max_terms {
            Some(m) if m < q.len() => {
                let mut heavy = q.clone();
                heavy.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                heavy.truncate(m);
                heavy.sort_by_key(|(t, _)| *t);
                heavy
            }
            _ => q.clone(),
        };
        // Terms in increasing id order, products added in that order: the same sums, bit for
        // bit, as the merge in `dot`.
        let mut acc: HashMap<u32, f64> = HashMap::new();
        for &(t, qw) in &terms {
            for &(slot, w) in &self.postings[t as usize] {
                *acc.entry(slot).or_insert(0.0) += qw * w;
            }
        }
        let mut touched: HashMap<u32, (Vec<(u32, f64)>, f64)> = HashMap::new();
        for (&slot, &s) in &acc {
            let (p, which) = self.slots[slot as usize];
            let e = touched.entry(p).or_insert_with(|| (Vec::new(), 0.0));
            if which == WHOLE {
                e.1 = s;
            } else {
                e.0.push((which, s));
            }
        }
        let ad = &model.corpus.documents[document];
        for (_, key) in ad.keywords.iter().chain(&ad.fields) {
            for &p in self.tags.get(key).into_iter().flatten() {
                touched.entry(p).or_insert_with(|| (Vec::new(), 0.0));
            }
        }
        touched
    }

    fn similarities_of(
        model: &AffinityModel,
        p: usize,
        document: usize,
        docs: &[(u32, f64)],
        whole: f64,
    ) -> Similarities {
        let mut per = vec![0.0; model.profiles[p].docs.len()];
        for &(i, s) in docs {
            per[i as usize] = s;
        }
        model.finish_similarities(p, document, per, whole)
    }

    pub(crate) fn all_similarities(
        &self,
        model: &AffinityModel,
        document: usize,
    ) -> Vec<Similarities> {
        let touched = self.accumulate(model, document, None);
        (0..model.profiles.len())
            .map(|p| match touched.get(&(p as u32)) {
                Some((docs, whole)) => Self::similarities_of(model, p, document, docs, *whole),
                None => Self::similarities_of(model, p, document, &[], 0.0),
            })
            .collect()
    }

    pub(crate) fn top_profiles(
        &self,
        model: &AffinityModel,
        document: usize,
        k: usize,
        max_terms: Option<usize>,
    ) -> Vec<Ranked> {
        let touched = self.accumulate(model, document, max_terms);
        let mut ranked: Vec<Ranked> = Vec::with_capacity(touched.len());
        for (&p, (docs, whole)) in &touched {
            let p = p as usize;
            let score = if max_terms.is_some() {
                model.score(p, document)
            } else {
                Self::similarities_of(model, p, document, docs, *whole)
                    .combine(&model.params.combine)
            };
            ranked.push(Ranked { index: p, score });
        }
        if ranked.len() < k {
            // Fewer candidates than asked: the rest share nothing with the document, complete
            // with them in index order as exhaustive ranking would.
            let seen: HashSet<usize> = ranked.iter().map(|r| r.index).collect();
            for p in (0..model.profiles.len()).filter(|p| !seen.contains(p)) {
                if ranked.len() >= k {
                    break;
                }
                ranked.push(Ranked {
                    index: p,
                    score: model.score(p, document),
                });
            }
        }
        sort_ranked(&mut ranked);
        ranked.truncate(k);
        ranked
    }
}
