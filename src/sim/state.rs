//! The engine's working state: what does not change during a run (parameters, rules), the
//! plan's timetable resolved to indices, and the world on 1 January of the current year: every
//! area, district and institution. The world can be copied, so a run can resume from a year of
//! another run (the attribution adds one part of a plan from the year it first acts).

use super::Inputs;
use super::attractiveness::{self, AttractivenessTerms};
use super::cohort::{Cohort, ratio};
use super::intake::Residual;
use super::need::NeedReference;
use super::output::{ChangeLedger, Criteria, Indicators, Status};
use super::schedule::Schedule;
use super::schools::{self, SchoolMix};
use super::score::{self, ScoreSums};
use super::{parallel, status, step};
use crate::model::{
    AlmenFamilyCap, AreaKind, History, InstitutionKind, Params, PerGroup, PerTenure, Plan, RuleBook, RuleEffect, Span,
    Tenure,
};

/// Indicator history kept for averaged criteria (the longest window is four years).
pub const HISTORY_YEARS: usize = 4;

/// One area's state.
#[derive(Clone, Debug)]
pub(super) struct AreaState {
    pub kind: AreaKind,
    pub district: Option<usize>,
    pub homes: PerTenure<f64>,
    /// The tenures the area had in 2016: only their intake carries the calibrated residual.
    pub had_in_2016: PerTenure<bool>,
    /// Persons the homes of each tenure hold when full.
    pub capacity: PerTenure<f64>,
    /// Capacity built this year and not yet let.
    pub new_capacity: PerTenure<f64>,
    /// Capacity standing empty: homes emptied ahead of a renovation or demolition, not let.
    pub empty: PerTenure<f64>,
    /// An estate's figures (see [`ChangeLedger::figures`]) after the year's actions and after
    /// its residents' own changes in the year, for the ledgers of change.
    pub figures_in_year: Option<([f64; 3], [f64; 3])>,
    pub residents: Cohort,
    /// Residents displaced from this area who left the municipality, as they were when they
    /// left. They count in this area's composition for the balance score (people never vanish:
    /// moving the disadvantaged out of the municipality is no gain for balance).
    pub left: Cohort,
    /// Residents displaced from this area who wait for a home in the municipality (they live
    /// on in the area until one is found, and count in its composition for the balance score).
    pub waiting: Cohort,
    /// Households in need of an affordable home whom this area's lost almene family homes (or
    /// its refusals, or allocations not made) left without a home in the municipality: counted
    /// here for as long as they would have lived here (they thin out at the homes' turnover).
    pub excluded: Cohort,
    /// Almene homes (family, youth, elderly) in 2016.
    pub almen_homes_2016: f64,
    /// Almene family homes let in 2016, and the persons one of them holds now.
    pub almen_family_homes_2016: f64,
    pub almen_family_persons_per_home: f64,
    /// Adults placed in work by efforts last year.
    pub placed: f64,
    /// Residents displaced from elsewhere (or here) rehoused in this area during the last year.
    pub rehoused_in: f64,
    /// Residents displaced from this area rehoused anywhere in the municipality last year.
    pub rehoused_out: f64,
    /// Who moved into the area's vacancies during the last year (ordinary intake, not the
    /// rehoused), by group.
    pub newcomers: PerGroup<f64>,
    pub residual: Residual,
    /// Homes demolished since 2010 (before 2016 from the plan's figures, then by actions).
    pub demolished_since_2010: f64,
    /// Almene family homes built (or converted into) since 2016, which replace demolished ones.
    pub almen_family_added: f64,
    /// Estate homes demolished, sold or built as non-almene: the physical opening-up.
    pub opened: f64,
    pub commercial_m2: f64,
    /// Floor space of culture houses and campuses.
    pub facility_m2: f64,
    pub culture_house: bool,
    pub campus: bool,
    // The plan's held values (convictions, origin) are read from the plan's area of the same
    // index, not copied into every world: the attribution keeps a world for every year.
    pub estate_homes_2016: f64,
}

impl AreaState {
    /// The capacity of each tenure that is let (not standing empty).
    pub fn lettable(&self) -> PerTenure<f64> {
        PerTenure::from_fn(|t| (self.capacity[t] - self.empty[t]).max(0.0))
    }

    /// Who the balance score counts here: the residents, those displaced from here who wait
    /// for a home or left the municipality, and the households in need this area's lost homes
    /// left without one.
    pub fn counted(&self) -> Cohort {
        self.residents.plus(&self.waiting).plus(&self.left).plus(&self.excluded)
    }
}

/// An area's standing under the rule set. Only the judging and the record read it, so it lives
/// apart from [`AreaState`], which every pass of a year reads: the passes stay in the cache.
#[derive(Clone, Debug, Default)]
pub(super) struct Standing {
    pub status: Status,
    pub indicators: Indicators,
    /// Indicator values of the last years, newest last, for the averaged criteria.
    pub history: [[f64; 5]; HISTORY_YEARS],
    /// Years in a row each category (by rule index) has held.
    pub runs: status::Runs,
    /// This year's criteria, for estates; the same list is judged into every year.
    pub criteria: Criteria,
    /// The residents' conviction risk (see [`status::conviction_risk`]) when the area's share
    /// convicted was last published (or in 2016): later shares move with the risk from there.
    pub conviction_risk_at_last_point: f64,
    /// An estate's two ledgers of change since the start (see [`ChangeLedger`]).
    pub change: ChangeLedger,
    /// Whether the area has been in the hardest category since the national rule refusing
    /// applicants on benefits came into force (the rule stays with a former hardest area).
    pub hardest_under_rule: bool,
}

/// A school, daycare or other institution as it stands this year.
#[derive(Clone, Debug)]
pub(super) struct InstitutionState {
    pub kind: InstitutionKind,
    pub district: Option<usize>,
    pub catchment: Vec<usize>,
    pub has_profile: bool,
    pub active: bool,
}

/// What does not change during a run.
pub(super) struct Engine<'a> {
    pub params: &'a Params,
    pub cap: &'a AlmenFamilyCap,
    pub history: &'a History,
    /// The seed of a band run's yearly chance variation (`None`: the central projection).
    pub variation: Option<u64>,
    /// The rule sets the plan's choice uses, compiled for judging, oldest first.
    pub judges: Vec<status::Judge<'a>>,
    pub rules: RuleBook<'a>,
}

impl<'a> Engine<'a> {
    pub fn new(inputs: Inputs<'a>, span: Span) -> Self {
        let Inputs { params, rules, cap, history, variation } = inputs;
        let judges = rules.used(span).map(|set| status::Judge::new(set, span)).collect();
        Self { params, cap, history, variation, judges, rules }
    }

    /// The most criteria an estate is judged by in any year.
    pub fn most_criteria(&self) -> usize {
        self.judges.iter().map(status::Judge::criteria_count).max().unwrap_or(0)
    }

    /// The compiled rule set that judges `year`.
    pub fn judge(&self, year: u16) -> &status::Judge<'a> {
        let id = self.rules.id.in_year(year);
        let index = self.judges.iter().position(|j| j.id() == id).unwrap_or_default();
        &self.judges[index]
    }
}

/// The world on 1 January of `year`.
#[derive(Clone, Debug)]
pub(super) struct World {
    pub year: u16,
    pub areas: Vec<AreaState>,
    /// Per area, in the same order.
    pub standings: Vec<Standing>,
    /// Per area: on the list as last judged (a copy of its standing's, for the year's moves).
    pub listed: Vec<bool>,
    /// Whether anyone displaced still waits for a home in the municipality.
    pub someone_waiting: bool,
    pub district_profiles: Vec<Option<usize>>,
    pub institutions: Vec<InstitutionState>,
    pub attractiveness: Attractiveness,
    pub school_mix: SchoolMix,
    /// The areas' parts of this year's balance score, summed as they were judged.
    pub score_sums: ScoreSums,
    /// The municipality's housing need as it stood in 2016.
    pub need: NeedReference,
}

/// Every district's attractiveness this year, and its total in 2016.
#[derive(Clone, Debug, Default)]
pub(super) struct Attractiveness {
    pub terms: Vec<AttractivenessTerms>,
    pub in_2016: Vec<f64>,
}

impl Attractiveness {
    /// The district's attractiveness now (0 for areas without a district).
    pub fn now(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.terms[d].total)
    }

    /// The change in a district's attractiveness since 2016 (0 for areas without a district).
    pub fn change(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.terms[d].total - self.in_2016[d])
    }
}

/// Everything a run carries from year to year.
pub(super) struct Simulation<'a> {
    pub engine: Engine<'a>,
    pub schedule: Schedule<'a>,
    pub world: World,
}

impl<'a> Simulation<'a> {
    pub fn new(plan: &'a Plan, inputs: Inputs<'a>) -> Self {
        let engine = Engine::new(inputs, plan.span());
        let schedule = Schedule::new(plan);
        let world = World {
            year: plan.start_year,
            areas: parallel::map(plan.municipality.areas.len(), |i| {
                initial_area(&plan.municipality.areas[i], schedule.area_districts[i], &engine)
            }),
            standings: vec![Standing::default(); plan.municipality.areas.len()],
            listed: vec![false; plan.municipality.areas.len()],
            someone_waiting: false,
            district_profiles: plan
                .municipality
                .districts
                .iter()
                .map(|d| d.profile.as_deref().and_then(|p| plan.municipality.profiles.iter().position(|x| x.id == p)))
                .collect(),
            institutions: initial_institutions(plan, &schedule),
            attractiveness: Attractiveness::default(),
            school_mix: SchoolMix::default(),
            score_sums: ScoreSums::default(),
            need: NeedReference::default(),
        };
        let mut sim = Self { engine, schedule, world };
        sim.world.need = NeedReference::of(&sim.world.areas);
        sim.world.school_mix = schools::mix(&sim, &schools::district_pupils(&sim));
        let districts = sim.judge_all(true);
        let terms = attractiveness::all(&sim, districts);
        let in_2016 = terms.iter().map(|t| t.total).collect();
        sim.world.attractiveness = Attractiveness { terms, in_2016 };
        step::calibrate(&mut sim);
        sim
    }

    /// A run of `plan` that starts from another run's world (same municipality, so the same
    /// indices), for the years after it.
    pub fn resume(world: World, plan: &'a Plan, inputs: Inputs<'a>) -> Self {
        let engine = Engine::new(inputs, plan.span());
        Self { engine, schedule: Schedule::new(plan), world }
    }

    /// Runs the year `world.year` → `world.year + 1`; returns the year's flows.
    pub fn step(&mut self) -> super::output::LedgerYear {
        let year = self.world.year;
        let (ledger, pupils) = step::advance(self, year);
        self.world.year = year + 1;
        self.world.school_mix = schools::mix(self, &pupils);
        let districts = self.judge_all(false);
        self.world.attractiveness.terms = attractiveness::all(self, districts);
        ledger
    }

    /// Judges every area in the world's year: its indicators join its history (in 2016,
    /// `initial`, they fill it), and its status and runs are renewed. The same pass over the
    /// areas notes the school mix each area's children meet, sums what the areas add to
    /// their districts' attractiveness, and sums their parts of the balance score.
    fn judge_all(&mut self, initial: bool) -> attractiveness::DistrictSums {
        let year = self.world.year;
        let judges = (self.engine.judge(year), self.engine.judge(year.saturating_sub(1)));
        let (schedule, sources) = (&self.schedule, &self.schedule.plan.municipality.areas);
        let (areas, params, mix) = (&self.world.areas, self.engine.params, &self.world.school_mix);
        let score_context = score::PartsContext {
            year,
            params,
            cap: self.engine.cap,
            facilities_count_as_commercial: self.schedule.plan.facilities_count_as_commercial,
            judge: judges.0,
        };
        let variation = self.engine.variation;
        let refusal_from = self.engine.history.letting_rule(RuleEffect::RefuseBenefitRecipients).map(|r| r.from_year);
        let judge = |i: usize, standing: &mut Standing| {
            let area = &areas[i];
            let (held_convicted, non_western) = schedule.held(i, year);
            let risk = status::conviction_risk(&area.residents, params);
            let convicted = if initial || year <= schedule.last_convicted_point(i) {
                standing.conviction_risk_at_last_point = risk;
                held_convicted
            } else {
                let projected = held_convicted * ratio(risk, standing.conviction_risk_at_last_point);
                variation.map_or(projected, |seed| {
                    status::convicted_with_variation(projected, &area.residents, seed, i, year)
                })
            };
            let indicators = status::indicators(area, (convicted, non_western), params);
            let values = status::indicator_values(&indicators);
            if initial {
                standing.history = [values; HISTORY_YEARS];
            } else {
                standing.history.rotate_left(1);
                standing.history[HISTORY_YEARS - 1] = values;
            }
            if let Some((after_actions, after_living)) = area.figures_in_year {
                let (before, end) = (ChangeLedger::figures(&standing.indicators), ChangeLedger::figures(&indicators));
                for k in 0..3 {
                    standing.change.mobility[k] += after_living[k] - after_actions[k];
                    standing.change.replacement[k] += (after_actions[k] - before[k]) + (end[k] - after_living[k]);
                }
            }
            standing.indicators = indicators;
            // Only 2016's judging reads the years listed before it (from the plan's area).
            let listed_before = if initial { sources[i].held.years_listed_before_2016 } else { 0 };
            let (st, runs) = status::judge(area, listed_before, standing, judges, year, initial);
            standing.status = st;
            standing.runs = runs;
            standing.hardest_under_rule |= refusal_from.is_some_and(|from| year >= from) && st.category.is_hardest();
            Judged {
                school_share: mix.school_share_of(area),
                district_part: attractiveness::area_part(area, st.listed),
                score_part: score::area_parts(area, &standing.indicators, &score_context),
            }
        };
        let n = areas.len();
        let districts = self.world.district_profiles.len();
        // The sums are borrowed through the fold, not moved at every area.
        let mut sums = JudgedSums {
            school_shares: Vec::with_capacity(n),
            listed: Vec::with_capacity(n),
            districts: attractiveness::DistrictSums::new(districts),
            score: ScoreSums::new(n, districts),
        };
        parallel::fold_mut(&mut self.world.standings, judge, &mut sums, |sums, area| {
            sums.add(area);
            sums
        });
        self.world.school_mix.area_school_share = sums.school_shares;
        self.world.listed = sums.listed;
        self.world.score_sums = sums.score;
        sums.districts
    }
}

/// What judging an area notes besides its standing: the school mix its children meet, what
/// it adds to its district's attractiveness, and its part of the balance score.
#[derive(Clone, Copy)]
struct Judged {
    school_share: f64,
    district_part: attractiveness::AreaPart,
    score_part: score::AreaParts,
}

/// The areas' notes, in plan order.
struct JudgedSums {
    school_shares: Vec<f64>,
    listed: Vec<bool>,
    districts: attractiveness::DistrictSums,
    score: ScoreSums,
}

impl JudgedSums {
    fn add(&mut self, area: &Judged) {
        self.school_shares.push(area.school_share);
        self.listed.push(area.district_part.listed());
        self.districts.add(&area.district_part);
        self.score.add(&area.score_part);
    }
}

fn initial_institutions(plan: &Plan, schedule: &Schedule) -> Vec<InstitutionState> {
    let institutions = &plan.municipality.institutions;
    parallel::map(institutions.len(), |i| {
        let inst = &institutions[i];
        let district = schedule.district_index.get(inst.district.as_str()).copied();
        let mut catchment: Vec<usize> =
            inst.catchment.iter().filter_map(|d| schedule.district_index.get(d.as_str()).copied()).collect();
        catchment.extend(district);
        catchment.sort_unstable();
        catchment.dedup();
        InstitutionState { kind: inst.kind, district, catchment, has_profile: inst.profile.is_some(), active: true }
    })
}

fn initial_area(a: &crate::model::Area, district: Option<usize>, engine: &Engine) -> AreaState {
    let params = engine.params;
    let weighted: f64 = a.homes.iter().map(|(t, n)| n * params.tenure.persons_per_home[t]).sum();
    let residents = a.residents.total();
    let fill = if weighted > 0.0 && residents > 0.0 { residents / weighted } else { 1.0 };
    AreaState {
        kind: a.kind,
        district,
        homes: a.homes,
        had_in_2016: PerTenure::from_fn(|t| a.homes[t] > 0.0),
        capacity: PerTenure::from_fn(|t| a.homes[t] * params.tenure.persons_per_home[t] * fill),
        new_capacity: PerTenure::default(),
        empty: PerTenure::default(),
        figures_in_year: None,
        residents: Cohort::seeded(a.residents, a.held.basic_schooling_2016, a.held.income_2016, &params.education),
        left: Cohort::default(),
        waiting: Cohort::default(),
        excluded: Cohort::default(),
        almen_homes_2016: a.homes.almen(),
        almen_family_homes_2016: a.homes[Tenure::AlmenFamily],
        almen_family_persons_per_home: params.tenure.persons_per_home[Tenure::AlmenFamily] * fill,
        placed: 0.0,
        newcomers: PerGroup::default(),
        rehoused_in: 0.0,
        rehoused_out: 0.0,
        residual: Residual::default(),
        demolished_since_2010: a.demolished_2011_2015,
        almen_family_added: 0.0,
        opened: 0.0,
        commercial_m2: a.commercial_m2,
        facility_m2: 0.0,
        culture_house: false,
        campus: false,
        estate_homes_2016: if a.kind == AreaKind::Estate { a.homes.total() } else { 0.0 },
    }
}
