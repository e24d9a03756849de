package io.servicedelivery.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /api} and {@code /dashboard/api} read JSON strictly, in this one place for every request body: whatever is
 * not exactly what the request's type says is an error the caller hears about (a 400 naming the value, see {@link
 * ApiExceptionHandler}), never something silently dropped, converted, truncated or picked:
 *
 * <ul>
 *   <li>an unknown field (a typo), a field given twice ({@code {"priority": "LOW", "priority": "HIGH"}}), and
 *       anything after the JSON value ({@code {...} {...}}, {@code {...}]});
 *   <li>no coercion between types: no number or {@code true} where text belongs, no {@code "1"} or {@code true} where
 *       a number belongs, no {@code "true"} or {@code 1} where {@code true} or {@code false} belongs, no decimal
 *       where a whole number belongs ({@code 1.5} is not {@code 1}), no {@code null} for a primitive;
 *   <li>an enum value is exactly the name of one of its constants: not its ordinal ({@code 0} or {@code "0"}), not
 *       the name padded with spaces or control characters;
 *   <li>a date or time is an ISO-8601 text with a four-digit year, in the years 1 to 9999 ({@link SupportedDates}): not a
 *       number of seconds or days ({@code 12345}, {@code "12345"}), not a list ({@code [2026, 12, 24]}), not a date
 *       and time where a date belongs (its time would be dropped), and not a year beyond 9999 that the database and
 *       the SLA arithmetic cannot hold.
 * </ul>
 *
 * The same {@link ObjectMapper} reads the catalog change proposals back from the database (written by it, so they
 * meet these rules) and writes every JSON response; Camunda's Spin and {@code /engine-rest} have mappers of their own.
 * The charset of a body is checked by {@link Utf8JsonOnly}, query parameters by {@link StrictParameters}.
 */
@Configuration
class JsonStrictness {

  private static final String DIGITS_4_YEAR_DATE = "\\d{4}-\\d{2}-\\d{2}";
  private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";
  private static final String OFFSET = "(Z|[+-]\\d{2}:\\d{2})";

  /** The texts each date and time type is read from; the parsing itself is Jackson's (jsr310) afterwards. */
  private static final Map<Class<?>, Pattern> TEMPORAL_FORMATS =
      Map.of(
          LocalDate.class, Pattern.compile(DIGITS_4_YEAR_DATE),
          LocalTime.class, Pattern.compile(TIME),
          LocalDateTime.class, Pattern.compile(DIGITS_4_YEAR_DATE + "T" + TIME),
          Instant.class, Pattern.compile(DIGITS_4_YEAR_DATE + "T" + TIME + OFFSET),
          OffsetDateTime.class, Pattern.compile(DIGITS_4_YEAR_DATE + "T" + TIME + OFFSET),
          ZonedDateTime.class, Pattern.compile(DIGITS_4_YEAR_DATE + "T" + TIME + OFFSET + "(\\[[A-Za-z0-9_+\\-/]+])?"));

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .modulesToInstall(modules -> modules.add(strictValues()))
            .postConfigurer(JsonStrictness::noCoercion);
  }

  /** Every coercion of a value of one JSON type into a Java type of another fails. */
  static void noCoercion(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
  }

  /** Enums and dates are checked before (and dates also after) Jackson's own deserializers read them. */
  static SimpleModule strictValues() {
    SimpleModule module = new SimpleModule("strict-values");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config, JavaType type, BeanDescription description, JsonDeserializer<?> reader) {
            return new StrictValue(reader, type.getRawClass());
          }

          @Override
          public KeyDeserializer modifyKeyDeserializer(
              DeserializationConfig config, JavaType type, KeyDeserializer reader) {
            Class<?> keyType = type.getRawClass();
            if (!keyType.isEnum()) {
              return reader;
            }
            return new KeyDeserializer() {
              @Override
              public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                if (!key.equals(key.strip()) || key.chars().anyMatch(Character::isISOControl)) {
                  return context.handleWeirdKey(keyType, key, "not exactly the name of a constant");
                }
                return reader.deserializeKey(key, context);
              }
            };
          }

          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription description, JsonDeserializer<?> reader) {
            Class<?> type = description.getBeanClass();
            return Temporal.class.isAssignableFrom(type) || type == LocalTime.class
                ? new StrictValue(reader, type)
                : reader;
          }
        });
    return module;
  }

  /** An enum constant's exact name, or a date or time in its ISO-8601 text within the years 1 to 9999. */
  private static final class StrictValue extends DelegatingDeserializer {

    private final Class<?> type;

    StrictValue(JsonDeserializer<?> reader, Class<?> type) {
      super(reader);
      this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
      return new StrictValue(reader, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return context.reportInputMismatch(type, "Expected a JSON string for %s, got %s", type.getName(),
            parser.currentToken());
      }
      String text = parser.getText();
      if (type.isEnum()) {
        if (!text.equals(text.strip()) || text.chars().anyMatch(Character::isISOControl)) {
          return context.reportInputMismatch(type, "Not exactly the name of a constant of %s", type.getName());
        }
        return super.deserialize(parser, context);
      }
      Pattern format = TEMPORAL_FORMATS.get(type);
      if (format == null ? !text.equals(text.strip()) : !format.matcher(text).matches()) {
        return context.reportInputMismatch(type, "Not an ISO-8601 text of %s", type.getName());
      }
      Object value = super.deserialize(parser, context);
      if (!SupportedDates.contain(value)) {
        return context.reportInputMismatch(type, "Outside of the years 1 to 9999: %s", text);
      }
      return value;
    }
  }
}
