//! Affinity: how well a person or team (a profile of their documents) fits a submission or need
//! (a document), as a score in 0..=1 with its reasons.
//!
//! The lexical model is TF-IDF with idf taken over the pool of all documents given (profile
//! documents and the documents to match), cosine similarity per profile document, aggregated
//! over the profile's documents and mixed with the similarity to the whole profile. Optional
//! dense vectors (computed elsewhere; the engine loads no model) are combined with the lexical
//! score; without them the lexical score is the score. Keywords and fields of a document that the
//! profile also lists add a matched-tags component.
//!
//! Every component is in 0..=1 and the score is a convex combination of them, so the score is in
//! 0..=1: 0 means nothing in common. Scores are comparable across profiles for one document and
//! across documents for one profile within one model.
//!
//! A document written in general words is close to everybody; what a person's ranking of
//! documents needs is how much closer they are than the pool. The relative score subtracts
//! (a share of) the document's baseline, its mean score over all profiles; it lies in -1..=1 and
//! ranks profiles for one document exactly as the score does.
use std::collections::{HashMap, HashSet};

use crate::text::Analyzer;

pub mod eval;
mod index;

/// A titled document: a submission, a need, or one piece of a profile (profile text, past
/// project, publication).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Body text sections (need statement, solution, abstract...), all weighted alike.
    pub sections: Vec<String>,
    pub keywords: Vec<String>,
    pub fields: Vec<String>,
    /// An optional dense vector (e.g. a sentence embedding) of the document. Only compared with
    /// vectors of the same length; need not be normalised.
    pub embedding: Option<Vec<f32>>,
}

impl Document {
    /// A document with one body section.
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: id.into(),
            title: title.into(),
            sections: if text.is_empty() { vec![] } else { vec![text] },
            ..Default::default()
        }
    }
}

/// The expertise of a person or team: their documents, plus keywords and fields they declare.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub id: String,
    pub documents: Vec<Document>,
    pub keywords: Vec<String>,
    pub fields: Vec<String>,
}

/// How per-document similarities of a profile are pooled into one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Aggregate {
    Max,
    /// Mean of the `m` highest.
    TopMean(usize),
    Mean,
    /// Softmax-weighted mean with inverse temperature `beta` (between Mean at 0 and Max).
    Softmax(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tf {
    /// Raw (weighted) count.
    Raw,
    /// ln(1 + count): repeated words count less and less.
    Log,
    /// BM25 saturation with the textbook k1 = 1.2, b = 0.75 (Robertson): counts saturate and
    /// long documents are discounted against the pool's mean length.
    Bm25,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idf {
    /// ln(N / df): a term in every document weighs nothing.
    Plain,
    /// ln(1 + N / df).
    Smooth,
}

/// How documents become term vectors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighting {
    /// Each title (and keyword/field) token counts this many times a body token.
    pub title_weight: f64,
    pub tf: Tf,
    pub idf: Idf,
    /// Weight of pairs of adjacent terms ("deep learning") relative to single terms; 0 = none.
    pub bigram_weight: f64,
}

/// How similarities become one score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Combine {
    pub aggregate: Aggregate,
    /// Share of the aggregated per-document similarity; the rest is the similarity to the whole
    /// profile taken as one document. In 0..=1.
    pub paper_mix: f64,
    /// Share of the dense similarity when both sides have vectors. In 0..=1.
    pub dense_weight: f64,
    /// Share of the matched keywords/fields when the document has any. In 0..=1.
    pub tag_weight: f64,
    /// Share of a document's pool baseline (its mean score over all profiles) subtracted in
    /// [`AffinityModel::relative_score`]. In 0..=1.
    pub centering: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub weighting: Weighting,
    pub combine: Combine,
}

impl Default for Params {
    /// Selected on the gold-standard dev half with `drx bench affinity --cv` (see
    /// docs/bench-affinity.md): the weighting and pooling by `--grid small` (and `full`), the
    /// dense share by `--grid dense` with all-MiniLM-L6-v2 vectors. `tag_weight` has no data to
    /// learn from yet and is a product choice: declared tags inform the score without overriding
    /// the text.
    fn default() -> Self {
        Params {
            weighting: Weighting {
                title_weight: 2.0,
                tf: Tf::Log,
                idf: Idf::Smooth,
                bigram_weight: 0.0,
            },
            combine: Combine {
                aggregate: Aggregate::Max,
                paper_mix: 0.5,
                dense_weight: 0.75,
                tag_weight: 0.2,
                centering: 0.0,
            },
        }
    }
}

/// Pools similarities; 0 for none.
pub fn aggregate(sims: &[f64], how: Aggregate) -> f64 {
    if sims.is_empty() {
        return 0.0;
    }
    match how {
        Aggregate::Max => sims.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Aggregate::Mean => sims.iter().sum::<f64>() / sims.len() as f64,
        Aggregate::TopMean(m) => {
            let mut s = sims.to_vec();
            s.sort_by(|a, b| b.total_cmp(a));
            let m = m.clamp(1, s.len());
            s[..m].iter().sum::<f64>() / m as f64
        }
        Aggregate::Softmax(beta) => {
            let top = sims.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let (mut num, mut den) = (0.0, 0.0);
            for &s in sims {
                let w = (beta * (s - top)).exp();
                num += w * s;
                den += w;
            }
            num / den
        }
    }
}

/// Weighted term counts of one document before tf and idf.
type Bag = HashMap<u32, f64>;

/// A sparse term vector: (term id, weight), sorted by term id, L2-normalised.
type SparseVec = Vec<(u32, f64)>;

/// Dot product of two sparse vectors, summed in increasing term order (the inverted index sums
/// in the same order, so both give bit-identical results).
fn dot(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn normalised(v: &[f32]) -> Option<Vec<f32>> {
    let n = v
        .iter()
        .map(|x| (*x as f64) * (*x as f64))
        .sum::<f64>()
        .sqrt();
    if n > 0.0 && n.is_finite() {
        Some(v.iter().map(|x| (*x as f64 / n) as f32).collect())
    } else {
        None
    }
}

/// Cosine of two unit vectors, negative values clipped to 0 so it lives in 0..=1 like the
/// lexical similarity; vectors of different lengths are unrelated (0).
fn dense_cos(a: &[f32], b: &[f32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    let s: f64 = a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum();
    s.clamp(0.0, 1.0)
}

/// A document after analysis: term ids per part, ready to be weighted.
#[derive(Debug, Clone)]
struct AnalyzedDoc {
    id: String,
    title: String,
    /// Unigram and bigram ids of the title and of the keywords/fields.
    head: (Vec<u32>, Vec<u32>),
    /// Unigram and bigram ids of the body sections.
    body: (Vec<u32>, Vec<u32>),
    /// (as written, normalised key) of each keyword and field.
    keywords: Vec<(String, String)>,
    fields: Vec<(String, String)>,
    embedding: Option<Vec<f32>>,
}

#[derive(Debug, Clone)]
struct AnalyzedProfile {
    id: String,
    docs: Vec<AnalyzedDoc>,
    /// Profile-level keywords and fields (ids, and their keys).
    head: (Vec<u32>, Vec<u32>),
    tag_keys: HashSet<String>,
}

/// Profiles and documents after text analysis, with their vocabulary. Analysis is the costly
/// step; an [`AffinityModel`] can be re-weighted without redoing it.
#[derive(Debug, Clone)]
pub struct AnalyzedCorpus {
    terms: Vec<String>,
    surfaces: Vec<String>,
    profiles: Vec<AnalyzedProfile>,
    documents: Vec<AnalyzedDoc>,
}

struct Interner {
    bigrams: bool,
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    surface_counts: Vec<HashMap<String, u32>>,
}

impl Interner {
    fn id(&mut self, term: &str, surface: &str) -> u32 {
        let id = match self.ids.get(term) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as u32;
                self.ids.insert(term.to_string(), id);
                self.terms.push(term.to_string());
                self.surface_counts.push(HashMap::new());
                id
            }
        };
        let counts = &mut self.surface_counts[id as usize];
        match counts.get_mut(surface) {
            Some(c) => *c += 1,
            None => {
                counts.insert(surface.to_string(), 1);
            }
        }
        id
    }

    /// Unigram and adjacent-pair ids of a text.
    fn text(&mut self, analyzer: &Analyzer, text: &str, out: &mut (Vec<u32>, Vec<u32>)) {
        let toks = analyzer.analyze(text);
        for t in &toks {
            let id = self.id(&t.term, &t.surface);
            out.0.push(id);
        }
        if !self.bigrams {
            return;
        }
        for w in toks.windows(2) {
            let term = format!("{} {}", w[0].term, w[1].term);
            let surface = format!("{} {}", w[0].surface, w[1].surface);
            let id = self.id(&term, &surface);
            out.1.push(id);
        }
    }

    fn doc(&mut self, analyzer: &Analyzer, d: &Document) -> AnalyzedDoc {
        let mut head = (Vec::new(), Vec::new());
        let mut body = (Vec::new(), Vec::new());
        self.text(analyzer, &d.title, &mut head);
        let keywords = self.tags(analyzer, &d.keywords, &mut head);
        let fields = self.tags(analyzer, &d.fields, &mut head);
        for s in &d.sections {
            self.text(analyzer, s, &mut body);
        }
        AnalyzedDoc {
            id: d.id.clone(),
            title: d.title.clone(),
            head,
            body,
            keywords,
            fields,
            embedding: d.embedding.as_deref().and_then(normalised),
        }
    }

    fn tags(
        &mut self,
        analyzer: &Analyzer,
        tags: &[String],
        head: &mut (Vec<u32>, Vec<u32>),
    ) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in tags {
            self.text(analyzer, t, head);
            let key = tag_key(analyzer, t);
            if !key.is_empty() {
                out.push((t.clone(), key));
            }
        }
        out
    }
}

/// The normalised form of a keyword or field: its analyzed terms, so "Rehabilitation robots"
/// and "rehabilitation robot" match.
fn tag_key(analyzer: &Analyzer, tag: &str) -> String {
    analyzer.terms(tag).join(" ")
}

impl AnalyzedCorpus {
    /// Analyzes profiles and the documents to be matched against them. The idf of the model is
    /// taken over all these documents together.
    pub fn new(analyzer: &Analyzer, profiles: &[Profile], documents: &[Document]) -> Self {
        Self::build(analyzer, profiles, documents, true)
    }

    /// Like [`AnalyzedCorpus::new`] without the pairs of adjacent terms, which take memory on
    /// large pools and only count when `bigram_weight` is above 0 (it is 0 by default).
    pub fn unigrams(analyzer: &Analyzer, profiles: &[Profile], documents: &[Document]) -> Self {
        Self::build(analyzer, profiles, documents, false)
    }

    fn build(
        analyzer: &Analyzer,
        profiles: &[Profile],
        documents: &[Document],
        bigrams: bool,
    ) -> Self {
        let mut inter = Interner {
            bigrams,
            ids: HashMap::new(),
            terms: Vec::new(),
            surface_counts: Vec::new(),
        };
        let profiles = profiles
            .iter()
            .map(|p| {
                let docs: Vec<AnalyzedDoc> =
                    p.documents.iter().map(|d| inter.doc(analyzer, d)).collect();
                let mut head = (Vec::new(), Vec::new());
                let kw = inter.tags(analyzer, &p.keywords, &mut head);
                let fl = inter.tags(analyzer, &p.fields, &mut head);
                let mut tag_keys: HashSet<String> = kw.into_iter().chain(fl).map(|t| t.1).collect();
                for d in &docs {
                    tag_keys.extend(d.keywords.iter().chain(&d.fields).map(|t| t.1.clone()));
                }
                AnalyzedProfile {
                    id: p.id.clone(),
                    docs,
                    head,
                    tag_keys,
                }
            })
            .collect();
        let documents = documents.iter().map(|d| inter.doc(analyzer, d)).collect();
        // The most frequent way a term was written names it in reasons (ties: the first in
        // alphabetical order, so the choice does not depend on hashing).
        let surfaces = inter
            .surface_counts
            .iter()
            .map(|m| {
                m.iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(s, _)| s.clone())
                    .unwrap_or_default()
            })
            .collect();
        AnalyzedCorpus {
            terms: inter.terms,
            surfaces,
            profiles,
            documents,
        }
    }
}

/// A profile ranked for a document (or a document for a profile).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub index: usize,
    pub score: f64,
}

/// A shared term and how much it adds to the similarity with the whole profile.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTerm {
    /// The readable word (or two words) as most often written.
    pub surface: String,
    /// The matching key (stem).
    pub term: String,
    pub weight: f64,
}

/// The profile's document closest to the matched document.
#[derive(Debug, Clone, PartialEq)]
pub struct NearestWork {
    /// Index in the profile's `documents`.
    pub index: usize,
    pub id: String,
    pub title: String,
    pub similarity: f64,
}

/// A score with its reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// In 0..=1.
    pub score: f64,
    /// The document's mean score over all profiles.
    pub baseline: f64,
    /// See [`AffinityModel::relative_score`].
    pub relative: f64,
    /// The lexical similarity, in 0..=1.
    pub lexical: f64,
    /// The dense similarity when both sides had vectors, in 0..=1.
    pub dense: Option<f64>,
    /// Highest-weighing shared terms first.
    pub shared_terms: Vec<SharedTerm>,
    /// The document's keywords and fields (as written in the document) the profile also has.
    pub matched_keywords: Vec<String>,
    pub matched_fields: Vec<String>,
    pub nearest_work: Option<NearestWork>,
}

/// Raw similarities of one (profile, document) pair, before combination; exposed so that
/// benchmarks can try many [`Combine`] settings without recomputing them.
#[derive(Debug, Clone, PartialEq)]
pub struct Similarities {
    /// Cosine with each profile document.
    pub per_document: Vec<f64>,
    /// Cosine with the whole profile as one document.
    pub whole: f64,
    /// Dense cosine with each profile document that has a vector, and with their mean; None
    /// unless both sides have vectors.
    pub dense: Option<(Vec<f64>, f64)>,
    /// Share of the document's keywords and fields matched by the profile; None if it has none.
    pub tags: Option<f64>,
}

impl Similarities {
    /// The score in 0..=1.
    pub fn combine(&self, c: &Combine) -> f64 {
        let content = self.content(c);
        let score = match self.tags {
            Some(t) => (1.0 - c.tag_weight) * content + c.tag_weight * t,
            None => content,
        };
        score.clamp(0.0, 1.0)
    }

    fn lexical(&self, c: &Combine) -> f64 {
        c.paper_mix * aggregate(&self.per_document, c.aggregate) + (1.0 - c.paper_mix) * self.whole
    }

    fn dense_part(&self, c: &Combine) -> Option<f64> {
        self.dense.as_ref().map(|(per, whole)| {
            c.paper_mix * aggregate(per, c.aggregate) + (1.0 - c.paper_mix) * whole
        })
    }

    fn content(&self, c: &Combine) -> f64 {
        let lex = self.lexical(c);
        match self.dense_part(c) {
            Some(d) => (1.0 - c.dense_weight) * lex + c.dense_weight * d,
            None => lex,
        }
    }
}

#[derive(Debug, Clone)]
struct ProfileVecs {
    docs: Vec<SparseVec>,
    whole: SparseVec,
    /// (index of the profile document, its unit vector) for documents with vectors.
    dense_docs: Vec<(usize, Vec<f32>)>,
    dense_whole: Option<Vec<f32>>,
}

/// Profiles and documents weighted into vectors, with an inverted index over the profiles.
#[derive(Debug, Clone)]
pub struct AffinityModel {
    corpus: AnalyzedCorpus,
    params: Params,
    profiles: Vec<ProfileVecs>,
    documents: Vec<SparseVec>,
    index: index::ProfileIndex,
    /// Mean score of each document over all profiles, computed on first need.
    baselines: std::sync::OnceLock<Vec<f64>>,
}

impl AffinityModel {
    /// Analyzes and weights in one go.
    pub fn build(
        analyzer: &Analyzer,
        profiles: &[Profile],
        documents: &[Document],
        params: Params,
    ) -> Self {
        Self::new(AnalyzedCorpus::new(analyzer, profiles, documents), params)
    }

    pub fn new(corpus: AnalyzedCorpus, params: Params) -> Self {
        let mut m = AffinityModel {
            corpus,
            params,
            profiles: Vec::new(),
            documents: Vec::new(),
            index: index::ProfileIndex::default(),
            baselines: std::sync::OnceLock::new(),
        };
        m.set_params(params);
        m
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Re-weights the vectors (no re-analysis) and rebuilds the index.
    pub fn set_params(&mut self, params: Params) {
        let w = params.weighting;
        let c = &self.corpus;
        let bag = |d: &AnalyzedDoc, into: &mut HashMap<u32, f64>| {
            add_part(&d.head, w.title_weight, w.bigram_weight, into);
            add_part(&d.body, 1.0, w.bigram_weight, into);
        };
        let mut prof_bags: Vec<(Vec<Bag>, Bag)> = Vec::new();
        let mut doc_bags: Vec<HashMap<u32, f64>> = Vec::new();
        let mut df = vec![0u32; c.terms.len()];
        let mut n = 0usize;
        let count = |b: &HashMap<u32, f64>, df: &mut Vec<u32>| {
            for (&t, &x) in b {
                if x > 0.0 {
                    df[t as usize] += 1;
                }
            }
        };
        for p in &c.profiles {
            let mut whole = HashMap::new();
            let mut docs = Vec::with_capacity(p.docs.len());
            for d in &p.docs {
                let mut b = HashMap::new();
                bag(d, &mut b);
                count(&b, &mut df);
                n += 1;
                for (&t, &x) in &b {
                    *whole.entry(t).or_insert(0.0) += x;
                }
                docs.push(b);
            }
            add_part(&p.head, w.title_weight, w.bigram_weight, &mut whole);
            prof_bags.push((docs, whole));
        }
        for d in &c.documents {
            let mut b = HashMap::new();
            bag(d, &mut b);
            count(&b, &mut df);
            n += 1;
            doc_bags.push(b);
        }
        let n = n.max(1) as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| {
                // Terms only in profile-level tags are in no pooled document: treat them as rare.
                let d = d.max(1) as f64;
                match w.idf {
                    Idf::Plain => (n / d).ln().max(0.0),
                    Idf::Smooth => (1.0 + n / d).ln(),
                }
            })
            .collect();
        let length = |b: &Bag| b.values().sum::<f64>();
        let pooled: Vec<f64> = prof_bags
            .iter()
            .flat_map(|(docs, _)| docs.iter().map(length))
            .chain(doc_bags.iter().map(length))
            .collect();
        let mean_length = if pooled.is_empty() {
            1.0
        } else {
            pooled.iter().sum::<f64>() / pooled.len() as f64
        };
        let vec_of = |b: &HashMap<u32, f64>| -> SparseVec {
            let (k1, bb) = (1.2, 0.75);
            let norm = k1 * (1.0 - bb + bb * length(b) / mean_length.max(f64::MIN_POSITIVE));
            let mut v: SparseVec = b
                .iter()
                .map(|(&t, &x)| {
                    let tf = match w.tf {
                        Tf::Raw => x,
                        Tf::Log => x.ln_1p(),
                        Tf::Bm25 => x * (k1 + 1.0) / (x + norm),
                    };
                    (t, tf * idf[t as usize])
                })
                .filter(|(_, x)| *x > 0.0)
                .collect();
            v.sort_by_key(|(t, _)| *t);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for e in &mut v {
                    e.1 /= norm;
                }
            }
            v
        };
        self.profiles = prof_bags
            .iter()
            .zip(&c.profiles)
            .map(|((docs, whole), ap)| {
                let dense_docs: Vec<(usize, Vec<f32>)> = ap
                    .docs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| d.embedding.clone().map(|e| (i, e)))
                    .collect();
                let dense_whole = mean_vector(dense_docs.iter().map(|(_, e)| e.as_slice()));
                ProfileVecs {
                    docs: docs.iter().map(vec_of).collect(),
                    whole: vec_of(whole),
                    dense_docs,
                    dense_whole,
                }
            })
            .collect();
        self.documents = doc_bags.iter().map(vec_of).collect();
        self.params = params;
        self.index = index::ProfileIndex::build(c.terms.len(), &self.profiles, &c.profiles);
        self.baselines = std::sync::OnceLock::new();
    }

    pub fn profile_count(&self) -> usize {
        self.profiles.len()
    }

    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    pub fn profile_id(&self, profile: usize) -> &str {
        &self.corpus.profiles[profile].id
    }

    pub fn document_id(&self, document: usize) -> &str {
        &self.corpus.documents[document].id
    }

    /// The raw similarities of a pair (see [`Similarities`]).
    pub fn similarities(&self, profile: usize, document: usize) -> Similarities {
        let p = &self.profiles[profile];
        let q = &self.documents[document];
        let per_document = p.docs.iter().map(|d| dot(q, d)).collect();
        let whole = dot(q, &p.whole);
        self.finish_similarities(profile, document, per_document, whole)
    }

    /// Adds the dense and tag parts, shared by exhaustive scoring and the index.
    fn finish_similarities(
        &self,
        profile: usize,
        document: usize,
        per_document: Vec<f64>,
        whole: f64,
    ) -> Similarities {
        let p = &self.profiles[profile];
        let ad = &self.corpus.documents[document];
        let dense = match (&ad.embedding, &p.dense_whole) {
            (Some(e), Some(w)) => Some((
                p.dense_docs.iter().map(|(_, d)| dense_cos(e, d)).collect(),
                dense_cos(e, w),
            )),
            _ => None,
        };
        let keys = &self.corpus.profiles[profile].tag_keys;
        let tags: Vec<&String> = ad.keywords.iter().chain(&ad.fields).map(|t| &t.1).collect();
        let tags = if tags.is_empty() {
            None
        } else {
            let uniq: HashSet<&String> = tags.into_iter().collect();
            Some(uniq.iter().filter(|k| keys.contains(**k)).count() as f64 / uniq.len() as f64)
        };
        Similarities {
            per_document,
            whole,
            dense,
            tags,
        }
    }

    /// The affinity of a profile for a document, in 0..=1.
    pub fn score(&self, profile: usize, document: usize) -> f64 {
        self.similarities(profile, document)
            .combine(&self.params.combine)
    }

    /// The similarities of every profile to a document, in profile order, through the inverted
    /// index (bit-identical to [`AffinityModel::similarities`] pair by pair).
    pub fn all_similarities(&self, document: usize) -> Vec<Similarities> {
        self.index.all_similarities(self, document)
    }

    /// The score of every profile for a document, in profile order.
    pub fn all_scores(&self, document: usize) -> Vec<f64> {
        let c = &self.params.combine;
        self.all_similarities(document)
            .iter()
            .map(|s| s.combine(c))
            .collect()
    }

    /// The document's mean score over all profiles (0 when there are none). Costs about one
    /// [`AffinityModel::top_profiles`]: only profiles sharing something with the document are
    /// scored (plus, with dense vectors, every profile's dense part).
    pub fn baseline(&self, document: usize) -> f64 {
        match self.baselines.get() {
            Some(all) => all[document],
            None => self.index.baseline(self, document),
        }
    }

    /// The baselines of all documents, computed together once (as costly as retrieving the
    /// top profiles of every document) and kept for [`AffinityModel::relative_score`].
    fn baselines(&self) -> &[f64] {
        self.baselines.get_or_init(|| {
            (0..self.documents.len())
                .map(|d| self.index.baseline(self, d))
                .collect()
        })
    }

    /// The score minus `centering` times the document's baseline, in -1..=1: how much better
    /// this profile fits the document than the pool does on average. Use it to rank documents
    /// for one profile.
    pub fn relative_score(&self, profile: usize, document: usize) -> f64 {
        let c = self.params.combine.centering;
        if c == 0.0 {
            return self.score(profile, document);
        }
        self.score(profile, document) - c * self.baselines()[document]
    }

    /// The score with its reasons; `max_terms` shared terms at most.
    pub fn explain(&self, profile: usize, document: usize, max_terms: usize) -> Explanation {
        self.explain_with_baseline(profile, document, max_terms, self.baseline(document))
    }

    fn explain_with_baseline(
        &self,
        profile: usize,
        document: usize,
        max_terms: usize,
        baseline: f64,
    ) -> Explanation {
        let c = &self.params.combine;
        let sims = self.similarities(profile, document);
        let p = &self.profiles[profile];
        let q = &self.documents[document];
        let mut shared = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < q.len() && j < p.whole.len() {
            match q[i].0.cmp(&p.whole[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = q[i].0 as usize;
                    shared.push(SharedTerm {
                        surface: self.corpus.surfaces[t].clone(),
                        term: self.corpus.terms[t].clone(),
                        weight: q[i].1 * p.whole[j].1,
                    });
                    i += 1;
                    j += 1;
                }
            }
        }
        shared.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.term.cmp(&b.term))
        });
        shared.truncate(max_terms);

        // Nearest past work: per document, the same mix of lexical and dense as the score.
        let mut per: Vec<f64> = sims.per_document.clone();
        if let Some((dense, _)) = &sims.dense {
            for ((k, _), d) in p.dense_docs.iter().zip(dense) {
                per[*k] = (1.0 - c.dense_weight) * per[*k] + c.dense_weight * d;
            }
        }
        let ap = &self.corpus.profiles[profile];
        let nearest_work = per
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(k, s)| NearestWork {
                index: k,
                id: ap.docs[k].id.clone(),
                title: ap.docs[k].title.clone(),
                similarity: *s,
            });
        let ad = &self.corpus.documents[document];
        let matched = |tags: &[(String, String)]| -> Vec<String> {
            tags.iter()
                .filter(|t| ap.tag_keys.contains(&t.1))
                .map(|t| t.0.clone())
                .collect()
        };
        let score = sims.combine(c);
        Explanation {
            score,
            baseline,
            relative: score - c.centering * baseline,
            lexical: sims.lexical(c),
            dense: sims.dense_part(c),
            shared_terms: shared,
            matched_keywords: matched(&ad.keywords),
            matched_fields: matched(&ad.fields),
            nearest_work,
        }
    }

    /// The `k` profiles with the highest score for a document, best first (ties: lower index
    /// first). Uses the inverted index: only profiles sharing a term or a tag with the document
    /// are scored. Exact when no dense vectors are in play (it returns what scoring every
    /// profile would); with vectors, profiles sharing nothing lexically are not considered.
    pub fn top_profiles(&self, document: usize, k: usize) -> Vec<Ranked> {
        self.index.top_profiles(self, document, k, None)
    }

    /// Like [`AffinityModel::top_profiles`] but ranks candidates by the document's `max_terms`
    /// heaviest terms only, then scores the best `4 * k` of them in full: faster on long documents
    /// and large pools, at the price of possibly missing a profile that matches mostly on light
    /// terms. Exact when `max_terms` covers all the document's terms.
    pub fn top_profiles_pruned(&self, document: usize, k: usize, max_terms: usize) -> Vec<Ranked> {
        self.index.top_profiles(self, document, k, Some(max_terms))
    }

    /// [`AffinityModel::top_profiles`] with the reasons of each (`max_terms` shared terms at
    /// most): what an organizer sees for one submission.
    pub fn top_profiles_explained(
        &self,
        document: usize,
        k: usize,
        max_terms: usize,
    ) -> Vec<(Ranked, Explanation)> {
        let baseline = self.baseline(document);
        self.top_profiles(document, k)
            .into_iter()
            .map(|r| {
                (
                    r,
                    self.explain_with_baseline(r.index, document, max_terms, baseline),
                )
            })
            .collect()
    }

    /// [`AffinityModel::top_documents`] with the reasons of each: what a judge or team sees.
    pub fn top_documents_explained(
        &self,
        profile: usize,
        k: usize,
        max_terms: usize,
    ) -> Vec<(Ranked, Explanation)> {
        self.top_documents(profile, k)
            .into_iter()
            .map(|r| (r, self.explain(profile, r.index, max_terms)))
            .collect()
    }

    /// Index of the profile with this id (the first one if ids repeat).
    pub fn profile_index(&self, id: &str) -> Option<usize> {
        self.corpus.profiles.iter().position(|p| p.id == id)
    }

    /// Index of the document with this id (the first one if ids repeat).
    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.corpus.documents.iter().position(|d| d.id == id)
    }

    /// The `k` documents that fit a profile best by [`AffinityModel::relative_score`] (which is
    /// the `score` of the returned rows), best first (ties: lower index first). Scores every
    /// document: linear in the number of documents.
    pub fn top_documents(&self, profile: usize, k: usize) -> Vec<Ranked> {
        let mut all: Vec<Ranked> = (0..self.documents.len())
            .map(|d| Ranked {
                index: d,
                score: self.relative_score(profile, d),
            })
            .collect();
        sort_ranked(&mut all);
        all.truncate(k);
        all
    }
}

fn sort_ranked(v: &mut [Ranked]) {
    v.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.index.cmp(&b.index))
    });
}

fn add_part(
    part: &(Vec<u32>, Vec<u32>),
    weight: f64,
    bigram_weight: f64,
    into: &mut HashMap<u32, f64>,
) {
    if weight <= 0.0 {
        return;
    }
    for &t in &part.0 {
        *into.entry(t).or_insert(0.0) += weight;
    }
    if bigram_weight > 0.0 {
        for &t in &part.1 {
            *into.entry(t).or_insert(0.0) += weight * bigram_weight;
        }
    }
}

fn mean_vector<'a>(vs: impl Iterator<Item = &'a [f32]>) -> Option<Vec<f32>> {
    let mut sum: Option<Vec<f64>> = None;
    for v in vs {
        match &mut sum {
            None => sum = Some(v.iter().map(|x| *x as f64).collect()),
            Some(s) if s.len() == v.len() => {
                for (a, b) in s.iter_mut().zip(v) {
                    *a += *b as f64;
                }
            }
            Some(_) => {}
        }
    }
    let s: Vec<f32> = sum?.into_iter().map(|x| x as f32).collect();
    normalised(&s)
}

#[cfg(test)]
mod tests;
