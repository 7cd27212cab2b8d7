//! A fast hash for the small tables keyed by words and names.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A quick multiplicative hash for short keys (words, names, codes), eight bytes at a
/// time. The sets it keys are small and fixed, or built from one document, so a keyed
/// hash buys nothing there.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // the table reads its bucket from the low bits: fold the well-mixed high ones in
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(short_word(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// Up to eight bytes as a little-endian word, zero above them (the first eight of a
/// longer slice): what copying them into a zeroed `[u8; 8]` gives, for a few loads and
/// shifts instead of a call to copy a slice of unknown length. Where two loads overlap,
/// they put the same byte in the same place.
pub(crate) fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let at = |i: usize| u64::from(bytes[i]) << (8 * i);
    let four = |from: usize| {
        let word = [
            bytes[from],
            bytes[from + 1],
            bytes[from + 2],
            bytes[from + 3],
        ];
        u64::from(u32::from_le_bytes(word)) << (8 * from)
    };
    match n {
        0 => 0,
        1..=3 => at(0) | at(n / 2) | at(n - 1),
        4..=7 => four(0) | four(n - 4),
        _ => four(0) | four(4),
    }
}

/// A hash set keyed with [`WordHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;
/// A hash map keyed with [`WordHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// An empty [`FastMap`] with room for `n` entries, so that filling it does not rehash.
pub(crate) fn with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_is_its_bytes_copied_into_zeros() {
        let bytes = [0x81u8, 2, 0xff, 4, 5, 0x96, 7, 8, 9];
        for n in 0..=bytes.len() {
            let mut word = [0u8; 8];
            let take = n.min(8);
            word[..take].copy_from_slice(&bytes[..take]);
            assert_eq!(short_word(&bytes[..n]), u64::from_le_bytes(word), "{n}");
        }
    }
}
