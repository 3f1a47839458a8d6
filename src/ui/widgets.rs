//! Small inputs that speak the room's language: number fields that show and accept Danish
//! numbers (`1.234,5`) in Danish, bounded so an invalid value cannot be typed.

use crate::i18n::{Language, Tr};

/// Parses a number as the language writes it; also accepts the other convention's plain form.
pub fn parse_number(text: &str, language: Language) -> Option<f64> {
    let cleaned: String = text.trim().trim_end_matches('%').trim().replace(['\u{2212}'], "-").replace(' ', "");
    let normalised = match language {
        Language::Danish => cleaned.replace('.', "").replace(',', "."),
        Language::English => cleaned.replace(',', ""),
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A bounded number field in the language's format.
pub fn number<'a>(
    value: &'a mut f64,
    range: std::ops::RangeInclusive<f64>,
    decimals: usize,
    tr: Tr<'a>,
) -> egui::DragValue<'a> {
    let speed = ((range.end() - range.start()) / 400.0).max(10f64.powi(-i32::try_from(decimals).unwrap_or(0)));
    egui::DragValue::new(value)
        .range(range)
        .speed(speed)
        .custom_formatter(move |v, _| tr.num(v, decimals))
        .custom_parser(move |s| parse_number(s, tr.language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers_are_read_as_danes_write_them() {
        assert_eq!(parse_number("1.234,5", Language::Danish), Some(1234.5));
        assert_eq!(parse_number("−4,1", Language::Danish), Some(-4.1));
        assert_eq!(parse_number("1,234.5", Language::English), Some(1234.5));
        assert_eq!(parse_number("41,2 %", Language::Danish), Some(41.2));
        assert_eq!(parse_number("abc", Language::Danish), None);
        assert_eq!(parse_number("inf", Language::English), None);
    }
}
