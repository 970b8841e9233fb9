//! Integration tests: drive the `ehelse` binary on fixtures in temp folders.

mod architecture;
mod cache_safety;
mod compute;
mod dashboard;
mod definitions_doc;
mod docs_check;
mod geography;
mod hostile;
mod joins;
mod loud_failures;
mod many_files;
mod overview;
mod population;
mod real_world_forms;
mod report;
mod seed_figures;
mod seed_items;
mod snapshots;
mod sources;
mod support;
mod terminal;
mod unix;
mod validate;
