package io.servicedelivery.quality;

import java.time.Instant;
import java.util.List;

/** A CAPA with everything it went through: the linked requests, the root cause, each plan, each escalation. */
public record CapaView(
    String id,
    String title,
    String serviceCode,
    String problem,
    CapaTrigger trigger,
    String status,
    String openedBy,
    Instant openedAt,
    Instant dueAt,
    String causeCategory,
    String rootCause,
    Instant closedAt,
    List<LinkedRequest> requests,
    List<ActionPlan> actionPlans,
    List<Escalation> escalations) {

  /** A request the CAPA concerns; the review round is absent for a request a QA lead named when opening it. */
  public record LinkedRequest(String requestId, Integer reviewRound, CapaTrigger trigger, Instant linkedAt) {}

  public record ActionPlan(
      int revision,
      String actions,
      String actionOwner,
      Instant dueAt,
      String implementationNote,
      Instant implementedAt,
      Boolean effective,
      String verificationNote,
      Instant verifiedAt) {}

  public record Escalation(String kind, Instant dueAt, Instant escalatedAt) {}
}
