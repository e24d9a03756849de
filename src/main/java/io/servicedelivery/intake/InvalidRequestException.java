package io.servicedelivery.intake;

import java.util.List;

/** The request cannot be accepted; the reasons are written for the requester. */
public class InvalidRequestException extends RuntimeException {

  private final List<String> reasons;

  public InvalidRequestException(List<String> reasons) {
    super(String.join(" ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
