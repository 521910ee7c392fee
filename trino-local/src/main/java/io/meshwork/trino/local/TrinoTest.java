package io.meshwork.trino.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a local Trino: one is started per test JVM and resolved as a {@link LocalTrino} parameter.
 * Without a JDK 24+ (or the tarball) its tests are skipped with the reason, unless {@code CI} or
 * {@code MESHWORK_TRINO_REQUIRED=true} is set: then they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TrinoExtension.class)
@Tag("trino")
public @interface TrinoTest {
}
