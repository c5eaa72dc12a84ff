import { z } from 'zod';
import { bodyText, lineText, listOf, titleText } from './common.js';
import { COUNT_LIMITS, MAX_ARTIFACT_CHARS, TEXT_LIMITS } from './limits.js';

// Artifacts are shown to players as the real service would show them, so each kind checks
// the fields that service always has. Other fields pass through untouched.

const GUARDDUTY_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9&]+(\.[A-Za-z0-9]+)?(![A-Za-z0-9.]+)?$/;

const cloudTrailRecord = z.looseObject({
  eventVersion: z.string().optional(),
  eventTime: z.iso.datetime({ offset: true }),
  eventSource: z.string().regex(/\.amazonaws\.com$/, 'eventSource is a service host such as iam.amazonaws.com'),
  eventName: lineText,
  awsRegion: lineText,
  userIdentity: z.looseObject({ type: lineText }),
  sourceIPAddress: lineText,
  userAgent: lineText,
  requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
});

const guardDutyFinding = z.looseObject({
  type: z.string().regex(GUARDDUTY_TYPE, 'a GuardDuty finding type reads ThreatPurpose:ResourceType/ThreatFamily.DetectionMechanism!Artifact'),
  severity: z.number().min(0).max(10),
  title: lineText,
  region: lineText,
  accountId: z.string().regex(/^\d{12}$/, 'accountId is 12 digits'),
  resource: z.looseObject({ resourceType: lineText }),
  service: z.looseObject({ serviceName: z.literal('guardduty') }),
});

const azureActivityLog = z.looseObject({
  operationName: z.union([lineText, z.looseObject({ value: lineText })]),
  caller: lineText,
  eventTimestamp: z.iso.datetime({ offset: true }),
  resourceId: z.string().startsWith('/subscriptions/', 'resourceId starts with /subscriptions/'),
  status: z.union([lineText, z.looseObject({ value: lineText })]),
  level: lineText.optional(),
});

const defenderAlert = z.looseObject({
  alertDisplayName: lineText,
  alertType: lineText,
  severity: z.enum(['Informational', 'Low', 'Medium', 'High']),
  compromisedEntity: lineText,
  timeGeneratedUtc: z.iso.datetime({ offset: true }),
  intent: lineText.optional(),
});

const gcpAuditLog = z.looseObject({
  protoPayload: z.looseObject({
    '@type': z.literal('type.googleapis.com/google.cloud.audit.AuditLog'),
    serviceName: lineText,
    methodName: lineText,
    authenticationInfo: z.looseObject({ principalEmail: lineText }),
  }),
  resource: z.looseObject({ type: lineText }),
  timestamp: z.iso.datetime({ offset: true }),
  severity: lineText,
  logName: lineText,
});

const sccFinding = z.looseObject({
  name: z.string().startsWith('organizations/', 'an SCC finding name starts with organizations/'),
  category: lineText,
  state: z.enum(['ACTIVE', 'INACTIVE']),
  severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']),
  resourceName: lineText,
  eventTime: z.iso.datetime({ offset: true }),
  findingClass: lineText.optional(),
});

const sentinelIncident = z.looseObject({
  title: lineText,
  severity: z.enum(['Informational', 'Low', 'Medium', 'High']),
  status: lineText,
  createdTimeUtc: z.iso.datetime({ offset: true }),
});

const flowLog = z.looseObject({
  srcaddr: lineText,
  dstaddr: lineText,
  dstport: z.number().int(),
  action: lineText,
});

const withKind = <K extends string, T extends z.ZodType>(kind: K, data: T) =>
  z.strictObject({ kind: z.literal(kind), title: titleText, data });

export const artifactSchema = z.discriminatedUnion('kind', [
  withKind('cloudtrail-event', cloudTrailRecord),
  withKind('guardduty-finding', guardDutyFinding),
  withKind('azure-activity-log', azureActivityLog),
  withKind('defender-alert', defenderAlert),
  withKind('sentinel-incident', sentinelIncident),
  withKind('gcp-audit-log', gcpAuditLog),
  withKind('scc-finding', sccFinding),
  withKind('vpc-flow-log', flowLog),
  withKind('log-lines', listOf(z.string().max(TEXT_LIMITS.note), COUNT_LIMITS.logLines).min(1)),
  withKind('document', bodyText),
]).superRefine((artifact, ctx) => {
  // The services' records pass unknown fields through, so their size is bounded as a whole.
  const size = JSON.stringify(artifact.data).length;
  if (size > MAX_ARTIFACT_CHARS) {
    ctx.addIssue({ code: 'custom', path: ['data'], message: `is ${size.toLocaleString('en')} characters as JSON; an artifact's data is at most ${MAX_ARTIFACT_CHARS.toLocaleString('en')}` });
  }
});

export type Artifact = z.infer<typeof artifactSchema>;
export const ARTIFACT_KINDS = artifactSchema.options.map((option) => option.shape.kind.value);
