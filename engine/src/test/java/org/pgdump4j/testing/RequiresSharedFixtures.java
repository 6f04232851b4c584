package org.pgdump4j.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * {@link SharedFixtures#require()} for jqwik properties, which cannot be skipped from inside a try (an aborted try
 * only counts as a rejected sample): {@code @AddLifecycleHook(RequiresSharedFixtures.class)} skips the property
 * when the fixtures are missing, and fails it in CI.
 */
public final class RequiresSharedFixtures implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        try {
            SharedFixtures.require();
            return SkipResult.doNotSkip();
        } catch (TestAbortedException e) {
            return SkipResult.skip(e.getMessage());
        }
    }
}
