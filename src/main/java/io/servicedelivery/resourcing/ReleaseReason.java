package io.servicedelivery.resourcing;

/** Why a reservation ended. */
public enum ReleaseReason {
  /** the service was delivered */
  COMPLETED,
  /** the request was cancelled or abandoned */
  CANCELLED,
  /** the person became absent and the request went to somebody else (or back to the resource analysts) */
  REASSIGNED
}
