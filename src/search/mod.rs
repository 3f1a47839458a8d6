//! Searching the space of plans. A plan is the base plan with levers pulled (`levers`): homes
//! demolished, sold, converted, merged or built in an area, letting rules, allocation and
//! efforts, each within limits. The room's question — what would it take to meet our goals? —
//! is answered by `run` (goals and limits in `goals`); random plans over every lever (`random`)
//! start its chains and are the balance score's adversarial check. Plans are judged by the same
//! engine as every other plan (`engine`), on the central projection, and come back as ordinary
//! plans.

pub mod answer;
pub mod goals;
pub mod levers;
pub mod random;
pub mod run;

pub use goals::{Goal, Limits};
pub use levers::{Candidate, Lever, LeverKind, Setting, plan_of};
pub use run::{Glimpse, Outcome, Progress, Request, Why, search};
