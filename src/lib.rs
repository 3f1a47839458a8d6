//! By i balance ("city in balance"): a workshop tool for Høje-Taastrup Kommune's plan for its
//! three vulnerable housing estates. A plan goes in; a projection of who lives where to 2040,
//! each estate's standing on the government's list and a balance score come out.
//!
//! Layers, with arrows one way: [`ui`] → [`app`] → [`engine`] → [`sim`] → [`model`]; [`io`],
//! [`files`], [`report`], [`compare`], [`search`] and [`cli`] use the engine or the model. Only [`ui`] knows
//! egui (`tests/layers.rs` checks it); the shipped data lives in `assets/` and `saves/`.

pub mod app;
pub mod assets;
pub mod bands;
pub mod cli;
pub mod colours;
pub mod compare;
pub mod console;
pub mod engine;
pub mod explain;
pub mod export;
pub mod files;
pub mod i18n;
pub mod import;
pub mod io;
pub mod map;
pub mod model;
pub mod report;
pub mod search;
pub mod sim;
pub mod statement;
pub mod time;
pub mod ui;
pub mod words;
