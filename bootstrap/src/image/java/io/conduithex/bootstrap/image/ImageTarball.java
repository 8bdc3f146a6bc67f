package io.conduithex.bootstrap.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A container image as {@code docker load} reads it from a tarball in Docker's format (Jib's {@code buildTar}):
 * {@code manifest.json} names the configuration and the layers, the layers are gzipped tars applied in order.
 * Read once, whole, when opened; immutable after.
 */
final class ImageTarball {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose content a test may read; the rest (the runtime, the jars) are kept as metadata only. */
    private static final long MAX_KEPT_CONTENT = 64 * 1024;

    private final List<String> repoTags;
    private final JsonNode config;
    private final Map<String, ImageFile> files;

    private ImageTarball(List<String> repoTags, JsonNode config, Map<String, ImageFile> files) {
        this.repoTags = repoTags;
        this.config = config;
        this.files = files;
    }

    static ImageTarball open(Path tarball) {
        try {
            Map<String, byte[]> outer = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new BufferedInputStream(Files.newInputStream(tarball)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.isFile()) {
                        outer.put(entry.getName(), tar.readAllBytes());
                    }
                }
            }
            JsonNode manifest = JSON.readTree(required(outer, "manifest.json")).get(0);
            List<String> tags = new ArrayList<>();
            manifest.get("RepoTags").forEach(tag -> tags.add(tag.asText()));
            JsonNode config = JSON.readTree(required(outer, manifest.get("Config").asText())).get("config");
            Map<String, ImageFile> files = new LinkedHashMap<>();
            for (JsonNode layer : manifest.get("Layers")) {
                readLayer(required(outer, layer.asText()), files);
            }
            return new ImageTarball(List.copyOf(tags), config, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image tarball " + tarball, e);
        }
    }

    private static byte[] required(Map<String, byte[]> outer, String name) {
        byte[] bytes = outer.get(name);
        if (bytes == null) {
            throw new IllegalStateException("the image tarball has no " + name + " (entries: " + outer.keySet() + ")");
        }
        return bytes;
    }

    /** A later layer's entry replaces an earlier one's, as when a runtime stacks them. */
    private static void readLayer(byte[] gzipped, Map<String, ImageFile> files) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(gzipped));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                byte[] content = entry.isFile() && entry.getSize() <= MAX_KEPT_CONTENT ? tar.readAllBytes() : null;
                String path = absolute(entry.getName());
                files.put(path, new ImageFile(path, entry.isDirectory(), entry.getMode() & 07777,
                        entry.getLongUserId(), entry.getLongGroupId(), content));
            }
        }
    }

    private static String absolute(String name) {
        String path = name.startsWith("./") ? name.substring(1) : name;
        path = path.startsWith("/") ? path : "/" + path;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    List<String> repoTags() {
        return repoTags;
    }

    List<String> entrypoint() {
        return strings(config.path("Entrypoint"));
    }

    List<String> cmd() {
        return strings(config.path("Cmd"));
    }

    String user() {
        return config.path("User").asText("");
    }

    List<String> exposedPorts() {
        return names(config.path("ExposedPorts"));
    }

    List<String> volumes() {
        return names(config.path("Volumes"));
    }

    /** The environment as {@code NAME=value} entries, keyed by name. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings(config.path("Env"))) {
            int equals = entry.indexOf('=');
            env.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return env;
    }

    Optional<ImageFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The text of a small file of the image, or a failure naming it when the image has no such file. */
    String text(String path) {
        ImageFile file = file(path).orElseThrow(() -> new AssertionError("the image has no " + path));
        if (file.content() == null) {
            throw new AssertionError(path + " is not a small regular file");
        }
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One entry of the image's file system: its mode holds the permission bits, sticky bit included. */
    record ImageFile(String path, boolean directory, int mode, long uid, long gid, byte[] content) {
        boolean writableBy(long user, long group) {
            return uid == user && (mode & 0200) != 0
                    || gid == group && (mode & 0020) != 0
                    || (mode & 0002) != 0;
        }
    }
}
