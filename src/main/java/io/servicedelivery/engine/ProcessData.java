package io.servicedelivery.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed reads of process variables. Values arrive from forms (strings, numbers of any width, JSON lists), from the
 * REST API and from Java, so every read accepts the shapes a caller may have used.
 */
public final class ProcessData {

  private final VariableScope scope;

  private ProcessData(VariableScope scope) {
    this.scope = scope;
  }

  public static ProcessData of(VariableScope scope) {
    return new ProcessData(scope);
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public Instant instant(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }

  public BigDecimal decimal(String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
  }

  public long longValue(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value == null) {
      throw new IllegalStateException("The process variable " + name + " is missing");
    }
    return Long.parseLong(value.toString());
  }

  /** @return the number, or null when the variable is absent */
  public Integer integer(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number number ? number.intValue() : null;
  }

  public int integer(String name, int whenAbsent) {
    Object value = scope.getVariable(name);
    return value instanceof Number number ? number.intValue() : whenAbsent;
  }

  /** A list of strings, stored as a JSON list by Tasklist's checklist or as a Java list by the API. */
  public List<String> strings(String name) {
    Object value = scope.getVariable(name);
    List<String> strings = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(element -> strings.add(String.valueOf(element)));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> strings.add(element.isString() ? element.stringValue() : element.toString()));
    }
    return strings;
  }
}
