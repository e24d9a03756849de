package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A form-js schema with its input data written into it, for a renderer that gives the form none: a select's {@code
 * valuesKey} becomes the static {@code values} the data holds under that key, and each name of the data in a {@code
 * valuesExpression} becomes a FEEL literal of its value (outside string literals), so that the expression computes
 * what it computes with the data. Everything else of the schema stays as it is.
 */
final class SchemaWithInputData {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FEEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SchemaWithInputData() {}

  static JsonNode fill(JsonNode schema, Map<String, Object> data) {
    JsonNode filled = schema.deepCopy();
    fillComponents(filled.path("components"), data);
    return filled;
  }

  private static void fillComponents(JsonNode components, Map<String, Object> data) {
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode field)) {
        continue;
      }
      String valuesKey = field.path("valuesKey").asText(null);
      if (valuesKey != null && data.containsKey(valuesKey)) {
        field.remove("valuesKey");
        field.set("values", JSON.valueToTree(data.get(valuesKey)));
      }
      String expression = field.path("valuesExpression").asText(null);
      if (expression != null) {
        field.put("valuesExpression", withLiterals(expression, data));
      }
      fillComponents(field.path("components"), data);
    }
  }

  /** The expression with every name of the data, outside string literals, replaced by its value as a FEEL literal. */
  static String withLiterals(String expression, Map<String, Object> data) {
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '"') {
        int end = endOfString(expression, i);
        result.append(expression, i, end);
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
          end++;
        }
        String name = expression.substring(i, end);
        result.append(data.containsKey(name) ? feel(data.get(name)) : name);
        i = end;
      } else {
        result.append(c);
        i++;
      }
    }
    return result.toString();
  }

  private static int endOfString(String expression, int start) {
    int i = start + 1;
    while (i < expression.length() && expression.charAt(i) != '"') {
      i += expression.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, expression.length());
  }

  /** A FEEL literal of the value. */
  static String feel(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder literal = new StringBuilder("[");
      for (Iterator<?> item = list.iterator(); item.hasNext(); ) {
        literal.append(feel(item.next())).append(item.hasNext() ? ", " : "");
      }
      return literal.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder literal = new StringBuilder("{");
      for (Iterator<? extends Map.Entry<?, ?>> entry = map.entrySet().iterator(); entry.hasNext(); ) {
        Map.Entry<?, ?> next = entry.next();
        String key = String.valueOf(next.getKey());
        if (!FEEL_NAME.matcher(key).matches()) {
          throw new IllegalArgumentException("Not a FEEL name for a context entry: " + key);
        }
        literal.append(key).append(": ").append(feel(next.getValue())).append(entry.hasNext() ? ", " : "");
      }
      return literal.append('}').toString();
    }
    throw new IllegalArgumentException("No FEEL literal for " + value.getClass().getName());
  }
}
