package io.meshwork.demodata;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The deliberate defects of {@code defects = true}: few, always the same for the same options, and each one either
 * caught by a product rule downstream or absorbed by the cleaning in claims_clean. The counts hold from a scale of a
 * few dozen persons; below that there may not be enough persons or claims to carry them all.
 */
enum Defect {

  /**
   * A claim line redelivered with the same claim_id, a booking date 30 days later and the amount corrected down by
   * 10%. Breaks the claims source's primary key; claims_clean keeps the later line, so no rule trips.
   */
  REDELIVERED_CLAIM_LINE("claims", 5),
  /**
   * A claim line redelivered 30 days later as its cancellation: negative amount and cost share. claims_clean keeps the
   * cancellation, then drops it as non-positive, so no rule trips.
   */
  CANCELLED_CLAIM_LINE("claims", 3),
  /** A claim line whose cost share exceeds its amount by CHF 150; claims_clean caps it at the amount. */
  COST_SHARE_ABOVE_AMOUNT("claims", 3),
  /** A claim line without insured_id: trips claims_clean's not_null rule on insured_id (error) and its contract. */
  CLAIM_WITHOUT_INSURED("claims", 2),
  /**
   * A claim line whose provider_id is in no providers delivery: its provider_canton is empty in claims_clean, which
   * trips claims_clean's not_null rule on provider_canton (warn).
   */
  CLAIM_WITH_UNKNOWN_PROVIDER("claims", 4),
  /**
   * A person's first coverage period without a canton: trips insured_months' not_null rule on canton (error) and its
   * contract; products built on insured_months, such as loss_ratio, get empty cantons too.
   */
  COVERAGE_WITHOUT_CANTON("insured_persons", 3),
  /**
   * A person's first premium month without a canton: loss_ratio gets a row with an empty canton, which trips its
   * not_null rule on canton (error) and its contract; as no exposure joins an empty canton, that row's loss ratio is
   * empty too (warn).
   */
  PREMIUM_WITHOUT_CANTON("premiums", 4);

  private final String source;
  private final int count;

  Defect(String source, int count) {
    this.source = source;
    this.count = count;
  }

  /** How many rows carry the defect. */
  int count() {
    return count;
  }

  /** The defects of the claims source, in the order their targets are assigned. */
  static List<Defect> ofClaims() {
    return Arrays.stream(values()).filter(defect -> defect.source.equals("claims")).toList();
  }

  /** The first rank among the claims defects' targets that gets this defect (ranks start at 1). */
  int firstRank() {
    int rank = 1;
    for (Defect defect : ofClaims()) {
      if (defect == this) {
        return rank;
      }
      rank += defect.count;
    }
    throw new IllegalStateException(this + " is not a claims defect");
  }

  /**
   * The numbers of the persons who carry a person-level defect, as a SQL list for {@code IN (...)}: {@code count} of
   * them spread evenly over the scale (fewer if the scale is smaller).
   */
  String personNumbers(long scale) {
    return LongStream.range(0, count).map(index -> (2 * index + 1) * scale / (2L * count)).distinct()
        .mapToObj(Long::toString).collect(Collectors.joining(", "));
  }
}
