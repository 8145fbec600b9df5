package io.jvppmux.examples;

/**
 * What {@link InterfaceWatcher} knows of one interface.
 *
 * @param swIfIndex VPP's index
 * @param name      VPP's name, e.g. {@code loop0}
 * @param adminUp   administratively up
 * @param linkUp    link up
 */
public record InterfaceState(long swIfIndex, String name, boolean adminUp, boolean linkUp) {
    @Override
    public String toString() {
        return swIfIndex + " " + name + " admin " + (adminUp ? "up" : "down") + ", link " + (linkUp ? "up" : "down");
    }
}
