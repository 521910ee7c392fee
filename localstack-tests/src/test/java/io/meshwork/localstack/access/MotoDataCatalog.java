package io.meshwork.localstack.access;

import io.meshwork.cdk.constructs.DataProductTable;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;

/**
 * A tenant's Data Catalog as moto's Lake Formation needs it before a reconciler runs: the Glue databases and tables
 * it names (moto's own Glue, with the contracts' columns), the tenant stack's data lake settings, and, for moto only,
 * an empty {@code AddLFTagsToResource} per database ({@code GetResourceLFTags} on a database never tagged answers
 * HTTP 500 in moto 5.2.5, where AWS answers "no tags"; AWS would refuse the empty call).
 */
record MotoDataCatalog(GlueClient glue, LakeFormationClient lakeFormation, String catalogId,
    Map<TableName, Contract> tables) {

  MotoDataCatalog {
    tables = Map.copyOf(tables);
  }

  /** Creates the databases and tables, with {@code admin} the one data lake administrator. */
  void create(String admin) {
    databases().forEach(database -> glue.createDatabase(request -> request.catalogId(catalogId)
        .databaseInput(input -> input.name(database))));
    tables.forEach((table, contract) -> glue.createTable(request -> request.catalogId(catalogId)
        .databaseName(table.namespace()).tableInput(input -> input.name(table.table()).storageDescriptor(storage ->
            storage.columns(contract.columns().stream().map(column -> Column.builder().name(column.name())
                .type(DataProductTable.glueType(column.type())).build()).toList())))));
    // As the tenant stack's settings: one administrator, no IAMAllowedPrincipals defaults.
    lakeFormation.putDataLakeSettings(request -> request.catalogId(catalogId).dataLakeSettings(settings ->
        settings.dataLakeAdmins(principal(admin)).createDatabaseDefaultPermissions(List.of())
            .createTableDefaultPermissions(List.of())));
    databases().forEach(database -> lakeFormation.addLFTagsToResource(request -> request.catalogId(catalogId)
        .resource(database(database)).lfTags(List.of())));
  }

  /** Every grant of the catalog, as Lake Formation lists it. */
  List<PrincipalResourcePermissions> permissions() {
    return lakeFormation.listPermissionsPaginator(request -> request.catalogId(catalogId))
        .stream().flatMap(page -> page.principalResourcePermissions().stream()).toList();
  }

  /** Revokes every grant, deletes every LF-Tag and the databases: the state is account-wide. */
  void remove() {
    List<BatchPermissionsRequestEntry> revokes = new ArrayList<>();
    for (PrincipalResourcePermissions granted : permissions()) {
      revokes.add(BatchPermissionsRequestEntry.builder().id(Integer.toString(revokes.size()))
          .principal(granted.principal()).resource(granted.resource()).permissions(granted.permissions()).build());
    }
    for (int start = 0; start < revokes.size(); start += 20) {
      List<BatchPermissionsRequestEntry> batch = revokes.subList(start, Math.min(start + 20, revokes.size()));
      lakeFormation.batchRevokePermissions(request -> request.catalogId(catalogId).entries(batch));
    }
    lakeFormation.listLFTagsPaginator(request -> request.catalogId(catalogId)).lfTags()
        .forEach(tag -> lakeFormation.deleteLFTag(request -> request.catalogId(catalogId).tagKey(tag.tagKey())));
    databases().forEach(database -> glue.deleteDatabase(request -> request.catalogId(catalogId).name(database)));
  }

  Resource database(String name) {
    return Resource.builder().database(database -> database.catalogId(catalogId).name(name)).build();
  }

  static DataLakePrincipal principal(String arn) {
    return DataLakePrincipal.builder().dataLakePrincipalIdentifier(arn).build();
  }

  private List<String> databases() {
    return tables.keySet().stream().map(TableName::namespace).distinct().sorted().toList();
  }
}
