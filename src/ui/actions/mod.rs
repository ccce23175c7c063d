//! The action plan: list, one action, its form, progress updates, deletion.

mod conflicts;
mod delete;
mod delete_progress;
mod detail;
mod form;
mod list;
mod list_rows;
mod numbers;
mod progress;

pub use delete::DeleteActionPage;
pub use delete_progress::DeleteProgressPage;
pub use detail::ActionPage;
pub use form::ActionFormPage;
pub use list::ActionListPage;
pub use progress::ProgressFormPage;
