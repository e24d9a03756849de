package io.servicedelivery.intake;

import java.time.Instant;

/** A customer an API client serves, who bound them and when. */
record ApiClientCustomer(String customerId, String boundBy, Instant boundAt) {}
