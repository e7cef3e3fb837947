//! One text analyzer for Chinese, English and mixed text: the terms that indexing and affinity
//! reasons share.
//!
//! Chinese runs are segmented with jieba (its dictionary is compiled into the crate, nothing is
//! read at run time); Latin runs are case folded, stop words dropped and Snowball-stemmed
//! (Porter2). Every token keeps the readable word it came from, so reasons can show "learning"
//! rather than the stem "learn".
use std::collections::HashSet;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};

/// One analyzed word: `term` is the key for matching and indexing, `surface` the lower-cased word
/// as written, for showing to people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub surface: String,
}

/// The analyzer. Building it loads jieba's dictionary (tens of milliseconds), so build it once
/// and share it: it is `Send + Sync`, or use [`Analyzer::shared`].
pub struct Analyzer {
    jieba: Jieba,
    stemmer: Stemmer,
    english_stop: HashSet<&'static str>,
    chinese_stop: HashSet<&'static str>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

// A common English stop list (function words and a few words that are frequent in every
// scientific abstract and say nothing about its topic).
const ENGLISH_STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "et",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "paper",
    "propose",
    "proposed",
    "show",
    "shows",
    "shown",
    "use",
    "used",
    "using",
    "based",
    "new",
    "two",
    "well",
    "many",
    "much",
    "often",
    "several",
    "including",
    "e",
    "g",
    "ie",
    "eg",
];

// Chinese function words, pronouns and generic verbs of statements ("进行", "基于") that jieba
// emits as words of their own.
const CHINESE_STOP: &[&str] = &[
    "的", "了", "和", "是", "在", "与", "及", "或", "等", "对", "为", "于", "中", "将", "把", "被",
    "这", "那", "其", "之", "也", "而", "并", "有", "以", "从", "到", "由", "向", "又", "就", "都",
    "我", "我们", "你", "你们", "他", "她", "它", "他们", "她们", "它们", "一个", "一种", "一些",
    "进行", "通过", "基于", "可以", "能够", "以及", "并且", "或者", "还是", "如果", "因为", "所以",
    "但是", "而且", "这个", "那个", "这些", "那些", "这种", "其中", "目前", "已经", "具有", "用于",
    "需要", "主要", "方面", "问题", "个", "上", "下", "不", "很", "更", "最", "所", "着", "过",
    "吗", "呢", "吧", "啊", "地", "得", "可", "能", "会", "要", "让", "使", "后", "前", "时",
];

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF)
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {
            jieba: Jieba::new(),
            stemmer: Stemmer::create(Algorithm::English),
            english_stop: ENGLISH_STOP.iter().copied().collect(),
            chinese_stop: CHINESE_STOP.iter().copied().collect(),
        }
    }

    /// A process-wide analyzer built on first use.
    pub fn shared() -> &'static Analyzer {
        static SHARED: OnceLock<Analyzer> = OnceLock::new();
        SHARED.get_or_init(Analyzer::new)
    }

    /// Tokens of `text` in reading order, stop words and punctuation removed.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        // Split into maximal runs of Han characters and of alphanumeric characters; anything
        // else (spaces, punctuation, symbols) separates tokens.
        let mut run = String::new();
        let mut run_is_han = false;
        for c in text.chars() {
            let han = is_han(c);
            let word = han || c.is_alphanumeric();
            if !word || (han != run_is_han && !run.is_empty()) {
                self.flush(&run, run_is_han, &mut out);
                run.clear();
            }
            if word {
                run_is_han = han;
                run.push(c);
            }
        }
        self.flush(&run, run_is_han, &mut out);
        out
    }

    /// Just the terms of `text` (see [`Analyzer::analyze`]).
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.analyze(text).into_iter().map(|t| t.term).collect()
    }

    /// Whether `word` (lower case) is dropped as a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.english_stop.contains(word) || self.chinese_stop.contains(word)
    }

    fn flush(&self, run: &str, han: bool, out: &mut Vec<Token>) {
        if run.is_empty() {
            return;
        }
        if han {
            // cut_for_search also emits the dictionary words inside a long compound, so
            // "康复机器人" still meets a profile that only says "康复".
            for tok in self.jieba.cut_for_search(run, true) {
                let w = tok.word;
                if self.chinese_stop.contains(w) {
                    continue;
                }
                out.push(Token {
                    term: w.to_string(),
                    surface: w.to_string(),
                });
            }
        } else {
            let lower = run.to_lowercase();
            // Pure numbers (years, counts) and single letters carry no topic.
            if lower.chars().all(|c| c.is_numeric()) || lower.chars().count() < 2 {
                return;
            }
            if self.english_stop.contains(lower.as_str()) {
                return;
            }
            let term = self.stemmer.stem(&lower).into_owned();
            out.push(Token {
                term,
                surface: lower,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::shared().terms(text)
    }

    #[test]
    fn analyzer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Analyzer>();
    }

    #[test]
    fn english_is_case_folded_stemmed_and_stop_words_dropped() {
        let a = Analyzer::shared();
        let toks = a.analyze("The Learning of Robots, and robotic LEARNERS in 2021.");
        let t: Vec<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(t, vec!["learn", "robot", "robot", "learner"]);
        assert_eq!(toks[0].surface, "learning");
        assert_eq!(toks[1].surface, "robots");
    }

    #[test]
    fn chinese_is_segmented_into_words_without_function_words() {
        let t = terms("我们研究了康复外骨骼的控制方法");
        assert!(t.contains(&"康复".to_string()), "{t:?}");
        assert!(t.contains(&"外骨骼".to_string()), "{t:?}");
        assert!(t.contains(&"控制".to_string()), "{t:?}");
        assert!(!t.contains(&"的".to_string()), "{t:?}");
        assert!(!t.contains(&"我们".to_string()), "{t:?}");
        // Modal verbs alone ("可", "能", "会") say nothing about a topic.
        let t = terms("患者可在家中训练，设备会记录数据");
        assert!(t.contains(&"训练".to_string()), "{t:?}");
        for w in ["可", "会", "在"] {
            assert!(!t.contains(&w.to_string()), "{w} in {t:?}");
        }
    }

    #[test]
    fn compound_chinese_words_also_yield_their_parts() {
        let t = terms("康复机器人");
        assert!(t.contains(&"康复".to_string()), "{t:?}");
        assert!(t.contains(&"机器人".to_string()), "{t:?}");
    }

    #[test]
    fn mixed_text_keeps_both_scripts() {
        let t = terms("基于Deep Learning的肿瘤放疗计划，用于MRI-guided therapy");
        for want in ["deep", "learn", "肿瘤", "放疗", "mri", "guid", "therapi"] {
            assert!(t.contains(&want.to_string()), "missing {want} in {t:?}");
        }
        assert!(!t.contains(&"的".to_string()));
    }

    #[test]
    fn punctuation_and_empty_text_give_no_tokens() {
        assert!(terms("").is_empty());
        assert!(terms("  ,.;!? —— 。，、 ").is_empty());
    }
}
