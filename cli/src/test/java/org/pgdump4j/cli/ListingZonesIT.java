package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.testing.ReferenceClients;

/**
 * {@code restore -l} in the client's zone, byte for byte as pg_restore 18: "Archive created at" is the header's
 * wall clock read by mktime in TZ with the header's DST flag, and named as strftime's {@code %Z} names it from the
 * system's tzdata ("+0545" for Kathmandu where the JDK says "NPT"; Dublin's winter is tzdata's DST type). Each zone
 * lists the real archive as made (November, no DST) and copies whose header says July, with and without DST, and
 * January with DST: an archive made in UTC in summer, or in a DST zone, listed elsewhere.
 */
class ListingZonesIT {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Kathmandu", "America/Sao_Paulo", "Asia/Dubai", "Europe/Dublin", "Europe/Berlin",
            "America/New_York", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Asia/Kolkata",
            "UTC", "Etc/UTC", "", ":Europe/Berlin", "posix/Europe/Berlin", ":/usr/share/zoneinfo/Europe/Berlin",
            "/usr/share/zoneinfo/Asia/Tokyo"})
    void sameListingAsPgRestoreInTheZone(String zone) throws IOException {
        Path fixture = Fixtures.path("pg18_custom_none.dump");
        for (Path archive : List.of(fixture, withCreation(fixture, 6, 0), withCreation(fixture, 6, 1),
                withCreation(fixture, 0, 1))) {
            ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                    List.of("-l", archive.toString()), Map.of("TZ", zone));
            assertEquals(0, real.exitCode(), real.stderr());
            Cli.Run ours = Cli.run(Cli.context(Map.of("TZ", zone), new ByteArrayInputStream(new byte[0])),
                    "restore", "-l", archive.toString());
            assertEquals("", ours.err());
            assertEquals(real.stdoutText(), ours.out(), zone + " " + archive.getFileName());
        }
    }

    /** TZ=":/etc/localtime" as many images set it: a link to the zone's file, read as that zone (the JDK: GMT). */
    @org.junit.jupiter.api.Test
    void aZoneFileByItsLink() throws IOException {
        Path link = dir.resolve("localtime");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of("/usr/share/zoneinfo/America/New_York"));
        }
        sameListingAsPgRestoreInTheZone(":" + link);
    }

    /** A copy whose header's tm_mon and tm_isdst are these (archive 1.16: Ints of 5 bytes from offset 12). */
    private static Path withCreation(Path fixture, int month, int isDst) throws IOException {
        Path copy = dir.resolve("m" + month + "-dst" + isDst + ".dump");
        if (!Files.exists(copy)) {
            byte[] b = Files.readAllBytes(fixture);
            b[12 + 5 * 4 + 1] = (byte) month;
            b[12 + 5 * 6 + 1] = (byte) isDst;
            Files.write(copy, b);
        }
        return copy;
    }
}
