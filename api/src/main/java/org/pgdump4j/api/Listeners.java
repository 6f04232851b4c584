package org.pgdump4j.api;

import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.restore.RestoreListener;

/** A {@link Listener} as the engine hears it. */
final class Listeners {
    private Listeners() {
    }

    static RestoreListener engine(Listener l) {
        return new RestoreListener() {
            @Override
            public void info(String message) {
                l.info(message);
            }

            @Override
            public void warning(String message) {
                l.warning(message);
            }

            @Override
            public void error(String message) {
                l.error(message);
            }

            @Override
            public void event(ProgressEvent event) {
                l.event(event);
            }
        };
    }
}
