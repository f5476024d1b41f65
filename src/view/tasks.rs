//! Tasks as the templates print them: the labelled lines under a task,
//! task tables, and the appendix that gathers every task of the body.

use super::body::{blocks, column};
use super::widths::widths;
use super::{AppendixView, BlockView, TableView, Tail, TaskLine, default_label, reference};
use crate::date::PlanDate;
use crate::format;
use crate::model::{
    Align, Block, Plan, Section, Task, TaskField, TaskLabels, Width, numbering_row,
};

pub(super) fn task_table(
    columns: &[(TaskField, String, Option<Width>, Option<Align>)],
    number_row: bool,
    header_rows: &[Vec<String>],
    items: &[Task],
    landscape: bool,
    labels: &Labels,
    wide: bool,
) -> BlockView {
    let mut header = vec![columns.iter().map(|c| c.1.clone()).collect::<Vec<_>>()];
    if number_row {
        header.push(numbering_row(columns.iter().map(|c| c.0)));
    }
    header.extend(header_rows.iter().cloned());
    let rows: Vec<Vec<Vec<BlockView>>> = items
        .iter()
        .enumerate()
        .map(|(i, task)| {
            columns
                .iter()
                .map(|c| match c.0 {
                    TaskField::Index => vec![BlockView::paragraph(
                        task.number.clone().unwrap_or_else(|| (i + 1).to_string()),
                    )],
                    TaskField::Content => blocks(&task.content, labels, wide),
                    field => task_value(task, field)
                        .map(|text| vec![BlockView::paragraph(text)])
                        .unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let given: Vec<_> = columns.iter().map(|c| c.2).collect();
    let widths = widths(&given, &header, &rows, landscape || wide);
    TableView {
        caption: None,
        columns: columns
            .iter()
            .zip(widths)
            .map(|(c, w)| column(w, c.3))
            .collect(),
        header,
        rows,
        landscape,
    }
    .into()
}

fn task_value(task: &Task, field: TaskField) -> Option<String> {
    let units = |u: &crate::model::Units| match u {
        crate::model::Units::One(s) => s.clone(),
        crate::model::Units::Many(v) => v.join("; "),
    };
    match field {
        TaskField::Lead => task.lead.as_ref().map(units),
        TaskField::Support => task.support.as_ref().map(units),
        TaskField::Deadline => task.deadline.clone(),
        TaskField::Output => task.output.clone(),
        TaskField::Leader => task.leader.clone(),
        TaskField::Note => task.note.clone(),
        TaskField::Index | TaskField::Content => None,
    }
    .filter(|s| !s.is_empty())
}

/// The words printed before a task's fields and their order.
pub(super) struct Labels {
    order: Vec<(TaskField, String)>,
}

impl Labels {
    pub(super) fn new(custom: Option<&TaskLabels>, order: Option<&[TaskField]>) -> Labels {
        let custom = custom.cloned().unwrap_or_default();
        let default_order = [
            TaskField::Lead,
            TaskField::Support,
            TaskField::Deadline,
            TaskField::Output,
            TaskField::Leader,
        ];
        // Fields with no label (index, content, note) print no line.
        let order = order
            .unwrap_or(&default_order)
            .iter()
            .filter_map(|&f| Some((f, custom.label(f)?)))
            .collect();
        Labels { order }
    }

    pub(super) fn lines(&self, task: &Task) -> Vec<TaskLine> {
        self.order
            .iter()
            .filter_map(|(field, label)| {
                task_value(task, *field).map(|v| TaskLine {
                    label: label.clone(),
                    value: format::end_sentence(&v),
                    tail: Tail::Body,
                })
            })
            .collect()
    }
}

/// `gather_tasks`: every task of the body, in order, in a generated appendix.
pub(super) fn gathered_tasks(
    plan: &Plan,
    count: usize,
    labels: &Labels,
    number: Option<&str>,
    symbol: &str,
    date: Option<PlanDate>,
) -> AppendixView {
    fn collect<'a>(sections: &'a [Section], out: &mut Vec<&'a Task>) {
        for s in sections {
            for b in s.content.iter().chain(&s.after) {
                if let Block::Task(t) = b {
                    out.push(&t.task);
                }
            }
            collect(&s.sections, out);
        }
    }
    let mut tasks = Vec::new();
    collect(&plan.sections, &mut tasks);
    let items: Vec<Task> = tasks.into_iter().cloned().collect();
    let columns = [
        (
            TaskField::Index,
            "TT".to_owned(),
            Some(Width::Millimetres(10.0)),
            Some(Align::Center),
        ),
        (
            TaskField::Content,
            "Nhiệm vụ".to_owned(),
            Some(Width::Share(3.0)),
            Some(Align::Justify),
        ),
        (
            TaskField::Lead,
            "Chủ trì".to_owned(),
            Some(Width::Share(1.5)),
            None,
        ),
        (
            TaskField::Support,
            "Phối hợp".to_owned(),
            Some(Width::Share(1.5)),
            None,
        ),
        (
            TaskField::Deadline,
            "Thời gian".to_owned(),
            Some(Width::Share(1.2)),
            None,
        ),
    ];
    AppendixView {
        label: default_label(count - 1, count),
        title: "PHÂN CÔNG NHIỆM VỤ".into(),
        subtitle: None,
        reference: reference(plan, None, number, symbol, date),
        landscape: false,
        content: vec![task_table(
            &columns,
            true,
            &[],
            &items,
            false,
            labels,
            false,
        )],
        sections: Vec::new(),
    }
}
