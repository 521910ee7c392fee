package io.meshwork.engine.usage;

/** Where the steps hand their usage records: the tenant's usage table, a run's buffer, or metrics and events too. */
public interface UsageSink {

  void record(UsageRecord record);
}
