package org.pgdump4j.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.pgdump4j.embedded.EmbeddedPostgres;

/**
 * Resolves test parameters against the JVM's shared servers ({@link PgServers}):
 * <ul>
 *   <li>{@link TestDb}: a fresh database, created for this test and dropped after it;</li>
 *   <li>{@link EmbeddedPostgres}: the server itself.</li>
 * </ul>
 * The major is {@link PgServers#DEFAULT_MAJOR} unless {@link PgMajor} says otherwise.
 *
 * <pre>{@code
 * @ExtendWith(PgExtension.class)
 * class OrdersDumpTest {
 *     @Test
 *     void dumpsOrders(TestDb db) throws Exception {
 *         db.execute("CREATE TABLE orders(id int primary key)");
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class PgExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PgExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDb.class || type == EmbeddedPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        int major = majorFor(parameterContext, extensionContext);
        if (parameterContext.getParameter().getType() == EmbeddedPostgres.class) {
            return PgServers.get(major);
        }
        String label = extensionContext.getTestMethod().map(m -> m.getName())
                .orElseGet(() -> extensionContext.getRequiredTestClass().getSimpleName());
        TestDb db;
        try {
            db = PgServers.freshDb(major, label);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("could not create a database on PostgreSQL " + major + ": "
                    + e.getMessage(), e);
        }
        // the store closes AutoCloseable values when the test's context ends: that drops the database
        extensionContext.getStore(NAMESPACE).put(db.name(), db);
        return db;
    }

    private static int majorFor(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Optional<PgMajor> onParameter = parameterContext.findAnnotation(PgMajor.class);
        if (onParameter.isPresent()) {
            return onParameter.get().value();
        }
        for (Optional<ExtensionContext> c = Optional.of(extensionContext); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            if (element.isPresent() && element.get().isAnnotationPresent(PgMajor.class)) {
                return element.get().getAnnotation(PgMajor.class).value();
            }
        }
        return PgServers.DEFAULT_MAJOR;
    }
}
