//! `drx bench affinity`: the affinity model on the gold-standard reviewer-expertise layout
//! (d_20_1..d_20_10 with archives/~<id>.jsonl and submissions.json, evaluations.csv), writing the
//! evaluator's prediction files and printing the loss.
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use drx_engine::affinity::eval::{self, ConfigParts, Predictions, Ratings};
use drx_engine::affinity::{
    AffinityModel, Aggregate, AnalyzedCorpus, Combine, Document, Idf, Params, Profile,
    Similarities, Tf, Weighting,
};
use drx_engine::text::Analyzer;
use serde_json::Value;

#[derive(clap::Args)]
pub struct AffinityArgs {
    /// Dataset folder in the gold-standard layout.
    #[arg(long)]
    dataset: PathBuf,
    /// Folder for pred_d_20_<x>.json.
    #[arg(long)]
    out: PathBuf,
    /// Also search a grid of weightings and poolings, selecting by cross-validation over
    /// participants (5-fold and leave-one-participant-out); needs evaluations.csv.
    #[arg(long)]
    cv: bool,
    /// Precomputed dense vectors: a JSON object {paper_id: [numbers]} for archive and submission
    /// papers; papers without one are matched lexically only.
    #[arg(long)]
    vectors: Option<PathBuf>,
    /// Share of the dense similarity when vectors are given (default: the engine's).
    #[arg(long)]
    dense_weight: Option<f64>,
    /// With --cv: which grid of configurations.
    #[arg(long, value_enum, default_value = "small")]
    grid: Grid,
    /// With --cv: write every configuration's per-sample, per-participant loss parts as JSON.
    #[arg(long)]
    grid_out: Option<PathBuf>,
}

struct Sample {
    name: String,
    profiles: Vec<Profile>,
    documents: Vec<Document>,
}

fn paper(record: &Value) -> Result<Document> {
    let id = record
        .get("id")
        .and_then(Value::as_str)
        .context("paper without id")?;
    let content = record.get("content").context("paper without content")?;
    let text = |k: &str| {
        content
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Ok(Document::new(id, text("title"), text("abstract")))
}

fn read_sample(dir: &Path, vectors: &HashMap<String, Vec<f32>>) -> Result<Sample> {
    let mut profiles = Vec::new();
    let mut names: Vec<PathBuf> = fs::read_dir(dir.join("archives"))
        .with_context(|| format!("reading {}", dir.join("archives").display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    names.sort();
    for path in names {
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".jsonl"))
        else {
            continue;
        };
        let id = stem.trim_start_matches('~').to_string();
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let mut documents = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line)
                .with_context(|| format!("parsing {}", path.display()))?;
            documents.push(paper(&v)?);
        }
        profiles.push(Profile {
            id,
            documents,
            ..Default::default()
        });
    }
    let subs_path = dir.join("submissions.json");
    let subs: BTreeMap<String, Value> = serde_json::from_str(
        &fs::read_to_string(&subs_path)
            .with_context(|| format!("reading {}", subs_path.display()))?,
    )
    .with_context(|| format!("parsing {}", subs_path.display()))?;
    let mut documents = Vec::new();
    for (id, v) in &subs {
        let mut d = paper(v).unwrap_or_else(|_| Document::new(id.clone(), "", ""));
        d.id = id.clone();
        documents.push(d);
    }
    for d in profiles
        .iter_mut()
        .flat_map(|p| p.documents.iter_mut())
        .chain(documents.iter_mut())
    {
        d.embedding = vectors.get(&d.id).cloned();
    }
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("sample")
        .to_string();
    Ok(Sample {
        name,
        profiles,
        documents,
    })
}

fn sample_dirs(dataset: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<(u32, PathBuf)> = Vec::new();
    for e in fs::read_dir(dataset).with_context(|| format!("reading {}", dataset.display()))? {
        let path = e?.path();
        let n = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("d_20_"));
        if let (Some(n), true) = (n.and_then(|n| n.parse().ok()), path.is_dir()) {
            dirs.push((n, path));
        }
    }
    dirs.sort();
    if dirs.is_empty() {
        bail!("no d_20_<x> folders in {}", dataset.display());
    }
    Ok(dirs.into_iter().map(|(_, p)| p).collect())
}

/// Relative scores: the evaluator compares papers for one participant, which is what
/// `relative_score` is for.
fn predictions(model: &AffinityModel) -> Predictions {
    let mut out = Predictions::new();
    for p in 0..model.profile_count() {
        let row = (0..model.document_count())
            .map(|d| (model.document_id(d).to_string(), model.relative_score(p, d)))
            .collect();
        out.insert(model.profile_id(p).to_string(), row);
    }
    out
}

pub fn run(args: AffinityArgs) -> Result<()> {
    let started = Instant::now();
    let vectors: HashMap<String, Vec<f32>> = match &args.vectors {
        Some(path) => serde_json::from_str(
            &fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
        )
        .with_context(|| format!("parsing {}", path.display()))?,
        None => HashMap::new(),
    };
    let ratings = match fs::read_to_string(args.dataset.join("evaluations.csv")) {
        Ok(text) => Some(Ratings::from_tsv(&text)?),
        Err(_) => None,
    };
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let analyzer = Analyzer::new();
    let mut params = Params::default();
    if let Some(w) = args.dense_weight {
        params.combine.dense_weight = w;
    }
    let mut files = Vec::new();
    let mut corpora = Vec::new();
    for dir in sample_dirs(&args.dataset)? {
        let sample = read_sample(&dir, &vectors)?;
        let corpus = AnalyzedCorpus::new(&analyzer, &sample.profiles, &sample.documents);
        let model = AffinityModel::new(corpus.clone(), params);
        let preds = predictions(&model);
        let out = args.out.join(format!("pred_{}.json", sample.name));
        fs::write(&out, serde_json::to_string(&preds)?)
            .with_context(|| format!("writing {}", out.display()))?;
        if let Some(r) = &ratings {
            println!("{}: {:.4}", out.display(), eval::loss(r, &preds)?);
        }
        files.push(preds);
        if args.cv {
            corpora.push(corpus);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "samples={} vectors={} time={elapsed:.2}s",
        files.len(),
        vectors.len()
    );
    let Some(ratings) = ratings else {
        println!("no evaluations.csv: predictions written, no loss");
        return Ok(());
    };
    if args.cv {
        cross_validate(
            &ratings,
            &corpora,
            params,
            args.grid,
            !vectors.is_empty(),
            args.grid_out.as_deref(),
        )?;
    }
    println!(
        "participants={} files={}",
        ratings.participants.len(),
        files.len()
    );
    println!("loss={:.4}", eval::mean_loss(&ratings, &files)?);
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Grid {
    /// 18 configurations: term frequency raw, sublinear or BM25, centering on the pool baseline
    /// or not, and the whole profile, its best-matching papers (max) or half of each; everything
    /// else at the engine defaults (times 5 dense shares with --vectors).
    Small,
    /// Only the share of the dense similarity (0, 0.25, 0.5, 0.75, 1; needs --vectors), the
    /// lexical model at the engine defaults.
    Dense,
    /// 756 configurations: also title weight 1/2/3, idf plain/smooth, word pairs 0/0.5, and
    /// max/mean/softmax pooling.
    Full,
}

/// The configurations searched by --cv: the ideas of a TF-IDF model (title weighting, sublinear
/// tf, idf form, word pairs), pooling over a profile's papers (max, mean, softmax; mixed with the
/// whole profile), and centering on the pool baseline.
fn grid(base: Params, which: Grid, dense: bool) -> (Vec<Weighting>, Vec<Combine>) {
    if which == Grid::Dense {
        let cs = [0.0, 0.25, 0.5, 0.75, 1.0]
            .into_iter()
            .map(|dense_weight| Combine {
                dense_weight,
                ..base.combine
            })
            .collect();
        return (vec![base.weighting], cs);
    }
    let full = which == Grid::Full;
    let pick = |all: Vec<f64>, default: f64| if full { all } else { vec![default] };
    let bw = base.weighting;
    let mut ws = Vec::new();
    for title_weight in pick(vec![1.0, 2.0, 3.0], bw.title_weight) {
        for tf in [Tf::Raw, Tf::Log, Tf::Bm25] {
            for idf in if full {
                vec![Idf::Plain, Idf::Smooth]
            } else {
                vec![bw.idf]
            } {
                for bigram_weight in pick(vec![0.0, 0.5], bw.bigram_weight) {
                    ws.push(Weighting {
                        title_weight,
                        tf,
                        idf,
                        bigram_weight,
                    });
                }
            }
        }
    }
    let aggregates = if full {
        vec![Aggregate::Max, Aggregate::Mean, Aggregate::Softmax(10.0)]
    } else {
        vec![Aggregate::Max]
    };
    // With vectors, the share of the dense similarity is searched too.
    let dense_weights = if dense {
        vec![0.0, 0.25, 0.5, 0.75, 1.0]
    } else {
        vec![base.combine.dense_weight]
    };
    let mut cs = Vec::new();
    for &dense_weight in &dense_weights {
        for centering in if full {
            vec![0.0, 0.5, 1.0]
        } else {
            vec![0.0, 1.0]
        } {
            for &aggregate in &aggregates {
                for paper_mix in [0.0, 0.5, 1.0] {
                    // With no share for the papers the pooling does not matter: keep one.
                    if paper_mix == 0.0 && aggregate != aggregates[0] {
                        continue;
                    }
                    cs.push(Combine {
                        aggregate,
                        paper_mix,
                        centering,
                        dense_weight,
                        ..base.combine
                    });
                }
            }
        }
    }
    (ws, cs)
}

/// Grid search with selection by cross-validation over participants; prints in-sample and
/// cross-validated losses.
fn cross_validate(
    ratings: &Ratings,
    corpora: &[AnalyzedCorpus],
    base: Params,
    which: Grid,
    dense: bool,
    grid_out: Option<&Path>,
) -> Result<()> {
    let started = Instant::now();
    let (ws, cs) = grid(base, which, dense);
    // parts[weighting * cs.len() + combine][sample][participant]
    let mut parts: Vec<ConfigParts> = vec![Vec::new(); ws.len() * cs.len()];
    for corpus in corpora {
        let mut model = AffinityModel::new(corpus.clone(), base);
        let pidx: HashMap<&str, usize> = (0..model.profile_count())
            .map(|p| (model.profile_id(p), p))
            .collect();
        let rows: Vec<usize> = ratings
            .participants
            .iter()
            .map(|(person, _)| {
                pidx.get(person.as_str())
                    .copied()
                    .with_context(|| format!("no archive for participant {person}"))
            })
            .collect::<Result<_>>()?;
        let papers: Vec<String> = (0..model.document_count())
            .map(|d| model.document_id(d).to_string())
            .collect();
        for (wi, w) in ws.iter().enumerate() {
            model.set_params(Params {
                weighting: *w,
                combine: base.combine,
            });
            // sims[document][profile]
            let sims: Vec<Vec<Similarities>> = (0..model.document_count())
                .map(|d| model.all_similarities(d))
                .collect();
            for (ci, c) in cs.iter().enumerate() {
                let scores: Vec<Vec<f64>> = sims
                    .iter()
                    .map(|row| row.iter().map(|s| s.combine(c)).collect())
                    .collect();
                let baseline: Vec<f64> = scores
                    .iter()
                    .map(|row| row.iter().sum::<f64>() / row.len().max(1) as f64)
                    .collect();
                let mut sample_parts = Vec::with_capacity(rows.len());
                for ((person, rated), &p) in ratings.participants.iter().zip(&rows) {
                    let predicted: HashMap<String, f64> = papers
                        .iter()
                        .enumerate()
                        .map(|(d, id)| (id.clone(), scores[d][p] - c.centering * baseline[d]))
                        .collect();
                    sample_parts.push(eval::participant_parts(person, rated, &predicted)?);
                }
                parts[wi * cs.len() + ci].push(sample_parts);
            }
        }
    }
    let describe = |i: usize| {
        let (w, c) = (ws[i / cs.len()], cs[i % cs.len()]);
        format!(
            "title_weight={} tf={:?} idf={:?} bigram_weight={} aggregate={:?} paper_mix={} centering={} dense_weight={}",
            w.title_weight, w.tf, w.idf, w.bigram_weight, c.aggregate, c.paper_mix, c.centering, c.dense_weight
        )
    };
    if let Some(path) = grid_out {
        let rows: Vec<Value> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| serde_json::json!({"config": describe(i), "parts": p}))
            .collect();
        fs::write(path, serde_json::to_string(&rows)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let participants = ratings.participants.len();
    let five = eval::cross_validate(&parts, 5);
    let loo = eval::cross_validate(&parts, participants);
    let mut ranked: Vec<(f64, usize)> = (0..parts.len())
        .map(|i| {
            let samples = &parts[i];
            let l = samples
                .iter()
                .map(|s| {
                    let (w, t) = s.iter().fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
                    if t > 0.0 {
                        w / t
                    } else {
                        0.0
                    }
                })
                .sum::<f64>()
                / samples.len().max(1) as f64;
            (l, i)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    println!(
        "grid: {} configurations x {} samples in {:.2}s",
        parts.len(),
        corpora.len(),
        started.elapsed().as_secs_f64()
    );
    for (l, i) in ranked.iter().take(5) {
        println!("  in-sample {l:.4}  {}", describe(*i));
    }
    println!(
        "selected on all participants: {}",
        describe(five.in_sample_choice)
    );
    println!("in-sample loss={:.4}", five.in_sample_loss);
    println!(
        "5-fold cv loss={:.4} (fold choices: {})",
        five.cv_loss,
        five.fold_choices
            .iter()
            .map(|&i| describe(i))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let mut distinct = loo.fold_choices.clone();
    distinct.sort();
    distinct.dedup();
    println!(
        "leave-one-participant-out cv loss={:.4} ({} distinct choices)",
        loo.cv_loss,
        distinct.len()
    );
    Ok(())
}

#[derive(clap::Args)]
pub struct ScaleArgs {
    /// Synthetic profiles.
    #[arg(long, default_value_t = 20_000)]
    profiles: usize,
    /// Documents per profile.
    #[arg(long, default_value_t = 5)]
    profile_docs: usize,
    /// Synthetic documents to match (each one is a top-k query).
    #[arg(long, default_value_t = 2_000)]
    documents: usize,
    /// Words per document.
    #[arg(long, default_value_t = 80)]
    words: usize,
    #[arg(long, default_value_t = 10)]
    k: usize,
    /// Terms kept by the pruned retrieval.
    #[arg(long, default_value_t = 16)]
    max_terms: usize,
    /// Queries also ranked by scoring every profile, to compare.
    #[arg(long, default_value_t = 20)]
    exhaustive: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Deterministic xorshift generator: the synthetic pool is the same for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words follow a Zipf law over a 50,000-word vocabulary; half of a text's words come from its
/// topic (one of 500 slices of the vocabulary), so profiles and documents have something to find.
struct Synth {
    cumulative: Vec<f64>,
    rng: Rng,
}

impl Synth {
    const VOCABULARY: usize = 50_000;
    const TOPICS: usize = 500;

    fn new(seed: u64) -> Self {
        let mut acc = 0.0;
        let cumulative = (1..=Self::VOCABULARY)
            .map(|r| {
                acc += 1.0 / r as f64;
                acc
            })
            .collect();
        Synth {
            cumulative,
            rng: Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
        }
    }

    fn text(&mut self, topic: usize, words: usize) -> String {
        let total = *self.cumulative.last().unwrap();
        let slice = Self::VOCABULARY / Self::TOPICS;
        let mut out = Vec::with_capacity(words);
        for _ in 0..words {
            let w = if self.rng.unit() < 0.5 {
                topic * slice + (self.rng.next() as usize % slice)
            } else {
                let x = self.rng.unit() * total;
                self.cumulative
                    .partition_point(|c| *c < x)
                    .min(Self::VOCABULARY - 1)
            };
            out.push(format!("w{w}x"));
        }
        out.join(" ")
    }

    fn topic(&mut self) -> usize {
        self.rng.next() as usize % Self::TOPICS
    }
}

/// Candidate retrieval at scale on a synthetic pool: time per top-k query through the inverted
/// index (exact and pruned) against scoring every profile.
pub fn run_scale(a: ScaleArgs) -> Result<()> {
    let mut synth = Synth::new(a.seed);
    let profiles: Vec<Profile> = (0..a.profiles)
        .map(|p| {
            let topic = synth.topic();
            let documents = (0..a.profile_docs)
                .map(|i| {
                    Document::new(
                        format!("p{p}d{i}"),
                        synth.text(topic, 8),
                        synth.text(topic, a.words),
                    )
                })
                .collect();
            Profile {
                id: format!("p{p}"),
                documents,
                ..Default::default()
            }
        })
        .collect();
    let documents: Vec<Document> = (0..a.documents)
        .map(|d| {
            let topic = synth.topic();
            Document::new(
                format!("d{d}"),
                synth.text(topic, 8),
                synth.text(topic, a.words),
            )
        })
        .collect();
    let analyzer = Analyzer::new();
    let t = Instant::now();
    let model = AffinityModel::new(
        AnalyzedCorpus::unigrams(&analyzer, &profiles, &documents),
        Params::default(),
    );
    println!(
        "profiles={} profile_docs={} documents={} words={} build={:.2}s",
        a.profiles,
        a.profile_docs,
        a.documents,
        a.words,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let exact: Vec<Vec<usize>> = (0..a.documents)
        .map(|d| model.top_profiles(d, a.k).iter().map(|r| r.index).collect())
        .collect();
    let exact_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let pruned: Vec<Vec<usize>> = (0..a.documents)
        .map(|d| {
            model
                .top_profiles_pruned(d, a.k, a.max_terms)
                .iter()
                .map(|r| r.index)
                .collect()
        })
        .collect();
    let pruned_s = t.elapsed().as_secs_f64();
    let found: usize = exact
        .iter()
        .zip(&pruned)
        .map(|(e, p)| p.iter().filter(|i| e.contains(i)).count())
        .sum();
    let wanted: usize = exact.iter().map(Vec::len).sum();
    let n = a.exhaustive.min(a.documents);
    let t = Instant::now();
    let mut same = 0;
    for (d, want) in exact.iter().enumerate().take(n) {
        let mut all: Vec<(usize, f64)> = (0..model.profile_count())
            .map(|p| (p, model.score(p, d)))
            .collect();
        all.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let got: Vec<usize> = all.iter().take(a.k).map(|x| x.0).collect();
        same += usize::from(&got == want);
    }
    let exhaustive_s = t.elapsed().as_secs_f64();
    let ms = |s: f64, q: usize| 1000.0 * s / q.max(1) as f64;
    println!("index exact: {:.3} ms/query", ms(exact_s, a.documents));
    println!(
        "index pruned to {} terms: {:.3} ms/query, recall@{}={:.4}",
        a.max_terms,
        ms(pruned_s, a.documents),
        a.k,
        found as f64 / wanted.max(1) as f64
    );
    println!(
        "exhaustive: {:.3} ms/query over {n} queries, same top-{} as index: {same}/{n}",
        ms(exhaustive_s, n),
        a.k
    );
    Ok(())
}
