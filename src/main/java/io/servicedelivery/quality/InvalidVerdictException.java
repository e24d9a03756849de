package io.servicedelivery.quality;

/** A verdict the QA lead cannot submit as it is; the message says what to fix and appears in Tasklist. */
public class InvalidVerdictException extends RuntimeException {

  public InvalidVerdictException(String message) {
    super(message);
  }
}
