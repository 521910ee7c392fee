package io.meshwork.cdk;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The tenant's admins, declared in the provider's tenant file, may invoke its Access function to apply a workspace. */
class TenantAdminsTest {

  @Test
  void eachAdminWithAnArnMayInvokeTheAccessFunctionsLiveAlias() {
    Catalog catalog = DemoTenants.catalog();
    App app = MeshworkApp.newApp();
    Template template = Template.fromStack(MeshworkApp.addTenantStacks(app, catalog,
        List.of(catalog.tenant("rhenus").orElseThrow()), Optional.empty()).get(0));

    template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
        "Action", "lambda:InvokeFunction",
        "Principal", "arn:aws:iam::777788889999:role/rhenus-data-office",
        "FunctionName", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("AccessFunction.*Live.*")))));
  }
}
