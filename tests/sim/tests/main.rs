//! End-to-end tests of the simulator: each starts one on a loopback port and drives it over
//! real HTTP with reqwest, as the sync's connectors will.

mod admin;
mod binary;
mod brivity;
mod common;
mod faults;
mod scale;
mod topproducer;
mod webhooks;
