//! The TUI's tests: screens drawn on a `TestBackend` and snapshotted (insta), screens driven
//! by key events with the requests they make checked, and the real binary run in tmux against
//! a real server.

mod e2e;
mod fixtures;
mod keys;
mod snapshots;
