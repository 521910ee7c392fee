package io.meshwork.demodata;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the generator's SQL templates into DuckDB SQL: binds the options and expands two pseudo-random functions.
 *
 * <p>DuckDB's {@code random()} depends on how rows are spread over threads, so it would give different data on every
 * run. Instead, every pseudo-random value is a function of DuckDB's {@code hash()} of the seed, the row's keys (person
 * number, year, claim line) and a salt that differs for every column drawn, so the same options give the same data
 * on any number of threads. The templates write:
 *
 * <ul>
 *   <li>{@code uniform(key, ..., salt)}: a number uniformly distributed in (0, 1);
 *   <li>{@code normal(key, ..., salt)}: a standard normal number, by the Box-Muller transform of two uniforms.
 * </ul>
 *
 * The keys are column names or numbers (no parentheses); the salt is the last argument. The placeholders
 * {@code {seed}}, {@code {scale}}, {@code {first_year}} and {@code {last_year}} become the options' values.
 */
final class GeneratorSql {

  private static final Pattern RANDOM_FUNCTION = Pattern.compile("\\b(uniform|normal)\\(([^()]*)\\)");
  /**
   * DuckDB combines the hashes of several values in a way that leaves the high bits of {@code hash(a, b, salt)} and
   * {@code hash(a, b, salt + 1)} strongly correlated; hashing that hash again mixes every bit. The top 53 bits, as
   * many as a double holds exactly, plus half a step make a number that is never 0 or 1 (where ln() explodes). Shifts
   * and doubles throughout: with decimal literals DuckDB computes the same about twice as slowly.
   */
  private static final String UNIFORM =
      "((CAST(hash(hash(CAST(%d AS BIGINT), %s)) >> 11 AS DOUBLE) + 0.5) / 9007199254740992.0)";

  private GeneratorSql() {
  }

  static String render(String template, SeedOptions options) {
    String bound = template.replace("{seed}", Long.toString(options.seed()))
        .replace("{scale}", Long.toString(options.scale()))
        .replace("{first_year}", Integer.toString(options.firstYear()))
        .replace("{last_year}", Integer.toString(options.lastYear()));
    Matcher matcher = RANDOM_FUNCTION.matcher(bound);
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      String keys = matcher.group(2).trim();
      if (keys.isEmpty() || Arrays.stream(keys.split(",")).anyMatch(String::isBlank)) {
        throw new IllegalStateException("Malformed " + matcher.group() + " in a generator template");
      }
      String expression = matcher.group(1).equals("uniform")
          ? uniform(options.seed(), keys)
          : "(sqrt(-2.0 * ln(" + uniform(options.seed(), keys + ", 1") + ")) * cos(2.0 * pi() * "
              + uniform(options.seed(), keys + ", 2") + "))";
      matcher.appendReplacement(sql, Matcher.quoteReplacement(expression));
    }
    matcher.appendTail(sql);
    return sql.toString();
  }

  private static String uniform(long seed, String keys) {
    return UNIFORM.formatted(seed, keys);
  }
}
