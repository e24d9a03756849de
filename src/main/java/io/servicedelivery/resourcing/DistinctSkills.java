package io.servicedelivery.resourcing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** No skill named twice in a list of skills (null is left to other constraints). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctSkills.Validator.class)
@interface DistinctSkills {

  String message() default "must name each skill once";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DistinctSkills, List<Skill>> {

    @Override
    public boolean isValid(List<Skill> skills, ConstraintValidatorContext context) {
      if (skills == null) {
        return true;
      }
      Set<String> names = new HashSet<>();
      return skills.stream().filter(Objects::nonNull).map(Skill::name).filter(Objects::nonNull).allMatch(names::add);
    }
  }
}
