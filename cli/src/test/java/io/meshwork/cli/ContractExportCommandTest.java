package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mesh contract export}: one file per product instance a tenant receives, in ODCS or ODPS. */
class ContractExportCommandTest {

  private static final String CATALOGUE = "../product-definitions/catalog";

  @TempDir
  Path output;

  @Test
  void writesOneOdcsContractPerProductTheTenantReceives_andPerSourceItDelivers() throws IOException {
    MeshRun run = contract("export", "--tenant", "lemanic", "--format", "odcs", "--output", output.toString(),
        "--definitions", CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    Path directory = output.resolve("lemanic");
    assertThat(run.out()).isEqualTo(Stream.of("claims_clean", "insured_months", "cost_per_insured", "loss_ratio",
            "claims", "insured_persons", "premiums", "providers")
        .map(name -> directory.resolve(name + ".odcs.yaml") + "\n").reduce("", String::concat));
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactly("claims.odcs.yaml",
          "claims_clean.odcs.yaml", "cost_per_insured.odcs.yaml", "insured_months.odcs.yaml",
          "insured_persons.odcs.yaml", "loss_ratio.odcs.yaml", "premiums.odcs.yaml", "providers.odcs.yaml");
    }
    String contract = Files.readString(directory.resolve("loss_ratio.odcs.yaml"));
    assertThat(contract).startsWith("""
        apiVersion: v3.1.0
        kind: DataContract
        id: lemanic-loss_ratio-v1-contract
        name: loss_ratio
        version: 1.1.1
        status: active
        domain: finance
        dataProduct: loss_ratio
        tenant: lemanic
        """);
    assertThat(contract).contains("""
          - property: frequency
            value: cron(0 7 * * ? *)
        """).contains("""
          - server: local
            type: local
        """).contains("    path: .meshwork/tenants/lemanic/warehouse/finance/loss_ratio_v1\n");
  }

  @Test
  void writesTheContractOfOneSource_theOneTheInputPortsPointAt() throws IOException {
    MeshRun run = contract("export", "-t", "alpina", "-p", "premiums", "-f", "odcs", "-o", output.toString(), "-d",
        CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    Path file = output.resolve("alpina").resolve("premiums.odcs.yaml");
    assertThat(run.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).startsWith("""
        apiVersion: v3.1.0
        kind: DataContract
        id: alpina-premiums-v2-contract
        name: premiums
        version: 2.0.0
        status: active
        domain: sources
        tenant: alpina
        """).contains("""
          - property: delivery
            value:
              mode: append
              key:
                - premium_month
        """);
    contract("export", "-t", "alpina", "-p", "loss_ratio", "-f", "odps", "-o", output.toString(), "-d", CATALOGUE);
    assertThat(Files.readString(output.resolve("alpina").resolve("loss_ratio.odps.yaml")))
        .contains("    contractId: alpina-premiums-v2-contract\n");
  }

  @Test
  void aSourceHasNoOdpsDescriptor() {
    MeshRun run = contract("export", "-t", "alpina", "-p", "premiums", "-f", "odps", "-o", output.toString(), "-d",
        CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'premiums' is a source tenant 'alpina' delivers: it has an ODCS contract "
        + "(--format odcs) but no ODPS product descriptor, as it is not a product.\n");
    assertThat(output).isEmptyDirectory();
  }

  @Test
  void writesTheOdpsDescriptorOfOneProduct() throws IOException {
    MeshRun run = contract("export", "-t", "rhenus", "-p", "telmed_savings", "-f", "odps", "-o", output.toString(),
        "-d", CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    Path file = output.resolve("rhenus").resolve("telmed_savings.odps.yaml");
    assertThat(run.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).startsWith("""
        apiVersion: v1.0.0
        kind: DataProduct
        id: rhenus-telmed_savings-v1
        name: telmed_savings
        version: 1.0.1
        status: active
        domain: pricing
        tenant: rhenus
        """).contains("""
        inputPorts:
          - name: cost_per_insured
            version: 1.2.1
            contractId: rhenus-cost_per_insured-v1-contract
        """);
  }

  @Test
  void theSameDefinitionsGiveTheSameBytes() throws IOException {
    contract("export", "-t", "alpina", "-p", "claims_clean", "-f", "odcs", "-o", output.resolve("a").toString(), "-d",
        CATALOGUE);
    contract("export", "-t", "alpina", "-p", "claims_clean", "-f", "odcs", "-o", output.resolve("b").toString(), "-d",
        CATALOGUE);

    assertThat(Files.readString(output.resolve("a/alpina/claims_clean.odcs.yaml")))
        .isEqualTo(Files.readString(output.resolve("b/alpina/claims_clean.odcs.yaml")));
  }

  @Test
  void aProductTheTenantDoesNotReceiveIsRefusedWithWhatItReceives() {
    MeshRun run = contract("export", "-t", "lemanic", "-p", "kpi_summary", "-f", "odcs", "-o", output.toString(),
        "-d", CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Tenant 'lemanic' does not receive product 'kpi_summary'. Tenant 'lemanic' "
        + "receives claims_clean, insured_months, cost_per_insured, loss_ratio and delivers claims, insured_persons, "
        + "premiums, providers.\n");
    assertThat(output).isEmptyDirectory();
  }

  @Test
  void anUnknownProductIsRefusedWithASuggestion() {
    MeshRun run = contract("export", "-t", "lemanic", "-p", "los_ratio", "-f", "odps", "-o", output.toString(),
        "-d", CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown product 'los_ratio'. Did you mean 'loss_ratio'? Tenant 'lemanic' "
        + "receives claims_clean, insured_months, cost_per_insured, loss_ratio.\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    MeshRun run = contract("export", "-t", "lemanic", "-f", "yaml", "-o", output.toString(), "-d", CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Invalid value for option '--format': expected one of [odcs, odps] "
        + "(case-sensitive) but was 'yaml'\n");
  }

  @Test
  void contractWithoutASubcommandShowsItsSubcommands() {
    MeshRun run = contract();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required subcommand\n").contains("  export ");
  }

  @Test
  void helpNamesEveryOption() {
    MeshRun run = contract("export", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: mesh contract export [-hV] [-d=DIR] -f=FORMAT [--home=DIR] [-o=DIR]")
        .contains("-t, --tenant=TENANT").contains("-p, --product=PRODUCT").contains("-o, --output=DIR")
        .contains("(default: contracts)");
  }

  /** Runs {@code mesh contract ...} in-process, registering the command if Mesh does not (yet). */
  private static MeshRun contract(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine mesh = Mesh.commandLine();
    if (!mesh.getSubcommands().containsKey("contract")) {
      mesh.addSubcommand(new ContractCommand());
    }
    mesh.setOut(new PrintWriter(out, true));
    mesh.setErr(new PrintWriter(err, true));
    String[] withCommand = Stream.concat(Stream.of("contract"), Stream.of(arguments)).toArray(String[]::new);
    int exitCode = mesh.execute(withCommand);
    return new MeshRun(exitCode, out.toString(), err.toString());
  }
}
