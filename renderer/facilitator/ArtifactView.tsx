import type { Artifact } from '../../engine/format/artifact.js';

/** One JSON value as nested, collapsible lists: readable on a projector, unlike a raw dump. */
function JsonValue({ value, name }: { value: unknown; name?: string }) {
  const label = name === undefined ? null : <span className="json-key">{name}: </span>;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    return (
      <li>
        <details open={entries.length <= 8}>
          <summary>{label}{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</summary>
          <ul className="json">{entries.map(([key, item]) => <JsonValue key={key} name={key} value={item} />)}</ul>
        </details>
      </li>
    );
  }
  return <li>{label}<span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span></li>;
}

/** Text kept as written (aligned columns stay aligned), wrapped to the panel, like the records beside it. */
const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace", fontSize: '.8rem', margin: '.3rem 0 .3rem 1rem' } as const;

/** The artifact's content as its kind holds it: a document's text, log lines, or a service's record. */
function ArtifactData({ data }: { data: unknown }) {
  // Object.entries on a document's text gave one line per character.
  if (typeof data === 'string') return <pre style={TEXT_STYLE}>{data}</pre>;
  if (Array.isArray(data) && data.every((line) => typeof line === 'string')) return <pre style={TEXT_STYLE}>{data.join('\n')}</pre>;
  return <ul className="json">{Object.entries(data as Record<string, unknown>).map(([key, value]) => <JsonValue key={key} name={key} value={value} />)}</ul>;
}

export function ArtifactView({ artifact }: { artifact: Artifact }) {
  return (
    <details className="artifact">
      <summary>{artifact.title} <span className="artifact-kind">{artifact.kind}</span></summary>
      <ArtifactData data={artifact.data} />
    </details>
  );
}
