//! `drx bench calibrate --scores FILE.csv [--truth FILE.csv] --out OUT.csv` end to end on a
//! simulated call written by `--simulate-to`, and its refusal of malformed lines by number.
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("drx-bench-calibrate-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn drx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_drx"))
        .args(["bench", "calibrate"])
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_simulated_call_is_ranked_with_intervals_and_scored_against_its_truth() {
    let d = dir("ok");
    let d_str = d.to_str().unwrap();
    let o = drx(&["--simulate-to", d_str, "--first-seed", "3"]);
    assert!(o.status.success(), "{}", text(&o));
    let scores = d.join("scores.csv");
    let truth = d.join("truth.csv");
    let out = d.join("ranking.csv");
    let o = drx(&[
        "--scores",
        scores.to_str().unwrap(),
        "--truth",
        truth.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--draws",
        "600",
        "--burn-in",
        "200",
    ]);
    let printed = text(&o);
    assert!(o.status.success(), "{printed}");
    assert!(printed.contains("| raw mean |") && printed.contains("| calibrated |"));
    assert!(printed.contains("Kendall τ") && printed.contains("true top-15 found"));
    let ranking = fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = ranking.lines().collect();
    assert_eq!(
        lines[0],
        "rank,rank_lo,rank_hi,submission,reviews,raw_mean,raw_rank,calibrated,lo,hi,mc_error"
    );
    assert_eq!(lines.len(), 1 + 155, "one line per submission");
    for (k, line) in lines[1..].iter().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let rank: usize = f[0].parse().unwrap();
        assert_eq!(rank, k + 1, "sorted by rank");
        let (lo, hi): (usize, usize) = (f[1].parse().unwrap(), f[2].parse().unwrap());
        assert!(lo <= rank && rank <= hi, "{line}");
        let q: Vec<f64> = f[7..10].iter().map(|x| x.parse().unwrap()).collect();
        assert!(q[1] <= q[0] && q[0] <= q[2], "{line}");
    }
    // Calibration beats the raw means on this call (judges differ in severity).
    let tau = |name: &str| -> f64 {
        let row = printed
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap();
        row.split('|').nth(2).unwrap().trim().parse().unwrap()
    };
    assert!(tau("calibrated") > tau("raw mean"), "{printed}");
}

#[test]
fn malformed_lines_are_refused_by_their_number() {
    let d = dir("bad");
    let out = d.join("out.csv");
    let cases = [
        (
            "judge,submission,criterion,score\nJ1,S1,c,5\nJ2,S1,c\n",
            "line 3: expected 4",
        ),
        (
            "J1,S1,c,5\nJ2,S1,c,five\n",
            "line 2: score \"five\" is not a number",
        ),
        (
            "J1,S1,c,5\n\nJ1,S1,c,6\n",
            "line 3: judge \"J1\" already scored criterion \"c\"",
        ),
        ("J1,,c,5\n", "line 1: field 2 is empty"),
    ];
    for (k, (content, expected)) in cases.iter().enumerate() {
        let scores = d.join(format!("scores{k}.csv"));
        fs::write(&scores, content).unwrap();
        let o = drx(&[
            "--scores",
            scores.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(!o.status.success(), "case {k} accepted");
        assert!(text(&o).contains(expected), "case {k}: {}", text(&o));
    }
    let scores = d.join("good.csv");
    fs::write(&scores, "J1,S1,c,5\nJ2,S1,c,6\nJ1,S2,c,7\n").unwrap();
    let truth = d.join("truth.csv");
    fs::write(&truth, "submission,true_quality\nS1,0.5\nS9,1\n").unwrap();
    let o = drx(&[
        "--scores",
        scores.to_str().unwrap(),
        "--truth",
        truth.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("line 3: submission \"S9\" has no scores"),
        "{}",
        text(&o)
    );
}
