package io.servicedelivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/architecture.md} true: its table "BPMN element → bean → service" has one row for every place a
 * deployed BPMN file calls Java, and names only elements, bean classes and services that exist. Also checks that
 * every relative link of {@code README.md} and {@code docs/*.md} leads to an existing file (and heading).
 *
 * <p>Plain JUnit, no Spring context: it reads the files of the project.
 */
class ArchitectureDocTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Path ARCHITECTURE = Paths.get("docs", "architecture.md");
  private static final Path MAIN_JAVA = Paths.get("src", "main", "java");
  /** The deployment takes {@code classpath*:bpmn/**}: the files in {@code bpmn/} and any under the resources. */
  private static final List<Path> BPMN_ROOTS = List.of(Paths.get("bpmn"), Paths.get("src", "main", "resources"));

  private static final Pattern BEAN_NAME = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:[.(}]).*");
  private static final Pattern COMPONENT_NAME =
      Pattern.compile("@(?:Component|Service|Repository|Controller)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

  /** A place where a BPMN file calls Java. */
  record JavaCall(String file, String processId, String elementId, String elementName, String kind, String expression) {
    String key() {
      return key(processId, elementId, expression);
    }

    static String key(String processId, String elementId, String expression) {
      return processId + " / " + elementId + " / " + expression;
    }
  }

  /** A row of the table. */
  record Row(int line, String processId, String elementId, String elementName, String kind, String expression,
      String beanClass, List<String> services) {
    String key() {
      return JavaCall.key(processId, elementId, expression);
    }

    @Override
    public String toString() {
      return "docs/architecture.md line " + line + " (" + key() + ")";
    }
  }

  private static List<JavaCall> calls;
  private static List<Row> rows;
  private static Map<String, List<Path>> javaFiles;

  @BeforeAll
  static void read() throws IOException {
    calls = javaCallsOfDeployedBpmn();
    rows = tableRows();
    try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
      javaFiles =
          files
              .filter(p -> p.getFileName().toString().endsWith(".java"))
              .collect(Collectors.groupingBy(p -> p.getFileName().toString().replaceFirst("\\.java$", "")));
    }
  }

  @Test
  void everyJavaCallOfEveryBpmnFileHasExactlyOneRow() {
    assertFalse(calls.isEmpty(), "found no Java call in the BPMN files under " + BPMN_ROOTS);
    Map<String, List<Row>> rowsByKey = rows.stream().collect(Collectors.groupingBy(Row::key));
    List<String> problems = new ArrayList<>();
    for (JavaCall call : calls) {
      List<Row> matching = rowsByKey.getOrDefault(call.key(), List.of());
      if (matching.isEmpty()) {
        problems.add(
            "missing row for " + call.file() + ": process `" + call.processId() + "`, element `" + call.elementId()
                + "` (" + call.elementName() + ", " + call.kind() + "), bean expression `" + call.expression() + "`");
      } else if (matching.size() > 1) {
        problems.add("more than one row for " + call.key() + ": " + matching);
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void everyRowNamesAnExistingElementAndItsJavaCall() {
    Map<String, JavaCall> callsByKey = new HashMap<>();
    calls.forEach(call -> callsByKey.putIfAbsent(call.key(), call));
    Set<String> elements =
        calls.stream().map(c -> c.processId() + " / " + c.elementId()).collect(Collectors.toSet());
    Map<String, String> allElements = allElementNames();
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      JavaCall call = callsByKey.get(row.key());
      if (call != null) {
        if (!call.elementName().equals(row.elementName())) {
          problems.add(row + ": element name is `" + row.elementName() + "`, the diagram says `"
              + call.elementName() + "`");
        }
        continue;
      }
      String element = row.processId() + " / " + row.elementId();
      if (!allElements.containsKey(element)) {
        problems.add(row + ": no element `" + row.elementId() + "` in process `" + row.processId() + "`");
      } else if (!elements.contains(element)) {
        problems.add(row + ": element `" + row.elementId() + "` calls no Java");
      } else {
        problems.add(row + ": element `" + row.elementId() + "` has no call `" + row.expression() + "`");
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void beanAndServiceClassesExistAndBeanNamesMatchTheirClass() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      List<Path> beanFiles = javaFiles.getOrDefault(row.beanClass(), List.of());
      if (beanFiles.isEmpty()) {
        problems.add(row + ": bean class `" + row.beanClass() + "` has no " + row.beanClass()
            + ".java under src/main/java");
      } else {
        Matcher bean = BEAN_NAME.matcher(row.expression());
        if (bean.matches()) {
          String beanName = bean.group(1);
          String decapitalised = decapitalise(row.beanClass());
          Set<String> declared = new TreeSet<>();
          for (Path file : beanFiles) {
            Matcher component = COMPONENT_NAME.matcher(Files.readString(file));
            while (component.find()) {
              declared.add(component.group(1));
            }
          }
          boolean named = declared.isEmpty() ? decapitalised.equals(beanName) : declared.contains(beanName);
          if (!named) {
            problems.add(row + ": bean `" + beanName + "` is not class `" + row.beanClass() + "` (its bean name is `"
                + (declared.isEmpty() ? decapitalised : String.join("`, `", declared)) + "`)");
          }
        } else {
          problems.add(row + ": bean expression `" + row.expression() + "` is not of the form ${bean} or "
              + "${bean.method(...)}");
        }
      }
      if (row.services().isEmpty()) {
        problems.add(row + ": no service named");
      }
      String beanSource = beanFiles.isEmpty() ? "" : Files.readString(beanFiles.get(0));
      for (String service : row.services()) {
        String serviceClass = service.replace("(Camunda)", "").trim();
        if (!service.endsWith("(Camunda)") && !javaFiles.containsKey(serviceClass)) {
          problems.add(row + ": service class `" + service + "` has no " + service + ".java under src/main/java");
        }
        if (!beanFiles.isEmpty() && !Pattern.compile("\\b" + Pattern.quote(serviceClass) + "\\b").matcher(beanSource).find()) {
          problems.add(row + ": bean class `" + row.beanClass() + "` does not use `" + serviceClass + "`");
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void everyRelativeLinkOfTheDocsLeadsToAnExistingFile() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(Paths.get("README.md"));
    try (Stream<Path> docs = Files.list(Paths.get("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<String> problems = new ArrayList<>();
    for (Path document : documents) {
      List<String> lines = Files.readAllLines(document);
      boolean inCode = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.trim().startsWith("```")) {
          inCode = !inCode;
          continue;
        }
        if (inCode) {
          continue;
        }
        for (Pattern pattern : List.of(LINK, IMAGE)) {
          Matcher link = pattern.matcher(line.replaceAll("`[^`]*`", "``"));
          while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
              continue; // http:, https:, mailto:
            }
            String where = document + " line " + (i + 1) + ": link `" + target + "`";
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
            Path resolved = file.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(file).normalize();
            if (!Files.exists(resolved)) {
              problems.add(where + " leads to no file (" + resolved + ")");
            } else if (anchor != null && resolved.toString().endsWith(".md")
                && !headingAnchors(resolved).contains(anchor)) {
              problems.add(where + ": " + resolved.getFileName() + " has no heading with the anchor #" + anchor);
            }
          }
        }
      }
    }
    assertNoProblems(problems);
  }

  // --- the BPMN files

  private static List<Path> deployedBpmnFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : BPMN_ROOTS) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  private static List<JavaCall> javaCallsOfDeployedBpmn() throws IOException {
    List<JavaCall> found = new ArrayList<>();
    List<Path> files = deployedBpmnFiles();
    assertFalse(files.isEmpty(), "found no BPMN file under " + BPMN_ROOTS);
    for (Path file : files) {
      BpmnModelInstance model;
      try (InputStream in = Files.newInputStream(file)) {
        model = Bpmn.readModelFromStream(in);
      }
      String name = file.toString().replace('\\', '/');
      // attributes on the element itself (tasks, event definitions)
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        for (String attribute : List.of("delegateExpression", "expression", "class")) {
          String value = element.getAttributeValueNs(CAMUNDA_NS, attribute);
          if (value != null && !value.isBlank()) {
            BaseElement owner = element instanceof EventDefinition ? owner(element) : element;
            found.add(call(name, owner, kind(owner) + " (camunda:" + attribute + ")", value));
          }
        }
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        Optional.ofNullable(listenerTarget(listener.getCamundaDelegateExpression(), listener.getCamundaExpression(),
                listener.getCamundaClass()))
            .ifPresent(value -> found.add(call(name, owner(listener), "task listener", value)));
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        Optional.ofNullable(listenerTarget(listener.getCamundaDelegateExpression(), listener.getCamundaExpression(),
                listener.getCamundaClass()))
            .ifPresent(value -> found.add(call(name, owner(listener), "execution listener", value)));
      }
    }
    // several events of one listener (create, assignment, complete) are one call
    Map<String, JavaCall> distinct = new LinkedHashMap<>();
    found.forEach(call -> distinct.putIfAbsent(call.key(), call));
    return List.copyOf(distinct.values());
  }

  private static String listenerTarget(String delegateExpression, String expression, String className) {
    for (String value : new String[] {delegateExpression, expression, className}) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static JavaCall call(String file, BaseElement element, String kind, String expression) {
    return new JavaCall(file, process(element).getId(), element.getId(), nameOf(element), kind, expression.trim());
  }

  /** The flow element (or process) an extension or event definition belongs to. */
  private static BaseElement owner(ModelElementInstance inner) {
    ModelElementInstance parent = inner.getParentElement();
    while (parent != null) {
      if (parent instanceof FlowElement || parent instanceof Process) {
        return (BaseElement) parent;
      }
      parent = parent.getParentElement();
    }
    throw new IllegalStateException("no flow element around " + inner.getElementType().getTypeName());
  }

  private static Process process(BaseElement element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    if (current == null) {
      throw new IllegalStateException("element " + element.getId() + " is in no process");
    }
    return (Process) current;
  }

  private static String nameOf(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null ? "" : name.replaceAll("\\s+", " ").trim();
  }

  private static String kind(BaseElement element) {
    String type = element.getElementType().getTypeName();
    return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> allElementNames() {
    Map<String, String> names = new HashMap<>();
    try {
      for (Path file : deployedBpmnFiles()) {
        try (InputStream in = Files.newInputStream(file)) {
          BpmnModelInstance model = Bpmn.readModelFromStream(in);
          for (Process process : model.getModelElementsByType(Process.class)) {
            names.put(process.getId() + " / " + process.getId(), nameOf(process));
          }
          for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            names.put(process(element).getId() + " / " + element.getId(), nameOf(element));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  // --- the table

  /**
   * The rows of the table whose header starts with {@code | process id | element id |}: process id, element id,
   * element name, kind, bean expression, bean class, service class(es). Cells may be in backticks; services are
   * separated by commas, and a service marked "(Camunda)" is the engine's API, not a class of this project.
   */
  private static List<Row> tableRows() throws IOException {
    assertTrue(Files.exists(ARCHITECTURE), ARCHITECTURE + " is missing");
    List<String> lines = Files.readAllLines(ARCHITECTURE);
    List<Row> found = new ArrayList<>();
    boolean inTable = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (!inTable) {
        inTable = cells.size() >= 7 && cells.get(0).equalsIgnoreCase("process id")
            && cells.get(1).equalsIgnoreCase("element id");
        continue;
      }
      if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue;
      }
      if (cells.size() != 7) {
        fail(ARCHITECTURE + " line " + (i + 1) + ": a row of the BPMN table needs 7 cells, has " + cells.size());
      }
      List<String> services =
          Stream.of(cells.get(6).split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(ArchitectureDocTest::unquote)
              .toList();
      found.add(new Row(i + 1, unquote(cells.get(0)), unquote(cells.get(1)), unquote(cells.get(2)),
          unquote(cells.get(3)), unquote(cells.get(4)), unquote(cells.get(5)), services));
    }
    assertFalse(found.isEmpty(), ARCHITECTURE + " has no table with the header | process id | element id | ...");
    return found;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.replace("\\|", "|").trim());
    }
    return cells;
  }

  private static String unquote(String cell) {
    String value = cell.trim();
    if (value.startsWith("`") && value.endsWith("`") && value.length() >= 2) {
      value = value.substring(1, value.length() - 1);
    }
    return value.replaceAll("\\s+", " ").trim();
  }

  // --- helpers

  private static Set<String> headingAnchors(Path markdown) throws IOException {
    Set<String> anchors = new TreeSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.trim().startsWith("```")) {
        inCode = !inCode;
      }
      if (inCode || !line.startsWith("#")) {
        continue;
      }
      String text = line.replaceFirst("^#+\\s*", "").trim();
      String slug =
          text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").trim().replaceAll("\\s", "-");
      int count = seen.merge(slug, 1, Integer::sum);
      anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    return anchors;
  }

  private static String decapitalise(String simpleName) {
    if (simpleName.length() > 1 && Character.isUpperCase(simpleName.charAt(1))
        && Character.isUpperCase(simpleName.charAt(0))) {
      return simpleName; // java.beans.Introspector.decapitalize: "URLFoo" stays
    }
    return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
  }

  private static void assertNoProblems(Collection<String> problems) {
    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s) with docs:\n  " + String.join("\n  ", problems));
    }
  }
}
