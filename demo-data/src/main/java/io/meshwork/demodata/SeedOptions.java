package io.meshwork.demodata;

/**
 * What {@link SwissDataGenerator} generates: how many insured persons, from which seed, for which calendar years, and
 * whether to add a few deliberate defects. The same options always give the same data.
 *
 * @param scale number of insured persons, at least 1; claims grow with it at about 20 per person-year
 * @param seed any number; a different seed gives different but equally plausible data
 * @param firstYear first calendar year of coverage, premiums and claims
 * @param lastYear last calendar year; the data is delivered as at 31 December of this year
 * @param defects whether to add the defects listed in {@link SwissDataGenerator}
 */
public record SeedOptions(long scale, long seed, int firstYear, int lastYear, boolean defects) {

  public static final int DEFAULT_FIRST_YEAR = 2023;
  public static final int DEFAULT_LAST_YEAR = 2025;
  /** More persons than Switzerland has insured, ten times over; ids and claim numbers are sized for it. */
  public static final long MAXIMUM_SCALE = 100_000_000L;
  /** The years the insured_months product accepts as exposure_from_year. */
  public static final int EARLIEST_YEAR = 2000;
  public static final int LATEST_YEAR = 2100;

  public SeedOptions {
    if (scale < 1 || scale > MAXIMUM_SCALE) {
      throw new IllegalArgumentException("Invalid scale " + scale + ": generate between 1 and " + MAXIMUM_SCALE
          + " insured persons.");
    }
    if (firstYear < EARLIEST_YEAR || firstYear > LATEST_YEAR) {
      throw new IllegalArgumentException("Invalid first year " + firstYear + ": use a year from " + EARLIEST_YEAR
          + " to " + LATEST_YEAR + ".");
    }
    if (lastYear < EARLIEST_YEAR || lastYear > LATEST_YEAR) {
      throw new IllegalArgumentException("Invalid last year " + lastYear + ": use a year from " + EARLIEST_YEAR
          + " to " + LATEST_YEAR + ".");
    }
    if (lastYear < firstYear) {
      throw new IllegalArgumentException("Invalid years " + firstYear + "-" + lastYear
          + ": the last year must not be before the first year.");
    }
  }

  /** Clean data for the default years 2023 to 2025. */
  public SeedOptions(long scale, long seed) {
    this(scale, seed, DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR, false);
  }

  /** The number of calendar years generated. */
  public int years() {
    return lastYear - firstYear + 1;
  }
}
