package io.meshwork.engine.ingest;

import static io.meshwork.engine.ingest.IngestFixture.CLAIMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.engine.usage.StorageMeasurement;
import io.meshwork.engine.usage.StoredTable;
import io.meshwork.engine.usage.UsageHistory;
import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.engine.usage.UsageStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a delivery costs, and what a source keeps stored, as usage data. */
class IngestUsageTest {

  @TempDir
  Path home;
  IngestFixture fixture;

  @BeforeEach
  void open() {
    fixture = new IngestFixture(home);
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  @Test
  void aDeliveryRecordsWhatItReadAndWrote_andTheSameFilesAgainRecordNothing() throws IOException {
    Path file = fixture.file("claims.csv", BadDeliveriesTest.GOOD);

    fixture.ingest("claims", file);
    fixture.ingest("claims", file);

    List<UsageRecord> usage = usage();
    assertThat(usage).hasSize(1);
    UsageRecord ingest = usage.get(0);
    assertThat(ingest.step()).isEqualTo(UsageStep.INGEST);
    assertThat(ingest.product()).isEqualTo("claims");
    assertThat(ingest.runId()).isEqualTo("run-1");
    assertThat(List.of(ingest.rowsIn(), ingest.rowsOut())).containsExactly(2L, 2L);
    assertThat(ingest.bytesRead()).isEqualTo(Files.size(file));
    assertThat(ingest.bytesWritten()).isEqualTo(SnapshotSizes.bytes(fixture.table(CLAIMS).currentSnapshot()));
    assertThat(ingest.filesWritten()).isEqualTo(1);
  }

  @Test
  void storageCountsTheLiveFilesOfMain_andWhatOnlyHistoryKeeps() {
    fixture.ingest("claims", fixture.file("claims-1.csv", BadDeliveriesTest.GOOD));
    long first = SnapshotSizes.bytes(fixture.table(CLAIMS).currentSnapshot());
    fixture.ingest("claims", fixture.file("claims-2.csv", BadDeliveriesTest.HEADER
        + "C3;I3;01.04.2024;55.00;LAB\n"));

    StoredTable claims = StorageMeasurement.measure(fixture.engine.plan(IngestFixture.TENANT),
        fixture.engine.storage(IngestFixture.TENANT), Instant.now()).stream()
        .filter(table -> table.product().equals("claims")).findFirst().orElseThrow();

    assertThat(claims.liveBytes()).isEqualTo(SnapshotSizes.bytes(fixture.table(CLAIMS).currentSnapshot()));
    assertThat(claims.liveFiles()).isEqualTo(1);
    assertThat(claims.historyBytes()).isEqualTo(first);
    assertThat(claims.historyFiles()).isEqualTo(1);
  }

  private List<UsageRecord> usage() {
    return UsageHistory.read(fixture.engine.storage(IngestFixture.TENANT), fixture.engine.compute(), Instant.EPOCH,
        Instant.now().plusSeconds(60));
  }
}
