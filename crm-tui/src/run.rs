//! The event loop: keys from a thread that reads the terminal, answers from the network tasks,
//! and a tick; the screen is drawn after each, never while waiting for the server.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind};
use ratatui::DefaultTerminal;
use tokio::sync::mpsc;

use crate::app::{App, Msg};
use crate::net::Net;
use crate::request::Reply;

/// How often the loop ticks (debounced searches, the reload of an open screen).
pub const TICK: Duration = Duration::from_millis(100);

/// Reads terminal events on a thread of its own (crossterm's read blocks).
pub fn terminal_events() -> mpsc::UnboundedReceiver<Event> {
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
    rx
}

/// Hands the app's queued requests to the network.
pub fn flush(app: &mut App, net: &Net) -> usize {
    let n = app.outbox.len();
    for (ticket, request) in app.outbox.drain(..) {
        net.send(ticket, request);
    }
    n
}

pub async fn run(
    terminal: &mut DefaultTerminal,
    mut app: App,
    net: Net,
    mut replies: mpsc::UnboundedReceiver<Reply>,
) -> anyhow::Result<()> {
    let mut events = terminal_events();
    let mut tick = tokio::time::interval(TICK);
    let mut dirty = true;
    loop {
        flush(&mut app, &net);
        if app.quit {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| app.draw(f))?;
            dirty = false;
        }
        tokio::select! {
            ev = events.recv() => match ev {
                Some(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    app.update(Msg::Key(k), Instant::now());
                    dirty = true;
                }
                Some(Event::Resize(..)) => {
                    terminal.autoresize()?;
                    dirty = true;
                }
                Some(_) => {}
                None => return Ok(()),
            },
            Some(reply) = replies.recv() => {
                app.update(Msg::Reply(Box::new(reply)), Instant::now());
                dirty = true;
            }
            _ = tick.tick() => {
                // A TUI left open past midnight (UTC) works on the new day.
                app.today = chrono::Utc::now().date_naive();
                app.update(Msg::Tick, Instant::now());
                dirty |= !app.outbox.is_empty();
            }
        }
    }
}
