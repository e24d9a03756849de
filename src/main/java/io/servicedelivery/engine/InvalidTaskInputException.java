package io.servicedelivery.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a person or a client submitted to complete a task that the process cannot take: each invalid field with the
 * reason, in words a person understands. Thrown by the validating task listeners on the {@code complete} event, so
 * the task stays open and nothing of the submission is saved.
 *
 * <p>It is a {@link FormFieldValidationException}, which Camunda's REST resources (the engine REST API and the one
 * Tasklist calls) answer with 400 rather than 500; the engine wraps an exception of a task listener in a plain
 * {@code ProcessEngineException}, which the engine module takes off again ({@code io.servicedelivery.engine}). The
 * message is {@code field: reason}, the fields separated by "; ", as Tasklist shows it.
 */
public class InvalidTaskInputException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  /** One invalid field of a submission and what is wrong with it. */
  public record InvalidInput(String field, String reason) {

    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }

  private final transient List<InvalidInput> invalid;

  public InvalidTaskInputException(List<InvalidInput> invalid) {
    this(invalid, null);
  }

  public InvalidTaskInputException(List<InvalidInput> invalid, Throwable cause) {
    super(List.copyOf(invalid), message(invalid), cause);
    this.invalid = List.copyOf(invalid);
  }

  public InvalidTaskInputException(String field, String reason) {
    this(List.of(new InvalidInput(field, reason)));
  }

  public List<InvalidInput> invalid() {
    return invalid;
  }

  private static String message(List<InvalidInput> invalid) {
    if (invalid.isEmpty()) {
      throw new IllegalArgumentException("An invalid submission names at least one field");
    }
    return invalid.stream().map(InvalidInput::toString).collect(Collectors.joining("; "));
  }
}
