package io.meshwork.cdk.constructs;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Partition;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

/**
 * The Iceberg table of one product or source version in the Glue catalogue, created empty by Glue (format version
 * 2) with the contract's columns, so that Athena and the pipeline's Iceberg GlueCatalog see the same schema.
 *
 * <p>Partitioning: Glue's CreateTable only expresses identity partitions, so contract fields with the
 * {@code identity} transform become partition keys. Other transforms (such as {@code month} or {@code bucket[16]})
 * are not declared here; the pipeline evolves the partition spec to the contract's on its first write.
 */
public final class DataProductTable extends Construct {

  private final CfnTable table;
  private final String tableName;

  public DataProductTable(Construct scope, String id, DataProductTableProps props) {
    super(scope, id);
    Set<String> identityPartitions = props.partitioning().stream()
        .filter(partition -> partition.transform().equals("identity"))
        .map(Partition::column)
        .collect(Collectors.toUnmodifiableSet());
    List<CfnTable.ColumnProperty> columns = props.columns().stream()
        .filter(column -> !identityPartitions.contains(column.name()))
        .map(DataProductTable::glueColumn)
        .toList();
    List<CfnTable.ColumnProperty> partitionKeys = props.columns().stream()
        .filter(column -> identityPartitions.contains(column.name()))
        .map(DataProductTable::glueColumn)
        .toList();
    CfnTable.TableInputProperty.Builder input = CfnTable.TableInputProperty.builder()
        .name(props.tableName())
        .tableType("EXTERNAL_TABLE")
        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
            .columns(columns)
            .location(props.location())
            .build());
    if (!partitionKeys.isEmpty()) {
      input.partitionKeys(partitionKeys);
    }
    if (!props.description().isEmpty()) {
      input.description(props.description());
    }
    this.tableName = props.tableName();
    this.table = CfnTable.Builder.create(this, "Table")
        .catalogId(Stack.of(this).getAccount())
        .databaseName(props.databaseName())
        .openTableFormatInput(CfnTable.OpenTableFormatInputProperty.builder()
            .icebergInput(CfnTable.IcebergInputProperty.builder()
                .metadataOperation("CREATE")
                .version("2")
                .build())
            .build())
        .tableInput(input.build())
        .build();
  }

  /** The Glue/Hive type of a contract type; {@code timestamptz} maps to {@code timestamp} as Athena reads both. */
  public static String glueType(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case LONG -> "bigint";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(" + type.precision() + "," + type.scale() + ")";
      case DATE -> "date";
      case TIMESTAMP, TIMESTAMPTZ -> "timestamp";
      case STRING -> "string";
    };
  }

  private static CfnTable.ColumnProperty glueColumn(Column column) {
    CfnTable.ColumnProperty.Builder builder = CfnTable.ColumnProperty.builder()
        .name(column.name().toLowerCase(Locale.ROOT))
        .type(glueType(column.type()));
    String comment = column.description().strip();
    if (!comment.isEmpty()) {
      builder.comment(comment.length() > 255 ? comment.substring(0, 252) + "..." : comment);
    }
    return builder.build();
  }

  /** The CloudFormation resource, for dependencies. */
  public CfnTable table() {
    return table;
  }

  public String tableName() {
    return tableName;
  }
}
