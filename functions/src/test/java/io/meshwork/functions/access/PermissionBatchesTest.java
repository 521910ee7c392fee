package io.meshwork.functions.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.BatchGrantPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.BatchGrantPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsFailureEntry;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.BatchRevokePermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.BatchRevokePermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.LakeFormationException;

/**
 * Grants and revocations go out in batches of at most 20 entries, as Lake Formation's batch calls require, and
 * throttling and concurrent changes are retried, whole calls and single entries alike, with backoff.
 */
class PermissionBatchesTest {

  private final List<List<String>> sent = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private final ThrottlingRetry retry = new ThrottlingRetry(waits::add);

  @Test
  void fortyFiveGrants_goOutInBatchesOfTwentyTwentyAndFive() {
    new PermissionBatches(lakeFormation(List.of()), "444455556666", retry).grant(grants(45));

    assertThat(sent).extracting(List::size).containsExactly(20, 20, 5);
    assertThat(sent.get(2)).containsExactly("0", "1", "2", "3", "4");
    assertThat(waits).isEmpty();
  }

  @Test
  void throttledCallAndConcurrentlyChangedEntries_areSentAgain() {
    List<Object> answers = new ArrayList<>(List.of(
        throttling(),
        List.of(failure("3", "ConcurrentModificationException"), failure("7", "ThrottlingException")),
        List.of()));
    new PermissionBatches(lakeFormation(answers), "444455556666", retry).grant(grants(10));

    assertThat(sent).containsExactly(ids(10), ids(10), List.of("3", "7"));
    assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO,
        Duration.ofMillis(400)));
  }

  @Test
  void lastingFailure_stopsTheRun_namingTheGrantAndTheError() {
    List<Object> answers = new ArrayList<>(List.of(List.of(failure("1", "InvalidInputException"))));

    assertThatThrownBy(() -> new PermissionBatches(lakeFormation(answers), "444455556666", retry)
        .grant(grants(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Lake Formation refused to grant 1 of 2 grants: arn:aws:iam::444455556666:role/analyst-1 SELECT"
            + " table finance.loss_ratio_v1 [year]: InvalidInputException no such table");
  }

  @Test
  void throttlingThatNeverEnds_givesUpAfterEightAttempts() {
    List<Object> answers = new ArrayList<>();
    IntStream.range(0, ThrottlingRetry.ATTEMPTS).forEach(attempt -> answers.add(throttling()));

    assertThatThrownBy(() -> new PermissionBatches(lakeFormation(answers), "444455556666", retry)
        .revoke(grants(1)))
        .isInstanceOf(LakeFormationException.class)
        .hasMessageContaining("Rate exceeded");
    assertThat(sent).hasSize(8);
    assertThat(waits).hasSize(7);
  }

  private static List<ManagedGrant> grants(int count) {
    return IntStream.range(0, count).mapToObj(number -> new ManagedGrant(
        "arn:aws:iam::444455556666:role/analyst-" + number, ManagedGrant.Kind.TABLE_COLUMNS, "finance",
        "loss_ratio_v1", List.of("year"), null, null, List.of("SELECT"))).toList();
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(Integer::toString).toList();
  }

  private static LakeFormationException throttling() {
    return (LakeFormationException) LakeFormationException.builder().statusCode(400).message("Rate exceeded")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
            .build()).build();
  }

  private static BatchPermissionsFailureEntry failure(String id, String code) {
    return BatchPermissionsFailureEntry.builder()
        .requestEntry(BatchPermissionsRequestEntry.builder().id(id).build())
        .error(error -> error.errorCode(code).errorMessage(code.equals("InvalidInputException") ? "no such table"
            : "try again"))
        .build();
  }

  /**
   * A client whose batch calls record the entry ids sent and give the next of {@code answers}: an exception to throw
   * or the failures to report; none left, no failures.
   */
  @SuppressWarnings("unchecked")
  private LakeFormationClient lakeFormation(List<Object> answers) {
    List<Object> remaining = new ArrayList<>(answers);
    InvocationHandler handler = (proxy, method, arguments) -> {
      if (method.isDefault()) {
        if (arguments != null && arguments.length == 1 && (arguments[0] instanceof BatchGrantPermissionsRequest
            || arguments[0] instanceof BatchRevokePermissionsRequest)) {
          List<BatchPermissionsRequestEntry> entries = arguments[0] instanceof BatchGrantPermissionsRequest grant
              ? grant.entries() : ((BatchRevokePermissionsRequest) arguments[0]).entries();
          sent.add(entries.stream().map(BatchPermissionsRequestEntry::id).toList());
          Object answer = remaining.isEmpty() ? List.of() : remaining.remove(0);
          if (answer instanceof RuntimeException failure) {
            throw failure;
          }
          List<BatchPermissionsFailureEntry> failures = (List<BatchPermissionsFailureEntry>) answer;
          return arguments[0] instanceof BatchGrantPermissionsRequest
              ? BatchGrantPermissionsResponse.builder().failures(failures).build()
              : BatchRevokePermissionsResponse.builder().failures(failures).build();
        }
        return InvocationHandler.invokeDefault(proxy, method, arguments);
      }
      throw new UnsupportedOperationException(method.getName());
    };
    return (LakeFormationClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {LakeFormationClient.class}, handler);
  }
}
