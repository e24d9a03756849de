package io.servicedelivery.quality;

/** Why a CAPA was opened, or why a request was linked to one. */
public enum CapaTrigger {
  MAJOR_FINDING,
  REPEATED_FAILURE,
  MANUAL
}
