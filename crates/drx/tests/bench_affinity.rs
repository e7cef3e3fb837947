//! `drx bench affinity` end to end on a tiny dataset in the gold-standard layout.
use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn paper(id: &str, title: &str, abstract_: &str) -> String {
    format!(r#"{{"id": "{id}", "content": {{"title": "{title}", "abstract": "{abstract_}"}}}}"#)
}

fn dataset() -> PathBuf {
    let root = std::env::temp_dir().join(format!("drx-bench-affinity-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    for sample in ["d_20_1", "d_20_2"] {
        let archives = root.join(sample).join("archives");
        fs::create_dir_all(&archives).unwrap();
        fs::write(
            archives.join("~11.jsonl"),
            [
                paper(
                    "a1",
                    "Cardiac ultrasound",
                    "Echocardiography of the left ventricle",
                ),
                paper(
                    "a2",
                    "Heart failure imaging",
                    "Ultrasound measures of ejection fraction",
                ),
            ]
            .join("\n"),
        )
        .unwrap();
        fs::write(
            archives.join("~22.jsonl"),
            paper(
                "b1",
                "Soil moisture sensing",
                "Irrigation of crops with field soil sensors",
            ),
        )
        .unwrap();
        let subs = format!(
            "{{\"x\": {}, \"y\": {}, \"z\": {}}}",
            paper(
                "x",
                "Echocardiography with deep learning",
                "Left ventricle ejection fraction from ultrasound"
            ),
            paper(
                "y",
                "Crop irrigation scheduling",
                "Soil moisture sensors drive irrigation"
            ),
            paper(
                "z",
                "Heart ultrasound and soil",
                "An unusual mix of ultrasound and soil"
            ),
        );
        fs::write(root.join(sample).join("submissions.json"), subs).unwrap();
    }
    let mut header = vec!["ParticipantID".to_string()];
    header.extend((1..=10).map(|i| format!("Paper{i}")));
    header.extend((1..=10).map(|i| format!("Expertise{i}")));
    let row = |id: &str, papers: [&str; 2], ratings: [&str; 2]| {
        let mut r = vec![id.to_string()];
        r.extend(papers.iter().map(|s| s.to_string()));
        r.extend(vec![String::new(); 8]);
        r.extend(ratings.iter().map(|s| s.to_string()));
        r.extend(vec![String::new(); 8]);
        r.join("\t")
    };
    let csv = [
        header.join("\t"),
        row("11", ["x", "y"], ["5.0", "1.0"]),
        row("22", ["x", "y"], ["1.0", "4.0"]),
    ]
    .join("\n");
    fs::write(root.join("evaluations.csv"), csv + "\n").unwrap();
    root
}

#[test]
fn bench_affinity_writes_predictions_and_prints_the_loss_last() {
    let data = dataset();
    let out = data.join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_drx"))
        .args(["bench", "affinity", "--dataset"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    // Each participant's own field ranks first: no pair is mis-ordered.
    assert_eq!(stdout.lines().last(), Some("loss=0.0000"), "{stdout}");
    for sample in ["d_20_1", "d_20_2"] {
        let text = fs::read_to_string(out.join(format!("pred_{sample}.json"))).unwrap();
        let preds: serde_json::Value = serde_json::from_str(&text).unwrap();
        for person in ["11", "22"] {
            for paper in ["x", "y", "z"] {
                let s = preds[person][paper].as_f64().unwrap();
                assert!((0.0..=1.0).contains(&s), "{person} {paper} {s}");
            }
        }
    }
    fs::remove_dir_all(&data).unwrap();
}
