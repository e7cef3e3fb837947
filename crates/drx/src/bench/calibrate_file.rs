//! `drx bench calibrate --scores FILE.csv [--truth FILE.csv] --out OUT.csv`: any call's review
//! data in, the calibrated ranking with its intervals out; with the true quality of each
//! submission, Kendall tau and top-k recovery of calibrated scores against raw means.
//!
//! Scores: `judge,submission,criterion,score` per line (an optional header line). A judge's
//! criteria on one submission are averaged into one review score; the scale is the range of
//! those averages. Truth: `submission,true_quality`. Any malformed line is refused by number.
use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use drx_engine::calibrate::{calibrate, kendall_tau_b, Options, Review, Reviews};

use super::calibrate::{simulate, Args, SIZES};

/// The fields of one CSV line, unquoted ("a,b" keeps its comma inside quotes).
fn fields(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    out.push(cur.trim().to_string());
    out
}

/// The data lines of a CSV file with their 1-based line numbers: blank lines skipped, and the
/// first line skipped when it is a header (its `number_at` field is not a number).
fn data_lines(
    path: &Path,
    width: usize,
    number_at: usize,
) -> anyhow::Result<Vec<(usize, Vec<String>)>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let f = fields(line);
        if i == 0 && f.len() == width && f[number_at].parse::<f64>().is_err() {
            continue;
        }
        if f.len() != width {
            bail!(
                "{} line {}: expected {width} comma-separated fields, found {}",
                path.display(),
                i + 1,
                f.len()
            );
        }
        if let Some(k) = f.iter().position(|x| x.is_empty()) {
            bail!(
                "{} line {}: field {} is empty",
                path.display(),
                i + 1,
                k + 1
            );
        }
        out.push((i + 1, f));
    }
    Ok(out)
}

fn number(path: &Path, line: usize, what: &str, text: &str) -> anyhow::Result<f64> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => bail!(
            "{} line {line}: {what} {text:?} is not a number",
            path.display()
        ),
    }
}

/// Review data read from a scores file: labels of judges and submissions, one review each.
struct Loaded {
    judges: Vec<String>,
    submissions: Vec<String>,
    reviews: Reviews,
}

fn index_of(labels: &mut Vec<String>, index: &mut HashMap<String, usize>, label: &str) -> usize {
    *index.entry(label.to_string()).or_insert_with(|| {
        labels.push(label.to_string());
        labels.len() - 1
    })
}

fn load_scores(path: &Path) -> anyhow::Result<Loaded> {
    let (mut judges, mut submissions) = (Vec::new(), Vec::new());
    let (mut judge_ix, mut sub_ix) = (HashMap::new(), HashMap::new());
    // (judge, submission) -> (sum, count), in first-seen order.
    let mut pairs: Vec<((usize, usize), f64, usize)> = Vec::new();
    let mut pair_ix: HashMap<(usize, usize), usize> = HashMap::new();
    let mut seen: HashMap<(usize, usize, String), usize> = HashMap::new();
    for (line, f) in data_lines(path, 4, 3)? {
        let score = number(path, line, "score", &f[3])?;
        let j = index_of(&mut judges, &mut judge_ix, &f[0]);
        let s = index_of(&mut submissions, &mut sub_ix, &f[1]);
        if let Some(first) = seen.insert((j, s, f[2].clone()), line) {
            bail!(
                "{} line {line}: judge {:?} already scored criterion {:?} of submission {:?} on line {first}",
                path.display(),
                f[0],
                f[2],
                f[1]
            );
        }
        let k = *pair_ix.entry((j, s)).or_insert_with(|| {
            pairs.push(((j, s), 0.0, 0));
            pairs.len() - 1
        });
        pairs[k].1 += score;
        pairs[k].2 += 1;
    }
    if pairs.is_empty() {
        bail!("{}: no scores", path.display());
    }
    let reviews: Vec<Review> = pairs
        .iter()
        .map(|&((judge, submission), sum, n)| Review {
            judge,
            submission,
            score: sum / n as f64,
            confidence: None,
        })
        .collect();
    let lo = reviews
        .iter()
        .map(|r| r.score)
        .fold(f64::INFINITY, f64::min);
    let hi = reviews
        .iter()
        .map(|r| r.score)
        .fold(f64::NEG_INFINITY, f64::max);
    let scale = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    Ok(Loaded {
        reviews: Reviews {
            num_judges: judges.len(),
            num_submissions: submissions.len(),
            scale,
            reviews,
        },
        judges,
        submissions,
    })
}

/// The true quality of every submission of the scores, in their order.
fn load_truth(path: &Path, submissions: &[String]) -> anyhow::Result<Vec<f64>> {
    let mut truth: HashMap<&str, f64> = HashMap::new();
    let lines = data_lines(path, 2, 1)?;
    for (line, f) in &lines {
        let v = number(path, *line, "true_quality", &f[1])?;
        let Some(label) = submissions.iter().find(|s| **s == f[0]) else {
            bail!(
                "{} line {line}: submission {:?} has no scores",
                path.display(),
                f[0]
            );
        };
        if truth.insert(label, v).is_some() {
            bail!(
                "{} line {line}: submission {:?} given twice",
                path.display(),
                f[0]
            );
        }
    }
    submissions
        .iter()
        .map(|s| {
            truth.get(s.as_str()).copied().with_context(|| {
                format!("{}: no true quality for submission {s:?}", path.display())
            })
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Share of the true top `k` found in the estimate's top `k`.
fn top_k_recovery(truth: &[f64], estimate: &[f64], k: usize) -> f64 {
    let top = |v: &[f64]| {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[b].total_cmp(&v[a]).then(a.cmp(&b)));
        order.truncate(k);
        order
    };
    let want = top(truth);
    let hit = top(estimate).iter().filter(|i| want.contains(i)).count();
    hit as f64 / k as f64
}

pub fn run(args: &Args, scores: &Path) -> anyhow::Result<()> {
    let data = load_scores(scores)?;
    let opt = Options {
        seed: args.first_seed,
        burn_in: args.burn_in,
        draws: args.draws,
        level: args.level,
        robust: !args.gaussian,
        judge_scale: !args.offset_only,
        ..Options::default()
    };
    let c = calibrate(&data.reviews, &opt)?;
    let mut order: Vec<usize> = (0..c.submissions.len()).collect();
    order.sort_by_key(|&s| c.submissions[s].rank);
    let mut out = String::from(
        "rank,rank_lo,rank_hi,submission,reviews,raw_mean,raw_rank,calibrated,lo,hi,mc_error\n",
    );
    for &s in &order {
        let e = &c.submissions[s];
        out.push_str(&format!(
            "{},{},{},{},{},{:.4},{},{:.4},{:.4},{:.4},{:.5}\n",
            e.rank,
            e.rank_lo,
            e.rank_hi,
            csv_field(&data.submissions[s]),
            e.n,
            e.raw_mean.unwrap_or(f64::NAN),
            e.raw_rank.unwrap_or(0),
            e.quality,
            e.lo,
            e.hi,
            e.quality_mcse
        ));
    }
    let out_path = args
        .out
        .as_deref()
        .expect("clap requires --out with --scores");
    fs::write(out_path, out).with_context(|| format!("writing {}", out_path.display()))?;
    println!(
        "{} reviews of {} submissions by {} judges; ranking with {:.0}% intervals written to {}.",
        data.reviews.reviews.len(),
        data.submissions.len(),
        data.judges.len(),
        100.0 * args.level,
        out_path.display()
    );
    let Some(truth_path) = &args.truth else {
        return Ok(());
    };
    let truth = load_truth(truth_path, &data.submissions)?;
    let raw: Vec<f64> = c
        .submissions
        .iter()
        .map(|e| e.raw_mean.unwrap_or(f64::NEG_INFINITY))
        .collect();
    let calibrated: Vec<f64> = c.submissions.iter().map(|e| e.quality).collect();
    let n = truth.len();
    let ks: Vec<usize> = [n / 10, n / 4].into_iter().map(|k| k.max(1)).collect();
    println!(
        "\n| ranking | Kendall τ to truth | true top-{} found | true top-{} found |",
        ks[0], ks[1]
    );
    println!("|---|---|---|---|");
    for (name, est) in [("raw mean", &raw), ("calibrated", &calibrated)] {
        println!(
            "| {name} | {:.3} | {:.1}% | {:.1}% |",
            kendall_tau_b(&truth, est),
            100.0 * top_k_recovery(&truth, est, ks[0]),
            100.0 * top_k_recovery(&truth, est, ks[1])
        );
    }
    Ok(())
}

/// One simulated call (Dr. X size) as a scores file and a truth file in `dir`.
pub fn write_simulated(args: &Args, dir: &Path) -> anyhow::Result<()> {
    let sim = simulate(&SIZES[0], args.first_seed, args.judge_effects);
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut scores = String::from("judge,submission,criterion,score\n");
    for r in &sim.reviews.reviews {
        scores.push_str(&format!(
            "J{},S{},overall,{}\n",
            r.judge + 1,
            r.submission + 1,
            r.score
        ));
    }
    let mut truth = String::from("submission,true_quality\n");
    for (s, t) in sim.theta.iter().enumerate() {
        truth.push_str(&format!("S{},{t:.6}\n", s + 1));
    }
    fs::write(dir.join("scores.csv"), scores)?;
    fs::write(dir.join("truth.csv"), truth)?;
    println!(
        "{} reviews written to {} and the true quality of {} submissions to {}.",
        sim.reviews.reviews.len(),
        dir.join("scores.csv").display(),
        sim.theta.len(),
        dir.join("truth.csv").display()
    );
    Ok(())
}
