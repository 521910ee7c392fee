package io.meshwork.model.parse;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Description;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Sla;
import io.meshwork.model.definition.Status;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Transform;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code kind: DataProduct} document: a managed product, or a tenant's custom one. */
final class ProductParser {

  private static final List<String> KEYS = List.of("apiVersion", "kind", "name", "domain", "version", "status",
      "owner", "tenant", "description", "tags", "inputs", "parameters", "transform", "contract", "quality", "sla",
      "access");
  private static final List<String> INPUT_KEYS = List.of("name", "version");
  private static final List<String> CONTRACT_KEYS = List.of("columns", "primaryKey", "partitioning");
  private static final List<String> SLA_KEYS = List.of("freshness", "schedule");
  private static final List<String> STATUSES = List.of("draft", "active", "deprecated");

  private ProductParser() {
  }

  static Optional<DataProduct> parse(YamlMap document, DocumentContext context) {
    Problems problems = context.problems();
    Optional<String> name = document.requiredText("The DataProduct", "name", "cost_per_insured")
        .flatMap(text -> Names.identifier(problems, document.locationOf("name"), "product name", text));
    String what = "product " + name.orElse("(unnamed)");
    document.allowOnly(what, KEYS);
    Optional<String> domain = document.requiredText(what, "domain", "finance")
        .flatMap(text -> Names.domain(problems, document.locationOf("domain"), text));
    Optional<SemanticVersion> version = Fields.version(document, what, problems);
    Status status = status(document, what, problems);
    Optional<String> owner = document.requiredText(what, "owner", "pricing-team");
    Optional<String> tenant = document.optionalText(what, "tenant")
        .flatMap(id -> Names.tenantId(problems, document.locationOf("tenant"), id));
    Description description = Fields.description(document, what);
    List<String> tags = document.textList(what, "tags");
    List<Input> inputs = inputs(document, what, problems);
    List<Parameter> parameters = ParameterParser.parse(document, what, problems);
    Optional<Transform> transform = context.transform(document, what);
    Contract contract = contract(document, what, problems);
    List<QualityRule> quality = QualityParser.parse(document, what, name.orElse(""),
        inputs.stream().map(Input::name).toList(), contract, problems);
    Sla sla = sla(document, what, problems);
    List<AccessRule> access = AccessParser.parse(document, what, contract, problems);
    if (name.isEmpty() || domain.isEmpty() || version.isEmpty() || owner.isEmpty() || transform.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DataProduct(name.get(), domain.get(), version.get(), status, owner.get(), description, tags,
        tenant, inputs, parameters, transform.get(), contract, quality, sla, access, document.location()));
  }

  private static Status status(YamlMap document, String what, Problems problems) {
    return document.optionalText(what, "status").map(text -> {
      if (!STATUSES.contains(text)) {
        problems.error(document.locationOf("status"), "Unknown status '%s' of %s.%s Statuses are %s.", text, what,
            Suggestions.didYouMean(text, STATUSES), String.join(", ", STATUSES));
        return Status.ACTIVE;
      }
      return Status.valueOf(text.toUpperCase(Locale.ROOT));
    }).orElse(Status.ACTIVE);
  }

  private static List<Input> inputs(YamlMap document, String what, Problems problems) {
    List<Input> inputs = new ArrayList<>();
    Map<String, Input> byName = new HashMap<>();
    for (YamlNode item : document.list(what, "inputs")) {
      item.asMap("An input of " + what).ifPresent(map -> {
        map.allowOnly("an input of " + what, INPUT_KEYS);
        Optional<String> inputName = map.requiredText("An input of " + what, "name", "claims_clean");
        Optional<io.meshwork.model.definition.VersionRange> range = Fields.range(map, "input of " + what, problems);
        if (inputName.isPresent() && range.isPresent()) {
          Input input = new Input(inputName.get(), range.get(), map.locationOf("name"));
          Input previous = byName.putIfAbsent(input.name(), input);
          if (previous != null) {
            problems.error(input.location(), "%s declares input '%s' twice (first at line %d). Remove one.",
                capitalize(what), input.name(), previous.location().line());
          } else {
            inputs.add(input);
          }
        }
      });
    }
    if (inputs.isEmpty() && !document.has("inputs")) {
      problems.error(document.location(), "%s is missing 'inputs'. List the sources and products it reads.",
          capitalize(what));
    }
    return inputs;
  }

  private static Contract contract(YamlMap document, String what, Problems problems) {
    Optional<YamlMap> contract = document.optionalMap(what, "contract");
    if (contract.isEmpty()) {
      if (!document.has("contract")) {
        problems.error(document.location(), "%s is missing 'contract'. Declare its output columns under "
            + "'contract: {columns: [...]}'.", capitalize(what));
      }
      return new Contract(List.of(), List.of(), List.of());
    }
    contract.get().allowOnly("the contract of " + what, CONTRACT_KEYS);
    if (!contract.get().has("columns")) {
      problems.error(contract.get().location(), "The contract of %s is missing 'columns'. List its output columns.",
          what);
    }
    return ContractParser.parse(contract.get(), what, problems);
  }

  private static Sla sla(YamlMap document, String what, Problems problems) {
    Optional<YamlMap> sla = document.optionalMap(what, "sla");
    if (sla.isEmpty()) {
      return Sla.NONE;
    }
    YamlMap map = sla.get().allowOnly("the SLA of " + what, SLA_KEYS);
    Optional<Duration> freshness = map.optionalText("the SLA of " + what, "freshness").flatMap(text -> {
      try {
        return Optional.of(Duration.parse(text));
      } catch (DateTimeParseException e) {
        problems.error(map.locationOf("freshness"), "Invalid freshness '%s' of %s: write an ISO-8601 duration such as "
            + "PT30H or P1D.", text, what);
        return Optional.empty();
      }
    });
    return new Sla(freshness, Fields.schedule(map, what, problems));
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
