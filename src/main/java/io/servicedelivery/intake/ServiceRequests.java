package io.servicedelivery.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The requests that arrived through the API, found again by idempotency key or external reference. */
@Repository
class ServiceRequests {

  private final JdbcClient jdbc;

  ServiceRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the key or reference is taken */
  void insert(
      String requestId,
      Channel channel,
      String externalReference,
      String submittedBy,
      String idempotencyKey,
      String payloadHash,
      Instant submittedAt) {
    jdbc.sql(
            """
            insert into service_request (
              request_id, channel, external_reference, submitted_by, idempotency_key, payload_hash, submitted_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .param(requestId)
        .param(channel.name())
        .param(externalReference)
        .param(submittedBy)
        .param(idempotencyKey)
        .param(payloadHash)
        .param(Timestamp.from(submittedAt))
        .update();
  }

  /** The earlier request with the client's idempotency key, or else with the channel's external reference. */
  @Transactional(readOnly = true)
  Optional<StoredRequest> findEarlier(
      String submittedBy, String idempotencyKey, Channel channel, String externalReference) {
    Optional<StoredRequest> byKey =
        idempotencyKey == null
            ? Optional.empty()
            : select("where submitted_by = ? and idempotency_key = ?", submittedBy, idempotencyKey);
    if (byKey.isPresent() || externalReference == null) {
      return byKey;
    }
    return select("where channel = ? and external_reference = ?", channel.name(), externalReference);
  }

  Optional<StoredRequest> find(String requestId) {
    return select("where request_id = ?", requestId);
  }

  private Optional<StoredRequest> select(String where, Object... params) {
    return jdbc.sql("select request_id, channel, external_reference, payload_hash, submitted_by from service_request " + where)
        .params(params)
        .query(
            (rs, row) ->
                new StoredRequest(
                    rs.getString("request_id"),
                    rs.getString("channel"),
                    rs.getString("external_reference"),
                    rs.getString("payload_hash"),
                    rs.getString("submitted_by")))
        .optional();
  }
}
