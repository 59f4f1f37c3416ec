import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../orchestrator/clock.js';
import { SingleFlight } from './single-flight.js';

describe('SingleFlight', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands every joiner the leader's output", async () => {
    const flights = new SingleFlight(systemClock);
    const flight = flights.lead('k', 'run', 'critic');
    expect(flights.find('k')).toBe(flight);
    const joined = [flights.join(flight, 1000), flights.join(flight, 1000)];
    flights.settle(flight, '{"score":0}');
    expect(await Promise.all(joined)).toEqual(['{"score":0}', '{"score":0}']);
    expect(flights.find('k')).toBeUndefined();
    expect(flights.stats()).toEqual({ joins: 2, shared: 2, fellThrough: 0, inFlight: 0 });
  });

  it('answers undefined to joiners of a failed execution', async () => {
    const flights = new SingleFlight(systemClock);
    const flight = flights.lead('k', 'run', 'critic');
    const joined = flights.join(flight, 1000);
    flights.settle(flight, undefined);
    expect(await joined).toBeUndefined();
    expect(flights.stats().fellThrough).toBe(1);
  });

  it('gives up on a joiner whose wait runs out, and settles only once', async () => {
    const flights = new SingleFlight(systemClock);
    const flight = flights.lead('k', 'run', 'critic');
    const patient = flights.join(flight, 5000);
    const hasty = flights.join(flight, 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(await hasty).toBeUndefined();
    flights.settle(flight, 'v');
    flights.settle(flight, undefined);
    expect(await patient).toBe('v');
    expect(flights.stats()).toEqual({ joins: 2, shared: 1, fellThrough: 1, inFlight: 0 });
  });

  it('keeps a newer execution of the same key when an older one settles', () => {
    const flights = new SingleFlight(systemClock);
    const old = flights.lead('k', 'run', 'critic');
    const newer = flights.lead('k', 'run', 'critic');
    flights.settle(old, undefined);
    expect(flights.find('k')).toBe(newer);
  });
});
