//! The action list's table, drawn from light rows (`model::action_list`)
//! kept in memos: the rows are read from the plan once per change, the
//! search compares lower-cased text read once per change, and a keyed
//! `<For>` adds, removes or replaces only the rows that differ, so a
//! keypress or a partner's edit does not draw 500 rows again.

use leptos::prelude::*;

use crate::model::ActionFilter;
use crate::model::action_list::{ActionRow, STEP, matching, search_texts};
use crate::model::filter::search_words;
use crate::model::paging::{ACTIONS, showing};
use crate::nav::Route;

use crate::ui::components::{ShowMore, StatusTag, Table};
use crate::ui::router::focus_id;
use crate::ui::session::Session;

/// The list's reactive parts. `Copy`, so the table and its buttons share them.
#[derive(Clone, Copy)]
pub struct ActionRows {
    /// Every row the filter's choices other than the search let through,
    /// and how many actions the plan has.
    listed: Memo<(Vec<ActionRow>, usize)>,
    /// The search's words, lower-cased.
    words: Memo<Vec<String>>,
    /// Positions in `listed` that hold every word.
    matched: Memo<Vec<usize>>,
    /// Rows added by "Show the next 50", and the search they were added for:
    /// a new search starts again from 50.
    more: RwSignal<(Vec<String>, usize)>,
    /// The rows on the page.
    shown: Memo<Vec<ActionRow>>,
}

impl ActionRows {
    /// The rows of `filter` for someone from `organisation`, searched by
    /// `text` as it is typed.
    pub fn new(session: Session, filter: &ActionFilter, organisation: String, text: RwSignal<String>) -> ActionRows {
        let filter = filter.clone();
        let listed = Memo::new(move |_| {
            session
                .plan
                .with(|p| p.map(|p| (ActionRow::list(p, &filter, &organisation), p.actions.len())))
                .unwrap_or_default()
        });
        // Read only once someone searches; again only when the plan changes.
        let texts = Memo::new(move |_| {
            session.plan.with(|p| p.map(|p| listed.with(|(rows, _)| search_texts(p, rows)))).unwrap_or_default()
        });
        let words = Memo::new(move |_| text.with(|t| search_words(t)));
        let matched = Memo::new(move |_| {
            words.with(|w| {
                if w.is_empty() {
                    listed.with(|(rows, _)| (0..rows.len()).collect())
                } else {
                    texts.with(|t| matching(t, w))
                }
            })
        });
        let more = RwSignal::new((Vec::new(), 0));
        let shown = Memo::new(move |_| {
            let extra = more.with(|(for_words, extra)| if words.with(|w| w == for_words) { *extra } else { 0 });
            matched.with(|m| {
                listed.with(|(rows, _)| m.iter().take(STEP + extra).filter_map(|&i| rows.get(i).cloned()).collect())
            })
        });
        // Lower-case every action's words while the browser is idle after
        // drawing the list, so the first keypress does not wait for them.
        request_idle_callback(move || {
            let _ = texts.try_with_untracked(|_| ());
        });
        ActionRows { listed, words, matched, more, shown }
    }

    /// Shows `count` more rows and moves focus to the first of them, so a
    /// keyboard or screen-reader user carries on from where the list grew.
    fn show(self, count: usize) {
        let before = self.shown.with_untracked(Vec::len);
        let words = self.words.get_untracked();
        self.more.update(|(for_words, extra)| {
            if *for_words != words {
                *for_words = words;
                *extra = 0;
            }
            *extra += count;
        });
        if let Some(id) = self.shown.with_untracked(|rows| rows.get(before).map(|r| r.id.clone())) {
            request_animation_frame(move || focus_id(&link_id(&id)));
        }
    }
}

fn link_id(action_id: &str) -> String {
    format!("action-link-{action_id}")
}

/// The count, the table (or "No actions match") and the buttons that show more.
#[component]
pub fn ActionTable(rows: ActionRows) -> impl IntoView {
    let ActionRows { listed, matched, shown, .. } = rows;
    let counts = move || (shown.with(Vec::len), matched.with(Vec::len));
    let none = Memo::new(move |_| matched.with(Vec::is_empty));
    let buttons = move || {
        let (on_page, found) = counts();
        view! { <ShowMore on_page total=found noun=ACTIONS show=move |n| rows.show(n) /> }
    };
    view! {
        <p class="govuk-body" role="status">
            {move || {
                let (on_page, found) = counts();
                showing(on_page, found, listed.with(|(_, total)| *total), ACTIONS)
            }}
        </p>
        <Show
            when=move || !none.get()
            fallback=|| view! { <p class="govuk-body">"No actions match these filters."</p> }
        >
            <Table
                caption="Actions"
                columns=["No.", "Key action", "Theme", "Partnership leads", "Due", "Status", "Last update"]
                class="govuk-table app-action-table"
            >
                <For each=move || shown.get() key=|row| row.clone() let:row>
                    <ListRow row />
                </For>
            </Table>
        </Show>
        {buttons}
    }
}

#[component]
fn ListRow(row: ActionRow) -> impl IntoView {
    let short = |d: Option<crate::model::Date>| d.map_or_else(|| "None".to_string(), |d| d.short());
    let sub_item = row.parent_number.is_some();
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">{row.number}</td>
            <td class="govuk-table__cell" class:app-sub-item=sub_item>
                {row
                    .parent_number
                    .map(|p| {
                        view! { <span class="govuk-visually-hidden">{format!("Sub-item of action {p}: ")}</span> }
                    })}
                <a class="govuk-link" id=link_id(&row.id) href=Route::Action(row.id.clone()).href()>
                    {row.title}
                </a>
            </td>
            <td class="govuk-table__cell">{row.theme}</td>
            <td class="govuk-table__cell">{row.leads}</td>
            <td class="govuk-table__cell app-nowrap">{short(row.due)}</td>
            <td class="govuk-table__cell">
                <StatusTag status=row.status />
            </td>
            <td class="govuk-table__cell">{short(row.last_update)}</td>
        </tr>
    }
}
