package io.servicedelivery.intake;

import io.servicedelivery.records.CustomerFeedback;
import io.servicedelivery.records.CustomerFeedbacks;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.Viewer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer rates a delivered request once (CSAT): from its completion on, while it waits for the customer's
 * confirmation, or after it was closed.
 */
@Service
class CustomerRatings {

  private final ServiceDeliveryRecords records;
  private final CustomerFeedbacks feedbacks;

  CustomerRatings(ServiceDeliveryRecords records, CustomerFeedbacks feedbacks) {
    this.records = records;
    this.feedbacks = feedbacks;
  }

  /**
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when the request is still being worked on, was not delivered, or has been rated
   *     already
   */
  @Transactional
  CustomerFeedback rate(String requestId, NewFeedback feedback, Viewer ratedBy) {
    ServiceDeliveryRecord record =
        records.find(requestId, ratedBy).orElseThrow(() -> new RequestNotFoundException(requestId));
    if (record.outcome() == RequestOutcome.OPEN && !record.awaitsConfirmation()) {
      throw new RequestConflictException(
          requestId, "Request " + requestId + " is not completed yet; it can be rated once it has been delivered.");
    }
    if (record.outcome() != RequestOutcome.CLOSED && record.outcome() != RequestOutcome.OPEN) {
      throw new RequestConflictException(
          requestId,
          "Request " + requestId + " was " + record.outcome().name().toLowerCase()
              + ", not delivered; only delivered requests are rated.");
    }
    try {
      return feedbacks.give(requestId, feedback.rating(), feedback.comment(), ratedBy.userId());
    } catch (DuplicateKeyException ratedBefore) {
      throw new RequestConflictException(requestId, "Request " + requestId + " has been rated already.");
    }
  }
}
