import { describe, expect, it } from 'vitest';
import { Backpressure, MAX_CHANGES_IN_FLIGHT, MAX_TOTAL_BYTES, OutboundBudget } from '../../src/realtime/outbound.ts';
import { waitFor } from '../conformance/realtime-support.ts';

function reader() {
  const state = { paused: false, pauses: 0 };
  return {
    state,
    pause: () => {
      state.paused = true;
      state.pauses++;
    },
    resume: () => {
      state.paused = false;
    },
  };
}

describe('realtime replication backpressure', () => {
  it('pauses the reader above the in-flight limit and resumes it below half', async () => {
    const { state, ...control } = reader();
    const lines: string[] = [];
    const backpressure = new Backpressure(new OutboundBudget(), control, (line) => lines.push(line));
    for (let i = 0; i < MAX_CHANGES_IN_FLIGHT; i++) backpressure.started();
    expect(state.paused).toBe(false);
    backpressure.started();
    expect(state.paused).toBe(true);
    expect(lines[0]).toMatch(/replication reading paused: 8193 changes in flight/);
    for (let i = 0; i < MAX_CHANGES_IN_FLIGHT / 4; i++) backpressure.finished();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(state.paused).toBe(true);
    for (let i = 0; i < MAX_CHANGES_IN_FLIGHT / 2; i++) backpressure.finished();
    await waitFor(() => !state.paused, 2000, 'resumed');
    backpressure.stop();
  });

  it('pauses while the sockets hold more unsent bytes than the total limit, counting their drains', async () => {
    const { state, ...control } = reader();
    const budget = new OutboundBudget();
    const socket = { bytes: MAX_TOTAL_BYTES + 1, pendingBytes: () => socket.bytes };
    budget.report(socket, socket.bytes);
    const backpressure = new Backpressure(budget, control, () => undefined);
    backpressure.started();
    expect(state.paused).toBe(true);
    // The socket drains without writing again: only the recount sees it.
    socket.bytes = 0;
    await waitFor(() => !state.paused, 2000, 'resumed');
    expect(budget.total).toBe(0);
    budget.remove(socket);
    backpressure.stop();
  });
});
