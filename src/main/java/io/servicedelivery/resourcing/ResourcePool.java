package io.servicedelivery.resourcing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reservations of the staff who execute services. A reservation holds one unit of a person's capacity for one
 * request and its planned window until it is released.
 */
@Service
public class ResourcePool {

  private final JdbcClient jdbc;
  private final Clock clock;

  public ResourcePool(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Reserves the best fitting person by {@link CandidateRanking}, or tells why nobody fits. */
  @Transactional
  public Allocation allocate(AllocationRequest request) {
    List<Candidate> candidates = candidatesFor(request);
    for (Candidate candidate : CandidateRanking.rank(candidates, request.minimumLevel())) {
      if (reserveWithinCapacity(request, candidate.userId())) {
        return Allocation.of(
            candidate.userId(), "Reserved " + candidate.userId() + ", the least loaded qualified person ("
                + load(candidate) + ").");
      }
    }
    // the candidates read before the locks may be out of date: describe them as they are now
    return Allocation.none(
        CandidateRanking.whyNobodyFits(request.skill(), request.minimumLevel(), candidatesFor(request)));
  }

  /** Reserves the person a resource analyst chose, if they fit the request as the ranking would require. */
  @Transactional
  public Allocation reserve(AllocationRequest request, String userId) {
    if (userId == null || userId.isBlank()) {
      return Allocation.none("Choose the person to allocate.");
    }
    Optional<Candidate> chosen =
        candidatesFor(request).stream().filter(candidate -> candidate.userId().equals(userId)).findFirst();
    if (chosen.isEmpty()) {
      return Allocation.none(
          "The chosen " + userId + " is not in the resource pool with the skill '" + request.skill() + "'.");
    }
    Optional<String> unfit = chosen.get().unfitReason(request.minimumLevel());
    if (unfit.isPresent()) {
      return Allocation.none("The chosen " + chosen.get().name() + " cannot take the request: " + unfit.get() + ".");
    }
    if (!reserveWithinCapacity(request, userId)) {
      return Allocation.none(
          "The chosen " + chosen.get().name() + " cannot take the request: no free capacity left.");
    }
    return Allocation.of(
        userId, "Reserved " + userId + " as chosen by the resource analyst (" + load(chosen.get()) + ").");
  }

  /**
   * Reserves the person who delivered the request again for its rework, even beyond their capacity: the rework
   * continues their own assignment, and handing it to somebody else would lose what they know about the request.
   * The reservation is released again when the rework is delivered.
   */
  @Transactional
  public void reserveForRework(String requestId, String userId) {
    if (openReservationOf(requestId).isEmpty()) {
      insertReservation(requestId, userId, clock.instant(), null);
    }
  }

  /** Releases every open reservation of the request; releasing twice is harmless. */
  @Transactional
  public void release(String requestId, ReleaseReason reason) {
    jdbc.sql(
            """
            update resource_reservation set released_at = ?, release_reason = ?
            where request_id = ? and released_at is null""")
        .param(now())
        .param(reason.name())
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

  /** The requests whose open reservation of the person falls into the given time, oldest first. */
  public List<String> requestsReservingDuring(String userId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select request_id from resource_reservation
            where user_id = ? and released_at is null
              and coalesce(planned_from, reserved_at) < ? and (planned_to is null or planned_to > ?)
            order by reserved_at, id""")
        .param(userId)
        .param(Timestamp.from(to))
        .param(Timestamp.from(from))
        .query(String.class)
        .list();
  }

  public void setAvailable(String userId, boolean available) {
    jdbc.sql("update staff_resource set available = ? where user_id = ?").param(available).param(userId).update();
  }

  private List<Candidate> candidatesFor(AllocationRequest request) {
    return jdbc.sql(
            """
            select r.user_id, r.display_name, s.skill_level, r.capacity, r.available,
                   (select count(*) from resource_reservation rr
                     where rr.user_id = r.user_id and rr.released_at is null) as open_reservations,
                   exists (select 1 from resource_absence a
                     where a.user_id = r.user_id and a.absent_from < ? and a.absent_to > ?) as absent
            from staff_resource r join staff_skill s on s.user_id = r.user_id
            where s.skill = ? and r.left_pool_at is null
            order by r.user_id""")
        .param(Timestamp.from(request.plannedTo()))
        .param(Timestamp.from(request.plannedFrom()))
        .param(request.skill())
        .query(
            (rs, row) ->
                new Candidate(
                    rs.getString("user_id"),
                    rs.getString("display_name"),
                    rs.getInt("skill_level"),
                    rs.getInt("capacity"),
                    rs.getInt("open_reservations"),
                    rs.getBoolean("available"),
                    rs.getBoolean("absent")))
        .list();
  }

  /**
   * Locks the person's row before counting their reservations, so that concurrent allocations cannot both take
   * their last free unit: the second waits for the first to commit and then counts its reservation too.
   */
  private boolean reserveWithinCapacity(AllocationRequest request, String userId) {
    int capacity =
        jdbc.sql(
                """
                select capacity from staff_resource
                where user_id = ? and available = true and left_pool_at is null for update""")
            .param(userId)
            .query(Integer.class)
            .optional()
            .orElse(0);
    if (openReservationsOf(userId) >= capacity) {
      return false;
    }
    insertReservation(request.requestId(), userId, request.plannedFrom(), request.plannedTo());
    return true;
  }

  private void insertReservation(String requestId, String userId, Instant plannedFrom, Instant plannedTo) {
    jdbc.sql(
            """
            insert into resource_reservation (request_id, user_id, reserved_at, planned_from, planned_to)
            values (?, ?, ?, ?, ?)""")
        .param(requestId)
        .param(userId)
        .param(now())
        .param(Timestamp.from(plannedFrom))
        .param(plannedTo == null ? null : Timestamp.from(plannedTo))
        .update();
  }

  private static String load(Candidate candidate) {
    return candidate.openReservations() + 1 + " of " + candidate.capacity() + " assignments";
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
