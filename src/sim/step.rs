//! One year of the projection, t → t+1: actions, transitions inside each area (births, ageing,
//! work, education, efforts), moves out, rehousing of the displaced, and refilling of vacancies
//! from the intake mix. Also the calibration that makes the 2016 composition stationary.

use super::output::LedgerYear;
use super::state::{AreaState, Simulation, ratio};
use crate::model::{
    ActionKind, AreaKind, EffortKind, FacilityKind, InstitutionKind, Letting, Params, PerGroup, PerTenure, Tenure,
};

/// Efforts active in one area in one year.
#[derive(Clone, Copy, Debug, Default)]
struct AreaEfforts {
    job_consultants: f64,
    social_workers: f64,
    family_courses: f64,
}

/// What happens to an area's residents inside the year, before anyone moves.
struct Transition {
    residents: PerGroup<f64>,
    births: f64,
    deaths: f64,
    effort_moves: f64,
}

/// Births, ageing, deaths, work and education, and the efforts' flows.
fn transition(x: &PerGroup<f64>, p: &Params, school_share: f64, efforts: AreaEfforts) -> Transition {
    let working_age = x.working_age();
    let births = p.births_per_adult * working_age;
    let age_out = x.children * p.children_age_out_rate.min(1.0);
    let deaths = x.seniors * p.seniors_exit_rate.min(1.0);
    // Outflow rates from each adult group, scaled down together if they would exceed the group.
    let emp = bounded([p.adults_to_seniors_rate, p.job_loss_rate]);
    let out = bounded([p.adults_to_seniors_rate, p.job_finding_rate, p.education_entry_rate]);
    let edu = bounded([p.adults_to_seniors_rate, p.education_completion_rate]);
    let to_seniors = x.employed * emp[0] + x.outside_work * out[0] + x.in_education * edu[0];
    let job_loss = x.employed * emp[1];
    let job_finding = x.outside_work * out[1];
    let education_entry = x.outside_work * out[2];
    let completed = x.in_education * edu[1];
    let completed_to_work = completed * p.education_completion_to_work_share;
    // Children who come of age: most start an education; the rest split by their parents' mix,
    // softened by the mix of the schools they went to, and by family courses.
    let parents_outside = ratio(x.outside_work, working_age);
    let inherited = (1.0 - p.school_mix_influence) * parents_outside + p.school_mix_influence * school_share;
    let new_outside_share = (inherited * (-p.family_course_effect * efforts.family_courses).exp()).clamp(0.0, 1.0);
    let new_in_education = age_out * p.new_adults_in_education_share;
    let new_outside = (age_out - new_in_education) * new_outside_share;
    let new_employed = age_out - new_in_education - new_outside;
    let mut r = PerGroup {
        children: x.children + births - age_out,
        employed: x.employed * (1.0 - emp[0] - emp[1]) + job_finding + completed_to_work + new_employed,
        in_education: x.in_education * (1.0 - edu[0] - edu[1]) + education_entry + new_in_education,
        outside_work: x.outside_work * (1.0 - out[0] - out[1] - out[2])
            + job_loss
            + (completed - completed_to_work)
            + new_outside,
        seniors: x.seniors - deaths + to_seniors,
    };
    // Efforts work on the pool left outside work, with diminishing returns as it shrinks.
    let mut effort_moves = 0.0;
    for (staff, per_year, into_work) in [
        (efforts.job_consultants, p.job_consultant_persons_per_year, true),
        (efforts.social_workers, p.social_worker_persons_per_year, false),
    ] {
        let pool = r.outside_work;
        if pool <= 0.0 || staff <= 0.0 {
            continue;
        }
        let moved = pool * (1.0 - (-per_year * staff / pool).exp());
        r.outside_work -= moved;
        if into_work {
            r.employed += moved;
        } else {
            r.in_education += moved;
        }
        effort_moves += moved;
    }
    Transition { residents: clamp_groups(r), births, deaths, effort_moves }
}

/// Rates of flows out of one group, scaled down together if they would take more than all.
fn bounded<const N: usize>(rates: [f64; N]) -> [f64; N] {
    let sum: f64 = rates.iter().sum();
    let scale = if sum > 1.0 { 1.0 / sum } else { 1.0 };
    rates.map(|r| r * scale)
}

fn clamp_groups(r: PerGroup<f64>) -> PerGroup<f64> {
    PerGroup::from_fn(|g| r[g].max(0.0))
}

/// The area's yearly move-out rate: its tenures' rates weighted by the persons they house.
fn move_out_rate(area: &AreaState, p: &Params) -> f64 {
    let cap = area.capacity.total();
    ratio(area.capacity.iter().map(|(t, c)| c * p.move_out_rate[t]).sum(), cap)
}

/// Who moves out: the move-out rate for all, except that employed residents leave
/// unattractive districts more often (selective exit) and attractive ones less.
fn leavers(x: &PerGroup<f64>, rate: f64, attractiveness: f64, p: &Params) -> PerGroup<f64> {
    let employed_weight = (1.0 - p.selective_exit * attractiveness).max(0.2);
    let weights = PerGroup { employed: employed_weight, ..PerGroup::from_fn(|_| 1.0) };
    let weighted: f64 = x.iter().map(|(g, n)| n * weights[g]).sum();
    let norm = ratio(x.total(), weighted);
    PerGroup::from_fn(|g| (x[g] * weights[g] * norm * rate).min(x[g]))
}

/// The shares of vacancies that fall on each tenure: turnover plus new homes.
fn vacancy_weights(area: &AreaState, p: &Params) -> PerTenure<f64> {
    let w = PerTenure::from_fn(|t| area.capacity[t] * p.move_out_rate[t] + area.new_capacity[t]);
    let total = w.total();
    if total > 0.0 {
        PerTenure::from_fn(|t| w[t] / total)
    } else {
        let cap = area.capacity.total();
        PerTenure::from_fn(|t| ratio(area.capacity[t], cap))
    }
}

/// A tenure's intake mix in an area: the tenure's base mix plus the area's calibrated residual.
fn tenure_mix(area: &AreaState, tenure: Tenure, p: &Params) -> PerGroup<f64> {
    PerGroup::from_fn(|g| (p.intake[tenure][g] + area.intake_residual[g]).max(0.0)).normalised()
}

/// The mix of newcomers to an area's vacancies.
fn intake_mix(
    area: &AreaState,
    weights: &PerTenure<f64>,
    letting: LettingShares,
    attractiveness_change: f64,
    p: &Params,
) -> PerGroup<f64> {
    let mut mix = PerGroup::default();
    for (t, w) in weights.iter() {
        if w <= 0.0 {
            continue;
        }
        let mut m = tenure_mix(area, t, p);
        if t.is_almen() {
            m = blend(&m, &p.flexible_intake.normalised(), letting.flexible);
        }
        if t == Tenure::AlmenFamily {
            let extra = letting.municipal - Letting::default().municipal_allocation_share;
            m = blend(&m, &p.needy_intake.normalised(), extra);
        }
        mix = mix.plus(&m.scaled(w));
    }
    let s = p.intake_sensitivity * attractiveness_change;
    let shifted = PerGroup {
        employed: mix.employed * (1.0 + s),
        in_education: mix.in_education * (1.0 + s),
        outside_work: mix.outside_work * (1.0 - s),
        ..mix
    };
    clamp_groups(shifted).normalised()
}

/// `base` moved towards `towards` by `share` (negative shares move away), kept non-negative.
fn blend(base: &PerGroup<f64>, towards: &PerGroup<f64>, share: f64) -> PerGroup<f64> {
    clamp_groups(PerGroup::from_fn(|g| base[g] + share * (towards[g] - base[g]))).normalised()
}

/// Letting rules in force for one area's almene vacancies.
#[derive(Clone, Copy, Debug, Default)]
struct LettingShares {
    flexible: f64,
    municipal: f64,
}

/// Sets each area's calibrated intake residual so that, with no actions, the 2016 composition
/// is a fixed point: the inflow equals what transitions and moves take away.
pub(super) fn calibrate(sim: &mut Simulation) {
    let p = sim.params;
    for i in 0..sim.areas.len() {
        let area = &sim.areas[i];
        if area.residents.total() < p.calibration_min_residents {
            continue;
        }
        let school_share = sim.school_mix.area_school_share[i];
        let t = transition(&area.residents, p, school_share, AreaEfforts::default());
        let left = leavers(&t.residents, move_out_rate(area, p), sim.attractiveness_now(area.district), p);
        let needed = PerGroup::from_fn(|g| (area.residents[g] - t.residents[g] + left[g]).max(0.0)).normalised();
        let weights = vacancy_weights(area, p);
        let mut blended = PerGroup::default();
        for (tenure, w) in weights.iter() {
            blended = blended.plus(&p.intake[tenure].normalised().scaled(w));
        }
        sim.areas[i].intake_residual = PerGroup::from_fn(|g| needed[g] - blended[g]);
    }
}

/// Advances the simulation through `year`; returns the year's flows.
pub(super) fn advance(sim: &mut Simulation, year: u16) -> LedgerYear {
    let p = sim.params;
    let n = sim.areas.len();
    let mut ledger = LedgerYear { year: year + 1, ..LedgerYear::default() };
    let mut displaced = vec![PerGroup::<f64>::default(); n];
    let slot = usize::from(year - crate::model::FIRST_YEAR);
    for k in 0..sim.actions_by_year.get(slot).map_or(0, Vec::len) {
        let (action, share) = sim.actions_by_year[slot][k];
        apply_action(sim, &action.kind, share, &mut displaced);
    }
    let efforts = efforts_in(sim, year);
    let letting = letting_in(sim, year);
    // Transitions and moves out.
    let mut vacancies = vec![0.0; n];
    for i in 0..n {
        let school_share = sim.school_mix.area_school_share.get(i).copied().unwrap_or(0.0);
        let area = &sim.areas[i];
        let rate = move_out_rate(area, p);
        let attractiveness = sim.attractiveness_now(area.district);
        let t = transition(&area.residents, p, school_share, efforts[i]);
        let left = leavers(&t.residents, rate, attractiveness, p);
        let mut residents = PerGroup::from_fn(|g| t.residents[g] - left[g]);
        ledger.births += t.births;
        ledger.deaths += t.deaths;
        ledger.effort_moves += t.effort_moves;
        ledger.moved_out += left.total();
        let gap = area.capacity.total() - residents.total();
        if gap < 0.0 {
            // More people than the homes hold: the surplus moves away with the area's mix.
            let surplus = residents.scaled(-gap / residents.total());
            residents = clamp_groups(PerGroup::from_fn(|g| residents[g] - surplus[g]));
            ledger.moved_out += surplus.total();
        }
        vacancies[i] = gap.max(0.0);
        sim.areas[i].residents = residents;
    }
    // Displaced residents take almene vacancies elsewhere first; the rest leave.
    let displaced_total = displaced.iter().fold(PerGroup::default(), |acc, d| acc.plus(d));
    ledger.displaced = displaced_total.total();
    let weights: Vec<PerTenure<f64>> = sim.areas.iter().map(|a| vacancy_weights(a, p)).collect();
    let mut rehoused = vec![0.0; n];
    if ledger.displaced > 0.0 {
        let room: Vec<f64> = (0..n)
            .map(|i| {
                let area = &sim.areas[i];
                let steered_away = letting.joint && area.status.listed;
                if displaced[i].total() > 0.0 || steered_away {
                    return 0.0;
                }
                vacancies[i]
                    * weights[i].iter().filter(|(t, _)| t.is_almen()).map(|(_, w)| w).sum::<f64>()
                    * p.rehouse_max_vacancy_share
            })
            .collect();
        let room_total: f64 = room.iter().sum();
        let rehoused_total = (ledger.displaced * p.rehoused_share).min(room_total);
        let mix = displaced_total.normalised();
        for i in 0..n {
            rehoused[i] = rehoused_total * ratio(room[i], room_total);
            let arrivals = mix.scaled(rehoused[i]);
            sim.areas[i].residents = sim.areas[i].residents.plus(&arrivals);
        }
        ledger.rehoused = rehoused_total;
        ledger.left = ledger.displaced - rehoused_total;
    }
    // Municipal allocations steered away from listed estates go to other almene family homes.
    let municipal = municipal_shares(sim, &letting, &vacancies, &weights);
    for i in 0..n {
        let open = (vacancies[i] - rehoused[i]).max(0.0);
        if open <= 0.0 {
            continue;
        }
        let area = &sim.areas[i];
        let shares = LettingShares { flexible: letting.flexible[i], municipal: municipal[i] };
        let mix = intake_mix(area, &weights[i], shares, sim.attractiveness_change(area.district), p);
        let arrivals = mix.scaled(open);
        ledger.moved_in += open;
        sim.areas[i].residents = sim.areas[i].residents.plus(&arrivals);
    }
    for area in &mut sim.areas {
        area.new_capacity = PerTenure::default();
    }
    ledger
}

/// Letting rules in force in a year.
struct LettingYear {
    flexible: Vec<f64>,
    municipal: f64,
    joint: bool,
}

fn letting_in(sim: &Simulation, year: u16) -> LettingYear {
    let letting = &sim.plan.letting;
    let mut flexible = vec![0.0; sim.areas.len()];
    for rule in letting.flexible.iter().filter(|f| f.from_year <= year) {
        if let Some(&i) = sim.area_index.get(rule.area.as_str()) {
            flexible[i] = rule.share.clamp(0.0, 1.0);
        }
    }
    LettingYear {
        flexible,
        municipal: letting.municipal_allocation_share.clamp(0.0, 1.0),
        joint: letting.joint_allocation_from.is_some_and(|from| from <= year),
    }
}

/// Each area's share of almene family vacancies let by municipal allocation. Under a joint
/// allocation agreement, listed estates get fewer and the others take the difference.
fn municipal_shares(
    sim: &Simulation,
    letting: &LettingYear,
    vacancies: &[f64],
    weights: &[PerTenure<f64>],
) -> Vec<f64> {
    let n = sim.areas.len();
    let mut shares = vec![letting.municipal; n];
    if !letting.joint {
        return shares;
    }
    let steer = sim.params.joint_allocation_steer_share;
    let family_vacancies = |i: usize| vacancies[i] * weights[i].almen_family;
    let mut steered = 0.0;
    let mut receiving = 0.0;
    for (i, share) in shares.iter_mut().enumerate() {
        if sim.areas[i].status.listed {
            *share = letting.municipal * (1.0 - steer);
            steered += letting.municipal * steer * family_vacancies(i);
        } else {
            receiving += family_vacancies(i);
        }
    }
    if receiving > 0.0 {
        let extra = steered / receiving;
        for (share, area) in shares.iter_mut().zip(&sim.areas) {
            if !area.status.listed {
                *share = (letting.municipal + extra).min(1.0);
            }
        }
    }
    shares
}

fn efforts_in(sim: &Simulation, year: u16) -> Vec<AreaEfforts> {
    let mut out = vec![AreaEfforts::default(); sim.areas.len()];
    for effort in sim.plan.efforts.iter().filter(|e| e.from_year <= year && year <= e.to_year) {
        let Some(&i) = sim.area_index.get(effort.area.as_str()) else {
            continue;
        };
        let count = if effort.count.is_finite() { effort.count.max(0.0) } else { 0.0 };
        match effort.kind {
            EffortKind::JobConsultants => out[i].job_consultants += count,
            EffortKind::SocialWorkers => out[i].social_workers += count,
            EffortKind::FamilyCourses => out[i].family_courses += count,
        }
    }
    out
}

/// A usable count: finite, not negative, at most what is there.
fn usable(count: f64, available: f64) -> f64 {
    if count.is_finite() { count.clamp(0.0, available.max(0.0)) } else { 0.0 }
}

/// Removes capacity from an area and displaces the residents it housed.
fn displace(area: &mut AreaState, tenure: Tenure, capacity_removed: f64) -> PerGroup<f64> {
    let capacity_before = area.capacity.total();
    area.capacity[tenure] = (area.capacity[tenure] - capacity_removed).max(0.0);
    area.new_capacity[tenure] = area.new_capacity[tenure].min(area.capacity[tenure]);
    let occupancy = ratio(area.residents.total(), capacity_before).min(1.0);
    let persons = (capacity_removed * occupancy).min(area.residents.total());
    let out = area.residents.scaled(ratio(persons, area.residents.total()));
    area.residents = clamp_groups(PerGroup::from_fn(|g| area.residents[g] - out[g]));
    out
}

/// Moves homes (and the persons they house) from one tenure to another; residents stay.
fn change_tenure(area: &mut AreaState, from: Tenure, to: Tenure, count: f64) -> f64 {
    let count = usable(count, area.homes[from]);
    if count <= 0.0 {
        return 0.0;
    }
    let capacity = area.capacity[from] * ratio(count, area.homes[from]);
    area.homes[from] -= count;
    area.homes[to] += count;
    area.capacity[from] -= capacity;
    area.capacity[to] += capacity;
    count
}

/// Carries out an action (for phased building, `share` of it) and records whom it displaced.
fn apply_action(sim: &mut Simulation, kind: &ActionKind, share: f64, displaced: &mut [PerGroup<f64>]) {
    let p = sim.params;
    let area_of = |id: &str| sim.area_index.get(id).copied();
    match kind {
        ActionKind::Demolish { area, tenure, count } | ActionKind::Merge { area, tenure, count } => {
            let Some(i) = area_of(area) else { return };
            let a = &mut sim.areas[i];
            let count = usable(*count, a.homes[*tenure]);
            if count <= 0.0 {
                return;
            }
            let per_home = ratio(a.capacity[*tenure], a.homes[*tenure]);
            let is_merge = matches!(kind, ActionKind::Merge { .. });
            let (homes_removed, capacity_removed) = if is_merge {
                (count / 2.0, count * per_home * (1.0 - p.merged_home_persons_factor / 2.0).max(0.0))
            } else {
                (count, count * per_home)
            };
            a.homes[*tenure] -= homes_removed;
            if !is_merge {
                a.demolished += count;
                if a.kind == AreaKind::Estate {
                    a.opened += count;
                }
            }
            let out = displace(a, *tenure, capacity_removed);
            displaced[i] = displaced[i].plus(&out);
        }
        ActionKind::Build { area, tenure, count, .. } => {
            let Some(i) = area_of(area) else { return };
            let a = &mut sim.areas[i];
            let count = usable(*count, f64::MAX) * share;
            let capacity = count * p.persons_per_home[*tenure];
            a.homes[*tenure] += count;
            a.capacity[*tenure] += capacity;
            a.new_capacity[*tenure] += capacity;
            a.built += count;
            if a.kind == AreaKind::Estate && !tenure.is_almen() {
                a.opened += count;
            }
        }
        ActionKind::Sell { area, count } => {
            let Some(i) = area_of(area) else { return };
            let a = &mut sim.areas[i];
            let sold = change_tenure(a, Tenure::AlmenFamily, Tenure::OwnerOccupied, *count);
            if a.kind == AreaKind::Estate {
                a.opened += sold;
            }
        }
        ActionKind::Convert { area, from, to, count } => {
            let Some(i) = area_of(area) else { return };
            change_tenure(&mut sim.areas[i], *from, *to, *count);
        }
        ActionKind::Facility { area, facility, area_m2 } => {
            let Some(i) = area_of(area) else { return };
            let a = &mut sim.areas[i];
            a.commercial_m2 += usable(*area_m2, f64::MAX);
            match facility {
                FacilityKind::CultureHouse => a.culture_house = true,
                FacilityKind::Campus => a.campus = true,
                FacilityKind::Commercial => {}
            }
        }
        ActionKind::MoveInstitution { institution, district } => {
            let (Some(&i), Some(&d)) =
                (sim.institution_index.get(institution.as_str()), sim.district_index.get(district.as_str()))
            else {
                return;
            };
            let inst = &mut sim.institutions[i];
            inst.district = Some(d);
            if inst.kind == InstitutionKind::School && !inst.catchment.contains(&d) {
                inst.catchment.push(d);
            }
        }
        ActionKind::AssignProfile { district, profile } => {
            let Some(&d) = sim.district_index.get(district.as_str()) else {
                return;
            };
            sim.district_profiles[d] = profile.as_deref().and_then(|id| sim.profile_index.get(id).copied());
        }
        ActionKind::MergeSchools { school, into } => {
            let (Some(&from), Some(&to)) =
                (sim.institution_index.get(school.as_str()), sim.institution_index.get(into.as_str()))
            else {
                return;
            };
            if from == to || !sim.institutions[from].active {
                return;
            }
            let pooled = std::mem::take(&mut sim.institutions[from].catchment);
            sim.institutions[from].active = false;
            let target = &mut sim.institutions[to];
            for d in pooled {
                if !target.catchment.contains(&d) {
                    target.catchment.push(d);
                }
            }
        }
        ActionKind::SchoolProfile { school, profile } => {
            let Some(&i) = sim.institution_index.get(school.as_str()) else {
                return;
            };
            sim.institutions[i].has_profile = profile.is_some();
        }
    }
}
