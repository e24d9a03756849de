package io.servicedelivery.records;

import io.servicedelivery.sla.SlaState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which records a list shows; a null field (an empty list of words) does not filter.
 *
 * @param words every one of them must occur, in any case, in the request id, the title, the description, the
 *     external reference or a note of the request (for a customer, a note meant for the customer); see {@link #words}
 * @param externalReference the caller's own reference, exactly
 * @param receivedFrom received at or after
 * @param receivedTo received before
 * @param assignee the user id of the staff member the request is allocated to (or was, when it closed)
 * @param requesterEmail the requester's e-mail address, in any case
 * @param slaState where the request stands against its resolution SLA, as the list shows it
 */
public record RecordFilter(
    CustomerEvent status,
    String serviceCode,
    String customerId,
    List<String> words,
    String externalReference,
    Instant receivedFrom,
    Instant receivedTo,
    String assignee,
    String requesterEmail,
    SlaState slaState) {

  public RecordFilter {
    words = words == null ? List.of() : List.copyOf(words);
  }

  public RecordFilter(CustomerEvent status, String serviceCode, String customerId) {
    this(status, serviceCode, customerId, List.of(), null, null, null, null, null, null);
  }

  /** @return the words of a search text: split at white space, in lower case; none for null or blank text */
  public static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.trim().split("\\s+")).map(word -> word.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /**
   * Whether the SLA state asked for depends on the clock and the request's business calendar (on track, at risk, or
   * breached before the breach was flagged), so that the database alone cannot tell it: {@link RecordSearch#candidates}
   * then gives the records that may be in it.
   */
  public boolean slaStateNeedsClock() {
    return slaState == SlaState.ON_TRACK || slaState == SlaState.AT_RISK || slaState == SlaState.BREACHED;
  }
}
