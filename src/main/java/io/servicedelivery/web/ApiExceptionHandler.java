package io.servicedelivery.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem bodies for every error of the application's own API. Whatever makes a request invalid — Bean
 * Validation of a body or a parameter, JSON that does not parse, a value of the wrong type or an unknown enum
 * constant, a missing parameter or header — becomes a 400 problem whose {@code errors} list names each invalid value
 * as an {@link InvalidField}. Everything else keeps Spring's standard problem (for example 404 for an {@link
 * org.springframework.web.ErrorResponseException}, 405, 415).
 */
@RestControllerAdvice(basePackages = "io.servicedelivery")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  public static final String ERRORS = "errors";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldError(error)));
    ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new InvalidField(null, message(error))));
    return invalid(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String parameter = nameOf(result.getMethodParameter());
      if (result instanceof ParameterErrors parameterErrors) {
        parameterErrors.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
        parameterErrors.getGlobalErrors().forEach(error -> errors.add(new InvalidField(parameter, message(error))));
      } else {
        result.getResolvableErrors().forEach(error -> errors.add(new InvalidField(parameter, message(error))));
      }
    }
    return invalid(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, List.of(unreadable(ex)), headers, request);
  }

  /** A body in another charset than UTF-8 ({@link Utf8JsonOnly}) or of another type than JSON. */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setProperty(ERRORS, List.of(contentTypeError()));
    }
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
    return invalid(ex, List.of(new InvalidField(field, expected(ex.getRequiredType()))), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, List.of(new InvalidField(ex.getParameterName(), "is missing")), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex instanceof MissingRequestHeaderException missing) {
      return invalid(ex, List.of(new InvalidField(missing.getHeaderName(), "is missing")), headers, request);
    }
    return super.handleServletRequestBindingException(ex, headers, status, request);
  }

  /** A JSON body in another charset than UTF-8: see {@link Utf8JsonOnly}. */
  @ExceptionHandler(Utf8JsonOnly.NotUtf8Exception.class)
  ResponseEntity<Object> handleNotUtf8(Utf8JsonOnly.NotUtf8Exception ex, WebRequest request) {
    ProblemDetail problem =
        createProblemDetail(ex, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage(), null, null, request);
    problem.setDetail(ex.getMessage());
    problem.setProperty(ERRORS, List.of(contentTypeError()));
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
  }

  private static InvalidField contentTypeError() {
    return new InvalidField(HttpHeaders.CONTENT_TYPE, "must be application/json, in UTF-8 if a charset is given");
  }

  /** Bean Validation of a {@code @Validated} bean's method outside the web layer's own validation. */
  @ExceptionHandler(InvalidParametersException.class)
  ResponseEntity<Object> handleInvalidParameters(InvalidParametersException ex, WebRequest request) {
    return invalid(ex, ex.errors(), new HttpHeaders(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<InvalidField> errors =
        ex.getConstraintViolations().stream()
            .map(violation -> new InvalidField(path(violation), violation.getMessage()))
            .toList();
    return invalid(ex, errors, new HttpHeaders(), request);
  }

  /**
   * Two changes of the same request met: the engine's optimistic locking or the database's locks let one of them
   * win. The caller's change was rolled back whole and is not saved; a fresh look and a second try will do.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<Object> handleConcurrentChange(Exception ex, WebRequest request) {
    ProblemDetail problem =
        createProblemDetail(
            ex, HttpStatus.CONFLICT,
            "The request was changed by someone else at the same moment, so your change was not saved. Reload it and "
                + "try again.",
            null, null, request);
    problem.setTitle("Changed by someone else");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  /** A header is known to the caller by its name, not by the Java parameter that receives it. */
  private static String nameOf(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    return header != null && !header.name().isEmpty() ? header.name() : parameter.getParameterName();
  }

  private ResponseEntity<Object> invalid(
      Exception ex, List<InvalidField> errors, HttpHeaders headers, WebRequest request) {
    List<InvalidField> sorted =
        errors.stream()
            .distinct()
            .sorted(
                Comparator.comparing(InvalidField::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(InvalidField::message))
            .toList();
    String detail =
        sorted.size() == 1 ? describe(sorted.get(0)) : "The request has " + sorted.size() + " invalid values.";
    ProblemDetail problem = createProblemDetail(ex, HttpStatus.BAD_REQUEST, detail, null, null, request);
    problem.setTitle("Invalid request");
    problem.setDetail(detail);
    problem.setProperty(ERRORS, sorted);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A field's message completes a sentence about the field; a message without a field is a sentence. */
  private static String describe(InvalidField error) {
    return error.field() == null
        ? error.message()
        : "The request has an invalid value: " + error.field() + " " + error.message() + ".";
  }

  private static InvalidField fieldError(FieldError error) {
    return new InvalidField(error.getField(), message(error));
  }

  private static String message(MessageSourceResolvable error) {
    return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
  }

  /** What is wrong with a body that could not be read into the request's type. */
  private static InvalidField unreadable(HttpMessageNotReadableException ex) {
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return new InvalidField(path(unknown.getPath()), "is not a field of this request");
      }
      if (cause instanceof JsonMappingException mapping) {
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (mapping.getCause() instanceof InputCoercionException outOfRange) {
          // a number too large for its type, e.g. 99999999999 for an int
          return new InvalidField(path(mapping.getPath()), expected(outOfRange.getTargetType()) + " within its range");
        }
        if (mapping.getCause() instanceof JsonProcessingException json && isDuplicate(json)) {
          return new InvalidField(duplicate(json), "is given more than once");
        }
        if (mapping.getPath().isEmpty() && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
          return new InvalidField(null, "The request body has more after its JSON value.");
        }
        if (mapping.getPath().isEmpty()) {
          return new InvalidField(null, "The request body " + expected(target) + ".");
        }
        return new InvalidField(path(mapping.getPath()), target == null ? "has an unreadable value" : expected(target));
      }
      if (cause instanceof JsonProcessingException json && isDuplicate(json)) {
        return new InvalidField(duplicate(json), "is given more than once");
      }
      if (cause instanceof JsonProcessingException json) {
        JsonLocation location = json.getLocation();
        String where =
            location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new InvalidField(null, "The request body is not valid JSON: " + json.getOriginalMessage() + where + ".");
      }
    }
    if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
      return new InvalidField(null, "The request body is missing.");
    }
    return new InvalidField(null, "The request body cannot be read.");
  }

  /** A field given twice in one object: {@code JsonParser.Feature.STRICT_DUPLICATE_DETECTION} of {@link JsonStrictness}. */
  private static boolean isDuplicate(JsonProcessingException json) {
    return json instanceof StreamReadException
        && String.valueOf(json.getOriginalMessage()).startsWith("Duplicate field ");
  }

  /** The path of the duplicate field, as far as the parser that found it still knows it. */
  private static String duplicate(JsonProcessingException json) {
    JsonParser parser = json instanceof StreamReadException read ? read.getProcessor() : null;
    if (parser != null) {
      List<String> segments = new ArrayList<>();
      for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
        if (context.inObject() && context.getCurrentName() != null) {
          segments.add(0, "." + context.getCurrentName());
        } else if (context.inArray()) {
          segments.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
        }
      }
      String joined = String.join("", segments);
      String path = joined.startsWith(".") ? joined.substring(1) : joined;
      return path.isEmpty() ? null : path;
    }
    return null;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == LocalDate.class) {
      return "must be a date in ISO-8601 format, such as 2026-12-24";
    }
    if (type == LocalTime.class) {
      return "must be a time of day such as 08:00";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date and time in ISO-8601 format from year 0001 to 9999, such as 2026-12-01T08:00:00Z";
    }
    if (type == String.class) {
      return "must be a text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "must be an object";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFrom() instanceof Map && reference.getFieldName() != null) {
        // a key of a map, written as Bean Validation writes it: workingHours[MONDAY]
        path.append('[').append(reference.getFieldName()).append(']');
      } else if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The property path of a violation without the method and parameter it was found on. */
  private static String path(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.getKind() == ElementKind.METHOD) {
        continue;
      }
      if (node.isInIterable() && !path.isEmpty()) {
        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.isEmpty() ? parameter : path.toString();
  }
}
