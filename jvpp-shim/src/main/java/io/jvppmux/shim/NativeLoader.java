package io.jvppmux.shim;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads {@code libjvppshim.so}, trying in order: the path in system property {@code jvppmux.shim.library},
 * {@code java.library.path}, then the copy packaged in the jar at {@code /native/<os>-<arch>/} (extracted to
 * a temporary file, loaded, then deleted: the mapping outlives the file). Never throws: the result keeps
 * every attempt so that availability is an answer, not an exception from a static initializer.
 */
final class NativeLoader {
    /** System property: an explicit path of libjvppshim.so. */
    static final String PATH_PROPERTY = "jvppmux.shim.library";
    static final String LIBRARY = "jvppshim";

    /** What happened: where the library came from (null when it did not load) and every attempt. */
    record Result(String loadedFrom, List<String> attempts) {
        boolean loaded() {
            return loadedFrom != null;
        }

        /** One line naming every attempt. */
        String describe() {
            return (loaded() ? "libjvppshim loaded from " + loadedFrom : "libjvppshim could not be loaded")
                    + "; tried: " + String.join("; ", attempts);
        }
    }

    private NativeLoader() {
    }

    /** The jar resource of this platform, e.g. {@code /native/linux-x86_64/libjvppshim.so}. */
    static String resourceName() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replace(' ', '_');
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return "/native/" + os + "-" + a + "/lib" + LIBRARY + ".so";
    }

    static Result load(String explicitPath, String resource) {
        List<String> attempts = new ArrayList<>();
        if (explicitPath != null && !explicitPath.isBlank()) {
            String from = "-D" + PATH_PROPERTY + "=" + explicitPath;
            if (attempt(attempts, from, () -> System.load(Path.of(explicitPath).toAbsolutePath().toString()))) {
                return new Result(from, attempts);
            }
        } else {
            attempts.add(PATH_PROPERTY + " not set");
        }
        String libPath = "java.library.path (" + System.getProperty("java.library.path", "") + ")";
        if (attempt(attempts, libPath, () -> System.loadLibrary(LIBRARY))) {
            return new Result(libPath, attempts);
        }
        URL url = NativeLoader.class.getResource(resource);
        if (url == null) {
            attempts.add("jar resource " + resource + ": not packaged (this platform is not built)");
            return new Result(null, attempts);
        }
        String from = url.toString();
        return attempt(attempts, from, () -> loadResource(url)) ? new Result(from, attempts) : new Result(null, attempts);
    }

    private static void loadResource(URL url) throws IOException, URISyntaxException {
        if ("file".equals(url.getProtocol())) {
            System.load(Path.of(url.toURI()).toString());
            return;
        }
        Path tmp = Files.createTempFile("libjvppshim-", ".so");
        try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toString());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Runs one attempt; true when it loaded, else its failure is added to {@code attempts}. */
    private static boolean attempt(List<String> attempts, String what, LoadStep step) {
        try {
            step.run();
            attempts.add(what + ": loaded");
            return true;
        } catch (Exception | UnsatisfiedLinkError e) {
            attempts.add(what + ": " + oneLine(e.getMessage()));
            return false;
        }
    }

    static String oneLine(String s) {
        return s == null ? "failed" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    @FunctionalInterface
    private interface LoadStep {
        void run() throws Exception;
    }
}
