import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the Linux shared libraries for one CPU architecture that the jars of a class path carry (sqlite-jdbc's
 * {@code org/sqlite/native/Linux/x86_64/libsqlitejdbc.so}) into a directory, so that make-root can ask ldd
 * which system libraries they load. Run as a source file: {@code java ExtractNativeLibraries.java DIR ARCH
 * CLASSPATH}; prints nothing.
 */
public final class ExtractNativeLibraries {
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Pattern wanted = Pattern.compile("(^|.*/)Linux/" + Pattern.quote(args[1]) + "/[^/]+\\.so");
        int found = 0;
        for (String entry : args[2].split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (ZipFile jar = new ZipFile(entry)) {
                for (ZipEntry zipEntry : Collections.list(jar.entries())) {
                    if (wanted.matcher(zipEntry.getName()).matches()) {
                        Path copy = target.resolve(found++ + "-" + Path.of(zipEntry.getName()).getFileName());
                        try (InputStream in = jar.getInputStream(zipEntry)) {
                            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
    }
}
