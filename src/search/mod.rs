//! Searching the space of plans. A plan is the base plan with levers pulled (`levers`): homes
//! demolished, sold, converted, merged or built in an area, letting rules, allocation and
//! efforts, each within limits. Random plans over every lever (`random`) are the balance score's
//! adversarial check. Plans are judged by the same engine as every other plan (`engine`), on the
//! central projection, and come back as ordinary plans.

pub mod levers;
pub mod random;

pub use levers::{Candidate, Lever, LeverKind, Setting, plan_of};
