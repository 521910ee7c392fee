package io.meshwork.model.parse;

import java.util.List;
import java.util.Optional;

/** Where definitions are read from: a directory while developing, the packaged catalogue in a deployment. */
public interface DefinitionFiles {

  /** How errors name the catalogue root, e.g. {@code product-definitions/catalog}. */
  String description();

  /** The definition documents ({@code *.yaml}, {@code *.yml}) as sorted paths relative to the root, with '/'. */
  List<String> definitionPaths();

  /** The text of the file at {@code path} relative to the root, or empty if there is none. */
  Optional<String> read(String path);

  /** True if {@code path} belongs to a tenant's workspace rather than to the provider's catalogue. */
  default boolean isWorkspace(String path) {
    return false;
  }
}
