//! The remaining lists as export tables (CSV or XLSX through `reports`): the ranking, review
//! progress, the bid coverage, the need catalogue and the accounts. Each asks the same permission as its page.
use super::reports::{Cell, Table};
use super::{bids, ranking, Result, ServiceError};
use crate::auth::authorization::{can, Permission};
use crate::i18n::{t, Lang};
use drx_store::accounts::{self, Person};
use drx_store::needs::NeedFilter;
use drx_store::Db;

/// The call's ranking: raw beside calibrated, intervals, the cut flag, the preselection, the
/// flags (fewer reviews than planned, high disagreement), the Monte Carlo error, and each
/// judge's severity with the shift it caused.
pub async fn ranking_table(db: &Db, actor: &Person, call_id: i64, lang: Lang) -> Result<Table> {
    let r = ranking::ranking(db, actor, call_id).await?;
    let opt = |x: Option<f64>| x.map(Cell::from).unwrap_or_else(|| Cell::from(""));
    Ok(Table {
        name: t(lang, "ranking-title"),
        headers: vec![
            t(lang, "ranking-rank"),
            t(lang, "export-rank-low"),
            t(lang, "export-rank-high"),
            "ID".into(),
            t(lang, "field-submission-title"),
            t(lang, "ranking-reviews"),
            t(lang, "export-raw-mean"),
            t(lang, "export-raw-rank"),
            t(lang, "export-calibrated"),
            t(lang, "export-interval-low"),
            t(lang, "export-interval-high"),
            t(lang, "ranking-at-cut"),
            t(lang, "ranking-finalist"),
            t(lang, "field-status"),
            t(lang, "export-planned"),
            t(lang, "export-fewer"),
            t(lang, "reviews-disagreement"),
            t(lang, "export-mc-error"),
            t(lang, "export-judge-shifts"),
            t(lang, "export-shrinkage"),
        ],
        rows: r
            .rows
            .iter()
            .map(|x| {
                let e = &x.estimate;
                vec![
                    Cell::from(e.rank as i64),
                    Cell::from(e.rank_lo as i64),
                    Cell::from(e.rank_hi as i64),
                    Cell::from(x.submission_id),
                    x.title.clone().into(),
                    Cell::from(e.n as i64),
                    opt(e.raw_mean),
                    opt(e.raw_rank.map(|n| n as f64)),
                    Cell::from(e.quality),
                    Cell::from(e.lo),
                    Cell::from(e.hi),
                    Cell::from(if e.at_cut_tie { "x" } else { "" }),
                    Cell::from(if x.preselected { "x" } else { "" }),
                    t(lang, &format!("status-{}", x.status)).into(),
                    Cell::from(x.planned as i64),
                    Cell::from(if x.fewer_than_planned { "x" } else { "" }),
                    Cell::from(if x.disagreement { "x" } else { "" }),
                    Cell::from(e.quality_mcse),
                    x.movers
                        .iter()
                        .map(|m| format!("{} {:+.2}: {:+.2}", m.label(lang), m.severity, m.shift))
                        .collect::<Vec<_>>()
                        .join("; ")
                        .into(),
                    Cell::from(e.shrinkage),
                ]
            })
            .collect(),
    })
}

/// Every review of the call, one column per criterion, judges named or lettered as the call
/// says to its organizers, with their times.
pub async fn reviews_table(
    db: &Db,
    actor: &Person,
    call_id: i64,
    lang: Lang,
    now: i64,
) -> Result<Table> {
    use super::review_reading::{of_call, ReviewFilter};
    let v = of_call(db, actor, call_id, ReviewFilter::All, now).await?;
    let mut headers = vec![
        "ID".into(),
        t(lang, "field-submission-title"),
        t(lang, "progress-judge"),
        t(lang, "field-status"),
        t(lang, "progress-late"),
    ];
    headers.extend(
        v.criteria
            .iter()
            .map(|c| lang.pick(&c.name_en, &c.name_zh).to_string()),
    );
    headers.extend([
        t(lang, "reviews-total"),
        t(lang, "review-confidence"),
        t(lang, "review-for-authors"),
        t(lang, "review-for-committee"),
        t(lang, "reviews-assigned-at"),
        t(lang, "updated"),
        t(lang, "sub-submitted-at"),
    ]);
    let time = |at: Option<i64>| Cell::from(at.map(super::calls::china_time).unwrap_or_default());
    let opt = |x: Option<f64>| x.map(Cell::from).unwrap_or_else(|| Cell::from(""));
    let rows = v
        .reviews
        .iter()
        .map(|(r, _, _)| {
            let mut row = vec![
                Cell::from(r.submission_id),
                r.submission_title.clone().into(),
                r.judge_label(lang).into(),
                t(lang, &format!("review-{}", r.status)).into(),
                Cell::from(if r.late { "x" } else { "" }),
            ];
            row.extend(r.scores.iter().map(|s| opt(*s)));
            row.extend([
                opt(r.total),
                opt(r.confidence.map(|c| c as f64)),
                r.comments_for_authors.clone().into(),
                r.comments_for_committee.clone().into(),
                time(Some(r.assigned_at)),
                time(Some(r.updated_at)),
                time(r.submitted_at),
            ]);
            row
        })
        .collect();
    Ok(Table {
        name: t(lang, "reviews-title"),
        headers,
        rows,
    })
}

/// The call's decision record: every judged submission's status, who decided and when, and
/// each departure from the preselection with its reason.
pub async fn decisions_table(db: &Db, actor: &Person, call_id: i64, lang: Lang) -> Result<Table> {
    let lines = ranking::decision_record(db, actor, call_id).await?;
    Ok(Table {
        name: t(lang, "decisions-title"),
        headers: vec![
            "ID".into(),
            t(lang, "field-submission-title"),
            t(lang, "field-status"),
            t(lang, "decisions-at"),
            t(lang, "decisions-by"),
            t(lang, "decisions-override"),
            t(lang, "ranking-reason"),
        ],
        rows: lines
            .iter()
            .map(|l| {
                let change = match l.override_selected {
                    Some(true) => t(lang, "decisions-added"),
                    Some(false) => t(lang, "decisions-removed"),
                    None => String::new(),
                };
                vec![
                    Cell::from(l.submission_id),
                    l.title.clone().into(),
                    t(lang, &format!("status-{}", l.status)).into(),
                    l.decided_at
                        .map(super::calls::china_time)
                        .unwrap_or_default()
                        .into(),
                    l.decided_by.clone().into(),
                    change.into(),
                    l.reason.clone().into(),
                ]
            })
            .collect(),
    })
}

/// Each judge's reviews by state, and whether they are late.
pub async fn progress_table(
    db: &Db,
    actor: &Person,
    call_id: i64,
    lang: Lang,
    now: i64,
) -> Result<Table> {
    let p = ranking::progress(db, actor, call_id, now).await?;
    Ok(Table {
        name: t(lang, "progress-title"),
        headers: vec![
            t(lang, "progress-judge"),
            t(lang, "field-email"),
            t(lang, "review-assigned"),
            t(lang, "review-in_progress"),
            t(lang, "review-submitted"),
            t(lang, "progress-late"),
        ],
        rows: p
            .judges
            .iter()
            .map(|(j, late)| {
                vec![
                    j.name.clone().into(),
                    j.email.clone().into(),
                    Cell::from(j.assigned),
                    Cell::from(j.in_progress),
                    Cell::from(j.submitted),
                    Cell::from(if *late { "x" } else { "" }),
                ]
            })
            .collect(),
    })
}

/// The need catalogue as this person sees it (confidential details only where they may).
pub async fn needs_table(db: &Db, actor: &Person, lang: Lang) -> Result<Table> {
    let (needs, _) = super::needs::list(db, actor, &NeedFilter::default(), 100_000, 0).await?;
    Ok(Table {
        name: t(lang, "export-needs"),
        headers: vec![
            "ID".into(),
            t(lang, "need-problem"),
            t(lang, "need-population"),
            t(lang, "need-outcome"),
            t(lang, "need-current-practice"),
            t(lang, "field-field"),
            t(lang, "field-hospital"),
            t(lang, "need-urgency"),
            t(lang, "field-status"),
            t(lang, "need-answers"),
            t(lang, "need-confidential"),
        ],
        rows: needs
            .iter()
            .map(|n| {
                vec![
                    Cell::from(n.id),
                    n.problem.clone().into(),
                    n.population.clone().into(),
                    n.outcome.clone().into(),
                    n.current_practice.clone().into(),
                    lang.pick(&n.field_en, &n.field_zh).into(),
                    lang.pick(&n.organization_en, &n.organization_zh).into(),
                    t(lang, &format!("urgency-{}", n.urgency)).into(),
                    t(lang, &format!("need-status-{}", n.status)).into(),
                    Cell::from(n.answers),
                    n.confidential_details.clone().into(),
                ]
            })
            .collect(),
    })
}

/// Every account with its roles (admins and organizers, as the accounts page).
pub async fn people_table(db: &Db, actor: &Person, lang: Lang) -> Result<Table> {
    if !can(actor, Permission::ListAccounts) {
        return Err(ServiceError::Forbidden);
    }
    let people = accounts::list_people(db, None).await?;
    Ok(Table {
        name: t(lang, "people-title"),
        headers: vec![
            "ID".into(),
            t(lang, "field-name"),
            t(lang, "field-email"),
            t(lang, "field-title"),
            t(lang, "field-organization"),
            t(lang, "field-roles"),
            t(lang, "field-status"),
        ],
        rows: people
            .iter()
            .map(|p| {
                let roles: Vec<String> = p
                    .roles
                    .iter()
                    .map(|r| t(lang, &format!("role-{r}")))
                    .collect();
                vec![
                    Cell::from(p.id),
                    p.name.clone().into(),
                    p.email.clone().into(),
                    p.title.clone().into(),
                    lang.pick(&p.organization_en, &p.organization_zh).into(),
                    roles.join(", ").into(),
                    t(
                        lang,
                        if p.active {
                            "status-active"
                        } else {
                            "status-inactive"
                        },
                    )
                    .into(),
                ]
            })
            .collect(),
    })
}

/// The call's bid coverage (those who run it, as its page): per submission each kind of bid
/// counted, the bidders counted and named with their bid, the shortage flag.
pub async fn bids_table(db: &Db, actor: &Person, call_id: i64, lang: Lang) -> Result<Table> {
    let c = bids::coverage(db, actor, call_id).await?;
    let mark = |b: bool| Cell::from(if b { "x" } else { "" });
    Ok(Table {
        name: t(lang, "bids-coverage-title"),
        headers: vec![
            "ID".into(),
            t(lang, "field-submission-title"),
            t(lang, "bid-eager"),
            t(lang, "bid-willing"),
            t(lang, "bid-not_willing"),
            t(lang, "bid-conflict"),
            t(lang, "bids-bidders"),
            t(lang, "bids-bidder-names"),
            t(lang, "bids-short"),
        ],
        rows: c
            .submissions
            .iter()
            .map(|r| {
                let names: Vec<String> = r
                    .bidders
                    .iter()
                    .map(|(name, bid)| format!("{name} ({})", t(lang, &format!("bid-{bid}"))))
                    .collect();
                vec![
                    Cell::from(r.submission_id),
                    r.title.clone().into(),
                    Cell::from(r.eager as i64),
                    Cell::from(r.willing as i64),
                    Cell::from(r.not_willing as i64),
                    Cell::from(r.conflict as i64),
                    Cell::from(r.bidders.len() as i64),
                    names.join("; ").into(),
                    mark(r.short),
                ]
            })
            .collect(),
    })
}
