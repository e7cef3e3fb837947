//! Matchmaking in the demo: the call's confidentiality terms, confidential parts on a few
//! needs, and interests in each state around the engineer's team, so the pages show something.
use drx_domain::{InterestSide, InterestStatus};
use drx_store::matchmaking::{self as mm, NewInterest, Target};
use drx_store::{needs, Result, Tx};

const TERMS_ZH: &str = "1. 需求的保密内容仅用于评估与本需求的合作，不得向第三方披露。\n2. 未经医院书面同意，不得以任何形式公开、复制或用于其他项目。\n3. 本条款自接受之日起三年内有效。";
const TERMS_EN: &str = "1. The confidential part of a need is used only to assess a collaboration on that need and is not disclosed to third parties.\n2. It is not published, copied or used for other projects without the hospital's written consent.\n3. These terms hold for three years from acceptance.";

pub async fn seed(tx: &mut Tx, call: i64, organizer: i64, t0: i64) -> Result<()> {
    mm::save_terms(tx, call, "v1", TERMS_EN, TERMS_ZH, organizer, t0).await?;
    let teams = mm::teams_with_lead(tx, 2).await?;
    let Some(&(team, engineer)) = teams.first() else {
        return Ok(());
    };
    let targets = mm::needs_in_team_fields(tx, team, 3).await?;
    for (need, _) in &targets {
        needs::set_confidential(
            tx,
            *need,
            "合作医院可提供脱敏的病例数据和手术视频；目标售价与采购渠道见附件。 The partner hospital can share de-identified case data and surgical videos; the target price and purchasing channel are attached.",
        )
        .await?;
    }
    // The engineer's team asked about the first need; the second need's author asked the team;
    // the third is already agreed (accepted) so that its confidential part can open.
    let asked = |need: i64, side: InterestSide, by: i64| NewInterest {
        target: Target::Need(need),
        team_id: team,
        from_side: side,
        message: "",
        created_by: by,
    };
    if let Some((need, _)) = targets.first() {
        let mut i = asked(*need, InterestSide::Team, engineer);
        i.message = "我们做过类似的康复设备，希望进一步了解。/ We built similar devices and would like to learn more.";
        mm::insert_interest(tx, &i, t0).await?;
    }
    if let Some((need, Some(author))) = targets.get(1) {
        let mut i = asked(*need, InterestSide::Clinical, *author);
        i.message = "贵团队的技术与我们的需求很契合。/ Your team's technology fits our need well.";
        mm::insert_interest(tx, &i, t0).await?;
    }
    if let Some((need, _)) = targets.get(2) {
        let id = mm::insert_interest(tx, &asked(*need, InterestSide::Team, engineer), t0).await?;
        mm::answer_interest(tx, id, InterestStatus::Accepted, t0 + 3600).await?;
    }
    Ok(())
}
