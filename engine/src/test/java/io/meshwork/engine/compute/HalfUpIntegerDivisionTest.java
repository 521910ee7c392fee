package io.meshwork.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped products divide money exactly in DuckDB with integer division: n / d rounded half up is
 * {@code (2 * n + d) // (2 * d)} for n >= 0 and d > 0, and {@code sign(n) * sign(d) * ((2 * |n| + |d|) // (2 * |d|))}
 * for any signs. Each formulation is compared, case by case, with Java's exact {@link BigDecimal} division rounded
 * {@link RoundingMode#HALF_UP}, over every quotient of a grid that holds many exact half units, and over large
 * HUGEINT operands. DuckDB's decimal {@code /}, which runs in DOUBLE, gets some of the same half cents wrong.
 */
class HalfUpIntegerDivisionTest {

  @Test
  void centsPerInsuredYearRoundHalfUpExactly_forEveryNetCostAndMonthsOfTheGrid() throws SQLException {
    // As cost_per_insured: net cost in cents * 12 / covered months, in cents, then * 0.01 as DECIMAL(18,2).
    String sql = """
        SELECT n, d, CAST((2 * n * 12 + d) // (2 * d) * 0.01 AS DECIMAL(18,2)) AS exact_chf,
               CAST(CAST(n AS DECIMAL(18,0)) * 0.01 * 12.0 / d AS DECIMAL(18,2)) AS double_chf
        FROM range(0, 20001) AS a(n) CROSS JOIN range(1, 61) AS b(d)
        """;
    int cases = 0;
    int halves = 0;
    int doubleWrong = 0;
    List<String> mismatches = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        long cents = result.getLong(1);
        long months = result.getLong(2);
        BigDecimal expected = BigDecimal.valueOf(cents * 12, 2).divide(BigDecimal.valueOf(months), 2,
            RoundingMode.HALF_UP);
        cases++;
        if (24 * cents % (2 * months) == months) {
          halves++;
        }
        if (result.getBigDecimal(3).compareTo(expected) != 0) {
          mismatches.add(cents + " * 12 / " + months + ": " + result.getBigDecimal(3) + " instead of " + expected);
        }
        if (result.getBigDecimal(4).compareTo(expected) != 0) {
          doubleWrong++;
        }
      }
    }

    assertThat(mismatches).isEmpty();
    assertThat(cases).isEqualTo(20_001 * 60);
    assertThat(halves).isGreaterThan(10_000);
    assertThat(doubleWrong).isPositive();
  }

  @Test
  void signedQuotientsRoundHalfAwayFromZero_asBigDecimalHalfUp() throws SQLException {
    String sql = """
        SELECT n, d, sign(n) * sign(d) * ((2 * abs(n) * 10000 + abs(d)) // (2 * abs(d))) AS units
        FROM range(-3000, 3001) AS a(n) CROSS JOIN range(-40, 41) AS b(d)
        WHERE d <> 0
        """;
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        BigDecimal expected = BigDecimal.valueOf(result.getLong(1)).divide(BigDecimal.valueOf(result.getLong(2)), 4,
            RoundingMode.HALF_UP);
        BigDecimal actual = BigDecimal.valueOf(result.getLong(3), 4);
        cases++;
        if (actual.compareTo(expected) != 0) {
          mismatches.add(result.getLong(1) + " / " + result.getLong(2) + ": " + actual + " instead of " + expected);
        }
      }
    }

    assertThat(mismatches).isEmpty();
    assertThat(cases).isEqualTo(6001 * 80);
  }

  @Test
  void hugeintOperandsBeyondBigintStayExact() throws SQLException {
    // As risk_equalisation_cells and telmed_savings: products of cents and months outgrow BIGINT.
    Random random = new Random(20261207);
    List<BigInteger[]> pairs = new ArrayList<>();
    for (int pair = 0; pair < 2000; pair++) {
      BigInteger q = new BigInteger(50, random);
      if (pair % 2 == 0) {
        // An exact half: n / d = q + 1/2.
        BigInteger d = new BigInteger(40, random).add(BigInteger.ONE).shiftLeft(1);
        pairs.add(new BigInteger[] {q.multiply(d).add(d.shiftRight(1)), d});
      } else {
        BigInteger d = new BigInteger(40, random).add(BigInteger.ONE);
        pairs.add(new BigInteger[] {q.multiply(d).add(new BigInteger(48, random).mod(d)), d});
      }
    }
    String values = pairs.stream().map(pair -> "(" + pair[0] + "::HUGEINT, " + pair[1] + "::HUGEINT)")
        .collect(Collectors.joining(", "));
    List<String> mismatches = new ArrayList<>();
    int halves = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT n, d, CAST((2 * n + d) // (2 * d) AS VARCHAR) FROM (VALUES "
            + values + ") AS t(n, d)")) {
      while (result.next()) {
        BigInteger n = new BigInteger(result.getString(1));
        BigInteger d = new BigInteger(result.getString(2));
        BigDecimal expected = new BigDecimal(n).divide(new BigDecimal(d), 0, RoundingMode.HALF_UP);
        if (n.shiftLeft(1).mod(d.shiftLeft(1)).equals(d)) {
          halves++;
        }
        if (!new BigDecimal(result.getString(3)).equals(expected)) {
          mismatches.add(n + " / " + d + ": " + result.getString(3) + " instead of " + expected);
        }
      }
    }

    assertThat(mismatches).isEmpty();
    assertThat(halves).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void doubleDivisionRoundsTheIssuesHalfCentDown_theIntegerFormulationUp() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT CAST(9261.38 / 4 AS DECIMAL(18,2)), "
            + "CAST((2 * 926138 + 4) // (2 * 4) * 0.01 AS DECIMAL(18,2))")) {
      result.next();

      assertThat(result.getBigDecimal(1)).isEqualByComparingTo("2315.34");
      assertThat(result.getBigDecimal(2)).isEqualByComparingTo("2315.35");
      assertThat(new BigDecimal("9261.38").divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP))
          .isEqualByComparingTo("2315.35");
    }
  }
}
