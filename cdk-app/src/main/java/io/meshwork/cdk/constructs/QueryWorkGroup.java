package io.meshwork.cdk.constructs;

import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.constructs.Construct;

/**
 * The Athena workgroup customers query through. Its settings are enforced, so a client cannot send results
 * elsewhere, unencrypted, or scan without the cutoff; engine version 3 is selected because it reads Iceberg.
 */
public final class QueryWorkGroup extends Construct {

  private final CfnWorkGroup workGroup;

  public QueryWorkGroup(Construct scope, String id, QueryWorkGroupProps props) {
    super(scope, id);
    this.workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
        .name(props.name())
        .description("Meshwork queries: results encrypted in the data bucket, bytes scanned capped per query.")
        .state("ENABLED")
        .recursiveDeleteOption(false)
        .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
            .enforceWorkGroupConfiguration(true)
            .publishCloudWatchMetricsEnabled(true)
            .bytesScannedCutoffPerQuery(props.bytesScannedCutoffPerQuery())
            .engineVersion(CfnWorkGroup.EngineVersionProperty.builder()
                .selectedEngineVersion("Athena engine version 3")
                .build())
            .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                .outputLocation("s3://" + props.resultBucket().getBucketName() + "/" + props.resultPrefix())
                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                    .encryptionOption("SSE_KMS")
                    .kmsKey(props.encryptionKey().getKeyArn())
                    .build())
                .build())
            .build())
        .build();
  }

  public CfnWorkGroup workGroup() {
    return workGroup;
  }
}
