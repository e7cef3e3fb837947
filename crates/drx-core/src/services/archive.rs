//! A bounded look inside ZIP archives (Word, Excel and PowerPoint files are ZIPs) before anything
//! else opens them: how many entries, how large they say they are, how much they really inflate
//! to. A small file that expands hugely (a "zip bomb") is refused here, having cost at most
//! `max_total` bytes of inflation and no more memory than one buffer.
use std::io::{Cursor, Read};

/// What an accepted archive may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_entries: usize,
    /// All entries together, inflated.
    pub max_total: u64,
    /// Inflated size over archive size, counted once the archive inflates past `ratio_floor`.
    pub max_ratio: u64,
    pub ratio_floor: u64,
}

/// Generous for real office files (a 10 MB workbook rarely inflates past 100 MB or 30x).
pub const OFFICE: Limits = Limits {
    max_entries: 2_000,
    max_total: 200 * 1024 * 1024,
    max_ratio: 100,
    ratio_floor: 8 * 1024 * 1024,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a ZIP archive that can be read to its end.
    Unreadable,
    TooManyEntries,
    /// Inflates past the limits (declared or measured).
    TooLarge,
}

/// Checks the archive against `limits`, first by the sizes its directory declares, then by
/// inflating every entry and counting (the directory may lie).
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<(), Problem> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Problem::Unreadable)?;
    if zip.len() > limits.max_entries {
        return Err(Problem::TooManyEntries);
    }
    let allowed = |total: u64| {
        total <= limits.max_total
            && (total <= limits.ratio_floor
                || total / (bytes.len() as u64).max(1) <= limits.max_ratio)
    };
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| Problem::Unreadable)?;
        declared = declared.saturating_add(entry.size());
        if !allowed(declared) {
            return Err(Problem::TooLarge);
        }
    }
    let mut inflated: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|_| Problem::Unreadable)?;
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) => return Err(Problem::Unreadable),
            };
            inflated = inflated.saturating_add(n as u64);
            if !allowed(inflated) {
                return Err(Problem::TooLarge);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const SMALL: Limits = Limits {
        max_entries: 10,
        max_total: 1024 * 1024,
        max_ratio: 50,
        ratio_floor: 64 * 1024,
    };

    #[test]
    fn ordinary_archives_pass() {
        let z = zip_of(&[("a.xml", b"<a/>".to_vec()), ("b.xml", vec![b'x'; 1000])]);
        assert_eq!(inspect(&z, &SMALL), Ok(()));
    }

    #[test]
    fn bombs_too_many_entries_and_garbage_are_refused() {
        let bomb = zip_of(&[("big.xml", vec![0u8; 2 * 1024 * 1024])]);
        assert!(bomb.len() < 20 * 1024, "compresses well: {}", bomb.len());
        assert_eq!(inspect(&bomb, &SMALL), Err(Problem::TooLarge));
        let ratio = zip_of(&[("r.xml", vec![0u8; 512 * 1024])]);
        assert_eq!(inspect(&ratio, &SMALL), Err(Problem::TooLarge));
        let names: Vec<(String, Vec<u8>)> =
            (0..11).map(|i| (format!("f{i}"), b"x".to_vec())).collect();
        let refs: Vec<(&str, Vec<u8>)> =
            names.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
        assert_eq!(
            inspect(&zip_of(&refs), &SMALL),
            Err(Problem::TooManyEntries)
        );
        assert_eq!(
            inspect(b"PK\x03\x04garbage", &SMALL),
            Err(Problem::Unreadable)
        );
        assert_eq!(inspect(b"", &SMALL), Err(Problem::Unreadable));
    }

    #[test]
    fn a_directory_that_understates_sizes_is_still_caught() {
        let mut z = zip_of(&[("big.xml", vec![0u8; 2 * 1024 * 1024])]);
        // Claim 10 bytes inflated, in the local header and in the central directory.
        z[22..26].copy_from_slice(&10u32.to_le_bytes());
        let cd = z.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        z[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        assert!(inspect(&z, &SMALL).is_err());
    }
}
