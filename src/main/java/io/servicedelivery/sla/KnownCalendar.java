package io.servicedelivery.sla;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The code of a business calendar the catalog has (null is left to other constraints). */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCalendarValidator.class)
public @interface KnownCalendar {

  String message() default "must be the code of a business calendar of the catalog, such as 24X7 or OFFICE_BERLIN";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
