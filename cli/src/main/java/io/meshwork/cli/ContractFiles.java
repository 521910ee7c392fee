package io.meshwork.cli;

import io.meshwork.model.contract.ImportedContract;
import io.meshwork.model.contract.OdcsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The exported contracts {@code mesh contract verify} checks for one tenant: one file, or every {@code *.odcs.yaml}
 * of a directory (as {@code mesh contract export} writes them) that was exported for that tenant.
 */
final class ContractFiles {

  static final String SUFFIX = ".odcs.yaml";

  private ContractFiles() {
  }

  /** The contracts at {@code path} for {@code tenant}; a file or directory of another tenant is the user's error. */
  static List<ImportedContract> forTenant(Path path, String tenant) {
    if (!Files.isDirectory(path)) {
      ImportedContract contract = read(path);
      contract.tenant().filter(owner -> !owner.equals(tenant)).ifPresent(owner -> {
        throw new UserInputException("Contract " + path + " was exported for tenant " + owner + ", not " + tenant
            + ": pass --tenant " + owner + ", or the contract of tenant " + tenant + ".");
      });
      return List.of(contract);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(path)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UserInputException("Cannot list contracts in " + path + ": " + e.getMessage());
    }
    List<ImportedContract> mine = new ArrayList<>();
    TreeSet<String> others = new TreeSet<>();
    for (Path file : files) {
      ImportedContract contract = read(file);
      if (contract.tenant().map(tenant::equals).orElse(true)) {
        mine.add(contract);
      } else {
        others.add(contract.tenant().get());
      }
    }
    if (mine.isEmpty()) {
      throw new UserInputException("No contract of tenant " + tenant + " (*" + SUFFIX + ") in " + path
          + (others.isEmpty() ? "" : "; it holds contracts of " + String.join(", ", others)) + ". Write them with "
          + "mesh contract export --tenant " + tenant + " --format odcs.");
    }
    return mine;
  }

  private static ImportedContract read(Path file) {
    try {
      return OdcsReader.read(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UserInputException("Cannot read contract " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
