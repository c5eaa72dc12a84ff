// @vitest-environment jsdom
import './setup.js';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../engine/format/artifact.js';
import { ArtifactView } from '../../renderer/facilitator/ArtifactView.js';
import { bundledLibrary } from '../helpers/world.js';

// An artifact's data is a service's record (an object), log lines (a list of text) or a document
// (text). A document went through Object.entries and showed one line per character, as the
// bundled public-test-bucket INJ-01 did.

function shown(artifact: Artifact) {
  const { container } = render(<ArtifactView artifact={artifact} />);
  return container.querySelector('details.artifact') as HTMLElement;
}

describe('ArtifactView', () => {
  it('shows a document as its text, not one line per character', () => {
    const text = 'From: mobile-qa\nThe bucket is ours; the objects are test fixtures.';
    const view = shown({ kind: 'document', title: 'A note', data: text });
    expect(within(view).getByText('A note')).toBeInTheDocument();
    const body = view.querySelector('pre')!;
    expect(body.textContent).toBe(text);
    expect(view.querySelectorAll('li')).toHaveLength(0);
  });

  it('shows log lines as lines', () => {
    const view = shown({ kind: 'log-lines', title: 'Access log', data: ['GET /a 200', 'GET /b 403'] });
    expect(view.querySelector('pre')!.textContent).toBe('GET /a 200\nGET /b 403');
  });

  it("shows a service's record as its fields", () => {
    const view = shown({ kind: 'vpc-flow-log', title: 'Flow', data: { srcaddr: '10.0.0.5', dstaddr: '203.0.113.9', dstport: 443, action: 'ACCEPT' } });
    expect(within(view).getByText('srcaddr:')).toBeInTheDocument();
    expect(within(view).getByText('"10.0.0.5"')).toBeInTheDocument();
    expect(view.querySelectorAll('ul.json > li')).toHaveLength(4);
  });

  it('shows every artifact of the bundled public-test-bucket INJ-01 with a handful of lines at most', () => {
    const scenario = bundledLibrary().scenarios.get('public-test-bucket')!.scenario;
    const inject = scenario.injects.find((i) => i.id === 'INJ-01')!;
    expect(inject.artifacts.some((a) => typeof a.data === 'string')).toBe(true);
    for (const artifact of inject.artifacts) {
      const view = shown(artifact);
      expect(view.querySelectorAll('li').length, artifact.title).toBeLessThan(60);
      if (typeof artifact.data === 'string') expect(screen.getByText((_, node) => node?.tagName === 'PRE' && node.textContent === artifact.data)).toBeInTheDocument();
    }
  });
});
