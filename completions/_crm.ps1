
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'crm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'crm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'crm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check that the server is up and its database answers')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create an account, then log in to it')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in and store an API token for this profile (mode 0600)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the profile''s token and forget it')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the account of the token')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Named API tokens for scripts and cron jobs')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profiles of the configuration file: a server and a token under a name')
            [CompletionResult]::new('contacts', 'contacts', [CompletionResultType]::ParameterValue, 'Contacts: list, show, create, change, delete')
            [CompletionResult]::new('opportunities', 'opportunities', [CompletionResultType]::ParameterValue, 'Opportunities: list, show, create, change, delete')
            [CompletionResult]::new('deals', 'deals', [CompletionResultType]::ParameterValue, 'Deals: list, show, create, change, delete')
            [CompletionResult]::new('activities', 'activities', [CompletionResultType]::ParameterValue, 'Activities: list, show, create, change, delete')
            [CompletionResult]::new('pipelines', 'pipelines', [CompletionResultType]::ParameterValue, 'Pipelines and their stages: list, create, rename, make default, delete; stages')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'The pipeline board: each stage''s deals, or with --summary its figures')
            [CompletionResult]::new('forecast', 'forecast', [CompletionResultType]::ParameterValue, 'Deals closing per month from this month: won, weighted, best case, per currency')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The dashboard''s figures over a period, with charts; its layout')
            [CompletionResult]::new('imports', 'imports', [CompletionResultType]::ParameterValue, 'Imports made with `crm <entity> import`: list, show, undo')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The account''s audit trail, newest first')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)')
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'The CRMs contacts and deals are synced from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;health' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;register' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'E-mail address of the account')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Your name')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;login' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'E-mail address of the account')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input (it is read without echo from the terminal otherwise)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;logout' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;whoami' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;token' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; it is shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;token;create' {
            [CompletionResult]::new('--expires-in-days', '--expires-in-days', [CompletionResultType]::ParameterName, 'Days until it expires [default: never]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;token;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;token;revoke' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; it is shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;token;help;create' {
            break
        }
        'crm;token;help;list' {
            break
        }
        'crm;token;help;revoke' {
            break
        }
        'crm;token;help;help' {
            break
        }
        'crm;profile' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a profile''s server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;profile;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;profile;use' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;profile;set' {
            [CompletionResult]::new('--server-url', '--server-url', [CompletionResultType]::ParameterName, 'Base URL')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a profile''s server')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;profile;help;list' {
            break
        }
        'crm;profile;help;use' {
            break
        }
        'crm;profile;help;set' {
            break
        }
        'crm;profile;help;help' {
            break
        }
        'crm;contacts' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a contact')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a contact')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a contact (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move contacts to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a contact out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update contacts from a CSV file, in batches, under an import id')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A contact''s activities, opportunities and deals, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;contacts;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;create' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Full name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'E-mail address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company')
            [CompletionResult]::new('--job-title', '--job-title', [CompletionResultType]::ParameterName, 'Job title')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the contact came from')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Free-form notes')
            [CompletionResult]::new('--rating', '--rating', [CompletionResultType]::ParameterName, 'Rating, 0 to 5')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;update' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Full name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'E-mail address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company')
            [CompletionResult]::new('--job-title', '--job-title', [CompletionResultType]::ParameterName, 'Job title')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status (default Lead) [one of: Lead, Prospect, Customer, Closed]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the contact came from')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Free-form notes')
            [CompletionResult]::new('--rating', '--rating', [CompletionResultType]::ParameterName, 'Rating, 0 to 5')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Clear a field (repeatable)')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;delete' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;restore' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys [default: created_at]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Export the trash instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;import' {
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: email]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Import a column as a field (FIELD - skips the column); repeatable')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Field delimiter: , ; or tab [default: detected]')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue an interrupted import of this file (its id, or the last one remembered for the file)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per request, at most 1000 [default: 1000]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight [default: 4]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what each row would do; write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;timeline' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;contacts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a contact')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a contact')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a contact (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move contacts to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a contact out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update contacts from a CSV file, in batches, under an import id')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A contact''s activities, opportunities and deals, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;contacts;help;list' {
            break
        }
        'crm;contacts;help;get' {
            break
        }
        'crm;contacts;help;create' {
            break
        }
        'crm;contacts;help;update' {
            break
        }
        'crm;contacts;help;delete' {
            break
        }
        'crm;contacts;help;restore' {
            break
        }
        'crm;contacts;help;export' {
            break
        }
        'crm;contacts;help;import' {
            break
        }
        'crm;contacts;help;timeline' {
            break
        }
        'crm;contacts;help;help' {
            break
        }
        'crm;opportunities' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List opportunities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a opportunity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a opportunity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a opportunity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move opportunities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a opportunity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update opportunities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a opportunity to another stage of its pipeline')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;opportunities;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;create' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Value, e.g. 1250.00 (default 0.00)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency code (default USD)')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of winning, 0 to 100; follows the stage''s unless set (null: follow it again)')
            [CompletionResult]::new('--pipeline-id', '--pipeline-id', [CompletionResultType]::ParameterName, 'Pipeline id (default: the default pipeline, or the stage''s)')
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage id (or give the stage by name)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name in the pipeline, any case (default: its first stage)')
            [CompletionResult]::new('--expected-close-date', '--expected-close-date', [CompletionResultType]::ParameterName, 'Expected close date, YYYY-MM-DD')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;update' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Value, e.g. 1250.00 (default 0.00)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency code (default USD)')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of winning, 0 to 100; follows the stage''s unless set (null: follow it again)')
            [CompletionResult]::new('--pipeline-id', '--pipeline-id', [CompletionResultType]::ParameterName, 'Pipeline id (default: the default pipeline, or the stage''s)')
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage id (or give the stage by name)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name in the pipeline, any case (default: its first stage)')
            [CompletionResult]::new('--expected-close-date', '--expected-close-date', [CompletionResultType]::ParameterName, 'Expected close date, YYYY-MM-DD')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Clear a field (repeatable)')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;delete' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;restore' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys [default: created_at]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Export the trash instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;import' {
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Import a column as a field (FIELD - skips the column); repeatable')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Field delimiter: , ; or tab [default: detected]')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue an interrupted import of this file (its id, or the last one remembered for the file)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per request, at most 1000 [default: 1000]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight [default: 4]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what each row would do; write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;move' {
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage by id (of this or another pipeline)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;opportunities;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List opportunities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a opportunity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a opportunity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a opportunity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move opportunities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a opportunity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update opportunities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a opportunity to another stage of its pipeline')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;opportunities;help;list' {
            break
        }
        'crm;opportunities;help;get' {
            break
        }
        'crm;opportunities;help;create' {
            break
        }
        'crm;opportunities;help;update' {
            break
        }
        'crm;opportunities;help;delete' {
            break
        }
        'crm;opportunities;help;restore' {
            break
        }
        'crm;opportunities;help;export' {
            break
        }
        'crm;opportunities;help;import' {
            break
        }
        'crm;opportunities;help;move' {
            break
        }
        'crm;opportunities;help;help' {
            break
        }
        'crm;deals' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a deal')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a deal')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a deal (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move deals to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a deal out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update deals from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage of its pipeline')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A deal''s stage changes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;deals;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;create' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--opportunity-id', '--opportunity-id', [CompletionResultType]::ParameterName, 'Opportunity id')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount, e.g. 1250.00 (default 0.00)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency code (default USD)')
            [CompletionResult]::new('--pipeline-id', '--pipeline-id', [CompletionResultType]::ParameterName, 'Pipeline id (default: the default pipeline, or the stage''s)')
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage id (or give the stage by name)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name in the pipeline, any case (default: its first stage)')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of closing, 0 to 100; follows the stage''s unless set (null: follow it again)')
            [CompletionResult]::new('--close-date', '--close-date', [CompletionResultType]::ParameterName, 'Close date, YYYY-MM-DD')
            [CompletionResult]::new('--next-steps', '--next-steps', [CompletionResultType]::ParameterName, 'Next steps')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;update' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--opportunity-id', '--opportunity-id', [CompletionResultType]::ParameterName, 'Opportunity id')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount, e.g. 1250.00 (default 0.00)')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency code (default USD)')
            [CompletionResult]::new('--pipeline-id', '--pipeline-id', [CompletionResultType]::ParameterName, 'Pipeline id (default: the default pipeline, or the stage''s)')
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage id (or give the stage by name)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name in the pipeline, any case (default: its first stage)')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of closing, 0 to 100; follows the stage''s unless set (null: follow it again)')
            [CompletionResult]::new('--close-date', '--close-date', [CompletionResultType]::ParameterName, 'Close date, YYYY-MM-DD')
            [CompletionResult]::new('--next-steps', '--next-steps', [CompletionResultType]::ParameterName, 'Next steps')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Clear a field (repeatable)')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;delete' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;restore' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys [default: created_at]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Export the trash instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;import' {
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Import a column as a field (FIELD - skips the column); repeatable')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Field delimiter: , ; or tab [default: detected]')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue an interrupted import of this file (its id, or the last one remembered for the file)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per request, at most 1000 [default: 1000]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight [default: 4]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what each row would do; write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;move' {
            [CompletionResult]::new('--stage-id', '--stage-id', [CompletionResultType]::ParameterName, 'Stage by id (of this or another pipeline)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the move happened, RFC 3339 (default now): not in the future nor before the previous move')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;history' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;deals;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a deal')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a deal')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a deal (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move deals to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a deal out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update deals from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage of its pipeline')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A deal''s stage changes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;deals;help;list' {
            break
        }
        'crm;deals;help;get' {
            break
        }
        'crm;deals;help;create' {
            break
        }
        'crm;deals;help;update' {
            break
        }
        'crm;deals;help;delete' {
            break
        }
        'crm;deals;help;restore' {
            break
        }
        'crm;deals;help;export' {
            break
        }
        'crm;deals;help;import' {
            break
        }
        'crm;deals;help;move' {
            break
        }
        'crm;deals;help;history' {
            break
        }
        'crm;deals;help;help' {
            break
        }
        'crm;activities' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List activities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a activity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a activity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a activity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move activities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a activity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update activities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Mark an activity done')
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The latest activities')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Open activities overdue, due today and due in the next 7 days, by priority')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move an open activity''s due date to a later day')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;activities;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;create' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Kind of activity [one of: Call, Email, Meeting, Task, Note]')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority (default Normal) [one of: Low, Normal, High, Urgent]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What is to be done')
            [CompletionResult]::new('--due-date', '--due-date', [CompletionResultType]::ParameterName, 'Due date, YYYY-MM-DD')
            [CompletionResult]::new('--assigned-to', '--assigned-to', [CompletionResultType]::ParameterName, 'Who does it')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--opportunity-id', '--opportunity-id', [CompletionResultType]::ParameterName, 'Opportunity id')
            [CompletionResult]::new('--deal-id', '--deal-id', [CompletionResultType]::ParameterName, 'Deal id')
            [CompletionResult]::new('--completed', '--completed', [CompletionResultType]::ParameterName, 'Done (true or false)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;update' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override it')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Kind of activity [one of: Call, Email, Meeting, Task, Note]')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority (default Normal) [one of: Low, Normal, High, Urgent]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What is to be done')
            [CompletionResult]::new('--due-date', '--due-date', [CompletionResultType]::ParameterName, 'Due date, YYYY-MM-DD')
            [CompletionResult]::new('--assigned-to', '--assigned-to', [CompletionResultType]::ParameterName, 'Who does it')
            [CompletionResult]::new('--contact-id', '--contact-id', [CompletionResultType]::ParameterName, 'Contact id')
            [CompletionResult]::new('--opportunity-id', '--opportunity-id', [CompletionResultType]::ParameterName, 'Opportunity id')
            [CompletionResult]::new('--deal-id', '--deal-id', [CompletionResultType]::ParameterName, 'Deal id')
            [CompletionResult]::new('--completed', '--completed', [CompletionResultType]::ParameterName, 'Done (true or false)')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Clear a field (repeatable)')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;delete' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;restore' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as for list')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search, as for list')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys [default: created_at]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv or ndjson [default: ndjson for a FILE ending .ndjson or .jsonl, or with -o ndjson; else csv]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Export the trash instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;import' {
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'How a row finds the record it updates: email (contacts, case-insensitive), id, or none (always create) [default: none]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Import a column as a field (FIELD - skips the column); repeatable')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Field delimiter: , ; or tab [default: detected]')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Write DIR/success.csv (row, id, outcome) and DIR/failed.csv (the row and its error)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue an interrupted import of this file (its id, or the last one remembered for the file)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per request, at most 1000 [default: 1000]')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight [default: 4]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what each row would do; write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;complete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;recent' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;queue' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone whose current date is today: an IANA name such as Europe/Berlin [default: UTC]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Most activities per section, 1 to 500 [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most activities per section, 1 to 500 [default: 50]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;snooze' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone whose current date UNTIL may not be before: an IANA name such as Europe/Berlin [default: UTC]')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;activities;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List activities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a activity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a activity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a activity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move activities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a activity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update activities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Mark an activity done')
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The latest activities')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Open activities overdue, due today and due in the next 7 days, by priority')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move an open activity''s due date to a later day')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;activities;help;list' {
            break
        }
        'crm;activities;help;get' {
            break
        }
        'crm;activities;help;create' {
            break
        }
        'crm;activities;help;update' {
            break
        }
        'crm;activities;help;delete' {
            break
        }
        'crm;activities;help;restore' {
            break
        }
        'crm;activities;help;export' {
            break
        }
        'crm;activities;help;import' {
            break
        }
        'crm;activities;help;complete' {
            break
        }
        'crm;activities;help;recent' {
            break
        }
        'crm;activities;help;queue' {
            break
        }
        'crm;activities;help;snooze' {
            break
        }
        'crm;activities;help;help' {
            break
        }
        'crm;pipelines' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the pipelines, one line per stage (-o json: the pipelines)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a pipeline, one line per stage')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a pipeline')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a pipeline')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a pipeline the default of new deals and opportunities')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a pipeline')
            [CompletionResult]::new('stages', 'stages', [CompletionResultType]::ParameterValue, 'List a pipeline''s stages; add, change or delete one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;pipelines;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;create' {
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'A stage, in order (repeatable): its name, probability 0 to 100, kind open|won|lost')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make it the default pipeline of new deals and opportunities')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;rename' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;default' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;delete' {
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the record is still at this version (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;stages' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a stage to a pipeline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a stage (only what is given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a stage; the records in it move to --move-to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;pipelines;stages;add' {
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of closing, 0 to 100, that records in the stage follow')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What a record in the stage is: open, won or lost')
            [CompletionResult]::new('--rotting-days', '--rotting-days', [CompletionResultType]::ParameterName, 'Days without a move or an activity after which an open record rots [default: never]')
            [CompletionResult]::new('--position', '--position', [CompletionResultType]::ParameterName, 'Place among the stages, from 0 (the others shift) [default: last]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;stages;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--probability', '--probability', [CompletionResultType]::ParameterName, 'Probability of closing, 0 to 100, that records in the stage follow')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What a record in the stage is: open, won or lost')
            [CompletionResult]::new('--rotting-days', '--rotting-days', [CompletionResultType]::ParameterName, 'Days without a move or an activity after which an open record rots, or never')
            [CompletionResult]::new('--position', '--position', [CompletionResultType]::ParameterName, 'Place among the stages, from 0 (the others shift) [default: where it is]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;stages;delete' {
            [CompletionResult]::new('--move-to', '--move-to', [CompletionResultType]::ParameterName, 'Stage (name or id, same pipeline) for its deals and opportunities; required when it has any')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;pipelines;stages;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a stage to a pipeline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a stage (only what is given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a stage; the records in it move to --move-to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;pipelines;stages;help;add' {
            break
        }
        'crm;pipelines;stages;help;update' {
            break
        }
        'crm;pipelines;stages;help;delete' {
            break
        }
        'crm;pipelines;stages;help;help' {
            break
        }
        'crm;pipelines;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the pipelines, one line per stage (-o json: the pipelines)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a pipeline, one line per stage')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a pipeline')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a pipeline')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a pipeline the default of new deals and opportunities')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a pipeline')
            [CompletionResult]::new('stages', 'stages', [CompletionResultType]::ParameterValue, 'List a pipeline''s stages; add, change or delete one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;pipelines;help;list' {
            break
        }
        'crm;pipelines;help;get' {
            break
        }
        'crm;pipelines;help;create' {
            break
        }
        'crm;pipelines;help;rename' {
            break
        }
        'crm;pipelines;help;default' {
            break
        }
        'crm;pipelines;help;delete' {
            break
        }
        'crm;pipelines;help;stages' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a stage to a pipeline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a stage (only what is given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a stage; the records in it move to --move-to')
            break
        }
        'crm;pipelines;help;stages;add' {
            break
        }
        'crm;pipelines;help;stages;update' {
            break
        }
        'crm;pipelines;help;stages;delete' {
            break
        }
        'crm;pipelines;help;help' {
            break
        }
        'crm;pipeline' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Pipeline id [default: the default pipeline]')
            [CompletionResult]::new('--per-stage', '--per-stage', [CompletionResultType]::ParameterName, 'Deals per stage, 1 to 500 [default: 50]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Each stage''s count, amount, weighted amount and rotting deals, per currency')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;forecast' {
            [CompletionResult]::new('--months', '--months', [CompletionResultType]::ParameterName, 'Months from the current UTC month, 1 to 36 [default: 6]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;dashboard' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day [default: the first of this UTC month]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day, included [default: the last of this UTC month]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Pipeline of the funnel and the stages [default: the default pipeline]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Show the dashboard''s layout: its widgets, in order, and its period')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;dashboard;layout' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Save the dashboard''s layout; what is not given stays as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;dashboard;layout;set' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period the figures cover: this_month, last_month, this_quarter, last_quarter, this_year, last_30_days, last_90_days')
            [CompletionResult]::new('--widgets', '--widgets', [CompletionResultType]::ParameterName, 'The widgets to show, in order, each once (1 to 11): total_contacts, open_opportunities, pipeline_value, deals_won, win_rate, average_deal_size, sales_cycle_days, by_stage, forecast, funnel, activity_timeline')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Only if the layout is still at this version, 0 for none saved (exit 4 otherwise)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;dashboard;layout;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Save the dashboard''s layout; what is not given stays as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;dashboard;layout;help;set' {
            break
        }
        'crm;dashboard;layout;help;help' {
            break
        }
        'crm;dashboard;help' {
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Show the dashboard''s layout: its widgets, in order, and its period')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;dashboard;help;layout' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Save the dashboard''s layout; what is not given stays as it is')
            break
        }
        'crm;dashboard;help;layout;set' {
            break
        }
        'crm;dashboard;help;help' {
            break
        }
        'crm;imports' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The latest imports, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show an import and what it did')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Revert an import: records it created go to the trash, fields it updated are set back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;imports;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;imports;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;imports;undo' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;imports;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The latest imports, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show an import and what it did')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Revert an import: records it created go to the trash, fields it updated are set back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;imports;help;list' {
            break
        }
        'crm;imports;help;get' {
            break
        }
        'crm;imports;help;undo' {
            break
        }
        'crm;imports;help;help' {
            break
        }
        'crm;audit' {
            [CompletionResult]::new('--entity', '--entity', [CompletionResultType]::ParameterName, 'Only this entity: contact, opportunity, deal, activity, api_token, dashboard_layout')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Only this record of --entity')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Entries per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries per page [default: 50]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;sync' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Sync every connected source, a line per source')
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'Sync the Brivity account')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'Sync the Top Producer account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each source: connected, running, its last run, values mapped to nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;sync;all' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Answer once the runs have started, without waiting for them to end')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;sync;brivity' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Answer once the runs have started, without waiting for them to end')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;sync;topproducer' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Answer once the runs have started, without waiting for them to end')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;sync;status' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;sync;help' {
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Sync every connected source, a line per source')
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'Sync the Brivity account')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'Sync the Top Producer account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each source: connected, running, its last run, values mapped to nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;sync;help;all' {
            break
        }
        'crm;sync;help;brivity' {
            break
        }
        'crm;sync;help;topproducer' {
            break
        }
        'crm;sync;help;status' {
            break
        }
        'crm;sync;help;help' {
            break
        }
        'crm;integrations' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'Connected accounts (their secrets are never shown)')
            [CompletionResult]::new('contacts', 'contacts', [CompletionResultType]::ParameterValue, 'Every contact, made here or synced, one per person, with the sources it comes from')
            [CompletionResult]::new('deals', 'deals', [CompletionResultType]::ParameterValue, 'Every deal, made here or synced, with the sources it comes from')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find text in any field of what the sources sent (the cache)')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The copy of what each source last sent')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;accounts' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The connected accounts')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a source, or replace its credentials')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an account (its contacts and deals stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;accounts;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;accounts;connect' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Minutes between scheduled syncs, 5 to 10080 [default: none]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'A Brivity account, by its API key')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'A Top Producer account, by OAuth2 client credentials')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;accounts;connect;brivity' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: read from standard input]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Minutes between scheduled syncs, 5 to 10080 [default: none]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;accounts;connect;topproducer' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The client id')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'The client secret [default: read from standard input]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Minutes between scheduled syncs, 5 to 10080 [default: none]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;accounts;connect;help' {
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'A Brivity account, by its API key')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'A Top Producer account, by OAuth2 client credentials')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;accounts;connect;help;brivity' {
            break
        }
        'crm;integrations;accounts;connect;help;topproducer' {
            break
        }
        'crm;integrations;accounts;connect;help;help' {
            break
        }
        'crm;integrations;accounts;disconnect' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;accounts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The connected accounts')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a source, or replace its credentials')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an account (its contacts and deals stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;accounts;help;list' {
            break
        }
        'crm;integrations;accounts;help;connect' {
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'A Brivity account, by its API key')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'A Top Producer account, by OAuth2 client credentials')
            break
        }
        'crm;integrations;accounts;help;connect;brivity' {
            break
        }
        'crm;integrations;accounts;help;connect;topproducer' {
            break
        }
        'crm;integrations;accounts;help;disconnect' {
            break
        }
        'crm;integrations;accounts;help;help' {
            break
        }
        'crm;integrations;contacts' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;deals' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter, as the API''s filter grammar: ''status[eq]:"Lead",rating[gte]:4''')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free-text search (words, by prefix)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort keys: -created_at,name [default: -created_at]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this next_cursor of an earlier page')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'List the trash instead')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many records match')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;search' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only contacts or only deals [default: both]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Records per page [default: 50]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow the cursors to the last page')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;cache' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Drop it: the next sync compares every record afresh (no contact or deal is lost)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;cache;clear' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only this source''s [default: every source''s]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;integrations;cache;help' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Drop it: the next sync compares every record afresh (no contact or deal is lost)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;cache;help;clear' {
            break
        }
        'crm;integrations;cache;help;help' {
            break
        }
        'crm;integrations;help' {
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'Connected accounts (their secrets are never shown)')
            [CompletionResult]::new('contacts', 'contacts', [CompletionResultType]::ParameterValue, 'Every contact, made here or synced, one per person, with the sources it comes from')
            [CompletionResult]::new('deals', 'deals', [CompletionResultType]::ParameterValue, 'Every deal, made here or synced, with the sources it comes from')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find text in any field of what the sources sent (the cache)')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The copy of what each source last sent')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;integrations;help;accounts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The connected accounts')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a source, or replace its credentials')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an account (its contacts and deals stay)')
            break
        }
        'crm;integrations;help;accounts;list' {
            break
        }
        'crm;integrations;help;accounts;connect' {
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'A Brivity account, by its API key')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'A Top Producer account, by OAuth2 client credentials')
            break
        }
        'crm;integrations;help;accounts;connect;brivity' {
            break
        }
        'crm;integrations;help;accounts;connect;topproducer' {
            break
        }
        'crm;integrations;help;accounts;disconnect' {
            break
        }
        'crm;integrations;help;contacts' {
            break
        }
        'crm;integrations;help;deals' {
            break
        }
        'crm;integrations;help;search' {
            break
        }
        'crm;integrations;help;cache' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Drop it: the next sync compares every record afresh (no contact or deal is lost)')
            break
        }
        'crm;integrations;help;cache;clear' {
            break
        }
        'crm;integrations;help;help' {
            break
        }
        'crm;completions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Base URL of the server [default: the profile''s, else http://127.0.0.1:3000]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token (an API token or a session token) [default: the profile''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the configuration file to use [default: default]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json, ndjson or csv [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the ids of records, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'crm;help' {
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check that the server is up and its database answers')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Create an account, then log in to it')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in and store an API token for this profile (mode 0600)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the profile''s token and forget it')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the account of the token')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Named API tokens for scripts and cron jobs')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profiles of the configuration file: a server and a token under a name')
            [CompletionResult]::new('contacts', 'contacts', [CompletionResultType]::ParameterValue, 'Contacts: list, show, create, change, delete')
            [CompletionResult]::new('opportunities', 'opportunities', [CompletionResultType]::ParameterValue, 'Opportunities: list, show, create, change, delete')
            [CompletionResult]::new('deals', 'deals', [CompletionResultType]::ParameterValue, 'Deals: list, show, create, change, delete')
            [CompletionResult]::new('activities', 'activities', [CompletionResultType]::ParameterValue, 'Activities: list, show, create, change, delete')
            [CompletionResult]::new('pipelines', 'pipelines', [CompletionResultType]::ParameterValue, 'Pipelines and their stages: list, create, rename, make default, delete; stages')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'The pipeline board: each stage''s deals, or with --summary its figures')
            [CompletionResult]::new('forecast', 'forecast', [CompletionResultType]::ParameterValue, 'Deals closing per month from this month: won, weighted, best case, per currency')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The dashboard''s figures over a period, with charts; its layout')
            [CompletionResult]::new('imports', 'imports', [CompletionResultType]::ParameterValue, 'Imports made with `crm <entity> import`: list, show, undo')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The account''s audit trail, newest first')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync contacts and deals from the connected CRMs (exit 0 only if every source succeeded)')
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'The CRMs contacts and deals are synced from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'crm;help;health' {
            break
        }
        'crm;help;register' {
            break
        }
        'crm;help;login' {
            break
        }
        'crm;help;logout' {
            break
        }
        'crm;help;whoami' {
            break
        }
        'crm;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; it is shown once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            break
        }
        'crm;help;token;create' {
            break
        }
        'crm;help;token;list' {
            break
        }
        'crm;help;token;revoke' {
            break
        }
        'crm;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a profile''s server')
            break
        }
        'crm;help;profile;list' {
            break
        }
        'crm;help;profile;use' {
            break
        }
        'crm;help;profile;set' {
            break
        }
        'crm;help;contacts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a contact')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a contact')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a contact (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move contacts to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a contact out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching contact as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update contacts from a CSV file, in batches, under an import id')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A contact''s activities, opportunities and deals, newest first')
            break
        }
        'crm;help;contacts;list' {
            break
        }
        'crm;help;contacts;get' {
            break
        }
        'crm;help;contacts;create' {
            break
        }
        'crm;help;contacts;update' {
            break
        }
        'crm;help;contacts;delete' {
            break
        }
        'crm;help;contacts;restore' {
            break
        }
        'crm;help;contacts;export' {
            break
        }
        'crm;help;contacts;import' {
            break
        }
        'crm;help;contacts;timeline' {
            break
        }
        'crm;help;opportunities' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List opportunities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a opportunity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a opportunity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a opportunity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move opportunities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a opportunity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching opportunity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update opportunities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a opportunity to another stage of its pipeline')
            break
        }
        'crm;help;opportunities;list' {
            break
        }
        'crm;help;opportunities;get' {
            break
        }
        'crm;help;opportunities;create' {
            break
        }
        'crm;help;opportunities;update' {
            break
        }
        'crm;help;opportunities;delete' {
            break
        }
        'crm;help;opportunities;restore' {
            break
        }
        'crm;help;opportunities;export' {
            break
        }
        'crm;help;opportunities;import' {
            break
        }
        'crm;help;opportunities;move' {
            break
        }
        'crm;help;deals' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deals')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a deal')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a deal')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a deal (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move deals to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a deal out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching deal as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update deals from a CSV file, in batches, under an import id')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a deal to another stage of its pipeline')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A deal''s stage changes')
            break
        }
        'crm;help;deals;list' {
            break
        }
        'crm;help;deals;get' {
            break
        }
        'crm;help;deals;create' {
            break
        }
        'crm;help;deals;update' {
            break
        }
        'crm;help;deals;delete' {
            break
        }
        'crm;help;deals;restore' {
            break
        }
        'crm;help;deals;export' {
            break
        }
        'crm;help;deals;import' {
            break
        }
        'crm;help;deals;move' {
            break
        }
        'crm;help;deals;history' {
            break
        }
        'crm;help;activities' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List activities')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a activity')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a activity')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change fields of a activity (only those given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Move activities to the trash (restore undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Take a activity out of the trash')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every matching activity as CSV or NDJSON, streamed to FILE or standard output')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update activities from a CSV file, in batches, under an import id')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Mark an activity done')
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The latest activities')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Open activities overdue, due today and due in the next 7 days, by priority')
            [CompletionResult]::new('snooze', 'snooze', [CompletionResultType]::ParameterValue, 'Move an open activity''s due date to a later day')
            break
        }
        'crm;help;activities;list' {
            break
        }
        'crm;help;activities;get' {
            break
        }
        'crm;help;activities;create' {
            break
        }
        'crm;help;activities;update' {
            break
        }
        'crm;help;activities;delete' {
            break
        }
        'crm;help;activities;restore' {
            break
        }
        'crm;help;activities;export' {
            break
        }
        'crm;help;activities;import' {
            break
        }
        'crm;help;activities;complete' {
            break
        }
        'crm;help;activities;recent' {
            break
        }
        'crm;help;activities;queue' {
            break
        }
        'crm;help;activities;snooze' {
            break
        }
        'crm;help;pipelines' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the pipelines, one line per stage (-o json: the pipelines)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a pipeline, one line per stage')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a pipeline')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a pipeline')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a pipeline the default of new deals and opportunities')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a pipeline')
            [CompletionResult]::new('stages', 'stages', [CompletionResultType]::ParameterValue, 'List a pipeline''s stages; add, change or delete one')
            break
        }
        'crm;help;pipelines;list' {
            break
        }
        'crm;help;pipelines;get' {
            break
        }
        'crm;help;pipelines;create' {
            break
        }
        'crm;help;pipelines;rename' {
            break
        }
        'crm;help;pipelines;default' {
            break
        }
        'crm;help;pipelines;delete' {
            break
        }
        'crm;help;pipelines;stages' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a stage to a pipeline')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a stage (only what is given)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a stage; the records in it move to --move-to')
            break
        }
        'crm;help;pipelines;stages;add' {
            break
        }
        'crm;help;pipelines;stages;update' {
            break
        }
        'crm;help;pipelines;stages;delete' {
            break
        }
        'crm;help;pipeline' {
            break
        }
        'crm;help;forecast' {
            break
        }
        'crm;help;dashboard' {
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Show the dashboard''s layout: its widgets, in order, and its period')
            break
        }
        'crm;help;dashboard;layout' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Save the dashboard''s layout; what is not given stays as it is')
            break
        }
        'crm;help;dashboard;layout;set' {
            break
        }
        'crm;help;imports' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The latest imports, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show an import and what it did')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Revert an import: records it created go to the trash, fields it updated are set back')
            break
        }
        'crm;help;imports;list' {
            break
        }
        'crm;help;imports;get' {
            break
        }
        'crm;help;imports;undo' {
            break
        }
        'crm;help;audit' {
            break
        }
        'crm;help;sync' {
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Sync every connected source, a line per source')
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'Sync the Brivity account')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'Sync the Top Producer account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each source: connected, running, its last run, values mapped to nothing')
            break
        }
        'crm;help;sync;all' {
            break
        }
        'crm;help;sync;brivity' {
            break
        }
        'crm;help;sync;topproducer' {
            break
        }
        'crm;help;sync;status' {
            break
        }
        'crm;help;integrations' {
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'Connected accounts (their secrets are never shown)')
            [CompletionResult]::new('contacts', 'contacts', [CompletionResultType]::ParameterValue, 'Every contact, made here or synced, one per person, with the sources it comes from')
            [CompletionResult]::new('deals', 'deals', [CompletionResultType]::ParameterValue, 'Every deal, made here or synced, with the sources it comes from')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find text in any field of what the sources sent (the cache)')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'The copy of what each source last sent')
            break
        }
        'crm;help;integrations;accounts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The connected accounts')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a source, or replace its credentials')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an account (its contacts and deals stay)')
            break
        }
        'crm;help;integrations;accounts;list' {
            break
        }
        'crm;help;integrations;accounts;connect' {
            [CompletionResult]::new('brivity', 'brivity', [CompletionResultType]::ParameterValue, 'A Brivity account, by its API key')
            [CompletionResult]::new('topproducer', 'topproducer', [CompletionResultType]::ParameterValue, 'A Top Producer account, by OAuth2 client credentials')
            break
        }
        'crm;help;integrations;accounts;connect;brivity' {
            break
        }
        'crm;help;integrations;accounts;connect;topproducer' {
            break
        }
        'crm;help;integrations;accounts;disconnect' {
            break
        }
        'crm;help;integrations;contacts' {
            break
        }
        'crm;help;integrations;deals' {
            break
        }
        'crm;help;integrations;search' {
            break
        }
        'crm;help;integrations;cache' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Drop it: the next sync compares every record afresh (no contact or deal is lost)')
            break
        }
        'crm;help;integrations;cache;clear' {
            break
        }
        'crm;help;completions' {
            break
        }
        'crm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
