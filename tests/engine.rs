//! The projection engine against the deck, against itself and against common sense: the 2016
//! baseline reproduces the deck, the baseline is stationary without actions, the engine is
//! deterministic, and each lever moves the numbers the way a planner would expect.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};

mod common;
use by_i_balance::model::{
    Action, ActionKind, AreaKind, Effort, EffortKind, FacilityKind, FlexibleLetting, Group, Params, Plan, RuleSetId,
    Tenure,
};
use by_i_balance::sim::{self, Projection};

fn library() -> Library {
    Library::load().expect("shipped assets load")
}

fn baseline() -> Plan {
    assets::shipped_plan("basisforloeb-2016.ron").expect("the baseline plan ships")
}

fn project(plan: &Plan, rules: RuleSetId) -> Projection {
    let library = library();
    let params = Params::resolve(&library.table, &plan.assumptions).expect("assumptions resolve");
    let mut plan = plan.clone();
    plan.rule_set = rules;
    sim::project(&plan, by_i_balance::engine::inputs(&library, &plan, &params))
}

fn project_without_history(plan: &Plan, rules: RuleSetId) -> Projection {
    let mut plan = plan.clone();
    plan.rule_set = rules;
    common::project_without_history(&plan)
}

fn area_year<'a>(p: &'a Projection, id: &str, year: u16) -> &'a by_i_balance::sim::AreaYear {
    let i = p.year_index(year).expect("year projected");
    &p.area(id).expect("area exists").years[i]
}

fn action(year: u16, kind: ActionKind) -> Action {
    Action::new(year, kind)
}

#[test]
fn the_2016_baseline_reproduces_the_deck() {
    let p = project(&baseline(), RuleSetId::Y2014);
    for (id, homes, residents) in
        [("taastrupgaard", 913.0, 2670.0), ("gadehavegaard", 987.0, 2153.0), ("charlotteager", 773.0, 1755.0)]
    {
        let y = area_year(&p, id, 2016);
        assert_eq!(y.homes.total(), homes, "{id} homes");
        assert_eq!(y.homes[Tenure::AlmenFamily], homes, "{id} is all almene family homes");
        assert!((y.residents.total() - residents).abs() < 0.5, "{id} residents {}", y.residents.total());
        assert!(y.status.listed, "{id} is on the 2014 list in 2016");
    }
    let m = &p.municipality[0];
    assert!((m.residents - 49_960.0).abs() < 100.0, "about 50,000 residents: {}", m.residents);
    assert!((m.almen_share - 0.28).abs() < 0.005, "28% almene homes: {}", m.almen_share);
}

#[test]
fn the_estates_are_listed_in_2016_under_every_rule_set() {
    for rules in RuleSetId::ALL {
        let p = project(&baseline(), rules);
        for id in ["taastrupgaard", "gadehavegaard", "charlotteager"] {
            assert!(area_year(&p, id, 2016).status.listed, "{id} listed under {}", rules.key());
        }
    }
}

/// The law in force each year judges each year by the list of its time, and a later law counts
/// the years the earlier one listed: replaying what was carried out, Taastrupgaard is a ghetto
/// by the 2014 rules to 2018 and a hard ghetto by the 2018 law from 2019, as the published
/// lists of December 2017–2020 said. One fixed law cannot say that: under the 2021
/// rules alone the same years read "omdannelse", a word no list used before 2021.
#[test]
fn the_law_in_force_judges_each_year_as_the_published_lists_did() {
    let library = library();
    let replay = assets::shipped_plan("det-der-skete-2016-2025.ron").unwrap();
    assert_eq!(replay.rule_set, RuleSetId::InForce, "the shipped plans judge by the law in force");
    let in_force = project(&replay, RuleSetId::InForce);
    let today = project(&replay, RuleSetId::Y2021);
    let compared: Vec<_> =
        library.observed.iter().filter(|o| o.area == "taastrupgaard" && (2018..=2021).contains(&o.year)).collect();
    assert_eq!(compared.len(), 4, "four published lists");
    for official in compared {
        let projected = area_year(&in_force, &official.area, official.year).status.category;
        assert_eq!(projected, official.category, "{} {} ({})", official.area, official.year, official.list);
        let one_law = area_year(&today, &official.area, official.year).status.category;
        assert_ne!(one_law, official.category, "{} {}: the 2021 words", official.area, official.year);
    }
    // The count carried across the change of law: a hard ghetto needs five years as a ghetto.
    let s = &area_year(&in_force, "taastrupgaard", 2019).status;
    assert!(s.consecutive_years >= 5, "the 2014 rules' ghetto years count: {}", s.consecutive_years);
    // From 2022 the 2021 law judges under both choices: the same criteria.
    let criteria = |p: &Projection| {
        let i = p.year_index(2030).unwrap();
        p.area("taastrupgaard").unwrap().criteria.in_year(i).iter().map(|c| c.id).collect::<Vec<_>>()
    };
    assert_eq!(criteria(&in_force), criteria(&today));
}

/// With no actions at all, the held inputs held, and the economy, the letting rules and the
/// households as they were in 2016 (the 2016 economy's counterfactual), each estate's
/// composition stays within one percentage point per group, and its head count within 1%, of
/// 2016 for ten years.
#[test]
fn without_actions_the_estates_stay_as_they_were_for_ten_years() {
    let mut plan = baseline();
    plan.actions.clear();
    for area in &mut plan.municipality.areas {
        area.held.convicted_by_year.clear();
        area.held.non_western_by_year.clear();
    }
    let p = project_without_history(&plan, RuleSetId::Y2021);
    for id in ["taastrupgaard", "gadehavegaard", "charlotteager", "taastrup-oevrige"] {
        let start = area_year(&p, id, 2016).residents;
        for year in 2017..=2026 {
            let now = area_year(&p, id, year).residents;
            assert!((now.total() / start.total() - 1.0).abs() < 0.01, "{id} {year} head count");
            for g in Group::ALL {
                let drift = now[g] / now.total() - start[g] / start.total();
                assert!(drift.abs() < 0.01, "{id} {year} {} drifted {:.4}", g.key(), drift);
            }
        }
    }
}

#[test]
fn the_projection_is_deterministic_to_the_bit() {
    let plan = assets::shipped_plan("visionsplan-2016.ron").expect("ships");
    let a = project(&plan, RuleSetId::Y2021);
    let b = project(&plan, RuleSetId::Y2021);
    let bits = |p: &Projection| p.score.iter().map(|s| s.total.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    assert_eq!(a, b);
}

#[test]
fn demolition_lowers_the_almene_share_and_displaces_people_into_the_ledger_and_other_areas() {
    let base = baseline();
    let mut plan = base.clone();
    plan.actions.push(action(
        2018,
        ActionKind::Demolish { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count: 188.0 },
    ));
    let (before, after) = (project(&base, RuleSetId::Y2021), project(&plan, RuleSetId::Y2021));
    let tg = area_year(&after, "taastrupgaard", 2019);
    assert_eq!(tg.homes[Tenure::AlmenFamily], 913.0 - 188.0);
    // § 168 a counts the demolished homes in the total: 725 / 913.
    assert!((tg.almen_family_share_168a - 725.0 / 913.0).abs() < 1e-9);
    assert!(tg.residents.total() < area_year(&before, "taastrupgaard", 2019).residents.total() - 400.0);
    let ledger = after.ledger.iter().find(|l| l.year == 2019).expect("ledger for 2018→2019");
    assert!(ledger.displaced > 400.0, "about 188 × 2.9 people displaced: {}", ledger.displaced);
    assert!((ledger.rehoused + ledger.left - ledger.displaced).abs() < 1e-6);
    assert!(ledger.rehoused > 0.0 && ledger.left > 0.0);
    // The rehoused take almene vacancies elsewhere, ahead of newcomers from outside: the
    // municipality's ordinary intake falls by as many (and by Taastrupgaard's smaller turnover),
    // and outside-work adults elsewhere rise.
    let before_ledger = before.ledger.iter().find(|l| l.year == 2019).expect("baseline ledger");
    let fewer_newcomers = before_ledger.moved_in - ledger.moved_in;
    let smaller_turnover = 0.104 * ledger.displaced;
    assert!(
        fewer_newcomers > ledger.rehoused && fewer_newcomers < ledger.rehoused + 1.2 * smaller_turnover,
        "{fewer_newcomers} fewer newcomers, {} rehoused",
        ledger.rehoused
    );
    let outside_elsewhere = |p: &Projection| -> f64 {
        p.areas.iter().filter(|a| a.id != "taastrupgaard").map(|a| a.years[3].residents.outside_work).sum()
    };
    assert!(outside_elsewhere(&after) > outside_elsewhere(&before) + 10.0);
}

/// § 168 a, stk. 1 in the law's own terms: almene family homes over all homes, where homes
/// demolished after 2010 count unless replaced by other almene family homes, and every 75 m² of
/// commercial floor space counts as a home. New private homes do not cancel a demolition.
#[test]
fn the_40_percent_rule_counts_as_the_law_counts() {
    let mut plan = baseline();
    plan.actions.extend([
        action(2018, ActionKind::Demolish { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count: 188.0 }),
        action(
            2018,
            ActionKind::Facility { area: "taastrupgaard".into(), facility: FacilityKind::Commercial, area_m2: 7500.0 },
        ),
    ]);
    let p = project(&plan, RuleSetId::Y2021);
    // By hand: 725 family homes over 725 homes + 188 demolished + 7,500 / 75 = 100 homes.
    let y = area_year(&p, "taastrupgaard", 2019);
    assert_eq!(y.share_168a_parts.almen_family, 725.0);
    assert_eq!(y.share_168a_parts.homes, 725.0);
    assert_eq!(y.share_168a_parts.demolished_counted, 188.0);
    assert_eq!(y.share_168a_parts.floor_space_homes, 100.0);
    assert!((y.almen_family_share_168a - 725.0 / 1013.0).abs() < 1e-12, "{}", y.almen_family_share_168a);
    // 100 new owner-occupied homes are not almene family homes: all 188 demolished still count,
    // so the share is 725 / (825 + 188 + 100) = 65.1 %, not the 71.6 % of "any new home
    // replaces a demolished one" (725 / (825 + 88 + 100)).
    let mut private = plan.clone();
    private.actions.push(action(
        2019,
        ActionKind::Build { area: "taastrupgaard".into(), tenure: Tenure::OwnerOccupied, count: 100.0, over_years: 1 },
    ));
    let y = area_year(&project(&private, RuleSetId::Y2021), "taastrupgaard", 2020).clone();
    assert_eq!(y.share_168a_parts.demolished_counted, 188.0);
    assert!((y.almen_family_share_168a - 725.0 / 1113.0).abs() < 1e-12, "{}", y.almen_family_share_168a);
    assert!(y.almen_family_share_168a < 725.0 / 1013.0, "lower than the wrong rule would give");
    // 100 new almene family homes do replace 100 of the demolished: 88 still count.
    let mut almen = plan.clone();
    almen.actions.push(action(
        2019,
        ActionKind::Build { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count: 100.0, over_years: 1 },
    ));
    let y = area_year(&project(&almen, RuleSetId::Y2021), "taastrupgaard", 2020).clone();
    assert_eq!(y.share_168a_parts.demolished_counted, 88.0);
    assert!((y.almen_family_share_168a - 825.0 / (825.0 + 88.0 + 100.0)).abs() < 1e-12);
}

/// Homes demolished in 2011–2015, before the projection starts, count as the law counts them;
/// culture houses and campuses count as commercial floor space only where the plan says so.
#[test]
fn demolitions_before_2016_and_facilities_count_as_the_plan_says() {
    let mut plan = baseline();
    let estate = plan.municipality.areas.iter_mut().find(|a| a.id == "gadehavegaard").expect("estate");
    estate.demolished_2011_2015 = 50.0;
    plan.actions.push(action(
        2018,
        ActionKind::Facility { area: "gadehavegaard".into(), facility: FacilityKind::Campus, area_m2: 4000.0 },
    ));
    let y = area_year(&project(&plan, RuleSetId::Y2021), "gadehavegaard", 2019).clone();
    assert_eq!(y.share_168a_parts.demolished_counted, 50.0);
    assert_eq!(y.share_168a_parts.floor_space_homes, 0.0, "a campus is not erhvervsareal by default");
    assert!((y.almen_family_share_168a - 987.0 / 1037.0).abs() < 1e-12);
    plan.facilities_count_as_commercial = true;
    let y = area_year(&project(&plan, RuleSetId::Y2021), "gadehavegaard", 2019).clone();
    assert!((y.share_168a_parts.floor_space_homes - 4000.0 / 75.0).abs() < 1e-12);
    assert!((y.almen_family_share_168a - 987.0 / (1037.0 + 4000.0 / 75.0)).abs() < 1e-12);
}

fn with_consultants(count: f64) -> Projection {
    let mut plan = baseline();
    if count > 0.0 {
        plan.efforts.push(Effort {
            kind: EffortKind::JobConsultants,
            area: "gadehavegaard".into(),
            count,
            from_year: 2016,
            to_year: 2040,
        });
    }
    project(&plan, RuleSetId::Y2021)
}

/// Job consultants lower the outside-work share by what evaluations report, not more: about
/// 1.2 adults a consultant a year net (CFBU 2015), half of them back outside work within a year.
#[test]
fn job_consultants_lower_the_outside_work_share_as_evaluations_report() {
    let (none, five, ten) = (with_consultants(0.0), with_consultants(5.0), with_consultants(10.0));
    let share = |p: &Projection, year| area_year(p, "gadehavegaard", year).indicators.outside_work_share;
    for year in [2018, 2020, 2025] {
        assert!(share(&five, year) < share(&none, year), "{year}: consultants lower the share");
    }
    // Five consultants for nine years: a visible, evaluation-sized effect, far from the 10
    // points the old guess gave (net effects of stationed job efforts are a few points).
    let gain = |p: &Projection| share(&none, 2025) - share(p, 2025);
    assert!(gain(&five) > 0.002 && gain(&five) < 0.03, "five consultants: {:.4}", gain(&five));
    // Twice the staff does less than twice the good.
    assert!(gain(&ten) > gain(&five) && gain(&ten) < 2.0 * gain(&five));
    // Some placements do not last: the year's moves stay below what the staff alone would give.
    let moves: Vec<f64> = five.ledger.iter().map(|l| l.effort_moves).collect();
    assert!(moves.iter().all(|m| *m < 5.0 * 1.2 + 1e-9), "{moves:?}");
}

/// Taastrupgaard with `count` job consultants 2016–2019, in 2016's economy and letting rules.
fn taastrupgaard_with_consultants(count: f64) -> Projection {
    let mut plan = baseline();
    plan.efforts.push(Effort {
        kind: EffortKind::JobConsultants,
        area: "taastrupgaard".into(),
        count,
        from_year: 2016,
        to_year: 2019,
    });
    project_without_history(&plan, RuleSetId::Y2021)
}

/// Efforts saturate with the caseload: consultants share the adults they can reach, so a
/// hundred consultants in one estate (a caseload of a few adults each) do at most 70 % of what
/// seven would suggest a hundred could; and seven consultants for four years move the
/// estate's outside-work share by what evaluations report, 0.3–3 percentage points.
#[test]
fn job_consultants_saturate_with_their_caseload() {
    let none = taastrupgaard_with_consultants(0.0);
    let gain = |count: f64| {
        let with = taastrupgaard_with_consultants(count);
        let share = |p: &Projection| area_year(p, "taastrupgaard", 2020).indicators.outside_work_share;
        share(&none) - share(&with)
    };
    let (seven, hundred) = (gain(7.0), gain(100.0));
    assert!((0.003..=0.03).contains(&seven), "seven consultants for four years: {:.4}", seven);
    let linear = seven * 100.0 / 7.0;
    println!(
        "7 consultants: {:.2} points; 100: {:.2} points, {:.0} % of {:.2}",
        100.0 * seven,
        100.0 * hundred,
        100.0 * hundred / linear,
        100.0 * linear
    );
    assert!(hundred <= 0.7 * linear, "a hundred do {hundred:.4}, {:.0} % of {linear:.4}", 100.0 * hundred / linear);
    assert!(hundred > seven, "more consultants still help: {hundred:.4} against {seven:.4}");
}

#[test]
fn flexible_letting_shifts_intake_towards_people_in_work_or_education() {
    let base = baseline();
    let mut plan = base.clone();
    plan.letting.flexible.push(FlexibleLetting { area: "charlotteager".into(), share: 0.5, from_year: 2017 });
    // Without history, so no national rule moves the allocations while the list status changes.
    let (before, after) =
        (project_without_history(&base, RuleSetId::Y2021), project_without_history(&plan, RuleSetId::Y2021));
    let share = |p: &Projection| area_year(p, "charlotteager", 2022).indicators.outside_work_share;
    assert!(share(&after) < share(&before) - 0.02, "{} vs {}", share(&after), share(&before));
    // Other estates are not touched by Charlotteager's letting rule.
    let other = |p: &Projection| area_year(p, "taastrupgaard", 2022).indicators.outside_work_share;
    assert!((other(&after) - other(&before)).abs() < 0.005);
}

#[test]
fn a_profile_shared_by_two_districts_adds_less_than_two_distinct_profiles() {
    let assign = |district: &str, profile: &str| {
        action(2017, ActionKind::AssignProfile { district: district.into(), profile: Some(profile.into()) })
    };
    let mut shared = baseline();
    shared.actions.extend([assign("kjeld-abells", "kultur"), assign("gregersens", "kultur")]);
    let mut distinct = baseline();
    distinct.actions.extend([assign("kjeld-abells", "kultur"), assign("gregersens", "viden")]);
    let profile_sum = |plan: &Plan| -> f64 {
        let p = project(plan, RuleSetId::Y2021);
        let i = p.year_index(2018).expect("2018");
        p.districts
            .iter()
            .filter(|d| d.id == "kjeld-abells" || d.id == "gregersens")
            .map(|d| d.attractiveness[i].profile)
            .sum()
    };
    // Two districts with the same profile share it: each gets half (the sharing exponent is 1).
    assert!((profile_sum(&shared) - profile_sum(&distinct) / 2.0).abs() < 1e-12);
}

#[test]
fn the_visionsplan_moves_the_score_and_is_judged_per_estate() {
    let vision = project(&assets::shipped_plan("visionsplan-2016.ron").expect("ships"), RuleSetId::Y2021);
    let base = project(&baseline(), RuleSetId::Y2021);
    let score = |p: &Projection, year| p.score_in(year).expect("year").total;
    assert_eq!(score(&vision, 2016), score(&base, 2016), "same 2016 start");
    assert!(score(&vision, 2030) > score(&base, 2030));
    for area in vision.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
        assert!(!area.criteria.in_year(0).is_empty(), "{} is judged", area.id);
    }
}

/// Under the law in force, each year's status panel lists the criteria of that year's law (the
/// 2014 rules in 2016, the 2018 rules in 2019–2021, today's from 2022), each against its own
/// threshold; areas the list does not judge have none.
#[test]
fn each_year_shows_the_criteria_of_the_law_in_force_that_year() {
    let vision = project(&assets::shipped_plan("visionsplan-2016.ron").expect("ships"), RuleSetId::InForce);
    let mut counts = std::collections::BTreeSet::new();
    for area in &vision.areas {
        for (i, &year) in vision.years.iter().enumerate() {
            let shown: Vec<(&str, f64)> = area.criteria.in_year(i).iter().map(|c| (&*c.id, c.threshold)).collect();
            if area.kind != AreaKind::Estate {
                assert!(shown.is_empty(), "{} in {year} is not judged", area.id);
                continue;
            }
            let rules = assets::rule_set(RuleSetId::InForce.in_year(year)).expect("the rule set ships");
            let law: Vec<(&str, f64)> = rules.all_criteria().iter().map(|c| (&*c.id, c.threshold_in(year))).collect();
            assert_eq!(shown, law, "{} in {year}", area.id);
            counts.insert(shown.len());
        }
    }
    assert!(counts.len() > 1, "the laws judge by different numbers of criteria: {counts:?}");
}

#[test]
fn the_projection_says_where_institutions_stand_which_run_and_which_schools_have_a_profile() {
    use by_i_balance::app::places;
    let plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let p = by_i_balance::engine::project(&library(), &plan);
    // The Visionsplan gives Selsmoseskolen its profile in 2018, so its figures show it from 2019.
    assert!(!places::school_has_profile(&p, "selsmoseskolen", 2018));
    assert!(places::school_has_profile(&p, "selsmoseskolen", 2019));
    // Gadehaveskolen merges into Selsmoseskolen in 2018: it runs in 2018, not from 2019.
    assert!(places::institution_active(&p, "gadehaveskolen", 2018));
    assert!(!places::institution_active(&p, "gadehaveskolen", 2019));
    // Charlotteskolen moves to Nærheden in 2022.
    assert_eq!(places::institution_district(&p, "charlotteskolen", 2022), Some("hartmanns"));
    assert_eq!(places::institution_district(&p, "charlotteskolen", 2023), Some("naerheden"));
    assert_eq!(places::district_profile(&p, "kjeld-abells", 2018), Some("kultur"));
}

/// The economy is history up to its last published year and an assumption with a range after
/// it: the years of the published employment rates are the same whatever the assumed trend; from
/// the year after, a rising job-finding rate lowers every estate's share outside work, and a
/// falling one raises it. At its central value (0) the last published economy holds.
#[test]
fn the_economy_is_history_then_a_trend_that_moves_every_estate_the_way_it_points() {
    let library = library();
    let last = library.history.employment.last_year().expect("a published series");
    let with_trend = |trend: f64| {
        let mut plan = baseline();
        plan.assumptions.insert("job_finding_trend".into(), trend);
        project(&plan, RuleSetId::InForce)
    };
    let (held, boom, slump) = (project(&baseline(), RuleSetId::InForce), with_trend(0.04), with_trend(-0.04));
    assert_eq!(held, with_trend(0.0), "0 is the shipped value: the Basisforløb as it is");
    for id in ["taastrupgaard", "gadehavegaard", "charlotteager"] {
        let outside = |p: &Projection, year| area_year(p, id, year).indicators.outside_work_share;
        for year in 2016..=last + 1 {
            assert_eq!(outside(&boom, year), outside(&held, year), "{id} {year}: history, not the assumption");
        }
        for year in [last + 3, 2030, 2035] {
            let gap = outside(&boom, year) - outside(&held, year);
            assert!(gap < -0.001, "{id} {year}: a boom lowers outside work ({gap:.4})");
            assert!(outside(&slump, year) > outside(&held, year) + 0.001, "{id} {year}: a slump raises it");
        }
    }
    // The published years move the estates: the boom of 2015–2022 lowered outside work.
    let without = project_without_history(&baseline(), RuleSetId::InForce);
    let outside = |p: &Projection| area_year(p, "taastrupgaard", last + 1).indicators.outside_work_share;
    assert!(outside(&held) < outside(&without) - 0.05, "{} against {}", outside(&held), outside(&without));
}

/// Time is data: a plan that starts in 2026 projects 2026–2040 and is judged every year by the
/// law in force (the 2021 law, the last known); an action before its start is refused, as the
/// years before it are history.
#[test]
fn a_plan_starting_in_2026_projects_its_own_years_under_the_law_in_force() {
    let library = library();
    let mut plan = baseline();
    plan.start_year = 2026;
    plan.actions.retain(|a| a.year >= 2026);
    assert!(plan.validate(&library.table).is_empty(), "{:?}", plan.validate(&library.table));
    let p = project(&plan, RuleSetId::InForce);
    assert_eq!(p.years.first(), Some(&2026));
    assert_eq!(p.years.last(), Some(&2040));
    let today = project(&plan, RuleSetId::Y2021);
    for year in [2026, 2030, 2040] {
        for id in ["taastrupgaard", "gadehavegaard", "charlotteager"] {
            assert_eq!(area_year(&p, id, year).status, area_year(&today, id, year).status, "{id} {year}");
        }
    }
    // Without actions the 2026 composition is where it starts from.
    let start = area_year(&p, "taastrupgaard", 2026).residents;
    assert_eq!(start, plan.municipality.area("taastrupgaard").unwrap().residents);
    let mut early = plan.clone();
    early.add_action(Action::new(
        2020,
        ActionKind::Demolish { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count: 10.0 },
    ));
    let problems = early.validate(&library.table);
    assert!(problems.iter().any(|p| p.key == "year_outside"), "{problems:?}");
    let mut later = plan.clone();
    later.start_year = 2030;
    assert_eq!(project(&later, RuleSetId::InForce).years.last(), Some(&2044), "fourteen years past the start");
}
