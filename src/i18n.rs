//! Words and numbers in the participants' language: the Danish and English translation tables
//! in `assets/i18n/`, the current language, and number formats (Danish `1.234,5`, English
//! `1,234.5`). Danish is the default; every text the app shows comes through [`Tr::t`].

use crate::io::{self, ParseError};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DANISH: &str = include_str!("../assets/i18n/da.ron");
const ENGLISH: &str = include_str!("../assets/i18n/en.ron");

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    #[default]
    Danish,
    English,
}

impl Language {
    pub const ALL: [Self; 2] = [Self::Danish, Self::English];

    /// The language's name in itself, as the language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Danish => "Dansk",
            Self::English => "English",
        }
    }
}

/// Both translation tables, loaded once.
#[derive(Clone, Debug)]
pub struct Translations {
    danish: BTreeMap<String, String>,
    english: BTreeMap<String, String>,
}

impl Translations {
    /// Parses the shipped tables; an error names the file, line and column.
    pub fn load() -> Result<Self, (&'static str, ParseError)> {
        Ok(Self {
            danish: io::parse_ron(DANISH).map_err(|e| ("assets/i18n/da.ron", e))?,
            english: io::parse_ron(ENGLISH).map_err(|e| ("assets/i18n/en.ron", e))?,
        })
    }

    /// The shipped tables, parsed once for the life of the program.
    pub fn shared() -> Result<&'static Self, String> {
        static SHARED: OnceLock<Result<Translations, String>> = OnceLock::new();
        SHARED.get_or_init(|| Self::load().map_err(|(file, e)| format!("{file}: {e}"))).as_ref().map_err(Clone::clone)
    }

    pub fn table(&self, language: Language) -> &BTreeMap<String, String> {
        match language {
            Language::Danish => &self.danish,
            Language::English => &self.english,
        }
    }

    /// A lookup in one language.
    pub fn tr(&self, language: Language) -> Tr<'_> {
        Tr { table: self.table(language), language }
    }
}

/// Lookups and number formats in one language.
#[derive(Clone, Copy, Debug)]
pub struct Tr<'a> {
    table: &'a BTreeMap<String, String>,
    pub language: Language,
}

impl<'a> Tr<'a> {
    /// The text for a key; a missing key shows as the key itself (a test keeps that from
    /// shipping).
    pub fn t(&self, key: &'a str) -> &'a str {
        self.table.get(key).map_or(key, String::as_str)
    }

    /// The text for a key with `{name}` placeholders filled in.
    pub fn fill(&self, key: &'a str, values: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A text of a shipped plan (its notes, an action's note) in this language. The shipped
    /// plans are written in English and their texts translated under `shipped_text.<text>`;
    /// any other text (what a group wrote) shows as written.
    pub fn shipped(&self, text: &str) -> String {
        self.table.get(&format!("shipped_text.{text}")).cloned().unwrap_or_else(|| text.to_owned())
    }

    /// The text for `prefix.key`, e.g. `tenure.almen_family`.
    pub fn of(&self, prefix: &str, key: &str) -> String {
        let full = format!("{prefix}.{key}");
        self.table.get(&full).cloned().unwrap_or(full)
    }

    /// A parameter's name in words: the first part of its key names the quantity, the rest the
    /// tenure, group or term it applies to.
    pub fn param_name(&self, key: &str) -> String {
        let mut parts = key.split('.');
        let head = parts.next().unwrap_or(key);
        let rest: Vec<&str> = parts.collect();
        let named_whole = self.of("param", key);
        if named_whole != format!("param.{key}") {
            return named_whole;
        }
        let mut name = self.of("param", head);
        for part in rest {
            let word = ["tenure", "group"]
                .iter()
                .map(|prefix| self.of(prefix, part))
                .find(|w| !w.contains('.'))
                .unwrap_or_else(|| part.to_owned());
            name.push_str(" · ");
            name.push_str(&word.to_lowercase());
        }
        name
    }

    /// A number with thousands separators and `decimals` decimals.
    pub fn num(&self, value: f64, decimals: usize) -> String {
        format_number(value, decimals, self.language)
    }

    /// A share (0–1) in percent, e.g. `41,2 %` in Danish, `41.2%` in English.
    pub fn pct(&self, share: f64, decimals: usize) -> String {
        let number = self.num(share * 100.0, decimals);
        match self.language {
            Language::Danish => format!("{number} %"),
            Language::English => format!("{number}%"),
        }
    }

    /// A change with its sign always shown (a real minus sign), e.g. `+2,5` or `−4,1`.
    pub fn signed(&self, value: f64, decimals: usize) -> String {
        let rounded = round_to(value, decimals);
        let sign = if rounded > 0.0 {
            "+"
        } else if rounded < 0.0 {
            "\u{2212}"
        } else {
            "±"
        };
        format!("{sign}{}", self.num(rounded.abs(), decimals))
    }
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    (value * factor).round() / factor
}

/// Formats a number the way the language writes it: Danish `1.234,5`, English `1,234.5`.
/// Negative numbers use a real minus sign; non-finite numbers show as `–`.
pub fn format_number(value: f64, decimals: usize, language: Language) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let (group, point) = match language {
        Language::Danish => ('.', ','),
        Language::English => (',', '.'),
    };
    if value.abs() >= 1e15 {
        // Beyond any count in a plan: a power of ten reads better than sixteen digits or more.
        let scientific = format!("{:.*e}", decimals.min(3), value.abs()).replace('.', &point.to_string());
        let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
        let sign = if value < 0.0 { "\u{2212}" } else { "" };
        return format!("{sign}{mantissa} × 10^{exponent}");
    }
    let rounded = round_to(value, decimals);
    let plain = format!("{:.*}", decimals, rounded.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut grouped = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push(point);
        grouped.push_str(fraction);
    }
    if rounded < 0.0 { format!("\u{2212}{grouped}") } else { grouped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_number_formats() {
        assert_eq!(format_number(1234.5, 1, Language::Danish), "1.234,5");
        assert_eq!(format_number(1234.5, 1, Language::English), "1,234.5");
        assert_eq!(format_number(1_234_567.0, 0, Language::Danish), "1.234.567");
        assert_eq!(format_number(-4.06, 1, Language::Danish), "\u{2212}4,1");
        assert_eq!(format_number(999.96, 1, Language::English), "1,000.0");
        assert_eq!(format_number(-0.01, 1, Language::Danish), "0,0");
        assert_eq!(format_number(f64::NAN, 1, Language::Danish), "–");
        assert_eq!(format_number(1e308, 1, Language::Danish), "1,0 × 10^308");
        assert_eq!(format_number(-2.5e20, 0, Language::English), "\u{2212}2 × 10^20");
    }
}
