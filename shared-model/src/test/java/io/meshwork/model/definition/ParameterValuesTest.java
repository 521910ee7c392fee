package io.meshwork.model.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

  private static final Location HERE = new Location("tenant.yaml", 3, 5);

  @Test
  void decimalsKeepTheirScale_andRenderAsTypedLiterals() {
    ParameterValue value = typed("decimal(5,4)", "0.08", Scalar.Kind.FLOAT);

    assertThat(value.display()).isEqualTo("0.0800");
    assertThat(value.sqlLiteral()).isEqualTo("CAST(0.0800 AS DECIMAL(5,4))");
  }

  @Test
  void stringsAreQuotedWithTheirQuotesDoubled_soTheyCannotEndTheLiteral() {
    ParameterValue value = typed("string", "x'); DROP TABLE claims; --", Scalar.Kind.STRING);

    assertThat(value.sqlLiteral()).isEqualTo("'x''); DROP TABLE claims; --'");
  }

  @Test
  void textWhereANumberBelongsIsRejected_withWhatToWrite() {
    ParameterValues.Typed typed = ParameterValues.type(ColumnType.parse("int").orElseThrow(),
        new Scalar("5; DROP TABLE claims", Scalar.Kind.STRING, HERE));

    assertThat(typed.value()).isEmpty();
    assertThat(typed.problem()).isEqualTo("expects an int (a whole number), got '5; DROP TABLE claims'");
  }

  @Test
  void tooManyDecimalPlacesAreRejected_ratherThanRounded() {
    ParameterValues.Typed typed = ParameterValues.type(ColumnType.parse("decimal(12,2)").orElseThrow(),
        new Scalar("10.005", Scalar.Kind.FLOAT, HERE));

    assertThat(typed.problem()).isEqualTo("expects decimal(12,2), and 10.005 has more than 2 decimal places");
  }

  @Test
  void boundsAndAllowedValuesAreChecked() {
    ColumnType integer = ColumnType.parse("int").orElseThrow();
    Parameter width = new Parameter("age_band_width", integer, new ParameterValue(integer, 10L),
        Optional.of(new ParameterValue(integer, 5L)), Optional.of(new ParameterValue(integer, 20L)), List.of(),
        Optional.empty(), "", HERE);
    ColumnType string = ColumnType.parse("string").orElseThrow();
    Parameter currency = new Parameter("currency", string, new ParameterValue(string, "CHF"), Optional.empty(),
        Optional.empty(), List.of(new ParameterValue(string, "CHF"), new ParameterValue(string, "EUR")),
        Optional.empty(), "", HERE);

    assertThat(ParameterValues.boundsProblem(width, new ParameterValue(integer, 25L)))
        .contains("must be between 5 and 20, got 25");
    assertThat(ParameterValues.boundsProblem(width, new ParameterValue(integer, 20L))).isEmpty();
    assertThat(ParameterValues.boundsProblem(currency, new ParameterValue(string, "USD")))
        .contains("must be one of CHF, EUR, got USD");
  }

  private static ParameterValue typed(String type, String text, Scalar.Kind kind) {
    return ParameterValues.type(ColumnType.parse(type).orElseThrow(), new Scalar(text, kind, HERE)).value()
        .orElseThrow();
  }
}
