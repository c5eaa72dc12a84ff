// A small offline table of the MITRE ATT&CK (Enterprise) techniques Firedrill's scenarios use,
// with their names and tactics, so a coverage map can be drawn as a tactic-by-technique matrix
// with no download. Names and tactics as in ATT&CK v17 (attack.mitre.org); a scenario may name
// a technique not listed here: it is shown by its id alone.

export const ATTACK_VERSION = '17';

/** The Enterprise tactics, in the matrix's order: id (as ATT&CK Navigator names it) and title. */
export const ATTACK_TACTICS = [
  { id: 'reconnaissance', title: 'Reconnaissance' },
  { id: 'resource-development', title: 'Resource Development' },
  { id: 'initial-access', title: 'Initial Access' },
  { id: 'execution', title: 'Execution' },
  { id: 'persistence', title: 'Persistence' },
  { id: 'privilege-escalation', title: 'Privilege Escalation' },
  { id: 'defense-evasion', title: 'Defense Evasion' },
  { id: 'credential-access', title: 'Credential Access' },
  { id: 'discovery', title: 'Discovery' },
  { id: 'lateral-movement', title: 'Lateral Movement' },
  { id: 'collection', title: 'Collection' },
  { id: 'command-and-control', title: 'Command and Control' },
  { id: 'exfiltration', title: 'Exfiltration' },
  { id: 'impact', title: 'Impact' },
] as const;

export type AttackTactic = (typeof ATTACK_TACTICS)[number]['id'];

export interface AttackTechnique {
  name: string;
  tactics: readonly AttackTactic[];
}

const ACCOUNTS: readonly AttackTactic[] = ['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion'];
const MANIPULATION: readonly AttackTactic[] = ['persistence', 'privilege-escalation'];

export const ATTACK_TECHNIQUES: Readonly<Record<string, AttackTechnique>> = {
  T1021: { name: 'Remote Services', tactics: ['lateral-movement'] },
  'T1021.001': { name: 'Remote Services: Remote Desktop Protocol', tactics: ['lateral-movement'] },
  T1041: { name: 'Exfiltration Over C2 Channel', tactics: ['exfiltration'] },
  T1053: { name: 'Scheduled Task/Job', tactics: ['execution', 'persistence', 'privilege-escalation'] },
  'T1053.005': { name: 'Scheduled Task/Job: Scheduled Task', tactics: ['execution', 'persistence', 'privilege-escalation'] },
  'T1059.004': { name: 'Command and Scripting Interpreter: Unix Shell', tactics: ['execution'] },
  T1070: { name: 'Indicator Removal', tactics: ['defense-evasion'] },
  'T1071.001': { name: 'Application Layer Protocol: Web Protocols', tactics: ['command-and-control'] },
  'T1071.004': { name: 'Application Layer Protocol: DNS', tactics: ['command-and-control'] },
  T1078: { name: 'Valid Accounts', tactics: ACCOUNTS },
  'T1078.004': { name: 'Valid Accounts: Cloud Accounts', tactics: ACCOUNTS },
  T1098: { name: 'Account Manipulation', tactics: MANIPULATION },
  'T1098.001': { name: 'Account Manipulation: Additional Cloud Credentials', tactics: MANIPULATION },
  'T1098.005': { name: 'Account Manipulation: Device Registration', tactics: MANIPULATION },
  T1110: { name: 'Brute Force', tactics: ['credential-access'] },
  'T1110.003': { name: 'Brute Force: Password Spraying', tactics: ['credential-access'] },
  'T1114.003': { name: 'Email Collection: Email Forwarding Rule', tactics: ['collection'] },
  'T1136.003': { name: 'Create Account: Cloud Account', tactics: ['persistence'] },
  T1190: { name: 'Exploit Public-Facing Application', tactics: ['initial-access'] },
  'T1195.001': { name: 'Supply Chain Compromise: Compromise Software Dependencies and Development Tools', tactics: ['initial-access'] },
  'T1195.002': { name: 'Supply Chain Compromise: Compromise Software Supply Chain', tactics: ['initial-access'] },
  'T1204.003': { name: 'User Execution: Malicious Image', tactics: ['execution'] },
  T1213: { name: 'Data from Information Repositories', tactics: ['collection'] },
  T1486: { name: 'Data Encrypted for Impact', tactics: ['impact'] },
  T1490: { name: 'Inhibit System Recovery', tactics: ['impact'] },
  T1496: { name: 'Resource Hijacking', tactics: ['impact'] },
  T1525: { name: 'Implant Internal Image', tactics: ['persistence'] },
  T1528: { name: 'Steal Application Access Token', tactics: ['credential-access'] },
  T1530: { name: 'Data from Cloud Storage', tactics: ['collection'] },
  T1534: { name: 'Internal Spearphishing', tactics: ['lateral-movement'] },
  T1535: { name: 'Unused/Unsupported Cloud Regions', tactics: ['defense-evasion'] },
  T1537: { name: 'Transfer Data to Cloud Account', tactics: ['exfiltration'] },
  'T1543.002': { name: 'Create or Modify System Process: Systemd Service', tactics: ['persistence', 'privilege-escalation'] },
  T1546: { name: 'Event Triggered Execution', tactics: ['privilege-escalation', 'persistence'] },
  'T1550.004': { name: 'Use Alternate Authentication Material: Web Session Cookie', tactics: ['defense-evasion', 'lateral-movement'] },
  T1552: { name: 'Unsecured Credentials', tactics: ['credential-access'] },
  'T1552.001': { name: 'Unsecured Credentials: Credentials In Files', tactics: ['credential-access'] },
  'T1552.005': { name: 'Unsecured Credentials: Cloud Instance Metadata API', tactics: ['credential-access'] },
  'T1552.007': { name: 'Unsecured Credentials: Container API', tactics: ['credential-access'] },
  'T1555.006': { name: 'Credentials from Password Stores: Cloud Secrets Management Stores', tactics: ['credential-access'] },
  T1557: { name: 'Adversary-in-the-Middle', tactics: ['credential-access', 'collection'] },
  'T1566.002': { name: 'Phishing: Spearphishing Link', tactics: ['initial-access'] },
  T1567: { name: 'Exfiltration Over Web Service', tactics: ['exfiltration'] },
  'T1567.002': { name: 'Exfiltration Over Web Service: Exfiltration to Cloud Storage', tactics: ['exfiltration'] },
  'T1578.002': { name: 'Modify Cloud Compute Infrastructure: Create Cloud Instance', tactics: ['defense-evasion'] },
  T1580: { name: 'Cloud Infrastructure Discovery', tactics: ['discovery'] },
  T1610: { name: 'Deploy Container', tactics: ['defense-evasion', 'execution'] },
  T1619: { name: 'Cloud Storage Object Discovery', tactics: ['discovery'] },
  T1621: { name: 'Multi-Factor Authentication Request Generation', tactics: ['credential-access'] },
  T1651: { name: 'Cloud Administration Command', tactics: ['execution'] },
  T1657: { name: 'Financial Theft', tactics: ['impact'] },
};
