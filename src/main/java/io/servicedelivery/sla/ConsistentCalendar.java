package io.servicedelivery.sla;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a business calendar that the field constraints cannot express: the time zone is an IANA time zone;
 * a 24x7 calendar has neither working hours nor holidays, any other calendar has working hours; every range is whole
 * minutes and ends after it starts (an end of 00:00 is midnight), and the ranges of a day do not overlap; a date is
 * a holiday once. Each broken rule is reported on the field it concerns.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentCalendarValidator.class)
@interface ConsistentCalendar {

  String message() default "is not a consistent business calendar";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
