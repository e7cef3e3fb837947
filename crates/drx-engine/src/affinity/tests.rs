use super::*;
use proptest::prelude::*;

fn analyzer() -> &'static Analyzer {
    Analyzer::shared()
}

fn profile(id: &str, docs: &[(&str, &str)]) -> Profile {
    Profile {
        id: id.into(),
        documents: docs
            .iter()
            .enumerate()
            .map(|(i, (t, x))| Document::new(format!("{id}-{i}"), *t, *x))
            .collect(),
        ..Default::default()
    }
}

/// Unrelated filler profiles so that idf has a pool to speak of.
fn filler() -> Vec<Profile> {
    vec![
        profile(
            "f1",
            &[(
                "Soil moisture sensing",
                "Field sensors for irrigation of crops and soil water",
            )],
        ),
        profile(
            "f2",
            &[(
                "Medieval trade routes",
                "Merchants, ships and harbours of the Baltic sea",
            )],
        ),
        profile(
            "f3",
            &[("城市交通规划", "城市道路 交通 拥堵 公交 地铁 规划")],
        ),
    ]
}

/// A model of `profiles`, the filler profiles added after them, against `docs`.
fn model(mut profiles: Vec<Profile>, docs: &[Document], params: Params) -> AffinityModel {
    profiles.extend(filler());
    AffinityModel::build(analyzer(), &profiles, docs, params)
}

/// The words an explanation names as shared, highest-weighing first.
fn shared_words(why: &Explanation) -> Vec<&str> {
    why.shared_terms
        .iter()
        .map(|t| t.surface.as_str())
        .collect()
}

#[test]
fn chinese_rehabilitation_need_prefers_rehabilitation_profile_over_oncology() {
    let profiles = vec![
        profile(
            "rehab",
            &[(
                "下肢康复外骨骼",
                "面向中风患者的康复训练外骨骼，步态康复与助力控制",
            )],
        ),
        profile(
            "onco",
            &[("肿瘤放疗计划", "肿瘤放射治疗的剂量规划与放疗设备质控")],
        ),
    ];
    let need = Document::new(
        "need",
        "康复机器人需求",
        "我院康复科需要一种康复机器人，帮助中风患者进行上肢康复训练。",
    );
    let m = model(profiles, &[need], Params::default());
    let rehab = m.score(0, 0);
    let onco = m.score(1, 0);
    assert!(rehab > onco, "rehab {rehab} onco {onco}");
    let why = m.explain(0, 0, 5);
    let words = shared_words(&why);
    assert!(words.contains(&"康复"), "{words:?}");
}

#[test]
fn profile_sharing_more_weighted_terms_scores_higher() {
    let profiles = vec![
        profile(
            "many",
            &[(
                "Graph neural networks for molecules",
                "Message passing neural networks predict molecular properties of drug candidates",
            )],
        ),
        profile(
            "few",
            &[(
                "Neural networks for images",
                "Convolutional networks classify natural images",
            )],
        ),
        profile(
            "none",
            &[(
                "Ancient pottery",
                "Kilns and glazes in bronze age workshops",
            )],
        ),
    ];
    let doc = Document::new(
        "sub",
        "Predicting molecular properties with graph neural networks",
        "We train message passing graph networks on molecules to predict drug properties.",
    );
    let m = model(profiles, &[doc], Params::default());
    let (many, few, none) = (m.score(0, 0), m.score(1, 0), m.score(2, 0));
    assert!(many > few && few > none, "{many} {few} {none}");
    assert_eq!(none, 0.0);
}

#[test]
fn reason_names_the_shared_terms_nearest_work_and_matched_tags() {
    let mut p = profile(
        "judge",
        &[
            (
                "Bronze age pottery",
                "Kilns, glazes and clay of early workshops",
            ),
            (
                "Ultrasound imaging of the heart",
                "Echocardiography with deep learning segmentation of the left ventricle",
            ),
        ],
    );
    p.fields = vec!["Cardiology".into()];
    p.keywords = vec!["echocardiography".into(), "deep learning".into()];
    let profiles = vec![p];
    let mut doc = Document::new(
        "sub",
        "Automatic echocardiography reading",
        "A deep learning system measures the left ventricle from echocardiography videos.",
    );
    doc.fields = vec!["cardiology".into(), "oncology".into()];
    doc.keywords = vec!["Deep Learning".into()];
    let mut params = Params::default();
    params.weighting.bigram_weight = 0.5;
    let m = model(profiles, &[doc], params);
    let why = m.explain(0, 0, 8);
    let words = shared_words(&why);
    for want in [
        "echocardiography",
        "cardiology",
        "ventricle",
        "deep learning",
    ] {
        assert!(words.contains(&want), "missing {want} in {words:?}");
    }
    assert!(!words.iter().any(|w| w.contains("pottery")));
    // Weighted terms come heaviest first.
    assert!(why
        .shared_terms
        .windows(2)
        .all(|w| w[0].weight >= w[1].weight));
    let near = why.nearest_work.expect("a nearest work");
    assert_eq!(near.index, 1);
    assert_eq!(near.title, "Ultrasound imaging of the heart");
    assert_eq!(why.matched_fields, vec!["cardiology".to_string()]);
    assert_eq!(why.matched_keywords, vec!["Deep Learning".to_string()]);
    assert!(why.score > 0.0 && why.score <= 1.0);
    assert_eq!(why.dense, None);
}

#[test]
fn mixed_language_document_matches_on_both_scripts() {
    let profiles = vec![
        profile(
            "mixed",
            &[(
                "MRI 引导的肿瘤放疗",
                "deep learning 自动勾画 tumour contours on MRI",
            )],
        ),
        profile(
            "other",
            &[("康复外骨骼", "gait rehabilitation exoskeleton control")],
        ),
    ];
    let doc = Document::new(
        "d",
        "基于deep learning的MRI肿瘤勾画",
        "automatic contours for 放疗 planning",
    );
    let m = model(profiles, &[doc], Params::default());
    assert!(m.score(0, 0) > m.score(1, 0));
    let why = m.explain(0, 0, 10);
    let words = shared_words(&why);
    for want in ["mri", "肿瘤", "放疗", "contours"] {
        assert!(words.contains(&want), "missing {want} in {words:?}");
    }
}

#[test]
fn without_vectors_the_score_is_the_lexical_score() {
    let profiles = vec![profile(
        "a",
        &[("Heart ultrasound", "echocardiography of the left ventricle")],
    )];
    let doc = Document::new("d", "Echocardiography", "left ventricle measurement");
    let m = AffinityModel::build(
        analyzer(),
        &profiles,
        std::slice::from_ref(&doc),
        Params::default(),
    );
    let plain = m.explain(0, 0, 3);
    assert_eq!(plain.dense, None);
    assert_eq!(plain.score, plain.lexical);

    // A vector on one side only changes nothing.
    let mut with_doc_vec = doc.clone();
    with_doc_vec.embedding = Some(vec![1.0, 0.0]);
    let m1 = AffinityModel::build(
        analyzer(),
        &profiles,
        &[with_doc_vec.clone()],
        Params::default(),
    );
    assert_eq!(m1.score(0, 0), plain.score);

    // Vectors on both sides are mixed in: an orthogonal vector lowers the score, an identical one
    // raises it.
    let mut vp = profiles.clone();
    vp[0].documents[0].embedding = Some(vec![0.0, 3.0]);
    let orth = AffinityModel::build(analyzer(), &vp, &[with_doc_vec.clone()], Params::default());
    let e = orth.explain(0, 0, 3);
    assert_eq!(e.dense, Some(0.0));
    assert!(e.score < plain.score);
    vp[0].documents[0].embedding = Some(vec![2.0, 0.0]);
    let same = AffinityModel::build(analyzer(), &vp, &[with_doc_vec], Params::default());
    let e = same.explain(0, 0, 3);
    assert!((e.dense.unwrap() - 1.0).abs() < 1e-9);
    assert!(e.score > plain.score);
}

#[test]
fn model_can_be_shared_between_threads() {
    fn check<T: Send + Sync>() {}
    check::<AffinityModel>();
}

#[test]
fn aggregate_pools_between_mean_and_max() {
    let s = [0.1, 0.5, 0.3];
    assert_eq!(aggregate(&s, Aggregate::Max), 0.5);
    assert!((aggregate(&s, Aggregate::Mean) - 0.3).abs() < 1e-12);
    assert!((aggregate(&s, Aggregate::TopMean(2)) - 0.4).abs() < 1e-12);
    let soft = aggregate(&s, Aggregate::Softmax(10.0));
    assert!(soft > 0.3 && soft < 0.5);
    assert!((aggregate(&s, Aggregate::Softmax(0.0)) - 0.3).abs() < 1e-12);
    assert_eq!(aggregate(&[], Aggregate::Max), 0.0);
}

#[test]
fn top_documents_ranks_documents_for_a_profile() {
    let profiles = vec![profile(
        "a",
        &[("Heart ultrasound", "echocardiography of the left ventricle")],
    )];
    let docs = vec![
        Document::new("x", "Crop irrigation", "soil water sensors"),
        Document::new("y", "Echocardiography AI", "left ventricle ultrasound"),
    ];
    let m = model(profiles, &docs, Params::default());
    let top = m.top_documents(0, 1);
    assert_eq!(top.len(), 1);
    assert_eq!(m.document_id(top[0].index), "y");
    let explained = m.top_documents_explained(0, 2, 3);
    assert_eq!(explained[0].0, top[0]);
    assert_eq!(
        explained[0].1.nearest_work.as_ref().map(|n| n.id.as_str()),
        Some("a-0")
    );
    let y = m.document_index("y").unwrap();
    let judges = m.top_profiles_explained(y, 2, 3);
    assert_eq!(judges[0].0.index, m.profile_index("a").unwrap());
    assert!(!judges[0].1.shared_terms.is_empty());
}

const WORDS: &[&str] = &[
    "heart",
    "lung",
    "tumour",
    "robot",
    "gait",
    "sensor",
    "image",
    "dose",
    "brain",
    "stroke",
    "kidney",
    "liver",
    "vessel",
    "stent",
    "needle",
    "laser",
    "康复",
    "肿瘤",
    "放疗",
    "外骨骼",
];

fn text_of(ids: &[usize]) -> String {
    ids.iter()
        .map(|&i| WORDS[i % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn index_top_k_equals_exhaustive_top_k(
        profs in prop::collection::vec(prop::collection::vec(prop::collection::vec(0usize..20, 0..6), 1..4), 1..12),
        queries in prop::collection::vec(prop::collection::vec(0usize..20, 0..6), 1..4),
        tags in prop::collection::vec(0usize..20, 0..12),
        k in 1usize..8,
        agg in 0usize..4,
    ) {
        let profiles: Vec<Profile> = profs.iter().enumerate().map(|(p, docs)| Profile {
            id: format!("p{p}"),
            documents: docs.iter().enumerate().map(|(i, w)| Document::new(format!("p{p}d{i}"), "", text_of(w))).collect(),
            fields: tags.get(p).map(|&t| vec![WORDS[t].to_string()]).unwrap_or_default(),
            ..Default::default()
        }).collect();
        let docs: Vec<Document> = queries.iter().enumerate().map(|(i, w)| {
            let mut d = Document::new(format!("q{i}"), "", text_of(w));
            d.fields = w.first().map(|&t| vec![WORDS[(t + 1) % WORDS.len()].to_string()]).unwrap_or_default();
            d
        }).collect();
        let mut params = Params::default();
        params.combine.aggregate = [Aggregate::Max, Aggregate::Mean, Aggregate::TopMean(2), Aggregate::Softmax(10.0)][agg];
        let m = AffinityModel::build(analyzer(), &profiles, &docs, params);
        for d in 0..docs.len() {
            let mut all: Vec<Ranked> = (0..profiles.len()).map(|p| Ranked { index: p, score: m.score(p, d) }).collect();
            sort_ranked(&mut all);
            all.truncate(k);
            prop_assert_eq!(m.top_profiles(d, k), all.clone());
            // With every term kept, pruning is exact too.
            prop_assert_eq!(m.top_profiles_pruned(d, k, 1000), all.clone());
            // With few terms it may miss profiles, but what it returns is scored in full,
            // best first, and comes from the candidates that share a heavy term.
            let few = m.top_profiles_pruned(d, k, 2);
            prop_assert!(few.len() <= k);
            for r in &few {
                prop_assert_eq!(r.score, m.score(r.index, d));
            }
            prop_assert!(few.windows(2).all(|w| w[0].score >= w[1].score));
            let via_index = m.all_scores(d);
            for (p, &vi) in via_index.iter().enumerate() {
                let s = m.score(p, d);
                prop_assert!((0.0..=1.0).contains(&s));
                prop_assert_eq!(vi, s);
            }
        }
    }
}

#[test]
fn relative_score_subtracts_the_pool_baseline_and_ranks_specific_documents_first() {
    let profiles = vec![
        profile(
            "cardio",
            &[(
                "Heart ultrasound",
                "echocardiography of the left ventricle in heart failure",
            )],
        ),
        profile(
            "general",
            &[(
                "Clinical data",
                "patients hospital clinical study data analysis",
            )],
        ),
    ];
    let docs = vec![
        // Generic: close to both profiles' shared vocabulary.
        Document::new(
            "generic",
            "Clinical study of hospital patients",
            "data analysis of patients in hospital heart study",
        ),
        Document::new(
            "specific",
            "Left ventricle echocardiography",
            "ultrasound of the left ventricle in heart failure",
        ),
    ];
    let mut params = Params::default();
    params.combine.centering = 1.0;
    let m = model(profiles, &docs, params);
    for d in 0..docs.len() {
        let all = m.all_scores(d);
        let mean = all.iter().sum::<f64>() / all.len() as f64;
        assert!((m.baseline(d) - mean).abs() < 1e-12);
        for (p, s) in all.iter().enumerate() {
            assert_eq!(*s, m.score(p, d));
            assert!((m.relative_score(p, d) - (s - mean)).abs() < 1e-12);
        }
    }
    let top = m.top_documents(0, 2);
    assert_eq!(m.document_id(top[0].index), "specific");
    let why = m.explain(0, 1, 3);
    assert!((why.relative - (why.score - why.baseline)).abs() < 1e-12);
}
