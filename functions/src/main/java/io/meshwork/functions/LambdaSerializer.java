package io.meshwork.functions;

import io.micronaut.function.aws.JsonMapperCustomPojoSerializer;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;

/**
 * The Lambda runtime's JSON (de)serializer for the handlers' inputs and outputs, found through
 * {@code META-INF/services}: Micronaut serde instead of the runtime's own reflection-based Jackson, which cannot build
 * records, and with the same settings as the handlers' contexts.
 */
public final class LambdaSerializer extends JsonMapperCustomPojoSerializer {

  @Override
  protected JsonMapper createDefault() {
    return ObjectMapper.create(HandlerContexts.JSON, LambdaSerializer.class.getPackageName());
  }
}
