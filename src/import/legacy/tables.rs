//! The two encodings' letters, checked against UniKey's converter tables.

// Combining marks: the five tones and the three letter shapes.
pub(super) const GRAVE: char = '\u{300}';
pub(super) const ACUTE: char = '\u{301}';
pub(super) const TILDE: char = '\u{303}';
pub(super) const HOOK: char = '\u{309}';
pub(super) const DOT_BELOW: char = '\u{323}';
pub(super) const CIRCUMFLEX: char = '\u{302}';
pub(super) const BREVE: char = '\u{306}';
pub(super) const HORN: char = '\u{31B}';
pub(super) const TONE_MARKS: [char; 5] = [GRAVE, ACUTE, TILDE, HOOK, DOT_BELOW];

/// TCVN3: each legacy character (its byte read as Windows-1252) and the
/// letter it stands for, by byte. 0xAD, `ư`, is the soft hyphen, which some
/// programs drop on copying: `người` then comes back as `ngời`.
///
/// There are no toned capitals: documents wrote them with `.VnTimeH` fonts,
/// which draw these same lowercase codes as capitals. The font is lost with
/// the text, so such capitals convert to lowercase (`KÕ HO¹CH` →
/// `Kế HOạCH`); only Ă Â Ê Ô Ơ Ư Đ have capital codes of their own.
#[rustfmt::skip]
pub(super) const TCVN3: [(char, char); 74] = [
    ('¡', 'Ă'), ('¢', 'Â'), ('£', 'Ê'), ('¤', 'Ô'), ('¥', 'Ơ'), ('¦', 'Ư'), ('§', 'Đ'),
    ('¨', 'ă'), ('©', 'â'), ('ª', 'ê'), ('«', 'ô'), ('¬', 'ơ'), ('\u{AD}', 'ư'), ('®', 'đ'),
    ('µ', 'à'), ('¶', 'ả'), ('·', 'ã'), ('¸', 'á'), ('¹', 'ạ'),
    ('»', 'ằ'), ('¼', 'ẳ'), ('½', 'ẵ'), ('¾', 'ắ'), ('Æ', 'ặ'),
    ('Ç', 'ầ'), ('È', 'ẩ'), ('É', 'ẫ'), ('Ê', 'ấ'), ('Ë', 'ậ'),
    ('Ì', 'è'), ('Î', 'ẻ'), ('Ï', 'ẽ'), ('Ð', 'é'), ('Ñ', 'ẹ'),
    ('Ò', 'ề'), ('Ó', 'ể'), ('Ô', 'ễ'), ('Õ', 'ế'), ('Ö', 'ệ'),
    ('×', 'ì'), ('Ø', 'ỉ'), ('Ü', 'ĩ'), ('Ý', 'í'), ('Þ', 'ị'),
    ('ß', 'ò'), ('á', 'ỏ'), ('â', 'õ'), ('ã', 'ó'), ('ä', 'ọ'),
    ('å', 'ồ'), ('æ', 'ổ'), ('ç', 'ỗ'), ('è', 'ố'), ('é', 'ộ'),
    ('ê', 'ờ'), ('ë', 'ở'), ('ì', 'ỡ'), ('í', 'ớ'), ('î', 'ợ'),
    ('ï', 'ù'), ('ñ', 'ủ'), ('ò', 'ũ'), ('ó', 'ú'), ('ô', 'ụ'),
    ('õ', 'ừ'), ('ö', 'ử'), ('÷', 'ữ'), ('ø', 'ứ'), ('ù', 'ự'),
    ('ú', 'ỳ'), ('û', 'ỷ'), ('ü', 'ỹ'), ('ý', 'ý'), ('þ', 'ỵ'),
];

/// VNI: the mark characters written after a base letter, with the shape
/// and tone they add. Capitals take the capital of the mark (`Ù` for `ù`).
/// A circumflex goes on a, e, o only, a breve on a only.
pub(super) const VNI_MARKS: [(char, Option<char>, Option<char>); 17] = [
    ('ù', None, Some(ACUTE)),
    ('ø', None, Some(GRAVE)),
    ('û', None, Some(HOOK)),
    ('õ', None, Some(TILDE)),
    ('ï', None, Some(DOT_BELOW)),
    ('â', Some(CIRCUMFLEX), None),
    ('á', Some(CIRCUMFLEX), Some(ACUTE)),
    ('à', Some(CIRCUMFLEX), Some(GRAVE)),
    ('å', Some(CIRCUMFLEX), Some(HOOK)),
    ('ã', Some(CIRCUMFLEX), Some(TILDE)),
    ('ä', Some(CIRCUMFLEX), Some(DOT_BELOW)),
    ('ê', Some(BREVE), None),
    ('é', Some(BREVE), Some(ACUTE)),
    ('è', Some(BREVE), Some(GRAVE)),
    ('ú', Some(BREVE), Some(HOOK)),
    ('ü', Some(BREVE), Some(TILDE)),
    ('ë', Some(BREVE), Some(DOT_BELOW)),
];

/// VNI letters of one character: đ, ơ and ư (which also take tone marks
/// after them), the toned i (`í` and `ì` are themselves) and ỵ.
#[rustfmt::skip]
pub(super) const VNI_LETTERS: [(char, char); 14] = [
    ('ñ', 'đ'), ('Ñ', 'Đ'), ('ô', 'ơ'), ('Ô', 'Ơ'), ('ö', 'ư'), ('Ö', 'Ư'), ('æ', 'ỉ'),
    ('Æ', 'Ỉ'), ('ó', 'ĩ'), ('Ó', 'Ĩ'), ('ò', 'ị'), ('Ò', 'Ị'), ('î', 'ỵ'), ('Î', 'Ỵ'),
];
