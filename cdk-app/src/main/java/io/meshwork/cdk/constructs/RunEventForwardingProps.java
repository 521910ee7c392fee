package io.meshwork.cdk.constructs;

import java.util.Objects;

/**
 * Settings of a {@link RunEventForwarding}.
 *
 * @param centralBusArn the ARN of the provider's central run bus (required)
 * @param stateMachineArn the ARN of the tenant's refresh state machine, whose status changes are forwarded
 *     (required); only this machine's events leave the account
 */
public record RunEventForwardingProps(String centralBusArn, String stateMachineArn) {

  public RunEventForwardingProps {
    Objects.requireNonNull(centralBusArn, "centralBusArn");
    Objects.requireNonNull(stateMachineArn, "stateMachineArn");
  }
}
