package io.meshwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.runtime.RuntimeNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code mesh workspace apply}: checks a tenant's workspace against the published ceiling, packages it as
 * {@code workspace package} does, and invokes the tenant's Access function with it, synchronously, in the tenant's
 * own account; prints what the function applied, refused and revoked.
 */
@Command(name = "apply", description = "Check a tenant's workspace against the published ceiling and apply it "
    + "through the tenant's Access function in its AWS account; prints what was granted, revoked and refused.")
final class WorkspaceApplyCommand implements Callable<Integer> {

  /** Lambda runs a function for at most 15 minutes; the answer may take that long. */
  private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  TenantOption tenantOption;

  @Mixin
  AwsOption awsOption;

  @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "DIR", description = "The tenant's workspace.")
  Path workspace;

  @Option(names = "--function", paramLabel = "NAME[:ALIAS]|ARN",
      description = "The tenant's Access function (default: meshwork-<tenant>-access:live, as the tenant stack "
          + "names it).")
  String function;

  @Option(names = "--dry-run", description = "Check and package the workspace, say what would be invoked, and "
      + "invoke nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    WorkspacePackage checked = WorkspacePackage.check(catalogOption, tenantOption, workspace);
    PrintWriter out = spec.commandLine().getOut();
    out.println(checked.summary());
    FunctionName target = FunctionName.parse(function != null ? function
        : RuntimeNames.accessFunction(checked.tenant()) + ":" + RuntimeNames.LIVE_ALIAS);
    String event = checked.event();
    if (dryRun) {
      out.printf("Dry run: would invoke %s with %d bytes; nothing was sent.%n", target, event.length());
      return 0;
    }
    Region region = awsOption.region(Optional.empty());
    InvokeResponse response;
    try (LambdaClient lambda = lambda(region)) {
      response = lambda.invoke(request -> request.functionName(target.name()).qualifier(target.qualifier())
          .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromUtf8String(event)));
    } catch (ResourceNotFoundException e) {
      throw new UserInputException("There is no function " + target + " in " + region + " of the account the "
          + "credentials reach (" + firstLine(e.awsErrorDetails().errorMessage()) + "). Check --profile and --region "
          + "(the tenant's account), or pass --function.");
    } catch (LambdaException e) {
      if (e.statusCode() == 403) {
        throw new UserInputException("Not allowed to invoke " + target + " (" + firstLine(e.awsErrorDetails()
            .errorMessage()) + "). Only the tenant's admins (admins: in its tenant file) may apply its workspace.");
      }
      throw e;
    } catch (SdkClientException e) {
      throw new UserInputException("Cannot reach Lambda in " + region + awsOption.endpoint().map(url -> " at " + url)
          .orElse("") + ": " + firstLine(e.getMessage()));
    }
    return report(target, response, out, spec.commandLine().getErr());
  }

  /** Prints the function's answer; 0 when applied, 2 when it refused the workspace, 1 when it failed. */
  private int report(FunctionName target, InvokeResponse response, PrintWriter out, PrintWriter err)
      throws IOException {
    String payload = response.payload() == null ? "" : response.payload().asUtf8String();
    JsonNode answer = payload.isBlank() ? JSON.nullNode() : JSON.readTree(payload);
    if (response.functionError() != null) {
      err.printf("The Access function %s failed (%s): %s: %s%n", target, response.functionError(),
          answer.path("errorType").asText("unknown error"), answer.path("errorMessage").asText(payload));
      err.println("Part of the workspace may have been applied; the function's log (/aws/lambda/" + target.name()
          + ") has the details. Applying again is safe: the function reconciles towards the same policy.");
      return Mesh.INTERNAL_ERROR;
    }
    if (!answer.path("Applied").asBoolean(false)) {
      err.println("The Access function " + target + " refused the workspace (its catalogue is the one published to "
          + "the tenant's account):");
      answer.path("Problems").forEach(problem -> err.println("  " + problem.asText()));
      return Mesh.INVALID_INPUT;
    }
    out.printf("Applied through %s: %s%n", target, answer.path("Report").asText());
    answer.path("Granted").forEach(grant -> out.println("  granted  " + grant.asText()));
    answer.path("Revoked").forEach(grant -> out.println("  revoked  " + grant.asText()));
    answer.path("CeilingFindings").forEach(finding -> out.println("  ceiling  " + finding.asText()));
    return 0;
  }

  private LambdaClient lambda(Region region) {
    LambdaClientBuilder builder = LambdaClient.builder().region(region).credentialsProvider(awsOption.credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(LONGEST_INVOCATION.plusMinutes(1)).build())
        // A retried invocation would reconcile twice; one synchronous call, and the admin sees what happened.
        .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()));
    awsOption.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse("").trim();
  }

  /** A function name with an optional alias ({@code name:alias}), or an ARN passed on as it is. */
  record FunctionName(String name, String qualifier) {

    static FunctionName parse(String text) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        throw new UserInputException("--function needs a function name, name:alias or ARN.");
      }
      int colon = trimmed.lastIndexOf(':');
      if (trimmed.startsWith("arn:") || colon < 0) {
        return new FunctionName(trimmed, null);
      }
      return new FunctionName(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }

    @Override
    public String toString() {
      return qualifier == null ? name : name + ":" + qualifier;
    }
  }
}
