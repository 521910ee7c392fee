package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --workspace} option: a tenant's own directory layered over the provider's catalogue. */
final class WorkspaceOption {

  @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "A tenant's workspace (workspace.yaml "
      + "with principals, groups, grants and overrides; custom products; annotations.yaml) layered over the "
      + "catalogue.")
  Path workspace;

  Optional<Path> directory() {
    return Optional.ofNullable(workspace);
  }

  /**
   * Checks that the workspace, if any, belongs to {@code tenant}: a workspace speaks for its own tenant only.
   */
  void requireTenant(Catalog catalog, String tenant) {
    if (workspace == null) {
      return;
    }
    Optional<Tenant> owner = owner(catalog);
    if (owner.isEmpty()) {
      throw new UserInputException("The workspace " + workspace + " has no workspace.yaml ('kind: Workspace' naming "
          + "its tenant). Add one, e.g. 'apiVersion: meshwork.io/v1', 'kind: Workspace', 'tenant: " + tenant + "'.");
    }
    if (!owner.get().id().equals(tenant)) {
      throw new UserInputException("The workspace " + workspace + " belongs to tenant " + owner.get().id()
          + ", not " + tenant + ". Pass --tenant " + owner.get().id() + " or that tenant's workspace.");
    }
  }

  /** The tenant the loaded workspace belongs to. */
  static Optional<Tenant> owner(Catalog catalog) {
    return catalog.tenants().stream().filter(tenant -> tenant.delegation().workspace().isPresent()).findFirst();
  }
}
