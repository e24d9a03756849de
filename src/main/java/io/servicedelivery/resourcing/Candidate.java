package io.servicedelivery.resourcing;

/** A person of the pool who has the required skill, with their current load. */
record Candidate(String userId, boolean available, int capacity, int openReservations) {

  boolean hasFreeCapacity() {
    return openReservations < capacity;
  }

  String describe() {
    return userId + (available ? " (" + openReservations + "/" + capacity + " busy)" : " (not available)");
  }
}
