package io.servicedelivery.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review rounds of the requests: each opened with the results of the automated checks and decided by the QA
 * lead's verdict and findings.
 */
@Service
public class QualityReviews {

  private final AutomatedQualityChecks checks;
  private final JdbcClient jdbc;
  private final Clock clock;

  public QualityReviews(AutomatedQualityChecks checks, JdbcClient jdbc, Clock clock) {
    this.checks = checks;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Runs the automated checks on what was delivered and keeps their results as a new round of the request. */
  @Transactional
  public ReviewRound startRound(String requestId, QualityEvidence evidence) {
    QualityCheckReport report = checks.run(evidence);
    int round = openRound(requestId, report);
    return new ReviewRound(round, report, findingsBefore(requestId, round));
  }

  private int openRound(String requestId, QualityCheckReport report) {
    int round =
        jdbc.sql("select coalesce(max(review_round), 0) + 1 from quality_review where request_id = ?")
            .param(requestId)
            .query(Integer.class)
            .single();
    jdbc.sql("insert into quality_review (request_id, review_round, started_at) values (?, ?, ?)")
        .params(requestId, round, Timestamp.from(clock.instant()))
        .update();
    for (int position = 1; position <= report.results().size(); position++) {
      QualityCheckResult result = report.results().get(position - 1);
      jdbc.sql(
              """
              insert into quality_check_result (request_id, review_round, position, check_name, result, reason)
              values (?, ?, ?, ?, ?, ?)""")
          .params(requestId, round, position, result.check(), result.outcome().name(), result.reason())
          .update();
    }
    return round;
  }

  /**
   * Records the verdict of the round.
   *
   * @return why the failure calls for a CAPA, if it does: a major or critical finding, or the second failed round
   */
  @Transactional
  public Optional<CapaTrigger> decide(String requestId, int round, QualityVerdict verdict, String reviewer) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            update quality_review set verdict = ?, reviewed_by = ?, reviewed_at = ?
            where request_id = ? and review_round = ?""")
        .params(verdict.passed() ? "PASSED" : "FAILED", reviewer, now, requestId, round)
        .update();
    for (String finding : verdict.findings()) {
      jdbc.sql(
              """
              insert into quality_finding (request_id, review_round, severity, description, found_by, found_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(requestId, round, verdict.severity().name(), finding, reviewer, now)
          .update();
    }
    if (verdict.passed()) {
      return Optional.empty();
    }
    if (verdict.severity().callsForCapa()) {
      return Optional.of(CapaTrigger.MAJOR_FINDING);
    }
    return failedRounds(requestId) >= 2 ? Optional.of(CapaTrigger.REPEATED_FAILURE) : Optional.empty();
  }

  public int failedRounds(String requestId) {
    return jdbc.sql("select count(*) from quality_review where request_id = ? and verdict = 'FAILED'")
        .param(requestId)
        .query(Integer.class)
        .single();
  }

  /**
   * The findings of the rounds before {@code round}, one a line with the severity's label, such as "Round 1, Major:
   * Wrong licence", or "".
   */
  String findingsBefore(String requestId, int round) {
    return findings(requestId, round).stream().collect(Collectors.joining("\n"));
  }

  private List<String> findings(String requestId, int round) {
    return jdbc.sql(
            """
            select review_round, severity, description from quality_finding
            where request_id = ? and review_round < ? order by review_round, id""")
        .params(requestId, round)
        .query(
            (rs, row) ->
                "Round " + rs.getInt(1) + ", " + FindingSeverity.valueOf(rs.getString(2)).label() + ": "
                    + rs.getString(3))
        .list();
  }
}
