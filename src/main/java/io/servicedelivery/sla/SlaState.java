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
  MISSED;

  /**
   * The process variable that holds a request's state (its name), for Cockpit, the forms and Tasklist's "SLA at risk"
   * filter; the process service-delivery names it {@code ServiceDeliveryProcess.Variables.SLA_STATE}.
   */
  public static final String VARIABLE = "slaState";
}
