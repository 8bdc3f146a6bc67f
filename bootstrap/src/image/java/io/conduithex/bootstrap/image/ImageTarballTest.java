package io.conduithex.bootstrap.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.image.ImageTarball.ImageFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image {@code mvn -Pimage package} builds, read from its tarball as a container runtime reads it:
 * what it runs and with which JVM options, as whom, on which port, where the SQLite file lives, and which Java.
 * The pom passes the tarball's path, the tag it carries, and whether the image brings its own Java runtime
 * ({@code local}, on the default empty base) or uses the one of the base named by {@code -Dimage.base}.
 * That it also starts and answers its health probes is checked by .ci/image, which needs root.
 */
class ImageTarballTest {
    private static final Path TARBALL =
            Path.of(System.getProperty("conduit.image.tarball", "target/conduit-image.tar"));
    private static final String VERSION_TAG = System.getProperty("conduit.image.tag", "");
    private static final boolean OWN_RUNTIME = !"base".equals(System.getProperty("conduit.image.runtime"));
    /** Tests run with the module as working directory; the launcher is the repository's. */
    private static final Path LAUNCHER = Path.of("..", "bin", "conduit");
    private static final long CONDUIT_UID = 10001;
    private static final long CONDUIT_GID = 10001;

    private static ImageTarball image;

    @BeforeAll
    static void openTheTarball() {
        image = ImageTarball.open(TARBALL);
    }

    @Test
    void itServesByDefault() {
        assertThat(image.cmd()).containsExactly("serve");
        assertThat(image.entrypoint())
                .endsWith("-cp", "@/app/jib-classpath-file", "io.conduithex.bootstrap.Main");
        assertThat(image.text("/app/jib-classpath-file")).contains("/app/classes", "/app/libs/");
        assertThat(image.file("/app/classes/io/conduithex/bootstrap/Main.class")).isPresent();
    }

    @Test
    void itStartsTheJvmWithTheOptionsOfBinConduit() throws IOException {
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.subList(1, entrypoint.indexOf("-cp")))
                .as("JVM options in the entrypoint, against DEFAULT_JAVA_OPTS in bin/conduit")
                .containsExactlyElementsOf(launcherDefaults());
    }

    @Test
    void itRunsAsTheUnprivilegedUserConduit() {
        assertThat(image.user()).isEqualTo(CONDUIT_UID + ":" + CONDUIT_GID);
        if (OWN_RUNTIME) {
            assertThat(image.text("/etc/passwd").lines())
                    .contains("conduit:x:10001:10001:conduit:/nonexistent:/usr/sbin/nologin");
            assertThat(image.text("/etc/group").lines()).contains("conduit:x:10001:");
        }
    }

    @Test
    void itExposesTheHttpPort() {
        assertThat(image.exposedPorts()).containsExactly("8080/tcp");
        assertThat(image.env()).doesNotContainKey("PORT");
    }

    @Test
    void itKeepsTheSqliteDatabaseInTheDataVolumeWhichItsUserMayWrite() {
        assertThat(image.volumes()).containsExactly("/data");
        assertThat(image.env()).containsEntry("DATABASE_URL", "jdbc:sqlite:/data/conduit.db");
        ImageFile data = image.file("/data").orElseThrow(() -> new AssertionError("the image has no /data"));
        assertThat(data.directory()).isTrue();
        assertThat(data.writableBy(CONDUIT_UID, CONDUIT_GID)).as("/data writable by 10001:10001, %s", data).isTrue();
    }

    @Test
    void itsUserMayWriteTmpWhereSqliteUnpacksItsNativeLibrary() {
        ImageFile tmp = image.file("/tmp").orElseThrow(() -> new AssertionError("the image has no /tmp"));
        assertThat(tmp.directory()).isTrue();
        assertThat(tmp.writableBy(CONDUIT_UID, CONDUIT_GID)).as("/tmp writable by 10001:10001, %s", tmp).isTrue();
    }

    @Test
    void itRunsOnItsOwnJavaRuntimeOrOnTheBasesJava() {
        if (OWN_RUNTIME) {
            assertThat(image.entrypoint().get(0)).isEqualTo("/opt/java/bin/java");
            assertThat(image.file("/opt/java/bin/java")).get().extracting(ImageFile::mode).isEqualTo(0755);
            assertThat(image.file("/opt/java/lib/server/libjvm.so")).isPresent();
            assertThat(image.text("/opt/java/release")).contains("java.sql", "jdk.crypto.ec");
            assertThat(image.env()).containsEntry("LANG", "C.UTF-8");
        } else {
            assertThat(image.entrypoint().get(0)).isEqualTo("java");
            assertThat(image.file("/opt/java/release")).as("no runtime of our own on a real base").isEmpty();
            String path = image.env().getOrDefault("PATH", "");
            assertThat(Arrays.stream(path.split(":")).flatMap(dir -> image.file(dir + "/java").stream()))
                    .as("a java on the base's PATH %s", path)
                    .isNotEmpty();
        }
    }

    @Test
    void itIsTaggedForDockerLoad() {
        assertThat(image.repoTags()).containsExactlyInAnyOrder("conduit:latest", "conduit:" + VERSION_TAG);
    }

    /** DEFAULT_JAVA_OPTS="..." in bin/conduit, split on spaces as the launcher splits it. */
    private static List<String> launcherDefaults() throws IOException {
        String prefix = "DEFAULT_JAVA_OPTS=\"";
        String line = Files.readAllLines(LAUNCHER).stream()
                .filter(candidate -> candidate.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(LAUNCHER + " has no line starting " + prefix));
        return List.of(line.substring(prefix.length(), line.lastIndexOf('"')).split(" +"));
    }
}
