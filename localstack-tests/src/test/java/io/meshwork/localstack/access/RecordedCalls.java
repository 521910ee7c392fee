package io.meshwork.localstack.access;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.lakeformation.model.BatchGrantPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;

/** Records, on an SDK client, the name of every operation called and every grant entry sent, to check what was sent. */
final class RecordedCalls implements ExecutionInterceptor {

  private final List<String> operations = new ArrayList<>();
  private final List<BatchPermissionsRequestEntry> grantEntries = new ArrayList<>();

  @Override
  public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    if (context.request() instanceof BatchGrantPermissionsRequest batch) {
      grantEntries.addAll(batch.entries());
    }
  }

  synchronized List<String> operations() {
    return List.copyOf(operations);
  }

  synchronized List<BatchPermissionsRequestEntry> grantEntries() {
    return List.copyOf(grantEntries);
  }

  synchronized void clear() {
    operations.clear();
    grantEntries.clear();
  }
}
