package io.meshwork.functions;

import io.meshwork.engine.freshness.FreshnessReport;
import io.meshwork.engine.freshness.ProductFreshness;
import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StagedQuery;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.quality.CheckResult;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Makes the engine's step records (de)serializable by Micronaut serde without annotating them: the engine stays free
 * of Micronaut, and the introspections are generated here at compile time.
 */
@SerdeImport(StepRequest.class)
@SerdeImport(ComputeResult.class)
@SerdeImport(StagedQuery.class)
@SerdeImport(ValidateResult.class)
@SerdeImport(CheckResult.class)
@SerdeImport(PublishResult.class)
@SerdeImport(FreshnessReport.class)
@SerdeImport(ProductFreshness.class)
final class EngineRecords {

  private EngineRecords() {
  }
}
