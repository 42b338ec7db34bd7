//! Pieces the screens share: the help overlay, the command palette, a line editor and a form.

pub mod activity_form;
pub mod form;
pub mod help;
pub mod input;
pub mod palette;
