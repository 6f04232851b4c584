package org.pgdump4j.connect;

import java.text.NumberFormat;
import java.util.GregorianCalendar;

/**
 * What PgJDBC's first connection makes the JDK initialize, started early on a thread of its own: the locale data
 * behind the calendar it creates for every connection and the number format it parses the server's version with
 * take a new JVM 40 to 60 milliseconds, which the program's start then no longer waits for (the other core is idle
 * while it loads its classes). The JDK initializes them once per JVM, safely from any thread.
 */
public final class JdkWarmUp {
    private JdkWarmUp() {
    }

    /** Starts the warm-up on a daemon thread; a command calls it as soon as it knows it will connect. */
    public static void start() {
        Thread t = new Thread(() -> {
            new GregorianCalendar();
            NumberFormat.getIntegerInstance();
        }, "pgdump4j-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
