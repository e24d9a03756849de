package io.servicedelivery.resourcing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the resource pool as resource analysts keep them: skills, capacity, working calendar and absences.
 * A person who leaves the pool keeps their row (marked {@code left_pool_at}) so that their past reservations stay.
 * Named as a bean of its own: identity.StaffDirectory, the people behind user ids, is {@code staffDirectory}.
 */
@Service("resourceStaffDirectory")
public class StaffDirectory {

  private final JdbcClient jdbc;
  private final ResourcePool resourcePool;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StaffDirectory(JdbcClient jdbc, ResourcePool resourcePool, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.resourcePool = resourcePool;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Resource> list() {
    return jdbc.sql("select user_id from staff_resource where left_pool_at is null order by user_id")
        .query(String.class)
        .list()
        .stream()
        .map(this::get)
        .toList();
  }

  /** @return the people of the pool with the skill at the level or above, in the order of {@link #list()} */
  @Transactional(readOnly = true)
  public List<Resource> withSkill(String skill, int minimumLevel) {
    return list().stream()
        .filter(person -> person.skills().stream()
            .anyMatch(held -> held.name().equalsIgnoreCase(skill) && held.level() >= minimumLevel))
        .toList();
  }

  @Transactional(readOnly = true)
  public Resource get(String userId) {
    return find(userId).orElseThrow(() -> new UnknownResourceException(userId));
  }

  /** Adds the person to the pool, or back to it when they had left. */
  @Transactional
  public Resource join(NewResource person) {
    ResourceDefinition definition = person.definition();
    int rejoined =
        jdbc.sql(
                """
                update staff_resource set display_name = ?, capacity = ?, working_calendar = ?, available = true,
                       left_pool_at = null
                where user_id = ? and left_pool_at is not null""")
            .params(definition.displayName(), definition.capacity(), definition.workingCalendar(), person.userId())
            .update();
    if (rejoined == 0) {
      try {
        jdbc.sql(
                """
                insert into staff_resource (user_id, display_name, capacity, available, working_calendar)
                values (?, ?, ?, true, ?)""")
            .params(person.userId(), definition.displayName(), definition.capacity(), definition.workingCalendar())
            .update();
      } catch (DuplicateKeyException exists) {
        throw new ResourceExistsException(person.userId());
      }
    }
    replaceSkills(person.userId(), definition.skills());
    return get(person.userId());
  }

  @Transactional
  public Resource update(String userId, ResourceDefinition definition) {
    int updated =
        jdbc.sql(
                """
                update staff_resource set display_name = ?, capacity = ?, working_calendar = ?
                where user_id = ? and left_pool_at is null""")
            .params(definition.displayName(), definition.capacity(), definition.workingCalendar(), userId)
            .update();
    if (updated == 0) {
      throw new UnknownResourceException(userId);
    }
    replaceSkills(userId, definition.skills());
    return get(userId);
  }

  /** Takes the person out of the pool, unless requests are reserved for them. */
  @Transactional
  public void remove(String userId) {
    // the lock keeps an allocation from reserving the person while they leave
    lock(userId);
    List<String> assigned =
        jdbc.sql("select request_id from resource_reservation where user_id = ? and released_at is null order by id")
            .param(userId)
            .query(String.class)
            .list();
    if (!assigned.isEmpty()) {
      throw new ResourceHoldsReservationsException(userId, assigned);
    }
    jdbc.sql("update staff_resource set left_pool_at = ? where user_id = ?")
        .param(Timestamp.from(clock.instant()))
        .param(userId)
        .update();
  }

  /**
   * Records an absence; when it falls into the planned window of requests reserved for the person, an {@link
   * AbsenceOverlapsReservations} event lets the delivery hand them to somebody else.
   */
  @Transactional
  public Absence addAbsence(String userId, NewAbsence absence) {
    lock(userId);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into resource_absence (user_id, absent_from, absent_to, reason) values (?, ?, ?, ?)")
        .param(userId)
        .param(Timestamp.from(absence.from().toInstant()))
        .param(Timestamp.from(absence.to().toInstant()))
        .param(absence.reason())
        .update(key, "id");
    List<String> disrupted =
        resourcePool.requestsReservingDuring(userId, absence.from().toInstant(), absence.to().toInstant());
    if (!disrupted.isEmpty()) {
      events.publishEvent(new AbsenceOverlapsReservations(userId, disrupted));
    }
    return new Absence(
        key.getKey().longValue(), absence.from().toInstant(), absence.to().toInstant(), absence.reason());
  }

  @Transactional
  public void removeAbsence(String userId, long absenceId) {
    if (jdbc.sql("delete from resource_absence where id = ? and user_id = ?").params(absenceId, userId).update()
        == 0) {
      get(userId);
      throw new UnknownAbsenceException(userId, absenceId);
    }
  }

  private void lock(String userId) {
    jdbc.sql("select user_id from staff_resource where user_id = ? and left_pool_at is null for update")
        .param(userId)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new UnknownResourceException(userId));
  }

  private void replaceSkills(String userId, List<Skill> skills) {
    jdbc.sql("delete from staff_skill where user_id = ?").param(userId).update();
    for (Skill skill : skills) {
      jdbc.sql("insert into staff_skill (user_id, skill, skill_level) values (?, ?, ?)")
          .params(userId, skill.name(), skill.level())
          .update();
    }
  }

  private Optional<Resource> find(String userId) {
    record Person(String displayName, int capacity, String workingCalendar) {}
    return jdbc.sql(
            """
            select display_name, capacity, working_calendar from staff_resource
            where user_id = ? and left_pool_at is null""")
        .param(userId)
        .query((rs, row) -> new Person(rs.getString(1), rs.getInt(2), rs.getString(3)))
        .optional()
        .map(person -> new Resource(
            userId,
            person.displayName(),
            skillsOf(userId),
            person.capacity(),
            person.workingCalendar(),
            resourcePool.openReservationsOf(userId),
            absencesOf(userId)));
  }

  private List<Skill> skillsOf(String userId) {
    return jdbc.sql("select skill, skill_level from staff_skill where user_id = ? order by skill")
        .param(userId)
        .query((rs, row) -> new Skill(rs.getString(1), rs.getInt(2)))
        .list();
  }

  private List<Absence> absencesOf(String userId) {
    return jdbc.sql(
            """
            select id, absent_from, absent_to, reason from resource_absence
            where user_id = ? order by absent_from, id""")
        .param(userId)
        .query(
            (rs, row) ->
                new Absence(
                    rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .list();
  }
}
