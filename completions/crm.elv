
use builtin;
use str;

set edit:completion:arg-completer[crm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'crm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'crm'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand health 'Check that the server is up and its database answers'
            cand register 'Create an account, then log in to it'
            cand login 'Log in and store an API token for this profile (mode 0600)'
            cand logout 'Revoke the profile''s token and forget it'
            cand whoami 'Show the account of the token'
            cand token 'Named API tokens for scripts and cron jobs'
            cand profile 'Profiles of the configuration file: a server and a token under a name'
            cand contacts 'Contacts: list, show, create, change, delete'
            cand opportunities 'Opportunities: list, show, create, change, delete'
            cand deals 'Deals: list, show, create, change, delete'
            cand activities 'Activities: list, show, create, change, delete'
            cand pipelines 'Pipelines and their stages: list, create, rename, make default, delete; stages'
            cand pipeline 'The pipeline board: each stage''s deals, or with --summary its figures'
            cand forecast 'Deals closing per month from this month: won, weighted, best case, per currency'
            cand dashboard 'The dashboard''s figures over a period, with charts; its layout'
            cand imports 'Imports made with `crm <entity> import`: list, show, undo'
            cand audit 'The account''s audit trail, newest first'
            cand sync 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)'
            cand integrations 'The CRMs contacts and deals are synced from'
            cand completions 'Print the shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;health'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;register'= {
            cand --email 'E-mail address of the account'
            cand --name 'Your name'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;login'= {
            cand --email 'E-mail address of the account'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;logout'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;whoami'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;token'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a token; it is shown once'
            cand list 'List the account''s tokens'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;token;create'= {
            cand --expires-in-days 'Days until it expires [default: never]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;token;list'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;token;revoke'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;token;help'= {
            cand create 'Create a token; it is shown once'
            cand list 'List the account''s tokens'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;token;help;create'= {
        }
        &'crm;token;help;list'= {
        }
        &'crm;token;help;revoke'= {
        }
        &'crm;token;help;help'= {
        }
        &'crm;profile'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the profiles'
            cand use 'Make a profile the default'
            cand set 'Set a profile''s server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;profile;list'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;profile;use'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;profile;set'= {
            cand --server-url 'Base URL'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;profile;help'= {
            cand list 'List the profiles'
            cand use 'Make a profile the default'
            cand set 'Set a profile''s server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;profile;help;list'= {
        }
        &'crm;profile;help;use'= {
        }
        &'crm;profile;help;set'= {
        }
        &'crm;profile;help;help'= {
        }
        &'crm;contacts'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List contacts'
            cand get 'Show a contact'
            cand create 'Create a contact'
            cand update 'Change fields of a contact (only those given)'
            cand delete 'Move contacts to the trash (restore undoes it)'
            cand restore 'Take a contact out of the trash'
            cand export 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update contacts from a CSV file, in batches, under an import id'
            cand timeline 'A contact''s activities, opportunities and deals, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;contacts;list'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;create'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --name 'Full name'
            cand --email 'E-mail address'
            cand --phone 'Phone number'
            cand --company 'Company'
            cand --job-title 'Job title'
            cand --status 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]'
            cand --source 'Where the contact came from'
            cand --notes 'Free-form notes'
            cand --rating 'Rating, 0 to 5'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;update'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --name 'Full name'
            cand --email 'E-mail address'
            cand --phone 'Phone number'
            cand --company 'Company'
            cand --job-title 'Job title'
            cand --status 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]'
            cand --source 'Where the contact came from'
            cand --notes 'Free-form notes'
            cand --rating 'Rating, 0 to 5'
            cand --unset 'Clear a field (repeatable)'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;delete'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;restore'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;export'= {
            cand -f 'Filter, as for list'
            cand --filter 'Filter, as for list'
            cand -s 'Free-text search, as for list'
            cand --search 'Free-text search, as for list'
            cand --sort 'Sort keys [default: created_at]'
            cand --format 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --deleted 'Export the trash instead'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;import'= {
            cand --match 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: email]'
            cand --map 'Import a column as a field (FIELD - skips the column); repeatable'
            cand --delimiter 'Field delimiter: , ; or tab [default: detected]'
            cand --results 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)'
            cand --resume 'Continue an interrupted import of this file (its id, or the last one remembered for the file)'
            cand --batch-size 'Rows per request, at most 1000 [default: 1000]'
            cand --parallel 'Requests in flight [default: 4]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --dry-run 'Print what each row would do; write nothing'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;timeline'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;contacts;help'= {
            cand list 'List contacts'
            cand get 'Show a contact'
            cand create 'Create a contact'
            cand update 'Change fields of a contact (only those given)'
            cand delete 'Move contacts to the trash (restore undoes it)'
            cand restore 'Take a contact out of the trash'
            cand export 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update contacts from a CSV file, in batches, under an import id'
            cand timeline 'A contact''s activities, opportunities and deals, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;contacts;help;list'= {
        }
        &'crm;contacts;help;get'= {
        }
        &'crm;contacts;help;create'= {
        }
        &'crm;contacts;help;update'= {
        }
        &'crm;contacts;help;delete'= {
        }
        &'crm;contacts;help;restore'= {
        }
        &'crm;contacts;help;export'= {
        }
        &'crm;contacts;help;import'= {
        }
        &'crm;contacts;help;timeline'= {
        }
        &'crm;contacts;help;help'= {
        }
        &'crm;opportunities'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List opportunities'
            cand get 'Show a opportunity'
            cand create 'Create a opportunity'
            cand update 'Change fields of a opportunity (only those given)'
            cand delete 'Move opportunities to the trash (restore undoes it)'
            cand restore 'Take a opportunity out of the trash'
            cand export 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update opportunities from a CSV file, in batches, under an import id'
            cand move 'Move a opportunity to another stage of its pipeline'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;opportunities;list'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;create'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --contact-id 'Contact id'
            cand --name 'Name'
            cand --value 'Value, e.g. 1250.00 (default 0.00)'
            cand --currency 'ISO 4217 currency code (default USD)'
            cand --probability 'Probability of winning, 0 to 100; follows the stage''s unless set (null: follow it again)'
            cand --pipeline-id 'Pipeline id (default: the default pipeline, or the stage''s)'
            cand --stage-id 'Stage id (or give the stage by name)'
            cand --stage 'Stage name in the pipeline, any case (default: its first stage)'
            cand --expected-close-date 'Expected close date, YYYY-MM-DD'
            cand --description 'Description'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;update'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --contact-id 'Contact id'
            cand --name 'Name'
            cand --value 'Value, e.g. 1250.00 (default 0.00)'
            cand --currency 'ISO 4217 currency code (default USD)'
            cand --probability 'Probability of winning, 0 to 100; follows the stage''s unless set (null: follow it again)'
            cand --pipeline-id 'Pipeline id (default: the default pipeline, or the stage''s)'
            cand --stage-id 'Stage id (or give the stage by name)'
            cand --stage 'Stage name in the pipeline, any case (default: its first stage)'
            cand --expected-close-date 'Expected close date, YYYY-MM-DD'
            cand --description 'Description'
            cand --unset 'Clear a field (repeatable)'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;delete'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;restore'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;export'= {
            cand -f 'Filter, as for list'
            cand --filter 'Filter, as for list'
            cand -s 'Free-text search, as for list'
            cand --search 'Free-text search, as for list'
            cand --sort 'Sort keys [default: created_at]'
            cand --format 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --deleted 'Export the trash instead'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;import'= {
            cand --match 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]'
            cand --map 'Import a column as a field (FIELD - skips the column); repeatable'
            cand --delimiter 'Field delimiter: , ; or tab [default: detected]'
            cand --results 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)'
            cand --resume 'Continue an interrupted import of this file (its id, or the last one remembered for the file)'
            cand --batch-size 'Rows per request, at most 1000 [default: 1000]'
            cand --parallel 'Requests in flight [default: 4]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --dry-run 'Print what each row would do; write nothing'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;move'= {
            cand --stage-id 'Stage by id (of this or another pipeline)'
            cand --at 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;opportunities;help'= {
            cand list 'List opportunities'
            cand get 'Show a opportunity'
            cand create 'Create a opportunity'
            cand update 'Change fields of a opportunity (only those given)'
            cand delete 'Move opportunities to the trash (restore undoes it)'
            cand restore 'Take a opportunity out of the trash'
            cand export 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update opportunities from a CSV file, in batches, under an import id'
            cand move 'Move a opportunity to another stage of its pipeline'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;opportunities;help;list'= {
        }
        &'crm;opportunities;help;get'= {
        }
        &'crm;opportunities;help;create'= {
        }
        &'crm;opportunities;help;update'= {
        }
        &'crm;opportunities;help;delete'= {
        }
        &'crm;opportunities;help;restore'= {
        }
        &'crm;opportunities;help;export'= {
        }
        &'crm;opportunities;help;import'= {
        }
        &'crm;opportunities;help;move'= {
        }
        &'crm;opportunities;help;help'= {
        }
        &'crm;deals'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List deals'
            cand get 'Show a deal'
            cand create 'Create a deal'
            cand update 'Change fields of a deal (only those given)'
            cand delete 'Move deals to the trash (restore undoes it)'
            cand restore 'Take a deal out of the trash'
            cand export 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update deals from a CSV file, in batches, under an import id'
            cand move 'Move a deal to another stage of its pipeline'
            cand history 'A deal''s stage changes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;deals;list'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;create'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --opportunity-id 'Opportunity id'
            cand --contact-id 'Contact id'
            cand --name 'Name'
            cand --amount 'Amount, e.g. 1250.00 (default 0.00)'
            cand --currency 'ISO 4217 currency code (default USD)'
            cand --pipeline-id 'Pipeline id (default: the default pipeline, or the stage''s)'
            cand --stage-id 'Stage id (or give the stage by name)'
            cand --stage 'Stage name in the pipeline, any case (default: its first stage)'
            cand --probability 'Probability of closing, 0 to 100; follows the stage''s unless set (null: follow it again)'
            cand --close-date 'Close date, YYYY-MM-DD'
            cand --next-steps 'Next steps'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;update'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --opportunity-id 'Opportunity id'
            cand --contact-id 'Contact id'
            cand --name 'Name'
            cand --amount 'Amount, e.g. 1250.00 (default 0.00)'
            cand --currency 'ISO 4217 currency code (default USD)'
            cand --pipeline-id 'Pipeline id (default: the default pipeline, or the stage''s)'
            cand --stage-id 'Stage id (or give the stage by name)'
            cand --stage 'Stage name in the pipeline, any case (default: its first stage)'
            cand --probability 'Probability of closing, 0 to 100; follows the stage''s unless set (null: follow it again)'
            cand --close-date 'Close date, YYYY-MM-DD'
            cand --next-steps 'Next steps'
            cand --unset 'Clear a field (repeatable)'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;delete'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;restore'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;export'= {
            cand -f 'Filter, as for list'
            cand --filter 'Filter, as for list'
            cand -s 'Free-text search, as for list'
            cand --search 'Free-text search, as for list'
            cand --sort 'Sort keys [default: created_at]'
            cand --format 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --deleted 'Export the trash instead'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;import'= {
            cand --match 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]'
            cand --map 'Import a column as a field (FIELD - skips the column); repeatable'
            cand --delimiter 'Field delimiter: , ; or tab [default: detected]'
            cand --results 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)'
            cand --resume 'Continue an interrupted import of this file (its id, or the last one remembered for the file)'
            cand --batch-size 'Rows per request, at most 1000 [default: 1000]'
            cand --parallel 'Requests in flight [default: 4]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --dry-run 'Print what each row would do; write nothing'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;move'= {
            cand --stage-id 'Stage by id (of this or another pipeline)'
            cand --at 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;history'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;deals;help'= {
            cand list 'List deals'
            cand get 'Show a deal'
            cand create 'Create a deal'
            cand update 'Change fields of a deal (only those given)'
            cand delete 'Move deals to the trash (restore undoes it)'
            cand restore 'Take a deal out of the trash'
            cand export 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update deals from a CSV file, in batches, under an import id'
            cand move 'Move a deal to another stage of its pipeline'
            cand history 'A deal''s stage changes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;deals;help;list'= {
        }
        &'crm;deals;help;get'= {
        }
        &'crm;deals;help;create'= {
        }
        &'crm;deals;help;update'= {
        }
        &'crm;deals;help;delete'= {
        }
        &'crm;deals;help;restore'= {
        }
        &'crm;deals;help;export'= {
        }
        &'crm;deals;help;import'= {
        }
        &'crm;deals;help;move'= {
        }
        &'crm;deals;help;history'= {
        }
        &'crm;deals;help;help'= {
        }
        &'crm;activities'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List activities'
            cand get 'Show a activity'
            cand create 'Create a activity'
            cand update 'Change fields of a activity (only those given)'
            cand delete 'Move activities to the trash (restore undoes it)'
            cand restore 'Take a activity out of the trash'
            cand export 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update activities from a CSV file, in batches, under an import id'
            cand complete 'Mark an activity done'
            cand recent 'The latest activities'
            cand queue 'Open activities overdue, due today and due in the next 7 days, by priority'
            cand snooze 'Move an open activity''s due date to a later day'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;activities;list'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;create'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --type 'Kind of activity [one of: Call, Email, Meeting, Task, Note]'
            cand --priority 'Priority (default Normal) [one of: Low, Normal, High, Urgent]'
            cand --description 'What is to be done'
            cand --due-date 'Due date, YYYY-MM-DD'
            cand --assigned-to 'Who does it'
            cand --contact-id 'Contact id'
            cand --opportunity-id 'Opportunity id'
            cand --deal-id 'Deal id'
            cand --completed 'Done (true or false)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;update'= {
            cand --json 'Read fields from a JSON object in FILE (- for stdin); flags override it'
            cand --type 'Kind of activity [one of: Call, Email, Meeting, Task, Note]'
            cand --priority 'Priority (default Normal) [one of: Low, Normal, High, Urgent]'
            cand --description 'What is to be done'
            cand --due-date 'Due date, YYYY-MM-DD'
            cand --assigned-to 'Who does it'
            cand --contact-id 'Contact id'
            cand --opportunity-id 'Opportunity id'
            cand --deal-id 'Deal id'
            cand --completed 'Done (true or false)'
            cand --unset 'Clear a field (repeatable)'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;delete'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;restore'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;export'= {
            cand -f 'Filter, as for list'
            cand --filter 'Filter, as for list'
            cand -s 'Free-text search, as for list'
            cand --search 'Free-text search, as for list'
            cand --sort 'Sort keys [default: created_at]'
            cand --format 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --deleted 'Export the trash instead'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;import'= {
            cand --match 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]'
            cand --map 'Import a column as a field (FIELD - skips the column); repeatable'
            cand --delimiter 'Field delimiter: , ; or tab [default: detected]'
            cand --results 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)'
            cand --resume 'Continue an interrupted import of this file (its id, or the last one remembered for the file)'
            cand --batch-size 'Rows per request, at most 1000 [default: 1000]'
            cand --parallel 'Requests in flight [default: 4]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --dry-run 'Print what each row would do; write nothing'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;complete'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;recent'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;queue'= {
            cand --tz 'Time zone whose current date is today: an IANA name such as Europe/Berlin [default: UTC]'
            cand -n 'Most activities per section, 1 to 500 [default: 50]'
            cand --limit 'Most activities per section, 1 to 500 [default: 50]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;snooze'= {
            cand --tz 'Time zone whose current date UNTIL may not be before: an IANA name such as Europe/Berlin [default: UTC]'
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;activities;help'= {
            cand list 'List activities'
            cand get 'Show a activity'
            cand create 'Create a activity'
            cand update 'Change fields of a activity (only those given)'
            cand delete 'Move activities to the trash (restore undoes it)'
            cand restore 'Take a activity out of the trash'
            cand export 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update activities from a CSV file, in batches, under an import id'
            cand complete 'Mark an activity done'
            cand recent 'The latest activities'
            cand queue 'Open activities overdue, due today and due in the next 7 days, by priority'
            cand snooze 'Move an open activity''s due date to a later day'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;activities;help;list'= {
        }
        &'crm;activities;help;get'= {
        }
        &'crm;activities;help;create'= {
        }
        &'crm;activities;help;update'= {
        }
        &'crm;activities;help;delete'= {
        }
        &'crm;activities;help;restore'= {
        }
        &'crm;activities;help;export'= {
        }
        &'crm;activities;help;import'= {
        }
        &'crm;activities;help;complete'= {
        }
        &'crm;activities;help;recent'= {
        }
        &'crm;activities;help;queue'= {
        }
        &'crm;activities;help;snooze'= {
        }
        &'crm;activities;help;help'= {
        }
        &'crm;pipelines'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the pipelines, one line per stage (-o json: the pipelines)'
            cand get 'Show a pipeline, one line per stage'
            cand create 'Create a pipeline'
            cand rename 'Rename a pipeline'
            cand default 'Make a pipeline the default of new deals and opportunities'
            cand delete 'Delete a pipeline'
            cand stages 'List a pipeline''s stages; add, change or delete one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;pipelines;list'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;create'= {
            cand --stage 'A stage, in order (repeatable): its name, probability 0 to 100, kind open|won|lost'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --default 'Make it the default pipeline of new deals and opportunities'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;rename'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;default'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;delete'= {
            cand --if-match 'Only if the record is still at this version (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;stages'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a stage to a pipeline'
            cand update 'Change a stage (only what is given)'
            cand delete 'Delete a stage; the records in it move to --move-to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;pipelines;stages;add'= {
            cand --probability 'Probability of closing, 0 to 100, that records in the stage follow'
            cand --kind 'What a record in the stage is: open, won or lost'
            cand --rotting-days 'Days without a move or an activity after which an open record rots [default: never]'
            cand --position 'Place among the stages, from 0 (the others shift) [default: last]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;stages;update'= {
            cand --name 'New name'
            cand --probability 'Probability of closing, 0 to 100, that records in the stage follow'
            cand --kind 'What a record in the stage is: open, won or lost'
            cand --rotting-days 'Days without a move or an activity after which an open record rots, or never'
            cand --position 'Place among the stages, from 0 (the others shift) [default: where it is]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;stages;delete'= {
            cand --move-to 'Stage (name or id, same pipeline) for its deals and opportunities; required when it has any'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;pipelines;stages;help'= {
            cand add 'Add a stage to a pipeline'
            cand update 'Change a stage (only what is given)'
            cand delete 'Delete a stage; the records in it move to --move-to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;pipelines;stages;help;add'= {
        }
        &'crm;pipelines;stages;help;update'= {
        }
        &'crm;pipelines;stages;help;delete'= {
        }
        &'crm;pipelines;stages;help;help'= {
        }
        &'crm;pipelines;help'= {
            cand list 'List the pipelines, one line per stage (-o json: the pipelines)'
            cand get 'Show a pipeline, one line per stage'
            cand create 'Create a pipeline'
            cand rename 'Rename a pipeline'
            cand default 'Make a pipeline the default of new deals and opportunities'
            cand delete 'Delete a pipeline'
            cand stages 'List a pipeline''s stages; add, change or delete one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;pipelines;help;list'= {
        }
        &'crm;pipelines;help;get'= {
        }
        &'crm;pipelines;help;create'= {
        }
        &'crm;pipelines;help;rename'= {
        }
        &'crm;pipelines;help;default'= {
        }
        &'crm;pipelines;help;delete'= {
        }
        &'crm;pipelines;help;stages'= {
            cand add 'Add a stage to a pipeline'
            cand update 'Change a stage (only what is given)'
            cand delete 'Delete a stage; the records in it move to --move-to'
        }
        &'crm;pipelines;help;stages;add'= {
        }
        &'crm;pipelines;help;stages;update'= {
        }
        &'crm;pipelines;help;stages;delete'= {
        }
        &'crm;pipelines;help;help'= {
        }
        &'crm;pipeline'= {
            cand --pipeline 'Pipeline id [default: the default pipeline]'
            cand --per-stage 'Deals per stage, 1 to 500 [default: 50]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --summary 'Each stage''s count, amount, weighted amount and rotting deals, per currency'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;forecast'= {
            cand --months 'Months from the current UTC month, 1 to 36 [default: 6]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;dashboard'= {
            cand --from 'First day [default: the first of this UTC month]'
            cand --to 'Last day, included [default: the last of this UTC month]'
            cand --pipeline 'Pipeline of the funnel and the stages [default: the default pipeline]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand layout 'Show the dashboard''s layout: its widgets, in order, and its period'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;dashboard;layout'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Save the dashboard''s layout; what is not given stays as it is'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;dashboard;layout;set'= {
            cand --period 'The period the figures cover: this_month, last_month, this_quarter, last_quarter, this_year, last_30_days, last_90_days'
            cand --widgets 'The widgets to show, in order, each once (1 to 11): total_contacts, open_opportunities, pipeline_value, deals_won, win_rate, average_deal_size, sales_cycle_days, by_stage, forecast, funnel, activity_timeline'
            cand --if-match 'Only if the layout is still at this version, 0 for none saved (exit 4 otherwise)'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;dashboard;layout;help'= {
            cand set 'Save the dashboard''s layout; what is not given stays as it is'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;dashboard;layout;help;set'= {
        }
        &'crm;dashboard;layout;help;help'= {
        }
        &'crm;dashboard;help'= {
            cand layout 'Show the dashboard''s layout: its widgets, in order, and its period'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;dashboard;help;layout'= {
            cand set 'Save the dashboard''s layout; what is not given stays as it is'
        }
        &'crm;dashboard;help;layout;set'= {
        }
        &'crm;dashboard;help;help'= {
        }
        &'crm;imports'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'The latest imports, newest first'
            cand get 'Show an import and what it did'
            cand undo 'Revert an import: records it created go to the trash, fields it updated are set back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;imports;list'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;imports;get'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;imports;undo'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;imports;help'= {
            cand list 'The latest imports, newest first'
            cand get 'Show an import and what it did'
            cand undo 'Revert an import: records it created go to the trash, fields it updated are set back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;imports;help;list'= {
        }
        &'crm;imports;help;get'= {
        }
        &'crm;imports;help;undo'= {
        }
        &'crm;imports;help;help'= {
        }
        &'crm;audit'= {
            cand --entity 'Only this entity: contact, opportunity, deal, activity, api_token, dashboard_layout'
            cand --record 'Only this record of --entity'
            cand -n 'Entries per page [default: 50]'
            cand --limit 'Entries per page [default: 50]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;sync'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand all 'Sync every connected source, a line per source'
            cand brivity 'Sync the Brivity account'
            cand topproducer 'Sync the Top Producer account'
            cand status 'Each source: connected, running, its last run, values mapped to nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;sync;all'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --no-wait 'Answer once the runs have started, without waiting for them to end'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;sync;brivity'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --no-wait 'Answer once the runs have started, without waiting for them to end'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;sync;topproducer'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --no-wait 'Answer once the runs have started, without waiting for them to end'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;sync;status'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;sync;help'= {
            cand all 'Sync every connected source, a line per source'
            cand brivity 'Sync the Brivity account'
            cand topproducer 'Sync the Top Producer account'
            cand status 'Each source: connected, running, its last run, values mapped to nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;sync;help;all'= {
        }
        &'crm;sync;help;brivity'= {
        }
        &'crm;sync;help;topproducer'= {
        }
        &'crm;sync;help;status'= {
        }
        &'crm;sync;help;help'= {
        }
        &'crm;integrations'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand accounts 'Connected accounts (their secrets are never shown)'
            cand contacts 'Every contact, made here or synced, one per person, with the sources it comes from'
            cand deals 'Every deal, made here or synced, with the sources it comes from'
            cand search 'Find text in any field of what the sources sent (the cache)'
            cand cache 'The copy of what each source last sent'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;accounts'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'The connected accounts'
            cand connect 'Connect a source, or replace its credentials'
            cand disconnect 'Disconnect an account (its contacts and deals stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;accounts;list'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;accounts;connect'= {
            cand --interval 'Minutes between scheduled syncs, 5 to 10080 [default: none]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand brivity 'A Brivity account, by its API key'
            cand topproducer 'A Top Producer account, by OAuth2 client credentials'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;accounts;connect;brivity'= {
            cand --api-key 'The API key [default: read from standard input]'
            cand --interval 'Minutes between scheduled syncs, 5 to 10080 [default: none]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;accounts;connect;topproducer'= {
            cand --client-id 'The client id'
            cand --client-secret 'The client secret [default: read from standard input]'
            cand --interval 'Minutes between scheduled syncs, 5 to 10080 [default: none]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;accounts;connect;help'= {
            cand brivity 'A Brivity account, by its API key'
            cand topproducer 'A Top Producer account, by OAuth2 client credentials'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;accounts;connect;help;brivity'= {
        }
        &'crm;integrations;accounts;connect;help;topproducer'= {
        }
        &'crm;integrations;accounts;connect;help;help'= {
        }
        &'crm;integrations;accounts;disconnect'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;accounts;help'= {
            cand list 'The connected accounts'
            cand connect 'Connect a source, or replace its credentials'
            cand disconnect 'Disconnect an account (its contacts and deals stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;accounts;help;list'= {
        }
        &'crm;integrations;accounts;help;connect'= {
            cand brivity 'A Brivity account, by its API key'
            cand topproducer 'A Top Producer account, by OAuth2 client credentials'
        }
        &'crm;integrations;accounts;help;connect;brivity'= {
        }
        &'crm;integrations;accounts;help;connect;topproducer'= {
        }
        &'crm;integrations;accounts;help;disconnect'= {
        }
        &'crm;integrations;accounts;help;help'= {
        }
        &'crm;integrations;contacts'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;deals'= {
            cand -f 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand --filter 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4'''
            cand -s 'Free-text search (words, by prefix)'
            cand --search 'Free-text search (words, by prefix)'
            cand --sort 'Sort keys: -created_at,name [default: -created_at]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --cursor 'Start at this next_cursor of an earlier page'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand --deleted 'List the trash instead'
            cand --count 'Print only how many records match'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;search'= {
            cand --type 'Only contacts or only deals [default: both]'
            cand -n 'Records per page [default: 50]'
            cand --limit 'Records per page [default: 50]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --all 'Follow the cursors to the last page'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;cache'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
            cand clear 'Drop it: the next sync compares every record afresh (no contact or deal is lost)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;cache;clear'= {
            cand --source 'Only this source''s [default: every source''s]'
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;integrations;cache;help'= {
            cand clear 'Drop it: the next sync compares every record afresh (no contact or deal is lost)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;cache;help;clear'= {
        }
        &'crm;integrations;cache;help;help'= {
        }
        &'crm;integrations;help'= {
            cand accounts 'Connected accounts (their secrets are never shown)'
            cand contacts 'Every contact, made here or synced, one per person, with the sources it comes from'
            cand deals 'Every deal, made here or synced, with the sources it comes from'
            cand search 'Find text in any field of what the sources sent (the cache)'
            cand cache 'The copy of what each source last sent'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;integrations;help;accounts'= {
            cand list 'The connected accounts'
            cand connect 'Connect a source, or replace its credentials'
            cand disconnect 'Disconnect an account (its contacts and deals stay)'
        }
        &'crm;integrations;help;accounts;list'= {
        }
        &'crm;integrations;help;accounts;connect'= {
            cand brivity 'A Brivity account, by its API key'
            cand topproducer 'A Top Producer account, by OAuth2 client credentials'
        }
        &'crm;integrations;help;accounts;connect;brivity'= {
        }
        &'crm;integrations;help;accounts;connect;topproducer'= {
        }
        &'crm;integrations;help;accounts;disconnect'= {
        }
        &'crm;integrations;help;contacts'= {
        }
        &'crm;integrations;help;deals'= {
        }
        &'crm;integrations;help;search'= {
        }
        &'crm;integrations;help;cache'= {
            cand clear 'Drop it: the next sync compares every record afresh (no contact or deal is lost)'
        }
        &'crm;integrations;help;cache;clear'= {
        }
        &'crm;integrations;help;help'= {
        }
        &'crm;completions'= {
            cand --server 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]'
            cand --token 'Bearer token (an API token or a session token) [default: the profile''s]'
            cand --profile 'Profile of the configuration file to use [default: default]'
            cand -o 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand --output 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]'
            cand -q 'Print only the ids of records, one per line'
            cand --quiet 'Print only the ids of records, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'crm;help'= {
            cand health 'Check that the server is up and its database answers'
            cand register 'Create an account, then log in to it'
            cand login 'Log in and store an API token for this profile (mode 0600)'
            cand logout 'Revoke the profile''s token and forget it'
            cand whoami 'Show the account of the token'
            cand token 'Named API tokens for scripts and cron jobs'
            cand profile 'Profiles of the configuration file: a server and a token under a name'
            cand contacts 'Contacts: list, show, create, change, delete'
            cand opportunities 'Opportunities: list, show, create, change, delete'
            cand deals 'Deals: list, show, create, change, delete'
            cand activities 'Activities: list, show, create, change, delete'
            cand pipelines 'Pipelines and their stages: list, create, rename, make default, delete; stages'
            cand pipeline 'The pipeline board: each stage''s deals, or with --summary its figures'
            cand forecast 'Deals closing per month from this month: won, weighted, best case, per currency'
            cand dashboard 'The dashboard''s figures over a period, with charts; its layout'
            cand imports 'Imports made with `crm <entity> import`: list, show, undo'
            cand audit 'The account''s audit trail, newest first'
            cand sync 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)'
            cand integrations 'The CRMs contacts and deals are synced from'
            cand completions 'Print the shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'crm;help;health'= {
        }
        &'crm;help;register'= {
        }
        &'crm;help;login'= {
        }
        &'crm;help;logout'= {
        }
        &'crm;help;whoami'= {
        }
        &'crm;help;token'= {
            cand create 'Create a token; it is shown once'
            cand list 'List the account''s tokens'
            cand revoke 'Revoke a token at once'
        }
        &'crm;help;token;create'= {
        }
        &'crm;help;token;list'= {
        }
        &'crm;help;token;revoke'= {
        }
        &'crm;help;profile'= {
            cand list 'List the profiles'
            cand use 'Make a profile the default'
            cand set 'Set a profile''s server'
        }
        &'crm;help;profile;list'= {
        }
        &'crm;help;profile;use'= {
        }
        &'crm;help;profile;set'= {
        }
        &'crm;help;contacts'= {
            cand list 'List contacts'
            cand get 'Show a contact'
            cand create 'Create a contact'
            cand update 'Change fields of a contact (only those given)'
            cand delete 'Move contacts to the trash (restore undoes it)'
            cand restore 'Take a contact out of the trash'
            cand export 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update contacts from a CSV file, in batches, under an import id'
            cand timeline 'A contact''s activities, opportunities and deals, newest first'
        }
        &'crm;help;contacts;list'= {
        }
        &'crm;help;contacts;get'= {
        }
        &'crm;help;contacts;create'= {
        }
        &'crm;help;contacts;update'= {
        }
        &'crm;help;contacts;delete'= {
        }
        &'crm;help;contacts;restore'= {
        }
        &'crm;help;contacts;export'= {
        }
        &'crm;help;contacts;import'= {
        }
        &'crm;help;contacts;timeline'= {
        }
        &'crm;help;opportunities'= {
            cand list 'List opportunities'
            cand get 'Show a opportunity'
            cand create 'Create a opportunity'
            cand update 'Change fields of a opportunity (only those given)'
            cand delete 'Move opportunities to the trash (restore undoes it)'
            cand restore 'Take a opportunity out of the trash'
            cand export 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update opportunities from a CSV file, in batches, under an import id'
            cand move 'Move a opportunity to another stage of its pipeline'
        }
        &'crm;help;opportunities;list'= {
        }
        &'crm;help;opportunities;get'= {
        }
        &'crm;help;opportunities;create'= {
        }
        &'crm;help;opportunities;update'= {
        }
        &'crm;help;opportunities;delete'= {
        }
        &'crm;help;opportunities;restore'= {
        }
        &'crm;help;opportunities;export'= {
        }
        &'crm;help;opportunities;import'= {
        }
        &'crm;help;opportunities;move'= {
        }
        &'crm;help;deals'= {
            cand list 'List deals'
            cand get 'Show a deal'
            cand create 'Create a deal'
            cand update 'Change fields of a deal (only those given)'
            cand delete 'Move deals to the trash (restore undoes it)'
            cand restore 'Take a deal out of the trash'
            cand export 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update deals from a CSV file, in batches, under an import id'
            cand move 'Move a deal to another stage of its pipeline'
            cand history 'A deal''s stage changes'
        }
        &'crm;help;deals;list'= {
        }
        &'crm;help;deals;get'= {
        }
        &'crm;help;deals;create'= {
        }
        &'crm;help;deals;update'= {
        }
        &'crm;help;deals;delete'= {
        }
        &'crm;help;deals;restore'= {
        }
        &'crm;help;deals;export'= {
        }
        &'crm;help;deals;import'= {
        }
        &'crm;help;deals;move'= {
        }
        &'crm;help;deals;history'= {
        }
        &'crm;help;activities'= {
            cand list 'List activities'
            cand get 'Show a activity'
            cand create 'Create a activity'
            cand update 'Change fields of a activity (only those given)'
            cand delete 'Move activities to the trash (restore undoes it)'
            cand restore 'Take a activity out of the trash'
            cand export 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
            cand import 'Create or update activities from a CSV file, in batches, under an import id'
            cand complete 'Mark an activity done'
            cand recent 'The latest activities'
            cand queue 'Open activities overdue, due today and due in the next 7 days, by priority'
            cand snooze 'Move an open activity''s due date to a later day'
        }
        &'crm;help;activities;list'= {
        }
        &'crm;help;activities;get'= {
        }
        &'crm;help;activities;create'= {
        }
        &'crm;help;activities;update'= {
        }
        &'crm;help;activities;delete'= {
        }
        &'crm;help;activities;restore'= {
        }
        &'crm;help;activities;export'= {
        }
        &'crm;help;activities;import'= {
        }
        &'crm;help;activities;complete'= {
        }
        &'crm;help;activities;recent'= {
        }
        &'crm;help;activities;queue'= {
        }
        &'crm;help;activities;snooze'= {
        }
        &'crm;help;pipelines'= {
            cand list 'List the pipelines, one line per stage (-o json: the pipelines)'
            cand get 'Show a pipeline, one line per stage'
            cand create 'Create a pipeline'
            cand rename 'Rename a pipeline'
            cand default 'Make a pipeline the default of new deals and opportunities'
            cand delete 'Delete a pipeline'
            cand stages 'List a pipeline''s stages; add, change or delete one'
        }
        &'crm;help;pipelines;list'= {
        }
        &'crm;help;pipelines;get'= {
        }
        &'crm;help;pipelines;create'= {
        }
        &'crm;help;pipelines;rename'= {
        }
        &'crm;help;pipelines;default'= {
        }
        &'crm;help;pipelines;delete'= {
        }
        &'crm;help;pipelines;stages'= {
            cand add 'Add a stage to a pipeline'
            cand update 'Change a stage (only what is given)'
            cand delete 'Delete a stage; the records in it move to --move-to'
        }
        &'crm;help;pipelines;stages;add'= {
        }
        &'crm;help;pipelines;stages;update'= {
        }
        &'crm;help;pipelines;stages;delete'= {
        }
        &'crm;help;pipeline'= {
        }
        &'crm;help;forecast'= {
        }
        &'crm;help;dashboard'= {
            cand layout 'Show the dashboard''s layout: its widgets, in order, and its period'
        }
        &'crm;help;dashboard;layout'= {
            cand set 'Save the dashboard''s layout; what is not given stays as it is'
        }
        &'crm;help;dashboard;layout;set'= {
        }
        &'crm;help;imports'= {
            cand list 'The latest imports, newest first'
            cand get 'Show an import and what it did'
            cand undo 'Revert an import: records it created go to the trash, fields it updated are set back'
        }
        &'crm;help;imports;list'= {
        }
        &'crm;help;imports;get'= {
        }
        &'crm;help;imports;undo'= {
        }
        &'crm;help;audit'= {
        }
        &'crm;help;sync'= {
            cand all 'Sync every connected source, a line per source'
            cand brivity 'Sync the Brivity account'
            cand topproducer 'Sync the Top Producer account'
            cand status 'Each source: connected, running, its last run, values mapped to nothing'
        }
        &'crm;help;sync;all'= {
        }
        &'crm;help;sync;brivity'= {
        }
        &'crm;help;sync;topproducer'= {
        }
        &'crm;help;sync;status'= {
        }
        &'crm;help;integrations'= {
            cand accounts 'Connected accounts (their secrets are never shown)'
            cand contacts 'Every contact, made here or synced, one per person, with the sources it comes from'
            cand deals 'Every deal, made here or synced, with the sources it comes from'
            cand search 'Find text in any field of what the sources sent (the cache)'
            cand cache 'The copy of what each source last sent'
        }
        &'crm;help;integrations;accounts'= {
            cand list 'The connected accounts'
            cand connect 'Connect a source, or replace its credentials'
            cand disconnect 'Disconnect an account (its contacts and deals stay)'
        }
        &'crm;help;integrations;accounts;list'= {
        }
        &'crm;help;integrations;accounts;connect'= {
            cand brivity 'A Brivity account, by its API key'
            cand topproducer 'A Top Producer account, by OAuth2 client credentials'
        }
        &'crm;help;integrations;accounts;connect;brivity'= {
        }
        &'crm;help;integrations;accounts;connect;topproducer'= {
        }
        &'crm;help;integrations;accounts;disconnect'= {
        }
        &'crm;help;integrations;contacts'= {
        }
        &'crm;help;integrations;deals'= {
        }
        &'crm;help;integrations;search'= {
        }
        &'crm;help;integrations;cache'= {
            cand clear 'Drop it: the next sync compares every record afresh (no contact or deal is lost)'
        }
        &'crm;help;integrations;cache;clear'= {
        }
        &'crm;help;completions'= {
        }
        &'crm;help;help'= {
        }
    ]
    $completions[$command]
}
