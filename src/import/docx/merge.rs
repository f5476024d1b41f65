//! Three plans made one: the plan a Word file of kehoach's carries
//! (`stored`), what the import reads from that plan's own printed text
//! (`printed`), and what it reads from the file as the clerk left it
//! (`read`). Where `read` says what `printed` says, the clerk changed
//! nothing there and the stored value stands, with all the page does not
//! show; where they differ, the clerk edited in Word and the text wins.
//!
//! The walk is over the plans' JSON values, field by field; a list is
//! matched item by item (a longest common subsequence of equal items,
//! then the items between two matches paired in order when both sides
//! have as many), so that a paragraph added or deleted in Word shifts
//! nothing else. Where the stored plan and its printed reading disagree in
//! shape (the printed text put a paragraph elsewhere), nothing of the
//! stored plan is used below that point once the clerk edited there: the
//! text is read as it is, never with a paragraph twice.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::sequence::common_subsequence;

/// The keys whose values are lists of blocks or sections: where the
/// printed text can move a paragraph from one to another.
const BLOCK_LISTS: [&str; 8] = [
    "preamble",
    "sections",
    "content",
    "after",
    "closing",
    "list",
    "appendices",
    "tasks",
];

/// How many places the clerk's text replaced the stored value.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Merged {
    pub(super) value: Value,
    pub(super) edited: usize,
}

pub(super) fn merge(stored: &Value, printed: &Value, read: &Value) -> Merged {
    let mut edited = 0;
    let value = field(Some(stored), Some(printed), Some(read), &mut edited).unwrap_or(Value::Null);
    Merged { value, edited }
}

fn field(
    stored: Option<&Value>,
    printed: Option<&Value>,
    read: Option<&Value>,
    edited: &mut usize,
) -> Option<Value> {
    if printed == read {
        return stored.cloned();
    }
    match (stored, printed, read) {
        (Some(Value::Object(s)), Some(Value::Object(p)), Some(Value::Object(r)))
            if same_shape(s, p) =>
        {
            let keys: BTreeSet<&String> = s.keys().chain(p.keys()).chain(r.keys()).collect();
            let merged: Map<String, Value> = keys
                .into_iter()
                .filter_map(|k| Some((k.clone(), field(s.get(k), p.get(k), r.get(k), edited)?)))
                .collect();
            Some(Value::Object(merged))
        }
        (Some(Value::Array(s)), Some(Value::Array(p)), Some(Value::Array(r)))
            if s.len() == p.len() =>
        {
            Some(Value::Array(list(s, p, r, edited)))
        }
        _ => {
            *edited += 1;
            read.cloned()
        }
    }
}

/// Whether the printed reading holds the stored object's lists of blocks
/// as the stored plan does, item for item.
fn same_shape(stored: &Map<String, Value>, printed: &Map<String, Value>) -> bool {
    let len = |map: &Map<String, Value>, key: &str| match map.get(key) {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    };
    BLOCK_LISTS
        .iter()
        .all(|key| len(stored, key) == len(printed, key))
}

/// A list: `stored` and `printed` item for item, `read` matched to
/// `printed`.
fn list(stored: &[Value], printed: &[Value], read: &[Value], edited: &mut usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(read.len());
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in common_subsequence(printed, read)
        .into_iter()
        .chain([(printed.len(), read.len())])
    {
        if mi - i == mj - j {
            for (k, item) in read[j..mj].iter().enumerate() {
                out.extend(field(
                    Some(&stored[i + k]),
                    Some(&printed[i + k]),
                    Some(item),
                    edited,
                ));
            }
        } else {
            *edited += (mi - i).max(mj - j);
            out.extend(read[j..mj].iter().cloned());
        }
        if mi < printed.len() {
            out.push(stored[mi].clone());
        }
        (i, j) = (mi + 1, mj + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_unchanged_text_keeps_what_it_does_not_print() {
        let stored = json!({"name": "SỞ TƯ PHÁP", "name_in_text": "Sở Tư pháp", "units": ["A"]});
        let printed = json!({"name": "SỞ TƯ PHÁP", "units": "A"});
        let merged = merge(&stored, &printed, &printed.clone());
        assert_eq!(
            merged,
            Merged {
                value: stored,
                edited: 0
            }
        );
    }

    #[test]
    fn an_edited_field_takes_the_text_and_the_rest_stays() {
        let stored = json!({"name_in_text": "Sở Tư pháp", "lead": ["A"], "support": ["B", "C"]});
        let printed = json!({"lead": "A", "support": "B; C"});
        let read = json!({"lead": "A", "support": "B; D"});
        let merged = merge(&stored, &printed, &read);
        let want = json!({"name_in_text": "Sở Tư pháp", "lead": ["A"], "support": "B; D"});
        assert_eq!(
            merged,
            Merged {
                value: want,
                edited: 1
            }
        );
    }

    #[test]
    fn a_paragraph_added_or_deleted_shifts_nothing_else() {
        let stored = json!(["một", {"list": ["x"], "marker": "+"}, "ba"]);
        let printed = json!(["một", {"list": ["x"]}, "ba"]);
        let added = json!(["không", "một", {"list": ["x"]}, "ba", "bốn"]);
        let want = json!(["không", "một", {"list": ["x"], "marker": "+"}, "ba", "bốn"]);
        assert_eq!(merge(&stored, &printed, &added).value, want);
        let deleted = json!([{"list": ["x"]}, "ba"]);
        let want = json!([{"list": ["x"], "marker": "+"}, "ba"]);
        assert_eq!(merge(&stored, &printed, &deleted).value, want);
        // Edited in place: paired with the stored item, so the edit wins
        // only where it was made.
        let edited = json!(["một", {"list": ["y"]}, "ba"]);
        let want = json!(["một", {"list": ["y"], "marker": "+"}, "ba"]);
        assert_eq!(merge(&stored, &printed, &edited).value, want);
    }

    #[test]
    fn where_the_printed_text_moved_a_paragraph_the_text_is_read_as_it_is() {
        // The stored section's `after` paragraph reads back as its last
        // khoản's: once edited there, the stored `after` is not added
        // again.
        let stored = json!({"sections": [{"content": ["a"]}], "after": ["b"]});
        let printed = json!({"sections": [{"content": ["a", "b"]}]});
        let read = json!({"sections": [{"content": ["a sửa", "b"]}]});
        assert_eq!(merge(&stored, &printed, &read).value, read);
        // Untouched, it is the stored plan.
        assert_eq!(merge(&stored, &printed, &printed).value, stored);
    }
}
