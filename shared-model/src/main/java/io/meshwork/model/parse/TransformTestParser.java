package io.meshwork.model.parse;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.ParameterValues;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.testing.ExpectedRows;
import io.meshwork.model.testing.TestInput;
import io.meshwork.model.testing.TestRow;
import io.meshwork.model.testing.TestValue;
import io.meshwork.model.testing.TransformTestCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads transform test fixtures ({@code kind: TransformTest} in {@code tests/} beside a product.yaml) and checks
 * them against the product they belong to: its inputs and their columns, its parameters and their bounds, and its
 * contract. Every problem is reported with its file:line:column, like a definition's.
 */
public final class TransformTestParser {

  static final String KIND = "TransformTest";
  private static final String OVERRIDES = "overrides/";

  private static final List<String> KEYS = List.of("apiVersion", "kind", "name", "description", "parameters",
      "inputs", "expected");
  private static final List<String> EXPECTED_KEYS = List.of("columns", "tolerance", "rows");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final DefinitionFiles files;
  private final Catalog catalog;
  private final Problems problems;
  private final Map<String, Location> caseNames = new HashMap<>();

  private TransformTestParser(DefinitionFiles files, Catalog catalog, Problems problems) {
    this.files = files;
    this.catalog = catalog;
    this.problems = problems;
  }

  /**
   * The valid cases of the fixtures at {@code testPaths} (relative to the root of {@code files}); the problems of the
   * others go to {@code problems}.
   */
  public static List<TransformTestCase> load(DefinitionFiles files, List<String> testPaths, Catalog catalog,
      Problems problems) {
    TransformTestParser parser = new TransformTestParser(files, catalog, problems);
    List<TransformTestCase> cases = new ArrayList<>();
    for (String path : testPaths.stream().sorted().toList()) {
      cases.addAll(parser.parseFile(path));
    }
    return cases;
  }

  private List<TransformTestCase> parseFile(String path) {
    Optional<DataProduct> product = productBeside(path);
    if (product.isEmpty()) {
      return List.of();
    }
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      problems.error(Location.of(path), "Transform test not found. Check the path.");
      return List.of();
    }
    List<TransformTestCase> cases = new ArrayList<>();
    List<Node> documents = compose(path, text.get());
    for (Node document : documents) {
      new YamlNode(path, document, problems).asMap("A transform test")
          .flatMap(map -> parseCase(map, product.get()))
          .ifPresent(cases::add);
    }
    return cases;
  }

  /** The product whose product.yaml is in the directory that holds this test's {@code tests} directory. */
  private Optional<DataProduct> productBeside(String path) {
    if (!DirectoryTestFiles.isTestFixture(path)) {
      problems.error(Location.of(path), "A transform test must be a .yaml file in a tests directory beside the "
          + "product.yaml it tests. Move it there.");
      return Optional.empty();
    }
    String directory = parent(parent(path));
    if (directory.startsWith(WorkspaceFiles.PREFIX + OVERRIDES)) {
      return overridden(path, directory.substring((WorkspaceFiles.PREFIX + OVERRIDES).length()));
    }
    Optional<DataProduct> product = catalog.products().stream()
        .filter(candidate -> parent(candidate.location().file()).equals(directory))
        .max(Comparator.comparing(DataProduct::version));
    String prefix = directory.isEmpty() ? "" : directory + "/";
    boolean unreadableProduct = files.read(prefix + "product.yaml").isPresent()
        || files.read(prefix + "product.yml").isPresent();
    if (product.isEmpty() && !unreadableProduct) {
      problems.error(Location.of(path), "No product beside this transform test: %s has no product.yaml. Put "
          + "transform tests in the tests directory beside the product.yaml they test.",
          directory.isEmpty() ? "the catalogue root" : directory);
    }
    return product;
  }

  /**
   * The product a workspace's override test ({@code overrides/<product>/tests/<case>.yaml}) belongs to: the highest
   * version of the managed product the workspace's tenant overrides.
   */
  private Optional<DataProduct> overridden(String path, String name) {
    boolean overridden = catalog.tenants().stream().filter(tenant -> tenant.delegation().workspace().isPresent())
        .flatMap(tenant -> tenant.overrides().stream()).anyMatch(override -> override.product().equals(name));
    if (!overridden) {
      problems.error(Location.of(path), "This override test names product '%s', which the workspace does not "
          + "override. Put override tests in overrides/<product>/tests/ of a product listed under 'overrides' in "
          + "workspace.yaml.", name);
      return Optional.empty();
    }
    return catalog.productVersions(name).stream().max(Comparator.comparing(DataProduct::version));
  }

  /** True if {@code testCase} tests a workspace's override rather than the provider's transform. */
  public static boolean testsOverride(TransformTestCase testCase) {
    return testCase.location().file().startsWith(WorkspaceFiles.PREFIX + OVERRIDES);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private List<Node> compose(String path, String text) {
    return YamlFiles.compose(path, text, problems, "a transform test").orElse(List.of());
  }

  private Optional<TransformTestCase> parseCase(YamlMap document, DataProduct product) {
    int problemsBefore = problems.size();
    Optional<String> apiVersion = document.requiredText("The transform test", "apiVersion",
        DefinitionParser.API_VERSION);
    if (apiVersion.isPresent() && !apiVersion.get().equals(DefinitionParser.API_VERSION)) {
      problems.error(document.locationOf("apiVersion"), "Unsupported apiVersion '%s'. Use '%s'.", apiVersion.get(),
          DefinitionParser.API_VERSION);
      return Optional.empty();
    }
    Optional<String> kind = document.requiredText("The transform test", "kind", KIND);
    if (kind.isPresent() && !kind.get().equals(KIND)) {
      problems.error(document.locationOf("kind"), "Files in a tests directory are transform tests: their kind is "
          + "'%s', found '%s'. Move definitions out of tests directories.", KIND, kind.get());
      return Optional.empty();
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = document.requiredText("The transform test", "name", "drops_cancelled_lines")
        .filter(text -> {
          boolean valid = NAME.matcher(text).matches();
          if (!valid) {
            problems.error(document.locationOf("name"), "Invalid test name '%s': use lower-case letters, digits and "
                + "underscores, starting with a letter, e.g. 'drops_cancelled_lines'.", text);
          }
          return valid;
        });
    String what = "test " + name.orElse("(unnamed)") + " of " + product.label();
    document.allowOnly(what, KEYS);
    name.ifPresent(text -> {
      Location previous = caseNames.putIfAbsent(product.label() + "/" + text, document.locationOf("name"));
      if (previous != null) {
        problems.error(document.locationOf("name"), "Duplicate test name '%s' of %s (first at %s). Rename one of "
            + "them.", text, product.label(), previous);
      }
    });
    String description = document.optionalText(what, "description").orElse("");
    Map<String, ParameterValue> parameters = parameters(document, what, product);
    List<TestInput> inputs = inputs(document, what, product);
    Optional<ExpectedRows> expected = expected(document, what, product);
    if (problems.size() > problemsBefore || name.isEmpty() || expected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TransformTestCase(product.name(), product.version(), name.get(), description, parameters,
        inputs, expected.get(), document.location()));
  }

  /** The case's parameter values, checked as a tenant's subscription parameters are. */
  private Map<String, ParameterValue> parameters(YamlMap document, String what, DataProduct product) {
    Map<String, ParameterValue> values = new TreeMap<>();
    Optional<YamlMap> assignments = document.optionalMap(what, "parameters");
    if (assignments.isEmpty()) {
      return values;
    }
    YamlMap map = assignments.get();
    for (String name : map.keys()) {
      Optional<Parameter> parameter = product.parameter(name);
      if (parameter.isEmpty()) {
        List<String> names = product.parameters().stream().map(Parameter::name).toList();
        problems.error(map.keyLocation(name), "Product %s has no parameter '%s'.%s%s", product.label(), name,
            Suggestions.didYouMean(name, names),
            names.isEmpty() ? " It takes no parameters." : " Its parameters are " + String.join(", ", names) + ".");
        continue;
      }
      Optional<Scalar> scalar = map.get(name).flatMap(node -> node.asScalar("Parameter '" + name + "' of " + what));
      if (scalar.isEmpty()) {
        continue;
      }
      ParameterValues.Typed typed = ParameterValues.type(parameter.get().type(), scalar.get());
      if (typed.value().isEmpty()) {
        problems.error(scalar.get().location(), "Parameter '%s' of %s %s.", name, product.label(), typed.problem());
        continue;
      }
      Optional<String> bounds = ParameterValues.boundsProblem(parameter.get(), typed.value().get());
      if (bounds.isPresent()) {
        problems.error(scalar.get().location(), "Parameter '%s' of %s %s.", name, product.label(), bounds.get());
        continue;
      }
      values.put(name, typed.value().get());
    }
    return values;
  }

  private List<TestInput> inputs(YamlMap document, String what, DataProduct product) {
    List<String> declared = product.inputs().stream().map(Input::name).toList();
    if (!document.has("inputs")) {
      problems.error(document.location(), "%s is missing 'inputs'. Give the rows of each input of %s, e.g. "
          + "'inputs: {%s: []}'.", ProductParser.capitalize(what), product.label(),
          declared.isEmpty() ? "claims" : declared.get(0));
      return List.of();
    }
    Optional<YamlMap> given = document.optionalMap(what, "inputs");
    if (given.isEmpty()) {
      return List.of();
    }
    YamlMap map = given.get();
    Map<String, TestInput> byName = new HashMap<>();
    for (String name : map.keys()) {
      Optional<Input> input = product.inputs().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
      if (input.isEmpty()) {
        problems.error(map.keyLocation(name), "%s gives rows for '%s', which is not an input of %s.%s Its inputs are "
            + "%s.", ProductParser.capitalize(what), name, product.label(), Suggestions.didYouMean(name, declared),
            String.join(", ", declared));
        continue;
      }
      Optional<List<Column>> columns = schema(input.get());
      List<YamlNode> rows = map.get(name).flatMap(node -> node.asList("Input '" + name + "' of " + what))
          .orElse(List.of());
      if (columns.isPresent()) {
        List<TestRow> typedRows = new ArrayList<>();
        for (YamlNode row : rows) {
          row.asMap("A row of input " + name + " in " + what)
              .map(values -> inputRow(values, name, columns.get()))
              .ifPresent(typedRows::add);
        }
        byName.put(name, new TestInput(name, columns.get(), typedRows, map.keyLocation(name)));
      }
    }
    for (String name : declared) {
      if (!map.has(name)) {
        problems.error(map.location(), "%s gives no rows for input '%s'. Add '%s: []' under 'inputs' if it should "
            + "be empty.", ProductParser.capitalize(what), name, name);
      }
    }
    return declared.stream().filter(byName::containsKey).map(byName::get).toList();
  }

  /** A source's columns, or the contract columns of the upstream version the input accepts. */
  private Optional<List<Column>> schema(Input input) {
    return catalog.source(input.name()).map(source -> source.contract().columns())
        .or(() -> catalog.product(input.name(), input.versions()).map(upstream -> upstream.contract().columns()));
  }

  /** A row of an input in schema order; the columns it leaves out are NULL. */
  private TestRow inputRow(YamlMap row, String input, List<Column> columns) {
    Map<String, TestValue> values = new LinkedHashMap<>();
    columns.forEach(column -> values.put(column.name(), TestValue.nullOf(column.type())));
    List<String> names = columns.stream().map(Column::name).toList();
    for (String key : row.keys()) {
      Optional<Column> column = columns.stream().filter(candidate -> candidate.name().equals(key)).findFirst();
      if (column.isEmpty()) {
        problems.error(row.keyLocation(key), "Input %s has no column '%s'. %s", input, key, hint(key, names));
        continue;
      }
      typed(row, key, column.get(), "Column '" + key + "' of input " + input)
          .ifPresent(value -> values.put(key, value));
    }
    return new TestRow(values, row.location());
  }

  private Optional<TestValue> typed(YamlMap row, String key, Column column, String what) {
    Optional<Scalar> scalar = row.get(key).flatMap(node -> node.asScalar(what));
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    TestValues.Typed typed = TestValues.type(column.type(), scalar.get());
    if (typed.value().isEmpty()) {
      problems.error(scalar.get().location(), "%s %s.", what, typed.problem());
    }
    return typed.value();
  }

  private Optional<ExpectedRows> expected(YamlMap document, String what, DataProduct product) {
    if (!document.has("expected")) {
      problems.error(document.location(), "%s is missing 'expected'. Add 'expected: {rows: [...]}' with the rows the "
          + "transform must return.", ProductParser.capitalize(what));
      return Optional.empty();
    }
    Optional<YamlMap> given = document.optionalMap(what, "expected");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = given.get().allowOnly("the expected rows of " + what, EXPECTED_KEYS);
    List<String> contractColumns = product.contract().columnNames();
    boolean listed = map.has("columns");
    List<String> compared = listed ? comparedColumns(map, what, product) : contractColumns;
    BigDecimal tolerance = tolerance(map, what);
    if (!map.has("rows")) {
      problems.error(map.location(), "The expected rows of %s are missing 'rows'. Add 'rows: []' if the transform "
          + "should return no rows.", what);
      return Optional.empty();
    }
    List<TestRow> rows = new ArrayList<>();
    for (YamlNode item : map.list("the expected rows of " + what, "rows")) {
      item.asMap("An expected row of " + what).map(row -> expectedRow(row, what, product, compared, listed))
          .ifPresent(rows::add);
    }
    return Optional.of(new ExpectedRows(compared, tolerance, rows, map.location()));
  }

  private List<String> comparedColumns(YamlMap map, String what, DataProduct product) {
    List<String> contractColumns = product.contract().columnNames();
    List<String> compared = new ArrayList<>();
    Optional<List<YamlNode>> items = map.get("columns")
        .flatMap(node -> node.asList("'columns' of the expected rows of " + what));
    if (items.isPresent() && items.get().isEmpty()) {
      problems.error(map.locationOf("columns"), "'columns' of the expected rows of %s is empty. List the columns to "
          + "compare, or leave 'columns' out to compare them all.", what);
    }
    for (YamlNode item : items.orElse(List.of())) {
      Optional<String> name = item.asText("Each item of 'columns' of the expected rows of " + what);
      if (name.isEmpty()) {
        continue;
      }
      if (!contractColumns.contains(name.get())) {
        problems.error(item.location(), "The contract of %s has no column '%s'. %s", product.label(), name.get(),
            hint(name.get(), contractColumns));
      } else if (compared.contains(name.get())) {
        problems.error(item.location(), "Column '%s' is listed twice in 'columns' of the expected rows of %s.",
            name.get(), what);
      } else {
        compared.add(name.get());
      }
    }
    return compared;
  }

  private BigDecimal tolerance(YamlMap map, String what) {
    Optional<Scalar> scalar = map.get("tolerance")
        .flatMap(node -> node.asScalar("'tolerance' of the expected rows of " + what));
    if (scalar.isEmpty()) {
      return BigDecimal.ZERO;
    }
    boolean number = scalar.get().kind() == Scalar.Kind.INTEGER || scalar.get().kind() == Scalar.Kind.FLOAT;
    try {
      BigDecimal tolerance = new BigDecimal(scalar.get().text().trim().replace("_", ""));
      if (number && tolerance.signum() >= 0) {
        return tolerance;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.error(scalar.get().location(), "'tolerance' of the expected rows of %s must be a number of at least 0, "
        + "e.g. 0.005, got '%s'.", what, scalar.get().text());
    return BigDecimal.ZERO;
  }

  /** An expected row in the order of the compared columns; each compared column must be given. */
  private TestRow expectedRow(YamlMap row, String what, DataProduct product, List<String> compared, boolean listed) {
    List<String> contractColumns = product.contract().columnNames();
    Map<String, TestValue> given = new HashMap<>();
    for (String key : row.keys()) {
      Optional<Column> column = product.contract().column(key);
      if (column.isEmpty()) {
        problems.error(row.keyLocation(key), "The contract of %s has no column '%s'. %s", product.label(), key,
            hint(key, contractColumns));
      } else if (!compared.contains(key)) {
        problems.error(row.keyLocation(key), "Column '%s' is not compared by %s. Add it to 'columns' of the expected "
            + "rows, or remove it from this row.", key, what);
      } else {
        typed(row, key, column.get(), "Column '" + key + "' of the expected rows")
            .ifPresent(value -> given.put(key, value));
      }
    }
    List<String> missing = compared.stream().filter(column -> !row.has(column)).map(column -> "'" + column + "'")
        .toList();
    if (!missing.isEmpty()) {
      problems.error(row.location(), "This expected row of %s gives no value for %s. Give %s (null for NULL), or %s.",
          what, String.join(", ", missing), missing.size() == 1 ? "one" : "each",
          listed ? "remove " + (missing.size() == 1 ? "it" : "them") + " from 'columns'"
              : "list the compared columns in 'columns'");
    }
    Map<String, TestValue> values = new LinkedHashMap<>();
    compared.stream().filter(given::containsKey).forEach(column -> values.put(column, given.get(column)));
    return new TestRow(values, row.location());
  }

  private static String hint(String wrong, List<String> names) {
    return Suggestions.closest(wrong, names).map(match -> "Did you mean '" + match + "'?")
        .orElse("Its columns are: " + String.join(", ", names) + ".");
  }
}
