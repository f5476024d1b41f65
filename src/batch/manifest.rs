//! `manifest.json` and `manifest.csv`: one row per input, in input order,
//! with no clock in them, so that two runs over the same inputs agree.

use serde::{Deserialize, Serialize};

use crate::stamps::StampArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Rendered and written.
    Ok,
    /// The output already matched the input: not rendered again.
    Unchanged,
    /// The input could not be rendered; the message says why.
    Failed,
}

/// A stamp area as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub page: usize,
    /// `[left, bottom, right, top]` in PDF points.
    pub rect: [f64; 4],
}

impl From<&StampArea> for Area {
    fn from(a: &StampArea) -> Self {
        Area {
            page: a.page,
            rect: a.rect,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The input: a file path, or `stdin:N` for line N of JSON Lines.
    pub source: String,
    /// The PDF's file name inside the output folder.
    pub output: Option<String>,
    pub status: Status,
    pub message: Option<String>,
    pub input_sha256: String,
    pub output_sha256: Option<String>,
    pub pages: Option<usize>,
    pub bytes: Option<u64>,
    pub symbol: Option<String>,
    pub number: Option<u32>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub signer: Option<String>,
    pub signature: Option<Area>,
    pub seal: Option<Area>,
    pub number_blank: Option<Area>,
    pub day_blank: Option<Area>,
    pub month_blank: Option<Area>,
    /// With `--split`, the attached plan's own file and its hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_output_sha256: Option<String>,
    /// For a plan issued with a decision: where the văn thư's digital
    /// signature goes on the attached plan's first page when it is signed
    /// as a file of its own (top right, R-ESIG-ATT); in the same file as
    /// the decision it is not signed separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_signature: Option<Area>,
    /// With `--docx`, the Word file beside the PDF, and its hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docx_output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docx_output_sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub rows: Vec<Row>,
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a manifest serialises");
        s.push('\n');
        s
    }

    pub fn from_json(text: &str) -> Option<Manifest> {
        serde_json::from_str(text).ok()
    }

    /// One CSV line per row; areas as `page`, then `left bottom right top`.
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let area_columns = [
            "signature",
            "seal",
            "number_blank",
            "day_blank",
            "month_blank",
            "attached_signature",
        ];
        let mut header: Vec<String> = [
            "source",
            "output",
            "status",
            "message",
            "input_sha256",
            "output_sha256",
            "pages",
            "bytes",
            "symbol",
            "number",
            "date",
            "title",
            "signer",
            "attached_output",
            "docx_output",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for a in area_columns {
            header.push(format!("{a}_page"));
            header.push(format!("{a}_rect"));
        }
        w.write_record(&header).expect("csv in memory");
        let opt = |v: Option<String>| v.unwrap_or_default();
        for r in &self.rows {
            let mut rec = vec![
                r.source.clone(),
                opt(r.output.clone()),
                format!("{:?}", r.status).to_lowercase(),
                opt(r.message.clone()),
                r.input_sha256.clone(),
                opt(r.output_sha256.clone()),
                opt(r.pages.map(|p| p.to_string())),
                opt(r.bytes.map(|b| b.to_string())),
                opt(r.symbol.clone()),
                opt(r.number.map(|n| n.to_string())),
                opt(r.date.clone()),
                opt(r.title.clone()),
                opt(r.signer.clone()),
                opt(r.attached_output.clone()),
                opt(r.docx_output.clone()),
            ];
            for area in [
                &r.signature,
                &r.seal,
                &r.number_blank,
                &r.day_blank,
                &r.month_blank,
                &r.attached_signature,
            ] {
                rec.push(opt(area.as_ref().map(|a| a.page.to_string())));
                rec.push(opt(area
                    .as_ref()
                    .map(|a| a.rect.map(|v| v.to_string()).join(" "))));
            }
            w.write_record(&rec).expect("csv in memory");
        }
        String::from_utf8(w.into_inner().expect("csv in memory")).expect("csv of UTF-8 strings")
    }
}
