package io.servicedelivery.sla;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KnownCalendar} against the calendars in the database; Spring creates it with its repository. */
class KnownCalendarValidator implements ConstraintValidator<KnownCalendar, String> {

  private final BusinessCalendars calendars;

  KnownCalendarValidator(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  @Override
  public boolean isValid(String code, ConstraintValidatorContext context) {
    return code == null || calendars.exists(code);
  }
}
