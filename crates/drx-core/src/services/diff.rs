//! The difference between two versions of a text, for the revision view: a longest common
//! subsequence over tokens, where each Chinese character is a token and Latin words stay whole,
//! so both languages diff at a readable grain.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    Same(String),
    Deleted(String),
    Inserted(String),
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Splits into tokens: runs of letters/digits, runs of whitespace, and single other characters
/// (every CJK character and punctuation mark alone).
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None::<(usize, u8)>;
    for (i, c) in text.char_indices() {
        let class = if is_cjk(c) {
            0
        } else if c.is_alphanumeric() {
            1
        } else if c.is_whitespace() {
            2
        } else {
            0
        };
        match start {
            Some((s, k)) if k == class && class != 0 => {
                let _ = s;
            }
            Some((s, _)) => {
                out.push(&text[s..i]);
                start = Some((i, class));
            }
            None => start = Some((i, class)),
        }
    }
    if let Some((s, _)) = start {
        out.push(&text[s..]);
    }
    out
}

/// Beyond this many cells the LCS table is not built; the field shows as replaced whole.
const MAX_CELLS: usize = 4_000_000;

/// The chunks that turn `old` into `new`, adjacent chunks of one kind merged.
pub fn diff(old: &str, new: &str) -> Vec<Chunk> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Chunk::Same(old.to_string())]
        };
    }
    let a = tokens(old);
    let b = tokens(new);
    // Common prefix and suffix first: most edits are local, which keeps the table small.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out: Vec<Chunk> = Vec::new();
    let push = |out: &mut Vec<Chunk>, c: Chunk| {
        let merged = match (out.last_mut(), &c) {
            (Some(Chunk::Same(s)), Chunk::Same(t))
            | (Some(Chunk::Deleted(s)), Chunk::Deleted(t))
            | (Some(Chunk::Inserted(s)), Chunk::Inserted(t)) => {
                s.push_str(t);
                true
            }
            _ => false,
        };
        if !merged {
            out.push(c);
        }
    };
    for t in &a[..prefix] {
        push(&mut out, Chunk::Same(t.to_string()));
    }
    if (am.len() + 1) * (bm.len() + 1) > MAX_CELLS {
        push(&mut out, Chunk::Deleted(am.concat()));
        push(&mut out, Chunk::Inserted(bm.concat()));
    } else {
        // lcs[i][j]: length of the LCS of am[i..] and bm[j..].
        let w = bm.len() + 1;
        let mut lcs = vec![0u32; (am.len() + 1) * w];
        for i in (0..am.len()).rev() {
            for j in (0..bm.len()).rev() {
                lcs[i * w + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < am.len() || j < bm.len() {
            if i < am.len() && j < bm.len() && am[i] == bm[j] {
                push(&mut out, Chunk::Same(am[i].to_string()));
                i += 1;
                j += 1;
            } else if i < am.len() && (j == bm.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                // Deletions first: "old → new" reads in that order.
                push(&mut out, Chunk::Deleted(am[i].to_string()));
                i += 1;
            } else {
                push(&mut out, Chunk::Inserted(bm[j].to_string()));
                j += 1;
            }
        }
    }
    for t in &a[a.len() - suffix..] {
        push(&mut out, Chunk::Same(t.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(chunks: &[Chunk]) -> String {
        chunks
            .iter()
            .map(|c| match c {
                Chunk::Same(s) => s.clone(),
                Chunk::Deleted(s) => format!("[-{s}]"),
                Chunk::Inserted(s) => format!("[+{s}]"),
            })
            .collect()
    }

    #[test]
    fn english_words_are_replaced_whole() {
        assert_eq!(
            render(&diff("a small pump for ICU", "a wearable pump for ICU")),
            "a [-small][+wearable] pump for ICU"
        );
    }

    #[test]
    fn chinese_diffs_by_character() {
        assert_eq!(
            render(&diff("术后疼痛管理", "术后伤口管理")),
            "术后[-疼痛][+伤口]管理"
        );
    }

    #[test]
    fn both_sides_can_be_rebuilt_from_the_chunks() {
        let (old, new) = (
            "导管 catheter 固定装置，减少脱管。",
            "新型导管 fixation 装置，减少非计划拔管。",
        );
        let d = diff(old, new);
        let rebuilt_old: String = d
            .iter()
            .filter_map(|c| match c {
                Chunk::Same(s) | Chunk::Deleted(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        let rebuilt_new: String = d
            .iter()
            .filter_map(|c| match c {
                Chunk::Same(s) | Chunk::Inserted(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
    }

    #[test]
    fn equal_and_empty_texts() {
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(diff("x", "x"), vec![Chunk::Same("x".into())]);
        assert_eq!(diff("", "新"), vec![Chunk::Inserted("新".into())]);
    }
}
