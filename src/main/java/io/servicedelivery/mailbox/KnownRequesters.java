package io.servicedelivery.mailbox;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who asked for something before: the requester of the newest request with the sender's address, read from the
 * service delivery records (a read of the records' table, like notification/NotificationCounts).
 */
@Repository
class KnownRequesters {

  /** The name, customer and time zone the sender gave with their newest request. */
  record KnownRequester(String name, String customerId, String timeZone) {}

  private final JdbcClient jdbc;

  KnownRequesters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<KnownRequester> find(String email) {
    return jdbc.sql(
            """
            select requester_name, customer_id, requester_time_zone from service_delivery_record
            where lower(requester_email) = ? order by received_at desc, request_id desc fetch first 1 rows only""")
        .param(email)
        .query(
            (rs, row) ->
                new KnownRequester(
                    rs.getString("requester_name"), rs.getString("customer_id"), rs.getString("requester_time_zone")))
        .optional();
  }
}
