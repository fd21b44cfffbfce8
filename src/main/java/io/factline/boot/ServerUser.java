package io.factline.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.factline.boot.EmbeddedPostgres.Privileges;
import io.factline.boot.EmbeddedPostgres.Settings;

/**
 * Who the server's programs run as. PostgreSQL refuses to run as root, so root runs them in a user
 * namespace where it is not uid 0 ({@code unshare -U}) or, where those are refused, as an
 * unprivileged user through {@code setpriv}.
 */
final class ServerUser {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    /** What a command line starts with to run as the server user. */
    private final List<String> prefix;
    /** The uid:gid the server's folders must belong to, or null where the server runs as us. */
    private final String owner;
    private final String description;

    private ServerUser(List<String> prefix, String owner, String description) {
        this.prefix = prefix;
        this.owner = owner;
        this.description = description;
    }

    /** The identity the settings ask for, or the one detected; a user other than us gets the root folder. */
    static ServerUser choose(Settings settings, PostgresBinaries binaries) {
        Privileges privileges = settings.privileges() != null ? settings.privileges() : detectPrivileges();
        return switch (privileges) {
            case CURRENT_USER -> new ServerUser(List.of(), null, "the current user");
            case USER_NAMESPACE -> new ServerUser(List.of("unshare", "-U"), null, "root inside a user namespace");
            case RUN_AS_USER -> unprivilegedUser(settings, binaries);
        };
    }

    static Privileges detectPrivileges() {
        if (!currentUserIsRoot()) {
            return Privileges.CURRENT_USER;
        }
        try {
            String uid = Commands.run(List.of("unshare", "-U", "id", "-u")).trim();
            if (!uid.equals("0")) {
                return Privileges.USER_NAMESPACE;
            }
        } catch (IllegalStateException userNamespacesRefused) {
            LOG.debugf("no user namespace: %s", userNamespacesRefused.getMessage());
        }
        return Privileges.RUN_AS_USER;
    }

    static boolean currentUserIsRoot() {
        try {
            return Commands.run(List.of("id", "-u")).trim().equals("0");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Runs a command as the server user; see {@link Commands#run}. */
    String run(List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return Commands.run(full);
    }

    /** Hands a folder we created to the server user, where that is someone else. */
    void own(Path folder) {
        if (owner != null) {
            Commands.run(List.of("chown", owner, folder.toString()));
        }
    }

    /** For the log: who the server runs as. */
    String description() {
        return description;
    }

    private static ServerUser unprivilegedUser(Settings settings, PostgresBinaries binaries) {
        String user = settings.runAsUser() != null ? settings.runAsUser() : defaultUser();
        String uid = Commands.run(List.of("id", "-u", user)).trim();
        String gid = Commands.run(List.of("id", "-g", user)).trim();
        ServerUser server = new ServerUser(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"),
                uid + ":" + gid, "user " + user + " (uid " + uid + ")");
        server.prepare(settings, binaries, user);
        return server;
    }

    private static String defaultUser() {
        try {
            Commands.run(List.of("id", "-u", "postgres"));
            return "postgres";
        } catch (IllegalStateException noPostgresUser) {
            return "nobody";
        }
    }

    /** The server user must own its folders and reach the binaries; say so plainly when it cannot. */
    private void prepare(Settings settings, PostgresBinaries binaries, String user) {
        own(settings.root());
        if (Files.exists(settings.dataDirectory())) {
            // a data directory made by root, or by another user before, becomes the server user's
            Commands.run(List.of("chown", "-R", owner, settings.dataDirectory().toString()));
        }
        try {
            run(List.of("test", "-x", binaries.home().resolve("bin/postgres").toString(),
                    "-a", "-w", settings.root().toString()));
        } catch (IllegalStateException unreachable) {
            throw new IllegalStateException("the embedded PostgreSQL runs as " + user + ", who cannot reach "
                    + binaries.home() + " or write to " + settings.root()
                    + "; choose folders that user can reach (every parent folder must be searchable)");
        }
    }
}
