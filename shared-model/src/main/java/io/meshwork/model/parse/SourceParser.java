package io.meshwork.model.parse;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Description;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Source;
import java.util.List;
import java.util.Optional;

/** Reads a {@code kind: Source} document. */
final class SourceParser {

  private static final List<String> KEYS = List.of("apiVersion", "kind", "name", "domain", "version", "owner",
      "description", "tags", "columns", "primaryKey", "partitioning", "delivery", "quality");

  private SourceParser() {
  }

  static Optional<Source> parse(YamlMap document, DocumentContext context) {
    Optional<String> name = document.requiredText("The Source", "name", "claims")
        .flatMap(text -> Names.identifier(context.problems(), document.locationOf("name"), "source name", text));
    String what = "Source " + name.orElse("(unnamed)");
    document.allowOnly(what, KEYS);
    Optional<String> domain = document.requiredText(what, "domain", "sources")
        .flatMap(text -> Names.domain(context.problems(), document.locationOf("domain"), text));
    Optional<SemanticVersion> version = Fields.version(document, what, context.problems());
    Description description = Fields.description(document, what);
    document.textList(what, "tags");
    document.optionalText(what, "owner");
    if (!document.has("columns")) {
      context.problems().error(document.location(), "%s is missing 'columns'. List its columns with name and type.",
          what);
    }
    Contract contract = ContractParser.parse(document, what, context.problems());
    Delivery delivery = DeliveryParser.parse(document, what, contract, context.problems());
    List<QualityRule> quality = QualityParser.parse(document, what, name.orElse("source"), List.of(), contract,
        context.problems());
    if (name.isEmpty() || domain.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Source(name.get(), domain.get(), version.get(), description, contract, delivery, quality,
        document.location()));
  }
}
