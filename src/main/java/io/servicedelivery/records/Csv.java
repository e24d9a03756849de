package io.servicedelivery.records;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes CSV as RFC 4180 has it: fields separated by commas, lines ended by CRLF, and a field that holds a comma, a
 * double quote or a line break enclosed in double quotes, with its own double quotes doubled.
 */
final class Csv {

  private final StringBuilder text = new StringBuilder();

  /** Adds a line; null is an empty field, everything else its {@code toString()}. */
  Csv line(Object... fields) {
    text.append(Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String field = value.toString();
    if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
