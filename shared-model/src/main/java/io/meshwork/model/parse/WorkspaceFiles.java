package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tenant's workspace layered over the provider's catalogue: the catalogue's files under their own paths, the
 * workspace's under {@link #PREFIX}, so that a workspace file can never stand in for a provider file and every
 * problem can be reported in the directory it belongs to.
 */
public final class WorkspaceFiles implements DefinitionFiles {

  /** Where the workspace's files appear among the catalogue's; no catalogue path can start with it. */
  public static final String PREFIX = "@workspace/";

  private final DefinitionFiles catalogue;
  private final DefinitionFiles workspace;

  public WorkspaceFiles(DefinitionFiles catalogue, DefinitionFiles workspace) {
    this.catalogue = catalogue;
    this.workspace = workspace;
  }

  /** True for a path of the workspace's. */
  public static boolean inWorkspace(String path) {
    return path.startsWith(PREFIX);
  }

  /**
   * {@code location} named as the user can open it: below {@code workspaceRoot} for workspace files, below
   * {@code catalogueRoot} for the others.
   */
  public static Location display(Location location, String catalogueRoot, String workspaceRoot) {
    if (inWorkspace(location.file())) {
      return new Location(location.file().substring(PREFIX.length()), location.line(), location.column())
          .under(workspaceRoot);
    }
    return location.under(catalogueRoot);
  }

  @Override
  public String description() {
    return catalogue.description();
  }

  @Override
  public List<String> definitionPaths() {
    return Stream.concat(catalogue.definitionPaths().stream(),
        workspace.definitionPaths().stream().map(path -> PREFIX + path)).toList();
  }

  @Override
  public Optional<String> read(String path) {
    return inWorkspace(path) ? workspace.read(path.substring(PREFIX.length())) : catalogue.read(path);
  }

  @Override
  public boolean isWorkspace(String path) {
    return inWorkspace(path);
  }
}
