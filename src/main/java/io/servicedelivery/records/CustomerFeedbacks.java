package io.servicedelivery.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The customers' ratings (CSAT), one per request. */
@Service
public class CustomerFeedbacks {

  private final JdbcClient jdbc;
  private final Clock clock;

  public CustomerFeedbacks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the rating of the request.
   *
   * @throws DuplicateKeyException when the request has been rated already, also by a rating given at the same time
   */
  public CustomerFeedback give(String requestId, int rating, String comment, String ratedBy) {
    CustomerFeedback feedback = new CustomerFeedback(rating, comment, clock.instant(), ratedBy);
    jdbc.sql("insert into customer_feedback (request_id, rating, comment, rated_at, rated_by) values (?, ?, ?, ?, ?)")
        .param(requestId)
        .param(feedback.rating())
        .param(feedback.comment())
        .param(Timestamp.from(feedback.ratedAt()))
        .param(feedback.ratedBy())
        .update();
    return feedback;
  }

  public Optional<CustomerFeedback> of(String requestId) {
    return jdbc.sql("select * from customer_feedback where request_id = ?")
        .param(requestId)
        .query(
            (rs, row) ->
                new CustomerFeedback(
                    rs.getInt("rating"),
                    rs.getString("comment"),
                    rs.getTimestamp("rated_at").toInstant(),
                    rs.getString("rated_by")))
        .optional();
  }
}
