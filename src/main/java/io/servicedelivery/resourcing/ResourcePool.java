package io.servicedelivery.resourcing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff who execute services and their reservations. A reservation holds one unit of a person's capacity
 * for one request until it is released.
 */
@Service
public class ResourcePool {

  private final JdbcClient jdbc;
  private final Clock clock;

  public ResourcePool(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Reserves an available person with the skill and free capacity, least loaded first (the preferred person first
   * when they qualify).
   */
  @Transactional
  public Allocation allocate(String requestId, String skill, String preferredUserId) {
    List<Candidate> candidates = candidatesWith(skill);
    if (candidates.isEmpty()) {
      return Allocation.none("Nobody in the resource pool has the skill '" + skill + "'.");
    }
    Comparator<Candidate> order =
        Comparator.comparing((Candidate c) -> !c.userId().equals(preferredUserId))
            .thenComparingInt(Candidate::openReservations)
            .thenComparing(Candidate::userId);
    for (Candidate candidate : candidates.stream().filter(Candidate::available).sorted(order).toList()) {
      if (reserveWithinCapacity(requestId, candidate.userId())) {
        return Allocation.of(candidate.userId(), noteFor(candidate, preferredUserId));
      }
    }
    return Allocation.none(
        "Nobody with the skill '" + skill + "' is available with free capacity: "
            + candidates.stream().map(Candidate::describe).collect(Collectors.joining(", ")) + ".");
  }

  /** Reserves the person again for rework on a request they delivered, regardless of their current load. */
  @Transactional
  public void reserveForRework(String requestId, String userId) {
    if (openReservationOf(requestId).isEmpty()) {
      insertReservation(requestId, userId);
    }
  }

  /** Releases every open reservation of the request; releasing twice is harmless. */
  @Transactional
  public void release(String requestId) {
    jdbc.sql("update resource_reservation set released_at = ? where request_id = ? and released_at is null")
        .param(now())
        .param(requestId)
        .update();
  }

  public Optional<String> openReservationOf(String requestId) {
    return jdbc.sql("select user_id from resource_reservation where request_id = ? and released_at is null")
        .param(requestId)
        .query(String.class)
        .optional();
  }

  public int openReservationsOf(String userId) {
    return jdbc.sql("select count(*) from resource_reservation where user_id = ? and released_at is null")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  public void setAvailable(String userId, boolean available) {
    jdbc.sql("update staff_resource set available = ? where user_id = ?").param(available).param(userId).update();
  }

  private List<Candidate> candidatesWith(String skill) {
    return jdbc.sql(
            """
            select r.user_id, r.available, r.capacity,
                   (select count(*) from resource_reservation rr
                     where rr.user_id = r.user_id and rr.released_at is null) as open_reservations
            from staff_resource r join staff_skill s on s.user_id = r.user_id
            where s.skill = ?
            order by r.user_id""")
        .param(skill)
        .query(
            (rs, row) ->
                new Candidate(
                    rs.getString("user_id"),
                    rs.getBoolean("available"),
                    rs.getInt("capacity"),
                    rs.getInt("open_reservations")))
        .list();
  }

  /** Locks the person's row so that concurrent allocations cannot both take their last free unit. */
  private boolean reserveWithinCapacity(String requestId, String userId) {
    Integer capacity =
        jdbc.sql("select capacity from staff_resource where user_id = ? and available = true for update")
            .param(userId)
            .query(Integer.class)
            .optional()
            .orElse(0);
    if (openReservationsOf(userId) >= capacity) {
      return false;
    }
    insertReservation(requestId, userId);
    return true;
  }

  private void insertReservation(String requestId, String userId) {
    jdbc.sql("insert into resource_reservation (request_id, user_id, reserved_at) values (?, ?, ?)")
        .param(requestId)
        .param(userId)
        .param(now())
        .update();
  }

  private static String noteFor(Candidate candidate, String preferredUserId) {
    String load = candidate.openReservations() + 1 + " of " + candidate.capacity() + " assignments";
    if (candidate.userId().equals(preferredUserId)) {
      return "Reserved " + candidate.userId() + " as proposed by the resource analyst (" + load + ").";
    }
    String proposal =
        preferredUserId == null || preferredUserId.isBlank()
            ? ""
            : "The proposed " + preferredUserId + " lacks the skill, is not available or has no free capacity. ";
    return proposal + "Reserved " + candidate.userId() + ", the least loaded qualified person (" + load + ").";
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
