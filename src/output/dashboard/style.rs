//! The one stylesheet of the dashboard (`style.css`, kept in
//! `templates/dashboard/`): responsive down to phone width, with a print
//! stylesheet. Status colours only supplement the status text and symbol.

/// `style.css`, written as is.
pub(super) const CSS: &str = include_str!("../../../templates/dashboard/style.css");
