package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The idempotency key or external reference belongs to an earlier request with different content: 422, as the
 * IETF draft on the Idempotency-Key header asks.
 */
public class IdempotencyKeyReusedException extends ApiProblem {

  private IdempotencyKeyReusedException(String detail, Map<String, Object> properties) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", detail, properties);
  }

  /** The external reference belongs to a request another caller submitted, which this caller must not learn about. */
  static IdempotencyKeyReusedException byAnotherCaller() {
    return new IdempotencyKeyReusedException(
        "The external reference was used for another request. Use a new reference for a new request.", Map.of());
  }

  public IdempotencyKeyReusedException(String existingRequestId) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "Idempotency key reused",
        "The idempotency key or external reference was used for request " + existingRequestId
            + " with different content. Use a new key for a new request.",
        Map.of("requestId", existingRequestId));
  }
}
