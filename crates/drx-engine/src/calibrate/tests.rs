//! Calibration on small calls whose answer is known, and invariants on random calls.
use super::rng::Rng;
use super::*;

fn review(judge: usize, submission: usize, score: f64) -> Review {
    Review {
        judge,
        submission,
        score,
        confidence: None,
    }
}

fn call(num_judges: usize, num_submissions: usize, reviews: Vec<Review>) -> Reviews {
    Reviews {
        num_judges,
        num_submissions,
        scale: (1.0, 10.0),
        reviews,
    }
}

/// Small deterministic wobble so the data are not exactly noise-free.
fn wobble(i: usize) -> f64 {
    [0.1, -0.1, 0.0, 0.05, -0.05][i % 5]
}

fn check_invariants(c: &Calibration, input: &Reviews, opt: &Options) {
    let ns = input.num_submissions;
    assert_eq!(c.submissions.len(), ns);
    assert_eq!(c.judges.len(), input.num_judges);
    let mut seen = vec![false; ns];
    for e in &c.submissions {
        for v in [e.quality, e.lo, e.hi] {
            assert!(v.is_finite(), "non-finite estimate {e:?}");
        }
        assert!(e.lo <= e.quality && e.quality <= e.hi, "{e:?}");
        assert!(
            1 <= e.rank_lo && e.rank_lo <= e.rank && e.rank <= e.rank_hi && e.rank_hi <= ns,
            "{e:?}"
        );
        assert!(!seen[e.rank - 1], "rank {} given twice", e.rank);
        seen[e.rank - 1] = true;
        assert_eq!(e.raw_mean.is_some(), e.n > 0);
        assert_eq!(e.raw_rank.is_some(), e.n > 0);
        match opt.finalists.filter(|&n| n > 0 && n < ns) {
            Some(n) => {
                let p = e.p_finalist.expect("p_finalist with a cut");
                assert!((0.0..=1.0).contains(&p));
                assert_eq!(e.at_cut_tie, e.rank_lo <= n && e.rank_hi > n);
            }
            None => assert!(!e.at_cut_tie && e.p_finalist.is_none()),
        }
    }
    for j in &c.judges {
        for v in [j.bias, j.bias_lo, j.bias_hi, j.scale] {
            assert!(v.is_finite(), "non-finite judge effect {j:?}");
        }
        assert!(j.bias_lo <= j.bias && j.bias <= j.bias_hi, "{j:?}");
    }
    let m = &c.model;
    for v in [m.noise_sd, m.quality_sd, m.bias_sd, m.scale_sd] {
        assert!(v.is_finite() && v >= 0.0, "{m:?}");
    }
}

/// Calibrates with the offset-only and the offset + spread model, checking invariants of both.
fn with_and_without_judge_scale(input: &Reviews) -> Vec<(bool, Calibration)> {
    [false, true]
        .into_iter()
        .map(|judge_scale| {
            let opt = Options {
                judge_scale,
                ..Options::default()
            };
            let c = calibrate(input, &opt).unwrap();
            check_invariants(&c, input, &opt);
            (judge_scale, c)
        })
        .collect()
}

/// Ten submissions of rising true quality; judges 0 and 1 read all, judge 2 the even ones and
/// the harsh judge 3 (two points below the truth) the odd ones, so every odd submission's raw
/// mean falls below its weaker even neighbour's.
fn harsh_judge_call() -> (Reviews, Vec<f64>) {
    let truth: Vec<f64> = (0..10).map(|s| 4.0 + 0.5 * s as f64).collect();
    let mut reviews = Vec::new();
    for (s, &t) in truth.iter().enumerate() {
        reviews.push(review(0, s, t + wobble(s)));
        reviews.push(review(1, s, t + wobble(s + 1)));
        if s % 2 == 0 {
            reviews.push(review(2, s, t + wobble(s + 2)));
        } else {
            reviews.push(review(3, s, t - 2.0 + wobble(s + 3)));
        }
    }
    (call(4, 10, reviews), truth)
}

#[test]
fn harsh_judge_gets_an_offset_of_about_minus_two_and_calibration_undoes_the_raw_inversion() {
    let (input, truth) = harsh_judge_call();
    for (judge_scale, c) in with_and_without_judge_scale(&input) {
        let fair = (c.judges[0].bias + c.judges[1].bias + c.judges[2].bias) / 3.0;
        let harsh = c.judges[3].bias - fair;
        assert!(
            (-2.3..=-1.7).contains(&harsh),
            "harsh judge offset {harsh} (scale {judge_scale})"
        );
        // Against the average of all four judges (the reported reference) it is -2 * 3/4.
        assert!(
            (-1.8..=-1.2).contains(&c.judges[3].bias),
            "{:?}",
            c.judges[3]
        );

        let raw: Vec<f64> = c.submissions.iter().map(|e| e.raw_mean.unwrap()).collect();
        assert!(raw[1] < raw[0], "the setup must invert the raw order");
        for s in 0..10 {
            assert_eq!(
                c.submissions[s].rank,
                10 - s,
                "submission {s} (scale {judge_scale})"
            );
        }
        assert!((kendall_tau_b(&truth, &raw) - 1.0).abs() > 0.1);
        let quality: Vec<f64> = c.submissions.iter().map(|e| e.quality).collect();
        assert_eq!(kendall_tau_b(&truth, &quality), 1.0);

        // The explanation: the harsh judge's review gives points back, the others' take a
        // little away, and raw mean + shifts + shrinkage is the calibrated score.
        for e in &c.submissions {
            for x in &e.shifts {
                assert_eq!(input.reviews[x.review].judge, x.judge);
                if x.judge == 3 {
                    assert!(x.shift > 0.3, "harsh judge's shift {x:?}");
                } else {
                    assert!(x.shift < 0.0, "fair judge's shift {x:?}");
                }
            }
            let explained: f64 = e.shifts.iter().map(|x| x.shift).sum::<f64>() + e.shrinkage;
            assert!((e.raw_mean.unwrap() + explained - e.quality).abs() < 1e-9);
        }
    }
}

#[test]
fn identical_judges_leave_the_raw_order_unchanged() {
    // Every judge would give submission s the same score; each reads a different subset.
    let scores = [6.0, 3.0, 8.0, 5.0, 2.0, 9.0, 4.0, 7.0];
    let mut reviews = Vec::new();
    for (s, &y) in scores.iter().enumerate() {
        for k in 0..3 {
            reviews.push(review((s + k) % 5, s, y));
        }
    }
    let input = call(5, scores.len(), reviews);
    for (_, c) in with_and_without_judge_scale(&input) {
        for e in &c.submissions {
            assert_eq!(Some(e.rank), e.raw_rank, "{e:?}");
        }
        for j in &c.judges {
            assert!(j.bias.abs() < 0.2, "{j:?}");
        }
    }
}

#[test]
fn a_single_review_per_submission_is_well_posed_and_keeps_each_judges_own_order() {
    let scores = [7.0, 4.0, 9.0, 2.0, 6.0, 5.0, 8.0, 3.0, 6.5, 4.5, 7.5, 1.5];
    let reviews: Vec<Review> = scores
        .iter()
        .enumerate()
        .map(|(s, &y)| review(s % 3, s, y))
        .collect();
    let input = call(3, scores.len(), reviews);
    let opt = Options {
        judge_scale: false,
        ..Options::default()
    };
    let c = calibrate(&input, &opt).unwrap();
    check_invariants(&c, &input, &opt);
    for e in &c.submissions {
        assert!(
            e.hi - e.lo > 0.5,
            "one review cannot give a narrow interval: {e:?}"
        );
    }
    for s in 0..scores.len() {
        for t in 0..scores.len() {
            if s % 3 == t % 3 && scores[s] > scores[t] {
                assert!(
                    c.submissions[s].quality > c.submissions[t].quality,
                    "{s} vs {t}"
                );
            }
        }
    }
}

#[test]
fn a_judge_nobody_overlaps_gets_a_wide_offset_and_an_unreviewed_submission_a_wide_interval() {
    // Judges 0..3 share submissions 0..8 three to a submission; judge 4 alone reads 8 and 9;
    // submission 10 has no review.
    let mut reviews = Vec::new();
    for s in 0..8 {
        for k in 0..3 {
            reviews.push(review((s + k) % 4, s, 3.0 + 0.7 * s as f64 + wobble(s + k)));
        }
    }
    reviews.push(review(4, 8, 6.0));
    reviews.push(review(4, 9, 4.0));
    let input = call(5, 11, reviews);
    let opt = Options {
        finalists: Some(3),
        ..Options::default()
    };
    let c = calibrate(&input, &opt).unwrap();
    check_invariants(&c, &input, &opt);

    let width = |j: &JudgeEffect| j.bias_hi - j.bias_lo;
    let connected = c.judges[..4].iter().map(width).fold(0.0, f64::max);
    assert!(width(&c.judges[4]) > 2.0 * connected, "{:?}", c.judges);

    let lonely = &c.submissions[10];
    assert_eq!(lonely.n, 0);
    assert!(lonely.raw_mean.is_none() && lonely.raw_rank.is_none());
    let widest_reviewed = c.submissions[..8]
        .iter()
        .map(|e| e.hi - e.lo)
        .fold(0.0, f64::max);
    assert!(lonely.hi - lonely.lo > widest_reviewed, "{lonely:?}");
}

#[test]
fn the_same_seed_gives_the_same_calibration_bit_for_bit() {
    let (input, _) = harsh_judge_call();
    let opt = Options {
        seed: 99,
        finalists: Some(4),
        ..Options::default()
    };
    let a = calibrate(&input, &opt).unwrap();
    let b = calibrate(&input, &opt).unwrap();
    assert_eq!(a, b);
    let other = calibrate(
        &input,
        &Options {
            seed: 100,
            ..opt.clone()
        },
    )
    .unwrap();
    assert_ne!(a, other, "the seed must reach the sampler");
    // Monte Carlo noise only: the clear ranking does not move with the seed.
    for (x, y) in a.submissions.iter().zip(&other.submissions) {
        assert_eq!(x.rank, y.rank);
        assert!((x.quality - y.quality).abs() < 0.1);
    }
}

#[test]
fn near_equal_submissions_across_the_cut_are_flagged_and_clear_ones_are_not() {
    // Two clear leaders, two near-identical middles, two clear laggards; cut after 3.
    let level = [9.0, 8.6, 6.0, 6.05, 3.0, 2.5];
    let mut reviews = Vec::new();
    for (s, &y) in level.iter().enumerate() {
        for j in 0..4 {
            reviews.push(review(j, s, y + 3.0 * wobble(s + j)));
        }
    }
    let input = call(4, level.len(), reviews);
    let opt = Options {
        finalists: Some(3),
        ..Options::default()
    };
    let c = calibrate(&input, &opt).unwrap();
    check_invariants(&c, &input, &opt);
    let flags: Vec<bool> = c.submissions.iter().map(|e| e.at_cut_tie).collect();
    assert_eq!(flags, vec![false, false, true, true, false, false]);
    assert!(c.submissions[0].p_finalist.unwrap() > 0.95);
    assert!(c.submissions[5].p_finalist.unwrap() < 0.05);
}

#[test]
fn a_confident_review_weighs_more_than_a_hesitant_one() {
    // Judges 0 and 1 agree elsewhere; on submission 0 they disagree, judge 0 confidently.
    let mut reviews = Vec::new();
    for s in 1..6 {
        reviews.push(review(0, s, 2.0 + s as f64));
        reviews.push(review(1, s, 2.0 + s as f64 + wobble(s)));
    }
    reviews.push(Review {
        judge: 0,
        submission: 0,
        score: 8.0,
        confidence: Some(3.0),
    });
    reviews.push(Review {
        judge: 1,
        submission: 0,
        score: 4.0,
        confidence: Some(0.3),
    });
    let input = call(2, 6, reviews);
    let c = calibrate(&input, &Options::default()).unwrap();
    let e = &c.submissions[0];
    assert_eq!(e.raw_mean, Some(6.0));
    assert!(e.quality > 6.5, "{e:?}");
}

#[test]
fn invalid_input_is_refused_with_the_offending_review() {
    let ok = || call(2, 2, vec![review(0, 0, 5.0), review(1, 1, 6.0)]);
    let opt = Options::default();
    let with = |f: &dyn Fn(&mut Reviews)| {
        let mut r = ok();
        f(&mut r);
        calibrate(&r, &opt).unwrap_err()
    };
    assert_eq!(
        with(&|r| r.scale = (5.0, 5.0)),
        CalibrationError::InvalidScale
    );
    assert_eq!(with(&|r| r.reviews.clear()), CalibrationError::NoReviews);
    assert_eq!(
        with(&|r| r.reviews[1].judge = 2),
        CalibrationError::JudgeOutOfRange { review: 1 }
    );
    assert_eq!(
        with(&|r| r.reviews[0].submission = 9),
        CalibrationError::SubmissionOutOfRange { review: 0 }
    );
    assert_eq!(
        with(&|r| r.reviews[1].score = f64::NAN),
        CalibrationError::ScoreOutsideScale { review: 1 }
    );
    assert_eq!(
        with(&|r| r.reviews[1].score = 10.5),
        CalibrationError::ScoreOutsideScale { review: 1 }
    );
    assert_eq!(
        with(&|r| r.reviews[0].confidence = Some(0.0)),
        CalibrationError::InvalidConfidence { review: 0 }
    );
    let bad_options = [
        Options {
            draws: 0,
            ..Options::default()
        },
        Options {
            level: 1.0,
            ..Options::default()
        },
        Options {
            level: f64::NAN,
            ..Options::default()
        },
    ];
    for bad in bad_options {
        assert!(matches!(
            calibrate(&ok(), &bad),
            Err(CalibrationError::InvalidOptions(_))
        ));
    }
}

#[test]
fn random_calls_never_give_nan_or_intervals_that_miss_their_point() {
    let mut g = Rng::new(2024);
    for case in 0..60 {
        let ns = 1 + g.below(25) as usize;
        let nj = 1 + g.below(8) as usize;
        let min = g.uniform() * 10.0 - 5.0;
        let max = min + 0.5 + g.uniform() * 20.0;
        let nr = 1 + g.below(60) as usize;
        let integer_scores = g.below(2) == 0;
        let reviews = (0..nr)
            .map(|_| {
                let mut score = min + g.uniform() * (max - min);
                if integer_scores {
                    score = score.round().clamp(min, max);
                }
                Review {
                    judge: g.below(nj as u64) as usize,
                    submission: g.below(ns as u64) as usize,
                    score,
                    confidence: (g.below(2) == 0).then(|| 0.1 + 2.0 * g.uniform()),
                }
            })
            .collect();
        let input = Reviews {
            num_judges: nj,
            num_submissions: ns,
            scale: (min, max),
            reviews,
        };
        let opt = Options {
            seed: case,
            burn_in: 50,
            draws: 150,
            level: 0.5 + 0.49 * g.uniform(),
            judge_scale: g.below(2) == 0,
            finalists: (g.below(3) > 0).then(|| g.below(ns as u64 + 2) as usize),
            robust: g.below(2) == 0,
        };
        let c = calibrate(&input, &opt).unwrap_or_else(|e| panic!("case {case}: {e}"));
        check_invariants(&c, &input, &opt);
    }
}

#[test]
fn kendall_tau_b_matches_hand_counts() {
    assert_eq!(kendall_tau_b(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0);
    assert_eq!(kendall_tau_b(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0);
    // 5 concordant, 1 discordant pair.
    let t = kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]);
    assert!((t - 4.0 / 6.0).abs() < 1e-12);
    // One tie in y: C = 5, D = 0, pairs untied in x 6, in y 5.
    let t = kendall_tau_b(&[1.0, 2.0, 3.0, 4.0], &[1.0, 2.0, 2.0, 4.0]);
    assert!((t - 5.0 / (6.0f64 * 5.0).sqrt()).abs() < 1e-12);
    assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
}

/// A call of `ns` submissions, each read by 3 of `nj` judges whose severities differ, scores
/// rounded to integers on 1..10 as judges give them.
fn random_call(seed: u64, ns: usize, nj: usize) -> Reviews {
    let mut g = Rng::new(seed);
    let severity: Vec<f64> = (0..nj).map(|_| 0.8 * g.normal()).collect();
    let mut reviews = Vec::new();
    for s in 0..ns {
        let quality = 5.5 + 1.5 * g.normal();
        let first = g.below(nj as u64) as usize;
        for k in 0..3 {
            let j = (first + k * (1 + s % 2)) % nj;
            let score = (quality + severity[j] + 0.7 * g.normal()).round();
            reviews.push(review(j, s, score.clamp(1.0, 10.0)));
        }
    }
    call(nj, ns, reviews)
}

fn quick(seed: u64) -> Options {
    Options {
        seed,
        burn_in: 200,
        draws: 800,
        ..Options::default()
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]

    /// Issue 14: one review more, near the submission's own mean, must not throw the others
    /// out of their rank intervals (it did when every sweep shared one random stream and an
    /// outlying review was believed in full).
    #[test]
    fn one_more_review_near_the_mean_keeps_every_other_rank_within_its_interval(
        call_seed in 0u64..1000,
        target in 0usize..24,
        sampler_seed in 0u64..1000,
    ) {
        let input = random_call(call_seed, 24, 8);
        let before = calibrate(&input, &quick(sampler_seed)).unwrap();
        let panel: Vec<usize> = input.reviews.iter().filter(|r| r.submission == target).map(|r| r.judge).collect();
        let judge = (0..8).find(|j| !panel.contains(j)).unwrap();
        let mut more = input.clone();
        more.reviews.push(review(judge, target, before.submissions[target].raw_mean.unwrap().round()));
        let after = calibrate(&more, &quick(sampler_seed)).unwrap();
        for (s, (b, a)) in before.submissions.iter().zip(&after.submissions).enumerate() {
            if s != target {
                proptest::prop_assert!(
                    b.rank_lo <= a.rank && a.rank <= b.rank_hi,
                    "submission {s}: rank {} -> {} outside [{}, {}]", b.rank, a.rank, b.rank_lo, b.rank_hi
                );
            }
        }
    }

    #[test]
    fn the_same_input_and_seed_give_the_same_result(call_seed in 0u64..1000, sampler_seed: u64) {
        let input = random_call(call_seed, 12, 5);
        proptest::prop_assert_eq!(
            calibrate(&input, &quick(sampler_seed)).unwrap(),
            calibrate(&input, &quick(sampler_seed)).unwrap()
        );
    }
}

#[test]
fn the_monte_carlo_error_is_small_and_honest_about_what_another_seed_changes() {
    let input = random_call(7, 40, 10);
    let a = calibrate(&input, &Options::default()).unwrap();
    let b = calibrate(
        &input,
        &Options {
            seed: 1,
            ..Options::default()
        },
    )
    .unwrap();
    let mut beyond = 0;
    for (x, y) in a.submissions.iter().zip(&b.submissions) {
        assert!(x.quality_mcse > 0.0 && x.quality_mcse < 0.05, "{x:?}");
        // Two independent estimates differ by sqrt(2) standard errors on average.
        if (x.quality - y.quality).abs() > 4.0 * x.quality_mcse.max(y.quality_mcse) {
            beyond += 1;
        }
    }
    assert!(
        beyond <= 2,
        "{beyond} of 40 estimates moved beyond 4 standard errors"
    );
}

#[test]
fn one_outlying_review_barely_moves_the_submissions_its_judge_did_not_read_twice() {
    // Issue 14's #148: a judge with few reviews gives one wild score; the robust model must not
    // turn that into a large severity for the judges who read the same submission.
    let input = random_call(11, 30, 8);
    let before = calibrate(&input, &Options::default()).unwrap();
    let target = 0;
    let panel: Vec<usize> = input
        .reviews
        .iter()
        .filter(|r| r.submission == target)
        .map(|r| r.judge)
        .collect();
    let judge = (0..8).find(|j| !panel.contains(j)).unwrap();
    let mut more = input.clone();
    let raw = before.submissions[target].raw_mean.unwrap();
    more.reviews
        .push(review(judge, target, if raw < 5.5 { 10.0 } else { 1.0 }));
    let after = calibrate(&more, &Options::default()).unwrap();
    for (s, (b, a)) in before
        .submissions
        .iter()
        .zip(&after.submissions)
        .enumerate()
    {
        if s != target {
            assert!(
                (a.quality - b.quality).abs() < 0.35,
                "submission {s}: {} -> {}",
                b.quality,
                a.quality
            );
        }
    }
}
