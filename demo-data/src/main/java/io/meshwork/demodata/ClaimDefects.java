package io.meshwork.demodata;

/**
 * The SQL by which {@link ClaimsQuery} spoils a few claim lines when defects are on; when they are off, every method
 * returns the clean expression it is given, so clean data pays nothing for them.
 *
 * <p>The lines to spoil are the first lines of the person-years with claims that come first in a pseudo-random order:
 * the same on every run, and never two defects on one line. Each gets a rank; {@link Defect#firstRank()} and
 * {@link Defect#count()} say which ranks carry which defect. Redelivered and cancelled lines get a second line with
 * the same claim_id.
 */
final class ClaimDefects {

  private final boolean enabled;

  ClaimDefects(boolean enabled) {
    this.enabled = enabled;
  }

  /** CTE {@code claim_years}: claim_counts with each person-year's {@code defect_rank} and {@code delivered_lines}. */
  String claimYears() {
    if (!enabled) {
      return """
          claim_years AS (
            SELECT c.*, CAST(NULL AS BIGINT) AS defect_rank, c.line_count AS delivered_lines
            FROM claim_counts c
          )""";
    }
    int targets = Defect.ofClaims().stream().mapToInt(Defect::count).sum();
    return """
        defect_targets AS (
          SELECT person_number, year, row_number() OVER (ORDER BY target_draw, person_number, year) AS defect_rank
          FROM (
            SELECT person_number, year, uniform(person_number, year, 90) AS target_draw
            FROM claim_counts
            WHERE line_count >= 1
            ORDER BY target_draw, person_number, year
            LIMIT {targets}
          )
        ),
        claim_years AS (
          SELECT
            c.*,
            t.defect_rank,
            c.line_count + CASE WHEN {redelivered} THEN 1 ELSE 0 END AS delivered_lines
          FROM claim_counts c
          LEFT JOIN defect_targets t
                 ON t.person_number = c.person_number
                AND t.year = c.year
        )"""
        .replace("{targets}", Integer.toString(targets))
        .replace("{redelivered}", ranks(Defect.REDELIVERED_CLAIM_LINE) + " OR " + ranks(Defect.CANCELLED_CLAIM_LINE));
  }

  String insuredId(String clean) {
    return enabled ? "CASE WHEN " + carries(Defect.CLAIM_WITHOUT_INSURED) + " THEN NULL ELSE " + clean + " END" : clean;
  }

  /** Unknown providers get the numbers after the last provider's. */
  String providerId(String clean) {
    return enabled
        ? "CASE WHEN " + carries(Defect.CLAIM_WITH_UNKNOWN_PROVIDER) + " THEN "
            + ProviderDirectory.providerId("provider_total + defect_rank") + " ELSE " + clean + " END"
        : clean;
  }

  String bookingDate(String clean) {
    return enabled ? "CASE WHEN redelivery THEN " + clean + " + 30 ELSE " + clean + " END" : clean;
  }

  String amount(String clean) {
    return enabled
        ? "CASE WHEN redelivery AND " + carries(Defect.CANCELLED_CLAIM_LINE) + " THEN -" + clean
            + " WHEN redelivery THEN round(" + clean + " * 0.9, 2) ELSE " + clean + " END"
        : clean;
  }

  String costShare(String clean, String amount) {
    return enabled
        ? "CASE WHEN redelivery AND " + carries(Defect.CANCELLED_CLAIM_LINE) + " THEN -" + clean
            + " WHEN redelivery THEN least(" + clean + ", round(" + amount + " * 0.9, 2))"
            + " WHEN " + carries(Defect.COST_SHARE_ABOVE_AMOUNT) + " THEN " + amount + " + 150 ELSE " + clean + " END"
        : clean;
  }

  /** An extra condition of the final WHERE: defective lines are delivered even when booked after the last year. */
  String deliveredAfterTheLastYear() {
    return enabled ? "\n   OR (defect_rank IS NOT NULL AND source_line = 0)" : "";
  }

  /** Whether the line is the one of its person-year that carries {@code defect}. */
  private static String carries(Defect defect) {
    return "(source_line = 0 AND " + ranks(defect) + ")";
  }

  private static String ranks(Defect defect) {
    return "coalesce(defect_rank BETWEEN " + defect.firstRank() + " AND " + (defect.firstRank() + defect.count() - 1)
        + ", false)";
  }
}
