//! The one way a page shows that something went wrong: the GOV.UK error
//! summary (<https://design-system.service.gov.uk/components/error-summary/>).
//! A form's field errors become links to their fields; a problem no field
//! caused (a file that cannot be used, a change that could not be made) is
//! one sentence under the title. The summary announces itself
//! (`role="alert"`) and takes the keyboard focus whenever what it says
//! changes, so nobody has to hunt for it.

use leptos::html::Div;
use leptos::prelude::*;

use crate::model::FieldErrors;
use crate::ui::router::focus_id;

/// What the summary says: one sentence and links to fields, either of
/// which may be absent; with neither, nothing is drawn.
#[derive(Debug, Clone, Default, PartialEq)]
struct Said {
    message: Option<String>,
    /// (id of the element the link focuses, message)
    links: Vec<(String, String)>,
}

impl Said {
    fn is_empty(&self) -> bool {
        self.message.is_none() && self.links.is_empty()
    }
}

/// The GOV.UK error summary, at the top of the page (or of the section the
/// problem belongs to). Give it any of:
/// - `errors`, a form's field errors, each a link to its field (`radios`
///   names the fields drawn as radios or checkboxes, whose first option
///   takes the focus);
/// - `links`, field problems whose ids are made as the page is drawn
///   (`(element id, message)`, in the order of the fields);
/// - `message`, one sentence about a problem no field on the page caused.
///
/// `title` is the heading, "There is a problem" unless the page has a
/// plainer one ("This file cannot be used"). Nothing is drawn while there
/// is nothing to say; when what it says changes, the summary takes the
/// focus (it has `tabindex="-1"` for that).
#[component]
pub fn ErrorSummary(
    #[prop(optional)] errors: Option<RwSignal<FieldErrors>>,
    #[prop(optional)] radios: &'static [&'static str],
    #[prop(into, optional)] links: MaybeProp<Vec<(String, String)>>,
    #[prop(into, optional)] message: MaybeProp<String>,
    #[prop(default = "There is a problem")] title: &'static str,
) -> impl IntoView {
    let said = Memo::new(move |_| {
        let mut all = errors.map(|e| e.with(|e| e.summary_links(radios))).unwrap_or_default();
        all.extend(links.get().unwrap_or_default());
        Said { message: message.get(), links: all }
    });
    let summary = NodeRef::<Div>::new();
    // After the page has drawn it, and after any focus the page itself
    // asked for, so the summary is where the keyboard is.
    Effect::new(move |_| {
        if !said.with(Said::is_empty) {
            request_animation_frame(move || {
                if let Some(element) = summary.try_get_untracked().flatten() {
                    let _ = element.focus();
                }
            });
        }
    });
    move || {
        let Said { message, links } = said.get();
        (message.is_some() || !links.is_empty()).then(|| {
            view! {
                <div class="govuk-error-summary" id="error-summary" tabindex="-1" node_ref=summary>
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">{title}</h2>
                        <div class="govuk-error-summary__body">
                            {message.map(|m| view! { <p class="govuk-body">{m}</p> })}
                            {(!links.is_empty()).then(|| view! { <SummaryLinks links /> })}
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// The summary's list: each message a link that focuses its field without
/// changing the page address (a `#id` fragment would change the route).
#[component]
fn SummaryLinks(links: Vec<(String, String)>) -> impl IntoView {
    view! {
        <ul class="govuk-list govuk-error-summary__list">
            {links
                .into_iter()
                .map(|(target, message)| {
                    let href = format!("#{target}");
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_id(&target);
                                }
                            >
                                {message}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// After a failed submit: shows `found` in the form's error summary, moves
/// the focus to it (again, if the same errors were already shown) and marks
/// the tab title, as the GOV.UK pattern asks.
pub fn show_errors(errors: RwSignal<FieldErrors>, found: FieldErrors) {
    errors.set(found);
    let title = document().title();
    if !title.starts_with("Error: ") {
        document().set_title(&format!("Error: {title}"));
    }
    request_animation_frame(|| focus_id("error-summary"));
}

/// After a successful submit: empties the form's error summary and takes
/// "Error: " off the tab title.
pub fn clear_errors(errors: RwSignal<FieldErrors>) {
    errors.set(FieldErrors::default());
    let title = document().title();
    if let Some(rest) = title.strip_prefix("Error: ") {
        document().set_title(rest);
    }
}
