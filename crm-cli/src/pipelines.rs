//! `crm pipelines`: the pipelines and their stages (list, get, create, rename, default,
//! delete; `stages` lists a pipeline's stages and adds, changes or deletes one).
//!
//! A table shows one line per stage, with its pipeline, so that stage ids are at hand for
//! `crm pipelines stages update` and `crm deals move --stage-id`; `-o json` prints the
//! pipelines as the server returns them.

use clap::ArgMatches;
use crm_api::StageKind;
use crm_api::pipelines::{
    NewPipeline, NewStage, Pipeline, PipelinePatch, PipelineStage, StageDeleteParams, StagePatch,
};
use serde_json::{Value, json};

use crate::Ctx;
use crate::exit::{CliError, Result};
use crate::output::{Columns, Format};
use crate::records::{print_all, value};

/// Columns of `crm pipelines list`: a line per stage.
const PIPELINE_COLUMNS: &[&str] =
    &["pipeline_id", "pipeline", "stage_id", "position", "stage", "probability", "kind", "rotting_days"];
/// Columns of a pipeline's stages.
const STAGE_COLUMNS: &[&str] = &["id", "position", "name", "probability", "kind", "rotting_days"];

pub async fn run(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let id = |m: &ArgMatches| m.get_one::<i64>("id").copied().unwrap_or_default();
    let if_match = |m: &ArgMatches| m.get_one::<i64>("if-match").map(|v| format!("\"{v}\""));
    match m.subcommand() {
        Some(("list", _)) => {
            let all = ctx.client.list_pipelines().await?;
            show(ctx, &all, true)
        }
        Some(("get", m)) => {
            let p = ctx.client.get_pipeline(id(m)).await?;
            show(ctx, &[p], false)
        }
        Some(("create", m)) => {
            let stages = m
                .get_many::<String>("stage")
                .map(|specs| specs.map(|s| parse_stage(s)).collect::<Result<Vec<_>>>())
                .transpose()?;
            let new = NewPipeline {
                name: m.get_one::<String>("name").cloned().unwrap_or_default(),
                is_default: m.get_flag("default"),
                stages,
            };
            let p = ctx.client.create_pipeline(&new).await?;
            show(ctx, &[p], false)
        }
        Some(("rename", m)) => {
            let patch = PipelinePatch { name: m.get_one::<String>("name").cloned(), ..Default::default() };
            let p = ctx.client.update_pipeline(id(m), &patch, if_match(m).as_deref()).await?;
            show(ctx, &[p], false)
        }
        Some(("default", m)) => {
            let patch = PipelinePatch { is_default: Some(true), ..Default::default() };
            let p = ctx.client.update_pipeline(id(m), &patch, None).await?;
            show(ctx, &[p], false)
        }
        Some(("delete", m)) => {
            let id = id(m);
            ctx.client.delete_pipeline(id, if_match(m).as_deref()).await?;
            let text = if ctx.out.quiet { id.to_string() } else { format!("deleted pipeline {id}") };
            Ok(ctx.out.line(&text)?)
        }
        Some(("stages", m)) => stages(ctx, m).await,
        _ => Err(CliError::usage("pipelines: which subcommand?")),
    }
}

/// `crm pipelines stages ...`.
async fn stages(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    let cols = Columns::plain(STAGE_COLUMNS);
    let pipeline = |m: &ArgMatches| m.get_one::<i64>("id").copied().unwrap_or_default();
    match m.subcommand() {
        None => {
            let stages = ctx.client.list_stages(pipeline(m)).await?;
            print_all(&mut ctx.out, &cols, &stages)
        }
        Some(("add", m)) => {
            let new = NewStage {
                name: m.get_one::<String>("name").cloned().unwrap_or_default(),
                probability: m.get_one::<i64>("probability").copied(),
                kind: kind(m)?.unwrap_or_default(),
                rotting_days: m.get_one::<i64>("rotting-days").copied(),
                position: m.get_one::<i64>("position").copied(),
            };
            let stage = ctx.client.create_stage(pipeline(m), &new).await?;
            Ok(ctx.out.record(&cols, &value(&stage)?)?)
        }
        Some(("update", m)) => {
            let p = pipeline(m);
            let stage = stage_id(ctx, p, m).await?;
            let rotting_days = match m.get_one::<String>("rotting-days").map(|s| s.trim()) {
                None => None,
                Some(never) if never.eq_ignore_ascii_case("never") => Some(None),
                Some(n) => match n.parse::<i64>() {
                    Ok(d) if (1..=crm_api::pipelines::ROTTING_DAYS_MAX).contains(&d) => Some(Some(d)),
                    _ => return Err(CliError::usage(format!("--rotting-days: {n:?} is not 1 to 3650, nor never"))),
                },
            };
            let patch = StagePatch {
                name: m.get_one::<String>("name").cloned(),
                probability: m.get_one::<i64>("probability").copied(),
                kind: kind(m)?,
                rotting_days,
                position: m.get_one::<i64>("position").copied(),
            };
            let stage = ctx.client.update_stage(p, stage, &patch).await?;
            Ok(ctx.out.record(&cols, &value(&stage)?)?)
        }
        Some(("delete", m)) => {
            let p = pipeline(m);
            let stage = stage_id(ctx, p, m).await?;
            let move_to = m.get_one::<String>("move-to").cloned();
            ctx.client.delete_stage(p, stage, &StageDeleteParams { move_to: move_to.clone() }).await?;
            let text = match (ctx.out.quiet, move_to) {
                (true, _) => stage.to_string(),
                (false, Some(to)) => format!("deleted stage {stage} of pipeline {p}; its records moved to {to}"),
                (false, None) => format!("deleted stage {stage} of pipeline {p}"),
            };
            Ok(ctx.out.line(&text)?)
        }
        Some((other, _)) => Err(CliError::usage(format!("pipelines stages: unknown subcommand {other:?}"))),
    }
}

/// The stage of the `stage` argument: an id as it is, a name looked up in the pipeline (any
/// case, spaces, `-` and `_` alike, as the server compares them).
async fn stage_id(ctx: &Ctx, pipeline: i64, m: &ArgMatches) -> Result<i64> {
    let given = m.get_one::<String>("stage").map(|s| s.trim()).unwrap_or_default();
    if let Ok(id) = given.parse::<i64>() {
        return Ok(id);
    }
    let stages = ctx.client.list_stages(pipeline).await?;
    let key = crm_api::enums::fold(given);
    stages.iter().find(|s| crm_api::enums::fold(&s.name) == key).map(|s| s.id).ok_or_else(|| {
        CliError::new(crate::exit::Code::NotFound, format!("pipeline {pipeline} has no stage named {given:?}"))
    })
}

fn kind(m: &ArgMatches) -> Result<Option<StageKind>> {
    m.get_one::<String>("kind")
        .map(|k| k.parse::<StageKind>().map_err(|e| CliError::usage(format!("--kind: {e}"))))
        .transpose()
}

/// `NAME[:PROB[:KIND]]` of `--stage`.
fn parse_stage(spec: &str) -> Result<NewStage> {
    let bad = |why: String| CliError::usage(format!("--stage {spec:?}: {why} (NAME[:PROB[:KIND]])"));
    let mut parts = spec.splitn(3, ':');
    let name = parts.next().unwrap_or_default().trim();
    if name.is_empty() {
        return Err(bad("the name is empty".into()));
    }
    let probability = match parts.next().map(str::trim) {
        None | Some("") => None,
        Some(p) => match p.trim_end_matches('%').parse::<i64>() {
            Ok(n) if (0..=100).contains(&n) => Some(n),
            _ => return Err(bad(format!("probability {p:?} is not 0 to 100"))),
        },
    };
    let kind = match parts.next().map(str::trim) {
        None | Some("") => StageKind::default(),
        Some(k) => k.parse::<StageKind>().map_err(|e| bad(format!("kind: {e}")))?,
    };
    Ok(NewStage { name: name.to_string(), probability, kind, rotting_days: None, position: None })
}

/// Pipelines as the chosen format: JSON as the server sent them (an array for a list, the
/// pipeline for one), ids only with `-q`, else a line per stage.
fn show(ctx: &mut Ctx, pipelines: &[Pipeline], list: bool) -> Result<()> {
    if ctx.out.quiet {
        for p in pipelines {
            ctx.out.line(&p.id.to_string())?;
        }
        return Ok(());
    }
    match ctx.out.format {
        Format::Json if list => Ok(ctx.out.json(&pipelines)?),
        Format::Json | Format::Ndjson if !list => Ok(ctx.out.json(&pipelines[0])?),
        Format::Ndjson => {
            for p in pipelines {
                ctx.out.json(p)?;
            }
            Ok(())
        }
        Format::Table | Format::Csv | Format::Json => {
            let rows: Vec<Value> = pipelines.iter().flat_map(stage_rows).collect();
            let cols = Columns::plain(PIPELINE_COLUMNS);
            ctx.out.begin(&cols);
            ctx.out.items(&rows)?;
            Ok(ctx.out.end()?)
        }
    }
}

/// A pipeline's lines: one per stage, the pipeline named on each (the default marked).
fn stage_rows(p: &Pipeline) -> Vec<Value> {
    let pipeline = if p.is_default { format!("{} (default)", p.name) } else { p.name.clone() };
    let row = |s: Option<&PipelineStage>| {
        json!({
            "pipeline_id": p.id,
            "pipeline": pipeline,
            "stage_id": s.map(|s| s.id),
            "position": s.map(|s| s.position),
            "stage": s.map(|s| s.name.clone()),
            "probability": s.map(|s| s.probability),
            "kind": s.map(|s| s.kind),
            "rotting_days": s.and_then(|s| s.rotting_days),
        })
    };
    if p.stages.is_empty() { vec![row(None)] } else { p.stages.iter().map(|s| row(Some(s))).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_specs() {
        let s = parse_stage("Quoted:50").expect("ok");
        assert_eq!((s.name.as_str(), s.probability, s.kind), ("Quoted", Some(50), StageKind::Open));
        let s = parse_stage(" Renewed : 100 : Won ").expect("ok");
        assert_eq!((s.name.as_str(), s.probability, s.kind), ("Renewed", Some(100), StageKind::Won));
        let s = parse_stage("Lapsed::lost").expect("ok");
        assert_eq!((s.probability, s.kind), (None, StageKind::Lost));
        assert_eq!(parse_stage("Plain").expect("ok").probability, None);
        for bad in [":50", "X:101", "X:many", "X:10:maybe"] {
            let e = parse_stage(bad).expect_err(bad);
            assert_eq!(e.code, crate::exit::Code::Usage, "{bad}");
        }
    }
}
