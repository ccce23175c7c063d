//! The action plan: list, one action, its form, progress updates, deletion.

mod delete;
mod detail;
mod form;
mod list;
mod progress;

pub use delete::DeleteActionPage;
pub use detail::ActionPage;
pub use form::ActionFormPage;
pub use list::ActionListPage;
pub use progress::ProgressFormPage;
