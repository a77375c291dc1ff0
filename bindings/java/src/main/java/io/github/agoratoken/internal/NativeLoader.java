package io.github.agoratoken.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads libagora_token_java from the jar: the library is a resource
 * ({@code native/<os>-<arch>/libagora_token_java.so}), copied once to a
 * temporary file and passed to {@link System#load}. No
 * {@code java.library.path} or {@code LD_LIBRARY_PATH} is needed. The system
 * property {@code io.github.agoratoken.library} names another file to load
 * instead (a library built by hand).
 */
public final class NativeLoader {
    private static final String LIBRARY = "libagora_token_java.so";
    private static boolean loaded;

    private NativeLoader() {}

    /** The resource folder of this platform, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.replace(' ', '_');
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return o + "-" + a;
    }

    /** Loads the library once; later calls do nothing. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String override = System.getProperty("io.github.agoratoken.library");
        if (override != null) {
            System.load(Path.of(override).toAbsolutePath().toString());
            loaded = true;
            return;
        }
        String resource = "/native/" + platform() + "/" + LIBRARY;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("agora-token: this jar has no native library for " + platform()
                        + " (" + resource + "); it carries linux-x86_64");
            }
            Path file = Files.createTempFile("agora_token_java", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            loaded = true;
        } catch (IOException e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError("agora-token: cannot extract " + resource + ": " + e);
            err.initCause(e);
            throw err;
        }
    }
}
