package io.servicedelivery.resourcing;

import java.util.Optional;

/** A person of the pool who has the required skill, with their level, load and whether they are there. */
record Candidate(
    String userId,
    String name,
    int skillLevel, int capacity, int openReservations, boolean available, boolean absent) {

  boolean hasFreeCapacity() {
    return openReservations < capacity;
  }

  /** @return why the person cannot take the request, or empty when they can */
  Optional<String> unfitReason(int minimumLevel) {
    if (!available) {
      return Optional.of("not available");
    }
    if (absent) {
      return Optional.of("absent during the planned window");
    }
    if (skillLevel < minimumLevel) {
      return Optional.of("level " + skillLevel + ", needs " + minimumLevel);
    }
    if (!hasFreeCapacity()) {
      return Optional.of(openReservations + "/" + capacity + " busy");
    }
    return Optional.empty();
  }

  /** The person by name, as people read them in the allocation note, and why they cannot take the request. */
  String describe(int minimumLevel) {
    return name + " (" + unfitReason(minimumLevel).orElse(openReservations + "/" + capacity + " busy") + ")";
  }
}
