package io.conduithex.testsupport.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its private key as PEM files, for a test server that speaks TLS. Made by the JDK's
 * own {@code keytool} (so nothing beyond the JDK is needed), then written out as PEM, which database servers read.
 *
 * @param certificate the certificate, {@code -----BEGIN CERTIFICATE-----}
 * @param privateKey  its unencrypted RSA key, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----})
 */
public record SelfSignedCertificate(Path certificate, Path privateKey) {
    private static final String ALIAS = "server";
    /** Only protects the keystore keytool writes, which is deleted once the PEM files exist. */
    private static final char[] STORE_PASSWORD = "self-signed-test-store".toCharArray();

    /** Makes a certificate for {@code 127.0.0.1} and {@code localhost}, valid for two days, in {@code folder}. */
    public static SelfSignedCertificate createIn(Path folder) {
        try {
            Files.createDirectories(folder);
            Path store = folder.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a certificate: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD);
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) keys.getKey(ALIAS, STORE_PASSWORD);
            Files.delete(store);
            var pem = new SelfSignedCertificate(folder.resolve("server-cert.pem"), folder.resolve("server-key.pem"));
            Files.writeString(pem.certificate(), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(pem.privateKey(), pem("PRIVATE KEY", key.getEncoded()));
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a self-signed certificate in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the certificate keytool made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
