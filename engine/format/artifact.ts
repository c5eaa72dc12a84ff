import { z } from 'zod';
import { textSchema } from './common.js';

// Artifacts are shown to players as the real service would show them, so each kind checks
// the fields that service always has. Other fields pass through untouched.

const GUARDDUTY_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9&]+(\.[A-Za-z0-9]+)?(![A-Za-z0-9.]+)?$/;

const cloudTrailRecord = z.looseObject({
  eventVersion: z.string().optional(),
  eventTime: z.iso.datetime({ offset: true }),
  eventSource: z.string().regex(/\.amazonaws\.com$/, 'eventSource is a service host such as iam.amazonaws.com'),
  eventName: textSchema,
  awsRegion: textSchema,
  userIdentity: z.looseObject({ type: textSchema }),
  sourceIPAddress: textSchema,
  userAgent: textSchema,
  requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
});

const guardDutyFinding = z.looseObject({
  type: z.string().regex(GUARDDUTY_TYPE, 'a GuardDuty finding type reads ThreatPurpose:ResourceType/ThreatFamily.DetectionMechanism!Artifact'),
  severity: z.number().min(0).max(10),
  title: textSchema,
  region: textSchema,
  accountId: z.string().regex(/^\d{12}$/, 'accountId is 12 digits'),
  resource: z.looseObject({ resourceType: textSchema }),
  service: z.looseObject({ serviceName: z.literal('guardduty') }),
});

const azureActivityLog = z.looseObject({
  operationName: z.union([textSchema, z.looseObject({ value: textSchema })]),
  caller: textSchema,
  eventTimestamp: z.iso.datetime({ offset: true }),
  resourceId: z.string().startsWith('/subscriptions/', 'resourceId starts with /subscriptions/'),
  status: z.union([textSchema, z.looseObject({ value: textSchema })]),
  level: textSchema.optional(),
});

const defenderAlert = z.looseObject({
  alertDisplayName: textSchema,
  alertType: textSchema,
  severity: z.enum(['Informational', 'Low', 'Medium', 'High']),
  compromisedEntity: textSchema,
  timeGeneratedUtc: z.iso.datetime({ offset: true }),
  intent: textSchema.optional(),
});

const gcpAuditLog = z.looseObject({
  protoPayload: z.looseObject({
    '@type': z.literal('type.googleapis.com/google.cloud.audit.AuditLog'),
    serviceName: textSchema,
    methodName: textSchema,
    authenticationInfo: z.looseObject({ principalEmail: textSchema }),
  }),
  resource: z.looseObject({ type: textSchema }),
  timestamp: z.iso.datetime({ offset: true }),
  severity: textSchema,
  logName: textSchema,
});

const sccFinding = z.looseObject({
  name: z.string().startsWith('organizations/', 'an SCC finding name starts with organizations/'),
  category: textSchema,
  state: z.enum(['ACTIVE', 'INACTIVE']),
  severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']),
  resourceName: textSchema,
  eventTime: z.iso.datetime({ offset: true }),
  findingClass: textSchema.optional(),
});

const sentinelIncident = z.looseObject({
  title: textSchema,
  severity: z.enum(['Informational', 'Low', 'Medium', 'High']),
  status: textSchema,
  createdTimeUtc: z.iso.datetime({ offset: true }),
});

const flowLog = z.looseObject({
  srcaddr: textSchema,
  dstaddr: textSchema,
  dstport: z.number().int(),
  action: textSchema,
});

const withKind = <K extends string, T extends z.ZodType>(kind: K, data: T) =>
  z.strictObject({ kind: z.literal(kind), title: textSchema, data });

export const artifactSchema = z.discriminatedUnion('kind', [
  withKind('cloudtrail-event', cloudTrailRecord),
  withKind('guardduty-finding', guardDutyFinding),
  withKind('azure-activity-log', azureActivityLog),
  withKind('defender-alert', defenderAlert),
  withKind('sentinel-incident', sentinelIncident),
  withKind('gcp-audit-log', gcpAuditLog),
  withKind('scc-finding', sccFinding),
  withKind('vpc-flow-log', flowLog),
  withKind('log-lines', z.array(z.string()).min(1)),
  withKind('document', textSchema),
]);

export type Artifact = z.infer<typeof artifactSchema>;
export const ARTIFACT_KINDS = artifactSchema.options.map((option) => option.shape.kind.value);
