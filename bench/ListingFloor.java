import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of any JVM listing (bench/catalog.sh): reads the whole archive, as a listing must, and writes a listing
 * computed beforehand (pg_restore 18's own output), parsing nothing. What this costs, a JVM `restore -l` cannot
 * go below.
 */
public final class ListingFloor {
    private ListingFloor() {
    }

    public static void main(String[] args) throws IOException {
        byte[] archive = Files.readAllBytes(Path.of(args[0]));
        byte[] listing = Files.readAllBytes(Path.of(args[1]));
        System.out.write(listing, 0, listing.length);
        System.out.flush();
        if (archive.length == 0) {
            System.exit(1);
        }
    }
}
