package io.meshwork.localstack.emulators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the emulators: they are started once per test JVM (or taken from
 * {@code AWS_ENDPOINT_URL}), and an {@link EmulatorEndpoints} parameter tells the test where they answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EmulatorExtension.class)
@Tag("emulators")
public @interface EmulatorTest {
}
