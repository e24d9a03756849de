package io.servicedelivery.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The idempotency key or external reference belongs to an earlier request with different content: 422, as the
 * IETF draft on the Idempotency-Key header asks.
 */
public class IdempotencyKeyReusedException extends ErrorResponseException {

  public IdempotencyKeyReusedException(String existingRequestId) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(existingRequestId), null);
  }

  private static ProblemDetail problem(String existingRequestId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "The idempotency key or external reference was used for request " + existingRequestId
                + " with different content. Use a new key for a new request.");
    problem.setTitle("Idempotency key reused");
    problem.setProperty("requestId", existingRequestId);
    return problem;
  }
}
