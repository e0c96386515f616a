package org.armscope.cli;

import org.armscope.store.SqlStore;
import org.armscope.team.Role;
import org.armscope.team.TeamStore;
import org.armscope.team.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Accounts from the command line: the first admin is created here (the server must not be running on the same data folder). */
@Command(name = "user", description = "Create and list accounts (viewer, analyst, moderator, admin).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetRole.class})
final class UserCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("armscope user: add NAME --role ROLE | list | role NAME ROLE");
    }

    private static TeamStore open(SqlStore store) throws Exception {
        return new TeamStore(store.newConnection());
    }

    @Command(name = "add", description = "Create an account. The password is read from $ARMSCOPE_PASSWORD, else from the "
            + "console (asked twice), else from the first line of standard input.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", defaultValue = "analyst", description = "viewer, analyst, moderator or admin (default ${DEFAULT-VALUE})")
        String role;

        @Override
        public Integer call() throws Exception {
            Role r = Role.of(role);
            String password = password();
            try (SqlStore store = SqlStore.open(Main.dataDir(), null); TeamStore team = open(store)) {
                User u = team.createUser(name, password, r);
                System.out.println("created " + u.role().code() + " '" + u.name() + "'");
            }
            return 0;
        }

        private static String password() throws Exception {
            String env = System.getenv("ARMSCOPE_PASSWORD");
            if (env != null && !env.isEmpty()) {
                return env;
            }
            java.io.Console console = System.console();
            if (console != null) {
                String a = new String(console.readPassword("password: "));
                String b = new String(console.readPassword("again: "));
                if (!a.equals(b)) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                return a;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password given (set ARMSCOPE_PASSWORD or pipe it in)");
            }
            return line;
        }
    }

    @Command(name = "list", description = "List accounts and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (SqlStore store = SqlStore.open(Main.dataDir(), null); TeamStore team = open(store)) {
                for (User u : team.users()) {
                    System.out.println(u.name() + "\t" + u.role().code());
                }
            }
            return 0;
        }
    }

    @Command(name = "role", description = "Change an account's role.")
    static final class SetRole implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Override
        public Integer call() throws Exception {
            try (SqlStore store = SqlStore.open(Main.dataDir(), null); TeamStore team = open(store)) {
                team.setRole(name, Role.of(role));
                System.out.println("'" + name + "' is now " + Role.of(role).code());
            }
            return 0;
        }
    }
}
