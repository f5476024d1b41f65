//! Vietnamese wording for serde_json's errors. serde's messages have a
//! fixed English shape (`missing field `x``, `invalid type: …, expected …`);
//! each shape gets a sentence a clerk can act on.

pub fn serde_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let raw = e.to_string();
    // serde_json appends " at line L column C"; the location is shown apart.
    let raw = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m);
    match e.classify() {
        Category::Eof => "tệp JSON kết thúc giữa chừng (thiếu dấu đóng } hoặc ] hay dấu \")".into(),
        Category::Syntax => format!("JSON sai cú pháp: {}", syntax(raw)),
        Category::Io => format!("không đọc được dữ liệu: {raw}"),
        Category::Data => data(raw),
    }
}

fn syntax(raw: &str) -> String {
    let known = [
        ("trailing comma", "thừa dấu phẩy ở cuối"),
        ("expected `,` or `}`", "thiếu dấu phẩy hoặc dấu }"),
        ("expected `,` or `]`", "thiếu dấu phẩy hoặc dấu ]"),
        ("expected `:`", "thiếu dấu hai chấm sau tên trường"),
        (
            "key must be a string",
            "tên trường phải đặt trong dấu \"…\"",
        ),
        ("expected value", "thiếu giá trị hoặc giá trị không hợp lệ"),
        (
            "control character",
            "chuỗi chứa ký tự điều khiển (xuống dòng trong chuỗi phải viết \\n)",
        ),
        (
            "trailing characters",
            "có ký tự thừa sau khi dữ liệu đã kết thúc",
        ),
        ("invalid escape", "ký tự thoát \\ không hợp lệ trong chuỗi"),
        ("invalid number", "số không hợp lệ"),
        (
            "expected ident",
            "giá trị không hợp lệ (true, false, null viết thường)",
        ),
    ];
    known
        .iter()
        .find(|(en, _)| raw.contains(en))
        .map_or_else(|| raw.to_owned(), |(_, vi)| (*vi).to_owned())
}

fn data(raw: &str) -> String {
    if let Some(field) = between(raw, "missing field `", "`") {
        return format!("thiếu trường bắt buộc \"{field}\"");
    }
    if let Some(field) = between(raw, "unknown field `", "`") {
        let names: Vec<&str> = raw.split('`').skip(3).step_by(2).collect();
        let closest = names
            .iter()
            .min_by_key(|n| edit_distance(field, n))
            .filter(|n| edit_distance(field, n) <= 2);
        return match closest {
            Some(name) => {
                format!("trường \"{field}\" không có trong mẫu dữ liệu; có phải là \"{name}\"?")
            }
            None if names.is_empty() => format!("trường \"{field}\" không có trong mẫu dữ liệu"),
            None => format!(
                "trường \"{field}\" không có trong mẫu dữ liệu; các trường hợp lệ: {}",
                names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    if let Some(field) = between(raw, "duplicate field `", "`") {
        return format!("trường \"{field}\" ghi hai lần trong cùng một đối tượng: xóa một lần");
    }
    // A list where an object belongs: `[]` for a whole plan, say.
    if raw.starts_with("invalid length") && raw.contains("expected struct") {
        return "cần một đối tượng {...}, không phải danh sách [...]".into();
    }
    if let Some(value) = between(raw, "unknown variant `", "`") {
        let expected = raw.split_once("expected ").map_or(String::new(), |(_, e)| {
            e.replace("one of ", "").replace('`', "\"")
        });
        return format!("giá trị \"{value}\" không hợp lệ; chỉ nhận: {expected}");
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("sai kiểu dữ liệu: có {}, cần {}", kind(got), kind(want));
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("giá trị không hợp lệ: có {}, cần {}", kind(got), kind(want));
    }
    if let Some(name) = raw.strip_prefix("data did not match any variant of untagged enum ") {
        let want = match name.trim() {
            "Units" => "tên một đơn vị (chuỗi) hoặc danh sách đơn vị [\"…\", \"…\"]",
            "Reference" => "một chuỗi, hoặc false để bỏ dòng này",
            "WidthSpec" => "một số, hoặc chuỗi như \"1.2cm\", \"15%\"",
            _ => "một giá trị đúng dạng của trường này",
        };
        return format!("giá trị không đúng dạng: cần {want}");
    }
    raw.to_owned()
}

/// Levenshtein distance, for "did you mean" on a mistyped field name.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// serde's names of JSON kinds and Rust types, in words.
fn kind(s: &str) -> String {
    let s = s.trim();
    let table = [
        ("a string", "một chuỗi"),
        ("string ", "chuỗi "),
        ("a sequence", "một danh sách [...]"),
        ("sequence", "danh sách [...]"),
        ("a map", "một đối tượng {...}"),
        ("map", "đối tượng {...}"),
        ("integer ", "số nguyên "),
        ("floating point ", "số thực "),
        ("boolean ", "giá trị đúng/sai "),
        ("u32", "một số nguyên không âm"),
        ("i32", "một số nguyên"),
        ("a boolean", "true hoặc false"),
        ("null", "null"),
        ("unit value", "null"),
        (
            "a paragraph string or an object with one of list, task, table, task_table",
            "một đoạn văn (chuỗi) hoặc một khối {\"list\"|\"task\"|\"table\"|\"task_table\": …}",
        ),
    ];
    // A Rust type's name means nothing to a clerk.
    if s.starts_with("struct ") {
        return "một đối tượng {...}".into();
    }
    for (en, vi) in table {
        if let Some(rest) = s.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    s.to_owned()
}
