package io.jvppmux.api.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says in one line why this process may not use one of VPP's files (its API socket, shared-memory API segment or
 * stats socket): the file's mode, owner and group, and whether this process is in that group. For transports and
 * the stats client, which name it in their refusal.
 */
public final class FileAccess {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private FileAccess() {
    }

    /**
     * E.g. {@code /run/vpp/api.sock is rwxrwx--- root:vpp (gid 998); this process (uid 1001, groups 1001) is not in
     * group vpp: add its user to group vpp, or give VPP's socksvr/api-segment/statseg a group it is in}.
     */
    public static String explain(Path file) {
        PosixFileAttributes a;
        int gid;
        try {
            a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            gid = (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return file + ": its mode and group cannot be read (" + e.getMessage() + ")";
        }
        String group = a.group().getName();
        String mode = PosixFilePermissions.toString(a.permissions());
        String where = file + " is " + mode + " " + a.owner().getName() + ":" + group + " (gid " + gid + ")";
        List<String> status = readStatus();
        String uid = field(status, "Uid:");
        Set<String> gids = new LinkedHashSet<>(Arrays.asList(field(status, "Groups:").trim().split("\\s+")));
        gids.add(field(status, "Gid:").trim().split("\\s+")[0]);
        gids.remove("");
        String self = "this process (uid " + uid.trim().split("\\s+")[0] + ", groups " + String.join(" ", gids) + ")";
        if (!gids.contains(Integer.toString(gid))) {
            return where + "; " + self + " is not in group " + group + ": add its user to group " + group
                    + ", or give VPP's socksvr/api-segment/statseg a group it is in";
        }
        return where + "; " + self + " is in group " + group + ", but the mode does not let the group read and write it";
    }

    private static List<String> readStatus() {
        try {
            return Files.readAllLines(PROC_STATUS);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String field(List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(name.length())).findFirst()
                .orElse("?");
    }
}
