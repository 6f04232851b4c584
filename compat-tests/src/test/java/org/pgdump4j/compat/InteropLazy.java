package org.pgdump4j.compat;

import org.opentest4j.TestAbortedException;

/**
 * A value several matrix cells share (a fixture database, an archive, a restored copy), made by the first cell that
 * needs it. When making it failed, every cell that needs it fails with that cause; when it was aborted (reference
 * clients missing), they are aborted too.
 */
final class InteropLazy<T> {
    @FunctionalInterface
    interface Maker<T> {
        T make() throws Exception;
    }

    private final String what;
    private final Maker<T> maker;
    private boolean done;
    private T value;
    private Throwable failure;

    InteropLazy(String what, Maker<T> maker) {
        this.what = what;
        this.maker = maker;
    }

    synchronized T get() {
        if (!done) {
            done = true;
            try {
                value = maker.make();
            } catch (Throwable t) {
                failure = t;
            }
        }
        if (failure instanceof TestAbortedException a) {
            throw a;
        }
        if (failure != null) {
            throw new AssertionError("could not make " + what + ": " + failure, failure);
        }
        return value;
    }
}
