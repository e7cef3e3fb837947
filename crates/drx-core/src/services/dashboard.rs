//! The figures of a call for its organizers: submissions by field and hospital, the funnel from
//! submissions to projects by stage, judge progress, score distribution and time in stage. The
//! dashboard page, the printable call report and the exports all draw from [`Dashboard`].
use super::reports::{Cell, Table};
use super::Result;
use crate::i18n::{t, Lang};
use drx_store::accounts::Person;
use drx_store::projects as store;
use drx_store::submissions::CallInfo;
use drx_store::Db;

/// One labelled count, with the label in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub en: String,
    pub zh: String,
    pub n: i64,
}

#[derive(Debug, Clone)]
pub struct StageFigure {
    pub stage: drx_domain::ProjectStage,
    /// Projects at this stage (every status).
    pub projects: i64,
    /// Mean days in the stage of its active and on-hold projects (None when there are none).
    pub mean_days: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub call: CallInfo,
    pub by_field: Vec<Count>,
    pub by_hospital: Vec<Count>,
    /// i18n key of the step, and its count: submitted, under review, finalists, projects.
    pub funnel: Vec<(&'static str, i64)>,
    pub stages: Vec<StageFigure>,
    pub judges: Vec<store::JudgeProgress>,
    /// Submitted reviews per tenth of the 0-100 scale (10 bins, the last includes 100).
    pub score_bins: [i64; 10],
}

/// Which tenth of the 0-100 scale a score falls in.
pub fn score_bin(v: f64) -> usize {
    ((v.clamp(0.0, 100.0) / 10.0).floor() as usize).min(9)
}

/// The call's figures, for its organizers and admins.
pub async fn load(db: &Db, actor: &Person, call_id: i64, now: i64) -> Result<Dashboard> {
    let call = super::exports::managed_call(db, actor, call_id).await?;
    let count = |v: Vec<drx_store::catalogue::LabelCount>| {
        v.into_iter()
            .map(|c| Count {
                en: c.name_en,
                zh: c.name_zh,
                n: c.n,
            })
            .collect::<Vec<_>>()
    };
    let by_field = count(drx_store::catalogue::counts_by_field(db, call_id).await?);
    let by_hospital = count(drx_store::catalogue::counts_by_organization(db, call_id).await?);
    let store::Funnel {
        submitted,
        reviewed,
        finalists,
    } = store::funnel(db, call_id).await?;
    let projects = store::stages_of_call(db, call_id).await?;
    let funnel = vec![
        ("funnel-submitted", submitted),
        ("funnel-under-review", reviewed),
        ("funnel-finalists", finalists),
        ("funnel-projects", projects.len() as i64),
    ];
    let stages = super::projects::STAGES
        .iter()
        .map(|s| {
            let here: Vec<_> = projects.iter().filter(|p| p.stage == *s).collect();
            let open: Vec<f64> = here
                .iter()
                .filter(|p| !super::projects::is_closed(p.status))
                .map(|p| (now - p.stage_since).max(0) as f64 / 86_400.0)
                .collect();
            StageFigure {
                stage: *s,
                projects: here.len() as i64,
                mean_days: (!open.is_empty()).then(|| open.iter().sum::<f64>() / open.len() as f64),
            }
        })
        .collect();
    let judges = store::judge_progress(db, call_id).await?;
    let mut score_bins = [0i64; 10];
    for v in store::review_means(db, call_id).await? {
        score_bins[score_bin(v)] += 1;
    }
    Ok(Dashboard {
        call,
        by_field,
        by_hospital,
        funnel,
        stages,
        judges,
        score_bins,
    })
}

/// The label of a score bin: "0-10", ..., "90-100".
pub fn bin_label(i: usize) -> String {
    format!("{}–{}", i * 10, i * 10 + 10)
}

/// Every table of the dashboard, for the exports.
pub fn tables(d: &Dashboard, lang: Lang) -> Vec<Table> {
    let counts = |name: &str, label: &str, v: &[Count]| Table {
        name: t(lang, name),
        headers: vec![t(lang, label), t(lang, "dash-count")],
        rows: v
            .iter()
            .map(|c| vec![Cell::from(lang.pick(&c.en, &c.zh)), Cell::from(c.n)])
            .collect(),
    };
    vec![
        counts("dash-by-field", "field-field", &d.by_field),
        counts("dash-by-hospital", "field-hospital", &d.by_hospital),
        Table {
            name: t(lang, "dash-funnel"),
            headers: vec![t(lang, "dash-step"), t(lang, "dash-count")],
            rows: d
                .funnel
                .iter()
                .map(|(k, n)| vec![Cell::from(t(lang, k)), Cell::from(*n)])
                .collect(),
        },
        Table {
            name: t(lang, "dash-stages"),
            headers: vec![
                t(lang, "project-stage"),
                t(lang, "dash-count"),
                t(lang, "dash-mean-days"),
            ],
            rows: d
                .stages
                .iter()
                .map(|s| {
                    vec![
                        Cell::from(t(lang, &format!("pstage-{}", s.stage))),
                        Cell::from(s.projects),
                        s.mean_days.map(Cell::from).unwrap_or(Cell::from("")),
                    ]
                })
                .collect(),
        },
        Table {
            name: t(lang, "dash-judges"),
            headers: vec![
                t(lang, "dash-judge"),
                t(lang, "dash-assigned"),
                t(lang, "dash-reviewed"),
            ],
            rows: d
                .judges
                .iter()
                .map(|j| {
                    vec![
                        Cell::from(j.name.as_str()),
                        Cell::from(j.assigned),
                        Cell::from(j.done),
                    ]
                })
                .collect(),
        },
        Table {
            name: t(lang, "dash-scores"),
            headers: vec![t(lang, "dash-score-range"), t(lang, "dash-count")],
            rows: d
                .score_bins
                .iter()
                .enumerate()
                .map(|(i, n)| vec![Cell::from(bin_label(i)), Cell::from(*n)])
                .collect(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_fall_in_tenths_with_100_in_the_last() {
        assert_eq!(score_bin(0.0), 0);
        assert_eq!(score_bin(9.99), 0);
        assert_eq!(score_bin(10.0), 1);
        assert_eq!(score_bin(100.0), 9);
        assert_eq!(score_bin(-3.0), 0);
    }
}
