package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password file's warning, without a server: libpq reads the file (and warns that it is readable by others) only
 * when it has no password, so not after -W's prompt was answered, nor with {@code PGPASSWORD} or a password in the
 * connection string (fe-connect.c's pqConnectOptions2).
 */
class PgConnectorTest {
    @TempDir
    Path home;

    private final List<String> prompts = new ArrayList<>();
    private Path passfile;
    private String warning;

    @BeforeEach
    void insecurePasswordFile() throws IOException {
        passfile = home.resolve("pgpass");
        Files.writeString(passfile, "*:*:*:*:from file\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passfile, PosixFilePermissions.fromString("rw-r--r--"));
        warning = "WARNING: password file \"" + passfile + "\" has group or world access; permissions should be"
                + " u=rw (0600) or less";
    }

    private PgConnector connector(ConnArgs args, Map<String, String> env, @Nullable String answer) {
        return PgConnector.fromArgs(args, env, home, prompt -> {
            prompts.add(prompt);
            return answer;
        });
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PGPASSFILE", passfile.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withoutAPasswordTheFileIsReadAndItsWarningGivenWithoutAPrompt() {
        for (PasswordMode mode : List.of(PasswordMode.DEFAULT, PasswordMode.NEVER)) {
            PgConnector c = connector(ConnArgs.pgDump("db", "127.0.0.1", "1", "u", mode), env(), "typed");
            assertEquals(List.of(warning), c.warnings(), mode.toString());
        }
        assertEquals(List.of(), prompts);
    }

    @Test
    void dashCapitalWAsksFirstAndItsAnswerKeepsLibpqFromTheFile() {
        for (ConnArgs args : List.of(ConnArgs.pgDump("db", "127.0.0.1", "1", "u", PasswordMode.PROMPT),
                ConnArgs.pgRestore("db", "127.0.0.1", "1", "u", PasswordMode.PROMPT),
                new ConnArgs("db", "127.0.0.1", "1", "u", PasswordMode.PROMPT, "pg_dumpall", false))) {
            prompts.clear();
            PgConnector c = connector(args, env(), "typed");
            assertEquals(List.of(), c.warnings(), args.programName());
            assertEquals(List.of(), c.warnings(), args.programName());
            assertEquals(List.of("Password: "), prompts, "asked once: " + args.programName());
        }
    }

    @Test
    void anEmptyOrMissingAnswerIsNoPasswordSoTheFileIsReadAndItsWarningGiven() {
        for (String answer : new String[] {"", null}) {
            PgConnector c = connector(ConnArgs.pgDump("db", "127.0.0.1", "1", "u", PasswordMode.PROMPT), env(),
                    answer);
            assertEquals(List.of(warning), c.warnings(), String.valueOf(answer));
        }
    }

    @Test
    void pgpasswordOrAPasswordInTheConnectionStringKeepsLibpqFromTheFile() {
        assertEquals(List.of(), connector(ConnArgs.pgDump("db", "127.0.0.1", "1", "u", PasswordMode.DEFAULT),
                env("PGPASSWORD", "env"), null).warnings());
        assertEquals(List.of(), connector(ConnArgs.pgDump("host=127.0.0.1 port=1 password=conn dbname=db", null,
                null, "u", PasswordMode.DEFAULT), env(), null).warnings());
        assertEquals(List.of(), connector(ConnArgs.pgDump("postgresql://u:uri@127.0.0.1:1/db", null, null, null,
                PasswordMode.DEFAULT), env(), null).warnings());
        // an empty PGPASSWORD is none
        assertEquals(List.of(warning), connector(ConnArgs.pgDump("db", "127.0.0.1", "1", "u",
                PasswordMode.DEFAULT), env("PGPASSWORD", ""), null).warnings());
        assertEquals(List.of(), prompts);
    }

    /** The dump's encoding without -E: libpq's client_encoding, else options' last -c client_encoding (as the server). */
    @Test
    void clientEncodingAsTheSessionWouldGetIt() {
        ConnArgs args = ConnArgs.pgDump("db", "127.0.0.1", "1", "u", PasswordMode.NEVER);
        assertNull(connector(args, env(), null).clientEncoding());
        assertEquals("LATIN1", connector(args, env("PGCLIENTENCODING", "LATIN1"), null).clientEncoding());
        assertEquals("SJIS", connector(args, env("PGOPTIONS", "-c client_encoding=LATIN1 --client-encoding=SJIS"),
                null).clientEncoding());
        assertEquals("WIN1252", connector(args, env("PGOPTIONS", "-c client_encoding=LATIN1", "PGCLIENTENCODING",
                "WIN1252"), null).clientEncoding());
        assertEquals("latin1", connector(ConnArgs.pgDump("dbname=db client_encoding=latin1", "127.0.0.1", "1", "u",
                PasswordMode.NEVER), env("PGCLIENTENCODING", "UTF8"), null).clientEncoding());
        assertNull(connector(args, env("PGOPTIONS", "-c timezone=UTC"), null).clientEncoding());
    }
}
