//! Finds where a JSON path (`sections[1].title`) sits in the source text, so
//! that errors found after parsing (a bad date, a missing image) can still
//! name a line and column. The text is known to be valid JSON here.

use crate::model::visit::{Step, steps};

/// Returns the 1-based line and column of the value at `path`, or of the
/// deepest part of the path that exists.
pub fn locate(src: &str, path: &str) -> (usize, usize) {
    let segments = steps(path);
    let bytes = src.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for seg in &segments {
        match find_child(bytes, pos, seg) {
            Some(child) => pos = child,
            None => break,
        }
    }
    line_col(src, pos)
}

fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let before = &src[..pos.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Position of the child value `seg` of the container starting at `pos`.
fn find_child(b: &[u8], pos: usize, seg: &Step) -> Option<usize> {
    match (b.get(pos)?, seg) {
        (b'{', Step::Key(want)) => {
            let mut i = skip_ws(b, pos + 1);
            while b.get(i) == Some(&b'"') {
                let key_end = skip_string(b, i);
                let key = serde_json::from_slice::<String>(&b[i..key_end]).ok()?;
                i = skip_ws(b, key_end);
                i = skip_ws(b, i + 1); // the colon
                if key == *want {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i));
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
            None
        }
        (b'[', Step::Index(want)) => {
            let mut i = skip_ws(b, pos + 1);
            let mut n = 0;
            while i < b.len() && b[i] != b']' {
                if n == *want {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i));
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
                n += 1;
            }
            None
        }
        _ => None,
    }
}

fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            j
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            j
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_nested_values() {
        let src = "{\n  \"a\": 1,\n  \"s\": [\n    {\"t\": \"x\"},\n    {\"u\": [1, {\"v\": \"ế\"}]}\n  ]\n}";
        assert_eq!(locate(src, "a"), (2, 8));
        assert_eq!(locate(src, "s[1].u[1].v"), (5, 21));
        assert_eq!(locate(src, "s[0].t"), (4, 11));
        // A missing tail points at the deepest part that exists.
        assert_eq!(locate(src, "s[0].missing"), (4, 5));
    }
}
