package io.conduithex.testsupport.postgres;

/** Asks Testcontainers whether a Docker engine answers, treating any failure to ask as "no". */
final class DockerProbe {
    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
