//! The command tree. Built with clap's builder so that the four entities share one definition
//! and their per-field flags come from the field catalog of the API.

use clap::{Arg, ArgAction, Command, value_parser};
use crm_api::catalog::{ENTITIES, EntityInfo, FieldInfo, FieldKind};

use crate::exit::EXIT_CODES_HELP;
use crate::output::Format;

const GLOBAL: &str = "Global options";
const ABOUT: &str = "Command-line client of the CRM: every endpoint as a subcommand";

/// The whole `crm` command.
pub fn command() -> Command {
    let mut cmd = Command::new("crm")
        .version(env!("CARGO_PKG_VERSION"))
        .about(ABOUT)
        .after_help(EXIT_CODES_HELP)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(
            Arg::new("server")
                .long("server")
                .env("CRM_SERVER")
                .hide_env_values(true)
                .global(true)
                .help_heading(GLOBAL)
                .value_name("URL")
                .help("Base URL of the server [default: the profile's, else http://127.0.0.1:3000]"),
        )
        .arg(
            Arg::new("token")
                .long("token")
                .env("CRM_TOKEN")
                .hide_env_values(true)
                .global(true)
                .help_heading(GLOBAL)
                .value_name("TOKEN")
                .help("Bearer token (an API token or a session token) [default: the profile's]"),
        )
        .arg(
            Arg::new("profile")
                .long("profile")
                .env("CRM_PROFILE")
                .hide_env_values(true)
                .global(true)
                .help_heading(GLOBAL)
                .value_name("NAME")
                .help("Profile of the configuration file to use [default: default]"),
        )
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .global(true)
                .help_heading(GLOBAL)
                .value_name("FORMAT")
                .value_parser(value_parser!(Format))
                .ignore_case(true)
                .hide_possible_values(true)
                .help("Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]"),
        )
        .arg(
            Arg::new("quiet")
                .short('q')
                .long("quiet")
                .global(true)
                .help_heading(GLOBAL)
                .action(ArgAction::SetTrue)
                .help("Print only the ids of records, one per line"),
        )
        .subcommand(Command::new("health").about("Check that the server is up and its database answers"))
        .subcommand(register())
        .subcommand(login())
        .subcommand(Command::new("logout").about("Revoke the profile's token and forget it"))
        .subcommand(Command::new("whoami").about("Show the account of the token"))
        .subcommand(token())
        .subcommand(profiles());
    for e in ENTITIES {
        cmd = cmd.subcommand(entity(e));
    }
    cmd.subcommand(pipelines())
        .subcommand(pipeline())
        .subcommand(forecast())
        .subcommand(dashboard())
        .subcommand(imports())
        .subcommand(audit())
        .subcommand(sync())
        .subcommand(integrations())
        .subcommand(
            Command::new("completions").about("Print the shell completion script").arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(value_parser!(clap_complete::Shell))
                    .help("bash, zsh, fish, elvish or powershell"),
            ),
        )
}

fn password_stdin() -> Arg {
    Arg::new("password-stdin").long("password-stdin").action(ArgAction::SetTrue).help(
        "Read the password from the first line of standard input (it is read without echo from the terminal otherwise)",
    )
}

fn register() -> Command {
    Command::new("register")
        .about("Create an account, then log in to it")
        .arg(Arg::new("email").long("email").required(true).help("E-mail address of the account"))
        .arg(Arg::new("name").long("name").help("Your name"))
        .arg(password_stdin())
}

fn login() -> Command {
    Command::new("login")
        .about("Log in and store an API token for this profile (mode 0600)")
        .arg(Arg::new("email").long("email").required(true).help("E-mail address of the account"))
        .arg(password_stdin())
}

fn token() -> Command {
    Command::new("token")
        .about("Named API tokens for scripts and cron jobs")
        .subcommand_required(true)
        .subcommand(
            Command::new("create")
                .about("Create a token; it is shown once")
                .arg(Arg::new("name").required(true).help("What the token is for"))
                .arg(
                    Arg::new("expires-in-days")
                        .long("expires-in-days")
                        .value_parser(value_parser!(i64))
                        .help("Days until it expires [default: never]"),
                ),
        )
        .subcommand(Command::new("list").about("List the account's tokens"))
        .subcommand(
            Command::new("revoke")
                .about("Revoke a token at once")
                .arg(Arg::new("id").required(true).value_name("ID").value_parser(value_parser!(i64)).help("Token id")),
        )
}

fn profiles() -> Command {
    Command::new("profile")
        .about("Profiles of the configuration file: a server and a token under a name")
        .subcommand_required(true)
        .subcommand(Command::new("list").about("List the profiles"))
        .subcommand(
            Command::new("use")
                .about("Make a profile the default")
                .arg(Arg::new("name").required(true).help("Profile name")),
        )
        .subcommand(
            Command::new("set")
                .about("Set a profile's server")
                .arg(Arg::new("name").required(true).help("Profile name"))
                .arg(Arg::new("server").long("server-url").required(true).value_name("URL").help("Base URL")),
        )
}

fn id_arg() -> Arg {
    Arg::new("id").required(true).value_name("ID").value_parser(value_parser!(i64)).help("Record id")
}

fn if_match() -> Arg {
    Arg::new("if-match")
        .long("if-match")
        .value_name("VERSION")
        .value_parser(value_parser!(i64))
        .help("Only if the record is still at this version (exit 4 otherwise)")
}

fn tz_arg(what: &str) -> Arg {
    Arg::new("tz")
        .long("tz")
        .value_name("ZONE")
        .help(format!("{what}: an IANA name such as Europe/Berlin [default: UTC]"))
}

/// A `YYYY-MM-DD` date.
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a YYYY-MM-DD date"))
}

fn body_arg() -> Arg {
    Arg::new("json")
        .long("json")
        .value_name("FILE")
        .help("Read fields from a JSON object in FILE (- for stdin); flags override it")
}

/// `--job-title` for `job_title`.
pub fn flag_name(f: &FieldInfo) -> String {
    f.name.replace('_', "-")
}

fn field_arg(f: &FieldInfo) -> Arg {
    let mut help = f.help.to_string();
    if let FieldKind::Enum(values) = f.kind {
        help.push_str(&format!(" [one of: {}]", values.join(", ")));
    }
    let arg = Arg::new(f.name).long(flag_name(f)).help(help);
    let arg = if f.name.contains('_') { arg.alias(f.name) } else { arg };
    match f.kind {
        FieldKind::Int { .. } | FieldKind::Link(_) => arg.value_parser(value_parser!(i64)).value_name("N"),
        FieldKind::Bool => arg.value_parser(value_parser!(bool)).value_name("true|false"),
        FieldKind::Date => arg.value_name("YYYY-MM-DD"),
        FieldKind::Money => arg.value_name("AMOUNT"),
        _ => arg.value_name("TEXT"),
    }
}

/// `--limit`/`-n`: records per page of a list.
fn page_size_arg() -> Arg {
    Arg::new("limit")
        .long("limit")
        .short('n')
        .value_parser(value_parser!(u32).range(1..=1000))
        .help("Records per page [default: 50]")
}

fn list_args(cmd: Command) -> Command {
    cmd.arg(
        Arg::new("filter")
            .long("filter")
            .short('f')
            .value_name("EXPR")
            .help("Filter, as the API's filter grammar: 'status[eq]:\"Lead\",rating[gte]:4'"),
    )
    .arg(Arg::new("search").long("search").short('s').value_name("WORDS").help("Free-text search (words, by prefix)"))
    .arg(Arg::new("sort").long("sort").value_name("KEYS").help("Sort keys: -created_at,name [default: -created_at]"))
    .arg(page_size_arg())
    .arg(Arg::new("cursor").long("cursor").help("Start at this next_cursor of an earlier page"))
    .arg(Arg::new("all").long("all").action(ArgAction::SetTrue).help("Follow the cursors to the last page"))
    .arg(Arg::new("deleted").long("deleted").action(ArgAction::SetTrue).help("List the trash instead"))
    .arg(Arg::new("count").long("count").action(ArgAction::SetTrue).help("Print only how many records match"))
}

fn entity(e: &'static EntityInfo) -> Command {
    let writable: Vec<&FieldInfo> = e.writable().collect();
    let create = Command::new("create")
        .about(format!("Create a {}", e.name))
        .arg(body_arg())
        .args(writable.iter().map(|f| field_arg(f)));
    let nullable: Vec<&str> = writable.iter().filter(|f| f.nullable).map(|f| f.name).collect();
    let update = Command::new("update")
        .about(format!("Change fields of a {} (only those given)", e.name))
        .arg(id_arg())
        .arg(body_arg())
        .args(writable.iter().map(|f| field_arg(f)))
        .arg(
            Arg::new("unset")
                .long("unset")
                .value_name("FIELD")
                .action(ArgAction::Append)
                .value_parser(clap::builder::PossibleValuesParser::new(nullable))
                .help("Clear a field (repeatable)"),
        )
        .arg(if_match());
    let mut cmd = Command::new(e.path)
        .about(format!("{}: list, show, create, change, delete", capitalized(e.path)))
        .subcommand_required(true)
        .subcommand(list_args(Command::new("list").about(format!("List {}", e.path))))
        .subcommand(Command::new("get").about(format!("Show a {}", e.name)).arg(id_arg()))
        .subcommand(create)
        .subcommand(update)
        .subcommand(
            Command::new("delete")
                .about(format!("Move {} to the trash (restore undoes it)", e.path))
                .arg(
                    Arg::new("id")
                        .required(true)
                        .num_args(1..)
                        .value_name("ID")
                        .value_parser(value_parser!(i64))
                        .help("Record ids"),
                )
                .arg(if_match()),
        )
        .subcommand(Command::new("restore").about(format!("Take a {} out of the trash", e.name)).arg(id_arg()))
        .subcommand(export(e))
        .subcommand(import(e));
    match e.path {
        "contacts" => {
            cmd = cmd.subcommand(
                Command::new("timeline")
                    .about("A contact's activities, opportunities and deals, newest first")
                    .arg(id_arg()),
            );
        }
        "deals" => {
            cmd = cmd
                .subcommand(move_stage(e))
                .subcommand(Command::new("history").about("A deal's stage changes").arg(id_arg()));
        }
        "opportunities" => {
            cmd = cmd.subcommand(move_stage(e));
        }
        "activities" => {
            cmd = cmd
                .subcommand(Command::new("complete").about("Mark an activity done").arg(id_arg()))
                .subcommand(Command::new("recent").about("The latest activities"))
                .subcommand(
                    Command::new("queue")
                        .about("Open activities overdue, due today and due in the next 7 days, by priority")
                        .after_help(
                            "Each section (overdue, today, upcoming) is ordered by priority (Urgent, High, Normal, \
                             Low), then due date. A table has a section column; -o json prints the server's answer \
                             (the date used, the three sections, has_more).",
                        )
                        .arg(tz_arg("Time zone whose current date is today"))
                        .arg(
                            Arg::new("limit")
                                .long("limit")
                                .short('n')
                                .value_parser(value_parser!(u32).range(1..=500))
                                .help("Most activities per section, 1 to 500 [default: 50]"),
                        ),
                )
                .subcommand(
                    Command::new("snooze")
                        .about("Move an open activity's due date to a later day")
                        .arg(id_arg())
                        .arg(
                            Arg::new("until")
                                .required(true)
                                .value_name("UNTIL")
                                .value_parser(parse_date)
                                .help("The new due date, YYYY-MM-DD: today or later"),
                        )
                        .arg(tz_arg("Time zone whose current date UNTIL may not be before"))
                        .arg(if_match()),
                );
        }
        _ => {}
    }
    cmd
}

/// `crm deals move ID STAGE [--at TIME]` (and opportunities).
fn move_stage(e: &EntityInfo) -> Command {
    Command::new("move")
        .about(format!("Move a {} to another stage of its pipeline", e.name))
        .after_help(
            "The stage is named as in `crm pipelines list` (any case; spaces, - and _ alike), or given by id with \
             --stage-id. The move is recorded in the stage history; the probability follows the stage unless \
             it was set explicitly.",
        )
        .arg(id_arg())
        .arg(Arg::new("stage").value_name("STAGE").required_unless_present("stage-id").help("Stage name"))
        .arg(
            Arg::new("stage-id")
                .long("stage-id")
                .value_name("ID")
                .value_parser(value_parser!(i64))
                .help("Stage by id (of this or another pipeline)"),
        )
        .arg(
            Arg::new("at")
                .long("at")
                .value_name("TIME")
                .help("When the move happened, RFC 3339 (default now): not in the future nor before the previous move"),
        )
        .arg(if_match())
}

fn export(e: &EntityInfo) -> Command {
    Command::new("export")
        .about(format!("Write every matching {} as CSV or NDJSON, streamed to FILE or standard output", e.name))
        .after_help(format!(
            "The CSV has a header row of field names and reads back with `crm {} import`. A FILE is written \
             under FILE.part and renamed when complete.",
            e.path
        ))
        .arg(Arg::new("file").value_name("FILE").help("File to write, or - for standard output [default: -]"))
        .arg(Arg::new("filter").long("filter").short('f').value_name("EXPR").help("Filter, as for list"))
        .arg(Arg::new("search").long("search").short('s').value_name("WORDS").help("Free-text search, as for list"))
        .arg(Arg::new("sort").long("sort").value_name("KEYS").help("Sort keys [default: created_at]"))
        .arg(Arg::new("deleted").long("deleted").action(ArgAction::SetTrue).help("Export the trash instead"))
        .arg(
            Arg::new("format").long("format").value_parser(["csv", "ndjson"]).help(
                "csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]",
            ),
        )
}

fn import(e: &EntityInfo) -> Command {
    let default_match = if e.path == "contacts" { "email" } else { "none" };
    Command::new("import")
        .about(format!("Create or update {} from a CSV file, in batches, under an import id", e.path))
        .after_help(format!(
            "Columns are matched to fields by name and by the names other tools use (\"First Name\" + \"Last Name\", \
             \"E-mail Address\", \"Phone 1\", \"Company Name\", \"Job Title\", ...); others are reported. \
             Re-running an import changes nothing; `crm imports undo <id>` reverts one. Exit 1 when rows failed.\n\n\
             Example: crm {} import people.csv --map \"Shoe Size=notes\" --results out/",
            e.path
        ))
        .arg(Arg::new("file").required(true).value_name("FILE").help("CSV file, or - for stdin"))
        .arg(
            Arg::new("match")
                .long("match")
                .value_parser(["email", "id", "none"])
                .help(format!(
                    "How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: {default_match}]"
                )),
        )
        .arg(Arg::new("dry-run").long("dry-run").action(ArgAction::SetTrue).help("Print what each row would do; write nothing"))
        .arg(
            Arg::new("map")
                .long("map")
                .value_name("COLUMN=FIELD")
                .action(ArgAction::Append)
                .help("Import a column as a field (FIELD - skips the column); repeatable"),
        )
        .arg(Arg::new("delimiter").long("delimiter").value_name("CHAR").help("Field delimiter: , ; or tab [default: detected]"))
        .arg(
            Arg::new("results")
                .long("results")
                .value_name("DIR")
                .help("Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)"),
        )
        .arg(
            Arg::new("resume")
                .long("resume")
                .value_name("IMPORT")
                .num_args(0..=1)
                .value_parser(value_parser!(i64))
                .help("Continue an interrupted import of this file (its id, or the last one remembered for the file)"),
        )
        .arg(
            Arg::new("batch-size")
                .long("batch-size")
                .value_name("N")
                .value_parser(value_parser!(usize))
                .help("Rows per request, at most 1000 [default: 1000]"),
        )
        .arg(
            Arg::new("parallel")
                .long("parallel")
                .value_name("N")
                .value_parser(value_parser!(usize))
                .help("Requests in flight [default: 4]"),
        )
}

fn imports() -> Command {
    Command::new("imports")
        .about("Imports made with `crm <entity> import`: list, show, undo")
        .subcommand_required(true)
        .subcommand(Command::new("list").about("The latest imports, newest first"))
        .subcommand(Command::new("get").about("Show an import and what it did").arg(id_arg()))
        .subcommand(
            Command::new("undo")
                .about("Revert an import: records it created go to the trash, fields it updated are set back")
                .arg(id_arg()),
        )
}

fn pipeline_id_arg() -> Arg {
    Arg::new("id").required(true).value_name("ID").value_parser(value_parser!(i64)).help("Pipeline id")
}

fn stage_arg() -> Arg {
    Arg::new("stage").required(true).value_name("STAGE").help("Stage id, or its name (any case)")
}

fn probability_arg() -> Arg {
    Arg::new("probability")
        .long("probability")
        .value_name("N")
        .value_parser(value_parser!(i64).range(0..=100))
        .help("Probability of closing, 0 to 100, that records in the stage follow")
}

fn kind_arg() -> Arg {
    Arg::new("kind")
        .long("kind")
        .value_name("KIND")
        .value_parser(["open", "won", "lost"])
        .ignore_case(true)
        .help("What a record in the stage is: open, won or lost")
}

fn position_arg(what: &str) -> Arg {
    Arg::new("position")
        .long("position")
        .value_name("N")
        .value_parser(value_parser!(i64).range(0..=49))
        .help(format!("Place among the stages, from 0 (the others shift) [default: {what}]"))
}

/// `crm pipelines ...`: pipelines and their stages.
fn pipelines() -> Command {
    Command::new("pipelines")
        .about("Pipelines and their stages: list, create, rename, make default, delete; stages")
        .subcommand_required(true)
        .subcommand(Command::new("list").about("List the pipelines, one line per stage (-o json: the pipelines)"))
        .subcommand(Command::new("get").about("Show a pipeline, one line per stage").arg(pipeline_id_arg()))
        .subcommand(
            Command::new("create")
                .about("Create a pipeline")
                .after_help(
                    "Example: crm pipelines create Renewals --stage Contacted:10 --stage Quoted:50 \\\n    \
                     --stage Renewed:100:won --stage Lapsed:0:lost\n\n\
                     Without --stage the pipeline gets the six default stages.",
                )
                .arg(Arg::new("name").required(true).value_name("NAME").help("Its name, unique among your pipelines"))
                .arg(
                    Arg::new("stage")
                        .long("stage")
                        .value_name("NAME[:PROB[:KIND]]")
                        .action(ArgAction::Append)
                        .help("A stage, in order (repeatable): its name, probability 0 to 100, kind open|won|lost"),
                )
                .arg(
                    Arg::new("default")
                        .long("default")
                        .action(ArgAction::SetTrue)
                        .help("Make it the default pipeline of new deals and opportunities"),
                ),
        )
        .subcommand(
            Command::new("rename")
                .about("Rename a pipeline")
                .arg(pipeline_id_arg())
                .arg(Arg::new("name").required(true).value_name("NAME").help("The new name"))
                .arg(if_match()),
        )
        .subcommand(
            Command::new("default")
                .about("Make a pipeline the default of new deals and opportunities")
                .arg(pipeline_id_arg()),
        )
        .subcommand(
            Command::new("delete")
                .about("Delete a pipeline")
                .arg(pipeline_id_arg())
                .arg(if_match()),
        )
        .subcommand(
            Command::new("stages")
                .about("List a pipeline's stages; add, change or delete one")
                .args_conflicts_with_subcommands(true)
                .subcommand_negates_reqs(true)
                .arg(pipeline_id_arg())
                .subcommand(
                    Command::new("add")
                        .about("Add a stage to a pipeline")
                        .arg(pipeline_id_arg())
                        .arg(Arg::new("name").required(true).value_name("NAME").help("Its name, unique in the pipeline"))
                        .arg(probability_arg())
                        .arg(kind_arg())
                        .arg(
                            Arg::new("rotting-days")
                                .long("rotting-days")
                                .value_name("N")
                                .value_parser(value_parser!(i64).range(1..=3650))
                                .help("Days without a move or an activity after which an open record rots [default: never]"),
                        )
                        .arg(position_arg("last")),
                )
                .subcommand(
                    Command::new("update")
                        .about("Change a stage (only what is given)")
                        .arg(pipeline_id_arg())
                        .arg(stage_arg())
                        .arg(Arg::new("name").long("name").value_name("NAME").help("New name"))
                        .arg(probability_arg())
                        .arg(kind_arg())
                        .arg(
                            Arg::new("rotting-days")
                                .long("rotting-days")
                                .value_name("N|never")
                                .help("Days without a move or an activity after which an open record rots, or never"),
                        )
                        .arg(position_arg("where it is"))
                        .group(
                            clap::ArgGroup::new("change")
                                .args(["name", "probability", "kind", "rotting-days", "position"])
                                .multiple(true)
                                .required(true),
                        ),
                )
                .subcommand(
                    Command::new("delete")
                        .about("Delete a stage; the records in it move to --move-to")
                        .arg(pipeline_id_arg())
                        .arg(stage_arg())
                        .arg(
                            Arg::new("move-to")
                                .long("move-to")
                                .value_name("STAGE")
                                .help("Stage (name or id, same pipeline) for its deals and opportunities; required when it has any"),
                        ),
                ),
        )
}

fn pipeline_option() -> Arg {
    Arg::new("pipeline")
        .long("pipeline")
        .value_name("ID")
        .value_parser(value_parser!(i64))
        .help("Pipeline id [default: the default pipeline]")
}

/// `crm pipeline`: the board, or its summary.
fn pipeline() -> Command {
    Command::new("pipeline")
        .about("The pipeline board: each stage's deals, or with --summary its figures")
        .arg(pipeline_option())
        .arg(
            Arg::new("per-stage")
                .long("per-stage")
                .value_name("N")
                .value_parser(value_parser!(u32).range(1..=500))
                .help("Deals per stage, 1 to 500 [default: 50]"),
        )
        .arg(
            Arg::new("summary")
                .long("summary")
                .action(ArgAction::SetTrue)
                .conflicts_with("per-stage")
                .help("Each stage's count, amount, weighted amount and rotting deals, per currency"),
        )
}

fn sync() -> Command {
    let source = |name: &'static str, about: &'static str| {
        Command::new(name).about(about).arg(
            Arg::new("no-wait")
                .long("no-wait")
                .action(ArgAction::SetTrue)
                .help("Answer once the runs have started, without waiting for them to end"),
        )
    };
    Command::new("sync")
        .about("Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)")
        .subcommand_required(true)
        .subcommand(source("all", "Sync every connected source, a line per source"))
        .subcommand(source("brivity", "Sync the Brivity account"))
        .subcommand(source("topproducer", "Sync the Top Producer account"))
        .subcommand(
            Command::new("status").about("Each source: connected, running, its last run, values mapped to nothing"),
        )
}

fn integrations() -> Command {
    let interval = Arg::new("interval")
        .long("interval")
        .value_name("MINUTES")
        .global(true)
        .value_parser(value_parser!(i64).range(5..=10_080))
        .help("Minutes between scheduled syncs, 5 to 10080 [default: none]");
    Command::new("integrations")
        .about("The CRMs contacts and deals are synced from")
        .subcommand_required(true)
        .subcommand(
            Command::new("accounts")
                .about("Connected accounts (their secrets are never shown)")
                .subcommand(Command::new("list").about("The connected accounts"))
                .subcommand(
                    Command::new("connect")
                        .about("Connect a source, or replace its credentials")
                        .subcommand_required(true)
                        .arg(interval)
                        .subcommand(Command::new("brivity").about("A Brivity account, by its API key").arg(
                            Arg::new("api-key").long("api-key").help("The API key [default: read from standard input]"),
                        ))
                        .subcommand(
                            Command::new("topproducer")
                                .about("A Top Producer account, by OAuth2 client credentials")
                                .arg(Arg::new("client-id").long("client-id").required(true).help("The client id"))
                                .arg(
                                    Arg::new("client-secret")
                                        .long("client-secret")
                                        .help("The client secret [default: read from standard input]"),
                                ),
                        ),
                )
                .subcommand(
                    Command::new("disconnect").about("Disconnect an account (its contacts and deals stay)").arg(
                        Arg::new("id")
                            .required(true)
                            .value_parser(value_parser!(i64).range(1..))
                            .help("The account's id"),
                    ),
                ),
        )
        .subcommand(list_args(
            Command::new("contacts")
                .about("Every contact, made here or synced, one per person, with the sources it comes from"),
        ))
        .subcommand(list_args(
            Command::new("deals").about("Every deal, made here or synced, with the sources it comes from"),
        ))
        .subcommand(
            Command::new("search")
                .about("Find text in any field of what the sources sent (the cache)")
                .arg(Arg::new("query").required(true).help("The text, any case"))
                .arg(
                    Arg::new("type")
                        .long("type")
                        .value_parser(["contacts", "deals"])
                        .help("Only contacts or only deals [default: both]"),
                )
                .arg(page_size_arg())
                .arg(
                    Arg::new("all").long("all").action(ArgAction::SetTrue).help("Follow the cursors to the last page"),
                ),
        )
        .subcommand(
            Command::new("cache").about("The copy of what each source last sent").subcommand_required(true).subcommand(
                Command::new("clear")
                    .about("Drop it: the next sync compares every record afresh (no contact or deal is lost)")
                    .arg(
                        Arg::new("source")
                            .long("source")
                            .value_parser(["brivity", "topproducer"])
                            .help("Only this source's [default: every source's]"),
                    ),
            ),
        )
}

fn forecast() -> Command {
    Command::new("forecast")
        .about("Deals closing per month from this month: won, weighted, best case, per currency")
        .arg(
            Arg::new("months")
                .long("months")
                .value_name("N")
                .value_parser(value_parser!(u32).range(1..=36))
                .help("Months from the current UTC month, 1 to 36 [default: 6]"),
        )
}

fn dashboard() -> Command {
    use crm_api::dashboard::{Period, Widget};
    Command::new("dashboard")
        .about("The dashboard's figures over a period, with charts; its layout")
        .args_conflicts_with_subcommands(true)
        .arg(
            Arg::new("from")
                .long("from")
                .value_name("YYYY-MM-DD")
                .help("First day [default: the first of this UTC month]"),
        )
        .arg(
            Arg::new("to")
                .long("to")
                .value_name("YYYY-MM-DD")
                .help("Last day, included [default: the last of this UTC month]"),
        )
        .arg(pipeline_option().help("Pipeline of the funnel and the stages [default: the default pipeline]"))
        .subcommand(
            Command::new("layout")
                .about("Show the dashboard's layout: its widgets, in order, and its period")
                .subcommand(
                    Command::new("set")
                        .about("Save the dashboard's layout; what is not given stays as it is")
                        .arg(
                            Arg::new("period")
                                .long("period")
                                .value_name("PERIOD")
                                .help(format!("The period the figures cover: {}", Period::TEXTS.join(", "))),
                        )
                        .arg(Arg::new("widgets").long("widgets").value_name("A,B,...").value_delimiter(',').help(
                            format!(
                                "The widgets to show, in order, each once (1 to {}): {}",
                                Widget::ALL.len(),
                                Widget::TEXTS.join(", ")
                            ),
                        ))
                        .group(clap::ArgGroup::new("change").args(["period", "widgets"]).multiple(true).required(true))
                        .arg(
                            Arg::new("if-match")
                                .long("if-match")
                                .value_name("VERSION")
                                .value_parser(value_parser!(i64))
                                .help(
                                    "Only if the layout is still at this version, 0 for none saved (exit 4 otherwise)",
                                ),
                        ),
                ),
        )
}

fn audit() -> Command {
    Command::new("audit")
        .about("The account's audit trail, newest first")
        .arg(
            Arg::new("entity")
                .long("entity")
                .value_name("NAME")
                .help("Only this entity: contact, opportunity, deal, activity, api_token, dashboard_layout"),
        )
        .arg(
            Arg::new("record")
                .long("record")
                .value_name("ID")
                .value_parser(value_parser!(i64))
                .requires("entity")
                .help("Only this record of --entity"),
        )
        .arg(
            Arg::new("limit")
                .long("limit")
                .short('n')
                .value_parser(value_parser!(u32).range(1..=1000))
                .help("Entries per page [default: 50]"),
        )
        .arg(Arg::new("all").long("all").action(ArgAction::SetTrue).help("Follow the cursors to the last page"))
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_tree_is_consistent() {
        super::command().debug_assert();
    }
}
