//! `crm-tui --bench-keys N`: the figures of the TUI against a real server, measured in the
//! binary on a headless 160x48 screen: the time from the start of the process to the first
//! full frame (every answer the opening screen asked for drawn), then the time each of N key
//! presses takes from the key to its redrawn frame.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::app::{App, Msg};
use crate::net::Net;
use crate::request::Reply;
use crate::run::flush;

/// Longest wait for an answer before the benchmark gives up.
const PATIENCE: Duration = Duration::from_secs(30);

/// Keys written as text: a character is its key, `⎋` is Esc and `⏎` Enter.
fn keys(text: &str) -> Vec<KeyEvent> {
    text.chars()
        .map(|c| match c {
            '⎋' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            '⏎' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        })
        .collect()
}

/// Keys that move about the screen, open and close the help, the palette (typing in it) and
/// the screen's own overlays, without changing any data.
fn script(screen: usize) -> Vec<KeyEvent> {
    keys(match screen {
        1 => "jjjkllhjjhhlkkGgl?x:mov⎋⏎jk⎋",
        2 => "jjjkjkGg?x:sno⎋",
        3 => "jjkGg/ada⎋?x:new⎋",
        _ => "ejjJKk⎋?x:fore⎋",
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub async fn run(
    mut app: App,
    net: Net,
    mut replies: UnboundedReceiver<Reply>,
    started: Instant,
    keys: usize,
) -> anyhow::Result<String> {
    let mut terminal = Terminal::new(TestBackend::new(160, 48))?;
    let mut in_flight = flush(&mut app, &net);
    while in_flight > 0 {
        let Ok(Some(reply)) = tokio::time::timeout(PATIENCE, replies.recv()).await else {
            anyhow::bail!("the server did not answer within {PATIENCE:?}");
        };
        if let Some(f) = crate::app::answer_failure(&reply.answer) {
            anyhow::bail!("{}", f.message);
        }
        in_flight -= 1;
        app.update(Msg::Reply(Box::new(reply)), Instant::now());
        in_flight += flush(&mut app, &net);
    }
    terminal.draw(|f| app.draw(f))?;
    let first = started.elapsed();
    let script = script(app.current);
    let mut times: Vec<Duration> = Vec::with_capacity(keys);
    for i in 0..keys {
        let t = Instant::now();
        app.update(Msg::Key(script[i % script.len()]), t);
        terminal.draw(|f| app.draw(f))?;
        times.push(t.elapsed());
        // Requests a key made go out; answers are applied between keys (not timed).
        flush(&mut app, &net);
        while let Ok(r) = replies.try_recv() {
            app.update(Msg::Reply(Box::new(r)), Instant::now());
            flush(&mut app, &net);
        }
    }
    times.sort();
    let at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or_default();
    let deals: usize = app.pipeline.columns.iter().map(|c| c.deals.len()).sum();
    let open: i64 = app.pipeline.columns.iter().map(|c| c.count).sum();
    let board =
        if app.current == 1 { format!(" (board: {open} deals, {deals} loaded by the end)") } else { String::new() };
    Ok(format!(
        "{}: first full frame {:.1} ms after start; {} keys redrawn: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms{board}",
        crate::keys::SCREENS[app.current].0,
        ms(first),
        times.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times.last().copied().unwrap_or_default()),
    ))
}
