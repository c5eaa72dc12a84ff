// One line per command for `firedrill help`; kept apart so help loads no command's code.
export const runUsage = 'firedrill run <scenario> [--plan P] --script S [--journal out.jsonl] [--format json|md]   play a response script and print the scorecard';
export const replayUsage = 'firedrill replay <journal.jsonl> [--scenario F] [--plan F] [--format json|md] [--data-dir D]   rebuild the scorecard from a journal';
export const listUsage = 'firedrill list [paths...] [--json]       the scenarios (default: the bundled ones) with their response scripts';
export const historyUsage = 'firedrill history [--plan P] [--scenario S] [--format text|csv|json] [--out F] [--data-dir D]   time to detect, contain and recover across ended drills';
export const validateUsage = 'firedrill validate [paths...] [--json]   check plans, scenarios and response scripts (default: the bundled ones)';
export const serveUsage = 'firedrill serve [--port N] [--data-dir D] [--lan [--interface NAME|all] [--lan-port N] [--tls-cert F --tls-key F]]   serve the app on 127.0.0.1 for the browser (prints its address); --lan also lets participants join from the local network (docs/lan.md)';
export const reportUsage = 'firedrill report <journal.jsonl> --format pdf|html|csv|json|md [--out F] [--paper a4|letter] [--scenario F] [--plan F] [--data-dir D]   export a session\'s scorecard';
export const schemaUsage = 'firedrill schema <folder>                  write the JSON Schemas for editors (plan, scenario, script, model)';
export const aarUsage = 'firedrill aar <journals or folders...> --format docx|pdf|html|md [--out F] [--paper a4|letter] [--name N] [--dates D] [--location L] [--sponsor S] [--organisation O] [--participant ORG]... [--contact C]   after-action report / improvement plan';
export const coverageUsage = 'firedrill coverage [--format json|navigator|csv] [--out F] [--data-dir D]   which ATT&CK techniques, plan actions, roles, duties and CSF functions the library and past drills exercise';
export const simulateUsage = 'firedrill simulate <scenario> [--model M] [--compare M2] --runs N --seed S [--workers W] [--script S] [--plan P] [--format json|md|html] [--paper a4|letter] [--out F]   stress-test the plan: N drills drawn from a response model';
export const mselImportUsage = 'firedrill msel import <file.csv|xlsx> --plan <plan id or file> [--map mapping.json] --out <file.scenario.yaml> [--into <scenario>] [--sheet S] [--start 2025-06-10T09:00] [--tz Asia/Hong_Kong] [--id ID] [--title T] [--threat T] [--data-dir D]   a controllers\' MSEL spreadsheet to a draft scenario';
export const mselExportUsage = 'firedrill msel export <scenario id or file> --format csv|xlsx|pdf --out F [--plan P] [--paper a4|letter] [--data-dir D]   a scenario as the controllers\' MSEL';
export const packExportUsage = 'firedrill pack export [plans, scenarios or scripts: ids or files...] [--exercise <scenario id>] --out F.firedrill [--data-dir D]   one file to archive or hand over';
export const packImportUsage = 'firedrill pack import <F.firedrill> [--as-new-version] [--data-dir D]   check everything in a pack, then store it in the library and the data folder';

/** What `firedrill msel --help` adds to its usage lines. */
export const mselHelp = `
msel import reads the HSEEP MSEL columns (Event #, Scenario Time, Event Type, Inject Mode, From, To,
Message, Expected Participant Response, Objective, Notes), Crucible Blueprint's (Control Number, Time,
Title, Description, Delivery Method, From Org, To Org...) and OpenAEV's (Timeline, Teams, Subject,
Content, Expectation...), and Firedrill's own export (with Trigger, Delay, Unless, ATT&CK).
  times       T+01:30, T+1h30m, D+1 H+2 M+30, M-5, 90 (minutes), 1h30m; clock times (09:30) and dates with --start
  recipients  role titles or ids of the plan, separated by , or ; ("All" for every role)
  responses   expected responses are matched to plan actions by title; the rest is kept as notes
  rows        Event Type "Expected Action" adds to the inject before it; "Contingency" needs an Unless
  --map       a JSON file: { "columns": { "time": "When" }, "roles": { "SOC": "cloud-security-analyst" },
              "channels": { "Verbal": "chat" }, "actions": {...}, "eventTypes": {...}, "sheet", "headerRow",
              "start", "timeZone", "dateOrder": "dmy" | "mdy" }
  --into      update that scenario's injects from the sheet, keeping the rest of it (decisions, state...)
Every cell it cannot read is reported as file:row:column; then nothing is written and the exit code is 1.
`;

/** What `firedrill simulate --help` adds to its usage line. */
export const simulateHelp = `
  <scenario>   a bundled scenario id (firedrill list) or a scenario file; the team follows its exemplary script
  --runs N     how many drills to simulate, 1 to 1,000,000 (10,000 give each breach chance within about a point)
  --seed S     0 to 4,294,967,295: the same seed gives the same report, byte for byte, on any --workers
  --model M    a response model (firedrill-model/1, YAML): people and on-call delay per role, spread of
               each action's duration, chances of a step skipped, late or done by another role, what-ifs.
               Without it: the plan's durations (p90 twice each) and the exemplary script's staffing.
               An example: docs/examples/night-shift.model.yaml; its schema: firedrill schema <folder>
  --compare M2 a second model played on the same draws: the report adds B - A with 95% intervals
  --workers W  worker threads, 1 to 64 (default: one per core)
  --script S   the response script the team follows (default: exemplary)
  --plan P     the plan, an id or a file (default: the scenario's own, from the bundled plans)
  --format     json (default; the contract, docs/analytics.md), md, or html (charts drawn in)
  --paper      the HTML's page size when printed: a4 (default) or letter
  --out F      write the report to F rather than print it
A model that does not validate is reported as file:line:column field: message, and nothing is run;
a setting that changes nothing in this scenario is reported the same way as a warning, and the run goes on.
`;

export const packHelp = `
A pack (.firedrill) is a zip holding a manifest of SHA-256 hashes and the files it lists.
pack export with ids or files: those plans and scenarios, each scenario's plan and response scripts.
pack export --exercise <scenario>: its plan and scenario, every session journal of it in the data folder,
  their edited improvement plans, and every plan and scenario version the journals were recorded with.
pack import checks every hash, document and journal before it writes anything; a plan or scenario
  whose id is in your library with other content is refused unless --as-new-version.
`;
