//! The gold-standard expertise loss (Stelmakh et al.): the weighted share of mis-ordered pairs of
//! rated papers, and cross-validation over participants built on its per-participant parts.
//!
//! Same metric as `shared/eval/goldstandard_eval.py`: for every participant and every pair of
//! papers they rated, a prediction ordering the pair against the ratings costs the rating
//! difference, a predicted tie costs half of it; the sum is divided by the sum of all rating
//! differences. 0 is perfect, 0.5 a constant predictor.
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Expertise ratings: participants in file order, each with their rated papers (paper id ->
/// rating). Papers are kept sorted by id, as the Python evaluator iterates them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ratings {
    pub participants: Vec<(String, BTreeMap<String, f64>)>,
}

/// Predicted similarities: participant id -> paper id -> score.
pub type Predictions = HashMap<String, HashMap<String, f64>>;

#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    MissingColumn(String),
    BadRating { line: usize, value: String },
    MissingParticipant(String),
    MissingPaper { participant: String, paper: String },
    NoFiles,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::MissingColumn(c) => write!(f, "evaluations: no column {c}"),
            EvalError::BadRating { line, value } => {
                write!(
                    f,
                    "evaluations line {line}: rating {value:?} is not a number"
                )
            }
            EvalError::MissingParticipant(p) => write!(f, "no predictions for participant {p}"),
            EvalError::MissingPaper { participant, paper } => {
                write!(
                    f,
                    "missing prediction for participant {participant}, paper {paper}"
                )
            }
            EvalError::NoFiles => write!(f, "no prediction files to average"),
        }
    }
}

impl std::error::Error for EvalError {}

impl Ratings {
    /// Parses the tab-separated `evaluations.csv` text (ParticipantID, Paper1..10,
    /// Expertise1..10). Empty cells are skipped; a participant listed twice keeps the last row,
    /// as in the Python evaluator.
    pub fn from_tsv(text: &str) -> Result<Ratings, EvalError> {
        let mut lines = text.lines();
        let header: Vec<&str> = lines
            .next()
            .unwrap_or("")
            .split('\t')
            .map(|h| h.trim())
            .collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let id_col =
            col("ParticipantID").ok_or_else(|| EvalError::MissingColumn("ParticipantID".into()))?;
        let pairs: Vec<(Option<usize>, Option<usize>)> = (1..=10)
            .map(|i| (col(&format!("Paper{i}")), col(&format!("Expertise{i}"))))
            .collect();
        let mut participants: Vec<(String, BTreeMap<String, f64>)> = Vec::new();
        for (n, line) in lines.enumerate() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).copied().unwrap_or("");
            let mut rated = BTreeMap::new();
            for &(pc, ec) in &pairs {
                let (paper, value) = (cell(pc), cell(ec));
                if paper.is_empty() || value.is_empty() {
                    continue;
                }
                let v: f64 = value.trim().parse().map_err(|_| EvalError::BadRating {
                    line: n + 2,
                    value: value.to_string(),
                })?;
                rated.insert(paper.to_string(), v);
            }
            let id = cell(Some(id_col)).to_string();
            match participants.iter_mut().find(|(p, _)| *p == id) {
                Some(slot) => slot.1 = rated,
                None => participants.push((id, rated)),
            }
        }
        Ok(Ratings { participants })
    }
}

/// One participant's share of the loss: (weighted mis-ordered, weighted total). Summing these
/// over participants and dividing gives [`loss`]; keeping them apart lets cross-validation score
/// any subset of participants without recomputing predictions.
pub fn participant_parts(
    participant: &str,
    rated: &BTreeMap<String, f64>,
    predicted: &HashMap<String, f64>,
) -> Result<(f64, f64), EvalError> {
    let papers: Vec<(&String, f64)> = rated.iter().map(|(k, v)| (k, *v)).collect();
    let mut wrong = 0.0;
    let mut total = 0.0;
    for i in 0..papers.len() {
        for j in i + 1..papers.len() {
            let (p, rp) = papers[i];
            let (q, rq) = papers[j];
            let missing = |x: &String| EvalError::MissingPaper {
                participant: participant.to_string(),
                paper: x.clone(),
            };
            let gp = *predicted.get(p).ok_or_else(|| missing(p))?;
            let gq = *predicted.get(q).ok_or_else(|| missing(q))?;
            let truth = rp - rq;
            let guess = gp - gq;
            total += truth.abs();
            if truth * guess < 0.0 {
                wrong += truth.abs();
            } else if truth != 0.0 && guess == 0.0 {
                wrong += truth.abs() / 2.0;
            }
        }
    }
    Ok((wrong, total))
}

/// The loss of one prediction file over all rated participants. Every rated paper of every
/// listed participant needs a prediction. A set with no rating differences at all has loss 0.
pub fn loss(ratings: &Ratings, predictions: &Predictions) -> Result<f64, EvalError> {
    let mut wrong = 0.0;
    let mut total = 0.0;
    for (person, rated) in &ratings.participants {
        let predicted = predictions
            .get(person)
            .ok_or_else(|| EvalError::MissingParticipant(person.clone()))?;
        let (w, t) = participant_parts(person, rated, predicted)?;
        wrong += w;
        total += t;
    }
    Ok(if total > 0.0 { wrong / total } else { 0.0 })
}

/// The mean loss of several prediction files (e.g. the ten profile samples), as the evaluator
/// reports it.
pub fn mean_loss(ratings: &Ratings, files: &[Predictions]) -> Result<f64, EvalError> {
    if files.is_empty() {
        return Err(EvalError::NoFiles);
    }
    let mut sum = 0.0;
    for f in files {
        sum += loss(ratings, f)?;
    }
    Ok(sum / files.len() as f64)
}

/// Per-participant loss parts of one configuration: `parts[sample][participant] = (wrong,
/// total)`.
pub type ConfigParts = Vec<Vec<(f64, f64)>>;

/// Mean over samples of the loss restricted to the participants where `keep` is true, each
/// participant using the configuration `choice[participant]`.
// Samples and participants index several nested tables at once.
#[allow(clippy::needless_range_loop)]
fn subset_loss(configs: &[ConfigParts], choice: &[usize], keep: &[bool]) -> f64 {
    let samples = configs.first().map_or(0, |c| c.len());
    if samples == 0 {
        return 0.0;
    }
    let mut sum = 0.0;
    for s in 0..samples {
        let (mut w, mut t) = (0.0, 0.0);
        for (p, &k) in keep.iter().enumerate() {
            if k {
                let (pw, pt) = configs[choice[p]][s][p];
                w += pw;
                t += pt;
            }
        }
        sum += if t > 0.0 { w / t } else { 0.0 };
    }
    sum / samples as f64
}

/// The outcome of selecting a configuration by cross-validation over participants.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossValidation {
    /// Loss of the configuration that is best on all participants (optimistic: chosen in sample).
    pub in_sample_loss: f64,
    /// Index of that configuration.
    pub in_sample_choice: usize,
    /// Loss when each participant is predicted by the configuration chosen without them.
    pub cv_loss: f64,
    /// The configuration chosen for each fold.
    pub fold_choices: Vec<usize>,
}

/// Selects among configurations by k-fold cross-validation over participants: participant `p`
/// is in fold `p % folds` (pass `folds = participants` for leave-one-participant-out). For each
/// fold, the configuration with the lowest loss on the other folds (first one on ties) predicts
/// the fold's participants; the assembled predictions give `cv_loss`.
///
/// `configs[c][sample][participant]` are the parts from [`participant_parts`]; every
/// configuration must have the same samples and participants.
pub fn cross_validate(configs: &[ConfigParts], folds: usize) -> CrossValidation {
    assert!(
        !configs.is_empty(),
        "cross_validate needs at least one configuration"
    );
    let participants = configs[0].first().map_or(0, |s| s.len());
    let folds = folds.clamp(1, participants.max(1));
    let best_on = |keep: &[bool]| -> usize {
        let mut best = (f64::INFINITY, 0);
        for c in 0..configs.len() {
            let l = subset_loss(configs, &vec![c; participants], keep);
            if l < best.0 {
                best = (l, c);
            }
        }
        best.1
    };
    let all = vec![true; participants];
    let in_sample_choice = best_on(&all);
    let in_sample_loss = subset_loss(configs, &vec![in_sample_choice; participants], &all);
    let mut choice = vec![0; participants];
    let mut fold_choices = Vec::with_capacity(folds);
    for f in 0..folds {
        let train: Vec<bool> = (0..participants).map(|p| p % folds != f).collect();
        // With a single fold there is nothing to train on but the fold itself.
        let c = if train.iter().any(|&t| t) {
            best_on(&train)
        } else {
            best_on(&all)
        };
        fold_choices.push(c);
        for p in (0..participants).filter(|p| p % folds == f) {
            choice[p] = c;
        }
    }
    let cv_loss = subset_loss(configs, &choice, &all);
    CrossValidation {
        in_sample_loss,
        in_sample_choice,
        cv_loss,
        fold_choices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A small fixture with ties in ratings and in predictions, a participant whose only pair is
    // a tie, an unrated extra prediction and empty cells. Its loss by shared/eval/goldstandard_eval.py is recorded in the test below.
    pub(crate) const FIXTURE_TSV: &str = "ParticipantID\tPaper1\tPaper2\tPaper3\tPaper4\tPaper5\tPaper6\tPaper7\tPaper8\tPaper9\tPaper10\tExpertise1\tExpertise2\tExpertise3\tExpertise4\tExpertise5\tExpertise6\tExpertise7\tExpertise8\tExpertise9\tExpertise10\n\
1\ta\tb\tc\td\t\t\t\t\t\t\t5.0\t3.5\t3.5\t1.0\t\t\t\t\t\t\n\
2\tb\tc\te\tf\tg\t\t\t\t\t\t2.0\t4.25\t1.0\t4.25\t3.0\t\t\t\t\t\n\
3\ta\te\t\t\t\t\t\t\t\t\t3.0\t3.0\t\t\t\t\t\t\t\t\n";

    pub(crate) fn fixture_predictions() -> Predictions {
        let mut p = Predictions::new();
        let mut one = |who: &str, scores: &[(&str, f64)]| {
            p.insert(
                who.to_string(),
                scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            );
        };
        one("1", &[("a", 0.9), ("b", 0.2), ("c", 0.5), ("d", 0.5)]);
        one(
            "2",
            &[
                ("b", 0.1),
                ("c", 0.3),
                ("e", 0.3),
                ("f", 0.05),
                ("g", 0.7),
                ("x", 1.0),
            ],
        );
        one("3", &[("a", 0.4), ("e", 0.1)]);
        p
    }

    #[test]
    fn ratings_parse_skips_empty_cells() {
        let r = Ratings::from_tsv(FIXTURE_TSV).unwrap();
        assert_eq!(r.participants.len(), 3);
        assert_eq!(r.participants[0].1.len(), 4);
        assert_eq!(r.participants[1].1["c"], 4.25);
        assert_eq!(r.participants[2].1.len(), 2);
    }

    #[test]
    fn loss_equals_python_evaluator_on_fixture() {
        // `python3 shared/eval/goldstandard_eval.py <dir with FIXTURE_TSV> fixture_pred.json`
        // (the fixture written out as evaluations.csv and a JSON of fixture_predictions())
        // printed loss=0.4873.
        let r = Ratings::from_tsv(FIXTURE_TSV).unwrap();
        let l = loss(&r, &fixture_predictions()).unwrap();
        assert_eq!(format!("{l:.4}"), "0.4873");
    }

    #[test]
    fn perfect_and_reversed_and_constant_predictions() {
        let r = Ratings::from_tsv(FIXTURE_TSV).unwrap();
        let mut good = Predictions::new();
        let mut bad = Predictions::new();
        let mut flat = Predictions::new();
        for (p, rated) in &r.participants {
            good.insert(
                p.clone(),
                rated.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            );
            bad.insert(
                p.clone(),
                rated.iter().map(|(k, v)| (k.clone(), -*v)).collect(),
            );
            flat.insert(p.clone(), rated.keys().map(|k| (k.clone(), 1.0)).collect());
        }
        assert_eq!(loss(&r, &good).unwrap(), 0.0);
        assert_eq!(loss(&r, &bad).unwrap(), 1.0);
        assert_eq!(loss(&r, &flat).unwrap(), 0.5);
    }

    #[test]
    fn missing_prediction_is_an_error() {
        let r = Ratings::from_tsv(FIXTURE_TSV).unwrap();
        let mut p = fixture_predictions();
        p.get_mut("2").unwrap().remove("g");
        assert!(matches!(loss(&r, &p), Err(EvalError::MissingPaper { .. })));
        p.remove("2");
        assert!(matches!(
            loss(&r, &p),
            Err(EvalError::MissingParticipant(_))
        ));
    }

    #[test]
    fn cross_validation_picks_the_config_that_is_best_out_of_fold() {
        // Two participants, one sample. Config 0 is perfect for participant 0 and wrong for 1;
        // config 1 the reverse. Leave-one-out must pick, for each participant, the config that
        // suits the *other* one, so the CV loss is the worst case while in-sample is 0.5.
        let c0 = vec![vec![(0.0, 1.0), (1.0, 1.0)]];
        let c1 = vec![vec![(1.0, 1.0), (0.0, 1.0)]];
        let cv = cross_validate(&[c0, c1], 2);
        assert_eq!(cv.in_sample_loss, 0.5);
        assert_eq!(cv.fold_choices, vec![1, 0]);
        assert_eq!(cv.cv_loss, 1.0);
    }
}
