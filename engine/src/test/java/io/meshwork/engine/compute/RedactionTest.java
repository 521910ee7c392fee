package io.meshwork.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void absolutePaths_areReducedToTheirFileName() {
    assertThat(Redaction.paths("IO Error: No files found that match the pattern \"/srv/meshwork/tenants/alpina/"
        + "warehouse/x/data/a.parquet\"")).isEqualTo("IO Error: No files found that match the pattern "
        + "\"…/a.parquet\"");
    assertThat(Redaction.paths("Cannot open file '/tmp/work/session-1/spill/duckdb_temp_block' for writing"))
        .isEqualTo("Cannot open file '…/duckdb_temp_block' for writing");
    assertThat(Redaction.paths("values [/a/b, /c/d/e]")).isEqualTo("values […/b, …/e]");
    assertThat(Redaction.paths("LINE 1: ... read_parquet(['/tmp/tenants/secret...")).isEqualTo("LINE 1: ... "
        + "read_parquet(['…/");
  }

  @Test
  void textWithoutAbsolutePaths_staysAsItIs() {
    assertThat(Redaction.paths("Binder Error: column a/b not found; 10 / 2")).isEqualTo("Binder Error: column a/b "
        + "not found; 10 / 2");
  }
}
