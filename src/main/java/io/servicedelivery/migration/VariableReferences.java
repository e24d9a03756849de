package io.servicedelivery.migration;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The names a BPMN model's expressions ({@code ${...}}, {@code #{...}}) read: in attributes (due dates, assignees,
 * candidate groups, called elements, delegate expressions) and in texts (conditions, timer dates, input/output
 * mappings). A name is an identifier that is neither a property or method after a dot, nor a function call, nor an EL
 * keyword or a name the engine provides ({@code execution}, {@code task}, {@code dateTime}, ...); the argument of
 * {@code getVariable('name')} counts as a name too. Names of Spring beans are among them: the caller tells them apart.
 */
final class VariableReferences {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern GET_VARIABLE =
      Pattern.compile("getVariable(?:Local|Typed)?\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()(?![\\w])");
  private static final Set<String> NOT_VARIABLES =
      Set.of(
          // EL keywords and literals
          "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
          "instanceof",
          // what the engine resolves itself
          "execution", "task", "caseExecution", "variableScope", "authenticatedUserId", "processEngine",
          "processEngineServices", "externalTask");

  private VariableReferences() {}

  /** @return each name read, with the id of the first element whose expression reads it, in document order */
  static Map<String, String> in(String bpmnXml) {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      collect(root, null, names);
    } catch (Exception e) {
      throw new IllegalStateException("The deployed model cannot be read: " + e.getMessage(), e);
    }
    return names;
  }

  private static void collect(Element element, String enclosingId, Map<String, String> names) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      read(attributes.item(i).getNodeValue(), id, names);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        collect((Element) child, id, names);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        read(child.getNodeValue(), id, names);
      }
    }
  }

  static void read(String text, String elementId, Map<String, String> names) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher getVariable = GET_VARIABLE.matcher(body);
      while (getVariable.find()) {
        names.putIfAbsent(getVariable.group(1), elementId);
      }
      Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(body).replaceAll("''"));
      while (identifier.find()) {
        String name = identifier.group(1);
        if (!NOT_VARIABLES.contains(name)) {
          names.putIfAbsent(name, elementId);
        }
      }
    }
  }
}
