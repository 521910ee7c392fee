package io.meshwork.functions.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsFailureEntry;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;

/**
 * Grants and revokes in batches of at most {@value #BATCH_SIZE} entries, the most {@code BatchGrantPermissions} and
 * {@code BatchRevokePermissions} take. Entries that fail with a retryable error (throttling, a concurrent change) are
 * sent again with backoff; any other failure stops the run with every refused entry and its error.
 */
final class PermissionBatches {

  /** The most entries {@code BatchGrantPermissions} and {@code BatchRevokePermissions} take in one call. */
  static final int BATCH_SIZE = 20;

  private final LakeFormationClient lakeFormation;
  private final String catalogId;
  private final ThrottlingRetry retry;

  PermissionBatches(LakeFormationClient lakeFormation, String catalogId, ThrottlingRetry retry) {
    this.lakeFormation = lakeFormation;
    this.catalogId = catalogId;
    this.retry = retry;
  }

  void grant(List<ManagedGrant> grants) {
    send("grant", grants, batch -> retry.call(() -> lakeFormation.batchGrantPermissions(request -> request
        .catalogId(catalogId).entries(batch))).failures());
  }

  void revoke(List<ManagedGrant> grants) {
    send("revoke", grants, batch -> retry.call(() -> lakeFormation.batchRevokePermissions(request -> request
        .catalogId(catalogId).entries(batch))).failures());
  }

  private void send(String action, List<ManagedGrant> grants,
      Function<List<BatchPermissionsRequestEntry>, List<BatchPermissionsFailureEntry>> call) {
    for (int start = 0; start < grants.size(); start += BATCH_SIZE) {
      List<ManagedGrant> slice = grants.subList(start, Math.min(start + BATCH_SIZE, grants.size()));
      List<BatchPermissionsRequestEntry> batch = new ArrayList<>();
      for (int index = 0; index < slice.size(); index++) {
        batch.add(slice.get(index).entry(index, catalogId));
      }
      for (int attempt = 1; !batch.isEmpty(); attempt++) {
        Map<String, BatchPermissionsRequestEntry> byId = batch.stream()
            .collect(Collectors.toMap(BatchPermissionsRequestEntry::id, Function.identity()));
        List<BatchPermissionsFailureEntry> failures = call.apply(batch);
        int made = attempt;
        List<BatchPermissionsFailureEntry> lasting = failures.stream()
            .filter(failure -> failure.requestEntry() == null || !byId.containsKey(failure.requestEntry().id())
                || !ThrottlingRetry.retryable(failure.error().errorCode()) || made == ThrottlingRetry.ATTEMPTS)
            .toList();
        if (!lasting.isEmpty()) {
          throw new IllegalStateException("Lake Formation refused to " + action + " " + lasting.size() + " of "
              + batch.size() + " grants: " + lasting.stream().map(failure -> describe(byId, failure))
              .collect(Collectors.joining("; ")));
        }
        batch = failures.stream().map(failure -> byId.get(failure.requestEntry().id())).toList();
        if (!batch.isEmpty()) {
          retry.pause(attempt);
        }
      }
    }
  }

  private static String describe(Map<String, BatchPermissionsRequestEntry> byId, BatchPermissionsFailureEntry failure) {
    BatchPermissionsRequestEntry entry = failure.requestEntry() == null ? null
        : byId.getOrDefault(failure.requestEntry().id(), failure.requestEntry());
    if (entry == null || entry.principal() == null || entry.resource() == null) {
      return failure.error().errorCode() + " " + failure.error().errorMessage();
    }
    return LakeFormationGrant.of(entry.principal(), entry.resource(), entry.permissions()) + ": "
        + failure.error().errorCode() + " " + failure.error().errorMessage();
  }
}
