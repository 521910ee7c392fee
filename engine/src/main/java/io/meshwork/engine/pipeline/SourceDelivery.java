package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.MissingRequiredValuesException;
import io.meshwork.engine.compute.ResultShapeException;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Source;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Puts rows in place for tests and benchmarks: the rows of a DuckDB query replace the source table's content on
 * {@code main} in one commit, checked against the source's schema only; rows that leave a required column empty are
 * refused before the commit, so the table never holds what its schema forbids. A tenant's delivery goes through
 * {@link io.meshwork.engine.ingest.IngestService} instead, with its checks and audit branch.
 */
public final class SourceDelivery {

  private final Engine engine;

  public SourceDelivery(Engine engine) {
    this.engine = engine;
  }

  /** Replaces the content of {@code source} for {@code tenant} with the rows of {@code sql}; returns the row count. */
  public long deliver(String tenant, Source source, String sql, String origin) {
    TenantStorage storage = engine.storage(tenant);
    Table table = ProductTables.ensure(storage.catalog(), source.tableName(), source.contract());
    List<DataFile> files;
    try {
      files = engine.compute().write(storage, List.of(), sql, table, origin, ComputeEngine.DEFAULT_TIMEOUT);
    } catch (MissingRequiredValuesException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, e.getMessage() + " Rows of " + source.name()
          + " must fill every column its contract marks required; for example: " + e.columns().stream()
              .map(column -> column.column() + " in (" + String.join("), (", column.sample()) + ")")
              .collect(Collectors.joining("; ")) + ".", e);
    } catch (ResultShapeException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, e.getMessage(), e);
    } catch (SQLException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, origin + " failed: "
          + Messages.firstLine(e), e);
    }
    long rows = files.stream().mapToLong(DataFile::recordCount).sum();
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue())
        .set(SnapshotProperties.ROWS, Long.toString(rows)).set(SnapshotProperties.STAGE, SnapshotProperties.DELIVERED);
    files.forEach(overwrite::addFile);
    overwrite.commit();
    return rows;
  }
}
