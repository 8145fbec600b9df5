package io.jvppmux.shim;

/** Prints whether the shim is available and why not, in a JVM where nothing was loaded yet. */
public final class ShimUnavailableMain {
    private ShimUnavailableMain() {
    }

    public static void main(String[] args) {
        ShimUnavailableException cause = JvppShim.unavailabilityCause();
        System.out.println("available=" + (cause == null));
        if (cause != null) {
            System.out.println("cause=" + cause.getMessage());
        }
    }
}
