//! Every text the app shows exists in both languages: the Danish and English tables have the
//! same keys, every key the code names is in them, and every key built from the model's enums
//! and the assumptions table is too.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::room::{ProjectorScreen, ProjectorView, Theme};
use by_i_balance::app::view::DraftKind;
use by_i_balance::app::{ChartTab, DifferenceMode, EditorTab, MapIndicator};
use by_i_balance::assets::{self, SHIPPED_PLANS};
use by_i_balance::i18n::{Language, Translations};
use by_i_balance::model::{
    AreaKind, Category, EffortKind, FacilityKind, Group, Indicator, InstitutionKind, LandmarkKind, RuleSetId, Tenure,
};
use by_i_balance::sim::COMPONENTS;
use std::collections::BTreeSet;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// String literals of the form `prefix.name` in the UI and app code whose prefix is one the
/// tables use: the keys the code looks up.
fn keys_named_in_code(prefixes: &BTreeSet<String>) -> BTreeSet<String> {
    let mut files = Vec::new();
    for dir in ["src/ui", "src/app"] {
        rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Keys passed straight to a lookup, whatever their prefix: `t("…")`, `fill(\n "…"`.
        for call in [".t(", ".fill("] {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start();
                if let Some(literal) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    keys.insert(literal.to_owned());
                }
            }
        }
        for literal in text.split('"').skip(1).step_by(2) {
            let Some((prefix, rest)) = literal.split_once('.') else { continue };
            let is_key = !rest.is_empty()
                && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
            if is_key && prefixes.contains(prefix) {
                keys.insert(literal.to_owned());
            }
        }
    }
    // `of("prefix", key)` names a prefix, not a key; the keys it builds are listed below.
    keys.retain(|k| !matches!(k.as_str(), "compare.mode" | "projector.view" | "room.theme"));
    keys
}

fn keys_built_from_the_model() -> Vec<String> {
    let mut keys = Vec::new();
    let mut add = |prefix: &str, names: &[&str]| keys.extend(names.iter().map(|n| format!("{prefix}.{n}")));
    add("tenure", &Tenure::ALL.map(Tenure::key));
    add("group", &Group::ALL.map(Group::key));
    add("component", &COMPONENTS.map(|c| c.key()));
    add("indicator", &MapIndicator::ALL.map(MapIndicator::key));
    add("legend", &MapIndicator::ALL.map(MapIndicator::key));
    add("rules", &RuleSetId::ALL.map(RuleSetId::key));
    add("category", &Category::ALL.map(Category::key));
    add("indicator_name", &Indicator::ALL.map(Indicator::key));
    add("effort", &EffortKind::ALL.map(EffortKind::key));
    add("effort_short", &EffortKind::ALL.map(EffortKind::key));
    add("facility", &FacilityKind::ALL.map(FacilityKind::key));
    add("institution", &InstitutionKind::ALL.map(InstitutionKind::key));
    add("institution_letter", &InstitutionKind::ALL.map(InstitutionKind::key));
    add("area_kind", &[AreaKind::Estate, AreaKind::Ordinary, AreaKind::Growth].map(AreaKind::key));
    add("editor_tab", &EditorTab::ALL.map(EditorTab::key));
    add("chart_tab", &ChartTab::ALL.map(ChartTab::key));
    add("chart_tab", &[ChartTab::Score.key()]);
    add("action_kind", &DraftKind::ALL.map(DraftKind::key));
    add("compare.mode", &DifferenceMode::ALL.map(DifferenceMode::key));
    add("room.theme", &Theme::ALL.map(Theme::key));
    add("projector.view", &ProjectorView::ALL.map(ProjectorView::key));
    add("projector_screen", &ProjectorScreen::ALL.map(ProjectorScreen::key));
    add("shipped", &SHIPPED_PLANS.map(|p| p.file_name));
    add("landmark", &LandmarkKind::ALL.map(LandmarkKind::key));
    add("import_column", &by_i_balance::import::REQUIRED);
    add("import_column", &by_i_balance::import::OPTIONAL);
    add("import_lacking", &by_i_balance::import::LIST_INPUTS.map(|(columns, _)| columns[0]));
    let table = assets::param_table().unwrap();
    for def in &table.params {
        keys.push(format!("param_unit.{}", def.unit));
    }
    keys
}

#[test]
fn both_languages_have_the_same_keys() {
    let t = Translations::load().unwrap();
    let danish: BTreeSet<_> = t.table(Language::Danish).keys().collect();
    let english: BTreeSet<_> = t.table(Language::English).keys().collect();
    let only_danish: Vec<_> = danish.difference(&english).collect();
    let only_english: Vec<_> = english.difference(&danish).collect();
    assert!(
        only_danish.is_empty() && only_english.is_empty(),
        "only in da: {only_danish:?}; only in en: {only_english:?}"
    );
    for language in Language::ALL {
        for (key, text) in t.table(language) {
            assert!(!text.trim().is_empty(), "{key} is empty in {language:?}");
        }
    }
}

#[test]
fn every_key_the_app_uses_is_in_both_tables() {
    let t = Translations::load().unwrap();
    let prefixes: BTreeSet<String> =
        t.table(Language::Danish).keys().filter_map(|k| k.split_once('.').map(|(p, _)| p.to_owned())).collect();
    let mut needed: BTreeSet<String> = keys_named_in_code(&prefixes);
    needed.extend(keys_built_from_the_model());
    assert!(needed.len() > 200, "the scan found too few keys ({}) to be looking at the code", needed.len());
    for language in Language::ALL {
        let missing: Vec<_> = needed.iter().filter(|k| !t.table(language).contains_key(*k)).collect();
        assert!(missing.is_empty(), "missing in {language:?}: {missing:?}");
    }
}

#[test]
fn every_assumption_has_a_name_in_both_languages() {
    let t = Translations::load().unwrap();
    let table = assets::param_table().unwrap();
    for language in Language::ALL {
        let tr = t.tr(language);
        for def in &table.params {
            let head = def.key.split('.').next().unwrap();
            let named = t.table(language).contains_key(&format!("param.{}", def.key))
                || t.table(language).contains_key(&format!("param.{head}"));
            assert!(named, "{} has no name in {language:?}", def.key);
        }
        for tenure in Tenure::ALL {
            let word = by_i_balance::words::tenure_lower(tr, tenure);
            assert!(!word.contains('.'), "{tenure:?} has no word in {language:?}: {word}");
        }
    }
}

#[test]
fn danish_is_the_default_and_differs_from_english() {
    let t = Translations::load().unwrap();
    assert_eq!(Language::default(), Language::Danish);
    assert_eq!(t.tr(Language::Danish).t("menu.file"), "Filer");
    assert_eq!(t.tr(Language::English).t("menu.file"), "File");
}

/// The shipped plans are written in English: their notes and every action's note have a
/// Danish text, so a Danish room never reads English in the app or the report; a group's own
/// text shows as written.
#[test]
fn the_shipped_plans_notes_read_in_danish_and_english() {
    let translations = Translations::shared().unwrap();
    let (da, en) = (translations.tr(Language::Danish), translations.tr(Language::English));
    for shipped in &SHIPPED_PLANS {
        let plan = assets::shipped_plan(shipped.file_name).unwrap();
        let notes = std::iter::once(&plan.notes).chain(plan.actions.iter().map(|a| &a.note));
        for text in notes.filter(|t| !t.is_empty()) {
            let missing = format!("shipped_text.{text}");
            assert_ne!(da.of("shipped_text", text), missing, "{}: no Danish text for {text:?}", shipped.file_name);
            assert_eq!(&en.shipped(text), text, "{}: the English is the plan's own", shipped.file_name);
        }
    }
    assert_eq!(da.shipped("Bord 2 vil have flere ejerboliger"), "Bord 2 vil have flere ejerboliger");
}

/// A plan's checks speak the room's language: every problem the broken plans of the corpus
/// have reads as a whole sentence in Danish and in English (no key, no unfilled value), the
/// English is the command line's, and an edit the app refuses says why in Danish.
#[test]
fn the_plan_s_checks_say_what_is_wrong_in_both_languages() {
    let translations = Translations::shared().unwrap();
    let (da, en) = (translations.tr(Language::Danish), translations.tr(Language::English));
    let table = assets::param_table().unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir("tests/corpus/broken").unwrap() {
        let path = entry.unwrap().path();
        let Err(by_i_balance::io::LoadError::Invalid { problems, .. }) = by_i_balance::io::load_plan(&path, &table)
        else {
            continue;
        };
        for p in problems {
            seen += 1;
            for (tr, language) in [(da, "da"), (en, "en")] {
                let text = by_i_balance::words::problem(tr, &p);
                assert!(!text.contains('{') && !text.starts_with("problem."), "{language} {path:?}: {text}");
            }
            assert_eq!(p.to_string(), format!("{}: {}", p.location, by_i_balance::words::problem(en, &p)));
            assert_ne!(by_i_balance::words::problem(da, &p), by_i_balance::words::problem(en, &p), "{p}");
        }
    }
    assert!(seen >= 10, "the corpus gave {seen} problems");

    let mut plan = assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    plan.actions.push(by_i_balance::model::Action::new(
        2017,
        by_i_balance::model::ActionKind::Demolish {
            area: "taastrupgaard".into(),
            tenure: Tenure::AlmenFamily,
            count: 5000.0,
        },
    ));
    let problem = plan.validate(&table).into_iter().next().expect("5000 of 913 homes is refused");
    assert_eq!(by_i_balance::words::problem(da, &problem), "5000 almene familieboliger, men der er kun 913 det år");
}
