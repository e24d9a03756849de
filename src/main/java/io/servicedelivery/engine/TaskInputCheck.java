package io.servicedelivery.engine;

import io.servicedelivery.engine.InvalidTaskInputException.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the values a task's form submitted and collects every invalid one with a reason a person understands; {@link
 * #throwIfInvalid()} then refuses the submission with all of them at once. The reads accept the shapes Tasklist and
 * the REST API produce (strings, numbers of any width, dates) and the shapes {@link ProcessData} reads later.
 */
public final class TaskInputCheck {

  /** The example in the reasons: what Tasklist's date and time fields submit. */
  static final String DATE_TIME_EXAMPLE = "2026-11-23T10:00+01:00";

  private static final Pattern LOOKS_LIKE_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?");

  private final VariableScope scope;
  private final List<InvalidInput> invalid = new ArrayList<>();

  private TaskInputCheck(VariableScope scope) {
    this.scope = scope;
  }

  public static TaskInputCheck of(VariableScope scope) {
    return new TaskInputCheck(scope);
  }

  /**
   * Whether the task's execution went on without it: somebody completed the task a moment earlier, in a transaction
   * that committed while this one ran, so the submitted variables had nowhere to go. There is nothing to check
   * then; the engine fails the completion as a lost race, which the caller gets as a 409 conflict, not a 400.
   */
  public static boolean completedByAnother(DelegateTask task) {
    return task.getExecutionId() != null && task.getExecution() == null;
  }

  public void reject(String field, String reason) {
    invalid.add(new InvalidInput(field, reason));
  }

  public boolean isValid(String field) {
    return invalid.stream().noneMatch(input -> input.field().equals(field));
  }

  /** @throws InvalidTaskInputException naming every field found invalid so far */
  public void throwIfInvalid() {
    throwIfInvalid(null);
  }

  /** @param cause what refused the submission first, if it was an exception of the domain; null if none */
  public void throwIfInvalid(Throwable cause) {
    if (!invalid.isEmpty()) {
      throw new InvalidTaskInputException(invalid, cause);
    }
  }

  /** @return the text, stripped; null when absent or blank (and then refused if {@code required}) */
  public String text(String field, boolean required, int maxLength) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        reject(field, "is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      reject(field, "must be text");
      return null;
    }
    if (text.length() > maxLength) {
      reject(field, "must be at most " + maxLength + " characters long, not " + text.length());
      return null;
    }
    return text.strip();
  }

  /** @return the value if it is one of {@code allowed}, else null (refused when present or {@code required}) */
  public String oneOf(String field, boolean required, Collection<String> allowed) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        reject(field, "is required: one of " + String.join(", ", allowed));
      }
      return null;
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      reject(field, "must be one of " + String.join(", ", allowed) + ", not " + shown(value));
      return null;
    }
    return text;
  }

  /** @return the moment, or null when absent (refused if {@code required}) or not a date and time with an offset */
  public Instant dateTime(String field, boolean required) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        reject(field, "is required: a date and time such as " + DATE_TIME_EXAMPLE);
      }
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (!(value instanceof String text)) {
      reject(field, "must be a date and time such as " + DATE_TIME_EXAMPLE + ", not " + shown(value));
      return null;
    }
    String candidate = text.strip();
    try {
      return OffsetDateTime.parse(candidate).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      // why not: the shape, a missing offset, or a day or time that does not exist
    }
    if (!LOOKS_LIKE_DATE_TIME.matcher(candidate).matches()) {
      reject(field, "must be a date and time such as " + DATE_TIME_EXAMPLE + ", not " + shown(value));
    } else if (!candidate.endsWith("Z") && !candidate.matches(".*[+-]\\d{2}:\\d{2}$")) {
      reject(field, "needs the offset from UTC, such as " + DATE_TIME_EXAMPLE + " (+01:00) or Z: " + shown(value)
          + (validLocal(candidate) ? "" : " is no valid date and time either"));
    } else {
      reject(field, "is not a valid date and time: " + shown(value) + " (no such day or time)");
    }
    return null;
  }

  /**
   * @param what the value in words, for the reasons ("the materials cost")
   * @param unit after a bound in the reasons (" hours"), or ""
   * @return the number, or null when absent (refused if {@code required}), not a finite number or out of {@code min}
   *     to {@code max}
   */
  public BigDecimal number(
      String field, String what, boolean required, BigDecimal min, BigDecimal max, String unit) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        reject(field, "is required: " + what + " as a number");
      }
      return null;
    }
    BigDecimal number = decimal(value);
    if (number == null) {
      reject(field, what + " must be a number, not " + shown(value));
      return null;
    }
    if (number.compareTo(min) < 0) {
      reject(field, what + (min.signum() == 0 ? " must be 0 or more" : " must be at least " + min.toPlainString() + unit)
          + ", not " + number.toPlainString());
      return null;
    }
    if (number.compareTo(max) > 0) {
      reject(field, what + " must be at most " + max.toPlainString() + unit + ", not " + number.toPlainString());
      return null;
    }
    return number;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  private static boolean validLocal(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException invalid) {
      return false;
    }
  }

  /** The value as a person would recognise it, quoted when it is text, cut short when long. */
  private static String shown(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return value instanceof String ? "\"" + text + "\"" : text;
  }
}
