// One line per command for `firedrill help`; kept apart so help loads no command's code.
export const runUsage = 'firedrill run <scenario> [--plan P] --script S [--journal out.jsonl] [--format json|md]   play a response script and print the scorecard';
export const replayUsage = 'firedrill replay <journal.jsonl> [--scenario F] [--plan F] [--format json|md]             rebuild the scorecard from a journal';
export const listUsage = 'firedrill list [paths...] [--json]       the scenarios (default: the bundled ones) with their response scripts';
export const historyUsage = 'firedrill history [--plan P] [--scenario S] [--format text|csv|json] [--out F] [--data-dir D]   time to detect, contain and recover across ended drills';
export const validateUsage = 'firedrill validate [paths...] [--json]   check plans, scenarios and response scripts (default: the bundled ones)';
export const serveUsage = 'firedrill serve [--port N] [--data-dir D]          serve the app on 127.0.0.1 for the browser (prints its address)';
export const reportUsage = 'firedrill report <journal.jsonl> --format pdf|html|csv|json|md [--out F] [--paper a4|letter] [--scenario F] [--plan F] [--data-dir D]   export a session\'s scorecard';
export const schemaUsage = 'firedrill schema <folder>                  write the JSON Schemas for editors (plan, scenario, script)';
export const aarUsage = 'firedrill aar <journals or folders...> --format docx|pdf|html|md [--out F] [--paper a4|letter] [--name N] [--dates D] [--location L] [--sponsor S] [--organisation O] [--participant ORG]... [--contact C]   after-action report / improvement plan';
