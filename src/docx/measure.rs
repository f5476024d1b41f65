//! Word's units of length.

/// Twentieths of a point, Word's unit of length.
pub fn twips(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// English Metric Units, DrawingML's unit of length.
pub fn emu(mm: f64) -> i64 {
    (mm * 36_000.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(twips(25.4), 1440);
        assert_eq!(emu(1.0), 36_000);
    }
}
