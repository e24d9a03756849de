package io.servicedelivery.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One service request as a trace of the event log ({@link EventLog}): what its record says about it, and its steps as
 * events in the order they happened.
 *
 * @param slaOutcome {@code met}, {@code breached}, {@code open} or {@code none}: see {@link #slaOutcomeOf}
 * @param cost the delivery's cost once it is known, in {@code currency}
 */
public record EventLogTrace(
    String requestId,
    String processInstanceId,
    Instant receivedAt,
    String serviceCode,
    String serviceName,
    String requestType,
    String priority,
    String customerId,
    String channel,
    RequestOutcome outcome,
    ClosedBy closedBy,
    Instant closedAt,
    String slaOutcome,
    Boolean responseMet,
    int reworks,
    int reopenings,
    BigDecimal cost,
    String currency,
    List<EventLogEvent> events) {

  public EventLogTrace {
    events = List.copyOf(events);
  }

  EventLogTrace withEvents(List<EventLogEvent> newEvents) {
    return new EventLogTrace(requestId, processInstanceId, receivedAt, serviceCode, serviceName, requestType,
        priority, customerId, channel, outcome, closedBy, closedAt, slaOutcome, responseMet, reworks, reopenings,
        cost, currency, newEvents);
  }

  /**
   * The resolution SLA as the record stands: {@code breached} once the breach was flagged or the resolution came too
   * late; {@code met} when the request was resolved in time; else {@code open} while the request is open and
   * {@code none} for a request that ended without a resolution (rejected, cancelled, closed unanswered) before its
   * due time.
   */
  static String slaOutcomeOf(
      RequestOutcome outcome, Boolean resolutionMet, Instant slaBreachedAt) {
    if (slaBreachedAt != null || Boolean.FALSE.equals(resolutionMet)) {
      return "breached";
    }
    if (Boolean.TRUE.equals(resolutionMet)) {
      return "met";
    }
    return outcome == RequestOutcome.OPEN ? "open" : "none";
  }
}
