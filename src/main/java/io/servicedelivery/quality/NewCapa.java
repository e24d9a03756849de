package io.servicedelivery.quality;

/**
 * A CAPA to open: from a failed review (request and round given) or by a QA lead, who may name a service and a
 * request it concerns.
 */
public record NewCapa(
    String title,
    String problem,
    String serviceCode,
    String requestId,
    Integer reviewRound,
    CapaTrigger trigger,
    String openedBy,
    String processInstanceId) {}
