//! Small inputs that speak the room's language: number fields that show and accept Danish
//! numbers (`1.234,5`) in Danish, bounded so an invalid value cannot be typed, and that hand
//! over a typed value once — on Enter or on leaving the field — so typing 5000 is one edit of
//! the plan, never 5, 50, 500 and 5000 one keystroke at a time.

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

/// A bounded number field in the language's format. Typing changes the value on Enter or when
/// the field loses focus (Esc leaves it as it was); dragging changes it as it moves, which the
/// session merges into one step.
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
        .update_while_editing(false)
}

/// A slider of a percentage, 0–100 in `step`s, its value written as the language writes
/// numbers ("12,5 %" in Danish) and typed the same way; the value stays in range.
pub fn percent_slider<'a>(percent: &'a mut f64, step: f64, tr: Tr<'a>) -> egui::Slider<'a> {
    let decimals = if step.fract() == 0.0 { 0 } else { 1 };
    egui::Slider::new(percent, 0.0..=100.0)
        .step_by(step)
        .clamping(egui::SliderClamping::Edits)
        .suffix(" %")
        .custom_formatter(move |v, _| tr.num(v, decimals))
        .custom_parser(move |s| parse_number(s, tr.language))
        .update_while_editing(false)
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
