//! Inverted index over profile vectors: top-k profiles for a document by accumulating over the
//! postings of the document's terms, so profiles sharing nothing with it are never scored.
use std::collections::HashMap;

use super::{sort_ranked, AffinityModel, AnalyzedProfile, ProfileVecs, Ranked, Similarities};

#[derive(Debug, Clone, Default)]
pub(crate) struct ProfileIndex {
    /// term id -> (slot, weight), slots in increasing order. A profile owns the contiguous slots
    /// `first[p]..first[p + 1]`: its whole vector, then each of its documents.
    postings: Vec<Vec<(u32, f64)>>,
    /// slot -> profile.
    owner: Vec<u32>,
    /// profile -> its first slot; one extra entry closes the last range.
    first: Vec<u32>,
    /// normalised keyword/field -> profiles declaring it.
    tags: HashMap<String, Vec<u32>>,
}

/// Pruned retrieval scores in full this many candidates per profile asked for.
pub(crate) const RESCORE: usize = 4;

/// Sums of one query: per slot, and the profiles touched, in increasing order.
struct Accumulated {
    acc: Vec<f64>,
    touched: Vec<u32>,
}

impl ProfileIndex {
    pub(crate) fn build(terms: usize, vecs: &[ProfileVecs], analyzed: &[AnalyzedProfile]) -> Self {
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms];
        let mut owner = Vec::new();
        let mut first = Vec::with_capacity(vecs.len() + 1);
        for (p, pv) in vecs.iter().enumerate() {
            first.push(owner.len() as u32);
            for v in std::iter::once(&pv.whole).chain(&pv.docs) {
                let slot = owner.len() as u32;
                owner.push(p as u32);
                for &(t, w) in v {
                    postings[t as usize].push((slot, w));
                }
            }
        }
        first.push(owner.len() as u32);
        let mut tags: HashMap<String, Vec<u32>> = HashMap::new();
        for (p, ap) in analyzed.iter().enumerate() {
            for k in &ap.tag_keys {
                tags.entry(k.clone()).or_default().push(p as u32);
            }
        }
        ProfileIndex {
            postings,
            owner,
            first,
            tags,
        }
    }

    /// Sums the document's terms (its `max_terms` heaviest if given) over the postings.
    /// Profiles sharing only a keyword or field are touched with zero sums.
    fn accumulate(
        &self,
        model: &AffinityModel,
        document: usize,
        max_terms: Option<usize>,
    ) -> Accumulated {
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
        // bit, as the merge in `dot`. A dense accumulator: cheaper than hashing once many
        // profiles are touched.
        let mut acc = vec![0.0; self.owner.len()];
        let mut seen = vec![false; self.first.len().saturating_sub(1)];
        let mut touched = Vec::new();
        for &(t, qw) in &terms {
            for &(slot, w) in &self.postings[t as usize] {
                acc[slot as usize] += qw * w;
                let p = self.owner[slot as usize];
                if !seen[p as usize] {
                    seen[p as usize] = true;
                    touched.push(p);
                }
            }
        }
        let ad = &model.corpus.documents[document];
        for (_, key) in ad.keywords.iter().chain(&ad.fields) {
            for &p in self.tags.get(key).into_iter().flatten() {
                if !seen[p as usize] {
                    seen[p as usize] = true;
                    touched.push(p);
                }
            }
        }
        touched.sort_unstable();
        Accumulated { acc, touched }
    }

    fn similarities_of(
        &self,
        model: &AffinityModel,
        p: usize,
        document: usize,
        acc: &[f64],
    ) -> Similarities {
        let (a, b) = (self.first[p] as usize, self.first[p + 1] as usize);
        model.finish_similarities(p, document, acc[a + 1..b].to_vec(), acc[a])
    }

    pub(crate) fn all_similarities(
        &self,
        model: &AffinityModel,
        document: usize,
    ) -> Vec<Similarities> {
        // Untouched profiles keep zero sums, which is what `dot` gives them.
        let Accumulated { acc, .. } = self.accumulate(model, document, None);
        (0..model.profiles.len())
            .map(|p| self.similarities_of(model, p, document, &acc))
            .collect()
    }

    /// Mean score of a document over all profiles; profiles it shares nothing with are scored
    /// on zero lexical similarity (which only matters with dense vectors).
    pub(crate) fn baseline(&self, model: &AffinityModel, document: usize) -> f64 {
        let n = model.profiles.len();
        if n == 0 {
            return 0.0;
        }
        let c = &model.params.combine;
        let Accumulated { acc, touched } = self.accumulate(model, document, None);
        let dense = model.corpus.documents[document].embedding.is_some();
        let mut sum = 0.0;
        if dense {
            for p in 0..n {
                sum += self.similarities_of(model, p, document, &acc).combine(c);
            }
        } else {
            // Untouched profiles score 0; touched ones are summed in profile order.
            for &p in &touched {
                sum += self
                    .similarities_of(model, p as usize, document, &acc)
                    .combine(c);
            }
        }
        sum / n as f64
    }

    pub(crate) fn top_profiles(
        &self,
        model: &AffinityModel,
        document: usize,
        k: usize,
        max_terms: Option<usize>,
    ) -> Vec<Ranked> {
        let Accumulated { acc, touched } = self.accumulate(model, document, max_terms);
        let c = &model.params.combine;
        let mut ranked: Vec<Ranked> = touched
            .iter()
            .map(|&p| Ranked {
                index: p as usize,
                score: self
                    .similarities_of(model, p as usize, document, &acc)
                    .combine(c),
            })
            .collect();
        if max_terms.is_some() {
            // The sums over the heaviest terms only rank candidates: keep the best
            // RESCORE * k of them and score those in full.
            sort_ranked(&mut ranked);
            ranked.truncate(RESCORE * k);
            for r in &mut ranked {
                r.score = model.score(r.index, document);
            }
        }
        if ranked.len() < k {
            // Fewer candidates than asked: the rest share nothing with the document, complete
            // with them in index order as exhaustive ranking would.
            let mut next = 0;
            let mut extra = Vec::new();
            for p in 0..model.profiles.len() {
                if ranked.len() + extra.len() >= k {
                    break;
                }
                if touched.get(next) == Some(&(p as u32)) {
                    next += 1;
                    continue;
                }
                extra.push(Ranked {
                    index: p,
                    score: model.score(p, document),
                });
            }
            ranked.extend(extra);
        }
        sort_ranked(&mut ranked);
        ranked.truncate(k);
        ranked
    }
}
