package io.servicedelivery.sla;

import io.servicedelivery.sla.BusinessCalendar.Holiday;
import io.servicedelivery.sla.BusinessCalendar.WorkingHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendars SLA targets count in. Unlike services they have no versions: a change applies to the due
 * dates computed from then on; requests already running keep the due dates they were given. A calendar is read in one
 * read-only transaction, its working hours and holidays after its row.
 */
@Repository
public class BusinessCalendars {

  private final JdbcClient jdbc;

  public BusinessCalendars(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String CALENDAR_COLUMNS = "select code, name, zone_id, twenty_four_seven from business_calendar";

  /** Every calendar, by code. */
  @Transactional(readOnly = true)
  public List<BusinessCalendar> list() {
    Map<String, Map<DayOfWeek, List<WorkingHours>>> hours = new HashMap<>();
    jdbc.sql("select calendar_code, day_of_week, start_time, end_time from business_calendar_hours")
        .query(
            rs -> {
              hours.computeIfAbsent(rs.getString("calendar_code"), code -> new EnumMap<>(DayOfWeek.class))
                  .computeIfAbsent(DayOfWeek.valueOf(rs.getString("day_of_week")), day -> new ArrayList<>())
                  .add(workingHours(rs));
            });
    Map<String, List<Holiday>> holidays = new HashMap<>();
    jdbc.sql("select calendar_code, holiday_date, name from business_calendar_holiday")
        .query(rs -> {
          holidays.computeIfAbsent(rs.getString("calendar_code"), code -> new ArrayList<>()).add(holiday(rs));
        });
    return jdbc.sql(CALENDAR_COLUMNS + " order by code").query(Header.class).list().stream()
        .map(
            header ->
                header.calendar(
                    hours.getOrDefault(header.code(), Map.of()), holidays.getOrDefault(header.code(), List.of())))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<BusinessCalendar> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(CALENDAR_COLUMNS + " where code = ?")
        .param(code)
        .query(Header.class)
        .optional()
        .map(header -> header.calendar(workingHours(code), holidays(code)));
  }

  /**
   * The zone a running request's calendar counts in, by the code it was given at validation (one query, for texts that
   * show a time and need no working hours); requests from before SLA targets named calendars count in UTC.
   */
  public ZoneId zoneOfRequest(String code) {
    if (code == null) {
      return BusinessCalendar.AROUND_THE_CLOCK.zoneId();
    }
    return jdbc.sql("select zone_id from business_calendar where code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .map(ZoneId::of)
        .orElseThrow(() -> new UnknownCalendarException(code));
  }

  @Transactional(readOnly = true)
  public BusinessCalendar get(String code) {
    return find(code).orElseThrow(() -> new UnknownCalendarException(code));
  }

  public boolean exists(String code) {
    return jdbc.sql("select count(*) from business_calendar where code = ?").param(code).query(Integer.class).single()
        > 0;
  }

  /**
   * The calendar a running request counts in, by the code it was given at validation; requests from before SLA
   * targets named calendars have none and count 24x7.
   */
  @Transactional(readOnly = true)
  public BusinessCalendar ofRequest(String code) {
    return code == null ? BusinessCalendar.AROUND_THE_CLOCK : get(code);
  }

  /** The SLA target with its calendars, ready for the SLA clock. */
  @Transactional(readOnly = true)
  public SlaTerms terms(SlaTarget target) {
    BusinessCalendar response = get(target.responseCalendar());
    BusinessCalendar resolution =
        target.resolutionCalendar().equals(target.responseCalendar())
            ? response
            : get(target.resolutionCalendar());
    return target.terms(response, resolution);
  }

  /**
   * Creates the calendar or replaces the one with its code, with all its working hours and holidays.
   *
   * @return true when the calendar is new
   */
  @Transactional
  public boolean save(BusinessCalendar calendar) {
    boolean replaced =
        jdbc.sql("update business_calendar set name = ?, zone_id = ?, twenty_four_seven = ? where code = ?")
            .params(calendar.name(), calendar.zoneId().getId(), calendar.twentyFourSeven(), calendar.code())
            .update()
            > 0;
    if (replaced) {
      jdbc.sql("delete from business_calendar_hours where calendar_code = ?").param(calendar.code()).update();
      jdbc.sql("delete from business_calendar_holiday where calendar_code = ?").param(calendar.code()).update();
    } else {
      jdbc.sql("insert into business_calendar (code, name, zone_id, twenty_four_seven) values (?, ?, ?, ?)")
          .params(calendar.code(), calendar.name(), calendar.zoneId().getId(), calendar.twentyFourSeven())
          .update();
    }
    calendar.workingHours()
        .forEach(
            (day, ranges) ->
                ranges.forEach(
                    range ->
                        jdbc.sql(
                                """
                                insert into business_calendar_hours (calendar_code, day_of_week, start_time, end_time)
                                values (?, ?, ?, ?)""")
                            .params(calendar.code(), day.name(), range.start(), range.end())
                            .update()));
    for (Holiday holiday : calendar.holidays()) {
      jdbc.sql("insert into business_calendar_holiday (calendar_code, holiday_date, name) values (?, ?, ?)")
          .params(calendar.code(), holiday.date(), holiday.name())
          .update();
    }
    return !replaced;
  }

  private Map<DayOfWeek, List<WorkingHours>> workingHours(String code) {
    Map<DayOfWeek, List<WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
    jdbc.sql("select day_of_week, start_time, end_time from business_calendar_hours where calendar_code = ?")
        .param(code)
        .query(
            rs -> {
              days.computeIfAbsent(DayOfWeek.valueOf(rs.getString("day_of_week")), day -> new ArrayList<>())
                  .add(workingHours(rs));
            });
    return days;
  }

  private List<Holiday> holidays(String code) {
    return jdbc.sql("select holiday_date, name from business_calendar_holiday where calendar_code = ?")
        .param(code)
        .query((rs, row) -> holiday(rs))
        .list();
  }

  private static WorkingHours workingHours(ResultSet rs) throws SQLException {
    return new WorkingHours(rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class));
  }

  private static Holiday holiday(ResultSet rs) throws SQLException {
    return new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"));
  }

  /** A row of business_calendar. */
  private record Header(String code, String name, String zoneId, boolean twentyFourSeven) {

    BusinessCalendar calendar(Map<DayOfWeek, List<WorkingHours>> workingHours, List<Holiday> holidays) {
      return new BusinessCalendar(code, name, ZoneId.of(zoneId), twentyFourSeven, workingHours, holidays);
    }
  }
}
