package io.servicedelivery.conversation;

/** Who reads a note or an attachment. */
public enum Visibility {
  /** the customer (in the customer's view) and the staff */
  CUSTOMER,
  /** the staff only */
  INTERNAL
}
