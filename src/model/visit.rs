//! Every string of a plan with its path and its role, in document order:
//! the one walk that normalisation, rollover and check share.
//!
//! Each struct is taken apart field by field (no `..`), so a field added to
//! the model does not compile until this walk says what it is. Paths are
//! the ones serde gives the plan's JSON (`sections[1].content[0].task.lead`,
//! `.lead[1]` for a list of units, `appendices[0].reference`): users read
//! them in findings and the web form places findings by them.

use std::fmt::Write;

use super::{
    Appendix, Authority, Block, Column, Decision, Issuer, ListBlock, Plan, Reference, Section,
    Signer, Table, TableBlock, Task, TaskBlock, TaskColumn, TaskLabels, TaskTable, TaskTableBlock,
    Units,
};

/// What a string is to the passes that read words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    /// Words a person wrote: rollover moves their years on, check reads them.
    Prose,
    /// Names, codes, dates and layout settings (the issuer, the signer, ký
    /// hiệu, địa danh, date, archive, list markers, kept section numbers):
    /// rollover and the word checks leave them alone.
    Fixed,
}

use TextRole::{Fixed, Prose};

impl Plan {
    /// Calls `f` with the path, role and value of every string of the plan.
    pub fn visit_strings_mut(&mut self, f: &mut dyn FnMut(&str, TextRole, &mut String)) {
        Walker {
            path: String::new(),
            f,
            on_block: &mut |_, _| {},
        }
        .plan(self);
    }

    /// Calls `f` with the path and value of every block of the plan, outer
    /// blocks before the blocks they hold.
    pub fn visit_blocks(&self, f: &mut dyn FnMut(&str, &Block)) {
        Walker {
            path: String::new(),
            f: &mut |_, _, _| {},
            on_block: f,
        }
        .plan(&mut self.clone());
    }

    /// [`Plan::visit_strings_mut`] without changing anything. It walks a
    /// copy, so that there is one walk to keep in step with the model.
    pub fn visit_strings(&self, f: &mut dyn FnMut(&str, TextRole, &str)) {
        self.clone()
            .visit_strings_mut(&mut |path, role, s| f(path, role, s));
    }

    /// Every prose string with its path, in document order.
    pub fn prose(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        self.visit_strings(&mut |path, role, s| {
            if role == Prose {
                out.push((path.to_owned(), s.to_owned()));
            }
        });
        out
    }
}

/// One step of a path: a field name or a position in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `sections[1].title` → `sections`, `1`, `title`; a malformed position is
/// left out.
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Step::Key(key));
        }
        out.extend(
            pieces
                .filter_map(|p| p.strip_suffix(']')?.parse().ok())
                .map(Step::Index),
        );
    }
    out
}

struct Walker<'f> {
    path: String,
    f: &'f mut dyn FnMut(&str, TextRole, &mut String),
    on_block: &'f mut dyn FnMut(&str, &Block),
}

impl Walker<'_> {
    fn key(&mut self, key: &str, inner: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        if len > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        inner(self);
        self.path.truncate(len);
    }

    fn each<T>(&mut self, items: &mut [T], mut inner: impl FnMut(&mut Self, &mut T)) {
        for (i, item) in items.iter_mut().enumerate() {
            let len = self.path.len();
            write!(self.path, "[{i}]").expect("writing to a String");
            inner(self, item);
            self.path.truncate(len);
        }
    }

    fn text(&mut self, role: TextRole, s: &mut String) {
        (self.f)(&self.path, role, s);
    }

    fn field(&mut self, key: &str, role: TextRole, s: &mut String) {
        self.key(key, |w| w.text(role, s));
    }

    fn optional(&mut self, key: &str, role: TextRole, s: &mut Option<String>) {
        if let Some(s) = s {
            self.field(key, role, s);
        }
    }

    fn strings(&mut self, key: &str, role: TextRole, items: &mut [String]) {
        self.key(key, |w| w.each(items, |w, s| w.text(role, s)));
    }

    fn plan(&mut self, plan: &mut Plan) {
        let Plan {
            issuer,
            number: _,
            symbol,
            place,
            date,
            year: _,
            title,
            subtitle,
            urgency: _,
            numbering: _,
            preamble,
            bases,
            sections,
            closing,
            recipients,
            task_labels,
            task_order: _,
            gather_tasks: _,
            archive,
            signer,
            decision,
            appendices,
        } = plan;
        self.key("issuer", |w| w.issuer(issuer));
        self.optional("symbol", Fixed, symbol);
        self.field("place", Fixed, place);
        self.optional("date", Fixed, date);
        self.field("title", Prose, title);
        self.optional("subtitle", Prose, subtitle);
        self.blocks("preamble", preamble);
        self.strings("bases", Prose, bases);
        self.sections("sections", sections);
        self.blocks("closing", closing);
        self.strings("recipients", Prose, recipients);
        if let Some(labels) = task_labels {
            self.key("task_labels", |w| w.task_labels(labels));
        }
        self.field("archive", Fixed, archive);
        self.key("signer", |w| w.signer(signer));
        if let Some(decision) = decision {
            self.key("decision", |w| w.decision(decision));
        }
        self.key("appendices", |w| w.each(appendices, Self::appendix));
    }

    fn decision(&mut self, decision: &mut Decision) {
        let Decision {
            authority,
            by,
            number: _,
            symbol,
            date,
            title,
            bases,
            proposal,
            articles,
            recipients,
            archive,
            signer,
        } = decision;
        self.field("authority", Fixed, authority);
        self.optional("by", Fixed, by);
        self.optional("symbol", Fixed, symbol);
        self.optional("date", Fixed, date);
        self.optional("title", Prose, title);
        self.strings("bases", Prose, bases);
        self.optional("proposal", Prose, proposal);
        self.strings("articles", Prose, articles);
        self.strings("recipients", Prose, recipients);
        self.field("archive", Fixed, archive);
        self.key("signer", |w| w.signer(signer));
    }

    fn issuer(&mut self, issuer: &mut Issuer) {
        let Issuer {
            parent,
            name,
            abbreviation,
            name_in_text,
        } = issuer;
        self.optional("parent", Fixed, parent);
        self.field("name", Fixed, name);
        self.field("abbreviation", Fixed, abbreviation);
        self.optional("name_in_text", Fixed, name_in_text);
    }

    fn task_labels(&mut self, labels: &mut TaskLabels) {
        let TaskLabels {
            lead,
            support,
            deadline,
            output,
            leader,
        } = labels;
        self.optional("lead", Prose, lead);
        self.optional("support", Prose, support);
        self.optional("deadline", Prose, deadline);
        self.optional("output", Prose, output);
        self.optional("leader", Prose, leader);
    }

    fn signer(&mut self, signer: &mut Signer) {
        let Signer {
            authority,
            title,
            name,
            signature_image,
            seal_image,
        } = signer;
        self.key("authority", |w| {
            w.each(authority, |w, a| {
                let Authority { prefix: _, of } = a;
                w.field("of", Fixed, of);
            })
        });
        self.optional("title", Fixed, title);
        self.optional("name", Fixed, name);
        self.optional("signature_image", Fixed, signature_image);
        self.optional("seal_image", Fixed, seal_image);
    }

    fn appendix(&mut self, appendix: &mut Appendix) {
        let Appendix {
            label,
            title,
            subtitle,
            reference,
            landscape: _,
            content,
            sections,
        } = appendix;
        self.optional("label", Prose, label);
        self.field("title", Prose, title);
        self.optional("subtitle", Prose, subtitle);
        if let Some(Reference::Text(reference)) = reference {
            self.field("reference", Prose, reference);
        }
        self.blocks("content", content);
        self.sections("sections", sections);
    }

    fn sections(&mut self, key: &str, sections: &mut [Section]) {
        self.key(key, |w| w.each(sections, Self::section));
    }

    fn section(&mut self, section: &mut Section) {
        let Section {
            title,
            run_in: _,
            number,
            content,
            sections,
            after,
        } = section;
        self.optional("title", Prose, title);
        self.optional("number", Fixed, number);
        self.blocks("content", content);
        self.sections("sections", sections);
        self.blocks("after", after);
    }

    fn blocks(&mut self, key: &str, blocks: &mut [Block]) {
        self.key(key, |w| w.each(blocks, Self::block));
    }

    fn block(&mut self, block: &mut Block) {
        (self.on_block)(&self.path, block);
        match block {
            Block::Paragraph(text) => self.text(Prose, text),
            Block::List(ListBlock { list, marker }) => {
                self.blocks("list", list);
                self.optional("marker", Fixed, marker);
            }
            Block::Task(TaskBlock { task }) => self.key("task", |w| w.task(task)),
            Block::Table(TableBlock { table }) => self.key("table", |w| w.table(table)),
            Block::TaskTable(TaskTableBlock { task_table }) => {
                self.key("task_table", |w| w.task_table(task_table))
            }
        }
    }

    fn task(&mut self, task: &mut Task) {
        let Task {
            content,
            lead,
            support,
            deadline,
            output,
            leader,
            note,
            number,
        } = task;
        self.blocks("content", content);
        self.units("lead", lead);
        self.units("support", support);
        self.optional("deadline", Prose, deadline);
        self.optional("output", Prose, output);
        self.optional("leader", Prose, leader);
        self.optional("note", Prose, note);
        self.optional("number", Fixed, number);
    }

    fn units(&mut self, key: &str, units: &mut Option<Units>) {
        match units {
            Some(Units::One(unit)) => self.field(key, Prose, unit),
            Some(Units::Many(list)) => self.strings(key, Prose, list),
            None => {}
        }
    }

    fn table(&mut self, table: &mut Table) {
        let Table {
            caption,
            columns,
            header_rows,
            rows,
            landscape: _,
        } = table;
        self.optional("caption", Prose, caption);
        self.key("columns", |w| {
            w.each(columns, |w, c| {
                let Column {
                    title,
                    width: _,
                    align: _,
                } = c;
                w.field("title", Prose, title);
            })
        });
        for (key, rows) in [("header_rows", header_rows), ("rows", rows)] {
            self.key(key, |w| {
                w.each(rows, |w, row| w.each(row, |w, cell| w.text(Prose, cell)))
            });
        }
    }

    fn task_table(&mut self, table: &mut TaskTable) {
        let TaskTable {
            columns,
            number_row: _,
            header_rows,
            items,
            landscape: _,
        } = table;
        self.key("columns", |w| {
            w.each(columns, |w, c| {
                let TaskColumn {
                    field: _,
                    title,
                    width: _,
                    align: _,
                } = c;
                w.field("title", Prose, title);
            })
        });
        self.key("header_rows", |w| {
            w.each(header_rows, |w, row| {
                w.each(row, |w, cell| w.text(Prose, cell))
            })
        });
        self.key("items", |w| w.each(items, Self::task));
    }
}

#[cfg(test)]
mod tests;
