package io.meshwork.model.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"cron(0 5 * * ? *)", "cron(15 6 ? * MON-FRI *)", "cron(0 6 3 * ? *)",
      "cron(0/15 8-18 ? * 2-6 *)", "cron(0 2 L * ? *)", "cron(0 2 ? * 6#3 *)", "cron(30 1 15W JAN,JUL ? 2027)",
      "cron(0 4 ? * FRIL *)"})
  void acceptsWhatEventBridgeSchedulerAccepts(String expression) {
    assertThat(CronExpressions.problem(expression)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 5 * * ? *|it must have the form cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 5 * * ? *).",
      "cron(0 5 * * ?)|it has 5 fields, EventBridge needs 6: minutes hours day-of-month month day-of-week year, e.g. cron(0 5 * * ? *).",
      "cron(0 5 * * * *)|exactly one of day-of-month and day-of-week must be '?' (EventBridge cannot combine them), e.g. cron(0 5 * * ? *) or cron(0 5 ? * MON-FRI *).",
      "cron(0 5 ? * ? *)|exactly one of day-of-month and day-of-week must be '?' (EventBridge cannot combine them), e.g. cron(0 5 * * ? *) or cron(0 5 ? * MON-FRI *).",
      "cron(60 5 * * ? *)|the minutes field '60' is invalid: allowed values are 0-59.",
      "cron(0 5 * 13 ? *)|the month field '13' is invalid: allowed values are 1-12 or JAN-DEC.",
      "cron(0 5 ? * 8 *)|the day-of-week field '8' is invalid: allowed values are 1-7 or SUN-SAT.",
      "cron(0 ? * * ? *)|the hours field '?' is invalid: '?' is only allowed in day-of-month or day-of-week.",
      "cron(0 5 ? * MON#6 *)|the day-of-week field 'MON#6' is invalid: write day#n with n from 1 to 5, e.g. MON#1.",
      "cron(0/0 5 * * ? *)|the minutes field '0/0' is invalid: the increment after '/' must be a positive number.",
      "cron(0 5 ? * 3#1,6#3 *)|the day-of-week field '3#1,6#3' is invalid: a day#n must stand alone, EventBridge rejects it in a list.",
      "cron(0 5 ? * MON/2 *)|the day-of-week field 'MON/2' is invalid: '/' is not allowed in day-of-week, list the days instead, e.g. MON,WED,FRI."})
  void explainsWhatEventBridgeWouldReject(String expression, String problem) {
    assertThat(CronExpressions.problem(expression)).contains(problem);
  }
}
