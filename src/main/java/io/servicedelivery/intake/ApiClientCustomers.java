package io.servicedelivery.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which customers an API client serves ({@code api_client_customer}): the client sees and acts on their requests as
 * on those it submitted itself (see {@link io.servicedelivery.records.Viewer}).
 */
@Repository
class ApiClientCustomers {

  private final JdbcClient jdbc;
  private final Clock clock;

  ApiClientCustomers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Binds the client to the customer; binding again (also at the same time) changes nothing. */
  void bind(String clientId, String customerId, String boundBy) {
    try {
      jdbc.sql("insert into api_client_customer (client_id, customer_id, bound_by, bound_at) values (?, ?, ?, ?)")
          .param(clientId)
          .param(customerId)
          .param(boundBy)
          .param(Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException boundBefore) {
      // bound already: the first binding stays, with who made it and when
    }
  }

  /** @return whether there was a binding to remove */
  boolean unbind(String clientId, String customerId) {
    return jdbc.sql("delete from api_client_customer where client_id = ? and customer_id = ?")
            .param(clientId)
            .param(customerId)
            .update()
        > 0;
  }

  List<ApiClientCustomer> of(String clientId) {
    return jdbc.sql(
            """
            select customer_id, bound_by, bound_at from api_client_customer where client_id = ?
            order by customer_id""")
        .param(clientId)
        .query(
            (rs, row) ->
                new ApiClientCustomer(
                    rs.getString("customer_id"), rs.getString("bound_by"), rs.getTimestamp("bound_at").toInstant()))
        .list();
  }
}
