package io.servicedelivery.intake;

/** Impact (how much of the business is affected) or urgency (how soon it hurts), as the priority matrix knows them. */
public enum Level {
  HIGH,
  MEDIUM,
  LOW
}
