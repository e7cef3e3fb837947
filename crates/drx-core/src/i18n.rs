//! Every user-facing string in Chinese and English, from Fluent files (locales/*.ftl).
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
    /// The first supported language of an Accept-Language header (Chinese when none is).
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .filter_map(|part| {
                let tag = part.split(';').next()?.trim().to_ascii_lowercase();
                if tag.starts_with("zh") {
                    Some(Lang::Zh)
                } else if tag.starts_with("en") {
                    Some(Lang::En)
                } else {
                    None
                }
            })
            .next()
            .unwrap_or(Lang::Zh)
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
    /// Picks the text of this language from a bilingual pair.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En if !en.is_empty() => en,
            Lang::Zh if !zh.is_empty() => zh,
            _ if en.is_empty() => zh,
            _ => en,
        }
    }
}

/// The Fluent files of each language: one per feature, the same names in `en/` and `zh/`.
/// A feature adds its pair here.
pub const EN_FTL: &[&str] = &[
    include_str!("../locales/en/core.ftl"),
    include_str!("../locales/en/submissions.ftl"),
    include_str!("../locales/en/matching.ftl"),
    include_str!("../locales/en/judging.ftl"),
    include_str!("../locales/en/pipeline.ftl"),
    include_str!("../locales/en/api.ftl"),
    include_str!("../locales/en/exchange.ftl"),
    include_str!("../locales/en/setup.ftl"),
    include_str!("../locales/en/people.ftl"),
    include_str!("../locales/en/profiles.ftl"),
    include_str!("../locales/en/teams.ftl"),
    include_str!("../locales/en/open_calls.ftl"),
];
pub const ZH_FTL: &[&str] = &[
    include_str!("../locales/zh/core.ftl"),
    include_str!("../locales/zh/submissions.ftl"),
    include_str!("../locales/zh/matching.ftl"),
    include_str!("../locales/zh/judging.ftl"),
    include_str!("../locales/zh/pipeline.ftl"),
    include_str!("../locales/zh/api.ftl"),
    include_str!("../locales/zh/exchange.ftl"),
    include_str!("../locales/zh/setup.ftl"),
    include_str!("../locales/zh/people.ftl"),
    include_str!("../locales/zh/profiles.ftl"),
    include_str!("../locales/zh/teams.ftl"),
    include_str!("../locales/zh/open_calls.ftl"),
];

struct Bundles {
    en: FluentBundle<FluentResource>,
    zh: FluentBundle<FluentResource>,
}

fn bundle(lang: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id = lang.parse().expect("a valid language identifier");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: every page is one direction.
    b.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
            panic!("a locales/{lang}/*.ftl file does not parse: {errors:?}")
        });
        b.add_resource(resource)
            .unwrap_or_else(|e| panic!("locales/{lang}/*.ftl define a key twice: {e:?}"));
    }
    b
}

fn bundles() -> &'static Bundles {
    static B: OnceLock<Bundles> = OnceLock::new();
    B.get_or_init(|| Bundles {
        en: bundle("en", EN_FTL),
        zh: bundle("zh", ZH_FTL),
    })
}

/// The message `key` in `lang`; a missing key shows as the key itself (and fails the i18n test).
pub fn t(lang: Lang, key: &str) -> String {
    t_args(lang, key, &[])
}

pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let b = match lang {
        Lang::En => &bundles().en,
        Lang::Zh => &bundles().zh,
    };
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        // A whole number goes in as a number, so that plural selectors (`[one]`) can pick.
        match v.parse::<i64>() {
            Ok(n) if n.to_string() == *v => fargs.set(*k, FluentValue::from(n)),
            _ => fargs.set(*k, FluentValue::from(v.clone())),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// A service message in the user's language.
pub fn msg(lang: Lang, m: &crate::services::Msg) -> String {
    // Arguments naming a form field are themselves translated ("field-name" etc.).
    let args: Vec<(&str, String)> = m
        .args
        .iter()
        .map(|(k, v)| {
            if *k == "field" {
                (*k, t(lang, &format!("field-{v}")))
            } else {
                (*k, v.clone())
            }
        })
        .collect();
    t_args(lang, m.key, &args)
}

/// The keys defined in Fluent sources.
pub fn keys(sources: &[&str]) -> Vec<String> {
    sources
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && !l.starts_with('-'))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_languages_define_the_same_keys() {
        let en: BTreeSet<_> = keys(EN_FTL).into_iter().collect();
        let zh: BTreeSet<_> = keys(ZH_FTL).into_iter().collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "only en: {only_en:?}; only zh: {only_zh:?}"
        );
        assert!(en.len() > 50);
    }

    /// Every literal key passed to the translation functions in the sources of every crate above
    /// the engine exists, the keys the pages pass to `Ctx::t` included.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let en: BTreeSet<_> = keys(EN_FTL).into_iter().collect();
        let mut missing = Vec::new();
        let crates = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut stack: Vec<_> = ["drx-core", "drx-web", "drx"]
            .iter()
            .map(|c| std::path::Path::new(crates).join(c).join("src"))
            .collect();
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                files += 1;
                for marker in ["t(lang, \"", "tr(\"", "Msg::new(\"", "invalid(\"", ".t(\""] {
                    for (i, _) in text.match_indices(marker) {
                        // A marker that ends another name (push_str and the like) is not a translation call.
                        let before = text[..i].chars().next_back().unwrap_or(' ');
                        if before.is_alphanumeric() || before == '_' {
                            continue;
                        }
                        let rest = &text[i + marker.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        if !en.contains(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(files > 80, "the scan found only {files} source files");
        assert!(
            missing.is_empty(),
            "keys used but not defined: {missing:#?}"
        );
    }

    /// Keys the pages build from an enum's texts (`audit-action-{action}`, `bid-{bid}`) exist
    /// for every value of the enum.
    #[test]
    fn keys_built_from_enum_values_exist() {
        let en: BTreeSet<_> = keys(EN_FTL).into_iter().collect();
        let missing: Vec<String> = drx_domain::AuditAction::ALL
            .iter()
            .map(|a| format!("audit-action-{a}"))
            .chain(drx_domain::Bid::ALL.iter().map(|b| format!("bid-{b}")))
            .filter(|k| !en.contains(k))
            .collect();
        assert!(missing.is_empty(), "keys not defined: {missing:?}");
    }

    #[test]
    fn counts_pick_the_plural_form() {
        let n = |v: &str| vec![("n", v.to_string())];
        assert_eq!(t_args(Lang::En, "assign-load-n", &n("1")), "1 review");
        assert_eq!(t_args(Lang::En, "assign-load-n", &n("3")), "3 reviews");
        assert_eq!(
            t_args(Lang::En, "team-match-per-finalist", &n("1")),
            "1 team per finalist"
        );
        // Only whole numbers written plainly are numbers: a code keeps its text.
        assert_eq!(t_args(Lang::En, "assign-load-n", &n("007")), "007 reviews");
    }

    #[test]
    fn arguments_are_filled_in_both_languages() {
        let m = crate::services::Msg::new("error-too-long")
            .arg("field", "name")
            .arg("max", 100);
        assert!(msg(Lang::En, &m).contains("100"));
        assert!(msg(Lang::Zh, &m).contains("100"));
        assert!(msg(Lang::Zh, &m).contains("姓名"));
    }

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Lang::from_accept_language("fr-FR,en;q=0.8,zh;q=0.5"),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9"), Lang::Zh);
        assert_eq!(Lang::from_accept_language(""), Lang::Zh);
    }
}
