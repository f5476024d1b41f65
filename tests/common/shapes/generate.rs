//! Plans made from the model (`kehoach::model::Plan`), each taking one value
//! on every axis the importer must cope with, and recording it for the
//! table. A plan is a function of the run's seed and its index alone.

use kehoach::model::{
    Appendix, Authority, AuthorityPrefix, Block, Decision, Issuer, ListBlock, Plan, Reference,
    Section, Signer, Task, TaskColumn, TaskField, TaskTable, TaskTableBlock, Units,
};

use super::pools::{self, Body, SignerForm};
use super::print::{self, Print};
use super::rng::Rng;

/// One generated plan, how its text shapes print it, and its axis values.
pub struct Case {
    pub plan: Plan,
    pub print: Print,
    pub axes: Vec<(&'static str, String)>,
}

pub fn case(seed: u64, index: usize) -> Case {
    let mut rng = Rng::for_plan(seed, index);
    let mut axes: Vec<(&'static str, String)> = Vec::new();
    let body = rng.pick(pools::BODIES);
    let decided = rng.chance(30);
    axes.push((
        "form",
        if decided {
            "decision + plan"
        } else {
            "standalone plan"
        }
        .into(),
    ));
    axes.push(("issuer", issuer_label(body)));
    axes.push(("issuer lines", issuer_lines(body)));

    let year = rng.range(2024, 2027);
    let number = match rng.below(20) {
        0..=6 => None,
        7..=9 => Some(rng.range(1, 9)),
        _ => Some(rng.range(10, 3000)),
    };
    axes.push((
        "number",
        match number {
            None => "blank",
            Some(n) if n < 10 => "below 10",
            Some(_) => "10 or more",
        }
        .into(),
    ));
    let symbol = if decided {
        rng.pick(pools::DECISION_SYMBOLS)
    } else {
        rng.pick(pools::PLAN_SYMBOLS)
    };
    axes.push(("symbol", symbol.to_string()));
    let (date, kind) = date(&mut rng, year);
    axes.push(("date", kind.into()));

    let (signer, signer_axes) = signer(&mut rng);
    axes.extend(signer_axes);
    let (recipients, recipient_axes) = recipients(&mut rng);
    axes.extend(recipient_axes);
    let archive = rng.pick(pools::ARCHIVES).to_string();

    let title = rng
        .pick(pools::TOPICS)
        .replace("{y1}", &(year + 1).to_string())
        .replace("{y}", &year.to_string());
    let appendix_count = *rng.pick(&[0, 0, 0, 1, 1, 1, 2, 2]);
    axes.push(("phụ lục", appendix_count.to_string()));
    let year_text = year.to_string();
    let appendices = appendices(&mut rng, appendix_count, &year_text);

    let mut plan = Plan {
        issuer: Issuer {
            parent: body.parent.map(str::to_owned),
            name: body.name.into(),
            abbreviation: body.abbreviation.into(),
            name_in_text: Some(body.in_text.into()),
        },
        number: None,
        symbol: None,
        place: body.place.into(),
        date: Some(date),
        year: None,
        title,
        subtitle: None,
        urgency: None,
        numbering: None,
        preamble: vec![Block::Paragraph(format!(
            "Thực hiện Kế hoạch số 56/KH-UBND ngày 21/02/{year} của Ủy ban nhân dân tỉnh, {} xây dựng Kế hoạch như sau:",
            body.in_text
        ))],
        bases: Vec::new(),
        sections: sections(&mut rng),
        closing: vec![Block::Paragraph(format!(
            "Trên đây là Kế hoạch của {}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời để xem xét, giải quyết.",
            body.in_text
        ))],
        recipients: Vec::new(),
        task_labels: None,
        task_order: None,
        gather_tasks: false,
        archive: "VT".into(),
        signer: Signer::default(),
        decision: None,
        appendices,
    };
    if decided {
        plan.decision = Some(decision(
            &mut rng, body, number, symbol, signer, recipients, archive,
        ));
    } else {
        plan.number = number;
        plan.symbol = Some(symbol.to_string());
        plan.recipients = recipients;
        plan.archive = archive;
        plan.signer = signer;
    }
    let print = print::choose(&mut rng, &mut axes);
    Case { plan, print, axes }
}

fn issuer_label(body: &Body) -> String {
    let mut parts: Vec<String> = body.parent.iter().map(|p| p.replace('\n', " › ")).collect();
    parts.push(body.name.replace('\n', " / "));
    parts.join(" › ")
}

fn issuer_lines(body: &Body) -> String {
    let name = body.name.lines().count();
    match body.parent.map(|p| p.lines().count()) {
        None => format!("{name} line(s), no parent"),
        Some(p) => format!("{name} line(s) under a parent of {p}"),
    }
}

fn date(rng: &mut Rng, year: u32) -> (String, &'static str) {
    let (month, day) = (rng.range(1, 12), rng.range(1, 28));
    match rng.below(10) {
        0..=4 => (format!("{year}-{month:02}-{day:02}"), "full"),
        5..=7 => (format!("{year}-{month:02}"), "month only"),
        _ => (year.to_string(), "year only"),
    }
}

fn signer(rng: &mut Rng) -> (Signer, Vec<(&'static str, String)>) {
    let form: &SignerForm = rng.pick(pools::SIGNERS);
    let syllables = rng.range(2, 5) as usize;
    let named = !rng.chance(5);
    let rank = named && rng.chance(15);
    let name = named.then(|| {
        let name = person(rng, syllables);
        if rank {
            format!("{} {name}", rng.pick(pools::RANKS))
        } else {
            name
        }
    });
    let signer = Signer {
        authority: form
            .authority
            .iter()
            .map(|(prefix, of)| Authority {
                prefix: prefix_of(prefix),
                of: of.to_string(),
            })
            .collect(),
        title: form.title.map(str::to_owned),
        name,
        ..Signer::default()
    };
    let name_axis = if named {
        format!("{syllables} syllables")
    } else {
        "none (null)".into()
    };
    let axes = vec![
        ("signer", form.label.to_string()),
        ("signer name", name_axis),
        ("rank before name", if rank { "yes" } else { "no" }.into()),
    ];
    (signer, axes)
}

fn prefix_of(prefix: &str) -> AuthorityPrefix {
    match prefix {
        "TM" => AuthorityPrefix::Tm,
        "KT" => AuthorityPrefix::Kt,
        "Q" => AuthorityPrefix::Q,
        "TL" => AuthorityPrefix::Tl,
        _ => AuthorityPrefix::Tuq,
    }
}

/// An invented name of `syllables` syllables (2–5).
fn person(rng: &mut Rng, syllables: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut left = syllables - 1;
    if syllables == 5 {
        parts.push(*rng.pick(pools::DOUBLE_SURNAMES));
        left -= 1;
    } else {
        parts.push(*rng.pick(pools::SURNAMES));
    }
    parts.extend(rng.distinct(pools::MIDDLES, left - 1));
    parts.push(*rng.pick(pools::GIVEN));
    parts.join(" ")
}

fn recipients(rng: &mut Rng) -> (Vec<String>, Vec<(&'static str, String)>) {
    let count = match rng.below(20) {
        0..=1 => 1,
        2..=7 => rng.range(2, 4),
        8..=14 => rng.range(5, 8),
        _ => rng.range(9, 12),
    } as usize;
    let mut list: Vec<String> = rng
        .distinct(pools::RECIPIENTS, count)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let long = rng.chance(30);
    if long {
        let at = rng.below(count);
        list[at] = rng.pick(pools::LONG_RECIPIENTS).to_string();
    }
    let report = rng.chance(30);
    if report {
        let at = rng.below(count);
        list[at] = format!("{} (để b/c)", rng.pick(pools::REPORT_TO));
    }
    let long = list
        .iter()
        .any(|r| pools::LONG_RECIPIENTS.contains(&r.as_str()));
    let bucket = match count {
        1 => "1",
        2..=4 => "2–4",
        5..=8 => "5–8",
        _ => "9–12",
    };
    let axes = vec![
        ("nơi nhận entries", bucket.into()),
        ("nơi nhận: an entry that wraps", yes(long)),
        ("nơi nhận: (để b/c)", yes(report)),
    ];
    (list, axes)
}

pub fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn paragraph(rng: &mut Rng) -> Block {
    let n = rng.range(1, 2) as usize;
    Block::Paragraph(rng.distinct(pools::SENTENCES, n).join(" "))
}

fn dash_list(rng: &mut Rng) -> Block {
    let n = rng.range(2, 3) as usize;
    Block::List(ListBlock {
        list: rng
            .distinct(pools::ITEMS, n)
            .into_iter()
            .map(|i| Block::Paragraph(format!("{i};")))
            .collect(),
        marker: None,
    })
}

/// Two or three mục, each with paragraphs and a dash list, or with titled
/// khoản: short, so that thousands of plans render fast.
fn sections(rng: &mut Rng) -> Vec<Section> {
    let n = rng.range(2, 3) as usize;
    let mut titles = rng.distinct(pools::SECTION_TITLES, n);
    titles.sort_by_key(|t| pools::SECTION_TITLES.iter().position(|p| p == t));
    titles
        .into_iter()
        .map(|title| {
            let mut section = Section {
                title: Some(title.to_string()),
                ..Section::default()
            };
            if rng.chance(50) {
                section.content = vec![paragraph(rng), dash_list(rng)];
            } else {
                let k = rng.range(1, 2) as usize;
                section.sections = rng
                    .distinct(pools::KHOAN_TITLES, k)
                    .into_iter()
                    .map(|t| Section {
                        title: Some(t.to_string()),
                        content: vec![paragraph(rng)],
                        ..Section::default()
                    })
                    .collect();
            }
            section
        })
        .collect()
}

/// `count` appendices with titles in capitals; one of them holds a task
/// table, the others a short mục.
fn appendices(rng: &mut Rng, count: usize, year: &str) -> Vec<Appendix> {
    let table_at = rng.below(count.max(1));
    rng.distinct(pools::APPENDIX_TITLES, count)
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let mut appendix = Appendix {
                title: title.to_string(),
                reference: Some(Reference::Omit(true)),
                ..Appendix::default()
            };
            if i == table_at {
                appendix.content = vec![task_table(rng, year)];
            } else {
                appendix.sections = vec![Section {
                    title: Some(rng.pick(pools::SECTION_TITLES).to_string()),
                    content: vec![paragraph(rng), dash_list(rng)],
                    ..Section::default()
                }];
            }
            appendix
        })
        .collect()
}

fn task_table(rng: &mut Rng, year: &str) -> Block {
    let column = |field, title: &str| TaskColumn {
        field,
        title: title.into(),
        width: None,
        align: None,
    };
    let n = rng.range(2, 4) as usize;
    let items = rng
        .distinct(pools::ITEMS, n)
        .into_iter()
        .map(|content| Task {
            content: vec![Block::Paragraph(content.into())],
            lead: Some(Units::One(rng.pick(pools::UNITS).to_string())),
            support: Some(Units::Many(
                rng.distinct(pools::UNITS, 2)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            )),
            deadline: Some(rng.pick(pools::DEADLINES).replace("{y}", year)),
            ..Task::default()
        })
        .collect();
    Block::TaskTable(TaskTableBlock {
        task_table: TaskTable {
            columns: vec![
                column(TaskField::Index, "STT"),
                column(TaskField::Content, "Nhiệm vụ"),
                column(TaskField::Lead, "Chủ trì"),
                column(TaskField::Support, "Phối hợp"),
                column(TaskField::Deadline, "Thời gian"),
            ],
            number_row: false,
            header_rows: Vec::new(),
            items,
            landscape: false,
        },
    })
}

fn decision(
    rng: &mut Rng,
    body: &Body,
    number: Option<u32>,
    symbol: &str,
    signer: Signer,
    recipients: Vec<String>,
    archive: String,
) -> Decision {
    let bases = rng.range(1, 3) as usize;
    Decision {
        authority: body.authority.into(),
        number,
        symbol: Some(symbol.into()),
        bases: rng
            .distinct(pools::DECISION_BASES, bases)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        proposal: rng
            .chance(50)
            .then(|| rng.pick(pools::PROPOSALS).to_string()),
        articles: if rng.chance(50) {
            Vec::new()
        } else {
            vec![
                "Ban hành kèm theo Quyết định này Kế hoạch thực hiện nhiệm vụ năm.".into(),
                "Quyết định này có hiệu lực thi hành kể từ ngày ký.".into(),
                format!(
                    "Chánh Văn phòng, thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.\nGiao {} theo dõi, đôn đốc việc thực hiện.",
                    body.in_text
                ),
            ]
        },
        recipients,
        archive,
        signer,
        ..Decision::default()
    }
}
