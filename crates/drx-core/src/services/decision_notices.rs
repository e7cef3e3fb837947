//! Telling the authors of their judging decision. Decisions recorded while the call is in
//! review stay internal; the authors are told (in-app notice and mail, each in their own
//! language) when the call is in its decision phase: at the move into it, or at once for a
//! decision taken during it. Each decision is told once (`decision_told` on the submission).
use drx_domain::SubmissionStatus;
use drx_store::submissions::{self as store, Recipient};
use drx_store::{notices, outbox, Tx};

use crate::i18n::{self, Lang};
use crate::services::Result;

/// The call a decision belongs to, as the authors read its name.
pub struct CallTitles<'a> {
    pub en: &'a str,
    pub zh: &'a str,
}

/// Tells the authors of every decided submission of the call whose decision they have not been
/// told yet; returns how many submissions were told. Runs in the caller's transaction.
pub(crate) async fn tell_untold(
    tx: &mut Tx,
    call_id: i64,
    call: CallTitles<'_>,
    base_url: &str,
    now: i64,
) -> Result<usize> {
    let base = base_url.trim_end_matches('/');
    let untold = store::untold_decisions(tx, call_id).await?;
    for s in &untold {
        let link = format!("/submissions/{}", s.id);
        let key = match s.status {
            SubmissionStatus::Finalist => "decision-told-finalist",
            _ => "decision-told-not-selected",
        };
        for Recipient { id, email, locale } in store::team_recipients(tx, s.id).await? {
            let lang = Lang::parse(&locale).unwrap_or(Lang::Zh);
            let args = [
                ("title", s.title.clone()),
                ("call", lang.pick(call.en, call.zh).to_string()),
            ];
            let notice = i18n::t_args(lang, key, &args);
            notices::insert(tx, id, &notice, &link, now).await?;
            let subject = i18n::t_args(lang, "decision-told-subject", &args);
            outbox::enqueue(
                tx,
                &email,
                &subject,
                &format!("{notice}\n{base}{link}"),
                now,
            )
            .await?;
        }
        store::mark_decision_told(tx, s.id, s.status).await?;
    }
    Ok(untold.len())
}

/// The status the submission's authors see: a decision they have not been told of yet shows as
/// the one they were told of, or as "under review".
pub fn status_told(status: SubmissionStatus, told: Option<SubmissionStatus>) -> SubmissionStatus {
    let decided = matches!(
        status,
        SubmissionStatus::Finalist | SubmissionStatus::NotSelected
    );
    if decided && told != Some(status) {
        told.unwrap_or(SubmissionStatus::UnderReview)
    } else {
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubmissionStatus::*;

    #[test]
    fn authors_see_only_the_decision_they_were_told_of() {
        assert_eq!(status_told(Finalist, None), UnderReview);
        assert_eq!(status_told(Finalist, Some(Finalist)), Finalist);
        assert_eq!(status_told(NotSelected, Some(Finalist)), Finalist);
        assert_eq!(status_told(Submitted, None), Submitted);
        assert_eq!(status_told(Withdrawn, Some(Finalist)), Withdrawn);
    }
}
