//! `drx bench assign INSTANCE_DIR`: the assignment engine end to end on an instance written by
//! shared/bench/gen_instance.py (affinity.csv + problem.json): read, build, solve, extract.
use anyhow::{bail, Context, Result};
use drx_engine::assign::{self, Candidate, Problem};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Spec {
    submissions: usize,
    judges: usize,
    reviews_per_submission: u32,
    min_load: u32,
    max_load: u32,
}

pub fn run(dir: &Path) -> Result<()> {
    let t0 = Instant::now();
    let spec: Spec = serde_json::from_slice(
        &std::fs::read(dir.join("problem.json")).context("reading problem.json")?,
    )
    .context("parsing problem.json")?;
    let candidates = read_affinity(&dir.join("affinity.csv"))?;
    let t1 = Instant::now();
    let n = candidates.len();
    let problem = Problem::uniform(
        spec.submissions,
        spec.judges,
        spec.reviews_per_submission,
        spec.min_load,
        spec.max_load,
        candidates,
    );
    let solution = assign::solve(&problem).map_err(|e| anyhow::anyhow!("{e}"))?;
    let t2 = Instant::now();
    println!(
        "read={:.3}s solve={:.3}s pairs={} candidates={n} scale={:e} max_abs_error={:e}",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        solution.pairs.len(),
        solution.scale,
        solution.max_abs_error
    );
    println!(
        "total_affinity={:.6} seconds={:.3}",
        solution.total_affinity,
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Streams `submission,judge,affinity` rows (one header line) through a fixed buffer, so the
/// file is never held in memory whole.
fn read_affinity(path: &Path) -> Result<Vec<Candidate>> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    // About 20 bytes per row in the generator's format; a hint, not a limit.
    let mut out = Vec::with_capacity((size / 19) as usize);
    let mut buf = vec![0u8; 1 << 20];
    let mut filled = 0usize;
    let mut header = true;
    let mut line_no = 0usize;
    loop {
        let got = file.read(&mut buf[filled..])?;
        let eof = got == 0;
        filled += got;
        // Only whole lines are parsed; the unfinished tail moves to the front of the buffer.
        let complete = match buf[..filled].iter().rposition(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => 0,
        };
        let mut start = 0;
        if header && complete > 0 {
            start = buf[..complete].iter().position(|&b| b == b'\n').unwrap() + 1;
            header = false;
            line_no += 1;
        }
        while start < complete {
            let (row, used) = match fast_row(&buf[start..complete]) {
                Some((row, used)) => (Some(row), used),
                None => {
                    let off = buf[start..complete]
                        .iter()
                        .position(|&b| b == b'\n')
                        .unwrap();
                    let line = &buf[start..start + off];
                    let row = if line.iter().all(|b| b.is_ascii_whitespace()) {
                        None
                    } else {
                        Some(
                            parse_row(line)
                                .with_context(|| format!("{}:{}", path.display(), line_no + 1))?,
                        )
                    };
                    (row, off + 1)
                }
            };
            out.extend(row);
            line_no += 1;
            start += used;
        }
        if eof {
            let line = &buf[start..filled];
            if !header && !line.iter().all(|b| b.is_ascii_whitespace()) {
                out.push(
                    parse_row(line)
                        .with_context(|| format!("{}:{}", path.display(), line_no + 1))?,
                );
            }
            break;
        }
        buf.copy_within(start..filled, 0);
        filled -= start;
        if filled == buf.len() {
            let len = buf.len();
            buf.resize(len * 2, 0);
        }
    }
    Ok(out)
}

fn parse_row(line: &[u8]) -> Result<Candidate> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut parts = line.splitn(3, |&b| b == b',');
    let (Some(s), Some(j), Some(a)) = (parts.next(), parts.next(), parts.next()) else {
        bail!("expected submission,judge,affinity");
    };
    Ok(Candidate::new(parse_u32(s)?, parse_u32(j)?, parse_f64(a)?))
}

fn parse_u32(b: &[u8]) -> Result<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        bail!("bad id {:?}", String::from_utf8_lossy(b));
    }
    Ok(b.iter().fold(0u32, |acc, &d| acc * 10 + (d - b'0') as u32))
}

/// The common row `123,456,0.123456\n` in one pass; None for anything else (the caller then
/// takes the general path). Returns the row and the bytes consumed, newline included.
#[inline]
fn fast_row(b: &[u8]) -> Option<(Candidate, usize)> {
    let mut i = 0;
    let id = |i: &mut usize| -> Option<u32> {
        let start = *i;
        let mut v = 0u32;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < 9 {
            v = v * 10 + (b[*i] - b'0') as u32;
            *i += 1;
        }
        if *i == start || *i >= b.len() || b[*i] != b',' {
            return None;
        }
        *i += 1;
        Some(v)
    };
    let s = id(&mut i)?;
    let j = id(&mut i)?;
    let mut mant = 0u64;
    let mut digits = 0usize;
    let mut frac = 0usize;
    let mut dot = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                mant = mant * 10 + (c - b'0') as u64;
                digits += 1;
                frac += dot as usize;
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 || digits > 15 {
        return None;
    }
    if i < b.len() && b[i] == b'\r' {
        i += 1;
    }
    if i >= b.len() || b[i] != b'\n' {
        return None;
    }
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    Some((Candidate::new(s, j, mant as f64 / POW10[frac]), i + 1))
}

/// Plain decimals (`0.123456`) are parsed directly: an integer mantissa with at most 15 digits
/// divided by an exact power of ten is the correctly rounded value. Anything else goes to the
/// standard library.
fn parse_f64(b: &[u8]) -> Result<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut mant = 0u64;
    let mut digits = 0usize;
    let mut frac = 0usize;
    let mut seen_dot = false;
    let mut plain = !b.is_empty();
    for &c in b {
        match c {
            b'0'..=b'9' => {
                mant = mant * 10 + (c - b'0') as u64;
                digits += 1;
                frac += seen_dot as usize;
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => {
                plain = false;
                break;
            }
        }
    }
    if plain && digits > 0 && digits <= 15 {
        return Ok(mant as f64 / POW10[frac]);
    }
    let s = std::str::from_utf8(b)?.trim();
    s.parse::<f64>()
        .with_context(|| format!("bad affinity {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_parse_like_the_standard_library() {
        for s in [
            "0.123456", "1", "0.5", "0.000001", "0.999999", "12.25", "1e-3", "-0.5", " 0.25",
        ] {
            assert_eq!(
                parse_f64(s.as_bytes()).unwrap(),
                s.trim().parse::<f64>().unwrap(),
                "{s}"
            );
        }
        assert!(parse_f64(b"x").is_err());
    }

    #[test]
    fn rows_with_and_without_a_final_newline_are_read() {
        let dir = std::env::temp_dir().join(format!("drx-assign-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.csv");
        std::fs::write(&p, "submission,judge,affinity\n0,1,0.5\r\n2,3,0.25").unwrap();
        let rows = read_affinity(&p).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].submission, rows[1].judge, rows[1].affinity),
            (2, 3, 0.25)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
