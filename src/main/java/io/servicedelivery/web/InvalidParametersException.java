package io.servicedelivery.web;

import java.util.List;

/**
 * Parameters that are well-formed each but cannot be served together or against the data (a period that ends before
 * it starts, a service the catalog does not have): a 400 problem naming each, like any other invalid value.
 */
public class InvalidParametersException extends RuntimeException {

  private final List<InvalidField> errors;

  public InvalidParametersException(List<InvalidField> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  public InvalidParametersException(String field, String message) {
    this(List.of(new InvalidField(field, message)));
  }

  List<InvalidField> errors() {
    return errors;
  }
}
