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

export function ArtifactView({ artifact }: { artifact: Artifact }) {
  return (
    <details className="artifact">
      <summary>{artifact.title} <span className="artifact-kind">{artifact.kind}</span></summary>
      <ul className="json">
        {Object.entries(artifact.data as Record<string, unknown>).map(([key, value]) => <JsonValue key={key} name={key} value={value} />)}
      </ul>
    </details>
  );
}
