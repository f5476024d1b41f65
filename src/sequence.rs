//! The longest common subsequence of two sequences: what an edit kept.
//! The rollover report shows the words a roll changed by it, and the
//! import of kehoach's own Word file matches stored items to read ones.

/// The longest common subsequence of equal items, as index pairs in
/// order.
pub fn common_subsequence<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    // lengths[i][j]: the common subsequence length of a[i..] and b[j..].
    let mut lengths = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i][j] = if a[i] == b[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_items_are_paired_in_order() {
        let a = ["Kế", "hoạch", "năm", "2026", "của", "Sở"];
        let b = ["Kế", "hoạch", "năm", "2027", "của", "Sở", "Tư", "pháp"];
        assert_eq!(
            common_subsequence(&a, &b),
            [(0, 0), (1, 1), (2, 2), (4, 4), (5, 5)]
        );
        assert!(common_subsequence::<&str>(&[], &b).is_empty());
    }
}
