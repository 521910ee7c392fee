package io.meshwork.demodata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Generates plausible, deterministic Swiss basic health insurance (KVG/LAMal) source data, one DuckDB {@code SELECT}
 * per source, so that a tenant can be seeded at any scale without data files and every product has something
 * realistic to compute: canton mix, age pyramid, deductibles and models, joins and departures, premiums by canton,
 * age, deductible and model, claims with skewed amounts, winter peaks, booking lags and cost sharing.
 *
 * <p>Each query returns exactly the source's columns, in order, with the DuckDB types of its definition. Rows are
 * produced by {@code range()} and joins inside DuckDB, and every pseudo-random value is derived from {@code hash()} of
 * the seed and the row's keys (see {@link GeneratorSql}), so the same {@link SeedOptions} give the same rows on any
 * number of threads and a different seed gives different data. Row order is not part of the result.
 *
 * <p>With {@link SeedOptions#defects()}, a few rows are spoiled on purpose, always the same ones for the same
 * options, so that the product rules can be seen at work. Some trip a quality rule downstream; the others are the
 * kind of mess claims_clean exists to clean up, and trip nothing:
 *
 * <ul>
 *   <li>claims, 5 lines redelivered (same claim_id, booked 30 days later, amount corrected down by 10%): breaks the
 *       source's primary key; claims_clean keeps the later line, no rule trips;
 *   <li>claims, 3 lines redelivered as cancellations (negative amount and cost share, booked 30 days later):
 *       claims_clean keeps the cancellation and drops it as non-positive, no rule trips;
 *   <li>claims, 3 lines whose cost share exceeds the amount by CHF 150: claims_clean caps the cost share at the
 *       amount, no rule trips;
 *   <li>claims, 2 lines without insured_id: trip claims_clean's not_null rule on insured_id (error) and its contract
 *       (insured_id is required);
 *   <li>claims, 4 lines whose provider_id is not in providers: their provider_canton is empty in claims_clean, which
 *       trips its not_null rule on provider_canton (warn);
 *   <li>insured_persons, the first coverage period of 3 persons without canton: trips insured_months' not_null rule on
 *       canton (error) and its contract; loss_ratio and the other products built on insured_months get empty cantons
 *       too;
 *   <li>premiums, the first premium month of 4 persons without canton: loss_ratio gets a row with an empty canton,
 *       which trips its not_null rule on canton (error) and its contract, and, as no exposure joins it, an empty
 *       loss ratio (warn).
 * </ul>
 *
 * Defective claim lines are delivered even when booked after the last year. Clean data trips no product rule as long
 * as insured_months counts exposure from the first year generated (months before it have no premiums, so their loss
 * ratio is empty); in particular every provider has a canton, so claims_clean's provider_canton rule stays quiet.
 */
public final class SwissDataGenerator {

  private static final Map<String, Function<SeedOptions, String>> QUERIES = queries();

  /**
   * The sources this generator knows, in the order to generate them: reference data first, then the insured
   * persons, whose premiums and claims refer to them.
   */
  public static List<String> sources() {
    return List.copyOf(QUERIES.keySet());
  }

  /** One DuckDB {@code SELECT} that returns every row of {@code sourceName} for {@code options}. */
  public String sql(String sourceName, SeedOptions options) {
    Objects.requireNonNull(options, "options");
    Function<SeedOptions, String> query = QUERIES.get(sourceName);
    if (query == null) {
      throw new IllegalArgumentException("Cannot seed unknown source '" + sourceName + "'; sources are "
          + String.join(", ", QUERIES.keySet()) + ".");
    }
    return query.apply(options);
  }

  private static Map<String, Function<SeedOptions, String>> queries() {
    Map<String, Function<SeedOptions, String>> queries = new LinkedHashMap<>();
    queries.put("cantons", CantonsQuery::sql);
    queries.put("providers", ProvidersQuery::sql);
    queries.put("insured_persons", InsuredPersonsQuery::sql);
    queries.put("premiums", PremiumsQuery::sql);
    queries.put("claims", ClaimsQuery::sql);
    return queries;
  }
}
