package io.servicedelivery.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a proposed service definition that span several fields: request type codes and checklist items are
 * unique, the optional items are items of the checklist, there is exactly one SLA target per priority, each target's
 * resolution time is longer than its response time, and its warning thresholds ascend. Each broken rule is reported on the field it concerns.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentDefinitionValidator.class)
@interface ConsistentDefinition {

  String message() default "is not a consistent service definition";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
