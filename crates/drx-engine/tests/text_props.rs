//! The analyzer takes whatever people type: any Unicode, Chinese and English mixed, words of
//! absurd length. It must never panic, and every token it returns is a real, non-empty word.
use drx_engine::text::{Analyzer, Token};
use proptest::prelude::*;

fn check(tokens: &[Token]) -> Result<(), TestCaseError> {
    for t in tokens {
        prop_assert!(!t.term.is_empty(), "empty term in {t:?}");
        prop_assert!(!t.surface.is_empty(), "empty surface in {t:?}");
        prop_assert!(
            !t.term.chars().any(char::is_whitespace),
            "whitespace in {t:?}"
        );
    }
    Ok(())
}

/// Pieces people mix: Chinese words, English words, digits, punctuation of both languages,
/// emoji, combining marks, zero-width and right-to-left characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\u{4e00}-\u{9fff}]{1,12}",
        "[a-zA-Z]{1,15}",
        "[0-9]{1,8}",
        "[ ,.;:!?()\\-/，。；：！？（）、“”《》]{1,3}",
        Just("康复机器人".to_string()),
        Just("deep-learning".to_string()),
        Just("AI辅助诊断".to_string()),
        Just("😀👩‍⚕️".to_string()),
        Just("e\u{301}\u{200d}\u{200b}".to_string()),
        Just("مرحبا".to_string()),
        Just("İSTANBUL ǅ ß ﬁ".to_string()),
        "\\PC{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_string_is_analyzed_without_panic(s in any::<String>()) {
        let a = Analyzer::shared();
        let tokens = a.analyze(&s);
        check(&tokens)?;
        prop_assert_eq!(tokens, a.analyze(&s), "deterministic");
    }

    #[test]
    fn mixed_chinese_and_english_gives_real_tokens(parts in prop::collection::vec(piece(), 0..30)) {
        let text = parts.concat();
        let tokens = Analyzer::shared().analyze(&text);
        check(&tokens)?;
        prop_assert_eq!(
            Analyzer::shared().terms(&text),
            tokens.iter().map(|t| t.term.clone()).collect::<Vec<_>>()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn very_long_tokens_do_not_break_it(
        unit in prop_oneof!["[a-z]{1,3}", "[\u{4e00}-\u{9fff}]{1,2}", "[0-9]", Just("é".to_string())],
        times in 1_000usize..20_000,
    ) {
        let word = unit.repeat(times);
        let tokens = Analyzer::shared().analyze(&word);
        check(&tokens)?;
    }
}
