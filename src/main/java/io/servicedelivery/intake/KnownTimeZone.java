package io.servicedelivery.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An IANA time zone id such as Europe/Berlin (null is left to other constraints). */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownTimeZoneValidator.class)
public @interface KnownTimeZone {

  String message() default "must be an IANA time zone such as Europe/Berlin or America/New_York";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
