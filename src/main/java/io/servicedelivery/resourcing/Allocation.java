package io.servicedelivery.resourcing;

/**
 * The result of an allocation attempt: the person now reserved for the request, or nobody, with the reason in
 * words a resource analyst can act on.
 */
public record Allocation(String userId, String note) {

  static Allocation of(String userId, String note) {
    return new Allocation(userId, note);
  }

  static Allocation none(String reason) {
    return new Allocation(null, reason);
  }

  public boolean allocated() {
    return userId != null;
  }
}
