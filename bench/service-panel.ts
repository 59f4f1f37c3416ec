/** The I/O-bound panel of the service benchmarks (shared by the load generator and the server). */

/** Simulated I/O time of each critic (an external check's round trip), in ms. */
export const IO_CRITIC_MS = 20;
export const IO_CRITICS = 10;
