package io.meshwork.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Source;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.sql.SqlTemplate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated sources against the catalogue's definitions, Swiss plausibility, determinism and the defects. */
class SwissDataGeneratorTest {

  private static final Catalog CATALOG = CatalogLoader.load(
      new DirectoryDefinitionFiles(Path.of("../product-definitions/catalog")));
  private static final SeedOptions CLEAN = new SeedOptions(2000, 42);
  private static final SeedOptions DEFECTIVE = new SeedOptions(2000, 42, 2023, 2025, true);
  /** Per defect, a query that counts the rows carrying it. */
  private static final Map<Defect, String> DEFECT_QUERIES = defectQueries();

  private final SwissDataGenerator generator = new SwissDataGenerator();
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void generatesEveryCatalogueSource_referenceDataFirstAndClaimsLast() {
    assertThat(SwissDataGenerator.sources())
        .containsExactlyInAnyOrderElementsOf(CATALOG.sources().stream().map(Source::name).toList())
        .startsWith("cantons", "providers").endsWith("claims");
    assertThat(SwissDataGenerator.sources().indexOf("insured_persons"))
        .isLessThan(SwissDataGenerator.sources().indexOf("premiums"));
  }

  @Test
  void everySourceHasTheColumnsAndTypesOfItsDefinition_withAndWithoutDefects() throws SQLException {
    for (Source source : CATALOG.sources()) {
      List<String> expected = source.contract().columns().stream()
          .map(column -> column.name() + " " + duckDbType(column.type().toString())).toList();
      for (SeedOptions options : List.of(CLEAN, DEFECTIVE)) {
        List<String> actual = rows("DESCRIBE " + generator.sql(source.name(), options)).stream()
            .map(row -> row.get(0) + " " + row.get(1)).toList();
        assertThat(actual).as("columns of %s (defects %s)", source.name(), options.defects())
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void cleanDataHasUniquePrimaryKeysAndFillsEveryRequiredColumn() throws SQLException {
    deliver(CLEAN);
    for (Source source : CATALOG.sources()) {
      String key = String.join(", ", source.contract().primaryKey());
      assertThat(count("SELECT count(*) - count(DISTINCT (" + key + ")) FROM " + source.name()))
          .as("duplicate keys (%s) in %s", key, source.name()).isZero();
      for (Column column : source.contract().columns()) {
        if (column.required()) {
          assertThat(count("SELECT count(*) FROM " + source.name() + " WHERE " + column.name() + " IS NULL"))
              .as("empty %s.%s", source.name(), column.name()).isZero();
        }
      }
    }
  }

  @Test
  void sameOptionsGiveTheSameRows_onAnyNumberOfThreads() throws SQLException {
    execute("SET threads = 4");
    Map<String, String> onFourThreads = fingerprints(DEFECTIVE);
    execute("SET threads = 1");
    Map<String, String> onOneThread = fingerprints(DEFECTIVE);

    assertThat(onOneThread).isEqualTo(onFourThreads);
  }

  @Test
  void anotherSeedGivesOtherData() throws SQLException {
    Map<String, String> seed42 = fingerprints(CLEAN);
    Map<String, String> seed43 = fingerprints(new SeedOptions(CLEAN.scale(), 43));

    assertThat(seed43.get("cantons")).isEqualTo(seed42.get("cantons"));
    for (String source : List.of("providers", "insured_persons", "premiums", "claims")) {
      assertThat(seed43.get(source)).as(source).isNotEqualTo(seed42.get(source));
    }
  }

  @Test
  void claimsAverageAboutTwentyPerPersonYear() throws SQLException {
    deliver(CLEAN);
    double personYears = number("""
        SELECT sum(date_diff('day', greatest(coverage_start, DATE '2023-01-01'),
                                    coalesce(coverage_end, DATE '2025-12-31')) + 1) / 365.25
        FROM insured_persons""");

    double claimsPerPersonYear = count("SELECT count(*) FROM claims") / personYears;

    assertThat(personYears).isBetween(0.9 * 3 * CLEAN.scale(), 3.0 * CLEAN.scale());
    assertThat(claimsPerPersonYear).isBetween(15.0, 25.0);
  }

  @Test
  void claimsFallInACoveragePeriod_andComeFromAKnownProviderOfTheMatchingType() throws SQLException {
    deliver(CLEAN);

    assertThat(count("""
        SELECT count(*) FROM claims c
        ANTI JOIN insured_persons p
               ON p.insured_id = c.insured_id
              AND c.service_date BETWEEN p.coverage_start AND coalesce(p.coverage_end, DATE '9999-12-31')""")).isZero();
    assertThat(count("SELECT count(*) FROM claims ANTI JOIN providers USING (provider_id)")).isZero();
    assertThat(rows("""
        SELECT DISTINCT p.provider_type || ' ' || c.tariff FROM claims c JOIN providers p USING (provider_id)""")
        .stream().map(row -> (String) row.get(0)).toList()).containsExactlyInAnyOrder(
        "hospital_inpatient SWISSDRG", "hospital_outpatient TARDOC", "hospital_outpatient LAB", "physician TARDOC",
        "physician LAB", "physician PHARMA", "pharmacy PHARMA", "laboratory LAB", "physiotherapy PHYSIO");
    assertThat(count("SELECT count(*) FROM claims "
        + "WHERE booking_date < service_date OR booking_date > DATE '2025-12-31'")).isZero();
  }

  @Test
  void costShareNeverExceedsTheAmount_norTheYearsDeductiblePlusRetention() throws SQLException {
    deliver(CLEAN);

    assertThat(count("SELECT count(*) FROM claims WHERE cost_share_chf > amount_chf OR cost_share_chf < 0")).isZero();
    // hospital days are paid on top of the deductible and the CHF 700 cap on the 10% retention
    assertThat(count("""
        SELECT count(*) FROM (
          SELECT c.insured_id, year(c.service_date), max(p.deductible_chf) AS deductible_chf,
                 sum(c.cost_share_chf) AS cost_share_chf
          FROM claims c
          JOIN insured_persons p
            ON p.insured_id = c.insured_id
           AND c.service_date BETWEEN p.coverage_start AND coalesce(p.coverage_end, DATE '9999-12-31')
          WHERE c.tariff <> 'SWISSDRG'
          GROUP BY 1, 2)
        WHERE cost_share_chf > deductible_chf + 700.05""")).isZero();
    assertThat(number("SELECT sum(cost_share_chf) / sum(amount_chf) FROM claims")).isBetween(0.10, 0.25);
  }

  @Test
  void insuredPersonsSpreadOverAllCantonsLikeTheResidentPopulation() throws SQLException {
    deliver(new SeedOptions(20_000, 42));
    Map<String, Double> shares = new LinkedHashMap<>();
    for (List<Object> row : rows("""
        SELECT canton, count(DISTINCT insured_id) / (SELECT count(DISTINCT insured_id) FROM insured_persons)
        FROM insured_persons GROUP BY canton""")) {
      shares.put((String) row.get(0), ((Number) row.get(1)).doubleValue());
    }

    assertThat(shares.keySet()).containsExactlyInAnyOrderElementsOf(
        rows("SELECT canton FROM cantons").stream().map(row -> (String) row.get(0)).toList()).hasSize(26);
    assertThat(shares.get("ZH")).isCloseTo(0.18, within(0.02));
    assertThat(shares.get("BE")).isCloseTo(0.12, within(0.02));
    assertThat(shares.get("AI")).isLessThan(0.005);
    assertThat(count("SELECT count(DISTINCT region) FROM cantons")).isEqualTo(7);
  }

  @Test
  void adultsMostlyChooseTheLowestOrHighestDeductible_andWomenAreAboutHalf() throws SQLException {
    deliver(new SeedOptions(20_000, 42));
    String adultPeriods = "FROM insured_persons WHERE year(coverage_start) - birth_year >= 19";

    assertThat(number("SELECT avg(CASE WHEN deductible_chf = 300 THEN 1 ELSE 0 END) " + adultPeriods))
        .isCloseTo(0.45, within(0.05));
    assertThat(number("SELECT avg(CASE WHEN deductible_chf = 2500 THEN 1 ELSE 0 END) " + adultPeriods))
        .isCloseTo(0.25, within(0.05));
    assertThat(count("SELECT count(*) " + adultPeriods
        + " AND deductible_chf NOT IN (300, 500, 1000, 1500, 2000, 2500)")).isZero();
    assertThat(count("SELECT count(*) FROM insured_persons WHERE deductible_chf NOT BETWEEN 0 AND 2500")).isZero();
    assertThat(number("SELECT avg(CASE WHEN sex = 'F' THEN 1 ELSE 0 END) FROM insured_persons"))
        .isCloseTo(0.5, within(0.02));
    assertThat(rows("SELECT min(birth_year), max(birth_year) FROM insured_persons").get(0))
        .containsExactly(1930, 2024);
    assertThat(rows("SELECT DISTINCT insurance_model FROM insured_persons").stream().map(row -> row.get(0)))
        .containsExactlyInAnyOrder("standard", "hmo", "family_doctor", "telmed");
  }

  @Test
  void claimsPeakInWinter_andSomeAreBookedMonthsLater() throws SQLException {
    deliver(CLEAN);

    double januaryPerDay = count("SELECT count(*) FROM claims WHERE month(service_date) = 1 "
        + "AND year(service_date) < 2025") / 62.0;
    double julyPerDay = count("SELECT count(*) FROM claims WHERE month(service_date) = 7 "
        + "AND year(service_date) < 2025") / 62.0;
    assertThat(januaryPerDay / julyPerDay).isBetween(1.15, 1.6);
    assertThat(number("SELECT quantile_cont(booking_date - service_date, 0.5) FROM claims")).isBetween(10.0, 40.0);
    assertThat(count("SELECT count(*) FROM claims WHERE booking_date - service_date > 180")).isPositive();
  }

  @Test
  void premiumsAreHigherInGenevaThanInZug_andCoverTheClaimsRoughly() throws SQLException {
    deliver(CLEAN);

    assertThat(number("SELECT avg(premium_chf) FROM premiums WHERE canton = 'GE'"))
        .isGreaterThan(number("SELECT avg(premium_chf) FROM premiums WHERE canton = 'ZG'"));
    assertThat(number("""
        SELECT (SELECT sum(amount_chf - cost_share_chf) FROM claims WHERE year(service_date) = 2023)
             / (SELECT sum(premium_chf) FROM premiums WHERE year(premium_month) = 2023)""")).isBetween(0.7, 1.1);
  }

  @Test
  void cleanDataHasNoneOfTheDefects() throws SQLException {
    deliver(CLEAN);
    for (Map.Entry<Defect, String> defect : DEFECT_QUERIES.entrySet()) {
      assertThat(count(defect.getValue())).as(defect.getKey().name()).isZero();
    }
  }

  @Test
  void defectsArePresentInTheirDocumentedCounts() throws SQLException {
    deliver(DEFECTIVE);

    assertThat(DEFECT_QUERIES).containsOnlyKeys(Defect.values());
    for (Map.Entry<Defect, String> defect : DEFECT_QUERIES.entrySet()) {
      assertThat(count(defect.getValue())).as(defect.getKey().name()).isEqualTo(defect.getKey().count());
    }
  }

  @Test
  void cleanDataTripsNoProductRule_butLossRatioWarningsForExposureBeforeTheFirstYear() throws SQLException {
    // insured_months counts exposure from its exposure_from_year for persons insured since before the first year;
    // if that is before 2023, those months have no generated premiums, so their loss ratio is empty
    assertThat(ruleViolations(List.of()).keySet()).allMatch("loss_ratio.loss_ratio not_null (warn)"::equals);
  }

  @Test
  void eachDefectTripsTheProductRuleItIsDocumentedToTrip() throws SQLException {
    Map<String, Long> clean = ruleViolations(List.of());

    assertThat(newViolations(ruleViolations(List.of("claims")), clean)).containsOnly(
        Map.entry("claims_clean.insured_id not_null (error)", (long) Defect.CLAIM_WITHOUT_INSURED.count()),
        Map.entry("claims_clean.provider_canton not_null (warn)", (long) Defect.CLAIM_WITH_UNKNOWN_PROVIDER.count()));
    assertThat(newViolations(ruleViolations(List.of("insured_persons")), clean))
        .containsKeys("insured_months.canton not_null (error)", "loss_ratio.canton not_null (error)");
    assertThat(newViolations(ruleViolations(List.of("premiums")), clean))
        .containsKey("loss_ratio.canton not_null (error)")
        .allSatisfy((rule, rows) -> assertThat(rule).startsWith("loss_ratio."));
  }

  @Test
  void unknownSourceIsRejected_namingTheKnownOnes() {
    assertThatThrownBy(() -> generator.sql("policies", CLEAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot seed unknown source 'policies'; sources are cantons, providers, insured_persons, "
            + "premiums, claims.");
  }

  @Test
  void invalidOptionsAreRejected_namingTheBadValue() {
    assertThatThrownBy(() -> new SeedOptions(0, 42)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale 0");
    assertThatThrownBy(() -> new SeedOptions(10, 42, 2025, 2023, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-2023");
    assertThatThrownBy(() -> new SeedOptions(10, 42, 1999, 2023, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1999");
    assertThatThrownBy(() -> new SeedOptions(10, 42, 2023, 2101, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2101");
  }

  private static Map<Defect, String> defectQueries() {
    Map<Defect, String> queries = new EnumMap<>(Defect.class);
    queries.put(Defect.REDELIVERED_CLAIM_LINE, "SELECT count(*) FROM (SELECT claim_id FROM claims GROUP BY claim_id "
        + "HAVING count(*) = 2 AND min(amount_chf) > 0 AND count(DISTINCT booking_date) = 2)");
    queries.put(Defect.CANCELLED_CLAIM_LINE, "SELECT count(*) FROM (SELECT claim_id FROM claims GROUP BY claim_id "
        + "HAVING count(*) = 2 AND sum(amount_chf) = 0 AND arg_max(amount_chf, booking_date) < 0)");
    queries.put(Defect.COST_SHARE_ABOVE_AMOUNT,
        "SELECT count(*) FROM claims WHERE amount_chf > 0 AND cost_share_chf > amount_chf");
    queries.put(Defect.CLAIM_WITHOUT_INSURED, "SELECT count(*) FROM claims WHERE insured_id IS NULL");
    queries.put(Defect.CLAIM_WITH_UNKNOWN_PROVIDER,
        "SELECT count(*) FROM claims ANTI JOIN providers USING (provider_id)");
    queries.put(Defect.COVERAGE_WITHOUT_CANTON, "SELECT count(*) FROM insured_persons WHERE canton IS NULL");
    queries.put(Defect.PREMIUM_WITHOUT_CANTON, "SELECT count(*) FROM premiums WHERE canton IS NULL");
    return queries;
  }

  /**
   * Delivers every source, the ones named in {@code defective} with defects, refreshes the managed products the
   * defects are documented to reach (with their default parameters) and returns their failing not_null and unique
   * rules, keyed like {@code claims_clean.insured_id not_null (error)}, with the failing row count.
   */
  private Map<String, Long> ruleViolations(List<String> defective) throws SQLException {
    for (String source : SwissDataGenerator.sources()) {
      execute("CREATE OR REPLACE TABLE " + source + " AS "
          + generator.sql(source, defective.contains(source) ? DEFECTIVE : CLEAN));
    }
    Map<String, Long> violations = new LinkedHashMap<>();
    for (String name : List.of("claims_clean", "insured_months", "loss_ratio")) {
      DataProduct product = CATALOG.products().stream()
          .filter(candidate -> candidate.name().equals(name) && !candidate.isCustom()).findFirst().orElseThrow();
      Map<String, ParameterValue> defaults = product.parameters().stream()
          .collect(Collectors.toMap(Parameter::name, Parameter::defaultValue));
      execute("CREATE OR REPLACE TABLE " + name + " AS " + SqlTemplate.render(product.transform().sql(), defaults));
      for (QualityRule rule : product.quality()) {
        for (String column : rule.columns()) {
          String failing = switch (rule.type()) {
            case "not_null" -> "SELECT count(*) FROM " + name + " WHERE " + column + " IS NULL";
            case "unique" -> "SELECT count(*) - count(DISTINCT " + column + ") FROM " + name;
            default -> "SELECT 0";
          };
          long rows = count(failing);
          if (rows > 0) {
            violations.put(name + "." + column + " " + rule.type() + " ("
                + rule.severity().name().toLowerCase(Locale.ROOT) + ")", rows);
          }
        }
      }
    }
    return violations;
  }

  /** The violations that are not in {@code baseline}, or fail there on another number of rows. */
  private static Map<String, Long> newViolations(Map<String, Long> violations, Map<String, Long> baseline) {
    Map<String, Long> added = new LinkedHashMap<>(violations);
    added.entrySet().removeIf(entry -> entry.getValue().equals(baseline.get(entry.getKey())));
    return added;
  }

  private void deliver(SeedOptions options) throws SQLException {
    for (String source : SwissDataGenerator.sources()) {
      execute("CREATE OR REPLACE TABLE " + source + " AS " + generator.sql(source, options));
    }
  }

  /** Per source: the row count and the sum of the hashes of all rows, which any changed value changes. */
  private Map<String, String> fingerprints(SeedOptions options) throws SQLException {
    Map<String, String> fingerprints = new LinkedHashMap<>();
    for (Source source : CATALOG.sources()) {
      String columns = source.contract().columns().stream().map(Column::name).collect(Collectors.joining(", "));
      List<Object> row = rows("SELECT count(*), CAST(sum(hash(" + columns + ")) AS VARCHAR) FROM ("
          + generator.sql(source.name(), options) + ")").get(0);
      fingerprints.put(source.name(), row.get(0) + " rows, hash sum " + row.get(1));
    }
    return fingerprints;
  }

  private static String duckDbType(String icebergType) {
    return switch (icebergType) {
      case "string" -> "VARCHAR";
      case "int" -> "INTEGER";
      case "long" -> "BIGINT";
      case "boolean" -> "BOOLEAN";
      case "double" -> "DOUBLE";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMP";
      default -> icebergType.toUpperCase(Locale.ROOT);
    };
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  private double number(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).doubleValue();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
