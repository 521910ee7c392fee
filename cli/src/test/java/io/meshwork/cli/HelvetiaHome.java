package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.model.definition.Catalog;
import java.nio.file.Path;

/** A home directory for the small test catalogue's tenant helvetia: claims delivered, mesh run against it. */
record HelvetiaHome(Path home) {

  static final String CATALOGUE = "../engine/src/test/resources/pipeline-catalog";

  /** Replaces helvetia's claims with rows given as SQL VALUES tuples (claim_id, canton, amount_chf). */
  void deliverClaims(String values) throws Exception {
    Catalog catalog = CatalogOption.load(CATALOGUE);
    try (Engine engine = HomeOption.engine(catalog, home)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
              + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES " + values
              + ") AS t(claim_id, canton, amount_chf)", "test claims");
    }
  }

  /** Runs mesh with the test catalogue and this home. */
  MeshRun mesh(String... arguments) {
    String[] all = new String[arguments.length + 4];
    System.arraycopy(arguments, 0, all, 0, arguments.length);
    all[arguments.length] = "--definitions";
    all[arguments.length + 1] = CATALOGUE;
    all[arguments.length + 2] = "--home";
    all[arguments.length + 3] = home.toString();
    return MeshRun.of(all);
  }
}
