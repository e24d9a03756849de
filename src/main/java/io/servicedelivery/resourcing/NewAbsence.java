package io.servicedelivery.resourcing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;

/** A time a person is away: holidays, training, sickness. */
@Schema(description = "A time the person is away; it must end after it starts")
@NewAbsence.EndsAfterStart
public record NewAbsence(
    @Schema(example = "2026-12-21T00:00:00+01:00") @NotNull OffsetDateTime from,
    @Schema(example = "2027-01-04T00:00:00+01:00") @NotNull OffsetDateTime to,
    @Schema(example = "Holidays") @Size(max = 200) String reason) {

  /** {@code to} after {@code from}, reported on {@code to}; missing values are left to the field constraints. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = EndsAfterStart.Validator.class)
  @interface EndsAfterStart {

    String message() default "must be after from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndsAfterStart, NewAbsence> {

      @Override
      public boolean isValid(NewAbsence absence, ConstraintValidatorContext context) {
        if (absence == null || absence.from() == null || absence.to() == null || absence.to().isAfter(absence.from())) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("to")
            .addConstraintViolation();
        return false;
      }
    }
  }
}
