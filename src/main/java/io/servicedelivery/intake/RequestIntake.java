package io.servicedelivery.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.sla.Priority;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a submitted request into exactly one stored request with one running process, also when the caller
 * retries or sends the same request many times at once: the idempotency key (per client) and the external
 * reference (per channel) are unique in the database, so the loser of a race finds the winner's request.
 *
 * <p>Cancelling, answering and re-prioritising run no transaction of their own around the engine call: the engine's
 * command is the transaction, so that a call that lost a race with a job of the request is run again by the engine
 * (engine/ConcurrentUpdateRetries) instead of failing in a transaction that is already lost. The reads before and
 * after take one connection each, one after the other.
 */
@Service
public class RequestIntake {

  private final RequestValidation validation;
  private final ServiceRequests requests;
  private final ServiceDeliveryRecords records;
  private final CustomerViews views;
  private final RequestProcess process;
  private final TransactionTemplate transaction;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  RequestIntake(
      RequestValidation validation,
      ServiceRequests requests,
      ServiceDeliveryRecords records,
      CustomerViews views,
      RequestProcess process,
      TransactionTemplate transaction,
      ObjectMapper objectMapper,
      Clock clock) {
    this.validation = validation;
    this.requests = requests;
    this.records = records;
    this.views = views;
    this.process = process;
    this.transaction = transaction;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /**
   * @param client the authenticated caller; idempotency keys are unique per caller
   * @throws CatalogViolationException when the catalog does not offer the service or request type
   * @throws IdempotencyKeyReusedException when the key or reference belongs to a different request
   */
  public Submission submit(NewServiceRequest request, String client, String idempotencyKey) {
    String hash = hash(request);
    Optional<StoredRequest> earlier =
        requests.findEarlier(client, idempotencyKey, request.channel(), request.externalReference());
    if (earlier.isPresent()) {
      return replay(earlier.get(), client, hash);
    }
    int catalogVersion = validation.acceptedCatalogVersion(request.serviceCode(), request.requestType());
    try {
      String requestId =
          transaction.execute(status -> store(request, catalogVersion, client, idempotencyKey, hash));
      return new Submission(views.get(requestId), true);
    } catch (DuplicateKeyException concurrentDuplicate) {
      StoredRequest winner =
          requests
              .findEarlier(client, idempotencyKey, request.channel(), request.externalReference())
              .orElseThrow(() -> concurrentDuplicate);
      return replay(winner, client, hash);
    }
  }

  /**
   * Cancels an open request on the customer's behalf.
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when the request is already closed, rejected or cancelled, or completed and
   *     waiting for the customer's confirmation (then the customer confirms or objects instead)
   */
  public ServiceRequestView cancel(Viewer caller, String requestId, String reason) {
    ServiceDeliveryRecord record =
        records.find(requestId, caller).orElseThrow(() -> new RequestNotFoundException(requestId));
    if (record.outcome() != RequestOutcome.OPEN) {
      throw notOpen(requestId, record.outcome());
    }
    if (record.awaitsConfirmation()) {
      throw new RequestConflictException(
          requestId,
          "Request " + requestId + " is already completed and waits for the customer's confirmation: confirm it,"
              + " or object to it to have it reopened.");
    }
    try {
      process.cancel(record.processInstanceId(), reason);
    } catch (MismatchingMessageCorrelationException finishedMeanwhile) {
      throw notOpen(requestId, records.get(requestId).outcome());
    }
    return views.get(requestId);
  }

  /**
   * Hands the customer's answer to the staff member, who asked for it.
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when nobody is waiting for an answer
   */
  public ServiceRequestView respond(Viewer caller, String requestId, String answer) {
    ServiceDeliveryRecord record =
        records.find(requestId, caller).orElseThrow(() -> new RequestNotFoundException(requestId));
    try {
      process.answer(record.processInstanceId(), answer);
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new RequestConflictException(
          requestId, "Request " + requestId + " is not waiting for information from the customer.");
    }
    return views.get(requestId);
  }

  /**
   * The customer confirms the completed delivery: the request closes.
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when the request is not completed and waiting for the customer's confirmation
   */
  public ServiceRequestView confirm(Viewer caller, String requestId) {
    ServiceDeliveryRecord record =
        records.find(requestId, caller).orElseThrow(() -> new RequestNotFoundException(requestId));
    try {
      process.confirm(record.processInstanceId());
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw notAwaitingConfirmation(requestId);
    }
    return views.get(requestId);
  }

  /**
   * The customer objects to the completed delivery: the request is reopened as rework, with the customer's words.
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when the request is not completed and waiting for the customer's confirmation
   */
  public ServiceRequestView object(Viewer caller, String requestId, String objection) {
    ServiceDeliveryRecord record =
        records.find(requestId, caller).orElseThrow(() -> new RequestNotFoundException(requestId));
    try {
      process.reopen(record.processInstanceId(), objection);
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw notAwaitingConfirmation(requestId);
    }
    return views.get(requestId);
  }

  /**
   * Gives an open request another priority: the process recomputes its SLA and moves its timers (the event
   * subprocess "Priority change" reacts to the variable).
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see ({@link Viewer})
   * @throws RequestConflictException when the request is already closed, rejected or cancelled
   */
  public ServiceRequestView changePriority(Viewer caller, String requestId, Priority priority, String reason) {
    ServiceDeliveryRecord record =
        records.find(requestId, caller).orElseThrow(() -> new RequestNotFoundException(requestId));
    if (record.outcome() != RequestOutcome.OPEN) {
      throw notOpen(requestId, record.outcome());
    }
    process.changePriority(record.processInstanceId(), priority, reason);
    return views.get(requestId);
  }

  /** The row and the process start commit together: no request without a process, no process without a request. */
  private String store(
      NewServiceRequest request, int catalogVersion, String client, String idempotencyKey, String hash) {
    String requestId = records.nextRequestId();
    requests.insert(
        requestId, request.channel(), request.externalReference(), client, idempotencyKey, hash, clock.instant());
    process.start(requestId, request, catalogVersion);
    return requestId;
  }

  /**
   * Only the caller who submitted the earlier request gets it again: another client's request with the same external
   * reference is refused without naming it, as if it did not exist for the caller.
   */
  private Submission replay(StoredRequest earlier, String client, String hash) {
    if (!earlier.submittedBy().equals(client)) {
      throw IdempotencyKeyReusedException.byAnotherCaller();
    }
    if (!earlier.payloadHash().equals(hash)) {
      throw new IdempotencyKeyReusedException(earlier.requestId());
    }
    return new Submission(views.get(earlier.requestId()), false);
  }


  private String hash(NewServiceRequest request) {
    try {
      byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }

  private static RequestConflictException notAwaitingConfirmation(String requestId) {
    return new RequestConflictException(
        requestId, "Request " + requestId + " is not completed and waiting for the customer's confirmation.");
  }

  private static RequestConflictException notOpen(String requestId, RequestOutcome outcome) {
    return new RequestConflictException(
        requestId, "Request " + requestId + " is already " + outcome.name().toLowerCase() + ".");
  }
}
