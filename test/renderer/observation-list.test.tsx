// @vitest-environment jsdom
import './setup.js';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ObservationView } from '../../engine/protocol/index.js';
import { ObservationList } from '../../renderer/facilitator/ObservationList.js';
import { bundledLibrary } from '../helpers/world.js';

const scenario = bundledLibrary().scenarios.get('public-test-bucket')!.scenario;
const observation = (seq: number): ObservationView => ({ seq, at: seq * 1000, by: 'facilitator', text: `observation ${seq}`, tag: 'note', objective: null, inject: null });

describe('the observations noted', () => {
  it('counts every observation of the session and says when only the newest are shown', () => {
    render(<ObservationList observations={[observation(251), observation(252)]} count={252} scenario={scenario} />);
    expect(screen.getByRole('heading', { name: 'Observations noted (252)' })).toBeInTheDocument();
    expect(screen.getByText('The newest 2 are shown here; the debrief and the after-action report have all 252.')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.querySelector('p')!.textContent)).toEqual(['observation 252', 'observation 251']);
  });

  it('says nothing more when the view holds them all', () => {
    render(<ObservationList observations={[observation(1)]} count={1} scenario={scenario} />);
    expect(screen.getByRole('heading', { name: 'Observations noted (1)' })).toBeInTheDocument();
    expect(screen.queryByText(/The newest/)).toBeNull();
  });
});
