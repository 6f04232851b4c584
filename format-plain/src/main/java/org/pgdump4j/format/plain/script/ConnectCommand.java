package org.pgdump4j.format.plain.script;

import java.util.List;
import java.util.Optional;
import org.pgdump4j.format.plain.script.MetaArguments.Arg;
import org.pgdump4j.format.plain.script.MetaArguments.MalformedException;

/**
 * The database named by {@code \connect} / {@code \c}, read as psql reads it:
 * {@code \c [-reuse-previous=on|off] [DBNAME|- [USER|- [HOST|- [PORT|-]]]]}, where DBNAME may also be a
 * {@code key=value} connection string (pg_dump writes {@code \connect -reuse-previous=on "dbname='odd name'"} for
 * names other than plain letters, digits, {@code _} and {@code .}).
 *
 * <p>Only the database can change: the connection source keeps host, port, user and password for every connection
 * (CVE-2020-25694), so a script naming another user, host or port, or any other connection keyword, is refused.
 */
final class ConnectCommand {
    private static final String REUSE_PREVIOUS = "-reuse-previous=";

    private ConnectCommand() {
    }

    /** The database to connect to; empty to reconnect to the current one. */
    static Optional<String> database(String arguments) throws MalformedException {
        List<Arg> args = MetaArguments.parse(arguments, true);
        int i = 0;
        if (i < args.size() && !args.get(i).quoted() && args.get(i).value().startsWith(REUSE_PREVIOUS)) {
            String value = args.get(i).value().substring(REUSE_PREVIOUS.length());
            if (ScriptRun.parseBoolean(value).isEmpty()) {
                throw new MalformedException("unrecognized value \"" + value + "\" for \"-reuse-previous\": "
                        + "Boolean expected");
            }
            i++;
        }
        String database = null;
        if (i < args.size()) {
            Arg first = args.get(i++);
            if (!first.isDefault()) {
                database = first.value();
            }
        }
        for (; i < args.size(); i++) {
            if (!args.get(i).isDefault()) {
                throw new MalformedException("only a database name is supported; user, host and port stay those"
                        + " of the restore connection");
            }
        }
        if (database != null && isConnectionString(database)) {
            database = databaseOf(database);
        }
        return Optional.ofNullable(database);
    }

    /** psql's recognized_connection_string: a URI, or anything with an {@code =}. */
    private static boolean isConnectionString(String s) {
        return s.startsWith("postgresql://") || s.startsWith("postgres://") || s.indexOf('=') >= 0;
    }

    /** The dbname of a libpq {@code key=value} string; any other keyword is refused. */
    static String databaseOf(String conninfo) throws MalformedException {
        if (conninfo.startsWith("postgresql://") || conninfo.startsWith("postgres://")) {
            throw new MalformedException("connection URIs are not supported; give the database name");
        }
        String database = null;
        int i = 0;
        int n = conninfo.length();
        while (true) {
            while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && conninfo.charAt(i) != '=' && !Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            String key = conninfo.substring(keyStart, i);
            while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            if (i >= n || conninfo.charAt(i) != '=') {
                throw new MalformedException("missing \"=\" after \"" + key + "\" in connection info string");
            }
            i++;
            while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && conninfo.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = conninfo.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(conninfo.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new MalformedException("unterminated quoted string in connection info string");
                }
            } else {
                while (i < n && !Character.isWhitespace(conninfo.charAt(i))) {
                    char c = conninfo.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = conninfo.charAt(i++);
                    }
                    value.append(c);
                }
            }
            if (!key.equals("dbname")) {
                throw new MalformedException("connection option \"" + key + "\" is not supported; only dbname"
                        + " can change");
            }
            database = value.toString();
        }
        if (database == null || database.isEmpty()) {
            throw new MalformedException("no dbname in connection info string");
        }
        return database;
    }
}
