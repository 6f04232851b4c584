package org.pgdump4j;

/** Thrown when a catalog query failed or returned something we cannot model. */
public class CatalogReadException extends PgDumpException {
    public CatalogReadException(String message) {
        super(message);
    }

    public CatalogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
