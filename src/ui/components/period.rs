//! The theme and quarter choice at the top of the quarterly report and of
//! entering a quarter's values: changing either goes to that page's
//! address for the new pair, so the choice can be bookmarked and the back
//! button returns to the last one.

use leptos::prelude::*;

use crate::model::FinancialQuarter;
use crate::model::performance::quarter_code;
use crate::nav::Route;
use crate::ui::navigation::use_navigation;

/// Two drop-downs, "Theme" (`themes` as id and name, `theme` chosen) and
/// "Quarter" (`quarters`, `quarter` chosen; from `model::QuarterChoice`),
/// with ids `{id}-theme` and `{id}-quarter`. `route` makes the page's
/// address from a theme id and a quarter code (`quarter_code`).
#[component]
pub fn ThemeQuarterPicker(
    id: &'static str,
    themes: Vec<(String, String)>,
    theme: String,
    quarters: Vec<FinancialQuarter>,
    quarter: FinancialQuarter,
    route: fn(String, String) -> Route,
) -> impl IntoView {
    let nav = use_navigation();
    let code = quarter_code(quarter);
    let (theme_for_quarter, code_for_theme) = (theme.clone(), code.clone());
    let pick_theme = move |ev: leptos::ev::Event| nav.go(&route(event_target_value(&ev), code_for_theme.clone()));
    let pick_quarter = move |ev: leptos::ev::Event| nav.go(&route(theme_for_quarter.clone(), event_target_value(&ev)));
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=format!("{id}-theme")>
                "Theme"
            </label>
            <select class="govuk-select" id=format!("{id}-theme") on:change=pick_theme>
                {themes
                    .into_iter()
                    .map(|(value, name)| {
                        let selected = value == theme;
                        view! {
                            <option value=value selected=selected>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for=format!("{id}-quarter")>
                "Quarter"
            </label>
            <select class="govuk-select" id=format!("{id}-quarter") on:change=pick_quarter>
                {quarters
                    .into_iter()
                    .map(|q| {
                        let value = quarter_code(q);
                        let selected = value == code;
                        view! {
                            <option value=value selected=selected>
                                {format!("{q} ({})", q.months())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
