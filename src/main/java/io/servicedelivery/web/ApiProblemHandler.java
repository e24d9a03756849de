package io.servicedelivery.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input to {@code /api} becomes a 400 RFC 9457 problem whose {@code errors} name every invalid field: Bean
 * Validation of bodies and parameters, malformed JSON, wrong types, unknown fields and unknown enum values.
 */
@RestControllerAdvice(basePackages = "io.servicedelivery")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  /** One invalid field of a request. */
  record InvalidField(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(fieldsOf(ex.getBindingResult()));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> fields = new ArrayList<>();
    for (ParameterValidationResult result : ex.getAllValidationResults()) {
      if (result instanceof ParameterErrors body) {
        fields.addAll(fieldsOf(body));
      } else {
        result.getResolvableErrors().forEach(error -> fields.add(field(result, error)));
      }
    }
    return invalid(fields);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String allowed = allowedValues(ex.getRequiredType());
    return invalid(
        List.of(
            new InvalidField(
                ex.getPropertyName(), "has the invalid value '" + ex.getValue() + "'" + allowed)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getMostSpecificCause();
    InvalidField field;
    if (cause instanceof UnrecognizedPropertyException unknown) {
      field = new InvalidField(path(unknown), "is not a field of this request");
    } else if (cause instanceof InvalidFormatException invalid) {
      field =
          new InvalidField(
              path(invalid),
              "has the invalid value '" + invalid.getValue() + "'" + allowedValues(invalid.getTargetType()));
    } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      field =
          new InvalidField(
              path(mismatched), "has the wrong type; expected " + typeName(mismatched.getTargetType()));
    } else if (cause instanceof JsonProcessingException json) {
      field = new InvalidField("body", "is not well-formed JSON: " + json.getOriginalMessage());
    } else {
      field = new InvalidField("body", "is missing or unreadable");
    }
    return invalid(List.of(field));
  }

  private static ResponseEntity<Object> invalid(List<InvalidField> fields) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            fields.size() == 1
                ? "The request has an invalid field."
                : "The request has " + fields.size() + " invalid fields.");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  private static List<InvalidField> fieldsOf(Errors result) {
    return result.getFieldErrors().stream()
        .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .collect(Collectors.toList());
  }

  private static InvalidField field(ParameterValidationResult result, MessageSourceResolvable error) {
    RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
    String name =
        header != null && !header.name().isEmpty() ? header.name() : result.getMethodParameter().getParameterName();
    return new InvalidField(name, error.getDefaultMessage());
  }

  private static String path(JsonMappingException exception) {
    return exception.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String allowedValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return "";
    }
    return "; allowed: "
        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    Map<Class<?>, String> names =
        Map.of(String.class, "text", Integer.class, "a whole number", int.class, "a whole number",
            List.class, "a list", Boolean.class, "true or false");
    return names.getOrDefault(type, type.isRecord() ? "an object" : type.getSimpleName());
  }
}
