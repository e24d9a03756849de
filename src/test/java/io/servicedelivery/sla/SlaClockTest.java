package io.servicedelivery.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicedelivery.sla.BusinessCalendar.Holiday;
import io.servicedelivery.sla.BusinessCalendar.WorkingHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SLA clock, table-driven. Every moment in the tables is local wall-clock time in the calendar's zone (UTC for
 * 24X7). Germany changes to summer time on 2026-03-29 (02:00 → 03:00) and back on 2026-10-25 (03:00 → 02:00), New
 * York on 2026-03-08 and 2026-11-01, both on a Sunday night.
 */
class SlaClockTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private static final Map<String, BusinessCalendar> CALENDARS =
      Map.of(
          "24X7", BusinessCalendar.AROUND_THE_CLOCK,
          "OFFICE_BERLIN",
              calendar("OFFICE_BERLIN", BERLIN, WEEKDAYS, List.of(WorkingHours.of("08:00", "18:00")),
                  "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26", "2027-01-01"),
          "LUNCH_BERLIN",
              calendar("LUNCH_BERLIN", BERLIN, WEEKDAYS,
                  List.of(WorkingHours.of("13:00", "17:00"), WorkingHours.of("08:00", "12:00"))),
          "ALWAYS_BERLIN",
              calendar("ALWAYS_BERLIN", BERLIN, EVERY_DAY, List.of(WorkingHours.of("00:00", "00:00"))),
          "NIGHTS_BERLIN",
              calendar("NIGHTS_BERLIN", BERLIN, EVERY_DAY, List.of(WorkingHours.of("01:00", "04:00"))),
          "OFFICE_NEW_YORK",
              calendar("OFFICE_NEW_YORK", NEW_YORK, WEEKDAYS, List.of(WorkingHours.of("09:00", "17:00")),
                  "2026-06-19", "2026-07-03", "2026-11-26", "2026-12-25"),
          "ALWAYS_NEW_YORK",
              calendar("ALWAYS_NEW_YORK", NEW_YORK, EVERY_DAY, List.of(WorkingHours.of("00:00", "00:00"))));

  private final SlaClock clock = new SlaClock(Clock.systemUTC());

  @ParameterizedTest(name = "{0} {1} + {2} = {3}: {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          24X7            | 2026-11-23T08:00 | PT8H   | 2026-11-23T16:00 | plain addition
          24X7            | 2026-11-23T20:00 | PT8H   | 2026-11-24T04:00 | over midnight
          24X7            | 2026-11-28T10:00 | PT48H  | 2026-11-30T10:00 | over a weekend
          24X7            | 2026-03-28T23:00 | PT4H   | 2026-03-29T03:00 | UTC through Berlin's spring night
          OFFICE_BERLIN   | 2026-11-23T09:00 | PT2H   | 2026-11-23T11:00 | within a working day
          OFFICE_BERLIN   | 2026-11-23T16:00 | PT2H   | 2026-11-23T18:00 | due at closing time stays there
          OFFICE_BERLIN   | 2026-11-23T08:00 | PT10H  | 2026-11-23T18:00 | a whole working day
          OFFICE_BERLIN   | 2026-11-23T17:00 | PT2H   | 2026-11-24T09:00 | over night
          OFFICE_BERLIN   | 2026-11-23T06:30 | PT1H   | 2026-11-23T09:00 | starts before opening
          OFFICE_BERLIN   | 2026-11-23T19:00 | PT1H   | 2026-11-24T09:00 | starts after closing
          OFFICE_BERLIN   | 2026-11-28T10:00 | PT1H   | 2026-11-30T09:00 | starts on a Saturday
          OFFICE_BERLIN   | 2026-11-29T23:00 | PT30M  | 2026-11-30T08:30 | starts on Sunday night
          OFFICE_BERLIN   | 2026-11-27T17:00 | PT2H   | 2026-11-30T09:00 | over a weekend
          OFFICE_BERLIN   | 2026-11-23T08:00 | PT24H  | 2026-11-25T12:00 | 1440 minutes are two and a half days
          OFFICE_BERLIN   | 2026-11-23T08:00 | PT50H  | 2026-11-27T18:00 | a working week ends on Friday evening
          OFFICE_BERLIN   | 2026-11-23T08:00 | PT51H  | 2026-11-30T09:00 | an hour more is Monday
          OFFICE_BERLIN   | 2026-04-02T17:00 | PT2H   | 2026-04-07T09:00 | Good Friday, the weekend, Easter Monday
          OFFICE_BERLIN   | 2026-05-01T10:00 | PT1H   | 2026-05-04T09:00 | starts on Labour Day, a Friday
          OFFICE_BERLIN   | 2026-12-24T17:00 | PT2H   | 2026-12-28T09:00 | Christmas on Friday and Saturday
          OFFICE_BERLIN   | 2026-12-31T17:00 | PT2H   | 2027-01-04T09:00 | New Year's Day on a Friday
          OFFICE_BERLIN   | 2026-03-27T17:00 | PT2H   | 2026-03-30T09:00 | over the weekend summer time begins
          OFFICE_BERLIN   | 2026-03-27T08:00 | PT20H  | 2026-03-30T18:00 | office days keep ten hours around it
          OFFICE_BERLIN   | 2026-10-23T17:00 | PT2H   | 2026-10-26T09:00 | over the weekend summer time ends
          LUNCH_BERLIN    | 2026-11-23T11:00 | PT2H   | 2026-11-23T14:00 | over the lunch break
          LUNCH_BERLIN    | 2026-11-23T10:00 | PT2H   | 2026-11-23T12:00 | due at lunch stays there
          LUNCH_BERLIN    | 2026-11-23T12:30 | PT30M  | 2026-11-23T13:30 | starts in the lunch break
          LUNCH_BERLIN    | 2026-11-23T16:00 | PT2H   | 2026-11-24T09:00 | afternoon into the next morning
          ALWAYS_BERLIN   | 2026-03-28T12:00 | PT24H  | 2026-03-29T13:00 | the spring day has 23 hours
          ALWAYS_BERLIN   | 2026-10-24T12:00 | PT24H  | 2026-10-25T11:00 | the autumn day has 25 hours
          NIGHTS_BERLIN   | 2026-03-29T01:00 | PT2H   | 2026-03-29T04:00 | 01:00-04:00 is two real hours in spring
          NIGHTS_BERLIN   | 2026-03-29T01:00 | PT3H   | 2026-03-30T02:00 | the third hour is the next night
          NIGHTS_BERLIN   | 2026-10-25T01:00 | PT4H   | 2026-10-25T04:00 | 01:00-04:00 is four real hours in autumn
          OFFICE_NEW_YORK | 2026-03-06T16:00 | PT2H   | 2026-03-09T10:00 | over the weekend daylight saving begins
          OFFICE_NEW_YORK | 2026-03-09T09:00 | PT8H   | 2026-03-09T17:00 | its first office day has eight hours
          OFFICE_NEW_YORK | 2026-10-30T16:00 | PT2H   | 2026-11-02T10:00 | over the weekend daylight saving ends
          OFFICE_NEW_YORK | 2026-11-25T16:00 | PT2H   | 2026-11-27T10:00 | Thanksgiving
          OFFICE_NEW_YORK | 2026-07-02T16:00 | PT2H   | 2026-07-06T10:00 | Independence Day observed on a Friday
          ALWAYS_NEW_YORK | 2026-03-07T12:00 | PT24H  | 2026-03-08T13:00 | the spring day has 23 hours
          ALWAYS_NEW_YORK | 2026-10-31T12:00 | PT24H  | 2026-11-01T11:00 | the autumn day has 25 hours
          """)
  void addBusinessTimeCountsOnlyWorkingTime(
      String calendarCode, LocalDateTime start, Duration businessTime, LocalDateTime due, String why) {
    BusinessCalendar calendar = CALENDARS.get(calendarCode);
    Instant from = at(start, calendar);

    Instant result = clock.addBusinessTime(from, businessTime, calendar);

    assertThat(local(result, calendar)).isEqualTo(due);
    assertThat(clock.businessTimeBetween(from, result, calendar)).as("the same time counted back").isEqualTo(
        businessTime);
  }

  @ParameterizedTest(name = "{0} {1} to {2} = {3}: {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          24X7            | 2026-11-23T17:00 | 2026-11-24T09:00 | PT16H | every hour of the night
          OFFICE_BERLIN   | 2026-11-23T09:00 | 2026-11-23T11:00 | PT2H  | within a working day
          OFFICE_BERLIN   | 2026-11-23T11:00 | 2026-11-23T09:00 | PT0S  | backwards is nothing
          OFFICE_BERLIN   | 2026-11-23T17:00 | 2026-11-24T09:00 | PT2H  | a pause over night
          OFFICE_BERLIN   | 2026-11-27T17:00 | 2026-11-30T09:00 | PT2H  | a pause over a weekend
          OFFICE_BERLIN   | 2026-11-28T09:00 | 2026-11-29T18:00 | PT0S  | a weekend has no working time
          OFFICE_BERLIN   | 2026-11-23T00:00 | 2026-11-30T00:00 | PT50H | a week
          OFFICE_BERLIN   | 2026-04-02T17:00 | 2026-04-07T09:00 | PT2H  | a pause over Easter
          OFFICE_BERLIN   | 2026-03-30T00:00 | 2026-04-13T00:00 | PT80H | two weeks with two holidays
          OFFICE_BERLIN   | 2026-03-27T00:00 | 2026-03-31T00:00 | PT20H | the clocks change outside office hours
          LUNCH_BERLIN    | 2026-11-23T11:00 | 2026-11-23T14:00 | PT2H  | not the lunch break
          ALWAYS_BERLIN   | 2026-03-29T00:00 | 2026-03-30T00:00 | PT23H | the spring day
          ALWAYS_BERLIN   | 2026-10-25T00:00 | 2026-10-26T00:00 | PT25H | the autumn day
          OFFICE_NEW_YORK | 2026-10-31T00:00 | 2026-11-03T00:00 | PT8H  | a weekend and a Monday in November
          ALWAYS_NEW_YORK | 2026-03-08T00:00 | 2026-03-09T00:00 | PT23H | the spring day
          """)
  void businessTimeBetweenTwoMoments(
      String calendarCode, LocalDateTime from, LocalDateTime to, Duration expected, String why) {
    BusinessCalendar calendar = CALENDARS.get(calendarCode);

    assertThat(clock.businessTimeBetween(at(from, calendar), at(to, calendar), calendar)).isEqualTo(expected);
  }

  @Test
  void dueDatesCountEachTimeInItsCalendarAndWarnAtTheThresholds() {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    Instant received = at(LocalDateTime.parse("2026-11-27T17:00"), office);
    SlaTerms terms =
        new SlaTerms(
            Duration.ofMinutes(240),
            BusinessCalendar.AROUND_THE_CLOCK,
            Duration.ofMinutes(1440),
            office,
            List.of(50, 75, 90));

    SlaDueDates due = clock.dueDates(received, terms);

    assertThat(due.responseDueAt()).as("24x7: Friday 21:00 in Berlin").isEqualTo("2026-11-27T20:00:00Z");
    assertThat(local(due.resolutionDueAt(), office)).isEqualTo("2026-12-02T11:00");
    assertThat(due.warningsAt())
        .extracting(warning -> local(warning, office))
        .containsExactly(
            LocalDateTime.parse("2026-12-01T09:00"),
            LocalDateTime.parse("2026-12-01T15:00"),
            LocalDateTime.parse("2026-12-02T08:36"));
  }

  @Test
  void dueDatesCountedAroundTheClockWarnAtHalfThreeQuartersAndNinetyPercent() {
    Instant received = Instant.parse("2026-11-23T08:00:00Z");

    SlaDueDates due = clock.dueDates(received, Duration.ofHours(1), Duration.ofHours(8));

    assertThat(due.responseDueAt()).isEqualTo("2026-11-23T09:00:00Z");
    assertThat(due.resolutionDueAt()).isEqualTo("2026-11-23T16:00:00Z");
    assertThat(due.warningsAt())
        .containsExactly(
            Instant.parse("2026-11-23T12:00:00Z"),
            Instant.parse("2026-11-23T14:00:00Z"),
            Instant.parse("2026-11-23T15:12:00Z"));
  }

  /**
   * Received Monday 08:00 with 24 business hours to resolve; paused from Monday 17:00 to Tuesday 09:00, which is two
   * business hours, so the due date moved from Wednesday 12:00 to 14:00.
   */
  @ParameterizedTest(name = "at {0}: {1} %")
  @CsvSource({
    "2026-11-24T09:00, 38",
    "2026-11-24T12:00, 50",
    "2026-11-24T18:00, 75",
    "2026-11-25T14:00, 100",
    "2026-11-28T12:00, 200"
  })
  void consumedPercentLeavesPausedBusinessTimeOut(LocalDateTime now, int percent) {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    Instant received = at(LocalDateTime.parse("2026-11-23T08:00"), office);
    Duration paused =
        clock.businessTimeBetween(
            at(LocalDateTime.parse("2026-11-23T17:00"), office),
            at(LocalDateTime.parse("2026-11-24T09:00"), office),
            office);
    Instant due = clock.addBusinessTime(received, Duration.ofHours(24).plus(paused), office);
    SlaClock atNow = new SlaClock(Clock.fixed(at(now, office), ZoneOffset.UTC));

    assertThat(paused).isEqualTo(Duration.ofHours(2));
    assertThat(local(due, office)).isEqualTo("2026-11-25T14:00");
    assertThat(atNow.consumedPercent(received, due, office, paused)).isEqualTo(percent);
  }

  @ParameterizedTest(name = "at {0}: {1} left")
  @CsvSource({"2026-11-27T17:00, PT3H", "2026-11-28T12:00, PT2H", "2026-11-30T09:30, PT30M", "2026-11-30T11:00, PT0S"})
  void remainingIsBusinessTimeAndNeverNegative(LocalDateTime now, Duration left) {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    SlaClock atNow = new SlaClock(Clock.fixed(at(now, office), ZoneOffset.UTC));

    assertThat(atNow.remaining(at(LocalDateTime.parse("2026-11-30T10:00"), office), office)).isEqualTo(left);
  }

  @ParameterizedTest(name = "at {0}: {1}")
  @CsvSource({"2026-11-24T12:00, ON_TRACK", "2026-11-24T18:00, AT_RISK", "2026-11-25T12:00, BREACHED"})
  void stateOfAnOpenRequestInBusinessHours(LocalDateTime now, SlaState state) {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    SlaClock atNow = new SlaClock(Clock.fixed(at(now, office), ZoneOffset.UTC));

    assertThat(
            atNow.stateOfOpen(
                at(LocalDateTime.parse("2026-11-23T08:00"), office),
                at(LocalDateTime.parse("2026-11-25T12:00"), office),
                office,
                Duration.ZERO,
                75))
        .isEqualTo(state);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "60, 13", "240, 50", "480, 100", "600, 125"})
  void consumedPercentOfTheResolutionTimeCountedAroundTheClock(int minutesLater, int percent) {
    Instant received = Instant.parse("2026-11-23T08:00:00Z");
    Clock now = Clock.fixed(received.plus(Duration.ofMinutes(minutesLater)), ZoneOffset.UTC);

    assertThat(new SlaClock(now).consumedPercent(received, received.plus(Duration.ofHours(8)))).isEqualTo(percent);
  }

  @ParameterizedTest
  @CsvSource({"360, 120", "479, 1", "480, 0", "600, 0"})
  void remainingTimeAroundTheClockIsNeverNegative(int minutesLater, int minutesLeft) {
    Instant received = Instant.parse("2026-11-23T08:00:00Z");
    Clock now = Clock.fixed(received.plus(Duration.ofMinutes(minutesLater)), ZoneOffset.UTC);

    assertThat(new SlaClock(now).remaining(received.plus(Duration.ofHours(8)))).hasMinutes(minutesLeft);
  }

  @ParameterizedTest(name = "{0} {1} + {2} working days = {3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          24X7            | 2026-11-27T17:00 | 5 | 2026-12-02T17:00 | plain days, weekends count
          OFFICE_BERLIN   | 2026-11-23T10:00 | 1 | 2026-11-24T10:00 | the next day
          OFFICE_BERLIN   | 2026-11-27T17:00 | 1 | 2026-11-30T17:00 | Friday to Monday
          OFFICE_BERLIN   | 2026-11-30T17:00 | 5 | 2026-12-07T17:00 | a week
          OFFICE_BERLIN   | 2026-11-28T10:00 | 1 | 2026-11-30T10:00 | from a Saturday
          OFFICE_BERLIN   | 2026-12-21T12:00 | 5 | 2026-12-29T12:00 | Christmas holidays do not count
          OFFICE_BERLIN   | 2026-03-27T12:00 | 1 | 2026-03-30T12:00 | the same wall-clock time over the spring change
          OFFICE_NEW_YORK | 2026-11-25T09:00 | 1 | 2026-11-27T09:00 | Thanksgiving does not count
          OFFICE_BERLIN   | 2026-11-23T10:00 | 0 | 2026-11-23T10:00 | none
          """)
  void addsWorkingDays(String calendarCode, LocalDateTime start, int days, LocalDateTime expected, String why) {
    BusinessCalendar calendar = CALENDARS.get(calendarCode);

    Instant result = clock.addBusinessDays(at(start, calendar), days, calendar);

    assertThat(local(result, calendar)).as(why).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: due {1}, paused {2}, now {3} = {4} %: {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          24X7          | 2026-11-23T18:00 | PT2H | 2026-11-23T14:00 | 50  | 8 h due moved by a 2 h pause, 4 h used
          24X7          | 2026-11-23T18:00 | PT2H | 2026-11-23T18:00 | 100 | at the moved due date
          OFFICE_BERLIN | 2026-11-25T14:00 | PT2H | 2026-11-24T12:00 | 50  | 12 h used of 24 office hours
          OFFICE_BERLIN | 2026-11-25T14:00 | PT2H | 2026-11-25T14:00 | 100 | at the moved due date
          OFFICE_BERLIN | 2026-11-25T14:00 | PT2H | 2026-11-28T12:00 | 200 | past it by Friday, the weekend adds nothing
          OFFICE_BERLIN | 2026-11-25T14:00 | PT0S | 2026-11-24T12:00 | 54  | the same without the pause: 14 h of 26
          """)
  void pausedTimeCountsNeitherAsResolutionTimeNorAsTimeUsed(
      String calendarCode,
      LocalDateTime resolutionDue,
      Duration paused,
      LocalDateTime now,
      int expectedPercent,
      String why) {
    BusinessCalendar calendar = CALENDARS.get(calendarCode);
    SlaClock at = new SlaClock(Clock.fixed(at(now, calendar), ZoneOffset.UTC));
    Instant received = at(LocalDateTime.parse("2026-11-23T08:00"), calendar);

    assertThat(at.consumedPercent(received, at(resolutionDue, calendar), calendar, paused))
        .as(why)
        .isEqualTo(expectedPercent);
  }

  @Test
  void aPauseMovesTheResolutionAndTheWarningsButNotTheResponse() {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    SlaTerms terms = new SlaTerms(Duration.ofHours(4), office, Duration.ofHours(24), office, List.of(50, 75, 90));
    SlaDueDates due = clock.dueDates(at(LocalDateTime.parse("2026-11-27T16:00"), office), terms);

    SlaDueDates moved = clock.moveResolution(due, Duration.ofHours(3), office);

    assertThat(moved.responseDueAt()).isEqualTo(due.responseDueAt());
    assertThat(local(moved.resolutionDueAt(), office)).isEqualTo("2026-12-02T13:00");
    assertThat(moved.warningsAt())
        .extracting(warning -> local(warning, office))
        .containsExactly(
            LocalDateTime.parse("2026-12-01T11:00"), // Monday 18:00, closing time: 3 h from Tuesday 08:00
            LocalDateTime.parse("2026-12-01T17:00"),
            LocalDateTime.parse("2026-12-02T10:36"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-23T11:59 | ON_TRACK
          2026-11-23T12:00 | ON_TRACK
          2026-11-23T14:00 | AT_RISK
          2026-11-23T15:12 | AT_RISK
          2026-11-23T16:00 | BREACHED
          """)
  void aRunningRequestIsAtRiskFromTheSecondWarningAndBreachedFromTheDueDate(LocalDateTime now, SlaState expected) {
    SlaDueDates due = clock.dueDates(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofHours(1), Duration.ofHours(8));

    assertThat(due.stateAt(now.toInstant(ZoneOffset.UTC))).isEqualTo(expected);
  }

  /** The rules for range boundaries on the nights the clocks change, where wall-clock times are missing or twice. */
  @Test
  void aMissingBoundaryIsTheJumpAndARepeatedOneTheFirstForAStartAndTheSecondForAnEnd() {
    ZoneRules berlin = BERLIN.getRules();

    assertThat(SlaClock.instant(LocalDateTime.parse("2026-03-29T02:30"), berlin, true))
        .isEqualTo("2026-03-29T01:00:00Z");
    assertThat(SlaClock.instant(LocalDateTime.parse("2026-03-29T02:30"), berlin, false))
        .isEqualTo("2026-03-29T01:00:00Z");
    assertThat(SlaClock.instant(LocalDateTime.parse("2026-10-25T02:30"), berlin, true))
        .as("02:30 summer time")
        .isEqualTo("2026-10-25T00:30:00Z");
    assertThat(SlaClock.instant(LocalDateTime.parse("2026-10-25T02:30"), berlin, false))
        .as("02:30 winter time")
        .isEqualTo("2026-10-25T01:30:00Z");
  }

  @Test
  void aCalendarWithoutWorkingTimeFailsFast() {
    BusinessCalendar empty = new BusinessCalendar("EMPTY", "Never", BERLIN, false, Map.of(), List.of());

    assertThat(empty.hasWorkingTime()).isFalse();
    assertThatThrownBy(() -> clock.addBusinessTime(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofHours(1), empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EMPTY")
        .hasMessageContaining("no working hours");
    assertThat(clock.businessTimeBetween(Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-30T08:00:00Z"),
            empty))
        .isZero();
  }

  @Test
  void searchingForWorkingTimeStopsTenYearsAhead() {
    BusinessCalendar minuteAWeek =
        calendar("MINUTE_A_WEEK", BERLIN, EnumSet.of(DayOfWeek.MONDAY), List.of(WorkingHours.of("08:00", "08:01")));
    Instant start = Instant.parse("2026-11-23T08:00:00Z");

    assertThat(clock.addBusinessTime(start, Duration.ofMinutes(3), minuteAWeek)).isEqualTo("2026-12-14T07:01:00Z");
    assertThatThrownBy(() -> clock.addBusinessTime(start, Duration.ofMinutes(525_600), minuteAWeek))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MINUTE_A_WEEK")
        .hasMessageContaining("10 years");
  }

  @Test
  void nothingAddedIsTheStartAndANegativeTimeIsRefused() {
    BusinessCalendar office = CALENDARS.get("OFFICE_BERLIN");
    Instant saturday = at(LocalDateTime.parse("2026-11-28T10:00"), office);

    assertThat(clock.addBusinessTime(saturday, Duration.ZERO, office)).isEqualTo(saturday);
    assertThatThrownBy(() -> clock.addBusinessTime(saturday, Duration.ofMinutes(-1), office))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overlappingRangesAreNoCalendar() {
    assertThatThrownBy(
            () ->
                calendar("OVERLAP", BERLIN, WEEKDAYS,
                    List.of(WorkingHours.of("08:00", "12:00"), WorkingHours.of("11:00", "13:00"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> WorkingHours.of("18:00", "08:00")).isInstanceOf(IllegalArgumentException.class);
  }

  private static BusinessCalendar calendar(
      String code, ZoneId zone, Set<DayOfWeek> days, List<WorkingHours> ranges, String... holidays) {
    Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
    days.forEach(day -> hours.put(day, ranges));
    return new BusinessCalendar(
        code,
        code,
        zone,
        false,
        hours,
        Arrays.stream(holidays).map(date -> new Holiday(LocalDate.parse(date), "holiday")).toList());
  }

  private static Instant at(LocalDateTime local, BusinessCalendar calendar) {
    return local.atZone(calendar.zoneId()).toInstant();
  }

  private static LocalDateTime local(Instant instant, BusinessCalendar calendar) {
    return LocalDateTime.ofInstant(instant, calendar.zoneId());
  }
}
