//! What really happened, replayed: the shipped plan of what was carried out 2016–2025, projected
//! year by year under the law in force, must come through what the ministry published. Every
//! published list status of the three estates on the lists of December 2016–2023 is given by at
//! least a tenth of the band's runs, and Taastrupgaard's published figures on the list of
//! 1 December 2023 lie inside their 80 % bands.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::bands;
use by_i_balance::model::{Category, Indicator};

const ESTATES: [&str; 3] = ["taastrupgaard", "gadehavegaard", "charlotteager"];

#[test]
fn the_replay_comes_through_every_published_status_and_taastrupgaards_figures_of_2023() {
    let library = Library::load().unwrap();
    let plan = assets::shipped_plan("det-der-skete-2016-2025.ron").unwrap();
    let b = bands::bands(&library, &plan, bands::RUNS, &|| false).expect("the bands finish");
    let estate = |id: &str| {
        let i = plan.municipality.areas.iter().position(|a| a.id == id).unwrap();
        b.estates.iter().find(|e| e.area == i).unwrap()
    };
    let mut checked = 0;
    println!("estate | year (list) | published | share of runs | most common");
    for official in library.observed.iter().filter(|o| ESTATES.contains(&o.area.as_str())) {
        // The lists of 1 December 2016–2023 judge the years 2017–2024.
        if !(2017..=2024).contains(&official.year) {
            continue;
        }
        let y = b.years.iter().position(|y| *y == official.year).unwrap();
        let e = estate(&official.area);
        let share = e.category_share(y, official.category);
        println!(
            "{} | {} ({}) | {:?} | {:.0} % | {:?}",
            official.area,
            official.year,
            official.list,
            official.category,
            100.0 * share,
            e.categories[y].first()
        );
        assert!(
            share >= 0.1,
            "{} {} ({}): published {:?}, given by {:.0} % of runs: {:?}",
            official.area,
            official.year,
            official.list,
            official.category,
            100.0 * share,
            e.categories[y]
        );
        checked += 1;
    }
    assert!(checked >= 15, "the lists of 2016–2023 for the three estates: {checked}");
    // Taastrupgaard on the list of 1 December 2023 (the year 2024): every published figure inside
    // its 80 % band.
    let published = library.observed.iter().find(|o| o.area == "taastrupgaard" && o.year == 2024).unwrap();
    let y = b.years.iter().position(|y| *y == 2024).unwrap();
    let tg = estate("taastrupgaard");
    let central = b.central_estates.iter().find(|e| e.area == tg.area).unwrap();
    println!("figure | published | central | 80 % band");
    for indicator in [Indicator::OutsideWork, Indicator::BasicSchooling, Indicator::Income] {
        let value = published.value(indicator).unwrap();
        let (low, high) = tg.criteria[y][indicator.index()];
        let mid = central.years[y].value(indicator);
        println!(
            "{} | {:.1} % | {:.1} % | {:.1}–{:.1} %",
            indicator.key(),
            100.0 * value,
            100.0 * mid,
            100.0 * low,
            100.0 * high
        );
        assert!((low..=high).contains(&value), "{}: published {value}, band {low}–{high}", indicator.key());
    }
    let residents = published.residents.unwrap();
    let (low, high) = tg.residents[y];
    println!("residents | {residents:.0} | {:.0} | {low:.0}–{high:.0}", central.years[y].residents);
    assert!((low..=high).contains(&residents), "residents: published {residents}, band {low}–{high}");
    // A band, not a point: the runs disagree about the years to come.
    let later = b.years.iter().position(|y| *y == 2030).unwrap();
    let (low, high) = tg.criteria[later][Indicator::OutsideWork.index()];
    assert!(high - low > 0.01, "the 2030 band is a range: {low}–{high}");
    assert_eq!(tg.category_share(0, Category::Ghetto), 1.0, "2016 is history in every run");
}
