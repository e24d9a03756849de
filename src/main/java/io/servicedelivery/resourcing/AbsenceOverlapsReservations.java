package io.servicedelivery.resourcing;

import java.util.List;

/** A person became absent during the planned window of requests reserved for them, oldest first. */
public record AbsenceOverlapsReservations(String userId, List<String> requestIds) {}
