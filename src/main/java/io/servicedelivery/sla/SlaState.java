package io.servicedelivery.sla;

/** How a request stands against its resolution SLA. */
public enum SlaState {
  /** open, with time to spare */
  ON_TRACK,
  /** open, and the warning threshold is passed */
  AT_RISK,
  /** open, and the resolution time has run out */
  BREACHED,
  /** open, and the clock stands still while the request waits for the customer */
  PAUSED,
  /** closed in time */
  MET,
  /** closed late */
  MISSED
}
