package io.servicedelivery.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters, path variables and headers of the application's controllers are read as strictly as bodies (see
 * {@link JsonStrictness}). Spring's own conversion is lenient: when its conversion service refuses a value, its
 * fallback trims it ({@link String#trim()} also drops control characters, so {@code status=RECEIVED%00} was {@code
 * RECEIVED}) and tries again, its number editor reads {@code " 1"} and {@code 0x1}, its boolean editor {@code yes},
 * {@code on} and {@code 1}, and its dates have any year. The editors registered here take the place of both for
 * enums, whole numbers, booleans and dates; a value they refuse is a 400 naming the parameter ({@link
 * ApiExceptionHandler#handleTypeMismatch}). An empty value stays what it is in Spring: no value (a parameter with a
 * default gets it, a required one is missing).
 */
@ControllerAdvice(basePackages = "io.servicedelivery")
class StrictParameters {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ENUM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @InitBinder
  void strictValues(WebDataBinder binder) {
    // the name is checked here; Spring then takes the constant of exactly this name (a public field of the enum)
    binder.registerCustomEditor(Enum.class, editor(text -> checked(text, ENUM_NAME)));
    binder.registerCustomEditor(Integer.class, editor(text -> Integer.valueOf(checked(text, WHOLE_NUMBER))));
    binder.registerCustomEditor(int.class, editor(text -> Integer.valueOf(checked(text, WHOLE_NUMBER))));
    binder.registerCustomEditor(Long.class, editor(text -> Long.valueOf(checked(text, WHOLE_NUMBER))));
    binder.registerCustomEditor(long.class, editor(text -> Long.valueOf(checked(text, WHOLE_NUMBER))));
    binder.registerCustomEditor(Boolean.class, editor(StrictParameters::bool));
    binder.registerCustomEditor(boolean.class, editor(StrictParameters::bool));
    // also for @DateTimeFormat(iso = DATE) parameters, the only date format the controllers use
    binder.registerCustomEditor(LocalDate.class, editor(StrictParameters::date));
  }

  private static PropertyEditorSupport editor(Function<String, Object> read) {
    return new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        setValue(text == null || text.isEmpty() ? null : read.apply(text));
      }
    };
  }

  private static String checked(String text, Pattern format) {
    if (!format.matcher(text).matches()) {
      throw new IllegalArgumentException("not in the expected format");
    }
    return text;
  }

  private static Boolean bool(String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("neither true nor false");
    };
  }

  private static LocalDate date(String text) {
    try {
      LocalDate date = LocalDate.parse(checked(text, DATE));
      if (!SupportedDates.contain(date)) {
        throw new IllegalArgumentException("before year 1");
      }
      return date;
    } catch (DateTimeParseException notADate) {
      throw new IllegalArgumentException(notADate.getMessage(), notADate);
    }
  }
}
