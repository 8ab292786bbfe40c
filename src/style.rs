//! The house style the fixes follow (`style = "uk"` in the configuration).

/// A house style: which quotation marks and date order a fix writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Style {
    /// “Double” outer quotes, ‘single’ inner ones; `March 20`.
    #[default]
    Us,
    /// ‘Single’ outer quotes, “double” inner ones; `20 March`.
    Uk,
}

impl Style {
    /// The style named `us` or `uk`.
    pub fn from_name(name: &str) -> Option<Style> {
        match name {
            "us" => Some(Style::Us),
            "uk" => Some(Style::Uk),
            _ => None,
        }
    }
}
