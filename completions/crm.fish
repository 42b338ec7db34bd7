# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_crm_global_optspecs
    string join \n server= token= profile= o/output= q/quiet h/help V/version
end

function __fish_crm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_crm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_crm_using_subcommand
    set -l cmd (__fish_crm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c crm -n "__fish_crm_needs_command" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_needs_command" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_needs_command" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_needs_command" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_needs_command" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_needs_command" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_needs_command" -s V -l version -d 'Print version'
complete -c crm -n "__fish_crm_needs_command" -f -a "health" -d 'Check that the server is up and its database answers'
complete -c crm -n "__fish_crm_needs_command" -f -a "register" -d 'Create an account, then log in to it'
complete -c crm -n "__fish_crm_needs_command" -f -a "login" -d 'Log in and store an API token for this profile (mode 0600)'
complete -c crm -n "__fish_crm_needs_command" -f -a "logout" -d 'Revoke the profile\'s token and forget it'
complete -c crm -n "__fish_crm_needs_command" -f -a "whoami" -d 'Show the account of the token'
complete -c crm -n "__fish_crm_needs_command" -f -a "token" -d 'Named API tokens for scripts and cron jobs'
complete -c crm -n "__fish_crm_needs_command" -f -a "profile" -d 'Profiles of the configuration file: a server and a token under a name'
complete -c crm -n "__fish_crm_needs_command" -f -a "contacts" -d 'Contacts: list, show, create, change, delete'
complete -c crm -n "__fish_crm_needs_command" -f -a "opportunities" -d 'Opportunities: list, show, create, change, delete'
complete -c crm -n "__fish_crm_needs_command" -f -a "deals" -d 'Deals: list, show, create, change, delete'
complete -c crm -n "__fish_crm_needs_command" -f -a "activities" -d 'Activities: list, show, create, change, delete'
complete -c crm -n "__fish_crm_needs_command" -f -a "pipelines" -d 'Pipelines and their stages: list, create, rename, make default, delete; stages'
complete -c crm -n "__fish_crm_needs_command" -f -a "pipeline" -d 'The pipeline board: each stage\'s deals, or with --summary its figures'
complete -c crm -n "__fish_crm_needs_command" -f -a "forecast" -d 'Deals closing per month from this month: won, weighted, best case, per currency'
complete -c crm -n "__fish_crm_needs_command" -f -a "dashboard" -d 'The dashboard\'s figures over a period, with charts; its layout'
complete -c crm -n "__fish_crm_needs_command" -f -a "imports" -d 'Imports made with `crm <entity> import`: list, show, undo'
complete -c crm -n "__fish_crm_needs_command" -f -a "audit" -d 'The account\'s audit trail, newest first'
complete -c crm -n "__fish_crm_needs_command" -f -a "sync" -d 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)'
complete -c crm -n "__fish_crm_needs_command" -f -a "integrations" -d 'The CRMs contacts and deals are synced from'
complete -c crm -n "__fish_crm_needs_command" -f -a "completions" -d 'Print the shell completion script'
complete -c crm -n "__fish_crm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand health" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand health" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand health" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand health" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand health" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand health" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand register" -l email -d 'E-mail address of the account' -r
complete -c crm -n "__fish_crm_using_subcommand register" -l name -d 'Your name' -r
complete -c crm -n "__fish_crm_using_subcommand register" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand register" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand register" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand register" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand register" -l password-stdin -d 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)'
complete -c crm -n "__fish_crm_using_subcommand register" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand register" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand login" -l email -d 'E-mail address of the account' -r
complete -c crm -n "__fish_crm_using_subcommand login" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand login" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand login" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand login" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand login" -l password-stdin -d 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)'
complete -c crm -n "__fish_crm_using_subcommand login" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand login" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand logout" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand logout" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand logout" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand logout" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand logout" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand logout" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand whoami" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand whoami" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand whoami" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand whoami" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand whoami" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create a token; it is shown once'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List the account\'s tokens'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a token at once'
complete -c crm -n "__fish_crm_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -l expires-in-days -d 'Days until it expires [default: never]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; it is shown once'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the account\'s tokens'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token at once'
complete -c crm -n "__fish_crm_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -f -a "list" -d 'List the profiles'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -f -a "use" -d 'Make a profile the default'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -f -a "set" -d 'Set a profile\'s server'
complete -c crm -n "__fish_crm_using_subcommand profile; and not __fish_seen_subcommand_from list use set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -l server-url -d 'Base URL' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the default'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a profile\'s server'
complete -c crm -n "__fish_crm_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "list" -d 'List contacts'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "get" -d 'Show a contact'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "create" -d 'Create a contact'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "update" -d 'Change fields of a contact (only those given)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "delete" -d 'Move contacts to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "restore" -d 'Take a contact out of the trash'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "export" -d 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "import" -d 'Create or update contacts from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "timeline" -d 'A contact\'s activities, opportunities and deals, newest first'
complete -c crm -n "__fish_crm_using_subcommand contacts; and not __fish_seen_subcommand_from list get create update delete restore export import timeline help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l name -d 'Full name' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l email -d 'E-mail address' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l phone -d 'Phone number' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l company -d 'Company' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l job-title -d 'Job title' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l status -d 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l source -d 'Where the contact came from' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l notes -d 'Free-form notes' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l rating -d 'Rating, 0 to 5' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l name -d 'Full name' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l email -d 'E-mail address' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l phone -d 'Phone number' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l company -d 'Company' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l job-title -d 'Job title' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l status -d 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l source -d 'Where the contact came from' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l notes -d 'Free-form notes' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l rating -d 'Rating, 0 to 5' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l unset -d 'Clear a field (repeatable)' -r -f -a "email\t''
phone\t''
company\t''
job_title\t''
source\t''
notes\t''
rating\t''"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -s f -l filter -d 'Filter, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -s s -l search -d 'Free-text search, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l sort -d 'Sort keys [default: created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l format -d 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]' -r -f -a "csv\t''
ndjson\t''"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -l deleted -d 'Export the trash instead'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l match -d 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: email]' -r -f -a "email\t''
id\t''
none\t''"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l map -d 'Import a column as a field (FIELD - skips the column); repeatable' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l delimiter -d 'Field delimiter: , ; or tab [default: detected]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l results -d 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l resume -d 'Continue an interrupted import of this file (its id, or the last one remembered for the file)' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l batch-size -d 'Rows per request, at most 1000 [default: 1000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l parallel -d 'Requests in flight [default: 4]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what each row would do; write nothing'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from timeline" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List contacts'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a contact'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a contact'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change fields of a contact (only those given)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Move contacts to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Take a contact out of the trash'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update contacts from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "timeline" -d 'A contact\'s activities, opportunities and deals, newest first'
complete -c crm -n "__fish_crm_using_subcommand contacts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "list" -d 'List opportunities'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "get" -d 'Show a opportunity'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "create" -d 'Create a opportunity'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "update" -d 'Change fields of a opportunity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "delete" -d 'Move opportunities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "restore" -d 'Take a opportunity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "export" -d 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "import" -d 'Create or update opportunities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "move" -d 'Move a opportunity to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and not __fish_seen_subcommand_from list get create update delete restore export import move help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l name -d 'Name' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l value -d 'Value, e.g. 1250.00 (default 0.00)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l currency -d 'ISO 4217 currency code (default USD)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l probability -d 'Probability of winning, 0 to 100; follows the stage\'s unless set (null: follow it again)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l pipeline-id -d 'Pipeline id (default: the default pipeline, or the stage\'s)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l stage-id -d 'Stage id (or give the stage by name)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l stage -d 'Stage name in the pipeline, any case (default: its first stage)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l expected-close-date -d 'Expected close date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l description -d 'Description' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l name -d 'Name' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l value -d 'Value, e.g. 1250.00 (default 0.00)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l currency -d 'ISO 4217 currency code (default USD)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l probability -d 'Probability of winning, 0 to 100; follows the stage\'s unless set (null: follow it again)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l pipeline-id -d 'Pipeline id (default: the default pipeline, or the stage\'s)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l stage-id -d 'Stage id (or give the stage by name)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l stage -d 'Stage name in the pipeline, any case (default: its first stage)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l expected-close-date -d 'Expected close date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l description -d 'Description' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l unset -d 'Clear a field (repeatable)' -r -f -a "contact_id\t''
probability\t''
pipeline_id\t''
stage_id\t''
expected_close_date\t''
description\t''"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -s f -l filter -d 'Filter, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -s s -l search -d 'Free-text search, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l sort -d 'Sort keys [default: created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l format -d 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]' -r -f -a "csv\t''
ndjson\t''"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -l deleted -d 'Export the trash instead'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l match -d 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]' -r -f -a "email\t''
id\t''
none\t''"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l map -d 'Import a column as a field (FIELD - skips the column); repeatable' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l delimiter -d 'Field delimiter: , ; or tab [default: detected]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l results -d 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l resume -d 'Continue an interrupted import of this file (its id, or the last one remembered for the file)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l batch-size -d 'Rows per request, at most 1000 [default: 1000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l parallel -d 'Requests in flight [default: 4]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what each row would do; write nothing'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l stage-id -d 'Stage by id (of this or another pipeline)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l at -d 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "list" -d 'List opportunities'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a opportunity'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a opportunity'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change fields of a opportunity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Move opportunities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Take a opportunity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update opportunities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move a opportunity to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand opportunities; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "list" -d 'List deals'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "get" -d 'Show a deal'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "create" -d 'Create a deal'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "update" -d 'Change fields of a deal (only those given)'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "delete" -d 'Move deals to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "restore" -d 'Take a deal out of the trash'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "export" -d 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "import" -d 'Create or update deals from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "move" -d 'Move a deal to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "history" -d 'A deal\'s stage changes'
complete -c crm -n "__fish_crm_using_subcommand deals; and not __fish_seen_subcommand_from list get create update delete restore export import move history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l opportunity-id -d 'Opportunity id' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l name -d 'Name' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l amount -d 'Amount, e.g. 1250.00 (default 0.00)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l currency -d 'ISO 4217 currency code (default USD)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l pipeline-id -d 'Pipeline id (default: the default pipeline, or the stage\'s)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l stage-id -d 'Stage id (or give the stage by name)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l stage -d 'Stage name in the pipeline, any case (default: its first stage)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l probability -d 'Probability of closing, 0 to 100; follows the stage\'s unless set (null: follow it again)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l close-date -d 'Close date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l next-steps -d 'Next steps' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l opportunity-id -d 'Opportunity id' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l name -d 'Name' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l amount -d 'Amount, e.g. 1250.00 (default 0.00)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l currency -d 'ISO 4217 currency code (default USD)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l pipeline-id -d 'Pipeline id (default: the default pipeline, or the stage\'s)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l stage-id -d 'Stage id (or give the stage by name)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l stage -d 'Stage name in the pipeline, any case (default: its first stage)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l probability -d 'Probability of closing, 0 to 100; follows the stage\'s unless set (null: follow it again)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l close-date -d 'Close date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l next-steps -d 'Next steps' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l unset -d 'Clear a field (repeatable)' -r -f -a "opportunity_id\t''
contact_id\t''
pipeline_id\t''
stage_id\t''
probability\t''
close_date\t''
next_steps\t''"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -s f -l filter -d 'Filter, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -s s -l search -d 'Free-text search, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l sort -d 'Sort keys [default: created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l format -d 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]' -r -f -a "csv\t''
ndjson\t''"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -l deleted -d 'Export the trash instead'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l match -d 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]' -r -f -a "email\t''
id\t''
none\t''"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l map -d 'Import a column as a field (FIELD - skips the column); repeatable' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l delimiter -d 'Field delimiter: , ; or tab [default: detected]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l results -d 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l resume -d 'Continue an interrupted import of this file (its id, or the last one remembered for the file)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l batch-size -d 'Rows per request, at most 1000 [default: 1000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l parallel -d 'Requests in flight [default: 4]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what each row would do; write nothing'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l stage-id -d 'Stage by id (of this or another pipeline)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l at -d 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "list" -d 'List deals'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a deal'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a deal'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change fields of a deal (only those given)'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Move deals to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Take a deal out of the trash'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update deals from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move a deal to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "history" -d 'A deal\'s stage changes'
complete -c crm -n "__fish_crm_using_subcommand deals; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "list" -d 'List activities'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "get" -d 'Show a activity'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "create" -d 'Create a activity'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "update" -d 'Change fields of a activity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "delete" -d 'Move activities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "restore" -d 'Take a activity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "export" -d 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "import" -d 'Create or update activities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "complete" -d 'Mark an activity done'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "recent" -d 'The latest activities'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "queue" -d 'Open activities overdue, due today and due in the next 7 days, by priority'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "snooze" -d 'Move an open activity\'s due date to a later day'
complete -c crm -n "__fish_crm_using_subcommand activities; and not __fish_seen_subcommand_from list get create update delete restore export import complete recent queue snooze help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l type -d 'Kind of activity [one of: Call, Email, Meeting, Task, Note]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l priority -d 'Priority (default Normal) [one of: Low, Normal, High, Urgent]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l description -d 'What is to be done' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l due-date -d 'Due date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l assigned-to -d 'Who does it' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l opportunity-id -d 'Opportunity id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l deal-id -d 'Deal id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l completed -d 'Done (true or false)' -r -f -a "true\t''
false\t''"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l json -d 'Read fields from a JSON object in FILE (- for stdin); flags override it' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l type -d 'Kind of activity [one of: Call, Email, Meeting, Task, Note]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l priority -d 'Priority (default Normal) [one of: Low, Normal, High, Urgent]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l description -d 'What is to be done' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l due-date -d 'Due date, YYYY-MM-DD' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l assigned-to -d 'Who does it' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l contact-id -d 'Contact id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l opportunity-id -d 'Opportunity id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l deal-id -d 'Deal id' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l completed -d 'Done (true or false)' -r -f -a "true\t''
false\t''"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l unset -d 'Clear a field (repeatable)' -r -f -a "description\t''
due_date\t''
assigned_to\t''
contact_id\t''
opportunity_id\t''
deal_id\t''"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -s f -l filter -d 'Filter, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -s s -l search -d 'Free-text search, as for list' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l sort -d 'Sort keys [default: created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l format -d 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]' -r -f -a "csv\t''
ndjson\t''"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -l deleted -d 'Export the trash instead'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l match -d 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]' -r -f -a "email\t''
id\t''
none\t''"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l map -d 'Import a column as a field (FIELD - skips the column); repeatable' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l delimiter -d 'Field delimiter: , ; or tab [default: detected]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l results -d 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l resume -d 'Continue an interrupted import of this file (its id, or the last one remembered for the file)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l batch-size -d 'Rows per request, at most 1000 [default: 1000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l parallel -d 'Requests in flight [default: 4]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what each row would do; write nothing'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from complete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from recent" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -l tz -d 'Time zone whose current date is today: an IANA name such as Europe/Berlin [default: UTC]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -s n -l limit -d 'Most activities per section, 1 to 500 [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from queue" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -l tz -d 'Time zone whose current date UNTIL may not be before: an IANA name such as Europe/Berlin [default: UTC]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from snooze" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "list" -d 'List activities'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a activity'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a activity'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change fields of a activity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Move activities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Take a activity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update activities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "complete" -d 'Mark an activity done'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "recent" -d 'The latest activities'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "queue" -d 'Open activities overdue, due today and due in the next 7 days, by priority'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "snooze" -d 'Move an open activity\'s due date to a later day'
complete -c crm -n "__fish_crm_using_subcommand activities; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "list" -d 'List the pipelines, one line per stage (-o json: the pipelines)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "get" -d 'Show a pipeline, one line per stage'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "create" -d 'Create a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "rename" -d 'Rename a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "default" -d 'Make a pipeline the default of new deals and opportunities'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "delete" -d 'Delete a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "stages" -d 'List a pipeline\'s stages; add, change or delete one'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and not __fish_seen_subcommand_from list get create rename default delete stages help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -l stage -d 'A stage, in order (repeatable): its name, probability 0 to 100, kind open|won|lost' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -l default -d 'Make it the default pipeline of new deals and opportunities'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from default" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -l if-match -d 'Only if the record is still at this version (exit 4 otherwise)' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -a "add" -d 'Add a stage to a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -a "update" -d 'Change a stage (only what is given)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -a "delete" -d 'Delete a stage; the records in it move to --move-to'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from stages" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the pipelines, one line per stage (-o json: the pipelines)'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a pipeline, one line per stage'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "default" -d 'Make a pipeline the default of new deals and opportunities'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a pipeline'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "stages" -d 'List a pipeline\'s stages; add, change or delete one'
complete -c crm -n "__fish_crm_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l pipeline -d 'Pipeline id [default: the default pipeline]' -r
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l per-stage -d 'Deals per stage, 1 to 500 [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand pipeline" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand pipeline" -l summary -d 'Each stage\'s count, amount, weighted amount and rotting deals, per currency'
complete -c crm -n "__fish_crm_using_subcommand pipeline" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand pipeline" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand forecast" -l months -d 'Months from the current UTC month, 1 to 36 [default: 6]' -r
complete -c crm -n "__fish_crm_using_subcommand forecast" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand forecast" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand forecast" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand forecast" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand forecast" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand forecast" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l from -d 'First day [default: the first of this UTC month]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l to -d 'Last day, included [default: the last of this UTC month]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l pipeline -d 'Pipeline of the funnel and the stages [default: the default pipeline]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -f -a "layout" -d 'Show the dashboard\'s layout: its widgets, in order, and its period'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and not __fish_seen_subcommand_from layout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -f -a "set" -d 'Save the dashboard\'s layout; what is not given stays as it is'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from layout" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "layout" -d 'Show the dashboard\'s layout: its widgets, in order, and its period'
complete -c crm -n "__fish_crm_using_subcommand dashboard; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -f -a "list" -d 'The latest imports, newest first'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -f -a "get" -d 'Show an import and what it did'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -f -a "undo" -d 'Revert an import: records it created go to the trash, fields it updated are set back'
complete -c crm -n "__fish_crm_using_subcommand imports; and not __fish_seen_subcommand_from list get undo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from help" -f -a "list" -d 'The latest imports, newest first'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show an import and what it did'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Revert an import: records it created go to the trash, fields it updated are set back'
complete -c crm -n "__fish_crm_using_subcommand imports; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand audit" -l entity -d 'Only this entity: contact, opportunity, deal, activity, api_token, dashboard_layout' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -l record -d 'Only this record of --entity' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -s n -l limit -d 'Entries per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand audit" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand audit" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand audit" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand audit" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -f -a "all" -d 'Sync every connected source, a line per source'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -f -a "brivity" -d 'Sync the Brivity account'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -f -a "topproducer" -d 'Sync the Top Producer account'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -f -a "status" -d 'Each source: connected, running, its last run, values mapped to nothing'
complete -c crm -n "__fish_crm_using_subcommand sync; and not __fish_seen_subcommand_from all brivity topproducer status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -l no-wait -d 'Answer once the runs have started, without waiting for them to end'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -l no-wait -d 'Answer once the runs have started, without waiting for them to end'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from brivity" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -l no-wait -d 'Answer once the runs have started, without waiting for them to end'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from topproducer" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "all" -d 'Sync every connected source, a line per source'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "brivity" -d 'Sync the Brivity account'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "topproducer" -d 'Sync the Top Producer account'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "status" -d 'Each source: connected, running, its last run, values mapped to nothing'
complete -c crm -n "__fish_crm_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "accounts" -d 'Connected accounts (their secrets are never shown)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "contacts" -d 'Every contact, made here or synced, one per person, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "deals" -d 'Every deal, made here or synced, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "search" -d 'Find text in any field of what the sources sent (the cache)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "cache" -d 'The copy of what each source last sent'
complete -c crm -n "__fish_crm_using_subcommand integrations; and not __fish_seen_subcommand_from accounts contacts deals search cache help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -f -a "list" -d 'The connected accounts'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -f -a "connect" -d 'Connect a source, or replace its credentials'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -f -a "disconnect" -d 'Disconnect an account (its contacts and deals stay)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from accounts" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from contacts" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s f -l filter -d 'Filter, as the API\'s filter grammar: \'status[eq]:"Lead",rating[gte]:4\'' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s s -l search -d 'Free-text search (words, by prefix)' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l sort -d 'Sort keys: -created_at,name [default: -created_at]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l cursor -d 'Start at this next_cursor of an earlier page' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l deleted -d 'List the trash instead'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -l count -d 'Print only how many records match'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from deals" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -l type -d 'Only contacts or only deals [default: both]' -r -f -a "contacts\t''
deals\t''"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -s n -l limit -d 'Records per page [default: 50]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -l all -d 'Follow the cursors to the last page'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Drop it: the next sync compares every record afresh (no contact or deal is lost)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from cache" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "accounts" -d 'Connected accounts (their secrets are never shown)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "contacts" -d 'Every contact, made here or synced, one per person, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "deals" -d 'Every deal, made here or synced, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "search" -d 'Find text in any field of what the sources sent (the cache)'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "cache" -d 'The copy of what each source last sent'
complete -c crm -n "__fish_crm_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand completions" -l server -d 'Base URL of the server [default: the profile\'s, else http://127.0.0.1:3000]' -r
complete -c crm -n "__fish_crm_using_subcommand completions" -l token -d 'Bearer token (an API token or a session token) [default: the profile\'s]' -r
complete -c crm -n "__fish_crm_using_subcommand completions" -l profile -d 'Profile of the configuration file to use [default: default]' -r
complete -c crm -n "__fish_crm_using_subcommand completions" -s o -l output -d 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table fitted to the terminal (the default on a terminal)'
json\t'JSON: an object, or an array for lists (the default when piped)'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c crm -n "__fish_crm_using_subcommand completions" -s q -l quiet -d 'Print only the ids of records, one per line'
complete -c crm -n "__fish_crm_using_subcommand completions" -s h -l help -d 'Print help'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "health" -d 'Check that the server is up and its database answers'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "register" -d 'Create an account, then log in to it'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "login" -d 'Log in and store an API token for this profile (mode 0600)'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "logout" -d 'Revoke the profile\'s token and forget it'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "whoami" -d 'Show the account of the token'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "token" -d 'Named API tokens for scripts and cron jobs'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "profile" -d 'Profiles of the configuration file: a server and a token under a name'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "contacts" -d 'Contacts: list, show, create, change, delete'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "opportunities" -d 'Opportunities: list, show, create, change, delete'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "deals" -d 'Deals: list, show, create, change, delete'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "activities" -d 'Activities: list, show, create, change, delete'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "pipelines" -d 'Pipelines and their stages: list, create, rename, make default, delete; stages'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "pipeline" -d 'The pipeline board: each stage\'s deals, or with --summary its figures'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "forecast" -d 'Deals closing per month from this month: won, weighted, best case, per currency'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "dashboard" -d 'The dashboard\'s figures over a period, with charts; its layout'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "imports" -d 'Imports made with `crm <entity> import`: list, show, undo'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "audit" -d 'The account\'s audit trail, newest first'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "sync" -d 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "integrations" -d 'The CRMs contacts and deals are synced from'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "completions" -d 'Print the shell completion script'
complete -c crm -n "__fish_crm_using_subcommand help; and not __fish_seen_subcommand_from health register login logout whoami token profile contacts opportunities deals activities pipelines pipeline forecast dashboard imports audit sync integrations completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token; it is shown once'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List the account\'s tokens'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token at once'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the profiles'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a profile the default'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "set" -d 'Set a profile\'s server'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "list" -d 'List contacts'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "get" -d 'Show a contact'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "create" -d 'Create a contact'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "update" -d 'Change fields of a contact (only those given)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "delete" -d 'Move contacts to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "restore" -d 'Take a contact out of the trash'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "export" -d 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "import" -d 'Create or update contacts from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from contacts" -f -a "timeline" -d 'A contact\'s activities, opportunities and deals, newest first'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "list" -d 'List opportunities'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "get" -d 'Show a opportunity'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "create" -d 'Create a opportunity'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "update" -d 'Change fields of a opportunity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "delete" -d 'Move opportunities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "restore" -d 'Take a opportunity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "export" -d 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "import" -d 'Create or update opportunities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from opportunities" -f -a "move" -d 'Move a opportunity to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "list" -d 'List deals'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "get" -d 'Show a deal'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "create" -d 'Create a deal'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "update" -d 'Change fields of a deal (only those given)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "delete" -d 'Move deals to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "restore" -d 'Take a deal out of the trash'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "export" -d 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "import" -d 'Create or update deals from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "move" -d 'Move a deal to another stage of its pipeline'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from deals" -f -a "history" -d 'A deal\'s stage changes'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "list" -d 'List activities'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "get" -d 'Show a activity'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "create" -d 'Create a activity'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "update" -d 'Change fields of a activity (only those given)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "delete" -d 'Move activities to the trash (restore undoes it)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "restore" -d 'Take a activity out of the trash'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "export" -d 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "import" -d 'Create or update activities from a CSV file, in batches, under an import id'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "complete" -d 'Mark an activity done'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "recent" -d 'The latest activities'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "queue" -d 'Open activities overdue, due today and due in the next 7 days, by priority'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from activities" -f -a "snooze" -d 'Move an open activity\'s due date to a later day'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "list" -d 'List the pipelines, one line per stage (-o json: the pipelines)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "get" -d 'Show a pipeline, one line per stage'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "create" -d 'Create a pipeline'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "rename" -d 'Rename a pipeline'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "default" -d 'Make a pipeline the default of new deals and opportunities'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "delete" -d 'Delete a pipeline'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "stages" -d 'List a pipeline\'s stages; add, change or delete one'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from dashboard" -f -a "layout" -d 'Show the dashboard\'s layout: its widgets, in order, and its period'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from imports" -f -a "list" -d 'The latest imports, newest first'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from imports" -f -a "get" -d 'Show an import and what it did'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from imports" -f -a "undo" -d 'Revert an import: records it created go to the trash, fields it updated are set back'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "all" -d 'Sync every connected source, a line per source'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "brivity" -d 'Sync the Brivity account'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "topproducer" -d 'Sync the Top Producer account'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "status" -d 'Each source: connected, running, its last run, values mapped to nothing'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "accounts" -d 'Connected accounts (their secrets are never shown)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "contacts" -d 'Every contact, made here or synced, one per person, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "deals" -d 'Every deal, made here or synced, with the sources it comes from'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "search" -d 'Find text in any field of what the sources sent (the cache)'
complete -c crm -n "__fish_crm_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "cache" -d 'The copy of what each source last sent'
