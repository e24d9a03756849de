package io.servicedelivery.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The conversation about a request (table {@code request_note}): comments the customer reads, internal work notes,
 * the staff's progress reports, the questions asked of the customer and their answers. Kept outside the process
 * variables, so that it outlives the request's process and the record, the customer's view, the search and the
 * mailbox read the same notes.
 */
@Service
public class RequestNotes {

  private final JdbcClient jdbc;
  private final Clock clock;

  public RequestNotes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds a note to the request, in the caller's transaction if there is one, and returns it as stored. */
  public Note add(
      String requestId, NoteKind kind, Visibility visibility, NoteSource source, String author, String body) {
    Note note = new Note(0, requestId, kind, visibility, source, author, body, clock.instant());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into request_note (request_id, kind, visibility, source, author, body, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .param(requestId)
        .param(kind.name())
        .param(visibility.name())
        .param(source.name())
        .param(author)
        .param(body)
        .param(Timestamp.from(note.createdAt()))
        .update(key, "id");
    return new Note(
        key.getKey().longValue(), requestId, kind, visibility, source, author, body, note.createdAt());
  }

  /**
   * Keeps a staff member's progress report of one round of work on the request as an internal work-log entry.
   *
   * @param status the progress status they reported, e.g. DONE
   * @param effortHours the hours they booked for the round, as they entered them
   */
  public Note workLog(String requestId, String author, String status, Object effortHours, String report) {
    String heading = "Progress: " + status + (effortHours == null ? "" : ", effort " + effortHours + " h");
    return add(
        requestId, NoteKind.WORK_LOG, Visibility.INTERNAL, NoteSource.TASKLIST, author, heading + "\n" + report);
  }

  /** Every note on the request, oldest first. */
  public List<Note> of(String requestId) {
    return jdbc.sql("select * from request_note where request_id = ? order by id")
        .param(requestId)
        .query(RequestNotes::note)
        .list();
  }

  /** The notes on the request that the customer reads, oldest first. */
  public List<Note> forCustomer(String requestId) {
    return jdbc.sql("select * from request_note where request_id = ? and visibility = ? order by id")
        .param(requestId)
        .param(Visibility.CUSTOMER.name())
        .query(RequestNotes::note)
        .list();
  }

  private static Note note(ResultSet rs, int row) throws SQLException {
    return new Note(
        rs.getLong("id"),
        rs.getString("request_id"),
        NoteKind.valueOf(rs.getString("kind")),
        Visibility.valueOf(rs.getString("visibility")),
        NoteSource.valueOf(rs.getString("source")),
        rs.getString("author"),
        rs.getString("body"),
        rs.getTimestamp("created_at").toInstant());
  }
}
