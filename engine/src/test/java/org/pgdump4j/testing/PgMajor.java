package org.pgdump4j.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The server major a {@link PgExtension} parameter comes from, when not {@link PgServers#DEFAULT_MAJOR}. Put it on
 * the parameter, the test method or the test class (the nearest wins).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface PgMajor {
    int value();
}
