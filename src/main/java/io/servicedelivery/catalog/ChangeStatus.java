package io.servicedelivery.catalog;

/** Where a catalog change request stands. */
public enum ChangeStatus {
  PENDING_REVIEW,
  APPROVED,
  REJECTED
}
