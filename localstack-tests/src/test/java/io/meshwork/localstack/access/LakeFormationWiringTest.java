package io.meshwork.localstack.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.LFTagPair;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.ResourceType;

/**
 * The Lake Formation endpoint (moto when started here) takes data lake settings, LF-Tags and tag-based grants and
 * reads them back. Only the wiring: the grants derived from access rules come with the grant applier. moto stores
 * permissions but enforces none, so what a principal can read is not tested here.
 */
@EmulatorTest
class LakeFormationWiringTest {

  private static final String CLASSIFICATION_TAG = "meshwork_classification";

  @Test
  void settingsTagsAndGrantsReadBackThroughListPermissions(EmulatorEndpoints endpoints) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String admin = "arn:aws:iam::123456789012:role/meshwork-admin-" + suffix;
    DataLakePrincipal analyst = DataLakePrincipal.builder()
        .dataLakePrincipalIdentifier("arn:aws:iam::123456789012:role/alpina-analyst-" + suffix).build();
    String database = "finance_" + suffix;
    try (LakeFormationClient lakeFormation = endpoints.lakeFormation(LakeFormationClient.builder()).build();
        GlueClient glue = endpoints.lakeFormation(GlueClient.builder()).build()) {
      // Lake Formation resources name Glue databases: create it where Lake Formation looks for it.
      glue.createDatabase(request -> request.databaseInput(input -> input.name(database)));

      lakeFormation.putDataLakeSettings(request -> request.dataLakeSettings(settings -> settings
          .dataLakeAdmins(DataLakePrincipal.builder().dataLakePrincipalIdentifier(admin).build())));
      lakeFormation.createLFTag(request -> request.tagKey(CLASSIFICATION_TAG)
          .tagValues("public", "internal", "confidential"));
      lakeFormation.addLFTagsToResource(request -> request.resource(resource -> resource.database(db -> db.name(database)))
          .lfTags(LFTagPair.builder().tagKey(CLASSIFICATION_TAG).tagValues("public").build()));
      lakeFormation.grantPermissions(request -> request.principal(analyst)
          .resource(resource -> resource.lfTagPolicy(policy -> policy.resourceType(ResourceType.TABLE)
              .expression(LFTag.builder().tagKey(CLASSIFICATION_TAG).tagValues("public", "internal").build())))
          .permissions(Permission.SELECT, Permission.DESCRIBE));

      assertThat(lakeFormation.getDataLakeSettings(request -> { }).dataLakeSettings().dataLakeAdmins())
          .extracting(DataLakePrincipal::dataLakePrincipalIdentifier).containsExactly(admin);
      assertThat(lakeFormation.getLFTag(request -> request.tagKey(CLASSIFICATION_TAG)).tagValues())
          .containsExactlyInAnyOrder("public", "internal", "confidential");
      assertThat(lakeFormation.getResourceLFTags(request -> request.resource(resource -> resource.database(db ->
          db.name(database)))).lfTagOnDatabase())
          .extracting(tag -> tag.tagKey() + "=" + tag.tagValues()).containsExactly(CLASSIFICATION_TAG + "=[public]");
      List<PrincipalResourcePermissions> granted = permissionsOf(lakeFormation, analyst);
      assertThat(granted).hasSize(1);
      assertThat(granted.get(0).permissions()).containsExactlyInAnyOrder(Permission.SELECT, Permission.DESCRIBE);
      assertThat(granted.get(0).resource().lfTagPolicy().expression())
          .extracting(LFTag::tagKey, LFTag::tagValues)
          .containsExactly(tuple(CLASSIFICATION_TAG, List.of("public", "internal")));

      // Lake Formation state is account-wide: leave none behind for an external, long-running endpoint.
      lakeFormation.revokePermissions(request -> request.principal(analyst).resource(granted.get(0).resource())
          .permissions(Permission.SELECT, Permission.DESCRIBE));
      lakeFormation.deleteLFTag(request -> request.tagKey(CLASSIFICATION_TAG));
      assertThat(permissionsOf(lakeFormation, analyst)).isEmpty();
    }
  }

  /** ListPermissions filters by principal only together with a resource, so list all and keep the principal's. */
  private static List<PrincipalResourcePermissions> permissionsOf(LakeFormationClient lakeFormation,
      DataLakePrincipal principal) {
    return lakeFormation.listPermissionsPaginator(request -> { }).stream()
        .flatMap(page -> page.principalResourcePermissions().stream())
        .filter(permission -> principal.equals(permission.principal()))
        .toList();
  }
}
