package io.meshwork.demodata;

/**
 * How many providers of each type each canton has, and the range of provider numbers they take: claims draw a
 * provider by type and canton from this directory without joining the providers themselves.
 *
 * <p>Densities per 1,000 insured follow the mix an insurer sees: mostly physicians, then pharmacies and
 * physiotherapists, few laboratories and hospitals (about 2,500 providers for 200,000 insured); every canton has at
 * least one provider of every type. Hospitals appear twice, as hospital_inpatient and hospital_outpatient, with the
 * same count per canton, so that the n-th of each in a canton can share a name. Provider numbers run from 1 by type,
 * then canton.
 */
final class ProviderDirectory {

  private ProviderDirectory() {
  }

  /** CTEs {@code provider_types} and {@code provider_directory}; needs {@code canton_reference}. */
  static String ctes() {
    return """
        provider_types AS (
          SELECT *
          FROM (VALUES
            (1, 'hospital_inpatient', 0.30),
            (2, 'hospital_outpatient', 0.30),
            (3, 'physician', 8.0),
            (4, 'pharmacy', 2.2),
            (5, 'laboratory', 0.3),
            (6, 'physiotherapy', 1.6)
          ) AS types(type_order, provider_type, per_thousand_insured)
        ),
        provider_counts AS (
          SELECT
            t.type_order,
            t.provider_type,
            c.canton_order,
            c.canton,
            c.language,
            c.town,
            CAST(greatest(1, round({scale} * t.per_thousand_insured / 1000.0 * c.population
              / (SELECT sum(population) FROM canton_reference))) AS BIGINT) AS provider_count
          FROM provider_types t
          CROSS JOIN canton_reference c
        ),
        provider_directory AS (
          SELECT
            n.*,
            SUM(n.provider_count) OVER (ORDER BY n.type_order, n.canton_order ROWS UNBOUNDED PRECEDING)
              - n.provider_count + 1 AS first_provider_number,
            SUM(n.provider_count) OVER () AS provider_total
          FROM provider_counts n
        )""";
  }

  /** The SQL expression of the provider id of a provider number. */
  static String providerId(String providerNumber) {
    return "'P' || lpad(CAST(" + providerNumber + " AS VARCHAR), 7, '0')";
  }
}
