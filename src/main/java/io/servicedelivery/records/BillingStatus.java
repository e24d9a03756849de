package io.servicedelivery.records;

/** Whether a record has been handed to billing: only delivered requests are billed, each once. */
public enum BillingStatus {
  NOT_BILLABLE,
  UNBILLED,
  EXPORTED
}
