package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.runtime.RuntimeNames;
import org.junit.jupiter.api.Test;

/** The names the CDK app writes are the ones the handlers read. */
class RuntimeNamesTest {

  @Test
  void theRetriedErrorType_isTheConflictErrorClass() {
    assertThat(RuntimeNames.CONFLICT_ERROR).isEqualTo(ConflictError.class.getName());
  }

  @Test
  void eachVariable_setsThePropertyTheEngineFactoryReads() {
    assertThat(RuntimeNames.property(RuntimeNames.DUCKDB_MEMORY_VARIABLE)).isEqualTo("meshwork.duckdb.memory");
    assertThat(RuntimeNames.property(RuntimeNames.S3_PATH_STYLE_VARIABLE)).isEqualTo("meshwork.s3.path.style");
    assertThat(RuntimeNames.property(RuntimeNames.USAGE_BUS_VARIABLE)).isEqualTo("meshwork.usage.bus");
  }
}
