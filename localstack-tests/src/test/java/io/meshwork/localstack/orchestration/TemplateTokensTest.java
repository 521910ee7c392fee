package io.meshwork.localstack.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TemplateTokensTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TemplateTokens tokens = new TemplateTokens()
      .reference("AWS::Partition", "aws")
      .reference("PlanLive", "arn:aws:lambda:eu-central-2:111122223333:function:meshwork-lemanic-plan:live")
      .attribute("Role", "Arn", "arn:aws:iam::111122223333:role/Role");

  @Test
  void joinsResolvedReferencesAndAttributesInsideNestedValues() throws Exception {
    JsonNode properties = JSON.readTree("""
        {"DefinitionString": {"Fn::Join": ["", ["{\\"Resource\\": \\"", {"Ref": "PlanLive"}, "\\", \\"Sdk\\": \\"arn:",
           {"Ref": "AWS::Partition"}, ":states:::aws-sdk:cloudwatch:putMetricData\\"}"]]},
         "Targets": [{"RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "Id": "Target0"}]}
        """);

    JsonNode resolved = tokens.resolve(properties, "Machine");

    assertThat(JSON.readTree(resolved.path("DefinitionString").asText())).isEqualTo(JSON.readTree("""
        {"Resource": "arn:aws:lambda:eu-central-2:111122223333:function:meshwork-lemanic-plan:live",
         "Sdk": "arn:aws:states:::aws-sdk:cloudwatch:putMetricData"}
        """));
    assertThat(resolved.path("Targets").get(0)).isEqualTo(JSON.readTree("""
        {"RoleArn": "arn:aws:iam::111122223333:role/Role", "Id": "Target0"}
        """));
  }

  @Test
  void failsNamingTheReferenceAndItsPath_whenNothingWasCreatedForIt() throws Exception {
    JsonNode properties = JSON.readTree("{\"Topic\": {\"Fn::Join\": [\"\", [\"x\", {\"Ref\": \"Notifications\"}]]}}");

    assertThatThrownBy(() -> tokens.resolve(properties, "Machine"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Machine.Topic[1]: no emulator value for {\"Ref\": \"Notifications\"}; the tests know"
            + " [AWS::Partition, PlanLive]. Create that resource in the emulator and register it.");
  }

  @Test
  void failsOnIntrinsicsItDoesNotResolve() throws Exception {
    JsonNode properties = JSON.readTree("{\"Name\": {\"Fn::Sub\": \"${AWS::StackName}-x\"}}");

    assertThatThrownBy(() -> tokens.resolve(properties, "Rule"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Rule.Name: the intrinsic Fn::Sub is not supported here: {\"Fn::Sub\":\"${AWS::StackName}-x\"}");
  }
}
