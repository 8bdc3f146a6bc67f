package io.conduithex.testsupport.postgres;

/** Asks Testcontainers whether a Docker engine answers, treating any failure to ask as "no"; for every test server. */
public final class DockerProbe {
    private DockerProbe() {
    }

    public static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
